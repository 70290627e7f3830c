"""The usage examples in the docstrings of dtks.forms run."""

import doctest
import importlib

import pytest
from forms_fixtures import ROOT

MODULES = [
    "dtks.forms",
    "dtks.forms.answers",
    "dtks.forms.compare",
    "dtks.forms.expr.dates",
    "dtks.forms.expr.parser",
    "dtks.forms.expr.printer",
    "dtks.forms.expr.standalone",
    "dtks.forms.form",
    "dtks.forms.prefill",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name, monkeypatch):
    monkeypatch.chdir(ROOT)  # examples name forms/ relative to the repository
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
