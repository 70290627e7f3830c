"""Which level of the approval chain a reviewer acts at, from their scopes (dtks.review).

>>> from sync_server.services.users import User
>>> levels_of(User(1, "prov1", "reviewer", ("32",)))
{'32': 'provinsi'}
>>> acts_at(User(2, "kem1", "reviewer", ("",)), "kemensos", "3204")
True
"""

from dtks import review
from dtks import scope as scope_rule
from sync_server.errors import Forbidden
from sync_server.services.users import User


def levels_of(user: User) -> dict[str, str]:
    """{plain scope: the level it reviews at} for a reviewer's scopes."""
    return {s: review.level_of_scope(s) for s in user.scopes}


def acts_at(user: User, level: str, scope: str) -> bool:
    """True when one of the user's scopes reviews at level and covers the scope."""
    return any(lv == level and scope_rule.covers(s, scope) for s, lv in levels_of(user).items())


def check_household_level(user: User, kode_wilayah: str, household_id=None) -> None:
    """403 unless an admin, or a reviewer whose kabkota-level scope covers the household:
    households are approved, returned and resolved at kabkota; the levels above decide on
    submissions."""
    if user.role == "reviewer" and not acts_at(user, review.KABKOTA, kode_wilayah):
        mine = ", ".join(sorted(set(levels_of(user).values())))
        raise Forbidden(
            f"you review at {mine}: households are decided by the kabupaten/kota reviewer; "
            "return them through their submission",
            household_id,
        )
