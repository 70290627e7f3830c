"""The version an assignment gets by default is the version of the form file the server holds."""

from pathlib import Path

from dtks.forms.form import load_form
from sync_server.services.assignments import DEFAULT_FORM_ID, DEFAULT_FORM_VERSION

FORMS = Path(__file__).resolve().parents[2] / "forms"


def test_default_assignment_form_is_the_form_file():
    form = load_form(FORMS / "verivali-dtks.xlsx")
    assert (form.id, str(form.version)) == (DEFAULT_FORM_ID, DEFAULT_FORM_VERSION)
