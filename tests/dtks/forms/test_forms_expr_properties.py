"""Property tests of the expression language: parse -> print -> parse is stable, and algebra holds."""

import math
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from dtks.forms import evaluate, parse, to_text
from dtks.forms.expr import Context, compile_tree
from dtks.forms.expr.ast import (
    PRECEDENCE,
    BinOp,
    Call,
    Dot,
    Name,
    Neg,
    Num,
    Parent,
    Path,
    Ref,
    Str,
)
from dtks.forms.expr.standalone import layout_of

NOW = datetime(2026, 11, 1, 9, 30)

NAMES = st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True).filter(
    lambda s: s not in {"and", "or", "div", "mod"}
)
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**9).map(float),
    st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False),
)
STRINGS = st.text(alphabet=st.characters(blacklist_characters="'\"", codec="utf-8"), max_size=8) | (
    st.text(alphabet="ab '", max_size=5)
)
# XPath paths as pyxform and hand-written XForms spell them: /data/grp/x, ../x, ./x,
# current()/../x; the last step names the field.
PATHS = st.builds(
    lambda start, middle, last: Path((start, *middle, last)),
    st.sampled_from(["", ".", "..", "current()"]),
    st.lists(NAMES | st.just(".."), max_size=3),
    NAMES,
)
LEAVES = st.one_of(
    PATHS,
    NUMBERS.map(Num),
    STRINGS.map(Str),
    NAMES.map(Ref),
    NAMES.map(Name),
    st.just(Dot()),
    st.integers(1, 3).map(Parent),
)
FUNCTIONS = [
    "concat",
    "if",
    "selected",
    "count",
    "not",
    "coalesce",
    "substr",
    "today",
    "round",
    "jr:choice-name",
    "once",
    "indexed-repeat",
    "substring-before",
    "digest",
]


def extend(children):
    return st.one_of(
        children.map(Neg),
        st.builds(BinOp, st.sampled_from(sorted(PRECEDENCE)), children, children),
        st.builds(Call, st.sampled_from(FUNCTIONS), st.lists(children, max_size=3).map(tuple)),
    )


TREES = st.recursive(LEAVES, extend, max_leaves=25)


@given(TREES)
def test_print_then_parse_gives_the_same_tree(tree):
    assert parse(to_text(tree)) == tree


@given(TREES)
def test_printing_is_canonical(tree):
    text = to_text(tree)
    assert to_text(parse(text)) == text


@st.composite
def messy_text(draw):
    """Expression text with redundant parentheses and odd spacing, as people type it."""
    tree = draw(TREES)

    def write(node):
        space = draw(st.sampled_from(["", " ", "  "]))
        match node:
            case BinOp(op, left, right):
                text = f"({write(left)}){space}{op} ({write(right)})"
                if op in ("and", "or", "div", "mod"):
                    text = f"({write(left)}) {op} ({write(right)})"
            case Neg(operand):
                text = f"-{space}({write(operand)})"
            case Call(name, args):
                text = f"{name}({(',' + space).join(write(a) for a in args)})"
            case _:
                text = to_text(node)
        return f"({text})" if draw(st.booleans()) else text

    return write(tree)


@given(messy_text())
def test_parse_print_parse_is_stable_for_messy_text(text):
    first = parse(text)
    printed = to_text(first)
    assert parse(printed) == first
    assert to_text(parse(printed)) == printed


FINITE = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
ANY_NUMBER = st.floats(allow_nan=True, allow_infinity=True)


def same(a, b):
    return (
        isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b)
    ) or a == b


@given(ANY_NUMBER, ANY_NUMBER)
def test_addition_and_multiplication_commute(a, b):
    answers = {"a": a, "b": b}
    assert same(evaluate("${a} + ${b}", answers), evaluate("${b} + ${a}", answers))
    assert same(evaluate("${a} * ${b}", answers), evaluate("${b} * ${a}", answers))


@given(FINITE.filter(lambda x: x != 0), FINITE.filter(lambda x: x != 0))
def test_mod_has_the_sign_of_the_left_operand_and_is_smaller(a, b):
    r = evaluate("${a} mod ${b}", {"a": a, "b": b})
    assert r == 0 or math.copysign(1, r) == math.copysign(1, a)
    assert abs(r) < abs(b)


@given(st.integers(-(10**6), 10**6), st.integers(-1000, 1000).filter(bool))
def test_integer_division_identity(a, b):
    answers = {"a": a, "b": b}
    assert evaluate("int(${a} div ${b}) * ${b} + ${a} mod ${b}", answers) == a


@given(ANY_NUMBER, ANY_NUMBER)
def test_equal_and_not_equal_are_complements_and_order_is_symmetric(a, b):
    answers = {"a": a, "b": b}
    assert evaluate("${a} = ${b}", answers) != evaluate("${a} != ${b}", answers)
    assert evaluate("${a} < ${b}", answers) == evaluate("${b} > ${a}", answers)
    assert evaluate("${a} <= ${b}", answers) == evaluate("${b} >= ${a}", answers)


@given(FINITE.filter(lambda x: x != 0))
def test_division_by_zero_is_signed_infinity(a):
    assert evaluate("${a} div 0", {"a": a}) == math.copysign(math.inf, a)


@given(st.booleans(), st.booleans())
def test_de_morgan(p, q):
    answers = {"p": "x" if p else "", "q": "x" if q else ""}
    assert evaluate("not(${p} and ${q})", answers) == evaluate("not(${p}) or not(${q})", answers)
    assert evaluate("not(not(${p}))", answers) == p


@given(st.integers(-(10**12), 10**12))
def test_integers_survive_string_and_number(n):
    assert evaluate("number(string(${n}))", {"n": n}) == n
    assert evaluate("string(${n})", {"n": n}) == str(n)


@settings(max_examples=200)
@given(TREES)
def test_printed_text_evaluates_like_the_tree(tree):
    """Printing changes no meaning: the tree itself and its text give the same value or error."""
    answers = {"a": 1, "b": "x"}
    layout = layout_of(answers)

    def run(thunk):
        try:
            return ("ok", thunk())
        except ValueError as e:
            return ("error", type(e).__name__)

    direct = run(lambda: compile_tree(tree, layout)(Context(answers, NOW)))
    printed = run(lambda: evaluate(to_text(tree), answers, now=NOW))
    assert direct[0] == printed[0]
    if direct[0] == "ok":
        assert same(direct[1], printed[1])


@given(PATHS, NUMBERS)
def test_a_path_reads_the_field_its_last_step_names(path, number):
    answers = {path.target: number}
    assert evaluate(to_text(path), answers) == evaluate("${" + path.target + "}", answers)
