"""Which questions a practice session holds, in what order, and the days reviews fall due."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from quiz.engine.practice import day_end, due_by, due_per_day, next_due, plan_practice
from quiz.engine.problems import TooSmallError
from quiz.errors import UsageError
from tests.samples import BANK

NOW = datetime(2026, 11, 27, 15, 30, tzinfo=UTC)
MINUTE, DAY = timedelta(minutes=1), timedelta(days=1)


def plan_ids(due: dict[str, datetime], count: int = 10, now: datetime = NOW) -> list[str]:
    return [a.question.id for a in plan_practice(BANK, due, now, count).asked]


def test_due_today_comes_first_most_overdue_first_then_never_seen() -> None:
    due = {
        "q05": NOW - 3 * DAY,  # overdue for days
        "q01": NOW - MINUTE,
        "q02": NOW + 8 * 60 * MINUTE,  # later today: 23:30 UTC
        "q03": NOW - 3 * DAY,  # as overdue as q05: the id breaks the tie
        "q04": day_end(NOW.date()),  # midnight: tomorrow's
        "q06": NOW + 5 * DAY,
    }
    plan = plan_practice(BANK, due, NOW, 8)
    asked = [a.question.id for a in plan.asked]
    assert asked[:4] == ["q03", "q05", "q01", "q02"]
    assert (plan.reviews, plan.new) == (4, 4)
    assert not set(asked[4:]) & set(due)


def test_count_limits_reviews_before_new_questions() -> None:
    due = {f"q{n:02d}": NOW - n * MINUTE for n in range(10)}
    assert plan_ids(due, count=3) == ["q09", "q08", "q07"]
    assert plan_practice(BANK, due, NOW, 3).new == 0


def test_new_questions_are_the_same_all_day_and_change_with_the_date() -> None:
    morning = plan_ids({}, now=datetime(2026, 11, 27, 0, 0, tzinfo=UTC))
    evening = plan_ids({}, now=datetime(2026, 11, 27, 23, 59, tzinfo=UTC))
    tomorrow = plan_ids({}, now=datetime(2026, 11, 28, 0, 0, tzinfo=UTC))
    assert morning == evening
    assert morning != tomorrow
    assert len(set(morning)) == 10


def test_nothing_due_and_nothing_new_is_an_empty_session() -> None:
    due = {q.id: NOW + DAY for q in BANK}
    plan = plan_practice(BANK, due, NOW, 10)
    assert (plan.asked, plan.reviews, plan.new) == ((), 0, 0)


def test_count_below_one_is_a_usage_error() -> None:
    with pytest.raises(TooSmallError) as caught:
        plan_practice(BANK, {}, NOW, 0)
    assert (caught.value.quantity, caught.value.given, caught.value.least) == ("count", 0, 1)
    assert isinstance(caught.value, UsageError)


def test_options_are_shuffled_but_complete() -> None:
    asked = plan_practice(BANK, {}, NOW, 35).asked
    assert all(sorted(a.options) == sorted(a.question.choices) for a in asked)
    assert any(a.options != a.question.choices for a in asked)


def test_due_per_day_counts_overdue_today_and_splits_at_utc_midnight() -> None:
    today = date(2026, 11, 27)
    midnight = day_end(today)
    due = {
        "a": midnight - 10 * DAY,  # long overdue: today
        "b": midnight - MINUTE,  # 23:59 today
        "c": midnight,  # 00:00 tomorrow
        "d": midnight + DAY - MINUTE,  # 23:59 tomorrow
        "e": midnight + 5 * DAY,  # the 7th day
        "f": midnight + 6 * DAY,  # the 8th: beyond the table
    }
    days = due_per_day(due, today)
    assert [d for d, _ in days] == [today + n * DAY for n in range(7)]
    assert [n for _, n in days] == [2, 2, 0, 0, 0, 0, 1]


def test_due_by_and_next_due() -> None:
    due = {"a": NOW + DAY, "b": NOW - DAY, "c": NOW + 2 * DAY}
    assert due_by(due, NOW) == 1
    assert due_by(due, day_end(NOW.date() + DAY)) == 2
    assert next_due(due) == NOW - DAY
    assert next_due({}) is None
