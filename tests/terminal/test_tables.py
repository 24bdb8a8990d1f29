"""Narrow layouts drop whole columns by importance and never cut an id, a number or a word."""

from __future__ import annotations

from itertools import pairwise

import pytest
from rich.cells import cell_len

from quiz.bank.loader import load_bank
from quiz.scores.rows import PlayerSummary, RankedGame, Stats, Tally
from quiz.terminal.render_bank import QuestionListing, question_table
from quiz.terminal.render_scores import score_table, stats_view
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
