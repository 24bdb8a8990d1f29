"""Rich views of the bank: the question table with counts, and one question in full."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quiz.models import DIFFICULTIES, Question
from quiz.output import safe
from quiz.terminal.table_stream import print_table
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


def question_table(questions: Sequence[Question]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, pad_edge=False)
    table.add_column("id", style="cyan", overflow="fold", max_width=24)
    table.add_column("topic", max_width=16)
    table.add_column("difficulty", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("prompt", overflow="fold")
    for q in questions:
        table.add_row(*(Text(v) for v in question_cells(q)))
    return table


def count_table(questions: Sequence[Question]) -> Table:
    """Questions per topic (rows) and difficulty (columns)."""
    counts = Counter((q.topic, q.difficulty) for q in questions)
    topics = sorted({q.topic for q in questions})
    table = Table(box=box.SIMPLE_HEAD, title="Questions per topic and difficulty")
    table.add_column("topic")
    for difficulty in (*DIFFICULTIES, "total"):
        table.add_column(difficulty, justify="right")
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
    print_table(console, question_table, question_cells, questions)  # 20,000 rows in ~1 s
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
