"""The docstring examples of every module of dtks, sync_server and capi_app run (STYLE:
doctests are examples that run). capi_app's Qt modules run on Qt's offscreen platform, as the
rest of the suite does: none of their examples needs a real display."""

import doctest
import importlib
import os
from pathlib import Path

import pytest

if not os.environ.get("QT_QPA_PLATFORM"):  # before any Qt module is imported
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

import capi_app  # noqa: E402
import dtks  # noqa: E402
import sync_server  # noqa: E402

SKIP = ("sync_server.db.migrations",)
"""Alembic's env.py runs only inside Alembic."""


def _modules():
    """Every module file under the packages, also in folders without __init__.py
    (capi_app/ui and capi_app/sync are namespace packages, which pkgutil does not walk)."""
    for package in (dtks, sync_server, capi_app):
        root = Path(package.__file__).parent
        for path in root.rglob("*.py"):
            parts = (package.__name__, *path.relative_to(root).with_suffix("").parts)
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            if not name.startswith(SKIP):
                yield name


@pytest.mark.parametrize("name", sorted(_modules()))
def test_docstring_examples_run(name, request):
    if name.startswith("capi_app."):
        # One QApplication for all: a report's example would otherwise start a bare
        # QGuiApplication, on which a window's example cannot build a widget.
        request.getfixturevalue("qapp")
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_capi_app_modules_are_among_those_whose_examples_run():
    """The Qt side is covered too: its windows, reports and media modules are walked."""
    names = set(_modules())
    assert {"capi_app.ui.window_size", "capi_app.reports.bnba", "capi_app.media.exif"} <= names
