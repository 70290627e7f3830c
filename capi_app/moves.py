"""Pending moves of households between wilayah as typed rows, for the reviewer's moves window
and the household review screen. Turns the JSON of GET /review/moves (docs/review-api.md,
"Moves") into what they show; the rule of when a move waits is dtks.moves. No Qt here.

>>> m = Move.from_json({"move_id": 3, "household_id": "3204122002000001",
...     "from_kode": "3204122002", "to_kode": "3205011001", "state": "pending",
...     "proposed_by": "enum1", "proposed_at": "2026-11-03T10:00:00+07:00", "can_decide": True,
...     "household": {"values": {"nama_krt": "Dede"}}})
>>> m.from_text, m.nama_krt, m.can_decide
('32.04.12.2002', 'Dede', True)
>>> waiting_for_me([m]) == [m]
True
"""

from __future__ import annotations

from dataclasses import dataclass

from dtks import moves, wilayah


@dataclass(frozen=True)
class Move:
    """One proposed move of a household from one kode wilayah to another."""

    move_id: int
    household_id: str
    from_kode: str
    to_kode: str
    state: str
    source: str
    proposed_by: str
    proposed_at: str
    note: str
    can_decide: bool
    nama_krt: str = ""
    alamat: str = ""
    decided_by: str = ""
    decision_note: str = ""

    @classmethod
    def from_json(cls, data: dict) -> Move:
        """Read one move of GET /review/moves (or of a review detail's "moves")."""
        values = (data.get("household") or {}).get("values") or {}
        return cls(
            move_id=int(data["move_id"]),
            household_id=str(data["household_id"]),
            from_kode=str(data.get("from_kode") or ""),
            to_kode=str(data.get("to_kode") or ""),
            state=str(data.get("state") or moves.PENDING),
            source=str(data.get("source") or moves.SOURCE_PUSH),
            proposed_by=str(data.get("proposed_by") or ""),
            proposed_at=str(data.get("proposed_at") or ""),
            note=str(data.get("note") or ""),
            can_decide=bool(data.get("can_decide")),
            nama_krt=str(values.get("nama_krt") or ""),
            alamat=str(values.get("alamat") or ""),
            decided_by=str(data.get("decided_by") or ""),
            decision_note=str(data.get("decision_note") or ""),
        )

    @property
    def from_text(self) -> str:
        """The old kode wilayah, dotted."""
        return wilayah.dotted(self.from_kode)

    @property
    def to_text(self) -> str:
        """The new kode wilayah, dotted."""
        return wilayah.dotted(self.to_kode)

    @property
    def search_text(self) -> str:
        """Lower-case text the search box matches: id, head's name, both codes and places."""
        places = (place_name(self.from_kode), place_name(self.to_kode))
        words = (self.household_id, self.nama_krt, self.from_text, self.to_text, *places)
        return " ".join(words).lower()


def place_name(kode: str) -> str:
    """'Desa, Kecamatan, Kabupaten' of a kode wilayah, as far as the table knows it.

    >>> place_name("3204122002")
    'Dayeuhkolot, Dayeuhkolot, Kabupaten Bandung'
    """
    parts = (wilayah.lookup(kode[:n]) for n in (10, 6, 4) if len(kode) >= n)
    return ", ".join(p for p in parts if p)


def from_listing(data: dict) -> list[Move]:
    """The moves of GET /review/moves, oldest first as the server sends them."""
    return [Move.from_json(m) for m in data.get("moves") or []]


def waiting_for_me(items: list[Move]) -> list[Move]:
    """The pending moves this reviewer decides (the new wilayah lies in their scopes)."""
    return [m for m in items if m.can_decide and m.state == moves.PENDING]
