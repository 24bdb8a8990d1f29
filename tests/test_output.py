"""JSON output: the fast writer for lists of records is byte for byte the standard one."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from quiz.output import records_json

TEXT = st.text(st.characters(codec="utf-8") | st.sampled_from('"\\%\n\t\x00\u2028/'), max_size=12)
VALUE = TEXT | st.lists(TEXT, max_size=4)


RECORDS = st.lists(TEXT, min_size=1, max_size=6, unique=True).flatmap(
    lambda keys: st.lists(
        st.lists(VALUE, min_size=len(keys), max_size=len(keys)).map(
            lambda values: dict(zip(keys, values, strict=True))
        ),
        min_size=1,
        max_size=8,
    )
)


@given(RECORDS)
def test_records_are_written_as_json_dumps_writes_them(records: list[dict[str, object]]) -> None:
    text = records_json(records)
    assert text is not None
    assert text == json.dumps(records, ensure_ascii=False, indent=2)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
        max_leaves=10,
    )
)
def test_anything_else_is_left_to_json_or_written_the_same(data: object) -> None:
    text = records_json(data)
    assert text is None or text == json.dumps(data, ensure_ascii=False, indent=2)


def test_shapes_it_leaves_to_json() -> None:
    assert records_json([]) is None
    assert records_json([{}]) is None
    assert records_json([{"a": "x"}, {"b": "y"}]) is None  # different keys
    assert records_json([{"a": "x", "b": "y"}, {"b": "y", "a": "x"}]) is None  # in another order
    assert records_json([{"a": "x"}, {"a": 1}]) is None  # not text
    assert records_json([{"a": ["x", 2]}]) is None
    assert records_json({"a": "x"}) is None
