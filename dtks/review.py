"""The review vocabulary, stated once: household states, flag kinds, decisions, levels, and
the transition table (state, decision, level) -> state. Server, client windows and store
import these names instead of writing the strings.

A household on the server is in one state:

- ``open``: in the field, nothing for a reviewer to do;
- ``needs_review``: a flag that holds review is open (a conflict, a second verification, a
  proposal, a household fixed and sent again, one returned by a level above with a note);
- ``returned``: sent back to the enumerator with a note;
- ``approved``: approved by the kabupaten/kota reviewer (Dinas Sosial);
- ``submitted``: in a submission (pengajuan) on its way up the chain;
- ``established``: established (penetapan) by the last level: the data of record.

A flag is a row that names a kind. Each kind says, in ``FLAG_KINDS`` below, whether it holds
the household in ``needs_review``, whether it blocks an approval, and whether bulk approval
may take a household that has it open. **To add a flag kind** (an anomaly, ``late``,
``integrity``, a PAPI difference, a pending move), add its name constant and one
``FlagKind`` line to ``FLAG_KINDS``; every rule below reads that table. A kind missing from
the table is treated as information that bulk approval must not take (``flag_kind``).

>>> holds_review({FLAG_PARALLEL_EDIT, FLAG_NEEDS_REVIEW}), holds_review({FLAG_CONFLICT})
(False, True)
>>> sorted(blocking({FLAG_CONFLICT, FLAG_NEW_HOUSEHOLD}))
['conflict']
>>> bulk_may_take(NEEDS_REVIEW, {FLAG_PARALLEL_EDIT}), bulk_may_take(OPEN, {FLAG_RESUBMITTED})
(True, False)
>>> household_step(NEEDS_REVIEW, APPROVE, KABKOTA)
'approved'
>>> household_step(SUBMITTED, RETURN, PROVINSI)
'needs_review'
>>> household_step(SUBMITTED, RETURN, KEMENSOS)
'submitted'
>>> submission_step(DRAFT, SUBMIT, KABKOTA)
('submitted', 'provinsi')
>>> level_of_scope("3204"), level_of_scope("32"), level_of_scope("")
('kabkota', 'provinsi', 'kemensos')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# --- household states --------------------------------------------------------------------

OPEN = "open"
NEEDS_REVIEW = "needs_review"
RETURNED = "returned"
APPROVED = "approved"
SUBMITTED = "submitted"
ESTABLISHED = "established"
STATES = (OPEN, NEEDS_REVIEW, RETURNED, APPROVED, SUBMITTED, ESTABLISHED)

SHOWN_TO_FIELD = frozenset({NEEDS_REVIEW, RETURNED, APPROVED, SUBMITTED, ESTABLISHED})
"""States a pulled household carries as its ``review`` (with any note, whatever the state)."""
DONE_FOR_FIELD = frozenset({APPROVED, SUBMITTED, ESTABLISHED})
"""States in which the enumerator's work on the household is accepted."""
REOPENED_BY_FIELD_CHANGE = frozenset({RETURNED, APPROVED, SUBMITTED, ESTABLISHED})
"""States in which a change from the field raises ``resubmitted`` and needs review again (a
submission keeps the content it was made with; the change waits for kabkota's review)."""
PASSED_FIRST_LEVEL = frozenset({APPROVED, SUBMITTED, ESTABLISHED})
"""States counted as approved by the kabupaten/kota (exports, BNBA, recaps)."""

# --- decisions ---------------------------------------------------------------------------

RESOLVE = "resolve"
APPROVE = "approve"
RETURN = "return"
HOUSEHOLD_DECISIONS = (RESOLVE, APPROVE, RETURN)
"""What ``POST /review/households/{id}`` accepts."""

SUBMIT = "submit"
FORWARD = "forward"
ESTABLISH = "establish"
WITHDRAW = "withdraw"
SUBMISSION_DECISIONS = (SUBMIT, FORWARD, RETURN, ESTABLISH, WITHDRAW)
"""What ``POST /submissions/{id}`` accepts."""
CREATE = "create"
"""The first event of a submission's history (``POST /submissions``)."""

# --- levels and the chain ----------------------------------------------------------------

KABKOTA = "kabkota"
PROVINSI = "provinsi"
KEMENSOS = "kemensos"
LEVELS = (KABKOTA, PROVINSI, KEMENSOS)
"""Every level, lowest first."""
DEFAULT_CHAIN = LEVELS
"""The chain a server runs unless configured otherwise."""


class InvalidChain(ValueError):
    """A configured chain that cannot work (unknown level, wrong order, too short)."""


class IllegalStep(ValueError):
    """A decision that the state and level do not allow."""

    def __init__(self, state: str, decision: str, level: str):
        self.state, self.decision, self.level = state, decision, level
        super().__init__(f"{decision} is not possible at {level} while {state}")


def parse_chain(text: str | Iterable[str]) -> tuple[str, ...]:
    """The chain from 'kabkota,provinsi,kemensos' (or a list): known levels, lowest first.

    >>> parse_chain("kabkota, kemensos")
    ('kabkota', 'kemensos')
    >>> parse_chain("provinsi,kemensos")
    Traceback (most recent call last):
    ...
    dtks.review.InvalidChain: the chain must start at kabkota (the household review), not provinsi
    """
    parts = text.split(",") if isinstance(text, str) else list(text)
    chain = tuple(p.strip() for p in parts if p.strip())
    unknown = [p for p in chain if p not in LEVELS]
    if unknown:
        raise InvalidChain(f"unknown level {unknown[0]!r}: use {', '.join(LEVELS)}")
    if len(chain) < 2:
        raise InvalidChain(
            "the chain needs at least two levels (kabkota and the one that establishes)"
        )
    if chain[0] != KABKOTA:
        raise InvalidChain(
            f"the chain must start at {KABKOTA} (the household review), not {chain[0]}"
        )
    if list(chain) != sorted(set(chain), key=LEVELS.index):
        raise InvalidChain("each level once, lowest first: " + ",".join(LEVELS))
    return chain


def level_of_scope(scope: str) -> str:
    """A reviewer's level from a plain scope: '' national (kemensos), 2 digits provinsi, else kabkota."""
    if not scope:
        return KEMENSOS
    return PROVINSI if len(scope) == 2 else KABKOTA


def level_above(level: str, chain: tuple[str, ...] = DEFAULT_CHAIN) -> str | None:
    """The next level up the chain, None at the top.

    >>> level_above(KABKOTA, (KABKOTA, KEMENSOS))
    'kemensos'
    """
    i = chain.index(level)
    return chain[i + 1] if i + 1 < len(chain) else None


def level_below(level: str, chain: tuple[str, ...] = DEFAULT_CHAIN) -> str | None:
    """The next level down the chain, None at kabkota."""
    i = chain.index(level)
    return chain[i - 1] if i > 0 else None


# --- flag kinds --------------------------------------------------------------------------

FLAG_CONFLICT = "conflict"
FLAG_NEEDS_REVIEW = "needs_review"
FLAG_PARALLEL_EDIT = "parallel_edit"
FLAG_DUPLICATE_VERIFICATION = "duplicate_verification"
FLAG_NEW_HOUSEHOLD = "new_household"
FLAG_RESUBMITTED = "resubmitted"
FLAG_MEMBER_REMOVED = "member_removed"
FLAG_VALIDATION_WARNING = "validation_warning"
FLAG_ELIGIBILITY_CHANGED = "eligibility_changed"
FLAG_RETURNED_FROM_ABOVE = "returned_from_above"
FLAG_LATE = "late"
FLAG_MOVE_PENDING = "move_pending"
"""A change of kode_wilayah waits for a reviewer of the new wilayah (dtks.moves)."""
FLAG_ANOMALY = "anomaly"
FLAG_PAPI_DIFFERENCE = "papi_difference"
FLAG_INTEGRITY = "integrity"
"""A sign that the visit may not have happened in the field (dtks.integrity), with evidence;
information for the reviewer: it never holds, blocks or moves a household by itself."""


@dataclass(frozen=True)
class FlagKind:
    """What an open flag of this kind means for review and approval."""

    name: str
    holds_review: bool
    """Keeps the household in needs_review until cleared."""
    blocks_approval: bool
    """An approval is refused while it is open."""
    bulk_ok: bool
    """Bulk approval may take a household with it open."""
    quiet: bool = False
    """Only restates the state: not shown as a chip."""
    meaning: str = ""


FLAG_KINDS: Mapping[str, FlagKind] = {
    k.name: k
    for k in (
        # name, holds review, blocks approval, bulk may take, quiet, meaning
        FlagKind(FLAG_CONFLICT, True, True, False, False, "a hard conflict waits for a reviewer"),
        FlagKind(FLAG_NEEDS_REVIEW, False, False, False, True, "a marker beside those that hold"),
        FlagKind(FLAG_PARALLEL_EDIT, False, False, True, False, "merged beside others' edits"),
        FlagKind(FLAG_DUPLICATE_VERIFICATION, True, False, False, False, "two verifications"),
        FlagKind(FLAG_NEW_HOUSEHOLD, True, False, False, False, "a proposal (usulan baru)"),
        FlagKind(FLAG_RESUBMITTED, True, False, False, False, "changed after a decision"),
        FlagKind(FLAG_MEMBER_REMOVED, False, False, False, False, "a member left or died"),
        FlagKind(FLAG_VALIDATION_WARNING, False, False, False, False, "a value looks wrong"),
        FlagKind(FLAG_ELIGIBILITY_CHANGED, False, False, False, False, "layak changed"),
        FlagKind(FLAG_RETURNED_FROM_ABOVE, True, False, False, False, "a level above sent it back"),
        FlagKind(FLAG_LATE, False, False, True, False, "arrived after its window (dtks.cycle)"),
        FlagKind(FLAG_MOVE_PENDING, True, True, False, False, "a move waits for the new side"),
        FlagKind(FLAG_ANOMALY, False, False, False, False, "on the anomaly worklist"),
        FlagKind(FLAG_PAPI_DIFFERENCE, True, True, False, False, "two PAPI entries differ"),
        FlagKind(FLAG_INTEGRITY, False, False, False, False, "a visit-integrity sign (evidence)"),
    )
}
"""Every flag kind there is. Add a kind here and nowhere else."""


def flag_kind(name: str) -> FlagKind:
    """The kind of a flag; an unknown name is information that bulk approval does not take.

    >>> flag_kind("nik_invalid").bulk_ok
    False
    """
    return FLAG_KINDS.get(name) or FlagKind(name, False, False, False)


def holds_review(open_flags: Iterable[str]) -> bool:
    """True when an open flag keeps the household in needs_review."""
    return any(flag_kind(f).holds_review for f in open_flags)


def blocking(open_flags: Iterable[str]) -> set[str]:
    """The open flags that refuse an approval."""
    return {f for f in open_flags if flag_kind(f).blocks_approval}


def shown(flags: Iterable[str]) -> tuple[str, ...]:
    """The flags worth showing a reviewer (quiet ones left out), in their order."""
    return tuple(f for f in flags if not flag_kind(f).quiet)


def state_after_resolve(open_flags: Iterable[str]) -> str:
    """Where a household goes once its conflicts are settled: needs_review while a flag holds it."""
    return NEEDS_REVIEW if holds_review(open_flags) else OPEN


BULK_FROM = frozenset({OPEN, NEEDS_REVIEW})
"""States bulk approval takes households from (returned and later ones are left alone)."""


def bulk_may_take(state: str, open_flags: Iterable[str], proposed: bool = False) -> bool:
    """What bulk approval may take: a household in BULK_FROM, not a proposal, every flag bulk_ok."""
    if state not in BULK_FROM or proposed:
        return False
    return all(flag_kind(f).bulk_ok for f in open_flags)


# --- the transition table ----------------------------------------------------------------

_FIRST, _MIDDLE, _LAST = "first", "middle", "last"
_REVIEWABLE = (OPEN, NEEDS_REVIEW, RETURNED, APPROVED)

_HOUSEHOLD_RULES = (
    # (states, decision, where in the chain the deciding level is, new state)
    (_REVIEWABLE, APPROVE, _FIRST, APPROVED),
    (_REVIEWABLE, RETURN, _FIRST, RETURNED),
    (_REVIEWABLE, RESOLVE, _FIRST, NEEDS_REVIEW),  # then state_after_resolve(open flags)
    ((APPROVED,), SUBMIT, _FIRST, SUBMITTED),
    ((APPROVED,), WITHDRAW, _FIRST, APPROVED),
    ((SUBMITTED,), FORWARD, _MIDDLE, SUBMITTED),
    ((SUBMITTED,), RETURN, "above_first", NEEDS_REVIEW),  # back in the kabkota queue
    ((SUBMITTED,), RETURN, "above_middle", SUBMITTED),  # still up the chain, one level down
    ((SUBMITTED,), ESTABLISH, _LAST, ESTABLISHED),
)

DRAFT = "draft"
WITHDRAWN = "withdrawn"
SUBMISSION_STATES = (DRAFT, SUBMITTED, RETURNED, ESTABLISHED, WITHDRAWN)
"""A submission: draft at kabkota, submitted (waiting at its level), returned (one level
down, with the note), established, or withdrawn (a draft given up)."""

_SUBMISSION_RULES = (
    # (states, decision, where, new state, move: +1 up, -1 down, 0 stays)
    ((DRAFT,), SUBMIT, _FIRST, SUBMITTED, 1),
    ((DRAFT,), WITHDRAW, _FIRST, WITHDRAWN, 0),
    ((SUBMITTED, RETURNED), FORWARD, _MIDDLE, SUBMITTED, 1),
    ((SUBMITTED, RETURNED), RETURN, "above_first", RETURNED, -1),
    ((SUBMITTED,), RETURN, "above_middle", RETURNED, -1),
    ((SUBMITTED,), ESTABLISH, _LAST, ESTABLISHED, 0),
)


def _places(level: str, chain: tuple[str, ...]) -> set[str]:
    """Where a level sits: first, middle or last, and above_first / above_middle."""
    i = chain.index(level)
    out = {_FIRST} if i == 0 else {_LAST} if i == len(chain) - 1 else {_MIDDLE}
    if i == 1:
        out.add("above_first")
    elif i > 1:
        out.add("above_middle")
    return out


def household_transitions(chain: tuple[str, ...] = DEFAULT_CHAIN) -> dict[tuple, str]:
    """The household table {(state, decision, level): new state} for a chain."""
    return {
        (state, decision, level): new
        for level in chain
        for states, decision, where, new in _HOUSEHOLD_RULES
        if where in _places(level, chain)
        for state in states
    }


def submission_transitions(chain: tuple[str, ...] = DEFAULT_CHAIN) -> dict[tuple, tuple[str, str]]:
    """The submission table {(state, decision, level): (new state, new level)} for a chain."""
    out = {}
    for level in chain:
        places, i = _places(level, chain), chain.index(level)
        for states, decision, where, new, move in _SUBMISSION_RULES:
            if where in places:
                out.update({(s, decision, level): (new, chain[i + move]) for s in states})
    return out


HOUSEHOLD_TRANSITIONS = household_transitions()
SUBMISSION_TRANSITIONS = submission_transitions()


def household_step(
    state: str, decision: str, level: str, chain: tuple[str, ...] = DEFAULT_CHAIN
) -> str:
    """The household's state after a decision at a level, or IllegalStep."""
    table = HOUSEHOLD_TRANSITIONS if chain == DEFAULT_CHAIN else household_transitions(chain)
    try:
        return table[(state, decision, level)]
    except KeyError:
        raise IllegalStep(state, decision, level) from None


def submission_step(
    state: str, decision: str, level: str, chain: tuple[str, ...] = DEFAULT_CHAIN
) -> tuple[str, str]:
    """A submission's (state, level) after a decision taken at its level, or IllegalStep.

    >>> submission_step(SUBMITTED, RETURN, PROVINSI)
    ('returned', 'kabkota')
    >>> submission_step(SUBMITTED, ESTABLISH, PROVINSI)
    Traceback (most recent call last):
    ...
    dtks.review.IllegalStep: establish is not possible at provinsi while submitted
    """
    table = SUBMISSION_TRANSITIONS if chain == DEFAULT_CHAIN else submission_transitions(chain)
    try:
        return table[(state, decision, level)]
    except KeyError:
        raise IllegalStep(state, decision, level) from None
