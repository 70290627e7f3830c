"""Tasks: what an enumerator is asked to do with a household, as a pulled household says.

>>> Task(SANGGAHAN, "SGH-2026-000123", "penerima dinilai mampu").to_json()["kind"]
'sanggahan'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

VERIVALI = "verivali"
"""Verify a pre-list household (the round's default work)."""
PBI = "pbi"
"""Verify a household for PBI-JK."""
ANOMALI = "anomali"
"""Fix the household's anomalies (dtks.anomalies)."""
SANGGAHAN = "sanggahan"
"""A citizen objects to a listed recipient: verify and record a finding."""
USUL_WARGA = "usul_warga"
"""A citizen proposes a household (Cek Bansos): visit the proposed household."""
USULAN_KEMENSOS = "usulan_kemensos"
"""Kemensos proposes a household (disaster victims, PPKS, KAT): visit it."""
KINDS = (VERIVALI, PBI, ANOMALI, SANGGAHAN, USUL_WARGA, USULAN_KEMENSOS)
REQUEST_KINDS = (SANGGAHAN, USUL_WARGA, USULAN_KEMENSOS)
"""Kinds that come from a request (sync-server import-requests)."""
PROPOSAL_KINDS = (USUL_WARGA, USULAN_KEMENSOS)
"""Request kinds that propose a household to visit."""


def request_note(kind: str, reason: str | None, programme: str | None) -> str | None:
    """The note of a request's task: a sanggahan's reason; a proposal's reason and programme.

    >>> request_note(USUL_WARGA, "tidak mampu", "BPNT"), request_note(SANGGAHAN, "mampu", "PKH")
    ('tidak mampu, BPNT', 'mampu')
    >>> request_note(USULAN_KEMENSOS, None, "PKH")
    'PKH'
    """
    parts = [reason] + ([programme] if kind in PROPOSAL_KINDS else [])
    return ", ".join(p for p in parts if p) or None


@dataclass(frozen=True)
class Task:
    """One task of a household: its kind, an id (a request's reference number) and a note."""

    kind: str
    id: str
    note: str | None = None

    def to_json(self) -> dict:
        """The shape of a pulled household's ``tasks`` item (DESIGN.md)."""
        return {"kind": self.kind, "id": self.id, "note": self.note}

    @classmethod
    def from_json(cls, data: Mapping) -> Task:
        """Read a ``tasks`` item (unknown keys ignored)."""
        return cls(str(data["kind"]), str(data.get("id") or ""), data.get("note"))
