"""The expression tree: immutable nodes, compared by value so parse results can be checked."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Num:
    """A number literal."""

    value: float


@dataclass(frozen=True, slots=True)
class Str:
    """A string literal."""

    value: str


@dataclass(frozen=True, slots=True)
class Ref:
    """``${name}``: a field of the form, resolved relative to the current repeat instance."""

    name: str


@dataclass(frozen=True, slots=True)
class Name:
    """A bare name: a column of the choices sheet, inside a choice_filter."""

    name: str


@dataclass(frozen=True, slots=True)
class Dot:
    """``.``: the value of the field the expression belongs to (constraints)."""


@dataclass(frozen=True, slots=True)
class Parent:
    """``..`` (``../..`` has levels 2): the enclosing node, meant for ``position(..)``."""

    levels: int = 1


@dataclass(frozen=True, slots=True)
class Path:
    """An XPath location path: ``/data/grp/age``, ``../age``, ``./age``, ``current()/../age``.

    ``steps`` are the parts between slashes: a first ``''`` for an absolute path, then names,
    ``..``, ``.`` or ``current()``. Names are unique in an XLSForm, so a path stands for the
    field its last step names (see :attr:`target`), like ``${age}``.
    """

    steps: tuple[str, ...]

    @property
    def target(self) -> str | None:
        """The field name of the last step, or None if the path ends in ``.`` or ``..``."""
        last = self.steps[-1]
        return None if last in ("", ".", "..", "current()") else last


@dataclass(frozen=True, slots=True)
class Neg:
    """Unary minus."""

    operand: "Node"


@dataclass(frozen=True, slots=True)
class BinOp:
    """A binary operator: or and = != < <= > >= + - * div mod."""

    op: str
    left: "Node"
    right: "Node"


@dataclass(frozen=True, slots=True)
class Call:
    """A function call, ``name(args...)``."""

    name: str
    args: tuple["Node", ...]


Node = Num | Str | Ref | Name | Dot | Parent | Path | Neg | BinOp | Call

PRECEDENCE = {
    "or": 1,
    "and": 2,
    "=": 3,
    "!=": 3,
    "<": 4,
    "<=": 4,
    ">": 4,
    ">=": 4,
    "+": 5,
    "-": 5,
    "*": 6,
    "div": 6,
    "mod": 6,
}
"""XPath 1.0 operator precedence, loosest first; all binary operators are left-associative."""

UNARY_PRECEDENCE = 7


def refs(node: Node) -> set[str]:
    """The field names a tree refers to with ``${name}``."""
    found: set[str] = set()
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, Ref):
            found.add(n.name)
        elif isinstance(n, Path) and n.target:
            found.add(n.target)
        elif isinstance(n, BinOp):
            stack += (n.left, n.right)
        elif isinstance(n, Neg):
            stack.append(n.operand)
        elif isinstance(n, Call):
            stack.extend(n.args)
    return found


def calls(node: Node) -> list[Call]:
    """Every function call in a tree."""
    found: list[Call] = []
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, Call):
            found.append(n)
            stack.extend(n.args)
        elif isinstance(n, BinOp):
            stack += (n.left, n.right)
        elif isinstance(n, Neg):
            stack.append(n.operand)
    return found
