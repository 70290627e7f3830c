"""The household list window with 10,000 households: seconds to open it (construct, read the
list from the encrypted store, show) and how many times its model was reset on the way.

A real SQLCipher store is filled by the pull code path (pages of 500), then the window is opened
several times in this process (the first open also loads the kode wilayah table, as in the app).
CPU seconds are printed beside wall time: on a shared machine they are what a quiet one's wall
time would be, near enough (the window does no I/O wait worth the name).

Run: QT_QPA_PLATFORM=offscreen python bench/bench_main_window.py [households]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from bench_store_data import households, machine  # noqa: E402

from capi_app.store import Store  # noqa: E402
from capi_app.store.listing import list_rows  # noqa: E402
from dtks.model import Assignment, PullPage  # noqa: E402

PAGE = 500
ASSIGNMENT = Assignment(7, "2026-11", "32.04", "verivali_dtks", "2026110101")


def filled_store(n: int, workdir: Path) -> Store:
    """An encrypted store holding n pulled households."""
    store = Store.open(workdir, os.urandom(32))
    store.save_assignments([ASSIGNMENT])
    items = households(n)
    for i in range(0, n, PAGE):
        page = PullPage(items[i : i + PAGE], next_since=i + PAGE, more=i + PAGE < n)
        store.apply_pull_page(ASSIGNMENT.id, page)
    return store


def open_window(app, session) -> tuple[float, float, int]:
    """(seconds from constructing the window to it shown and painted, CPU seconds of this
    process in that time, model resets)."""
    from capi_app.ui.household_list import HouseholdTableModel
    from capi_app.ui.main_window import MainWindow

    resets = []
    end_reset = HouseholdTableModel.endResetModel
    HouseholdTableModel.endResetModel = lambda model: (resets.append(1), end_reset(model))
    t0, c0 = time.perf_counter(), time.process_time()
    window = MainWindow(session)
    window.show()
    app.processEvents()
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    HouseholdTableModel.endResetModel = end_reset
    window.close()
    window.deleteLater()
    app.processEvents()
    return dt, cpu, len(resets)


def main() -> None:
    """Fill a store, open the window a few times, print the figures."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    from capi_app.ui.app import make_app

    app = make_app("id")
    workdir = Path(tempfile.mkdtemp(prefix="bench-main-window-"))
    store = filled_store(n, workdir)
    session = SimpleNamespace(
        store=store, online=False, username="enum1", role="enumerator", profile=None
    )
    t0 = time.perf_counter()
    listed = list_rows(store.db)
    list_s = time.perf_counter() - t0
    runs = [open_window(app, session) for _ in range(5)]
    times, cpus = [r[0] for r in runs], [r[1] for r in runs]
    print(
        f"{len(listed)} households: open the list window median {statistics.median(times):.3f} s "
        f"wall, {statistics.median(cpus):.3f} s CPU (first {times[0]:.3f} s; runs "
        f"{', '.join(f'{t:.3f}' for t in times)}); model reset {runs[0][2]} time(s) per open; "
        f"reading the list rows alone {list_s:.3f} s"
    )
    print(
        f"machine: {machine()}, load average {os.getloadavg()[0]:.1f}, {time.strftime('%Y-%m-%d')}"
    )
    store.close()


if __name__ == "__main__":
    main()
