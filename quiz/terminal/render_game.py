"""Rich views of a game: question header, answer feedback, summary and review table."""

from __future__ import annotations

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from quiz.models import AnswerRecord, AskedQuestion, GameResult
from quiz.output import safe
from quiz.terminal.wording import answer_text, given_text

DIFFICULTY_STYLES = {"easy": "green", "medium": "yellow", "hard": "red"}


def header(
    number: int, total: int, asked: AskedQuestion, score: int, streak: int, tag: str = ""
) -> Group:
    """`Question 3 of 10 · topic · difficulty · score · streak`, wrapping on narrow screens.

    A `tag` (the player in a party, the lives left in survival) follows the number."""
    q = asked.question
    parts = [
        Text(f"Question {number} of {total}", style="bold"),
        *([Text(tag, style="bold yellow")] if tag else []),
        Text(safe(q.topic), style="cyan"),
        Text(q.difficulty, style=DIFFICULTY_STYLES[q.difficulty]),
        Text(f"Score {score:,}"),
        Text(f"Streak {streak}", style="bold magenta" if streak >= 2 else ""),
    ]
    return Group(Text("  ·  ").join(parts), Rule(style="dim"))


def feedback(record: AnswerRecord) -> Group:
    """✓ or ✗ (never colour alone), the points, and the explanation."""
    right = safe(answer_text(record.question))
    if record.correct:
        line = Text.assemble(("✓ Correct! ", "bold green"), f"+{record.points:,} points")
        if record.lifeline:
            line.append(" (half, after the 50:50)")
        if record.streak >= 2:
            line.append(f"  (streak of {record.streak})", style="magenta")
        if record.typo_forgiven:
            line.append(f"\n  Typo forgiven: it is spelled {right}.", style="yellow")
    elif record.timed_out:
        line = Text.assemble(("✗ Time's up. ", "bold red"), "The answer is ", (right, "bold"), ".")
    elif record.skipped:
        line = Text.assemble(("↷ Skipped. ", "bold yellow"), "The answer is ", (right, "bold"), ".")
    else:
        line = Text.assemble(("✗ Wrong. ", "bold red"), "The answer is ", (right, "bold"), ".")
    parts = [line]
    if record.question.explanation:
        parts.append(Text(safe(record.question.explanation), style="italic dim"))
    return Group(*parts, Text(""))


def _minutes(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def summary(result: GameResult, extra_lines: list[Text] | None = None) -> Panel:
    """The final score panel: score, correct/total, accuracy, best streak, time."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_row("Player", Text(safe(result.player)))
    grid.add_row("Score", Text(f"{result.score:,}", style="bold green"))
    grid.add_row("Correct", f"{result.correct}/{result.total}")
    grid.add_row("Accuracy", f"{result.accuracy:.0%}")
    grid.add_row("Best streak", str(result.best_streak))
    grid.add_row("Time", _minutes(result.duration_s))
    body = Group(grid, *(extra_lines or []))
    return Panel(body, title="Final score", title_align="left", box=box.ROUNDED, expand=False)


class Review:
    """Every question with the given and the right answer: a table, or a list when narrow."""

    NARROW = 70

    def __init__(self, result: GameResult) -> None:
        self.result = result

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width < self.NARROW:
            yield Text("Review", style="italic")
            for n, record in enumerate(self.result.records, start=1):
                yield Text.assemble(_mark(record), f" {n}. ", safe(record.question.prompt))
                yield Text(safe(f"   You: {given_text(record)}"))
                yield Text(
                    safe(f"   Answer: {answer_text(record.question)} ({record.points:,} points)")
                )
            return
        table = Table(title="Review", box=box.SIMPLE_HEAD, title_justify="left")
        table.add_column("#", justify="right")
        table.add_column("", width=1)
        table.add_column("Question", ratio=3, overflow="fold")
        table.add_column("Your answer", ratio=2, overflow="fold")
        table.add_column("Right answer", ratio=2, overflow="fold")
        table.add_column("Points", justify="right")
        for n, record in enumerate(self.result.records, start=1):
            table.add_row(
                str(n),
                _mark(record),
                Text(safe(record.question.prompt)),
                Text(safe(given_text(record))),
                Text(safe(answer_text(record.question))),
                f"{record.points:,}",
            )
        yield table


def _mark(record: AnswerRecord) -> Text:
    return Text("✓", style="green") if record.correct else Text("✗", style="red")


def review(result: GameResult) -> Review:
    return Review(result)
