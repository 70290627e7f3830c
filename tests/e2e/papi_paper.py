"""Paper questionnaires with known values, and a clerk who keys them with keystrokes only.

``paper_for`` makes the values a filled-in paper verivali questionnaire holds for a pulled
household (its pre-list values, corrected here and there, and the interview's answers).
``Keyer`` types them into the PAPI entry window the way a clerk does: for each question the
cursor lands on, the paper's value (nothing when the screen already shows it) and Enter. It
counts every key it presses, split into value keys, Enter and anything else, so a test or a
benchmark can say that nothing beyond the values and Enter was needed.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from capi_app.ui.form.editors import (
    CheckboxEditor,
    ChoiceEditor,
    DateEditor,
    GeopointEditor,
)
from capi_app.visit import start_visit
from dtks.forms.compare import same

HOUSING = {
    "status_bangunan": "1", "luas_lantai": "36", "lantai": "6", "dinding": "1",
    "kondisi_dinding": "1", "atap": "4", "kondisi_atap": "2", "kamar_tidur": "2",
    "sumber_air": "5", "cara_air": "3", "penerangan": "1", "daya": "1", "bahan_bakar": "3",
    "fasilitas_bab": "1", "kloset": "1", "tinja": "1",
}  # fmt: skip
YES_NO = (
    "tabung_gas lemari_es ac pemanas_air telepon_rumah televisi emas komputer sepeda "
    "sepeda_motor mobil perahu motor_tempel perahu_motor lahan rumah_lain"
).split()


def clean(household) -> bool:
    """A pulled household without a planted pre-list defect."""
    return not household.values.get("anomaly") and not any(
        m.values.get("anomaly") for m in household.members
    )


def paper_for(form, store, household_id: str, variant: int) -> dict:
    """The answers a paper questionnaire of this household holds; ``variant`` varies them."""
    answers = copy.deepcopy(start_visit(store, form, household_id).answers)
    answers.update(HOUSING)
    answers.update(dict.fromkeys(YES_NO, "2"))
    answers.update(
        tanggal_kunjungan=f"2026-11-{variant % 27 + 1:02d}",
        gps=f"-6.98{variant:03d} 107.62{variant:03d}",
        status_rt="1",
        art_lengkap="1",
        program="1 2" if variant % 2 else "3",
        hasil="1",
        luas_lantai=str(20 + variant),
        kamar_tidur=str(variant % 4 + 1),
        televisi="1" if variant % 3 else "2",
    )
    if variant % 5 == 0:
        answers["rt"] = f"{(int(answers.get('rt') or 1) % 20) + 1:03d}"  # a correction on paper
    for i, m in enumerate(answers["members"]):
        m.update(status_art="1", disabilitas="2", penyakit_kronis="1")
        if i == 1:
            m["pekerjaan"] = str((variant % 5) + 1)
    for p in form.validate(answers, paper=True):
        if p.field == "hamil":
            scope = _scope(answers, p.path)
            scope["hamil"] = "2"
    problems = form.validate(answers, paper=True)
    assert problems == [], problems
    return answers


def _scope(answers: dict, path: str) -> dict:
    if "[" not in path:
        return answers
    head, _, rest = path.partition("[")
    return answers[head][int(rest.partition("]")[0])]


def value_at(answers: dict, path: str):
    """The answer at 'rt' or 'members[2].nik'."""
    return _scope(answers, path).get(path.rpartition(".")[2] if "[" in path else path)


@dataclass
class Keys:
    """Keys pressed: characters of values, Enter, and any other key."""

    values: int = 0
    enter: int = 0
    other: int = 0
    log: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Every key pressed."""
        return self.values + self.enter + self.other


def _focus():
    return QApplication.focusWidget()


def type_text(text: str, keys: Keys) -> None:
    """Type characters into the focused widget."""
    for ch in text:
        QTest.keyClicks(_focus(), ch)
        keys.values += 1
    QApplication.processEvents()


def press_enter(keys: Keys) -> None:
    """Press Enter in the focused widget."""
    QTest.keyClick(_focus(), Qt.Key.Key_Return)
    keys.enter += 1
    QApplication.processEvents()


def press(key, keys: Keys) -> None:
    """Press a key that is neither a value nor Enter (counted as overhead)."""
    QTest.keyClick(_focus(), key)
    keys.other += 1
    QApplication.processEvents()


class Keyer:
    """A clerk at the PAPI entry window, keying paper questionnaires with the keyboard only."""

    def __init__(self, window):
        self.window = window
        self.keys = Keys()
        self.prompts = 0
        """How often the verifier was asked which value the paper holds."""
        self.stops = 0
        """How often Enter was refused at a value that differs from the first entry."""

    def open_batch(self, batch: str, mode: int) -> None:
        """Type the batch id, Enter, the mode's number, Enter."""
        type_text(batch, self.keys)
        press_enter(self.keys)
        type_text(str(mode), self.keys)
        press_enter(self.keys)

    def key(self, number: str, household: str, paper: dict, mistakes: dict | None = None):
        """Key one questionnaire: its number, the household, every value, and the final Enter
        that starts the next questionnaire. ``mistakes`` (path -> value) are keyed instead."""
        w = self.window
        mistakes = dict(mistakes or {})
        type_text(number, self.keys)
        press_enter(self.keys)
        type_text(household, self.keys)
        press_enter(self.keys)
        assert w.household_id is not None, w.status.text()
        last = None
        for _ in range(600):
            QApplication.processEvents()
            if w.next_button.isVisible():
                press_enter(self.keys)  # one key: the next questionnaire
                return
            if w.paper.isVisible():
                self._say_paper(paper)
                continue
            editor = w.view.current_editor()
            assert editor is not None, f"no question has the cursor: {w.status.text()}"
            if editor is last and editor.message.isVisible():
                self.stops += 1
            want = (
                mistakes.pop(editor.path)
                if editor.path in mistakes
                else value_at(paper, editor.path)
            )
            self._type_answer(editor, want)
            self.keys.log.append(f"{editor.path}={editor.value()!r}")
            last = editor
            press_enter(self.keys)
        raise AssertionError(
            f"the questionnaire never finished: {w.status.text()}; last: {self.keys.log[-6:]}"
        )

    def _say_paper(self, paper: dict) -> None:
        w = self.window
        self.prompts += 1
        pending = w._pending
        editor = w._pending_editor(pending)
        truth = value_at(paper, editor.path)
        multiple = editor.field.type == "select_multiple"
        type_text("1" if same(pending.entry1, truth, multiple) else "2", self.keys)

    def _type_answer(self, editor, want) -> None:
        current = editor.value()
        multiple = editor.field.type == "select_multiple"
        if same(current, want, multiple):
            return
        if isinstance(editor, CheckboxEditor):
            have, need = set(str(current or "").split()), set(str(want or "").split())
            for code in sorted(have ^ need):
                type_text(code, self.keys)
            return
        if isinstance(editor, ChoiceEditor):
            if want in (None, ""):
                press(Qt.Key.Key_Delete, self.keys)
            else:
                type_text(str(want), self.keys)
            return
        if isinstance(editor, GeopointEditor):
            parts = str(want or "").split()
            lat, lon = parts[0], parts[1]
            acc = parts[3] if len(parts) > 3 else ""
            type_text(lat, self.keys)
            press_enter(self.keys)
            type_text(lon, self.keys)
            press_enter(self.keys)
            if acc:
                type_text(acc, self.keys)
            return
        if isinstance(editor, DateEditor):
            y, m, d = str(want).split("-")
            type_text(f"{d}{m}{y}", self.keys)
            return
        if want in (None, ""):
            press(Qt.Key.Key_Delete, self.keys)
            return
        type_text(str(want), self.keys)
