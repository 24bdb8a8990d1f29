"""Party (hot seat): players, the rounds and their questions, turns, standings and places."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace

from quiz.engine.filters import Filters
from quiz.engine.game import Game
from quiz.engine.players import check_names
from quiz.engine.problems import TooSmallError
from quiz.engine.selection import pick
from quiz.errors import UsageError
from quiz.models import DIFFICULTIES, AskedQuestion, GameSettings, Question

MIN_PLAYERS = 2
MAX_PLAYERS = 8


def check_players(names: Sequence[str]) -> tuple[str, ...]:
    """The players' names, trimmed: 2 to 8 of them; a UsageError names the first problem."""
    players = check_names(names)
    if not MIN_PLAYERS <= len(players) <= MAX_PLAYERS:
        raise UsageError(
            f"a party needs {MIN_PLAYERS} to {MAX_PLAYERS} players, not {len(players)}"
        )
    return tuple(players)


def places(scores: Sequence[int]) -> list[int]:
    """Each score's place: 1 + how many scored more, so ties share a place (1, 1, 3)."""
    return [1 + sum(other > score for other in scores) for score in scores]


@dataclass(frozen=True, slots=True)
class PartyPlan:
    """The difficulty of each round, and each player's question for every round."""

    difficulties: tuple[str, ...]
    questions: tuple[tuple[AskedQuestion, ...], ...]  # [player][round]

    @property
    def rounds(self) -> int:
        return len(self.difficulties)


def _rounds_per_difficulty(capacity: Sequence[int], rounds: int) -> list[int]:
    """Rounds spread as evenly as the questions allow; the easier get any remainder."""
    counts = [0] * len(capacity)
    for _ in range(rounds):
        open_ = [i for i, cap in enumerate(capacity) if counts[i] < cap]
        if not open_:
            break
        counts[min(open_, key=lambda i: (counts[i], i))] += 1
    return counts


def plan_party(
    questions: Sequence[Question], filters: Filters, players: int, rounds: int, seed: int
) -> PartyPlan:
    """Rounds that climb from easy to hard; each round gives every player a question of
    its difficulty, and no question comes twice. Fewer rounds when the bank runs short."""
    if rounds < 1:
        raise TooSmallError("rounds", rounds)
    allowed = [d for d in DIFFICULTIES if not filters.difficulties or d in filters.difficulties]
    by_difficulty = [replace(filters, difficulties=(d,)) for d in allowed]
    capacity = [len(f.apply(questions)) // players for f in by_difficulty]
    counts = _rounds_per_difficulty(capacity, rounds)
    difficulties: list[str] = []
    dealt: list[list[AskedQuestion]] = [[] for _ in range(players)]
    for difficulty, only, n in zip(allowed, by_difficulty, counts, strict=True):
        if not n:
            continue
        sub_seed = random.Random(f"{seed}:{difficulty}").randrange(2**31)
        chosen = pick(questions, only, n * players, sub_seed).asked
        # Questions that would give each other away are never dealt together: fewer rounds.
        for r in range(len(chosen) // players if len(chosen) < n * players else n):
            difficulties.append(difficulty)
            for p in range(players):
                dealt[p].append(chosen[r * players + p])
    if not difficulties:
        where = f" with {filters.named()}" if filters.named() else " in the bank"
        raise UsageError(
            f"not enough questions for {players} players: every round needs {players}"
            f" questions of one difficulty, and no difficulty has that many{where}"
        )
    return PartyPlan(tuple(difficulties), tuple(tuple(q) for q in dealt))


@dataclass(frozen=True, slots=True)
class Standing:
    place: int
    player: str
    score: int
    correct: int
    answered: int


class Party:
    """Whose turn it is, each player's game (scored exactly as in `play`), and standings."""

    def __init__(self, players: Sequence[str], plan: PartyPlan, settings: GameSettings) -> None:
        self.players = tuple(players)
        self.plan = plan
        own = replace(settings, count=plan.rounds)
        self.games = tuple(Game(plan.questions[p], own) for p in range(len(self.players)))

    @property
    def rounds(self) -> int:
        return self.plan.rounds

    @property
    def _answered(self) -> int:
        return sum(len(g.records) for g in self.games)

    @property
    def finished(self) -> bool:
        return self._answered == self.rounds * len(self.players)

    @property
    def round_number(self) -> int:
        """The round being played, from 1."""
        return self._answered // len(self.players) + 1

    @property
    def round_difficulty(self) -> str:
        return self.plan.difficulties[self.round_number - 1]

    @property
    def turn(self) -> int:
        """The index of the player whose turn it is."""
        return self._answered % len(self.players)

    @property
    def round_starts(self) -> bool:
        return self.turn == 0

    @property
    def player(self) -> str:
        return self.players[self.turn]

    @property
    def game(self) -> Game:
        return self.games[self.turn]

    def standings(self) -> list[Standing]:
        """Everyone, best first; tied players share a place and keep the turn order."""
        scores = [g.score for g in self.games]
        rows = [
            Standing(
                place, name, game.score, sum(r.correct for r in game.records), len(game.records)
            )
            for place, name, game in zip(places(scores), self.players, self.games, strict=True)
        ]
        return sorted(rows, key=lambda s: s.place)
