"""`quiz bank list/show/validate/export` on a small fixture bank, with exact output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bank.test_validation import bank_text, changed
from tests.conftest import run_cli, write_bank

pytestmark = pytest.mark.usefixtures("small_bank")


def lines(text: str) -> list[str]:
    stripped = [line.rstrip() for line in text.splitlines()]
    while stripped and not stripped[0]:
        stripped.pop(0)
    while stripped and not stripped[-1]:
        stripped.pop()
    return stripped


def test_list_shows_table_and_counts() -> None:
    result = run_cli("bank", "list", "--difficulty", "hard")
    assert result.exit_code == 0, result.stderr
    assert lines(result.stdout) == [
        " id              topic        difficulty   type    prompt",
        " " + "─" * 98,
        " fixture-text    Katy Moore   hard         text    Who plays the purse seller?",
        " fixture-multi   Pam Beesly   hard         multi   Which of these are pranks on Dwight? [Select",
        "                                                   all]",
        "",
        "Questions per topic and difficulty",
        " topic       easy  medium  hard  total",
        "─" * 39,
        " Katy Moore     0       0     1      1",
        " Pam Beesly     0       0     1      1",
        " total          0       0     2      2",
    ]
    assert result.stderr == ""


def test_list_filters_combine_and_topic_ignores_case() -> None:
    result = run_cli("bank", "list", "--json", "--topic", "pam beesly", "--type", "choice")
    assert [q["id"] for q in json.loads(result.stdout)] == ["fixture-choice"]


def test_list_unknown_topic_is_a_usage_error() -> None:
    result = run_cli("bank", "list", "--topic", "Creed")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: 'Creed' is not a topic of the bank; topics: John Krasinski, Katy Moore, Pam Beesly"
        " (see 'quiz bank list --help')\n"
    )


def test_topic_may_be_the_start_of_a_word_when_that_is_unambiguous() -> None:
    listed = json.loads(run_cli("bank", "list", "--json", "--topic", "moore").stdout)
    assert {q["topic"] for q in listed} == {"Katy Moore"}
    ambiguous = run_cli("bank", "list", "--topic", "k")
    assert ambiguous.exit_code == 2
    assert ambiguous.stderr == (
        "Error: 'k' could be any of: John Krasinski, Katy Moore (see 'quiz bank list --help')\n"
    )


def test_list_json_is_the_export_format() -> None:
    result = run_cli("bank", "list", "--json", "--type", "text")
    assert json.loads(result.stdout) == [
        {
            "id": "fixture-text",
            "topic": "Katy Moore",
            "difficulty": "hard",
            "type": "text",
            "prompt": "Who plays the purse seller?",
            "choices": [],
            "answers": ["Amy Adams"],
            "reject": ["Amy Adamson"],
            "explanation": "A film star before the role was famous.",
            "source": "katy",
            "origin": "builtin",
            "asks": ["katy-purse-actress"],
            "mentions": [],
        }
    ]


def test_show_prints_the_question_and_its_answers() -> None:
    result = run_cli("bank", "show", "fixture-multi")
    assert result.exit_code == 0
    assert lines(result.stdout) == [
        "╭" + "─" * 98 + "╮",
        "│ fixture-multi                                                                                    │",
        "│ Pam Beesly · hard · multi                                                                        │",
        "│                                                                                                  │",
        "│ Which of these are pranks on Dwight? [Select all]                                                │",
        "│   1) Stapler in Jell-O                                                                           │",
        "│   2) Faxes from the future                                                                       │",
        "│   3) A pay rise                                                                                  │",
        "│ (select all that apply)                                                                          │",
        "│                                                                                                  │",
        "│ Answer: Stapler in Jell-O; Faxes from the future                                                 │",
        "│ Explanation: Both are classic desk-mate pranks.                                                  │",
        "│ Source: dwight                                                                                   │",
        "│ Origin: builtin                                                                                  │",
        "╰──────────────────────────────────────────────────────────────────────────────────────────────────╯",
    ]


def test_show_text_question_lists_refused_look_alikes() -> None:
    out = run_cli("bank", "show", "fixture-text").stdout
    assert "Refused look-alikes: Amy Adamson" in out
    assert "(type the answer)" in out


def test_show_unknown_id_suggests_close_ones() -> None:
    result = run_cli("bank", "show", "fixture-chioce")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        "Error: no question with id 'fixture-chioce'; did you mean fixture-choice"
    )


def test_validate_clean_bank() -> None:
    result = run_cli("bank", "validate")
    assert (result.exit_code, result.stdout) == (0, "OK: 4 questions in 1 file, no problems.\n")


def test_validate_broken_file_lists_every_problem(tmp_path: Path) -> None:
    path = write_bank(
        tmp_path, "mine.toml", bank_text(changed(difficulty="brutal", answers=["Nope"]))
    )
    result = run_cli("bank", "validate", str(path))
    assert result.exit_code == 1
    assert lines(result.stdout) == [
        f"{path}: 2 problems",
        f"  {path}: question sample-question: field 'difficulty': 'brutal' is not one of: easy, medium, hard",
        f"  {path}: question sample-question: field 'answers': 'Nope' is not one of the choices",
        "2 problems in 1 of 2 files.",
    ]


def test_validate_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("bank", "validate", str(tmp_path / "nope.toml"))
    assert result.exit_code == 2
    assert "bank path not found" in result.stderr


def test_broken_user_file_warns_once_and_the_rest_still_lists(quiz_home: Path) -> None:
    write_bank(quiz_home / "bank", "user.toml", bank_text(changed(type="essay")))
    result = run_cli("bank", "list", "--json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 4
    path = quiz_home / "bank" / "user.toml"
    assert result.stderr == (
        f"Warning: skipped bank file {path}: question sample-question: field 'type': 'essay' is not"
        f" one of: choice, truefalse, text, multi, order; run 'quiz bank validate {path}' for details\n"
    )


def test_export_json_to_stdout_and_file(tmp_path: Path, quiz_home: Path) -> None:
    write_bank(quiz_home / "bank", "user.toml", bank_text(changed(id="mine", prompt="Mine?")))
    printed = json.loads(run_cli("bank", "export", "--format", "json").stdout)
    assert [q["origin"] for q in printed] == ["builtin"] * 4 + [
        str(quiz_home / "bank" / "user.toml")
    ]
    # The same fields for all, and the facts where a question names them (the built-in ones).
    assert all(set(q) - {"asks", "mentions"} == set(printed[-1]) for q in printed)
    assert [q["asks"] for q in printed[:1]] == [["pam-first-kiss"]]
    target = tmp_path / "out" / "bank.json"
    result = run_cli("bank", "export", "--output", str(target))
    assert result.stdout == f"Exported 5 questions to {target}\n"
    assert json.loads(target.read_text(encoding="utf-8")) == printed


def test_every_command_has_help() -> None:
    for command in (
        ["bank"],
        ["bank", "list"],
        ["bank", "show"],
        ["bank", "validate"],
        ["bank", "export"],
    ):
        result = run_cli(*command, "--help")
        assert result.exit_code == 0
        assert "Usage: quiz" in result.stdout


def test_version_and_no_arguments() -> None:
    assert run_cli("--version").stdout.startswith("halpert-quiz ")
    assert "Usage: quiz" in run_cli().stdout
