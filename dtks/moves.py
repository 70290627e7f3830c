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
"""

from collections.abc import Iterable

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
