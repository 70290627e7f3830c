"""What one sync did: counts per phase, outcomes per household, messages, bytes on the wire."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field

OUTCOMES = ("applied", "merged", "conflict", "rejected")
PHASES = ("pull", "photos", "push")

Progress = Callable[[str, int, int | None], None]
"""progress(phase, done, total): total is None while it is unknown (pull pages)."""


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
    pending_changesets: int = 0  # still in the outbox when the sync ended
    messages: list[str] = field(default_factory=list)
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
            and not self.outcomes.get("rejected")
        )

    def to_json(self) -> dict:
        """The summary as plain JSON (kept in the store as the last sync)."""
        return asdict(self)

    def lines(self) -> list[str]:
        """A short report in plain words, one line per phase."""
        o = self.outcomes
        return [
            f"pulled {self.pulled} households ({self.tombstones} removed from the assignment)",
            f"photos: {self.photos_uploaded} uploaded, {self.photos_present} already there",
            f"pushed {self.households_pushed} households in {self.pushed} change-sets: "
            f"{o['applied']} applied, {o['merged']} merged, {o['conflict']} conflict, "
            f"{o['rejected']} rejected",
            f"{self.pending_changesets} change-sets still waiting; "
            f"{self.bytes_sent} bytes sent, {self.bytes_received} received",
        ]
