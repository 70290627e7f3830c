"""Fixtures for the document tests: a QApplication, and a skip where poppler is missing."""

from __future__ import annotations

import shutil

import pytest

if not shutil.which("pdftoppm"):
    pytest.skip(
        "poppler-utils (pdftoppm, pdfinfo, pdftotext) is not installed", allow_module_level=True
    )


@pytest.fixture(autouse=True)
def _gui(qapp):
    """Documents lay text out with Qt fonts: a QApplication must exist."""
    return qapp
