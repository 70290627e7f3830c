"""Names for what the report JSON holds as codes: form choices and kode wilayah."""

from __future__ import annotations

from dtks import wilayah
from dtks.forms.messages import pick

FORM_ID = "verivali_dtks"
CODED_FIELDS = ("status_rt", "hasil", "alasan")


def choice_labels(lang: str) -> dict[str, dict[str, str]]:
    """{field: {code: label}} of the verivali form's status_rt, hasil and alasan in lang."""
    from capi_app.forms import load  # the form loads through pyxform: only when printing

    form = load(FORM_ID)
    return {
        name: {c.name: pick(c.label, lang, form.default_language) for c in form.field(name).choices}
        for name in CODED_FIELDS
    }


def region_name(code: str, known: dict[str, str] | None = None) -> str:
    """The name of a plain kode wilayah: from the report when it has it, else the table."""
    if known and known.get(code):
        return known[code]
    return wilayah.lookup(code) or wilayah.dotted(code)


def chain(report: dict) -> list[tuple[int, str, str]]:
    """(level, plain code, name) from the province down to the report's scope."""
    names = {p["code"]: p["name"] for p in report.get("parents", [])}
    names[report["scope"]] = report.get("scope_name") or names.get(report["scope"], "")
    scope = report["scope"]
    return [
        (level, scope[:length], region_name(scope[:length], names))
        for level, length in enumerate(wilayah.PREFIX_LENGTHS, start=1)
        if len(scope) >= length
    ]


def kabupaten(report: dict) -> str | None:
    """'Kabupaten Bandung' / 'Kota Bandung' for a scope at or below level 2, else None."""
    for level, _code, name in chain(report):
        if level == 2:
            return name
    return None


def regional_head(kabupaten_name: str | None, province: str | None = None) -> str:
    """The title of who signs the pengesahan: 'Kabupaten X' -> 'Bupati X', 'Kota X' -> 'Wali Kota X'."""
    if not kabupaten_name:
        return f"Gubernur {province}" if province else "Gubernur"
    # "Kota Administrasi Jakarta Pusat" -> "Wali Kota Administrasi Jakarta Pusat", as titled
    for prefix, title in (("Kabupaten ", "Bupati "), ("Kota ", "Wali Kota ")):
        if kabupaten_name.startswith(prefix):
            return title + kabupaten_name[len(prefix) :]
    return f"Kepala Daerah {kabupaten_name}"


def place(kabupaten_name: str | None, province: str | None) -> str:
    """Where a document is signed by default: the regency or city name without its kind."""
    name = kabupaten_name or province or ""
    for prefix in ("Kabupaten ", "Kota Administrasi ", "Kota "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def region_phrase(report: dict, w) -> str:
    """The scope named from its own level up to the kabupaten/kota, for running text:
    'Desa Dayeuhkolot, Kecamatan Dayeuhkolot, Kabupaten Bandung'."""
    words = {
        3: w.translate("Reports", "District %1"),
        4: w.translate("Reports", "Village %1"),
    }
    parts = [
        words[level].replace("%1", name) if level in words else name
        for level, _code, name in reversed(chain(report))
        if level >= 2 or len(report["scope"]) == 2
    ]
    return ", ".join(parts)
