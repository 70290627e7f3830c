"""The client's local profile directory: settings (no secrets), device id, file locations.

A profile holds its users' encrypted stores, each with its own key file under its own
password: the first user to log in keeps theirs in the profile directory itself (as every
profile before several users did), every other user in ``users/<name>/``. So a user's data,
and the change-sets waiting in their outbox, can only ever be opened and sent by that user.
Settings are plain JSON because they hold nothing secret: the server address, the last user
name, the language, the CA bundle path. Tokens and household data live in the stores.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     p = Profile(tmp)
...     p.settings.language, (p.dir / SETTINGS_FILE).stat().st_mode & 0o777
('id', 384)
"""

import hashlib
import json
import os
import re
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from dtks.private_files import open_private, private_dir

SETTINGS_FILE = "settings.json"
USERS_DIR = "users"
_PLAIN_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}


@dataclass
class Settings:
    """What the user chose in the settings window, kept between runs."""

    server_url: str = ""
    username: str = ""  # the last user who logged in: the login window starts with them
    owner: str = ""  # the user whose store is the profile directory itself (the first one)
    language: str = "id"
    ca_bundle: str = ""
    device_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    known_users: list[str] = field(default_factory=list)  # who logged in here, in order


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

    def is_set_up(self, username: str | None = None) -> bool:
        """True once the user's first online login created their key file: offline unlock is
        possible (``username``: the last user by default)."""
        from capi_app.store.store import KEY_FILE

        return (self.store_dir(username) / KEY_FILE).exists()

    def store_dir(self, username: str | None = None) -> Path:
        """Where a user's encrypted store lives: the profile directory for its first user (or
        while nobody has logged in), ``users/<name>`` for every other user."""
        name = self.settings.username if username is None else username
        owner = self.settings.owner or (self.settings.username if self._root_set_up() else "")
        if not name or name == owner or (not owner and not self._root_set_up()):
            return self.dir
        plain = _PLAIN_NAME.fullmatch(name)
        folder = name if plain else "u-" + hashlib.sha256(name.encode()).hexdigest()[:32]
        return self.dir / USERS_DIR / folder

    def users(self) -> list[str]:
        """The users who have data in this profile (their key file exists), owner first."""
        found = [self.settings.owner] if self.settings.owner and self._root_set_up() else []
        for name in self.settings.known_users:
            if name not in found and self.is_set_up(name):
                found.append(name)
        return found

    def remember_user(self, username: str, store_dir: Path) -> None:
        """Note that the user logged in last, with their store in ``store_dir``."""
        s = self.settings
        s.username = username
        if Path(store_dir) == self.dir:
            s.owner = username
        if username not in s.known_users:
            s.known_users.append(username)
        self.save()

    def _root_set_up(self) -> bool:
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
        if not settings.owner and self._root_set_up():
            # A profile from before several users: its one user owns the directory's store.
            settings.owner = settings.username
        if settings.owner and settings.owner not in settings.known_users:
            settings.known_users.insert(0, settings.owner)
        return settings
