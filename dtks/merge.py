"""The merge rule: how the server applies a client's change to a household. Stated once, here.

Every household has a ``version`` that grows by one with each change the server applies.
A client edits offline from the version it pulled and sends, per field, the value it saw
(``base``) and the value it wants (``value``). For each field the server

- does nothing if its value already equals ``value`` (converged: never a conflict);
- takes ``value`` if its value still equals ``base`` (applied);
- otherwise keeps its own value and records a conflict holding base, server and client
  values, and flags the household for review (a hard conflict). Nothing the client sent
  is lost: it is applied, already there, or waiting in a conflict record.

Outcome per household: ``conflict`` if any field conflicted; else ``merged`` if the
household moved past the client's ``base_version`` and the client's edits were applied
beside those others (a soft conflict, flagged for information only); else ``applied``.

Members merge field by field the same way. An added member keeps the client's id. A
removal is a status with a reason and date, never a delete; removing a member someone
changed since ``base_version``, or editing a member someone removed, is a conflict. A
deleted household takes no changes: whatever would apply is a conflict. A second
verification of a household in the same round from another device, collector or mode is
kept beside the first and the household flagged ``duplicate_verification``, unless the two
are the first and second entry of one paper questionnaire (PAPI double entry).

Values compare as JSON values: numbers by value (``1 == 1.0``), ``true`` is not ``1``,
``null`` is not ``""``, strings exactly (no trimming, case folding or Unicode
normalization), and an absent field equals ``null``.

>>> from dtks.model import FieldChange
>>> merge_field("Jl. Mawar 3", FieldChange(base="Jl. Mawar 3", value="Jl. Mawar 5"))
'applied'
>>> merge_field("Jl. Mawar 5", FieldChange(base="Jl. Mawar 3", value="Jl. Mawar 5"))
'converged'
>>> merge_field("Jl. Mawar 4", FieldChange(base="Jl. Mawar 3", value="Jl. Mawar 5"))
'conflict'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from dtks.model import (
    ChangeSet,
    ConflictRecord,
    FieldChange,
    Household,
    HouseholdChange,
    HouseholdReply,
    HouseholdState,
    JsonScalar,
    Member,
    MemberChange,
    Mode,
    Verification,
    VerificationRecord,
)
from dtks.review import (
    FLAG_CONFLICT,
    FLAG_DUPLICATE_VERIFICATION,
    FLAG_NEEDS_REVIEW,
    FLAG_PARALLEL_EDIT,
)

# Pseudo-fields in conflict records and applied changes; "@" cannot start a real field name.
STATUS_FIELD = "@status"
REASON_FIELD = "@removal_reason"
DATE_FIELD = "@removal_date"
DELETED_FIELD = "@deleted"

FieldOutcome = Literal["applied", "converged", "conflict"]
MergeOutcome = Literal["applied", "merged", "conflict"]


class InvalidChange(ValueError):
    """A change that cannot be merged at all (unknown household or member, impossible base)."""

    def __init__(self, household_id: str, problem: str, member_id: str | None = None):
        self.household_id = household_id
        self.member_id = member_id
        self.problem = problem
        where = f"household {household_id}" + (f", member {member_id}" if member_id else "")
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Source:
    """Where a change comes from; the server passes the round and the collecting user."""

    changeset_id: str
    device_id: str
    round: str
    mode: Mode = "CAPI"
    collector: str | None = None

    @classmethod
    def of(cls, changeset: ChangeSet, round: str, collector: str | None = None) -> Source:
        """The source of every household change in ``changeset``."""
        return cls(changeset.changeset_id, changeset.device_id, round, changeset.mode, collector)


@dataclass(frozen=True)
class AppliedChange:
    """One value the merge wrote: a line of the audit log (who and when come from the server)."""

    field: str
    member_id: str | None
    old: JsonScalar
    new: JsonScalar


@dataclass(frozen=True)
class MergeResult:
    """The state to store and what to tell the client and the audit log."""

    state: HouseholdState
    outcome: MergeOutcome
    applied: list[AppliedChange] = field(default_factory=list)
    conflicts: list[ConflictRecord] = field(default_factory=list)
    flags: frozenset[str] = frozenset()  # raised by this change; state.flags holds all
    message: str | None = None

    def reply(self) -> HouseholdReply:
        """This household's entry of the change-set reply."""
        household = self.state.household
        return HouseholdReply(
            household.household_id,
            self.outcome,
            household.version,
            list(self.conflicts),
            self.message,
        )


def values_equal(a: JsonScalar, b: JsonScalar) -> bool:
    """Whether two JSON scalars are the same value: ``1 == 1.0``, ``True != 1``, ``None != ""``."""
    return _kind(a) == _kind(b) and a == b


def _kind(value: JsonScalar) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    return "number" if isinstance(value, int | float) else "string"


def merge_field(server: JsonScalar, change: FieldChange) -> FieldOutcome:
    """Classify one field change against the server's value: applied, converged or conflict."""
    if values_equal(server, change.value):
        return "converged"
    if values_equal(server, change.base):
        return "applied"
    return "conflict"


@dataclass
class _Merged:
    """Values after merging some field changes, with what was applied and what collided."""

    values: dict[str, JsonScalar]
    applied: list[AppliedChange]
    conflicts: list[ConflictRecord]


def _merge_values(
    server: Mapping[str, JsonScalar],
    changes: Mapping[str, FieldChange],
    *,
    locked: bool,
    member_id: str | None = None,
) -> _Merged:
    """Merge field changes into ``server``; when ``locked`` whatever would apply conflicts."""
    merged = _Merged(dict(server), [], [])
    for name, change in changes.items():
        old = server.get(name)
        outcome = merge_field(old, change)
        if outcome == "applied" and not locked:
            merged.values[name] = change.value
            merged.applied.append(AppliedChange(name, member_id, old, change.value))
        elif outcome != "converged":
            merged.conflicts.append(ConflictRecord(name, change.base, old, change.value, member_id))
    return merged


# --- members ---------------------------------------------------------------------------


def _from_nothing(values: Mapping[str, JsonScalar]) -> dict[str, FieldChange]:
    """Values of something new, as changes from a base where nothing was set."""
    return {name: FieldChange(None, value) for name, value in values.items()}


def _removal(member: Member) -> dict[str, JsonScalar]:
    date = member.removal_date.isoformat() if member.removal_date else None
    return {STATUS_FIELD: member.status, REASON_FIELD: member.removal_reason, DATE_FIELD: date}


def _with_removal(member: Member, values: Mapping[str, JsonScalar]) -> Member:
    date = values[DATE_FIELD]
    return replace(
        member,
        status=values[STATUS_FIELD],
        removal_reason=values[REASON_FIELD],
        removal_date=None if date is None else dt.date.fromisoformat(date),
    )


def _add_member(
    current: Member | None, op: MemberChange, locked: bool
) -> tuple[Member | None, _Merged]:
    """Add a member under the client's id; an id that exists already merges as edits."""
    if current is not None:  # a replay, or the same client id sent twice
        return _edit_member(current, _from_nothing(op.values), locked)
    changes = {STATUS_FIELD: FieldChange(None, "active"), **_from_nothing(op.values)}
    if locked:
        # Even nulls are recorded: the reviewer must be able to create the member as sent.
        conflicts = [
            ConflictRecord(name, None, None, c.value, op.member_id) for name, c in changes.items()
        ]
        return None, _Merged({}, [], conflicts)
    merged = _merge_values({}, changes, locked=False, member_id=op.member_id)
    return Member(op.member_id, "active", dict(op.values)), merged


def _edit_member(
    current: Member, changes: Mapping[str, FieldChange], locked: bool
) -> tuple[Member | None, _Merged]:
    """Edit a member's values; a removed member takes no edits (remove vs edit)."""
    removed = current.status == "removed"
    merged = _merge_values(
        current.values, changes, locked=locked or removed, member_id=current.member_id
    )
    if merged.conflicts and removed:
        # The status row tells the reviewer why the client's edits were not applied.
        merged.conflicts.insert(
            0, ConflictRecord(STATUS_FIELD, "active", "removed", "active", current.member_id)
        )
    return (replace(current, values=merged.values) if merged.applied else None), merged


def _remove_member(
    current: Member, op: MemberChange, base_version: int, locked: bool
) -> tuple[Member | None, _Merged]:
    """Mark a member removed with reason and date; conflicts if someone changed it since base."""
    changed_since = current.status == "active" and current.version > base_version
    changes = {
        STATUS_FIELD: FieldChange("active", "removed"),
        REASON_FIELD: FieldChange(None, op.reason),
    }
    if op.date is not None:
        changes[DATE_FIELD] = FieldChange(None, op.date.isoformat())
    merged = _merge_values(
        _removal(current), changes, locked=locked or changed_since, member_id=op.member_id
    )
    return (_with_removal(current, merged.values) if merged.applied else None), merged


def _merge_member(
    household: Household, op: MemberChange, base_version: int, locked: bool
) -> tuple[Member | None, _Merged]:
    current = household.member(op.member_id)
    if op.op == "add":
        return _add_member(current, op, locked)
    if current is None:
        raise InvalidChange(household.household_id, f"no member to {op.op}", op.member_id)
    if op.op == "change":
        return _edit_member(current, op.fields, locked)
    return _remove_member(current, op, base_version, locked)


def _merge_members(
    household: Household, change: HouseholdChange, locked: bool
) -> tuple[dict[str, Member], _Merged]:
    """Merge every member op; returns the members that changed, by id, and the tally."""
    touched: dict[str, Member] = {}
    tally = _Merged({}, [], [])
    for op in change.members:
        member, merged = _merge_member(household, op, change.base_version, locked)
        if member is not None:
            touched[op.member_id] = member
        tally.applied += merged.applied
        tally.conflicts += merged.conflicts
    return touched, tally


def _member_list(household: Household, touched: Mapping[str, Member], version: int) -> list[Member]:
    """Existing members in their order, then new ones; changed ones stamped with ``version``."""
    known = {m.member_id for m in household.members}
    members = [touched.get(m.member_id, m) for m in household.members]
    members += [m for member_id, m in touched.items() if member_id not in known]
    return [replace(m, version=version) if m.member_id in touched else m for m in members]


# --- verifications ---------------------------------------------------------------------


def _origin(record: VerificationRecord | Source) -> tuple:
    return (record.device_id, record.collector, record.mode)


def _double_entry(a: Verification, b: Verification) -> bool:
    """Whether two verifications are the first and second keying of one paper questionnaire."""
    return bool(a.papi and b.papi and {a.papi.entry, b.papi.entry} == {1, 2})


def _add_verification(
    records: list[VerificationRecord], verification: Verification | None, source: Source
) -> tuple[list[VerificationRecord], frozenset[str]]:
    """Keep a verification; another one in the same round from elsewhere flags a duplicate."""
    if verification is None or any(r.changeset_id == source.changeset_id for r in records):
        return records, frozenset()
    record = VerificationRecord(
        verification,
        source.changeset_id,
        source.device_id,
        source.round,
        source.mode,
        source.collector,
    )
    # The same device and collector sending again is a revision (say draft, then final);
    # the other entry of a PAPI double entry is its verification, not a duplicate.
    duplicate = any(
        r.round == source.round
        and _origin(r) != _origin(source)
        and not _double_entry(r.verification, verification)
        for r in records
    )
    flags = (
        frozenset({FLAG_DUPLICATE_VERIFICATION, FLAG_NEEDS_REVIEW}) if duplicate else frozenset()
    )
    return [*records, record], flags


# --- households ------------------------------------------------------------------------


def _field_changes(change: HouseholdChange) -> Mapping[str, FieldChange]:
    return _from_nothing(change.values) if change.new else change.fields


def _check(household: Household, change: HouseholdChange) -> None:
    if change.household_id != household.household_id:
        raise InvalidChange(change.household_id, f"merged into household {household.household_id}")
    if change.base_version > household.version:
        raise InvalidChange(
            change.household_id,
            f"base_version {change.base_version} is ahead of the server's version {household.version}",
        )


def _outcome(
    household: Household, change: HouseholdChange, merged: _Merged
) -> tuple[MergeOutcome, frozenset[str]]:
    # The soft flag does not depend on a conflict elsewhere, so merge order cannot change flags.
    parallel = bool(merged.applied) and household.version > change.base_version
    flags = frozenset({FLAG_PARALLEL_EDIT}) if parallel else frozenset()
    if merged.conflicts:
        return "conflict", flags | {FLAG_CONFLICT, FLAG_NEEDS_REVIEW}
    return ("merged" if parallel else "applied"), flags


def _message(
    outcome: MergeOutcome, merged: _Merged, flags: frozenset[str], since: int
) -> str | None:
    parts = []
    if outcome == "conflict":
        names = [
            c.field if c.member_id is None else f"member {c.member_id} {c.field}"
            for c in merged.conflicts
        ]
        parts.append(f"conflict on {', '.join(names)}: server values kept, yours wait for review")
    elif outcome == "merged":
        parts.append(f"merged with other changes made since version {since}")
    if FLAG_DUPLICATE_VERIFICATION in flags:
        parts.append(
            "another verification of this household exists for this round; both kept for review"
        )
    return "; ".join(parts) or None


def merge_household(
    current: HouseholdState | None, change: HouseholdChange, source: Source
) -> MergeResult:
    """Apply one household's change to the server's state by the merge rule; pure.

    ``current`` is None for a household the server does not have; only a new household
    (``change.new``) may then be merged. Raises :class:`InvalidChange` for a change that
    names an unknown household or member, or a ``base_version`` the server never had.
    """
    created = current is None
    if current is None:
        if not change.new:
            raise InvalidChange(change.household_id, "unknown household (not sent as new)")
        current = HouseholdState(Household(change.household_id, version=0))
    household = current.household
    _check(household, change)

    locked = household.deleted
    merged = _merge_values(household.values, _field_changes(change), locked=locked)
    touched, members = _merge_members(household, change, locked)
    merged.applied += members.applied
    merged.conflicts += members.conflicts
    if locked and merged.conflicts:
        merged.conflicts.insert(0, ConflictRecord(DELETED_FIELD, False, True, False))

    version = household.version + 1 if merged.applied or created else household.version
    new_household = replace(
        household,
        version=version,
        values=merged.values,
        members=_member_list(household, touched, version),
    )
    verifications, verification_flags = _add_verification(
        current.verifications, change.verification, source
    )
    outcome, flags = _outcome(household, change, merged)
    flags |= verification_flags
    state = HouseholdState(new_household, verifications, current.flags | flags)
    message = _message(outcome, merged, flags, change.base_version)
    return MergeResult(state, outcome, merged.applied, merged.conflicts, flags, message)
