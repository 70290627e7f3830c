"""The finding on a request (usul warga, sanggahan, usulan Kemensos), as the verivali form's
section 8 answers it: ``temuan_hasil`` (layak / tidak_layak) and ``temuan_alasan`` (the
reason, at most 500 characters). One finding covers all the household's open request tasks.

``read(answers)`` gives the finding of a verification's answers, or None when they hold none,
and raises ``BadFinding`` naming the answer when they hold one that cannot be taken (the
server keeps the verification and flags a validation warning; it never refuses a push for it).

>>> read({"temuan_hasil": "tidak_layak", "temuan_alasan": " punya mobil "})
Finding(result='tidak_layak', reason='punya mobil')
>>> read({"hasil": "1"}) is None
True
>>> read({"temuan_hasil": "ya"})
Traceback (most recent call last):
...
dtks.findings.BadFinding: temuan_hasil: 'ya' is not one of layak, tidak_layak
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dtks.tasks import REQUEST_KINDS, SANGGAHAN, USUL_WARGA, USULAN_KEMENSOS

LAYAK = "layak"
TIDAK_LAYAK = "tidak_layak"
RESULTS = (LAYAK, TIDAK_LAYAK)
RESULT_FIELD = "temuan_hasil"
REASON_FIELD = "temuan_alasan"
MAX_REASON = 500
"""Longest reason (characters), as the form allows."""
NOT_VISITED = "not_visited"
"""A request with no finding yet (its household not visited, or not yet sent)."""
OUTCOMES = (LAYAK, TIDAK_LAYAK, NOT_VISITED)
WORDS = {LAYAK: "layak", TIDAK_LAYAK: "tidak layak", NOT_VISITED: "belum dikunjungi"}
PENDING, FOUND, APPROVED = "pending", "found", "approved"
STATUSES = (PENDING, FOUND, APPROVED)
"""A request's status: no finding yet; a finding, its household not yet approved; closed by
the household's approval."""
KIND_WORDS = {SANGGAHAN: "sanggahan", USUL_WARGA: "usul warga", USULAN_KEMENSOS: "usulan Kemensos"}
"""Domain words (the same in both languages, as on the BNBA's markings line)."""


@dataclass(frozen=True)
class Finding:
    """What the enumerator found: layak or tidak_layak, and why."""

    result: str
    reason: str


class BadFinding(ValueError):
    """Answers that hold a finding the rule cannot take, named by answer."""

    def __init__(self, field: str, problem: str):
        self.field, self.problem = field, problem
        super().__init__(f"{field}: {problem}")


def read(answers: Mapping) -> Finding | None:
    """The finding in a verification's answers; None when there is no temuan_hasil."""
    result = answers.get(RESULT_FIELD)
    if result is None or result == "":
        return None
    if result not in RESULTS:
        raise BadFinding(RESULT_FIELD, f"{str(result)[:40]!r} is not one of {', '.join(RESULTS)}")
    reason = answers.get(REASON_FIELD)
    if reason is not None and not isinstance(reason, str):
        raise BadFinding(REASON_FIELD, "is not text")
    reason = (reason or "").strip()
    if len(reason) > MAX_REASON:
        raise BadFinding(REASON_FIELD, f"longer than {MAX_REASON} characters")
    return Finding(result, reason)


def tally(items: Iterable[tuple[str, str | None]]) -> dict[str, dict[str, int]]:
    """Requests counted per kind and outcome, from (kind, finding result or None) pairs.

    >>> counts = tally([("usul_warga", "layak"), ("usul_warga", None), ("sanggahan", "layak")])
    >>> counts["usul_warga"]
    {'layak': 1, 'tidak_layak': 0, 'not_visited': 1}
    """
    out = {k: dict.fromkeys(OUTCOMES, 0) for k in REQUEST_KINDS}
    for kind, result in items:
        if kind in out:
            out[kind][result if result in RESULTS else NOT_VISITED] += 1
    return out


def line(counts: Mapping[str, Mapping[str, int]]) -> str:
    """The BNBA's line of request results ('' when there is none).

    >>> line(tally([("usul_warga", "layak"), ("usul_warga", None)]))
    'Permintaan: usul warga layak 1, tidak layak 0, belum dikunjungi 1'
    """
    parts = [
        f"{KIND_WORDS[kind]} " + ", ".join(f"{WORDS[o]} {by[o]}" for o in OUTCOMES)
        for kind, by in counts.items()
        if any(by.values())
    ]
    return "Permintaan: " + "; ".join(parts) if parts else ""
