"""Failures a caller can act on; the API turns each into one HTTP status with a JSON body."""

from pydantic import BaseModel, ConfigDict

from dtks.error_codes import ErrorCode


class ServerError(Exception):
    """Base: a message for people, plus the household and field it concerns when known."""

    status = 400
    code = ErrorCode.BAD_REQUEST

    def __init__(self, message: str, household_id: str | None = None, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.household_id = household_id
        self.field = field

    def body(self) -> dict:
        """The JSON error body of DESIGN.md, with its machine-readable code."""
        return error_body(self.message, self.code, self.household_id, self.field)


class ErrorOut(BaseModel):
    """Every error body: a message for people, a code for programs, and where it applies
    (a subclass may add keys, e.g. a deadline)."""

    model_config = ConfigDict(extra="allow")

    detail: str
    code: ErrorCode
    household_id: str | None
    field: str | None


def error_body(
    detail: str, code: ErrorCode, household_id: str | None = None, field: str | None = None
) -> dict:
    """The JSON of an error response, e.g. ``error_body("...", ErrorCode.SCOPE, hid)``."""
    out = ErrorOut(detail=detail, code=code, household_id=household_id, field=field)
    return out.model_dump(mode="json")


class InvalidContent(ServerError):
    """A request whose content is wrong (a bad field, value, photo reference); nothing written."""

    status = 422
    code = ErrorCode.VALIDATION


class MalformedBody(InvalidContent):
    """A body that is not strict JSON (NaN, Infinity, a duplicate key, bad syntax)."""

    code = ErrorCode.MALFORMED


class UnknownHousehold(InvalidContent):
    """A change-set edits a household the server does not have (and it is not sent as new)."""

    code = ErrorCode.NOT_FOUND


class ParadataTooLarge(InvalidContent):
    """A verification's paradata is over dtks.integrity's caps (events or bytes)."""

    code = ErrorCode.PARADATA_TOO_LARGE


class PhotoMissing(InvalidContent):
    """A change-set names a photo the server does not hold."""

    code = ErrorCode.PHOTO_MISSING


class PhotoInvalid(InvalidContent):
    """An uploaded photo is refused: too big, not a JPEG, or not the bytes of its sha256."""

    code = ErrorCode.PHOTO_INVALID


class ScanInvalid(InvalidContent):
    """An uploaded pengesahan scan is refused: not a whole PDF, JPEG or PNG."""

    code = ErrorCode.SCAN_INVALID


class ScopeViolation(ServerError):
    """The user may not touch this household or wilayah."""

    status = 403
    code = ErrorCode.SCOPE


class Forbidden(ServerError):
    """The user's role may not do this."""

    status = 403
    code = ErrorCode.FORBIDDEN


class NotFound(ServerError):
    """No such household, assignment, photo or user."""

    status = 404
    code = ErrorCode.NOT_FOUND


class ChangesetMismatch(ServerError):
    """The same changeset_id was sent before with other content."""

    status = 409
    code = ErrorCode.CHANGESET_MISMATCH


class StateConflict(ServerError):
    """The request does not fit the current state (e.g. approving with open conflicts)."""

    status = 409
    code = ErrorCode.CONFLICT_STATE


class Unauthenticated(ServerError):
    """No valid token, or a wrong username/password."""

    status = 401
    code = ErrorCode.UNAUTHENTICATED


class TooManyAttempts(ServerError):
    """Too many failed logins; retry after ``retry_after`` seconds."""

    status = 429
    code = ErrorCode.THROTTLED

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class UsageError(ServerError):
    """A CLI or admin request that cannot be done as asked (unknown user, bad scope)."""


class PengesahanMissing(StateConflict):
    """A submission sent up without the signed pengesahan scan of its round and scope."""

    code = ErrorCode.PENGESAHAN_MISSING

    def __init__(self, message: str, submission_id: int, round_: str, scope: str):
        super().__init__(message, field="pengesahan_sha256")
        self.submission_id, self.round, self.scope = submission_id, round_, scope

    def body(self) -> dict:
        """The error body, with the submission, round and scope whose scan is missing."""
        return super().body() | {
            "submission_id": self.submission_id,
            "round": self.round,
            "scope": self.scope,
        }


class DeadlinePassed(StateConflict):
    """An administrative step (a submission, a pengesahan) after its window closed."""

    code = ErrorCode.DEADLINE_PASSED

    def __init__(self, message: str, activity: str, round_: str, deadline: str):
        super().__init__(message, field=activity)
        self.activity = activity
        self.round = round_
        self.deadline = deadline

    def body(self) -> dict:
        """The error body, with the activity, round and deadline (ISO-8601, local offset)."""
        return super().body() | {
            "activity": self.activity,
            "round": self.round,
            "deadline": self.deadline,
        }


class BundleRejected(ServerError):
    """A bundle refused whole (dtks.bundles): damaged, wrongly signed, foreign or revoked."""

    status = 422

    def __init__(self, code: ErrorCode, message: str):
        super().__init__(message)
        self.code = code
        if code == ErrorCode.BUNDLE_REVOKED:
            self.status = 403
        elif code == ErrorCode.TOO_LARGE:
            self.status = 413
