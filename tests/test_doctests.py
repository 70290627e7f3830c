"""The docstring examples of every module of dtks and sync_server run (STYLE: doctests are
examples that run); capi_app's modules are left to their own tests for now."""

import doctest
import importlib
import pkgutil

import pytest

import dtks
import sync_server

SKIP = ("sync_server.db.migrations",)
"""Alembic's env.py runs only inside Alembic."""


def _modules():
    for package in (dtks, sync_server):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if not info.name.startswith(SKIP):
                yield info.name


@pytest.mark.parametrize("name", sorted(_modules()))
def test_docstring_examples_run(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
