"""The typed form model: fields, choices, expressions and problems (no behaviour here)."""

from dataclasses import dataclass, field

from dtks.forms.expr.ast import Node
from dtks.forms.expr.evaluate import Compiled

INPUT_TYPES = frozenset(
    {
        "text",
        "integer",
        "decimal",
        "select_one",
        "select_multiple",
        "date",
        "time",
        "datetime",
        "range",
        "geopoint",
        "geotrace",
        "geoshape",
        "image",
        "audio",
        "video",
        "file",
        "barcode",
        "acknowledge",
        "trigger",
    }
)
"""Types that hold an answer the user gives (note, calculate, group, repeat and the metadata
types start, end, today, deviceid, username, audit... do not)."""


@dataclass(eq=False)
class Expression:
    """One expression cell of the form, parsed once and compiled for its field's repeats."""

    text: str
    tree: Node
    column: str
    """The XLSForm column it came from: relevant, constraint, calculation, required, ..."""
    row: int
    """The 1-based row of the survey sheet."""
    run: Compiled | None = None

    @property
    def where(self) -> str:
        """Where it is written: 'survey sheet, row 14, column relevant'."""
        return f"survey sheet, row {self.row}, column {self.column}"


@dataclass(frozen=True)
class Choice:
    """One row of the choices sheet."""

    name: str
    """The code, e.g. '1': what is stored and what a PAPI clerk keys."""
    label: dict[str, str]
    """Label per language key, e.g. {'Bahasa Indonesia (id)': 'Laki-laki', 'English (en)': ...}."""
    columns: dict[str, str] = field(default_factory=dict)
    """Other columns of the row, which a choice_filter can name (plus 'name' itself)."""


@dataclass(eq=False)
class Field:
    """A question, note, calculation, group or repeat of the survey sheet."""

    name: str
    type: str
    """text, integer, decimal, select_one, select_multiple, date, geopoint, image, note,
    calculate, group, repeat, or another pyxform type name, kept as it is."""
    row: int
    repeats: tuple[str, ...] = ()
    """The repeats that enclose this field, outermost first (not the field itself)."""
    label: dict[str, str] = field(default_factory=dict)
    hint: dict[str, str] = field(default_factory=dict)
    required: Expression | bool = False
    required_message: dict[str, str] = field(default_factory=dict)
    relevant: Expression | None = None
    constraint: Expression | None = None
    constraint_message: dict[str, str] = field(default_factory=dict)
    calculation: Expression | None = None
    default: str | Expression | None = None
    appearance: str | None = None
    read_only: Expression | bool = False
    choice_filter: Expression | None = None
    list_name: str | None = None
    choices: tuple[Choice, ...] = ()
    or_other: bool = False
    repeat_count: Expression | None = None
    bind: str | None = None
    """The pre-list attribute from the bind::dtks:field column, e.g. 'member.nama'."""
    children: list["Field"] = field(default_factory=list)
    parameters: dict[str, str] = field(default_factory=dict)

    @property
    def is_input(self) -> bool:
        """Whether the field holds an answer given by the user."""
        return self.type in INPUT_TYPES

    @property
    def codes(self) -> frozenset[str]:
        """The choice codes a select accepts ('other' too, with or_other)."""
        return frozenset(c.name for c in self.choices)

    def expressions(self) -> list[Expression]:
        """Every expression of the field."""
        candidates = [
            self.required,
            self.relevant,
            self.constraint,
            self.calculation,
            self.default,
            self.read_only,
            self.choice_filter,
            self.repeat_count,
        ]
        return [e for e in candidates if isinstance(e, Expression)]


@dataclass(frozen=True)
class Problem:
    """Something wrong with an answer set."""

    path: str
    """Where: 'members[2].nik' (repeat indexes are 0-based, as in the answers' lists)."""
    field: str
    """The field's name, e.g. 'nik'."""
    kind: str
    """'required', 'constraint', 'type' (wrong shape or unknown choice code) or 'error'
    (an expression of the form failed on these answers)."""
    message: str
    """In the language asked for ('id' or 'en')."""
