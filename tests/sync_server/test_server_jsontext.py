"""Stored JSON text is the same whichever library writes it: values are compared as text
(an import finds a household unchanged by comparing it), so a faster writer must not change
one character."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from sync_server.db import jsontext

ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
"""The writer every stored value was written with before orjson."""

scalars = (
    st.text()  # every code point, lone surrogates and control characters included
    | st.integers()  # beyond 64 bits too
    | st.booleans()
    | st.none()
    | st.floats(allow_nan=True, allow_infinity=True)
)


@settings(max_examples=500)
@given(st.dictionaries(st.text(), scalars, max_size=20))
def test_a_flat_dict_is_written_as_the_json_encoder_writes_it(values):
    assert jsontext.dumps(values) == ENCODER.encode(values)


@given(st.dictionaries(st.text(), st.lists(scalars) | st.dictionaries(st.text(), scalars)))
def test_nested_values_are_written_as_the_json_encoder_writes_them(values):
    assert jsontext.dumps(values) == ENCODER.encode(values)


def test_a_value_orjson_refuses_is_still_written():
    assert (
        jsontext.dumps({"n": 2**70, "s": "\udc80"}) == '{"n":1180591620717411303424,"s":"\udc80"}'
    )
    assert jsontext.dumps({1: "a"}) == '{"1":"a"}'
