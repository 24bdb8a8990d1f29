"""JSON output: orjson's text is byte for byte what json.dumps(indent=2) writes."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from quiz.output import json_text

TEXT = st.text(st.characters(codec="utf-8") | st.sampled_from('"\\%\n\t\x00\u2028/'), max_size=12)
# What our --json outputs hold: exported questions, score rows and stats (floats in seconds).
SCALAR = st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | TEXT
SECONDS = st.floats(0, 10_000, allow_nan=False).map(lambda x: round(x, 3))
DATA = st.recursive(
    SCALAR | SECONDS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=12,
)


@given(DATA)
def test_json_text_is_what_json_dumps_writes(data: object) -> None:
    for ascii_only in (False, True):
        assert json_text(data, ensure_ascii=ascii_only) == json.dumps(
            data, ensure_ascii=ascii_only, indent=2
        )


def test_what_orjson_refuses_is_written_by_json() -> None:
    for data in ({"player": "a\udcffb"}, [10**30], {1: "one"}):
        assert json_text(data) == json.dumps(data, ensure_ascii=False, indent=2)
