"""Which form a household is verified with: its assignment's form, loaded once per process."""

from __future__ import annotations

import functools
from pathlib import Path

from capi_app.store.store import Store
from dtks.forms import Form, load_form
from dtks.resources import forms_dir

DEFAULT_FORM_ID = "verivali_dtks"


class FormNotFound(LookupError):
    """The form an assignment names is not installed on this laptop."""


def form_path(form_id: str, directory: Path | None = None) -> Path:
    """The .xlsx of a form id: forms/<id>.xlsx, with '_' also written as '-'."""
    directory = directory or forms_dir()
    for name in (form_id, form_id.replace("_", "-")):
        path = directory / f"{name}.xlsx"
        if path.exists():
            return path
    raise FormNotFound(f"form {form_id} is not installed in {directory}; update the application")


@functools.cache
def load(form_id: str) -> Form:
    """The loaded form for an id (cached: loading goes through pyxform and takes a moment)."""
    return load_form(form_path(form_id))


def form_for(store: Store, household_id: str) -> Form:
    """The form of the household's assignment (the verivali form when it has none)."""
    row = store.db.execute(
        """SELECT a.form_id FROM households h JOIN assignments a ON a.id = h.assignment_id
           WHERE h.household_id = ?""",
        [household_id],
    ).fetchone()
    return load(row[0] if row else DEFAULT_FORM_ID)
