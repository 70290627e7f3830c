"""Proposing a household found in the field that is not on the pre-list (usulan baru).

The enumerator gives where it is and who heads it; the store keeps it under a client UUID
until the Dinas Sosial approves it and the server gives it a permanent DTKS id.
"""

from __future__ import annotations

from dataclasses import dataclass

from capi_app.store.store import Store
from dtks import wilayah
from dtks.ids import parse_wilayah
from dtks.prelist import HOUSEHOLD_COLUMNS, InvalidValue, parse_value

PROPOSAL_FIELDS = ("kode_wilayah", "alamat", "rt", "rw", "nama_krt", "no_kk")


@dataclass(frozen=True)
class Desa:
    """A desa the user may propose a household in, with the assignment it belongs to."""

    code: str
    name: str
    assignment_id: int


def desa_choices(store: Store) -> list[Desa]:
    """The desa of the user's assignments (every desa below a kecamatan or larger scope)."""
    out: dict[str, Desa] = {}
    for a in store.assignments():
        scope = parse_wilayah(a.scope)
        codes = [scope.code] if scope.level == 4 else wilayah.codes_under(scope.code)
        for code in codes:
            out.setdefault(code, Desa(code, wilayah.lookup(code) or code, a.id))
    return sorted(out.values(), key=lambda d: d.code)


def check_proposal(texts: dict[str, str]) -> tuple[dict, dict[str, str]]:
    """Typed values of the proposal's fields, and a message per field that does not fit."""
    values, problems = {}, {}
    for name in PROPOSAL_FIELDS:
        try:
            values[name] = parse_value(HOUSEHOLD_COLUMNS[name], texts.get(name, ""))
        except InvalidValue as e:
            problems[name] = str(e)
    values["jumlah_art"] = 1  # the head; the members section of the form adds the others
    return values, problems


def propose(store: Store, desa: Desa, texts: dict[str, str], user: str) -> str:
    """Store the proposal; returns its client UUID. Raises InvalidValue naming a bad field."""
    values, problems = check_proposal({**texts, "kode_wilayah": desa.code})
    if problems:
        raise InvalidValue("; ".join(problems.values()))
    return store.add_household(values, desa.assignment_id, user)
