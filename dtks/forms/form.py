"""The Form: a loaded XLSForm and what the client and the server ask of it."""

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from dtks.forms.errors import ExprEvalError, FormError
from dtks.forms.expr.ast import Ref
from dtks.forms.expr.evaluate import Context, Layout, compile_tree
from dtks.forms.expr.values import to_string
from dtks.forms.messages import pick
from dtks.forms.model import Choice, Field, Problem
from dtks.forms.state import State, calculation_order, compute, stored, walk
from dtks.forms.validate import Checker, available
from dtks.forms.xlsform import Builder, read_xlsform

_LANG_CODE = re.compile(r"\((\w+)\)\s*$")
_REF = re.compile(r"\$\{([A-Za-z_][\w.\-]*)\}")


@dataclass(eq=False)
class Form:
    """A loaded form: ``id``, ``version``, ``title`` and the tree of ``fields``."""

    id: str
    version: str
    title: str
    fields: list[Field]
    default_language: str = "default"
    languages: list[str] = field(default_factory=list)
    """The language keys of the labels, e.g. ['Bahasa Indonesia (id)', 'English (en)']."""
    choices: dict[str, tuple[Choice, ...]] = field(default_factory=dict)
    namespaces: str = ""
    source: str = ""
    _by_name: dict[str, Field] = field(default_factory=dict, repr=False)
    _calcs: list[Field] = field(default_factory=list, repr=False)
    _layout: Layout = field(default_factory=Layout, repr=False)

    def field(self, name: str) -> Field:
        """The field called ``name`` (KeyError if there is none)."""
        return self._by_name[name]

    def iter_fields(self):
        """Every field, depth first in document order (groups and repeats too)."""
        return walk(self.fields)

    def bindings(self) -> dict[str, Field]:
        """Pre-list attribute ('household.alamat', 'member.nik') -> the field bound to it."""
        return {f.bind: f for f in self.iter_fields() if f.bind}

    def state(self, answers: dict, now: datetime | None = None) -> State:
        """Calculations filled in and relevance decided, for ``answers`` (which is not changed)."""
        return compute(self.fields, self._calcs, answers, now)

    def relevance(self, answers: dict, now: datetime | None = None) -> dict[str, bool]:
        """Path ('alamat', 'members[2].hamil') -> whether that field is relevant (shown)."""
        return self.state(answers, now).relevant

    def calculate(self, answers: dict, now: datetime | None = None) -> dict[str, str]:
        """Path -> value of every calculate field ('' where not relevant)."""
        return self.state(answers, now).calculated

    def with_calculations(self, answers: dict, now: datetime | None = None) -> dict:
        """A copy of ``answers`` with every calculate field's value filled in."""
        return self.state(answers, now).data

    def validate(
        self, answers: dict, lang: str = "id", now: datetime | None = None, paper: bool = False
    ) -> list[Problem]:
        """Every problem of ``answers``, messages in ``lang`` ('id' or 'en'); [] if it is clean.

        ``paper=True``: the answers were keyed from a paper questionnaire (PAPI), so photo,
        audio, video and file questions are not required."""
        state = self.state(answers if isinstance(answers, dict) else {}, now)
        checker = Checker(answers, state, lang, self.default_language, now, paper)
        return checker.run(self.fields)

    def choices_for(self, name: str, answers: dict, current=(), now: datetime | None = None):
        """The choices of select ``name`` that its choice_filter allows in repeat instance
        ``current`` (e.g. ``("members", 2)``)."""
        f = self.field(name)
        state = self.state(answers, now)
        ctx = Context(state.data, now)
        items = list(current)
        for repeat, index in zip(items[::2], items[1::2], strict=False):
            ctx.scope.append(ctx.scope[-1][repeat][index])
            ctx.indexes.append(index)
        return available(f, ctx, name, state)

    def label(
        self, name: str, lang: str = "id", answers: dict | None = None, current=(), now=None
    ) -> str:
        """The label of field ``name`` in ``lang``; with ``answers``, ${x} are filled in (for
        repeat instance ``current``, e.g. ``("members", 2)``), as ODK shows them."""
        text = pick(self.field(name).label, lang, self.default_language)
        if answers is None or "${" not in text:
            return text
        ctx = Context(self.state(answers, now).data, now)
        items = list(current)
        for repeat, index in zip(items[::2], items[1::2], strict=False):
            ctx.scope.append(ctx.scope[-1][repeat][index])
            ctx.indexes.append(index)
        owner = self.field(name).repeats

        def value(m: re.Match) -> str:
            if m.group(1) not in self._by_name:
                return m.group(0)
            try:
                return to_string(compile_tree(Ref(m.group(1)), self._layout, owner)(ctx))
            except ExprEvalError:
                return m.group(0)

        return _REF.sub(value, text)

    def language_codes(self) -> list[str]:
        """The short codes of the label languages, e.g. ['id', 'en']."""
        return [m.group(1) for k in self.languages if (m := _LANG_CODE.search(k))]

    def defaults(self, repeat: str | None = None, now: datetime | None = None) -> dict:
        """Defaults of the top level, or of a new instance of ``repeat`` (today() and the like
        evaluated at ``now``)."""
        fields = self.field(repeat).children if repeat else self.fields
        level = (*self.field(repeat).repeats, repeat) if repeat else ()
        out = {}
        for f in walk(fields):
            if f.default is None or f.repeats != level:
                continue
            if isinstance(f.default, str):
                out[f.name] = f.default
            else:
                out[f.name] = stored(f.default.run(Context({}, now)))
        return out


def build_form(data: dict, rows: dict[str, int], source: str, folder: Path | None = None) -> Form:
    """The Form for pyxform's JSON ``data``, every expression checked and compiled; files
    the form names (select_one_from_file CSVs) are read from ``folder``."""
    builder = Builder(data, rows, source, folder)
    fields = builder.fields(data.get("children") or [], (), 1)
    builder.check_references(fields)
    by_name = {f.name: f for f in walk(fields)}
    layout = Layout(
        paths={
            f.name: f.repeats + ((f.name,) if f.type == "repeat" else ()) for f in by_name.values()
        },
        repeats=frozenset(f.name for f in by_name.values() if f.type == "repeat"),
        choice_labels={
            f.name: {c.name: c.label for c in f.choices} for f in by_name.values() if f.choices
        },
        default_language=builder.default_language,
    )
    for f in by_name.values():
        for e in f.expressions():
            try:
                e.run = compile_tree(e.tree, layout, f.repeats)
            except ExprEvalError as err:
                raise FormError(f"{source}: {e.where}: {err}") from err
    lists = {}
    for f in by_name.values():
        if f.list_name and f.choices:
            lists.setdefault(f.list_name, f.choices)
    return Form(
        id=str(data.get("id_string") or data.get("name") or ""),
        version=str(data.get("version") or ""),
        title=str(data.get("title") or ""),
        fields=fields,
        default_language=builder.default_language,
        languages=sorted(builder.languages),
        choices=lists,
        namespaces=str(data.get("namespaces") or ""),
        source=source,
        _by_name=by_name,
        _calcs=calculation_order(fields, source),
        _layout=layout,
    )


_CACHE: dict[tuple, Form] = {}


def load_form(path) -> Form:
    """Load an XLSForm .xlsx (cached by path, size and modification time); FormError if bad.

    >>> form = load_form("forms/verivali-dtks.xlsx")
    >>> form.id, form.version
    ('verivali_dtks', '2026120401')
    """
    path = Path(path)
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    if key not in _CACHE:
        data, rows = read_xlsform(path)
        _CACHE[key] = build_form(data, rows, path.name, path.parent)
    return _CACHE[key]
