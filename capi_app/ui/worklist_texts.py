"""The words of the monthly cycle on screen: anomaly kinds, tasks and activities, via tr().

The server's anomaly messages are English for the log and the exports; the screens say the
same in the user's language from the kind and its details (``dtks.anomalies``).
"""

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from dtks import anomalies as a
from dtks import cycle, tasks
from dtks.moves import MoveRecord
from dtks.wilayah import dotted, lookup


def anomaly_title(kind: str) -> str:
    """A short name of the kind, for lists and filters."""
    titles = {
        a.WILAYAH_UNKNOWN: QCoreApplication.translate("Worklist", "Unknown kode wilayah"),
        a.WRONG_WILAYAH: QCoreApplication.translate("Worklist", "Listed in the wrong wilayah"),
        a.KK_INVALID: QCoreApplication.translate("Worklist", "Invalid No KK"),
        a.NIK_INVALID: QCoreApplication.translate("Worklist", "Invalid NIK"),
        a.NIK_MISMATCH: QCoreApplication.translate("Worklist", "NIK disagrees"),
        a.IMPOSSIBLE_BIRTH_DATE: QCoreApplication.translate("Worklist", "Impossible birth date"),
        a.DUPLICATE_NIK: QCoreApplication.translate("Worklist", "NIK used twice"),
        a.MISSING_MOTHER_NAME: QCoreApplication.translate("Worklist", "Mother's name missing"),
        a.IMPLAUSIBLE_AGE: QCoreApplication.translate("Worklist", "Implausible age"),
        a.IMPLAUSIBLE_RELATIONSHIP: QCoreApplication.translate(
            "Worklist", "Implausible relationship"
        ),
        a.IMPLAUSIBLE_OCCUPATION: QCoreApplication.translate("Worklist", "Implausible occupation"),
        a.HEAD_COUNT: QCoreApplication.translate("Worklist", "Not exactly one head of household"),
    }
    return titles.get(kind, kind)


def anomaly_text(anomaly: a.Anomaly) -> str:
    """What to fix, in a sentence."""
    k = anomaly.kind
    if k == a.WRONG_WILAYAH:
        places = ", ".join(f"{dotted(c)} {lookup(c) or ''}".strip() for c in anomaly.related)
        return QCoreApplication.translate(
            "Worklist", "Anomaly: listed in this desa, but its household id or No KK points to {0}."
        ).format(places)
    if k == a.DUPLICATE_NIK:
        return QCoreApplication.translate(
            "Worklist", "Anomaly: this NIK is also used by member {0}. Check it against the KTP/KK."
        ).format(", ".join(anomaly.related))
    sentences = {
        a.WILAYAH_UNKNOWN: QCoreApplication.translate(
            "Worklist", "Anomaly: the kode wilayah is not a desa/kelurahan of Kemendagri."
        ),
        a.KK_INVALID: QCoreApplication.translate(
            "Worklist", "Anomaly: the No KK is not valid (16 digits with a real region and date)."
        ),
        a.NIK_INVALID: QCoreApplication.translate(
            "Worklist",
            "Anomaly: the NIK is not valid (16 digits with a real region and birth date).",
        ),
        a.NIK_MISMATCH: QCoreApplication.translate(
            "Worklist", "Anomaly: this value disagrees with the NIK (day + 40 for women)."
        ),
        a.IMPOSSIBLE_BIRTH_DATE: QCoreApplication.translate(
            "Worklist", "Anomaly: the birth date is not a real date or lies in the future."
        ),
        a.MISSING_MOTHER_NAME: QCoreApplication.translate(
            "Worklist", "Anomaly: the mother's name (nama ibu kandung) is missing."
        ),
        a.IMPLAUSIBLE_AGE: QCoreApplication.translate(
            "Worklist", "Anomaly: the age is over 110 years; check the birth date."
        ),
        a.IMPLAUSIBLE_RELATIONSHIP: QCoreApplication.translate(
            "Worklist",
            "Anomaly: the relationship does not fit the ages (e.g. a head of household aged 4).",
        ),
        a.IMPLAUSIBLE_OCCUPATION: QCoreApplication.translate(
            "Worklist",
            "Anomaly: the occupation does not fit the age (e.g. a civil servant aged 6).",
        ),
        a.HEAD_COUNT: QCoreApplication.translate(
            "Worklist", "Anomaly: the members living here must have exactly one head of household."
        ),
    }
    return sentences.get(k, anomaly.message)


def task_title(kind: str) -> str:
    """A task kind's name."""
    titles = {
        tasks.VERIVALI: QCoreApplication.translate("Worklist", "Verification"),
        tasks.PBI: QCoreApplication.translate("Worklist", "PBI-JK verification"),
        tasks.ANOMALI: QCoreApplication.translate("Worklist", "Anomaly fix"),
        tasks.SANGGAHAN: QCoreApplication.translate("Worklist", "Sanggahan (objection)"),
        tasks.USUL_WARGA: QCoreApplication.translate("Worklist", "Usul warga (citizen's proposal)"),
        tasks.USULAN_KEMENSOS: QCoreApplication.translate("Worklist", "Usulan Kemensos"),
    }
    return titles.get(kind, kind)


def activity_title(activity: str) -> str:
    """An activity's name."""
    titles = {
        cycle.PBI: QCoreApplication.translate("Worklist", "PBI-JK verification"),
        cycle.BNBA: QCoreApplication.translate("Worklist", "BNBA verification"),
        cycle.USULAN: QCoreApplication.translate("Worklist", "Proposals (usulan)"),
        cycle.PENGESAHAN: QCoreApplication.translate("Worklist", "Pengesahan"),
    }
    return titles.get(activity, activity)


def refused_move_title() -> str:
    """The name of the list filter of households whose move was refused."""
    return QCoreApplication.translate("Worklist", "Move refused")


def refused_move_text(move: MoveRecord) -> str:
    """What the field is told of a move the receiving reviewer refused (dtks.moves.refused):
    where to, who, when, why, and that the family stays listed where it was."""
    place = f"{dotted(move.to_kode)} {lookup(move.to_kode) or ''}".strip()
    stays = f"{dotted(move.from_kode)} {lookup(move.from_kode) or ''}".strip()
    text = QCoreApplication.translate(
        "Worklist", "The move to {0} was refused by {1} on {2}. The family stays listed in {3}."
    ).format(place, move.decided_by or "?", _day(move.at), stays)
    if move.note:
        text += " " + QCoreApplication.translate("Worklist", "Reason: {0}").format(move.note)
    return text


def _day(at: str | None) -> str:
    """A server time as the laptop's local date, DD-MM-YYYY ('?' when unreadable)."""
    try:
        return datetime.fromisoformat(str(at)).astimezone().strftime("%d-%m-%Y")
    except ValueError:
        return "?"
