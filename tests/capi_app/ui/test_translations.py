"""Every window string has its Indonesian translation, and the compiled catalogues are current."""

import importlib.util
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from capi_app.ui import i18n

BUILD = Path(__file__).resolve().parents[3] / "resources" / "i18n" / "build.py"


def load_build():
    spec = importlib.util.spec_from_file_location("i18n_build", BUILD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_translations_are_complete_and_compiled(capsys):
    assert load_build().build(check=True) == 0, capsys.readouterr().out


def test_indonesian_is_loaded_and_english_falls_back_to_source(qapp):
    assert i18n.set_language("id")
    assert QCoreApplication.translate("LoginDialog", "Password") == "Kata sandi"
    assert QCoreApplication.translate("State", "Not visited") == "Belum dikunjungi"
    assert i18n.set_language("en")
    assert QCoreApplication.translate("LoginDialog", "Password") == "Password"


def test_every_flag_kind_has_an_indonesian_label(qapp):
    """A flag kind added to dtks.review without a label would show its raw name as a chip."""
    from capi_app.ui.review_queue_model import flag_label
    from dtks import review

    english = {kind: flag_label(kind) for kind in review.FLAG_KINDS}
    i18n.set_language("id")
    try:
        indonesian = {kind: flag_label(kind) for kind in review.FLAG_KINDS}
    finally:
        i18n.set_language("en")
    untranslated = {k for k in review.FLAG_KINDS if indonesian[k] in (k, english[k])}
    assert untranslated == set(), f"flag kinds without an Indonesian label: {untranslated}"
