"""`quiz stats` from summary tables: the same answers as querying the whole history.

The reference is the query over every game and answer that `stats` ran before the summary
tables existed; random histories are saved through the store (and, for the migration,
written as a version 2 file) and both must agree for every player and for everyone.
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.models import AnswerRecord, AskedQuestion, GameResult, GameSettings, Question
from quiz.scores.rows import PlayerSummary, Stats, Tally
from quiz.scores.schema import SCHEMA_VERSION
from quiz.scores.sqlite import SqliteStore
from quiz.textmatch import name_key
from tests.conftest import run_cli
from tests.scores.old_stores import build_sqlite

PLAYERS = ("Pam", "Jim", "Dwight", "Émilie", "jim", "E\u0301milie")  # "jim" is Jim
TOPICS = ("Pam Beesly", "Jim Halpert", "Dwight Schrute", "Michael Scott")
DIFFICULTIES = ("easy", "medium", "hard")


def reference_stats(path: Path, player: str | None) -> Stats:
    """What `stats` said when it read the whole history (the queries from before the summaries)."""
    games_where = "WHERE g.player_key = ?" if player is not None else ""
    params: tuple[str, ...] = (name_key(player),) if player is not None else ()
    with contextlib.closing(sqlite3.connect(path)) as db:
        named = db.execute(f"SELECT MIN(player) FROM games g {games_where}", params).fetchone()
        games, best, average, correct, total = db.execute(
            f"""SELECT COUNT(*), COALESCE(MAX(score), 0), COALESCE(AVG(score), 0),
                COALESCE(SUM(correct), 0), COALESCE(SUM(total), 0)
            FROM games g {games_where}""",
            params,
        ).fetchone()

        def tally(column: str, extra: str = "", order: str = "1") -> tuple[Tally, ...]:
            rows = db.execute(
                f"""SELECT a.{column}, SUM(a.correct), COUNT(*)
                FROM answers a JOIN games g ON g.id = a.game_id {games_where}
                GROUP BY a.{column} {extra} ORDER BY {order}""",
                params,
            ).fetchall()
            return tuple(Tally(str(name), int(right), int(n)) for name, right, n in rows)

        by_topic = tally("topic")
        by_difficulty = tally(
            "difficulty",
            order="CASE a.difficulty WHEN 'easy' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END",
        )
        hardest = tally(
            "question_id",
            extra="HAVING COUNT(*) >= 3 AND SUM(a.correct) < COUNT(*)",
            order="1.0 * SUM(a.correct) / COUNT(*), COUNT(*) DESC, a.question_id LIMIT 5",
        )
        history = db.execute(
            f"SELECT score FROM games g {games_where} ORDER BY played_at DESC, id DESC LIMIT 30",
            params,
        ).fetchall()
        players = db.execute(
            f"""SELECT MIN(player), COUNT(*), MAX(score), AVG(score), SUM(correct), SUM(total),
                MAX(played_at)
            FROM games g {games_where}
            GROUP BY player_key ORDER BY MAX(score) DESC, MIN(player) LIMIT 20""",
            params,
        ).fetchall()
    return Stats(
        player=None if player is None else named[0] or player,
        games=int(games),
        best=int(best),
        average=float(average),
        accuracy=correct / total if total else 0.0,
        by_topic=by_topic,
        by_difficulty=by_difficulty,
        hardest=hardest,
        history=tuple(int(row[0]) for row in reversed(history)),
        players=tuple(
            PlayerSummary(name, int(n), int(top), float(avg), right / asked if asked else 0.0, last)
            for name, n, top, avg, right, asked, last in players
        ),
    )


def random_history(seed: int, games: int) -> list[GameResult]:
    """Games by a few players over a small pool of questions, so questions repeat."""
    rng = random.Random(seed)
    pool = [
        Question(f"q-{n}", rng.choice(TOPICS), rng.choice(DIFFICULTIES), "truefalse", f"Q{n}?", ("true",))
        for n in range(rng.randint(3, 12))
    ]  # fmt: skip
    start = datetime(2026, 1, 1, tzinfo=UTC).timestamp()
    history = []
    for n in range(games):
        asked = rng.sample(pool, rng.randint(1, min(6, len(pool))))
        records, streak = [], 0
        for question in asked:
            correct = rng.random() < 0.6
            streak = streak + 1 if correct else 0
            points = rng.choice((500, 1000, 1500)) if correct else 0
            given = ("true",) if correct else ()
            records.append(
                AnswerRecord(AskedQuestion(question, ()), given, correct, points, 1.5, streak)
            )
        # Equal start times happen (two games saved in the same microsecond elsewhere).
        started = start + rng.choice((n * 60, (n // 2) * 60))
        settings = GameSettings(seed=n, count=len(asked))
        history.append(GameResult(rng.choice(PLAYERS), settings, tuple(records), started, 30.0 + n))
    return history


def every_view(store: SqliteStore, path: Path) -> None:
    for player in (None, *PLAYERS, "Nobody"):
        assert store.stats(player) == reference_stats(path, player), player


@pytest.mark.parametrize("seed", range(12))
def test_saved_games_give_the_same_stats_as_the_whole_history(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "scores.db"
    store = SqliteStore(path)
    for result in random_history(seed, random.Random(seed).randint(1, 40)):
        store.save_game(result)
    every_view(store, path)


def write_v2(path: Path, history: list[GameResult]) -> None:
    """A schema 2 file holding `history`, made by the first two migrations and v2's inserts."""
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        build_sqlite(db, 2)
        for result in history:
            played_at = datetime.fromtimestamp(result.started_at, UTC)
            game_id = db.execute(
                """INSERT INTO games (player, played_at, score, correct, total, best_streak,
                    duration_s, seed, question_count, difficulties, types, time_limit)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', NULL)""",
                (
                    result.player,
                    played_at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                    result.score,
                    result.correct,
                    result.total,
                    result.best_streak,
                    result.duration_s,
                    result.settings.seed,
                    result.settings.count,
                ),
            ).lastrowid
            db.executemany(
                "INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (game_id, n, r.question.id, r.question.topic, r.question.difficulty,
                     "\n".join(r.given), int(r.correct), r.points, r.seconds)
                    for n, r in enumerate(result.records, start=1)
                ],
            )  # fmt: skip


@pytest.mark.parametrize("seed", range(4))
def test_a_v2_file_is_summarised_by_the_migration(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "scores.db"
    history = random_history(100 + seed, 30)
    write_v2(path, history[:20])
    store = SqliteStore(path)

    every_view(store, path)  # the first read migrates

    with contextlib.closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    for result in history[20:]:  # and saving after the migration keeps counting
        store.save_game(result)
    every_view(store, path)


def test_stats_output_is_the_same_from_summaries(tmp_path: Path, quiz_home: Path) -> None:
    """The printed stats of a migrated file match a fresh file with the same games saved."""
    history = random_history(7, 25)
    quiz_home.mkdir(parents=True)
    write_v2(quiz_home / "scores.db", history)
    migrated = [run_cli("stats", *args).stdout for args in ([], ["--player", "Pam"], ["--json"])]
    (quiz_home / "scores.db").unlink()
    store = SqliteStore(quiz_home / "scores.db")
    for result in history:
        store.save_game(result)
    saved = [run_cli("stats", *args).stdout for args in ([], ["--player", "Pam"], ["--json"])]
    assert migrated == saved
    assert "Players" in saved[0]


def test_reset_empties_the_summaries(tmp_path: Path) -> None:
    path = tmp_path / "scores.db"
    store = SqliteStore(path)
    for result in random_history(3, 10):
        store.save_game(result)
    store.reset()
    assert store.stats() == Stats(None, 0, 0, 0.0, 0.0, (), (), (), (), ())
    store.save_game(random_history(4, 1)[0])
    every_view(store, path)
