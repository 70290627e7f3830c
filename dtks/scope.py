"""Wilayah scopes: a scope is a prefix of the 10-digit kode wilayah (plain digits).

A user's, an assignment's or a query's scope covers every region whose code starts with it:
``32`` the province, ``3204`` the regency, ``3204122002`` one desa, ``""`` the whole country.
This is the one prefix test; the server's queries use :func:`code_range` for the same rule
in SQL.

>>> covers("3204", "3204122002"), covers("3204", "3205010001")
(True, False)
>>> covers_any(["3205", "320412"], "3204122002")
True
>>> plain("32.04.12")
'320412'
"""

from collections.abc import Iterable


def plain(scope: str) -> str:
    """The scope without dots: '32.04.12.2002' -> '3204122002' (no validation)."""
    return scope.replace(".", "").strip()


def covers(scope: str, kode_wilayah: str) -> bool:
    """True when the scope (plain or dotted) is a prefix of the kode wilayah."""
    return plain(kode_wilayah).startswith(plain(scope))


def covers_any(scopes: Iterable[str], kode_wilayah: str) -> bool:
    """True when any of the scopes covers the kode wilayah."""
    return any(covers(s, kode_wilayah) for s in scopes)


def code_range(scope: str) -> tuple[str, str]:
    """(low, high) with low <= code < high exactly for the codes the scope covers.

    >>> low, high = code_range("3204")
    >>> low <= "3204122002" < high, low <= "3205" < high
    (True, False)
    """
    s = plain(scope)
    return s, s + ":"  # ':' sorts right after '9'
