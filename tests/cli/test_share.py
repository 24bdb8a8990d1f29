"""`quiz share` through the installed command: the card, the squares, the replay line, the SVG."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from xml.etree import ElementTree

from quiz.models import GameSettings
from quiz.scores.sqlite import SqliteStore
from tests.conftest import installed_quiz
from tests.scores.test_sqlite_store import T0, easy_game


def quiz(*args: str, home: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {"QUIZ_HOME": str(home), "NO_COLOR": "1", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    return subprocess.run(
        [installed_quiz(), *args], input=stdin, capture_output=True, text=True, env=env
    )


def test_no_games_is_one_line_and_exit_1(quiz_home: Path) -> None:
    for args in ([], ["--player", "Pam"]):
        result = quiz("share", *args, home=quiz_home)
        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1
        assert "no games yet" in result.stderr


def test_a_plain_game_is_shared_with_one_square_a_question(quiz_home: Path) -> None:
    played = quiz("play", "--plain", "--seed", "11", "--count", "6", "--type", "choice",
                  "--player", "Jim", home=quiz_home, stdin="1\n\n2\n\n1\n3\n")  # fmt: skip
    assert played.returncode == 0, played.stderr
    verdicts = [
        line.split()[0].rstrip("!.")
        for line in played.stdout.splitlines()
        if line.startswith(("Correct", "Wrong", "Skipped"))
    ]
    squares = "".join({"Correct": "🟩", "Wrong": "🟥", "Skipped": "⬜"}[v] for v in verdicts)
    final = next(line for line in played.stdout.splitlines() if line.startswith("Final score"))
    score = final.split()[2].replace(",", "")

    shared = quiz("share", home=quiz_home)
    assert shared.returncode == 0, shared.stderr
    title, result_line, row, replay = shared.stdout.splitlines()
    assert title.startswith("Halpert Quiz · Jim · ")
    assert result_line.startswith(f"{verdicts.count('Correct')}/6 right · {int(score):,} points")
    assert row == squares
    assert replay == "quiz play --seed 11 --count 6 --type choice"

    again = quiz(*replay.split()[1:], "--plain", "--no-save", home=quiz_home, stdin="\n" * 6)
    headers = [line for line in again.stdout.splitlines() if line.startswith("Question ")]
    assert headers == [line for line in played.stdout.splitlines() if line.startswith("Question ")]


def test_every_outcome_has_its_square_and_a_timed_game_says_so(quiz_home: Path) -> None:
    settings = GameSettings(seed=5, count=5, topics=("Jim Halpert",), time_limit=10)
    SqliteStore(quiz_home / "scores.db").save_game(easy_game("Pam", "RRWST", T0, settings=settings))
    result = quiz("share", home=quiz_home)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == "2/5 right · 1,000 points · best streak 2 · 10 s a question"
    assert lines[2] == "🟩🟩🟥⬜🟧"
    assert lines[3] == "quiz play --seed 5 --count 5 --topic 'Jim Halpert' --time-limit 10"


def test_player_picks_their_own_last_game(quiz_home: Path) -> None:
    store = SqliteStore(quiz_home / "scores.db")
    store.save_game(easy_game("Pam", "RRR", T0))
    store.save_game(easy_game("[red]Dwight[/]", "W", T0 + 60))
    assert "· [red]Dwight[/] ·" in quiz("share", home=quiz_home).stdout
    pam = quiz("share", "--player", "Pam", home=quiz_home).stdout.splitlines()
    assert pam[1].startswith("3/3 right · 1,800 points")
    missing = quiz("share", "--player", "Angela", home=quiz_home)
    assert missing.returncode == 1
    assert missing.stderr == (
        "Error: no games yet for Angela: play one with 'quiz play', then share it\n"
    )


def test_svg_card_holds_the_same_lines(quiz_home: Path, tmp_path: Path) -> None:
    SqliteStore(quiz_home / "scores.db").save_game(easy_game("Pam", "RW", T0))
    card = tmp_path / "card.svg"
    result = quiz("share", "--svg", str(card), home=quiz_home)
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"Card written to {card}\n"
    svg = ElementTree.fromstring(card.read_text(encoding="utf-8"))
    lines = ["".join(text.itertext()) for text in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert lines == [
        "Halpert Quiz",
        "Pam · 2026-03-02",
        "500points",
        "1/2 right · best streak 1",
        "quiz play --seed 1 --count 2",
    ]
    squares = [r for r in svg.iter("{http://www.w3.org/2000/svg}rect") if r.get("class")]
    assert [r.get("class") for r in squares] == ["square right", "square wrong"]


def test_svg_into_a_missing_folder_fails_before_printing(quiz_home: Path, tmp_path: Path) -> None:
    SqliteStore(quiz_home / "scores.db").save_game(easy_game("Pam", "R", T0))
    for target, why in (
        (tmp_path / "nowhere" / "card.svg", "does not exist"),
        (tmp_path, "it is a folder"),
    ):
        result = quiz("share", "--svg", str(target), home=quiz_home)
        assert result.returncode == 1
        assert result.stdout == ""
        assert why in result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_a_party_turn_points_at_the_party_board(quiz_home: Path, tmp_path: Path) -> None:
    party = quiz("party", "--plain", "--player", "Jim", "--player", "Pam", "--rounds", "1",
                 "--seed", "1", home=quiz_home, stdin="\n\n")  # fmt: skip
    assert party.returncode == 0, party.stderr
    shared = quiz("share", home=quiz_home).stdout.splitlines()
    assert shared[0].startswith("Halpert Quiz · Pam · ")
    assert shared[3].startswith("quiz scores --party ")
    board = quiz(*shared[3].split()[1:], "--json", home=quiz_home)
    assert sorted(g["player"] for g in json.loads(board.stdout)) == ["Jim", "Pam"]
