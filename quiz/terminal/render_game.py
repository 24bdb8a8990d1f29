"""Rich views of a question on screen: notices, the header with its progress row, the question."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.constrain import Constrain
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from quiz.models import AskedQuestion, Outcome
from quiz.output import safe
from quiz.terminal.wording import option_labels

# Lines longer than this are hard to read: at 200 columns text stays in a 76-column band.
READING_WIDTH = 76
AHEAD = 4  # in a long game, the row shows this many questions to come; the rest are past
PROGRESS_CELLS = 16  # with the count and the score, a header row fits 40 columns
# (mark, style) of each outcome: the mark says it without colour (NO_COLOR), the colour repeats it.
OUTCOME_MARKS = {
    Outcome.RIGHT: ("✓", "green"),
    Outcome.WRONG: ("✗", "red"),
    Outcome.SKIPPED: ("↷", "yellow"),
    Outcome.TIMED_OUT: ("⏱", "red"),
}
DIFFICULTY_STYLES = {"easy": "green", "medium": "yellow", "hard": "red"}
GAME_HINTS = {
    "choice": "Press an option's {key}, or use the arrow keys and Enter.",
    "truefalse": "True or false? Press t or f, or use the arrow keys and Enter.",
    "text": "Type the answer and press Enter; an empty answer skips.",
    "multi": "Press each right option's {key} (or Space on it) to tick it, then Enter;"
    " tick none to skip.",
    "order": "Press the {key}s in the right order (or use the arrow keys and Enter);"
    " Backspace takes the last pick back.",
}


def readable(view: RenderableType) -> Constrain:
    """`view` kept to the reading width, however wide the terminal."""
    return Constrain(view, READING_WIDTH)


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a game stands, as its header shows it: the question on screen (`number` of
    `total`), score and streak, how each question so far went, and a `tag` (the player in a
    party, the lives left in survival). An `open_ended` game (survival) ends before its last
    question as often as not: its row shows no questions to come."""

    number: int
    total: int
    score: int
    streak: int
    outcomes: tuple[Outcome, ...] = ()
    tag: str = ""
    open_ended: bool = False


def progress_row(progress: Progress) -> Text:
    """`✓✗↷●○○ 4/6`: a mark (and a colour) for each question answered, ● for the one on screen
    and ○ for those to come; in a longer game, PROGRESS_CELLS of them around this one."""
    cells = [Text(*OUTCOME_MARKS[outcome]) for outcome in progress.outcomes]
    if len(cells) < progress.number:
        cells.append(Text("●", style="bold"))
    if not progress.open_ended:
        cells += [Text("○", style="dim")] * (progress.total - len(cells))
    start = max(0, min(progress.number + AHEAD, len(cells)) - PROGRESS_CELLS)
    shown = cells[start : start + PROGRESS_CELLS]
    row = Text.assemble(*(["…"] if start else []), *shown)
    if start + PROGRESS_CELLS < len(cells):
        row.append("…")
    where = f"{progress.number}" if progress.open_ended else f"{progress.number}/{progress.total}"
    return row.append(f" {where}")


def header(progress: Progress, asked: AskedQuestion) -> Group:
    """Progress, topic and difficulty on the left; score and streak on the right. A tag
    (the player in a party, the lives left in survival) follows the progress row."""
    q = asked.question
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(ratio=1)
    grid.add_column(justify="right", no_wrap=True)
    row = progress_row(progress)
    if progress.tag:
        row.append(f"  {safe(progress.tag)}", style="bold yellow")
    grid.add_row(row, Text(f"Score {progress.score:,}", style="bold"))
    grid.add_row(
        Text.assemble(
            (safe(q.topic), "cyan"), " · ", (q.difficulty, DIFFICULTY_STYLES.get(q.difficulty, ""))
        ),
        Text(f"Streak {progress.streak}", style="bold magenta" if progress.streak >= 2 else ""),
    )
    return Group(grid, Rule(style="dim"))


def question_view(asked: AskedQuestion) -> Group:
    """The prompt in bold, wrapped at word boundaries, and how to answer it."""
    q = asked.question
    key = "number" if option_labels(asked.options)[:1] != ["a"] else "letter"
    return Group(
        Text(safe(q.prompt), style="bold"),
        Text(GAME_HINTS[q.type].format(key=key), style="dim"),
    )


def question_screen(
    progress: Progress, asked: AskedQuestion, notices: Sequence[str] = ()
) -> Constrain:
    """Everything above the answer prompt: the notices a game starts with (a shorter game,
    the daily's title), the header, then the question."""
    said = [Text(safe(notice), style="bold cyan") for notice in notices]
    views: list[RenderableType] = [*said, Text("")] if said else []
    return readable(Group(*views, header(progress, asked), question_view(asked), ""))
