"""Plain words for review schedules and daily streaks, shared by plain mode and Rich views."""

from __future__ import annotations

from datetime import datetime

from quiz.terminal.formatting import count_of, utc_text

MINUTE, HOUR, DAY = 60, 3600, 86400


def until_text(moment: datetime, now: datetime) -> str:
    """How long until `moment`, rounded to what a person would say: `in 3 hours`."""
    seconds = (moment - now).total_seconds()
    if seconds <= 0:
        return "now"
    if seconds < HOUR:
        return f"in {count_of(max(1, round(seconds / MINUTE)), 'minute')}"
    if seconds < 2 * DAY:
        return f"in {count_of(round(seconds / HOUR), 'hour')}"
    return f"in {count_of(round(seconds / DAY), 'day')}"


def next_review_line(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "Next review: none scheduled yet"
    if moment <= now:
        return f"Next review: now (due since {utc_text(moment)})"
    return f"Next review: {until_text(moment, now)} ({utc_text(moment)})"


def due_days_line(today: int, tomorrow: int) -> str:
    """What is left for today (missed questions come back within minutes) and tomorrow."""
    tomorrow_text = count_of(tomorrow, "question")
    if not today:
        return f"Due tomorrow: {tomorrow_text}"
    return f"Still due today: {count_of(today, 'question')}; due tomorrow: {tomorrow_text}"


def plan_line(player: str, reviews: int, new: int) -> str:
    return f"Practice for {player}: {reviews:,} due for review, {count_of(new, 'new question')}."


def streak_line(days: int) -> str:
    return f"Day streak: {count_of(days, 'day')}"
