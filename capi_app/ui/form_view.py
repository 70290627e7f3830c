"""The form renderer: a dtks.forms Form shown as a scrollable page of questions.

Sections (the form's top-level groups) are cards listed in a navigator on the left; a
repeat (the household members) is a list of collapsible panels with an "Add member" button.
Every edit updates the answers at once and runs the form once (``Form.state``): relevance
shows and hides questions, calculations and labels that show answers update, and problems
(``Form.validate``) appear beside the questions the user has been through, or beside all of
them after ``show_all_problems()`` (the finalize button).

As in ODK, a question that becomes irrelevant keeps what was typed in it (it comes back if
the question does), but ``answers()`` leaves it out; ``answers(keep_hidden=True)`` keeps
it, for drafts (a member's pre-list NIK stays hidden until the member's status is set).

Keys: Tab / Shift+Tab and Enter move between questions; in a select, type the choice code;
Delete clears; Ctrl+PgDown / Ctrl+PgUp next / previous section; Ctrl+Shift+A adds a member,
Ctrl+Shift+Del removes the one the cursor is in; Ctrl+Shift+P imports the photo,
Ctrl+Shift+G takes its GPS; F8 goes to the next problem; Space folds a member's panel.

>>> view = FormView(load_form("forms/verivali-dtks.xlsx"), language="en")  # doctest: +SKIP
>>> view.changed.connect(save_draft)  # doctest: +SKIP
"""

import copy
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from capi_app.ui.form_widgets import (
    DateEditor,
    Editor,
    GeopointEditor,
    ImageEditor,
    editor_class,
    focusable,
    has_placeholder,
)
from dtks.forms import Field, Form, Problem, evaluate
from dtks.forms.expr.values import to_bool, to_number
from dtks.forms.messages import pick

MAX_REPEAT_COUNT = 200
"""A repeat_count above this is taken as a mistake of the form, not honoured."""

STYLE = """
FormView { background: #eef1f5; }
QWidget#navPanel { background: #ffffff; border-right: 1px solid #d5dae1; }
QLabel#formTitle { font-size: 13pt; font-weight: bold; color: #ffffff; background: #0f3d6e;
    padding: 12px 12px; }
QLabel#keys { font-size: 8.5pt; color: #6b7280; padding: 10px 12px; border-top: 1px solid #e5e7eb; }
QScrollArea#page, QWidget#pageContent { background: #eef1f5; border: none; }
QListWidget#sections { background: #ffffff; border: none; font-size: 10.5pt; padding: 6px 0; }
QListWidget#sections::item { padding: 7px 10px; color: #1f2937; }
QListWidget#sections::item:selected { background: #dbeafe; color: #1e3a8a; font-weight: bold; }
QFrame#section { background: #ffffff; border: 1px solid #d5dae1; border-radius: 6px; }
QLabel#sectionTitle {
    font-size: 14pt; font-weight: bold; color: #0f3d6e;
    padding: 10px 10px 6px 10px; border-bottom: 2px solid #dbe3ee;
}
QLabel#groupTitle { font-size: 11.5pt; font-weight: bold; color: #0f3d6e; padding: 8px 10px 2px 10px; }
QWidget#question { background: transparent; border-radius: 4px; }
QWidget#question[current="true"] { background: #f0f6ff; }
QWidget#question[problem="true"] { background: #fff5f5; }
QLabel#questionLabel { font-size: 10.5pt; font-weight: 600; color: #111827; }
QLabel#note { font-size: 10.5pt; color: #1f2937; background: #f3f7e9;
    border-left: 4px solid #65a30d; padding: 6px 8px; }
QLabel#hint, QLabel#caption { font-size: 9pt; color: #6b7280; }
QLabel#message { font-size: 9.5pt; color: #b91c1c; font-weight: 600; }
QLabel#warning { font-size: 9.5pt; color: #b45309; font-weight: 600; }
QLabel#calculated { font-size: 10.5pt; color: #374151; padding: 2px 0; }
QLabel#thumbnail { background: #f3f4f6; border: 1px dashed #9ca3af; color: #6b7280; }
QLineEdit, QPlainTextEdit, QComboBox {
    font-size: 10.5pt; padding: 4px 6px; min-height: 22px;
    border: 1px solid #b8c0cc; border-radius: 4px; background: #ffffff;
}
QComboBox::drop-down { subcontrol-origin: padding; subcontrol-position: center right;
    width: 26px; border: none; border-left: 1px solid #d5dae1; }
QComboBox::down-arrow { image: url(:/qt-project.org/styles/commonstyle/images/arrow-down-16.png);
    width: 12px; height: 12px; }
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus { border: 2px solid #2563eb; }
QLineEdit:disabled, QComboBox:disabled { background: #f3f4f6; color: #4b5563; }
QRadioButton, QCheckBox { font-size: 10.5pt; padding: 2px 0; spacing: 6px; }
QRadioButton:focus, QCheckBox:focus { color: #1d4ed8; }
QFrame#instance { background: #fafbfc; border: 1px solid #d5dae1; border-radius: 6px; }
QToolButton#instanceTitle { font-size: 11pt; font-weight: bold; color: #0f3d6e;
    border: none; padding: 6px 4px; text-align: left; }
QToolButton#instanceTitle:focus { color: #1d4ed8; text-decoration: underline; }
QLabel#instanceProblems { color: #b91c1c; font-weight: 600; }
QPushButton { font-size: 10pt; padding: 5px 12px; }
QPushButton#addInstance { font-weight: bold; color: #0f3d6e; }
"""


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


class FormView(QWidget):
    """Shows a dtks.forms Form, keeps its answers, and checks them as they change.

    ``photo_importer(field_name)`` is called when the user imports a photo; it returns
    ``(sha256, thumbnail QPixmap or image bytes, gps dict or None)`` or None (cancelled).
    """

    changed = Signal()
    """Emitted after every edit by the user (not after set_answers)."""
    section_changed = Signal(str)
    """The name of the top-level group now being worked on."""

    def __init__(
        self,
        form: Form,
        answers: dict | None = None,
        language: str = "id",
        photo_importer=None,
        parent=None,
    ):
        super().__init__(parent)
        self.form = form
        self.lang = language
        self.photo_importer = photo_importer
        self._show_all = False
        self._visible: dict[str, bool] = {}
        self._problems: list[Problem] = []
        self._photo_gps: dict | None = None
        self._current_section = ""
        self._pending_focus: Editor | None = None
        self._gps_checker = None
        self._order: list[Editor] = []
        self._nodes: dict[str, QWidget] = {}
        self._panels: list[InstancePanel] = []
        self.setObjectName("FormView")
        self.setStyleSheet(STYLE)
        self._build_frame()
        self.top = Level(data={})
        self._section_list: list[Section] = []
        self._build(form.fields, self.top, None)
        self._content_layout.addStretch(1)
        self._fill_navigator()
        self._shortcuts()
        self.retranslate()
        self.set_answers(form.defaults() if answers is None else answers)
        self._set_current_section(
            next((i for i, s in enumerate(self._section_list) if s.group), None)
        )
        QApplication.instance().focusChanged.connect(self._focus_changed)

    # -- public API -----------------------------------------------------------------------
    def answers(self, keep_hidden: bool = False) -> dict:
        """The current answers with calculations, without those of irrelevant questions
        (as ODK saves them). ``keep_hidden=True`` keeps them too: use it for drafts, so a
        pre-list value whose question is hidden for now (a member's NIK before the member's
        status is set) is not lost."""
        state = self.form.state(self.top.data)
        return copy.deepcopy(state.data if keep_hidden else self._pruned(state))

    def set_answers(self, answers: dict) -> None:
        """Show ``answers`` (a fresh start: no problem is shown until the user edits or
        show_all_problems() is called)."""
        data = copy.deepcopy(dict(answers or {}))  # edits must never reach the caller's dict
        self.top.data.clear()
        self.top.data.update(data)
        self._show_all = False
        self._photo_gps = None
        self._load_level(self.top)
        self._reindex()
        self._evaluate()

    def problems(self) -> list[Problem]:
        """Every problem of ``answers()`` (form.validate), messages in the current language."""
        return self.form.validate(self.answers(), self.lang)

    def show_all_problems(self) -> list[Problem]:
        """Show the problem of every question (finalize tried), go to the first; return them."""
        self._show_all = True
        self._evaluate()
        if self._problems:
            self.focus_problem(self._problems[0])
        return list(self._problems)

    def focus_problem(self, problem: Problem) -> None:
        """Open and scroll to the question of ``problem`` and put the cursor in it."""
        editor = self._editors_by_path().get(problem.path)
        if editor is not None:
            self._focus_editor(editor)

    def focus_next_problem(self) -> None:
        """Go to the first problem after the current question (wrapping around)."""
        by_path = {p.path for p in self._problems}
        order = [e for e in self._order if e.path in by_path]
        if not order:
            return
        current = self._editor_of(QApplication.focusWidget())
        later = order
        if current in self._order:
            i = self._order.index(current)
            later = [e for e in order if self._order.index(e) > i] or order
        self._show_all = True
        self._evaluate()
        self._focus_editor(later[0])

    def set_language(self, language: str) -> None:
        """Show the form's labels, hints, choices and messages in ``language`` ('id', 'en')."""
        self.lang = language
        self.retranslate()
        self._evaluate()

    def language(self) -> str:
        """The language code of the labels shown."""
        return self.lang

    def sections(self) -> list[str]:
        """Names of the top-level groups, in order (the navigator's entries)."""
        return [s.group.name for s in self._section_list if s.group is not None]

    def current_section(self) -> str:
        """The name of the section being worked on."""
        return self._current_section

    def go_to_section(self, name: str) -> None:
        """Scroll to a section and put the cursor in its first question."""
        for row, section in enumerate(self._section_list):
            if section.group is not None and section.group.name == name:
                self._scroll.verticalScrollBar().setValue(section.y() - 8)
                self._set_current_section(row)
                first = self._first_editor_in(section)
                if first is not None:
                    first.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def next_section(self, step: int = 1) -> None:
        """Go to the next (step 1) or previous (step -1) visible section."""
        names = [n for n in self.sections() if self._visible.get(n, True)]
        if not names:
            return
        if self._current_section in names:
            i = names.index(self._current_section) + step
        else:
            i = 0
        self.go_to_section(names[max(0, min(len(names) - 1, i))])

    def add_instance(self, repeat: str | None = None) -> None:
        """Add an instance to ``repeat`` (default: the one the cursor is in, else the first
        shown) and put the cursor in its first question."""
        block = self._block_for(repeat)
        if block is None or not block.add.isEnabled():
            return
        panel = self._add_panel(block, self._level_of_block(block))
        self._reindex()
        self._evaluate()
        self.changed.emit()
        first = self._first_editor_in(panel)
        if first is not None:
            first.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)
            self._pending_focus = first
            QTimer.singleShot(0, self._scroll_to_pending)  # once the new panel is laid out

    def _scroll_to_pending(self) -> None:
        editor, self._pending_focus = self._pending_focus, None
        if editor is not None and editor in self._order:
            self._focus_editor(editor)

    def remove_instance(self, repeat: str, index: int, confirm: bool = True) -> bool:
        """Remove instance ``index`` of ``repeat`` (asks first when ``confirm``)."""
        block = self._block_for(repeat)
        if block is None or not 0 <= index < len(block.panels):
            return False
        panel = block.panels[index]
        if confirm and any(v not in (None, "") for v in panel.level.data.values()):
            title = panel.title()
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("FormView", "Remove"),
                QCoreApplication.translate("FormView", "Remove %1 and its answers?").replace(
                    "%1", title
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self._remove_panel(block, panel)
        self._reindex()
        self._evaluate()
        self.changed.emit()
        return True

    def instance_titles(self, repeat: str) -> list[str]:
        """The titles of the instance panels of ``repeat``."""
        block = self._block_for(repeat)
        return [p.title() for p in block.panels] if block else []

    def editor(self, path: str) -> Editor | None:
        """The editor of the question at ``path`` ('nik' or 'members[1].nik'), if shown."""
        return self._editors_by_path().get(path)

    def is_shown(self, path: str) -> bool:
        """Whether the question, group or repeat at ``path`` is relevant (shown)."""
        return self._visible.get(path, False)

    def set_photo(self, name: str, thumbnail=None, gps: dict | None = None) -> None:
        """Show a thumbnail and GPS for the photo already answered in image field ``name``
        (after set_answers, the caller loads it from the store)."""
        editor = self._editors_by_path().get(name)
        if isinstance(editor, ImageEditor):
            editor.set_photo(editor.sha256, thumbnail, gps)
            self._offer_photo_gps(gps)

    def gps_sources(self) -> dict[str, str]:
        """Geopoint path -> 'exif' (from a photo) or 'manual' (typed), for answered points."""
        return {
            e.path: e.source or "manual"
            for e in self._order
            if isinstance(e, GeopointEditor) and e.value() is not None
        }

    def set_gps_checker(self, checker) -> None:
        """``checker(lat, lon) -> warning text or None`` is asked about every GPS point shown
        (e.g. 'The point is 12 km from the desa'); the warning appears under the point."""
        self._gps_checker = checker
        for e in self._order:
            if isinstance(e, GeopointEditor):
                e.checker = checker
                e._show_source()

    # -- building -------------------------------------------------------------------------
    def _build_frame(self) -> None:
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self._nav_panel = QWidget(self)
        self._nav_panel.setObjectName("navPanel")
        self._nav_panel.setFixedWidth(250)
        side = QVBoxLayout(self._nav_panel)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(0)
        self._form_title = QLabel(self.form.title, self._nav_panel)
        self._form_title.setObjectName("formTitle")
        self._form_title.setWordWrap(True)
        side.addWidget(self._form_title)
        self._nav = QListWidget(self._nav_panel)
        self._nav.setObjectName("sections")
        self._nav.setWordWrap(True)
        self._nav.setIconSize(QSize(18, 18))
        self._nav.itemActivated.connect(self._nav_activated)
        self._nav.itemClicked.connect(self._nav_activated)
        side.addWidget(self._nav, 1)
        self._keys = QLabel(self._nav_panel)
        self._keys.setObjectName("keys")
        self._keys.setWordWrap(True)
        side.addWidget(self._keys)
        outer.addWidget(self._nav_panel)
        self._scroll = QScrollArea(self)
        self._scroll.setObjectName("page")
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._content = QWidget()
        self._content.setObjectName("pageContent")
        self._content_layout = QVBoxLayout(self._content)
        self._content_layout.setContentsMargins(24, 16, 24, 24)
        self._content_layout.setSpacing(14)
        self._content.setMaximumWidth(900)
        holder = QWidget()
        holder.setObjectName("pageContent")
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(0)
        row.addWidget(self._content, 1)
        row.addStretch(0)
        self._scroll.setWidget(holder)
        self._scroll.verticalScrollBar().valueChanged.connect(self._scrolled)
        outer.addWidget(self._scroll, 1)

    def _build(self, fields: list[Field], level: Level, layout) -> None:
        loose: Section | None = None
        for f in fields:
            if layout is None and f.type != "group":
                if loose is None:
                    loose = Section(None, self._content)
                    self._content_layout.addWidget(loose)
                    self._section_list.append(loose)
                self._build_one(f, level, loose.body_layout, loose)
                continue
            loose = None
            self._build_one(f, level, layout, None)

    def _build_one(self, f: Field, level: Level, layout, parent) -> None:
        if f.type == "group":
            if layout is None:
                box = Section(f, self._content)
                self._content_layout.addWidget(box)
                self._section_list.append(box)
            else:
                box = SubGroup(f, parent)
                layout.addWidget(box)
            level.items.append((f, box))
            for child in f.children:
                self._build_one(child, level, box.body_layout, box)
        elif f.type == "repeat":
            block = RepeatBlock(f, parent)
            block.add.clicked.connect(lambda _=False, b=block: self.add_instance(b.repeat.name))
            layout.addWidget(block)
            level.items.append((f, block))
            level.repeats[f.name] = block
        else:
            cls = editor_class(f)
            if cls is None:
                return
            editor = cls(f, self.form.default_language, parent)
            editor.scope = level.data
            editor.edited.connect(lambda e=editor: self._on_edited(e))
            editor.advance.connect(lambda e=editor: self._advance(e))
            editor.left.connect(lambda e=editor: self._on_left(e))
            if isinstance(editor, ImageEditor):
                editor.import_requested.connect(lambda e=editor: self._import_photo(e))
                editor.set_importer_available(self.photo_importer is not None)
            if isinstance(editor, GeopointEditor):
                editor.from_photo.connect(editor.take_photo_gps)
                editor.checker = self._gps_checker
            layout.addWidget(editor)
            level.items.append((f, editor))

    def _fill_navigator(self) -> None:
        self._nav.clear()
        for section in self._section_list:
            item = QListWidgetItem()
            item.setHidden(section.group is None)
            self._nav.addItem(item)
        self._nav_panel.setVisible(any(s.group is not None for s in self._section_list))

    def _shortcuts(self) -> None:
        keys = [
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageDown), lambda: self.next_section(1)),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageUp), lambda: self.next_section(-1)),
            (QKeySequence("Ctrl+Shift+A"), self.add_instance),
            (QKeySequence("Ctrl+Shift+P"), self._import_first_photo),
            (QKeySequence(Qt.Key.Key_F8), self.focus_next_problem),
            (QKeySequence("Ctrl+Shift+G"), self._take_photo_gps),
            (QKeySequence("Ctrl+Shift+Del"), self._remove_current_instance),
        ]
        for sequence, slot in keys:
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- repeat instances -----------------------------------------------------------------
    def _add_panel(self, block: RepeatBlock, parent: Level, data: dict | None = None):
        answers = parent.data.setdefault(block.repeat.name, [])
        if data is None:
            data = self.form.defaults(block.repeat.name)
            answers.append(data)
        level = Level(data=data)
        panel = InstancePanel(level, block)
        panel.remove.clicked.connect(
            lambda _=False, p=panel, b=block: self.remove_instance(b.repeat.name, b.panels.index(p))
        )
        panel.remove.setText(QCoreApplication.translate("FormView", "Remove"))
        for child in block.repeat.children:
            self._build_one(child, level, panel.body_layout, panel.body)
        block.panels.append(panel)
        block.panel_layout.addWidget(panel)
        panel.show()
        for _, w in level.items:
            if isinstance(w, Editor):
                w.set_language(self.lang)
                w.set_value(level.data.get(w.field.name))
        for sub in level.repeats.values():
            self._load_repeat(sub, level)
        return panel

    def _remove_panel(self, block: RepeatBlock, panel: InstancePanel) -> None:
        i = block.panels.index(panel)
        block.panels.pop(i)
        answers = self._level_of_block(block).data.get(block.repeat.name) or []
        if i < len(answers):
            answers.pop(i)
        panel.setParent(None)
        panel.deleteLater()

    def _load_level(self, level: Level) -> None:
        for f, w in level.items:
            if isinstance(w, Editor):
                w.scope = level.data
                w.set_value(level.data.get(f.name))
                w.touched = False
        for block in level.repeats.values():
            self._load_repeat(block, level)

    def _load_repeat(self, block: RepeatBlock, level: Level) -> None:
        value = level.data.get(block.repeat.name)
        instances = [i for i in value if isinstance(i, dict)] if isinstance(value, list) else []
        if instances:
            level.data[block.repeat.name] = instances
        while len(block.panels) > len(instances):
            panel = block.panels.pop()
            panel.setParent(None)
            panel.deleteLater()
        for panel, data in zip(block.panels, instances, strict=False):
            panel.level.data = data
            self._load_level(panel.level)
        for data in instances[len(block.panels) :]:
            self._add_panel(block, level, data)

    def _level_of_block(self, block: RepeatBlock) -> Level:
        for level in self._levels():
            if block in level.repeats.values():
                return level
        return self.top

    def _block_for(self, repeat: str | None) -> RepeatBlock | None:
        blocks = [b for level in self._levels() for b in level.repeats.values()]
        if repeat is not None:
            return next((b for b in blocks if b.repeat.name == repeat), None)
        focus = QApplication.focusWidget()
        inside = [b for b in blocks if focus is not None and b.isAncestorOf(focus)]
        if inside:
            return inside[-1]
        shown = [b for b in blocks if b.isVisibleTo(self)]
        return shown[0] if shown else None

    def _levels(self):
        stack = [self.top]
        while stack:
            level = stack.pop(0)
            yield level
            for block in level.repeats.values():
                stack.extend(p.level for p in block.panels)

    # -- indexes, order, paths ------------------------------------------------------------
    def _reindex(self) -> None:
        """Recompute paths, the document order of editors and the tab order."""
        self._order: list[Editor] = []
        self._nodes: dict[str, QWidget] = {}
        self._panels: list[InstancePanel] = []
        self._index_level(self.top)
        chain: list[QWidget] = [self._nav]
        self._chain_level(self.top, chain)
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _index_level(self, level: Level) -> None:
        for f, w in level.items:
            path = level.prefix + f.name
            self._nodes[path] = w
            if isinstance(w, Editor):
                w.path, w.where, w.scope = path, level.where, level.data
                self._order.append(w)
            elif isinstance(w, RepeatBlock):
                for i, panel in enumerate(w.panels):
                    panel.level.prefix = f"{path}[{i}]."
                    panel.level.where = (*level.where, f.name, i)
                    panel.level.data = level.data[f.name][i]
                    self._panels.append(panel)
                    self._index_level(panel.level)

    def _chain_level(self, level: Level, chain: list) -> None:
        for _, w in level.items:
            if isinstance(w, Editor):
                chain.extend(w.focus_widgets())
            elif isinstance(w, RepeatBlock):
                for panel in w.panels:
                    chain.append(panel.toggle)
                    self._chain_level(panel.level, chain)
                    chain.append(panel.remove)
                chain.append(w.add)

    def _editors_by_path(self) -> dict[str, Editor]:
        return {e.path: e for e in self._order}

    def _editor_of(self, widget) -> Editor | None:
        while widget is not None and not isinstance(widget, Editor):
            widget = widget.parentWidget()
        return widget

    # -- evaluation -----------------------------------------------------------------------
    def _on_edited(self, editor: Editor) -> None:
        value = editor.value()
        if value is None:
            editor.scope.pop(editor.field.name, None)
        else:
            editor.scope[editor.field.name] = value
        if editor.field.type in ("select_one", "select_multiple", "image"):
            editor.touched = True
        self._evaluate()
        self.changed.emit()

    def _on_left(self, editor: Editor) -> None:
        if not editor.touched:
            editor.touched = True
            self._show_messages()

    def _evaluate(self) -> None:
        """Run the form once over the answers and bring every widget up to date."""
        state = self.form.state(self.top.data)
        if self._honour_repeat_counts(state):
            self._reindex()
            state = self.form.state(self.top.data)
        relevant = state.relevant
        self._visible = dict(relevant)
        for path, widget in self._nodes.items():
            shown = relevant.get(path, True)
            if widget.isHidden() == shown:  # only widgets whose visibility changed
                widget.setVisible(shown)
        self._update_dynamic(state)
        self._problems = self.form.validate(self._pruned(state), self.lang)
        self._show_messages()

    def _update_dynamic(self, state) -> None:
        for editor in self._order:
            f = editor.field
            if not self._visible.get(editor.path, True):
                continue
            scope = _scope_in(state.data, editor.where)
            if f.calculation is not None:
                editor.set_value(state.calculated.get(editor.path, ""))
            if has_placeholder(f.label) or has_placeholder(f.hint):
                editor.refresh_label(lambda name, s=scope: _lookup(name, s, state.data))
            if not isinstance(f.required, bool):
                editor.set_required(self._holds(f.required.text, state.data, editor.where))
            if not isinstance(f.read_only, bool):
                editor.set_read_only(self._holds(f.read_only.text, state.data, editor.where))
            if f.choice_filter is not None:
                current = editor.where
                allowed = self.form.choices_for(f.name, self.top.data, current)
                editor.set_allowed({c.name for c in allowed})

    def _holds(self, expression: str, data: dict, where: tuple) -> bool:
        try:
            return to_bool(evaluate(expression, data, where or None))
        except Exception:  # a failing expression is reported by validate; show the asterisk
            return True

    def _honour_repeat_counts(self, state) -> bool:
        changed = False
        for level in list(self._levels()):
            for block in level.repeats.values():
                count = block.repeat.repeat_count
                block.add.setVisible(count is None)
                if count is None:
                    continue
                try:
                    want = to_number(evaluate(count.text, state.data, level.where or None))
                except Exception:
                    continue
                if want != want or not 0 <= want <= MAX_REPEAT_COUNT:
                    continue
                while len(block.panels) < int(want):
                    self._add_panel(block, level)
                    changed = True
                while len(block.panels) > int(want):
                    self._remove_panel(block, block.panels[-1])
                    changed = True
        return changed

    def _pruned(self, state) -> dict:
        return _prune(self.form.fields, state.data, state.relevant, "")

    def _show_messages(self) -> None:
        first: dict[str, Problem] = {}
        for p in self._problems:
            first.setdefault(p.path, p)
        for editor in self._order:
            problem = first.get(editor.path)
            shown = problem is not None and (self._show_all or editor.touched)
            editor.show_message(self._message_for(editor, problem) if shown else None)
        for level in self._levels():
            for f, w in level.items:
                if isinstance(w, RepeatBlock):
                    problem = first.get(level.prefix + f.name)
                    w.show_message(problem.message if problem and self._show_all else None)
        self._update_navigator()
        self._update_titles()

    def _message_for(self, editor: Editor, problem: Problem) -> str:
        if isinstance(editor, DateEditor) and problem.kind == "type":
            return QCoreApplication.translate(
                "FormView", "Not a real date: type day-month-year, e.g. 17-08-1980."
            )
        return problem.message

    # -- texts ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every text: form labels in self.lang, our own strings through tr()."""
        for level in self._levels():
            for f, w in level.items:
                title = pick(f.label, self.lang, self.form.default_language)
                if isinstance(w, Editor):
                    w.set_language(self.lang)
                elif isinstance(w, Section | SubGroup):
                    w.title.setText(title or f.name)
                elif isinstance(w, RepeatBlock):
                    w.title.setText(title)
                    w.title.setVisible(bool(title) and not self._group_says(w, title))
                    w.add.setText(self._add_text(f))
                    w.add.setToolTip("Ctrl+Shift+A")
                    for panel in w.panels:
                        panel.remove.setText(QCoreApplication.translate("FormView", "Remove"))
                        panel.remove.setToolTip("Ctrl+Shift+Del")
        self._keys.setText(
            QCoreApplication.translate(
                "FormView",
                "Enter: next question\nCtrl+PgDn / Ctrl+PgUp: next / previous section\n"
                "F8: next problem\nCtrl+Shift+A: add member\nCtrl+Shift+P: import photo\n"
                "Type a choice's code to pick it; Delete clears it",
            )
        )
        self._update_navigator()
        self._update_titles()

    def _can_add(self, panel: InstancePanel) -> bool:
        """Whether instances of the panel's repeat are added and removed by hand."""
        block = panel.parentWidget()
        return not isinstance(block, RepeatBlock) or block.repeat.repeat_count is None

    def _group_says(self, block: RepeatBlock, title: str) -> bool:
        """Whether the group around a repeat already has its title ('5. Members' / 'Members')."""
        parent = block.parentWidget()
        while parent is not None and not isinstance(parent, Section | SubGroup):
            parent = parent.parentWidget()
        return parent is not None and parent.title.text().endswith(title)

    def _add_text(self, repeat: Field) -> str:
        label = pick(repeat.label, "en", self.form.default_language).lower()
        if "member" in label:
            return "+ " + QCoreApplication.translate("FormView", "Add member")
        return "+ " + QCoreApplication.translate("FormView", "Add an entry")

    def _update_navigator(self) -> None:
        """Section entries: hidden when irrelevant, marked done, or with their problems."""
        counts: dict[int, int] = {}
        editors = self._editors_by_path()
        for p in self._problems:
            editor = editors.get(p.path)
            row = self._section_row(editor if editor is not None else self._nodes.get(p.path))
            if row is not None:
                counts[row] = counts.get(row, 0) + 1
        for row, section in enumerate(self._section_list):
            item = self._nav.item(row)
            if item is None or section.group is None:
                continue
            text = pick(section.group.label, self.lang, self.form.default_language)
            text = text or section.group.name
            if item.text() != text:
                item.setText(text)
            item.setHidden(not self._visible.get(section.group.name, True))
            if not counts.get(row):
                mark, tip = "done", QCoreApplication.translate("FormView", "Complete")
            elif self._show_all:
                mark = str(counts[row])
                tip = QCoreApplication.translate("FormView", "%n problem(s)", "", counts[row])
            else:
                mark, tip = "open", QCoreApplication.translate("FormView", "Not complete yet")
            if item.data(Qt.ItemDataRole.UserRole) != mark:
                item.setData(Qt.ItemDataRole.UserRole, mark)
                item.setIcon(_mark_icon(mark))
            item.setToolTip(tip)

    def _update_titles(self) -> None:
        for panel in self._panels:
            panel.set_title(self._instance_title(panel))
            count = sum(1 for e in _editors_of(panel.level) if e._message)
            panel.problems.setText(
                QCoreApplication.translate("FormView", "%n problem(s)", "", count) if count else ""
            )
            panel.problems.setVisible(bool(count))
            self._update_remove(panel)

    def _update_remove(self, panel: InstancePanel) -> None:
        """Entries that carry read-only data (a pre-list member) are changed, not removed."""
        kept = any(
            e.field.read_only is True and panel.level.data.get(e.field.name) not in (None, "")
            for e in _editors_of(panel.level, nested=False)
        )
        panel.remove.setVisible(not kept and self._can_add(panel))

    def _instance_title(self, panel: InstancePanel) -> str:
        """'2. Siti Aminah (Istri/Suami)': number, name and relationship, as far as known."""
        number = panel.level.where[-1] + 1
        editors = list(_editors_of(panel.level, nested=False))
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
                text += f" ({pick(choice.label, self.lang, self.form.default_language)})"
        return text

    def changeEvent(self, event):  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- focus and navigation -------------------------------------------------------------
    def _advance(self, editor: Editor) -> None:
        editor.touched = True
        self._show_messages()
        if editor not in self._order:
            return
        for nxt in self._order[self._order.index(editor) + 1 :]:
            target = nxt.focus_target()
            if target is not None and focusable(target) and nxt.isVisibleTo(self._content):
                self._focus_editor(nxt)
                return

    def _focus_editor(self, editor: Editor) -> None:
        for panel in self._panels:
            if panel.isAncestorOf(editor):
                panel.set_expanded(True)
        target = editor.focus_target()
        if target is None:
            return
        target.setFocus(Qt.FocusReason.TabFocusReason)
        self._scroll.ensureWidgetVisible(editor, 40, 60)

    def _first_editor_in(self, widget: QWidget) -> Editor | None:
        for e in self._order:
            if widget.isAncestorOf(e) and e.isVisibleTo(self._content):
                target = e.focus_target()
                if target is not None and focusable(target):
                    return e
        return None

    def _section_row(self, widget) -> int | None:
        for row, section in enumerate(self._section_list):
            if widget is not None and (section is widget or section.isAncestorOf(widget)):
                return row
        return None

    def _set_current_section(self, row: int | None) -> None:
        if row is None or not 0 <= row < len(self._section_list):
            return
        section = self._section_list[row]
        if section.group is None:
            return
        self._nav.blockSignals(True)
        self._nav.setCurrentRow(row)
        self._nav.blockSignals(False)
        if section.group.name != self._current_section:
            self._current_section = section.group.name
            self.section_changed.emit(self._current_section)

    def _nav_activated(self, item: QListWidgetItem) -> None:
        row = self._nav.row(item)
        section = self._section_list[row]
        if section.group is not None:
            self.go_to_section(section.group.name)

    def _scrolled(self, value: int) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and self._content.isAncestorOf(focus):
            return
        row = None
        for i, section in enumerate(self._section_list):
            if section.isVisible() and section.y() <= value + 40:
                row = i
        self._set_current_section(row)

    def _focus_changed(self, _old, new) -> None:
        if new is not None and self._content.isAncestorOf(new):
            self._set_current_section(self._section_row(new))

    # -- photos ---------------------------------------------------------------------------
    def _take_photo_gps(self) -> None:
        editor = self._editor_of(QApplication.focusWidget())
        if not isinstance(editor, GeopointEditor):
            editor = next((e for e in self._order if isinstance(e, GeopointEditor)), None)
        if editor is not None and editor.photo_button.isEnabled():
            editor.take_photo_gps()
            self._focus_editor(editor)

    def _remove_current_instance(self) -> None:
        focus = QApplication.focusWidget()
        panels = [p for p in self._panels if focus is not None and p.isAncestorOf(focus)]
        if panels and panels[-1].remove.isVisible():
            block = panels[-1].parentWidget()
            self.remove_instance(block.repeat.name, block.panels.index(panels[-1]))

    def _import_first_photo(self) -> None:
        editor = self._editor_of(QApplication.focusWidget())
        if not isinstance(editor, ImageEditor):
            editor = next(
                (e for e in self._order if isinstance(e, ImageEditor) and e.isVisibleTo(self)),
                None,
            )
        if editor is not None:
            self._import_photo(editor)

    def _import_photo(self, editor: ImageEditor) -> None:
        if self.photo_importer is None:
            return
        result = self.photo_importer(editor.field.name)
        if result:  # None: cancelled, or the importer delivers later through attach_photo()
            self._attach(editor, *result)

    def attach_photo(self, name: str, sha256: str, thumbnail=None, gps: dict | None = None) -> None:
        """Answer image field ``name`` with a photo imported by the caller (e.g. after work
        off the GUI thread): shows it, offers its GPS to empty points, emits ``changed``."""
        editor = self._editors_by_path().get(name)
        if isinstance(editor, ImageEditor):
            self._attach(editor, sha256, thumbnail, gps)

    def _attach(self, editor: ImageEditor, sha256: str, thumbnail, gps: dict | None) -> None:
        editor.set_photo(sha256, thumbnail, gps)
        editor.scope[editor.field.name] = sha256
        editor.touched = True
        self._offer_photo_gps(gps, fill_empty=True)
        self._evaluate()
        self.changed.emit()

    def _offer_photo_gps(self, gps: dict | None, fill_empty: bool = False) -> None:
        self._photo_gps = gps
        for e in self._order:
            if isinstance(e, GeopointEditor) and not e.where:
                e.set_photo_gps(gps)
                if fill_empty and gps and e.value() is None:
                    e.take_photo_gps()


def _mark_icon(mark: str) -> QIcon:
    """A round mark for a section: 'done' (green tick), 'open' (grey ring) or a problem count."""
    size = 36
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(3, 3, size - 6, size - 6)
    if mark == "open":
        p.setPen(QColor("#9ca3af"))
        p.setBrush(Qt.BrushStyle.NoBrush)
        pen = p.pen()
        pen.setWidthF(3)
        p.setPen(pen)
        p.drawEllipse(box)
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#16a34a" if mark == "done" else "#dc2626"))
        p.drawEllipse(box)
        p.setPen(QColor("#ffffff"))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(20 if mark == "done" else 17)
        p.setFont(font)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, "\u2713" if mark == "done" else mark)
    p.end()
    icon = QIcon(pixmap)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)  # not tinted when its section is current
    return icon


def _scope_in(data: dict, where: tuple) -> dict:
    scope = data
    for name, index in zip(where[::2], where[1::2], strict=False):
        try:
            scope = scope[name][index]
        except (KeyError, IndexError, TypeError):
            return {}
    return scope


def _lookup(name: str, scope: dict, top: dict):
    value = scope.get(name, top.get(name, ""))
    return "" if value is None else value


def _editors_of(level: Level, nested: bool = True):
    for _, w in level.items:
        if isinstance(w, Editor):
            yield w
        elif nested and isinstance(w, RepeatBlock):
            for panel in w.panels:
                yield from _editors_of(panel.level)


def _prune(fields: list[Field], data: dict, relevant: dict[str, bool], prefix: str) -> dict:
    """``data`` without the answers of irrelevant fields (ODK leaves them out on save)."""
    out = dict(data)

    def drop(fs: list[Field]):
        for f in fs:
            out.pop(f.name, None)
            if f.type == "group":
                drop(f.children)

    def walk(fs: list[Field]):
        for f in fs:
            path = prefix + f.name
            if not relevant.get(path, True):
                drop([f])
            elif f.type == "group":
                walk(f.children)
            elif f.type == "repeat" and isinstance(data.get(f.name), list):
                out[f.name] = [
                    _prune(f.children, inst, relevant, f"{path}[{i}].")
                    for i, inst in enumerate(data[f.name])
                    if isinstance(inst, dict)
                ]

    walk(fields)
    return out
