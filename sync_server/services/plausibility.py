"""Values that pass their types but look wrong: the ``validation_warning`` flag's checks.

Kept deliberately small (see docs/review-api.md): a member's NIK must agree with their birth
date and sex, a birth date must not lie in the future or more than 110 years back (the member
rules of ``dtks.anomalies``), and GPS points (household lat/lon, the verification's point) must lie in Indonesia
(``dtks.indonesia``, the box the client checks too).

>>> from dtks.model import Member
>>> m = Member("m1", "active", {"nik": "3204124508900003", "tanggal_lahir": "1990-08-05",
...     "jenis_kelamin": 1})
>>> member_warnings(m)
['member m1: NIK 3204124508900003 says sex P (day + 40 for women), jenis_kelamin is 1']
"""

from datetime import date

from dtks import anomalies, cycle, indonesia
from sync_server import clock

MEMBER_KINDS = frozenset(
    {
        anomalies.NIK_INVALID,
        anomalies.NIK_MISMATCH,
        anomalies.IMPOSSIBLE_BIRTH_DATE,
        anomalies.IMPLAUSIBLE_AGE,
    }
)
"""The anomaly kinds a validation_warning repeats for the reviewer."""


def member_warnings(member, today: date | None = None, head_born=None, rules=None) -> list[str]:
    """Problems of one active member's NIK, birth date and sex: the member kinds of the
    anomaly worklist (dtks.anomalies), written as one line each.

    head_born (the head's birth date) only changes kinds these leave out; passing the one the
    worklist uses lets a shared dtks.anomalies.MemberRules (rules) answer both at once."""
    if member.status != "active":
        return []
    rules = rules or anomalies.member_anomalies
    found = rules(member, today or clock.current().date(), head_born)
    return [f"member {a.member_id}: {a.message}" for a in found if a.kind in MEMBER_KINDS]


def point_warning(what: str, lat, lon) -> list[str]:
    """A GPS point outside Indonesia, as a one-item list (empty when fine or absent)."""
    if lat is None or lon is None:
        return []
    if indonesia.inside(lat, lon):
        return []
    return [f"{what}: point {lat}, {lon} lies outside Indonesia"]


def household_warnings(
    household, member_ids, point=False, verification=None, rules=None
) -> list[str]:
    """Warnings for the members named (those a push touched), the household's point when
    point is true (it was pushed), and the verification's GPS; rules: see member_warnings."""
    out = []
    touched = [m for m in household.members if m.member_id in member_ids]
    if touched:
        today = local_day(household.values.get("kode_wilayah"))
        head_born = anomalies.head_birth(household, today)
        for m in touched:
            out += member_warnings(m, today, head_born, rules)
    if point:
        v = household.values
        out += point_warning("household lat/lon", v.get("lat"), v.get("lon"))
    if verification is not None and verification.gps is not None:
        out += point_warning("verification gps", verification.gps.lat, verification.gps.lon)
    return out


def local_day(kode_wilayah) -> date:
    """Today in the time zone of the region (dtks.cycle.zone_of): the day a push's birth
    dates and NIKs are judged on, as the anomaly worklist judges them."""
    zone = cycle.zone_of(str(kode_wilayah or "")).tzinfo
    return clock.current().astimezone(zone).date()


def _date(text) -> date | None:
    try:
        return date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None
