"""One editor widget per question type, for the form renderer (capi_app.ui.form.view).

An editor shows a field's label (a red asterisk when required), its hint, the input and a
message line. It keeps no answers of its own beyond what its inputs show: ``value()`` reads
the inputs as the answer text the form engine expects, ``set_value()`` shows one, and the
``edited`` signal tells the view that the user changed something. Enter (``advance``) asks
the view to move to the next question; leaving the inputs (``left``) lets the view show
messages for a question the user has been through.

Choice codes are shown beside their labels and can be typed (PAPI clerks key the codes
printed on the paper form): in a select, typing ``1`` then ``2`` picks code 12 when there
is one; Delete or Backspace clears the answer.
"""

import re

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dtks.forms import Field
from dtks.forms.answer_types import typed_number
from dtks.forms.messages import pick

_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")
_TYPING_PAUSE_MS = 700
"""How long a typed code waits for a further digit (codes 10, 11, 12 share the prefix 1)."""


def fill(text: str, lookup) -> str:
    """``text`` with each ${name} replaced by ``lookup(name)`` (labels that show answers)."""
    return _PLACEHOLDER.sub(lambda m: str(lookup(m.group(1)) or ""), text)


def has_placeholder(texts: dict[str, str]) -> bool:
    """Whether any language's text shows an answer (${name})."""
    return any("${" in t for t in texts.values())


class Editor(QWidget):
    """The base of all editors: label, hint, inputs (built by the subclass), message."""

    edited = Signal()
    """The user changed the answer."""
    advance = Signal()
    """The user pressed Enter: go to the next question."""
    left = Signal()
    """Focus left the question's inputs."""

    def __init__(self, field: Field, default_language: str, parent=None):
        super().__init__(parent)
        self.field = field
        self.default_language = default_language
        self.lang = "id"
        self.path = field.name
        """Where the answer lives, e.g. 'members[2].nik' (kept up to date by the view)."""
        self.where: tuple = ()
        """The repeat instance, e.g. ('members', 2), for choices_for and labels."""
        self.scope: dict = {}
        """The answer dict this question writes into (the top level or a repeat instance)."""
        self.touched = False
        self.heads_down = False
        """Keying paper (PAPI): Enter moves on from a multi-line box too."""
        self.required = field.required is True
        self._loading = False
        self._message = None
        self._anomaly: QLabel | None = None
        self._label_text = ""
        self._lookup = lambda name: ""
        self.setObjectName("question")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 6, 10, 6)
        outer.setSpacing(3)
        self.label = QLabel(self)
        self.label.setObjectName("questionLabel")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.body = QWidget(self)
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 2, 0, 0)
        self.body_layout.setSpacing(4)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.label)
        outer.addWidget(self.hint)
        outer.addWidget(self.body)
        outer.addWidget(self.message)
        self.build()
        for w in self.focus_widgets():
            w.installEventFilter(self)
        if self.field.read_only is True:
            self.set_read_only(True)

    # -- for subclasses -------------------------------------------------------------------
    def build(self) -> None:
        """Create the inputs inside ``self.body_layout``."""

    def focus_widgets(self) -> list[QWidget]:
        """The inputs that take keyboard focus, in tab order."""
        return []

    def value(self):
        """The answer as the form engine stores it ('' and None mean no answer: None)."""
        return None

    def show_value(self, value) -> None:
        """Show ``value`` in the inputs."""

    def set_read_only(self, read_only: bool) -> None:
        """Disable the inputs of a read-only question (pre-list data, calculations)."""
        self.body.setEnabled(not read_only)

    def retranslate(self) -> None:
        """Refresh texts from tr() (buttons, placeholders) after a language change."""

    def refresh_choices(self) -> None:
        """Refresh choice labels in ``self.lang``."""

    # -- shared ---------------------------------------------------------------------------
    def set_value(self, value) -> None:
        """Show ``value`` without emitting ``edited``."""
        self._loading = True
        try:
            self.show_value(value)
        finally:
            self._loading = False

    def _edited(self, *_args) -> None:
        if not self._loading:
            self.edited.emit()

    def focus_target(self) -> QWidget | None:
        """The input that takes focus when the question is entered."""
        widgets = [w for w in self.focus_widgets() if w.isEnabled()]
        return widgets[0] if widgets else None

    def set_language(self, lang: str, lookup=None) -> None:
        """Show label, hint and choices in ``lang``; ``lookup(name)`` fills ${name}."""
        self.lang = lang
        if lookup is not None:
            self._lookup = lookup
        self.refresh_label()
        self.refresh_choices()

    def text_of(self, texts: dict[str, str]) -> str:
        """One of the field's texts (label, hint...) in the current language."""
        return pick(texts, self.lang, self.default_language)

    def refresh_label(self, lookup=None) -> None:
        """Rebuild label and hint (again, when they show answers that changed)."""
        if lookup is not None:
            self._lookup = lookup
        label = fill(self.text_of(self.field.label), self._lookup) or self.field.name
        star = ' <span style="color:#dc2626">*</span>' if self.required else ""
        text = _escape(label) + star
        if text != self._label_text:
            self._label_text = text
            self.label.setText(text)
        hint = fill(self.text_of(self.field.hint), self._lookup)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    def set_required(self, required: bool) -> None:
        """Show or hide the red asterisk."""
        if required != self.required:
            self.required = required
            self.refresh_label()

    def type_message(self) -> str | None:
        """What is wrong with the typed text, in this editor's own terms, when the form finds
        the answer of the wrong type; None: the form's own message says it."""
        return None

    def show_message(self, text: str | None) -> None:
        """Show a problem under the inputs, or clear it."""
        if text == self._message:
            return
        self._message = text
        self.message.setText("\u26a0 " + text if text else "")
        self.message.setVisible(bool(text))
        self.setProperty("problem", bool(text))
        self.style().unpolish(self)
        self.style().polish(self)

    def show_anomaly(self, text: str | None) -> None:
        """Mark the question with an anomaly of the worklist (until it is fixed), or clear it."""
        if not text and self._anomaly is None:
            return
        if self._anomaly is None:
            self._anomaly = QLabel(self, objectName="anomaly", wordWrap=True)
            self.layout().insertWidget(self.layout().indexOf(self.body) + 1, self._anomaly)
        if self._anomaly.text() == (text or ""):
            return
        self._anomaly.setText(text or "")
        self._anomaly.setVisible(bool(text))
        self.setProperty("anomaly", bool(text))
        self.style().unpolish(self)
        self.style().polish(self)

    def anomaly(self) -> str:
        """The anomaly text shown on the question ('' when none)."""
        return self._anomaly.text() if self._anomaly is not None else ""

    def changeEvent(self, event):  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind == QEvent.Type.KeyPress and self.key_pressed(obj, event):
            return True
        if kind == QEvent.Type.FocusIn:
            self._set_current(True)
        elif kind == QEvent.Type.FocusOut:
            self._set_current(False)
            reason = event.reason()
            if reason != Qt.FocusReason.PopupFocusReason and not self._has_focus_inside():
                self.left.emit()
        return False

    def key_pressed(self, obj, event) -> bool:
        """Enter moves on; subclasses take code digits. True when the key was used."""
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            if isinstance(obj, QPlainTextEdit) and not self.heads_down:
                return False
            self.advance.emit()
            return True
        return False

    def _has_focus_inside(self) -> bool:
        focus = QCoreApplication.instance().focusWidget()
        return focus is not None and self.isAncestorOf(focus)

    def _set_current(self, current: bool) -> None:
        if self.property("current") == current:
            return
        self.setProperty("current", current)
        self.style().unpolish(self)
        self.style().polish(self)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _line_edit(parent, width: int | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    if width:
        edit.setMaximumWidth(width)
    return edit


class TextEditor(Editor):
    """text: a line, or a box for several lines with appearance 'multiline'."""

    def build(self):
        appearance = self.field.appearance or ""
        self.multiline = "multiline" in appearance
        if self.multiline:
            self.input = QPlainTextEdit(self.body)
            self.input.setTabChangesFocus(True)
            self.input.setFixedHeight(84)
            self.input.setMaximumWidth(620)
            self.input.textChanged.connect(self._edited)
        else:
            numbers = "numbers" in appearance
            self.input = _line_edit(self.body, 260 if numbers else 620)
            if numbers:
                pattern = QRegularExpression(r"[0-9 .\-]*")
                self.input.setValidator(QRegularExpressionValidator(pattern, self.input))
            self.input.textEdited.connect(self._edited)
        self.body_layout.addWidget(self.input)

    def focus_widgets(self):
        return [self.input]

    def value(self):
        text = self.input.toPlainText() if self.multiline else self.input.text()
        return text if text.strip() else None

    def show_value(self, value):
        text = "" if value is None else str(value)
        if self.multiline:
            self.input.setPlainText(text)
        else:
            self.input.setText(text)
            self.input.setCursorPosition(0)


class NumberEditor(Editor):
    """integer and decimal: a line that takes what is typed (fast to key, may stay empty).

    A decimal comma (the Indonesian way) is stored as a point. Text that is not a number is
    kept as typed, never trimmed to digits, and the question says what is wrong with it.
    """

    def build(self):
        self.input = _line_edit(self.body, 200)
        self.input.setMaxLength(32)
        self.input.textEdited.connect(self._edited)
        self.body_layout.addWidget(self.input)

    def focus_widgets(self):
        return [self.input]

    def value(self):
        text = self.input.text().strip()
        if not text:
            return None
        return typed_number(text, integer=self.field.type == "integer") or text

    def type_message(self) -> str | None:
        typed = self.input.text().strip()
        if self.field.type == "integer":
            text = QCoreApplication.translate(
                "FormView", "Not a whole number: “%1”. Type digits only, e.g. 45."
            )
        else:
            text = QCoreApplication.translate(
                "FormView",
                "Not a number: “%1”. Type digits, with a comma or a point before the "
                "decimals, e.g. 45,5.",
            )
        return text.replace("%1", typed)

    def show_value(self, value):
        self.input.setText("" if value is None else str(value))


class DateEditor(Editor):
    """date: a masked line DD-MM-YYYY (the way dates are written in Indonesia); empty allowed.

    Stored as YYYY-MM-DD; an incomplete or impossible date is stored as typed, so the form
    engine reports it and the draft keeps it.
    """

    def build(self):
        row = QHBoxLayout()
        row.setSpacing(8)
        self.input = _line_edit(self.body, 150)
        self.input.setInputMask("99-99-9999;_")
        self.input.textEdited.connect(self._edited)
        self.format = QLabel(self.body)
        self.format.setObjectName("hint")
        row.addWidget(self.input)
        row.addWidget(self.format)
        row.addStretch(1)
        self.body_layout.addLayout(row)
        self.retranslate()

    def retranslate(self):
        self.format.setText(QCoreApplication.translate("FormView", "day-month-year"))

    def type_message(self) -> str | None:
        return QCoreApplication.translate(
            "FormView", "Not a real date: type day-month-year, e.g. 17-08-1980."
        )

    def focus_widgets(self):
        return [self.input]

    def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.FocusIn and self.value() is None:
            QTimer.singleShot(0, self._cursor_home)  # an empty date starts at the day
        return super().eventFilter(obj, event)

    def _cursor_home(self):
        if self.value() is None:
            self.input.setCursorPosition(0)

    def key_pressed(self, obj, event):
        if super().key_pressed(obj, event):
            return True
        if (
            event.key() in (Qt.Key.Key_Delete,)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.input.clear()
            self._edited()
            return True
        return False

    def value(self):
        digits = self.input.text().replace("-", "").replace("_", "").replace(" ", "")
        if not digits:
            return None
        text = self.input.text()
        if len(digits) == 8 and text[2] == "-" and text[5] == "-":
            return f"{text[6:10]}-{text[3:5]}-{text[0:2]}"
        return text.replace("_", "")

    def show_value(self, value):
        text = "" if value is None else str(value)
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
        self.input.setText(f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else text)
        self.input.setCursorPosition(0)


class CodeTyping:
    """Turns typed digits into choice codes: '1' waits briefly when codes 10, 11... exist."""

    def __init__(self, editor: "ChoiceEditor"):
        self.editor = editor
        self.buffer = ""
        self.timer = QTimer(editor)
        self.timer.setSingleShot(True)
        self.timer.setInterval(_TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.commit)

    def key(self, text: str) -> bool:
        """Take one typed character; True when it was a code digit."""
        if not text or not text.isdigit():
            return False
        keyed = self.editor.typed_codes()
        codes = list(keyed)
        candidate = self.buffer + text if self.timer.isActive() else text
        if not any(c.startswith(candidate) for c in codes):
            candidate = text
            if not any(c.startswith(candidate) for c in codes):
                self.buffer = ""
                return True
        self.buffer = candidate
        longer = any(c.startswith(candidate) and c != candidate for c in codes)
        if candidate in codes and self.editor.picks_at_once:
            self.editor.pick_code(keyed[candidate])
        if longer:
            self.timer.start()
        else:
            self.timer.stop()
            self.commit()
        return True

    def commit(self) -> None:
        """The code is complete: toggle it (select_multiple) or keep it (select_one)."""
        typed, self.buffer = self.buffer, ""
        code = self.editor.typed_codes().get(typed)
        if code and not self.editor.picks_at_once:
            self.editor.pick_code(code)


class ChoiceEditor(Editor):
    """The base of the select editors: choice labels with their codes, code typing."""

    picks_at_once = True

    def build(self):
        self.allowed: set[str] | None = None
        self.typing = CodeTyping(self)
        self.build_choices()

    def build_choices(self):
        """Create the choice inputs."""

    def choice_text(self, choice) -> str:
        """'3  Keramik': the code, then the label in the current language."""
        label = pick(choice.label, self.lang, self.default_language) or choice.name
        key = self._key_of(choice.name)
        return f"{key}. {label}" if key else label

    def _key_of(self, code: str) -> str:
        if code.isdigit():
            return code
        if any(c.name.isdigit() for c in self.field.choices):
            return ""  # a word code among numbers (or_other's 'other'): not typed
        return str([c.name for c in self.field.choices].index(code) + 1)

    def typed_codes(self) -> dict[str, str]:
        """What typing picks now, {typed: code}: a numbered list by its codes; a list whose
        codes are words (the finding's layak / tidak_layak) by position, 1, 2, ..., as shown."""
        return {self._key_of(c): c for c in self.typable_codes() if self._key_of(c)}

    def typable_codes(self) -> list[str]:
        """Codes the user may pick now (the choice filter applied)."""
        return [
            c.name for c in self.field.choices if self.allowed is None or c.name in self.allowed
        ]

    def pick_code(self, code: str) -> None:
        """Select (or toggle) the choice with this code, as a user edit."""

    def clear(self) -> None:
        """Remove the answer, as a user edit."""

    def set_allowed(self, codes: set[str] | None) -> None:
        """Offer only these codes (a choice_filter); None offers all."""
        self.allowed = codes

    def key_pressed(self, obj, event):
        if super().key_pressed(obj, event):
            return True
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods != Qt.KeyboardModifier.NoModifier:
            return False
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear()
            return True
        return self.typing.key(event.text())


class RadioEditor(ChoiceEditor):
    """select_one with a few choices: radio buttons, side by side when the labels are short."""

    def build_choices(self):
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        wide = any(
            sum(len(pick(c.label, lang, self.default_language)) + 8 for c in self.field.choices)
            > 90
            for lang in ("id", "en")
        )
        row = QVBoxLayout() if wide else QHBoxLayout()
        row.setSpacing(18 if isinstance(row, QHBoxLayout) else 2)
        for c in self.field.choices:
            b = QRadioButton(self.body)
            self.buttons[c.name] = b
            self.group.addButton(b)
            row.addWidget(b)
        if isinstance(row, QHBoxLayout):
            row.addStretch(1)
        self.body_layout.addLayout(row)
        self.group.buttonToggled.connect(self._toggled)
        self.refresh_choices()

    def _toggled(self, _button, checked):
        if checked:
            self._edited()

    def refresh_choices(self):
        for c in self.field.choices:
            self.buttons[c.name].setText(self.choice_text(c))

    def focus_widgets(self):
        return list(self.buttons.values())

    def focus_target(self):
        checked = self.group.checkedButton()
        if checked is not None and checked.isVisibleTo(self):
            return checked
        visible = [b for b in self.buttons.values() if not b.isHidden()]
        return visible[0] if visible else None

    def value(self):
        for code, b in self.buttons.items():
            if b.isChecked():
                return code
        return None

    def show_value(self, value):
        code = None if value is None else str(value)
        if code in self.buttons:
            self.buttons[code].setChecked(True)
        else:
            self._uncheck()

    def _uncheck(self):
        self.group.setExclusive(False)
        for b in self.buttons.values():
            b.setChecked(False)
        self.group.setExclusive(True)

    def pick_code(self, code):
        b = self.buttons[code]
        b.setChecked(True)
        b.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self):
        if self.value() is not None:
            self._uncheck()
            self._edited()

    def set_allowed(self, codes):
        super().set_allowed(codes)
        for code, b in self.buttons.items():
            b.setHidden(codes is not None and code not in codes)


class NoWheelComboBox(QComboBox):
    """A combo box that lets the wheel scroll the form instead of changing the answer."""

    def wheelEvent(self, event):  # noqa: N802 (Qt name)
        event.ignore()


class ComboEditor(ChoiceEditor):
    """select_one with many choices (or appearance 'minimal'): a drop-down list."""

    def build_choices(self):
        self.combo = NoWheelComboBox(self.body)
        self.combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.combo.setMaxVisibleItems(14)
        self.combo.setMinimumWidth(280)
        self.combo.setMaximumWidth(520)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.currentIndexChanged.connect(self._edited)
        self.body_layout.addWidget(self.combo)
        self._codes: list[str] = []
        self.refresh_choices()
        self.retranslate()

    def retranslate(self):
        self.combo.setPlaceholderText(
            QCoreApplication.translate("FormView", "Choose, or type the code")
        )

    def refresh_choices(self):
        current = self.value()
        self._loading, was = True, self._loading
        try:
            self.combo.clear()
            self._codes = []
            for c in self.field.choices:
                if self.allowed is None or c.name in self.allowed:
                    self.combo.addItem(self.choice_text(c), c.name)
                    self._codes.append(c.name)
            self.combo.setCurrentIndex(self._codes.index(current) if current in self._codes else -1)
        finally:
            self._loading = was
        self._hidden_value = current if current not in self._codes else None

    def focus_widgets(self):
        return [self.combo]

    def value(self):
        index = self.combo.currentIndex()
        if index < 0:
            return getattr(self, "_hidden_value", None)
        return self._codes[index]

    def show_value(self, value):
        code = None if value is None else str(value)
        self._hidden_value = code if code is not None and code not in self._codes else None
        self.combo.setCurrentIndex(self._codes.index(code) if code in self._codes else -1)

    def pick_code(self, code):
        if code in self._codes:
            self._hidden_value = None
            self.combo.setCurrentIndex(self._codes.index(code))

    def clear(self):
        if self.value() is not None:
            self._hidden_value = None
            if self.combo.currentIndex() < 0:
                self._edited()
            self.combo.setCurrentIndex(-1)

    def set_allowed(self, codes):
        if codes == self.allowed:
            return
        super().set_allowed(codes)
        self.refresh_choices()


class CheckboxEditor(ChoiceEditor):
    """select_multiple: one checkbox per choice; typing a code toggles it."""

    picks_at_once = False

    def build_choices(self):
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(2)
        columns = 2 if len(self.field.choices) > 4 else 1
        rows = (len(self.field.choices) + columns - 1) // columns
        for i, c in enumerate(self.field.choices):
            box = QCheckBox(self.body)
            box.toggled.connect(self._edited)
            self.boxes[c.name] = box
            grid.addWidget(box, i % rows, i // rows)
        grid.setColumnStretch(columns, 1)
        self.body_layout.addLayout(grid)
        self.refresh_choices()

    def refresh_choices(self):
        for c in self.field.choices:
            self.boxes[c.name].setText(self.choice_text(c))

    def focus_widgets(self):
        return list(self.boxes.values())

    def value(self):
        codes = [code for code, box in self.boxes.items() if box.isChecked()]
        return " ".join(codes) if codes else None

    def show_value(self, value):
        if isinstance(value, list):
            codes = {str(v) for v in value}
        else:
            codes = set(str(value or "").split())
        for code, box in self.boxes.items():
            box.setChecked(code in codes)

    def pick_code(self, code):
        box = self.boxes[code]
        box.toggle()
        box.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self):
        if self.value() is not None:
            self._loading = True
            for box in self.boxes.values():
                box.setChecked(False)
            self._loading = False
            self._edited()

    def set_allowed(self, codes):
        super().set_allowed(codes)
        for code, box in self.boxes.items():
            box.setHidden(codes is not None and code not in codes)


def gps_number(gps: dict | None, *keys: str) -> float | None:
    """The first of ``keys`` that ``gps`` has as a number ('accuracy_m', 'accuracy'...)."""
    for key in keys:
        value = (gps or {}).get(key)
        if value not in (None, ""):
            try:
                return float(value)
            except (TypeError, ValueError):
                return None
    return None


def gps_text(gps: dict | None) -> str:
    """'-6.98765, 107.62912 (± 8 m)' for a GPS dict {'lat', 'lon', 'accuracy_m'?}."""
    lat, lon = gps_number(gps, "lat"), gps_number(gps, "lon")
    if lat is None or lon is None:
        return ""
    accuracy = gps_number(gps, "accuracy_m", "accuracy")
    return f"{lat:.5f}, {lon:.5f}" + (f" (± {accuracy:g} m)" if accuracy is not None else "")


class GeopointEditor(Editor):
    """geopoint: latitude, longitude and accuracy typed in, or taken from a photo's GPS.

    Stored as 'lat lon' or 'lat lon altitude accuracy', as ODK does.
    """

    from_photo = Signal()
    """The user asked for the GPS of the form's photo."""

    def build(self):
        self.source = "manual"
        """'manual' (typed) or 'exif' (from a photo)."""
        self.altitude = "0"
        row = QHBoxLayout()
        row.setSpacing(6)
        self.captions = []
        self.lat, self.lon, self.accuracy = (_line_edit(self.body, 130) for _ in range(3))
        for edit in (self.lat, self.lon, self.accuracy):
            caption = QLabel(self.body)
            caption.setObjectName("caption")
            caption.setBuddy(edit)
            self.captions.append(caption)
            edit.setMaxLength(24)  # what is typed stays as typed: a wrong character is shown
            edit.textEdited.connect(self._typed)
            row.addWidget(caption)
            row.addWidget(edit)
            row.addSpacing(8)
        self.photo_button = QPushButton(self.body)
        self.photo_button.setEnabled(False)
        self.photo_button.clicked.connect(self.from_photo)
        row.addWidget(self.photo_button)
        row.addStretch(1)
        self.body_layout.addLayout(row)
        self.source_label = QLabel(self.body)
        self.source_label.setObjectName("hint")
        self.body_layout.addWidget(self.source_label)
        self.warning = QLabel(self.body)
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.body_layout.addWidget(self.warning)
        self.retranslate()

    def retranslate(self):
        for caption, text in zip(
            self.captions,
            (
                QCoreApplication.translate("FormView", "Latitude"),
                QCoreApplication.translate("FormView", "Longitude"),
                QCoreApplication.translate("FormView", "Accuracy (m)"),
            ),
            strict=True,
        ):
            caption.setText(text)
        self.photo_button.setText(QCoreApplication.translate("FormView", "Use the photo's GPS"))
        self.photo_button.setToolTip("Ctrl+Shift+G")
        self._show_source()

    def _show_source(self):
        if self.value() is None or not self.source:
            text = ""
        elif self.source == "exif":
            text = QCoreApplication.translate("FormView", "Taken from the photo's GPS (EXIF).")
        else:
            text = QCoreApplication.translate("FormView", "Typed in by hand.")
        self.source_label.setText(text)
        self.source_label.setVisible(bool(text))
        warning = self.check_place() if self.value() is not None else None
        self.warning.setText("\u26a0 " + warning if warning else "")
        self.warning.setVisible(bool(warning))

    def check_place(self) -> str | None:
        """A warning about where the point lies, from the view's GPS checker."""
        checker = getattr(self, "checker", None)
        try:
            lat, lon = (float(typed_number(e.text()) or "x") for e in (self.lat, self.lon))
        except ValueError:
            return None
        return checker(lat, lon) if checker else None

    def _typed(self, *_):
        self.source = "manual"
        self._show_source()
        self._edited()

    def focus_widgets(self):
        return [self.lat, self.lon, self.accuracy, self.photo_button]

    def value(self):
        texts = [e.text().strip() for e in (self.lat, self.lon, self.accuracy)]
        if not any(texts):
            return None
        # A box that is not a number goes in as typed (one word), so the form refuses the point.
        lat, lon, acc = (typed_number(t) or t.replace(" ", "_") for t in texts)
        if acc:
            return f"{lat or '?'} {lon or '?'} {self.altitude} {acc}"
        return f"{lat or '?'} {lon or '?'}"

    def type_message(self) -> str | None:
        t = QCoreApplication.translate
        boxes = (
            (t("FormView", "Latitude"), self.lat, 90),
            (t("FormView", "Longitude"), self.lon, 180),
            (t("FormView", "Accuracy (m)"), self.accuracy, None),
        )
        wrong = ""
        for caption, edit, limit in boxes:
            text = edit.text().strip()
            number = typed_number(text)
            if not text and limit is not None:
                wrong = QCoreApplication.translate("FormView", "%1 is empty.").replace(
                    "%1", caption
                )
            elif text and number is None:
                wrong = QCoreApplication.translate("FormView", "%1: “%2” is not a number.")
                wrong = wrong.replace("%1", caption).replace("%2", text)
            elif number is not None and limit is not None and abs(float(number)) > limit:
                wrong = QCoreApplication.translate("FormView", "%1 must lie between -%2 and %2.")
                wrong = wrong.replace("%1", caption).replace("%2", str(limit))
            if wrong:
                break
        how = QCoreApplication.translate(
            "FormView",
            "Type one number in each box: latitude e.g. -6,98765, longitude e.g. 107,62912; "
            "the accuracy in metres may stay empty.",
        )
        return f"{wrong} {how}".strip()

    def show_value(self, value):
        if isinstance(value, dict):
            parts = [value.get("lat"), value.get("lon"), value.get("alt"), value.get("accuracy_m")]
            parts = ["" if p is None else str(p) for p in parts]
        else:
            parts = str(value or "").split()
        parts += [""] * (4 - len(parts))
        self.lat.setText(parts[0])
        self.lon.setText(parts[1])
        self.altitude = parts[2] or "0"
        self.accuracy.setText(parts[3])
        self.source = ""  # not known for a loaded point, unless it is the photo's (below)
        self._match_photo()
        self._show_source()

    def _match_photo(self):
        gps = getattr(self, "photo_gps", None)
        lat, lon = gps_number(gps, "lat"), gps_number(gps, "lon")
        try:
            mine = [float(typed_number(e.text()) or "x") for e in (self.lat, self.lon)]
        except ValueError:
            return
        if (
            lat is not None
            and lon is not None
            and max(abs(mine[0] - lat), abs(mine[1] - lon)) < 1e-5
        ):
            self.source = "exif"

    def set_photo_gps(self, gps: dict | None) -> None:
        """Offer (or not) the GPS of a photo of the form."""
        self.photo_gps = gps
        self.photo_button.setEnabled(bool(gps_text(gps)))
        self.photo_button.setToolTip(f"{gps_text(gps)} (Ctrl+Shift+G)")
        if self.value() is not None and not self.source:
            self._match_photo()
            self._show_source()

    def take_photo_gps(self) -> None:
        """Fill in the photo's GPS, as a user edit."""
        gps = getattr(self, "photo_gps", None)
        if not gps_text(gps):
            return
        self.lat.setText(f"{gps_number(gps, 'lat'):.6f}")
        self.lon.setText(f"{gps_number(gps, 'lon'):.6f}")
        alt = gps_number(gps, "altitude_m", "alt", "altitude")
        self.altitude = f"{alt:g}" if alt is not None else "0"
        accuracy = gps_number(gps, "accuracy_m", "accuracy")
        self.accuracy.setText(f"{accuracy:g}" if accuracy is not None else "")
        self.source = "exif"
        self._show_source()
        self._edited()

    def set_read_only(self, read_only):
        for e in (self.lat, self.lon, self.accuracy):
            e.setReadOnly(read_only)
        self.photo_button.setEnabled(
            not read_only and bool(gps_text(getattr(self, "photo_gps", None)))
        )


class ImageEditor(Editor):
    """image: a button that imports a photo (through the view's photo importer), a thumbnail
    and the photo's GPS. The answer is the photo's sha256."""

    import_requested = Signal()

    def build(self):
        self.sha256: str | None = None
        self.gps: dict | None = None
        self.gps_known = False
        """Whether the photo's GPS (or its lack) is known: set_photo was given the photo."""
        row = QHBoxLayout()
        row.setSpacing(12)
        self.thumbnail = QLabel(self.body)
        self.thumbnail.setObjectName("thumbnail")
        self.thumbnail.setFixedSize(168, 126)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.thumbnail)
        side = QVBoxLayout()
        side.setSpacing(6)
        self.button = QPushButton(self.body)
        self.button.clicked.connect(self.import_requested)
        self.button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.remove = QPushButton(self.body)
        self.remove.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.remove.clicked.connect(self._remove)
        self.info = QLabel(self.body)
        self.info.setObjectName("hint")
        self.info.setWordWrap(True)
        self.info.setMinimumWidth(320)
        side.addWidget(self.button)
        side.addWidget(self.remove)
        side.addWidget(self.info)
        side.addStretch(1)
        row.addLayout(side)
        row.addStretch(1)
        self.body_layout.addLayout(row)
        self.retranslate()

    def retranslate(self):
        self.button.setText(QCoreApplication.translate("FormView", "Import photo…"))
        self.button.setToolTip("Ctrl+Shift+P")
        self.remove.setText(QCoreApplication.translate("FormView", "Remove photo"))
        self._show_info()

    def _show_info(self):
        has = bool(self.sha256)
        self.remove.setVisible(has)
        if not has:
            self.thumbnail.setText(QCoreApplication.translate("FormView", "No photo yet"))
            self.thumbnail.setPixmap(QPixmap())
            self.info.setText("")
            return
        lines = [QCoreApplication.translate("FormView", "Photo %1").replace("%1", self.sha256[:12])]
        where = gps_text(self.gps)
        if where:
            lines.append(QCoreApplication.translate("FormView", "GPS: %1").replace("%1", where))
        elif self.gps_known:
            lines.append(
                QCoreApplication.translate(
                    "FormView", "The photo has no GPS: type the point in by hand."
                )
            )
        self.info.setText("\n".join(lines))

    def focus_widgets(self):
        return [self.button, self.remove]

    def value(self):
        return self.sha256

    def show_value(self, value):
        value = str(value) if value not in (None, "") else None
        if value != self.sha256:
            self.sha256 = value
            self.gps = None
            self.gps_known = False
            self.thumbnail.setPixmap(QPixmap())
        self._show_info()

    def set_photo(self, sha256: str | None, thumbnail=None, gps: dict | None = None) -> None:
        """Show a photo: its hash (the answer), a thumbnail (QPixmap or image bytes), its GPS."""
        self.sha256 = sha256
        self.gps = gps
        self.gps_known = sha256 is not None
        pixmap = thumbnail if isinstance(thumbnail, QPixmap) else QPixmap()
        if isinstance(thumbnail, bytes | bytearray):
            pixmap.loadFromData(bytes(thumbnail))
        if not pixmap.isNull():
            pixmap = pixmap.scaled(
                self.thumbnail.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self.thumbnail.setPixmap(pixmap)
        if pixmap.isNull():
            self.thumbnail.setText(QCoreApplication.translate("FormView", "Photo attached"))
        self._show_info()

    def _remove(self):
        self.set_photo(None)
        self.button.setFocus()
        self._edited()

    def set_importer_available(self, available: bool) -> None:
        """Disable the button when there is no way to import photos."""
        self.button.setEnabled(available)


class NoteEditor(Editor):
    """note: text only (it may show answers through ${name})."""

    def build(self):
        self.label.setObjectName("note")


class CalculateEditor(Editor):
    """A calculation with a label: its value shown, read only."""

    def build(self):
        self.output = QLabel(self.body)
        self.output.setObjectName("calculated")
        self.output.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body_layout.addWidget(self.output)
        self._value = None

    def value(self):
        return self._value

    def show_value(self, value):
        self._value = None if value in (None, "") else str(value)
        self.output.setText(self._value or "—")


EDITORS = {
    "text": TextEditor,
    "integer": NumberEditor,
    "decimal": NumberEditor,
    "date": DateEditor,
    "select_multiple": CheckboxEditor,
    "geopoint": GeopointEditor,
    "image": ImageEditor,
    "note": NoteEditor,
    "calculate": CalculateEditor,
}


def editor_class(field: Field) -> type[Editor] | None:
    """The editor for a field's type; None for a type the renderer does not show."""
    if field.type == "select_one":
        minimal = "minimal" in (field.appearance or "")
        return ComboEditor if minimal or len(field.choices) > 6 else RadioEditor
    if field.type == "calculate" and not field.label:
        return None
    return EDITORS.get(field.type)


def focusable(widget: QWidget) -> bool:
    """Whether a widget can take focus now (shown, enabled, not a hidden radio)."""
    if isinstance(widget, QAbstractButton) and widget.isHidden():
        return False
    return widget.isEnabled() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
