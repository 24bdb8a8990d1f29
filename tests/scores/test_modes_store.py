"""Game modes in the store: the migration that adds them, boards kept apart, parties."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import replace
from pathlib import Path

from quiz.models import GameSettings
from quiz.scores.kinds import GameKind
from quiz.scores.sqlite import SCHEMA_VERSION, SqliteStore
from tests.scores.old_stores import build_sqlite
from tests.scores.test_sqlite_store import T0, easy_game, query

BEFORE_MODES = 3


def make_file_before_modes(path: Path) -> SqliteStore:
    """A score file as the version just before game modes left it, holding two games."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        build_sqlite(db, BEFORE_MODES)
        db.execute(
            """INSERT INTO games (player, played_at, score, correct, total, duration_s, seed,
                question_count, difficulties, types, time_limit)
            VALUES ('Pam', '2025-11-03T18:04:05.123456Z', 2900, 5, 6, 61.5, 77, 6, '', '', NULL),
                ('Jim', '2025-11-04T09:00:00.000000Z', 1000, 1, 2, 20.0, 78, 2, '', '', 15)"""
        )
    return SqliteStore(path)


def test_older_games_become_normal_games(tmp_path: Path) -> None:
    db = tmp_path / "scores.db"
    store = make_file_before_modes(db)
    assert store.kinds() == [GameKind("normal", 2, timed=True), GameKind("normal", 6)]
    assert [g.player for g in store.top_games(kind=GameKind(count=6))] == ["Pam"]
    assert [g.player for g in store.top_games(kind=GameKind(count=2, timed=True))] == ["Jim"]
    assert query(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert (
        query(db, "SELECT mode, lives, lifeline, party_id FROM games")
        == [("normal", None, 0, None)] * 2
    )
    assert store.top_games(kind=GameKind("lives", None, False, 1)) == []
    assert store.last_party() is None


def test_each_mode_has_its_own_board_and_placement(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "scores.db")
    normal = store.save_game(easy_game("Pam", "RRW", T0))
    survival = easy_game("Jim", "RRRRW", T0 + 1, settings=GameSettings(seed=2, count=9, lives=1))
    survival_id = store.save_game(survival)
    party = GameSettings(seed=3, count=2, party_id="feedbeef")
    store.save_game(easy_game("Ann", "RR", T0 + 2, settings=party))
    store.save_game(easy_game("Bob", "RW", T0 + 2, settings=party))
    later = replace(party, party_id="cafe0001")
    store.save_game(easy_game("Ann", "WW", T0 + 3, settings=later))

    assert [g.player for g in store.top_games(kind=GameKind(count=3))] == ["Pam"]
    assert [g.player for g in store.top_games(kind=GameKind("lives", None, False, 1))] == ["Jim"]
    assert [(g.player, g.score) for g in store.top_games(kind=GameKind("party", None))] == [
        ("Ann", 1100),
        ("Bob", 500),
        ("Ann", 0),
    ]
    assert [g.player for g in store.top_games(party="feedbeef")] == ["Ann", "Bob"]
    assert store.last_party() == "cafe0001"
    # Jim's survival score (2,600) beats Pam's normal game (1,100), but on its own board.
    assert store.placement(normal).rank == 1
    assert store.placement(survival_id).games == 1
    assert query(
        tmp_path / "scores.db", "SELECT player, mode, lives FROM games WHERE id = ?", (survival_id,)
    ) == [("Jim", "lives", 1)]
