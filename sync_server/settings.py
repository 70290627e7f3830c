"""Where the server keeps its data and which limits it applies.

>>> s = Settings.resolve(data_dir="/tmp/vv")
>>> s.db_url
'sqlite:////tmp/vv/verivali.sqlite3'
"""

import os
from dataclasses import dataclass
from pathlib import Path

from dtks import review
from dtks.bundles.container import MAX_BUNDLE_BYTES
from dtks.private_files import private_dir

APP_DIR_NAME = "verivali-server"
DB_FILE_NAME = "verivali.sqlite3"
PHOTOS_DIR_NAME = "photos"
SCANS_DIR_NAME = "pengesahan"


def default_data_dir() -> Path:
    """Return the per-user data directory: $XDG_DATA_HOME/verivali-server or ~/.local/share/..."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_DIR_NAME


def default_forms_dir() -> Path | None:
    """$VERIVALI_FORMS_DIR, else the checkout's forms/ directory when there is one."""
    override = os.environ.get("VERIVALI_FORMS_DIR")
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent.parent / "forms"
    return here if here.is_dir() else None


def default_chain() -> tuple[str, ...]:
    """$VERIVALI_CHAIN (levels, comma-separated, lowest first), else kabkota,provinsi,kemensos."""
    text = os.environ.get("VERIVALI_CHAIN")
    return review.parse_chain(text) if text else review.DEFAULT_CHAIN


@dataclass(frozen=True)
class Settings:
    """Everything the app and the CLI need to know about one server installation."""

    db_url: str
    data_dir: Path
    token_days: int = 60
    """Tokens live long: enumerators work offline for weeks."""
    max_body_bytes: int = 1 * 1024 * 1024
    max_changeset_bytes: int = 20 * 1024 * 1024
    max_photo_bytes: int = 2 * 1024 * 1024
    max_scan_bytes: int = 10 * 1024 * 1024
    """A signed pengesahan scan (PUT /rounds/{round}/pengesahan)."""
    max_bundle_bytes: int = MAX_BUNDLE_BYTES
    """A push bundle (POST /bundles): a 200-household bundle with photos is about 15 MB."""
    login_free_failures: int = 5
    """Failed logins per username and address before the server answers 429."""
    login_max_lockout_s: int = 15 * 60
    trusted_proxies: tuple[str, ...] = ()
    """Proxies whose X-Forwarded-For is believed (addresses or networks); none by default."""
    pull_max_limit: int = 2000
    forms_dir: Path | None = None
    """XLSForm files by form id (forms/verivali-dtks.xlsx); None: answers get protocol checks only."""
    chain: tuple[str, ...] = review.DEFAULT_CHAIN
    """The approval chain, lowest level first ($VERIVALI_CHAIN, e.g. 'kabkota,kemensos')."""

    @classmethod
    def resolve(cls, db: str | None = None, data_dir: str | os.PathLike | None = None, **kw):
        """Build settings from --db / --data-dir (either may be None: defaults apply)."""
        ddir = Path(data_dir).expanduser() if data_dir else default_data_dir()
        url = db or f"sqlite:///{ddir / DB_FILE_NAME}"
        kw.setdefault("forms_dir", default_forms_dir())
        kw.setdefault("chain", default_chain())
        return cls(db_url=url, data_dir=ddir, **kw)

    @property
    def photos_dir(self) -> Path:
        """Directory of uploaded photos, stored by hash."""
        return self.data_dir / PHOTOS_DIR_NAME

    @property
    def scans_dir(self) -> Path:
        """Directory of the signed pengesahan scans, stored by hash."""
        return self.data_dir / SCANS_DIR_NAME

    def prepare_data_dir(self) -> None:
        """Create the data directory with its photo and scan directories, all 0700.

        Directories left 0755 by an older version are fixed too, down to the hash buckets
        (photos/ab/): with them private, no other account reaches a file inside.
        """
        private_dir(self.data_dir)
        for top in (self.photos_dir, self.scans_dir):
            private_dir(top)
            for bucket in top.iterdir():
                if bucket.is_dir():
                    private_dir(bucket)

    @property
    def is_sqlite(self) -> bool:
        """True when the database is a SQLite file."""
        return self.db_url.startswith("sqlite")
