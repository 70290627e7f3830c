"""Roles and what each may do.

>>> can("enumerator", "push"), can("reviewer", "push")
(True, False)
"""

ROLES = ("enumerator", "clerk", "supervisor", "reviewer", "admin")

_RIGHTS = {
    "push": {"enumerator", "clerk", "supervisor"},
    "pull": {"enumerator", "clerk", "supervisor", "reviewer", "admin"},
    "upload_photo": {"enumerator", "clerk", "supervisor"},
    "review": {"reviewer", "admin"},
    "export": {"reviewer", "admin"},
    "read_household": {"supervisor", "reviewer", "admin"},
    "manage": {"admin"},
    "papi_verify": {"clerk", "supervisor"},
    "papi_adjudicate": {"supervisor", "reviewer", "admin"},
    "papi_sampling": {"supervisor", "admin"},
    "papi_report": {"supervisor", "reviewer", "admin"},
}

FIELD_ROLES = {"enumerator", "clerk"}
"""Roles that write only within their assignments (others write within their user scopes)."""


def can(role: str, action: str) -> bool:
    """True when the role may perform the action."""
    return role in _RIGHTS[action]
