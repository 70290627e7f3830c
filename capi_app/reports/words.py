"""The documents' words in the language asked for, from the app's Qt catalogues.

The language is the document's, not the window's: a reviewer working in English still prints
the Indonesian BNBA, so this reads the catalogue itself instead of the application's installed
translator. Strings are written as ``words.translate("Reports", "...")`` so pyside6-lupdate
finds them (context "Reports" in resources/i18n/verivali_<lang>.ts).
"""

from __future__ import annotations

import atexit
import functools
from datetime import date

from PySide6.QtCore import QDate, QLocale, QTranslator

from dtks.resources import resources_dir

LANGUAGES = ("id", "en")
SOURCE_LANGUAGE = "en"


class MissingCatalogue(RuntimeError):
    """The compiled translation (.qm) of a document language is not installed."""


class Words:
    """Translate the documents' source strings (English) into one language."""

    def __init__(self, lang: str):
        if lang not in LANGUAGES:
            raise ValueError(f"unknown document language {lang!r}; use one of {LANGUAGES}")
        self.lang = lang
        self._translator = _translator(lang) if lang != SOURCE_LANGUAGE else None
        self._locale = QLocale(
            QLocale.Language.Indonesian if lang == "id" else QLocale.Language.English
        )

    def translate(self, context: str, text: str) -> str:
        """The translation of text in context, or text itself when the catalogue has none."""
        if self._translator is None:
            return text
        return self._translator.translate(context, text) or text

    def date(self, day: date) -> str:
        """A date as written in letters: '1 November 2026'."""
        return self._locale.toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")

    def month(self, round_: str) -> str:
        """A round 'YYYY-MM' as 'November 2026' (other round names are kept as they are)."""
        try:
            year, month = (int(part) for part in round_.split("-"))
            return self._locale.toString(QDate(year, month, 1), "MMMM yyyy")
        except ValueError:
            return round_

    def number(self, n: int) -> str:
        """A count with the language's thousands separator: 5.000 / 5,000."""
        return self._locale.toString(n)


@functools.cache
def _translator(lang: str) -> QTranslator:
    path = resources_dir() / "i18n" / f"verivali_{lang}.qm"
    translator = QTranslator()
    if not translator.load(str(path)):
        raise MissingCatalogue(f"{path} is missing: run python resources/i18n/build.py")
    return translator


# A QTranslator still alive while Python tears Qt down crashes the interpreter at exit.
atexit.register(_translator.cache_clear)
