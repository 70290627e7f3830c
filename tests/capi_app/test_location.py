"""capi_app.location: a GPS point outside Indonesia or far from its desa is caught."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capi_app.location import GpsWarning, check_point, desa_center, desa_points, distance_m
from capi_app.store import Store
from dtks.model import Gps, Household

BANDUNG = (-6.98765, 107.62912)


def test_southern_hemisphere_point_is_fine_and_its_sign_error_is_caught():
    assert check_point(*BANDUNG, None) is None
    # A lost minus sign: 6.98 N lies north of Pulau Weh, in the sea.
    assert check_point(-BANDUNG[0], BANDUNG[1], None) == GpsWarning("outside_indonesia")
    assert check_point(5.89, 95.32, None) is None  # Sabang, the northern tip
    assert check_point(BANDUNG[0], -BANDUNG[1], None) == GpsWarning("outside_indonesia")
    assert check_point(43.46, 11.88, None) == GpsWarning(
        "outside_indonesia"
    )  # a Nikon sample photo


def test_far_from_the_desa_center_gives_the_distance():
    warning = check_point(-6.90, 107.62912, BANDUNG)
    assert warning.kind == "far_from_desa"
    assert warning.distance_m == pytest.approx(9_745, rel=0.01)
    assert check_point(-6.99, 107.63, BANDUNG) is None


@given(st.floats(-10, 5), st.floats(96, 140), st.floats(-0.2, 0.2), st.floats(-0.2, 0.2))
def test_distance_is_symmetric_and_zero_on_itself(lat, lon, dlat, dlon):
    assert distance_m(lat, lon, lat, lon) == 0
    d = distance_m(lat, lon, lat + dlat, lon + dlon)
    assert d == pytest.approx(distance_m(lat + dlat, lon + dlon, lat, lon))
    assert d <= 111_320 * (abs(dlat) + abs(dlon)) + 1


def test_center_needs_a_few_points_and_ignores_an_outlier():
    assert desa_center([BANDUNG, BANDUNG]) is None
    center = desa_center([BANDUNG, (-6.988, 107.630), (-6.987, 107.629), (2.0, 120.0)])
    assert distance_m(*center, *BANDUNG) < 200


def test_desa_points_come_from_prelist_and_other_visits(tmp_path):
    store = Store.create(tmp_path / "p", "rahasia-123")
    households = [
        Household(
            f"320412200200000{i}",
            1,
            values={
                "kode_wilayah": "3204122002",
                "alamat": "x",
                **({"lat": -6.9871, "lon": 107.6291} if i < 3 else {}),
            },
        )
        for i in range(1, 7)
    ]
    store.upsert_pulled(households)
    store.save_verification(
        "3204122002000005",
        {},
        "draft",
        "enum1",
        gps=Gps(lat=-6.9875, lon=107.6295, accuracy_m=5, source="manual"),
    )
    points = desa_points(store.db, "3204122002000006")
    assert sorted(points) == sorted([(-6.9871, 107.6291), (-6.9871, 107.6291), (-6.9875, 107.6295)])
    assert desa_points(store.db, "3204122002000001") == [(-6.9871, 107.6291), (-6.9875, 107.6295)]
    store.close()
