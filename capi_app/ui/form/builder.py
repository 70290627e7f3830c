"""Builds the widgets of a form's page and keeps repeat panels in step with the answers.

Top-level groups become section cards, inner groups sub-groups, repeats blocks of instance
panels, and every other field the editor of its type, wired to the view that owns the page.
"""

from PySide6.QtCore import QCoreApplication

from capi_app.ui.form.editors import Editor, GeopointEditor, ImageEditor, editor_class
from capi_app.ui.form.repeats import InstancePanel, Level, RepeatBlock, Section, SubGroup, levels
from dtks.forms import Field
from dtks.forms.answers import wanted_count


class PageBuilder:
    """Makes and removes the page's widgets for a FormView (``view``)."""

    def __init__(self, view):
        self.view = view
        self.sections: list[Section] = []

    def build(self, fields: list[Field], level: Level) -> None:
        """The section cards of the top level (questions outside a group share a card)."""
        loose: Section | None = None
        for f in fields:
            if f.type not in ("group", "repeat") and editor_class(f) is None:
                continue  # nothing to show (a hidden value, a calculation): no card for it
            if f.type != "group":
                if loose is None:
                    loose = self._section(None)
                self.build_one(f, level, loose.body_layout, loose)
                continue
            loose = None
            self.build_one(f, level, None, None)

    def _section(self, group: Field | None) -> Section:
        view = self.view
        box = Section(group, view._content)
        view._content_layout.addWidget(box)
        self.sections.append(box)
        return box

    def build_one(self, f: Field, level: Level, layout, parent) -> None:
        """The widget of ``f`` (and its children) added to ``layout`` (None: a new card)."""
        if f.type == "group":
            if layout is None:
                box = self._section(f)
            else:
                box = SubGroup(f, parent)
                layout.addWidget(box)
            level.items.append((f, box))
            for child in f.children:
                self.build_one(child, level, box.body_layout, box)
        elif f.type == "repeat":
            block = RepeatBlock(f, parent)
            block.add.clicked.connect(
                lambda _=False, b=block: self.view.add_instance(b.repeat.name)
            )
            layout.addWidget(block)
            level.items.append((f, block))
            level.repeats[f.name] = block
        else:
            editor = self._editor(f, level, parent)
            if editor is not None:
                layout.addWidget(editor)
                level.items.append((f, editor))

    def _editor(self, f: Field, level: Level, parent) -> Editor | None:
        cls = editor_class(f)
        if cls is None:
            return None
        view = self.view
        editor = cls(f, view.form.default_language, parent)
        editor.scope = level.data
        editor.heads_down = view.heads_down
        editor.edited.connect(lambda e=editor: view._on_edited(e))
        editor.advance.connect(lambda e=editor: view._advance(e))
        editor.left.connect(lambda e=editor: view._on_left(e))
        if isinstance(editor, ImageEditor):
            editor.import_requested.connect(lambda e=editor: view._import_photo(e))
            editor.set_importer_available(view.photo_importer is not None)
        if isinstance(editor, GeopointEditor):
            editor.from_photo.connect(editor.take_photo_gps)
            editor.checker = view._gps_checker
            editor.photo_button.setVisible(not view.heads_down)  # paper has no photo
        return editor

    # -- repeat instances -----------------------------------------------------------------
    def add_panel(self, block: RepeatBlock, parent: Level, data: dict | None = None):
        """A panel for a new instance (``data`` None: with the repeat's defaults) or for
        an instance already in the answers."""
        answers = parent.data.setdefault(block.repeat.name, [])
        if data is None:
            data = self.view.form.defaults(block.repeat.name)
            answers.append(data)
        level = Level(data=data)
        panel = InstancePanel(level, block)
        panel.remove.clicked.connect(
            lambda _=False, p=panel, b=block: self.view.remove_instance(
                b.repeat.name, b.panels.index(p)
            )
        )
        panel.remove.setText(QCoreApplication.translate("FormView", "Remove"))
        for child in block.repeat.children:
            self.build_one(child, level, panel.body_layout, panel.body)
        block.panels.append(panel)
        block.panel_layout.addWidget(panel)
        panel.show()
        for _, w in level.items:
            if isinstance(w, Editor):
                w.set_language(self.view.lang)
                w.set_value(level.data.get(w.field.name))
        for sub in level.repeats.values():
            self.load_repeat(sub, level)
        return panel

    def remove_panel(self, block: RepeatBlock, panel: InstancePanel) -> None:
        """Remove a panel and its instance's answers."""
        i = block.panels.index(panel)
        block.panels.pop(i)
        answers = self.level_of_block(block).data.get(block.repeat.name) or []
        if i < len(answers):
            answers.pop(i)
        panel.setParent(None)
        panel.deleteLater()

    def load_level(self, level: Level) -> None:
        """Show a level's answers (untouched) and those of its instances."""
        for f, w in level.items:
            if isinstance(w, Editor):
                w.scope = level.data
                w.set_value(level.data.get(f.name))
                w.touched = False
        for block in level.repeats.values():
            self.load_repeat(block, level)

    def load_repeat(self, block: RepeatBlock, level: Level) -> None:
        """One panel per instance in the answers: reused, added or removed."""
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
            self.load_level(panel.level)
        for data in instances[len(block.panels) :]:
            self.add_panel(block, level, data)

    def level_of_block(self, block: RepeatBlock) -> Level:
        """The level a repeat block belongs to."""
        for level in levels(self.view.top):
            if block in level.repeats.values():
                return level
        return self.view.top

    def honour_repeat_counts(self, data: dict) -> bool:
        """Add or remove panels as each repeat_count asks (``data``: the answers with
        calculations); True when a panel was added or removed."""
        changed = False
        for level in list(levels(self.view.top)):
            for block in level.repeats.values():
                block.add.setVisible(block.repeat.repeat_count is None)
                want = wanted_count(block.repeat, data, level.where)
                if want is None:
                    continue
                while len(block.panels) < want:
                    self.add_panel(block, level)
                    changed = True
                while len(block.panels) > want:
                    self.remove_panel(block, block.panels[-1])
                    changed = True
        return changed
