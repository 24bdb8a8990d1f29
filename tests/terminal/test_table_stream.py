"""The streamed question table: every row once, every line in the width, words whole."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from quiz.bank.loader import load_bank
from quiz.models import Question
from quiz.terminal.render_bank import (
    QUESTION_COLUMNS,
    QUESTION_TABLE,
    QuestionListing,
    count_table,
    print_question_list,
    question_cells,
)
from quiz.terminal.table_stream import CHUNK_ROWS, print_rows, wrap
from quiz.terminal.tables import FittedTable

SGR = re.compile(r"\x1b\[([0-9;]*)m")
WIDTHS = (40, 60, 80, 120, 200)


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
        ("zero-width", "Kevin", "\u200b東京" * 12),  # Rich 14.3.0-14.3.2 looped forever here
    ]
    odd = [replace(base, id=i, topic=t, prompt=p) for i, t, p in texts]
    return [
        *odd,
        replace(base, id="nowrap", difficulty="very hard indeed", type="pick one of them"),
    ]


def bank(name: str) -> list[Question]:
    return list(load_bank(user=False).questions) if name == "builtin" else odd_questions()


def console(width: int, color: bool = False) -> Console:
    return Console(
        file=io.StringIO(),
        width=width,
        color_system="truecolor" if color else None,
        force_terminal=color,
    )


def output(made: Console) -> str:
    text = made.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(text, str)
    return text


def streamed(width: int, rows: list[tuple[str, ...]], **options: object) -> str:
    made = console(width)
    print_rows(made, QUESTION_COLUMNS, rows, **{**QUESTION_TABLE, **options})
    return output(made)


def split_cells(line: str, starts: list[int]) -> list[str]:
    """The line cut at the given cell offsets (wide characters count two)."""
    pieces, position = [""] * len(starts), 0
    for char in line:
        column = max(i for i, start in enumerate(starts) if start <= position or i == 0)
        pieces[column] += char
        position += cell_len(char)
    return pieces


def table_columns(text: str) -> dict[str, list[str]]:
    """Each column of a drawn question table: its header, and its cell on every body line."""
    lines = text.splitlines()
    header, body = lines[1], lines[3:-1]
    names = header.split()
    starts = [header.index(name) for name in names]  # headers are ASCII: cells are characters
    cells = [split_cells(line, starts) for line in body]
    return {name: [row[i].strip() for row in cells] for i, name in enumerate(names)}


def squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["builtin", "odd"])
def test_every_row_once_every_line_in_the_width_no_word_cut(width: int, name: str) -> None:
    rows = [question_cells(q) for q in bank(name)]
    text = streamed(width, rows)
    lines = text.splitlines()
    assert all(cell_len(line) <= width for line in lines), text
    assert len({cell_len(line) for line in lines}) == 1, text  # the edges line up
    columns = table_columns(text)
    assert {"id", "prompt"} <= set(columns)
    headers = [c.header for c in QUESTION_COLUMNS]
    assert sorted(columns, key=headers.index) == list(columns)  # in order, some left out
    for header, cells in columns.items():
        wanted = [row[headers.index(header)] for row in rows]
        # Nothing lost or repeated: the column holds every row's text in order.
        assert squeezed("".join(cells)) == squeezed("".join(wanted)), header
        # A word no wider than the column is on one line.
        room = max(map(cell_len, cells))
        shown = {word for cell in cells for word in cell.split()}
        assert {w for t in wanted for w in t.split() if cell_len(w) <= room} <= shown, header
    ids = columns["id"]
    room = max(map(cell_len, ids))
    assert {q.id for q in bank(name) if cell_len(q.id) <= room} <= set(ids)  # ids whole
    assert width < 60 or max(map(cell_len, columns["prompt"])) >= 20  # never a sliver


@pytest.mark.parametrize("width", [40, 60, 80])
def test_borders_line_up_with_hostile_text(width: int) -> None:
    rows = [question_cells(q) for q in odd_questions()]
    text = streamed(width, rows, box=box.ASCII)
    lines = text.splitlines()
    assert all(cell_len(line) == cell_len(lines[0]) <= width for line in lines), text

    def bars(line: str) -> list[int]:
        return [cell_len(line[:i]) for i, char in enumerate(line) if char == "|"]

    assert len({tuple(bars(line)) for line in lines[1:-1] if not line.startswith("|-")}) == 1


@pytest.mark.parametrize("width", [40, 59, 60, 63, 80, 100, 120, 200])
@pytest.mark.parametrize("name", ["builtin", "odd"])
def test_the_bank_list_streams_the_fitted_layout(width: int, name: str) -> None:
    """`quiz bank list` prints what the question table drawn by Rich shows (whole ids,
    columns dropped by importance, stacked below 60 columns), however many rows it streams."""
    questions = bank(name)
    for color in (False, True):
        streamed, whole = console(width, color), console(width, color)
        print_question_list(streamed, questions)
        whole.print(QuestionListing(questions))
        whole.print(count_table(questions))
        assert styled_chars(output(streamed)) == styled_chars(output(whole))


def test_rows_beyond_one_chunk_keep_the_same_layout() -> None:
    base = list(load_bank(user=False).questions)
    many = [replace(q, id=f"{q.id}-{n}") for n in range(CHUNK_ROWS // len(base) + 2) for q in base]
    assert len(many) > CHUNK_ROWS
    rows = [question_cells(q) for q in many]
    whole = console(80)
    whole.print(
        FittedTable(QUESTION_COLUMNS, [[Text(c) for c in r] for r in rows], **QUESTION_TABLE)
    )
    assert streamed(80, rows) == output(whole)


def test_a_table_with_features_it_does_not_lay_out_is_printed_by_rich() -> None:
    rows = [question_cells(q) for q in odd_questions()]
    whole = console(80)
    cells = [[Text(c) for c in row] for row in rows]
    whole.print(FittedTable(QUESTION_COLUMNS, cells, **QUESTION_TABLE, show_lines=True))
    assert streamed(80, rows, show_lines=True) == output(whole)


TEXTS = [
    "Jim puts Dwight's stapler in jello, and Dwight is not amused at all",
    "Supercalifragilisticexpialidocious is a long word in a short column",
    "  spaces  between   words    kept   ",
    "東京で何が起きた 東京で何が起きた and words",
    "Which 🎉 party had the 🍪 cookies?",
]


@pytest.mark.parametrize("width", [1, 2, 5, 9, 20, 33])
@pytest.mark.parametrize("text", TEXTS)
def test_wrap_breaks_where_rich_breaks(text: str, width: int) -> None:
    lines = wrap(text, width)
    rich_lines = Text(text).wrap(console(80), width, justify="left", overflow="fold")
    if lines is not None:  # None: a wide character Rich is left to place
        assert lines == [line.plain for line in rich_lines]
