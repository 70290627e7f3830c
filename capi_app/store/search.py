"""Search households by name prefix, NIK, No KK or address over plain indexed columns.

The columns sit inside the encrypted database, so indexing them leaks nothing to disk.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

_WORD = re.compile(r"\w+")
_DIGITS_ONLY = re.compile(r"[\d .-]+")


@dataclass(frozen=True)
class SearchHit:
    """One match: the household, and the member whose name or NIK matched (if any)."""

    household_id: str
    member_id: str | None
    nama: str | None
    nik: str | None
    nama_krt: str | None
    no_kk: str | None
    alamat: str | None
    state: str


def words(text: str | None) -> set[str]:
    """The lowercase words of a name or address, as indexed."""
    return set(_WORD.findall(text.lower())) if text else set()


def word_rows(household_id: str, member_id: str, texts: Iterable[str | None]) -> list[tuple]:
    """Rows of ``search_words`` for one household ('' as member) or member."""
    found: set[str] = set()
    for text in texts:
        found |= words(text if isinstance(text, str) else None)
    return [(w, household_id, member_id) for w in found]


def _upper(prefix: str) -> str:
    # UTF-8 byte order equals code point order, so this bounds every string with the prefix.
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _by_number(db: Database, digits: str, limit: int) -> list[tuple[str, str]]:
    hi = _upper(digits)
    rows = db.execute(
        "SELECT household_id, member_id FROM members WHERE nik >= ? AND nik < ? LIMIT ?",
        [digits, hi, limit],
    ).fetchall()
    rows += db.execute(
        """SELECT household_id, '' FROM households
           WHERE (no_kk >= ? AND no_kk < ?) OR (household_id >= ? AND household_id < ?)
           LIMIT ?""",
        [digits, hi, digits, hi, limit],
    ).fetchall()
    return rows


def _by_words(db: Database, tokens: list[str], limit: int) -> list[tuple[str, str]]:
    # Scan the index for the longest (most selective) token; the others must prefix a word
    # of the same owner, checked through the (household_id, member_id) index.
    tokens = sorted(set(tokens), key=len, reverse=True)
    sql = "SELECT DISTINCT w.household_id, w.member_id FROM search_words w WHERE w.word >= ? AND w.word < ?"
    params: list = [tokens[0], _upper(tokens[0])]
    for token in tokens[1:]:
        sql += """ AND EXISTS (SELECT 1 FROM search_words o
                   WHERE o.household_id = w.household_id AND o.member_id = w.member_id
                   AND o.word >= ? AND o.word < ?)"""
        params += [token, _upper(token)]
    sql += " LIMIT ?"
    return db.execute(sql, [*params, limit]).fetchall()


def search(db: Database, text: str, limit: int = 50) -> list[SearchHit]:
    """Households matching ``text``: digits → NIK / No KK / id prefix, else name or address words.

    >>> search(db, "siti am")      # doctest: +SKIP
    [SearchHit(household_id='3204122002000123', member_id='320412200200012302', nama='Siti Aminah', ...)]
    """
    text = (text or "").strip()
    if not text:
        return []
    if _DIGITS_ONLY.fullmatch(text):
        owners = _by_number(db, re.sub(r"\D", "", text), limit)
    else:
        tokens = list(words(text))
        owners = _by_words(db, tokens, limit * 2) if tokens else []
    return _hits(db, owners, limit)


def _hits(db: Database, owners: list[tuple[str, str]], limit: int) -> list[SearchHit]:
    hits: list[SearchHit] = []
    seen: set[tuple[str, str]] = set()
    for household_id, member_id in owners:
        if (household_id, member_id) in seen:
            continue
        seen.add((household_id, member_id))
        row = db.execute(
            """SELECT h.nama_krt, h.no_kk, h.alamat, h.state, m.nama, m.nik
               FROM households h LEFT JOIN members m ON m.member_id = ? AND m.household_id = h.household_id
               WHERE h.household_id = ? AND h.state != 'deleted'""",
            [member_id, household_id],
        ).fetchone()
        if row is None:
            continue
        hits.append(
            SearchHit(
                household_id=household_id,
                member_id=member_id or None,
                nama=row[4],
                nik=row[5],
                nama_krt=row[0],
                no_kk=row[1],
                alamat=row[2],
                state=row[3],
            )
        )
        if len(hits) >= limit:
            break
    return hits
