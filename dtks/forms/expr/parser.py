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
    Ref,
    Str,
)
from dtks.forms.expr.lexer import Token, tokenize

_UNSUPPORTED = {
    "SLASH": "paths are not supported, write ${name}",
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
            return Dot()
        if kind == "DOTDOT":
            return self.parent()
        if kind == "FUNC":
            return self.call()
        if kind == "LPAREN":
            self.advance()
            node = self.expression(1)
            self.expect("RPAREN")
            return node
        self.fail()

    def parent(self) -> Node:
        self.advance()
        levels = 1
        while self.token.kind == "SLASH" and self.tokens[self.i + 1].kind == "DOTDOT":
            self.i += 2
            levels += 1
        return Parent(levels)

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
