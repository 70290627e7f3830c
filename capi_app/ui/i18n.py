"""Qt translations: source strings are English; Bahasa Indonesia is the default language.

The compiled catalogues live in resources/i18n/verivali_<lang>.qm, made from the .ts sources
by `python resources/i18n/build.py` (pyside6-lupdate + pyside6-lrelease). Qt's own dialogs
(the file dialog, a message box's details, standard buttons) ask Qt's qtbase catalogue: ours
for Bahasa Indonesia (resources/i18n/qtbase_id.qm, Qt ships none), else the one Qt ships.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from dtks.resources import resources_dir

_installed: list[QTranslator] = []


def qm_path(language: str) -> str:
    """The compiled catalogue for a language code ('id', 'en')."""
    return str(resources_dir() / "i18n" / f"verivali_{language}.qm")


def qt_qm_path(language: str) -> str:
    """Qt's own catalogue for a language: ours when we keep one, else the one Qt ships."""
    ours = resources_dir() / "i18n" / f"qtbase_{language}.qm"
    if ours.exists():
        return str(ours)
    return str(
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{language}.qm"
    )


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
    qt = QTranslator()
    if language != "en" and qt.load(qt_qm_path(language)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(translator)  # installed last, asked first
    _installed.append(translator)
    QLocale.setDefault(
        QLocale(QLocale.Language.Indonesian if language == "id" else QLocale.Language.English)
    )
    return True
