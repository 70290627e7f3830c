"""Loading XLSForms: what pyxform rejects is rejected with its message; expression errors
name the sheet, row and column; the model carries every column."""

import pytest
from pyxform.errors import PyXFormError
from pyxform.xls2xform import convert

from dtks.forms import FormError, load_form

HEADER = ["type", "name", "label", "relevant", "constraint", "calculation", "required"]


def pyxform_message(path) -> str:
    with pytest.raises(PyXFormError) as err:
        convert(str(path))
    return str(err.value)


@pytest.mark.parametrize(
    "survey",
    [
        [HEADER, ["begin group", "g", "G"], ["text", "a", "A"]],  # unclosed group
        [HEADER, ["text", "a", "A"], ["integer", "a", "A again"]],  # duplicate name
        [HEADER, ["select_one nolist", "s", "S"]],  # missing choice list
        [HEADER, ["text", "a b", "A"]],  # invalid name
    ],
    ids=["unclosed-group", "duplicate-name", "missing-list", "bad-name"],
)
def test_a_form_pyxform_rejects_is_rejected_with_its_message(make_xlsform, survey):
    path = make_xlsform(survey)
    expected = pyxform_message(path)
    with pytest.raises(FormError) as err:
        load_form(path)
    assert expected in str(err.value)
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize(
    "row, column, text, message",
    [
        (3, "relevant", "${a} = )", "unexpected ')' at position 8"),
        (4, "constraint", ". >", "unexpected end of expression at position 4"),
        (3, "calculation", "${a} + 'x", "unterminated string at position 8"),
        (4, "relevant", "nosuch(${a})", "unknown function nosuch()"),
        (3, "calculation", "if(${a}, 1)", "if() takes 3 arguments, got 2"),
        (4, "constraint", ". = yes", "bare name 'yes'"),
        (3, "relevant", "instance('x')/root/item = 1", "secondary instances"),
        (3, "relevant", "/data/nosuch = 1", "${nosuch} is not a field"),
        (4, "relevant", "/data/a[1] = 1", "predicates [...] are not supported"),
        (
            4,
            "calculation",
            "jr:choice-name(${a}, '${a}')",
            "jr:choice-name(): '${a}' does not name",
        ),
        (
            3,
            "calculation",
            "indexed-repeat(${a}, ${b}, 1)",
            "indexed-repeat(): a is not inside repeat b",
        ),
    ],
)
def test_expression_errors_name_sheet_row_and_column(make_xlsform, row, column, text, message):
    survey = [
        HEADER,
        ["integer", "a", "A"],
        ["calculate", "c", "", "", "", "1"],
        ["integer", "b", "B"],
    ]
    target = survey[row - 1]
    target += [""] * (len(HEADER) - len(target))
    target[HEADER.index(column)] = text
    path = make_xlsform(survey)
    with pytest.raises(FormError) as err:
        load_form(path)
    assert f"survey sheet, row {row}, column {column}: {message}" in str(err.value)
    assert "form.xlsx" in str(err.value)


def test_rows_count_blank_lines_as_the_spreadsheet_does(make_xlsform):
    survey = [HEADER, ["integer", "a", "A"], [], [], ["integer", "b", "B", "${a} > )"]]
    with pytest.raises(FormError, match="survey sheet, row 5, column relevant"):
        load_form(make_xlsform(survey))


def test_circular_calculations_are_refused(make_xlsform):
    survey = [
        HEADER,
        ["calculate", "x", "", "", "", "${y} + 1"],
        ["calculate", "y", "", "", "", "${x} + 1"],
    ]
    with pytest.raises(FormError) as err:
        load_form(make_xlsform(survey))
    assert "circular" in str(err.value).lower() or "cycl" in str(err.value).lower()


def test_every_column_reaches_the_model(make_xlsform):
    header = [
        "type",
        "name",
        "label::Bahasa Indonesia (id)",
        "label::English (en)",
        "hint::English (en)",
        "required",
        "required_message::English (en)",
        "relevant",
        "constraint",
        "constraint_message::English (en)",
        "calculation",
        "default",
        "appearance",
        "read_only",
        "choice_filter",
        "repeat_count",
        "bind::dtks:field",
    ]
    survey = [
        header,
        [
            "integer",
            "n",
            "Jumlah",
            "Count",
            "how many",
            "yes",
            "need it",
            "",
            ". >= 0",
            "not < 0",
            "",
            "2",
            "numbers",
            "",
            "",
            "",
            "household.jumlah_art",
        ],
        [
            "begin repeat",
            "r",
            "Ulang",
            "Repeat",
            "",
            "",
            "",
            "${n} > 0",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "${n}",
            "",
        ],
        [
            "select_one sex or_other",
            "s",
            "JK",
            "Sex",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "minimal",
            "",
            "",
            "",
            "member.jenis_kelamin",
        ],
        [
            "select_one sex",
            "t",
            "T",
            "T",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "yes",
            "grp = ${s}",
            "",
            "",
        ],
        ["calculate", "c", "", "", "", "", "", "", "", "", "position(..)", "", "", "", "", "", ""],
        ["end repeat"],
    ]
    choices = [
        ["list_name", "name", "label::Bahasa Indonesia (id)", "label::English (en)", "grp"],
        ["sex", 1, "L", "M", "1"],
        ["sex", 2, "P", "F", "2"],
    ]
    settings = [
        ["form_id", "version", "form_title", "namespaces"],
        ["t1", "7", "Tes", 'dtks="https://verivali.id/xforms"'],
    ]
    form = load_form(make_xlsform(survey, choices, settings))
    assert (form.id, form.version, form.title) == ("t1", "7", "Tes")
    n = form.field("n")
    assert n.label == {"Bahasa Indonesia (id)": "Jumlah", "English (en)": "Count"}
    assert n.hint["English (en)"] == "how many"
    assert n.required is True and n.required_message["English (en)"] == "need it"
    assert n.constraint.text == ". >= 0" and n.constraint_message["English (en)"] == "not < 0"
    assert (n.default, n.appearance, n.bind) == ("2", "numbers", "household.jumlah_art")
    r = form.field("r")
    assert r.type == "repeat" and r.repeat_count.text == "${n}" and r.relevant.text == "${n} > 0"
    s = form.field("s")
    assert s.type == "select_one" and s.or_other and s.codes == {"1", "2", "other"}
    assert s.repeats == ("r",) and s.bind == "member.jenis_kelamin"
    assert form.field("s_other").relevant.text == "selected(${s}, 'other')"
    t = form.field("t")
    assert t.read_only is True and t.choice_filter.text == "grp = ${s}"
    assert form.field("c").calculation.text == "position(..)"

    answers = {"n": 2, "r": [{"s": "2", "t": "2"}, {"s": "other", "s_other": "?", "t": "1"}]}
    assert form.validate(answers) == [
        _problem("r[1].t", "t", "constraint", "Kode 1 tidak boleh dipilih di sini.")
    ]
    assert form.calculate(answers) == {"r[0].c": "1", "r[1].c": "2"}
    assert form.relevance(answers)["r[1].s_other"] is True
    assert form.relevance(answers)["r[0].s_other"] is False
    answers["n"] = 3
    assert ("r", "Must have 3 entries, has 2.") in {
        (p.path, p.message) for p in form.validate(answers, "en")
    }


def _problem(*args):
    from dtks.forms import Problem

    return Problem(*args)
