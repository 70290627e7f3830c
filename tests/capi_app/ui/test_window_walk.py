"""Every window walked: it fits a 1366×768 laptop with a taskbar (1366×728 usable) and a
1280×720 screen, and in Bahasa Indonesia it shows no English.

window_probe.py opens each window on real data in a process whose offscreen screen has that
size, and reports its geometry and the texts it shows; here each report is held against the
available screen, with room for a window manager's title bar, no button may be out of view,
and a text that reads the same in Indonesian and English must be a name, a code or data.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMainWindow
from review_scenario import enumerator, make_conflict

import capi_app.ui
from capi_app import demo
from capi_app.ui.window_size import FRAME

HERE = Path(__file__).resolve().parent
SCREENS = {"1366x728": (1366, 728), "1280x720": (1280, 720)}


@pytest.fixture(scope="module")
def field(tmp_path_factory):
    """A demo server with a household in conflict, and an enumerator's profile on disk."""
    root = tmp_path_factory.mktemp("geometry")
    server = demo.start_demo_server(root / "demo", log=lambda *_: None)
    one = enumerator(root, server.url, "enum1", demo.DEMO_PASSWORD)
    two = enumerator(root, server.url, "enum2", demo.DEMO_PASSWORD)
    ids = [h.household_id for h in one.store.list_households(limit=2)]
    make_conflict(one, two, ids[0], "Jl. Mawar 5", "Jl. Melati 7")
    for s in (one, two):
        s.close()
    (root / "profile-enum1").rename(root / "enumerator")
    yield {"url": server.url, "root": root, "household": ids[1], "review": ids[0]}
    server.stop()


def probe(field, size: tuple[int, int], lang: str) -> dict:
    """Run window_probe.py on an offscreen screen of this size: its reports and data words."""
    config = field["root"] / f"screen-{size[0]}x{size[1]}.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": size[0], "height": size[1]}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), *sys.path])
    done = subprocess.run(
        [sys.executable, str(HERE / "window_probe.py"), field["url"], str(field["root"]),
         field["household"], field["review"], lang],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def walks(field):
    """The probe's findings per screen size in Indonesian (the longer texts), and in English
    on the larger screen."""
    out = {name: probe(field, size, "id") for name, size in SCREENS.items()}
    out["en"] = probe(field, SCREENS["1366x728"], "en")
    return out


@pytest.fixture(scope="module")
def reports(walks):
    """The window reports per screen size, in Indonesian."""
    return {name: walks[name]["reports"] for name in SCREENS}


def window_classes() -> set[str]:
    """Every top-level window class of capi_app.ui (a dialog or a main window)."""
    out = set()
    for info in pkgutil.walk_packages(capi_app.ui.__path__, "capi_app.ui."):
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == info.name and issubclass(cls, QDialog | QMainWindow):
                out.add(name)
    return out


def test_the_probe_opens_every_window_class_of_the_client(reports):
    probed = {r["class"] for r in reports["1366x728"]}
    missing = window_classes() - probed
    assert not missing, f"windows without a geometry check (add them to window_probe.py): {missing}"


@pytest.mark.parametrize("screen", SCREENS)
def test_every_window_fits_the_available_screen_with_its_title_bar(reports, screen):
    wrong = []
    for r in reports[screen]:
        x, y, w, h = r["geometry"]
        ax, ay, aw, ah = r["available"]
        fits = w + FRAME.width() <= aw and h + FRAME.height() <= ah
        inside = ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah
        if not (fits and inside):
            wrong.append((r["name"], r["geometry"], r["minimum"], r["available"]))
    assert not wrong, wrong


@pytest.mark.parametrize("screen", SCREENS)
def test_every_button_is_in_view_and_no_label_is_cut(reports, screen):
    clipped = {r["name"]: r["clipped_buttons"] for r in reports[screen] if r["clipped_buttons"]}
    squeezed = {r["name"]: r["squeezed_labels"] for r in reports[screen] if r["squeezed_labels"]}
    assert not clipped, clipped
    assert not squeezed, squeezed


KEPT = {
    # Domain words that keep their Indonesian names in every language (docs/glossary.md),
    # product and format names, units: the same in id and en by design.
    "dtks", "verivali", "bnba", "nik", "no", "kk", "krt", "art", "rt", "rw", "kode", "wilayah",
    "desa", "kelurahan", "kecamatan", "kabupaten", "kota", "provinsi", "dinas", "sosial", "papi",
    "capi", "batch", "pbi", "jk", "pkh", "bpnt", "sembako", "usulan", "sanggahan", "pengesahan", "desil",
    "ctrl", "shift", "enter", "pgdn", "pgup", "del", "delete", "f5", "f8", "csv", "xlsx", "pdf",
    "jpg", "jpeg", "png", "gps", "km", "m", "kb", "mb", "sha256", "id", "en", "bahasa",
    "indonesia", "english", "oke", "status",
}  # fmt: skip


def untranslated(text: str, data: set[str]) -> bool:
    """Whether a text has words that are not data (names, addresses, places, files), codes,
    keys or kept domain words: the same in both languages, such a text was left in English."""
    if "://" in text or text.startswith("/"):
        return False  # an address or a path
    words = re.findall(r"\w+", text)
    return any(
        w not in data and w.lower() not in KEPT and len(w) > 1 and not any(c.isdigit() for c in w)
        for w in words
    )


def test_every_window_speaks_indonesian(walks):
    indonesian = {r["name"]: r["texts"] for r in walks["1366x728"]["reports"]}
    english = {r["name"]: set(r["texts"]) for r in walks["en"]["reports"]}
    data = set(walks["1366x728"]["data"])
    same = {
        name: found
        for name, texts in indonesian.items()
        if (found := [t for t in texts if t in english.get(name, ()) and untranslated(t, data)])
    }
    assert not same, json.dumps(same, ensure_ascii=False, indent=1)
