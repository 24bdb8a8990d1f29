"""A party on one terminal: hand-over screens between turns, standings, and a podium."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from quiz.engine.party import Party
from quiz.terminal import prompts
from quiz.terminal.interactive import ask_interactive
from quiz.terminal.render_party import hand_over, podium

CLEAR_SCROLLBACK = "\x1b[3J"


def clear(console: Console) -> None:
    """A blank screen with nothing of the last turn left in the scrollback either."""
    console.clear()
    if console.is_terminal:
        console.file.write(CLEAR_SCROLLBACK)
        console.file.flush()


def wrapped(message: str, console: Console) -> str:
    """`message` broken at word boundaries to fit the terminal (prompt_toolkit breaks words)."""
    return "\n".join(line.plain for line in Text(message).wrap(console, console.width - 1))


def play_party_interactive(party: Party, console: Console, notices: Sequence[str] = ()) -> None:
    """Every turn: the hand-over screen, the question (the first one under `notices`), the
    answer until Enter; then the podium."""
    while not party.finished:
        first = all(not game.records for game in party.games)
        clear(console)
        console.print(hand_over(party))
        player = party.player
        prompts.wait_for_enter(wrapped(f"{player}, press Enter when you are ready", console))
        clear(console)
        ask_interactive(
            party.game,
            console,
            party.round_number,
            party.rounds,
            player,
            notices if first else (),
        )
        last = party.finished
        prompts.wait_for_enter(
            "Press Enter for the results" if last else "Press Enter to hide your answer"
        )
    clear(console)
    console.print(podium(party.standings(), party.rounds))
