"""The current time for review schedules and daily challenges, and its stored text form."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from quiz.errors import UsageError

STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"
# A testing aid: an ISO 8601 moment that stands in for the clock (tests move time with it).
FAKE_NOW = "QUIZ_NOW"


def now() -> datetime:
    """The current moment in UTC; the only place that reads the clock for schedules."""
    fake = os.environ.get(FAKE_NOW)
    if not fake:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(fake)
    except ValueError:
        raise UsageError(f"{FAKE_NOW}={fake!r} is not an ISO 8601 time") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def stamp(moment: datetime) -> str:
    """A moment as the store writes it: UTC text that sorts in time order."""
    return moment.astimezone(UTC).strftime(STAMP)


def parse_stamp(text: str) -> datetime:
    return datetime.fromisoformat(text)  # the `Z` makes it UTC
