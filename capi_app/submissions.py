"""The submissions a reviewer sees as typed rows: list items, a submission's households, recap
and history, and the reviewer's levels. Turns the JSON of docs/review-api.md "Submissions"
into what the submissions window shows; no Qt here.

>>> levels(["32.04", "32"]), levels([""])
(('kabkota', 'provinsi'), ('kemensos',))
>>> missing_notes({"3204122002000001": " "}, ["3204122002000001"])
['3204122002000001']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dtks import review
from dtks import scope as scope_rule


def levels(scopes) -> tuple[str, ...]:
    """The chain levels a user reviews at, lowest first, from their (dotted or plain) scopes."""
    found = {review.level_of_scope(scope_rule.plain(s)) for s in scopes or ()}
    return tuple(lv for lv in review.LEVELS if lv in found)


def works_up_the_chain(scopes) -> bool:
    """True for a reviewer with no kabkota scope: provinsi or Kemensos, whose home is submissions."""
    mine = levels(scopes)
    return bool(mine) and review.KABKOTA not in mine


@dataclass(frozen=True)
class SubmissionItem:
    """One submission of the list."""

    submission_id: int
    round: str
    activity: str
    scope: str
    scope_name: str
    level: str
    state: str
    count: int
    returned: int
    note: str
    parent_id: int | None
    created_by: str
    updated_at: str

    @classmethod
    def from_json(cls, data: dict) -> SubmissionItem:
        """Read one entry of GET /submissions (or the summary part of GET /submissions/{id})."""
        return cls(
            submission_id=int(data["submission_id"]),
            round=str(data.get("round") or ""),
            activity=str(data.get("activity") or ""),
            scope=str(data.get("scope") or ""),
            scope_name=str(data.get("scope_name") or ""),
            level=str(data.get("level") or ""),
            state=str(data.get("state") or ""),
            count=int(data.get("count") or 0),
            returned=int(data.get("returned") or 0),
            note=str(data.get("note") or ""),
            parent_id=data.get("parent_id"),
            created_by=str(data.get("created_by") or ""),
            updated_at=str(data.get("updated_at") or ""),
        )

    @property
    def search_text(self) -> str:
        """Lower-case text the search box matches: id, wilayah, round, state."""
        return " ".join(
            (str(self.submission_id), self.scope, self.scope_name, self.round, self.state)
        ).lower()


@dataclass(frozen=True)
class SubmittedHousehold:
    """A household as it was submitted, with its state in the submission and any return note."""

    household_id: str
    state: str
    note: str
    kode_wilayah: str
    desa: str
    nama_krt: str
    alamat: str
    hasil: str | None
    status_rt: str | None
    eligibility_changed: bool

    @classmethod
    def from_json(cls, data: dict) -> SubmittedHousehold:
        """Read one of the households of GET /submissions/{id}."""
        return cls(
            household_id=str(data["household_id"]),
            state=str(data.get("state") or ""),
            note=str(data.get("note") or ""),
            kode_wilayah=str(data.get("kode_wilayah") or ""),
            desa=str(data.get("desa") or ""),
            nama_krt=str(data.get("nama_krt") or ""),
            alamat=str(data.get("alamat") or ""),
            hasil=None if data.get("hasil") in (None, "") else str(data["hasil"]),
            status_rt=None if data.get("status_rt") in (None, "") else str(data["status_rt"]),
            eligibility_changed=bool(data.get("eligibility_changed")),
        )

    @property
    def search_text(self) -> str:
        """Lower-case text the search box matches: id, head's name, desa, address."""
        return " ".join((self.household_id, self.nama_krt, self.desa, self.alamat)).lower()

    @property
    def in_it(self) -> bool:
        """True while the household is in the submission (not returned out of it)."""
        return self.state != review.RETURNED


@dataclass(frozen=True)
class DesaRecap:
    """Counts of one desa's households in the submission, by result."""

    kode_wilayah: str
    desa: str
    households: int
    layak: int
    tidak_layak: int
    tanpa_hasil: int

    @property
    def search_text(self) -> str:
        """Lower-case text a search would match."""
        return f"{self.kode_wilayah} {self.desa}".lower()


@dataclass
class SubmissionDetail:
    """Everything the submissions window shows of one submission."""

    item: SubmissionItem
    households: list[SubmittedHousehold]
    by_result: dict[str, int]
    by_desa: list[DesaRecap]
    history: list[dict]
    pengesahan: dict | None
    children: list[int]
    decisions: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def from_json(cls, data: dict) -> SubmissionDetail:
        """Read GET /submissions/{id} (and the reply of a decision)."""
        recap = data.get("recap") or {}
        return cls(
            item=SubmissionItem.from_json(data),
            households=[SubmittedHousehold.from_json(h) for h in data.get("households") or []],
            by_result={str(k): int(v) for k, v in (recap.get("by_result") or {}).items()},
            by_desa=[DesaRecap(**d) for d in recap.get("by_desa") or []],
            history=list(data.get("history") or []),
            pengesahan=data.get("pengesahan"),
            children=[int(c) for c in data.get("children") or []],
            decisions=tuple(data.get("decisions") or ()),
        )

    def may(self, decision: str) -> bool:
        """True when the server lets the user take this decision now."""
        return decision in self.decisions


def missing_notes(notes: dict[str, str], chosen: list[str]) -> list[str]:
    """The chosen households that have no note yet (a return must say what to fix)."""
    return [h for h in chosen if not (notes.get(h) or "").strip()]


def fetch_all(api, level=None, state=None, round=None, limit=500) -> list[SubmissionItem]:
    """Every submission for the filters, page by page (runs on a worker thread)."""
    out: list[SubmissionItem] = []
    offset = 0
    while True:
        page = api.submissions(level=level, state=state, round=round, limit=limit, offset=offset)
        items = [SubmissionItem.from_json(s) for s in page.get("submissions") or []]
        out += items
        offset += limit
        if len(items) < limit or offset >= int(page.get("total") or 0):
            return out
