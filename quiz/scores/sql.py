"""Every SQL statement of the score store, run the same way on SQLite and PostgreSQL."""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from quiz.errors import StoreError
from quiz.models import GameResult, GameSettings
from quiz.scores import clock
from quiz.scores.game_rows import GameRows
from quiz.scores.rows import (
    DailyEntry,
    Placement,
    PlayedGame,
    PlayerSummary,
    RankedGame,
    Stats,
    Tally,
)
from quiz.scores.schedule import CardState, Reviewer
from quiz.scores.schema import (
    CARD_COLUMNS,
    UPSERT_CARD,
    Connection,
    _add_to_summaries,
    _card_row,
)

HISTORY_GAMES = 30
HARDEST_MIN_ATTEMPTS = 3


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


Review = tuple[str, bool, float]  # question id, right, seconds taken


def _reviews(result: GameResult) -> list[Review]:
    return [(r.question.id, r.correct, r.seconds) for r in result.records]


def _review_answers(
    db: Connection, player: str, answers: Sequence[Review], time_limit: int | None, when: datetime
) -> None:
    """Reschedule the player's card for each answer, inside the caller's transaction."""
    if not answers:
        return
    reviewer = Reviewer()
    for question_id, correct, seconds in answers:
        found = db.execute(
            f"SELECT {CARD_COLUMNS} FROM review_cards WHERE player = ? AND question_id = ?",
            (player, question_id),
        ).fetchone()
        card = reviewer.review(
            CardState(*found) if found else None,
            correct=correct,
            seconds=seconds,
            time_limit=time_limit,
            when=when,
        )
        db.execute(UPSERT_CARD, _card_row(player, question_id, card))


def _insert_game(db: Connection, game: GameRows) -> int:
    """Store a game with its topics and answers, and reschedule its cards; its id.

    A game already stored (the same UUID, sent again from an outbox) is left as it is.
    """
    added = db.execute(
        """INSERT INTO games (uuid, player, played_at, score, correct, total, best_streak,
            duration_s, seed, question_count, difficulties, types, time_limit,
            mode, lives, lifeline, party_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (uuid) DO NOTHING""",
        (
            game.uuid,
            game.player,
            game.played_at,
            game.score,
            game.correct,
            game.total,
            game.best_streak,
            game.duration_s,
            game.seed,
            game.question_count,
            game.difficulties,
            game.types,
            game.time_limit,
            game.mode,
            game.lives,
            int(game.lifeline),
            game.party_id,
        ),
    ).rowcount
    game_id = int(db.execute("SELECT id FROM games WHERE uuid = ?", (game.uuid,)).fetchone()[0])
    if not added:
        return game_id
    db.executemany(
        "INSERT INTO game_topics (game_id, topic) VALUES (?, ?)",
        [(game_id, topic) for topic in game.topics],
    )
    db.executemany(
        """INSERT INTO answers (game_id, position, question_id, topic, difficulty,
            given, correct, points, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                game_id,
                n,
                a.question_id,
                a.topic,
                a.difficulty,
                a.given,
                int(a.correct),
                a.points,
                a.seconds,
            )
            for n, a in enumerate(game.answers, start=1)
        ],
    )
    answers = [(a.question_id, a.correct, a.seconds) for a in game.answers]
    when = clock.parse_stamp(game.reviewed_at)
    _review_answers(db, game.player, answers, game.time_limit, when)
    _add_to_summaries(db, "g.id = ?", (game_id,))
    return game_id


def _split(text: str) -> tuple[str, ...]:
    return tuple(part for part in text.split(",") if part)


class SqlStore(ABC):
    """The store's queries over a connection its subclass opens; `where` names it in messages."""

    where: str

    @abstractmethod
    def _reading(self) -> contextlib.AbstractContextManager[Connection | None]:
        """A migrated connection to read from; None when there is nothing stored yet."""

    @abstractmethod
    def _writing(self) -> contextlib.AbstractContextManager[Connection]:
        """A migrated connection inside a write transaction: committed at the end, else
        rolled back; one writer at a time."""

    @abstractmethod
    def reset(self) -> Path | None:
        """Back every score up, then clear them; the backup's path (None: nothing to clear)."""

    def save_game(self, result: GameResult) -> int:
        """Store a finished game and all its answers in one transaction; its id."""
        return self.store_game(GameRows.of(result, clock.now()))

    def store_game(self, game: GameRows) -> int:
        """Store a game's rows in one transaction (once, whatever the number of calls); its id."""
        with self._writing() as db:
            return _insert_game(db, game)

    def played_topics(self) -> list[str]:
        """The topics games were played on, as they were stored."""
        with self._reading() as db:
            if db is None:
                return []
            return [row[0] for row in db.execute("SELECT DISTINCT topic FROM game_topics")]

    def placement(self, game_id: int) -> Placement:
        with self._reading() as db:
            if db is None:
                raise StoreError(f"{self.where} does not exist")
            found = db.execute(
                "SELECT player, score, played_at, mode FROM games WHERE id = ?", (game_id,)
            ).fetchone()
            if found is None:
                raise StoreError(f"no game {game_id} in {self.where}")
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
        with self._reading() as db:
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
        with self._reading() as db:
            if db is None:
                return None
            row = db.execute("SELECT id FROM games ORDER BY played_at DESC, id DESC LIMIT 1")
            found = row.fetchone()
        return int(found[0]) if found else None

    def last_party(self, mode: str = "party") -> str | None:
        """The id of the party (or, in mode live, the room) that finished last, if any."""
        with self._reading() as db:
            if db is None:
                return None
            found = db.execute(
                """SELECT party_id FROM games WHERE party_id IS NOT NULL AND mode = ?
                ORDER BY played_at DESC, id DESC LIMIT 1""",
                (mode,),
            ).fetchone()
        return str(found[0]) if found else None

    def last_game(self, player: str | None = None) -> PlayedGame | None:
        """The newest game (of `player`), with each question's outcome in order."""
        where, params = ("WHERE player = ?", (player,)) if player is not None else ("", ())
        with self._reading() as db:
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
        with self._reading() as db:
            if db is None:
                return None
            found = db.execute(
                # A host keeps every player's live game: hosting leaves the default player be.
                "SELECT player FROM games WHERE mode <> 'live' ORDER BY played_at DESC, id DESC LIMIT 1"
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
        with self._reading() as db:
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
            average=int(score_sum) / int(games) if games else 0.0,
            accuracy=int(correct) / int(total) if total else 0.0,
            by_topic=by_topic,
            by_difficulty=by_difficulty,
            hardest=hardest,
            history=tuple(int(row[0]) for row in reversed(history)),
            players=tuple(
                PlayerSummary(
                    name,
                    int(n),
                    int(top),
                    int(score) / int(n),
                    int(right) / int(asked) if asked else 0.0,
                    last,
                )
                for name, n, top, score, right, asked, last in players
            ),
        )

    def save_practice(self, result: GameResult) -> None:
        """Reschedule the cards of a practice session; practice is never a ranked game."""
        reviewed_at = clock.now()
        with self._writing() as db:
            _review_answers(
                db, result.player, _reviews(result), result.settings.time_limit, reviewed_at
            )

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
            _review_answers(
                db, result.player, _reviews(result), result.settings.time_limit, reviewed_at
            )
        return ranked

    def review_schedule(self, player: str) -> dict[str, datetime]:
        """When each question the player has answered is next due, by question id."""
        with self._reading() as db:
            if db is None:
                return {}
            rows = db.execute(
                "SELECT question_id, due FROM review_cards WHERE player = ?", (player,)
            ).fetchall()
        return {question_id: clock.parse_stamp(due) for question_id, due in rows}

    def daily_board(self, day: date) -> list[DailyEntry]:
        """The ranked attempts at a day's challenge, best first; a tie goes to the earlier."""
        with self._reading() as db:
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
        with self._reading() as db:
            if db is None:
                return []
            rows = db.execute(
                "SELECT day FROM daily_attempts WHERE player = ? ORDER BY day", (player,)
            ).fetchall()
        return [date.fromisoformat(row[0]) for row in rows]
