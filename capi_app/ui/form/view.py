"""The form screen: a dtks.forms Form shown as a scrollable page of questions.

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

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from capi_app.ui.form.builder import PageBuilder
from capi_app.ui.form.editors import (
    Editor,
    GeopointEditor,
    ImageEditor,
    focusable,
    has_placeholder,
)
from capi_app.ui.form.navigator import Navigator
from capi_app.ui.form.photos import PagePhotos
from capi_app.ui.form.repeats import InstancePanel, Level, RepeatBlock, Section, SubGroup, levels
from capi_app.ui.form.style import STYLE
from dtks.forms import Form, Problem
from dtks.forms.answers import holds_at, lookup, prune, scope_at
from dtks.forms.messages import pick


class FormView(QWidget):
    """Shows a dtks.forms Form, keeps its answers, and checks them as they change.

    ``photo_importer(field_name)`` is called when the user imports a photo; it returns
    ``(sha256, thumbnail QPixmap or image bytes, gps dict or None)`` or None (cancelled).
    """

    changed = Signal()
    """Emitted after every edit by the user (not after set_answers)."""
    answer_changed = Signal(str, str)
    """(path, field type) of the answer the user just changed, before ``changed`` (paradata)."""
    section_changed = Signal(str)
    """The name of the top-level group now being worked on."""
    finished = Signal()
    """Enter on the last question (heads-down entry saves the questionnaire then)."""

    def __init__(
        self,
        form: Form,
        answers: dict | None = None,
        language: str = "id",
        photo_importer=None,
        parent=None,
        heads_down: bool = False,
    ):
        super().__init__(parent)
        self.form = form
        self.heads_down = heads_down
        """Keying a paper questionnaire: no section navigator, no photo questions (paper has
        none), Enter walks the inputs of a GPS point, and problems follow paper rules."""
        self.advance_guard = None
        """``guard(editor) -> bool`` asked before Enter moves on; False keeps the cursor
        (verify mode stops at a value that differs from the first entry)."""
        self.lang = language
        self.photo_importer = photo_importer
        self._show_all = False
        self._visible: dict[str, bool] = {}
        self._problems: list[Problem] = []
        self._current_section = ""
        self._pending_focus: Editor | None = None
        self._gps_checker = None
        self._order: list[Editor] = []
        self._nodes: dict[str, QWidget] = {}
        self._panels: list[InstancePanel] = []
        self.setObjectName("FormView")
        self.setStyleSheet(STYLE)
        self._photos = PagePhotos(self)
        self._build_frame()
        self.top = Level(data={})
        self._builder = PageBuilder(self)
        self._builder.build(form.fields, self.top)
        self._section_list: list[Section] = self._builder.sections
        self._content_layout.addStretch(1)
        self._navigator.fill([s.group for s in self._section_list])
        if heads_down:
            self._navigator.hide()
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
        self._photos.gps = None
        self._builder.load_level(self.top)
        self._reindex()
        self._evaluate()

    def problems(self) -> list[Problem]:
        """Every problem of ``answers()`` (form.validate), messages in the current language."""
        return self.form.validate(self.answers(), self.lang, paper=self.heads_down)

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

    def set_anomalies(self, marks: dict[str, str]) -> None:
        """Mark questions with the worklist's anomalies: {path: text}; others are cleared."""
        for editor in self._order:
            editor.show_anomaly(marks.get(editor.path))

    def anomalies(self) -> dict[str, str]:
        """The anomaly texts shown now, by question path."""
        return {e.path: e.anomaly() for e in self._order if e.anomaly()}

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
        panel = self._builder.add_panel(block, self._builder.level_of_block(block))
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
        self._builder.remove_panel(block, panel)
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

    def place_of(self, path: str) -> str:
        """Where a question is, in words: its label, and the panel's title inside a repeat
        ('members[2].nik' -> 'NIK (Anggota 3: Dede)')."""
        name = path.rsplit(".", 1)[-1]
        try:
            label = self.form.label(name, self.lang) or name
        except KeyError:
            label = name
        if "[" not in path:
            return label
        repeat, index = path.split("[", 1)[0], int(path.split("[", 1)[1].split("]", 1)[0])
        titles = self.instance_titles(repeat)
        return f"{label} ({titles[index]})" if index < len(titles) else label

    def is_shown(self, path: str) -> bool:
        """Whether the question, group or repeat at ``path`` is relevant (shown)."""
        return self._visible.get(path, False)

    def set_photo(self, name: str, thumbnail=None, gps: dict | None = None) -> None:
        """Show a thumbnail and GPS for the photo already answered in image field ``name``
        (after set_answers, the caller loads it from the store)."""
        editor = self._editors_by_path().get(name)
        if isinstance(editor, ImageEditor):
            editor.set_photo(editor.sha256, thumbnail, gps)
            self._photos.offer_gps(gps)

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
        self._navigator = Navigator(self.form.title, self)
        self._navigator.activated.connect(self._nav_activated)
        self._nav = self._navigator.list
        outer.addWidget(self._navigator)
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

    def _shortcuts(self) -> None:
        keys = [
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageDown), lambda: self.next_section(1)),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageUp), lambda: self.next_section(-1)),
            (QKeySequence("Ctrl+Shift+A"), self.add_instance),
            (QKeySequence("Ctrl+Shift+P"), self._photos.import_first),
            (QKeySequence(Qt.Key.Key_F8), self.focus_next_problem),
            (QKeySequence("Ctrl+Shift+G"), self._photos.take_gps),
            (QKeySequence("Ctrl+Shift+Del"), self._remove_current_instance),
        ]
        for sequence, slot in keys:
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- repeat instances -----------------------------------------------------------------
    def _remove_current_instance(self) -> None:
        focus = QApplication.focusWidget()
        panels = [p for p in self._panels if focus is not None and p.isAncestorOf(focus)]
        if panels and panels[-1].remove.isVisible():
            block = panels[-1].parentWidget()
            self.remove_instance(block.repeat.name, block.panels.index(panels[-1]))

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
        return levels(self.top)

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
        self.answer_changed.emit(editor.path, editor.field.type)
        self.changed.emit()

    def _on_left(self, editor: Editor) -> None:
        if not editor.touched:
            editor.touched = True
            self._show_messages()

    def _evaluate(self) -> None:
        """Run the form once over the answers and bring every widget up to date."""
        state = self.form.state(self.top.data)
        if self._builder.honour_repeat_counts(state.data):
            self._reindex()
            state = self.form.state(self.top.data)
        relevant = state.relevant
        self._visible = dict(relevant)
        for path, widget in self._nodes.items():
            shown = relevant.get(path, True) and not self._paper_less(widget)
            if widget.isHidden() == shown:  # only widgets whose visibility changed
                widget.setVisible(shown)
        self._update_dynamic(state)
        self._problems = self.form.validate(self._pruned(state), self.lang, paper=self.heads_down)
        self._show_messages()

    def _update_dynamic(self, state) -> None:
        for editor in self._order:
            f = editor.field
            if not self._visible.get(editor.path, True):
                continue
            scope = scope_at(state.data, editor.where)
            if f.calculation is not None:
                editor.set_value(state.calculated.get(editor.path, ""))
            if has_placeholder(f.label) or has_placeholder(f.hint):
                editor.refresh_label(lambda name, s=scope: lookup(name, s, state.data))
            if not isinstance(f.required, bool):
                editor.set_required(holds_at(f.required.text, state.data, editor.where))
            if not isinstance(f.read_only, bool):
                editor.set_read_only(holds_at(f.read_only.text, state.data, editor.where))
            if f.choice_filter is not None:
                current = editor.where
                allowed = self.form.choices_for(f.name, self.top.data, current)
                editor.set_allowed({c.name for c in allowed})

    def _pruned(self, state) -> dict:
        return prune(self.form.fields, state.data, state.relevant)

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

    def problem_text(self, problem: Problem) -> str:
        """A problem as its question shows it (the editor's own words for a wrong type)."""
        editor = self.editor(problem.path)
        return self._message_for(editor, problem) if editor is not None else problem.message

    def _message_for(self, editor: Editor, problem: Problem) -> str:
        if problem.kind == "type" and (own := editor.type_message()):
            return own
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
                    w.retranslate(title, self.form.default_language)
        self._navigator.retranslate()
        self._update_navigator()
        self._update_titles()

    def _update_navigator(self) -> None:
        """Section entries: hidden when irrelevant, marked done, or with their problems."""
        counts: dict[int, int] = {}
        editors = self._editors_by_path()
        for p in self._problems:
            editor = editors.get(p.path)
            row = self._section_row(editor if editor is not None else self._nodes.get(p.path))
            if row is not None:
                counts[row] = counts.get(row, 0) + 1
        self._navigator.update_entries(
            [s.group for s in self._section_list],
            counts,
            self._visible,
            self._show_all,
            self.lang,
            self.form.default_language,
        )

    def _update_titles(self) -> None:
        for panel in self._panels:
            panel.update_header(self.lang, self.form.default_language)

    def changeEvent(self, event):  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- focus and navigation -------------------------------------------------------------
    def _paper_less(self, widget) -> bool:
        """A photo question while keying paper: not shown, not keyed."""
        return self.heads_down and isinstance(widget, ImageEditor)

    def _advance(self, editor: Editor) -> None:
        if self.heads_down and self._next_input(editor):
            return
        if self.advance_guard is not None and not self.advance_guard(editor):
            return
        editor.touched = True
        self._show_messages()
        if editor not in self._order:
            return
        nxt = self._next_editor(editor)
        if nxt is None:
            self.finished.emit()
        else:
            self._focus_editor(nxt)

    def _next_editor(self, editor: Editor) -> Editor | None:
        """The next question that takes the cursor, after ``editor``."""
        for nxt in self._order[self._order.index(editor) + 1 :]:
            target = nxt.focus_target()
            if target is not None and focusable(target) and nxt.isVisibleTo(self._content):
                return nxt
        return None

    def _next_input(self, editor: Editor) -> bool:
        """Inside a GPS point, Enter goes from latitude to longitude to accuracy."""
        if not isinstance(editor, GeopointEditor):
            return False
        inputs = [editor.lat, editor.lon, editor.accuracy]
        focus = QApplication.focusWidget()
        if focus in inputs[:-1]:
            inputs[inputs.index(focus) + 1].setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False

    def focus_first(self) -> None:
        """Put the cursor in the first question that takes it (a new questionnaire)."""
        first = self._first_editor_in(self._content)
        if first is not None:
            self._focus_editor(first)
            self._scroll.verticalScrollBar().setValue(0)

    def current_editor(self) -> Editor | None:
        """The question the cursor is in."""
        return self._editor_of(QApplication.focusWidget())

    def focus_first_question(self) -> bool:
        """Put the cursor in the first shown question that takes input; False when none."""
        for editor in self._order:
            target = editor.focus_target()
            if target is not None and focusable(target) and editor.isVisibleTo(self._content):
                self._focus_editor(editor)
                return True
        return False

    def advance_from_focus(self) -> bool:
        """Enter outside any question's input: go to the question after the one the cursor
        is in, or to the first question; False when there is none."""
        focus = self.window().focusWidget()
        current = next(
            (e for e in self._order if focus is not None and e.isAncestorOf(focus)), None
        )
        if current is None:
            return self.focus_first_question()
        self._advance(current)
        return True

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
        self._navigator.set_current_row(row)
        if section.group.name != self._current_section:
            self._current_section = section.group.name
            self.section_changed.emit(self._current_section)

    def _nav_activated(self, row: int) -> None:
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
    def _import_photo(self, editor: ImageEditor) -> None:
        self._photos.import_into(editor)

    def attach_photo(self, name: str, sha256: str, thumbnail=None, gps: dict | None = None) -> None:
        """Answer image field ``name`` with a photo imported by the caller (e.g. after work
        off the GUI thread): shows it, offers its GPS to empty points, emits ``changed``."""
        editor = self._editors_by_path().get(name)
        if isinstance(editor, ImageEditor):
            self._photos.attach(editor, sha256, thumbnail, gps)
