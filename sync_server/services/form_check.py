"""The one place where a verification's answers are checked against its form (dtks.forms).

Until the form engine is importable, or when the form is not in the forms directory, only the
protocol checks of dtks.model apply (types, ids, required keys).
"""

import functools
import logging
from pathlib import Path

from sync_server.errors import InvalidContent

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=32)
def _form(forms_dir: str, form_id: str, form_version: str):
    try:
        from dtks.forms import load_form
    except ImportError:
        return None
    for name in (f"{form_id}.xlsx", f"{form_id.replace('_', '-')}.xlsx"):
        path = Path(forms_dir) / name
        if path.exists():
            form = load_form(path)
            version = str(getattr(form, "version", form_version) or form_version)
            if version != form_version:
                log.warning(
                    "form %s: file has version %s, push says %s", form_id, version, form_version
                )
            return form
    log.warning(
        "form %s not found in %s: answers checked for protocol types only", form_id, forms_dir
    )
    return None


def form_for(forms_dir: Path | None, form_id: str, form_version: str):
    """The loaded form of a push or verification, or None when it is not in the forms dir."""
    if forms_dir is None:
        return None
    return _form(str(forms_dir), form_id, form_version)


def check_answers(
    forms_dir: Path | None,
    household_id: str,
    form_id: str,
    form_version: str,
    answers: dict,
    paper: bool = False,
) -> None:
    """Raise InvalidContent naming the household and question when answers break the form
    (``paper``: keyed from a paper questionnaire, which holds no photo)."""
    if forms_dir is None:
        return
    form = _form(str(forms_dir), form_id, form_version)
    if form is None:
        return
    problems = form.validate(answers, "id", paper=paper)
    if problems:
        first = problems[0]
        field = f"verification.answers.{first.path}"
        raise InvalidContent(
            f"household {household_id}, field {field}: {first.message}", household_id, field
        )
