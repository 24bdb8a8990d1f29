"""The schema written out for each database: SQLite and PostgreSQL end with the same tables,
columns, types, keys and indexes, whether made from scratch or migrated from any older version."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from pathlib import Path

import psycopg
import pytest

from quiz.scores.postgres import PostgresConnection, PostgresStore
from quiz.scores.schema import SCHEMA_VERSION, migrate
from quiz.scores.schema_postgres import VERSION_TABLE
from quiz.scores.sqlite import SqliteStore
from tests.scores.old_stores import build_sqlite
from tests.scores.test_sqlite_store import T0, easy_game

# Column name -> (type in SQLite's words, NOT NULL, place in the primary key or 0).
Columns = dict[str, tuple[str, bool, int]]
Schema = tuple[dict[str, Columns], dict[str, tuple[str, bool, str]]]

POSTGRES_TYPES = {"bigint": "INTEGER", "double precision": "REAL", "text": "TEXT"}


def _index_columns(definition: str) -> str:
    """`(score DESC, played_at, id)` from an index's CREATE statement, spaced one way."""
    inside = re.search(r"\((.*)\)\s*$", definition, re.S)
    assert inside is not None, definition
    return ", ".join(part.strip() for part in inside.group(1).split(","))


def sqlite_schema(path: Path) -> Schema:
    with contextlib.closing(sqlite3.connect(path)) as db:
        names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        tables = {
            name: {
                column: (kind.upper(), bool(notnull) or pk > 0, pk)
                for _, column, kind, notnull, _, pk in db.execute(f"PRAGMA table_info({name})")
            }
            for name in names
        }
        found = db.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        )
        indexes = {
            name: (table, sql.startswith("CREATE UNIQUE"), _index_columns(sql))
            for name, table, sql in found
        }
    return tables, indexes


def postgres_schema(url: str) -> Schema:
    with psycopg.connect(url) as db:
        keys = {
            (table, column): n
            for table, column, n in db.execute(
                """SELECT k.table_name, k.column_name, k.ordinal_position
                FROM information_schema.key_column_usage k
                JOIN information_schema.table_constraints c USING (constraint_name, table_name)
                WHERE c.constraint_type = 'PRIMARY KEY' AND k.table_schema = 'public'"""
            )
        }
        tables: dict[str, Columns] = {}
        for table, column, kind, nullable in db.execute(
            """SELECT table_name, column_name, data_type, is_nullable
            FROM information_schema.columns WHERE table_schema = 'public'
            AND table_name <> 'quiz_schema' ORDER BY table_name, ordinal_position"""
        ):
            tables.setdefault(table, {})[column] = (
                POSTGRES_TYPES[kind],
                nullable == "NO",
                keys.get((table, column), 0),
            )
        indexes = {
            name: (table, definition.startswith("CREATE UNIQUE"), _index_columns(definition))
            for name, table, definition in db.execute(
                "SELECT indexname, tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'"
            )
            if not name.endswith("_pkey")
        }
    return tables, indexes


def postgres_at(url: str, version: int) -> None:
    """A server database as `version` of the store left it."""
    with psycopg.connect(url, autocommit=True, cursor_factory=psycopg.RawCursor) as raw:
        raw.row_factory = psycopg.rows.dict_row
        with raw.transaction():
            db = PostgresConnection(raw)
            db.execute(VERSION_TABLE)
            db.execute("INSERT INTO quiz_schema (version) VALUES ($1)", (version,))
            migrate(db, 0, version)


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_both_databases_reach_the_same_schema_from_any_version(
    tmp_path: Path, postgres_url: str, version: int
) -> None:
    path = tmp_path / "scores.db"
    if version:
        with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
            build_sqlite(raw, version)
        postgres_at(postgres_url, version)
    game = easy_game("Pam", "RW", T0)  # saving makes the file from nothing, or migrates it
    SqliteStore(path).save_game(game)
    PostgresStore(postgres_url, tmp_path / "outbox.json").save_game(game)

    on_file, on_server = sqlite_schema(path), postgres_schema(postgres_url)
    assert on_server == on_file
    made = tmp_path / "made.db"
    with contextlib.closing(sqlite3.connect(made, isolation_level=None)) as raw:
        build_sqlite(raw, SCHEMA_VERSION)
    assert sqlite_schema(made) == on_file
    assert set(on_file[0]) == {
        "games", "game_topics", "answers", "review_cards", "daily_attempts",
        "player_totals", "tallies", "player_tallies",
    }  # fmt: skip
    assert "rowid" not in {column for columns in on_server[0].values() for column in columns}
