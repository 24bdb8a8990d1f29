"""Rich views of a finished game: the one-line-a-question review, the result panel, the top 5."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quiz.models import AnswerRecord, GameResult
from quiz.output import safe
from quiz.scores.rows import Placement
from quiz.terminal.command_lines import continued_lines
from quiz.terminal.render_game import READING_WIDTH
from quiz.terminal.wording import answer_text, given_text

REVIEW_MARKS = {
    "right": ("✓", "green"),
    "wrong": ("✗", "red"),
    "skipped": ("↷", "yellow"),
    "timed out": ("⏱", "red"),
}
PROMPT_FROM = 64  # below this width the review leaves the question out
MIN_PROMPT = 28


def outcome(record: AnswerRecord) -> str:
    """right, wrong, skipped or timed out."""
    if record.correct:
        return "right"
    if record.timed_out:
        return "timed out"
    return "skipped" if record.skipped else "wrong"


def review_mark(record: AnswerRecord) -> Text:
    mark, style = REVIEW_MARKS[outcome(record)]
    return Text(mark, style=style)


def answers_text(record: AnswerRecord) -> Text:
    """The given answer, then the right one unless they are the same: `Yearbook → Teapot`."""
    given = Text(safe(given_text(record)), style="" if record.correct else "red")
    if record.correct and not record.typo_forgiven:
        return given
    return Text.assemble(given, " → ", (safe(answer_text(record.question)), "green"))


def _shortened(text: str, width: int) -> Text:
    """`text` cut at a word boundary to fit `width`, with … where words were left out."""
    return Text(textwrap.shorten(safe(text), width, placeholder=" …"), style="dim")


class Review:
    """One line a question: mark, number, the question (when there is room), answers, points."""

    def __init__(self, result: GameResult) -> None:
        self.result = result

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        records = self.result.records
        points = [f"+{r.points:,}" if r.points else "0" for r in records]
        answers = [answers_text(r) for r in records]
        numbers = len(f"{len(records)}.")
        # mark, number and points whole; one space after each column but the last
        width = min(options.max_width, READING_WIDTH)
        room = width - (1 + numbers + max(map(len, points)) + 3)
        with_prompt = width >= PROMPT_FROM
        answers_width = max(a.cell_len for a in answers)
        if with_prompt:
            answers_width = min(answers_width, room - MIN_PROMPT - 1)
        table = Table.grid(padding=(0, 1, 0, 0))
        table.add_column(no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        prompt_width = room - answers_width - 1
        if with_prompt:
            table.add_column(width=prompt_width, no_wrap=True, overflow="ellipsis")
        table.add_column(width=min(answers_width, room), no_wrap=True, overflow="ellipsis")
        table.add_column(justify="right", no_wrap=True)
        for number, (record, answer, earned) in enumerate(
            zip(records, answers, points, strict=True), start=1
        ):
            prompt = [_shortened(record.question.prompt, prompt_width)] if with_prompt else []
            table.add_row(review_mark(record), f"{number}.", *prompt, answer, earned)
        yield Text("Review", style="bold")
        yield table


def _minutes(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def result_panel(
    result: GameResult,
    placement: Placement | None,
    banner: str = "",
    notes: Sequence[str] = (),
) -> Panel:
    """Score, correct, accuracy, best streak, time and placement, with a banner over a record
    (`banner`, or the placement's own) and any `notes` a mode adds under them."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    grid.add_row("Player", Text(safe(result.player)))
    grid.add_row("Score", Text(f"{result.score:,}", style="bold green"))
    grid.add_row("Correct", f"{result.correct}/{result.total}")
    grid.add_row("Accuracy", f"{result.accuracy:.0%}")
    grid.add_row("Best streak", str(result.best_streak))
    grid.add_row("Time", _minutes(result.duration_s))
    if placement is not None:
        grid.add_row("Place", f"#{placement.rank} of {placement.games}")
        grid.add_row("Your best", f"{placement.player_best:,}")
    headline = banner or (placement.headline(result.score) if placement else "")
    banner_line = Text(f"★ {safe(headline)} ★", style="bold yellow")
    parts: list[RenderableType] = [banner_line] if headline else []
    parts += [grid, *(Text(safe(note)) for note in notes)]
    return Panel(
        Group(*parts), title="Final score", title_align="left", box=box.ROUNDED, expand=False
    )


class ReplayLines:
    """The replay command alone on its lines, broken between words with a shell `\\` so
    that it copies and pastes as one command at any width."""

    def __init__(self, command: str) -> None:
        self.command = command

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("Replay this exact quiz:", style="dim")
        lines = continued_lines(self.command, options.max_width)
        yield Text("\n".join(lines), no_wrap=True, overflow="ignore")
