"""Errors of the sync client: one type per failure a caller can act on, each with a plain message."""

from dtks.error_codes import ErrorCode


class SyncError(Exception):
    """Base of every sync failure; str() is a message fit for the user.

    ``code`` is the server's machine-readable reason (``dtks.error_codes``) when the failure
    is the server's answer, else None; a window picks its translated message by it."""

    code: ErrorCode | None = None


class ServerUnreachable(SyncError):
    """No answer from the server (no network, wrong address, server down, TLS failure).

    ``reason`` says which, for a window to word: "connect" (no connection), "tls" (the server
    did not prove its identity), "broken" (its reply broke off); ``url`` is the server's."""

    def __init__(self, message: str, reason: str = "connect", url: str | None = None):
        super().__init__(message)
        self.reason = reason
        self.url = url


class LoginFailed(SyncError):
    """The server refused the user name or password."""


class LoginThrottled(SyncError):
    """Too many failed logins: the server asks to wait."""


class SessionExpired(SyncError):
    """The saved token is no longer accepted: log in online again."""


class Forbidden(SyncError):
    """The user's role or wilayah scope does not allow this."""


class Rejected(SyncError):
    """The server refused the content; names the household and field where it can."""

    def __init__(self, message: str, household_id: str | None = None, field: str | None = None):
        super().__init__(message)
        self.household_id = household_id
        self.field = field


class StateRefused(SyncError):
    """HTTP 409: the request does not fit the server's current state, and nothing was written
    (a household approved under its permanent id meanwhile, a deadline passed, open conflicts
    before an approval); ``code`` says which, ``household_id`` and ``field`` where."""

    def __init__(self, message: str, household_id: str | None = None, field: str | None = None):
        super().__init__(message)
        self.household_id = household_id
        self.field = field


class ChangesetReused(StateRefused):
    """The server holds another change-set under the same id (HTTP 409 changeset_mismatch):
    the one 409 that resending cannot fix (an admin must look)."""


class Cancelled(SyncError):
    """The user cancelled; what finished before stays done."""


class BundleInvalid(SyncError):
    """A bundle file refused whole (damaged, not signed by its sender, for another device);
    nothing of it was applied. ``code`` is its dtks.error_codes reason."""

    def __init__(self, message: str, code: ErrorCode | None = None):
        super().__init__(message)
        self.code = code
