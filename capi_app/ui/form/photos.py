"""Photos and GPS on the form page: importing a photo, and offering its GPS to the points."""

from PySide6.QtWidgets import QApplication

from capi_app.ui.form.editors import GeopointEditor, ImageEditor


class PagePhotos:
    """The photo and GPS work of a FormView (``view``)."""

    def __init__(self, view):
        self.view = view
        self.gps: dict | None = None
        """The GPS of the last photo shown, offered to the form's points."""

    def take_gps(self) -> None:
        """Fill the current (else the first) point with the photo's GPS."""
        view = self.view
        editor = view._editor_of(QApplication.focusWidget())
        if not isinstance(editor, GeopointEditor):
            editor = next((e for e in view._order if isinstance(e, GeopointEditor)), None)
        if editor is not None and editor.photo_button.isEnabled():
            editor.take_photo_gps()
            view._focus_editor(editor)

    def import_first(self) -> None:
        """Import a photo for the current (else the first shown) image question."""
        view = self.view
        editor = view._editor_of(QApplication.focusWidget())
        if not isinstance(editor, ImageEditor):
            editor = next(
                (e for e in view._order if isinstance(e, ImageEditor) and e.isVisibleTo(view)),
                None,
            )
        if editor is not None:
            self.import_into(editor)

    def import_into(self, editor: ImageEditor) -> None:
        """Ask the view's photo_importer for a photo for ``editor``."""
        if self.view.photo_importer is None:
            return
        result = self.view.photo_importer(editor.field.name)
        if result:  # None: cancelled, or the importer delivers later through attach_photo()
            self.attach(editor, *result)

    def attach(self, editor: ImageEditor, sha256: str, thumbnail, gps: dict | None) -> None:
        """Answer ``editor`` with a photo, offer its GPS, and tell the view's listeners."""
        editor.set_photo(sha256, thumbnail, gps)
        editor.scope[editor.field.name] = sha256
        editor.touched = True
        self.offer_gps(gps, fill_empty=True)
        self.view._evaluate()
        self.view.changed.emit()

    def offer_gps(self, gps: dict | None, fill_empty: bool = False) -> None:
        """Offer a photo's GPS to the top-level points (and fill the empty ones)."""
        self.gps = gps
        for e in self.view._order:
            if isinstance(e, GeopointEditor) and not e.where:
                e.set_photo_gps(gps)
                if fill_empty and gps and e.value() is None:
                    e.take_photo_gps()
