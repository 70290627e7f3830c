"""Values that pass their types but look wrong: the ``validation_warning`` flag's checks.

Kept deliberately small (see docs/review-api.md): a member's NIK must agree with their birth
date and sex (``dtks.ids``), a birth date must not lie in the future or more than 110 years
back, and GPS points (household lat/lon, the verification's point) must lie in Indonesia
(``dtks.indonesia``, the box the client checks too).

>>> from dtks.model import Member
>>> m = Member("m1", "active", {"nik": "3204124508900003", "tanggal_lahir": "1990-08-05",
...     "jenis_kelamin": 1})
>>> member_warnings(m)
['member m1: NIK 3204124508900003 says sex P, jenis_kelamin is 1']
"""

from datetime import date

from dtks import ids, indonesia

MAX_AGE_YEARS = 110
_SEX_CODES = {"L": 1, "P": 2}


def member_warnings(member, today: date | None = None) -> list[str]:
    """Problems of one active member's NIK, birth date and sex."""
    if member.status != "active":
        return []
    today = today or date.today()
    v, who = member.values, f"member {member.member_id}"
    out = []
    born = _date(v.get("tanggal_lahir"))
    if born and (born > today or today.year - born.year > MAX_AGE_YEARS):
        out.append(f"{who}: tanggal_lahir {born.isoformat()} is implausible")
    try:
        nik = ids.parse_nik(str(v.get("nik") or ""), today)
    except ids.InvalidId as e:
        return out + [f"{who}: {e}"]
    if born and nik.birth_date != born:
        out.append(f"{who}: NIK {nik.text} says born {nik.birth_date}, tanggal_lahir is {born}")
    sex = v.get("jenis_kelamin")
    if sex is not None and _SEX_CODES[nik.sex] != sex:
        out.append(f"{who}: NIK {nik.text} says sex {nik.sex}, jenis_kelamin is {sex}")
    return out


def point_warning(what: str, lat, lon) -> list[str]:
    """A GPS point outside Indonesia, as a one-item list (empty when fine or absent)."""
    if lat is None or lon is None:
        return []
    if indonesia.inside(lat, lon):
        return []
    return [f"{what}: point {lat}, {lon} lies outside Indonesia"]


def household_warnings(household, member_ids, point=False, verification=None) -> list[str]:
    """Warnings for the members named (those a push touched), the household's point when
    point is true (it was pushed), and the verification's GPS."""
    out = []
    for m in household.members:
        if m.member_id in member_ids:
            out += member_warnings(m)
    if point:
        v = household.values
        out += point_warning("household lat/lon", v.get("lat"), v.get("lon"))
    if verification is not None and verification.gps is not None:
        out += point_warning("verification gps", verification.gps.lat, verification.gps.lon)
    return out


def _date(text) -> date | None:
    try:
        return date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None
