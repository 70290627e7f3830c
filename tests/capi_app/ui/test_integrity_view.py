"""The integrity panel, the offline desa map and the integrity window's pieces (real widgets)."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from capi_app.integrity import Evidence, MapPoint
from capi_app.ui import i18n
from capi_app.ui.integrity_view import FLAGGED, DesaMap, IntegrityPanel, indicator_label
from dtks import integrity

EVIDENCE = {
    "household_id": "3204122002000002",
    "kode_wilayah": "3204122002",
    "findings": [
        {
            "indicator": "shared_photo",
            "message": "photo abc is a resized or re-saved copy of a photo of household X",
            "evidence": {
                "sha256": "a" * 64,
                "other_household_id": "3204122002000001",
                "other_sha256": "b" * 64,
                "match": "perceptual",
                "distance": {"dhash": 2, "ahash": 1},
            },
            "computed_at": "2026-11-03T12:00:00Z",
        },
        {
            "indicator": "short_interview",
            "message": "interview took 35 s",
            "evidence": {"seconds": 35, "minimum_seconds": 390, "members": 4, "answers": 9},
            "computed_at": "2026-11-03T12:00:00Z",
        },
    ],
    "visit": {"enumerator": "enum1", "interview_seconds": 35, "minimum_seconds": 390, "members": 4},
    "timeline": [
        {"at": "2026-11-03T19:30:05+07:00", "offset_s": 0, "kind": "o", "what": None},
        {"at": "2026-11-03T19:30:40+07:00", "offset_s": 35, "kind": "f", "what": None},
    ],
    "related": ["3204122002000001"],
}


class NoApi:
    """The panel is given its evidence directly: no request is made."""


def test_the_panel_shows_signs_timeline_and_opens_the_other_household(qtbot):
    panel = IntegrityPanel(NoApi(), "3204122002000002")
    qtbot.addWidget(panel)
    assert not panel.refresh_button.isEnabled()  # no desa known yet: nothing to recompute
    panel.show_evidence(Evidence.from_json(EVIDENCE))
    assert panel.refresh_button.isEnabled()
    # Findings in the indicators' order: the short interview first.
    assert panel.findings.item(0, 0).text() == indicator_label(integrity.SHORT_INTERVIEW)
    assert "3204122002000001" in panel.findings.item(1, 1).text()
    assert "dHash 2" in panel.findings.item(1, 1).text()
    assert panel.timeline.rowCount() == 2 and panel.timeline.item(1, 1).text() == "+0:35"
    assert "enum1" in panel.summary.text()
    assert panel.related.count() == 1
    with qtbot.waitSignal(panel.open_household) as opened:
        panel.show()
        rect = panel.related.visualItemRect(panel.related.item(0))
        qtbot.mouseClick(panel.related.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == ["3204122002000001"]


def test_the_map_draws_points_on_the_desa_extent_and_a_click_chooses_one(qtbot):
    m = DesaMap()
    qtbot.addWidget(m)
    m.resize(500, 400)
    points = [
        MapPoint(f"h{i}", f"KRT {i}", -6.985 + i * 0.0004, 107.629 + (i % 3) * 0.0004, i == 4)
        for i in range(10)
    ]
    m.set_points(points)
    positions = m.positions()
    assert all(0 <= x <= 500 and 0 <= y <= 400 for x, y in positions)
    # North up: a higher latitude is drawn higher.
    assert positions[9][1] < positions[0][1]
    x, y = positions[4]
    image = m.grab().toImage()
    assert QColor(image.pixel(int(x), int(y))) == FLAGGED
    with qtbot.waitSignal(m.household_chosen) as chosen:
        qtbot.mouseClick(m, Qt.MouseButton.LeftButton, pos=QPoint(int(x), int(y)))
    assert chosen.args == ["h4"] and m.chosen == "h4"
    far = m.point_at(2, 2)
    assert far is None


def test_every_indicator_has_an_indonesian_label(qapp):
    english = {name: indicator_label(name) for name in integrity.INDICATORS}
    i18n.set_language("id")
    try:
        indonesian = {name: indicator_label(name) for name in integrity.INDICATORS}
    finally:
        i18n.set_language("en")
    assert all(indonesian[n] not in (n, english[n]) for n in integrity.INDICATORS), indonesian
