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
        if key == lang or key.endswith(suffix):
            return text
    if default_language in texts:
        return texts[default_language]
    return next(iter(texts.values()))
