"""The server's own key pair: X25519 (bundles are sealed to it) and Ed25519 (it signs replies).

Made once, on first use, in ``server_keys.json`` inside the data directory: 0600 in a 0700
directory (dtks.private_files), like the database. Its public halves are GET /server/keys.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> keys = load_or_create(d)
>>> keys.public().key_id == load_or_create(d).public().key_id
True
>>> oct((d / KEY_FILE).stat().st_mode & 0o777)
'0o600'
"""

import json
import os
import threading
import uuid
from pathlib import Path

from dtks.bundles.keys import KeyPair
from dtks.private_files import private_dir, private_file, write_private

KEY_FILE = "server_keys.json"
_lock = threading.Lock()


def load_or_create(data_dir: Path) -> KeyPair:
    """The server's keys from the data directory, made there the first time."""
    path = Path(data_dir) / KEY_FILE
    with _lock:
        if not path.exists():
            _create(path)
        private_file(path)  # an older lax file is made 0600 again
        return KeyPair.from_json(json.loads(path.read_text(encoding="utf-8")))


def _create(path: Path) -> None:
    """Write new keys unless another process did first (link fails on an existing file)."""
    private_dir(path.parent)
    tmp = write_private(path.with_name(f".{path.name}.{uuid.uuid4().hex}"), _new())
    try:
        os.link(tmp, path)
    except FileExistsError:
        pass  # another server process made them first: theirs stand
    finally:
        tmp.unlink()


def _new() -> bytes:
    return json.dumps(KeyPair.generate().to_json()).encode()
