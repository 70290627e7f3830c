"""The household window's second and third tabs: the pre-list data with local changes, and
the history of the household on this laptop as a readable timeline."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from capi_app import timeline
from capi_app.review import answer_text, day_text
from dtks.prelist import CODES, HOUSEHOLD_COLUMNS, MEMBER_COLUMNS

MEMBER_SHOWN = ("nama", "nik", "hubungan", "jenis_kelamin", "tanggal_lahir", "pekerjaan")
SKIPPED_ANSWER_TYPES = {"calculate", "note", "begin_group", "end_group", "start", "end"}


def column_label(form, kind: str, column: str, lang: str) -> str:
    """A pre-list column's name for people: the form's label where a question binds it."""
    field = form.bindings().get(f"{kind}.{column}")
    if field is not None:
        return form.label(field.name, lang) or column
    names = {
        "household_id": QCoreApplication.translate("Prelist", "Household id"),
        "no_kk": QCoreApplication.translate("Prelist", "No KK (family card number)"),
        "kode_wilayah": QCoreApplication.translate("Prelist", "Kode wilayah"),
        "nama_krt": QCoreApplication.translate("Prelist", "Head of household"),
        "jumlah_art": QCoreApplication.translate("Prelist", "Number of members"),
        "desil": QCoreApplication.translate("Prelist", "Welfare decile (desil)"),
        "lat": QCoreApplication.translate("Prelist", "Latitude"),
        "lon": QCoreApplication.translate("Prelist", "Longitude"),
        "tempat_lahir": QCoreApplication.translate("Prelist", "Place of birth"),
    }
    return names.get(column, column)


def value_text(form, kind: str, column: str, value, lang: str) -> str:
    """A pre-list value for people: dates day-month-year, codes with their label."""
    if value is None or value == "":
        return ""
    columns = HOUSEHOLD_COLUMNS if kind == "household" else MEMBER_COLUMNS
    spec = columns.get(column)
    if spec is not None and spec.kind == "date":
        return day_text(value)
    field = form.bindings().get(f"{kind}.{column}")
    if field is not None and field.choices:
        return answer_text(form, field.name, value, lang)
    codes = CODES.get(column)
    if codes and isinstance(value, int) and value in codes:
        return f"{value} {codes[value]}"
    return str(value)


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class PrelistTab(QWidget):
    """The household's pre-list values beside the current ones, and its members."""

    def __init__(self, session, form, household_id: str, parent=None):
        super().__init__(parent)
        self.session, self.form, self.household_id = session, form, household_id
        self.household_table = _table(3)
        self.member_table = _table(len(MEMBER_SHOWN) + 1)
        self.data_title, self.members_title = QLabel(), QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.data_title)
        layout.addWidget(self.household_table, 1)
        layout.addWidget(self.members_title)
        layout.addWidget(self.member_table, 1)

    @property
    def lang(self) -> str:
        """The user's language."""
        return self.session.profile.settings.language

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.data_title.setText(self.tr("Household data (changed values are marked ✎)"))
        self.members_title.setText(self.tr("Members"))
        self.household_table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Value"), self.tr("Pre-list value")]
        )
        self.member_table.setHorizontalHeaderLabels(
            [column_label(self.form, "member", c, self.lang) for c in MEMBER_SHOWN]
            + [self.tr("Status")]
        )

    def fill(self) -> None:
        """Show the household as the store holds it now."""
        view = self.session.store.household(self.household_id)
        rows = [c for c in HOUSEHOLD_COLUMNS if c in view.values or c in view.server_values]
        rows = [c for c in rows if HOUSEHOLD_COLUMNS[c].kind != "anomaly"]
        table = self.household_table
        table.setRowCount(len(rows))
        for i, name in enumerate(rows):
            mark = "✎ " if name in view.pending else ""
            cells = (
                mark + column_label(self.form, "household", name, self.lang),
                value_text(self.form, "household", name, view.values.get(name), self.lang),
                value_text(self.form, "household", name, view.server_values.get(name), self.lang),
            )
            for j, text in enumerate(cells):
                table.setItem(i, j, QTableWidgetItem(text))
        self.member_table.setRowCount(len(view.members))
        for i, m in enumerate(view.members):
            for j, name in enumerate(MEMBER_SHOWN):
                mark = "✎ " if name in m.pending else ""
                text = value_text(self.form, "member", name, m.values.get(name), self.lang)
                self.member_table.setItem(i, j, QTableWidgetItem(mark + text))
            self.member_table.setItem(i, len(MEMBER_SHOWN), QTableWidgetItem(self._status(m)))
        self.member_table.resizeColumnsToContents()
        table.resizeColumnsToContents()

    def _status(self, member) -> str:
        if member.status == "removed":
            when = f", {day_text(member.removal_date)}" if member.removal_date else ""
            return self.tr("removed: {0}").format(f"{member.removal_reason}{when}")
        return self.tr("new") if member.origin == "local" else self.tr("active")


class HistoryTab(QTableWidget):
    """What happened to the household on this laptop, newest first: when, who, what, old → new."""

    def __init__(self, session, form, household_id: str, parent=None):
        super().__init__(0, 5, parent)
        self.session, self.form, self.household_id = session, form, household_id
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

    @property
    def lang(self) -> str:
        """The user's language."""
        return self.session.profile.settings.language

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Before"), self.tr("After")]
        )

    def fill(self) -> None:
        """Show the timeline of the household's local audit."""
        view = self.session.store.household(self.household_id)
        members = {m.member_id: m.values.get("nama") or m.member_id for m in view.members}
        steps = [
            s
            for s in timeline.timeline(self.session.store.audit(self.household_id))
            if self._shown(s)
        ]
        self.setRowCount(len(steps))
        for i, step in enumerate(steps):
            when = step.at.strftime("%d-%m-%Y %H:%M") if step.at else ""
            what, old, new = self._words(step, members)
            for j, text in enumerate((when, step.user, what, old, new)):
                self.setItem(i, j, QTableWidgetItem(text))
        self.resizeRowsToContents()

    def _shown(self, step: timeline.Step) -> bool:
        """Answers that say nothing new are left out: calculations, notes, and questions
        bound to pre-list columns (their edit is a step of its own)."""
        if step.kind != timeline.ANSWER:
            return True
        try:
            field = self.form.field(step.field)
        except KeyError:
            return True
        return field.type not in SKIPPED_ANSWER_TYPES and not field.bind

    def _words(self, step: timeline.Step, members: dict) -> tuple[str, str, str]:
        """(what changed, before, after) in the user's language."""
        k = step.kind
        if k == timeline.SAVED:
            final = step.new == "finalized"
            return (self.tr("Verification finalized") if final else self.tr("Draft saved")), "", ""
        if k == timeline.ANSWER:
            return self._answer(step)
        if k == timeline.FIELD:
            kind = "member" if step.member_id else "household"
            what = column_label(self.form, kind, step.field or "", self.lang)
            if step.member_id:
                what = self.tr("{0} of {1}").format(
                    what, members.get(step.member_id, step.member_id)
                )
            return (
                what,
                value_text(self.form, kind, step.field or "", step.old, self.lang),
                value_text(self.form, kind, step.field or "", step.new, self.lang),
            )
        return self._member_or_photo(step, members)

    def _answer(self, step: timeline.Step) -> tuple[str, str, str]:
        try:
            what = self.form.label(step.field, self.lang) or step.field
        except KeyError:
            what = step.field or ""
        if step.instance is not None:
            who = step.instance_name or self.tr("member {0}").format(step.instance[1] + 1)
            what = self.tr("{0} of {1}").format(what, who)
        return (
            what,
            self._answer_value(step.field, step.old),
            self._answer_value(step.field, step.new),
        )

    def _answer_value(self, name: str | None, value) -> str:
        if value is None or value == "":
            return "—"
        try:
            field = self.form.field(name)
        except KeyError:
            return str(value)
        if field.type == "image":
            return self.tr("photo {0}").format(str(value)[:12])
        if field.type == "date":
            return day_text(value)
        return answer_text(self.form, name, value, self.lang)

    def _member_or_photo(self, step: timeline.Step, members: dict) -> tuple[str, str, str]:
        name = members.get(step.member_id, step.member_id)
        new = step.new if isinstance(step.new, dict) else {}
        k = step.kind
        if k == timeline.PHOTO:
            return self.tr("Photo added"), "", self.tr("photo {0}").format(str(step.new)[:12])
        if k == timeline.MEMBER_ADDED:
            return self.tr("Member added"), "", str(new.get("nama") or name)
        if k == timeline.MEMBER_REMOVED:
            when = f", {day_text(new['date'])}" if new.get("date") else ""
            return self.tr("Member removed"), str(name), f"{new.get('reason') or ''}{when}"
        if k == timeline.MEMBER_RESTORED:
            return self.tr("Member restored"), "", str(name)
        if k == timeline.HOUSEHOLD_ADDED:
            return self.tr("New household proposed"), "", str(new.get("nama_krt") or "")
        return k, "", ""
