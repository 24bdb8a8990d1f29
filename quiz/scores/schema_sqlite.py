"""The score schema in SQLite's words: the statements of each migration, oldest first."""

from __future__ import annotations

V1 = (
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
    )""",
    """CREATE TABLE game_topics (
        game_id INTEGER NOT NULL REFERENCES games (id) ON DELETE CASCADE,
        topic TEXT NOT NULL,
        PRIMARY KEY (game_id, topic)
    )""",
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
    )""",
    "CREATE INDEX games_by_score ON games (score DESC, played_at, id)",
)

V2 = (
    "ALTER TABLE games ADD COLUMN best_streak INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX games_by_player ON games (player, score DESC, played_at, id)",
    "CREATE INDEX games_by_date ON games (played_at)",
    "CREATE INDEX answers_by_question ON answers (question_id)",
)

V3 = (
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
    )""",
    "CREATE INDEX review_cards_by_due ON review_cards (player, due)",
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
    )""",
    "CREATE INDEX daily_attempts_by_player ON daily_attempts (player, day)",
)

V4 = (
    "ALTER TABLE games ADD COLUMN mode TEXT NOT NULL DEFAULT 'normal'",
    "ALTER TABLE games ADD COLUMN lives INTEGER",
    "ALTER TABLE games ADD COLUMN lifeline INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE games ADD COLUMN party_id TEXT",
    "CREATE INDEX games_by_mode ON games (mode, score DESC, played_at, id)",
    "CREATE INDEX games_by_party ON games (party_id, played_at)",
)

V5 = (
    "ALTER TABLE games ADD COLUMN uuid TEXT",
    "CREATE UNIQUE INDEX games_by_uuid ON games (uuid)",
)

V6 = (
    """CREATE TABLE player_totals (
        player TEXT PRIMARY KEY,
        games INTEGER NOT NULL,
        score_sum INTEGER NOT NULL,
        best INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        total INTEGER NOT NULL,
        last_played TEXT NOT NULL
    ) WITHOUT ROWID""",
    "CREATE INDEX player_totals_by_best ON player_totals (best DESC, player)",
    """CREATE TABLE tallies (
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        correct INTEGER NOT NULL,
        attempts INTEGER NOT NULL,
        PRIMARY KEY (kind, name)
    ) WITHOUT ROWID""",
    """CREATE TABLE player_tallies (
        player TEXT NOT NULL,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        correct INTEGER NOT NULL,
        attempts INTEGER NOT NULL,
        PRIMARY KEY (player, kind, name)
    ) WITHOUT ROWID""",
    "CREATE INDEX games_by_player_date ON games (player, played_at)",
)

# Outcomes, kinds and name keys; the summaries are counted again, by name key.
V7 = (
    "ALTER TABLE answers ADD COLUMN outcome TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE games ADD COLUMN kind TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE games ADD COLUMN player_key TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE game_topics ADD COLUMN position INTEGER NOT NULL DEFAULT 0",
    "UPDATE game_topics SET position = rowid",  # topics were kept in the order given
    "ALTER TABLE review_cards RENAME COLUMN player TO player_key",
    "ALTER TABLE daily_attempts ADD COLUMN player_key TEXT NOT NULL DEFAULT ''",
    "DROP INDEX games_by_player",
    "DROP INDEX games_by_player_date",
    "DROP INDEX games_by_mode",
    "DROP INDEX daily_attempts_by_player",
    "DROP TABLE player_totals",
    "DROP TABLE player_tallies",
    "DELETE FROM tallies",  # counted again with the rest
    """CREATE TABLE player_totals (
        player_key TEXT PRIMARY KEY,
        player TEXT NOT NULL,
        games INTEGER NOT NULL,
        score_sum INTEGER NOT NULL,
        best INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        total INTEGER NOT NULL,
        last_played TEXT NOT NULL
    ) WITHOUT ROWID""",
    "CREATE INDEX player_totals_by_best ON player_totals (best DESC, player)",
    """CREATE TABLE player_tallies (
        player_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        correct INTEGER NOT NULL,
        attempts INTEGER NOT NULL,
        PRIMARY KEY (player_key, kind, name)
    ) WITHOUT ROWID""",
)

# Indexes made once the new columns are filled in.
V7_INDEXES = (
    "CREATE INDEX games_by_kind ON games (kind, score DESC, played_at, id)",
    "CREATE INDEX games_by_player ON games (player_key, kind, score DESC, played_at, id)",
    "CREATE INDEX games_by_player_date ON games (player_key, played_at)",
    "CREATE UNIQUE INDEX daily_attempts_by_key ON daily_attempts (day, player_key)",
    "CREATE INDEX daily_attempts_by_player ON daily_attempts (player_key, day)",
)
