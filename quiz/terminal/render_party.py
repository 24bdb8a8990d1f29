"""Rich views of a party: the hand-over screen, the standings and the podium."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quiz.engine.party import Party, Standing
from quiz.terminal.formatting import count_of, ordinal
from quiz.terminal.render_game import DIFFICULTY_STYLES

PLACE_STYLES = {1: "bold yellow", 2: "bold white", 3: "bold red"}


def standings_table(standings: Sequence[Standing], title: str) -> Table:
    """Everyone, best first; tied players share a place."""
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("Place", justify="right", no_wrap=True)
    table.add_column("Player", overflow="fold")
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Right", justify="right", no_wrap=True)
    for s in standings:
        style = PLACE_STYLES.get(s.place, "")
        table.add_row(
            Text(ordinal(s.place), style=style),
            Text(s.player, style=style),
            f"{s.score:,}",
            f"{s.correct}/{s.answered}",
        )
    return table


def hand_over(party: Party) -> Group:
    """The screen between turns: whose turn it is (and, as a round starts, where it stands)."""
    difficulty = party.round_difficulty
    parts: list[RenderableType] = [
        Text.assemble(
            (f"Round {party.round_number} of {party.rounds}", "bold"),
            "  ·  ",
            (difficulty, DIFFICULTY_STYLES[difficulty]),
            " for everyone",
        )
    ]
    if party.round_starts and party.round_number > 1:
        title = f"Standings after round {party.round_number - 1}"
        parts.append(standings_table(party.standings(), title))
    message = Text.assemble("Pass the keyboard to ", (party.player, "bold yellow"))
    message.justify = "center"
    parts.append(Panel(message, box=box.HEAVY, padding=(1, 4), expand=False))
    return Group(*parts)


def winners_line(standings: Sequence[Standing]) -> Text:
    """`Ann wins!`, or who shares first place."""
    first = [s.player for s in standings if s.place == 1]
    if len(first) == 1:
        return Text.assemble((first[0], "bold yellow"), " wins!")
    names = Text(", ").join(Text(n, style="bold yellow") for n in first[:-1])
    return Text.assemble("A tie for first place: ", names, " and ", (first[-1], "bold yellow"))


def podium(standings: Sequence[Standing], rounds: int, unit: str = "round") -> Group:
    """The end of a party (or a live room, whose `unit` is the question): who won, the top
    places, then everyone."""
    top = Table.grid(padding=(0, 2))
    top.add_column(justify="right", no_wrap=True)
    top.add_column(overflow="fold")
    top.add_column(justify="right", no_wrap=True)
    for s in standings:
        if s.place <= 3:
            style = PLACE_STYLES[s.place]
            top.add_row(
                Text(ordinal(s.place), style=style), Text(s.player, style=style), f"{s.score:,}"
            )
    panel = Panel(
        Group(winners_line(standings), Text(""), top),
        title="Podium",
        title_align="left",
        box=box.ROUNDED,
        expand=False,
    )
    after = count_of(rounds, unit)
    return Group(panel, standings_table(standings, f"Final standings after {after}"))
