"""Score stores as older versions left them, made by the migrations themselves."""

from __future__ import annotations

import sqlite3

from quiz.scores.db import SqliteConnection
from quiz.scores.schema import migrate


def build_sqlite(raw: sqlite3.Connection, version: int) -> None:
    """Give an empty SQLite database the schema of `version`, marked with that version."""
    migrate(SqliteConnection(raw), 0, version)
    raw.row_factory = None
    raw.execute(f"PRAGMA user_version = {version}")
