"""Why a member leaves a household: the removal reasons client and server agree on.

A removed member is never deleted: it stays with one of these reasons and a date. The
verivali form's member status (``status_art``) maps its codes onto them in
:data:`FORM_STATUS`.

>>> check_reason("meninggal")
'meninggal'
>>> check_reason("hilang")
Traceback (most recent call last):
...
ValueError: removal reason 'hilang' is not one of meninggal, pindah, lainnya
"""

MENINGGAL = "meninggal"
"""Died (the BNBA marks the death with its date)."""
PINDAH = "pindah"
"""Moved out of the household."""
LAINNYA = "lainnya"
"""Any other reason (a duplicate entry, listed by mistake)."""
REMOVAL_REASONS = (MENINGGAL, PINDAH, LAINNYA)

FORM_STATUS = {"2": MENINGGAL, "3": PINDAH}
"""The verivali form's status_art codes that remove a member, and their reason."""


def check_reason(reason: str) -> str:
    """The reason, stripped, when it is one of REMOVAL_REASONS; ValueError otherwise."""
    text = (reason or "").strip()
    if text not in REMOVAL_REASONS:
        raise ValueError(f"removal reason {text!r} is not one of {', '.join(REMOVAL_REASONS)}")
    return text
