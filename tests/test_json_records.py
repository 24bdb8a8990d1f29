"""JSON of lists of records: the fast writer is byte for byte what json.dumps writes."""

from __future__ import annotations

import json
from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from quiz.output import records_json

TEXT = st.text(st.characters(codec="utf-8") | st.sampled_from('"\\%\n\t\x00\u2028/'), max_size=12)
KIND = st.sampled_from([TEXT, st.lists(TEXT, max_size=4)])  # a key holds one kind of value


def records_of(
    columns: list[tuple[str, st.SearchStrategy[Sequence[str]]]],
) -> st.SearchStrategy[object]:
    keys = [key for key, _ in columns]
    record = st.tuples(*(kind for _, kind in columns)).map(
        lambda values: dict(zip(keys, values, strict=True))
    )
    return st.lists(record, min_size=1, max_size=8)


RECORDS = st.lists(
    st.tuples(TEXT, KIND), min_size=1, max_size=6, unique_by=lambda column: column[0]
).flatmap(records_of)


@given(RECORDS)
def test_records_are_written_as_json_dumps_writes_them(records: list[dict[str, object]]) -> None:
    for ascii_only in (False, True):
        text = records_json(records, ensure_ascii=ascii_only)
        assert text is not None
        assert text == json.dumps(records, ensure_ascii=ascii_only, indent=2)


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
    assert records_json([{"a": "x"}, {"a": ["x"]}]) is None  # a string, then a list
    assert records_json([{"a": ["x", 2]}]) is None
    assert records_json({"a": "x"}) is None
