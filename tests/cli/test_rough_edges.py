"""What a new user hit, through the command line in-process: help, usage errors, topics, ids,
stats."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import Result

from quiz.bank.loader import load_bank
from quiz.scores.sqlite import SqliteStore
from tests.conftest import run_cli, write_bank
from tests.scores.test_sqlite_store import T0, easy_game

COMMANDS = [
    ["play"], ["party"], ["scores"], ["stats"], ["add"], ["share"], ["completion"],
    ["bank", "list"], ["bank", "show"], ["bank", "validate"], ["bank", "import"],
    ["bank", "export"], ["bank", "remove"],
]  # fmt: skip

OFFICE_BANK = """
[[questions]]
id = "office-paper"
topic = "Office Trivia"
difficulty = "easy"
type = "truefalse"
prompt = "Dunder Mifflin sells paper."
answers = ["true"]
"""


def quiz(*args: str, stdin: str = "") -> Result:
    """`quiz ARGS` in-process; no exception got out of it."""
    result = run_cli(*args, input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_uses_one_placeholder_style(command: list[str]) -> None:
    text = quiz(*command, "--help").stdout
    assert text.startswith(f"Usage: quiz {' '.join(command)} ")
    for clicks_own in ("<str>", "<path>", "<int>", "{", "x>=", "<=x", "INTEGER", "TEXT]"):
        assert clicks_own not in text, f"{clicks_own!r} in the help of {command}"
    placeholders = re.findall(r"^  (?:-[a-z], )?--[a-z-]+ ([^ \n]+)", text, flags=re.MULTILINE)
    for placeholder in placeholders:
        assert placeholder.isupper() or placeholder.startswith("["), placeholder


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["play", "--count", "abc"], "--count: 'abc' is not a whole number"),
        (["play", "--count", "0"], "--count: 0 is too small (the least is 1)"),
        (["play", "--time-limit", "1000"], "--time-limit: 1000 is not between 5 and 300"),
        (["scores", "--limit", "ten"], "--limit: 'ten' is not a whole number"),
        (["scores", "--since", "2026-02-30"], "--since: '2026-02-30' is not a day of the calendar"),
        (["play", "--count", "9" * 30], f"--count: {'9' * 30} is far too large"),
        (["scores", "--since", "yesterday"], "--since: 'yesterday' is not a day written"),
        (["play", "--difficulty", "expert"], "--difficulty: 'expert' is not one of"),
        (["play", "--player"], "option '--player' requires an argument"),
        (["play", "--topic", "Toby"], "'Toby' is not a topic of the bank"),
        (["play", "--player", ""], "a player needs a name"),
        (["play", "--player", "x" * 300], "a player's name is at most 40 characters"),
        (["bank", "show"], "missing argument 'ID'"),
        (["bank", "remove", "x"], "no question with id 'x'"),
        (["nosuch"], "no such command 'nosuch'"),
        (["play", "--nosuch"], "no such option: --nosuch"),
        (["play", "extra"], "got unexpected extra argument(s) (extra)"),
    ],
)
def test_every_usage_error_ends_with_the_same_hint(args: list[str], message: str) -> None:
    result = quiz(*args)
    assert result.exit_code == 2
    line = result.stderr
    assert line.count("\n") == 1
    assert line.startswith(f"Error: {message}")
    path = " ".join(
        ["quiz", *(a for a in args[:2] if a in ("play", "scores", "bank", "show", "remove"))]
    )
    assert line.endswith(f" (see '{path} --help')\n")
    assert "Invalid value" not in line and "valid int" not in line and "%Y" not in line


def test_scores_topic_matches_as_play_does(tmp_path: Path) -> None:
    bank = write_bank(tmp_path, "office.toml", OFFICE_BANK)
    played = quiz("play", "--plain", "--bank", str(bank), "--topic", "office", "--player", "Oscar",
                  stdin="t\n")  # fmt: skip
    assert played.exit_code == 0, played.stderr
    for query in ("office", "OFFICE TRIVIA", "triv"):
        found = quiz("scores", "--topic", query, "--json", "--all")
        rows = json.loads(found.stdout)
        assert [r["player"] for r in rows] == ["Oscar"], query
    unknown = quiz("scores", "--topic", "warehouse")
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith(
        "Error: 'warehouse' is not a topic of any saved game; topics: Office Trivia"
    )


def test_hardest_questions_leave_out_those_never_missed(quiz_home: Path) -> None:
    store = SqliteStore(quiz_home / "scores.db")
    for n in range(3):
        store.save_game(easy_game("Pam", "RW", T0 + 60 * n))  # easy-0 always right, easy-1 never
    store.save_game(easy_game("Pam", "RRW", T0 + 600))  # easy-1 right once, easy-2 wrong once
    hardest = json.loads(quiz("stats", "--json").stdout)["hardest"]
    assert [h["question_id"] for h in hardest] == ["easy-1"]
    table = quiz("stats").stdout
    assert "easy-1" in table and "easy-0" not in table


def test_count_beyond_the_bank_is_worded_plainly() -> None:
    total = len(load_bank(user=False).questions)
    result = quiz("play", "--plain", "--count", "500", "--no-save", stdin="")
    # Some built-in questions name others' answers, so the whole bank never fits one game.
    said = re.search(
        rf"^Playing (\d+) of the {total} questions that are in the bank: the others would give"
        r" away an answer in this game\.$",
        result.stderr,
        flags=re.MULTILINE,
    )
    assert said and int(said[1]) < total, result.stderr
    narrowed = quiz("play", "--plain", "--count", "500", "--no-save", "--difficulty", "hard",
                    "--topic", "pam", stdin="")  # fmt: skip
    assert "questions match topic Pam Beesly, difficulty hard; playing all" in narrowed.stderr


def test_one_question_is_one_question(tmp_path: Path) -> None:
    bank = write_bank(tmp_path, "office.toml", OFFICE_BANK)
    result = quiz("play", "--plain", "--bank", str(bank), "--topic", "office", "--count", "5",
                  "--no-save", stdin="t\n")  # fmt: skip
    assert "Only 1 question matches topic Office Trivia; playing it.\n" in result.stderr


def test_ids_match_in_any_case_and_suggestions_are_close() -> None:
    shown = quiz("bank", "show", "PAM-KISS-EPISODE")
    assert shown.exit_code == 0
    assert "pam-kiss-episode" in shown.stdout
    typo = quiz("bank", "show", "pam-kis-episode")
    assert typo.exit_code == 2
    assert typo.stderr.startswith(
        "Error: no question with id 'pam-kis-episode'; did you mean pam-kiss-episode"
    )
    nothing_like = quiz("bank", "show", "nosuch")
    assert nothing_like.stderr == (
        "Error: no question with id 'nosuch'; 'quiz bank list' shows them all"
        " (see 'quiz bank show --help')\n"
    )


def test_an_import_where_nothing_is_usable_fails(quiz_home: Path, tmp_path: Path) -> None:
    garbage = tmp_path / "g.txt"
    garbage.write_text("garbage\n", encoding="utf-8")
    result = quiz("bank", "import", str(garbage))
    assert result.exit_code == 1
    assert "Imported 0 of 1" in result.stdout
    assert not (quiz_home / "bank" / "user.toml").exists()


def test_the_engines_problems_are_worded_with_the_options_users_typed() -> None:
    from quiz.cli.failures import words
    from quiz.engine.filters import Filters
    from quiz.engine.problems import NotEnoughQuestionsError, TooSmallError, UnknownTopicError

    assert words(TooSmallError("rounds", 0)) == "--rounds must be at least 1, not 0"
    assert words(NotEnoughQuestionsError(Filters(topics=("Pam Beesly",)), 5, 0)) == (
        "no questions match topic Pam Beesly; 'quiz bank list' shows what there is"
    )
    unknown = UnknownTopicError("k", ("Katy Moore", "Kevin"), ambiguous=True, where="of the bank")
    assert words(unknown) == "'k' could be any of: Katy Moore, Kevin"
