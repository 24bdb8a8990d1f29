"""The line that shows a game again: a live room's board for a live game, a party's for a party
turn, the replay command for a game played alone; the same in `share` and after the game."""

from __future__ import annotations

import pytest

from quiz import paths
from quiz.cli.replay import board_command
from quiz.models import GameSettings, Mode
from quiz.scores.sqlite import SqliteStore
from tests.conftest import run_cli
from tests.scores.test_sqlite_store import T0, easy_game

LIVE = GameSettings(seed=7, count=3, time_limit=20, room_id="6ecf2f0e")
PARTY = GameSettings(seed=7, count=3, party_id="a1b2c3d4")


@pytest.mark.parametrize(
    ("settings", "line"),
    [
        (LIVE, "quiz scores --room 6ecf2f0e"),
        (PARTY, "quiz scores --party a1b2c3d4"),
        (GameSettings(seed=7, count=3), "quiz play --seed 7 --count 3"),
    ],
)
def test_share_points_at_the_board_the_game_was_played_on(
    settings: GameSettings, line: str
) -> None:
    store = SqliteStore(paths.scores_db())
    store.save_game(easy_game("Pam", "RWS", T0, settings=settings))
    last = store.last_game("Pam")
    assert last is not None and last.settings.mode == settings.mode
    shared = run_cli("share", "--player", "Pam")
    assert shared.exit_code == 0, shared.stderr
    assert shared.stdout.splitlines()[-1] == line
    if settings.mode != Mode.NORMAL:  # and that line shows the game
        shown = run_cli(*line.split()[1:])
        assert shown.exit_code == 0, shown.stderr
        assert "Pam" in shown.stdout


def test_the_lines_after_a_party_and_a_live_game_name_their_own_option() -> None:
    assert board_command(LIVE) == "quiz scores --room 6ecf2f0e"
    assert board_command(PARTY) == "quiz scores --party a1b2c3d4"
    assert board_command(GameSettings(seed=1)) is None
