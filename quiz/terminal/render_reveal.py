"""The reveal after an answer: the options marked, the points with their parts, the explanation."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.constrain import Constrain
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from quiz.engine.scoring import Points
from quiz.models import AnswerRecord
from quiz.output import safe
from quiz.terminal.formatting import ordinal
from quiz.terminal.render_game import readable
from quiz.terminal.wording import TRUEFALSE_OPTIONS, answer_text, parts_text

# (mark, style, word): the mark and the word say it all; the colour only repeats them.
PICKED_RIGHT = ("✓", "bold green", "your answer")
RIGHT = ("✓", "green", "right answer")
PICKED_WRONG = ("✗", "bold red", "your answer")
TICKED_RIGHT = ("✓", "bold green", "ticked, right")
TICKED_WRONG = ("✗", "bold red", "ticked, wrong")
MISSED = ("○", "yellow", "missed")
OTHER = (" ", "dim", "")


def _option_states(record: AnswerRecord) -> list[tuple[str, tuple[str, str, str]]]:
    """Each option as shown (or the typed and right answer) with its state."""
    q, given = record.question, set(record.given)
    right = set(q.answers)
    if q.type == "text":
        typed = [(g, PICKED_RIGHT if record.correct else PICKED_WRONG) for g in record.given]
        shown = [] if record.correct and not record.typo_forgiven else [(q.answers[0], RIGHT)]
        return typed + shown
    if q.type == "order":
        return _order_states(record)
    options = TRUEFALSE_OPTIONS if q.type == "truefalse" else [(o, o) for o in record.asked.options]
    states = []
    for label, value in options:
        if q.type == "multi" and given:
            state = {
                (True, True): TICKED_RIGHT,
                (True, False): TICKED_WRONG,
                (False, True): MISSED,
            }.get((value in given, value in right), OTHER)
        elif value in right:
            state = PICKED_RIGHT if value in given else RIGHT
        else:
            state = PICKED_WRONG if value in given else OTHER
        states.append((label, state))
    return states


def _order_states(record: AnswerRecord) -> list[tuple[str, tuple[str, str, str]]]:
    """The right order, each item ✓ where the player put it there, ✗ with where they did."""
    states = []
    for place, item in enumerate(record.question.answers, start=1):
        label = f"{place}. {item}"
        if item not in record.given:
            states.append((label, RIGHT if not record.given else OTHER))
            continue
        put = record.given.index(item) + 1
        where = ("✗", "bold red", f"you put it {ordinal(put)}")
        states.append((label, ("✓", "bold green", "your order") if put == place else where))
    return states


def marked_options(record: AnswerRecord) -> Table:
    """The options drawn again: ✓ on the right ones, ✗ on a wrong pick, with a word each."""
    table = Table.grid(padding=(0, 1, 0, 0), pad_edge=True)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    table.add_column(no_wrap=True)
    for label, (mark, style, word) in _option_states(record):
        table.add_row(
            Text(mark, style=style),
            Text(safe(label), style="" if style == "dim" else style.replace("bold ", "")),
            Text(word, style="dim italic"),
        )
    return table


def points_line(record: AnswerRecord, parts: Points | None) -> Text:
    """`✓ Correct! +1,700 = 1,500 + 200 streak`, or what happened instead."""
    if record.correct and parts is not None:
        line = Text.assemble(("✓ Correct! ", "bold green"), (f"+{parts.total:,}", "bold"))
        how = parts_text(parts)
        line.append(f" = {how}" if how else " points")
        if parts.speed:
            line.append(f" (answered in {record.seconds:.1f}s)", style="dim")
        if record.typo_forgiven:
            line.append(f"\nTypo forgiven: it is spelled {safe(answer_text(record.question))}.")
        return line
    if record.timed_out:
        return Text.assemble(("⏱ Time's up: ", "bold red"), "no points.")
    if record.skipped:
        return Text.assemble(("↷ Skipped: ", "bold yellow"), "no points.")
    return Text.assemble(("✗ Wrong: ", "bold red"), "no points.")


def reveal(record: AnswerRecord, parts: Points | None) -> Constrain:
    """Everything shown between an answer and `Press Enter for the next question`."""
    views: list[RenderableType] = [
        Padding(marked_options(record), (0, 0, 1, 2)),
        points_line(record, parts),
    ]
    if record.question.explanation:
        views += [Text(""), Text(safe(record.question.explanation), style="italic")]
    return readable(Group(*views, Text("")))
