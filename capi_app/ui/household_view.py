"""One household: the verivali form, the pre-list data with local changes, notes and history."""

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from capi_app import location
from capi_app import visit as visits
from capi_app.form_anomalies import anomalies_now, anomaly_paths
from capi_app.forms import form_for
from capi_app.store import StaleSave
from capi_app.ui import file_dialogs, window_size, worker
from capi_app.ui.household_list import state_label
from capi_app.ui.household_tabs import HistoryTab, PrelistTab
from capi_app.ui.sync_texts import refusal_text
from capi_app.ui.worklist_texts import (
    anomaly_text,
    anomaly_title,
    refused_move_text,
    task_title,
)
from dtks import tasks, wilayah


class HouseholdDialog(QDialog):
    """Verify one household: fill the form, save a draft at any time, finalize when valid."""

    def __init__(self, session, household_id: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.household_id = household_id
        self.form = form_for(session.store, household_id)
        self.visit = visits.start_visit(session.store, self.form, household_id)
        # The household's revision this window shows; every save hands it back to the store.
        self.revision = self.visit.revision
        self.dirty = False
        self.stale_notice: QMessageBox | None = None
        self._opened = False
        self._build()
        self.retranslate()
        window_size.fit(self, 1280, 800)

    def _build(self) -> None:
        from capi_app.ui.form import FormView

        self.heading = QLabel(objectName="title")
        self.subheading = QLabel(objectName="subtitle")
        self.banner = QLabel(objectName="banner", wordWrap=True)
        self.form_view = FormView(
            self.form,
            self.visit.answers,
            language=self.session.profile.settings.language,
            photo_importer=self.import_photo,
        )
        self.form_view.changed.connect(self._changed)
        self.form_view.answer_changed.connect(self._record_answer)
        self.form_view.section_changed.connect(lambda name: self.visit.record_section(name))
        self._saved_view = self.session.store.household(self.household_id)
        self._unmarked: list = []
        self._desa_center = location.desa_center(
            location.desa_points(self.session.store.db, self.household_id)
        )
        self.form_view.set_gps_checker(self.gps_warning)
        self._show_saved_photos()
        self.data_tab = PrelistTab(self.session, self.form, self.household_id)
        self.history_table = HistoryTab(self.session, self.form, self.household_id)
        self.household_table, self.member_table = (
            self.data_tab.household_table,
            self.data_tab.member_table,
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form_view, "")
        self.tabs.addTab(self.data_tab, "")
        self.tabs.addTab(self.history_table, "")
        self.tabs.currentChanged.connect(lambda i: self._fill_tables())

        self.status = QLabel(objectName="subtitle", wordWrap=True)  # a long problem wraps
        self.save_button = QPushButton()
        self.finalize_button = QPushButton(objectName="primary")
        self.close_button = QPushButton()
        self.save_button.clicked.connect(self.save_draft)
        self.finalize_button.clicked.connect(self.finalize)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save_draft)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.finalize)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.finalize_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self._mark_anomalies()
        self._fill_header()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Household {0}").format(self.household_id))
        self.tabs.setTabText(0, self.tr("Verivali form"))
        self.tabs.setTabText(1, self.tr("Pre-list data and changes"))
        self.tabs.setTabText(2, self.tr("History"))
        self.save_button.setText(self.tr("Save draft (Ctrl+S)"))
        self.finalize_button.setText(self.tr("Finalize (Ctrl+Enter)"))
        self.close_button.setText(self.tr("Close"))
        self.data_tab.retranslate()
        self.history_table.retranslate()
        self._fill_header()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.form_view.set_language(self.session.profile.settings.language)
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._opened:
            self._opened = True
            # After Qt has given focus to the first widget (the tab bar): start in the form.
            QTimer.singleShot(0, self._start_in_form)

    def _start_in_form(self) -> None:
        """The cursor in the first question, unless it is already in the form."""
        focus = self.focusWidget()  # this window's, whether it is active yet or not
        if focus is None or not self.form_view.isAncestorOf(focus):
            self.form_view.focus_first_question()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # Enter that no input took (the tab bar, a label) goes to the next question, as the
        # form's hint says; a dialog would otherwise press its default button (the photo's).
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            if self.tabs.currentWidget() is self.form_view:
                self.form_view.advance_from_focus()
            event.accept()
            return
        super().keyPressEvent(event)

    def _fill_header(self) -> None:
        view = self.session.store.household(self.household_id)
        values = view.values
        head = values.get("nama_krt") or ""
        hid = self.household_id
        if len(hid) == 16 and hid.isdigit():
            self.heading.setText(f"{head}  ·  {hid}")
            self.heading.setToolTip("")
        else:  # a proposal (usulan baru, usul warga): its UUID is no id to read out
            proposal = self.tr("proposal, DTKS id given on approval")
            self.heading.setText(f"{head}  ·  {proposal}")
            self.heading.setToolTip(hid)
        desa = wilayah.lookup(str(values.get("kode_wilayah") or "")) or ""
        self.subheading.setText(
            f"{values.get('alamat') or ''}, RT {values.get('rt') or '-'}/RW {values.get('rw') or '-'}, "
            f"{desa}  ·  {state_label(view.state)}"
        )
        notes = [self._task_line(t) for t in self.session.store.tasks(self.household_id)]
        notes = [n for n in notes if n]
        notes += [anomaly_text(a) for a in self._unmarked]
        refused = self.session.store.refused_move(self.household_id)
        if refused is not None:
            notes.append(refused_move_text(refused))
        if view.review and view.review.note:
            notes.append(self.tr("Note from the reviewer: {0}").format(view.review.note))
        if view.message and view.message_code:
            refusal = refusal_text(
                view.message_code,
                view.message_field,
                None,
                view.message,
                self.form,
                self.session.profile.settings.language,
            )
            notes.append(self.tr("The server refused the last sync: {0}").format(refusal))
        elif view.message:
            notes.append(self.tr("The server refused the last sync: {0}").format(view.message))
        self.banner.setText("\n".join(notes))
        self.banner.setVisible(bool(notes))

    def _task_line(self, task) -> str:
        """A line for a task worth telling (not the plain verification)."""
        if task.kind == tasks.VERIVALI:
            return ""
        if task.kind == tasks.ANOMALI:
            kinds = sorted({a.kind for a in self.session.store.anomalies(self.household_id)})
            if not kinds:
                return ""
            return self.tr("Task: {0}: {1}").format(
                task_title(task.kind), ", ".join(anomaly_title(k) for k in kinds)
            )
        note = f": {task.note}" if task.note else ""
        return self.tr("Task: {0} {1}{2}").format(task_title(task.kind), task.id, note)

    def _mark_anomalies(self) -> None:
        """Mark the questions of the worklist's anomalies as the answers stand now."""
        answers = self.form_view.answers(keep_hidden=True)
        found = anomalies_now(
            self.form,
            answers,
            self._saved_view,
            self.session.store.server_anomalies(self.household_id),
        )
        marks, self._unmarked = anomaly_paths(self.form, answers, found)
        self.form_view.set_anomalies(
            {path: "\n".join(anomaly_text(a) for a in items) for path, items in marks.items()}
        )

    def _fill_tables(self) -> None:
        """Fill the pre-list and history tabs from the store."""
        self.data_tab.fill()
        self.history_table.fill()

    def _record_answer(self, path: str, kind: str) -> None:
        """Paradata: the answer changed; a house position also as a GPS event."""
        self.visit.record_answer(path)
        if kind == visits.GPS_FIELD_TYPE:
            gps = visits.gps_from_answers(self.form, self.form_view.answers(), "manual")
            if gps is not None:
                self.visit.record_gps(gps)

    def _changed(self) -> None:
        self.dirty = True
        self.status.setText(self.tr("Unsaved changes"))
        unmarked = len(self._unmarked)
        self._mark_anomalies()
        if len(self._unmarked) != unmarked:
            self._fill_header()

    def save_draft(self) -> bool:
        """Save the answers as a draft; always possible, even with problems."""
        return self._save(finalize=False)

    def finalize(self) -> bool:
        """Save as finalized when the form is valid; otherwise show every problem."""
        return self._save(finalize=True)

    def _save(self, finalize: bool) -> bool:
        try:
            result = visits.save_visit(
                self.session.store,
                self.form,
                self.household_id,
                # A draft keeps answers a skip rule hides now (a member's pre-list NIK until
                # their status is set); a finalized interview holds only what is relevant.
                self.form_view.answers(keep_hidden=not finalize),
                self.session.username,
                finalize=finalize,
                gps_source=next(iter(self.form_view.gps_sources().values()), "manual"),
                revision=self.revision,
                started_at=self.visit.started_at,
                lang=self.session.profile.settings.language,
                paradata=self.visit.paradata,
            )
        except StaleSave:
            self._stale()
            return False
        except Exception as e:  # noqa: BLE001 - the user must see why nothing was saved
            QMessageBox.warning(self, self.tr("Not saved"), str(e))
            return False
        self.revision = result.revision
        if result.paradata is not None:
            self.visit.paradata = result.paradata
        if finalize and result.problems:
            self.form_view.show_all_problems()
            first = result.problems[0]
            self.status.setText(
                self.tr("Not finalized: {0} problem(s). First: {1}: {2}").format(
                    len(result.problems),
                    self.form_view.place_of(first.path),
                    self.form_view.problem_text(first),
                )
            )
            return False
        self.dirty = False
        self._saved_view = self.session.store.household(self.household_id)
        self._mark_anomalies()
        self.status.setText(
            self.tr("Finalized; it will be sent at the next sync.")
            if finalize
            else self.tr("Draft saved.")
        )
        self._fill_header()
        return True

    def _stale(self) -> None:
        """Another window or a sync saved this household after this window read it: say so,
        then show what is saved now (the newer work is kept; this window's edits are not)."""
        # Not blocking (open, not exec): the window reloads behind the message.
        self.stale_notice = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Not saved: a newer version exists"),
            self.tr(
                "Household {0} was saved again after this window opened (in another window or "
                "by a sync). To keep that newer work, the changes made here were not saved.\n\n"
                "The window now shows the saved version; make your changes again if needed."
            ).format(self.household_id),
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.stale_notice.open()
        self.reload()

    def reload(self) -> None:
        """Show the household as the store holds it now (after a refused stale save)."""
        self.visit = visits.start_visit(self.session.store, self.form, self.household_id)
        self.revision = self.visit.revision
        self.form_view.set_answers(self.visit.answers)
        self._show_saved_photos()
        self._saved_view = self.session.store.household(self.household_id)
        self._mark_anomalies()
        self.dirty = False
        self.status.setText(self.tr("Reloaded: this is the saved version."))
        self._fill_header()
        self._fill_tables()

    def gps_warning(self, lat: float, lon: float) -> str | None:
        """A plain-words warning when the house's point cannot be right, else None."""
        warning = location.check_point(lat, lon, self._desa_center)
        if warning is None:
            return None
        if warning.kind == "outside_indonesia":
            return self.tr(
                "This point is outside Indonesia. Check the signs: most of Indonesia is south "
                "of the equator (latitude below 0)."
            )
        return self.tr(
            "This point is {0:.1f} km from the other houses of this desa. Check it."
        ).format(warning.distance_m / 1000)

    def choose_photo_file(self) -> str:
        """Ask for a photo file (from the laptop or a phone's folder); '' when cancelled."""
        return file_dialogs.open_file(
            self,
            self.tr("Choose the house photo"),
            self.tr("Photos (*.jpg *.jpeg *.png)"),
            file_dialogs.pictures_folder(),
        )

    def import_photo(self, field_name: str):
        """Pick a photo file and process it off the GUI thread; the form gets it when done."""
        path = self.choose_photo_file()
        if path:
            self.attach_photo_async(path, field_name)
        return None

    def attach_photo_async(self, path: str, field_name: str):
        """Process the photo on the worker pool, then store it and answer ``field_name``."""
        from capi_app.media import read_and_process

        self.status.setText(self.tr("Processing the photo…"))
        self.setCursor(Qt.CursorShape.BusyCursor)
        self._photo_job = worker.start(
            lambda progress, cancel: read_and_process(path),
            lambda photo: self._photo_processed(photo, field_name),
            self._photo_failed,
        )
        return self._photo_job

    def _photo_processed(self, photo, field_name: str) -> None:
        from capi_app.media import store_photo, thumbnail

        self.unsetCursor()
        self.status.clear()
        try:
            record = store_photo(
                self.session.store,
                self.household_id,
                photo,
                self.session.username,
                revision=self.revision,
            )
        except StaleSave:
            self._stale()
            return
        self.revision = self.session.store.revision(self.household_id)
        self.visit.record_photo(record)
        gps = None
        if record.lat is not None and record.lon is not None:
            gps = {"lat": record.lat, "lon": record.lon, "altitude_m": record.altitude_m}
        thumb = thumbnail(self.session.store, record.sha256)
        self.form_view.attach_photo(field_name, record.sha256, thumb, gps)

    def _photo_failed(self, error: Exception) -> None:
        self.unsetCursor()
        self.status.clear()
        QMessageBox.warning(self, self.tr("Photo not added"), str(error))

    def _show_saved_photos(self) -> None:
        from capi_app.media import PhotoError, gps_of, thumbnail

        records = {p.sha256: p for p in self.session.store.photos(self.household_id)}
        for field in self.form.iter_fields():
            sha = self.visit.answers.get(field.name) if field.type == "image" else None
            if sha in records:
                try:
                    thumb = thumbnail(self.session.store, sha)
                except PhotoError:
                    continue  # the file is gone; the answer stays and the sync reports it
                gps = gps_of(records[sha])
                self.form_view.set_photo(
                    field.name, thumb, {"lat": gps.lat, "lon": gps.lon} if gps else None
                )

    def attach_photo(self, path: str):
        """Import a photo file for this household at once; returns (sha256, thumbnail, gps)."""
        from capi_app.media import PhotoError, read_and_process, store_photo, thumbnail

        try:
            photo = store_photo(
                self.session.store,
                self.household_id,
                read_and_process(path),
                self.session.username,
                revision=self.revision,
            )
        except PhotoError as e:
            QMessageBox.warning(self, self.tr("Photo not added"), str(e))
            return None
        except StaleSave:
            self._stale()
            return None
        self.revision = self.session.store.revision(self.household_id)
        self.visit.record_photo(photo)
        gps = None
        if photo.lat is not None and photo.lon is not None:
            gps = {"lat": photo.lat, "lon": photo.lon, "altitude_m": photo.altitude_m}
        return photo.sha256, thumbnail(self.session.store, photo.sha256), gps

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # Closing keeps the work: unsaved answers become a draft, as if Ctrl+S was pressed.
        if self.dirty and not self.save_draft():
            event.ignore()
            return
        super().closeEvent(event)
