"""Which system libraries Qt's xcb platform plugin lacks on this Linux desktop, and the
Debian/Ubuntu packages that hold them.

PySide6's wheels carry Qt but not the X11/xcb libraries its xcb plugin links against; on a
fresh Debian desktop several are missing (libxcb-cursor0 first), and Qt then aborts with a
core dump ("could not load the Qt platform plugin xcb"). ``missing()`` runs ``ldd`` on the
plugin and names what the system lacks before Qt tries; ``scripts/demo.sh`` installs them
(or names every one in one message) and ``capi`` says so instead of dumping core. No Qt is
imported here.

    python -m capi_app.qt_libs      # prints the missing packages, one a line; exit 1 if any

>>> not_found("\\tlibxcb-cursor.so.0 => not found\\n\\tlibc.so.6 => /lib/libc.so.6 (0x1)\\n")
['libxcb-cursor.so.0']
>>> packages(["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libfoo.so.9"])
['libxcb-cursor0', 'libxcb-icccm4', 'libfoo.so.9']
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libpng16.so.16": "libpng16-16",
    "libexpat.so.1": "libexpat1",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}
"""The library files Qt's xcb plugin links against, by the Debian package that has each
(bookworm and trixie names; Ubuntu's are the same)."""


def pyside_dir() -> Path | None:
    """PySide6's directory, found without importing it (None when it is not installed)."""
    spec = importlib.util.find_spec("PySide6")
    return Path(spec.origin).parent if spec and spec.origin else None


PLUGIN_ENV = "VERIVALI_QT_PLUGIN"
"""Check this library file instead of PySide6's xcb plugin (for tests of the check itself)."""


def plugin() -> Path | None:
    """The xcb platform plugin of the installed PySide6, if any."""
    if os.environ.get(PLUGIN_ENV):
        return Path(os.environ[PLUGIN_ENV])
    base = pyside_dir()
    path = base / "Qt" / "plugins" / "platforms" / "libqxcb.so" if base else None
    return path if path and path.exists() else None


def not_found(ldd_output: str) -> list[str]:
    """The library files ``ldd`` reports as not found, in its order, once each."""
    found: list[str] = []
    for line in ldd_output.splitlines():
        name, _, rest = line.strip().partition(" => ")
        if rest.strip() == "not found" and name not in found:
            found.append(name)
    return found


def packages(files: list[str]) -> list[str]:
    """The Debian package of each library file (the file name itself when unknown), once each."""
    out: list[str] = []
    for name in files:
        package = DEBIAN_PACKAGES.get(name, name)
        if package not in out:
            out.append(package)
    return out


def missing(path: Path | None = None) -> list[str]:
    """The library files Qt's xcb plugin needs that this system lacks ([] when none, when
    not on Linux, or when ldd or the plugin is not there to ask)."""
    if not sys.platform.startswith("linux"):
        return []
    path = path or plugin()
    ldd = shutil.which("ldd")
    if path is None or ldd is None:
        return []
    done = subprocess.run([ldd, str(path)], capture_output=True, text=True, timeout=30)
    return not_found(done.stdout + done.stderr)


def message(files: list[str]) -> str:
    """One message naming every missing library, its package and the command that installs them."""
    names = packages(files)
    return (
        "The desktop lacks libraries the Qt window needs: "
        + ", ".join(files)
        + ". Install them with:\n  sudo apt-get install -y "
        + " ".join(names)
        + "\n(Debian/Ubuntu package names; bash scripts/demo.sh installs them when it may.)"
    )


def main() -> int:
    """Print the missing packages, one a line; exit 1 when any is missing."""
    names = packages(missing())
    for name in names:
        print(name)
    return 1 if names else 0


if __name__ == "__main__":
    sys.exit(main())
