"""The reviewer's data as typed rows: queue items, conflicts, compared verifications, photos.

Turns the JSON of docs/review-api.md into what the review windows show, so the windows only
lay it out. No Qt here.

>>> distance_m((-6.98765, 107.62912), (-6.98765, 107.62912))
0.0
>>> member_label({"values": {"nama": "Dede"}}, "320412200200001302")
'Dede (320412200200001302)'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from capi_app import location
from capi_app.moves import Move
from capi_app.review_requests import RequestRow, requests_from_json
from dtks import review, wilayah
from dtks import scope as scope_rule

FLAGS = (
    review.FLAG_CONFLICT,
    review.FLAG_PARALLEL_EDIT,
    review.FLAG_DUPLICATE_VERIFICATION,
    review.FLAG_VALIDATION_WARNING,
    review.FLAG_ELIGIBILITY_CHANGED,
    review.FLAG_NEW_HOUSEHOLD,
    review.FLAG_INTEGRITY,
    review.FLAG_ANOMALY,
)
"""The flags a reviewer filters on, in the order of the filter buttons (anomaly: also the
households listed elsewhere whose ids point into the reviewer's wilayah, read only)."""

Point = tuple[float, float]


@dataclass(frozen=True)
class QueueItem:
    """One household of the review queue."""

    household_id: str
    kode_wilayah: str
    nama_krt: str
    desa: str
    state: str
    flags: tuple[str, ...]
    open_conflicts: int
    round: str = ""
    result: str | None = None
    proposed: bool = False
    updated_at: str = ""
    reached: bool = False
    """Listed outside the reviewer's scope, queued because its ids point into it (flag
    anomaly): read only here, the reviewer of where it is listed decides."""

    @classmethod
    def from_json(cls, data: dict) -> QueueItem:
        """Read a QueueItem of GET /review/queue (older servers send no desa or round)."""
        kode = str(data.get("kode_wilayah") or "")
        desa = data.get("desa") or wilayah.lookup(kode[:10]) or ""
        result = data.get("result")
        return cls(
            household_id=str(data["household_id"]),
            kode_wilayah=kode,
            nama_krt=str(data.get("nama_krt") or ""),
            desa=str(desa),
            state=str(data.get("state") or ""),
            flags=review.shown(data.get("flags") or ()),
            open_conflicts=int(data.get("open_conflicts") or 0),
            round=str(data.get("round") or ""),
            result=None if result is None else str(result),
            proposed=bool(data.get("proposed")),
            updated_at=str(data.get("updated_at") or ""),
            reached=bool(data.get("reached")),
        )

    @property
    def search_text(self) -> str:
        """Lower-case text the search box matches: id, head's name, desa, flags."""
        return " ".join((self.household_id, self.nama_krt, self.desa, *self.flags)).lower()


@dataclass(frozen=True)
class Queue:
    """A page of the queue with the per-flag counts for the filter buttons."""

    items: list[QueueItem]
    counts: dict[str, int]
    total: int
    awaiting_approval: int | None = None
    """Open households with a verification, waiting for approval (None: an older server)."""
    count_cap: int | None = None
    """The server counts up to this many; a larger number means "more than count_cap"."""

    def count_text(self, n: int) -> str:
        """A count as the window shows it: '1000+' above the server's cap.

        >>> Queue([], {}, 0, count_cap=1000).count_text(1001), Queue([], {}, 0).count_text(7)
        ('1000+', '7')
        """
        if self.count_cap is not None and n > self.count_cap:
            return f"{self.count_cap}+"
        return str(n)

    @classmethod
    def from_json(cls, data: dict) -> Queue:
        """Read GET /review/queue; counts from the items when the server sends none."""
        items = [QueueItem.from_json(h) for h in data.get("households") or []]
        counts = data.get("counts")
        if counts is None:
            counts = {f: sum(f in i.flags for i in items) for f in FLAGS}
        awaiting = data.get("awaiting_approval")
        cap = data.get("count_cap")
        return cls(
            items,
            {str(k): int(v) for k, v in counts.items()},
            int(data.get("total") or len(items)),
            None if awaiting is None else int(awaiting),
            None if cap is None else int(cap),
        )


def bulk_approvable(items: list[QueueItem], round: str) -> list[QueueItem]:
    """Items bulk-approve would take: a result in the round and what dtks.review lets it take."""
    return [
        i
        for i in items
        if review.bulk_may_take(i.state, i.flags, i.proposed)
        and i.result is not None
        and (not i.round or i.round == round)
    ]


@dataclass(frozen=True)
class ConflictRow:
    """One open conflict: the field (with its member) and base / server / client values."""

    key: str
    field: str
    member_id: str | None
    member: str
    base: Any
    server: Any
    client: Any
    user: str
    kind: str
    clients: tuple[Any, ...] = ()
    server_user: str = ""
    """Who wrote the server's value (from the household's history; '' when it came with the
    pre-list or the history does not say)."""

    @property
    def clients_differ(self) -> bool:
        """True when several client values wait on this field (take one as a typed value)."""
        return len(set(map(repr, self.clients))) > 1


@dataclass(frozen=True)
class AnswerRow:
    """One answer compared across the verifications; differs when they disagree."""

    name: str
    values: tuple[Any, ...]

    @property
    def differs(self) -> bool:
        """True when the verifications gave different answers."""
        return len({repr(v) for v in self.values}) > 1


@dataclass(frozen=True)
class Verification:
    """One verification record of the household (who, how, when, result, GPS)."""

    user: str
    mode: str
    round: str
    result: str | None
    finished_at: str
    answers: dict
    gps: Point | None
    photos: tuple[str, ...]


@dataclass(frozen=True)
class PhotoRow:
    """A photo with the GPS of its verification and distances to the other known points."""

    sha256: str
    user: str
    gps: Point | None
    to_prelist_m: float | None
    to_other_m: float | None


@dataclass
class Detail:
    """Everything the household review screen shows."""

    household_id: str
    state: str
    note: str | None
    values: dict
    members: list[dict]
    open_flags: list[str]
    flag_details: dict[str, str]
    conflicts: list[ConflictRow]
    resolved: list[ConflictRow]
    verifications: list[Verification]
    photos: list[PhotoRow]
    history: list[dict] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    """Its pending moves to another wilayah (capi_app.moves), each saying who decides it."""
    requests: list[RequestRow] = field(default_factory=list)
    """Sanggahan, usul warga, usulan Kemensos made about it, each with its finding."""

    @property
    def kode_wilayah(self) -> str:
        """Where the household is now (a pending move has not changed it)."""
        return str(self.values.get("kode_wilayah") or "")

    def incoming_for(self, scopes) -> bool:
        """True when the household lies outside these scopes and is here only because a
        pending move would bring it in: the reviewer looks and decides the move, not it.

        >>> d = detail_from_json({"household": {"household_id": "1",
        ...     "values": {"kode_wilayah": "3204122002"}}})
        >>> d.incoming_for(["3205"]), d.incoming_for(["3204"])
        (True, False)
        """
        return not scope_rule.covers_any(scopes or (), self.kode_wilayah)

    @property
    def prelist_point(self) -> Point | None:
        """The pre-list lat/lon of the household, when it has one."""
        return _point(self.values.get("lat"), self.values.get("lon"))

    def answers_compared(self) -> list[AnswerRow]:
        """Every answer of the verifications side by side, in the first one's order."""
        names: list[str] = []
        for v in self.verifications:
            names += [n for n in v.answers if n not in names]
        return [AnswerRow(n, tuple(v.answers.get(n) for v in self.verifications)) for n in names]

    def member_name(self, member_id: str | None) -> str:
        """The member's name with its id ('' for a household field)."""
        if not member_id:
            return ""
        m = next((m for m in self.members if m.get("member_id") == member_id), None)
        return member_label(m, member_id)


def reviewer_level(scopes: list[str] | None) -> str:
    """The review level of a user from their widest scope (kabkota for a kabupaten/kota)."""
    plain = sorted((scope_rule.plain(s) for s in scopes or ()), key=len)
    return review.level_of_scope(plain[0]) if plain else review.KEMENSOS


def possible_decisions(detail: Detail, level: str = review.KABKOTA) -> set[str]:
    """The decisions the household's state allows at the level, as the transition table says,
    less those that would mean nothing or be refused: resolving needs an open conflict, an
    approved household is not approved again nor a returned one returned again, and approval
    waits while a conflict or another flag that blocks it is open (dtks.review.blocking, as
    the server checks).

    >>> d = detail_from_json({"household": {"household_id": "1", "state": "approved"}})
    >>> sorted(possible_decisions(d))
    ['return']
    >>> d = detail_from_json({"household": {"household_id": "1", "state": "returned"}})
    >>> sorted(possible_decisions(d))
    ['approve']
    """
    out = set()
    for decision in review.HOUSEHOLD_DECISIONS:
        try:
            review.household_step(detail.state, decision, level)
        except review.IllegalStep:
            continue
        out.add(decision)
    if not detail.conflicts:
        out.discard(review.RESOLVE)
    if detail.state == review.APPROVED:
        out.discard(review.APPROVE)
    if detail.state == review.RETURNED:
        out.discard(review.RETURN)  # already with the enumerator, with its note
    if approval_held_by(detail):
        out.discard(review.APPROVE)
    return out


def approval_held_by(detail: Detail) -> set[str]:
    """The open flags that refuse an approval now (a conflict flag only while a conflict row
    is open, as the server settles it).

    >>> d = detail_from_json({"household": {"household_id": "1", "state": "needs_review"},
    ...                       "flags": [{"kind": "move_pending", "open": True}]})
    >>> sorted(approval_held_by(d))
    ['move_pending']
    """
    held = review.blocking(detail.open_flags)
    if not detail.conflicts:
        held.discard(review.FLAG_CONFLICT)
    else:
        held.add(review.FLAG_CONFLICT)
    return held


def member_label(member: dict | None, member_id: str) -> str:
    """'Nama (member id)', or the id alone when the member is unknown."""
    name = ((member or {}).get("values") or {}).get("nama")
    return f"{name} ({member_id})" if name else member_id


def detail_from_json(data: dict) -> Detail:
    """Read GET /review/households/{id} into a Detail."""
    h = data["household"]
    members = list(h.get("members") or [])
    by_id = {m.get("member_id"): m for m in members}
    history = list(data.get("history") or [])
    rows = [_conflict(c, by_id, history) for c in data.get("conflicts") or []]
    verifs = [_verification(v) for v in data.get("verifications") or []]
    flags = data.get("flags") or []
    open_flags = review.shown(f["kind"] for f in flags if f.get("open"))
    detail = Detail(
        household_id=str(h["household_id"]),
        state=str(h.get("state") or ""),
        note=h.get("note"),
        values=dict(h.get("values") or {}),
        members=members,
        open_flags=list(dict.fromkeys(open_flags)),
        flag_details={f["kind"]: str(f.get("detail") or "") for f in flags if f.get("open")},
        conflicts=_merge_open([r for r, done in rows if not done]),
        resolved=[r for r, done in rows if done],
        verifications=verifs,
        photos=[],
        history=history,
        moves=[Move.from_json(m) for m in data.get("moves") or []],
        requests=requests_from_json(data),
    )
    detail.photos = _photos(data.get("photos") or [], verifs, detail.prelist_point)
    return detail


def server_author(conflict: dict, history: list[dict]) -> str:
    """Who wrote the value the server holds in a conflict: the last history event that set it.

    >>> server_author({"field": "alamat", "server": "Jl. A"},
    ...               [{"field": "alamat", "new": "Jl. A", "user": "enum1"}])
    'enum1'
    """
    if conflict.get("server_user"):
        return str(conflict["server_user"])
    mid, name, value = (
        conflict.get("member_id") or None,
        conflict.get("field"),
        conflict.get("server"),
    )
    at = str(conflict.get("at") or "~")
    for event in reversed(history):
        same = (event.get("member_id") or None) == mid and event.get("field") == name
        if same and event.get("new") == value and str(event.get("at") or "") <= at:
            return str(event.get("user") or "")
    return ""


def _conflict(c: dict, members: dict, history: list[dict]) -> tuple[ConflictRow, bool]:
    mid = c.get("member_id")
    row = ConflictRow(
        key=str(c.get("key") or (f"{mid}.{c['field']}" if mid else c["field"])),
        field=str(c["field"]),
        member_id=mid,
        member=member_label(members.get(mid), mid) if mid else "",
        base=c.get("base"),
        server=c.get("server"),
        client=c.get("client"),
        user=str(c.get("user") or ""),
        kind=str(c.get("kind") or ""),
        clients=(c.get("client"),),
        server_user=server_author(c, history),
    )
    return row, bool(c.get("resolved"))


def _merge_open(rows: list[ConflictRow]) -> list[ConflictRow]:
    """One row per conflict key: several pushes on one field are decided together."""
    out: dict[str, ConflictRow] = {}
    for r in rows:
        if r.key in out:
            first = out[r.key]
            out[r.key] = ConflictRow(
                first.key, first.field, first.member_id, first.member, first.base,
                first.server, first.client, f"{first.user}, {r.user}", first.kind,
                first.clients + r.clients, first.server_user,
            )  # fmt: skip
        else:
            out[r.key] = r
    return list(out.values())


def _verification(v: dict) -> Verification:
    gps = v.get("gps") or {}
    return Verification(
        user=str(v.get("user") or ""),
        mode=str(v.get("mode") or ""),
        round=str(v.get("round") or ""),
        result=None if v.get("result") is None else str(v.get("result")),
        finished_at=str(v.get("finished_at") or ""),
        answers=dict(v.get("answers") or {}),
        gps=_point(gps.get("lat"), gps.get("lon")),
        photos=tuple(v.get("photos") or ()),
    )


def _photos(photos: list[dict], verifs: list[Verification], prelist: Point | None):
    out = []
    for p in photos:
        sha = p["sha256"]
        owner = next((v for v in verifs if sha in v.photos), None)
        gps = owner.gps if owner else None
        others = [v.gps for v in verifs if v is not owner and v.gps is not None]
        out.append(
            PhotoRow(
                sha256=sha,
                user=owner.user if owner else "",
                gps=gps,
                to_prelist_m=distance_m(gps, prelist) if gps and prelist else None,
                to_other_m=distance_m(gps, others[0]) if gps and others else None,
            )
        )
    return out


def _point(lat, lon) -> Point | None:
    try:
        return (float(lat), float(lon)) if lat is not None and lon is not None else None
    except (TypeError, ValueError):
        return None


def distance_m(a: Point, b: Point) -> float:
    """Great-circle distance in metres between two (lat, lon) points, to a decimetre."""
    return round(location.distance_m(*a, *b), 1)


def choice_value(text: str, sample: Any) -> Any:
    """A typed value from what the reviewer entered, shaped like the field's other values."""
    text = text.strip()
    if isinstance(sample, bool):
        return text.lower() in ("1", "true", "ya", "yes")
    if isinstance(sample, int):
        try:
            return int(text)
        except ValueError:
            return text
    return text


def wilayah_choices(scopes: list[str], limit: int = 600) -> list[tuple[str, str, int]]:
    """(plain code, name, depth) of each scope and the regions below it, down to desa.

    A level is left out when it would make the list longer than `limit` (a province's desa)."""
    out: list[tuple[str, str, int]] = []
    for scope in scopes:
        plain = scope_rule.plain(scope)
        level = wilayah.LEVELS.get(len(plain))
        if level is None:
            continue
        out.append((plain, wilayah.lookup(plain) or plain, 0))
        below: list[tuple[str, int]] = []
        for lower in range(level + 1, 5):
            codes = list(wilayah.codes_under(plain, lower))
            if len(out) + len(below) + len(codes) > limit:
                break
            below += [(c, lower - level) for c in codes]
        below.sort()
        out += [(c, wilayah.lookup(c) or c, depth) for c, depth in below]
    return out


def answer_text(form, name: str, value: Any, lang: str = "id") -> str:
    """An answer as text, a choice code with its label ('2 Tidak layak'), a date
    day-month-year as the form writes it ('02-11-2026'); '' when empty."""
    from dtks.forms.messages import pick

    if value is None or value == "":
        return ""
    try:
        f = form.field(name)
    except KeyError:
        return str(value)
    if f.type == "date":
        return day_text(value)
    choice = next((c for c in f.choices if c.name == str(value)), None)
    if choice is None:
        return str(value)
    return f"{value} {pick(choice.label, lang, form.default_language)}"


def day_text(value: Any) -> str:
    """A date as the form writes it: day-month-year ('2026-11-02' -> '02-11-2026').

    >>> day_text("2026-11-02"), day_text("kemarin")
    ('02-11-2026', 'kemarin')
    """
    try:
        return date.fromisoformat(str(value)).strftime("%d-%m-%Y")
    except ValueError:
        return str(value)


def labelled_detail(form, detail: str, lang: str = "id") -> str:
    """A flag's detail 'status_rt 2, hasil 2' with the form's question and choice labels
    ('Status rumah tangga: 2 Tidak ditemukan; Hasil: 2 Tidak layak'); other parts kept."""
    parts = []
    for part in detail.split(", "):
        name, _, value = part.partition(" ")
        try:
            form.field(name)
        except KeyError:
            parts.append(part)
            continue
        shown = (
            answer_text(form, name, value.strip(), lang)
            if value.strip() not in ("", "None")
            else "—"
        )
        parts.append(f"{field_label(form, name, lang)}: {shown}")
    return "; ".join(parts)


def field_label(form, name: str, lang: str = "id", member: bool = False) -> str:
    """The form's label for an answer or a pre-list column, else the name itself."""
    bound = form.bindings().get(f"{'member' if member else 'household'}.{name}")
    try:
        f = bound or form.field(name)
    except KeyError:
        return name
    return form.label(f.name, lang) or name
