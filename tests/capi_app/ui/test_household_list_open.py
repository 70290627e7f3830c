"""Opening the household list stays cheap with many households: its model is reset once, and a
column sorts in the model (one Python sort) instead of the proxy comparing rows through data()."""

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from store_samples import ASSIGNMENT, make_household

from capi_app.ui.household_list import HouseholdTableModel
from capi_app.ui.main_window import MainWindow

COUNT = 60


@pytest.fixture
def session(store, qapp):
    """A logged-in session stand-in over a real encrypted store with COUNT households."""
    store.upsert_pulled(
        [make_household(i, nama_krt=f"Kepala {i:03d}") for i in range(1, COUNT + 1)], ASSIGNMENT.id
    )
    return SimpleNamespace(
        store=store, online=False, username="enum1", role="enumerator", profile=None
    )


def test_opening_the_list_resets_the_model_once(qtbot, session, monkeypatch):
    resets = []
    end = HouseholdTableModel.endResetModel
    monkeypatch.setattr(HouseholdTableModel, "endResetModel", lambda m: (resets.append(1), end(m)))
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert len(resets) == 1
    assert window.model.rowCount() == COUNT


def test_a_column_sorts_in_the_model_not_in_the_proxy(qtbot, session):
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    # A sorting proxy compares rows through data(), n log n Python calls: seconds for 10,000.
    assert window.proxy.sortColumn() == -1
    names = [window.model.row_at(r).head_name for r in range(window.model.rowCount())]
    assert names == sorted(names, reverse=True) and names[0] == f"Kepala {COUNT:03d}"
    shown = [window.proxy.index(r, 1).data() for r in range(window.proxy.rowCount())]
    assert shown == names


def test_the_selected_household_stays_selected_through_a_sort(qtbot, session):
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.select_household("3204122002000007")
    window.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert window.current_household_id() == "3204122002000007"
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert window.current_household_id() == "3204122002000007"
    assert window.proxy.index(0, 0).data() == "3204122002000001"


def test_a_reload_keeps_the_chosen_order(qtbot, session):
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    window.reload()
    assert window.proxy.index(0, 0).data() == f"3204122002{COUNT:06d}"
