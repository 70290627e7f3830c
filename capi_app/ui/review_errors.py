"""Server and network errors of the review calls, said in plain words."""

from PySide6.QtCore import QCoreApplication

from capi_app.sync.errors import (
    Cancelled,
    Forbidden,
    Rejected,
    ServerUnreachable,
    SessionExpired,
    StateRefused,
    SyncError,
)
from capi_app.ui.sync_texts import field_words, refusal_text, unreachable_reason
from dtks.error_codes import ErrorCode

_SAID_BY_CODE = {
    ErrorCode.DEADLINE_PASSED,
    ErrorCode.PENGESAHAN_MISSING,
    ErrorCode.CHANGESET_MISMATCH,
}
"""409s whose code says more than 'the household changed in the meantime'."""


def plain_error(error: Exception) -> str:
    """A message a reviewer can act on, from the error's kind, code and field (the server's
    English words only for a refusal whose code this client does not know)."""
    detail = str(error)
    if isinstance(error, ServerUnreachable):
        return (
            QCoreApplication.translate(
                "ReviewError", "The server cannot be reached. Check the connection, then press F5."
            )
            + "\n"
            + unreachable_reason(error)
        )
    if isinstance(error, SessionExpired):
        return QCoreApplication.translate(
            "ReviewError", "Your login has expired. Close Verivali and log in again."
        )
    if isinstance(error, Forbidden):
        return QCoreApplication.translate(
            "ReviewError", "You may not do this (your role or wilayah does not allow it)."
        )
    if isinstance(error, StateRefused) and "open conflict" in detail:
        return QCoreApplication.translate(
            "ReviewError",
            "This household still has open conflicts. Choose a value for each conflict and press "
            "Resolve, then approve.",
        )
    if isinstance(error, StateRefused) and error.code in _SAID_BY_CODE:
        return refusal_text(error.code)
    if isinstance(error, StateRefused):
        return QCoreApplication.translate(
            "ReviewError", "The household changed in the meantime. Press F5 to see it as it is now."
        )
    if isinstance(error, Rejected) and error.field == "note":
        return QCoreApplication.translate(
            "ReviewError", "Write a note for the enumerator: it says what to fix."
        )
    if isinstance(error, Rejected) and detail == "Not Found":
        return QCoreApplication.translate(
            "ReviewError", "The server does not offer this yet (it needs an update)."
        )
    if isinstance(error, Rejected) and error.code == ErrorCode.VALIDATION and error.field:
        return QCoreApplication.translate(
            "ReviewError", "The server does not accept the value of {0}: check it and try again."
        ).format(field_words(error.field) or error.field)
    if isinstance(error, Rejected) and error.code is not None:
        return refusal_text(error.code, error.field, error.household_id, detail)
    if isinstance(error, Rejected):
        return QCoreApplication.translate("ReviewError", "The server refused it: {0}").format(
            detail
        )
    if isinstance(error, Cancelled):
        return QCoreApplication.translate("ReviewError", "Cancelled.")
    if isinstance(error, SyncError) and error.code is not None:
        return refusal_text(error.code, None, None, detail)
    if isinstance(error, SyncError):
        return detail
    return QCoreApplication.translate("ReviewError", "Something went wrong: {0}").format(detail)


def submission_error(error: Exception) -> str:
    """A refused step of a submission in plain words (the pengesahan scan, the state)."""
    code = getattr(error, "code", None)
    if code == ErrorCode.PENGESAHAN_MISSING:
        return QCoreApplication.translate(
            "ReviewError", "Upload the signed pengesahan scan of this submission first: {0}"
        ).format(error)
    if isinstance(error, StateRefused) and code != ErrorCode.DEADLINE_PASSED:
        return QCoreApplication.translate(
            "ReviewError", "The submission cannot take this step now: {0}"
        ).format(error)
    return plain_error(error)
