"""Built-in messages in Bahasa Indonesia and English, and picking a text by language."""

MESSAGES = {
    "required": ("Wajib diisi.", "Required."),
    "constraint": ("Jawaban tidak memenuhi batasan.", "The answer does not meet the constraint."),
    "not_text": ("Harus berupa teks.", "Must be text."),
    "not_integer": ("Harus bilangan bulat.", "Must be a whole number."),
    "not_decimal": ("Harus berupa angka.", "Must be a number."),
    "not_date": ("Harus tanggal dengan format YYYY-MM-DD.", "Must be a date written YYYY-MM-DD."),
    "not_geopoint": (
        "Harus titik GPS 'lintang bujur [ketinggian akurasi]' yang sah.",
        "Must be a valid GPS point 'lat lon [altitude accuracy]'.",
    ),
    "not_image": ("Harus nama berkas foto.", "Must be a photo file name."),
    "not_file": ("Harus nama berkas.", "Must be a file name."),
    "not_time": (
        "Harus jam dengan format HH:MM:SS (boleh .sss dan zona +hh:mm).",
        "Must be a time written HH:MM:SS (optionally .sss and a zone +hh:mm).",
    ),
    "not_datetime": (
        "Harus tanggal dan jam ISO, mis. 2026-11-01T09:30:00+07:00.",
        "Must be an ISO date and time, e.g. 2026-11-01T09:30:00+07:00.",
    ),
    "not_geotrace": (
        "Harus garis GPS: dua titik atau lebih 'lintang bujur;...'.",
        "Must be a GPS line: two or more points 'lat lon;...'.",
    ),
    "not_geoshape": (
        "Harus bidang GPS: tiga titik atau lebih 'lintang bujur;...'.",
        "Must be a GPS shape: three or more points 'lat lon;...'.",
    ),
    "not_acknowledge": ("Harus OK.", "Must be OK."),
    "out_of_range": (
        "Harus antara {start} dan {end}, dengan langkah {step}.",
        "Must be between {start} and {end}, in steps of {step}.",
    ),
    "not_choice": ("Kode {code} bukan pilihan yang sah.", "Code {code} is not one of the choices."),
    "filtered_choice": (
        "Kode {code} tidak boleh dipilih di sini.",
        "Code {code} cannot be chosen here.",
    ),
    "not_repeat": ("Harus berupa daftar isian.", "Must be a list of entries."),
    "repeat_count": (
        "Harus ada {want} isian, ada {have}.",
        "Must have {want} entries, has {have}.",
    ),
    "not_answers": ("Jawaban harus berupa objek.", "The answers must be an object."),
    "error": (
        "Rumus formulir gagal ({where}): {error}",
        "A form expression failed ({where}): {error}",
    ),
}


_LANGUAGE_NAMES = {
    "english": "en",
    "indonesian": "id",
    "bahasa indonesia": "id",
    "bahasa": "id",
    "indonesia": "id",
}
"""Language columns written without a code (label::English) still answer to 'en' / 'id'."""


def message(key: str, lang: str, **params) -> str:
    """A built-in message in 'id' (default) or 'en', with its {placeholders} filled."""
    indonesian, english = MESSAGES[key]
    return (english if lang == "en" else indonesian).format(**params)


def pick(texts: dict[str, str], lang: str, default_language: str = "default") -> str:
    """The text for language code ``lang`` ('id', 'en') from {'English (en)': ..., ...}.

    Falls back to the form's default language, then to any language, then to ''.
    """
    if not texts:
        return ""
    suffix = f"({lang})"
    for key, text in texts.items():
        if key == lang or key.endswith(suffix) or _LANGUAGE_NAMES.get(key.lower()) == lang:
            return text
    if default_language in texts:
        return texts[default_language]
    return next(iter(texts.values()))
