"""The daily challenge's choice of questions (pinned, so every machine agrees) and its streak."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from quiz.engine.daily import DAILY_COUNT, daily_questions, daily_seed, day_streak
from quiz.models import BUILTIN_TOPICS, DIFFICULTIES, Question
from tests.samples import BANK

# Worked out once; a change here means players on different versions get different quizzes.
PINNED = {
    "2026-01-01": (2325451947109389871, ["q24", "q06", "q09", "q07", "q29"]),
    "2026-11-27": (1239129594736973504, ["q12", "q06", "q18", "q03", "q08"]),
    "2030-02-28": (14426852403765557218, ["q18", "q24", "q27", "q07", "q23"]),
}
PINNED_OPTIONS = ("other 24", "last 24", "right 24", "wrong 24")  # q24 on 2026-01-01


def ids(day: str, bank: tuple[Question, ...] = BANK) -> list[str]:
    return [a.question.id for a in daily_questions(bank, date.fromisoformat(day))]


@pytest.mark.parametrize("day", sorted(PINNED))
def test_the_questions_of_a_date_are_pinned(day: str) -> None:
    seed, expected = PINNED[day]
    assert daily_seed(date.fromisoformat(day)) == seed
    assert ids(day) == expected


def test_the_option_order_is_pinned_too() -> None:
    first = daily_questions(BANK, date(2026, 1, 1))[0]
    assert first.question.id == "q24"
    assert first.options == PINNED_OPTIONS


def test_the_bank_order_changes_nothing() -> None:
    shuffled = BANK[17:] + tuple(reversed(BANK[:17]))
    for day in PINNED:
        assert ids(day, shuffled) == ids(day)
    assert daily_questions(shuffled, date(2026, 1, 1)) == daily_questions(BANK, date(2026, 1, 1))


def test_five_topics_easiest_first_and_a_new_quiz_each_day() -> None:
    days = [date(2026, 11, d) for d in range(1, 31)]
    quizzes = [daily_questions(BANK, day) for day in days]
    for asked in quizzes:
        assert len(asked) == DAILY_COUNT
        assert len({a.question.topic for a in asked}) == DAILY_COUNT
        ranks = [DIFFICULTIES.index(a.question.difficulty) for a in asked]
        assert ranks == sorted(ranks)
    assert len({tuple(a.question.id for a in asked) for asked in quizzes}) == len(days)


def test_fewer_topics_than_questions_still_gives_five() -> None:
    two_topics = tuple(q for q in BANK if q.topic in BUILTIN_TOPICS[:2])
    asked = daily_questions(two_topics, date(2026, 11, 27))
    assert len(asked) == DAILY_COUNT
    assert len({a.question.id for a in asked}) == DAILY_COUNT


SCRIPT = """
import json
from datetime import date
from quiz.bank.loader import load_bank
from quiz.engine.daily import daily_questions
from tests.samples import BANK
days = [date(2026, 1, 1), date(2026, 11, 27), date(2030, 2, 28)]
print(json.dumps({
    "pinned": [[a.question.id for a in daily_questions(BANK, d)] for d in days],
    "builtin": [
        [[a.question.id, list(a.options)] for a in daily_questions(load_bank(user=False).questions, d)]
        for d in days
    ],
}))
"""


def test_every_hash_seed_and_locale_gives_the_same_quiz() -> None:
    root = Path(__file__).resolve().parents[2]
    outputs = []
    for hash_seed, locale in (("0", "C"), ("1", "C.UTF-8"), ("4242", "POSIX")):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "LC_ALL": locale, "LANG": locale}
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT],
            env=env,
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        outputs.append(json.loads(done.stdout))
    assert outputs[0]["pinned"] == [PINNED[d][1] for d in sorted(PINNED)]
    assert outputs[1] == outputs[0]
    assert outputs[2] == outputs[0]


@pytest.mark.parametrize(
    ("played", "today", "streak"),
    [
        ([], "2026-11-27", 0),
        (["2026-11-27"], "2026-11-27", 1),
        (["2026-11-25", "2026-11-26", "2026-11-27"], "2026-11-27", 3),
        (["2026-11-24", "2026-11-26", "2026-11-27"], "2026-11-27", 2),
        # Today is still open: yesterday's run stands until it ends.
        (["2026-11-25", "2026-11-26"], "2026-11-27", 2),
        (["2026-11-25"], "2026-11-27", 0),
        # Across a month and a year.
        (["2025-12-30", "2025-12-31", "2026-01-01"], "2026-01-01", 3),
        (["2028-02-28", "2028-02-29", "2028-03-01"], "2028-03-01", 3),
    ],
)
def test_day_streak(played: list[str], today: str, streak: int) -> None:
    days = [date.fromisoformat(d) for d in played]
    assert day_streak(days, date.fromisoformat(today)) == streak
