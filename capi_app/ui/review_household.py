"""One household under review: conflicts side by side, verifications, photos, history, decisions."""

import json

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from capi_app.forms import DEFAULT_FORM_ID, load
from capi_app.moves import place_name
from capi_app.review import (
    ConflictRow,
    Detail,
    answer_text,
    approval_held_by,
    choice_value,
    detail_from_json,
    field_label,
    labelled_detail,
    possible_decisions,
    reviewer_level,
)
from capi_app.ui import review_jobs, window_size
from capi_app.ui.review_errors import plain_error
from capi_app.ui.review_photos import PhotosPanel
from capi_app.ui.review_queue_model import FLAG_COLORS, flag_label, review_state_label
from capi_app.ui.worklist_texts import task_title
from dtks import moves, review, wilayah
from dtks.prelist import CODES

DIFF_BACKGROUND = QColor("#fef3c7")


def show_value(name: str, value) -> str:
    """A value as text, coded pre-list values with their label; '(empty)' shown as a dash."""
    if value is None or value == "":
        return "—"
    codes = CODES.get(name)
    if codes and isinstance(value, int) and value in codes:
        return f"{value} {codes[value]}"
    return str(value)


class ConflictChoice(QWidget):
    """One conflict as a row: field, base, then radio buttons keep server / take client / value."""

    def __init__(self, row: ConflictRow, label: str, parent=None):
        super().__init__(parent)
        self.row = row
        self.label = label
        self.group = QButtonGroup(self)
        self.server = QRadioButton()
        self.client = QRadioButton()
        self.other = QRadioButton()
        self.value = QLineEdit()
        for i, button in enumerate((self.server, self.client, self.other)):
            self.group.addButton(button, i)
            # As wide as its text: a click anywhere on the widget is a click on the choice.
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.value.textEdited.connect(lambda text: self.other.setChecked(True))
        if row.clients_differ:
            self.client.setEnabled(False)  # the server needs one value: type it

    def choice(self) -> dict | None:
        """The reviewer's choice as the API wants it, or None when not chosen yet."""
        if self.server.isChecked():
            return {"take": "server"}
        if self.client.isChecked():
            return {"take": "client"}
        if self.other.isChecked():
            sample = self.row.server if self.row.server is not None else self.row.client
            return {"take": "value", "value": choice_value(self.value.text(), sample)}
        return None


class ReviewHouseholdDialog(QDialog):
    """Review one household: resolve its conflicts, approve it or return it with a note."""

    decided = Signal(dict)
    """Emitted with the server's reply after a decision."""
    loaded = Signal()
    """Emitted after each load of the household (success or failure)."""

    def __init__(self, session, household_id: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.household_id = household_id
        self.lang = session.profile.settings.language
        self.form = load(DEFAULT_FORM_ID)
        self.detail: Detail | None = None
        self.choices: list[ConflictChoice] = []
        self.jobs = []
        self.error = ""
        self._build()
        self.retranslate()
        window_size.fit(self, 1300, 780)
        self.reload()

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(objectName="title")
        self.subheading = QLabel(objectName="subtitle", wordWrap=True)
        self.chips = QLabel(textFormat=Qt.TextFormat.RichText)
        self.banner = QLabel(objectName="banner", wordWrap=True)
        self.banner.hide()

        self.conflict_area = QScrollArea(widgetResizable=True)
        self._new_conflict_page()
        self._show_conflict_page()
        self.verification_table = _table(0, 1)
        self.verification_hint = QLabel(objectName="subtitle", wordWrap=True)
        verification_tab = QWidget()
        vbox = QVBoxLayout(verification_tab)
        vbox.addWidget(self.verification_hint)
        vbox.addWidget(self.verification_table, 1)
        self.photos = PhotosPanel(self.session.api, self)
        self.history_table = _table(0, 5)
        from capi_app.ui.integrity_view import IntegrityPanel

        self.integrity = IntegrityPanel(self.session.api, self.household_id, self)
        self.integrity.open_household.connect(self._open_other)
        self.integrity.loaded.connect(self._integrity_tab_text)
        self.tabs = QTabWidget()
        self.tabs.setUsesScrollButtons(False)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.addTab(self.conflict_area, "")
        self.tabs.addTab(verification_tab, "")
        self.tabs.addTab(self.photos, "")
        self.tabs.addTab(self.history_table, "")
        self.tabs.addTab(self.integrity, "")
        self.requests_area = QScrollArea(widgetResizable=True, objectName="requests")
        self.tabs.addTab(self.requests_area, "")
        self.tabs.setTabVisible(self.tabs.indexOf(self.requests_area), False)
        self._requests_shown = False

        self.note_label = QLabel()
        self.note = QLineEdit(maxLength=2000)
        self.status = QLabel(objectName="subtitle", wordWrap=True)
        self.resolve_button = QPushButton(objectName="primary")
        self.approve_button = QPushButton()
        self.return_button = QPushButton()
        self.close_button = QPushButton()
        self.resolve_button.clicked.connect(self.resolve)
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.return_to_enumerator)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.resolve)
        QShortcut(QKeySequence("Ctrl+Shift+A"), self, activated=self.approve)
        QShortcut(QKeySequence("Ctrl+Shift+R"), self, activated=self.return_to_enumerator)
        QShortcut(QKeySequence("F5"), self, activated=self.reload)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_label)
        note_row.addWidget(self.note, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.close_button, self.return_button, self.approve_button, self.resolve_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self.chips)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(note_row)
        # A line of its own, full width: a long refusal (approve with open conflicts) shows whole.
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Review household {0}").format(self.household_id))
        self.note_label.setText(self.tr("Note for the enumerator:"))
        self.note.setPlaceholderText(self.tr("Required to return: say what to check or fix"))
        self.resolve_button.setText(self.tr("Resolve chosen conflicts (Ctrl+Enter)"))
        self.approve_button.setText(self.tr("Approve (Ctrl+Shift+A)"))
        self.return_button.setText(self.tr("Return to enumerator (Ctrl+Shift+R)"))
        self.close_button.setText(self.tr("Close"))
        self.history_table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("User"),
                self.tr("Field"),
                self.tr("Old value"),
                self.tr("New value"),
            ]
        )
        if self.detail is not None:
            self._show(self.detail)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        """Fetch the household's review data from the server (off the GUI thread)."""
        api, hid = self.session.api, self.household_id
        if not self.status.text():  # a decision's outcome stays in view while reloading
            self.status.setText(self.tr("Loading…"))
        self._start(
            lambda progress, cancel: detail_from_json(api.review_household(hid)), self._loaded
        )
        self.integrity.reload()

    def _integrity_tab_text(self) -> None:
        e = self.integrity.evidence
        count = len(e.findings) if e is not None else 0
        self.tabs.setTabText(4, self.tr("Visit integrity ({0})").format(count))

    def _open_other(self, household_id: str) -> None:
        """Open another household a sign names (the one sharing the photo, the sitting's)."""
        opener = getattr(self.parent(), "open_household", None)
        if opener is not None:
            opener(household_id)
            return
        other = ReviewHouseholdDialog(self.session, household_id, self)
        other.open()

    def _start(self, fn, done):
        self._set_busy(True)
        return review_jobs.start(
            self, fn, lambda r: self._after(done, r), lambda e: self._after(self._failed, e)
        )

    def _after(self, callback, value) -> None:
        self._set_busy(bool(self.jobs))
        callback(value)

    def _set_busy(self, busy: bool) -> None:
        """While a request runs nothing can be decided; then what the state allows can."""
        allowed = set()
        if not busy and self.detail is not None and not self.incoming():
            allowed = possible_decisions(self.detail, reviewer_level(self.session.scopes))
        self.resolve_button.setEnabled(review.RESOLVE in allowed)
        self.approve_button.setEnabled(review.APPROVE in allowed)
        self.return_button.setEnabled(review.RETURN in allowed)
        self.note.setEnabled(not busy and review.RETURN in allowed)
        held = approval_held_by(self.detail) if self.detail is not None else set()
        self.approve_button.setToolTip(
            self.tr("Approval waits for: {0}").format(
                ", ".join(flag_label(f) for f in sorted(held))
            )
            if held
            else ""
        )

    def incoming(self) -> bool:
        """True while the household is shown only for its pending move into the user's scope."""
        return self.detail is not None and self.detail.incoming_for(self.session.scopes)

    def _loaded(self, detail: Detail) -> None:
        self.detail = detail
        self._show(detail)
        self._set_busy(bool(self.jobs))
        if self.status.text() == self.tr("Loading…"):
            self.status.setText("")
        self.loaded.emit()

    def _failed(self, error: Exception) -> None:
        self.error = plain_error(error)
        self.status.setText(self.error)
        self.status.setStyleSheet("color: #b91c1c;")
        self.loaded.emit()

    # -- showing -------------------------------------------------------------------------
    def _show(self, d: Detail) -> None:
        v = d.values
        head = v.get("nama_krt") or ""
        self.heading.setText(f"{head}  ·  {d.household_id}")
        kode = str(v.get("kode_wilayah") or "")
        place = ", ".join(
            p
            for p in (wilayah.lookup(kode[:10]), wilayah.lookup(kode[:6]), wilayah.lookup(kode[:4]))
            if p
        )
        self.subheading.setText(
            f"{v.get('alamat') or ''}, RT {v.get('rt') or '-'}/RW {v.get('rw') or '-'}, {place}"
            f"  ·  No KK {v.get('no_kk') or '-'}  ·  "
            f"{review_state_label(d.state, verified=bool(d.verifications))}"
        )
        chips = [
            f"<span style='background:{FLAG_COLORS.get(f, '#475569')}; color:white; font-weight:600;'>"
            f"&nbsp;{flag_label(f)}&nbsp;</span>"
            for f in d.open_flags
        ]
        self.chips.setText("&nbsp;&nbsp;".join(chips) or self.tr("No open flags."))
        notes = []
        if d.note:
            notes.append(self.tr("Note to the enumerator: {0}").format(d.note))
        for flag in (
            review.FLAG_VALIDATION_WARNING,
            review.FLAG_ELIGIBILITY_CHANGED,
            review.FLAG_NEW_HOUSEHOLD,
        ):
            if d.flag_details.get(flag):
                detail = labelled_detail(self.form, d.flag_details[flag], self.lang)
                notes.append(f"{flag_label(flag)}: {detail}")
        notes += self._move_notes(d)
        notes += [self._request_note(r) for r in d.requests]
        self.banner.setText("\n".join(notes))
        self.banner.setVisible(bool(notes))
        self._fill_conflicts(d)
        self._fill_verifications(d)
        self.photos.show_photos(d)
        self._fill_history(d)
        self._fill_requests(d)
        self.tabs.setTabText(0, self.tr("Conflicts ({0})").format(len(d.conflicts)))
        self.tabs.setTabText(1, self.tr("Verifications ({0})").format(len(d.verifications)))
        self.tabs.setTabText(2, self.tr("Photos and location ({0})").format(len(d.photos)))
        self.tabs.setTabText(3, self.tr("History ({0})").format(len(d.history)))
        self._integrity_tab_text()
        # The visit's integrity evidence names other households of the sending side: it stays
        # with that side's reviewer until the move is confirmed (the server refuses it, 403).
        incoming = d.incoming_for(self.session.scopes)
        self.tabs.setTabVisible(self.tabs.indexOf(self.integrity), not incoming)

    def _request_note(self, r) -> str:
        """The banner's line of a request: what it is and what was found."""
        what = f"{task_title(r.kind)} {r.reference}".strip()
        if r.finding is None:
            return self.tr("{0}: no finding yet.").format(what)
        return self.tr("{0}: finding {1} ({2}).").format(
            what, self._result_text(r.finding.result), r.finding.collected_by
        )

    def _result_text(self, result: str) -> str:
        texts = {"layak": self.tr("Eligible"), "tidak_layak": self.tr("Not eligible")}
        return texts.get(result, result)

    def _fill_requests(self, d: Detail) -> None:
        """The requests tab: each request beside its finding (hidden when there is none)."""
        page = QWidget()
        box = QVBoxLayout(page)
        box.setAlignment(Qt.AlignmentFlag.AlignTop)
        for r in d.requests:
            row = QHBoxLayout()
            row.addWidget(self._request_card(r), 1)
            row.addWidget(self._finding_card(r.finding), 1)
            box.addLayout(row)
        box.addStretch(1)
        self.requests_area.setWidget(page)
        index = self.tabs.indexOf(self.requests_area)
        self.tabs.setTabText(index, self.tr("Requests ({0})").format(len(d.requests)))
        self.tabs.setTabVisible(index, bool(d.requests))
        if d.requests and not d.conflicts and not self._requests_shown:
            self.tabs.setCurrentIndex(index)  # what the reviewer came to see
        self._requests_shown = self._requests_shown or bool(d.requests)

    def _request_card(self, r) -> QFrame:
        rows = [
            (self.tr("Kind"), task_title(r.kind)),
            (self.tr("Reference"), r.reference),
            (self.tr("Date"), _day(r.date)),
            (self.tr("Citizen's NIK"), r.nik),
            (self.tr("Citizen's name"), r.name),
            (self.tr("Address"), r.address),
            (self.tr("Reason"), r.reason),
            (self.tr("Programme"), r.programme),
        ]
        # What the server did not tell (an older server: only the task) is left out.
        return _card(self.tr("Request"), [(k, v) for k, v in rows if v])

    def _finding_card(self, finding) -> QFrame:
        if finding is None:
            return _card(self.tr("Finding in the field"), [("", self.tr("Not visited yet."))])
        color = {True: "#15803d", False: "#b91c1c"}.get(finding.eligible, "#334155")
        result = f"<b style='color:{color}'>{self._result_text(finding.result)}</b>"
        rows = [
            (self.tr("Finding"), result),
            (self.tr("Reason"), finding.reason),
            (self.tr("Collected by"), finding.collected_by),
            (self.tr("Collected at"), when_text(finding.collected_at)),
        ]
        return _card(self.tr("Finding in the field"), rows, rich=(0,))

    def _move_notes(self, d: Detail) -> list[str]:
        """What the banner says of the household's pending moves, and who decides them."""
        notes = []
        for m in d.moves:
            notes.append(
                self.tr("Move waiting: from {0} ({1}) to {2} ({3}), proposed by {4}.").format(
                    m.from_text,
                    place_name(m.from_kode),
                    m.to_text,
                    place_name(m.to_kode),
                    m.proposed_by,
                )  # fmt: skip
            )
            if m.can_decide:
                notes.append(
                    self.tr("You decide this move: confirm or refuse it in the Moves window.")
                )
            else:
                notes.append(self.tr("A reviewer of {0} decides this move.").format(m.to_text))
        if d.incoming_for(self.session.scopes):
            notes.append(
                self.tr(
                    "This household is not in your wilayah yet: you can look at it, while "
                    "approving or returning it stays with the reviewer of {0}."
                ).format(_kabkota(d.kode_wilayah))
            )
        return notes

    def _field_label(self, row: ConflictRow) -> str:
        label = field_label(self.form, row.field, self.lang, member=bool(row.member_id))
        if row.member_id:
            return self.tr("{0} of member {1}").format(label, row.member)
        return label

    def _new_conflict_page(self) -> None:
        """A fresh page for the conflict rows; it goes into the scroll area once filled
        (``_show_conflict_page``), which deletes the old page and everything on it."""
        self.conflict_widget = QWidget()
        self.conflict_grid = QGridLayout(self.conflict_widget)
        self.conflict_grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.conflict_grid.setHorizontalSpacing(14)

    def _show_conflict_page(self) -> None:
        # Filled first, then shown: rows added to a page on screen would show only later.
        self.conflict_area.setWidget(self.conflict_widget)

    def _fill_conflicts(self, d: Detail) -> None:
        self._new_conflict_page()
        grid = self.conflict_grid
        self.choices = []
        titles = (
            self.tr("Field"),
            self.tr("Pre-list (base)"),
            self.tr("Keep server value"),
            self.tr("Take client value"),
            self.tr("Or enter a value"),
        )
        for column, title in enumerate(titles):
            header = QLabel(title)
            header.setStyleSheet(
                "font-weight: 600; color: #334155; border-bottom: 1px solid #cbd5e1;"
            )
            grid.addWidget(header, 0, column)
        if not d.conflicts:
            empty = QLabel(
                self.tr(
                    "No open conflicts. Check the verifications and photos, then approve or return."
                )
            )
            empty.setObjectName("subtitle")
            grid.addWidget(empty, 1, 0, 1, 5)
        for i, row in enumerate(d.conflicts, start=1):
            choice = ConflictChoice(row, self._field_label(row), self.conflict_widget)
            name = QLabel(f"<b>{choice.label}</b><br><span style='color:#64748b'>{row.key}</span>")
            base = QLabel(show_value(row.field, row.base), wordWrap=True)
            base.setStyleSheet("color: #64748b;")
            server = show_value(row.field, row.server)
            if row.server_user:
                server = self.tr("{0}  (from {1})").format(server, row.server_user)
            choice.server.setText(server)
            choice.server.setToolTip(self.tr("The value the server holds now"))
            clients = " / ".join(show_value(row.field, c) for c in row.clients)
            choice.client.setText(self.tr("{0}  (from {1})").format(clients, row.user))
            choice.client.setToolTip(self.tr("The value the enumerator sent"))
            if row.clients_differ:
                choice.client.setToolTip(
                    self.tr("The enumerators sent different values: type the right one")
                )
            other = QHBoxLayout()
            other.addWidget(choice.other)
            other.addWidget(choice.value, 1)
            choice.value.setPlaceholderText(self.tr("type the right value"))
            grid.addWidget(name, i, 0)
            grid.addWidget(base, i, 1)
            grid.addWidget(choice.server, i, 2)
            grid.addWidget(choice.client, i, 3)
            grid.addLayout(other, i, 4)
            self.choices.append(choice)
        for column, stretch in enumerate((3, 2, 3, 3, 3)):
            grid.setColumnStretch(column, stretch)
        self._show_conflict_page()
        if self.choices:
            self.choices[0].server.setFocus()

    def _fill_verifications(self, d: Detail) -> None:
        table = self.verification_table
        rows = d.answers_compared()
        table.clear()
        table.setColumnCount(1 + len(d.verifications))
        headers = [self.tr("Question")] + [
            self.tr("{0} ({1}, {2})").format(v.user, v.mode, when_text(v.finished_at))
            for v in d.verifications
        ]
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        differing = 0
        for i, row in enumerate(rows):
            label = field_label(self.form, row.name, self.lang)
            items = [QTableWidgetItem(label)] + [
                QTableWidgetItem(_answer(self.form, row.name, value, self.lang))
                for value in row.values
            ]
            if row.differs and len(d.verifications) > 1:
                differing += 1
                for item in items:
                    item.setBackground(DIFF_BACKGROUND)
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
            for j, item in enumerate(items):
                table.setItem(i, j, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for j in range(1, table.columnCount()):
            header.setSectionResizeMode(j, QHeaderView.ResizeMode.Stretch)  # side by side, equal
        if len(d.verifications) > 1:
            self.verification_hint.setText(
                self.tr(
                    "Two verifications of this household: {0} answer(s) differ (highlighted)."
                ).format(differing)
            )
        elif d.verifications:
            self.verification_hint.setText(self.tr("One verification."))
        else:
            self.verification_hint.setText(self.tr("No verification received yet."))

    def _fill_history(self, d: Detail) -> None:
        table = self.history_table
        table.setRowCount(len(d.history))
        for i, e in enumerate(reversed(d.history)):
            what, old, new = self._history_words(d, e)
            cells = (when_text(e.get("at")), e.get("user") or "", what, old, new)
            for j, text in enumerate(cells):
                table.setItem(i, j, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    def _history_words(self, d: Detail, e: dict) -> tuple[str, str, str]:
        """(what changed, before, after) of a history event, in the user's language."""
        name = str(e.get("field") or "")
        member = e.get("member_id")
        if name.startswith("@"):  # a decision or a step up the chain, not a field
            return self.tr("Decision"), self._decision(e.get("old")), self._decision(e.get("new"))
        what = field_label(self.form, name, self.lang, member=bool(member))
        if member:
            what = self.tr("{0} of member {1}").format(what, d.member_name(member))
        return (
            what,
            self._history_value(name, e.get("old")),
            self._history_value(name, e.get("new")),
        )

    def _decision(self, value) -> str:
        if not isinstance(value, dict):
            return _short(value)
        parts = [review_state_label(value["state"])] if value.get("state") else []
        if value.get("note"):
            parts.append(f"“{value['note']}”")
        return "  ".join(parts)

    def _history_value(self, name: str, value) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, dict | list):
            return _short(value)
        bound = self.form.bindings().get(f"household.{name}") or self.form.bindings().get(
            f"member.{name}"
        )
        if bound is not None and bound.choices:
            return answer_text(self.form, bound.name, value, self.lang)
        return show_value(name, value)

    # -- decisions -----------------------------------------------------------------------
    def chosen(self) -> dict[str, dict]:
        """The choices made so far, keyed by conflict key."""
        return {c.row.key: ch for c in self.choices if (ch := c.choice()) is not None}

    def resolve(self) -> None:
        """Send the chosen values of the conflicts to the server."""
        choices = self.chosen()
        if not choices:
            self._say(self.tr("Choose a value for at least one conflict first."), error=True)
            return
        self._decide(review.RESOLVE, choices=choices)

    def approve(self) -> None:
        """Approve the household; while a flag holds the approval (or during a request), say
        why instead of asking the server, which would refuse (Ctrl+Shift+A works on a
        disabled button too)."""
        if not self.approve_button.isEnabled():
            text = self.approve_button.toolTip() or self.tr(
                "This household cannot be approved now."
            )
            self._say(text, error=True)
            return
        self._decide(review.APPROVE)

    def return_to_enumerator(self) -> None:
        """Return the household to the enumerator with the note (required)."""
        if not self.return_button.isEnabled():
            self._say(self.tr("This household cannot be returned now."), error=True)
            return
        note = self.note.text().strip()
        if not note:
            self._say(
                self.tr("Write a note for the enumerator first: it says what to fix."), error=True
            )
            self.note.setFocus()
            return
        self._decide(review.RETURN, note=note)

    def _decide(self, decision: str, choices=None, note=None) -> None:
        api, hid = self.session.api, self.household_id
        self._say(self.tr("Sending…"))
        self._start(
            lambda progress, cancel: api.review_decide(hid, decision, choices, note),
            lambda reply: self._decided(decision, reply),
        )

    def _decided(self, decision: str, reply: dict) -> None:
        texts = {
            review.RESOLVE: self.tr(
                "Resolved. The enumerators get the chosen values at their next sync."
            ),
            review.APPROVE: self.tr("Approved."),
            review.RETURN: self.tr("Returned to the enumerator with your note."),
        }
        new_id = reply.get("household_id")
        if reply.get("replaces") and new_id and new_id != self.household_id:
            # An approved proposal (usulan baru) lives on under its permanent DTKS id.
            self.household_id = new_id
            texts[review.APPROVE] = self.tr("Approved. Its DTKS id is {0}.").format(new_id)
        self._say(texts[decision])
        self.decided.emit(reply)
        self.reload()

    def _say(self, text: str, error: bool = False) -> None:
        self.error = text if error else ""
        self.status.setStyleSheet("color: #b91c1c;" if error else "")
        self.status.setText(text)


def _kabkota(kode: str) -> str:
    """'Kabupaten Bandung (32.04)': the kabupaten/kota a household is reviewed in."""
    code = kode[: moves.KABKOTA_DIGITS]
    return f"{wilayah.lookup(code) or ''} ({wilayah.dotted(code)})".strip()


def when_text(text) -> str:
    """A server time as people read it here: day-month-year hour:minute."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(str(text)).strftime("%d-%m-%Y %H:%M")
    except ValueError:
        return str(text or "")


def _day(text: str) -> str:
    """'2026-11-20' as '20-11-2026'; anything else as it is."""
    parts = str(text or "").split("-")
    return "-".join(reversed(parts)) if len(parts) == 3 and len(parts[0]) == 4 else str(text or "")


def _card(title: str, rows: list[tuple[str, str]], rich: tuple[int, ...] = ()) -> QFrame:
    """A framed box: a title, then label / value lines (values as plain text unless rich)."""
    frame = QFrame(objectName="card")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    grid = QGridLayout(frame)
    heading = QLabel(title)
    heading.setStyleSheet("font-weight: 600; color: #334155;")
    grid.addWidget(heading, 0, 0, 1, 2)
    for i, (label, value) in enumerate(rows, start=1):
        name = QLabel(label)
        name.setStyleSheet("color: #64748b;")
        text = QLabel(value or "—", wordWrap=True)
        text.setTextFormat(Qt.TextFormat.RichText if i - 1 in rich else Qt.TextFormat.PlainText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(name, i, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(text, i, 1)
    grid.setColumnStretch(1, 1)
    grid.setRowStretch(len(rows) + 1, 1)  # lines at the top when its neighbour is taller
    return frame


def _table(rows: int, columns: int) -> QTableWidget:
    table = QTableWidget(rows, columns)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _answer(form, name, value, lang) -> str:
    if isinstance(value, list | dict):
        return _short(value)
    return answer_text(form, name, value, lang) or "—"


def _short(value) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 160 else text[:157] + "…"
