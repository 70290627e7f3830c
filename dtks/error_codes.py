"""The machine-readable ``code`` of every error body the sync server sends.

Server and client agree on these names: the server sets one on each error, the client picks
its message (in the user's language) by ``code`` and ``field`` rather than by parsing the
English ``detail``. The HTTP status tells a program what kind of failure it is; the code says
which. A new code may be added; an existing one is never renamed.

    >>> ErrorCode("photo_missing") is ErrorCode.PHOTO_MISSING
    True
    >>> str(ErrorCode.SCOPE)
    'scope'
"""

from enum import StrEnum


class ErrorCode(StrEnum):
    """Why the server refused a request (the ``code`` key of an error body)."""

    MALFORMED = "malformed"
    """400/422: the body cannot be read (not JSON, NaN/Infinity, a duplicate key, bad gzip)."""
    VALIDATION = "validation"
    """422: a value is wrong; ``household_id`` and ``field`` say where."""
    PHOTO_MISSING = "photo_missing"
    """422: a change-set names a photo that was never uploaded: PUT it first."""
    PHOTO_INVALID = "photo_invalid"
    """422: an uploaded photo is not a JPEG, or its bytes do not match its sha256."""
    SCAN_INVALID = "scan_invalid"
    """422: an uploaded pengesahan scan is not a whole PDF, JPEG or PNG (the detail says what
    is wrong: a cut-short PDF, a damaged image, another kind of file)."""
    PARADATA_TOO_LARGE = "paradata_too_large"
    """422: a verification's paradata has more events or bytes than dtks.integrity allows
    (MAX_EVENTS, MAX_PARADATA_BYTES); ``household_id`` names the household."""
    UNAUTHENTICATED = "unauthenticated"
    """401: no token, an unknown, expired or revoked one, or a wrong username/password."""
    FORBIDDEN = "forbidden"
    """403: the user's role may not do this."""
    SCOPE = "scope"
    """403: the household, assignment or wilayah lies outside the user's scopes."""
    NOT_FOUND = "not_found"
    """404: no such household, assignment, photo, document, user or route."""
    METHOD_NOT_ALLOWED = "method_not_allowed"
    """405: the route exists, the HTTP method does not."""
    CHANGESET_MISMATCH = "changeset_mismatch"
    """409: this changeset_id was received before with other content."""
    CONFLICT_STATE = "conflict_state"
    """409: the request does not fit the current state (e.g. approving with open conflicts)."""
    DEADLINE_PASSED = "deadline_passed"
    """409: the window of this step (a submission, a pengesahan) has closed; the body names
    ``activity``, ``round`` and ``deadline`` (dtks.cycle)."""
    PENGESAHAN_MISSING = "pengesahan_missing"
    """409: a submission goes up only with the signed pengesahan scan of its round and scope;
    the body names ``round``, ``scope`` and ``submission_id`` (upload it, then name its sha256)."""
    TOO_LARGE = "too_large"
    """413: the request body is larger than the route's limit."""
    BUNDLE_DAMAGED = "bundle_damaged"
    """422: a bundle (.vvb) is not one, or a byte of it changed: refused whole."""
    BUNDLE_SIGNATURE = "bundle_signature"
    """422: a bundle is not signed by the key registered for the device it names."""
    BUNDLE_FOREIGN = "bundle_foreign"
    """422: a bundle made for another server key, device or user (a reply for another device)."""
    BUNDLE_REVOKED = "bundle_revoked"
    """403: a bundle from a device whose login an admin revoked, or of a disabled user."""
    THROTTLED = "throttled"
    """429: too many failed logins; wait for ``Retry-After`` seconds."""
    BAD_REQUEST = "bad_request"
    """400: a request that cannot be done as asked (an admin or CLI usage error)."""
    INTERNAL = "internal"
    """500: the server failed; its log has the details (never expected: a bug)."""
