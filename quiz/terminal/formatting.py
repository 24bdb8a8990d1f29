"""How numbers, counts, places, durations and moments read: one form each, everywhere."""

from __future__ import annotations

from datetime import datetime

from quiz.scores.clock import parse_stamp


def plural(n: int, noun: str, many: str = "") -> str:
    """`noun` as it reads after the number `n`: `question`, `questions`; `many` if irregular."""
    return noun if n == 1 else many or f"{noun}s"


def count_of(n: int, noun: str, many: str = "") -> str:
    """`1 question`, `1,250 questions`, `2 lives` (with `many="lives"`)."""
    return f"{n:,} {plural(n, noun, many)}"


def ordinal(place: int) -> str:
    """1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, ... 21st."""
    suffix = "th" if 10 <= place % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(place % 10, "th")
    return f"{place}{suffix}"


def duration(seconds: float) -> str:
    """Minutes and seconds, `m:ss`, rounded to the second: `2:31`."""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def local_time(played_at: str, *, with_time: bool = True) -> str:
    """A stored UTC timestamp as a local date (and time of day): `2026-11-27 14:02`."""
    moment = parse_stamp(played_at).astimezone()
    return moment.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")


def utc_text(moment: datetime) -> str:
    """A moment in UTC, to the minute: `2026-11-27 14:02 UTC`."""
    return moment.strftime("%Y-%m-%d %H:%M UTC")
