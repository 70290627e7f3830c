"""What one sync did: counts per phase, outcomes per household, messages, bytes on the wire."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field

from capi_app.store.sync_log import HouseholdOutcome

OUTCOMES = ("applied", "merged", "conflict", "rejected")
PHASES = ("pull", "photos", "push")

Progress = Callable[[str, int, int | None], None]
"""progress(phase, done, total): total is None while it is unknown (pull pages)."""


NOTE_KINDS = (
    "conflict",
    "rejected",
    "refused",
    "reused",
    "held",
    "forbidden",
    "photo_unreadable",
)


@dataclass(frozen=True)
class SyncNote:
    """One thing of a sync the user should know, as data: a window words it in the user's
    language from ``kind``, ``code`` and ``field``; ``text()`` is the English line of the CLI.

    kind: conflict (``fields`` wait for a reviewer), rejected (the server refused one
    household), refused (the whole change-set was refused: ``code``, ``field`` and
    ``household_id`` say why and where), reused (409: another change-set under the same id),
    held (another 409: the household's state on the server changed, e.g. approved under its
    permanent id; kept and sent again at the next sync), forbidden (the user may not push), photo_unreadable (a photo file on this laptop cannot be
    read). ``detail`` is the server's own (English) words.

    >>> SyncNote("conflict", "3204122002000001", fields=("alamat",)).text()
    'household 3204122002000001: conflict on alamat; a reviewer will decide'
    """

    kind: str
    household_id: str | None = None
    fields: tuple[str, ...] = ()
    code: str | None = None
    field: str | None = None
    detail: str = ""
    changeset_id: str | None = None
    photo: str | None = None

    def text(self) -> str:
        """The note in plain English (the CLI's and the log's line)."""
        h = self.household_id
        if self.kind == "conflict":
            fields = ", ".join(self.fields) or "?"
            return f"household {h}: conflict on {fields}; a reviewer will decide"
        if self.kind == "rejected":
            return f"household {h} rejected: {self.detail}"
        if self.kind == "refused":
            return f"change-set {self.changeset_id} refused: {self.detail}"
        if self.kind == "reused":
            return f"409 change-set {self.changeset_id}: {self.detail}"
        if self.kind == "held":
            return (
                f"change-set {self.changeset_id} kept for the next sync "
                f"(the server's state changed): {self.detail}"
            )
        if self.kind == "forbidden":
            return f"cannot push: {self.detail}"
        if self.kind == "photo_unreadable":
            return (
                f"household {h}: photo {self.photo} cannot be read ({self.detail}); take it again"
            )
        return self.detail

    @classmethod
    def from_json(cls, data: dict) -> SyncNote:
        """A note from the JSON of ``to_json`` (a kept sync's summary)."""
        names = {f for f in cls.__dataclass_fields__}
        kept = {k: v for k, v in data.items() if k in names}
        kept["fields"] = tuple(kept.get("fields") or ())
        return cls(**kept)


@dataclass
class SyncSummary:
    """Counts of one sync; ``messages`` are for the user (rejections, 409s, partial work)."""

    pulled: int = 0
    tombstones: int = 0
    photos_uploaded: int = 0
    photos_present: int = 0  # already on the server: nothing sent
    pushed: int = 0  # change-sets the server answered
    households_pushed: int = 0
    outcomes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    failed_changesets: int = 0  # refused whole (4xx): their households wait for a fix
    reused_changesets: int = 0  # 409: the server holds other content under the same id
    held_changesets: int = 0  # another 409 (state changed): kept, sent again next sync
    pending_changesets: int = 0  # still in the outbox when the sync ended
    messages: list[str] = field(default_factory=list)  # English lines, one per note
    notes: list[SyncNote] = field(default_factory=list)
    households: list[HouseholdOutcome] = field(default_factory=list)  # the server's answers
    bytes_sent: int = 0
    bytes_received: int = 0
    started_at: str = ""
    finished_at: str = ""
    completed: bool = False  # False when it stopped early (cut, cancel, expired login)

    @property
    def ok(self) -> bool:
        """Finished, with nothing refused by the server."""
        return (
            self.completed
            and not self.failed_changesets
            and not self.reused_changesets
            and not self.held_changesets
            and not self.outcomes.get("rejected")
        )

    def note(self, note: SyncNote) -> None:
        """Record a note, and its English line in ``messages``."""
        self.notes.append(note)
        self.messages.append(note.text())

    def to_json(self) -> dict:
        """The summary as plain JSON (kept in the store as the last sync)."""
        return asdict(self)

    def lines(self, phases: Iterable[str] = PHASES) -> list[str]:
        """A short report in plain words, one line per phase that ran, then what waits.

        >>> SyncSummary(pulled=3).lines(("pull",))[0]
        'pulled 3 households (0 removed from the assignment)'
        >>> len(SyncSummary().lines(("pull",)))
        2
        """
        o = self.outcomes
        ran = set(phases)
        out = []
        if "pull" in ran:
            out.append(
                f"pulled {self.pulled} households ({self.tombstones} removed from the assignment)"
            )
        if "photos" in ran:
            out.append(
                f"photos: {self.photos_uploaded} uploaded, {self.photos_present} already there"
            )
        if "push" in ran:
            out.append(
                f"pushed {self.households_pushed} households in {self.pushed} change-sets: "
                f"{o['applied']} applied, {o['merged']} merged, {o['conflict']} conflict, "
                f"{o['rejected']} rejected"
            )
        out.append(
            f"{self.pending_changesets} change-sets still waiting; "
            f"{self.bytes_sent} bytes sent, {self.bytes_received} received"
        )
        return out
