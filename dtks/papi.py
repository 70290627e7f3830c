"""PAPI double entry: which questionnaires are verified, and whose keying was wrong.

Sampling for dependent verification is set per round: every Nth questionnaire of each keyer
(``every=2``: the 2nd, 4th, 6th...) or a percentage spread evenly over each keyer's work
(``percent=25``: the 4th, 8th...; 100 takes all). It is deterministic, so the server and a
report agree on which questionnaires a verifier gets.

An error is a field that the verifier (dependent verification: the value the paper holds) or
the adjudication (independent verification: the value picked) found wrong in an entry.

>>> [p for p in range(1, 11) if Sampling(every=2).takes(p)]
[2, 4, 6, 8, 10]
>>> [p for p in range(1, 11) if Sampling(percent=30).takes(p)]
[4, 7, 10]
>>> wrong_entries("entry1"), wrong_entries("value", value="7", entry1="7", entry2="8")
({2}, {2})
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dtks.forms.compare import same
from dtks.review import FLAG_PAPI_DIFFERENCE

__all__ = ["FLAG_PAPI_DIFFERENCE", "Sampling", "check_wrong", "error_rate", "wrong_entries"]

ENTRY_FIRST = 1
ENTRY_SECOND = 2
TAKES = ("entry1", "entry2", "value")
"""What an adjudication choice may take."""


@dataclass(frozen=True)
class Sampling:
    """Which of a keyer's questionnaires (1-based position, in keying order) are verified."""

    every: int | None = None
    percent: float | None = None

    def __post_init__(self):
        if (self.every is None) == (self.percent is None):
            raise ValueError("sampling: give either every (a count) or percent")
        if self.every is not None and not 1 <= self.every <= 10_000:
            raise ValueError(f"sampling: every must be from 1 to 10000, got {self.every}")
        if self.percent is not None and not 0 < self.percent <= 100:
            raise ValueError(
                f"sampling: percent must be above 0 and at most 100, got {self.percent}"
            )

    def takes(self, position: int) -> bool:
        """Whether the keyer's questionnaire at ``position`` (1-based) is verified."""
        if self.every is not None:
            return position % self.every == 0
        share = self.percent / 100
        return math.floor(position * share + 1e-9) > math.floor((position - 1) * share + 1e-9)

    def to_json(self) -> dict:
        """{"every": N} or {"percent": P}."""
        return {"every": self.every} if self.every is not None else {"percent": self.percent}


def wrong_entries(take: str, value=None, entry1=None, entry2=None) -> set[int]:
    """The entries (1, 2) an adjudication choice finds wrong: taking one entry's value makes
    the other wrong; a new value makes wrong each entry that differs from it."""
    if take == "entry1":
        return {ENTRY_SECOND}
    if take == "entry2":
        return {ENTRY_FIRST}
    if take != "value":
        raise ValueError(f"take must be one of {', '.join(TAKES)}, got {take!r}")
    out = set()
    if not same(entry1, value):
        out.add(ENTRY_FIRST)
    if not same(entry2, value):
        out.add(ENTRY_SECOND)
    return out


def check_wrong(entry1, keyed, paper) -> set[int]:
    """The entries a dependent-verification check finds wrong: the first entry when the paper
    holds another value, the verifier's own keying (entry 2) likewise.

    >>> check_wrong("1", "2", "2"), check_wrong("1", "2", "1"), check_wrong("1", "2", "3")
    ({1}, {2}, {1, 2})
    """
    out = set()
    if not same(entry1, paper):
        out.add(ENTRY_FIRST)
    if not same(keyed, paper):
        out.add(ENTRY_SECOND)
    return out


def error_rate(errors: int, verified: int) -> float:
    """Errors per verified field (0.0 when nothing was verified).

    >>> error_rate(3, 120), error_rate(0, 0)
    (0.025, 0.0)
    """
    return errors / verified if verified else 0.0
