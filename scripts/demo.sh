#!/usr/bin/env bash
# Set up (if needed) and run the demo: a local sync server with a sample desa of 300 households,
# and the desktop client logged in to it as the enumerator enum1 (password verivali-demo).
# Another demo user: bash scripts/demo.sh --user reviewer1 (the demo prints them all).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

# Linux: Qt's xcb plugin needs X11/xcb libraries PySide6 does not carry (a fresh Debian desktop
# lacks libxcb-cursor0 and others). Install what is missing, or name every one at once.
if [ "$(uname)" = Linux ]; then
  mapfile -t missing < <(.venv/bin/python -m capi_app.qt_libs || true)
  if [ "${#missing[@]}" -gt 0 ]; then
    install=(apt-get install -y --no-install-recommends "${missing[@]}")
    unknown=0  # a library file no Debian package is known for: apt-get cannot install it
    for name in "${missing[@]}"; do case "$name" in *.so*) unknown=1 ;; esac; done
    if [ "$unknown" = 0 ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
      echo "Installing the libraries the window needs: ${missing[*]}" >&2
      DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${install[@]}" >&2
    elif [ "$unknown" = 0 ] && command -v apt-get >/dev/null && command -v sudo >/dev/null \
        && sudo -n true 2>/dev/null; then
      echo "Installing the libraries the window needs: ${missing[*]}" >&2
      sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        && sudo -n env DEBIAN_FRONTEND=noninteractive "${install[@]}" >&2
    else
      echo "The window needs system libraries this desktop lacks: ${missing[*]}" >&2
      echo "Install them (once), then run this again:" >&2
      echo "  sudo apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
    mapfile -t still < <(.venv/bin/python -m capi_app.qt_libs || true)
    if [ "${#still[@]}" -gt 0 ]; then
      echo "Still missing after installing: ${still[*]}" >&2
      exit 1
    fi
  fi
fi

if [ "$(uname)" = Linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  if command -v xvfb-run >/dev/null; then
    echo "No screen here: running the demo on a virtual screen and saving pictures of its windows." >&2
    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \
      .venv/bin/python docs/screenshots/make_screenshots.py --out demo-data/screenshots
    echo "Open demo-data/screenshots/*.png to see them; on a desktop, this command opens the app." >&2
    exit 0
  fi
  echo "No screen here (DISPLAY is not set): run this on a desktop to open the app." >&2
  .venv/bin/capi --self-check
  exit 0
fi
exec .venv/bin/capi --demo "$@"
