"""Split an XLSForm expression into tokens, following the XPath 1.0 lexical rules."""

import re
from dataclasses import dataclass

from dtks.forms.errors import ExprSyntaxError

_NUMBER = re.compile(r"\d+(\.\d*)?|\.\d+")
_NAME = re.compile(r"[A-Za-z_][\w.\-]*(:[A-Za-z_][\w.\-]*)?")
_REF = re.compile(r"\$\{([A-Za-z_][\w.\-]*)\}")
_SPACE = re.compile(r"\s*")
_OPERATOR_NAMES = frozenset({"and", "or", "div", "mod"})
_SYMBOLS = ("!=", "<=", ">=", "=", "<", ">", "+", "-", "*")
_PUNCT = {
    "(": "LPAREN",
    ")": "RPAREN",
    ",": "COMMA",
    "/": "SLASH",
    "[": "LBRACKET",
    "]": "RBRACKET",
    "|": "PIPE",
}
# After one of these, a name like "div" is an operator, not a node name (XPath 1.0, 3.7).
_ENDS_OPERAND = frozenset({"NUM", "STR", "REF", "NAME", "RPAREN", "DOT", "DOTDOT", "RBRACKET"})


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its kind, its text and its 1-based position in the expression."""

    kind: str
    text: str
    position: int


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens, ending with an EOF token; raise ExprSyntaxError if it can't."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    while True:
        i = _SPACE.match(text, i).end()
        if i >= n:
            tokens.append(Token("EOF", "", i + 1))
            return tokens
        token = _next_token(text, i, tokens[-1].kind if tokens else None)
        tokens.append(token)
        i += len(token.text)


def _next_token(text: str, i: int, previous: str | None) -> Token:
    ch = text[i]
    pos = i + 1
    if ch == "$":
        m = _REF.match(text, i)
        if not m:
            raise ExprSyntaxError("malformed ${name} reference", pos)
        return Token("REF", m.group(0), pos)
    if ch.isdigit() or (ch == "." and text[i + 1 : i + 2].isdigit()):
        return Token("NUM", _NUMBER.match(text, i).group(0), pos)
    if ch == ".":
        return Token("DOTDOT", "..", pos) if text.startswith("..", i) else Token("DOT", ".", pos)
    if ch in "'\"":
        end = text.find(ch, i + 1)
        if end < 0:
            raise ExprSyntaxError("unterminated string", pos)
        return Token("STR", text[i : end + 1], pos)
    if ch in _PUNCT:
        return Token(_PUNCT[ch], ch, pos)
    for symbol in _SYMBOLS:
        if text.startswith(symbol, i):
            return Token("OP", symbol, pos)
    m = _NAME.match(text, i)
    if not m:
        raise ExprSyntaxError(f"unexpected {ch!r}", pos)
    word = m.group(0)
    if previous in _ENDS_OPERAND and word in _OPERATOR_NAMES:
        return Token("OP", word, pos)
    after = _SPACE.match(text, m.end()).end()
    if text[after : after + 1] == "(":
        return Token("FUNC", word, pos)
    return Token("NAME", word, pos)
