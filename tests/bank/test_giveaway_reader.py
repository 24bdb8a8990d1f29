"""The give-away reader plays the installed `quiz` as a player would and finds no give-away."""

from __future__ import annotations

from collections.abc import Collection

import pytest

from tests.bank import giveaway_reader
from tests.bank.giveaway_reader import Entry


def test_a_few_games_of_each_kind_hold_no_give_away(capsys: pytest.CaptureFixture[str]) -> None:
    assert giveaway_reader.main(["--games", "4", "--topic-games", "7", "--survival", "1"]) == 0
    report = capsys.readouterr().out.splitlines()
    assert report[0].startswith("default games: 4 played, 0 with a give-away; 40 questions dealt")
    assert report[1].startswith("one-topic games: 7 played, 0 with a give-away;")
    assert report[2].startswith("survival runs: 1 played, 0 with a give-away;")


def test_a_give_away_is_a_fact_asked_by_one_and_asked_or_mentioned_by_another() -> None:
    def entry(qid: str, asks: Collection[str], mentions: Collection[str] = ()) -> Entry:
        return Entry(qid, "Jim Halpert", "text", qid, ("x",), frozenset(asks), frozenset(mentions))

    assert giveaway_reader.gives_away(entry("a", {"f"}), entry("b", {"g"}, {"f"}))
    assert giveaway_reader.gives_away(entry("a", {"f"}), entry("b", {"f"}))
    assert not giveaway_reader.gives_away(entry("a", {"f"}, {"h"}), entry("b", {"g"}, {"h"}))
