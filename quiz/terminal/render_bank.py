"""Rich views of the bank: the question table with counts, and one question in full."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quiz.models import DIFFICULTIES, Question
from quiz.output import safe
from quiz.terminal.table_stream import print_rows
from quiz.terminal.tables import Column, FittedTable
from quiz.terminal.wording import answer_text, option_labels

TYPE_LABELS = {
    "choice": "pick one",
    "truefalse": "true or false",
    "text": "type the answer",
    "multi": "select all that apply",
    "order": "put in the right order",
}


def question_body(question: Question, options: Sequence[str]) -> Group:
    """The prompt and its numbered options, user text shown literally."""
    lines = [Text(safe(question.prompt), style="bold")]
    if question.type in ("choice", "multi", "order"):
        labels = option_labels(options)
        lines += [Text(safe(f"  {n}) {option}")) for n, option in zip(labels, options, strict=True)]
    lines.append(Text(f"({TYPE_LABELS[question.type]})", style="dim"))
    return Group(*lines)


def question_cells(q: Question) -> tuple[str, ...]:
    """The text of each cell of a question's row in the question table, made safe to show."""
    return tuple(safe(v) for v in (q.id, q.topic, q.difficulty, q.type, q.prompt))


def question_table(questions: Sequence[Question]) -> FittedTable:
    """Ids whole on one line; the prompt wraps in what is left; narrow screens lose the type,
    then the difficulty, then the topic."""
    return cells_table([question_cells(q) for q in questions])


QUESTION_COLUMNS = (
    Column("id", style="cyan"),
    Column("topic", wrap=True, min_width=16, max_width=16, drop=3),
    Column("difficulty", drop=2),
    Column("type", drop=1),
    Column("prompt", wrap=True, min_width=24),
)
QUESTION_TABLE: dict[str, Any] = {"box": box.SIMPLE_HEAD, "pad_edge": False}


def cells_table(cells: Sequence[tuple[str, ...]]) -> FittedTable:
    """The question table of rows already made by `question_cells`."""
    rows = [[Text(v) for v in row] for row in cells]
    return FittedTable(QUESTION_COLUMNS, rows, **QUESTION_TABLE)


class QuestionListing:
    """The question table, or below 60 columns (where a prompt column would be a sliver
    beside a whole id) each id on its own line with its prompt under it."""

    STACK_BELOW = 60

    def __init__(self, questions: Sequence[Question]) -> None:
        self.questions = questions

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width >= self.STACK_BELOW:
            yield question_table(self.questions)
            return
        for q in self.questions:
            yield Text.assemble((safe(q.id), "cyan"), (f"  {q.difficulty} {q.type}", "dim"))
            yield Padding(Text(safe(q.prompt)), (0, 0, 0, 2))


def count_table(questions: Sequence[Question]) -> Table:
    """Questions per topic (rows) and difficulty (columns)."""
    counts = Counter((q.topic, q.difficulty) for q in questions)
    topics = sorted({q.topic for q in questions})
    table = Table(
        box=box.SIMPLE_HEAD,
        title="Questions per topic and difficulty",
        title_justify="left",
        show_edge=False,
        padding=(0, 1),
        collapse_padding=True,
    )
    # A topic wraps between its words; each word and every number stays whole.
    longest = max((cell_len(word) for topic in topics for word in topic.split()), default=5)
    table.add_column("topic", min_width=min(longest, 16), overflow="fold")
    for difficulty in (*DIFFICULTIES, "total"):
        table.add_column(difficulty, justify="right", no_wrap=True)
    for topic in topics:
        row = [counts[(topic, d)] for d in DIFFICULTIES]
        table.add_row(Text(safe(topic)), *(str(n) for n in (*row, sum(row))))
    totals = [sum(counts[(t, d)] for t in topics) for d in DIFFICULTIES]
    table.add_row(Text("total", style="bold"), *(str(n) for n in (*totals, sum(totals))))
    return table


def print_question_list(console: Console, questions: Sequence[Question]) -> None:
    if not questions:
        console.print("No questions match these filters.")
        return
    if console.width < QuestionListing.STACK_BELOW:
        console.print(QuestionListing(questions))
    else:  # 20,000 rows in about a second: see table_stream
        cells = [question_cells(q) for q in questions]
        print_rows(console, QUESTION_COLUMNS, cells, **QUESTION_TABLE)
    console.print(count_table(questions))


def _detail(label: str, value: str) -> Text:
    return Text.assemble((f"{label}: ", "bold"), safe(value))


def question_card(question: Question) -> Panel:
    """The question as a player sees it, then everything a bank editor needs."""
    details = [
        _detail("Answer", answer_text(question)),
    ]
    if question.type == "text" and len(question.answers) > 1:
        details.append(_detail("Also accepted", ", ".join(question.answers[1:])))
    if question.reject:
        details.append(_detail("Refused look-alikes", ", ".join(question.reject)))
    details += [
        _detail("Explanation", question.explanation or "(none)"),
        _detail("Source", question.source or "(none)"),
        _detail("Origin", question.origin),
    ]
    # The heading is the first lines of the body, not the panel's title, which Rich cuts
    # to one line: here it wraps, so a long id or topic never hides the difficulty and type.
    heading = [
        Text(safe(question.id), style="bold cyan"),
        Text(safe(f"{question.topic} · {question.difficulty} · {question.type}"), style="dim"),
        Text(""),
    ]
    body = Group(*heading, question_body(question, question.choices), Text(""), *details)
    return Panel(body, box=box.ROUNDED)
