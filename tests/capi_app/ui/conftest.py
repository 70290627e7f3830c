"""Window tests share one QApplication: each test starts with the source (English) texts."""

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from capi_app.ui import i18n


@pytest.fixture(autouse=True)
def _english_between_tests(qapp):
    """A test that switches language must not leave its translator to the next test."""
    yield
    # Windows closed by the test are deleted first: a language change would wake them up.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    i18n.set_language("en")
