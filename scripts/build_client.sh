#!/usr/bin/env bash
# Build the desktop client with PyInstaller (one folder, dist/verivali/) and check the result:
# the built app must print its version and pass its offscreen self-check.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pip install --quiet -e '.[build]'
.venv/bin/pyinstaller --noconfirm --log-level WARN build.spec
app=dist/verivali/verivali
"$app" --version
QT_QPA_PLATFORM=offscreen "$app" --self-check
du -sh dist/verivali
