"""Sync with progress per phase (pull, photos, push), cancel, and a summary in plain words."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
)

from capi_app.sync.errors import Cancelled, ServerUnreachable, SessionExpired, SyncError
from capi_app.ui import window_size, worker
from capi_app.ui.sync_texts import note_text, refusal_text, unreachable_reason

PHASES = ("pull", "photos", "push")
MAX_NOTES = 50


class SyncDialog(QDialog):
    """Runs capi_app.sync.session.run_sync off the GUI thread and shows how it goes."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.worker = None
        self.summary = None
        self.error = None
        self.setMinimumWidth(520)
        window_size.fit(self, 760, 480)  # room for the outcomes of many households
        self.setWindowTitle(self.tr("Sync"))
        self.bars, self.labels = {}, {}
        grid = QGridLayout()
        names = {
            "pull": self.tr("Download households"),
            "photos": self.tr("Upload photos"),
            "push": self.tr("Send finished households"),
        }
        for row, phase in enumerate(PHASES):
            self.labels[phase] = QLabel(names[phase])
            self.bars[phase] = QProgressBar(maximum=1, value=0, textVisible=True)
            grid.addWidget(self.labels[phase], row, 0)
            grid.addWidget(self.bars[phase], row, 1)
        self.message = QLabel(wordWrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Many households' outcomes make a long text: it scrolls, the buttons stay in view.
        self.message_area = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        self.message_area.setWidget(self.message)
        self.message_area.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        self.message_area.setMaximumHeight(window_size.at_most(self, 0.6))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.close_button = QPushButton(self.tr("Close"), objectName="primary", enabled=False)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.message_area, 1)
        layout.addLayout(buttons)

    def start(self) -> None:
        """Begin the sync on the thread pool."""
        from capi_app.sync.session import run_sync

        self.message.setText(self.tr("Connecting to the server…"))
        self.worker = worker.start(
            lambda progress, cancel: run_sync(self.session, progress=progress, cancel=cancel),
            self._done,
            self._failed,
            self._progress,
        )

    def cancel(self) -> None:
        """Ask the sync to stop after the request under way; what is done stays done."""
        if self.worker is not None:
            self.worker.cancel.set()
            if self.session.api is not None:
                self.session.api.cancel.set()
        self.message.setText(self.tr("Stopping…"))
        self.cancel_button.setEnabled(False)

    def _progress(self, phase: str, done: int, total: int) -> None:
        bar = self.bars.get(phase)
        if bar is None:
            return
        if total is None:  # pull pages: the total is unknown until the last page
            bar.setMaximum(0)
            bar.setFormat(str(done))
            return
        bar.setMaximum(max(total, 1))
        bar.setValue(min(done, max(total, 1)))

    def _finish(self) -> None:
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.close_button.setFocus()
        if self.session.api is not None:
            self.session.api.cancel.clear()

    def _done(self, summary) -> None:
        self.summary = summary
        for bar in self.bars.values():
            bar.setMaximum(max(bar.maximum(), 1))
            bar.setValue(bar.maximum())
            bar.setFormat("%p%")
        outcomes = getattr(summary, "outcomes", {}) or {}
        notes = list(getattr(summary, "notes", []))
        # A household of a change-set refused whole was sent and refused too: count it.
        refused_whole = sum(1 for n in notes if n.kind == "refused" and n.household_id)
        lines = [
            self.tr("Downloaded {0} households.").format(getattr(summary, "pulled", 0)),
            self.tr("Uploaded {0} photos.").format(getattr(summary, "photos_uploaded", 0)),
            self.tr(
                "Sent {0} households: {1} accepted, {2} merged, {3} sent to review, {4} refused."
            ).format(
                getattr(summary, "households_pushed", 0) + refused_whole,
                outcomes.get("applied", 0),
                outcomes.get("merged", 0),
                outcomes.get("conflict", 0),
                outcomes.get("rejected", 0) + refused_whole,
            ),
        ]
        lines += [note_text(n, self._form_of, self._lang()) for n in notes[:MAX_NOTES]]
        if len(notes) > MAX_NOTES:
            lines.append(self.tr("… and {0} more.").format(len(notes) - MAX_NOTES))
        self.message.setText("\n".join(lines))
        self._finish()

    def _lang(self) -> str:
        profile = getattr(self.session, "profile", None)
        return getattr(getattr(profile, "settings", None), "language", None) or "id"

    def _form_of(self, household_id: str):
        """The form whose labels name a household's fields (None when it cannot be read)."""
        from capi_app import forms

        try:
            return forms.form_for(self.session.store, household_id)
        except Exception:  # noqa: BLE001 - a label is a nicety: the field's name will do
            return None

    def _failed(self, error: Exception) -> None:
        self.error = error
        if isinstance(error, Cancelled):
            text = self.tr("Sync cancelled. What was finished is kept; sync again to continue.")
        elif isinstance(error, ServerUnreachable):
            text = (
                self.tr(
                    "The server cannot be reached. Your work is safe on this laptop; "
                    "sync again when you have a connection."
                )
                + "\n"
                + unreachable_reason(error)
            )
        elif isinstance(error, SessionExpired):
            text = self.tr("Your login has expired. Log in online again, then sync.")
        elif isinstance(error, SyncError) and error.code is not None:
            text = refusal_text(
                error.code,
                getattr(error, "field", None),
                getattr(error, "household_id", None),
                str(error),
                lang=self._lang(),
            )
        elif isinstance(error, SyncError):
            text = str(error)
        else:
            text = self.tr("Sync failed: {0}").format(error)
        self.message.setText(text)
        self._finish()
