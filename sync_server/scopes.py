"""Wilayah scopes: a scope is a prefix of the 10-digit kode wilayah (plain digits).

>>> normalise_scope("32.04.12")
'320412'
>>> covers(["3204"], "3204122002"), covers(["3204"], "3205010001")
(True, False)
"""

from dtks import ids
from sync_server.errors import UsageError


def normalise_scope(text: str) -> str:
    """Turn a dotted or plain kode wilayah of any level into its plain code, validated."""
    try:
        return ids.parse_wilayah(text).code
    except ids.InvalidId as e:
        raise UsageError(f"scope {text!r}: {e}") from None


def covers(scopes, kode_wilayah: str) -> bool:
    """True when any scope is a prefix of the kode wilayah."""
    return any(kode_wilayah.startswith(s) for s in scopes)


def scope_range(scope: str) -> tuple[str, str]:
    """Return (low, high) so that low <= code < high selects codes under the scope (index-friendly)."""
    return scope, scope + ":"  # ':' sorts right after '9'


def dotted(scope: str) -> str:
    """Write a plain scope with dots, as the protocol shows it."""
    from dtks.wilayah import dotted as _dotted

    return _dotted(scope)
