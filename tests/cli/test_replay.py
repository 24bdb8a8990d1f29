"""The replay lines, built from a game's settings alone."""

from __future__ import annotations

from quiz.cli.replay import party_replay_command, replay_command
from quiz.engine.survival import deal_count
from quiz.models import GameSettings


def test_a_game_replays_with_its_seed_count_and_filters() -> None:
    settings = GameSettings(seed=7, count=5, topics=("Pam Beesly",), time_limit=20)
    assert replay_command(settings) == (
        "quiz play --seed 7 --count 5 --topic 'Pam Beesly' --time-limit 20"
    )


def test_survival_replays_with_its_lives_not_a_count() -> None:
    settings = GameSettings(seed=3, count=40, lives=2, lifeline=True)
    assert replay_command(settings) == "quiz play --seed 3 --lives 2 --lifeline"


def test_a_party_replays_with_its_players_in_turn_order() -> None:
    settings = GameSettings(seed=9, difficulties=("easy",))
    assert party_replay_command(("Jim", "Pam"), 3, settings) == (
        "quiz party --player Jim --player Pam --rounds 3 --seed 9 --difficulty easy"
    )


def test_survival_deals_every_match_and_a_normal_game_its_count() -> None:
    assert deal_count(10, None, 50) == 10
    assert deal_count(10, 3, 50) == 50
    assert deal_count(10, 3, 0) == 1
