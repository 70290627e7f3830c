"""Whether a GPS point lies in Indonesia: the one bounding box client and server both test.

The box is Indonesia's extreme points with a small margin: Pulau Rondo (6.08 N) and Pulau
Ndana (11.01 S), Pulau Benggala (94.97 E) and the Papua New Guinea border (141.02 E). The
margin is 0.2-0.3 degrees at sea and only 0.08 degrees at the land border, so a point in
Papua New Guinea is still caught. It catches the common mistakes (a lost minus sign puts a
house north of the equator, a swapped lat/lon lands in the ocean), not a point in a
neighbouring country's waters.

>>> inside(-6.98765, 107.62912)   # Dayeuhkolot, Kabupaten Bandung
True
>>> inside(6.98765, 107.62912)    # the same point with its minus sign lost
False
"""

LAT = (-11.2, 6.3)
"""South and north bound, degrees (WGS84)."""
LON = (94.7, 141.1)
"""West and east bound, degrees (WGS84)."""


def inside(lat: float, lon: float) -> bool:
    """True when the point lies inside Indonesia's box."""
    return LAT[0] <= lat <= LAT[1] and LON[0] <= lon <= LON[1]
