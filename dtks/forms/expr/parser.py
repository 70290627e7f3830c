"""Parse an expression into a tree (precedence climbing over the XPath 1.0 grammar subset)."""

from functools import lru_cache

from dtks.forms.errors import ExprSyntaxError
from dtks.forms.expr.ast import (
    PRECEDENCE,
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
from dtks.forms.expr.lexer import Token, tokenize

_UNSUPPORTED = {
    "SLASH": "this path is not supported, write ${name}",
    "LBRACKET": "predicates [...] are not supported",
    "PIPE": "the union operator | is not supported",
}


@lru_cache(maxsize=4096)
def parse(text: str) -> Node:
    """Parse ``text`` into a tree; raise ExprSyntaxError naming the position of the problem.

    >>> parse("${a} + 1")
    BinOp(op='+', left=Ref(name='a'), right=Num(value=1.0))
    """
    parser = _Parser(tokenize(text))
    node = parser.expression(1)
    parser.expect("EOF")
    return node


class _Parser:
    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.i = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.i]

    def advance(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def expect(self, kind: str) -> Token:
        if self.token.kind != kind:
            self.fail()
        return self.advance()

    def fail(self):
        token = self.token
        if token.kind in _UNSUPPORTED:
            raise ExprSyntaxError(_UNSUPPORTED[token.kind], token.position)
        if token.kind == "EOF":
            raise ExprSyntaxError("unexpected end of expression", token.position)
        raise ExprSyntaxError(f"unexpected {token.text!r}", token.position)

    def expression(self, min_precedence: int) -> Node:
        left = self.unary()
        while self.token.kind == "OP" and PRECEDENCE.get(self.token.text, 0) >= min_precedence:
            op = self.advance().text
            right = self.expression(PRECEDENCE[op] + 1)
            left = BinOp(op, left, right)
        return left

    def unary(self) -> Node:
        if self.token.kind == "OP" and self.token.text == "-":
            self.advance()
            return Neg(self.unary())
        return self.primary()

    def primary(self) -> Node:
        token = self.token
        kind = token.kind
        if kind == "NUM":
            self.advance()
            return Num(float(token.text))
        if kind == "STR":
            self.advance()
            return Str(token.text[1:-1])
        if kind == "REF":
            self.advance()
            return Ref(token.text[2:-1])
        if kind == "NAME":
            self.advance()
            return Name(token.text)
        if kind == "DOT":
            self.advance()
            if self.token.kind == "SLASH":
                return self.path(["."])
            return Dot()
        if kind == "DOTDOT":
            return self.parent()
        if kind == "SLASH":
            return self.path([""])
        if kind == "FUNC":
            if token.text == "instance":
                raise ExprSyntaxError(
                    "secondary instances (instance('...')/...) are not supported; use a "
                    "select's choice_filter or pulldata-free calculations",
                    token.position,
                )
            node = self.call()
            if self.token.kind == "SLASH" and node == Call("current", ()):
                return self.path(["current()"])
            return node
        if kind == "LPAREN":
            self.advance()
            node = self.expression(1)
            self.expect("RPAREN")
            return node
        self.fail()

    def parent(self) -> Node:
        self.advance()
        node = self.path([".."]) if self.token.kind == "SLASH" else Path(("..",))
        if all(step == ".." for step in node.steps):
            return Parent(len(node.steps))
        return node

    def path(self, steps: list[str]) -> Path:
        """The steps after a start ('' for '/', '.', '..' or 'current()'): /name, /.. or /."""
        while self.token.kind == "SLASH":
            self.advance()
            kind = self.token.kind
            if kind == "NAME":
                steps.append(self.advance().text)
            elif kind in ("DOT", "DOTDOT"):
                steps.append(self.advance().text)
            elif kind == "OP" and self.token.text == "*":
                raise ExprSyntaxError("wildcard steps /* are not supported", self.token.position)
            else:
                self.fail()
        if steps == [""]:
            self.fail()
        if self.token.kind == "LBRACKET":
            self.fail()
        return Path(tuple(steps))

    def call(self) -> Node:
        name = self.advance().text
        self.expect("LPAREN")
        args: list[Node] = []
        if self.token.kind != "RPAREN":
            args.append(self.expression(1))
            while self.token.kind == "COMMA":
                self.advance()
                args.append(self.expression(1))
        self.expect("RPAREN")
        return Call(name, tuple(args))
