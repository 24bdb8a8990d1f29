"""The streamed question table: exactly what Rich prints for the same table, at any width."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

import pytest
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from quiz.bank.loader import load_bank
from quiz.models import Question
from quiz.terminal.render_bank import (
    QuestionListing,
    count_table,
    print_question_list,
    question_cells,
)
from quiz.terminal.table_stream import CHUNK_ROWS, print_table

SGR = re.compile(r"\x1b\[([0-9;]*)m")


def styled_chars(output: str) -> list[tuple[str, str]]:
    """Each character with the colour codes in force, however Rich split its segments."""
    chars, style, position = [], "", 0
    for match in SGR.finditer(output):
        chars += [(ch, style) for ch in output[position : match.start()]]
        style = "" if match.group(1) in ("", "0") else match.group(1)
        position = match.end()
    return chars + [(ch, style) for ch in output[position:]]


def odd_questions() -> list[Question]:
    base = Question("odd", "Jim Halpert", "easy", "truefalse", "?", ("true",))
    texts = [
        ("wide-日本語-ids-are-cells", "Topic 漢字漢字漢字漢字漢字", "東京で何が起きた" * 6),
        (
            "emoji",
            "Pam 🎨 Beesly",
            "Which 🎉 party had the 🍪 cookies and the 🥂 toast of the evening?",
        ),
        ("a" * 60, "Averyveryverylongtopicwithoutspaces", "Supercalifragilisticexpialidocious" * 3),
        ("newline", "Dwight", "First line of the prompt\nSecond line\n\nafter a blank"),
        ("tab", "Karen", "Tabbed\tprompt\twith\ttabs"),
        ("control", "Michael", "Bell \x07 and escape \x1b[31m red? and a long tail of words"),
        ("spaces", "Katy", "  leading and trailing spaces kept as typed    "),
        ("short", "x", "y"),
    ]
    odd = [replace(base, id=i, topic=t, prompt=p) for i, t, p in texts]
    # The difficulty and type columns do not wrap: a long value is cut.
    return [
        *odd,
        replace(base, id="nowrap", difficulty="very hard indeed", type="pick one of them"),
    ]


def every_column(questions: Sequence[Question]) -> Table:
    """A table of every column whose ids and prompts fold: it fits at any width."""
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, pad_edge=False)
    table.add_column("id", style="cyan", overflow="fold", max_width=24)
    table.add_column("topic", max_width=16)
    table.add_column("difficulty", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("prompt", overflow="fold")
    for q in questions:
        table.add_row(*(Text(v) for v in question_cells(q)))
    return table


def whole_ids(questions: Sequence[Question]) -> Table:
    """The same with ids never wrapped."""
    table = every_column(questions)
    table.columns[0].no_wrap, table.columns[0].max_width = True, None
    return table


def rendered(
    width: int,
    questions: list[Question],
    streamed: bool,
    color: bool,
    layout: Callable[[Sequence[Question]], Table] = every_column,
) -> str:
    console = Console(
        file=io.StringIO(),
        width=width,
        color_system="truecolor" if color else None,
        force_terminal=color,
    )
    if streamed:
        print_table(console, layout, question_cells, questions)
    else:
        console.print(layout(questions))
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(output, str)
    return output


@pytest.mark.parametrize("width", [12, 20, 40, 63, 80, 100, 200])
@pytest.mark.parametrize("bank", ["builtin", "odd"])
@pytest.mark.parametrize("layout", [every_column, whole_ids], ids=["folded-ids", "whole-ids"])
def test_the_streamed_table_is_the_rich_table(
    width: int, bank: str, layout: Callable[[Sequence[Question]], Table]
) -> None:
    questions = list(load_bank(user=False).questions) if bank == "builtin" else odd_questions()
    plain = [rendered(width, questions, streamed, False, layout) for streamed in (True, False)]
    assert plain[0] == plain[1]
    colored = [rendered(width, questions, streamed, True, layout) for streamed in (True, False)]
    assert styled_chars(colored[0]) == styled_chars(colored[1])


def test_rows_beyond_one_chunk_keep_the_same_layout() -> None:
    base = list(load_bank(user=False).questions)
    many = [replace(q, id=f"{q.id}-{n}") for n in range(CHUNK_ROWS // len(base) + 2) for q in base]
    assert len(many) > CHUNK_ROWS
    assert rendered(80, many, True, False) == rendered(80, many, False, False)


def test_a_table_with_features_it_does_not_lay_out_is_printed_by_rich() -> None:
    def with_lines(questions: Sequence[Question]) -> Table:
        table = every_column(questions)
        table.show_lines = True
        return table

    questions = odd_questions()
    console = Console(file=io.StringIO(), width=80, color_system=None)
    print_table(console, with_lines, question_cells, questions)
    expected = Console(file=io.StringIO(), width=80, color_system=None)
    expected.print(with_lines(questions))
    assert console.file.getvalue() == expected.file.getvalue()  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", [40, 59, 60, 63, 80, 100, 200])
@pytest.mark.parametrize("bank", ["builtin", "odd"])
def test_the_bank_list_streams_the_fitted_layout(width: int, bank: str) -> None:
    """`quiz bank list` prints exactly the narrow-screen layout (whole ids, columns dropped
    by importance, stacked below 60 columns), however many rows it streams."""
    questions = list(load_bank(user=False).questions) if bank == "builtin" else odd_questions()
    streamed = Console(file=io.StringIO(), width=width, color_system=None)
    print_question_list(streamed, questions)
    whole = Console(file=io.StringIO(), width=width, color_system=None)
    whole.print(QuestionListing(questions))
    whole.print(count_table(questions))
    output = streamed.file.getvalue()  # type: ignore[attr-defined]
    assert output == whole.file.getvalue()  # type: ignore[attr-defined]
    assert max(map(len, output.splitlines())) <= width
    if bank == "builtin":  # nothing cut at the right edge: every word of every prompt is whole
        words = set(output.split())
        assert all(set(q.prompt.split()) <= words for q in questions)
