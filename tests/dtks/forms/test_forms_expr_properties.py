"""Property tests of the expression language: parse -> print -> parse is stable, and algebra holds."""

import math
from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from dtks.forms import ExprEvalError, evaluate, parse, to_text
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
from dtks.forms.expr.functions import FUNCTIONS as BUILT_INS
from dtks.forms.expr.functions import SPECIAL
from dtks.forms.expr.standalone import layout_of
from dtks.forms.expr.values import NodeSet

NOW = datetime(2026, 11, 1, 9, 30)

NAMES = st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True).filter(
    lambda s: s not in {"and", "or", "div", "mod"}
)
# Bounds where a cast to an index or a count breaks: Java's int and long, 2^53, doubles' end.
HUGE = st.sampled_from(
    [2.0**31 - 1, 2.0**31, 2.0**53, 2.0**63, 2.0**64, 1e20, 1e300, 1.7976931348623157e308]
)
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**9).map(float),
    st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False),
    HUGE,
    st.floats(min_value=0, allow_nan=False, allow_infinity=False),
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
# Infinity, -Infinity and NaN have no literal: trees make them as XPath does, by division.
NON_FINITE = st.sampled_from(
    [
        BinOp("div", Num(1.0), Num(0.0)),
        Neg(BinOp("div", Num(1.0), Num(0.0))),
        BinOp("div", Num(0.0), Num(0.0)),
    ]
)
LEAVES = st.one_of(
    PATHS,
    NUMBERS.map(Num),
    NON_FINITE,
    STRINGS.map(Str),
    NAMES.map(Ref),
    NAMES.map(Name),
    st.just(Dot()),
    st.integers(1, 3).map(Parent),
)
ARITY = {name: (low, high) for name, (low, high, _) in BUILT_INS.items()} | SPECIAL
RANDOM = {"random", "uuid"}
"""Functions whose every call differs: the same tree evaluated twice cannot agree."""
FUNCTIONS = sorted(set(ARITY) - RANDOM)


def call_of(name: str, children):
    """A call of ``name`` with a count of arguments it takes (up to two past its minimum)."""
    low, high = ARITY[name]
    most = low + 2 if high is None else min(high, low + 2)
    return st.lists(children, min_size=low, max_size=most).map(lambda a: Call(name, tuple(a)))


def extend(children):
    return st.one_of(
        children.map(Neg),
        st.builds(BinOp, st.sampled_from(sorted(PRECEDENCE)), children, children),
        st.sampled_from(FUNCTIONS).flatmap(lambda name: call_of(name, children)),
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


@settings(max_examples=500)
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


VALUES = st.one_of(
    st.floats(),  # NaN, Infinity and every magnitude
    HUGE,
    HUGE.map(lambda x: -x),
    st.integers(-40, 40).map(float),
    st.sampled_from([0.5, -0.5, -0.0, 1e-300]),
    STRINGS,
    st.sampled_from(["1 div 0", "Infinity", "NaN", "-1", "2026-11-01", "12:30", "1 2 3"]),
    st.booleans(),
    st.dates(),
    st.datetimes(),
)
ARGUMENTS = VALUES | st.lists(VALUES, max_size=3).map(NodeSet)
RESULT_TYPES = (str, float, bool, date, datetime, NodeSet)  # if() and coalesce() pass one on


@st.composite
def built_in_calls(draw):
    """A built-in function and arguments of any value it may meet, as many as it takes."""
    name = draw(st.sampled_from(sorted(BUILT_INS)))
    low, high, fn = BUILT_INS[name]
    most = low + 3 if high is None else high
    return name, fn, draw(st.lists(ARGUMENTS, min_size=low, max_size=most))


@settings(max_examples=2000)
@given(built_in_calls())
def test_every_function_answers_any_value_or_says_what_is_wrong(call):
    """NaN, Infinity and huge numbers reach every function: each gives a value, as JavaRosa
    does, or an ExprEvalError that the form reports; never OverflowError and friends."""
    name, fn, args = call
    try:
        result = fn(*args)
    except ExprEvalError:
        return
    assert isinstance(result, RESULT_TYPES), f"{name}{tuple(args)!r} gave {result!r}"


@settings(max_examples=300)
@given(
    st.sampled_from(["substr", "selected-at", "round", "int", "pow", "uuid", "format-date"]),
    st.lists(st.one_of(NON_FINITE, HUGE.map(Num), NUMBERS.map(Num)), min_size=1, max_size=3),
)
def test_non_finite_arguments_in_text_answer_or_say_what_is_wrong(name, args):
    """The same through the parser: 'substr('abc', 1 div 0)' and its kind evaluate or raise
    an ExprEvalError (the hypothesis property above once met an OverflowError here)."""
    low, high = ARITY[name]
    call = Call(name, (Str("abcdef"), *args)[: high or 3])
    if len(call.args) < low:
        return
    try:
        evaluate(to_text(call), {}, now=NOW)
    except ExprEvalError:
        pass
