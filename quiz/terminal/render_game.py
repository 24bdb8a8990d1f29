"""Rich views of a question on screen: the header with its progress row, and the question."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.constrain import Constrain
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from quiz.models import AskedQuestion
from quiz.output import safe

# Lines longer than this are hard to read: at 200 columns text stays in a 76-column band.
READING_WIDTH = 76
PROGRESS_CELLS = 20
DIFFICULTY_STYLES = {"easy": "green", "medium": "yellow", "hard": "red"}
GAME_HINTS = {
    "choice": "Arrow keys and Enter pick an option.",
    "truefalse": "True or false? Arrow keys and Enter pick.",
    "text": "Type the answer and press Enter; an empty answer skips.",
    "multi": "Space ticks each right option, Enter submits; tick none to skip.",
    "order": "Pick the first item, then the next, until all are in order.",
}


def readable(view: RenderableType) -> Constrain:
    """`view` kept to the reading width, however wide the terminal."""
    return Constrain(view, READING_WIDTH)


def progress_row(number: int, total: int) -> Text:
    """`●●●○○○○○○○ 3/10`: one dot a question (scaled to 20 dots for longer games)."""
    cells = min(total, PROGRESS_CELLS)
    reached = round(number * cells / total)
    return Text.assemble(
        ("●" * reached, "bold"), ("○" * (cells - reached), "dim"), f" {number}/{total}"
    )


def header(
    number: int,
    total: int,
    asked: AskedQuestion,
    score: int,
    streak: int,
    tag: str = "",
) -> Group:
    """Progress, topic and difficulty on the left; score and streak on the right. A `tag`
    (the player in a party, the lives left in survival) follows the progress row."""
    q = asked.question
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(ratio=1)
    grid.add_column(justify="right", no_wrap=True)
    progress = progress_row(number, total)
    if tag:
        progress.append(f"  {safe(tag)}", style="bold yellow")
    grid.add_row(progress, Text(f"Score {score:,}", style="bold"))
    grid.add_row(
        Text.assemble(
            (safe(q.topic), "cyan"), " · ", (q.difficulty, DIFFICULTY_STYLES.get(q.difficulty, ""))
        ),
        Text(f"Streak {streak}", style="bold magenta" if streak >= 2 else ""),
    )
    return Group(grid, Rule(style="dim"))


def question_view(asked: AskedQuestion) -> Group:
    """The prompt in bold, wrapped at word boundaries, and how to answer it."""
    q = asked.question
    return Group(
        Text(safe(q.prompt), style="bold"),
        Text(GAME_HINTS.get(q.type, ""), style="dim"),
    )


def question_screen(
    number: int, total: int, asked: AskedQuestion, score: int, streak: int, tag: str = ""
) -> Constrain:
    """Everything above the answer prompt: header, then the question."""
    top = header(number, total, asked, score, streak, tag)
    return readable(Group(top, question_view(asked), ""))
