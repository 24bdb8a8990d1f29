"""A party on one terminal: hand-over screens between turns, standings, and a podium, shown
around the turns of the one interactive loop."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from quiz.engine.party import Party
from quiz.engine.turns import Turn
from quiz.terminal import prompts
from quiz.terminal.interactive import Screens
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


class PartyScreens(Screens):
    """The party's screens around the one interactive loop's turns."""

    def __init__(self, party: Party) -> None:
        self.party = party

    def tag(self, turn: Turn) -> str:
        return turn.player

    def before(self, turn: Turn, console: Console) -> None:
        """The hand-over screen, until the player whose turn it is presses Enter."""
        clear(console)
        console.print(hand_over(self.party))
        prompts.wait_for_enter(wrapped(f"{turn.player}, press Enter when you are ready", console))
        clear(console)

    def after(self, turn: Turn, console: Console) -> None:
        """The answer stays until Enter hides it; after the last turn, the podium."""
        if not self.party.finished:
            prompts.wait_for_enter("Press Enter to hide your answer")
            return
        prompts.wait_for_enter("Press Enter for the results")
        clear(console)
        console.print(podium(self.party.standings(), self.party.rounds))
