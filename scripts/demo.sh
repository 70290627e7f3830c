#!/usr/bin/env bash
# Set up (if needed) and run the demo. For now: generate a sample pre-list and summarise it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m dtks.sample --households 300 --wilayah 32.04.12.2002 --seed 1 --out demo-data/prelist
