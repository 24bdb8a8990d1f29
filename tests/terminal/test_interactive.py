"""The game prompts through prompt_toolkit pipe input: keys typed ahead are dropped, the
countdown shrinks. Whole games on a real terminal are in tests/cli/test_e2e_pty.py."""

from __future__ import annotations

import select
from collections.abc import Iterator

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from quiz.terminal import prompts

ENTER = "\r"


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


def test_keys_pressed_before_a_question_is_drawn_do_not_answer_it(keys: PipeInput) -> None:
    keys.send_text(ENTER + "x" + ENTER)
    answer = prompts.choose_one(("Sabre", "Lotto"), time_limit=0.5)
    assert answer.value is prompts.TIMED_OUT
    assert answer.seconds >= 0.5


def test_a_typed_answer_ahead_of_the_prompt_is_dropped_too(keys: PipeInput) -> None:
    keys.send_text("Krasinski" + ENTER)
    assert prompts.type_answer(time_limit=0.5).value is prompts.TIMED_OUT


def test_discarding_leaves_nothing_to_read(keys: PipeInput) -> None:
    keys.send_text("abc" + ENTER * 3)
    prompts.discard_typed_ahead()
    assert select.select([keys.fileno()], [], [], 0)[0] == []


def bar_text(left: float, limit: float) -> str:
    return "".join(fragment[1] for fragment in prompts.countdown_bar(left, limit))


def test_countdown_bar_shrinks_and_says_the_seconds_left() -> None:
    full, half, last = bar_text(20, 20), bar_text(10, 20), bar_text(0.4, 20)
    assert full == "⏱ " + "█" * 20 + "  20 s"
    assert half == "⏱ " + "█" * 10 + "░" * 10 + "  10 s"
    assert last == "⏱ " + "█" + "░" * 19 + "   1 s"


def test_countdown_colour_only_repeats_what_the_bar_shows() -> None:
    calm = prompts.countdown_bar(15, 20)[1][0]
    urgent = prompts.countdown_bar(4, 20)[1][0]
    assert "green" in calm and "red" in urgent
