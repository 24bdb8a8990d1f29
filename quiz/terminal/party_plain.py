"""A party in plain mode: `play`'s line protocol, each header line ending ` for NAME`."""

from __future__ import annotations

from typing import TextIO

from quiz.engine.party import Party, Standing
from quiz.terminal.formatting import count_of, ordinal
from quiz.terminal.plain import LineReader, ask_plain


def standing_line(s: Standing) -> str:
    return f"{ordinal(s.place)} {s.player}: {s.score} ({s.correct}/{s.answered} correct)"


def play_party_plain(party: Party, reader: LineReader, out: TextIO) -> None:
    """Every turn of the party, with the standings after each round and a podium at the end.

    EOFError when input ends before the last answer."""
    names = ", ".join(party.players)
    out.write(f"Party of {len(party.players)}: {names}; {count_of(party.rounds, 'round')}\n\n")
    while not party.finished:
        if party.round_starts:
            round_ = party.round_number
            out.write(f"Round {round_} of {party.rounds} ({party.round_difficulty})\n\n")
        ask_plain(party.game, reader, out, party.round_number, party.rounds, f" for {party.player}")
        if party.round_starts and not party.finished:
            out.write(f"Standings after round {party.round_number - 1}:\n")
            out.write("".join(standing_line(s) + "\n" for s in party.standings()) + "\n")
    out.write("Podium:\n")
    out.write("".join(standing_line(s) + "\n" for s in party.standings()))
    out.flush()


def final_party_lines(party: Party) -> list[str]:
    """The line scripts look for, once a player, best first."""
    return [
        f"Final score: {s.score} ({s.correct}/{s.answered} correct) for {s.player}"
        for s in party.standings()
    ]
