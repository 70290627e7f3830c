"""The server's refusals and a sync's notes in the user's language, via tr().

The server words its errors in English for logs and programs; every error body also carries a
``code`` (dtks.error_codes) and the ``field`` it is about. The screens say what happened and
what to do from those two, naming the question by the form's label, instead of showing the
English ``detail`` (the CLI and the store keep it). A code this client does not know yet falls
back to the server's own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from capi_app.review import field_label
from capi_app.sync.summary import SyncNote
from dtks.error_codes import ErrorCode

_PATH_WORDS = {"households", "fields", "values", "value", "base", "members", "verification"}
_PATH_WORDS |= {"answers", "op", "body", "request", "choices", "take"}


def field_words(field: str | None, form=None, lang: str = "id") -> str:
    """The field a refusal names, as the user knows it: the question's label, 'the house
    photo', 'the GPS location'; '' when it names none.

    'members[0].fields.nik.value' is the member's NIK question, 'verification.answers.status_rt'
    the answer to Status rumah tangga, 'rt' the pre-list column RT."""
    if not field:
        return ""
    words = re.findall(r"[A-Za-z_]\w*", field)
    if "photos" in words or field == "sha256":
        return QCoreApplication.translate("SyncText", "the house photo")
    if "gps" in words:
        return QCoreApplication.translate("SyncText", "the GPS location")
    member = "members" in words
    names = [w for w in words if w not in _PATH_WORDS]
    for name in names:
        label = field_label(form, name, lang, member=member) if form is not None else name
        if label != name or form is None:
            return f"“{label}”"
    return f"“{names[-1]}”" if names else ""


def refusal_text(
    code: str | None,
    field: str | None = None,
    household_id: str | None = None,
    detail: str = "",
    form=None,
    lang: str = "id",
) -> str:
    """What a refusal means and what to do, from its code and field; 'Household …: ' before it
    when the household is given. A code this client does not know says the server's words."""
    where = field_words(field, form, lang)
    sentence = _sentence(code, where)
    if sentence is None:
        sentence = QCoreApplication.translate("SyncText", "The server refused it ({0}).").format(
            detail or code or "?"
        )
    if household_id:
        return QCoreApplication.translate("SyncText", "Household {0}: {1}").format(
            household_id, sentence
        )
    return sentence


def _sentence(code: str | None, where: str) -> str | None:
    if code == ErrorCode.VALIDATION:
        if where:
            return QCoreApplication.translate(
                "SyncText",
                "The server does not accept {0}. Open the household, correct it and finalize "
                "again.",
            ).format(where)
        return QCoreApplication.translate(
            "SyncText",
            "The server does not accept what was sent. Open the household, check it and "
            "finalize again.",
        )
    texts: dict[str, Callable[[], str]] = {
        ErrorCode.MALFORMED: lambda: QCoreApplication.translate(
            "SyncText",
            "The server could not read what was sent. Nothing is lost: sync again; if it happens again, tell your supervisor.",
        ),
        ErrorCode.TOO_LARGE: lambda: QCoreApplication.translate(
            "SyncText",
            "What was sent is larger than the server takes. Nothing is lost; tell your supervisor.",
        ),
        ErrorCode.PHOTO_MISSING: lambda: QCoreApplication.translate(
            "SyncText",
            "The server does not have the house photo yet. Sync again to send it.",
        ),
        ErrorCode.PHOTO_INVALID: lambda: QCoreApplication.translate(
            "SyncText",
            "The server refused the house photo (damaged or not a photo). Take it again, then finalize.",
        ),
        ErrorCode.SCOPE: lambda: QCoreApplication.translate(
            "SyncText",
            "The household lies outside your wilayah. Ask your supervisor to check your assignment.",
        ),
        ErrorCode.FORBIDDEN: lambda: QCoreApplication.translate(
            "SyncText",
            "Your role may not do this. Ask your supervisor or the admin.",
        ),
        ErrorCode.NOT_FOUND: lambda: QCoreApplication.translate(
            "SyncText",
            "The server does not have this household (it may have left your assignment). Ask your supervisor.",
        ),
        ErrorCode.UNAUTHENTICATED: lambda: QCoreApplication.translate(
            "SyncText",
            "Your login has expired. Log in online again, then sync.",
        ),
        ErrorCode.CHANGESET_MISMATCH: lambda: QCoreApplication.translate(
            "SyncText",
            "The server already holds other content under the same sending number. Your work stays on this laptop; tell the admin.",
        ),
        ErrorCode.CONFLICT_STATE: lambda: QCoreApplication.translate(
            "SyncText",
            "The household changed on the server in the meantime. Sync again.",
        ),
        ErrorCode.DEADLINE_PASSED: lambda: QCoreApplication.translate(
            "SyncText",
            "The deadline of this step has passed. Ask your supervisor.",
        ),
        ErrorCode.THROTTLED: lambda: QCoreApplication.translate(
            "SyncText",
            "Too many failed logins: wait a while, then try again.",
        ),
        ErrorCode.BUNDLE_DAMAGED: lambda: QCoreApplication.translate(
            "SyncText",
            "The bundle file is damaged or changed: nothing of it was applied. Make a new one.",
        ),
        ErrorCode.BUNDLE_SIGNATURE: lambda: QCoreApplication.translate(
            "SyncText",
            "The bundle file is not signed by the laptop it names: nothing of it was applied.",
        ),
        ErrorCode.BUNDLE_FOREIGN: lambda: QCoreApplication.translate(
            "SyncText",
            "The bundle file is for another laptop or server: nothing of it was applied.",
        ),
        ErrorCode.BUNDLE_REVOKED: lambda: QCoreApplication.translate(
            "SyncText",
            "This laptop's login was revoked by the admin. Log in online again.",
        ),
        ErrorCode.SCAN_INVALID: lambda: QCoreApplication.translate(
            "SyncText",
            "The pengesahan scan is not a whole PDF, JPEG or PNG. Scan it again.",
        ),
        ErrorCode.PENGESAHAN_MISSING: lambda: QCoreApplication.translate(
            "SyncText",
            "Upload the signed pengesahan scan first, then try again.",
        ),
        ErrorCode.METHOD_NOT_ALLOWED: lambda: QCoreApplication.translate(
            "SyncText",
            "The server does not offer this (it may need an update). Tell the admin.",
        ),
        ErrorCode.BAD_REQUEST: lambda: QCoreApplication.translate(
            "SyncText",
            "The server cannot do this as asked. Tell your supervisor.",
        ),
        ErrorCode.PARADATA_TOO_LARGE: lambda: QCoreApplication.translate(
            "SyncText",
            "The record of this visit's steps (paradata) is larger than the server takes. Nothing is lost; tell your supervisor.",
        ),
        ErrorCode.INTERNAL: lambda: QCoreApplication.translate(
            "SyncText",
            "The server failed (its log has the details). Nothing is lost: sync again later; if it happens again, tell the admin.",
        ),
    }
    text = texts.get(code or "")
    return text() if text else None


def note_text(note: SyncNote, form_of: Callable[[str], object] | None = None, lang="id") -> str:
    """One note of a sync in a sentence; ``form_of(household_id)`` gives the form whose labels
    name the fields (none: the field names as sent)."""
    form = form_of(note.household_id) if form_of and note.household_id else None
    house = note.household_id or ""
    if note.kind == "conflict":
        fields = ", ".join(field_words(f, form, lang) for f in note.fields) or "—"
        return QCoreApplication.translate(
            "SyncText", "Household {0}: {1} was also changed on the server; a reviewer will decide."
        ).format(house, fields)
    if note.kind == "photo_unreadable":
        return QCoreApplication.translate(
            "SyncText", "Household {0}: a photo on this laptop cannot be read. Take it again."
        ).format(house)
    if note.kind == "forbidden":
        return QCoreApplication.translate(
            "SyncText", "You may not send households (your role or wilayah does not allow it)."
        )
    if note.kind == "reused":
        return refusal_text(ErrorCode.CHANGESET_MISMATCH)
    if note.kind == "held":
        return QCoreApplication.translate(
            "SyncText",
            "Household {0} changed on the server in the meantime (approved under its "
            "permanent number, for example). Your work stays on this laptop and is sent again "
            "at the next sync.",
        ).format(note.household_id or "?")
    if note.kind == "rejected" and note.code is None:
        code = ErrorCode.VALIDATION  # a household refused within an applied change-set
        return refusal_text(code, None, note.household_id, note.detail, form, lang)
    return refusal_text(note.code, note.field, note.household_id, note.detail, form, lang)


def error_text(error: Exception) -> str:
    """A failed request in the user's language: by the server's code when it sent one, the
    plain cases by their kind; other failures (a bug, a file) in their own words."""
    from capi_app.sync.errors import Cancelled, ServerUnreachable, SessionExpired

    if isinstance(error, ServerUnreachable):
        return (
            QCoreApplication.translate(
                "SyncText", "The server cannot be reached. Check the connection and try again."
            )
            + "\n"
            + unreachable_reason(error)
        )
    if isinstance(error, SessionExpired):
        return refusal_text(ErrorCode.UNAUTHENTICATED)
    if isinstance(error, Cancelled):
        return QCoreApplication.translate("SyncText", "Cancelled.")
    code = getattr(error, "code", None)
    if code is not None:
        field = getattr(error, "field", None)
        return refusal_text(code, field, getattr(error, "household_id", None), str(error))
    return str(error)


def unreachable_reason(error) -> str:
    """Why the server gave no answer, in a line of the user's language with its address (the
    client's English words, for support, stay in the error and the sync log)."""
    url = getattr(error, "url", None) or ""
    reason = getattr(error, "reason", "connect")
    if reason == "tls":
        return QCoreApplication.translate(
            "SyncText",
            "The server {0} did not prove its identity (TLS certificate): check its address "
            "and the CA certificate in Settings.",
        ).format(url)
    if reason == "broken":
        return QCoreApplication.translate(
            "SyncText",
            "The server {0} answered, but its reply broke off. Nothing is lost: what it did not "
            "confirm is sent again at the next sync.",
        ).format(url)
    return QCoreApplication.translate(
        "SyncText", "No connection to {0} (no network, a wrong address, or the server is off)."
    ).format(url)
