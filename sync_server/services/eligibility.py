"""Whether a verification changes a household's eligibility, from the verivali form's answers.

Codes of the verivali form: ``status_rt`` 1 found (2 not found, 3 moved, 4 all deceased,
5 refused, 6 duplicate record); ``hasil`` 1 eligible (layak), 2 not eligible; ``alasan`` the
reason when not eligible. Answers may carry codes as text ("1") or numbers (1).

>>> changes_eligibility({"status_rt": "1", "hasil": "2"}, proposed=False)
True
>>> changes_eligibility({"status_rt": 1, "hasil": 1}, proposed=False)
False
>>> changes_eligibility({"status_rt": "1", "hasil": "1"}, proposed=True)
True
"""

STATUS_FIELD = "status_rt"
RESULT_FIELD = "hasil"
REASON_FIELD = "alasan"
FOUND = "1"
ELIGIBLE = "1"
NOT_ELIGIBLE = "2"


def code(answers: dict | None, name: str) -> str | None:
    """A choice answer as its code text ('1'), or None when unanswered."""
    value = (answers or {}).get(name)
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() or None


def changes_eligibility(answers: dict | None, proposed: bool) -> bool:
    """True for a pre-list household found not eligible or not found (status_rt != 1), or a
    proposed household found eligible."""
    status, result = code(answers, STATUS_FIELD), code(answers, RESULT_FIELD)
    if proposed:
        return result == ELIGIBLE
    return result == NOT_ELIGIBLE or (status is not None and status != FOUND)
