"""The score schema's versions: each migration's statements in both dialects, and what it
fills in for the rows already stored (the same SQL on both)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from itertools import groupby
from typing import TYPE_CHECKING

from quiz.scores import clock, schema_postgres, schema_sqlite
from quiz.scores.cards import card_row
from quiz.scores.db import Connection
from quiz.scores.kinds import GameKind
from quiz.scores.leaderboard import GUESS_OUTCOMES
from quiz.scores.schedule import Reviewer, state_of
from quiz.scores.stats import add_to_summaries
from quiz.textmatch import name_key

if TYPE_CHECKING:
    from fsrs import Card


def _fill_best_streaks(db: Connection) -> None:
    """v2: the best streak of each game, worked out from its answers."""
    streaks: dict[int, tuple[int, int]] = {}
    for row in db.execute("SELECT game_id, correct FROM answers ORDER BY game_id, position"):
        run, best = streaks.get(row["game_id"], (0, 0))
        run = run + 1 if row["correct"] else 0
        streaks[row["game_id"]] = (run, max(best, run))
    db.executemany(
        "UPDATE games SET best_streak = $1 WHERE id = $2",
        [(best, game_id) for game_id, (_, best) in streaks.items()],
    )


# The card upsert as it stood in version 3, when cards were keyed by the name as typed.
_UPSERT_V3_CARD = """INSERT INTO review_cards (player, question_id, state, step, stability,
        difficulty, due, last_review)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
    ON CONFLICT (player, question_id) DO UPDATE SET state = excluded.state,
        step = excluded.step, stability = excluded.stability, difficulty = excluded.difficulty,
        due = excluded.due, last_review = excluded.last_review"""


def _replay_reviews(db: Connection) -> None:
    """v3: review cards seeded by replaying every past answer in time order."""
    reviewer: Reviewer | None = None  # fsrs loads only when there is history to replay
    cards: dict[tuple[str, str], Card] = {}
    rows = db.execute(
        """SELECT g.id, g.player, g.played_at, g.time_limit, a.question_id, a.correct, a.seconds
        FROM answers a JOIN games g ON g.id = a.game_id
        ORDER BY g.played_at, g.id, a.position"""
    )
    for _, group in groupby(rows, key=lambda row: row["id"]):
        reviewer = reviewer or Reviewer()
        answers = list(group)
        when = clock.parse_stamp(answers[0]["played_at"])
        for row in answers:
            when += timedelta(seconds=row["seconds"])  # each answer counts when it was given
            key = (row["player"], row["question_id"])
            cards[key] = reviewer.review_card(
                cards.get(key),
                correct=bool(row["correct"]),
                seconds=row["seconds"],
                time_limit=row["time_limit"],
                when=when,
            )
    db.executemany(_UPSERT_V3_CARD, [card_row(p, q, state_of(c)) for (p, q), c in cards.items()])


def _fill_uuids(db: Connection) -> None:
    """v5: a UUID for every game, so that a game sent twice from an outbox is stored once."""
    from uuid import uuid4

    ids = [row["id"] for row in db.execute("SELECT id FROM games").fetchall()]
    db.executemany("UPDATE games SET uuid = $1 WHERE id = $2", [(str(uuid4()), i) for i in ids])


def _fill_names_kinds_outcomes(db: Connection) -> None:
    """v7: each player's name key (games keep the name as first typed), each game's kind,
    each answer's outcome as well as the stored answer tells it, cards and daily attempts by
    name key, and the summaries counted again by name key."""
    spellings = {table: _spellings(db, table) for table in ("games", "daily_attempts")}
    first: dict[str, str] = {}
    for name in spellings["games"] + spellings["daily_attempts"]:
        first.setdefault(name_key(name), name)
    for table, names in spellings.items():
        db.executemany(
            f"UPDATE {table} SET player_key = $1, player = $2 WHERE player = $3",
            [(name_key(name), first[name_key(name)], name) for name in names],
        )
    _merge_daily_attempts(db)
    _rekey_cards(db)
    found = db.execute(
        """SELECT DISTINCT mode, total, lives,
            CASE WHEN time_limit IS NULL THEN 0 ELSE 1 END AS timed
        FROM games"""
    ).fetchall()
    for row in found:
        kind = GameKind.of(row["mode"], row["total"], bool(row["timed"]), row["lives"])
        db.execute(
            f"""UPDATE games SET kind = $1 WHERE mode = $2 AND total = $3
            AND COALESCE(lives, -1) = $4 AND time_limit IS {"NOT " if row["timed"] else ""}NULL""",
            (kind.text, row["mode"], row["total"], -1 if row["lives"] is None else row["lives"]),
        )
    db.execute(GUESS_OUTCOMES)
    add_to_summaries(db, "true")


def _spellings(db: Connection, table: str) -> list[str]:
    """Every name as typed in `table`, the first one played first."""
    rows = db.execute(f"SELECT player FROM {table} GROUP BY player ORDER BY MIN(played_at), player")
    return [row["player"] for row in rows]


def _merge_daily_attempts(db: Connection) -> None:
    """One ranked attempt per name key and day: the first one saved."""
    db.execute(
        """DELETE FROM daily_attempts WHERE EXISTS (SELECT 1 FROM daily_attempts d
            WHERE d.day = daily_attempts.day AND d.player_key = daily_attempts.player_key
            AND (d.played_at < daily_attempts.played_at
                OR (d.played_at = daily_attempts.played_at AND d.player < daily_attempts.player)))"""
    )


def _rekey_cards(db: Connection) -> None:
    """Cards by name key; where two spellings of one name had a card, the newer review wins."""
    rows = db.execute(
        """SELECT player_key, question_id, state, step, stability, difficulty, due, last_review
        FROM review_cards ORDER BY last_review"""
    ).fetchall()
    cards = {(name_key(r["player_key"]), r["question_id"]): r for r in rows}
    db.execute("DELETE FROM review_cards")
    db.executemany(
        """INSERT INTO review_cards (player_key, question_id, state, step, stability,
            difficulty, due, last_review) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""",
        [
            (
                key,
                question,
                *(row[c] for c in ("state", "step", "stability", "difficulty")),
                row["due"],
                row["last_review"],
            )
            for (key, question), row in cards.items()
        ],
    )


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema version: its statements per dialect, then what fills in the stored rows,
    then the statements that need those filled in."""

    sqlite: tuple[str, ...]
    postgres: tuple[str, ...]
    fill: Callable[[Connection], None] | None = None
    sqlite_after: tuple[str, ...] = ()
    postgres_after: tuple[str, ...] = ()

    def apply(self, db: Connection) -> None:
        postgres = db.dialect == "postgres"
        for statement in self.postgres if postgres else self.sqlite:
            db.execute(statement)
        if self.fill is not None:
            self.fill(db)
        for statement in self.postgres_after if postgres else self.sqlite_after:
            db.execute(statement)


MIGRATIONS = (
    Migration(schema_sqlite.V1, schema_postgres.V1),
    Migration(schema_sqlite.V2, schema_postgres.V2, _fill_best_streaks),
    Migration(schema_sqlite.V3, schema_postgres.V3, _replay_reviews),
    Migration(schema_sqlite.V4, schema_postgres.V4),
    Migration(schema_sqlite.V5, schema_postgres.V5, _fill_uuids),
    Migration(schema_sqlite.V6, schema_postgres.V6),  # counted again, by name key, in v7
    Migration(
        schema_sqlite.V7,
        schema_postgres.V7,
        _fill_names_kinds_outcomes,
        schema_sqlite.V7_INDEXES,
        schema_postgres.V7_INDEXES,
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: Connection, version: int, to: int = SCHEMA_VERSION) -> None:
    """Bring a schema at `version` to `to`, inside the caller's transaction."""
    for migration in MIGRATIONS[version:to]:
        migration.apply(db)
