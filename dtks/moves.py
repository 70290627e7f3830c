"""Moving a household to another wilayah: when a move needs the receiving side's confirmation,
and the states of a pending move.

A household's ``kode_wilayah`` decides who works on it (the enumerator assigned to its desa)
and who reviews it (the Dinas Sosial of its kabupaten/kota). A household that really moved
must be able to move, but not by one side alone: a change of ``kode_wilayah`` that takes the
household out of the writer's own scope, or into another kabupaten/kota (the level at which
households are reviewed, ``dtks.review.KABKOTA``), is held as a pending move, flagged
``dtks.review.FLAG_MOVE_PENDING``, until a reviewer whose scope covers the new code confirms
or refuses it. Nothing the client sent is lost: the pending move keeps the value.

>>> needs_confirmation("3204122002", "3204122003", ["3204122002", "3204122003"])
False
>>> needs_confirmation("3204122002", "3204122003", ["3204122002"])
True
>>> needs_confirmation("3204122002", "3205011001", ["32"])
True

A household carries its record of moves (:class:`MoveRecord`, the pull's ``moves``): a
confirmed move into the code it is listed in now makes its ids' regions history
(:func:`settled`, which ``dtks.anomalies`` reads), and a refused one is told to the field
(:func:`refused`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dtks.scope import covers_any, plain

FIELD = "kode_wilayah"
"""The household field whose change is a move."""
KABKOTA_DIGITS = 4
"""A kabupaten/kota is the first four digits of a kode wilayah (province 2 + regency 2)."""

PENDING = "pending"
CONFIRMED = "confirmed"
REFUSED = "refused"
SUPERSEDED = "superseded"
MOVE_STATES = (PENDING, CONFIRMED, REFUSED, SUPERSEDED)
"""A move waits (pending), was confirmed (the household moved) or refused by the receiving
side, or was superseded by a later proposal for the same household (kept, never deleted)."""

CONFIRM = "confirm"
REFUSE = "refuse"
MOVE_DECISIONS = (CONFIRM, REFUSE)
"""What ``POST /review/moves/{id}`` accepts."""

SOURCE_PUSH = "push"
"""A move proposed by a change-set's kode_wilayah change; other sources (a reviewer fixing a
household listed in the wrong wilayah, an import request) name themselves."""

_DECIDED = {CONFIRM: CONFIRMED, REFUSE: REFUSED}


def kabkota_of(kode_wilayah: str) -> str:
    """The kabupaten/kota part of a kode wilayah (plain or dotted).

    >>> kabkota_of("32.04.12.2002")
    '3204'
    """
    return plain(kode_wilayah)[:KABKOTA_DIGITS]


def needs_confirmation(old_kode: str, new_kode: str, writer_scopes: Iterable[str]) -> bool:
    """True when moving a household from old_kode to new_kode needs the receiving side: the
    new code lies outside the writer's scopes, or in another kabupaten/kota."""
    return not covers_any(writer_scopes, new_kode) or kabkota_of(old_kode) != kabkota_of(new_kode)


def state_after(decision: str) -> str:
    """The move's state after a decision on it.

    >>> state_after(CONFIRM), state_after(REFUSE)
    ('confirmed', 'refused')
    """
    try:
        return _DECIDED[decision]
    except KeyError:
        raise ValueError(f"decision {decision!r}: use {' or '.join(MOVE_DECISIONS)}") from None


MAX_HISTORY = 20
"""How many moves of one household travel with it (the newest; superseded ones never)."""


@dataclass(frozen=True)
class MoveRecord:
    """One move of a household as the household carries it: from, to, state and when.

    ``at`` is when it was decided (or proposed, while pending); ``note`` the decision's note
    and ``decided_by`` the reviewer who made it."""

    move_id: int
    from_kode: str
    to_kode: str
    state: str
    at: str | None = None
    note: str | None = None
    decided_by: str | None = None

    def to_json(self) -> dict:
        """The shape of a pulled household's ``moves`` item (docs/cycle.md)."""
        return {
            "move_id": self.move_id,
            "from_kode": self.from_kode,
            "to_kode": self.to_kode,
            "state": self.state,
            "at": self.at,
            "note": self.note,
            "decided_by": self.decided_by,
        }

    @classmethod
    def from_json(cls, data: Mapping) -> MoveRecord:
        """Read a ``moves`` item (unknown keys ignored)."""
        return cls(
            move_id=int(data["move_id"]),
            from_kode=str(data.get("from_kode") or ""),
            to_kode=str(data.get("to_kode") or ""),
            state=str(data.get("state") or PENDING),
            at=data.get("at"),
            note=data.get("note"),
            decided_by=data.get("decided_by"),
        )


def history(records: Iterable[MoveRecord]) -> tuple[MoveRecord, ...]:
    """The moves a household carries: not superseded, the newest MAX_HISTORY, oldest first.

    The server's worklist and the pull both take this selection, so the device, which has
    only what the pull sent, applies the rule to the same moves.

    >>> rs = [MoveRecord(i, "3204122002", "3205011001", SUPERSEDED if i == 2 else REFUSED)
    ...       for i in (3, 1, 2)]
    >>> [r.move_id for r in history(rs)]
    [1, 3]
    """
    kept = sorted((r for r in records if r.state != SUPERSEDED), key=lambda r: r.move_id)
    return tuple(kept[-MAX_HISTORY:])


def settled(records: Iterable[MoveRecord], kode_wilayah) -> bool:
    """True when a reviewer confirmed a move of the household into the code it is listed in
    now: the regions its ids name (the household id's desa, the No KK's kecamatan) are then
    where it came from, not an anomaly.

    >>> moved = [MoveRecord(1, "3204122002", "3205011001", CONFIRMED)]
    >>> settled(moved, "3205011001"), settled(moved, "3205011002"), settled([], "3205011001")
    (True, False, False)
    """
    code = plain(str(kode_wilayah or ""))
    return bool(code) and any(r.state == CONFIRMED and r.to_kode == code for r in history(records))


def refused(records: Iterable[MoveRecord], kode_wilayah) -> MoveRecord | None:
    """The household's latest move when a reviewer refused it and the household is still
    where the move would have taken it from: what the field is told (the family was not
    moved). A later proposal, or a move since, hides it.

    >>> no = MoveRecord(4, "3204122002", "3205011001", REFUSED, note="bukan warga kami")
    >>> refused([no], "3204122002").note, refused([no], "3205011002")
    ('bukan warga kami', None)
    """
    kept = history(records)
    if not kept or kept[-1].state != REFUSED:
        return None
    last = kept[-1]
    return last if last.from_kode == plain(str(kode_wilayah or "")) else None
