"""Failures a caller can act on; the API turns each into one HTTP status with a JSON body."""


class ServerError(Exception):
    """Base: a message for people, plus the household and field it concerns when known."""

    status = 400

    def __init__(self, message: str, household_id: str | None = None, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.household_id = household_id
        self.field = field

    def body(self) -> dict:
        """The JSON error body of DESIGN.md."""
        return {"detail": self.message, "household_id": self.household_id, "field": self.field}


class InvalidContent(ServerError):
    """A request whose content is wrong (a bad field, value, photo reference); nothing written."""

    status = 422


class ScopeViolation(ServerError):
    """The user may not touch this household or wilayah."""

    status = 403


class Forbidden(ServerError):
    """The user's role may not do this."""

    status = 403


class NotFound(ServerError):
    """No such household, assignment, photo or user."""

    status = 404


class ChangesetMismatch(ServerError):
    """The same changeset_id was sent before with other content."""

    status = 409


class StateConflict(ServerError):
    """The request does not fit the current state (e.g. approving with open conflicts)."""

    status = 409


class Unauthenticated(ServerError):
    """No valid token, or a wrong username/password."""

    status = 401


class TooManyAttempts(ServerError):
    """Too many failed logins; retry after ``retry_after`` seconds."""

    status = 429

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class UsageError(ServerError):
    """A CLI or admin request that cannot be done as asked (unknown user, bad scope)."""
