"""PAPI double entry on the server: compare the two entries, adjudicate, count keyer errors.

A PAPI verification carries a ``papi`` block (batch, questionnaire number, entry 1 or 2, the
clerk). Entry 1 is merged like any push. Entry 2 is a re-keying: its pre-list changes are
never merged; it is kept beside entry 1 and compared with it by ``dtks.forms.compare``:

- dependent verification (the verifier met each mismatch while keying and said what the
  paper holds): the differences are recorded as resolved and entry 2's values are written
  (household, members, and entry 1's answers, which stay the verification of record);
- independent verification: the differences wait, the household flagged papi_difference,
  until a supervisor picks entry 1, entry 2 or a new value (``adjudicate``).

Both keyings stay in the verifications table; what each entry held at a difference stays in
papi_differences (and a dependent entry's checks in its papi block), so keyer error rates
are computed from them (``keyer_stats``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from sqlalchemy import Connection, Engine, and_, delete, insert, select, update

from dtks import review
from dtks.forms.compare import Entry, compare, keyed_fields, set_answer
from dtks.model import FieldChange, HouseholdChange, MemberChange
from dtks.papi import (
    ENTRY_FIRST,
    ENTRY_SECOND,
    FLAG_PAPI_DIFFERENCE,
    TAKES,
    Sampling,
    check_wrong,
    error_rate,
    wrong_entries,
)
from dtks.prelist import HOUSEHOLD_COLUMNS, MEMBER_COLUMNS, InvalidValue, parse_value
from sync_server import clock
from sync_server.db import jsontext
from sync_server.db.engine import Sequence, write_transaction
from sync_server.db.tables import (
    flags,
    households,
    members,
    papi_differences,
    papi_sampling,
    verifications,
)
from sync_server.errors import Forbidden, InvalidContent, NotFound, ScopeViolation
from sync_server.roles import can
from sync_server.scopes import covers, normalise_scope
from sync_server.services import rounds
from sync_server.services.access import household_row
from sync_server.services.form_check import form_for
from sync_server.services.review import DecisionContext, open_flags, set_value
from sync_server.services.users import User

MEMBER_ID_COLUMN = "member_id"


# --- pushing ----------------------------------------------------------------------------


def merged_part(change: HouseholdChange) -> HouseholdChange:
    """What of a household change the merge applies: a second entry's pre-list changes are a
    re-keying, compared with the first entry instead of merged."""
    v = change.verification
    if v is None or v.papi is None or v.papi.entry != ENTRY_SECOND:
        return change
    return replace(change, fields={}, members=[])


def papi_columns(verification: dict, change: HouseholdChange) -> dict:
    """The verifications row's papi columns: the block, with the entry's pre-list changes
    (kept for the comparison), its batch and entry."""
    block = verification.get("papi")
    if not block:
        return {"papi": None, "papi_batch": None, "papi_entry": None}
    changes = {
        "fields": {k: c.to_json() for k, c in change.fields.items()},
        "members": [m.to_json() for m in change.members],
    }
    return {
        "papi": jsontext.dumps({**block, "changes": changes}),
        "papi_batch": block["batch"],
        "papi_entry": block["entry"],
    }


def compare_pushed(conn, changeset, user: User, forms_dir, seq: Sequence, now: str) -> None:
    """After a PAPI push is written: compare each household whose two entries are now in."""
    if changeset.mode != "PAPI":
        return
    for change in changeset.households:
        v = change.verification
        if v is None or v.papi is None or v.status != "finalized":
            continue
        entries = _entries(conn, change.household_id)
        pair = _latest_pair(entries, changeset.changeset_id)
        if pair is not None:
            _compare_pair(conn, user, forms_dir, seq, now, *pair)


def _entries(conn: Connection, household_id: str) -> list:
    return conn.execute(
        select(verifications)
        .where(
            verifications.c.household_id == household_id,
            verifications.c.papi_entry.is_not(None),
            verifications.c.status == "finalized",
        )
        .order_by(verifications.c.id)
    ).all()


def _latest_pair(rows: list, changeset_id: str):
    """(entry 1 row, entry 2 row) of the round of the pushed entry, when both exist."""
    pushed = next((r for r in rows if r.changeset_id == changeset_id), None)
    if pushed is None:
        return None
    same_round = [r for r in rows if r.round == pushed.round]
    first = [r for r in same_round if r.papi_entry == ENTRY_FIRST]
    second = [r for r in same_round if r.papi_entry == ENTRY_SECOND]
    return (first[-1], second[-1]) if first and second else None


def _entry(row) -> Entry:
    block = jsontext.loads(row.papi) or {}
    changes = block.get("changes") or {}
    fields = {k: FieldChange.from_json(c) for k, c in (changes.get("fields") or {}).items()}
    ops = [MemberChange.from_json(m) for m in changes.get("members") or []]
    return Entry(jsontext.loads(row.answers), fields, ops)


def _compare_pair(conn, user, forms_dir, seq, now, first, second) -> None:
    form = form_for(forms_dir, first.form_id, first.form_version)
    if form is None:
        return
    block1, block2 = jsontext.loads(first.papi), jsontext.loads(second.papi)
    verify = block2.get("verify") or "independent"
    hid = first.household_id
    conn.execute(
        delete(papi_differences).where(
            papi_differences.c.household_id == hid,
            papi_differences.c.round == first.round,
            papi_differences.c.resolved_at.is_(None),
        )
    )
    found = compare(form, _entry(first), _entry(second))
    rows = [
        {
            "household_id": hid,
            "round": first.round,
            "batch": block1["batch"],
            "member_id": d.member_id,
            "field": d.field,
            "entry1": jsontext.dumps(d.entry1),
            "entry2": jsontext.dumps(d.entry2),
            "keyed_by1": block1["keyed_by"],
            "keyed_by2": block2["keyed_by"],
            "verify": verify,
            "created_at": now,
            **(
                {
                    "resolved_by": user.id,
                    "resolved_at": now,
                    "take": "entry2",
                    "value": jsontext.dumps(d.entry2),
                }
                if verify == "dependent"
                else {}
            ),
        }
        for d in found
    ]
    if rows:
        conn.execute(insert(papi_differences), rows)
    if verify == "dependent":
        ctx = DecisionContext(conn, user, household_row(conn, hid), now, None)
        _write_values(ctx, form, first, {d.key: d.entry2 for d in found}, seq)
    elif rows:
        _flag(conn, hid, now, len(rows), seq)


def _flag(conn, hid: str, now: str, count: int, seq: Sequence) -> None:
    if FLAG_PAPI_DIFFERENCE not in open_flags(conn, [hid]).get(hid, set()):
        conn.execute(
            insert(flags).values(
                household_id=hid,
                kind=FLAG_PAPI_DIFFERENCE,
                detail=f"{count} field(s) differ between the two PAPI entries",
                created_at=now,
            )
        )
    conn.execute(
        update(households)
        .where(households.c.household_id == hid)
        .values(state=review.NEEDS_REVIEW, seq=seq.next(), updated_at=now)
    )


# --- writing chosen values ---------------------------------------------------------------


def _write_values(ctx: DecisionContext, form, first_row, values: dict, seq: Sequence) -> None:
    """Write the chosen values: into entry 1's answers and the bound pre-list columns."""
    if not values:
        return
    answers = jsontext.loads(first_row.answers)
    version = ctx.row.version + 1
    changed = False
    for key, value in values.items():
        set_answer(form, answers, key, value)
        changed |= _write_column(ctx, form, key, value, version)
    ctx.conn.execute(
        update(verifications)
        .where(verifications.c.id == first_row.id)
        .values(answers=jsontext.dumps(answers))
    )
    ctx.conn.execute(
        update(households)
        .where(households.c.household_id == ctx.row.household_id)
        .values(
            version=version if changed else ctx.row.version,
            seq=seq.next(),
            updated_at=ctx.now,
        )
    )


def _write_column(ctx: DecisionContext, form, key: str, value, version: int) -> bool:
    owner, _, name = key.rpartition(".")
    try:
        bind = form.field(name).bind or ""
    except KeyError:
        return False
    kind, _, column = bind.partition(".")
    if kind == "household" and column in HOUSEHOLD_COLUMNS:
        return set_value(
            ctx, None, column, _typed(ctx, HOUSEHOLD_COLUMNS[column], value, key), version
        )
    if kind == "member" and column in MEMBER_COLUMNS and column != MEMBER_ID_COLUMN:
        exists = ctx.conn.execute(
            select(members.c.member_id).where(
                members.c.member_id == owner, members.c.household_id == ctx.row.household_id
            )
        ).first()
        if exists:  # a member added on paper has no pre-list id: only its answers change
            typed = _typed(ctx, MEMBER_COLUMNS[column], value, key)
            return set_value(ctx, owner, column, typed, version)
    return False


def _typed(ctx: DecisionContext, column, value, key: str):
    if value is None or value == "":
        return None
    try:
        return parse_value(column, str(value))
    except InvalidValue as e:
        hid = ctx.row.household_id
        raise InvalidContent(f"household {hid}, field {key}: {e}", hid, key) from None


# --- adjudication ------------------------------------------------------------------------


def papi_scopes(user: User, scope: str | None, action: str) -> list[str]:
    """The scopes asked for (inside the user's, else 403), or all the user's; role checked."""
    if not can(user.role, action):
        raise Forbidden(f"role {user.role} cannot {action.replace('_', ' ')}")
    if not scope:
        return list(user.scopes)
    plain = normalise_scope(scope)
    if not covers(user.scopes, plain):
        raise ScopeViolation(f"scope {scope} lies outside your scopes")
    return [plain]


def differences(conn: Connection, user: User, scope=None, batch=None, round_=None) -> list[dict]:
    """The open differences of independent double entry, in the scope (and batch, round)."""
    where = [
        papi_differences.c.resolved_at.is_(None),
        rounds.under(papi_scopes(user, scope, "papi_adjudicate")),
    ]
    if batch:
        where.append(papi_differences.c.batch == batch)
    if round_:
        where.append(papi_differences.c.round == round_)
    q = (
        select(papi_differences, households.c.kode_wilayah)
        .join(households, households.c.household_id == papi_differences.c.household_id)
        .where(and_(*where))
        .order_by(papi_differences.c.household_id, papi_differences.c.id)
    )
    return [_difference(r) for r in conn.execute(q)]


def _difference(r) -> dict:
    return {
        "household_id": r.household_id,
        "member_id": r.member_id,
        "field": r.field,
        "key": f"{r.member_id}.{r.field}" if r.member_id else r.field,
        "batch": r.batch,
        "round": r.round,
        "entry1": {"value": jsontext.loads(r.entry1), "keyed_by": r.keyed_by1},
        "entry2": {"value": jsontext.loads(r.entry2), "keyed_by": r.keyed_by2},
    }


def adjudicate(engine: Engine, user: User, household_id: str, choices: dict, forms_dir) -> dict:
    """Settle open differences of a household by the supervisor's choices; every key must
    name an open difference. Returns {household_id, resolved, open, state, version}."""
    with write_transaction(engine) as conn:
        row = household_row(conn, household_id)
        papi_scopes(user, row.kode_wilayah, "papi_adjudicate")
        open_rows = {
            (f"{r.member_id}.{r.field}" if r.member_id else r.field): r
            for r in conn.execute(
                select(papi_differences).where(
                    papi_differences.c.household_id == household_id,
                    papi_differences.c.resolved_at.is_(None),
                )
            )
        }
        if not choices:
            raise InvalidContent(
                f"household {household_id}: choices is empty", household_id, "choices"
            )
        chosen = {
            key: _chosen(household_id, key, open_rows.get(key), c) for key, c in choices.items()
        }
        first = _first_entry(conn, household_id, next(iter(open_rows.values())).round)
        form = form_for(forms_dir, first.form_id, first.form_version)
        if form is None:
            raise NotFound(
                f"household {household_id}: the form {first.form_id} is not on the server"
            )
        seq, now = Sequence(conn), clock.now()
        ctx = DecisionContext(conn, user, row, now, user.device_id)
        for key, (take, value) in chosen.items():
            conn.execute(
                update(papi_differences)
                .where(papi_differences.c.id == open_rows[key].id)
                .values(
                    resolved_by=user.id, resolved_at=now, take=take, value=jsontext.dumps(value)
                )
            )
        _write_values(ctx, form, first, {k: v for k, (_, v) in chosen.items()}, seq)
        left = len(open_rows) - len(chosen)
        state = _after(conn, household_id, left, now, user)
        seq.save()
        version = household_row(conn, household_id).version
        return {
            "household_id": household_id,
            "resolved": len(chosen),
            "open": left,
            "state": state,
            "version": version,
        }


def _chosen(hid: str, key: str, row, choice: dict):
    if row is None:
        raise InvalidContent(f"household {hid}, field {key}: no open PAPI difference", hid, key)
    take = choice.get("take")
    if take not in TAKES:
        raise InvalidContent(
            f"household {hid}, field {key}: take must be one of {', '.join(TAKES)}", hid, key
        )
    if take == "value":
        if "value" not in choice:
            raise InvalidContent(
                f"household {hid}, field {key}: take 'value' needs a value", hid, key
            )
        return take, choice["value"]
    return take, jsontext.loads(row.entry1 if take == "entry1" else row.entry2)


def _first_entry(conn: Connection, hid: str, round_: str):
    return conn.execute(
        select(verifications)
        .where(
            verifications.c.household_id == hid,
            verifications.c.round == round_,
            verifications.c.papi_entry == ENTRY_FIRST,
        )
        .order_by(verifications.c.id.desc())
    ).first()


def _after(conn, hid: str, left: int, now: str, user: User) -> str:
    """Clear the flag once nothing is left; the household's state after adjudication."""
    if not left:
        conn.execute(
            update(flags)
            .where(
                flags.c.household_id == hid,
                flags.c.kind == FLAG_PAPI_DIFFERENCE,
                flags.c.cleared_at.is_(None),
            )
            .values(cleared_at=now, cleared_by=user.id)
        )
    state = review.state_after_resolve(open_flags(conn, [hid]).get(hid, set()))
    conn.execute(update(households).where(households.c.household_id == hid).values(state=state))
    return state


# --- sampling and the verifier's list ----------------------------------------------------


def set_sampling(engine: Engine, user: User, round_: str, scope: str, sampling: Sampling) -> dict:
    """Set a round's sampling for a scope (supervisor or admin within their scope)."""
    plain = papi_scopes(user, scope, "papi_sampling")[0]
    with write_transaction(engine) as conn:
        conn.execute(
            delete(papi_sampling).where(
                papi_sampling.c.round == round_, papi_sampling.c.scope == plain
            )
        )
        conn.execute(
            insert(papi_sampling).values(
                round=round_,
                scope=plain,
                every=sampling.every,
                percent=sampling.percent,
                set_by=user.id,
                set_at=clock.now(),
            )
        )
    return {"round": round_, "scope": plain, **sampling.to_json()}


def sampling_for(conn: Connection, round_: str, kode_wilayah: str) -> Sampling | None:
    """The sampling of the longest scope covering a household's kode wilayah, if any."""
    rows = conn.execute(select(papi_sampling).where(papi_sampling.c.round == round_)).all()
    best = None
    for r in rows:
        if covers([r.scope], kode_wilayah) and (best is None or len(r.scope) > len(best.scope)):
            best = r
    if best is None:
        return None
    return Sampling(every=best.every) if best.every is not None else Sampling(percent=best.percent)


def to_verify(
    conn: Connection, user: User, scope=None, round_=None, batch=None, sample: bool = True
) -> list[dict]:
    """First entries the sampling gives to dependent verification (``sample=False``: every
    one, for an independent second entry), not keyed by this user and not verified yet,
    with the answers the verifier's screen compares against and the pre-list they started
    from (so the second keying starts where the first did, not from its result)."""
    where = [
        verifications.c.papi_entry == ENTRY_FIRST,
        verifications.c.status == "finalized",
        rounds.under(papi_scopes(user, scope, "papi_verify")),
    ]
    if round_:
        where.append(verifications.c.round == round_)
    # keying order: when the clerk saved each questionnaire (a push may carry several)
    rows = conn.execute(
        select(verifications, households.c.kode_wilayah)
        .join(households, households.c.household_id == verifications.c.household_id)
        .where(and_(*where))
        .order_by(verifications.c.finished_at, verifications.c.id)
    ).all()
    seconds = {
        (r.household_id, r.round)
        for r in conn.execute(
            select(verifications.c.household_id, verifications.c.round).where(
                verifications.c.papi_entry == ENTRY_SECOND
            )
        )
    }
    position: dict[tuple, int] = defaultdict(int)
    out = []
    for r in _latest_first_entries(rows):
        block = jsontext.loads(r.papi)
        position[(block["keyed_by"], r.round)] += 1
        sampling = sampling_for(conn, r.round, r.kode_wilayah) if sample else None
        taken = sampling is not None and sampling.takes(position[(block["keyed_by"], r.round)])
        if sample and not taken:
            continue
        if block["keyed_by"] == user.username or (r.household_id, r.round) in seconds:
            continue
        if batch and block["batch"] != batch:
            continue
        out.append(
            {
                "household_id": r.household_id,
                "round": r.round,
                "batch": block["batch"],
                "questionnaire_no": block["questionnaire_no"],
                "keyed_by": block["keyed_by"],
                "form_id": r.form_id,
                "form_version": r.form_version,
                "answers": jsontext.loads(r.answers),
                "prelist": prelist_before(conn, r),
            }
        )
    return out


def prelist_before(conn: Connection, row) -> dict:
    """The household and members as they were before a first entry was applied: its field
    changes' bases, members it added left out, members it removed active again."""
    household = household_row(conn, row.household_id)
    values = jsontext.loads(household.values)
    changes = (jsontext.loads(row.papi) or {}).get("changes") or {}
    for name, change in (changes.get("fields") or {}).items():
        values[name] = change.get("base")
    ops = {op["member_id"]: op for op in changes.get("members") or []}
    out = []
    for m in conn.execute(
        select(members)
        .where(members.c.household_id == row.household_id)
        .order_by(members.c.member_id)
    ):
        op = ops.get(m.member_id, {})
        if op.get("op") == "add":
            continue
        mvalues = jsontext.loads(m.values)
        for name, change in (op.get("fields") or {}).items():
            mvalues[name] = change.get("base")
        status = "active" if op.get("op") == "remove" else m.status
        out.append({"member_id": m.member_id, "status": status, "values": mvalues})
    return {"values": values, "members": out}


def _latest_first_entries(rows: list) -> list:
    """One first entry per household and round (a re-sent questionnaire counts once), in
    the order they were first keyed."""
    first_seen: dict[tuple, int] = {}
    latest: dict[tuple, object] = {}
    for i, r in enumerate(rows):
        key = (r.household_id, r.round)
        first_seen.setdefault(key, i)
        latest[key] = r
    return [latest[k] for k in sorted(latest, key=first_seen.get)]


# --- keyer error rates -------------------------------------------------------------------


def keyer_stats(conn: Connection, user: User, scope=None, round_=None, forms_dir=None) -> dict:
    """Fields keyed, verified and wrong per keyer, per field and per batch (DESIGN "PAPI")."""
    where = [
        verifications.c.papi_entry.is_not(None),
        verifications.c.status == "finalized",
        rounds.under(papi_scopes(user, scope, "papi_report")),
    ]
    if round_:
        where.append(verifications.c.round == round_)
    rows = conn.execute(
        select(verifications, households.c.kode_wilayah)
        .join(households, households.c.household_id == verifications.c.household_id)
        .where(and_(*where))
        .order_by(verifications.c.id)
    ).all()
    latest = {(r.household_id, r.round, r.papi_entry): r for r in rows}
    tally = _Tally()
    for (hid, rnd, entry), r in latest.items():
        form = form_for(forms_dir, r.form_id, r.form_version)
        block = jsontext.loads(r.papi)
        keyed = keyed_fields(form, jsontext.loads(r.answers)) if form else []
        verified = (hid, rnd, ENTRY_SECOND if entry == ENTRY_FIRST else ENTRY_FIRST) in latest
        tally.keyed(block["keyed_by"], block["batch"], keyed, verified)
        if entry == ENTRY_SECOND and block.get("verify") == "dependent":
            first = latest.get((hid, rnd, ENTRY_FIRST))
            keyer1 = jsontext.loads(first.papi)["keyed_by"] if first else None
            for c in block.get("checks") or []:
                for wrong in check_wrong(c.get("entry1"), c.get("keyed"), c.get("paper")):
                    who = keyer1 if wrong == ENTRY_FIRST else block["keyed_by"]
                    tally.error(who, block["batch"], c["field"])
    for d in _resolved_independent(conn, [r.household_id for r in rows], round_):
        for wrong in wrong_entries(
            d.take, jsontext.loads(d.value), jsontext.loads(d.entry1), jsontext.loads(d.entry2)
        ):
            who = d.keyed_by1 if wrong == ENTRY_FIRST else d.keyed_by2
            tally.error(who, d.batch, f"{d.member_id}.{d.field}" if d.member_id else d.field)
    return tally.report()


def _resolved_independent(conn: Connection, ids: list[str], round_) -> list:
    if not ids:
        return []
    q = select(papi_differences).where(
        papi_differences.c.verify == "independent",
        papi_differences.c.resolved_at.is_not(None),
        papi_differences.c.household_id.in_(sorted(set(ids))),
    )
    if round_:
        q = q.where(papi_differences.c.round == round_)
    return conn.execute(q).all()


def field_name(key: str) -> str:
    """The question of a difference key: 'nik' for '<member_id>.nik'."""
    return key.rpartition(".")[2]


class _Tally:
    """Counts per keyer, per field (question) and per batch."""

    def __init__(self):
        self.keyers = defaultdict(lambda: defaultdict(int))
        self.fields = defaultdict(lambda: defaultdict(int))
        self.batches = defaultdict(lambda: defaultdict(int))

    def keyed(self, who: str, batch: str, keys: list[str], verified: bool) -> None:
        """One entry's keyed fields (verified when the other entry exists)."""
        k, b = self.keyers[who], self.batches[batch]
        k["questionnaires"] += 1
        k["fields_keyed"] += len(keys)
        b["fields_keyed"] += len(keys)
        if verified:
            k["fields_verified"] += len(keys)
            b["fields_verified"] += len(keys)
            for key in keys:
                self.fields[field_name(key)]["fields_verified"] += 1
        b.setdefault("errors", 0)
        k.setdefault("errors", 0)

    def error(self, who: str | None, batch: str, key: str) -> None:
        """One field found wrong in ``who``'s entry."""
        if who is None:
            return
        self.keyers[who]["errors"] += 1
        self.batches[batch]["errors"] += 1
        self.fields[field_name(key)]["errors"] += 1

    def report(self) -> dict:
        """The rows of GET /papi/keyers."""

        def rows(table: dict, name: str) -> list[dict]:
            out = []
            for key in sorted(table):
                c = table[key]
                out.append(
                    {
                        name: key,
                        **{k: c.get(k, 0) for k in ("fields_keyed", "fields_verified", "errors")},
                        "error_rate": error_rate(c.get("errors", 0), c.get("fields_verified", 0)),
                        **(
                            {"questionnaires": c["questionnaires"]} if "questionnaires" in c else {}
                        ),
                    }
                )
            return out

        return {
            "keyers": rows(self.keyers, "username"),
            "fields": [
                {k: v for k, v in r.items() if k != "fields_keyed"}
                for r in rows(self.fields, "field")
            ],
            "batches": rows(self.batches, "batch"),
        }
