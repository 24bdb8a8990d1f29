"""The score store's face over the query modules: a connection per call, one transaction per
write; the SQLite and PostgreSQL stores say how to open one."""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from quiz.models import GameResult
from quiz.scores import cards, clock, daily, leaderboard, stats
from quiz.scores.db import Connection
from quiz.scores.errors import DamagedRowsError, MissingGameError
from quiz.scores.game_rows import GameRows
from quiz.scores.kinds import GameKind
from quiz.scores.notices import notice
from quiz.scores.rows import DailyEntry, Placement, PlayedGame, RankedGame, Stats
from quiz.textmatch import name_key


def _reviews(result: GameResult) -> list[cards.Review]:
    return [cards.Review(r.question.id, r.correct, r.seconds) for r in result.records]


class SqlStore(ABC):
    """The store's queries over a connection its subclass opens; `where` names it in messages."""

    where: str
    damage_noticed = False

    @abstractmethod
    def _reading(self) -> contextlib.AbstractContextManager[Connection | None]:
        """A migrated connection to read from; None when there is nothing stored yet."""

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection | None]:
        """`_reading`, then one notice (once a store) when rows were left out as damaged."""
        with self._reading() as db:
            yield db
        if db is not None and db.damaged and not self.damage_noticed:
            self.damage_noticed = True
            first = db.damaged[0]
            notice(DamagedRowsError(self.where, first.column, first.value))

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
            return leaderboard.insert_game(db, game)

    def played_topics(self) -> list[str]:
        """The topics games were played on, as they were stored."""
        with self._read() as db:
            return [] if db is None else leaderboard.played_topics(db)

    def placement(self, game_id: int) -> Placement:
        """Where a stored game stands on its kind's board."""
        with self._read() as db:
            found = None if db is None else leaderboard.placement(db, game_id)
        if found is None:
            raise MissingGameError(self.where, game_id)
        return found

    def top_games(
        self,
        limit: int = 10,
        player: str | None = None,
        topic: str | None = None,
        since: date | None = None,
        *,
        kind: GameKind | None = None,
        party: str | None = None,
    ) -> list[RankedGame]:
        """The best games of one kind (default: the standard board) or of one party."""
        with self._read() as db:
            if db is None:
                return []
            return leaderboard.top_games(
                db, limit, kind=kind, player=player, topic=topic, since=since, party=party
            )

    def kinds(self) -> list[GameKind]:
        """Every kind of game stored, each a board of its own."""
        with self._read() as db:
            return [] if db is None else leaderboard.kinds(db)

    def newest_game_id(self) -> int | None:
        with self._read() as db:
            return None if db is None else leaderboard.newest_game_id(db)

    def last_party(self, mode: str = "party") -> str | None:
        """The id of the party (or, in mode live, the room) that finished last, if any."""
        with self._read() as db:
            return None if db is None else leaderboard.last_party(db, mode)

    def last_game(self, player: str | None = None) -> PlayedGame | None:
        """The newest game (of `player`, in any case), with each question's outcome."""
        with self._read() as db:
            return None if db is None else leaderboard.last_game(db, player)

    def player_names(self) -> list[str]:
        """Every player with a game here, by name as first typed."""
        with self._read() as db:
            return [] if db is None else leaderboard.player_names(db)

    def default_player(self) -> str | None:
        """The last player to play a game of their own (not a party turn), as first typed."""
        with self._read() as db:
            return None if db is None else leaderboard.default_player(db)

    def stats(self, player: str | None = None) -> Stats:
        """Totals, accuracy per topic and difficulty, hardest questions, recent scores."""
        with self._read() as db:
            if db is None:
                return Stats(player, 0, 0, 0.0, 0.0, (), (), (), (), ())
            return stats.stats(db, player)

    def save_practice(self, result: GameResult) -> None:
        """Reschedule the cards of a practice session; practice is never a ranked game."""
        when = clock.now()
        with self._writing() as db:
            key = name_key(result.player)
            cards.review_answers(db, key, _reviews(result), result.settings.time_limit, when)

    def save_daily(self, day: date, result: GameResult) -> bool:
        """Store the day's attempt and reschedule its cards, in one transaction; True when it
        is the player's ranked attempt: the first one saved for that day."""
        when = clock.now()
        with self._writing() as db:
            key = name_key(result.player)
            name = leaderboard.stored_name(db, result.player)
            ranked = daily.add_attempt(db, day, name, key, clock.stamp(when), result)
            cards.review_answers(db, key, _reviews(result), result.settings.time_limit, when)
        return ranked

    def review_schedule(self, player: str) -> dict[str, datetime]:
        """When each question the player has answered is next due, by question id."""
        with self._read() as db:
            return {} if db is None else cards.review_schedule(db, name_key(player))

    def daily_board(self, day: date) -> list[DailyEntry]:
        """The ranked attempts at a day's challenge, best first; a tie goes to the earlier."""
        with self._read() as db:
            return [] if db is None else daily.daily_board(db, day)

    def daily_days(self, player: str) -> list[date]:
        """The days on which the player made a ranked attempt, oldest first."""
        with self._read() as db:
            return [] if db is None else daily.daily_days(db, name_key(player))
