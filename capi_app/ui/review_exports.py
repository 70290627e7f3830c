"""The review window's Exports menu: results CSV/XLSX, BNBA and pengesahan PDFs, signed scans."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QInputDialog, QMessageBox, QProgressDialog, QPushButton

from capi_app.ui import file_dialogs, review_jobs
from capi_app.ui.review_errors import plain_error

SCAN_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}


def export_name(kind: str, round: str, scope: str, ext: str) -> str:
    """A file name like verivali-2026-11-3204122002.csv or bnba-2026-11-3204122002.pdf."""
    return f"{kind}-{round}-{scope}.{ext}"


def render_report(kind: str, report: dict, path: str, lang: str) -> str:
    """Render the BNBA list or the pengesahan draft PDF with capi_app.reports; returns path."""
    from capi_app import reports

    render = reports.render_bnba if kind == "bnba" else reports.render_pengesahan
    render(report, path, lang)
    return path


class Exports(QObject):
    """Actions of the Exports menu; each asks where, runs on a worker, then shows the file."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.jobs = []
        self.progress = None
        self.last_path: str | None = None
        self.last_error: str | None = None
        self.last_message: QMessageBox | None = None
        self.csv_action = QAction(window, triggered=lambda: self.download("csv"))
        self.xlsx_action = QAction(window, triggered=lambda: self.download("xlsx"))
        self.bnba_action = QAction(window, triggered=lambda: self.make_pdf("bnba"))
        self.pengesahan_action = QAction(window, triggered=lambda: self.make_pdf("pengesahan"))
        self.upload_action = QAction(window, triggered=self.upload_scan)

    def fill_menu(self, menu) -> None:
        """Put the export actions into the menu."""
        menu.addAction(self.csv_action)
        menu.addAction(self.xlsx_action)
        menu.addSeparator()
        menu.addAction(self.bnba_action)
        menu.addAction(self.pengesahan_action)
        menu.addSeparator()
        menu.addAction(self.upload_action)

    def retranslate(self) -> None:
        """Set the action texts in the current language."""
        self.csv_action.setText(self.tr("Results as CSV…"))
        self.xlsx_action.setText(self.tr("Results as Excel (XLSX)…"))
        self.bnba_action.setText(self.tr("BNBA list (PDF)…"))
        self.pengesahan_action.setText(self.tr("Pengesahan letter draft (PDF)…"))
        self.upload_action.setText(self.tr("Upload the signed pengesahan scan…"))

    # -- asking (tests replace these) ----------------------------------------------------
    def ask_save_path(self, title: str, name: str, pattern: str) -> str:
        """Where to save a file; '' when cancelled."""
        return file_dialogs.save_file(self.window, title, str(Path.home() / name), pattern)

    def ask_open_path(self, title: str, pattern: str) -> str:
        """Which file to upload; '' when cancelled."""
        return file_dialogs.open_file(self.window, title, pattern)

    def ask_round(self) -> str:
        """The round to export: the window's choice, else asked (YYYY-MM)."""
        rnd = self.window.latest_round()
        if rnd:
            return rnd
        text, ok = QInputDialog.getText(
            self.window,
            self.tr("Round"),
            self.tr("Round (YYYY-MM):"),
            text=date.today().strftime("%Y-%m"),
        )
        return text.strip() if ok else ""

    def _where(self) -> tuple[str, str] | None:
        scope, rnd = self.window.scope(), self.ask_round()
        return (scope, rnd) if scope and rnd else None

    # -- the actions ---------------------------------------------------------------------
    def download(self, fmt: str):
        """Download the results of the wilayah and round as CSV or XLSX, with progress."""
        where = self._where()
        if where is None:
            return None
        scope, rnd = where
        pattern = self.tr("CSV files (*.csv)") if fmt == "csv" else self.tr("Excel files (*.xlsx)")
        path = self.ask_save_path(
            self.tr("Save the results"), export_name("verivali", rnd, scope, fmt), pattern
        )
        if not path:
            return None
        api = self.window.session.api
        self._show_progress(self.tr("Downloading the results…"))
        return self._start(
            lambda progress, cancel: str(
                api.download_export(
                    rnd, scope, fmt, path, lambda d, t: progress("download", d, t or 0)
                )
            )
        )

    def make_pdf(self, kind: str):
        """Fetch the report JSON for the wilayah and round and render the PDF locally."""
        where = self._where()
        if where is None:
            return None
        scope, rnd = where
        path = self.ask_save_path(
            self.tr("Save the PDF"),
            export_name(kind, rnd, scope, "pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if not path:
            return None
        api, lang = self.window.session.api, self.window.session.profile.settings.language
        self._show_progress(self.tr("Making the PDF…"))
        return self._start(
            lambda progress, cancel: render_report(kind, api.bnba_report(rnd, scope), path, lang)
        )

    def upload_scan(self):
        """Upload the signed pengesahan (PDF or photo) for the wilayah and round."""
        where = self._where()
        if where is None:
            return None
        scope, rnd = where
        path = self.ask_open_path(
            self.tr("Choose the signed pengesahan scan"),
            self.tr("Scans (*.pdf *.jpg *.jpeg *.png)"),
        )
        if not path:
            return None
        kind = SCAN_TYPES.get(Path(path).suffix.lower())
        if kind is None:
            self._tell_error(self.tr("Choose a PDF, JPEG or PNG file."))
            return None
        api = self.window.session.api
        self._show_progress(self.tr("Uploading the scan…"))

        def upload(progress, cancel):
            reply = api.upload_pengesahan(rnd, scope, Path(path).read_bytes(), kind)
            count = len(api.pengesahan_documents(rnd, scope))
            return reply, count

        return self._start(upload, self._uploaded)

    # -- plumbing ------------------------------------------------------------------------
    def _start(self, fn, done=None):
        job = review_jobs.start(
            self,
            fn,
            lambda r: self._done(job, r, done),
            lambda e: self._failed(job, e),
            self._progress,
        )
        if self.progress is not None:
            self.progress.canceled.connect(job.cancel.set)
        return job

    def _show_progress(self, text: str) -> None:
        self.progress = QProgressDialog(text, self.tr("Cancel"), 0, 0, self.window)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)

    def _progress(self, phase: str, done: int, total: int) -> None:
        if self.progress is None:
            return
        if total:
            self.progress.setMaximum(total)
            self.progress.setValue(min(done, total))
        self.progress.setLabelText(self.tr("Downloaded {0} kB").format(done // 1024))

    def _close_progress(self, job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, job, result, done) -> None:
        self._close_progress(job)
        self.last_error = None
        if done is not None:
            done(result)
            return
        self.last_path = str(result)
        self.window.status.setText(self.tr("Saved: {0}").format(self.last_path))
        self._tell_saved(self.last_path)

    def _failed(self, job, error: Exception) -> None:
        self._close_progress(job)
        if isinstance(error, ImportError):
            text = self.tr("This version of Verivali cannot make PDF documents yet ({0}).").format(
                error
            )
        else:
            text = plain_error(error)
        self._tell_error(text)

    def _uploaded(self, result) -> None:
        reply, count = result
        text = self.tr(
            "The signed scan is kept with the round ({0} document(s) for this wilayah)."
        ).format(count)
        self.window.status.setText(text)
        self._tell(
            QMessageBox.Icon.Information,
            self.tr("Uploaded"),
            text + f"\nsha256 {reply.get('sha256', '')}",
        )

    def _tell_saved(self, path: str) -> None:
        box = self._tell(
            QMessageBox.Icon.Information, self.tr("Saved"), self.tr("Saved to:\n{0}").format(path)
        )
        folder = QPushButton(self.tr("Open the folder"))
        box.addButton(folder, QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))
        )

    def _tell_error(self, text: str) -> None:
        self.last_error = text
        self.window.status.setText(text)
        self._tell(QMessageBox.Icon.Warning, self.tr("Export failed"), text)

    def _tell(self, icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()  # not exec(): the window stays responsive and tests need no modal loop
        self.last_message = box
        return box
