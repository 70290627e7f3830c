"""Rules client and server must agree on are stated once in dtks and used by both."""

import pytest

from capi_app import location
from dtks import indonesia, scope
from sync_server import scopes as server_scopes
from sync_server.services import plausibility

# Points just inside and just outside each side of the box, and a few real places.
POINTS = [
    (6.25, 100.0),
    (6.35, 100.0),
    (-11.15, 120.0),
    (-11.25, 120.0),
    (-5.0, 94.75),
    (-5.0, 94.65),
    (-5.0, 141.05),
    (-5.0, 141.15),  # Papua New Guinea
    (-6.98765, 107.62912),
    (6.98765, 107.62912),
]


@pytest.mark.parametrize(("lat", "lon"), POINTS)
def test_client_and_server_judge_every_point_alike(lat, lon):
    client_says_outside = location.check_point(lat, lon, None) is not None
    server_says_outside = bool(plausibility.point_warning("gps", lat, lon))
    assert client_says_outside == server_says_outside == (not indonesia.inside(lat, lon))


def test_the_box_takes_indonesias_extreme_islands_and_refuses_papua_new_guinea():
    assert indonesia.inside(6.075, 97.1)  # Pulau Rondo
    assert indonesia.inside(-11.0, 122.85)  # Pulau Ndana
    assert indonesia.inside(2.5, 94.97)  # Pulau Benggala
    assert indonesia.inside(-8.6, 141.02)  # Sota, on the border
    assert not indonesia.inside(-6.2, 143.0)  # Mount Hagen side, PNG


def test_server_scope_test_is_the_dtks_prefix_rule():
    cases = [(["3204"], "3204122002"), (["32.04"], "3204122002"), (["3205"], "3204122002")]
    for scopes, code in cases:
        assert server_scopes.covers(scopes, code) == scope.covers_any(scopes, code)
    assert server_scopes.scope_range("3204") == scope.code_range("32.04")
    assert not scope.covers("320412", "3204")  # a wider region is not under a narrower scope
