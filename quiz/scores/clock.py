"""The current time for review schedules and daily challenges, and its stored text form."""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime

from quiz.errors import UsageError

# A testing aid: an ISO 8601 moment that stands in for the clock (tests move time with it).
FAKE_NOW = "QUIZ_NOW"
# Schedules reach up to a century ahead (FSRS's longest interval) and streaks a day back:
# a clock outside these years would run off the calendar.
EARLIEST = datetime(2, 1, 1, tzinfo=UTC)
LATEST = datetime(9899, 12, 31, 23, 59, 59, tzinfo=UTC)
_SHORT_YEAR = re.compile(r"[0-9]{1,3}-")


def now() -> datetime:
    """The current moment in UTC; the only place that reads the clock for schedules."""
    fake = os.environ.get(FAKE_NOW)
    if not fake:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(fake)
    except ValueError:
        raise UsageError(f"{FAKE_NOW}={fake!r} is not an ISO 8601 time") from None
    try:
        moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except OverflowError:  # an offset that takes it off the calendar
        moment = EARLIEST.replace(year=1)
    if not EARLIEST <= moment <= LATEST:
        raise UsageError(
            f"{FAKE_NOW}={fake!r} is out of range: use a time from {EARLIEST.date()}"
            f" to {LATEST.date()}"
        )
    return moment


def stamp(moment: datetime) -> str:
    """A moment as the store writes it: UTC text with a four-digit year, in time order."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def parse_stamp(text: str) -> datetime:
    """A stored moment; stamps of years before 1000 written with fewer digits read too.
    ValueError when `text` is not a moment."""
    if _SHORT_YEAR.match(text):
        year, rest = text.split("-", 1)
        text = f"{year.zfill(4)}-{rest}"
    moment = datetime.fromisoformat(text)  # the `Z` makes it UTC
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def local_day_start(day: date) -> str:
    """The stamp of the moment `day` begins on this computer's clock (UTC at the calendar's
    ends, where the local offset would leave it)."""
    start = datetime(day.year, day.month, day.day)
    try:
        return stamp(start.astimezone())
    except (OverflowError, ValueError):
        return stamp(start.replace(tzinfo=UTC))
