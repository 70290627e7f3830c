"""The client's local profile directory: settings (no secrets), device id, file locations.

A profile holds one user's encrypted store and key file. Settings are plain JSON because they
hold nothing secret: the server address, the user name, the language, the CA bundle path.
The token and all household data live inside the encrypted database.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     p = Profile(tmp)
...     p.settings.language, (p.dir / SETTINGS_FILE).stat().st_mode & 0o777
('id', 384)
"""

import json
import os
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from dtks.private_files import open_private, private_dir

SETTINGS_FILE = "settings.json"
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}


@dataclass
class Settings:
    """What the user chose in the settings window, kept between runs."""

    server_url: str = ""
    username: str = ""
    language: str = "id"
    ca_bundle: str = ""
    device_id: str = field(default_factory=lambda: str(uuid.uuid4()))


def default_profile_dir() -> Path:
    """The per-user data directory: $VERIVALI_PROFILE, else XDG data home / verivali."""
    override = os.environ.get("VERIVALI_PROFILE")
    if override:
        return Path(override)
    if os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "verivali"


class Profile:
    """A directory with settings.json, the key file, the encrypted database and photos."""

    def __init__(self, directory: Path | str | None = None):
        self.dir = Path(directory) if directory else default_profile_dir()
        private_dir(self.dir)
        self.settings = self._load()

    def is_set_up(self) -> bool:
        """True once a first online login created the key file: offline unlock is possible."""
        from capi_app.store.store import KEY_FILE

        return (self.dir / KEY_FILE).exists()

    def save(self) -> None:
        """Write the settings atomically, so a crash never leaves half a file."""
        tmp = self.dir / (SETTINGS_FILE + ".tmp")
        with open_private(tmp, "w", encoding="utf-8") as f:
            json.dump(asdict(self.settings), f, indent=2)
        os.replace(tmp, self.dir / SETTINGS_FILE)

    def _load(self) -> Settings:
        path = self.dir / SETTINGS_FILE
        if not path.exists():
            settings = Settings()
            self.settings = settings
            self.save()
            return settings
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise ValueError(f"settings file {path} is damaged: {e}") from None
        known = {k: v for k, v in data.items() if k in Settings.__dataclass_fields__}
        settings = Settings(**known)
        if settings.language not in LANGUAGES:
            settings.language = "id"
        return settings
