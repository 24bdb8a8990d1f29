"""Play on the installed `quiz` on a real terminal (a pty): what only a terminal shows (keys typed
ahead, screens cleared, wrapping, the countdown bar). The game's logic is tested in-process."""

from __future__ import annotations

import re

import pytest

from quiz.engine.scoring import points_parts
from tests.keys import CTRL_C, CTRL_U, DOWN, ENTER, keys_for, right_keys, wrong_option
from tests.pty_terminal import NEXT, PROMPT, RESULTS, Spawn, first_line, play_args, seeded_game


def test_seeded_game_answered_right_reveals_each_answer_and_its_points(run_quiz: Spawn) -> None:
    game = seeded_game(11, 4)
    parts = [points_parts(a.question.difficulty, n, 0.0, None) for n, a in enumerate(game, 1)]
    quiz = run_quiz(*play_args(11, 4, "--player", "Tester"))
    for number, (asked, earned) in enumerate(zip(game, parts, strict=True), start=1):
        quiz.expect(f"{number}/4")
        quiz.expect(first_line(asked))
        quiz.expect(PROMPT)
        quiz.send(right_keys(asked))
        quiz.expect(NEXT if number < 4 else RESULTS)
        screen = quiz.display()
        # The reveal's header: this answer's mark in the progress row, its points in the score.
        assert screen[0].startswith("✓" * number + "○" * (4 - number) + f" {number}/4")
        score = sum(p.total for p in parts[:number])
        assert screen[0].endswith(f"Score {score:,}"), screen
        assert f"✓ {asked.question.answers[0]}" in "\n".join(screen)
        assert "your answer" in "\n".join(screen)
        bonus = f" = {earned.base:,} + {earned.streak} streak" if earned.streak else " points"
        assert f"✓ Correct! +{earned.total:,}{bonus}" in screen, screen
        quiz.send(ENTER)
    quiz.expect("Play again?")
    final = "\n".join(quiz.display())
    total = sum(p.total for p in parts)
    assert re.search(rf"│ Score\s+{re.escape(f'{total:,}')}\s", final), final
    assert re.search(r"│ Correct\s+4/4\s", final)
    assert re.search(r"│ Player\s+Tester\s", final)
    assert "quiz play --seed 11 --count 4 --type choice" in final
    quiz.send("n")
    assert quiz.exit_status() == 0
    assert "Traceback" not in quiz.screen


def test_a_fast_double_enter_never_answers_the_next_question(run_quiz: Spawn) -> None:
    first, second = seeded_game(3, 2)
    quiz = run_quiz(*play_args(3, 2, "--player", "Tester"))
    quiz.expect(first_line(first))
    quiz.expect(PROMPT)
    quiz.send(right_keys(first) + ENTER + ENTER)  # answer, then two Enters at once
    quiz.expect(NEXT)
    quiz.send(ENTER)
    quiz.expect(first_line(second))
    quiz.expect(PROMPT)
    pick = wrong_option(second)
    quiz.send(keys_for(second, pick))
    quiz.expect(RESULTS)
    screen = "\n".join(quiz.display())
    assert re.search(rf"✗ {re.escape(pick)}\s+your answer", screen), screen
    assert re.search(rf"✓ {re.escape(second.question.answers[0])}\s+right answer", screen)
    assert "2/2" in screen and "Score" in screen
    quiz.send(ENTER)
    quiz.expect("Play again?")
    quiz.send("n")
    assert quiz.exit_status() == 0


def test_each_question_has_a_screen_of_its_own(run_quiz: Spawn) -> None:
    first, second = seeded_game(6, 2)
    quiz = run_quiz(*play_args(6, 2, "--player", "Tester"))
    quiz.expect(first_line(first))
    quiz.expect(PROMPT)
    quiz.send(ENTER)
    quiz.expect(NEXT)
    quiz.send(ENTER)
    quiz.expect(first_line(second))
    quiz.expect(PROMPT)
    screen = "\n".join(quiz.display())
    assert first.question.prompt[:20] not in screen
    assert "2/2" in screen
    quiz.send(CTRL_C)
    quiz.expect("Quiz aborted")
    assert quiz.exit_status() == 130


@pytest.mark.parametrize("columns", [40, 80])
def test_end_screen_keeps_the_result_panel_on_a_35_line_screen(
    run_quiz: Spawn, columns: int
) -> None:
    quiz = run_quiz(*play_args(8, 10, "--player", "Tester"), size=(35, columns))
    for number in range(1, 11):
        quiz.expect(f"{number}/10")
        quiz.expect(PROMPT)
        quiz.send(ENTER)  # the first option, right or wrong
        quiz.expect(NEXT if number < 10 else RESULTS)
        quiz.send(ENTER)
    quiz.expect("Play again?")
    screen = quiz.display()
    # The review shows every answer whole: at 40 columns it may start above the screen, but
    # the result panel, the replay line and the question are on it.
    rows = quiz.scrollback() + screen
    text = "\n".join(rows)
    start = max(i for i, row in enumerate(rows) if row == "Review")
    order = ["Review", "★1", "╭─ Final score", "│ Score", "Replay this exact quiz:", "Play again?"]
    positions = [
        next(i for i, row in enumerate(rows) if i >= start and mark in row) for mark in order
    ]
    assert positions == sorted(positions), text
    on_screen = "\n".join(screen)
    assert all(mark in on_screen for mark in order[2:]), on_screen
    review = rows[start + 1 : positions[1]]
    assert sum(row[:1] in "✓✗" and row[1:2] == " " for row in review if row) == 10, text
    assert "quiz play --seed 8 --count 10 --type choice" in text.replace(" \\\n  ", " ")
    quiz.send("n")
    assert quiz.exit_status() == 0


def test_no_word_is_cut_at_40_columns(run_quiz: Spawn) -> None:
    game = seeded_game(13, 3)
    quiz = run_quiz(*play_args(13, 3, "--player", "Tester"), size=(40, 40))
    for asked in game:
        quiz.expect(PROMPT)
        quiz.expect("(skip this question)")  # the last line of the menu: all of it is drawn
        words = {w for row in quiz.display() for w in row.split()}
        assert set(asked.question.prompt.split()) <= words, quiz.display()
        assert all(set(o.split()) <= words for o in asked.options), quiz.display()
        quiz.send(ENTER)
        quiz.expect(NEXT if asked is not game[-1] else RESULTS)
        words = {w for row in quiz.display() for w in row.split()}
        assert set(asked.question.explanation.split()) <= words, quiz.display()
        quiz.send(ENTER)
    quiz.expect("Play again?")
    quiz.send("n")
    assert quiz.exit_status() == 0


def test_timed_out_question_leaves_no_countdown_behind(run_quiz: Spawn) -> None:
    asked = seeded_game(4, 1)[0]
    quiz = run_quiz(*play_args(4, 1, "--player", "Tester", "--time-limit", "5"), color=True)
    quiz.expect(first_line(asked))
    quiz.expect(PROMPT)
    quiz.expect("█")
    assert any(row.startswith("⏱ █") for row in quiz.display())
    quiz.expect("Time's up")
    quiz.expect(RESULTS)
    rows = quiz.display() + quiz.scrollback()
    assert not any("█" in row or "░" in row for row in rows), rows
    assert "⏱ Time's up: no points." in rows
    quiz.send(ENTER)
    quiz.expect("Play again?")
    assert any(row.startswith("⏱ 1.") for row in quiz.display())
    quiz.send("n")
    assert quiz.exit_status() == 0


def test_quiz_alone_opens_the_main_menu(run_quiz: Spawn) -> None:
    quiz = run_quiz()
    quiz.expect("Halpert Quiz")
    quiz.expect("Quit")
    menu = "\n".join(quiz.display())
    entries = ["Play a quiz", "Daily challenge", "Practice", "Party", "Host a live game",
               "Join a live game", "High scores", "Stats", "Add a question", "Quit"]  # fmt: skip
    rows = [row for row in quiz.display() if row.strip()]
    assert [next(e for e in entries if e in row) for row in rows[1:]] == entries, menu
    quiz.send(DOWN * 6 + ENTER)  # High scores
    quiz.expect("No games yet")
    quiz.expect("Press Enter to return to the menu")
    quiz.send("x")  # nothing but Enter goes back: what the command showed stays to be read
    assert "No games yet" in "\n".join(quiz.display())
    quiz.send(ENTER)
    quiz.expect("Halpert Quiz")
    quiz.expect("Quit")
    quiz.send("8")  # its number picks Stats at once
    quiz.expect("Press Enter to return to the menu")
    quiz.send(ENTER)
    quiz.expect("Quit")
    quiz.send(DOWN * 9 + ENTER)  # Quit
    assert quiz.exit_status() == 0


def test_menu_plays_a_game_and_comes_back(run_quiz: Spawn) -> None:
    quiz = run_quiz()
    quiz.expect("Play a quiz")
    quiz.send(ENTER)
    quiz.expect("Your name:")
    quiz.send(CTRL_U + "Menu" + ENTER)
    quiz.expect("1/10")
    quiz.send(CTRL_C)
    quiz.expect("Quiz aborted")
    assert quiz.exit_status() == 130
