"""The committed Markdown renderings match the forms, so a form change shows in the diff."""

import pytest
from forms_fixtures import FORMS

from dtks.forms import load_form
from dtks.forms.render import main, render


@pytest.mark.parametrize("name", ["verivali-dtks", "member-update"])
def test_committed_rendering_matches_the_form(name):
    expected = render(load_form(FORMS / f"{name}.xlsx"))
    committed = (FORMS / f"{name}.md").read_text(encoding="utf-8")
    assert committed == expected, (
        f"forms/{name}.md is stale: python -m dtks.forms.render forms/{name}.xlsx > forms/{name}.md"
    )


def test_rendering_shows_logic_bindings_and_choice_codes():
    text = render(load_form(FORMS / "verivali-dtks.xlsx"))
    assert "| `nik` | text |" in text
    assert "binds: member.nik" in text
    assert (
        "relevant: `${aktif} = 1 and ${jenis_kelamin} = 2 and ${umur} >= 10 and ${umur} <= 55`"
        in text
    )
    assert "### `hubungan`" in text and "| 1 | Kepala rumah tangga | Head of household |" in text
    assert "choice_filter: `status_rt = ${status_rt} or status_rt = 0`" in text


def test_command_line_prints_the_rendering(capsys):
    assert main([str(FORMS / "member-update.xlsx")]) == 0
    assert capsys.readouterr().out == (FORMS / "member-update.md").read_text(encoding="utf-8")
    assert main([]) == 2
