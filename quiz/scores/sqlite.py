"""The SQLite score store: schema, migrations, and every SQL statement of the project."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import astuple
from datetime import UTC, date, datetime, timedelta
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.errors import StoreError
from quiz.models import GameResult, GameSettings
from quiz.paths import make_private_dir
from quiz.scores import clock
from quiz.scores.rows import (
    DailyEntry,
    Placement,
    PlayedGame,
    PlayerSummary,
    RankedGame,
    Stats,
    Tally,
)
from quiz.scores.schedule import CardState, Reviewer, state_of

if TYPE_CHECKING:
    from fsrs import Card

BUSY_TIMEOUT_S = 5.0
HISTORY_GAMES = 30
HARDEST_MIN_ATTEMPTS = 3
STALE_AFTER_S = 600  # a temp file this old belongs to a quiz that was killed
OUR_TABLES = {"games", "game_topics", "answers"}


def _create_v1(db: sqlite3.Connection) -> None:
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


def _add_best_streak(db: sqlite3.Connection) -> None:
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


def _add_reviews_and_daily(db: sqlite3.Connection) -> None:
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


def _add_game_modes(db: sqlite3.Connection) -> None:
    """Migration 5: the board a game is ranked on (older games are normal), its survival
    lives, whether it had a 50:50, and the party it was part of."""
    db.execute("ALTER TABLE games ADD COLUMN mode TEXT NOT NULL DEFAULT 'normal'")
    db.execute("ALTER TABLE games ADD COLUMN lives INTEGER")
    db.execute("ALTER TABLE games ADD COLUMN lifeline INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE games ADD COLUMN party_id TEXT")
    db.execute("CREATE INDEX games_by_mode ON games (mode, score DESC, played_at, id)")
    db.execute("CREATE INDEX games_by_party ON games (party_id, played_at)")


TALLY_KINDS = ("topic", "difficulty", "question")


def _add_to_summaries(db: sqlite3.Connection, games: str, params: tuple[object, ...] = ()) -> None:
    """Count the games `games` selects (a condition on `g`) into the summary tables.

    Saving a game counts that one game; migration 4 counts every game already stored.
    """
    db.execute(
        f"""INSERT INTO player_totals (player, games, score_sum, best, correct, total, last_played)
        SELECT g.player, COUNT(*), SUM(g.score), MAX(g.score), SUM(g.correct), SUM(g.total),
            MAX(g.played_at)
        FROM games g WHERE {games} GROUP BY g.player
        ON CONFLICT (player) DO UPDATE SET
            games = games + excluded.games,
            score_sum = score_sum + excluded.score_sum,
            best = MAX(best, excluded.best),
            correct = correct + excluded.correct,
            total = total + excluded.total,
            last_played = MAX(last_played, excluded.last_played)""",
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
            FROM answers a JOIN games g ON g.id = a.game_id JOIN kinds
            WHERE {games} GROUP BY {scope}kind, name
            ON CONFLICT ({key}) DO UPDATE SET
                correct = correct + excluded.correct, attempts = attempts + excluded.attempts""",
            params,
        )


def _add_summaries(db: sqlite3.Connection) -> None:
    """Migration 4: summaries each save keeps, so `quiz stats` reads a few rows at any size.

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


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _create_v1,
    _add_best_streak,
    _add_reviews_and_daily,
    _add_summaries,
    _add_game_modes,
)
SCHEMA_VERSION = len(MIGRATIONS)
APPLICATION_ID = int.from_bytes(b"HalQ")  # in the file header: this file is a Halpert Quiz store


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _utc_start(day: date) -> str:
    """The start of a local calendar day, as a stored UTC timestamp."""
    local = datetime(day.year, day.month, day.day).astimezone()
    return local.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _outcome(given: str, correct: bool, seconds: float, time_limit: int | None) -> str:
    if correct:
        return "right"
    if given:
        return "wrong"
    # A time-out is saved as an empty answer given when the clock ran out.
    return "timed out" if time_limit and seconds >= time_limit - 0.05 else "skipped"


def _review_answers(db: sqlite3.Connection, result: GameResult, when: datetime) -> None:
    """Reschedule the player's card for each answer, inside the caller's transaction."""
    if not result.records:
        return
    reviewer = Reviewer()
    for record in result.records:
        found = db.execute(
            f"SELECT {CARD_COLUMNS} FROM review_cards WHERE player = ? AND question_id = ?",
            (result.player, record.question.id),
        ).fetchone()
        card = reviewer.review(
            CardState(*found) if found else None,
            correct=record.correct,
            seconds=record.seconds,
            time_limit=result.settings.time_limit,
            when=when,
        )
        db.execute(UPSERT_CARD, _card_row(result.player, record.question.id, card))


def _split(text: str) -> tuple[str, ...]:
    return tuple(part for part in text.split(",") if part)


class SqliteStore:
    """Scores in one SQLite file: WAL, a busy timeout, and BEGIN IMMEDIATE for every write."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _fail(self, exc: sqlite3.Error) -> StoreError:
        detail = str(exc)
        if "locked" in detail or "busy" in detail:
            return StoreError(
                f"{self.path} stayed locked by another quiz for {BUSY_TIMEOUT_S:.0f} s;"
                " try again in a moment"
            )
        if "readonly database" in detail or "unable to open" in detail:
            return StoreError(
                f"cannot use {self.path} ({detail}): permission denied on the file or its"
                " folder, and SQLite must write both; make them writable (chmod u+w),"
                " or set QUIZ_HOME to another folder"
            )
        if "disk I/O error" in detail or "disk is full" in detail:
            return StoreError(
                f"cannot write {self.path} ({detail}): the disk may be full or failing;"
                " free some space and try again"
            )
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
            return self._corrupt(detail)
        return StoreError(
            f"cannot use {self.path} ({detail}); check that the folder is writable,"
            " or point QUIZ_HOME somewhere else"
        )

    def _corrupt(self, detail: str) -> StoreError:
        return StoreError(
            f"{self.path} is not a readable score database ({detail}). It was left as it is;"
            " 'quiz scores --reset' moves it aside to a backup and starts a fresh one"
        )

    def _create(self) -> None:
        """Make a new, migrated database and move it into place whole.

        A half-made file never shows under the real name, so an empty `scores.db` can only
        mean damage; when two games create it at once, the first to arrive wins.
        """
        try:
            make_private_dir(self.path.parent)
            fd, name = tempfile.mkstemp(prefix=".scores-", suffix=".db", dir=self.path.parent)
            os.close(fd)
        except OSError as exc:
            raise StoreError(
                f"cannot create a score database in {self.path.parent}"
                f" ({(exc.strerror or str(exc)).lower()}); point QUIZ_HOME at a writable folder"
            ) from exc
        fresh = Path(name)
        try:
            with contextlib.closing(sqlite3.connect(fresh, isolation_level=None)) as db:
                db.execute("PRAGMA journal_mode = WAL")
                self._migrate(db)
            with contextlib.suppress(FileExistsError):
                os.link(fresh, self.path)
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc
        except OSError as exc:
            raise StoreError(f"cannot create {self.path} ({exc.strerror or exc})") from exc
        finally:
            for leftover in (fresh, *(fresh.with_name(fresh.name + x) for x in ("-wal", "-shm"))):
                with contextlib.suppress(OSError):
                    leftover.unlink()

    @contextlib.contextmanager
    def _db(self, *, create: bool, check: bool = False) -> Iterator[sqlite3.Connection | None]:
        """An open, migrated connection; None when there is no database yet.

        Writers `check` the whole file first, so nothing is ever written into a damaged one;
        readers skip that (1.3 s at a million games) and rely on SQLite's own errors for the
        pages they touch. Nothing is written before the file is known to be ours to write.
        """
        self._check_place()
        if create:
            self._clean_stale()
        if not self.path.exists():
            if not create:
                yield None
                return
            self._create()
        if self.path.stat().st_size == 0:
            raise self._corrupt("the file is empty")
        db = None
        try:
            uri = f"{self.path.resolve().as_uri()}?mode=rw"
            db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            self._recognise(db)
            self._refuse_newer(db)
            if check:
                self._check(db)
                db.execute("PRAGMA journal_mode = WAL")  # a no-op for files made here
            db.execute("PRAGMA foreign_keys = ON")
            self._migrate(db)
            yield db
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc
        finally:
            if db is not None:
                db.close()

    def _check_place(self) -> None:
        """What is at the path (or above it) can hold our database, or say why not."""
        if self.path.is_symlink() and not self.path.exists():
            raise StoreError(
                f"{self.path} is a symbolic link to {self.path.readlink()}, which does not"
                " exist; remove the link or point it at a score database"
            )
        if self.path.is_dir():
            raise StoreError(
                f"{self.path} is a folder, not a score database; move it away or set QUIZ_HOME"
            )
        above = next((p for p in self.path.parents if p.exists()), None)
        if above is not None and not above.is_dir():
            raise StoreError(f"{above} is not a folder; QUIZ_HOME must name a folder, or be unset")
        if self.path.exists() and not os.access(self.path, os.R_OK | os.W_OK):
            raise StoreError(
                f"cannot open {self.path}: permission denied; give yourself read and write"
                " access to it (chmod u+rw), or set QUIZ_HOME to another folder"
            )

    def _recognise(self, db: sqlite3.Connection) -> None:
        """Refuse, before a byte is written, any SQLite file that is not a store of ours."""
        mark = int(db.execute("PRAGMA application_id").fetchone()[0])
        if mark == APPLICATION_ID:
            return
        tables = {
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if mark == 0 and tables >= OUR_TABLES:
            return  # ours, from before files were marked; the migration marks it
        raise StoreError(
            f"{self.path} is not a Halpert Quiz score database (another program's SQLite"
            " file?); it was left untouched: move it away, or set QUIZ_HOME to another folder"
        )

    def _clean_stale(self) -> None:
        """Remove what killed quizzes left: half-made databases and half-written backups."""
        folder = self.path.parent
        if not folder.is_dir():
            return
        leftovers = [
            *folder.glob(".scores-*.db*"),
            *folder.glob(f".{self.path.name}.bak-*.partial"),
        ]
        for leftover in leftovers:
            with contextlib.suppress(OSError):
                if time.time() - leftover.stat().st_mtime > STALE_AFTER_S:
                    leftover.unlink()

    def _check(self, db: sqlite3.Connection) -> None:
        problems = [" ".join(str(row[0]).split()) for row in db.execute("PRAGMA quick_check(3)")]
        if problems != ["ok"]:
            raise self._corrupt("; ".join(problems))

    def _refuse_newer(self, db: sqlite3.Connection) -> None:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer halpert-quiz (schema {version});"
                " upgrade halpert-quiz to read it"
            )

    def _migrate(self, db: sqlite3.Connection) -> None:
        if self._current(db):
            return
        db.execute("BEGIN IMMEDIATE")
        # Read again inside the lock: another process may have migrated meanwhile.
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        for step in MIGRATIONS[version:]:
            step(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("COMMIT")

    @staticmethod
    def _current(db: sqlite3.Connection) -> bool:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        return version == SCHEMA_VERSION and (
            int(db.execute("PRAGMA application_id").fetchone()[0]) == APPLICATION_ID
        )

    def save_game(self, result: GameResult) -> int:
        """Store a finished game and all its answers in one transaction; its id."""
        s = result.settings
        game_row = (
            result.player,
            datetime.fromtimestamp(result.started_at, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            result.score,
            result.correct,
            result.total,
            result.best_streak,
            result.duration_s,
            s.seed,
            s.count,
            ",".join(s.difficulties),
            ",".join(s.types),
            s.time_limit,
            s.mode,
            s.lives,
            int(s.lifeline),
            s.party_id,
        )
        reviewed_at = clock.now()
        with self._db(create=True, check=True) as db:
            assert db is not None
            try:
                db.execute("BEGIN IMMEDIATE")
                cursor = db.execute(
                    """INSERT INTO games (player, played_at, score, correct, total, best_streak,
                        duration_s, seed, question_count, difficulties, types, time_limit,
                        mode, lives, lifeline, party_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    game_row,
                )
                game_id = int(cursor.lastrowid or 0)
                db.executemany(
                    "INSERT INTO game_topics (game_id, topic) VALUES (?, ?)",
                    [(game_id, topic) for topic in s.topics],
                )
                db.executemany(
                    """INSERT INTO answers (game_id, position, question_id, topic, difficulty,
                        given, correct, points, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    [
                        (
                            game_id,
                            n,
                            r.question.id,
                            r.question.topic,
                            r.question.difficulty,
                            "\n".join(r.given),
                            int(r.correct),
                            r.points,
                            r.seconds,
                        )
                        for n, r in enumerate(result.records, start=1)
                    ],
                )
                _review_answers(db, result, reviewed_at)
                _add_to_summaries(db, "g.id = ?", (game_id,))
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        return game_id

    def played_topics(self) -> list[str]:
        """The topics games were played on, as they were stored."""
        with self._db(create=False) as db:
            if db is None:
                return []
            return [row[0] for row in db.execute("SELECT DISTINCT topic FROM game_topics")]

    def placement(self, game_id: int) -> Placement:
        with self._db(create=False) as db:
            if db is None:
                raise StoreError(f"{self.path} does not exist")
            found = db.execute(
                "SELECT player, score, played_at, mode FROM games WHERE id = ?", (game_id,)
            ).fetchone()
            if found is None:
                raise StoreError(f"no game {game_id} in {self.path}")
            player, score, played_at, mode = found
            ahead, games = db.execute(
                """SELECT
                    SUM(CASE WHEN score > ? OR (score = ? AND (played_at < ?
                        OR (played_at = ? AND id < ?))) THEN 1 ELSE 0 END),
                    COUNT(*)
                FROM games WHERE mode = ?""",
                (score, score, played_at, played_at, game_id, mode),
            ).fetchone()
            best, previous = db.execute(
                """SELECT MAX(score), MAX(CASE WHEN id <> ? THEN score END)
                FROM games WHERE player = ? AND mode = ?""",
                (game_id, player, mode),
            ).fetchone()
        return Placement(int(ahead) + 1, int(games), int(best), previous)

    def top_games(
        self,
        limit: int = 10,
        player: str | None = None,
        topic: str | None = None,
        since: date | None = None,
        *,
        mode: str = "normal",
        party: str | None = None,
    ) -> list[RankedGame]:
        """The best games of one mode (or of one party) first; a tie goes to the earlier game."""
        where, params = ["g.mode = ?"], [mode]
        if party is not None:
            where = ["g.party_id = ?"]
            params = [party]
        if player is not None:
            where.append("g.player = ?")
            params.append(player)
        if since is not None:
            where.append("g.played_at >= ?")
            params.append(_utc_start(since))
        with self._db(create=False) as db:
            if db is None:
                return []
            if topic is not None:
                # Case-insensitive beyond ASCII, which SQL's LOWER() is not.
                stored = [row[0] for row in db.execute("SELECT DISTINCT topic FROM game_topics")]
                names = [name for name in stored if name.casefold() == topic.casefold()] or [topic]
                marks = ", ".join("?" * len(names))
                where.append(
                    "EXISTS (SELECT 1 FROM game_topics t"
                    f" WHERE t.game_id = g.id AND t.topic IN ({marks}))"
                )
                params.extend(names)
            sql = f"""SELECT g.id, g.player, g.score, g.correct, g.total, g.best_streak,
                    g.duration_s, g.played_at, g.difficulties, g.time_limit
                FROM games g WHERE {" AND ".join(where)}
                ORDER BY g.score DESC, g.played_at, g.id
                LIMIT ?"""
            rows = db.execute(sql, (*params, limit)).fetchall()
            topics: dict[int, list[str]] = {}
            ids = [row[0] for row in rows]
            if ids:
                marks = ", ".join("?" * len(ids))
                for game_id, name in db.execute(
                    f"SELECT game_id, topic FROM game_topics WHERE game_id IN ({marks})"
                    " ORDER BY game_id, topic",
                    ids,
                ):
                    topics.setdefault(game_id, []).append(name)
        return [
            RankedGame(
                rank=rank,
                game_id=gid,
                player=name,
                score=score,
                correct=correct,
                total=total,
                best_streak=streak,
                duration_s=duration,
                played_at=played_at,
                topics=tuple(topics.get(gid, ())),
                difficulties=_split(difficulties),
                timed=limit_s is not None,
            )
            for rank, (
                gid,
                name,
                score,
                correct,
                total,
                streak,
                duration,
                played_at,
                difficulties,
                limit_s,
            ) in enumerate(rows, start=1)
        ]

    def newest_game_id(self) -> int | None:
        with self._db(create=False) as db:
            if db is None:
                return None
            row = db.execute("SELECT id FROM games ORDER BY played_at DESC, id DESC LIMIT 1")
            found = row.fetchone()
        return int(found[0]) if found else None

    def last_party(self) -> str | None:
        """The id of the party that finished last, if any."""
        with self._db(create=False) as db:
            if db is None:
                return None
            found = db.execute(
                """SELECT party_id FROM games WHERE party_id IS NOT NULL
                ORDER BY played_at DESC, id DESC LIMIT 1"""
            ).fetchone()
        return str(found[0]) if found else None

    def last_game(self, player: str | None = None) -> PlayedGame | None:
        """The newest game (of `player`), with each question's outcome in order."""
        where, params = ("WHERE player = ?", (player,)) if player is not None else ("", ())
        with self._db(create=False) as db:
            if db is None:
                return None
            game = db.execute(
                f"""SELECT id, player, score, correct, total, best_streak, played_at, seed,
                    question_count, difficulties, types, time_limit, lives, lifeline, party_id
                FROM games {where} ORDER BY played_at DESC, id DESC LIMIT 1""",
                params,
            ).fetchone()
            if game is None:
                return None
            game_id, name, score, correct, total, streak, played_at, seed, count = game[:9]
            time_limit = game[11]
            topics = db.execute(
                "SELECT topic FROM game_topics WHERE game_id = ? ORDER BY rowid", (game_id,)
            ).fetchall()
            answers = db.execute(
                "SELECT given, correct, seconds FROM answers WHERE game_id = ? ORDER BY position",
                (game_id,),
            ).fetchall()
        return PlayedGame(
            player=name,
            score=score,
            correct=correct,
            total=total,
            best_streak=streak,
            played_at=played_at,
            settings=GameSettings(
                seed=seed,
                count=count,
                topics=tuple(t[0] for t in topics),
                difficulties=_split(game[9]),
                types=_split(game[10]),
                time_limit=time_limit,
                lives=game[12],
                lifeline=bool(game[13]),
                party_id=game[14],
            ),
            outcomes=tuple(_outcome(given, bool(ok), s, time_limit) for given, ok, s in answers),
        )

    def last_player(self) -> str | None:
        with self._db(create=False) as db:
            if db is None:
                return None
            found = db.execute(
                "SELECT player FROM games ORDER BY played_at DESC, id DESC LIMIT 1"
            ).fetchone()
        return str(found[0]) if found else None

    def stats(self, player: str | None = None) -> Stats:
        """Totals, accuracy per topic and difficulty, hardest questions, recent scores.

        Read from the summary tables that every save keeps up to date, so the cost does
        not grow with the number of games.
        """
        who = "WHERE player = ?" if player is not None else ""
        params: tuple[str, ...] = (player,) if player is not None else ()
        tallies = "player_tallies WHERE player = ? AND" if player is not None else "tallies WHERE"
        with self._db(create=False) as db:
            if db is None:
                return Stats(player, 0, 0, 0.0, 0.0, (), (), (), (), ())
            games, best, score_sum, correct, total = db.execute(
                f"""SELECT COALESCE(SUM(games), 0), COALESCE(MAX(best), 0),
                    COALESCE(SUM(score_sum), 0), COALESCE(SUM(correct), 0),
                    COALESCE(SUM(total), 0)
                FROM player_totals {who}""",
                params,
            ).fetchone()

            def tally(kind: str, extra: str = "", order: str = "name") -> tuple[Tally, ...]:
                rows = db.execute(
                    f"""SELECT name, correct, attempts FROM {tallies} kind = ? {extra}
                    ORDER BY {order}""",
                    (*params, kind),
                ).fetchall()
                return tuple(Tally(str(name), int(right), int(n)) for name, right, n in rows)

            by_topic = tally("topic")
            by_difficulty = tally(
                "difficulty",
                order="CASE name WHEN 'easy' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END",
            )
            hardest = tally(
                "question",
                extra=f"AND attempts >= {HARDEST_MIN_ATTEMPTS} AND correct < attempts",
                order="1.0 * correct / attempts, attempts DESC, name LIMIT 5",
            )
            history = db.execute(
                f"""SELECT score FROM games {who}
                ORDER BY played_at DESC, id DESC LIMIT {HISTORY_GAMES}""",
                params,
            ).fetchall()
            players = db.execute(
                f"""SELECT player, games, best, score_sum, correct, total, last_played
                FROM player_totals {who} ORDER BY best DESC, player LIMIT 20""",
                params,
            ).fetchall()
        return Stats(
            player=player,
            games=int(games),
            best=int(best),
            average=score_sum / games if games else 0.0,
            accuracy=correct / total if total else 0.0,
            by_topic=by_topic,
            by_difficulty=by_difficulty,
            hardest=hardest,
            history=tuple(int(row[0]) for row in reversed(history)),
            players=tuple(
                PlayerSummary(
                    name, int(n), int(top), score / n, right / asked if asked else 0.0, last
                )
                for name, n, top, score, right, asked, last in players
            ),
        )

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """A checked connection inside BEGIN IMMEDIATE: committed at the end, else rolled back."""
        with self._db(create=True, check=True) as db:
            assert db is not None
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise

    def save_practice(self, result: GameResult) -> None:
        """Reschedule the cards of a practice session; practice is never a ranked game."""
        reviewed_at = clock.now()
        with self._writing() as db:
            _review_answers(db, result, reviewed_at)

    def save_daily(self, day: date, result: GameResult) -> bool:
        """Store the day's attempt and reschedule its cards, in one transaction.

        True when it is the player's ranked attempt: the first one saved for that day.
        """
        reviewed_at = clock.now()
        with self._writing() as db:
            cursor = db.execute(
                """INSERT INTO daily_attempts (day, player, played_at, score, correct, total,
                    best_streak, duration_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (day, player) DO NOTHING""",
                (
                    day.isoformat(),
                    result.player,
                    clock.stamp(reviewed_at),
                    result.score,
                    result.correct,
                    result.total,
                    result.best_streak,
                    result.duration_s,
                ),
            )
            ranked = cursor.rowcount == 1
            _review_answers(db, result, reviewed_at)
        return ranked

    def review_schedule(self, player: str) -> dict[str, datetime]:
        """When each question the player has answered is next due, by question id."""
        with self._db(create=False) as db:
            if db is None:
                return {}
            rows = db.execute(
                "SELECT question_id, due FROM review_cards WHERE player = ?", (player,)
            ).fetchall()
        return {question_id: clock.parse_stamp(due) for question_id, due in rows}

    def daily_board(self, day: date) -> list[DailyEntry]:
        """The ranked attempts at a day's challenge, best first; a tie goes to the earlier."""
        with self._db(create=False) as db:
            if db is None:
                return []
            rows = db.execute(
                """SELECT day, player, score, correct, total, best_streak, duration_s, played_at
                FROM daily_attempts WHERE day = ? ORDER BY score DESC, played_at, player""",
                (day.isoformat(),),
            ).fetchall()
        return [DailyEntry(rank, *row) for rank, row in enumerate(rows, start=1)]

    def daily_days(self, player: str) -> list[date]:
        """The days on which the player made a ranked attempt, oldest first."""
        with self._db(create=False) as db:
            if db is None:
                return []
            rows = db.execute(
                "SELECT day FROM daily_attempts WHERE player = ? ORDER BY day", (player,)
            ).fetchall()
        return [date.fromisoformat(row[0]) for row in rows]

    def reset(self) -> Path | None:
        """Back the database up beside itself, then empty it; the backup's path.

        An unreadable file is moved aside whole instead, so not a byte of it is lost.
        """
        if not self.path.exists():
            return None
        backup = self.path.with_name(
            f"{self.path.name}.bak-{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}"
        )
        try:
            self._back_up_and_empty(backup)
        except OSError as exc:
            raise StoreError(
                f"cannot back up {self.path} ({(exc.strerror or str(exc)).lower()});"
                " nothing was cleared"
            ) from exc
        return backup

    def _back_up_and_empty(self, backup: Path) -> None:
        partial = backup.with_name(f".{backup.name}.partial")  # until the copy is whole
        self._clean_stale()
        try:
            with self._db(create=False, check=True) as db:
                assert db is not None
                os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                with contextlib.closing(sqlite3.connect(partial)) as copy:
                    db.backup(copy)
                partial.replace(backup)
                db.execute("BEGIN IMMEDIATE")
                db.execute("DELETE FROM answers")
                db.execute("DELETE FROM game_topics")
                db.execute("DELETE FROM games")
                db.execute("DELETE FROM review_cards")
                db.execute("DELETE FROM daily_attempts")
                for summary in ("player_totals", "tallies", "player_tallies"):
                    db.execute(f"DELETE FROM {summary}")
                db.execute("COMMIT")
        except StoreError as exc:
            if "not a readable score database" not in str(exc):
                raise
            self.path.rename(backup)
            for suffix in ("-wal", "-shm"):
                stale = self.path.with_name(self.path.name + suffix)
                if stale.exists():
                    stale.rename(backup.with_name(backup.name + suffix))
