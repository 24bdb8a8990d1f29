"""What quiz.compat relies on in private APIs of typer and Rich, pinned against public behaviour."""

from __future__ import annotations

import io
import itertools

import pytest
from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from quiz import compat
from quiz.compat import border_width, column_widths, line_breaks

TEXTS = [
    "Jim puts Dwight's stapler in jello, and Dwight is not amused at all",
    "Supercalifragilisticexpialidocious is a long word in a short column",
    "short",
    "spaces  between   words    kept",
    "東京で何が起きた 東京で何が起きた and words",
]


@pytest.mark.parametrize("fold", [True, False])
@pytest.mark.parametrize("width", [5, 9, 20, 33])
@pytest.mark.parametrize("text", TEXTS)
def test_line_breaks_are_where_text_wrap_breaks(text: str, width: int, fold: bool) -> None:
    if not fold and max(map(cell_len, text.split())) > width:
        return  # a word to cut, not wrap: table_stream leaves that to Text.wrap
    console = Console(file=io.StringIO(), width=200)
    lines = Text(text).wrap(console, width, overflow="fold" if fold else "ellipsis")
    starts = [0, *line_breaks(text, width, fold=fold), len(text)]
    pieces = [text[a:b] for a, b in itertools.pairwise(starts)]
    # Each line starts with the same word (a cut line may end in an ellipsis instead).
    assert [piece.split()[:1] for piece in pieces] == [line.plain.split()[:1] for line in lines]
    if fold:
        assert [piece.rstrip() for piece in pieces] == [line.plain.rstrip() for line in lines]


def table(*cells: str) -> Table:
    result = Table("id", "topic", "prompt", box=box.ASCII, pad_edge=False)
    result.columns[2].overflow = "fold"
    for _ in range(2):
        result.add_row(*cells)
    return result


@pytest.mark.parametrize("width", [30, 40, 80, 120])
def test_column_widths_are_the_widths_rich_draws(width: int) -> None:
    """The widths and the border, as Rich lays the table out: read from its top edge."""
    console = Console(file=io.StringIO(), width=width, color_system=None)
    made = table("pam-art", "Pam Beesly", "Which art school does Pam go to in New York? " * 2)
    widths = column_widths(console, made, console.options)
    console.print(made)
    rule = console.file.getvalue().splitlines()[2]  # type: ignore[attr-defined]
    assert [len(part) for part in rule.strip("|").split("+")] == widths
    assert border_width(made) == len(widths) + 1
    assert len(rule) == sum(widths) + border_width(made)


def test_click_errors_are_the_ones_typer_raises() -> None:
    assert issubclass(compat.UsageError, compat.ClickException)
    assert issubclass(compat.BadParameter, compat.UsageError)
    assert issubclass(compat.NoArgsIsHelpError, compat.UsageError)
    assert hasattr(compat.ParamType, "convert")


def test_completion_script_names_the_program_and_its_variable() -> None:
    compat.register_completion_shells()
    script = compat.completion_script("quiz", "_QUIZ_COMPLETE", "bash")
    assert "_QUIZ_COMPLETE" in script
    assert "quiz" in script


def test_the_rich_helpers_load_no_typer() -> None:
    """Views that use the fence (the scores and bank tables) run where typer is not loaded."""
    import subprocess
    import sys

    code = "import sys, quiz.compat, quiz.terminal.tables; print('typer' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout == "False\n"
