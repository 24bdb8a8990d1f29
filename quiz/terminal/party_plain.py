"""A party in plain mode: `play`'s line protocol, each header line ending ` for NAME`, with the
rounds, the standings after each and the podium written around the turns."""

from __future__ import annotations

from quiz.engine.party import Party
from quiz.engine.turns import Turn
from quiz.terminal.formatting import count_of, ordinal
from quiz.terminal.plain import Lines


def _standings(party: Party) -> str:
    """A line a player, best first: `1st Ann: 500 (1/1 correct)`."""
    return "".join(
        f"{ordinal(s.place)} {s.player}: {s.score} ({s.correct}/{s.answered} correct)\n"
        for s in party.standings()
    )


class PartyLines(Lines):
    """The party's lines around the one plain loop's turns."""

    def __init__(self, party: Party) -> None:
        self.party = party

    def tag(self, turn: Turn) -> str:
        return f" for {turn.player}"

    def before(self, turn: Turn) -> str:
        """Who plays (before the first turn), and each round's header as it starts."""
        party, lines = self.party, ""
        if turn.number == 1 and party.round_starts:
            names = ", ".join(party.players)
            lines = f"Party of {len(party.players)}: {names}; {count_of(party.rounds, 'round')}\n\n"
        if party.round_starts:
            lines += f"Round {turn.number} of {party.rounds} ({party.round_difficulty})\n\n"
        return lines

    def after(self, turn: Turn) -> str:
        """The standings once a round is over; after the last, the podium and final scores."""
        party = self.party
        if party.finished:
            return f"Podium:\n{_standings(party)}\n" + "".join(
                f"Final score: {s.score} ({s.correct}/{s.answered} correct) for {s.player}\n"
                for s in party.standings()
            )  # the line scripts look for, once a player, best first
        if party.round_starts:
            return f"Standings after round {turn.number}:\n{_standings(party)}\n"
        return ""
