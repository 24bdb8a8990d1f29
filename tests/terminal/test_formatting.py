"""Counts, places, durations and moments read one way everywhere."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from quiz.terminal.formatting import count_of, duration, local_time, ordinal, utc_text
from quiz.textmatch import truth_word


def test_counts_read_as_a_person_says_them() -> None:
    assert [count_of(n, "question") for n in (0, 1, 2, 1250)] == [
        "0 questions",
        "1 question",
        "2 questions",
        "1,250 questions",
    ]
    assert [count_of(n, "life", "lives") for n in (1, 3)] == ["1 life", "3 lives"]


@pytest.mark.parametrize(
    ("place", "text"),
    [
        *[(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th")],
        *[(13, "13th"), (21, "21st"), (22, "22nd"), (101, "101st"), (111, "111th")],
    ],
)
def test_ordinals(place: int, text: str) -> None:
    assert ordinal(place) == text


def test_durations_are_minutes_and_seconds() -> None:
    assert [duration(s) for s in (0, 9.4, 59.6, 151, 3600)] == [
        "0:00",
        "0:09",
        "1:00",
        "2:31",
        "60:00",
    ]


def test_moments() -> None:
    here = datetime(2026, 11, 27, 14, 2, tzinfo=UTC).astimezone()  # the machine's time zone
    assert local_time("2026-11-27T14:02:00.000000Z") == f"{here:%Y-%m-%d %H:%M}"
    assert local_time("2026-11-27T14:02:00.000000Z", with_time=False) == f"{here:%Y-%m-%d}"
    assert utc_text(datetime(2026, 11, 27, 14, 2, 59, tzinfo=UTC)) == "2026-11-27 14:02 UTC"


def test_true_false_words() -> None:
    assert [truth_word(w) for w in ("T", " yes ", "n", "False", "maybe")] == [
        "true",
        "true",
        "false",
        "false",
        None,
    ]
