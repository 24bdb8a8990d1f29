"""The rows a score store returns: ranked games, placements, tallies, stats, a last game."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from quiz.models import GameSettings, Outcome


@dataclass(frozen=True, slots=True)
class RankedGame:
    """One row of the high-score table."""

    rank: int
    game_id: int
    player: str
    score: int
    correct: int
    total: int
    best_streak: int
    duration_s: float
    played_at: str
    topics: tuple[str, ...]
    difficulties: tuple[str, ...]
    timed: bool
    mode: str = "normal"
    count: int | None = 10
    kind: str = "normal 10 untimed"

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def as_json(self) -> dict[str, object]:
        return {
            "rank": self.rank,
            "player": self.player,
            "score": self.score,
            "correct": self.correct,
            "total": self.total,
            "accuracy": round(self.accuracy, 4),
            "best_streak": self.best_streak,
            "duration_s": round(self.duration_s, 3),
            "played_at": self.played_at,
            "topics": list(self.topics),
            "difficulties": list(self.difficulties),
            "timed": self.timed,
            "mode": self.mode,
            "count": self.count,
            "kind": self.kind,
        }


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a just-saved game stands on its kind's board: numbers, for a view to word."""

    rank: int
    games: int
    player_best: int
    previous_best: int | None


@dataclass(frozen=True, slots=True)
class Tally:
    """Right answers out of attempts, for one topic, difficulty or question."""

    name: str
    correct: int
    attempts: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.attempts if self.attempts else 0.0


@dataclass(frozen=True, slots=True)
class PlayerSummary:
    player: str
    games: int
    best: int
    average: float
    accuracy: float
    last_played: str


@dataclass(frozen=True, slots=True)
class Stats:
    """What `quiz stats` shows for one player, or for everyone when `player` is None."""

    player: str | None
    games: int
    best: int
    average: float
    accuracy: float
    by_topic: tuple[Tally, ...]
    by_difficulty: tuple[Tally, ...]
    hardest: tuple[Tally, ...]
    history: tuple[int, ...]
    players: tuple[PlayerSummary, ...]


@dataclass(frozen=True, slots=True)
class PlayedGame:
    """A saved game with the outcome of each question in order: enough to share it."""

    player: str
    score: int
    correct: int
    total: int
    best_streak: int
    played_at: str
    settings: GameSettings
    outcomes: tuple[Outcome, ...]  # one a question, in order


@dataclass(frozen=True, slots=True)
class DailyEntry:
    """One player's ranked attempt at one day's challenge (`date` as YYYY-MM-DD)."""

    rank: int
    date: str
    player: str
    score: int
    correct: int
    total: int
    best_streak: int
    duration_s: float
    played_at: str

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def as_json(self) -> dict[str, object]:
        row = asdict(self) | {"duration_s": round(self.duration_s, 3)}
        return row | {"accuracy": round(self.accuracy, 4)}
