"""Texts Qt draws itself (standard dialog buttons), listed so they get Indonesian translations.

Qt ships no Indonesian catalogue of its own; its standard buttons ask for their text in the
context "QPlatformTheme". Listing the texts here lets pyside6-lupdate put them into our .ts
files, so an OK/Cancel/Yes/No button reads Oke/Batal/Ya/Tidak like the rest of the window.
"""

from PySide6.QtCore import QCoreApplication


def standard_button_texts() -> list[str]:
    """The standard button texts in the current language (Qt looks them up the same way)."""
    return [
        QCoreApplication.translate("QPlatformTheme", "OK"),
        QCoreApplication.translate("QPlatformTheme", "Cancel"),
        QCoreApplication.translate("QPlatformTheme", "Save"),
        QCoreApplication.translate("QPlatformTheme", "&Yes"),
        QCoreApplication.translate("QPlatformTheme", "&No"),
        QCoreApplication.translate("QPlatformTheme", "Close"),
        QCoreApplication.translate("QPlatformTheme", "Discard"),
        QCoreApplication.translate("QPlatformTheme", "Apply"),
        QCoreApplication.translate("QPlatformTheme", "Open"),
        QCoreApplication.translate("QPlatformTheme", "Retry"),
        QCoreApplication.translate("QPlatformTheme", "Ignore"),
        QCoreApplication.translate("QPlatformTheme", "Abort"),
        QCoreApplication.translate("QPlatformTheme", "Help"),
    ]
