"""Households, members, verifications and change-sets, typed, with their sync JSON shapes.

The shapes are sync protocol v1 of DESIGN.md: ``to_json()`` writes them and
``from_json()`` reads them. Unknown keys are ignored ("add keys freely, rename none").
Bad input raises :class:`InvalidPayload`, whose message names the JSON path of the bad
value::

    >>> parse_changeset(b'{"changeset_id": 7}')
    Traceback (most recent call last):
    dtks.model.InvalidPayload: changeset_id: expected a string, got number

Conventions: timestamps are timezone-aware ``datetime`` (RFC 3339 text on the wire, an
offset is required because Indonesia spans three zones), calendar dates are ``date``
(``YYYY-MM-DD``), UUIDs are kept in lowercase canonical form, photo hashes are 64
lowercase hex digits. Optional keys added by us (``altitude_m``, ``member_id`` of a
conflict, a member's ``removal_*``) are written only when set.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar, Literal, TypeAlias, get_args

from dtks import integrity
from dtks.anomalies import Anomaly
from dtks.integrity import Paradata
from dtks.moves import MAX_HISTORY, MoveRecord
from dtks.tasks import Task

MAX_PAYLOAD_BYTES = 64 * 1024 * 1024
MAX_ID_LENGTH = 64
MAX_STRING_LENGTH = 10_000
MAX_HOUSEHOLDS = 5_000
MAX_FIELDS = 500
MAX_MEMBERS = 100
MAX_PHOTOS = 50
MAX_ANSWER_DEPTH = 8
MAX_ANSWER_ITEMS = 1_000
MAX_INT = 2**63 - 1
"""The largest id, version or sequence number: SQLite's and PostgreSQL's 64-bit integers."""

JsonScalar: TypeAlias = str | int | float | bool | None
JsonValue: TypeAlias = JsonScalar | list["JsonValue"] | dict[str, "JsonValue"]

Mode = Literal["CAPI", "PAPI"]
MemberStatus = Literal["active", "removed"]
MemberOp = Literal["add", "change", "remove"]
VerificationStatus = Literal["draft", "finalized"]
GpsSource = Literal["exif", "device", "manual"]
Outcome = Literal["applied", "merged", "conflict", "rejected"]
PapiVerify = Literal["dependent", "independent"]
MAX_PAPI_CHECKS = 2_000

# Ids are DTKS numbers or client UUIDs; the pattern keeps them safe in URLs and file names.
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*")
# Field names are pre-list columns and XLSForm names; "@" stays free for merge.py's pseudo-fields.
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
_CONFLICT_FIELD = re.compile(r"@?[A-Za-z_][A-Za-z0-9_.-]*")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})")
_SCOPE = re.compile(r"\d{2}(\.?\d{2}(\.?\d{2}(\.?\d{4})?)?)?")


class InvalidPayload(ValueError):
    """A JSON payload that does not fit the protocol; ``path`` names the bad value, ``code``
    (a dtks.error_codes name) says why when it is more than a wrong value."""

    def __init__(self, path: str, problem: str, code: str | None = None):
        self.path = path or "$"
        self.problem = problem
        self.code = code
        super().__init__(f"{self.path}: {problem}")


# --- reading JSON values, each reader checks one value at one path -----------------------
# Each reader also carries the JSON Schema of what it accepts (``reader.schema``), and each
# object shape is a table of keys (``JSON_KEYS``) that both reads it and states its schema:
# the server publishes these schemas in its OpenAPI document, so the model that parses a
# request is the one the document shows. Rules across keys (an op's own keys, unique ids,
# finished after started) are checked in code and named in the object's description.

_REQUIRED = object()


def _schema(reader: Callable, schema: dict) -> Callable:
    """Attach the JSON Schema of the values reader accepts; return reader."""
    reader.schema = schema
    return reader


@dataclass(frozen=True)
class _Key:
    """One key of an object: its reader and, when it may be left out, its default."""

    name: str
    reader: Callable
    default: Any = _REQUIRED  # dict or list: a new empty one each time


class _Keys:
    """The keys of one object shape: reads an object and states its JSON Schema."""

    def __init__(self, *keys: tuple):
        self.keys = [_Key(*k) for k in keys]
        assert all(_NAME.fullmatch(k.name) for k in self.keys), "paths below join plain names"

    def read(self, data: Any, path: str) -> dict[str, Any]:
        """The value of every key, read in order (the first bad key is the one reported)."""
        obj = _object(data, path)
        out = {}
        prefix = f"{path}." if path else ""  # what _key(path, name) gives for a plain name
        for k in self.keys:
            name = k.name
            if name in obj:
                out[name] = k.reader(obj[name], prefix + name)
            elif k.default is _REQUIRED:
                raise InvalidPayload(prefix + name, "is required")
            else:
                out[name] = k.default() if k.default in (dict, list) else k.default
        return out

    def schema(self, title: str, description: str) -> dict:
        """The object's JSON Schema (unknown keys are allowed and ignored)."""
        out = {
            "title": title,
            "description": " ".join(description.split()),
            "type": "object",
            "properties": {k.name: k.reader.schema for k in self.keys},
        }
        required = [k.name for k in self.keys if k.default is _REQUIRED]
        return out | ({"required": required} if required else {})


def json_schema(cls: type) -> dict:
    """The JSON Schema of a protocol shape, e.g. ``json_schema(ChangeSet)`` for OpenAPI.

    >>> json_schema(FieldChange)["required"]
    ['base', 'value']
    """
    return cls.JSON_KEYS.schema(cls.__name__, cls.__doc__ or "")


def _shape(cls: type) -> Callable:
    """A reader of a nested object shape (its schema inline)."""
    return _schema(lambda value, path: cls.from_json(value, path), json_schema(cls))


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def _key(path: str, key: str) -> str:
    if not _NAME.fullmatch(key):
        return f"{path}[{json.dumps(key, ensure_ascii=False)}]"
    return f"{path}.{key}" if path else key


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _get(obj: dict, key: str, path: str, reader: Callable, default: Any = _REQUIRED) -> Any:
    sub = _key(path, key)
    if key not in obj:
        if default is _REQUIRED:
            raise InvalidPayload(sub, "is required")
        return default
    return reader(obj[key], sub)


def _optional(reader: Callable) -> Callable:
    return _schema(
        lambda value, path: None if value is None else reader(value, path),
        _nullable(reader.schema),
    )


def _object(value: Any, path: str) -> dict:
    if not isinstance(value, dict):
        raise InvalidPayload(path, f"expected an object, got {_kind(value)}")
    return value


def _list(value: Any, path: str, max_items: int) -> list:
    if not isinstance(value, list):
        raise InvalidPayload(path, f"expected an array, got {_kind(value)}")
    if len(value) > max_items:
        raise InvalidPayload(path, f"at most {max_items} items, got {len(value)}")
    return value


def _string(value: Any, path: str, max_length: int = MAX_STRING_LENGTH) -> str:
    if not isinstance(value, str):
        raise InvalidPayload(path, f"expected a string, got {_kind(value)}")
    if len(value) > max_length:
        raise InvalidPayload(path, f"at most {max_length} characters, got {len(value)}")
    # PostgreSQL text refuses NUL, and lone surrogates cannot be stored as UTF-8.
    if "\x00" in value:
        raise InvalidPayload(path, "must not contain the NUL character")
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidPayload(path, "is not valid Unicode (lone surrogate)") from None
    return value


_schema(_string, {"type": "string", "maxLength": MAX_STRING_LENGTH})


def _text(value: Any, path: str) -> str:
    text = _string(value, path)
    if not text.strip():
        raise InvalidPayload(path, "must not be empty")
    return text


_schema(_text, {"type": "string", "maxLength": MAX_STRING_LENGTH, "pattern": r"\S"})


def _short(value: Any, path: str) -> str:
    text = _string(value, path, MAX_ID_LENGTH)
    if not text:
        raise InvalidPayload(path, "must not be empty")
    return text


_schema(_short, {"type": "string", "minLength": 1, "maxLength": MAX_ID_LENGTH})


def _id(value: Any, path: str) -> str:
    text = _short(value, path)
    if not _ID.fullmatch(text):
        raise InvalidPayload(path, "must be letters, digits, '_', '.', ':' or '-'")
    return text


_schema(_id, _short.schema | {"pattern": f"^{_ID.pattern}$"})


def _uuid(value: Any, path: str) -> str:
    text = _string(value, path, MAX_ID_LENGTH)
    if not _UUID.fullmatch(text):
        raise InvalidPayload(path, "must be a UUID (8-4-4-4-12 hex digits)")
    return text.lower()


_schema(_uuid, {"type": "string", "pattern": f"^{_UUID.pattern}$"})


def _sha256(value: Any, path: str) -> str:
    text = _string(value, path, MAX_ID_LENGTH)
    if not _SHA256.fullmatch(text):
        raise InvalidPayload(path, "must be a sha256 of 64 lowercase hex digits")
    return text


_schema(_sha256, {"type": "string", "pattern": f"^{_SHA256.pattern}$"})


def _name(value: str, path: str, pattern: re.Pattern = _NAME) -> str:
    if len(value) > MAX_ID_LENGTH or not pattern.fullmatch(value):
        raise InvalidPayload(path, "is not a valid field name")
    return value


def _count(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_INT:
        raise InvalidPayload(path, f"must be an integer from 0 to {MAX_INT}")
    return value


_schema(_count, {"type": "integer", "minimum": 0, "maximum": MAX_INT})


def _bool(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidPayload(path, f"expected a boolean, got {_kind(value)}")
    return value


_schema(_bool, {"type": "boolean"})


def _number(value: Any, path: str, low: float = -math.inf, high: float = math.inf) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidPayload(path, f"expected a number, got {_kind(value)}")
    if not math.isfinite(value):
        raise InvalidPayload(path, "must be a finite number")
    if not low <= value <= high:
        bound = f">= {low:g}" if high == math.inf else f"in [{low:g}, {high:g}]"
        raise InvalidPayload(path, f"must be a number {bound}, got {value!r}")
    return value


_schema(_number, {"type": "number"})


def _numbers(low: float = -math.inf, high: float = math.inf) -> Callable:
    """A reader of finite numbers in [low, high]."""
    bounds = {"minimum": low} if low > -math.inf else {}
    bounds |= {"maximum": high} if high < math.inf else {}
    return _schema(lambda value, path: _number(value, path, low, high), _number.schema | bounds)


def _choice(options: Any) -> Callable:
    allowed = get_args(options)

    def read(value: Any, path: str) -> str:
        if value not in allowed or not isinstance(value, str):
            raise InvalidPayload(path, f"must be one of {', '.join(allowed)}, got {value!r}")
        return value

    return _schema(read, {"type": "string", "enum": list(allowed)})


def _date(value: Any, path: str) -> date:
    text = _string(value, path, MAX_ID_LENGTH)
    try:
        if _DATE.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise InvalidPayload(path, f"must be a calendar date YYYY-MM-DD, got {text!r}")


_schema(_date, {"type": "string", "format": "date", "pattern": f"^{_DATE.pattern}$"})


def _datetime(value: Any, path: str) -> datetime:
    text = _string(value, path, MAX_ID_LENGTH)
    try:
        if _DATETIME.fullmatch(text):
            return datetime.fromisoformat(text)
    except ValueError:
        pass
    raise InvalidPayload(
        path,
        f"must be an ISO-8601 date-time with a UTC offset, e.g. 2026-11-02T09:41:12+07:00, got {text!r}",
    )


_schema(_datetime, {"type": "string", "format": "date-time", "pattern": f"^{_DATETIME.pattern}$"})


def _scalar(value: Any, path: str) -> JsonScalar:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise InvalidPayload(path, "must be a finite number")
        return value
    if isinstance(value, str):
        return _string(value, path)
    raise InvalidPayload(path, f"expected a string, number, boolean or null, got {_kind(value)}")


_schema(
    _scalar,
    {"type": ["string", "number", "boolean", "null"], "maxLength": MAX_STRING_LENGTH},
)
_NAMES = {"maxLength": MAX_ID_LENGTH, "pattern": f"^{_NAME.pattern}$"}


def _named(value: Any, path: str, reader: Callable, max_items: int = MAX_FIELDS) -> dict:
    obj = _object(value, path)
    if len(obj) > max_items:
        raise InvalidPayload(path, f"at most {max_items} entries, got {len(obj)}")
    out = {}
    prefix = f"{path}." if path else ""
    for name, item in obj.items():
        if _NAME.fullmatch(name):
            sub = prefix + name  # _key(path, name), without matching the name again
            if len(name) > MAX_ID_LENGTH:
                raise InvalidPayload(sub, "is not a valid field name")
        else:
            sub = _key(path, name)
            _name(name, sub)  # raises
        out[name] = reader(item, sub)
    return out


def _map(reader: Callable, max_items: int = MAX_FIELDS) -> Callable:
    """A reader of an object of field names to values read by reader."""
    schema = {
        "type": "object",
        "maxProperties": max_items,
        "propertyNames": _NAMES,
        "additionalProperties": reader.schema,
    }
    return _schema(lambda value, path: _named(value, path, reader, max_items), schema)


_scalars = _map(_scalar)


def _answers(value: Any, path: str, depth: int = 1) -> dict[str, JsonValue]:
    if depth > MAX_ANSWER_DEPTH:
        raise InvalidPayload(path, f"nested deeper than {MAX_ANSWER_DEPTH} levels")
    return _named(value, path, lambda item, sub: _answer(item, sub, depth), MAX_ANSWER_ITEMS)


_schema(
    _answers,
    {
        "type": "object",
        "description": f"answers by field name: values, arrays and objects (repeats) nested "
        f"at most {MAX_ANSWER_DEPTH} deep, at most {MAX_ANSWER_ITEMS} items each",
        "maxProperties": MAX_ANSWER_ITEMS,
        "propertyNames": _NAMES,
    },
)


def _answer(value: Any, path: str, depth: int) -> JsonValue:
    if isinstance(value, dict):
        return _answers(value, path, depth + 1)
    if isinstance(value, list):
        items = _list(value, path, MAX_ANSWER_ITEMS)
        return [_answer(item, f"{path}[{i}]", depth + 1) for i, item in enumerate(items)]
    return _scalar(value, path)


def _items(value: Any, path: str, reader: Callable, max_items: int) -> list:
    return [reader(item, f"{path}[{i}]") for i, item in enumerate(_list(value, path, max_items))]


def _array(reader: Callable, max_items: int) -> Callable:
    """A reader of an array of at most max_items values read by reader."""
    schema = {"type": "array", "maxItems": max_items, "items": reader.schema}
    return _schema(lambda value, path: _items(value, path, reader, max_items), schema)


def _unique(items: list, path: str, key: str) -> None:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        ident = getattr(item, key)
        if ident in seen:
            raise InvalidPayload(f"{path}[{i}].{key}", f"duplicate of {path}[{seen[ident]}]")
        seen[ident] = i


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


# --- the pull side: households and members ----------------------------------------------


@dataclass(frozen=True)
class Member:
    """A household member (ART); a removed member keeps its row with a reason and date."""

    member_id: str
    status: MemberStatus = "active"
    values: dict[str, JsonScalar] = field(default_factory=dict)
    removal_reason: str | None = None
    removal_date: date | None = None
    # The household version in which this member last changed (0: as in the pre-list);
    # merge.py needs it to see "edited since the client's base" for a removal.
    version: int = 0
    replaces: str | None = None
    """The client-made id this member had before its household proposal was approved."""

    JSON_KEYS: ClassVar[_Keys] = _Keys(
        ("member_id", _id),
        ("status", _choice(MemberStatus), "active"),
        ("values", _scalars, dict),
        ("removal_reason", _optional(_text), None),
        ("removal_date", _optional(_date), None),
        ("version", _count, 0),
        ("replaces", _optional(_id), None),
    )

    @classmethod
    def from_json(cls, data: Any, path: str = "") -> Member:
        """Read a member object of a pulled household."""
        return cls(**cls.JSON_KEYS.read(data, path))

    def to_json(self) -> dict:
        """The member as protocol JSON."""
        out = {
            "member_id": self.member_id,
            "status": self.status,
            "values": dict(self.values),
            "version": self.version,
        }
        if self.removal_reason is not None:
            out["removal_reason"] = self.removal_reason
        if self.removal_date is not None:
            out["removal_date"] = self.removal_date.isoformat()
        if self.replaces is not None:
            out["replaces"] = self.replaces
        return out


@dataclass(frozen=True)
class ReviewInfo:
    """A reviewer's state and note on a household, e.g. why it was returned."""

    state: str
    note: str | None = None

    JSON_KEYS: ClassVar[_Keys] = _Keys(("state", _id), ("note", _optional(_string), None))

    @classmethod
    def from_json(cls, data: Any, path: str = "") -> ReviewInfo:
        """Read a ``review`` object."""
        return cls(**cls.JSON_KEYS.read(data, path))

    def to_json(self) -> dict:
        """The review info as protocol JSON."""
        return {"state": self.state, "note": self.note}


def _anomaly(value: Any, path: str) -> Anomaly:
    obj = _object(value, path)
    related = _get(obj, "related", path, lambda v, p: _items(v, p, _string, MAX_MEMBERS), [])
    return Anomaly(
        kind=_get(obj, "kind", path, _id),
        field=_get(obj, "field", path, _string),
        message=_get(obj, "message", path, _string, ""),
        member_id=_get(obj, "member_id", path, _optional(_id), None),
        value=_get(obj, "value", path, _scalar, None),
        related=tuple(related),
    )


def _anomalies(value: Any, path: str) -> list[Anomaly]:
    return _items(value, path, _anomaly, MAX_FIELDS)


_schema(
    _anomalies,
    {
        "type": "array",
        "maxItems": MAX_FIELDS,
        "description": "open anomalies (dtks.anomalies): kind, field, message, member_id, "
        "value, related",
        "items": {"type": "object", "required": ["kind", "field"]},
    },
)


def _task(value: Any, path: str) -> Task:
    obj = _object(value, path)
    return Task(
        kind=_get(obj, "kind", path, _id),
        id=_get(obj, "id", path, _string),
        note=_get(obj, "note", path, _optional(_string), None),
    )


def _tasks(value: Any, path: str) -> list[Task]:
    return _items(value, path, _task, MAX_FIELDS)


_schema(
    _tasks,
    {
        "type": "array",
        "maxItems": MAX_FIELDS,
        "description": "what the enumerator is asked to do (dtks.tasks): kind, id, note",
        "items": {"type": "object", "required": ["kind", "id"]},
    },
)


def _move(value: Any, path: str) -> MoveRecord:
    obj = _object(value, path)
    return MoveRecord(
        move_id=_get(obj, "move_id", path, _count),
        from_kode=_get(obj, "from_kode", path, _id),
        to_kode=_get(obj, "to_kode", path, _id),
        state=_get(obj, "state", path, _id),
        at=_get(obj, "at", path, _optional(_short), None),
        note=_get(obj, "note", path, _optional(_string), None),
        decided_by=_get(obj, "decided_by", path, _optional(_short), None),
    )


def _moves(value: Any, path: str) -> list[MoveRecord]:
    return _items(value, path, _move, MAX_HISTORY)


_schema(
    _moves,
    {
        "type": "array",
        "maxItems": MAX_HISTORY,
        "description": "the household's moves between wilayah (dtks.moves.history): move_id, "
        "from_kode, to_kode, state (pending, confirmed, refused), at, note, decided_by",
        "items": {"type": "object", "required": ["move_id", "from_kode", "to_kode", "state"]},
    },
)


@dataclass(frozen=True)
class Household:
    """A household as pulled: pre-list values, members, version; ``deleted`` is a tombstone."""

    household_id: str
    version: int
    deleted: bool = False
    values: dict[str, JsonScalar] = field(default_factory=dict)
    members: list[Member] = field(default_factory=list)
    review: ReviewInfo | None = None
    replaces: str | None = None
    """The client-made UUID of the proposal this household was approved from (usulan baru)."""
    anomalies: tuple[Anomaly, ...] = ()
    """The open anomalies of the worklist (dtks.anomalies), as the server found them."""
    tasks: tuple[Task, ...] = ()
    """What the enumerator is asked to do with it (dtks.tasks)."""
    moves: tuple[MoveRecord, ...] = ()
    """Its moves between wilayah, pending and decided (dtks.moves.history)."""

    JSON_KEYS: ClassVar[_Keys] = _Keys(
        ("household_id", _id),
        ("version", _count),
        ("deleted", _bool, False),
        ("values", _scalars, dict),
        ("members", _array(_shape(Member), MAX_MEMBERS), list),
        ("review", _optional(_shape(ReviewInfo)), None),
        ("replaces", _optional(_id), None),
        ("anomalies", _anomalies, list),
        ("tasks", _tasks, list),
        ("moves", _moves, list),
    )

    @classmethod
    def from_json(cls, data: Any, path: str = "") -> Household:
        """Read a household of a pull page (a tombstone may carry only id and version)."""
        keys = cls.JSON_KEYS.read(data, path)
        for name in ("anomalies", "tasks", "moves"):
            keys[name] = tuple(keys[name])
        household = cls(**keys)
        _unique(household.members, _key(path, "members"), "member_id")
        return household

    def to_json(self) -> dict:
        """The household as protocol JSON."""
        return (
            {
                "household_id": self.household_id,
                "version": self.version,
                "deleted": self.deleted,
                "values": dict(self.values),
                "members": [m.to_json() for m in self.members],
                "review": None if self.review is None else self.review.to_json(),
                "anomalies": [a.to_json() for a in self.anomalies],
                "tasks": [t.to_json() for t in self.tasks],
            }
            | ({"replaces": self.replaces} if self.replaces is not None else {})
            | ({"moves": [m.to_json() for m in self.moves]} if self.moves else {})
        )

    def member(self, member_id: str) -> Member | None:
        """The member with this id, or None."""
        return next((m for m in self.members if m.member_id == member_id), None)


@dataclass(frozen=True)
class PullPage:
    """One page of ``GET /assignments/{id}/households``."""

    households: list[Household]
    next_since: int
    more: bool

    JSON_KEYS: ClassVar[_Keys] = _Keys(
        ("households", _array(_shape(Household), MAX_HOUSEHOLDS)),
        ("next_since", _count),
        ("more", _bool),
    )

    @classmethod
    def from_json(cls, data: Any, path: str = "") -> PullPage:
        """Read a pull page object."""
        return cls(**cls.JSON_KEYS.read(data, path))

    def to_json(self) -> dict:
        """The page as protocol JSON."""
        return {
            "households": [h.to_json() for h in self.households],
            "next_since": self.next_since,
            "more": self.more,
        }


def _scope(value: Any, path: str) -> str:
    text = _string(value, path, MAX_ID_LENGTH)
    if not _SCOPE.fullmatch(text):
        raise InvalidPayload(
            path, f"must be a kode wilayah prefix like 32.04.12.2002, got {text!r}"
        )
    return text


_schema(_scope, {"type": "string", "pattern": f"^{_SCOPE.pattern}$"})


@dataclass(frozen=True)
class Assignment:
    """A user's assignment: a round, a wilayah scope and the form to use."""

    id: int
    round: str
    scope: str
    form_id: str
    form_version: str

    JSON_KEYS: ClassVar[_Keys] = _Keys(
        ("id", _count),
        ("round", _id),
        ("scope", _scope),
        ("form_id", _id),
        ("form_version", _id),
    )

    @classmethod
    def from_json(cls, data: Any, path: str = "") -> Assignment:
        """Read an assignment object."""
        return cls(**cls.JSON_KEYS.read(data, path))

    def to_json(self) -> dict:
        """The assignment as protocol JSON."""
        return {
            "id": self.id,
            "round": self.round,
            "scope": self.scope,
            "form_id": self.form_id,
            "form_version": self.form_version,
        }


# --- the push side: verifications and change-sets ---------------------------------------


@dataclass(frozen=True)
class Gps:
    """A position with where it came from (photo EXIF, the device, or typed in)."""

    lat: float
    lon: float
    accuracy_m: float | None
    source: GpsSource
    altitude_m: float | None = None

    JSON_KEYS: ClassVar[_Keys] = _Keys(
        ("lat", _numbers(-90, 90)),
        ("lon", _numbers(-180, 180)),
        ("accuracy_m", _optional(_numbers(0)), None),
        ("source", _choice(GpsSource)),
        ("altitude_m", _optional(_number), None),
    )

    @classmethod
    def from_json(cls, data: Any, path: str = "") -> Gps:
        """Read a ``gps`` object."""
        return cls(**cls.JSON_KEYS.read(data, path))

    def to_json(self) -> dict:
        """The position as protocol JSON."""
        out = {
            "lat": self.lat,
            "lon": self.lon,
            "accuracy_m": self.accuracy_m,
            "source": self.source,
        }
        if self.altitude_m is not None:
            out["altitude_m"] = self.altitude_m
        return out


@dataclass(frozen=True)
class PapiCheck:
    """A mismatch met in dependent verification: the first entry's value, what the verifier
    keyed first, and what the verifier then said the paper holds."""

    field: str
    """'alamat', or '<member_id>.nik' for a member's answer."""
    entry1: JsonScalar
    keyed: JsonScalar
    paper: JsonScalar

    JSON_KEYS: ClassVar[_Keys] = _Keys(
        ("field", _id),
        ("entry1", _scalar, None),
        ("keyed", _scalar, None),
        ("paper", _scalar, None),
    )

    @classmethod
    def from_json(cls, data: Any, path: str = "") -> PapiCheck:
        """Read one ``papi.checks`` item."""
        return cls(**cls.JSON_KEYS.read(data, path))

    def to_json(self) -> dict:
        """The check as protocol JSON."""
        return {
            "field": self.field,
            "entry1": self.entry1,
            "keyed": self.keyed,
            "paper": self.paper,
        }


def _entry(value: Any, path: str) -> int:
    entry = _count(value, path)
    if entry not in (1, 2):
        raise InvalidPayload(path, f"must be 1 or 2, got {entry}")
    return entry


_schema(_entry, {"type": "integer", "enum": [1, 2]})


@dataclass(frozen=True)
class Papi:
    """Where a PAPI verification was keyed from: batch, the number on the paper, which entry
    (1 or 2) and the clerk; for a second entry how it was verified and, in dependent
    verification, the mismatches met (DESIGN.md "PAPI")."""

    batch: str
    questionnaire_no: str
    entry: int
    keyed_by: str
    verify: PapiVerify | None = None
    checks: list[PapiCheck] = field(default_factory=list)

    JSON_KEYS: ClassVar[_Keys] = _Keys(
        ("entry", _entry),
        ("batch", _id),
        ("questionnaire_no", _id),
        ("keyed_by", _id),
        ("verify", _optional(_choice(PapiVerify)), None),
        ("checks", _array(_shape(PapiCheck), MAX_PAPI_CHECKS), list),
    )

    @classmethod
    def from_json(cls, data: Any, path: str = "") -> Papi:
        """Read a verification's ``papi`` object (verify and checks only with entry 2)."""
        papi = cls(**cls.JSON_KEYS.read(data, path))
        if papi.entry == 1 and (papi.verify or papi.checks):
            raise InvalidPayload(_key(path, "verify"), "only a second entry (entry 2) verifies")
        return papi

    def to_json(self) -> dict:
        """The block as protocol JSON (verify and checks only when set)."""
        out: dict[str, Any] = {
            "batch": self.batch,
            "questionnaire_no": self.questionnaire_no,
            "entry": self.entry,
            "keyed_by": self.keyed_by,
        }
        if self.verify is not None:
            out["verify"] = self.verify
        if self.checks:
            out["checks"] = [c.to_json() for c in self.checks]
        return out


def _paradata(value: Any, path: str) -> Paradata:
    try:
        return integrity.from_json(value, path)
    except integrity.ParadataError as e:
        code = "paradata_too_large" if e.too_large else None
        raise InvalidPayload(e.path, e.problem, code) from None


_schema(
    _paradata,
    {
        "type": "object",
        "description": "paradata of the interview or keying session (dtks.integrity): "
        '{"v": 1, "t0": date-time, "dropped": n, "e": [[seconds, kind, ...], ...]}, '
        f"at most {integrity.MAX_EVENTS} events and {integrity.MAX_PARADATA_BYTES} bytes "
        "of compact JSON (more: 422 paradata_too_large)",
        "required": ["v", "t0", "e"],
        "properties": {
            "v": {"type": "integer", "enum": [integrity.PARADATA_VERSION]},
            "t0": {"type": "string", "format": "date-time"},
            "dropped": {"type": "integer", "minimum": 0},
            "e": {"type": "array", "maxItems": integrity.MAX_EVENTS, "items": {"type": "array"}},
        },
    },
)


@dataclass(frozen=True)
class Verification:
    """One verivali interview of a household: form answers, result, GPS, photo hashes."""

    status: VerificationStatus
    result: str | None = None
    answers: dict[str, JsonValue] = field(default_factory=dict)
    gps: Gps | None = None
    photos: list[str] = field(default_factory=list)  # sha256 hex of uploaded JPEGs
    started_at: datetime | None = None
    finished_at: datetime | None = None
    papi: Papi | None = None
    """Set on a verification keyed from paper (mode PAPI)."""
    paradata: Paradata | None = None
    """What the client recorded while it was made (dtks.integrity); optional."""

    JSON_KEYS: ClassVar[_Keys] = _Keys(
        ("status", _choice(VerificationStatus)),
        ("result", _optional(_short), None),
        ("answers", _answers, dict),
        ("gps", _optional(_shape(Gps)), None),
        ("photos", _array(_sha256, MAX_PHOTOS), list),
        ("started_at", _optional(_datetime), None),
        ("finished_at", _optional(_datetime), None),
        ("papi", _optional(_shape(Papi)), None),
        ("paradata", _optional(_paradata), None),
    )

    @classmethod
    def from_json(cls, data: Any, path: str = "") -> Verification:
        """Read a ``verification`` object (finished_at not before started_at)."""
        verification = cls(**cls.JSON_KEYS.read(data, path))
        if verification.started_at and verification.finished_at:
            if verification.finished_at < verification.started_at:
                raise InvalidPayload(_key(path, "finished_at"), "is before started_at")
        return verification

    def to_json(self) -> dict:
        """The verification as protocol JSON (``papi`` only when set)."""
        out = {
            "status": self.status,
            "result": self.result,
            "answers": self.answers,
            "gps": None if self.gps is None else self.gps.to_json(),
            "photos": list(self.photos),
            "started_at": _iso(self.started_at),
            "finished_at": _iso(self.finished_at),
        }
        if self.papi is not None:
            out["papi"] = self.papi.to_json()
        if self.paradata is not None:
            out["paradata"] = integrity.to_json(self.paradata)
        return out


@dataclass(frozen=True)
class FieldChange:
    """One edited field: the value the client saw (``base``) and the one it wants."""

    base: JsonScalar
    value: JsonScalar

    JSON_KEYS: ClassVar[_Keys] = _Keys(("base", _scalar), ("value", _scalar))

    @classmethod
    def from_json(cls, data: Any, path: str = "") -> FieldChange:
        """Read a ``{base, value}`` object."""
        return cls(**cls.JSON_KEYS.read(data, path))

    def to_json(self) -> dict:
        """The change as protocol JSON."""
        return {"base": self.base, "value": self.value}


_field_changes = _map(_shape(FieldChange))


@dataclass(frozen=True)
class MemberChange:
    """A member op: ``add`` (values), ``change`` (fields) or ``remove`` (reason, date)."""

    op: MemberOp
    member_id: str
    fields: dict[str, FieldChange] = field(default_factory=dict)
    values: dict[str, JsonScalar] = field(default_factory=dict)
    reason: str | None = None
    date: dt.date | None = None  # dt.date: the field name shadows the type in the class body

    JSON_KEYS: ClassVar[_Keys] = _Keys(
        ("op", _choice(MemberOp)),
        ("member_id", _id),
        ("fields", _field_changes, dict),
        ("values", _scalars, dict),
        ("reason", _text, None),
        ("date", _optional(_date), None),
    )

    @classmethod
    def from_json(cls, data: Any, path: str = "") -> MemberChange:
        """Read a member op: add (values), change (fields) or remove (reason, optional date);
        keys that belong to another op are an error, not ignored."""
        obj = _object(data, path)
        op = _get(obj, "op", path, _choice(MemberOp))
        # Silently ignoring e.g. "fields" on an add would drop what the client meant.
        for key, owner in (
            ("fields", "change"),
            ("values", "add"),
            ("reason", "remove"),
            ("date", "remove"),
        ):
            if key in obj and op != owner:
                raise InvalidPayload(_key(path, key), f"belongs to op {owner!r}, not {op!r}")
        change = cls(**cls.JSON_KEYS.read(obj, path))
        if op == "remove" and change.reason is None:
            raise InvalidPayload(_key(path, "reason"), "is required")
        return change

    def to_json(self) -> dict:
        """The op as protocol JSON."""
        out: dict[str, Any] = {"op": self.op, "member_id": self.member_id}
        if self.op == "change":
            out["fields"] = {k: c.to_json() for k, c in self.fields.items()}
        elif self.op == "add":
            out["values"] = dict(self.values)
        else:
            out["reason"] = self.reason
            out["date"] = _iso(self.date)
        return out


@dataclass(frozen=True)
class HouseholdChange:
    """A client's edits to one household since ``base_version``, or a new household."""

    household_id: str
    base_version: int
    new: bool = False
    fields: dict[str, FieldChange] = field(default_factory=dict)
    values: dict[str, JsonScalar] = field(default_factory=dict)  # only for new households
    members: list[MemberChange] = field(default_factory=list)
    verification: Verification | None = None

    JSON_KEYS: ClassVar[_Keys] = _Keys(
        ("household_id", _id),
        ("base_version", _count),
        ("new", _bool, False),
        ("fields", _field_changes, dict),
        ("values", _scalars, dict),
        ("members", _array(_shape(MemberChange), MAX_MEMBERS), list),
        ("verification", _optional(_shape(Verification)), None),
    )

    @classmethod
    def from_json(cls, data: Any, path: str = "") -> HouseholdChange:
        """Read one entry of a change-set's ``households``: an existing household sends
        fields, a new one ("new": true, base_version 0) values and added members only;
        member ids are unique."""
        obj = _object(data, path)
        change = cls(**cls.JSON_KEYS.read(obj, path))
        _unique(change.members, _key(path, "members"), "member_id")
        _check_new(change, obj, path)
        return change

    def to_json(self) -> dict:
        """The change as protocol JSON."""
        out: dict[str, Any] = {
            "household_id": self.household_id,
            "base_version": self.base_version,
            "new": self.new,
        }
        if self.new:
            out["values"] = dict(self.values)
        else:
            out["fields"] = {k: c.to_json() for k, c in self.fields.items()}
        if self.members:
            out["members"] = [m.to_json() for m in self.members]
        if self.verification is not None:
            out["verification"] = self.verification.to_json()
        return out


def _check_new(change: HouseholdChange, obj: dict, path: str) -> None:
    """A new household carries values and added members; an existing one carries edits."""
    if not change.new:
        if "values" in obj:
            raise InvalidPayload(
                _key(path, "values"), 'only a new household ("new": true) sends values'
            )
        return
    if change.base_version != 0:
        raise InvalidPayload(_key(path, "base_version"), "must be 0 for a new household")
    if change.fields:
        raise InvalidPayload(_key(path, "fields"), "a new household sends its data in values")
    for i, member in enumerate(change.members):
        if member.op != "add":
            raise InvalidPayload(
                f"{_key(path, 'members')}[{i}].op", "a new household can only add members"
            )


@dataclass(frozen=True)
class ChangeSet:
    """What a device pushes: changes to many households, idempotent by ``changeset_id``."""

    changeset_id: str
    device_id: str
    form_id: str
    form_version: str
    mode: Mode
    created_at: datetime
    households: list[HouseholdChange]

    JSON_KEYS: ClassVar[_Keys] = _Keys(
        ("changeset_id", _uuid),
        ("device_id", _uuid),
        ("form_id", _id),
        ("form_version", _id),
        ("mode", _choice(Mode)),
        ("created_at", _datetime),
        ("households", _array(_shape(HouseholdChange), MAX_HOUSEHOLDS)),
    )

    @classmethod
    def from_json(cls, data: Any, path: str = "") -> ChangeSet:
        """Read a ``POST /changesets`` body (household ids unique)."""
        changeset = cls(**cls.JSON_KEYS.read(data, path))
        _unique(changeset.households, _key(path, "households"), "household_id")
        return changeset

    def to_json(self) -> dict:
        """The change-set as protocol JSON."""
        return {
            "changeset_id": self.changeset_id,
            "device_id": self.device_id,
            "form_id": self.form_id,
            "form_version": self.form_version,
            "mode": self.mode,
            "created_at": self.created_at.isoformat(),
            "households": [h.to_json() for h in self.households],
        }

    def fingerprint(self) -> str:
        """Sha256 hex of the canonical JSON of this change-set: same content, same hash.

        The server compares it to tell a replay (same id, same content) from a clash
        (same id, other content: 409). Unknown keys are not part of the content; numbers
        compare by value, so ``1`` and ``1.0`` give the same fingerprint.
        """
        text = _CANONICAL_JSON.encode(_canonical(self.to_json()))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


_CANONICAL_JSON = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
"""The encoder of fingerprints, made once (json.dumps with options makes one per call)."""


_LEAVES = frozenset({str, int, bool, type(None)})
"""Types _canonical leaves as they are, tested inline: most values of a change-set are."""


def _canonical(value: Any) -> Any:
    kind = type(value)
    if kind is dict:
        return {k: v if type(v) in _LEAVES else _canonical(v) for k, v in value.items()}
    if kind is list:
        return [v if type(v) in _LEAVES else _canonical(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    return value


# --- the reply to a push -----------------------------------------------------------------


def _conflict_field(value: Any, path: str) -> str:
    return _name(_string(value, path), path, _CONFLICT_FIELD)


_schema(
    _conflict_field,
    {"type": "string", "maxLength": MAX_ID_LENGTH, "pattern": f"^{_CONFLICT_FIELD.pattern}$"},
)


@dataclass(frozen=True)
class ConflictRecord:
    """A field where server and client diverged: both values are kept for a reviewer."""

    field: str
    base: JsonScalar
    server: JsonScalar
    client: JsonScalar
    member_id: str | None = None  # set when the field is a member's

    JSON_KEYS: ClassVar[_Keys] = _Keys(
        ("field", _conflict_field),
        ("base", _scalar),
        ("server", _scalar),
        ("client", _scalar),
        ("member_id", _optional(_id), None),
    )

    @classmethod
    def from_json(cls, data: Any, path: str = "") -> ConflictRecord:
        """Read a conflict object of a reply."""
        return cls(**cls.JSON_KEYS.read(data, path))

    def to_json(self) -> dict:
        """The conflict as protocol JSON."""
        out = {"field": self.field, "base": self.base, "server": self.server, "client": self.client}
        if self.member_id is not None:
            out["member_id"] = self.member_id
        return out


@dataclass(frozen=True)
class HouseholdReply:
    """The server's answer for one household of a change-set."""

    household_id: str
    outcome: Outcome
    version: int | None  # None only when rejected before the household existed
    conflicts: list[ConflictRecord] = field(default_factory=list)
    message: str | None = None

    JSON_KEYS: ClassVar[_Keys] = _Keys(
        ("household_id", _id),
        ("outcome", _choice(Outcome)),
        ("version", _optional(_count)),
        ("conflicts", _array(_shape(ConflictRecord), MAX_FIELDS * MAX_MEMBERS), list),
        ("message", _optional(_string), None),
    )

    @classmethod
    def from_json(cls, data: Any, path: str = "") -> HouseholdReply:
        """Read one household entry of a change-set reply."""
        return cls(**cls.JSON_KEYS.read(data, path))

    def to_json(self) -> dict:
        """The reply entry as protocol JSON."""
        return {
            "household_id": self.household_id,
            "outcome": self.outcome,
            "version": self.version,
            "conflicts": [c.to_json() for c in self.conflicts],
            "message": self.message,
        }


@dataclass(frozen=True)
class ChangeSetReply:
    """The reply to ``POST /changesets``: one entry per household, in push order."""

    changeset_id: str
    households: list[HouseholdReply]

    JSON_KEYS: ClassVar[_Keys] = _Keys(
        ("changeset_id", _uuid),
        ("households", _array(_shape(HouseholdReply), MAX_HOUSEHOLDS)),
    )

    @classmethod
    def from_json(cls, data: Any, path: str = "") -> ChangeSetReply:
        """Read a change-set reply."""
        return cls(**cls.JSON_KEYS.read(data, path))

    def to_json(self) -> dict:
        """The reply as protocol JSON."""
        return {
            "changeset_id": self.changeset_id,
            "households": [h.to_json() for h in self.households],
        }


# --- server-side state that merge.py works on (no JSON shape: it lives in tables) --------


@dataclass(frozen=True)
class VerificationRecord:
    """A verification as the server keeps it, with the change-set and device it came from."""

    verification: Verification
    changeset_id: str
    device_id: str
    round: str
    mode: Mode = "CAPI"
    collector: str | None = None  # the enumerator or clerk (user name) who collected it


@dataclass(frozen=True)
class HouseholdState:
    """All the server holds for one household that the merge rule reads and writes."""

    household: Household
    verifications: list[VerificationRecord] = field(default_factory=list)
    flags: frozenset[str] = frozenset()


# --- text in, values out -----------------------------------------------------------------


def _reject_constant(name: str) -> None:
    raise InvalidPayload("$", f"{name} is not valid JSON")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        duplicate = next(k for k, _ in pairs if k in seen or seen.add(k))
        raise InvalidPayload("$", f"duplicate key {duplicate!r} in an object")
    return obj


def load_json(raw: bytes | str) -> Any:
    """Decode JSON text strictly: no NaN/Infinity, no duplicate keys, at most MAX_PAYLOAD_BYTES."""
    if len(raw) > MAX_PAYLOAD_BYTES:
        raise InvalidPayload("$", f"payload larger than {MAX_PAYLOAD_BYTES} bytes")
    try:
        return json.loads(
            raw, parse_constant=_reject_constant, object_pairs_hook=_no_duplicate_keys
        )
    except InvalidPayload:
        raise
    except (ValueError, RecursionError) as error:
        raise InvalidPayload("$", f"not valid JSON: {error}") from None


def parse_changeset(raw: bytes | str) -> ChangeSet:
    """Parse a ``POST /changesets`` body, e.g. ``parse_changeset(request_bytes)``."""
    return ChangeSet.from_json(load_json(raw))


def parse_changeset_reply(raw: bytes | str) -> ChangeSetReply:
    """Parse the reply to ``POST /changesets``."""
    return ChangeSetReply.from_json(load_json(raw))


def parse_pull_page(raw: bytes | str) -> PullPage:
    """Parse a page of ``GET /assignments/{id}/households``."""
    return PullPage.from_json(load_json(raw))


_ASSIGNMENTS = _Keys(("assignments", _array(_shape(Assignment), MAX_HOUSEHOLDS)))


def parse_assignments(raw: bytes | str) -> list[Assignment]:
    """Parse ``GET /assignments/mine`` into its assignments."""
    return _ASSIGNMENTS.read(load_json(raw), "")["assignments"]


def assignments_schema() -> dict:
    """The JSON Schema of ``GET /assignments/mine``."""
    return _ASSIGNMENTS.schema("Assignments", "The user's assignments, newest round first.")


def assignments_to_json(assignments: list[Assignment]) -> dict:
    """The body of ``GET /assignments/mine``."""
    return {"assignments": [a.to_json() for a in assignments]}


def dumps(value: Any) -> str:
    """Protocol JSON text of a model value (anything with ``to_json``) or a plain JSON value."""
    data = value.to_json() if hasattr(value, "to_json") else value
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
