"""Heads-down PAPI keying: keystrokes and seconds per verivali questionnaire with 4 members.

A clerk (tests/e2e/papi_paper.Keyer) keys paper questionnaires of pulled households into the
PAPI entry window of a real SQLCipher store, offscreen: the questionnaire number, the
household's pre-list number, then for each question the paper's value (nothing when the
screen already shows it) and Enter; Enter after the save starts the next one. Keys are
counted as value characters, Enter and anything else (the goal: nothing else). Seconds are
the software's own time per questionnaire (events, relevance, checks, the save); a clerk's
time is estimated from the keystrokes at 8,000 keystrokes per hour, a common data-entry rate.

Run: QT_QPA_PLATFORM=offscreen python bench/bench_papi.py [questionnaires]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from bench_store_data import households, machine  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from capi_app.forms import load  # noqa: E402
from capi_app.store import Store  # noqa: E402
from dtks.model import Assignment, PullPage  # noqa: E402

CLERK_KEYS_PER_HOUR = 8_000
ASSIGNMENT = Assignment(7, "2026-11", "32.04", "verivali_dtks", "2026110101")


@dataclass
class _Settings:
    language: str = "id"


@dataclass
class _Profile:
    settings: _Settings = field(default_factory=_Settings)


@dataclass
class ClerkSession:
    """What the entry window needs of a logged-in clerk (no server: a first entry)."""

    store: Store
    username: str = "clerk1"
    profile: _Profile = field(default_factory=_Profile)
    api: object = None


def main() -> None:
    from papi_paper import Keyer, clean, paper_for

    from capi_app.ui.papi.entry_window import PapiEntryWindow

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    app = QApplication.instance() or QApplication([])
    form = load("verivali_dtks")
    workdir = Path(tempfile.mkdtemp())
    with Store.open(workdir, os.urandom(32)) as store:
        store.save_assignments([ASSIGNMENT])
        items = households(600, "32.04.12.2002")  # one desa: pre-list numbers are unique
        store.apply_pull_page(ASSIGNMENT.id, PullPage(items, next_since=1, more=False))
        four = [
            h.household_id
            for h in items
            if len(h.members) == 4 and clean(store.household(h.household_id))
        ]
        papers = []
        for hid in four:
            try:
                papers.append((hid, paper_for(form, store, hid, len(papers) + 1)))
            except AssertionError:  # a pre-list the form refuses: not a clean paper
                continue
            if len(papers) == n:
                break
        window = PapiEntryWindow(ClerkSession(store), form)
        window.show()
        window.activateWindow()
        for _ in range(50):
            app.processEvents()
        keyer = Keyer(window)
        keyer.open_batch("BENCH", 1)
        rows = []
        for i, (hid, paper) in enumerate(papers, 1):
            before = (keyer.keys.values, keyer.keys.enter, keyer.keys.other)
            t0 = time.perf_counter()
            keyer.key(f"{i:04d}", hid[-6:].lstrip("0"), paper)
            seconds = time.perf_counter() - t0
            v, e, o = (
                a - b
                for a, b in zip(
                    (keyer.keys.values, keyer.keys.enter, keyer.keys.other), before, strict=True
                )
            )
            assert store.household(hid).verification.status == "finalized"
            rows.append((v, e, o, seconds))
        window.close()
    keys = [v + e + o for v, e, o, _ in rows]
    secs = [s for *_, s in rows]
    print(f"machine: {machine()}")
    print(f"{len(rows)} questionnaires of 4 members keyed heads-down, first entry")
    print(
        f"keys per questionnaire: median {statistics.median(keys):.0f} "
        f"(values {statistics.median(r[0] for r in rows):.0f}, Enter {statistics.median(r[1] for r in rows):.0f}, "
        f"other {max(r[2] for r in rows)}), range {min(keys)}–{max(keys)}"
    )
    print(
        f"software seconds per questionnaire (offscreen, events + checks + save): "
        f"median {statistics.median(secs):.2f} s, max {max(secs):.2f} s"
    )
    print(
        f"a clerk at {CLERK_KEYS_PER_HOUR:,} keystrokes/hour: about "
        f"{statistics.median(keys) / CLERK_KEYS_PER_HOUR * 3600:.0f} s per questionnaire, "
        f"{CLERK_KEYS_PER_HOUR / statistics.median(keys):.0f} questionnaires per hour"
    )


if __name__ == "__main__":
    main()
