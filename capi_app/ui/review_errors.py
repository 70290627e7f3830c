"""Server and network errors of the review calls, said in plain words."""

from PySide6.QtCore import QCoreApplication

from capi_app.sync.errors import (
    Cancelled,
    ChangesetReused,
    Forbidden,
    Rejected,
    ServerUnreachable,
    SessionExpired,
    SyncError,
)


def plain_error(error: Exception) -> str:
    """A message a reviewer can act on, with the server's own words after it."""
    detail = str(error)
    if isinstance(error, ServerUnreachable):
        return (
            QCoreApplication.translate(
                "ReviewError", "The server cannot be reached. Check the connection, then press F5."
            )
            + f"\n{detail}"
        )
    if isinstance(error, SessionExpired):
        return QCoreApplication.translate(
            "ReviewError", "Your login has expired. Close Verivali and log in again."
        )
    if isinstance(error, Forbidden):
        return QCoreApplication.translate(
            "ReviewError", "You may not do this (your role or wilayah does not allow it): {0}"
        ).format(detail)
    if isinstance(error, ChangesetReused) and "open conflict" in detail:
        return QCoreApplication.translate(
            "ReviewError",
            "This household still has open conflicts. Choose a value for each conflict and press "
            "Resolve, then approve.",
        )
    if isinstance(error, ChangesetReused):
        return QCoreApplication.translate(
            "ReviewError", "The household changed in the meantime: {0}"
        ).format(detail)
    if isinstance(error, Rejected) and error.field == "note":
        return QCoreApplication.translate(
            "ReviewError", "Write a note for the enumerator: it says what to fix."
        )
    if isinstance(error, Rejected) and detail == "Not Found":
        return QCoreApplication.translate(
            "ReviewError", "The server does not offer this yet (it needs an update): {0}"
        ).format(detail)
    if isinstance(error, Rejected):
        return QCoreApplication.translate("ReviewError", "The server refused it: {0}").format(
            detail
        )
    if isinstance(error, Cancelled):
        return QCoreApplication.translate("ReviewError", "Cancelled.")
    if isinstance(error, SyncError):
        return detail
    return QCoreApplication.translate("ReviewError", "Something went wrong: {0}").format(detail)


def submission_error(error: Exception) -> str:
    """A refused step of a submission in plain words (the pengesahan scan, the state)."""
    from dtks.error_codes import ErrorCode

    code = getattr(error, "code", None)
    if code == ErrorCode.PENGESAHAN_MISSING:
        return QCoreApplication.translate(
            "ReviewError", "Upload the signed pengesahan scan of this submission first: {0}"
        ).format(error)
    if isinstance(error, ChangesetReused) and code != ErrorCode.DEADLINE_PASSED:
        return QCoreApplication.translate(
            "ReviewError", "The submission cannot take this step now: {0}"
        ).format(error)
    return plain_error(error)
