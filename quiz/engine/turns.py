"""The turns of a game or a party, in playing order: whose game, which question of how many."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.engine.game import Game
    from quiz.engine.party import Party


@dataclass(frozen=True, slots=True)
class Turn:
    """One question of one game: its number of how many, and whose turn it is at a party."""

    game: Game
    number: int
    total: int
    player: str = ""


def game_turns(game: Game) -> Iterator[Turn]:
    """A game's questions, one turn each, until it is over (a survival game may end early)."""
    while not game.finished:
        yield Turn(game, len(game.records) + 1, len(game.asked))


def party_turns(party: Party) -> Iterator[Turn]:
    """Every player's question of round 1, then of round 2, and so on to the last round."""
    while not party.finished:
        yield Turn(party.game, party.round_number, party.rounds, party.player)
