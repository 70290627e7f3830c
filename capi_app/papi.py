"""PAPI keying at the district office: batches, households found by id or pre-list number,
questionnaires saved with their papi block, counters, and the first entry a verifier checks.

A clerk works in a batch (the bundle of paper questionnaires on the desk) in one of three
modes: the first entry, an independent second entry, or dependent verification (a second
entry that is stopped at each value that differs from the first entry). A second keying
starts from the pre-list the first one started from (the server sends it), never from what
the first entry made of it.

>>> batch = Batch("B-07", FIRST_ENTRY, "clerk1")                         # doctest: +SKIP
>>> keying = PapiKeying(store, form, batch)                              # doctest: +SKIP
>>> hid = keying.find_household("12")   # a pre-list number, or the 16-digit id  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from capi_app.store.store import Store
from capi_app.visit import MEMBER_ID_COLUMN, SaveResult, save_visit, start_visit
from dtks import integrity
from dtks.forms import Form
from dtks.forms.compare import answer_at, same
from dtks.forms.prefill import prefill
from dtks.integrity import Event, Paradata
from dtks.model import Papi, PapiCheck

FIRST_ENTRY = "entry1"
INDEPENDENT = "independent"
DEPENDENT = "dependent"
MODES = (FIRST_ENTRY, INDEPENDENT, DEPENDENT)
PRELIST_NUMBER_DIGITS = 6
"""A household id is the desa's 10-digit kode wilayah and the 6-digit pre-list number."""


class HouseholdNotFound(LookupError):
    """No household of this clerk's store has the id or pre-list number typed."""


@dataclass
class Batch:
    """A batch of paper questionnaires keyed by one clerk in one mode."""

    batch_id: str
    mode: str
    keyer: str
    started_at: datetime = field(default_factory=lambda: datetime.now().astimezone())
    saved: list[datetime] = field(default_factory=list)
    """When each questionnaire of the batch was saved."""

    @property
    def entry(self) -> int:
        """1 for the first entry, 2 for a second (independent or dependent)."""
        return 1 if self.mode == FIRST_ENTRY else 2

    def count(self) -> int:
        """Questionnaires keyed in this batch."""
        return len(self.saved)

    def last_hour(self, now: datetime | None = None) -> int:
        """Questionnaires keyed in the last 60 minutes."""
        now = now or datetime.now().astimezone()
        return sum(1 for t in self.saved if now - t <= timedelta(hours=1))

    def papi(self, questionnaire_no: str, checks: list[PapiCheck] = ()) -> Papi:
        """The papi block of a questionnaire of this batch."""
        verify = None if self.mode == FIRST_ENTRY else self.mode
        return Papi(self.batch_id, questionnaire_no, self.entry, self.keyer, verify, list(checks))


@dataclass
class FirstEntry:
    """What the server holds of a first entry: its answers (compared, never shown) and the
    pre-list it started from."""

    household_id: str
    questionnaire_no: str
    keyed_by: str
    answers: dict
    prelist: dict

    @classmethod
    def from_json(cls, item: dict) -> FirstEntry:
        """One item of GET /papi/verify."""
        return cls(
            item["household_id"],
            item["questionnaire_no"],
            item["keyed_by"],
            item["answers"],
            item.get("prelist") or {},
        )


class PapiKeying:
    """One clerk's keying of a batch into the local store."""

    def __init__(self, store: Store, form: Form, batch: Batch, firsts: list[FirstEntry] = ()):
        self.store = store
        self.form = form
        self.batch = batch
        self.firsts = {f.household_id: f for f in firsts}
        """Second entries: the first entries fetched from the server, by household."""
        self.revisions: dict[str, int] = {}
        """The household's revision each questionnaire started from (a stale save is refused)."""
        self.paradata: dict[str, Paradata] = {}
        """The keying session of each questionnaire (dtks.integrity): opened, every value
        keyed, finalized; sent with the verification like a CAPI interview's."""

    def find_household(self, text: str) -> str:
        """The household typed as its 16-digit id or its pre-list number (HouseholdNotFound)."""
        text = text.strip()
        if not text.isdigit():
            raise HouseholdNotFound(text)
        if len(text) > PRELIST_NUMBER_DIGITS:
            hits = [text] if self.store.household_exists(text) else []
        else:
            hits = self.store.households_numbered(text.zfill(PRELIST_NUMBER_DIGITS))
        if self.batch.mode == DEPENDENT:
            hits = [h for h in hits if h in self.firsts]
        if len(hits) != 1:
            raise HouseholdNotFound(text)
        return hits[0]

    def start(self, household_id: str) -> dict:
        """The answers a questionnaire starts from: the pre-list (for a second entry, the one
        the first entry started from)."""
        first = self.firsts.get(household_id)
        self.revisions[household_id] = self.store.revision(household_id)
        self.paradata[household_id] = Paradata.start(datetime.now().astimezone())
        if self.batch.entry == 1 or first is None or not first.prelist:
            return start_visit(self.store, self.form, household_id).answers
        members = [
            {**m["values"], MEMBER_ID_COLUMN: m["member_id"]}
            for m in first.prelist.get("members", [])
            if m.get("status", "active") == "active"
        ]
        tasks = self.store.tasks(household_id)
        return prefill(self.form, first.prelist.get("values") or {}, members, tasks)

    def record_answer(self, household_id: str, path: str) -> None:
        """Paradata: a value was keyed."""
        p = self.paradata.get(household_id)
        if p is not None:
            at = p.offset(datetime.now().astimezone())
            self.paradata[household_id] = p.add(
                Event(at, integrity.ANSWER, name=path[: integrity.MAX_NAME])
            )

    def first_value(self, household_id: str, key: str):
        """The first entry's value at a difference key (dependent verification only)."""
        first = self.firsts.get(household_id)
        return None if first is None else answer_at(self.form, first.answers, key)

    def save(
        self,
        household_id: str,
        questionnaire_no: str,
        answers: dict,
        checks: list[PapiCheck] = (),
        started_at: datetime | None = None,
        lang: str = "id",
    ) -> SaveResult:
        """Save a keyed questionnaire as finalized, with its papi block; count it."""
        result = save_visit(
            self.store,
            self.form,
            household_id,
            answers,
            self.batch.keyer,
            revision=self.revisions.get(household_id),
            finalize=True,
            started_at=started_at,
            lang=lang,
            papi=self.batch.papi(questionnaire_no, checks),
            paradata=self.paradata.get(household_id),
        )
        if result.finalized:
            self.batch.saved.append(datetime.now().astimezone())
        return result


def matches_first(keying: PapiKeying, household_id: str, key: str, value, multiple: bool) -> bool:
    """Whether a verifier's value equals the first entry's (dtks.forms.compare's rule)."""
    return same(keying.first_value(household_id, key), value, multiple)
