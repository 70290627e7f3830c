"""Wilayah scopes on the server: validated user input, and the prefix rule of ``dtks.scope``.

>>> normalise_scope("32.04.12")
'320412'
>>> covers(["3204"], "3204122002"), covers(["3204"], "3205010001")
(True, False)
"""

from dtks import ids
from dtks import scope as scope_rule
from sync_server.errors import InvalidContent

NATIONAL_WORDS = ("national", "nasional")
"""How a user, the CLI or a query names the whole country (the empty prefix, Kemensos)."""


def normalise_scope(text: str) -> str:
    """Turn a dotted or plain kode wilayah of any level into its plain code, validated;
    'national' is the whole country ('').

    >>> normalise_scope("national")
    ''
    """
    if text.strip().lower() in NATIONAL_WORDS:
        return ""
    try:
        return ids.parse_wilayah(text).code
    except ids.InvalidId as e:
        raise InvalidContent(f"scope {text!r}: {e}", field="scope") from None


def covers(scopes, kode_wilayah: str) -> bool:
    """True when any scope is a prefix of the kode wilayah."""
    return scope_rule.covers_any(scopes, kode_wilayah)


def scope_range(scope: str) -> tuple[str, str]:
    """Return (low, high) so that low <= code < high selects codes under the scope (index-friendly)."""
    return scope_rule.code_range(scope)


PREFIX_LEVELS = (2, 4, 6)
"""Scope lengths (provinsi, kabupaten/kota, kecamatan) with a prefix index of their own
(migration 0010: substr(kode_wilayah, 1, n) with seq); a desa is matched exactly."""


def under_scope(column, scope: str):
    """A SQL condition: column (a kode wilayah) lies under scope, written so that the
    (prefix, seq) indexes answer it: the same substr expression as the index, in literals.

    >>> from sqlalchemy import column
    >>> str(under_scope(column("k"), "3204"))
    'substr(k, 1, 4) = :substr_1'
    """
    from sqlalchemy import and_, func, literal_column

    if len(scope) in PREFIX_LEVELS:
        return func.substr(column, literal_column("1"), literal_column(str(len(scope)))) == scope
    if len(scope) == 10:
        return column == scope
    low, high = scope_range(scope)
    return and_(column >= low, column < high)


def dotted(scope: str) -> str:
    """Write a plain scope with dots, as the protocol shows it."""
    from dtks.wilayah import dotted as _dotted

    return _dotted(scope)
