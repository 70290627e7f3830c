"""A household visit: the form's answers in from the store and back out to it.

The form binds questions to pre-list columns (``bind::dtks:field``); starting a visit fills
them from the household and its members, and saving writes changed values back as pending
edits, so the change-set carries them field by field. All of a save is one transaction:
pulling the power mid-save leaves the previous save whole. A save hands back the revision
the visit started from: if the household was saved again since (another window, a sync), the
store refuses it with ``StaleSave`` and nothing is written.

>>> visit = start_visit(store, form, "3204122002000123")              # doctest: +SKIP
>>> save_visit(store, form, visit.household_id, answers, "siti", finalize=True,
...            revision=visit.revision)                               # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from capi_app.store.store import Store
from capi_app.store.views import HouseholdView
from dtks import integrity
from dtks.forms import Form, Problem
from dtks.forms.prefill import member_repeat, prefill, with_household, with_tasks, write_back
from dtks.integrity import Event, Paradata
from dtks.model import Gps, Papi
from dtks.prelist import HOUSEHOLD_COLUMNS, MEMBER_COLUMNS, InvalidValue, parse_value
from dtks.removal import FORM_STATUS as REMOVAL_STATUS

MEMBER_ID_COLUMN = "member_id"
MEMBER_STATUS_FIELD = "status_art"
"""A member's presence in the verivali form: 1 lives here, 2 deceased, 3 moved, 4 new
(dtks.removal.FORM_STATUS maps 2 and 3 onto removal reasons)."""
RESULT_FIELD = "hasil"
GPS_FIELD_TYPE = "geopoint"


def _now() -> datetime:
    return datetime.now().astimezone()


@dataclass
class Visit:
    """What the form screen starts from, and the paradata recorded while it is open.

    The screen tells the visit what happens (``record_answer``, ``record_section``,
    ``record_photo``, ``record_gps``); the events are kept with every save of the visit
    (dtks.integrity, inside the encrypted store) and sent with the verification.
    """

    household_id: str
    answers: dict[str, Any]
    household: HouseholdView
    started_at: datetime = field(default_factory=_now)
    paradata: Paradata | None = None

    def __post_init__(self) -> None:
        if self.paradata is None:
            self.paradata = Paradata.start(self.started_at)

    @property
    def revision(self) -> int:
        """The household's revision this visit was read at (hand it back with a save)."""
        return self.household.revision

    def record(self, kind: str, when: datetime | None = None, **facts: Any) -> None:
        """Add one paradata event at when (now by default)."""
        at = self.paradata.offset(when or _now())
        self.paradata = self.paradata.add(Event(at, kind, **facts))

    def record_answer(self, path: str, when: datetime | None = None) -> None:
        """An answer was changed (path as the form names it: members[2].nik)."""
        self.record(integrity.ANSWER, when, name=path[: integrity.MAX_NAME])

    def record_section(self, name: str, when: datetime | None = None) -> None:
        """The enumerator moved to another section of the form."""
        if name:
            self.record(integrity.SECTION, when, name=name[: integrity.MAX_NAME])

    def record_photo(self, photo, when: datetime | None = None) -> None:
        """A photo was taken (a store PhotoRecord: its hashes and EXIF capture time)."""
        taken = exif_time(photo.taken_at, self.paradata.t0)
        self.record(
            integrity.PHOTO,
            when,
            sha256=photo.sha256,
            dhash=photo.dhash,
            ahash=photo.ahash,
            exif_at=None if taken is None else self.paradata.offset(taken),
        )

    def record_gps(self, gps: Gps, when: datetime | None = None) -> None:
        """A GPS position was taken for the house."""
        self.record(integrity.GPS, when, lat=gps.lat, lon=gps.lon, accuracy_m=gps.accuracy_m)


def exif_time(text: str | None, t0: datetime) -> datetime | None:
    """A camera's capture time as an aware datetime: without an offset it is the device's
    local time, taken in the zone of the visit's start.

    >>> from datetime import timedelta, timezone
    >>> exif_time("2026-11-01T09:00:00", datetime(2026, 11, 2, tzinfo=timezone(timedelta(hours=8))))
    datetime.datetime(2026, 11, 1, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(seconds=28800)))
    """
    if not text:
        return None
    try:
        taken = datetime.fromisoformat(text)
    except ValueError:
        return None
    return taken if taken.tzinfo else taken.replace(tzinfo=t0.tzinfo)


@dataclass
class SaveResult:
    """The household's state after a save, and the problems that stopped a finalize."""

    state: str
    problems: list[Problem]
    revision: int  # the household's revision after the save: the next save starts from it
    paradata: Paradata | None = None
    """The paradata as saved (with its ``finalized`` event after a finalize)."""

    @property
    def finalized(self) -> bool:
        """True when the visit was saved as finalized."""
        return not self.problems and self.state in ("finalized", "pending_sync")


def start_visit(store: Store, form: Form, household_id: str) -> Visit:
    """The saved answers of a visit under way, or answers prefilled from the pre-list; its
    paradata goes on from what was recorded before, with an ``opened`` event. Either way
    the household's tasks as pulled now fill the form's task fields (a request that came
    after the draft was saved asks for its finding)."""
    view = store.household(household_id)
    tasks = store.tasks(household_id)
    now = _now()
    paradata = store.paradata(household_id)
    if paradata is not None:
        paradata = paradata.add(Event(paradata.offset(now), integrity.OPENED))
    members = [
        {**m.values, MEMBER_ID_COLUMN: m.member_id} for m in view.members if m.status == "active"
    ]
    if view.verification is not None and view.verification.answers:
        answers = dict(view.verification.answers)
        papi = view.verification.papi
        if papi is None or papi.entry == 1:  # a second entry writes nothing: its keying stands
            answers = _as_household_now(form, answers, view.values, members)
        return Visit(household_id, with_tasks(form, answers, tasks), view, now, paradata)
    return Visit(household_id, prefill(form, view.values, members, tasks), view, now, paradata)


def _as_household_now(form: Form, saved: dict, household: dict, members: list[dict]) -> dict:
    """Saved answers with their bound fields as the household stands now (a pull may have
    changed it: a reviewer's resolution, a refused move), except answers that never reached
    the household because they do not parse: those the enumerator must still see to fix."""
    answers = with_household(form, saved, household, members)
    for problem in value_problems(form, saved):
        _put(answers, saved, problem.path)
    return answers


def _put(answers: dict, saved: dict, path: str) -> None:
    """Copy the saved answer at ``path`` ("rt", "members[0].nik") into answers."""
    head, _, rest = path.partition(".")
    if not rest:
        if head in saved:
            answers[head] = saved[head]
        return
    name, _, index = head.rstrip("]").partition("[")
    try:
        answers[name][int(index)][rest] = saved[name][int(index)][rest]
    except (KeyError, IndexError, TypeError, ValueError):
        pass


def save_visit(
    store: Store,
    form: Form,
    household_id: str,
    answers: dict[str, Any],
    user: str,
    *,
    revision: int | None,
    finalize: bool = False,
    gps_source: str = "manual",
    started_at: datetime | None = None,
    lang: str = "id",
    papi: Papi | None = None,
    paradata: Paradata | None = None,
    now: datetime | None = None,
) -> SaveResult:
    """Save the answers (draft, or finalized when they pass the form); write pre-list edits back.

    ``revision`` is the household's revision the answers were read at (``Visit.revision``);
    a household saved again since is refused with ``StaleSave``. None skips the check: only
    for a writer that has just read the household itself.

    ``papi``: keyed from a paper questionnaire (checked by paper rules: no photo); a second
    entry is only a keying, compared with the first by the server, so it writes no edits.

    ``paradata`` (``Visit.paradata``) is kept with the verification; a finalize adds its
    ``finalized`` event. ``now`` is the time of the save (default: the clock), the finished
    time of a finalize.
    """
    problems = form.validate(answers, lang=lang, paper=papi is not None) if finalize else []
    problems += value_problems(form, answers)
    if finalize and problems:
        # Nothing is written; a stale copy is still told so first, before fixing its problems.
        with store.saving(household_id, revision):
            now = store.revision(household_id)
        return SaveResult(store.household_state(household_id), problems, now)
    now = now or _now()
    if paradata is not None and finalize:
        paradata = paradata.add(Event(paradata.offset(now), integrity.FINALIZED))
    with store.saving(household_id, revision):
        if papi is None or papi.entry == 1:
            _write_household(store, form, household_id, answers, user)
        state = store.save_verification(
            household_id,
            answers,
            "finalized" if finalize else "draft",
            user,
            result=str(answers.get(RESULT_FIELD) or "") or None,
            gps=gps_from_answers(form, answers, gps_source),
            started_at=started_at,
            finished_at=now if finalize else None,
            papi=papi,
            paradata=paradata,
        )
        new_revision = store.revision(household_id)
    return SaveResult(state, [] if finalize else problems, new_revision, paradata)


def value_problems(form: Form, answers: dict) -> list[Problem]:
    """Bound answers that do not fit their pre-list column (they would be refused by the server)."""
    household, members = write_back(form, answers)
    out = []
    for column, text in household.items():
        out += _check(HOUSEHOLD_COLUMNS.get(column), text, form, column, "")
    repeat = member_repeat(form)
    for i, values in enumerate(members):
        for column, text in values.items():
            out += _check(MEMBER_COLUMNS.get(column), text, form, column, f"{repeat.name}[{i}].")
    return out


def _check(column, text, form: Form, name: str, prefix: str) -> list[Problem]:
    if column is None or text in (None, "") or column.kind == "member_id":
        return []
    try:
        parse_value(column, str(text))
    except InvalidValue as e:
        field_name = next(
            (f.name for f in form.iter_fields() if f.bind and f.bind.endswith("." + name)), name
        )
        return [Problem(prefix + field_name, field_name, "type", str(e))]
    return []


def _typed(columns, column: str, text: Any) -> Any:
    spec = columns.get(column)
    if spec is None or text in (None, ""):
        return text if text != "" else None
    return parse_value(spec, str(text))


def _valid(columns, values: dict) -> dict:
    """The typed values of the columns whose text parses; a value that does not (a draft
    saved with RT "12") stays only in the saved answers, where finalizing names it."""
    out = {}
    for column, text in values.items():
        try:
            out[column] = _typed(columns, column, text)
        except InvalidValue:
            continue
    return out


def _write_household(store: Store, form: Form, household_id: str, answers: dict, user: str):
    view = store.household(household_id)
    household, members = write_back(form, answers)
    for column, value in _valid(HOUSEHOLD_COLUMNS, household).items():
        if value != view.values.get(column):
            store.set_field(household_id, column, value, user)
    repeat = member_repeat(form)
    instances = answers.get(repeat.name) or [] if repeat else []
    known = {m.member_id: m for m in view.members}
    for inst, values in zip(instances, members, strict=False):
        _write_member(store, household_id, known, inst, values, user)


def _write_member(
    store: Store, household_id: str, known: dict, inst: dict, values: dict, user: str
):
    member_id = values.pop(MEMBER_ID_COLUMN, None) or inst.get("id_art")
    typed = _valid(MEMBER_COLUMNS, {c: t for c, t in values.items() if c in MEMBER_COLUMNS})
    typed = {c: v for c, v in typed.items() if v is not None}
    status = str(inst.get(MEMBER_STATUS_FIELD) or "")
    member = known.get(member_id)
    if member is None:
        if status not in REMOVAL_STATUS and typed:
            new_id = store.add_member(household_id, typed, user)
            inst["id_art"] = new_id
        return
    changed = {c: v for c, v in typed.items() if v != member.values.get(c)}
    if changed and member.status == "active":
        store.change_member(household_id, member_id, changed, user)
    if status in REMOVAL_STATUS and member.status == "active":
        store.remove_member(household_id, member_id, REMOVAL_STATUS[status], date.today(), user)
    elif status and status not in REMOVAL_STATUS and member.status == "removed":
        store.restore_member(household_id, member_id, user)


def gps_from_answers(form: Form, answers: dict, source: str) -> Gps | None:
    """The first geopoint answer as a Gps ('lat lon [alt [accuracy]]'), or None."""
    for f in form.iter_fields():
        if f.type == GPS_FIELD_TYPE and not f.repeats and answers.get(f.name):
            parts = str(answers[f.name]).split()
            try:
                lat, lon = float(parts[0]), float(parts[1])
                alt = float(parts[2]) if len(parts) > 2 else None
                acc = float(parts[3]) if len(parts) > 3 else None
            except (ValueError, IndexError):
                return None
            return Gps(lat=lat, lon=lon, accuracy_m=acc, source=source, altitude_m=alt)
    return None
