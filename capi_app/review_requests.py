"""The requests of a household under review (sanggahan, usul warga, usulan Kemensos), each
beside the enumerator's finding on it. No Qt here.

The server sends them in ``GET /review/households/{id}`` as ``"requests"`` (docs/cycle.md,
"Requests"). A server that does not send them yet still tells the household's request tasks
(``household.tasks``) and the verification's answers: the rows are then made from those, the
finding from the newest verification that answered ``temuan_hasil``.

>>> rows = requests_from_json({"requests": [{"kind": "sanggahan", "reference": "SGH-1",
...     "date": "2026-11-20", "nik": "3204121507800001", "name": "Asep", "address": "Jl. A",
...     "reason": "mampu", "programme": "PKH", "finding": {"result": "tidak_layak",
...     "reason": "punya mobil", "collected_by": "enum1", "collected_at": "2026-11-25T10:00:00+07:00"}}]})
>>> rows[0].reference, rows[0].finding.result, rows[0].finding.eligible
('SGH-1', 'tidak_layak', False)
>>> rows = requests_from_json({"household": {"tasks": [{"kind": "usul_warga", "id": "USW-9",
...     "note": "belum terdaftar"}]}}, [{"user": "enum1", "finished_at": "2026-11-25",
...     "answers": {"temuan_hasil": "layak", "temuan_alasan": "rumah tidak layak huni"}}])
>>> rows[0].kind, rows[0].reason, rows[0].finding.collected_by
('usul_warga', 'belum terdaftar', 'enum1')
"""

from __future__ import annotations

from dataclasses import dataclass

from dtks.findings import LAYAK, REASON_FIELD, RESULT_FIELD, TIDAK_LAYAK
from dtks.tasks import REQUEST_KINDS


@dataclass(frozen=True)
class Finding:
    """What the enumerator found on a request: layak or tidak layak, why, who and when."""

    result: str
    reason: str = ""
    collected_by: str = ""
    collected_at: str = ""

    @property
    def eligible(self) -> bool | None:
        """True for layak, False for tidak layak, None for a result this client does not know."""
        return {LAYAK: True, TIDAK_LAYAK: False}.get(self.result)


@dataclass(frozen=True)
class RequestRow:
    """One request made about the household, and the finding on it (None: not visited yet)."""

    kind: str
    reference: str
    date: str = ""
    nik: str = ""
    name: str = ""
    address: str = ""
    reason: str = ""
    programme: str = ""
    finding: Finding | None = None


def requests_from_json(data: dict, verifications: list[dict] | None = None) -> list[RequestRow]:
    """The household's requests from a review answer: its ``requests``, else its request
    tasks with the finding of the newest verification that has one."""
    if isinstance(data.get("requests"), list):
        return [_row(r) for r in data["requests"] if isinstance(r, dict)]
    tasks = (data.get("household") or {}).get("tasks") or []
    verifications = data.get("verifications") if verifications is None else verifications
    finding = finding_of(verifications or [])
    return [
        RequestRow(
            str(t.get("kind")),
            str(t.get("id") or ""),
            reason=str(t.get("note") or ""),
            programme=str(t.get("program") or t.get("programme") or ""),
            finding=finding,
        )
        for t in tasks
        if isinstance(t, dict) and t.get("kind") in REQUEST_KINDS
    ]


def finding_of(verifications: list[dict]) -> Finding | None:
    """The finding in the newest verification (by finished_at) that answered it."""
    answered = [v for v in verifications if (v.get("answers") or {}).get(RESULT_FIELD)]
    if not answered:
        return None
    v = max(answered, key=lambda v: str(v.get("finished_at") or ""))
    a = v["answers"]
    return Finding(
        str(a[RESULT_FIELD]),
        str(a.get(REASON_FIELD) or ""),
        str(v.get("user") or ""),
        str(v.get("finished_at") or ""),
    )


def _row(r: dict) -> RequestRow:
    f = r.get("finding")
    finding = None
    if isinstance(f, dict) and f.get("result"):
        finding = Finding(
            str(f["result"]),
            str(f.get("reason") or ""),
            str(f.get("collected_by") or ""),
            str(f.get("collected_at") or ""),
        )
    return RequestRow(
        kind=str(r.get("kind") or ""),
        reference=str(r.get("reference") or ""),
        date=str(r.get("date") or ""),
        nik=str(r.get("nik") or ""),
        name=str(r.get("name") or ""),
        address=str(r.get("address") or ""),
        reason=str(r.get("reason") or ""),
        programme=str(r.get("programme") or r.get("program") or ""),
        finding=finding,
    )
