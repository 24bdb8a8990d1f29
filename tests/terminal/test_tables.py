"""Narrow layouts drop whole columns by importance and never cut an id, a number or a word."""

from __future__ import annotations

import io
from itertools import pairwise

import pytest
from rich import box
from rich.box import Box
from rich.cells import cell_len
from rich.console import Console

from quiz.bank.loader import load_bank
from quiz.scores.rows import PlayerSummary, RankedGame, Stats, Tally
from quiz.terminal.render_bank import QuestionListing, question_table
from quiz.terminal.render_scores import score_table, stats_view
from quiz.terminal.tables import Column, Extent, Fit, Frame, fit, fixed_table
from tests.terminal.test_render_game import render

WIDTHS = (40, 60, 80, 100, 200)


def ranked(rank: int, player: str, score: int) -> RankedGame:
    return RankedGame(
        rank, rank, player, score, 7, 10, 4, 151.0, "2026-11-27T14:02:00.000000Z", (), (), False
    )


GAMES = [ranked(1, "Dwight K. Schrute", 1_234_500), ranked(2, "Pam", 98_700)]


def cells(text: str) -> set[str]:
    return {word for line in text.splitlines() for word in line.split()}


@pytest.mark.parametrize("width", WIDTHS)
def test_bank_list_never_wraps_an_id_or_a_word(width: int) -> None:
    questions = [q for q in load_bank(user=False).questions if q.topic == "Pam Beesly"]
    text = render(QuestionListing(questions), width)
    assert all(q.id in cells(text) for q in questions), text
    assert all(cell_len(line) <= width for line in text.splitlines())
    assert all(set(q.prompt.split()) <= cells(text) for q in questions), text


def test_bank_list_drops_type_then_difficulty_then_topic() -> None:
    questions = load_bank(user=False).questions[:5]
    headers = {w: render(question_table(questions), w).splitlines()[1].split() for w in WIDTHS}
    assert headers[200] == ["id", "topic", "difficulty", "type", "prompt"]
    assert headers[60] == ["id", "prompt"]
    for narrow, wide in pairwise(WIDTHS[1:]):
        assert set(headers[narrow]) <= set(headers[wide])


@pytest.mark.parametrize("width", WIDTHS)
def test_scores_keep_every_score_and_player_whole(width: int) -> None:
    text = render(score_table(GAMES, 1, width), width)
    assert {"1,234,500", "98,700", "Dwight", "Schrute", "Pam"} <= cells(text), text
    assert all(cell_len(line) <= width for line in text.splitlines())
    assert "★1" in cells(text)


def test_scores_drop_streak_first_and_right_answers_last() -> None:
    header = {w: render(score_table(GAMES, None, w), w).splitlines()[1].split() for w in WIDTHS}
    assert header[200] == ["#", "Player", "Score", "Right", "Acc.", "Streak", "Time", "Date"]
    assert "Strk" not in header[60] and "Streak" not in header[60]
    assert header[40][:3] == ["#", "Player", "Score"]


STATS = Stats(
    player=None,
    games=12,
    best=12_300,
    average=6_543.2,
    accuracy=0.61,
    by_topic=(Tally("Dwight Schrute", 3, 4), Tally("Karen Filippelli", 1, 3)),
    by_difficulty=(Tally("medium", 4, 7),),
    hardest=(Tally("pam-kiss-episode", 0, 3),),
    history=(100, 2_000, 12_300),
    players=(
        PlayerSummary("Jim", 8, 12_300, 7_000.0, 0.7, "x"),
        PlayerSummary("Pam", 4, 9_000, 5_000.0, 0.5, "y"),
    ),
)


@pytest.mark.parametrize("width", WIDTHS)
def test_stats_keep_topic_names_and_numbers_whole(width: int) -> None:
    text = render(stats_view(STATS, {"pam-kiss-episode": "Which episode had the kiss?"}), width)
    words = cells(text)
    assert {"Dwight", "Schrute", "Karen", "Filippelli", "12,300", "75%", "(3/4)"} <= words, text
    assert {"Jim", "Pam", "9,000"} <= words
    assert all(cell_len(line) <= width for line in text.splitlines())
    assert "█" in text


NO_FRAME = Frame(edges=0, dividers=False, left=0, right=0, pad_edge=True)  # width is all room


def test_every_column_gets_its_widest_cell_when_that_fits() -> None:
    columns = [Column("id"), Column("prompt", wrap=True)]
    assert fit(columns, [Extent(5, 5), Extent(4, 30)], NO_FRAME, 40) == Fit([0, 1], [5, 30])


@pytest.mark.parametrize(
    ("width", "widths"), [(40, [10, 14, 16]), (30, [10, 10, 10]), (24, [10, 6, 8])]
)
def test_the_widest_wrapping_column_gives_up_cells_first(width: int, widths: list[int]) -> None:
    """Down to the next widest, then both; never below a column's longest word."""
    columns = [Column("id"), Column("topic", wrap=True), Column("prompt", wrap=True)]
    extents = [Extent(10, 10), Extent(6, 14), Extent(8, 60)]
    assert fit(columns, extents, NO_FRAME, width) == Fit([0, 1, 2], widths)


@pytest.mark.parametrize(
    ("width", "shown", "widths"), [(44, [0, 1, 2], [10, 9, 25]), (40, [0, 2], [10, 30])]
)
def test_a_column_leaves_before_a_wrapping_one_goes_below_its_min_width(
    width: int, shown: list[int], widths: list[int]
) -> None:
    columns = [Column("id"), Column("type", drop=1), Column("prompt", wrap=True, min_width=24)]
    extents = [Extent(10, 10), Extent(9, 9), Extent(8, 60)]
    assert fit(columns, extents, NO_FRAME, width) == Fit(shown, widths)
    assert fit(columns, extents, NO_FRAME, 30) == Fit([0, 2], [10, 20])  # nothing left to drop


@pytest.mark.parametrize(("width", "widths"), [(60, [36, 24]), (80, [56, 24]), (120, [60, 60])])
def test_a_cell_too_wide_for_any_layout_folds_beside_a_readable_prompt(
    width: int, widths: list[int]
) -> None:
    """A 60-cell id beside a prompt whose 102-cell word folds anyway: the id folds only
    where it leaves the prompt less than its min_width."""
    columns = [Column("id"), Column("prompt", wrap=True, min_width=24)]
    assert fit(columns, [Extent(60, 60), Extent(102, 102)], NO_FRAME, width) == Fit([0, 1], widths)


@pytest.mark.parametrize("drawn", [box.SIMPLE_HEAD, box.ASCII, box.ROUNDED, None])
@pytest.mark.parametrize("pad_edge", [True, False])
@pytest.mark.parametrize("show_edge", [True, False])
def test_rich_draws_a_fitted_table_exactly_as_wide_as_its_frame_says(
    drawn: Box | None, pad_edge: bool, show_edge: bool
) -> None:
    options = {"box": drawn, "pad_edge": pad_edge, "show_edge": show_edge, "padding": (0, 2)}
    columns = [Column("id"), Column("prompt", wrap=True), Column("n", justify="right")]
    fitted = Fit([0, 1, 2], [7, 12, 3])
    table = fixed_table(columns, fitted, **options)
    table.add_row("pam-art", "Which art school did Pam go to?", "42")
    console = Console(file=io.StringIO(), width=80, color_system=None)
    console.print(table)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert {cell_len(line) for line in text.splitlines()} == {
        sum(fitted.widths) + Frame.of(table).extra(3)
    }
    assert {"Which", "art", "school", "did", "Pam", "go", "to?"} <= cells(text)
