"""Photos of a household under review with their GPS and distances to the other known points."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget
from shiboken6 import isValid

from capi_app.review import Detail, PhotoRow
from capi_app.ui import review_jobs

THUMB = 260


def metres(value: float) -> str:
    """A distance for people: '35 m', '1.2 km'."""
    return f"{value:.0f} m" if value < 1000 else f"{value / 1000:.1f} km"


class PhotosPanel(QScrollArea):
    """One card per photo: thumbnail (fetched off the GUI thread), who took it, where."""

    def __init__(self, api, parent=None):
        super().__init__(parent)
        self.api = api
        self.jobs = []
        self.thumbs: dict[str, QLabel] = {}
        self.setWidgetResizable(True)
        self.inner = QWidget()
        self.box = QVBoxLayout(self.inner)
        self.box.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWidget(self.inner)

    def show_photos(self, detail: Detail) -> None:
        """Replace the cards by the detail's photos and points; start fetching thumbnails."""
        while self.box.count():
            item = self.box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.thumbs = {}
        self.box.addWidget(self._points(detail))
        if not detail.photos:
            none = QLabel(
                self.tr("No photo was sent with the verifications."), objectName="subtitle"
            )
            self.box.addWidget(none)
        for photo in detail.photos:
            self.box.addWidget(self._card(photo))
            self._fetch(photo.sha256)

    def _points(self, d: Detail) -> QLabel:
        lines = []
        pre = d.prelist_point
        lines.append(
            self.tr("Pre-list location: {0}").format(_point(pre))
            if pre
            else self.tr("Pre-list location: none in the pre-list")
        )
        for v in d.verifications:
            where = _point(v.gps) if v.gps else self.tr("no GPS")
            lines.append(self.tr("GPS of {0}'s verification: {1}").format(v.user, where))
        label = QLabel("\n".join(lines), wordWrap=True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _card(self, photo: PhotoRow) -> QFrame:
        card = QFrame(frameShape=QFrame.Shape.StyledPanel)
        card.setStyleSheet("QFrame { background: white; }")
        thumb = QLabel(self.tr("Loading the photo…"), alignment=Qt.AlignmentFlag.AlignCenter)
        thumb.setFixedSize(THUMB, THUMB * 3 // 4)
        thumb.setStyleSheet("background: #e2e8f0; color: #475569;")
        self.thumbs[photo.sha256] = thumb
        lines = [self.tr("Taken by {0}").format(photo.user or "?")]
        if photo.gps:
            lines.append(self.tr("GPS: {0}").format(_point(photo.gps)))
        else:
            lines.append(self.tr("No GPS with this photo."))
        if photo.to_prelist_m is not None:
            lines.append(
                self.tr("{0} from the pre-list location").format(metres(photo.to_prelist_m))
            )
        if photo.to_other_m is not None:
            lines.append(
                self.tr("{0} from the other verification's point").format(metres(photo.to_other_m))
            )
        lines.append(f"sha256 {photo.sha256[:16]}…")
        text = QLabel("\n".join(lines), wordWrap=True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout(card)
        row.addWidget(thumb)
        row.addWidget(text, 1)
        return card

    def _fetch(self, sha: str) -> None:
        api = self.api
        review_jobs.start(
            self,
            lambda progress, cancel: api.photo_bytes(sha),
            lambda data: self._show_thumb(sha, data),
            lambda error: self._thumb_failed(sha, error),
        )

    def _show_thumb(self, sha: str, data: bytes) -> None:
        label = self.thumbs.get(sha)
        pixmap = QPixmap()
        if label is None or not isValid(label) or not pixmap.loadFromData(data):
            return
        label.setPixmap(
            pixmap.scaled(
                label.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def _thumb_failed(self, sha: str, error: Exception) -> None:
        label = self.thumbs.get(sha)
        if label is not None and isValid(label):
            label.setText(self.tr("The photo could not be loaded:\n{0}").format(error))


def _point(p) -> str:
    return f"{p[0]:.5f}, {p[1]:.5f}"
