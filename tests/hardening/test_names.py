"""Look-alike player names (SPEC "Player names"): a word mixing alphabets is refused with one
line; invisible, direction and composed forms of one name are one player."""

from __future__ import annotations

import json
import xml.dom.minidom
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import run_cli
from tests.hardening.hostile import run_installed


def quiz(*args: str) -> Result:
    return run_cli(*args, input="\n")


@pytest.mark.parametrize(
    ("name", "alphabets"),
    [("P\u0430m", "Latin and Cyrillic"), ("\u03b1lpha", "Latin and Greek"), ("Jim \u0413im", "Latin and Cyrillic")],
)  # fmt: skip
@pytest.mark.parametrize("command", [["play", "--plain", "--count", "1"], ["practice", "--plain"]])
def test_a_word_mixing_alphabets_is_refused(name: str, alphabets: str, command: list[str]) -> None:
    result = quiz(*command, "--player", name)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert alphabets in result.stderr


def test_the_installed_command_refuses_a_mixed_name_from_its_arguments(quiz_home: Path) -> None:
    # End to end: the name comes through the real argv (decoded by the locale) to the fast
    # path that `quiz play --plain` takes without typer.
    result = run_installed(quiz_home, "play", "--plain", "--count", "1", "--player", "P\u0430m")
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "Latin and Cyrillic" in result.stderr


def test_names_in_one_alphabet_each_are_fine() -> None:
    for name in ("\u041f\u0430\u043c", "Pam \u041f\u0430\u043c", "Zo\u00eb"):
        result = quiz("play", "--plain", "--count", "1", "--player", name)
        assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("name", ["Jim\uffff", "Jim\ufffe", "Jim\ufdd0"])
def test_characters_that_are_no_text_are_refused(name: str) -> None:
    result = quiz("play", "--plain", "--count", "1", "--player", name)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr


def test_a_stored_name_no_xml_holds_keeps_the_card_valid(quiz_home: Path, tmp_path: Path) -> None:
    import sqlite3

    assert quiz("play", "--plain", "--count", "1", "--player", "Jim").exit_code == 0
    with sqlite3.connect(quiz_home / "scores.db") as db:  # written by an older version
        db.execute("UPDATE games SET player = 'Jim\uffff\ufffe'")
    card = tmp_path / "card.svg"
    result = quiz("share", "--player", "Jim", "--svg", str(card))
    assert result.exit_code == 0, result.stderr
    xml.dom.minidom.parseString(card.read_bytes())


LOOK_ALIKES = [
    "Zo\u00eb",
    "Zoe\u0308",
    "ZO\u00cb",
    "Zo\u200b\u00eb",
    "\u202eZo\u00eb",
    "Zo\u00eb\u2066",
]


def test_look_alike_names_are_one_player() -> None:
    for name in LOOK_ALIKES:
        result = quiz("play", "--plain", "--count", "1", "--player", name)
        assert result.exit_code == 0, result.stderr
    for name in LOOK_ALIKES:
        stats = quiz("stats", "--player", name, "--json")
        assert stats.exit_code == 0, stats.stderr
        assert json.loads(stats.stdout)["games"] == len(LOOK_ALIKES)


def test_a_party_refuses_a_look_alike_of_a_player_already_in() -> None:
    result = quiz("party", "--plain", "--player", "Zo\u00eb", "--player", "Zoe\u0308\u200b")
    assert result.exit_code == 2
    assert "already playing" in result.stderr and len(result.stderr.splitlines()) == 1
