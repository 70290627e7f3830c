"""Shared test setup: Qt runs offscreen everywhere, and the server's clock is set.

Every server a test starts (in this process or a child) reads its clock from
VERIVALI_CLOCK_FILE (sync_server.clock): by default the suite runs on 2 November 2026, inside
the windows of round 2026-11 that the fixtures use, whatever the real date. A test that moves
time gives its own server its own clock file.
"""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SUITE_TIME = "2026-11-02T09:00:00+07:00"
"""The moment the suite's servers start from (the clock runs on from there)."""

if "VERIVALI_CLOCK_FILE" not in os.environ:
    _clock = Path(tempfile.mkdtemp(prefix="verivali-clock-")) / "clock"
    _clock.write_text(SUITE_TIME, encoding="utf-8")
    os.environ["VERIVALI_CLOCK_FILE"] = str(_clock)
