"""Rich views of a finished game: the one-line-a-question review, the result panel, the top 5."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.constrain import Constrain
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quiz.models import AnswerRecord, GameResult
from quiz.output import safe
from quiz.scores.kinds import GameKind
from quiz.scores.rows import Placement
from quiz.terminal import placement_words
from quiz.terminal.board_titles import board_title
from quiz.terminal.command_lines import continued_lines
from quiz.terminal.formatting import duration
from quiz.terminal.render_game import OUTCOME_MARKS, READING_WIDTH
from quiz.terminal.render_scores import score_table
from quiz.terminal.wording import answer_text, given_text

if TYPE_CHECKING:
    from quiz.scores.recorder import SavedGame

PROMPT_FROM = 64  # below this width the review leaves the question out
REVIEW_WIDTH = 120  # a table, not prose: wider than the reading band, so questions fit a line


def review_mark(record: AnswerRecord) -> Text:
    return Text(*OUTCOME_MARKS[record.outcome])


def answers_text(record: AnswerRecord) -> Text:
    """The given answer, then the right one after `→` unless the answer was right:
    `Yearbook → Teapot`; a forgiven typo says how it is spelled. An order's items are
    joined with commas, so that `→` only ever leads to the right answer."""
    q = record.question
    if q.type == "order":
        given = ", ".join(record.given) if record.given else given_text(record)
        right = ", ".join(q.answers)
    else:
        given, right = given_text(record), answer_text(q)
    shown = Text(safe(given), style="" if record.correct else "red")
    if record.typo_forgiven:
        return shown.append(f" (spelled {safe(right)})", style="green")
    if record.correct:
        return shown
    return Text.assemble(shown, " → ", (safe(right), "green"))


class Review:
    """A line a question (more where its words need them): mark, number, the question
    (when there is room), the answers whole, and the points."""

    def __init__(self, result: GameResult) -> None:
        self.result = result

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        records = self.result.records
        width = min(options.max_width, REVIEW_WIDTH)
        with_prompt = width >= PROMPT_FROM
        numbers = len(f"{len(records)}.")
        table = Table.grid(padding=(0, 2, 0, 0))
        table.add_column(no_wrap=True)
        if with_prompt:
            table.add_column(ratio=3, overflow="fold")
        table.add_column(ratio=2, overflow="fold")
        table.add_column(justify="right", no_wrap=True)
        for number, record in enumerate(records, start=1):
            prompt = [Text(safe(record.question.prompt), style="dim")] if with_prompt else []
            earned = f"+{record.points:,}" if record.points else "0"
            which = Text.assemble(review_mark(record), f" {f'{number}.':>{numbers}}")
            table.add_row(which, *prompt, answers_text(record), earned)
        yield Text("Review", style="bold")
        yield Constrain(table, width)


def result_panel(
    result: GameResult,
    placement: Placement | None,
    banner: str = "",
    notes: Sequence[str] = (),
) -> Constrain:
    """Score, correct, accuracy, best streak, time and placement in the reading band: stars
    around a record the placement celebrates, a mode's own `banner` (a daily's place, "not
    ranked") plainly on top, and any `notes` a mode adds under them."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    grid.add_row("Player", Text(safe(result.player)))
    grid.add_row("Score", Text(f"{result.score:,}", style="bold green"))
    grid.add_row("Correct", f"{result.correct}/{result.total}")
    grid.add_row("Accuracy", f"{result.accuracy:.0%}")
    grid.add_row("Best streak", str(result.best_streak))
    grid.add_row("Time", duration(result.duration_s))
    if placement is not None:
        grid.add_row("Place", f"#{placement.rank} of {placement.games}")
        grid.add_row("Your best", f"{placement.player_best:,}")
    record = placement_words.headline(placement, result.score) if placement else ""
    parts: list[RenderableType] = [Text(safe(banner), style="bold")] if banner else []
    parts += [Text(f"★ {safe(record)} ★", style="bold yellow")] if record else []
    parts += [grid, *(Text(safe(note)) for note in notes)]
    panel = Panel(
        Group(*parts), title="Final score", title_align="left", box=box.ROUNDED, expand=False
    )
    return Constrain(panel, READING_WIDTH)


def best_games(result: GameResult, saved: SavedGame, width: int) -> Group:
    """The best games of the board this game ranks on, this one starred, under the board's
    title as `quiz scores` shows it."""
    title = Text(board_title(GameKind.of_result(result)), style="bold")
    return Group(title, score_table(saved.top, saved.game_id, width, mark=None))


class ReplayLines:
    """The replay command alone on its lines, broken between words with a shell `\\` so
    that it copies and pastes as one command at any width."""

    def __init__(self, command: str) -> None:
        self.command = command

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("Replay this exact quiz:", style="dim")
        lines = continued_lines(self.command, options.max_width)
        yield Text("\n".join(lines), no_wrap=True, overflow="ignore")
