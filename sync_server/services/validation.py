"""Check a change-set's content before merging: scopes, field names, typed values, photos.

Values are checked with ``dtks.prelist.parse_value`` against the pre-list column of the same
name; the JSON type must already be the column's type (a code is a number, not "3"), so the
client's copy and the server's stay identical.

>>> check_value("household", "x", HOUSEHOLD_COLUMNS["rt"], "002")
>>> check_value("household", "x", HOUSEHOLD_COLUMNS["rt"], 2)
Traceback (most recent call last):
...
sync_server.errors.InvalidContent: household x, field rt: expected text, got a number
"""

from dtks.prelist import HOUSEHOLD_COLUMNS, MEMBER_COLUMNS, Column, InvalidValue, parse_value
from dtks.removal import check_reason
from sync_server.errors import InvalidContent

NOT_EDITABLE = {"household_id", "member_id", "anomaly"}
HOUSEHOLD_FIELDS = {n: c for n, c in HOUSEHOLD_COLUMNS.items() if n not in NOT_EDITABLE}
MEMBER_FIELDS = {n: c for n, c in MEMBER_COLUMNS.items() if n not in NOT_EDITABLE}
_NUMERIC_KINDS = {"int", "code"}


def _json_kind(value) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return "text" if isinstance(value, str) else type(value).__name__


def check_value(what: str, household_id: str, column: Column, value, field: str | None = None):
    """Raise InvalidContent naming household and field unless value fits the column."""
    field = field or column.name

    def bad(problem: str):
        return InvalidContent(
            f"{what} {household_id}, field {field}: {problem}", household_id, field
        )

    if value is None:
        if column.required:
            raise bad("is required and cannot be null")
        return
    kind = column.kind
    if kind in _NUMERIC_KINDS:
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            raise bad(f"expected a whole number, got {_json_kind(value)} {value!r}")
        text = str(int(value))
    elif kind == "decimal":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise bad(f"expected a number, got {_json_kind(value)}")
        text = repr(float(value))
    else:
        if not isinstance(value, str):
            raise bad(f"expected text, got {_json_kind(value)}")
        if value != value.strip():
            raise bad("has spaces at its start or end")
        text = value
    try:
        parse_value(column, text)
    except InvalidValue as e:
        raise bad(str(e).split(": ", 1)[-1]) from None


def check_fields(household_id: str, fields: dict, member_id: str | None = None) -> None:
    """Check the {field: {base, value}} edits of a household or member."""
    columns = MEMBER_FIELDS if member_id else HOUSEHOLD_FIELDS
    for name, change in fields.items():
        label = f"members.{member_id}.{name}" if member_id else name
        column = columns.get(name)
        if column is None:
            raise InvalidContent(
                f"household {household_id}, field {label}: not an editable pre-list column",
                household_id,
                label,
            )
        check_value("household", household_id, column, change.value, label)


def check_values(household_id: str, values: dict, member_id: str | None = None) -> None:
    """Check the full values of a new household or an added member (required ones present)."""
    columns = MEMBER_FIELDS if member_id else HOUSEHOLD_FIELDS
    prefix = f"members.{member_id}." if member_id else ""
    for name in values:
        if name not in columns:
            label = prefix + name
            raise InvalidContent(
                f"household {household_id}, field {label}: not a pre-list column",
                household_id,
                label,
            )
    for name, column in columns.items():
        check_value("household", household_id, column, values.get(name), prefix + name)


def check_removal(household_id: str, member_id: str, reason: str | None) -> None:
    """Refuse a member removal whose reason is not one of dtks.removal.REMOVAL_REASONS."""
    try:
        check_reason(reason or "")
    except ValueError as e:
        label = f"members.{member_id}.reason"
        raise InvalidContent(
            f"household {household_id}, field {label}: {e}", household_id, label
        ) from None
