"""Failures of store operations that a caller can act on."""


class StoreError(Exception):
    """Base of the store's own errors; the message names the household (and field)."""


class UnknownHousehold(StoreError):
    """No such household in this store."""


class UnknownMember(StoreError):
    """No such member in this household."""


class HouseholdLocked(StoreError):
    """The household is in a change-set waiting for the server; edits wait for its reply."""


class InvalidEdit(StoreError):
    """An edit the store refuses: a bad field name, value type or missing reason."""


class UnknownChangeset(StoreError):
    """No such change-set in the outbox."""


class StaleSave(StoreError):
    """A save made from a copy of the household older than what the store holds now."""

    def __init__(self, message: str, *, household_id: str, expected: int, current: int):
        super().__init__(message)
        self.household_id = household_id
        self.expected = expected
        self.current = current
