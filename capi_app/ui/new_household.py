"""Propose a household that is not on the pre-list (usulan baru): where it is, who heads it."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from capi_app import proposal


class NewHouseholdDialog(QDialog):
    """Asks for desa, address, RT/RW, head's name and No KK; `household_id` is set on success."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.household_id = None
        self.setWindowTitle(self.tr("New household (usulan baru)"))
        self.setMinimumWidth(520)
        self.desa = QComboBox()
        self.choices = proposal.desa_choices(session.store)
        for d in self.choices:
            self.desa.addItem(f"{d.code}  {d.name}", d.code)
        self.edits = {name: QLineEdit() for name in proposal.PROPOSAL_FIELDS[1:]}
        self.edits["rt"].setPlaceholderText("001")
        self.edits["rw"].setPlaceholderText("001")
        self.errors = {name: QLabel(objectName="error", wordWrap=True) for name in self.edits}
        intro = QLabel(
            self.tr(
                "A household found in the field that is not on the pre-list. It is sent as a "
                "proposal; the Dinas Sosial gives it a DTKS id when it approves it."
            ),
            wordWrap=True,
            objectName="subtitle",
        )
        labels = {
            "alamat": self.tr("Address"),
            "rt": self.tr("RT"),
            "rw": self.tr("RW"),
            "nama_krt": self.tr("Head of household"),
            "no_kk": self.tr("No KK"),
        }
        form = QFormLayout()
        form.addRow(self.tr("Desa"), self.desa)
        for name, edit in self.edits.items():
            form.addRow(labels[name], edit)
            form.addRow("", self.errors[name])
            self.errors[name].hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create and open"))
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _message(self, name: str, text: str, problem: str) -> str:
        """The problem in the user's language; the checker's own words kept as the detail."""
        if not problem:
            return ""
        if not text.strip():
            return self.tr("Required.")
        if name in ("rt", "rw"):
            return self.tr("Type 3 digits, e.g. 002.")
        return self.tr("Not valid: {0}").format(problem.split(": ", 1)[-1])

    def create(self) -> None:
        """Check every field; store the proposal when all fit, else show each problem."""
        texts = {name: edit.text() for name, edit in self.edits.items()}
        desa = self.choices[self.desa.currentIndex()] if self.choices else None
        if desa is None:
            return
        _, problems = proposal.check_proposal({**texts, "kode_wilayah": desa.code})
        for name, label in self.errors.items():
            label.setText(self._message(name, texts[name], problems.get(name, "")))
            label.setVisible(name in problems)
        if problems:
            self.edits[next(iter(problems))].setFocus()
            return
        self.household_id = proposal.propose(self.session.store, desa, texts, self.session.username)
        self.accept()
