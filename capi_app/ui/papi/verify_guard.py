"""Dependent verification on the form: stop at a value that differs from the first entry.

At the first mismatch of a question the value is cleared and the verifier keys it again
from the paper. If the second keying equals the first entry, the verifier had mis-keyed;
otherwise the verifier says which value the paper holds (1: the first entry's, 2: their
own), and only then sees the first entry's value. Every mismatch becomes a check of the
papi block, so the server can count whose keying was wrong.
"""

from dataclasses import dataclass

from capi_app.papi import PapiKeying
from capi_app.ui.form.editors import Editor
from dtks.forms.compare import instance_key, same
from dtks.model import PapiCheck


@dataclass
class Pending:
    """A mismatch waiting for the paper's word: what each side keyed."""

    key: str
    entry1: object
    keyed: object
    again: object


class VerifyGuard:
    """FormView.advance_guard for dependent verification of one questionnaire."""

    def __init__(self, keying: PapiKeying, household_id: str, view, ask_paper, mismatch_text):
        self.keying = keying
        self.mismatch_text = mismatch_text
        """``mismatch_text()``: the message under a question that differs (translated)."""
        self.household_id = household_id
        self.view = view
        self.ask_paper = ask_paper
        """``ask_paper(pending)``: show the two values and let the verifier pick; the window
        calls ``settle(pending, paper_value)`` with the answer."""
        self.checks: list[PapiCheck] = []
        self._first_keyed: dict[str, object] = {}
        self._settled: dict[str, object] = {}

    def key_of(self, editor: Editor) -> str:
        """The difference key of a question: 'rt' or '<member_id>.nik'."""
        if not editor.where:
            return editor.field.name
        repeat = self.view.form.field(editor.where[-2])
        index = editor.where[-1]
        instance = self.view.top.data.get(repeat.name, [])[index]
        return f"{instance_key(repeat, instance, index)}.{editor.field.name}"

    def __call__(self, editor: Editor) -> bool:
        """True lets Enter move on; False keeps the verifier at the question."""
        key = self.key_of(editor)
        value = editor.value()
        multiple = editor.field.type == "select_multiple"
        first = self.keying.first_value(self.household_id, key)
        if key in self._settled and same(self._settled[key], value, multiple):
            return True
        if same(first, value, multiple):
            if key in self._first_keyed:  # the verifier's first keying was wrong
                self.checks.append(PapiCheck(key, first, self._first_keyed.pop(key), first))
            return True
        if key not in self._first_keyed:
            self._first_keyed[key] = value
            editor.set_value(None)
            editor.scope.pop(editor.field.name, None)
            self.view._evaluate()
            editor.show_message(self.mismatch_text())
            target = editor.focus_target()
            if target is not None:
                target.setFocus()
            return False
        self.ask_paper(Pending(key, first, self._first_keyed[key], value))
        return False

    def settle(self, editor: Editor, pending: Pending, paper) -> None:
        """The verifier said the paper holds ``paper``: record the check, show the value."""
        self._first_keyed.pop(pending.key, None)
        self.checks.append(PapiCheck(pending.key, pending.entry1, pending.keyed, paper))
        self._settled[pending.key] = paper
        editor.set_value(paper)
        if paper is None:
            editor.scope.pop(editor.field.name, None)
        else:
            editor.scope[editor.field.name] = paper
        editor.show_message(None)
        self.view._evaluate()
