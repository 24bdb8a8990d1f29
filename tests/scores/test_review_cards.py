"""Review cards and daily attempts in the SQLite store; the clock (QUIZ_NOW) is all that is faked."""

from __future__ import annotations

import contextlib
import multiprocessing
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest

from quiz.engine.game import Game
from quiz.models import AskedQuestion, GameResult, GameSettings
from quiz.scores.kinds import GameKind
from quiz.scores.schedule import Reviewer
from quiz.scores.sql import SqlStore
from quiz.scores.sqlite import SCHEMA_VERSION, SqliteStore
from tests.conftest import both_stores, store_for
from tests.samples import BANK
from tests.scores.old_stores import build_sqlite

T = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
MINUTE, DAY = timedelta(minutes=1), timedelta(days=1)
SetClock = Callable[[datetime], None]


@pytest.fixture
def set_clock(monkeypatch: pytest.MonkeyPatch) -> SetClock:
    def set_to(moment: datetime) -> None:
        monkeypatch.setenv("QUIZ_NOW", moment.isoformat())

    set_to(T)
    return set_to


@pytest.fixture
def store(request: pytest.FixtureRequest, tmp_path: Path) -> SqlStore:
    return store_for(request, tmp_path / "scores.db")


def played(
    player: str, pattern: str, *, first: int = 0, time_limit: int | None = None
) -> GameResult:
    """A game of BANK[first:] answered by `pattern`: R right in 2 s, L right in 20 s,
    W wrong, S skipped, O timed out."""
    questions = BANK[first : first + len(pattern)]
    game = Game(
        [AskedQuestion(q, q.choices) for q in questions],
        GameSettings(seed=1, count=len(pattern), time_limit=time_limit),
    )
    for letter, q in zip(pattern, questions, strict=True):
        if letter in "RL":
            game.answer(q.answers, 2.0 if letter == "R" else 20.0)
        elif letter == "W":
            game.answer((q.choices[1],), 2.0)
        elif letter == "S":
            game.answer((), 2.0)
        else:
            game.answer((), float(time_limit or 30), timed_out=True)
    return game.result(player, T.timestamp(), 30.0)


@both_stores
def test_every_answer_of_a_saved_game_schedules_its_card(
    store: SqlStore, set_clock: SetClock
) -> None:
    # 30 s limit: right in 2 s is under a third (Easy), right in 20 s is not (Good).
    store.save_game(played("Pam", "RLWSO", time_limit=30))
    assert store.review_schedule("Pam") == {
        "q00": T + 8 * DAY,  # Easy
        "q01": T + 2 * DAY,  # Good
        "q02": T + MINUTE,  # Again: wrong
        "q03": T + MINUTE,  # Again: skipped
        "q04": T + MINUTE,  # Again: timed out
    }
    # Untimed, a fast right answer is just Good.
    store.save_game(played("Jim", "R"))
    assert store.review_schedule("Jim") == {"q00": T + 2 * DAY}
    assert store.review_schedule("Nobody") == {}


@both_stores
def test_a_later_answer_reschedules_the_same_card(store: SqlStore, set_clock: SetClock) -> None:
    store.save_game(played("Pam", "W"))
    set_clock(T + 10 * MINUTE)
    store.save_game(played("Pam", "R"))  # missed, then right: back tomorrow
    assert store.review_schedule("Pam") == {"q00": T + 10 * MINUTE + DAY}
    set_clock(T + 3 * DAY)
    store.save_game(played("Pam", "W"))  # forgotten: relearn within minutes
    assert store.review_schedule("Pam") == {"q00": T + 3 * DAY + 10 * MINUTE}


@both_stores
def test_practice_reschedules_cards_but_is_never_a_game(
    store: SqlStore, set_clock: SetClock
) -> None:
    store.save_game(played("Pam", "WW"))
    set_clock(T + 5 * MINUTE)
    store.save_practice(played("Pam", "RW"))
    assert store.review_schedule("Pam") == {
        "q00": T + 5 * MINUTE + DAY,
        "q01": T + 5 * MINUTE + MINUTE,
    }
    assert [(k, g.score) for k in store.kinds() for g in store.top_games(kind=k)] == [
        (GameKind(count=2), 0)
    ]
    assert store.stats("Pam").games == 1
    assert store.review_schedule("pam") == store.review_schedule("Pam")  # one player


@both_stores
def test_one_ranked_daily_attempt_per_player_and_day(store: SqlStore, set_clock: SetClock) -> None:
    day = T.date()
    assert store.save_daily(day, played("Pam", "RWRWR"))  # 500 + 1,500 + 1,000
    assert not store.save_daily(day, played("Pam", "RRRRR"))  # the second try: unranked
    set_clock(T + MINUTE)
    assert store.save_daily(day, played("Zelda", "WRWRR"))  # 1,000 + 500 + 1,100
    set_clock(T + 2 * MINUTE)
    assert store.save_daily(day, played("Jim", "WRWRR"))  # the same, a minute later...
    assert store.save_daily(day, played("Andy", "WRWRR"))  # ...and Andy's at that moment too
    board = store.daily_board(day)
    # A tie goes to the earlier attempt, then to the name.
    assert [(e.rank, e.player, e.score, e.correct, e.total) for e in board] == [
        (1, "Pam", 3000, 3, 5),
        (2, "Zelda", 2600, 3, 5),
        (3, "Andy", 2600, 3, 5),
        (4, "Jim", 2600, 3, 5),
    ]
    assert board[0].played_at == "2026-11-27T12:00:00.000000Z"
    # Ranked or not, every daily answer reschedules the cards: q01 was missed, then right.
    assert store.review_schedule("Pam")["q01"] == T + DAY
    set_clock(T + DAY)
    assert store.save_daily(day + DAY, played("Pam", "R"))
    assert store.daily_days("Pam") == [day, day + DAY]
    assert store.daily_days("Jim") == [day]
    assert store.daily_board(date(2020, 1, 1)) == []


@both_stores
def test_reset_clears_cards_and_daily_boards_too(store: SqlStore, set_clock: SetClock) -> None:
    store.save_game(played("Pam", "RW"))
    store.save_daily(T.date(), played("Pam", "R"))
    backup = store.reset()
    assert backup is not None
    assert store.review_schedule("Pam") == {}
    assert store.daily_board(T.date()) == []
    assert SqliteStore(backup).review_schedule("Pam") != {}


# A v2 file (today's schema before review cards), built by the v1 and v2 migrations themselves.
V2 = 2
V2_GAMES = [
    # id, player, played_at, time_limit
    (1, "Pam", "2026-10-01T09:00:00.000000Z", None),
    (2, "Pam", "2026-10-05T09:00:00.000000Z", 30),
    (3, "Jim", "2026-10-02T09:00:00.000000Z", None),
    (4, "Pam", "2026-11-26T23:00:00.000000Z", None),
]
V2_ANSWERS = [
    # game_id, position, question_id, correct, seconds
    (1, 1, "q00", 1, 5.0),
    (1, 2, "q01", 0, 7.5),
    (2, 1, "q01", 1, 4.0),  # right in 4 s of 30: Easy
    (2, 2, "q02", 0, 30.0),  # timed out
    (3, 1, "q00", 0, 0.0),  # skipped
    (4, 1, "q03", 0, 10.0),
]


def make_v2(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        build_sqlite(db, V2)
        for game_id, player, played_at, limit in V2_GAMES:
            db.execute(
                """INSERT INTO games (id, player, played_at, score, correct, total, best_streak,
                    duration_s, seed, question_count, difficulties, types, time_limit)
                VALUES (?, ?, ?, 0, 0, 2, 0, 60.0, 7, 2, '', '', ?)""",
                (game_id, player, played_at, limit),
            )
        for game_id, position, question_id, correct, seconds in V2_ANSWERS:
            db.execute(
                "INSERT INTO answers VALUES (?, ?, ?, 'Jim Halpert', 'easy', '', ?, 0, ?)",
                (game_id, position, question_id, correct, seconds),
            )


def stamp(text: str, seconds: float = 0.0) -> datetime:
    return datetime.fromisoformat(text) + timedelta(seconds=seconds)


def test_a_v2_file_migrates_and_past_answers_seed_the_cards(
    tmp_path: Path, set_clock: SetClock
) -> None:
    path = tmp_path / "scores.db"
    make_v2(path)
    store = SqliteStore(path)

    pam = store.review_schedule("Pam")

    with contextlib.closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert db.execute("SELECT COUNT(*) FROM answers").fetchone() == (len(V2_ANSWERS),)
    # Each answer counts at the moment it was given: the game's start plus the answer times.
    first, second, last = V2_GAMES[0][2], V2_GAMES[1][2], V2_GAMES[3][2]
    assert pam["q00"] == stamp(first, 5.0) + 2 * DAY  # right once: Good
    assert pam["q02"] == stamp(second, 34.0) + MINUTE  # timed out: Again
    assert pam["q03"] == stamp(last, 10.0) + MINUTE
    # q01: missed, then right in a timed game four days later; replayed in that order.
    reviewer = Reviewer()
    missed = reviewer.review(
        None, correct=False, seconds=7.5, time_limit=None, when=stamp(first, 12.5)
    )
    expected = reviewer.review(
        missed, correct=True, seconds=4.0, time_limit=30, when=stamp(second, 4.0)
    )
    assert pam["q01"] == datetime.fromisoformat(expected.due)
    assert pam["q01"] > stamp(second) + 3 * DAY  # Easy: a long first interval
    # Each player has cards of their own.
    assert store.review_schedule("Jim") == {"q00": stamp(V2_GAMES[2][2]) + MINUTE}
    # A player with past games has reviews due at once.
    assert all(due < T for due in pam.values())
    # The migrated file keeps working, and new answers build on the seeded cards.
    store.save_game(played("Pam", "W"))
    assert store.review_schedule("Pam")["q00"] == T + 10 * MINUTE  # forgotten: relearning


def attempt_daily(db: str, name: str, barrier: Barrier, out: str) -> None:
    """One process: wait for the others, then save Pam's attempt at today's challenge."""
    store = SqliteStore(Path(db))
    result = played("Pam", "RRW" if name == "0" else "WWW")
    barrier.wait(timeout=60)
    Path(out).write_text(str(store.save_daily(T.date(), result)), encoding="utf-8")


def test_attempts_finishing_at_once_make_exactly_one_ranked(tmp_path: Path) -> None:
    db = tmp_path / "scores.db"
    SqliteStore(db).save_game(played("Jim", "R"))  # an existing file, so only the race is tested
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(4)
    outs = [tmp_path / f"ranked-{n}" for n in range(4)]
    procs = [
        ctx.Process(target=attempt_daily, args=(str(db), str(n), barrier, str(outs[n])))
        for n in range(4)
    ]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=120)
    assert [proc.exitcode for proc in procs] == [0] * 4
    assert sorted(out.read_text(encoding="utf-8") for out in outs) == ["False"] * 3 + ["True"]
    board = SqliteStore(db).daily_board(T.date())
    assert [(e.player, e.total) for e in board] == [("Pam", 3)]
    # Every attempt, ranked or not, reviewed Pam's cards.
    with contextlib.closing(sqlite3.connect(db)) as con:
        assert con.execute(
            "SELECT COUNT(*) FROM review_cards WHERE player_key = 'pam'"
        ).fetchone() == (3,)
