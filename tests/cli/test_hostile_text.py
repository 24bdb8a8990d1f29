"""Outside text full of terminal control sequences, through every command of the installed `quiz`.

Nothing a terminal would obey (ESC, CSI, OSC, C1, BEL, DEL) may reach its output, in any mode.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import pexpect
import pytest

from quiz import paths
from quiz.engine.game import Game
from quiz.models import AskedQuestion, GameSettings
from quiz.scores.sqlite import SqliteStore
from tests.conftest import installed_quiz, write_bank
from tests.samples import CHOICE, TEXT
from tests.test_output import UNSAFE

# Clear the screen, set the window title, draw a link, turn later output red, C1 CSI, DEL.
EVIL = (
    "\x1b[2J\x1b]0;PWNED\x07\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\\x1b[31m\x9b1m\x7f"
)


def evil(text: str) -> str:
    return f"{text}{EVIL}"


def quiz(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [installed_quiz(), *args],
        input=stdin,
        env=os.environ | {"COLUMNS": "200"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        timeout=60,
        check=False,
    )
    for stream in (result.stdout, result.stderr):
        found = UNSAFE.search(stream)
        assert found is None, f"{found.group()!r} reached the output of quiz {args}: {stream!r}"
    assert "Traceback" not in result.stderr
    return result


def opentdb_file(folder: Path) -> Path:
    items = [
        {
            "type": "multiple",
            "difficulty": "easy",
            "category": "Evil\x1b]0;PWNED\x07 Topic\x9b2J",
            "question": evil("Which colour is the sky?"),
            "correct_answer": evil("Blue"),
            "incorrect_answers": ["Green", evil("Red")],
        },
        {
            "type": "boolean",
            "difficulty": "easy",
            "category": "Evil Topic",
            "question": "Water is wet.\x1b[8m",
            "correct_answer": "True",
            "incorrect_answers": ["False"],
        },
        {
            "type": "multiple",
            "difficulty": "hard",
            "category": "Evil Topic",
            "question": "A clean question about paper?",
            "correct_answer": "Dunder",
            "incorrect_answers": ["Staples"],
        },
    ]
    path = folder / "evil.json"
    path.write_text(json.dumps({"response_code": 0, "results": items}), encoding="utf-8")
    return path


def test_an_import_is_cleaned_and_every_view_of_it_is_safe(quiz_home: Path, tmp_path: Path) -> None:
    imported = quiz("bank", "import", str(opentdb_file(tmp_path)))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 3 of 3 question(s)" in imported.stdout
    assert "characters dropped, odd spaces made plain, in 2 question(s)" in imported.stdout
    stored = (quiz_home / "bank" / "user.toml").read_text(encoding="utf-8")
    assert not UNSAFE.search(stored) and "\\u001b" not in stored.lower()

    listed = quiz("bank", "list", "--topic", "Evil Topic")
    assert "Which colour is the sky?link" in listed.stdout
    ids = [q["id"] for q in json.loads(quiz("bank", "list", "--json").stdout)]
    assert "which-colour-is-the-sky-link" in ids
    shown = quiz("bank", "show", "which-colour-is-the-sky-link")
    assert "Answer: Bluelink" in shown.stdout
    assert quiz("bank", "validate").returncode == 0
    quiz("bank", "export")
    quiz("bank", "export", "--format", "opentdb")

    answers = "\x1b[2J\x9b\n1\n" + "\x1b]0;PWNED\x07\n" * 2 + "\n\n"
    played = quiz(
        "play", "--plain", "--topic", "Evil Topic", "--seed", "1", "--player", evil("P"),
        stdin=answers,
    )  # fmt: skip
    assert played.returncode == 0, played.stderr
    assert "Final score" in played.stdout
    assert "Question 1/3 [Evil Topic, " in played.stdout
    for command in (("scores",), ("scores", "--json"), ("stats",), ("stats", "--json")):
        assert quiz(*command).returncode == 0


def saved_game(player: str, given: str) -> None:
    """A game stored as an older version (or another tool) may have stored it: names raw."""
    game = Game((AskedQuestion(CHOICE, CHOICE.choices), AskedQuestion(TEXT, ())), GameSettings(1))
    game.answer((CHOICE.answers[0],), 1.0)
    game.answer((given,), 2.0)
    SqliteStore(paths.scores_db()).save_game(game.result(player, 1.8e9, 3.0))


def test_names_and_answers_from_the_score_database_are_shown_safely(tmp_path: Path) -> None:
    for n in range(3):
        saved_game(evil(f"Jim{n}"), evil("answer"))
    table = quiz("scores")
    assert "Jim0link" in table.stdout
    rows = json.loads(quiz("scores", "--json").stdout)
    assert rows[0]["player"] == evil("Jim0")  # the data itself is kept, as JSON escapes
    assert "Jim2link" in quiz("stats").stdout
    quiz("stats", "--player", evil("Jim1"))
    quiz("stats", "--json")
    assert "Jim2link" in quiz("share").stdout
    daily = quiz("daily", "--plain", "--player", evil("Daily"), stdin="\n" * 5)
    assert daily.returncode == 0, daily.stderr
    assert "Dailylink" in quiz("scores", "--daily").stdout
    assert "Practicelink" in quiz("practice", "--status", "--player", evil("Practice")).stdout
    svg = tmp_path / "card.svg"
    quiz("share", "--svg", str(svg))
    assert not UNSAFE.search(svg.read_text(encoding="utf-8"))


TOML_TOPIC = json.dumps(evil("Topic")).replace("\x7f", "\\u007f")  # TOML takes JSON's escapes
HOSTILE_BANK = f"""
[[questions]]
id = "evil-one"
topic = {TOML_TOPIC}
difficulty = "easy"
type = "choice"
prompt = "Pick one\\u001b]0;PWNED\\u0007"
choices = ["A", "B\\u009b2J"]
answers = ["A"]
explanation = "tab\\there"
"""


def test_a_bank_file_with_control_characters_is_skipped_with_a_safe_warning(
    quiz_home: Path, tmp_path: Path
) -> None:
    bank = write_bank(quiz_home / "bank", evil("evil").replace("/", "") + ".toml", HOSTILE_BANK)
    checked = quiz("bank", "validate")
    assert checked.returncode == 1
    lines = checked.stdout.splitlines()
    for field in ("topic", "prompt", "choices", "explanation"):
        assert any(f"question evil-one: field '{field}': " in line for line in lines), lines
    assert "control character" in checked.stdout
    for command in (("bank", "list"), ("bank", "list", "--json"), ("bank", "export")):
        result = quiz(*command)
        assert result.returncode == 0
        assert "Warning: skipped bank file" in result.stderr
    played = quiz("play", "--plain", "--count", "1", "--no-save", stdin="\n")
    assert played.returncode == 0 and "skipped bank file" in played.stderr
    missing = quiz("bank", "list", "--bank", str(tmp_path / evil("nowhere")))
    assert missing.returncode == 2 and "bank path not found" in missing.stderr
    assert bank.exists()


@pytest.mark.pty
def test_interactive_game_shows_hostile_names_and_answers_safely(
    quiz_home: Path, tmp_path: Path
) -> None:
    assert quiz("bank", "import", str(opentdb_file(tmp_path))).returncode == 0
    saved_game(evil("Old"), "x")
    env = os.environ | {"PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", "NO_COLOR": "1"}
    child = pexpect.spawn(
        installed_quiz(),
        ["play", "--topic", "Evil Topic", "--count", "1", "--seed", "3", "--type", "choice"],
        env=env,
        dimensions=(24, 100),
        timeout=20,
        encoding="utf-8",
        codec_errors="surrogateescape",
    )
    child.logfile_read = log = io.StringIO()
    try:
        child.expect_exact("Your name:")
        child.send("\x15" + "\x1b]0;PWNED\x07Jim\x9b31m\r")
        child.expect_exact("(skip this question)")  # drawn by the menu itself: it is listening
        child.send("\r")
        child.expect_exact("Press Enter for your results")
        child.send("\r")
        child.expect_exact("Play again?")
        child.send("n")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    # The game clears its own screen between questions (ESC[2J then ESC[H); no bank text does.
    screen = log.getvalue().replace("\x1b[2J\x1b[H", "")
    assert "Final score" in screen and "Jim" in screen
    for marker in ("\x1b]", "\x07", "\x9b", "\x1b[2J", "\x1b[31m"):
        assert marker not in screen, (marker, screen)
