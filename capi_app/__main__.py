"""`python -m capi_app` runs the `capi` command (also the entry of the PyInstaller build)."""

import sys

from capi_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
