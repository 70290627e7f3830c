"""Turn a tree into a Python closure once, then run it against answer sets many times.

A closure takes a :class:`Context`: the chain of the current repeat instances (``scope``),
their 0-based ``indexes``, the value of ``.`` and, in a choice_filter, the choice row.
Where a ``${name}`` points is fixed when compiling, from the repeats that enclose the
field and the repeats that enclose the expression's own field, as ODK resolves them:
levels they share use the current instance, deeper levels give every instance (a NodeSet).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from dtks.forms.errors import ExprEvalError, ExprSyntaxError
from dtks.forms.expr.ast import BinOp, Call, Dot, Name, Neg, Node, Num, Parent, Ref, Str
from dtks.forms.expr.functions import FUNCTIONS, arity
from dtks.forms.expr.values import (
    NodeSet,
    compare,
    divide,
    equal,
    modulo,
    to_bool,
    to_number,
)

Compiled = Callable[["Context"], object]


class Context:
    """Where an expression is evaluated: answers, current repeat instances, '.', choice row."""

    __slots__ = ("scope", "indexes", "dot", "choice", "now")

    def __init__(self, answers: dict, now: datetime | None = None):
        self.scope: list[dict] = [answers]
        self.indexes: list[int] = []
        self.dot: object = ""
        self.choice: dict | None = None
        self.now = now

    def today(self) -> date:
        """The evaluation date: the fixed ``now`` if one was given, else the clock's."""
        return (self.now or datetime.now()).date()


@dataclass(frozen=True)
class Layout:
    """Which repeats enclose each name (a repeat's own path ends with itself)."""

    paths: dict[str, tuple[str, ...]] = field(default_factory=dict)
    repeats: frozenset[str] = frozenset()


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
            case Neg(operand):
                f = self.compile(operand)
                return lambda ctx: -to_number(f(ctx))
            case BinOp(op, left, right):
                return self.binop(op, self.compile(left), self.compile(right))
            case Call(name, args):
                return self.call(name, args)
        raise TypeError(f"not an expression node: {node!r}")

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
