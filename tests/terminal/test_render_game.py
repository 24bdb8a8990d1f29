"""The Rich views of a game: header, question, reveal, review and result panel, 40 to 200 columns."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console, RenderableType

from quiz.engine.game import Game
from quiz.models import AnswerRecord, AskedQuestion, GameResult, GameSettings, Outcome, Question
from quiz.scores.rows import Placement
from quiz.terminal.render_end import ReplayLines, Review, answers_text, result_panel
from quiz.terminal.render_game import (
    AHEAD,
    PROGRESS_CELLS,
    READING_WIDTH,
    Progress,
    header,
    progress_row,
    question_screen,
)
from quiz.terminal.render_reveal import reveal
from quiz.terminal.wording import answer_text, given_text
from tests.samples import ORDER

WIDTHS = (40, 80, 200)
R, W = Outcome.RIGHT, Outcome.WRONG
LONG_NOTICE = "Daily challenge for 2026-12-06 (UTC): 5 questions, one ranked try [/] for [red]Jim."
PLAYER = "[red]Jim[/] 🎉"
PROMPT = "Which card did Jim sign [/] and [red]x with a 🎉 for Pam, long before anyone at the office noticed?"
EXPLANATION = (
    "He signed it [/] [red]x 🎉 at the party, and everyone else in the office missed what it meant."
)

CARD = Question(
    id="card",
    topic="Jim Halpert",
    difficulty="medium",
    type="choice",
    prompt=PROMPT,
    answers=("Teapot [/]",),
    choices=("Teapot [/]", "Yearbook", "Birthday"),
    explanation=EXPLANATION,
)
SURNAME = Question(
    id="surname",
    topic="John Krasinski",
    difficulty="hard",
    type="text",
    prompt="What is the actor's surname?",
    answers=("Krasinski",),
)
EPISODES = Question(
    id="episodes",
    topic="John Krasinski",
    difficulty="hard",
    type="multi",
    prompt="Which of these episodes did Krasinski direct?",
    answers=("Sabre", "Lotto"),
    choices=("Sabre", "Lotto", "Niagara", "Stress Relief"),
)


def render(view: RenderableType, width: int) -> str:
    console = Console(
        record=True,
        width=width,
        force_terminal=False,
        color_system=None,
        highlight=False,
        file=io.StringIO(),
    )
    console.print(view)
    return console.export_text()


def squeeze(text: str) -> str:
    """Text with all whitespace removed, so wrapped lines compare with the original."""
    return "".join(text.split())


def assert_words_whole(rendered: str, source: str) -> None:
    """Every word of `source` is on one line of `rendered`: nothing was wrapped mid-word."""
    words = {w for line in rendered.splitlines() for w in line.split()}
    for word in source.split():
        assert word in words, f"{word!r} was cut: {rendered}"


def played(time_limit: int | None = None) -> tuple[list[AnswerRecord], Game, GameResult]:
    """Right, right with a typo, wrong, timed out, skipped, then a select-all half right."""
    asked = [
        AskedQuestion(CARD, CARD.choices),
        AskedQuestion(SURNAME, ()),
        AskedQuestion(CARD, ("Yearbook", "Teapot [/]", "Birthday")),
        AskedQuestion(CARD, CARD.choices),
        AskedQuestion(SURNAME, ()),
        AskedQuestion(EPISODES, EPISODES.choices),
    ]
    game = Game(asked, GameSettings(seed=1, count=6, time_limit=time_limit))
    records = [
        game.answer(("Teapot [/]",), 2.0),
        game.answer(("Krasinsky",), 3.0),
        game.answer(("Yearbook",), 4.0),
        game.answer((), 30.0, timed_out=True),
        game.answer((), 1.0),
        game.answer(("Sabre", "Niagara"), 5.0),
    ]
    return records, game, game.result(PLAYER, 0.0, 95.0)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_view_fits_the_width_and_the_reading_width(width: int) -> None:
    records, game, result = played()
    views: list[RenderableType] = [
        question_screen(Progress(3, 10, 12_345, 4), records[0].asked, [LONG_NOTICE]),
        *(reveal(r, game.points_parts(r)) for r in records),
        result_panel(result, Placement(1, 3, result.score, None)),
    ]
    for view in views:
        for line in render(view, width).splitlines():
            assert cell_len(line) <= min(width, READING_WIDTH), f"{line!r}"


@pytest.mark.parametrize("width", WIDTHS)
def test_question_screen_wraps_the_prompt_at_word_boundaries(width: int) -> None:
    records, _, _ = played()
    screen = question_screen(Progress(3, 10, 2_100, 2, (R, W)), records[0].asked)
    text = render(screen, width)
    assert_words_whole(text, PROMPT)
    for part in ("✓✗●○○○○○○○ 3/10", "Jim Halpert · medium", "Score 2,100", "Streak 2"):
        assert part in text, f"{part!r} missing from {text!r}"


def test_progress_row_marks_each_answered_question_without_needing_colour() -> None:
    outcomes = (R, W, Outcome.SKIPPED, Outcome.TIMED_OUT)
    assert progress_row(Progress(1, 3, 0, 0)).plain == "●○○ 1/3"
    row = progress_row(Progress(5, 6, 0, 0, outcomes))
    assert row.plain == "✓✗↷⏱●○ 5/6"
    colours = [str(row.get_style_at_offset(Console(), at).color.name) for at in range(4)]  # type: ignore[union-attr]
    assert colours == ["green", "red", "yellow", "red"]


def test_progress_row_of_a_long_game_shows_the_questions_around_this_one() -> None:
    start = progress_row(Progress(2, 100, 0, 0, (R,)))
    assert start.plain == "✓●" + "○" * (PROGRESS_CELLS - 2) + "… 2/100"
    middle = progress_row(Progress(50, 100, 0, 0, (W,) * 49))
    past = PROGRESS_CELLS - AHEAD - 1
    assert middle.plain == "…" + "✗" * past + "●" + "○" * AHEAD + "… 50/100"
    end = progress_row(Progress(100, 100, 0, 0, (R,) * 99))
    assert end.plain == "…" + "✓" * (PROGRESS_CELLS - 1) + "● 100/100"


def test_survival_shows_no_questions_to_come() -> None:
    first = progress_row(Progress(1, 145, 0, 0, open_ended=True))
    assert first.plain == "● 1"
    later = progress_row(Progress(40, 145, 0, 0, (R, W) * 19 + (R,), open_ended=True))
    assert later.plain == "…" + ("✗✓" * 8)[1:] + "● 40"


@pytest.mark.parametrize("width", WIDTHS)
def test_header_shows_score_with_thousands_separators(width: int) -> None:
    _, game, _ = played()
    text = render(header(Progress(7, 6, 1_234_567, 0), game.asked[0]), width)
    assert "Score 1,234,567" in text


def reveal_lines(record: AnswerRecord, game: Game, width: int = 80) -> list[str]:
    return [
        line.rstrip()
        for line in render(reveal(record, game.points_parts(record)), width).splitlines()
    ]


def test_reveal_of_a_right_pick_marks_it_and_adds_the_points_up() -> None:
    records, game, _ = played()
    lines = reveal_lines(records[0], game)
    assert lines[:3] == [
        "  ✓ Teapot [/] your answer",
        "    Yearbook",
        "    Birthday",
    ]
    assert "✓ Correct! +1,000 points" in lines


def test_reveal_of_a_wrong_pick_crosses_it_and_ticks_the_right_one() -> None:
    records, game, _ = played()
    lines = reveal_lines(records[2], game)
    assert lines[:3] == [
        "  ✗ Yearbook   your answer",
        "  ✓ Teapot [/] right answer",
        "    Birthday",
    ]
    assert "✗ Wrong: no points." in lines
    assert squeeze(EXPLANATION) in squeeze("".join(lines))


def test_reveal_shows_the_streak_part_of_the_points() -> None:
    records, game, _ = played()
    text = "\n".join(reveal_lines(records[1], game))
    assert "✓ Krasinsky your answer" in text
    assert "✓ Krasinski right answer" in text
    assert "✓ Correct! +1,600 = 1,500 + 100 streak" in text
    assert "Typo forgiven: it is spelled Krasinski." in text


def test_reveal_in_timed_mode_shows_the_speed_part() -> None:
    records, game, _ = played(time_limit=20)
    parts = game.points_parts(records[1])
    assert parts is not None and parts.total == records[1].points
    text = "\n".join(reveal_lines(records[1], game))
    # A typed answer gets 1.5 x 20 = 30 s; 3 s of 30: round(1500 x (1 - 0.1 / 2)) = 1425, so 75
    # less; streak of 2: +100
    assert "✓ Correct! +1,525 = 1,500 - 75 time + 100 streak (answered in 3.0s)" in text


def test_reveal_of_select_all_gives_every_option_its_state() -> None:
    records, game, _ = played()
    lines = reveal_lines(records[5], game)
    assert lines[:4] == [
        "  ✓ Sabre         ticked, right",
        "  ○ Lotto         missed",
        "  ✗ Niagara       ticked, wrong",
        "    Stress Relief",
    ]


@pytest.mark.parametrize(
    ("index", "verdict"), [(3, "⏱ Time's up: no points."), (4, "↷ Skipped: no points.")]
)
def test_reveal_of_no_answer_says_why_and_shows_the_answer(index: int, verdict: str) -> None:
    records, game, _ = played()
    text = "\n".join(reveal_lines(records[index], game))
    assert verdict in text
    assert "your answer" not in text
    assert "right answer" in text


@pytest.mark.parametrize("width", (40, 80))
def test_reveal_wraps_long_options_and_explanations_at_word_boundaries(width: int) -> None:
    long = Question(
        id="long",
        topic="Jim Halpert",
        difficulty="easy",
        type="choice",
        prompt="Which?",
        answers=("He steered the whole wedding party over to Kevin's bar at the very end",),
        choices=("He steered the whole wedding party over to Kevin's bar at the very end", "No"),
        explanation=EXPLANATION,
    )
    game = Game([AskedQuestion(long, long.choices)], GameSettings(seed=1))
    record = game.answer(("No",), 1.0)
    text = render(reveal(record, game.points_parts(record)), width)
    assert_words_whole(text, long.choices[0])
    assert_words_whole(text, EXPLANATION)


REVIEW_80 = [
    "Review",
    "✓ 1.  Which card did Jim sign [/] and      Teapot [/]                     +1,000",
    "      [red]x with a 🎉 for Pam, long",
    "      before anyone at the office",
    "      noticed?",
    "✓ 2.  What is the actor's surname?         Krasinsky (spelled Krasinski)  +1,600",
    "✗ 3.  Which card did Jim sign [/] and      Yearbook → Teapot [/]               0",
    "      [red]x with a 🎉 for Pam, long",
    "      before anyone at the office",
    "      noticed?",
    "⏱ 4.  Which card did Jim sign [/] and      (time ran out) → Teapot [/]         0",
    "      [red]x with a 🎉 for Pam, long",
    "      before anyone at the office",
    "      noticed?",
    "↷ 5.  What is the actor's surname?         (skipped) → Krasinski               0",
    "✗ 6.  Which of these episodes did          Sabre; Niagara → Sabre; Lotto       0",
    "      Krasinski direct?",
]


def test_review_gives_each_question_its_mark_the_answers_and_the_points() -> None:
    lines = [line.rstrip() for line in render(Review(played()[2]), 80).splitlines()]
    assert lines == REVIEW_80


@pytest.mark.parametrize("width", range(40, 201, 8))
def test_review_shows_every_answer_whole_at_any_width(width: int) -> None:
    records, _, result = played()
    text = render(Review(result), width)
    assert "…" not in text
    for record in records:
        assert_words_whole(text, answer_text(record.question))
        assert_words_whole(text, given_text(record))
        if width >= 64:
            assert_words_whole(text, record.question.prompt)
    for line in text.splitlines():
        assert cell_len(line.rstrip()) <= width


def test_review_arrow_leads_only_to_the_right_answer_of_a_miss() -> None:
    order = ORDER
    game = Game([AskedQuestion(order, order.choices)] * 2, GameSettings(seed=1, count=2))
    game.answer(order.answers, 1.0)
    game.answer(("The proposal", "The first kiss", "The wedding"), 1.0)
    typo = played()[0][1]
    text = render(Review(game.result("P", 0, 1)), 200)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert lines[1].endswith("happen. The first kiss, The proposal, The wedding +1,000")
    assert "happen. The proposal, The first kiss, The wedding → The first kiss," in lines[2]
    assert "→" not in lines[1] and lines[2].count("→") == 1
    assert answers_text(typo).plain == "Krasinsky (spelled Krasinski)"


@pytest.mark.parametrize("width", WIDTHS)
def test_result_panel_shows_the_totals_and_a_banner_for_a_high_score(width: int) -> None:
    result = played()[2]
    text = render(result_panel(result, Placement(1, 4, result.score, 900)), width)
    rows = {squeeze(line).strip("│") for line in text.splitlines()}
    assert "★Newhighscore!★" in rows
    assert "Player" + squeeze(PLAYER) in rows
    for row in ("Score2,600", "Correct2/6", "Accuracy33%", "Beststreak2", "Time1:35"):
        assert row in rows
    assert "Place#1of4" in rows
    assert "Yourbest2,600" in rows


def test_result_panel_without_a_record_has_no_banner() -> None:
    result = played()[2]
    text = render(result_panel(result, Placement(3, 4, 9_000, 9_000)), 80)
    assert "★" not in text
    assert "Place        #3 of 4" in text
    assert "Place" not in render(result_panel(result, None), 80)


@pytest.mark.parametrize("width", (40, 80))
def test_replay_lines_break_between_words_with_a_shell_continuation(width: int) -> None:
    command = "quiz play --seed 9 --count 10 --topic 'Pam Beesly' --difficulty hard --time-limit 20"
    lines = render(ReplayLines(command), width).splitlines()
    assert lines[0] == "Replay this exact quiz:"
    assert all(len(line) <= width for line in lines)
    joined = " ".join(line.rstrip("\\ ").strip() for line in lines[1:])
    assert joined == command
    assert all(line.endswith(" \\") for line in lines[1:-1])


@pytest.mark.parametrize("width", [40, 100, 200])
def test_a_mode_s_own_banner_is_plain_and_wraps_in_the_reading_band(width: int) -> None:
    result = played()[2]
    unranked = (
        "Unranked: your first attempt at the 2026-12-06 challenge stands (5,400 points, #1 of 3)"
    )
    for banner in (unranked, "Practice: not ranked in the high scores"):
        text = render(result_panel(result, None, banner), width)
        assert "★" not in text
        assert_words_whole(text, banner)
        assert max(cell_len(line.rstrip()) for line in text.splitlines()) <= READING_WIDTH
