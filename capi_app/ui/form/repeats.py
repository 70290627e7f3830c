"""The page's containers: answer levels, section cards, sub-groups and repeat panels.

A ``Level`` is one answer level (the top of the form or one repeat instance) with its widgets
in document order; a ``RepeatBlock`` lists the ``InstancePanel`` of each instance of a repeat
(the household members) above the button that adds one.
"""

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from capi_app.ui.form.editors import Editor
from dtks.forms import Field
from dtks.forms.messages import pick


@dataclass(eq=False)
class Level:
    """The widgets of one answer level: the top of the form, or one repeat instance."""

    data: dict
    """The answers of this level (a repeat instance's dict is the one in the answer list)."""
    prefix: str = ""
    """'' at the top, 'members[2].' in an instance."""
    where: tuple = ()
    """() at the top, ('members', 2) in an instance."""
    items: list = field(default_factory=list)
    """(Field, widget) in document order: groups, editors and repeat blocks."""
    repeats: dict = field(default_factory=dict)
    """Repeat name -> RepeatBlock."""


class Section(QFrame):
    """A top-level group: a card with a title."""

    def __init__(self, group: Field | None, parent=None):
        super().__init__(parent)
        self.group = group
        self.setObjectName("section")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 10)
        layout.setSpacing(4)
        self.title = QLabel(self)
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        self.title.setVisible(group is not None)
        layout.addWidget(self.title)
        self.body_layout = layout


class SubGroup(QWidget):
    """A group inside a section: a heading over its questions."""

    def __init__(self, group: Field, parent=None):
        super().__init__(parent)
        self.group = group
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        self.title = QLabel(self)
        self.title.setObjectName("groupTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.body_layout = layout


class InstancePanel(QFrame):
    """One repeat instance: a header that folds it away, and its questions."""

    def __init__(self, level: Level, parent=None):
        super().__init__(parent)
        self.level = level
        self.setObjectName("instance")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 8)
        layout.setSpacing(2)
        header = QHBoxLayout()
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("instanceTitle")
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.toggled.connect(self.set_expanded)
        self.problems = QLabel(self)
        self.problems.setObjectName("instanceProblems")
        self.problems.hide()
        self.remove = QPushButton(self)
        self.remove.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        header.addWidget(self.toggle)
        header.addWidget(self.problems)
        header.addStretch(1)
        header.addWidget(self.remove)
        layout.addLayout(header)
        self.body = QWidget(self)
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(4)
        layout.addWidget(self.body)
        self._title = ""

    def set_expanded(self, expanded: bool) -> None:
        """Show or fold away the instance's questions."""
        if self.toggle.isChecked() != expanded:
            self.toggle.setChecked(expanded)
            return
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)

    def set_title(self, text: str) -> None:
        """The header text, e.g. '2. Siti Aminah (Istri/Suami)'."""
        if text != self._title:
            self._title = text
            self.toggle.setText(text)

    def title(self) -> str:
        """The header text."""
        return self._title

    def can_add(self) -> bool:
        """Whether instances of this panel's repeat are added and removed by hand."""
        block = self.parentWidget()
        return not isinstance(block, RepeatBlock) or block.repeat.repeat_count is None

    def update_header(self, lang: str, default_language: str) -> None:
        """Title, problem count and whether the remove button is offered."""
        self.set_title(instance_title(self, lang, default_language))
        count = sum(1 for e in editors_of(self.level) if e._message)
        self.problems.setText(
            QCoreApplication.translate("FormView", "%n problem(s)", "", count) if count else ""
        )
        self.problems.setVisible(bool(count))
        # entries that carry read-only data (a pre-list member) are changed, not removed
        kept = any(
            e.field.read_only is True and self.level.data.get(e.field.name) not in (None, "")
            for e in editors_of(self.level, nested=False)
        )
        self.remove.setVisible(not kept and self.can_add())


class RepeatBlock(QWidget):
    """A repeat: its instance panels and the button that adds one."""

    def __init__(self, repeat: Field, parent=None):
        super().__init__(parent)
        self.repeat = repeat
        self.panels: list[InstancePanel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(8)
        self.title = QLabel(self)
        self.title.setObjectName("groupTitle")
        self.title.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        self.panel_layout = QVBoxLayout()
        self.panel_layout.setSpacing(8)
        layout.addLayout(self.panel_layout)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.hide()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.add = QPushButton(self)
        self.add.setObjectName("addInstance")
        row.addWidget(self.add)
        row.addStretch(1)
        layout.addLayout(row)

    def show_message(self, text: str | None) -> None:
        """A problem of the repeat as a whole (e.g. the number of instances)."""
        self.message.setText("\u26a0 " + text if text else "")
        self.message.setVisible(bool(text))

    def retranslate(self, title: str, default_language: str) -> None:
        """Title (unless the group around says it already), add and remove buttons."""
        self.title.setText(title)
        self.title.setVisible(bool(title) and not self._group_says(title))
        self.add.setText(add_text(self.repeat, default_language))
        self.add.setToolTip("Ctrl+Shift+A")
        for panel in self.panels:
            panel.remove.setText(QCoreApplication.translate("FormView", "Remove"))
            panel.remove.setToolTip("Ctrl+Shift+Del")

    def _group_says(self, title: str) -> bool:
        """Whether the group around already has this title ('5. Members' / 'Members')."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, Section | SubGroup):
            parent = parent.parentWidget()
        return parent is not None and parent.title.text().endswith(title)


def add_text(repeat: Field, default_language: str) -> str:
    """The add button's text: '+ Add member' for a repeat of members, else '+ Add an entry'."""
    label = pick(repeat.label, "en", default_language).lower()
    if "member" in label:
        return "+ " + QCoreApplication.translate("FormView", "Add member")
    return "+ " + QCoreApplication.translate("FormView", "Add an entry")


def editors_of(level: Level, nested: bool = True):
    """The editors of a level in document order (with those of its instances: ``nested``)."""
    for _, w in level.items:
        if isinstance(w, Editor):
            yield w
        elif nested and isinstance(w, RepeatBlock):
            for panel in w.panels:
                yield from editors_of(panel.level)


def levels(top: Level):
    """``top`` and every instance level below it, breadth first."""
    stack = [top]
    while stack:
        level = stack.pop(0)
        yield level
        for block in level.repeats.values():
            stack.extend(p.level for p in block.panels)


def instance_title(panel: InstancePanel, lang: str, default_language: str) -> str:
    """'2. Siti Aminah (Istri/Suami)': number, name and relationship, as far as known."""
    number = panel.level.where[-1] + 1
    editors = list(editors_of(panel.level, nested=False))
    name_editor = next((e for e in editors if (e.field.bind or "").endswith(".nama")), None)
    if name_editor is None:
        name_editor = next(
            (e for e in editors if e.field.type == "text" and e.field.read_only is False),
            None,
        )
    role_editor = next((e for e in editors if (e.field.bind or "").endswith(".hubungan")), None)
    name = str(panel.level.data.get(name_editor.field.name) or "") if name_editor else ""
    name = name.strip() or QCoreApplication.translate("FormView", "(no name yet)")
    text = f"{number}. {name}"
    if role_editor is not None:
        code = str(panel.level.data.get(role_editor.field.name) or "")
        choice = next((c for c in role_editor.field.choices if c.name == code), None)
        if choice is not None:
            text += f" ({pick(choice.label, lang, default_language)})"
    return text
