"""The monthly cycle on screen: the worklist filter, anomalies marked in the form and cleared as
the answer is fixed, days left per activity with a warning before a deadline."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from test_form_view import type_into

from capi_app import account, demo
from capi_app.profile import Profile
from capi_app.sync.session import run_sync
from capi_app.ui import i18n
from capi_app.ui.household_list import WORKLIST
from capi_app.ui.household_view import HouseholdDialog
from capi_app.ui.main_window import MainWindow
from dtks.cycle import default_calendar

WIB = timezone(timedelta(hours=7))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The demo server: 300 sample households, about 3 % with a planted anomaly."""
    s = demo.start_demo_server(tmp_path_factory.mktemp("demo"), log=lambda *_: None)
    yield s
    s.stop()


@pytest.fixture
def session(server, tmp_path, qapp):
    s = account.login_online(Profile(tmp_path / "p"), server.url, "enum1", demo.DEMO_PASSWORD)
    run_sync(s)
    yield s
    if s.store.db.conn is not None:
        s.close()


def _with(session, kind):
    """(household id, anomaly) of the first pulled household with an anomaly of this kind."""
    for row in session.store.list_households(limit=10_000):
        for a in session.store.anomalies(row.household_id):
            if a.kind == kind:
                return row.household_id, a
    raise AssertionError(f"the demo pre-list has no {kind}")


def test_the_worklist_filter_lists_exactly_the_households_with_anomalies(qtbot, session):
    window = MainWindow(session)
    qtbot.addWidget(window)
    items = [window.filters.item(i) for i in range(window.filters.count())]
    (worklist,) = [i for i in items if i.data(256) == WORKLIST]
    window.filters.setCurrentItem(worklist)
    shown = {window.model.row_at(r).household_id for r in range(window.model.rowCount())}
    expected = {
        r.household_id
        for r in session.store.list_households(limit=10_000)
        if session.store.anomalies(r.household_id)
    }
    assert shown == expected and len(expected) >= 5
    assert f"({len(expected)})" in worklist.text()


def test_a_missing_mothers_name_is_marked_in_the_form_and_clears_as_it_is_typed(qtbot, session):
    hid, anomaly = _with(session, "missing_mother_name")
    dialog = HouseholdDialog(session, hid)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    members = dialog.form_view.answers(keep_hidden=True)["members"]
    index = next(i for i, m in enumerate(members) if m["id_art"] == anomaly.member_id)
    path = f"members[{index}].nama_ibu"
    assert "mother's name" in dialog.form_view.anomalies()[path]
    type_into(qtbot, dialog.form_view, "status_rt", "1")
    type_into(qtbot, dialog.form_view, f"members[{index}].status_art", "1")
    type_into(qtbot, dialog.form_view, path, "Siti Aminah")
    assert path not in dialog.form_view.anomalies()
    assert dialog.save_draft()
    assert all(a.kind != "missing_mother_name" for a in session.store.anomalies(hid))


def test_the_form_names_the_anomaly_in_indonesian(qtbot, session):
    hid, anomaly = _with(session, "duplicate_nik")
    i18n.set_language("id")
    dialog = HouseholdDialog(session, hid)
    qtbot.addWidget(dialog)
    (text,) = [t for p, t in dialog.form_view.anomalies().items() if p.endswith(".nik")]
    assert "juga dipakai" in text and anomaly.related[0] in text


def test_days_left_per_activity_and_a_warning_three_days_before_the_deadline(qtbot, session):
    session.store.save_calendar(default_calendar("2026-11", "3204122002"), "32.04.12.2002")
    window = MainWindow(session)
    qtbot.addWidget(window)
    early = window.show_deadlines(now=datetime(2026, 11, 2, 9, tzinfo=WIB))
    assert not any(n.warn for n in early)
    assert "BNBA verification opens 14-11-2026" in window.deadline_label.text()
    assert "PBI-JK verification: 10 days left (until 11-11-2026 WIB)" in (
        window.deadline_label.text()
    )
    late = window.show_deadlines(now=datetime(2026, 11, 27, 9, tzinfo=WIB))
    assert [n.activity for n in late if n.warn] == ["bnba"]
    assert window.deadline_label.property("warn") is True
    assert "BNBA verification: 3 days left (until 29-11-2026 WIB)" in window.deadline_label.text()
    closed = window.show_deadlines(now=datetime(2026, 11, 29, 17, 1, tzinfo=UTC))
    assert "BNBA verification closed 29-11-2026" in window.deadline_label.text()
    assert not any(n.warn for n in closed)
