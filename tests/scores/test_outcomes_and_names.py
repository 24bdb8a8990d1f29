"""Outcomes stored as played (a late skip is a skip), old rows given theirs, names matched by
key and kept as first typed, the default player, and boards by kind."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from quiz.engine.game import Game
from quiz.models import AskedQuestion, GameResult, GameSettings, Outcome
from quiz.scores.kinds import GameKind
from quiz.scores.sql import SqlStore
from quiz.scores.sqlite import SqliteStore
from quiz.textmatch import name_key
from tests.conftest import both_stores, run_cli, store_for
from tests.scores.old_stores import build_sqlite
from tests.scores.test_sqlite_store import EASY, T0, board_game, easy_game, query


@pytest.fixture
def store(request: pytest.FixtureRequest, tmp_path: Path) -> SqlStore:
    return store_for(request, tmp_path / "scores.db")


def late_game(player: str = "Pam") -> GameResult:
    """A 20-second game: a skip at 19.96 s, a real time-out, a wrong and a right answer."""
    game = Game([AskedQuestion(q, q.choices) for q in EASY[:4]], GameSettings(1, 4, time_limit=20))
    game.answer((), 19.96)
    game.answer((), 20.0, timed_out=True)
    game.answer((EASY[2].choices[1],), 3.0)
    game.answer(EASY[3].answers, 2.0)
    return game.result(player, T0, 45.0)


@both_stores
def test_a_skip_close_to_the_limit_is_kept_and_shared_as_a_skip(store: SqlStore) -> None:
    store.save_game(late_game())
    played = store.last_game("pam")
    assert played is not None
    assert played.outcomes == (Outcome.SKIPPED, Outcome.TIMED_OUT, Outcome.WRONG, Outcome.RIGHT)


def test_quiz_share_shows_the_late_skip_as_a_skip(quiz_home: Path) -> None:
    SqliteStore(quiz_home / "scores.db").save_game(late_game())
    shared = run_cli("share")
    assert shared.exit_code == 0, shared.stderr
    assert "⬜🟧🟥🟩" in shared.stdout


def test_answers_of_older_games_get_the_outcome_their_rows_tell(tmp_path: Path) -> None:
    path = tmp_path / "scores.db"
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        build_sqlite(raw, 6)
        raw.execute(
            """INSERT INTO games (id, player, played_at, score, correct, total, duration_s, seed,
                question_count, difficulties, types, time_limit, uuid)
            VALUES (1, 'Pam', '2026-01-01T00:00:00.000000Z', 500, 1, 4, 60, 1, 4, '', '', 20, 'a'),
                (2, 'pam', '2026-01-02T00:00:00.000000Z', 0, 0, 1, 9, 2, 1, '', '', NULL, 'b')"""
        )
        raw.executemany(
            "INSERT INTO answers VALUES (?, ?, 'q', 't', 'easy', ?, ?, 0, ?)",
            [(1, 1, "", 0, 5.0), (1, 2, "", 0, 19.96), (1, 3, "x", 0, 2.0), (1, 4, "y", 1, 1.0),
             (2, 1, "", 0, 30.0)],
        )  # fmt: skip
    store = SqliteStore(path)
    assert store.kinds() == [GameKind("normal", 1), GameKind("normal", 4, timed=True)]
    # Without a stored outcome, an empty answer at the limit can only be taken for a time-out.
    outcomes = query(path, "SELECT outcome FROM answers ORDER BY game_id, position")
    assert [row[0] for row in outcomes] == ["skipped", "timed out", "wrong", "right", "skipped"]
    # The two spellings are one player, under the name first typed.
    assert query(path, "SELECT DISTINCT player, player_key FROM games") == [("Pam", "pam")]
    assert store.stats("PAM").games == 2


def test_the_name_key() -> None:
    assert name_key("Jim") == name_key("JIM") == name_key(" jim ") == "jim"
    assert name_key("E\u0301lodie") == name_key("élodie")  # NFC
    assert name_key("Ji\u200bm\u202e") == "jim"  # invisible and direction characters
    assert name_key("STRASSE") == name_key("straße")  # casefold
    assert name_key("Jim") != name_key("Jím")


@both_stores
def test_names_match_in_any_case_and_keep_their_first_spelling(store: SqlStore) -> None:
    store.save_game(board_game("Jim", "RR", T0))
    store.save_game(board_game("JIM", "RRR", T0 + 1))
    store.save_game(board_game("ji\u200bm", "R", T0 + 2))
    assert [g.player for g in store.top_games(player="jim")] == ["Jim", "Jim", "Jim"]
    assert store.stats("jIM").games == 3
    assert store.stats("jIM").player == "Jim"
    assert [p.player for p in store.stats().players] == ["Jim"]
    last = store.last_game("JIM")
    assert last is not None and last.score == 500


@both_stores
def test_the_default_player_is_the_last_to_play_a_game_of_their_own(store: SqlStore) -> None:
    assert store.default_player() is None
    store.save_game(board_game("Jim", "R", T0))
    party = GameSettings(seed=3, count=2, party_id="feedbeef")
    for n, name in enumerate(("Pam", "Dwight")):
        store.save_game(easy_game(name, "RR", T0 + 10 + n, settings=party))
    assert store.default_player() == "Jim"
    store.save_game(board_game("kevin", "R", T0 + 20))
    assert store.default_player() == "kevin"


@both_stores
def test_each_kind_has_its_board_and_placement(store: SqlStore) -> None:
    ten = store.save_game(board_game("Pam", "RR", T0))
    thirty_like = store.save_game(easy_game("Jim", "RRRRRRRR", T0 + 1))  # 8 questions, more points
    timed = store.save_game(
        board_game("Kevin", "RRRRR", T0 + 2, settings=GameSettings(5, 10, time_limit=20))
    )
    assert store.kinds() == [GameKind(), GameKind("normal", 8), GameKind(timed=True)]
    assert [g.player for g in store.top_games()] == ["Pam"]
    assert store.placement(ten).rank == store.placement(thirty_like).rank == 1
    assert store.placement(timed).games == 1
    assert [g.kind for g in store.top_games(kind=GameKind(timed=True))] == ["normal 10 timed"]


def test_share_after_a_party_shares_the_last_game_of_ones_own(quiz_home: Path) -> None:
    store = SqliteStore(quiz_home / "scores.db")
    store.save_game(board_game("Jim", "RW", T0))
    party = GameSettings(seed=3, count=2, party_id="feedbeef")
    store.save_game(easy_game("Dwight", "RR", T0 + 10, settings=party))
    shared = run_cli("share")
    assert shared.exit_code == 0, shared.stderr
    assert "🟩🟥🟥🟥🟥🟥🟥🟥🟥🟥" in shared.stdout
    assert "quiz scores --party" not in shared.stdout


def test_the_summaries_of_a_version_6_file_are_counted_once(tmp_path: Path) -> None:
    path = tmp_path / "scores.db"
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        build_sqlite(raw, 6)
        raw.execute(
            """INSERT INTO games (id, player, played_at, score, correct, total, duration_s, seed,
                question_count, difficulties, types, time_limit, uuid)
            VALUES (1, 'Pam', '2026-01-01T00:00:00.000000Z', 500, 1, 1, 60, 1, 1, '', '', NULL, 'a')"""
        )
        raw.execute("INSERT INTO answers VALUES (1, 1, 'q', 'Drill', 'easy', 'x', 1, 500, 1.0)")
        # What version 6 had counted for it.
        raw.execute("INSERT INTO player_totals VALUES ('Pam', 1, 500, 500, 1, 1, '2026-01-01')")
        raw.executemany(
            "INSERT INTO tallies VALUES (?, ?, 1, 1)",
            [("topic", "Drill"), ("difficulty", "easy"), ("question", "q")],
        )
        raw.executemany(
            "INSERT INTO player_tallies VALUES ('Pam', ?, ?, 1, 1)",
            [("topic", "Drill"), ("difficulty", "easy"), ("question", "q")],
        )
    everyone, pam = SqliteStore(path).stats(), SqliteStore(path).stats("pam")
    assert [(t.name, t.correct, t.attempts) for t in everyone.by_topic] == [("Drill", 1, 1)]
    assert [(t.name, t.correct, t.attempts) for t in pam.by_topic] == [("Drill", 1, 1)]
    assert (everyone.games, pam.games) == (1, 1)
