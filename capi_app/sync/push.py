"""Push phase: freeze finalized households into change-sets, then send the whole outbox.

A change-set's id and bytes are fixed when built, so every resend (after a cut, a crash or a
lost reply) is the same request and the server applies it once and replays its stored reply.
"""

from __future__ import annotations

from capi_app.store import Store
from capi_app.store.sync_log import HouseholdOutcome
from capi_app.sync.errors import ChangesetReused, Forbidden, Rejected, StateRefused, SyncError
from capi_app.sync.summary import Progress, SyncNote, SyncSummary
from capi_app.sync.transport import Transport
from dtks.model import Assignment, ChangeSetReply, InvalidPayload, Mode

CHANGESET_HOUSEHOLDS = 100
MAX_ROUNDS = 3


def mode_for(role: str | None) -> Mode:
    """PAPI for clerks keying paper forms, CAPI for everyone else."""
    return "PAPI" if role == "clerk" else "CAPI"


def build_outbox(
    store: Store,
    assignments: list[Assignment],
    device_id: str,
    mode: Mode,
    max_households: int = CHANGESET_HOUSEHOLDS,
) -> int:
    """Build change-sets of every finalized, unsent household, per form; return how many."""
    built = 0
    for form_id, form_version in sorted({(a.form_id, a.form_version) for a in assignments}):
        while store.build_changeset(
            device_id, form_id, form_version, mode, max_households=max_households
        ):
            built += 1
    return built


def _tally(summary: SyncSummary, reply: ChangeSetReply) -> None:
    summary.pushed += 1
    for hr in reply.households:
        summary.households_pushed += 1
        summary.outcomes[hr.outcome] = summary.outcomes.get(hr.outcome, 0) + 1
        summary.households.append(
            HouseholdOutcome(
                hr.household_id,
                hr.outcome,
                hr.version,
                tuple(sorted({c.field for c in hr.conflicts})),
                hr.message or "",
                reply.changeset_id,
            )
        )
        if hr.outcome == "rejected":
            summary.note(SyncNote("rejected", hr.household_id, detail=hr.message or ""))
        elif hr.outcome == "conflict":
            fields = tuple(sorted({c.field for c in hr.conflicts}))
            summary.note(SyncNote("conflict", hr.household_id, fields=fields))


def _reply(raw: dict, changeset_id: str) -> ChangeSetReply:
    try:
        reply = ChangeSetReply.from_json(raw)
    except InvalidPayload as e:
        raise SyncError(
            f"the server's reply to change-set {changeset_id} is unreadable: {e}"
        ) from None
    if reply.changeset_id != changeset_id:
        raise SyncError(
            f"the server answered change-set {reply.changeset_id} to change-set {changeset_id}"
        )
    return reply


def send_outbox(
    store: Store, api: Transport, summary: SyncSummary, progress: Progress | None = None
) -> None:
    """POST every pending change-set as its stored bytes and apply each reply."""
    items = store.pending_changesets()
    for done, item in enumerate(items, start=1):
        try:
            raw = api.push(item.payload)
        except Rejected as e:
            # A 4xx wrote nothing on the server: the households go back to unsent, the one
            # named waits for the user's fix with the server's message.
            store.fail_changeset(item.changeset_id, str(e), e.household_id, e.code, e.field)
            summary.failed_changesets += 1
            if e.household_id:
                summary.households.append(
                    HouseholdOutcome(
                        e.household_id,
                        "refused",
                        message=str(e),
                        changeset_id=item.changeset_id,
                        code=str(e.code) if e.code else None,
                        fields=(e.field,) if e.field else (),
                    )
                )
            summary.note(
                SyncNote(
                    "refused",
                    e.household_id,
                    code=e.code,
                    field=e.field,
                    detail=str(e),
                    changeset_id=item.changeset_id,
                )
            )
        except ChangesetReused as e:
            # Kept pending: resending under a new id could apply it twice. Needs an admin.
            summary.reused_changesets += 1
            summary.note(
                SyncNote("reused", code=e.code, detail=str(e), changeset_id=item.changeset_id)
            )
        except StateRefused as e:
            # Another 409 (the household was approved under its permanent id meanwhile):
            # nothing was written; kept pending as it is, the next sync's pull first brings
            # what changed (and renames a replaced household's edits), then sends it again.
            summary.held_changesets += 1
            summary.note(
                SyncNote(
                    "held",
                    e.household_id,
                    code=e.code,
                    field=e.field,
                    detail=str(e),
                    changeset_id=item.changeset_id,
                )
            )
        except Forbidden as e:
            summary.note(SyncNote("forbidden", code=e.code, detail=str(e)))
            return
        else:
            # None: carried in a bundle, it stays pending until its reply comes back.
            if raw is not None:
                reply = _reply(raw, item.changeset_id)
                store.apply_reply(reply)
                _tally(summary, reply)
        if progress:
            progress("push", done, len(items))


def push(
    store: Store,
    api: Transport,
    summary: SyncSummary,
    device_id: str,
    role: str | None,
    progress: Progress | None = None,
) -> None:
    """Build the outbox from finalized households, then send it.

    A change-set refused whole puts its good households back as unsent: they are rebuilt
    (without the refused one) and sent in the same sync, so one bad household does not hold
    up a hundred others until the next sync."""
    for _ in range(MAX_ROUNDS):
        failed = summary.failed_changesets
        build_outbox(store, store.assignments(), device_id, mode_for(role))
        send_outbox(store, api, summary, progress)
        if summary.failed_changesets == failed:
            return
