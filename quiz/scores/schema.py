"""The score schema and its forward migrations, the same on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import astuple
from datetime import timedelta
from itertools import groupby
from typing import TYPE_CHECKING, Any, Protocol

from quiz.scores import clock
from quiz.scores.schedule import CardState, Reviewer, state_of

if TYPE_CHECKING:
    from fsrs import Card


class Cursor(Protocol):
    """The part of a DB-API cursor the store uses."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> Sequence[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """A DB-API connection taking `?` placeholders: sqlite3's own, or the PostgreSQL adapter.

    Statements are written in the SQL both databases speak; the PostgreSQL adapter maps the
    few words of table definitions that differ (see `quiz.scores.postgres`).
    """

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor: ...


def _create_v1(db: Connection) -> None:
    db.execute(
        """CREATE TABLE games (
            id INTEGER PRIMARY KEY,
            player TEXT NOT NULL,
            played_at TEXT NOT NULL,
            score INTEGER NOT NULL,
            correct INTEGER NOT NULL,
            total INTEGER NOT NULL,
            duration_s REAL NOT NULL,
            seed INTEGER NOT NULL,
            question_count INTEGER NOT NULL,
            difficulties TEXT NOT NULL,
            types TEXT NOT NULL,
            time_limit INTEGER
        )"""
    )
    db.execute(
        """CREATE TABLE game_topics (
            game_id INTEGER NOT NULL REFERENCES games (id) ON DELETE CASCADE,
            topic TEXT NOT NULL,
            PRIMARY KEY (game_id, topic)
        )"""
    )
    db.execute(
        """CREATE TABLE answers (
            game_id INTEGER NOT NULL REFERENCES games (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            question_id TEXT NOT NULL,
            topic TEXT NOT NULL,
            difficulty TEXT NOT NULL,
            given TEXT NOT NULL,
            correct INTEGER NOT NULL,
            points INTEGER NOT NULL,
            seconds REAL NOT NULL,
            PRIMARY KEY (game_id, position)
        )"""
    )
    db.execute("CREATE INDEX games_by_score ON games (score DESC, played_at, id)")


def _add_best_streak(db: Connection) -> None:
    """v2: best streak per game (worked out from the answers of older games), faster lookups."""
    db.execute("ALTER TABLE games ADD COLUMN best_streak INTEGER NOT NULL DEFAULT 0")
    streaks: dict[int, tuple[int, int]] = {}
    rows = db.execute("SELECT game_id, correct FROM answers ORDER BY game_id, position")
    for game_id, correct in rows:
        run, best = streaks.get(game_id, (0, 0))
        run = run + 1 if correct else 0
        streaks[game_id] = (run, max(best, run))
    db.executemany(
        "UPDATE games SET best_streak = ? WHERE id = ?",
        [(best, game_id) for game_id, (_, best) in streaks.items()],
    )
    db.execute("CREATE INDEX games_by_player ON games (player, score DESC, played_at, id)")
    db.execute("CREATE INDEX games_by_date ON games (played_at)")
    db.execute("CREATE INDEX answers_by_question ON answers (question_id)")


CARD_COLUMNS = "state, step, stability, difficulty, due, last_review"
UPSERT_CARD = f"""INSERT INTO review_cards (player, question_id, {CARD_COLUMNS})
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (player, question_id) DO UPDATE SET state = excluded.state,
        step = excluded.step, stability = excluded.stability, difficulty = excluded.difficulty,
        due = excluded.due, last_review = excluded.last_review"""


def _card_row(player: str, question_id: str, card: CardState) -> tuple[object, ...]:
    return (player, question_id, *astuple(card))


def _add_reviews_and_daily(db: Connection) -> None:
    """Review cards (FSRS) seeded by replaying every past answer in time order, and daily
    challenge attempts."""
    db.execute(
        """CREATE TABLE review_cards (
            player TEXT NOT NULL,
            question_id TEXT NOT NULL,
            state INTEGER NOT NULL,
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due TEXT NOT NULL,
            last_review TEXT,
            PRIMARY KEY (player, question_id)
        )"""
    )
    db.execute("CREATE INDEX review_cards_by_due ON review_cards (player, due)")
    db.execute(
        """CREATE TABLE daily_attempts (
            day TEXT NOT NULL,
            player TEXT NOT NULL,
            played_at TEXT NOT NULL,
            score INTEGER NOT NULL,
            correct INTEGER NOT NULL,
            total INTEGER NOT NULL,
            best_streak INTEGER NOT NULL,
            duration_s REAL NOT NULL,
            PRIMARY KEY (day, player)
        )"""
    )
    db.execute("CREATE INDEX daily_attempts_by_player ON daily_attempts (player, day)")
    reviewer: Reviewer | None = None  # fsrs loads only when there is history to replay
    cards: dict[tuple[str, str], Card] = {}
    rows = db.execute(
        """SELECT g.id, g.player, g.played_at, g.time_limit, a.question_id, a.correct, a.seconds
        FROM answers a JOIN games g ON g.id = a.game_id
        ORDER BY g.played_at, g.id, a.position"""
    )
    for (_, player, played_at, time_limit), answers in groupby(rows, key=lambda row: row[:4]):
        reviewer = reviewer or Reviewer()
        when = clock.parse_stamp(played_at)
        for *_, question_id, correct, seconds in answers:
            when += timedelta(seconds=seconds)  # each answer counts when it was given
            cards[player, question_id] = reviewer.review_card(
                cards.get((player, question_id)),
                correct=bool(correct),
                seconds=seconds,
                time_limit=time_limit,
                when=when,
            )
    db.executemany(UPSERT_CARD, [_card_row(p, q, state_of(card)) for (p, q), card in cards.items()])


def _add_game_modes(db: Connection) -> None:
    """Migration 5: the board a game is ranked on (older games are normal), its survival
    lives, whether it had a 50:50, and the party it was part of."""
    db.execute("ALTER TABLE games ADD COLUMN mode TEXT NOT NULL DEFAULT 'normal'")
    db.execute("ALTER TABLE games ADD COLUMN lives INTEGER")
    db.execute("ALTER TABLE games ADD COLUMN lifeline INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE games ADD COLUMN party_id TEXT")
    db.execute("CREATE INDEX games_by_mode ON games (mode, score DESC, played_at, id)")
    db.execute("CREATE INDEX games_by_party ON games (party_id, played_at)")


def _add_game_uuids(db: Connection) -> None:
    """Migration 5: a UUID for every game (older ones get theirs now), so that a game sent
    twice, from the outbox of a shared leaderboard, is stored once."""
    from uuid import uuid4

    db.execute("ALTER TABLE games ADD COLUMN uuid TEXT")
    ids = [row[0] for row in db.execute("SELECT id FROM games").fetchall()]
    db.executemany("UPDATE games SET uuid = ? WHERE id = ?", [(str(uuid4()), i) for i in ids])
    db.execute("CREATE UNIQUE INDEX games_by_uuid ON games (uuid)")


TALLY_KINDS = ("topic", "difficulty", "question")


def _add_to_summaries(db: Connection, games: str, params: tuple[object, ...] = ()) -> None:
    """Count the games `games` selects (a condition on `g`) into the summary tables.

    Saving a game counts that one game; migration 6 counts every game already stored.
    """
    db.execute(
        f"""INSERT INTO player_totals (player, games, score_sum, best, correct, total, last_played)
        SELECT g.player, COUNT(*), SUM(g.score), MAX(g.score), SUM(g.correct), SUM(g.total),
            MAX(g.played_at)
        FROM games g WHERE {games} GROUP BY g.player
        ON CONFLICT (player) DO UPDATE SET
            games = player_totals.games + excluded.games,
            score_sum = player_totals.score_sum + excluded.score_sum,
            best = CASE WHEN excluded.best > player_totals.best
                THEN excluded.best ELSE player_totals.best END,
            correct = player_totals.correct + excluded.correct,
            total = player_totals.total + excluded.total,
            last_played = CASE WHEN excluded.last_played > player_totals.last_played
                THEN excluded.last_played ELSE player_totals.last_played END""",
        params,
    )
    kinds = ", ".join(f"('{kind}')" for kind in TALLY_KINDS)
    for table, scope in (("player_tallies", "g.player, "), ("tallies", "")):
        key = f"{scope.removeprefix('g.')}kind, name"
        db.execute(
            f"""WITH kinds (kind) AS (VALUES {kinds})
            INSERT INTO {table} ({key}, correct, attempts)
            SELECT {scope}kind, CASE kind WHEN 'topic' THEN a.topic
                    WHEN 'difficulty' THEN a.difficulty ELSE a.question_id END AS name,
                SUM(a.correct), COUNT(*)
            FROM answers a JOIN games g ON g.id = a.game_id CROSS JOIN kinds
            WHERE {games} GROUP BY {scope}kind, name
            ON CONFLICT ({key}) DO UPDATE SET
                correct = {table}.correct + excluded.correct,
                attempts = {table}.attempts + excluded.attempts""",
            params,
        )


def _add_summaries(db: Connection) -> None:
    """Migration 6: summaries each save keeps, so `quiz stats` reads a few rows at any size.

    Running totals per player, and right answers out of attempts per topic, difficulty and
    question (for everyone, and per player); counted here from the games already stored.
    """
    db.execute(
        """CREATE TABLE player_totals (
            player TEXT PRIMARY KEY,
            games INTEGER NOT NULL,
            score_sum INTEGER NOT NULL,
            best INTEGER NOT NULL,
            correct INTEGER NOT NULL,
            total INTEGER NOT NULL,
            last_played TEXT NOT NULL
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX player_totals_by_best ON player_totals (best DESC, player)")
    db.execute(
        """CREATE TABLE tallies (
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            correct INTEGER NOT NULL,
            attempts INTEGER NOT NULL,
            PRIMARY KEY (kind, name)
        ) WITHOUT ROWID"""
    )
    db.execute(
        """CREATE TABLE player_tallies (
            player TEXT NOT NULL,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            correct INTEGER NOT NULL,
            attempts INTEGER NOT NULL,
            PRIMARY KEY (player, kind, name)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX games_by_player_date ON games (player, played_at)")
    _add_to_summaries(db, "true")


MIGRATIONS: tuple[Callable[[Connection], None], ...] = (
    _create_v1,
    _add_best_streak,
    _add_reviews_and_daily,
    _add_game_modes,
    _add_game_uuids,
    _add_summaries,
)
SCHEMA_VERSION = len(MIGRATIONS)
