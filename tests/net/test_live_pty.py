"""Live play on real terminals: an interactive host at 100 columns and a player at 40."""

from __future__ import annotations

import pytest

from tests.cli.test_e2e_pty import ENTER, PROMPT, Spawn, run_quiz
from tests.net.test_player import free_port

pytestmark = [pytest.mark.slow, pytest.mark.pty]
__all__ = ["run_quiz"]


def test_a_live_game_on_two_terminals(run_quiz: Spawn) -> None:
    port = str(free_port())
    host = run_quiz(
        "host", "--bind", "127.0.0.1", "--port", port, "--code", "beets", "--count", "1",
        "--type", "choice", "--seed", "3", size=(30, 100),
    )  # fmt: skip
    host.expect(f"quiz join 127.0.0.1:{port} BEETS")
    pam = run_quiz("join", f"127.0.0.1:{port}", "beets", "--player", "Pam", size=(30, 40))
    pam.expect("Joined the room as")
    host.expect("Pam")
    host.send(ENTER)
    host.expect("0 of 1 answered")
    pam.expect(PROMPT)
    assert "1/1" in "\n".join(pam.display())
    pam.send(ENTER)
    pam.expect("Top 1")
    assert "You are 1st of 1." in pam.screen
    host.expect("Press Enter for the podium.")
    assert "Answer: " in "\n".join(host.display())
    host.send(ENTER)
    host.expect("Saved 1 game as room")
    assert "Pam wins!" in host.screen
    pam.expect("Final place: 1 of 1")
    assert pam.exit_status() == 0
    assert "You finished 1st of 1." in pam.screen
    assert host.exit_status() == 0
    assert all(len(row) <= 40 for row in pam.display())
