"""Visit integrity end to end: enumerators' clients record paradata and sync to a real server;
the reviewer sees the planted set's signs with their evidence, and none on the honest set."""

from __future__ import annotations

import pytest
from e2e_helpers import login
from integrity_sets import fabricated_set, honest_day
from PySide6.QtCore import QPoint, Qt
from server_process import DESA

from capi_app.profile import Profile
from capi_app.sync.session import run_sync
from capi_app.ui.integrity_view import IntegrityWindow
from capi_app.ui.review_window import ReviewWindow
from dtks import integrity, review

PLANTED_SIGNS = {
    integrity.SHORT_INTERVIEW,
    integrity.PHOTO_TIME,
    integrity.SHARED_PHOTO,
    integrity.CLUSTERED_GPS,
    integrity.ONE_SITTING,
}


@pytest.fixture
def field_work(tmp_path, small_server, qapp):
    """enum1 fabricates 10 households at a desk, enum2 visits 20 honestly; both sync."""
    small_server.add_user("rev1", role="reviewer")
    small_server.add_user("super1", role="supervisor")
    photos = tmp_path / "photos"
    photos.mkdir()
    desk, honest = (login(Profile(tmp_path / n), small_server.url, n) for n in ("enum1", "enum2"))
    for s in (desk, honest):
        run_sync(s, phases=("pull",))
    # Households of the desa itself (the pre-list's one listed in another wilayah reaches
    # that region, outside the reviewer's scope).
    ids = sorted(
        h.household_id
        for h in desk.store.list_households(limit=100)
        if desk.store.household(h.household_id).values.get("kode_wilayah") == DESA.replace(".", "")
    )
    planted, fair = ids[:10], ids[10:30]
    fabricated_set(desk, planted, photos)
    honest_day(honest, fair, photos)
    for s in (desk, honest):
        summary = run_sync(s)
        assert summary.ok, summary.messages
    reviewer = login(Profile(tmp_path / "rev1"), small_server.url, "rev1")
    supervisor = login(Profile(tmp_path / "super1"), small_server.url, "super1")
    yield {"planted": planted, "honest": fair, "reviewer": reviewer, "supervisor": supervisor,
           "server": small_server}  # fmt: skip
    for s in (desk, honest, reviewer, supervisor):
        s.close()


def test_the_planted_set_raises_each_sign_and_the_honest_set_none(field_work):
    api = field_work["reviewer"].api
    flagged = {
        h["household_id"]
        for h in api.review_queue(flag=review.FLAG_INTEGRITY, limit=500)["households"]
    }
    assert flagged == set(field_work["planted"])
    signs = set()
    for hid in field_work["planted"]:
        evidence = api.integrity_household(hid)
        signs |= {f["indicator"] for f in evidence["findings"]}
        assert evidence["timeline"][0]["kind"] == "o" and evidence["timeline"][-1]["kind"] == "f"
    assert signs == PLANTED_SIGNS
    second = api.integrity_household(field_work["planted"][1])
    shared = next(f for f in second["findings"] if f["indicator"] == integrity.SHARED_PHOTO)
    assert shared["evidence"]["match"] == "perceptual"  # resized: other bytes, same picture
    assert shared["evidence"]["other_household_id"] == field_work["planted"][0]
    late = next(f for f in second["findings"] if f["indicator"] == integrity.PHOTO_TIME)
    assert late["evidence"]["off_seconds"] > 20 * 3600
    for hid in field_work["honest"]:
        assert api.integrity_household(hid)["findings"] == []
    # The paradata went with the verification, compact.
    rows = field_work["server"].query(
        "SELECT length(paradata) FROM verifications WHERE paradata IS NOT NULL"
    )
    assert len(rows) == 30 and max(r[0] for r in rows) < 5000


def test_the_reviewer_sees_the_evidence_and_opens_the_household_sharing_the_photo(
    qtbot, field_work
):
    planted = field_work["planted"]
    window = ReviewWindow(field_work["reviewer"])
    qtbot.addWidget(window)
    # The first load first: a result of it arriving after the filter's would replace it.
    qtbot.waitUntil(lambda: not window.jobs, timeout=20000)
    window.set_flag(review.FLAG_INTEGRITY)
    qtbot.waitUntil(lambda: window.model.rowCount() == 10 or bool(window.error), timeout=20000)
    dialog = window.open_household(planted[1])
    panel = dialog.integrity
    qtbot.waitUntil(lambda: panel.evidence is not None or bool(panel.error), timeout=20000)
    assert not panel.error
    texts = [panel.findings.item(r, 1).text() for r in range(panel.findings.rowCount())]
    assert any(planted[0] in t for t in texts)  # the other household sharing the photo
    assert panel.timeline.rowCount() >= 4
    items = [panel.related.item(i) for i in range(panel.related.count())]
    item = next(i for i in items if i.text().startswith(planted[0]))
    assert planted[1] not in [i.text()[:16] for i in items]  # not itself
    panel.related.itemActivated.emit(item)
    qtbot.waitUntil(lambda: planted[0] in window._windows, timeout=5000)
    # The flag informs: approval goes through.
    window._windows[planted[0]].reject()
    reply = field_work["reviewer"].api.review_decide(planted[5], review.APPROVE)
    assert reply["state"] == review.APPROVED


def test_the_supervisor_map_shows_the_desa_and_a_point_opens_its_household(qtbot, field_work):
    window = IntegrityWindow(field_work["supervisor"], desa=field_work["planted"][0][:10])
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitUntil(lambda: bool(window.map.points) or bool(window.error), timeout=20000)
    assert not window.error
    flagged = [p for p in window.map.points if p.flagged]
    assert {p.household_id for p in flagged} == set(field_work["planted"])
    rows = {window.table.item(r, 0).text(): r for r in range(window.table.rowCount())}
    assert window.table.item(rows["enum1"], 2).text().startswith("10")
    assert window.table.item(rows["enum2"], 2).text().startswith("0")
    point = flagged[0]
    x, y = window.map.positions()[window.map.points.index(point)]
    qtbot.mouseClick(window.map, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))
    qtbot.waitUntil(lambda: bool(window._dialogs), timeout=5000)
    dialog = next(iter(window._dialogs.values()))
    qtbot.waitUntil(lambda: dialog.panel.evidence is not None, timeout=20000)
    assert dialog.panel.evidence.household_id in field_work["planted"]
