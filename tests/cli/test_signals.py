"""Interactive play stopped by SIGTERM or SIGHUP: the terminal is restored, nothing is saved."""

from __future__ import annotations

import contextlib
import signal
import sqlite3
from pathlib import Path

import pexpect
import pytest

from tests.keys import right_keys
from tests.pty_terminal import Spawn, first_line, seeded_game

SHOW_CURSOR, HIDE_CURSOR = "\x1b[?25h", "\x1b[?25l"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_mid_game_restores_the_terminal_and_saves_nothing(
    run_quiz: Spawn, quiz_home: Path, signum: int
) -> None:
    asked = seeded_game(11, 2)[0]
    quiz = run_quiz("play", "--seed", "11", "--count", "2", "--player", "Jim", "--type", "choice")
    quiz.expect(first_line(asked))
    quiz.child.kill(signum)
    quiz.child.expect(pexpect.EOF)
    quiz.child.close()
    assert quiz.child.exitstatus == 128 + signum, (quiz.child.exitstatus, quiz.child.signalstatus)
    raw = quiz.log.getvalue()
    assert raw.rfind(SHOW_CURSOR) > raw.rfind(HIDE_CURSOR), repr(raw[-600:])
    assert f"Quiz stopped ({signal.Signals(signum).name})" in quiz.screen
    assert "Traceback" not in quiz.screen
    assert not (quiz_home / "scores.db").exists()


def test_a_signal_at_play_again_keeps_the_finished_game(run_quiz: Spawn, quiz_home: Path) -> None:
    asked = seeded_game(11, 1)[0]
    quiz = run_quiz("play", "--seed", "11", "--count", "1", "--player", "Jim", "--type", "choice")
    quiz.expect(first_line(asked))
    quiz.answer_last_question(right_keys(asked))
    quiz.child.kill(signal.SIGTERM)
    quiz.child.expect(pexpect.EOF)
    quiz.child.close()
    assert quiz.child.exitstatus == 128 + signal.SIGTERM
    raw = quiz.log.getvalue()
    assert raw.rfind(SHOW_CURSOR) > raw.rfind(HIDE_CURSOR)
    with contextlib.closing(sqlite3.connect(quiz_home / "scores.db")) as db:
        assert db.execute("SELECT player FROM games").fetchall() == [("Jim",)]
