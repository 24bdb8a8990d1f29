"""`quiz stats` bars: topic and difficulty bars start in one column and are equally long, and
every percentage sits in one column, at every width; nothing runs past the screen."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from quiz.scores.rows import Stats, Tally
from quiz.terminal.render_scores import stats_view
from tests.terminal.test_render_game import render

# Counts of one and two digits, as a player soon has: "7% (1/15)" beside "12% (1/8)".
STATS = Stats(
    player="Pam",
    games=4,
    best=3_500,
    average=1_500.0,
    accuracy=0.15,
    by_topic=(Tally("Dwight Schrute", 1, 5), Tally("Karen Filippelli", 1, 7)),
    by_difficulty=(Tally("easy", 1, 15), Tally("medium", 4, 17), Tally("hard", 1, 8)),
    hardest=(),
    history=(3_500, 1_000),
    players=(),
)
BAR = re.compile("[█░]+")


def bar_lines(width: int) -> list[str]:
    text = render(stats_view(STATS, {}), width)
    assert all(cell_len(line) <= width for line in text.splitlines()), text
    return [line for line in text.splitlines() if "%" in line and "(" in line]


@pytest.mark.parametrize("width", [40, 41, 50, 60, 80, 120])
def test_bars_and_percentages_line_up_across_topics_and_difficulties(width: int) -> None:
    lines = bar_lines(width)
    assert len(lines) == 5
    bars = [BAR.search(line) for line in lines]
    assert all(bars), lines
    assert len({(b.start(), b.end()) for b in bars if b}) == 1, "\n".join(lines)
    assert len({line.index("%") for line in lines}) == 1, "\n".join(lines)
    assert len({line.index("(") for line in lines}) == 1, "\n".join(lines)


def test_a_bar_grows_to_twenty_cells_and_no_further() -> None:
    assert {len(BAR.findall(line)[0]) for line in bar_lines(120)} == {20}
    assert {len(BAR.findall(line)[0]) for line in bar_lines(40)} == {40 - 34}


def test_a_screen_too_narrow_for_a_bar_keeps_the_numbers_whole() -> None:
    lines = bar_lines(28)
    assert not any(BAR.search(line) for line in lines)
    assert {"(1/15)", "(4/17)", "(1/8)", "7%", "12%"} <= {w for line in lines for w in line.split()}
