"""Rich views of live play: the lobby, the host's question and its reveal with the top 5."""

from __future__ import annotations

import math
from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quiz.engine.room import OpenQuestion, Reveal, Tally
from quiz.output import safe
from quiz.terminal.formatting import count_of, ordinal
from quiz.terminal.render_game import readable
from quiz.terminal.render_party import standings_table
from quiz.terminal.tables import bar
from quiz.terminal.wording import TRUEFALSE_OPTIONS, answer_text, option_labels

TOP = 5
BAR_CELLS = 20
TALLY_WORDS = {"true": "True", "false": "False", "right": "Right answers", "wrong": "Wrong answers"}


def lobby(joins: Sequence[str], players: Sequence[str], start_hint: str) -> Panel:
    """How to join, who is in, and how the game starts."""
    lines = Text("\n").join(Text(safe(line), style="bold") for line in joins)
    names = Text(", ").join(Text(safe(n), style="cyan") for n in players) or Text("nobody yet")
    body = Group(
        Text("Players join with:"),
        lines,
        Text(""),
        Text.assemble(f"{count_of(len(players), 'player')} in: ", names),
        Text(""),
        Text(start_hint, style="dim"),
    )
    return Panel(body, title="Live room", title_align="left", box=box.ROUNDED)


def countdown(left: float, limit: float) -> Text:
    filled = math.ceil(BAR_CELLS * max(left, 0) / limit)
    style = "green" if left > limit / 2 else "yellow" if left > min(5, limit / 4) else "bold red"
    return Text.assemble(
        "⏱ ",
        ("█" * filled, style),
        ("░" * (BAR_CELLS - filled), "dim"),
        f" {math.ceil(max(left, 0)):>3} s",
    )


def host_question(
    current: OpenQuestion, left: float, answered: int, players: int
) -> RenderableType:
    """The question as the room sees it, with the countdown and how many have answered."""
    asked = current.asked
    options = Table.grid(padding=(0, 1))
    options.add_column(no_wrap=True)
    options.add_column(ratio=1)
    truefalse = asked.question.type == "truefalse"
    shown = [word for word, _ in TRUEFALSE_OPTIONS] if truefalse else list(asked.options)
    for label, option in zip(option_labels(shown), shown, strict=True):
        options.add_row(Text(f"{label})", style="bold"), Text(safe(option)))
    return readable(
        Group(
            _question_head(current),
            Text(safe(asked.question.prompt), style="bold"),
            options,
            Text(""),
            countdown(left, current.limit),
            Text(f"{answered} of {players} answered", style="bold"),
        )
    )


def _question_head(current: OpenQuestion) -> Text:
    q = current.asked.question
    return Text.assemble(
        (f"Question {current.number} of {current.total}", "bold"),
        "  ·  ",
        (safe(q.topic), "cyan"),
        "  ·  ",
        q.difficulty,
    )


def tally_rows(tallies: Sequence[Tally]) -> Table:
    """How many picked each option, as bars; the right ones marked ✓."""
    most = max((t.count for t in tallies), default=0) or 1
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    for t in tallies:
        style = "bold green" if t.right else ""
        table.add_row(
            Text("✓" if t.right else " ", style=style),
            Text(safe(TALLY_WORDS.get(t.label, t.label)), style=style),
            Text(bar(t.count / most, 12), style="green" if t.right else "dim"),
            str(t.count),
        )
    return table


def host_reveal(reveal: Reveal) -> RenderableType:
    """The right answer, how the room answered, and the top 5."""
    q = reveal.question.asked.question
    parts: list[RenderableType] = [
        _question_head(reveal.question),
        Text(safe(q.prompt)),
        Text(""),
        Text.assemble(("Answer: ", "bold"), (safe(answer_text(q)), "bold green")),
        tally_rows(reveal.tallies),
    ]
    if q.explanation:
        parts += [Text(""), Text(safe(q.explanation), style="italic")]
    parts += [Text(""), standings_table(reveal.standings[:TOP], f"Top {TOP}")]
    return readable(Group(*parts))


def place_line(place: int, of: int) -> Text:
    return Text.assemble("You are ", (ordinal(place), "bold yellow"), f" of {of}.")
