"""BNBA markings: disability (and its kinds), pregnancy and death, read from member data.

The verivali form writes ``disabilitas``, ``jenis_disabilitas`` and ``hamil`` into the member's
values (``bind::dtks`` member columns of ``dtks.prelist``); a death is the member's removal
with reason ``meninggal`` and its date. Exports and the BNBA show the same text.

>>> members = [
...     {"values": {"nama": "Budi", "disabilitas": 1, "jenis_disabilitas": "1 4"},
...      "status": "active"},
...     {"values": {"nama": "Siti", "hamil": 1}, "status": "active"},
...     {"values": {"nama": "Ahmad"}, "status": "removed", "removal_reason": "meninggal",
...      "removal_date": "2026-11-10"},
... ]
>>> text(marks(members))
'Budi: disabilitas (penglihatan, fisik); Siti: hamil; Ahmad: meninggal 2026-11-10'
"""

from __future__ import annotations

from dataclasses import dataclass

from dtks.removal import MENINGGAL

YES = 1
DISABILITY_WORDS = {
    1: "penglihatan",
    2: "pendengaran",
    3: "bicara",
    4: "fisik",
    5: "intelektual",
    6: "mental",
}
"""Short words of dtks.prelist.CODES['jenis_disabilitas'] for a cell."""
DISABILITY, PREGNANT, DEAD = "disabilitas", "hamil", "meninggal"
KINDS = (DISABILITY, PREGNANT, DEAD)


@dataclass(frozen=True)
class Mark:
    """One marking of one member: its kind and detail (disability kinds, date of death)."""

    member_id: str
    name: str
    kind: str
    detail: str = ""

    def text(self) -> str:
        if self.kind == DISABILITY:
            return f"{self.name}: {DISABILITY}" + (f" ({self.detail})" if self.detail else "")
        if self.kind == DEAD:
            return f"{self.name}: {DEAD}" + (f" {self.detail}" if self.detail else "")
        return f"{self.name}: {self.kind}"


def marks(members) -> list[Mark]:
    """The markings of a household's members (dicts with values, status, removal_*)."""
    out = []
    for m in members:
        v = m.get("values") or {}
        mid, name = m.get("member_id") or "", str(v.get("nama") or m.get("member_id") or "")
        if m.get("status") == "removed":
            if m.get("removal_reason") == MENINGGAL:
                out.append(Mark(mid, name, DEAD, m.get("removal_date") or ""))
            continue
        if v.get("disabilitas") == YES:
            kinds = [int(c) for c in str(v.get("jenis_disabilitas") or "").split() if c.isdigit()]
            out.append(
                Mark(
                    mid, name, DISABILITY, ", ".join(DISABILITY_WORDS.get(k, str(k)) for k in kinds)
                )
            )
        if v.get("hamil") == YES:
            out.append(Mark(mid, name, PREGNANT))
    return out


def text(items: list[Mark]) -> str:
    """One cell: 'name: marking; ...'."""
    return "; ".join(m.text() for m in items)


def counts(items: list[Mark]) -> dict[str, int]:
    """How many members carry each marking."""
    return {k: sum(1 for m in items if m.kind == k) for k in KINDS}
