"""Turn a tree into a Python closure once, then run it against answer sets many times.

A closure takes a :class:`Context`: the chain of the current repeat instances (``scope``),
their 0-based ``indexes``, the value of ``.`` and, in a choice_filter, the choice row.
Where a ``${name}`` points is fixed when compiling, from the repeats that enclose the
field and the repeats that enclose the expression's own field, as ODK resolves them:
levels they share use the current instance, deeper levels give every instance (a NodeSet).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from dtks.forms.errors import ExprEvalError, ExprSyntaxError
from dtks.forms.expr.ast import BinOp, Call, Dot, Name, Neg, Node, Num, Parent, Path, Ref, Str
from dtks.forms.expr.functions import FUNCTIONS, arity
from dtks.forms.expr.java_math import java_int
from dtks.forms.expr.values import (
    NodeSet,
    compare,
    divide,
    equal,
    modulo,
    to_bool,
    to_number,
    to_string,
    unpack,
)
from dtks.forms.messages import pick

_FIELD_TEXT = re.compile(r"^\s*(?:\$\{([A-Za-z_][\w.\-]*)\}|[\w./\-:]*?([A-Za-z_][\w.\-]*))\s*$")

Compiled = Callable[["Context"], object]


class Context:
    """Where an expression is evaluated: answers, current repeat instances, '.', choice row."""

    __slots__ = ("scope", "indexes", "dot", "choice", "now", "lang")

    def __init__(self, answers: dict, now: datetime | None = None, lang: str | None = None):
        self.scope: list[dict] = [answers]
        self.indexes: list[int] = []
        self.dot: object = ""
        self.choice: dict | None = None
        self.now = now
        self.lang = lang
        """Language for jr:choice-name() ('id', 'en'); None is the form's default language."""

    def today(self) -> date:
        """The evaluation date: the fixed ``now`` if one was given, else the clock's."""
        return (self.now or datetime.now()).date()


@dataclass(frozen=True)
class Layout:
    """Which repeats enclose each name (a repeat's own path ends with itself)."""

    paths: dict[str, tuple[str, ...]] = field(default_factory=dict)
    repeats: frozenset[str] = frozenset()
    choice_labels: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    """Select field name -> choice code -> label per language key, for jr:choice-name()."""
    default_language: str = "default"


def value_of(v):
    """An answer as an expression value: numbers as float, None as '', lists space-joined."""
    t = type(v)
    if t is str:
        return v
    if v is None:
        return ""
    if t is int:
        return float(v)
    if t is float or t is bool:
        return v
    if t is list:  # a select_multiple given as a list of codes
        return " ".join(str(x) for x in v)
    if t is dict:  # a geopoint given as {"lat": .., "lon": ..}
        return " ".join(str(v.get(k, 0)) for k in ("lat", "lon", "alt", "accuracy"))
    return str(v)


def compile_tree(node: Node, layout: Layout, owner: tuple[str, ...] = ()) -> Compiled:
    """Compile a tree for a field enclosed by the repeats ``owner`` (outermost first)."""
    return _Compiler(layout, owner).compile(node)


class _Compiler:
    def __init__(self, layout: Layout, owner: tuple[str, ...]):
        self.layout = layout
        self.owner = owner

    def compile(self, node: Node) -> Compiled:
        match node:
            case Num(value):
                return lambda ctx: value
            case Str(value):
                return lambda ctx: value
            case Ref(name):
                return self.ref(name)
            case Name(name):
                return lambda ctx: value_of(ctx.choice.get(name)) if ctx.choice else ""
            case Dot():
                return lambda ctx: ctx.dot
            case Parent():
                raise ExprEvalError("'..' is only supported as position(..)")
            case Path():
                return self.ref(self.path_field(node))
            case Neg(operand):
                f = self.compile(operand)
                return lambda ctx: -to_number(f(ctx))
            case BinOp(op, left, right):
                return self.binop(op, self.compile(left), self.compile(right))
            case Call(name, args):
                return self.call(name, args)
        raise TypeError(f"not an expression node: {node!r}")

    def path_field(self, node: Path) -> str:
        """The field a path names: its last step, which must be a field of the form."""
        name = node.target
        if name is None or name not in self.layout.paths:
            text = "/".join(node.steps)
            raise ExprEvalError(f"path {text} does not end in the name of a field of the form")
        return name

    def field_name(self, node: Node, function: str) -> str:
        """The field an argument names: ${x} or a path."""
        if isinstance(node, Ref) and node.name in self.layout.paths:
            return node.name
        if isinstance(node, Path):
            return self.path_field(node)
        raise ExprEvalError(f"{function}() needs a field here, as ${{name}}")

    def ref(self, name: str) -> Compiled:
        path = self.layout.paths.get(name, ())
        shared = 0
        while shared < min(len(path), len(self.owner)) and path[shared] == self.owner[shared]:
            shared += 1
        rest = path[shared:]
        if not rest:
            if name in self.layout.repeats:
                return lambda ctx: ""  # the current instance itself
            return lambda ctx: value_of(ctx.scope[shared].get(name))
        is_repeat = name in self.layout.repeats

        def nodeset(ctx):
            nodes = [ctx.scope[shared]]
            for repeat in rest:
                nodes = [inst for n in nodes for inst in (n.get(repeat) or ())]
            if is_repeat:
                return NodeSet("" for _ in nodes)
            return NodeSet(value_of(n.get(name)) for n in nodes)

        return nodeset

    def binop(self, op: str, f: Compiled, g: Compiled) -> Compiled:
        if op == "or":
            return lambda ctx: to_bool(f(ctx)) or to_bool(g(ctx))
        if op == "and":
            return lambda ctx: to_bool(f(ctx)) and to_bool(g(ctx))
        if op == "=":
            return lambda ctx: equal(f(ctx), g(ctx))
        if op == "!=":
            return lambda ctx: not equal(f(ctx), g(ctx))
        if op in ("<", "<=", ">", ">="):
            return lambda ctx: compare(op, f(ctx), g(ctx))
        if op == "+":
            return lambda ctx: to_number(f(ctx)) + to_number(g(ctx))
        if op == "-":
            return lambda ctx: to_number(f(ctx)) - to_number(g(ctx))
        if op == "*":
            return lambda ctx: to_number(f(ctx)) * to_number(g(ctx))
        if op == "div":
            return lambda ctx: divide(to_number(f(ctx)), to_number(g(ctx)))
        return lambda ctx: modulo(to_number(f(ctx)), to_number(g(ctx)))

    def call(self, name: str, args: tuple[Node, ...]) -> Compiled:
        check_call(name, len(args))
        if name == "today":
            return lambda ctx: ctx.today()
        if name == "now":
            return lambda ctx: ctx.now or datetime.now()
        if name == "position":
            return _position
        if name == "current":
            return lambda ctx: ctx.dot
        if name == "once":
            return _once(self.compile(args[0]))
        if name == "jr:choice-name":
            return self.choice_name(args)
        if name == "indexed-repeat":
            return self.indexed_repeat(args)
        fs = [self.compile(a) for a in args]
        if name == "if":
            c, a, b = fs
            return lambda ctx: a(ctx) if to_bool(c(ctx)) else b(ctx)
        fn = FUNCTIONS[name][2]
        if len(fs) == 1:
            (f,) = fs
            return lambda ctx: fn(f(ctx))
        if len(fs) == 2:
            f, g = fs
            return lambda ctx: fn(f(ctx), g(ctx))
        return lambda ctx: fn(*[f(ctx) for f in fs])

    def choice_name(self, args: tuple[Node, ...]) -> Compiled:
        """jr:choice-name(code, '${select}'): the label of a choice, in ctx.lang or the
        form's default language; '' when the code is not a choice."""
        code = self.compile(args[0])
        labels = self.layout.choice_labels
        default = self.layout.default_language

        def lookup(text: str) -> dict[str, dict[str, str]]:
            m = _FIELD_TEXT.match(text)
            name = m and (m.group(1) or m.group(2))
            if not name or name not in labels:
                raise ExprEvalError(f"jr:choice-name(): {text!r} does not name a select field")
            return labels[name]

        def label(choices: dict[str, dict[str, str]], ctx: Context) -> str:
            texts = choices.get(to_string(code(ctx)).strip())
            return pick(texts, ctx.lang or default, default) if texts else ""

        if isinstance(args[1], Str):
            choices = lookup(args[1].value)
            return lambda ctx: label(choices, ctx)
        which = self.compile(args[1])
        return lambda ctx: label(lookup(to_string(which(ctx))), ctx)

    def indexed_repeat(self, args: tuple[Node, ...]) -> Compiled:
        """indexed-repeat(${field}, ${repeat}, i[, ${inner}, j...]): field of the i-th (1-based)
        instance; enclosing repeats not named are the current instances."""
        if len(args) % 2 == 0:
            raise ExprEvalError("indexed-repeat() takes a field, then repeat and index pairs")
        name = self.field_name(args[0], "indexed-repeat")
        repeats = self.layout.paths.get(name, ())
        if name in self.layout.repeats:
            repeats = repeats[:-1]
        given: dict[str, Compiled] = {}
        for repeat, index in zip(args[1::2], args[2::2], strict=True):
            r = self.field_name(repeat, "indexed-repeat")
            if r not in repeats:
                raise ExprEvalError(f"indexed-repeat(): {name} is not inside repeat {r}")
            given[r] = self.compile(index)
        owner = self.owner

        def run(ctx: Context):
            node = ctx.scope[0]
            for depth, r in enumerate(repeats):
                if r in given:  # JavaRosa: cast to int, and an index below 1 reads the first
                    i = max(1, java_int(to_number(given[r](ctx)))) - 1
                elif depth < len(ctx.indexes) and depth < len(owner) and owner[depth] == r:
                    i = ctx.indexes[depth]
                else:
                    raise ExprEvalError(f"indexed-repeat(): say which instance of {r} to use")
                instances = node.get(r) or ()
                if not 0 <= i < len(instances):
                    return ""
                node = instances[i]
            return value_of(node.get(name))

        return run


def _once(f: Compiled) -> Compiled:
    """once(x): the field's stored value if it has one, else x (evaluated once, in ODK)."""

    def run(ctx: Context):
        current = unpack(ctx.dot)
        if current != "" and current == current:
            return current
        return f(ctx)

    return run


def _position(ctx: Context) -> float:
    if not ctx.indexes:
        raise ExprEvalError("position(..) is only meaningful inside a repeat")
    return float(ctx.indexes[-1] + 1)


def check_call(name: str, count: int) -> None:
    """Raise ExprEvalError if ``name`` is not a known function or takes another argument count."""
    bounds = arity(name)
    if bounds is None:
        raise ExprEvalError(f"unknown function {name}()")
    low, high = bounds
    if count < low or (high is not None and count > high):
        want = str(low) if low == high else f"{low} or more" if high is None else f"{low}-{high}"
        raise ExprEvalError(f"{name}() takes {want} arguments, got {count}")


__all__ = ["Context", "Layout", "compile_tree", "value_of", "ExprSyntaxError", "check_call"]
