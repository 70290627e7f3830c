"""Expression cases following the XLSForm/ODK documentation and JavaRosa's behaviour."""

import math
from datetime import date, datetime

import pytest

from dtks.forms import ExprEvalError, evaluate

NOW = datetime(2026, 11, 1, 9, 30)
A = {
    "n": 21,
    "x": 2.5,
    "empty": "",
    "name": "Siti Aminah",
    "code": "1",
    "colors": "red green  blue",
    "dob": "1990-08-05",
    "visit": "2026-10-30",
    "members": [
        {"nama": "A", "age": 40, "sex": "1", "hub": "1"},
        {"nama": "B", "age": 35, "sex": "2", "hub": "2"},
        {"nama": "C", "age": 9, "sex": "2", "hub": "3", "kids": [{"k": 1}, {"k": 2}]},
    ],
}

CASES = [
    # arithmetic: XPath numbers are doubles
    ("1 + 2 * 3", None, 7.0),
    ("(1 + 2) * 3", None, 9.0),
    ("7 div 2", None, 3.5),
    ("${n} - 1", None, 20.0),
    ("-${x}", None, -2.5),
    ("- -1", None, 1.0),
    ("10 - 2 - 3", None, 5.0),
    ("12 div 2 div 3", None, 2.0),
    # division by zero is IEEE: Infinity, -Infinity, NaN
    ("1 div 0", None, math.inf),
    ("-1 div 0", None, -math.inf),
    ("string(1 div 0)", None, "Infinity"),
    ("string(0 div 0)", None, "NaN"),
    # mod keeps the sign of the left operand
    ("5 mod 3", None, 2.0),
    ("-5 mod 3", None, -2.0),
    ("5 mod -3", None, 2.0),
    ("5.5 mod 2", None, 1.5),
    ("string(5 mod 0)", None, "NaN"),
    # empty is not 0
    ("number('')", None, math.nan),
    ("${empty} = 0", None, False),
    ("${empty} = ''", None, True),
    ("${empty} != 0", None, True),
    ("${empty} < 1", None, False),
    ("${empty} > -1", None, False),
    ("${empty} + 1", None, math.nan),
    ("${missing} = ''", None, True),
    ("boolean(${empty})", None, False),
    ("not(${empty})", None, True),
    # string/number conversions
    ("'2' = 2", None, True),
    ("'2.0' = 2", None, True),
    ("'2.0' = '2'", None, False),
    ("${code} = 1", None, True),
    ("${code} = '1'", None, True),
    ("number(' 12 ')", None, 12.0),
    ("number('1e3')", None, math.nan),
    ("number('abc')", None, math.nan),
    ("string(3)", None, "3"),
    ("string(2.5)", None, "2.5"),
    ("string(true())", None, "true"),
    ("number(true())", None, 1.0),
    ("boolean('false')", None, True),
    ("boolean(0)", None, False),
    ("true() = 'x'", None, True),
    ("int(3.7)", None, 3.0),
    ("int(-3.7)", None, -3.0),
    ("round(2.5)", None, 3.0),
    ("round(-2.5)", None, -2.0),
    ("round(3.14159, 2)", None, 3.14),
    ("'10' > '9'", None, True),
    # boolean operators
    ("1 = 1 and 2 = 3", None, False),
    ("1 = 1 or 2 = 3", None, True),
    ("not(1 = 1)", None, False),
    ("${n} > 20 and ${n} < 22", None, True),
    # select_multiple answers are space-separated codes
    ("selected(${colors}, 'green')", None, True),
    ("selected(${colors}, 'gre')", None, False),
    ("selected(${colors}, ' blue ')", None, True),
    ("count-selected(${colors})", None, 3.0),
    ("count-selected(${empty})", None, 0.0),
    ("selected-at(${colors}, 0)", None, "red"),
    ("selected-at(${colors}, 2)", None, "blue"),
    ("selected-at(${colors}, 5)", None, ""),
    ("selected(${code}, 1)", None, True),
    # strings
    ("concat('a', ${n}, 'b', true())", None, "a21btrue"),
    ("string-length(${name})", None, 11.0),
    ("substr(${name}, 0, 4)", None, "Siti"),
    ("substr(${name}, 5)", None, "Aminah"),
    ("contains(${name}, 'Ami')", None, True),
    ("starts-with(${name}, 'Siti')", None, True),
    ("ends-with(${name}, 'nah')", None, True),
    ("regex(${name}, '^[A-Z][a-z]+ [A-Z][a-z]+$')", None, True),
    ("regex('3204', '^[0-9]{3}$')", None, False),
    ("normalize-space('  a   b ')", None, "a b"),
    # if / coalesce
    ("if(${n} > 20, 'big', 'small')", None, "big"),
    ("if(${empty}, 'yes', 'no')", None, "no"),
    ("coalesce(${empty}, ${name})", None, "Siti Aminah"),
    ("coalesce(${n}, 'x')", None, 21.0),
    ("coalesce(${empty}, ${missing})", None, ""),
    # dates: day counts since 1970, compared as numbers
    ("date('1970-01-02')", None, date(1970, 1, 2)),
    ("number(date('1970-01-11'))", None, 10.0),
    ("date(${visit}) - date(${dob})", None, 13235.0),
    ("${visit} > ${dob}", None, True),
    ("${dob} < today()", None, True),
    ("today()", None, date(2026, 11, 1)),
    ("now()", None, NOW),
    ("date('2020-01-31') + 1", None, 18293.0),
    ("date(date('2020-01-31') + 1)", None, date(2020, 2, 1)),
    ("date(${dob}) = '1990-08-05'", None, True),
    ("int((today() - date(${dob})) div 365.25)", None, 36.0),
    ("format-date(${dob}, '%d/%m/%Y')", None, "05/08/1990"),
    ("format-date(${dob}, '%e %b %y')", None, "5 Aug 90"),
    ("format-date(${empty}, '%Y')", None, ""),
    ("format-date(now(), '%H:%M')", None, "09:30"),
    # repeats: outside, a repeat field is the node-set of all instances
    ("count(${members})", None, 3.0),
    ("sum(${age})", None, 84.0),
    ("count(${nama})", None, 3.0),
    ("max(${age})", None, 40.0),
    ("min(${age})", None, 9.0),
    ("count(${kids})", None, 2.0),
    ("sum(${k})", None, 3.0),
    ("join(', ', ${nama})", None, "A, B, C"),
    # inside a repeat, references resolve to the current instance
    ("${age} >= 18", ("members", 0), True),
    ("${age} >= 18", ("members", 2), False),
    ("${sex} = 2 and ${age} >= 10", "members[1]", True),
    ("${n} + ${age}", ("members", 1), 56.0),
    ("position(..)", ("members", 2), 3.0),
    ("position(..)", "members[2].kids[1].k", 2.0),
    ("sum(${age})", ("members", 0), 40.0),
    ("count(${kids})", ("members", 2), 2.0),
    # '.' is the value of the current field
    (". > 30", ("members", 0, "age"), True),
    (". + 1", "members[1].age", 36.0),
    ("string-length(.)", ("name",), 11.0),
    # nik-valid / kk-valid call dtks.ids
    ("nik-valid('3204124508900003')", None, True),
    ("nik-valid('3204124508900000')", None, False),
    ("nik-valid('12345')", None, False),
    ("nik-valid(${empty})", None, False),
    ("kk-valid('12345')", None, False),
]


def same(got, want) -> bool:
    if isinstance(want, float) and math.isnan(want):
        return isinstance(got, float) and math.isnan(got)
    return type(got) is type(want) and got == want


@pytest.mark.parametrize("expression, current, expected", CASES)
def test_expression_case(expression, current, expected):
    got = evaluate(expression, A, current, now=NOW)
    assert same(got, expected), f"{expression!r} gave {got!r}, expected {expected!r}"


@pytest.mark.parametrize(
    "expression, message",
    [
        ("${age} > 1", "gives 3 values"),
        ("date('2020-13-45')", "is not a date"),
        ("position(..)", "inside a repeat"),
        ("regex('a', '(')", "not a valid pattern"),
        ("nosuch(1)", "unknown function nosuch()"),
        ("concat()", None),
        ("if(1, 2)", "if() takes 3 arguments, got 2"),
    ],
)
def test_expression_errors_say_what_is_wrong(expression, message):
    if message is None:
        assert evaluate(expression, A) == ""
        return
    with pytest.raises(ExprEvalError) as err:
        evaluate(expression, A)
    assert message in str(err.value)


def test_kk_valid_accepts_a_kk_that_dtks_ids_accepts():
    from dtks import ids
    from dtks.sample import generate

    households, _ = generate(3, "32.04.12.2002", seed=1)
    kk = households[0]["no_kk"]
    ids.parse_kk(kk)  # the sample's KK is valid for dtks.ids
    assert evaluate("kk-valid(${kk})", {"kk": kk}) is True
    assert evaluate("kk-valid(${kk})", {"kk": kk[:-1]}) is False


def test_current_outside_the_answers_is_refused():
    with pytest.raises(ValueError, match="no instance 7"):
        evaluate("1", A, ("members", 7))


def test_answers_in_list_and_dict_shapes_read_as_xforms_text():
    answers = {"sel": ["1", "3"], "gps": {"lat": -6.9, "lon": 107.6}}
    assert evaluate("count-selected(${sel})", answers) == 2.0
    assert evaluate("selected-at(${gps}, 1)", answers) == "107.6"
