"""The Rich views of a game (header, feedback, summary, review) at narrow and wide widths."""

from __future__ import annotations

import io
import re

import pytest
from rich.cells import cell_len
from rich.console import Console, RenderableType

from quiz.engine.game import Game
from quiz.models import AnswerRecord, AskedQuestion, GameResult, GameSettings, Question
from quiz.terminal.render_game import Review, feedback, header, review, summary

WIDTHS = (40, 120)
PLAYER = "[red]Jim[/] 🎉"
PROMPT = "Which card did Jim sign [/] and [red]x with a 🎉 for Pam?"
EXPLANATION = "He signed it [/] [red]x 🎉 at the party."

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


def played() -> tuple[list[AnswerRecord], GameResult]:
    """A five-question game: right, right with a typo, wrong, timed out, skipped."""
    asked = [
        AskedQuestion(CARD, CARD.choices),
        AskedQuestion(SURNAME, ()),
        AskedQuestion(CARD, ("Yearbook", "Teapot [/]", "Birthday")),
        AskedQuestion(CARD, CARD.choices),
        AskedQuestion(SURNAME, ()),
    ]
    game = Game(asked, GameSettings(seed=1, count=5))
    records = [
        game.answer(("Teapot [/]",), 2.0),
        game.answer(("Krasinsky",), 3.0),
        game.answer(("Yearbook",), 4.0),
        game.answer((), 30.0, timed_out=True),
        game.answer((), 1.0),
    ]
    return records, game.result(PLAYER, 0.0, 95.0)


def review_rows(table_text: str) -> list[list[str]]:
    """The review table's rows as cell texts, each with its wrapped lines joined unspaced.

    Columns are told apart by where the cells start on a row's first line (cells are at
    least two spaces apart); a row goes on until the next row number or a blank line.
    """
    lines = table_text.splitlines()
    body = lines[next(i for i, line in enumerate(lines) if "───" in line) + 1 :]
    rows: list[list[str]] = []
    starts: list[int] = []
    for line in body:
        if not line.strip():
            break
        if line[:5].strip().isdigit():
            starts = [cell_len(line[: m.start()]) for m in re.finditer(r"\S+(?: \S+)*", line)]
            rows.append([""] * len(starts))
        position = 0
        for char in line:
            column = sum(start <= position for start in starts) - 1
            if column >= 0 and not char.isspace():
                rows[-1][column] += char
            position += cell_len(char)
    return rows


@pytest.mark.parametrize("width", WIDTHS)
def test_every_view_fits_the_terminal_width(width: int) -> None:
    records, result = played()
    views: list[RenderableType] = [
        header(3, 10, records[0].asked, 12_345, 4),
        *(feedback(record) for record in records),
        summary(result),
        review(result),
    ]
    for view in views:
        for line in render(view, width).splitlines():
            assert cell_len(line) <= width, f"{cell_len(line)} cells: {line!r}"


@pytest.mark.parametrize("width", WIDTHS)
def test_header_shows_position_topic_difficulty_score_and_streak(width: int) -> None:
    questions = [AskedQuestion(CARD, CARD.choices)] * 10
    game = Game(questions, GameSettings(seed=1))
    game.answer(("Teapot [/]",), 1.0)
    game.answer(("Teapot [/]",), 1.0)
    text = render(header(len(game.records) + 1, 10, game.current, game.score, game.streak), width)
    assert game.score == 2_100
    for part in ("Question 3 of 10", "Jim Halpert", "medium", "Score 2,100", "Streak 2"):
        assert part in text, f"{part!r} missing from {text!r}"


@pytest.mark.parametrize("width", WIDTHS)
def test_feedback_marks_right_with_a_tick_and_shows_points(width: int) -> None:
    right = played()[0][0]
    text = squeeze(render(feedback(right), width))
    assert text.startswith("✓Correct!")
    assert "+1,000points" in text
    assert "✗" not in text
    assert "Typoforgiven" not in text
    assert squeeze(EXPLANATION) in text


@pytest.mark.parametrize("width", WIDTHS)
def test_feedback_says_when_a_typo_was_forgiven(width: int) -> None:
    typo = played()[0][1]
    assert typo.typo_forgiven
    text = render(feedback(typo), width)
    assert squeeze(text).startswith("✓Correct!")
    assert "Typo forgiven" in text
    assert "Krasinski" in squeeze(text)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("index", "verdict"), [(2, "✗ Wrong."), (3, "✗ Time's up.")])
def test_feedback_marks_wrong_and_timed_out_with_a_cross_and_the_answer(
    width: int, index: int, verdict: str
) -> None:
    record = played()[0][index]
    text = render(feedback(record), width)
    assert text.startswith(verdict)
    assert "✓" not in text
    assert squeeze("The answer is Teapot [/].") in squeeze(text)
    assert squeeze(EXPLANATION) in squeeze(text)


@pytest.mark.parametrize("width", WIDTHS)
def test_feedback_for_a_skip_has_no_tick_and_gives_the_answer(width: int) -> None:
    skipped = played()[0][4]
    text = render(feedback(skipped), width)
    assert "Skipped" in text
    assert "✓" not in text
    assert squeeze("The answer is Krasinski.") in squeeze(text)


@pytest.mark.parametrize("width", WIDTHS)
def test_summary_shows_player_name_literally_and_the_totals(width: int) -> None:
    text = render(summary(played()[1]), width)
    rows = {squeeze(line).strip("│") for line in text.splitlines()}
    assert "Player" + squeeze(PLAYER) in rows
    assert "Score2,600" in rows
    assert "Correct2/5" in rows
    assert "Accuracy40%" in rows
    assert "Beststreak2" in rows
    assert "Time1:35" in rows


@pytest.mark.parametrize("width", WIDTHS)
def test_review_shows_prompt_and_answers_literally(width: int) -> None:
    text = render(review(played()[1]), width)
    assert text.lstrip().startswith("Review")
    prompt, teapot = squeeze(PROMPT), squeeze("Teapot [/]")
    if width < Review.NARROW:
        # Narrow screens get a list: mark, number, prompt, then the two answers.
        flat = squeeze(text)
        assert f"✓1.{prompt}You:{teapot}Answer:{teapot}(1,000points)" in flat
        assert f"✓2.{squeeze(SURNAME.prompt)}You:KrasinskyAnswer:Krasinski(1,600points)" in flat
        assert f"✗4.{prompt}You:(timeranout)Answer:{teapot}(0points)" in flat
        assert f"✗5.{squeeze(SURNAME.prompt)}You:(skipped)Answer:Krasinski(0points)" in flat
        return
    assert review_rows(text) == [
        ["1", "✓", prompt, teapot, teapot, "1,000"],
        ["2", "✓", squeeze(SURNAME.prompt), "Krasinsky", "Krasinski", "1,600"],
        ["3", "✗", prompt, "Yearbook", teapot, "0"],
        ["4", "✗", prompt, "(timeranout)", teapot, "0"],
        ["5", "✗", squeeze(SURNAME.prompt), "(skipped)", "Krasinski", "0"],
    ]
