"""The enumerator's sync by file: export a push bundle to a USB stick, import its reply.

Both are the sync dialog with other work behind it (sync.bundles.export_bundle and
import_reply run the very phases of a sync), so the progress per phase, Cancel and the
outcomes in the user's language are the sync's own.
"""

from __future__ import annotations

from pathlib import Path

from capi_app.sync.errors import Cancelled
from capi_app.ui import worker
from capi_app.ui.sync_dialog import SyncDialog


class ExportBundleDialog(SyncDialog):
    """Write a push bundle of everything a sync would send now (works offline)."""

    def __init__(self, session, out: Path, parent=None):
        super().__init__(session, parent)
        self.out = Path(out)
        self.result = None
        self.setWindowTitle(self.tr("Export a bundle for the supervisor"))
        self.labels["pull"].setText(self.tr("Note what this laptop holds"))
        self.labels["photos"].setText(self.tr("Pack photos"))
        self.labels["push"].setText(self.tr("Pack finished households"))

    def start(self) -> None:
        """Write the bundle on the thread pool."""
        from capi_app.sync.bundles import export_bundle

        self.message.setText(self.tr("Writing the bundle…"))
        self.worker = worker.start(
            lambda progress, cancel: export_bundle(self.session, self.out, progress, cancel),
            self._exported,
            self._failed,
            self._progress,
        )

    def _exported(self, result) -> None:
        self.result = result
        for bar in self.bars.values():
            bar.setMaximum(max(bar.maximum(), 1))
            bar.setValue(bar.maximum())
        self.message.setText(
            self.tr(
                "Bundle written to {0}: {1} households, {2} photos. Take it to the supervisor; "
                "the households stay waiting until you import the reply."
            ).format(result.path, result.households, result.photos)
        )
        self._finish()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, Cancelled):
            self.error = error
            self.message.setText(self.tr("Cancelled: no bundle was written."))
            self._finish()
            return
        super()._failed(error)


class ImportReplyDialog(SyncDialog):
    """Apply a reply bundle as the sync it stands for would have."""

    def __init__(self, session, path: Path, parent=None):
        super().__init__(session, parent)
        self.path = Path(path)
        self.result = None
        self.setWindowTitle(self.tr("Import the reply from the supervisor"))
        self.labels["pull"].setText(self.tr("Apply downloaded households"))
        self.labels["photos"].setText(self.tr("Photos the server received"))
        self.labels["push"].setText(self.tr("Apply the server's answers"))

    def start(self) -> None:
        """Import the reply on the thread pool."""
        from capi_app.sync.bundles import import_reply

        self.message.setText(self.tr("Reading the reply…"))
        # Applied in one go (it is quick and local); importing again is harmless.
        self.cancel_button.setEnabled(False)
        self.worker = worker.start(
            lambda progress, _cancel: import_reply(self.session, self.path, progress),
            self._imported,
            self._failed,
            self._progress,
        )

    def _imported(self, result) -> None:
        self.result = result
        self._done(result.summary)
