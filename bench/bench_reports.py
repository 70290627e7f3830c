"""Time the documents: the BNBA list and the pengesahan draft of a 5,000-household kabupaten.

Run: QT_QPA_PLATFORM=offscreen python bench/bench_reports.py
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "capi_app" / "reports"))

from bnba_samples import make_report  # noqa: E402  (test helper: sample households as bnba JSON)

from capi_app.reports import render_bnba, render_pengesahan  # noqa: E402


def pages(pdf: Path) -> str:
    """The page count pdfinfo reads (or '?' without poppler-utils)."""
    try:
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    except FileNotFoundError:
        return "?"
    return next((line.split()[1] for line in out.splitlines() if line.startswith("Pages:")), "?")


if __name__ == "__main__":
    report = make_report(5000, "32.04", seed=2)
    out = Path(tempfile.mkdtemp())
    for name, render in (("BNBA", render_bnba), ("pengesahan draft", render_pengesahan)):
        start = time.perf_counter()
        pdf = render(report, out / f"{name.split()[0]}.pdf")
        seconds = time.perf_counter() - start
        print(
            f"{name}, 5,000 households of 32.04: {seconds:.1f} s, {pages(pdf)} pages, "
            f"{pdf.stat().st_size / 2**20:.1f} MiB"
        )
