"""Fixtures for the client store tests: real SQLCipher profiles in tmp_path."""

from __future__ import annotations

import pytest
from store_samples import ASSIGNMENT, PASSWORD, make_household

from capi_app.store import Store


@pytest.fixture
def store(tmp_path):
    """An empty encrypted store with one assignment."""
    s = Store.create(tmp_path / "profile", PASSWORD)
    s.save_assignments([ASSIGNMENT])
    yield s
    s.close()


@pytest.fixture
def pulled(store):
    """The store with 20 pulled households of 3 members each."""
    store.upsert_pulled([make_household(i) for i in range(1, 21)], ASSIGNMENT.id)
    return store
