"""`quiz practice` and `quiz daily` in plain mode, in-process, with the clock moved by QUIZ_NOW
(the only thing faked); a game of each on the installed command and a pty at the end."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import PipeInput
from typer.testing import Result

from quiz.bank.loader import load_bank
from quiz.engine.daily import daily_questions
from quiz.engine.practice import plan_practice
from quiz.models import AskedQuestion
from tests.conftest import run_cli, write_bank
from tests.keys import CTRL_C, ENTER, right_keys
from tests.pty_terminal import NEXT, RESULTS, Spawn

T = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
MINUTE, DAY = timedelta(minutes=1), timedelta(days=1)
# Six questions with the same three options: typing "Ant" to each gets d1-d3 right and
# d4-d6 wrong whatever order they come in. (Options of under 5 letters: a longer answer shown
# among another question's options would count as a give-away, and one game would hold one.)
DRILL = "\n".join(
    f"""[[questions]]
id = "d{n}"
topic = "Drill"
difficulty = "easy"
type = "choice"
prompt = "Drill question number {n}?"
choices = ["Ant", "Bee", "Cat"]
answers = ["{"Ant" if n <= 3 else "Bee"}"]
"""
    for n in range(1, 7)
)


def quiz(*args: str, now: datetime, input: str = "") -> Result:
    """`quiz` in-process, its clock at `now`."""
    return run_cli(*args, input=input, env={"QUIZ_NOW": now.isoformat()})


def status(now: datetime, *extra: str) -> dict[str, Any]:
    done = quiz("practice", "--status", "--json", "--player", "Pam", *extra, now=now)
    assert done.exit_code == 0, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def due_counts(now: datetime) -> list[int]:
    return [day["due"] for day in status(now, "--topic", "drill")["days"]]


def asked_ids(stdout: str) -> list[str]:
    prefix = "Drill question number "
    return [f"d{line[len(prefix)]}" for line in stdout.splitlines() if line.startswith(prefix)]


@pytest.fixture
def drilled(quiz_home: Path) -> None:
    """Pam played the six drill questions at T: d1-d3 right, d4-d6 wrong."""
    write_bank(quiz_home / "bank", "drill.toml", DRILL)
    game = quiz(
        *("play", "--plain", "--topic", "Drill", "--count", "6", "--player", "Pam"),
        now=T,
        input="Ant\n" * 6,
    )
    assert game.exit_code == 0, game.stderr
    assert "(3/6 correct)" in game.stdout


def test_missed_questions_are_due_at_once_and_right_ones_in_two_days(drilled: None) -> None:
    assert due_counts(T + 5 * MINUTE) == [3, 0, 3, 0, 0, 0, 0]
    data = status(T + 5 * MINUTE, "--topic", "drill")
    assert data["player"] == "Pam"
    assert data["unseen"] == 0
    assert data["next_due"] == "2026-11-27T12:01:00.000000Z"
    assert [day["date"] for day in data["days"]][:2] == ["2026-11-27", "2026-11-28"]
    # Three days on, everything is overdue and counts as due today.
    assert due_counts(T + 3 * DAY) == [6, 0, 0, 0, 0, 0, 0]


def test_practice_asks_the_due_ones_first_and_says_what_comes_next(drilled: None) -> None:
    at = T + 5 * MINUTE
    done = quiz(
        *("practice", "--plain", "--player", "Pam", "--topic", "drill"),
        now=at,
        input="Bee\nBee\nAnt\n",
    )
    assert done.exit_code == 0, done.stderr
    assert "Practice for Pam: 3 due for review, 0 new questions." in done.stderr
    assert asked_ids(done.stdout) == ["d4", "d5", "d6"]  # equally overdue: in id order
    assert "Question 1/3 [Drill, easy]" in done.stdout
    end = done.stdout.splitlines()[-4:]
    assert end == [
        "Final score: 1,100 (2/3 correct)",
        "Practice: not ranked in the high scores",
        # d4 and d5 come back tomorrow; d6, missed again, a minute from now: as --status says.
        "Still due today: 1 question; due tomorrow: 2 questions",
        "Next review: in 1 minute (2026-11-27 12:06 UTC)",
    ]
    assert due_counts(at) == [1, 2, 3, 0, 0, 0, 0]
    # Practice is never ranked: the high scores hold only the game.
    scores = json.loads(quiz("scores", "--json", "--all", now=at).stdout)
    assert [(g["player"], g["total"]) for g in scores] == [("Pam", 6)]
    # Later the same day only d6 is left; once it is right, nothing is due today.
    again = quiz(
        *("practice", "--plain", "--player", "Pam", "--topic", "drill"), now=at, input="Bee\n"
    )
    assert asked_ids(again.stdout) == ["d6"]
    nothing = quiz("practice", "--plain", "--player", "Pam", "--topic", "drill", now=at)
    assert nothing.exit_code == 0
    assert nothing.stdout == ""
    assert nothing.stderr == (
        "Nothing to practise for Pam today. Next review: in 24 hours (2026-11-28 12:05 UTC)\n"
    )


def test_new_questions_follow_the_due_ones(drilled: None) -> None:
    done = quiz(
        *("practice", "--plain", "--player", "Pam", "--count", "5"),
        now=T + 5 * MINUTE,
        input="\n" * 5,
    )
    assert done.exit_code == 0, done.stderr
    assert "Practice for Pam: 3 due for review, 2 new questions." in done.stderr
    assert asked_ids(done.stdout)[:3] == ["d4", "d5", "d6"]
    assert done.stdout.count("Question ") == 5


def test_input_ending_mid_practice_saves_nothing(drilled: None) -> None:
    before = due_counts(T + 5 * MINUTE)
    done = quiz(
        "practice",
        "--plain",
        "--player",
        "Pam",
        "--topic",
        "drill",
        now=T + 5 * MINUTE,
        input="Bee\n",
    )
    assert done.exit_code == 1
    assert done.stderr.splitlines()[-1] == (
        "Error: input ended before the last answer; nothing was saved"
    )
    assert due_counts(T + 5 * MINUTE) == before


def test_a_new_player_gets_new_questions(quiz_home: Path) -> None:
    data = status(T)
    assert data["days"] == [{"date": (T.date() + n * DAY).isoformat(), "due": 0} for n in range(7)]
    assert data["unseen"] == len(load_bank(user=False).questions)
    assert data["next_due"] is None
    table = quiz("practice", "--status", "--player", "Pam", now=T)
    assert table.exit_code == 0, table.stderr
    assert "Reviews due for Pam" in table.stdout
    assert "Today       2026-11-27" in table.stdout
    assert "Thursday    2026-12-03" in table.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("practice", "--json"),
            "Error: --json goes with --status (quiz practice --status --json)",
        ),
        (("practice", "--count", "0"), "Error: --count: 0 is too small (the least is 1)"),
        (("practice", "--topic", "nowhere"), "Error: 'nowhere' is not a topic of the bank"),
        (
            ("scores", "--daily", "27/11/2026"),
            "Error: '27/11/2026' is not a day written YYYY-MM-DD",
        ),
        (
            ("scores", "--daily", "2026-02-30"),
            "Error: '2026-02-30' is not a day of the calendar",
        ),
        (("scores", "2026-11-27"), "Error: a date ('2026-11-27') goes with --daily"),
        (("scores", "--daily", "--topic", "pam"), "Error: --daily shows one day's whole board"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args: tuple[str, ...], message: str) -> None:
    done = run_cli(*args, "--plain" if args[0] == "practice" else "--json")
    assert done.exit_code == 2, done.stderr
    assert done.stderr.startswith(message), done.stderr
    assert done.stderr.count("\n") == 1
    assert done.stdout == ""


def test_a_bad_fake_clock_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_NOW", "yesterday")
    done = run_cli("daily", "--plain")
    assert (done.exit_code, done.stderr) == (
        2,
        "Error: QUIZ_NOW='yesterday' is not an ISO 8601 time (see 'quiz daily --help')\n",
    )


# The daily challenge


def right_line(asked: AskedQuestion) -> str:
    q = asked.question
    if q.type == "multi":
        return ",".join(str(asked.options.index(a) + 1) for a in q.answers)
    return q.answers[0]


def todays(day: datetime) -> tuple[AskedQuestion, ...]:
    return daily_questions(load_bank(user=False).questions, day.date())


def daily(player: str, now: datetime, lines: list[str]) -> Result:
    done = quiz(
        "daily", "--plain", "--player", player, now=now, input="".join(f"{x}\n" for x in lines)
    )
    assert done.exit_code == 0, done.stderr
    return done


def board(day: str) -> list[tuple[object, ...]]:
    rows = json.loads(quiz("scores", "--daily", day, "--json", now=T).stdout)
    return [(r["rank"], r["player"], r["score"], r["correct"], r["date"]) for r in rows]


def test_the_daily_challenge_once_ranked_then_unranked_with_a_day_streak(quiz_home: Path) -> None:
    asked = todays(T)
    first = daily("Pam", T, [right_line(a) for a in asked])
    shown = [line for line in first.stdout.splitlines() if line.startswith("Question ")]
    assert [s.split(" [")[0] for s in shown] == [f"Question {n}/5" for n in range(1, 6)]
    for a in asked:
        assert a.question.prompt in first.stdout
    assert first.stderr == "Daily challenge for 2026-11-27 (UTC): 5 questions, one ranked try.\n"
    end = first.stdout.splitlines()[-3:]
    assert end[0].endswith("(5/5 correct)")
    assert end[1] == "#1 of 1 on the 2026-11-27 board"
    assert end[2] == "Day streak: 1 day"
    score = int(end[0].split()[2].replace(",", ""))

    again = daily("Pam", T + 5 * MINUTE, [""] * 5)
    assert "Pam already played the 2026-11-27 challenge" in again.stderr
    assert "this attempt is unranked" in again.stderr
    assert again.stdout.splitlines()[-3:] == [
        "Final score: 0 (0/5 correct)",
        f"Unranked: your first attempt at the 2026-11-27 challenge stands ({score:,} points, #1 of 1)",
        "Day streak: 1 day",
    ]
    daily("Jim", T + 6 * MINUTE, [""] * 5)
    assert board("2026-11-27") == [
        (1, "Pam", score, 5, "2026-11-27"),
        (2, "Jim", 0, 0, "2026-11-27"),
    ]
    # The daily board is its own: the high-score table holds no daily games.
    assert json.loads(quiz("scores", "--json", now=T).stdout) == []
    # Daily answers are reviews too: the five questions now have cards.
    assert status(T)["unseen"] == len(load_bank(user=False).questions) - 5

    tomorrow = T + DAY
    assert todays(tomorrow) != asked
    assert daily("Pam", tomorrow, [""] * 5).stdout.splitlines()[-1] == "Day streak: 2 days"
    later = T + 3 * DAY
    assert daily("Pam", later, [""] * 5).stdout.splitlines()[-1] == "Day streak: 1 day"
    table = quiz("scores", "--daily", now=later)
    assert table.exit_code == 0
    assert "Daily challenge, 2026-11-30 (UTC)" in table.stdout
    assert " Pam " in table.stdout
    past = quiz("scores", "--daily", "2026-11-29", now=later)
    assert past.stdout == (
        "No ranked attempts at the 2026-11-29 challenge; a challenge is played on its own day"
        " (UTC).\n"
    )
    today = quiz("scores", "--daily", now=later + DAY)
    assert today.stdout == "No ranked attempts at the 2026-12-01 challenge yet: run quiz daily\n"
    coming = quiz("scores", "--daily", "2026-12-25", now=later)
    assert coming.stdout == "No attempts at the 2026-12-25 challenge: it opens on that day (UTC).\n"


# Through the prompts, in-process (pipe input)


def test_practice_through_the_prompts(drilled: None, keys: PipeInput) -> None:
    at = T + 5 * MINUTE
    drill = [q for q in load_bank().questions if q.topic == "Drill"]
    due = {q.id: T + (MINUTE if q.answers == ("Bee",) else 2 * DAY) for q in drill}
    plan = plan_practice(drill, due, at, 10)
    keys.send_text(ENTER + "".join(right_keys(a) + ENTER for a in plan.asked))  # the name offered
    done = quiz("practice", "--topic", "drill", now=at)
    assert done.exit_code == 0, done.stderr
    assert "Practice for Pam: 3 due for review, 0 new questions." in done.stdout + done.stderr
    out = done.stdout
    assert out.count("✓ Correct!") == 3
    shown = [line for line in out.splitlines() if line.startswith("Drill question number ")]
    assert [a.question.prompt for a in plan.asked] == list(dict.fromkeys(shown))  # reveal redraws
    assert "Practice: not ranked in the high scores" in out
    assert "Due tomorrow: 3 questions" in out
    assert "Next review: in 24 hours (2026-11-28 12:05 UTC)" in out
    assert due_counts(at) == [0, 3, 3, 0, 0, 0, 0]


def test_the_daily_challenge_through_the_prompts(keys: PipeInput) -> None:
    keys.send_text("".join(right_keys(a) + ENTER for a in todays(T)))
    first = quiz("daily", "--player", "Pam", now=T)
    assert first.exit_code == 0, first.stderr
    assert first.stdout.count("✓ Correct!") == 5
    assert re.search(r"Correct\s+5/5\s", first.stdout), first.stdout
    assert "#1 of 1 on the 2026-11-27 board" in first.stdout
    assert "Day streak: 1 day" in first.stdout
    keys.send_text(right_keys(todays(T)[0]) + CTRL_C)
    again = quiz("daily", "--player", "Pam", now=T + MINUTE)
    assert again.exit_code == 130
    assert "this attempt is unranked" in " ".join((again.stdout + again.stderr).split())
    assert again.stderr.endswith("Quiz aborted; nothing was saved.\n")
    assert [(row[1], row[3]) for row in board("2026-11-27")] == [("Pam", 5)]


# On a real terminal (a pty), driven key by key


def pty_at(now: datetime, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Spawn:
    """The pty launcher of the play tests, for processes whose clock reads `now`."""
    monkeypatch.setenv("QUIZ_NOW", now.isoformat())
    spawn: Spawn = request.getfixturevalue("run_quiz")
    return spawn


@pytest.mark.pty
def test_practice_on_a_terminal(
    drilled: None, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    at = T + 5 * MINUTE
    drill = [q for q in load_bank().questions if q.topic == "Drill"]
    due = {q.id: T + (MINUTE if q.answers == ("Bee",) else 2 * DAY) for q in drill}
    plan = plan_practice(drill, due, at, 10)
    term = pty_at(at, monkeypatch, request)("practice", "--topic", "drill")
    term.expect("Your name:")
    term.expect("Pam")  # the last player is offered
    term.send(ENTER)
    for n, asked in enumerate(plan.asked, start=1):
        term.expect(asked.question.prompt)
        term.expect("Your answer")  # the prompt reads keys from here on
        term.send(right_keys(asked))
        term.expect("✓ Correct!")
        term.expect(RESULTS if n == len(plan.asked) else NEXT)
        term.send(ENTER)
    term.expect("Review")
    term.expect("Final score")
    assert term.exit_status() == 0
    screen = term.screen
    assert "Practice for Pam: 3 due for review, 0 new questions." in screen
    assert "Practice: not ranked in the high scores" in screen
    assert "Due tomorrow: 3 questions" in screen
    assert "Next review: in 24 hours (2026-11-28 12:05 UTC)" in screen
    assert "Traceback" not in screen


@pytest.mark.pty
def test_daily_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    term = pty_at(T, monkeypatch, request)("daily", "--player", "Pam")
    for n, asked in enumerate(todays(T), start=1):
        term.expect(" ".join(asked.question.prompt.split()[:4]))
        term.expect("Your answer")  # the prompt reads keys from here on
        term.send(right_keys(asked))
        term.expect("✓ Correct!")
        term.expect(RESULTS if n == 5 else NEXT)
        term.send(ENTER)
    term.expect("Day streak: 1 day")
    assert term.exit_status() == 0
    assert "#1 of 1 on the 2026-11-27 board" in term.screen
    assert re.search(r"│ Correct\s+5/5\s", term.screen), term.screen
