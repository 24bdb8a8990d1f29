"""The end screen's best games carry the title of their board, as `quiz scores` shows it."""

from __future__ import annotations

from prompt_toolkit.input import PipeInput

from quiz import paths
from quiz.bank.loader import load_bank
from quiz.engine.filters import Filters
from quiz.engine.selection import pick
from quiz.models import GameSettings
from quiz.scores.kinds import GameKind
from quiz.scores.recorder import SavedGame
from quiz.scores.sqlite import SqliteStore
from quiz.terminal.render_end import best_games
from tests.conftest import run_cli
from tests.keys import ENTER, right_keys
from tests.scores.test_sqlite_store import T0, easy_game
from tests.terminal.test_render_game import render


def test_the_top_five_after_a_game_is_titled_like_its_board(keys: PipeInput) -> None:
    asked = pick(load_bank().questions, Filters(), 5, 23).asked
    keys.send_text("".join(right_keys(a) + ENTER for a in asked) + "n")
    played = run_cli("play", "--seed", "23", "--count", "5", "--player", "Tester")
    assert played.exit_code == 0, played.stderr
    lines = played.stdout.splitlines()
    title = lines.index("Normal games: 5 questions, untimed")
    assert lines[title + 2].split()[:3] == ["#", "Player", "Score"]  # under the table's top edge
    board = run_cli("scores", "--count", "5").stdout.splitlines()
    assert board[:2] == lines[title : title + 2]


def test_a_survival_game_names_its_own_board() -> None:
    store = SqliteStore(paths.scores_db())
    result = easy_game("Pam", "RRW", T0, settings=GameSettings(seed=3, count=3, lives=1))
    game_id = store.save_game(result)
    saved = SavedGame(
        game_id,
        store.placement(game_id),
        tuple(store.top_games(5, kind=GameKind.of_result(result))),
    )
    text = render(best_games(result, saved, 60), 60)
    assert text.splitlines()[0] == "Survival games (quiz play --lives 1)"
    assert "★1" in text
