"""Print a tree back as canonical expression text: one space around operators, minimal parens."""

from decimal import Decimal

from dtks.forms.expr.ast import (
    PRECEDENCE,
    UNARY_PRECEDENCE,
    BinOp,
    Call,
    Dot,
    Name,
    Neg,
    Node,
    Num,
    Parent,
    Path,
    Ref,
    Str,
)


def to_text(node: Node) -> str:
    """The canonical text of a tree; ``parse(to_text(t)) == t`` for every tree parse can make.

    >>> from dtks.forms.expr.parser import parse
    >>> to_text(parse("(${a}+1)*2"))
    '(${a} + 1) * 2'
    """
    return _print(node)


def _print(node: Node) -> str:
    match node:
        case Num(value):
            return _number(value)
        case Str(value):
            return _string(value)
        case Ref(name):
            return "${" + name + "}"
        case Name(name):
            return name
        case Dot():
            return "."
        case Parent(levels):
            return "/".join([".."] * levels)
        case Path(steps):
            return "/".join(steps)
        case Neg(operand):
            return "-" + _wrap(operand, UNARY_PRECEDENCE, False)
        case BinOp(op, left, right):
            p = PRECEDENCE[op]
            return f"{_wrap(left, p, False)} {op} {_wrap(right, p, True)}"
        case Call(name, args):
            return f"{name}({', '.join(_print(a) for a in args)})"
    raise TypeError(f"not an expression node: {node!r}")


def _wrap(node: Node, outer: int, right: bool) -> str:
    """Parenthesise a child that binds looser than its parent (or as loose, on the right)."""
    if isinstance(node, BinOp):
        inner = PRECEDENCE[node.op]
    elif isinstance(node, Neg):
        inner = UNARY_PRECEDENCE
    else:
        return _print(node)
    text = _print(node)
    if inner < outer or (right and inner == outer):
        return f"({text})"
    return text


def _number(value: float) -> str:
    if value < 0 or value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"a number literal must be finite and not negative, got {value!r}")
    if value.is_integer():
        return str(int(value))
    # XPath has no exponent notation: write the shortest round-tripping digits out in full.
    return format(Decimal(repr(value)), "f")


def _string(value: str) -> str:
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value:
        return f'"{value}"'
    raise ValueError("an XPath string literal cannot hold both ' and \"")
