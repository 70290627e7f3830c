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
    tr = QCoreApplication.translate
    detail = str(error)
    if isinstance(error, ServerUnreachable):
        return (
            tr("ReviewError", "The server cannot be reached. Check the connection, then press F5.")
            + f"\n{detail}"
        )
    if isinstance(error, SessionExpired):
        return tr("ReviewError", "Your login has expired. Close Verivali and log in again.")
    if isinstance(error, Forbidden):
        return tr(
            "ReviewError", "You may not do this (your role or wilayah does not allow it): {0}"
        ).format(detail)
    if isinstance(error, ChangesetReused) and "open conflict" in detail:
        return tr(
            "ReviewError",
            "This household still has open conflicts. Choose a value for each conflict and press "
            "Resolve, then approve.",
        )
    if isinstance(error, ChangesetReused):
        return tr("ReviewError", "The household changed in the meantime: {0}").format(detail)
    if isinstance(error, Rejected) and error.field == "note":
        return tr("ReviewError", "Write a note for the enumerator: it says what to fix.")
    if isinstance(error, Rejected) and detail == "Not Found":
        return tr(
            "ReviewError", "The server does not offer this yet (it needs an update): {0}"
        ).format(detail)
    if isinstance(error, Rejected):
        return tr("ReviewError", "The server refused it: {0}").format(detail)
    if isinstance(error, Cancelled):
        return tr("ReviewError", "Cancelled.")
    if isinstance(error, SyncError):
        return detail
    return tr("ReviewError", "Something went wrong: {0}").format(detail)
