"""Check an answer set against a form: types, choice codes, required and constraints.

Only relevant fields are checked; required is checked on empty answers, types, codes and
the constraint on the others (a constraint never fires on an empty answer, as in ODK).
"""

from dtks.forms.answer_types import codes_of, is_empty, type_error
from dtks.forms.errors import ExprEvalError
from dtks.forms.expr.evaluate import Context, value_of
from dtks.forms.expr.values import to_number
from dtks.forms.messages import message, pick
from dtks.forms.model import Expression, Field, Problem
from dtks.forms.state import State, holds, instances_of

PAPER_LESS_TYPES = frozenset({"image", "audio", "video", "file"})
"""Questions a paper questionnaire cannot answer: keyed from paper (PAPI), they are never
required (the CAPI screen asks for the photo; the paper holds none)."""


class Checker:
    """Walks a form over one answer set (with its State) and collects problems."""

    def __init__(
        self, original: dict, state: State, lang: str, default_language: str, now, paper=False
    ):
        self.original = original
        self.paper = paper
        self.state = state
        self.lang = lang
        self.default_language = default_language
        self.ctx = Context(state.data, now)
        self.problems: list[Problem] = []

    def run(self, fields: list[Field]) -> list[Problem]:
        """Check every field; problems come in document order."""
        if not isinstance(self.original, dict):
            return [Problem("", "", "type", message("not_answers", self.lang))]
        self.level(fields, "", self.original)
        for path, f, e, err in self.state.errors:
            where = e.where
            self.add(path, f, "error", message("error", self.lang, where=where, error=err))
        return self.problems

    def add(self, path: str, f: Field, kind: str, text: str):
        """Record one problem."""
        self.problems.append(Problem(path, f.name, kind, text))

    def level(self, fields: list[Field], prefix: str, original: dict):
        """Check the fields of one answer level (a repeat instance or the top)."""
        for f in fields:
            path = prefix + f.name
            if not self.state.relevant.get(path, False):
                continue
            if f.type == "group":
                self.level(f.children, prefix, original)
            elif f.type == "repeat":
                self.repeat(f, path, original.get(f.name))
            elif f.is_input:
                self.answer(f, path, original.get(f.name))

    def repeat(self, f: Field, path: str, value):
        """Check a repeat's shape and count, then each instance."""
        if value is not None and not isinstance(value, list):
            self.add(path, f, "type", message("not_repeat", self.lang))
            return
        value = value or []
        if len(instances_of(value)) != len(value):
            self.add(path, f, "type", message("not_repeat", self.lang))
        if f.repeat_count is not None:
            self.count(f, path, len(value))
        scope, indexes = self.ctx.scope, self.ctx.indexes
        for i, inst in enumerate(instances_of(value)):
            self.ctx.scope = scope + [scope[-1][f.name][i]]
            self.ctx.indexes = indexes + [i]
            self.level(f.children, f"{path}[{i}].", inst)
        self.ctx.scope, self.ctx.indexes = scope, indexes

    def count(self, f: Field, path: str, have: int):
        """A repeat_count fixes the number of instances."""
        try:
            want = to_number(f.repeat_count.run(self.ctx))
        except ExprEvalError as e:
            self.state.errors.append((path, f, f.repeat_count, str(e)))
            return
        if want == want and int(want) != have:
            self.add(
                path, f, "constraint", message("repeat_count", self.lang, want=int(want), have=have)
            )

    def answer(self, f: Field, path: str, value):
        """Check one answer: required if empty, else type, code and constraint."""
        if is_empty(value):
            if self.paper and f.type in PAPER_LESS_TYPES:
                return
            if self.flag(f.required, path, f):
                text = pick(f.required_message, self.lang, self.default_language)
                self.add(path, f, "required", text or message("required", self.lang))
            return
        wrong = type_error(f.type, value)
        if wrong:
            self.add(path, f, "type", message(wrong, self.lang))
            return
        if f.type in ("select_one", "select_multiple") and not self.codes(f, path, value):
            return
        if f.type == "range" and not self.in_range(f, path, value):
            return
        if f.constraint is not None:
            self.ctx.dot = value_of(value)
            if not holds(f.constraint, self.ctx, path, f, self.state):
                text = pick(f.constraint_message, self.lang, self.default_language)
                self.add(path, f, "constraint", text or message("constraint", self.lang))

    def in_range(self, f: Field, path: str, value) -> bool:
        """A range answer lies between start and end, on a step (ODK's defaults 1, 10, 1)."""
        start, end, step = (
            to_number(f.parameters.get(k, d)) for k, d in (("start", 1), ("end", 10), ("step", 1))
        )
        n = to_number(value_of(value))
        low, high = min(start, end), max(start, end)
        steps = (n - start) / step if step else 0.0
        if low - 1e-9 <= n <= high + 1e-9 and abs(steps - round(steps)) < 1e-9:
            return True
        params = {k: f.parameters.get(k, d) for k, d in (("start", 1), ("end", 10), ("step", 1))}
        self.add(path, f, "constraint", message("out_of_range", self.lang, **params))
        return False

    def codes(self, f: Field, path: str, value) -> bool:
        """Every code is a choice of the list, and passes the choice_filter; False if not."""
        known = f.codes
        allowed = self.filtered(f, path) if f.choice_filter is not None else known
        for code in codes_of(value):
            if code not in known:
                self.add(path, f, "type", message("not_choice", self.lang, code=code))
                return False
            if code not in allowed:
                self.add(path, f, "constraint", message("filtered_choice", self.lang, code=code))
                return False
        return True

    def filtered(self, f: Field, path: str) -> set[str]:
        """The codes the choice_filter lets through here."""
        return {c.name for c in available(f, self.ctx, path, self.state)}

    def flag(self, flag: Expression | bool, path: str, f: Field) -> bool:
        """A yes/no column (required, read_only) that may be an expression."""
        if isinstance(flag, bool):
            return flag
        return holds(flag, self.ctx, path, f, self.state)


def available(f: Field, ctx: Context, path: str, state: State) -> list:
    """The choices of a select that its choice_filter lets through in ``ctx``."""
    if f.choice_filter is None:
        return list(f.choices)
    out = []
    try:
        for c in f.choices:
            ctx.choice = c.columns
            if holds(f.choice_filter, ctx, path, f, state):
                out.append(c)
    finally:
        ctx.choice = None
    return out
