"""A game id the store does not hold: a typed failure carrying the facts; words only in cli."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli.store_words import describe
from quiz.scores.errors import MissingGameError
from quiz.scores.sql import SqlStore
from tests.conftest import both_stores, store_for
from tests.scores.test_sqlite_store import T0, easy_game


@pytest.fixture
def store(request: pytest.FixtureRequest, tmp_path: Path) -> SqlStore:
    return store_for(request, tmp_path / "scores.db")


@both_stores
def test_placement_of_a_missing_game_is_a_typed_failure(store: SqlStore) -> None:
    game_id = store.save_game(easy_game("Pam", "RR", T0))
    assert store.placement(game_id).rank == 1
    with pytest.raises(MissingGameError) as raised:
        store.placement(game_id + 1000)
    assert (raised.value.where, raised.value.game_id) == (store.where, game_id + 1000)
    assert describe(raised.value) == (
        f"{store.where} holds no game {game_id + 1000}; it may have been reset meanwhile"
    )
