"""Qt translations: source strings are English; Bahasa Indonesia is the default language.

The compiled catalogues live in resources/i18n/verivali_<lang>.qm, made from the .ts sources
by `python resources/i18n/build.py` (pyside6-lupdate + pyside6-lrelease).
"""

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from dtks.resources import resources_dir

_installed: list[QTranslator] = []


def qm_path(language: str) -> str:
    """The compiled catalogue for a language code ('id', 'en')."""
    return str(resources_dir() / "i18n" / f"verivali_{language}.qm")


def set_language(language: str) -> bool:
    """Swap the application's translator for the language; True when a catalogue was loaded.

    Widgets retranslate on the LanguageChange event Qt sends to every window.
    """
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    translator = QTranslator()
    if not translator.load(qm_path(language)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    QLocale.setDefault(
        QLocale(QLocale.Language.Indonesian if language == "id" else QLocale.Language.English)
    )
    return True
