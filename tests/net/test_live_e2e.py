"""Live play end to end: the installed `quiz host` and `quiz join` in subprocesses, plain."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import threading
from pathlib import Path

import pytest

from tests.conftest import installed_quiz
from tests.net.bots import Bot, Quiz, host

pytestmark = pytest.mark.slow

ROOM = ("--count", "4", "--seed", "5", "--reveal-seconds", "0", "--time-limit", "5")


def playing(*bots: Bot) -> list[threading.Thread]:
    threads = [threading.Thread(target=bot.play, daemon=True) for bot in bots]
    for thread in threads:
        thread.start()
    return threads


def scores(home: Path, *args: str) -> list[dict[str, object]]:
    done = subprocess.run(
        [installed_quiz(), "scores", "--json", *args],
        capture_output=True,
        text=True,
        env={"QUIZ_HOME": str(home), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    return list(json.loads(done.stdout))


def headers(lines: list[str]) -> list[str]:
    return [line for line in lines if re.match(r"Question \d+/\d+ \[", line)]


def test_a_room_of_three_plays_a_whole_plain_game(tmp_path: Path) -> None:
    room, port, code = host(tmp_path, "--start-with", "3", "--code", "jimpam", *ROOM)
    assert code == "JIMPAM"
    names = ["Jim", "Pam", "Dwight"]
    bots = [Bot(port, code.lower(), name, tmp_path, style) for style, name in enumerate(names)]
    for thread in playing(*bots):
        thread.join(60)
    assert [bot.finish() for bot in bots] == [0, 0, 0]
    assert room.finish() == 0
    asked = [headers(bot.lines) for bot in bots]
    assert len(asked[0]) == 4 and asked[0] == asked[1] == asked[2]
    assert headers(room.lines) == asked[0]
    podium = room.lines[room.lines.index("Podium:") + 1 :][:3]
    places = {line.split(" ")[1]: line.split(".")[0] for line in podium}
    for name, bot in zip(names, bots, strict=True):
        assert f"Final place: {places[name]} of 3" in bot.lines
        assert "Answer locked in, waiting for the others" in bot.lines
        assert sum(line.startswith("Place ") for line in bot.lines) == 4
    assert [line for line in room.lines if line.startswith("Question 4/4: 3 of 3")]
    # Host and players share this QUIZ_HOME: each game is kept once, by its UUID.
    live = scores(tmp_path, "--mode", "live")
    assert sorted(str(g["player"]) for g in live) == ["Dwight", "Jim", "Pam"]
    assert len(scores(tmp_path, "--room", "last")) == 3


def test_a_player_killed_mid_question_rejoins(tmp_path: Path) -> None:
    room, port, code = host(
        tmp_path, "--start-with", "2", "--count", "3", "--seed", "5", "--reveal-seconds", "4"
    )
    jim = Bot(port, code, "Jim", tmp_path, 0)
    pam = Bot(port, code, "Pam", tmp_path, 0)

    def kill_at_two(header: str) -> None:
        if header.startswith("Question 2/"):
            pam.proc.send_signal(signal.SIGKILL)

    pam.on_question = kill_at_two
    playing(jim, pam)
    assert pam.finish() == -signal.SIGKILL
    room.wait_for(r"^Left: Pam")
    back = Bot(port, code, "pam", tmp_path, 0)
    back_thread = playing(back)[0]
    back.wait_for(r"^Rejoined the room as Pam\.$")
    back_thread.join(60)
    assert back.finish() == 0 and jim.finish() == 0 and room.finish() == 0
    assert any(line.startswith("Rejoined: Pam") for line in room.lines)
    first_place = [line for line in pam.lines if line.startswith("Place ")]
    assert len(first_place) == 1  # she saw question 1 closed before she was killed
    assert any(line.startswith("Final place: ") for line in back.lines)
    games = {g["player"]: g for g in scores(tmp_path, "--room", "last")}
    assert games["Pam"]["total"] == 3


def test_the_host_killed_mid_game_ends_each_player_saved(tmp_path: Path) -> None:
    room, port, code = host(tmp_path, "--start-with", "2", *ROOM[:-4], "--reveal-seconds", "30")
    jim, pam = Bot(port, code, "Jim", tmp_path, 0), Bot(port, code, "Pam", tmp_path, 1)
    playing(jim, pam)
    jim.wait_for(r"^Place [12] of 2$")
    pam.wait_for(r"^Place [12] of 2$")  # both have seen question 1 close
    room.proc.send_signal(signal.SIGKILL)
    assert jim.finish() == 1 and pam.finish() == 1
    line = "The host ended the game after question 1; your game up to there was saved."
    assert line in jim.stderr()
    assert line in pam.stderr()
    games = scores(tmp_path, "--mode", "live")
    assert sorted((str(g["player"]), g["total"]) for g in games) == [("Jim", 1), ("Pam", 1)]


def test_joining_a_wrong_room_says_why_in_one_line(tmp_path: Path) -> None:
    room, port, _ = host(tmp_path, "--start-with", "1", "--code", "DUNDIE", *ROOM)
    wrong = Quiz("join", f"127.0.0.1:{port}", "PRETZEL", "--plain", home=tmp_path)
    assert wrong.finish() == 1
    assert wrong.stderr() == f"Error: wrong code for the room at 127.0.0.1:{port}\n"
    bad = Quiz("join", f"127.0.0.1:{port}", "no!", "--plain", home=tmp_path)
    assert bad.finish() == 2
    assert "CODE is 4 to 12 letters or digits" in bad.stderr()
    room.proc.send_signal(signal.SIGINT)
    assert room.finish() == 130
    gone = Quiz("join", f"127.0.0.1:{port}", "DUNDIE", "--plain", home=tmp_path)
    assert gone.finish() == 1
    assert "nothing is listening there" in gone.stderr()
    assert "Traceback" not in room.stderr() + gone.stderr()
