"""Admin recovery of a device whose user forgot the password, and district key pair generation.

    python -m capi_app.store.recover --generate-keypair district-3204
    python -m capi_app.store.recover --keyfile PROFILE/store.key \\
        --private-key district-3204.key --new-password-stdin < newpass.txt
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from capi_app.store import keys


def generate_keypair(prefix: str) -> tuple[Path, Path]:
    """Write PREFIX.key (private, mode 0600) and PREFIX.pub (public) and return their paths."""
    private_pem, public_pem = keys.generate_district_keypair()
    private_path, public_path = Path(prefix + ".key"), Path(prefix + ".pub")
    for p in (private_path, public_path):
        if p.exists():
            raise SystemExit(f"{p} already exists; refusing to overwrite a district key")
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(private_pem)
    public_path.write_bytes(public_pem)
    return private_path, public_path


def reset_password(keyfile: Path, private_key_path: Path, new_password: str) -> None:
    """Unwrap the database key with the district key and wrap it under a new password."""
    private = keys.load_private_key(Path(private_key_path).read_bytes())
    key = keys.recover(keyfile, private)
    keys.set_password(keyfile, key, new_password)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; returns the exit status."""
    ap = argparse.ArgumentParser(prog="python -m capi_app.store.recover", description=__doc__)
    ap.add_argument("--generate-keypair", metavar="PREFIX", help="write PREFIX.key and PREFIX.pub")
    ap.add_argument("--keyfile", type=Path, help="the device's store.key")
    ap.add_argument("--private-key", type=Path, help="the district private key (PEM)")
    ap.add_argument(
        "--new-password-stdin", action="store_true", help="read the new password from stdin"
    )
    args = ap.parse_args(argv)
    if args.generate_keypair:
        private_path, public_path = generate_keypair(args.generate_keypair)
        pub = keys.load_public_key(public_path.read_bytes())
        print(f"wrote {private_path} (keep it offline) and {public_path}")
        print(f"district key id: {keys.district_key_id(pub)}")
        return 0
    if not (args.keyfile and args.private_key and args.new_password_stdin):
        ap.error("recovery needs --keyfile, --private-key and --new-password-stdin")
    new_password = sys.stdin.readline().rstrip("\r\n")
    if not new_password:
        ap.error("the new password read from stdin is empty")
    try:
        reset_password(args.keyfile, args.private_key, new_password)
    except keys.KeyFileError as e:
        print(f"recovery failed: {e}", file=sys.stderr)
        return 1
    print(f"{args.keyfile}: new password set; the user can log in with it now")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
