"""The anomaly worklist: the defects DTKS fixes, found by pure functions on a household.

An anomaly names a household, optionally a member, the field to fix and a message. The
server runs :func:`detect` on import and on every push and keeps what it finds per household;
the device shows them and re-runs the same checks on its own edits, so an anomaly clears as
soon as a change fixes it. Only the duplicate NIK needs to know other households: the caller
passes the holders of each NIK (the server asks its whole store).

Kinds (``KINDS``): the kode wilayah unknown, or disagreeing with the region in the household
id or the No KK (``wrong_wilayah``); a NIK or No KK that is not valid; a NIK disagreeing with
the birth date or sex (``nik_mismatch``); an impossible birth date; the same NIK in two places
(``duplicate_nik``); a missing mother's name; an implausible age, relationship or occupation
(a head of household aged 4, a civil servant aged 6); a household without exactly one head.

A household that a reviewer moved (``dtks.moves``: its ``moves`` hold a confirmed move into the
code it is listed in) is not ``wrong_wilayah``: its ids name where it came from.

>>> from dtks.model import Household, Member
>>> head = Member("320412200200000101", values={"nik": "3204124508900003", "hubungan": 1,
...     "jenis_kelamin": 2, "tanggal_lahir": "1990-08-05", "nama_ibu": ""})
>>> h = Household("3204122002000001", 1, values={"kode_wilayah": "3204122002",
...     "no_kk": "3204120101150001"}, members=[head])
>>> [(a.kind, a.field) for a in detect(h, today=date(2026, 11, 1))]
[('missing_mother_name', 'nama_ibu')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dtks import ids, moves, wilayah

WILAYAH_UNKNOWN = "wilayah_unknown"
WRONG_WILAYAH = "wrong_wilayah"
KK_INVALID = "kk_invalid"
NIK_INVALID = "nik_invalid"
NIK_MISMATCH = "nik_mismatch"
IMPOSSIBLE_BIRTH_DATE = "impossible_birth_date"
DUPLICATE_NIK = "duplicate_nik"
MISSING_MOTHER_NAME = "missing_mother_name"
IMPLAUSIBLE_AGE = "implausible_age"
IMPLAUSIBLE_RELATIONSHIP = "implausible_relationship"
IMPLAUSIBLE_OCCUPATION = "implausible_occupation"
HEAD_COUNT = "head_count"
KINDS = (
    WILAYAH_UNKNOWN,
    WRONG_WILAYAH,
    KK_INVALID,
    NIK_INVALID,
    NIK_MISMATCH,
    IMPOSSIBLE_BIRTH_DATE,
    DUPLICATE_NIK,
    MISSING_MOTHER_NAME,
    IMPLAUSIBLE_AGE,
    IMPLAUSIBLE_RELATIONSHIP,
    IMPLAUSIBLE_OCCUPATION,
    HEAD_COUNT,
)
"""Every kind, in the order a worklist shows them."""
NEEDS_THE_STORE = frozenset({DUPLICATE_NIK})
"""Kinds only the server can find (they need other households); a device keeps them until
the value they name changes."""

MAX_AGE = 110
MIN_HEAD_AGE = 12
MIN_SPOUSE_AGE = 13
MIN_WORKING_AGE = 10
MIN_CIVIL_SERVANT_AGE = 18
MIN_RETIREMENT_AGE = 40
HEAD, SPOUSE, CHILD, GRANDCHILD, PARENT = 1, 2, 3, 5, 6
NOT_WORKING, CIVIL_SERVANT, PUPIL, RETIRED = 1, 7, 9, 11
"""Codes of dtks.prelist.CODES (hubungan, pekerjaan) the rules read."""


@dataclass(frozen=True)
class Anomaly:
    """One defect: its kind, the member (None: the household) and field, and why.

    ``value`` is the value found wrong (a device drops a store-only anomaly once the field no
    longer holds it); ``related`` names the other places involved: the member ids holding the
    same NIK, or the regions a wrongly listed household's ids point to."""

    kind: str
    field: str
    message: str
    member_id: str | None = None
    value: Any = None
    related: tuple[str, ...] = field(default_factory=tuple)

    @property
    def key(self) -> tuple[str, str | None, str]:
        """What identifies the anomaly across detections: kind, member, field."""
        return self.kind, self.member_id, self.field

    def to_json(self) -> dict:
        """The shape of a pulled household's ``anomalies`` item (DESIGN.md)."""
        return {
            "kind": self.kind,
            "member_id": self.member_id,
            "field": self.field,
            "message": self.message,
            "value": self.value,
            "related": list(self.related),
        }

    @classmethod
    def from_json(cls, data: Mapping) -> Anomaly:
        """Read a pulled ``anomalies`` item (unknown keys ignored)."""
        return cls(
            kind=str(data["kind"]),
            field=str(data.get("field") or ""),
            message=str(data.get("message") or ""),
            member_id=data.get("member_id"),
            value=data.get("value"),
            related=tuple(str(r) for r in data.get("related") or ()),
        )


def detect(household, holders: Mapping[str, Iterable[str]] | None = None, today=None, rules=None):
    """Every anomaly of a household (a dtks.model.Household or anything with household_id,
    values, members and optionally moves, its dtks.moves.MoveRecord list); ``holders`` maps a
    NIK to the member ids holding it in the store; ``rules``: member_anomalies, or a
    MemberRules that shares its answers with other checks."""
    today = today or date.today()
    rules = rules or member_anomalies
    out = household_anomalies(household, today)
    active = [m for m in household.members if m.status == "active"]
    head_born = _head_birth(active, today)
    for m in active:
        out += rules(m, today, head_born)
    if holders is not None:
        out += duplicate_niks(active, holders)
    return out


def household_anomalies(household, today: date | None = None) -> list[Anomaly]:
    """Anomalies of the household's own values and of its set of members (one head)."""
    today = today or date.today()
    v = household.values
    settled = moves.settled(getattr(household, "moves", ()), v.get("kode_wilayah"))
    out = _wilayah(household.household_id, v.get("kode_wilayah"), v.get("no_kk"), settled)
    kk = _text(v.get("no_kk"))
    if kk:
        try:
            ids.parse_kk(kk, today)
        except ids.InvalidId as e:
            out.append(Anomaly(KK_INVALID, "no_kk", str(e), value=kk))
    active = [m for m in household.members if m.status == "active"]
    heads = [m for m in active if _int(m.values.get("hubungan")) == HEAD]
    if active and len(heads) != 1:
        out.append(
            Anomaly(
                HEAD_COUNT,
                "hubungan",
                f"{len(heads)} heads of household among {len(active)} members; there must be one",
                value=len(heads),
                related=tuple(m.member_id for m in heads),
            )
        )
    return out


def _wilayah(household_id: str, kode, no_kk, settled: bool = False) -> list[Anomaly]:
    """The kode wilayah unknown, or disagreeing with the household id's desa or the No KK's
    kecamatan (a DTKS household id starts with the 10-digit desa code); settled: a reviewer
    confirmed the household's move into kode, so the ids' regions are its history."""
    code = _text(kode)
    if not (code and len(code) == 10 and code.isdigit() and wilayah.lookup(code)):
        return [
            Anomaly(
                WILAYAH_UNKNOWN,
                "kode_wilayah",
                f"kode wilayah {code!r} is not a desa/kelurahan of the Kemendagri table",
                value=code,
            )
        ]
    if settled:
        return []
    implied = []
    if len(household_id) == 16 and household_id.isdigit() and household_id[:10] != code:
        implied.append(household_id[:10])
    kk = _text(no_kk)
    if len(kk) == 16 and kk.isdigit() and kk[:6] != code[:6] and wilayah.lookup(kk[:6]):
        implied.append(kk[:6])
    if not implied:
        return []
    places = ", ".join(f"{wilayah.dotted(c)} {wilayah.lookup(c) or ''}".strip() for c in implied)
    return [
        Anomaly(
            WRONG_WILAYAH,
            "kode_wilayah",
            f"listed in {wilayah.dotted(code)} {wilayah.lookup(code)}, but its ids point to {places}",
            value=code,
            related=tuple(implied),
        )
    ]


def member_anomalies(member, today: date | None = None, head_born: date | None = None):
    """Anomalies of one active member's values; head_born: the head's birth date, if known."""
    today = today or date.today()
    v, mid = member.values, member.member_id
    out: list[Anomaly] = []
    born = _born(v.get("tanggal_lahir"), today)
    if born is None and _text(v.get("tanggal_lahir")):
        text = _text(v.get("tanggal_lahir"))
        out.append(
            Anomaly(
                IMPOSSIBLE_BIRTH_DATE,
                "tanggal_lahir",
                f"tanggal_lahir {text!r} is not a real date or lies in the future",
                mid,
                text,
            )
        )
    out += _nik(mid, v, born, today)
    if not _text(v.get("nama_ibu")):
        out.append(Anomaly(MISSING_MOTHER_NAME, "nama_ibu", "mother's name is missing", mid, ""))
    if born is not None:
        out += _age_rules(mid, v, _age(born, today), born, head_born)
    return out


def _nik(mid: str, v: Mapping, born: date | None, today: date) -> list[Anomaly]:
    text = _text(v.get("nik"))
    try:
        nik = ids.parse_nik(text, today)
    except ids.InvalidId as e:
        return [Anomaly(NIK_INVALID, "nik", str(e), mid, text)]
    out = []
    if born is not None and nik.birth_date != born:
        out.append(
            Anomaly(
                NIK_MISMATCH,
                "tanggal_lahir",
                f"NIK {text} says born {nik.birth_date.isoformat()}, tanggal_lahir is "
                f"{born.isoformat()}",
                mid,
                born.isoformat(),
            )
        )
    sex = _int(v.get("jenis_kelamin"))
    if sex in (1, 2) and {"L": 1, "P": 2}[nik.sex] != sex:
        out.append(
            Anomaly(
                NIK_MISMATCH,
                "jenis_kelamin",
                f"NIK {text} says sex {nik.sex} (day + 40 for women), jenis_kelamin is {sex}",
                mid,
                sex,
            )
        )
    return out


def _age_rules(mid: str, v: Mapping, age: int, born: date, head_born: date | None):
    """Age, relationship and occupation that cannot go together."""
    out = []
    rel, job = _int(v.get("hubungan")), _int(v.get("pekerjaan"))
    if age > MAX_AGE:
        out.append(
            Anomaly(
                IMPLAUSIBLE_AGE,
                "tanggal_lahir",
                f"tanggal_lahir gives age {age}, over {MAX_AGE}",
                mid,
                age,
            )
        )
    rel_problem = None
    if rel == HEAD and age < MIN_HEAD_AGE:
        rel_problem = f"head of household aged {age}"
    elif rel == SPOUSE and age < MIN_SPOUSE_AGE:
        rel_problem = f"spouse aged {age}"
    elif head_born is not None and rel in (CHILD, GRANDCHILD) and born <= head_born:
        rel_problem = "a child or grandchild born before the head of household"
    elif head_born is not None and rel == PARENT and born >= head_born:
        rel_problem = "a parent born after the head of household"
    if rel_problem:
        out.append(Anomaly(IMPLAUSIBLE_RELATIONSHIP, "hubungan", rel_problem, mid, rel))
    job_problem = None
    if job is not None and age < MIN_WORKING_AGE and job not in (NOT_WORKING, PUPIL):
        job_problem = f"occupation {job} at age {age}"
    elif job == CIVIL_SERVANT and age < MIN_CIVIL_SERVANT_AGE:
        job_problem = f"civil servant (PNS/TNI/Polri) aged {age}"
    elif job == RETIRED and age < MIN_RETIREMENT_AGE:
        job_problem = f"retired at age {age}"
    if job_problem:
        out.append(Anomaly(IMPLAUSIBLE_OCCUPATION, "pekerjaan", job_problem, mid, job))
    return out


def duplicate_niks(members, holders: Mapping[str, Iterable[str]]) -> list[Anomaly]:
    """A member whose valid-looking NIK is held by another member anywhere (holders: the
    member ids of each NIK, these members included or not)."""
    out = []
    for m in members:
        nik = _text(m.values.get("nik"))
        if not nik:
            continue
        others = sorted(set(holders.get(nik, ())) - {m.member_id})
        if others:
            out.append(
                Anomaly(
                    DUPLICATE_NIK,
                    "nik",
                    f"NIK {nik} is also held by member {', '.join(others)}",
                    m.member_id,
                    nik,
                    tuple(others),
                )
            )
    return out


def still_holds(anomaly: Anomaly, values: Mapping) -> bool:
    """True while the field still holds the value an anomaly found wrong (for kinds a device
    cannot check itself)."""
    return values.get(anomaly.field) == anomaly.value


def by_field(anomalies: Iterable[Anomaly]) -> dict[tuple[str | None, str], list[Anomaly]]:
    """Anomalies grouped by (member_id, field): what a form marks on each field."""
    out: dict[tuple[str | None, str], list[Anomaly]] = {}
    for a in anomalies:
        out.setdefault((a.member_id, a.field), []).append(a)
    return out


class MemberRules:
    """member_anomalies that remembers its answer for each member object, day and head's
    birth date: a batch that checks the same members twice (the server's validation warnings,
    then the worklist) runs the rules once. Members are kept alive with their answers, so an
    id is never mistaken for another's; callers must not change the lists it returns.

    >>> from dtks.model import Member
    >>> rules, m = MemberRules(), Member("m1", values={"nik": "1"})
    >>> rules(m, date(2026, 11, 1)) is rules(m, date(2026, 11, 1))
    True
    """

    def __init__(self):
        self._seen: dict[tuple, tuple] = {}

    def __call__(self, member, today: date, head_born: date | None = None) -> list[Anomaly]:
        """member_anomalies(member, today, head_born), once."""
        key = (id(member), today, head_born)
        hit = self._seen.get(key)
        if hit is None or hit[0] is not member:
            hit = self._seen[key] = (member, member_anomalies(member, today, head_born))
        return hit[1]


def head_birth(household, today: date) -> date | None:
    """The birth date of the household's head, when it has exactly one active head and the
    date is real: what member_anomalies takes as head_born."""
    return _head_birth([m for m in household.members if m.status == "active"], today)


def _head_birth(active, today: date) -> date | None:
    heads = [m for m in active if _int(m.values.get("hubungan")) == HEAD]
    return _born(heads[0].values.get("tanggal_lahir"), today) if len(heads) == 1 else None


def _born(value, today: date) -> date | None:
    """A birth date that is a real date and not in the future, else None."""
    try:
        born = date.fromisoformat(_text(value))
    except ValueError:
        return None
    return born if born <= today else None


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _text(value) -> str:
    return "" if value is None else str(value).strip()
