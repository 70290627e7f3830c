#!/usr/bin/env bash
# Set up (if needed) and run the demo: a local sync server with a sample desa of 300 households,
# and the desktop client logged in to it as the enumerator enum1 (password verivali-demo).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ "$(uname)" = Linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "No screen here: running the demo offscreen and saving pictures of its windows." >&2
  QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="qt.qpa.*=false" \
    .venv/bin/python docs/screenshots/make_screenshots.py --out demo-data/screenshots
  echo "Open demo-data/screenshots/*.png to see them; on a desktop, this command opens the app." >&2
  exit 0
fi
exec .venv/bin/capi --demo "$@"
