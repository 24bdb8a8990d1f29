"""Changing bank files: new files, refused targets, crash safety, comments kept on removal."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from quiz.bank.loader import read_bank_file
from quiz.bank.writer import BankWriteError, add_entries, remove_entry
from tests.conftest import run_cli, write_bank

HEADER = (
    "# Your own Halpert Quiz questions (the format: quiz help format).\n"
    "# Add more with 'quiz add' or by hand; check them with 'quiz bank validate'.\n"
    "\n"
)


def entry(n: str) -> dict[str, object]:
    return {
        "id": f"q-{n}",
        "topic": "Mine",
        "difficulty": "easy",
        "type": "text",
        "prompt": f"What is {n}?",
        "answers": [n],
        "explanation": "",
        "source": "",
    }


def table(n: str, inside: str = "") -> str:
    """A question table as someone would type it, with optional comment lines inside."""
    return (
        "[[questions]]\n"
        f'id = "q-{n}"\n'
        'topic = "Mine"\n'
        'difficulty = "easy"\n'
        'type = "text"\n'
        f'prompt = "What is {n}?"\n'
        f"{inside}"
        f'answers = ["{n}"]\n'
    )


def ids_in(path: Path) -> list[str]:
    load = read_bank_file(path)
    assert load.problems == []
    return [q.id for q in load.questions]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


CHOICE_FLAGS = (
    *("--type", "choice", "--topic", "Office Trivia", "--difficulty", "easy"),
    *("--prompt", "Which city is the Dunder Mifflin branch in?"),
    *("--answer", "Scranton", "--wrong", "Stamford"),
)


def test_new_file_gets_the_header_and_loads(tmp_path: Path) -> None:
    path = tmp_path / "new folder" / "mine.toml"
    add_entries(path, [entry("one"), entry("two")])
    assert path.read_text(encoding="utf-8") == (
        HEADER
        + table("one").replace('answers = ["one"]\n', 'answers = ["one"]\nexplanation = ""\n')
        + 'source = ""\n'
        + "\n"
        + table("two").replace('answers = ["two"]\n', 'answers = ["two"]\nexplanation = ""\n')
        + 'source = ""\n'
    )
    assert ids_in(path) == ["q-one", "q-two"]
    assert leftovers(path.parent) == []


def test_file_mode_is_kept(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "mine.toml", table("one"))
    path.chmod(0o600)
    add_entries(path, [entry("two")])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert ids_in(path) == ["q-one", "q-two"]


BROKEN = {
    "syntax": ('[[questions]\nid = "q-one"\n', "is not valid TOML: "),
    "essay": (
        table("one").replace('type = "text"', 'type = "essay"'),
        "question q-one: field 'type': 'essay' is not one of: choice, truefalse, text, multi, order;",
    ),
}


@pytest.mark.parametrize("kind", list(BROKEN))
def test_a_target_that_does_not_load_is_left_alone(tmp_path: Path, kind: str) -> None:
    body, problem = BROKEN[kind]
    path = write_bank(tmp_path, "mine.toml", body)
    before = path.read_bytes()
    with pytest.raises(BankWriteError) as raised:
        add_entries(path, [entry("two")])
    message = str(raised.value)
    assert message.startswith(f"{path} was left untouched because it does not load: {problem}")
    assert message.endswith(f"; fix it first ('quiz bank validate {path}')")
    assert path.read_bytes() == before
    with pytest.raises(BankWriteError):
        remove_entry(path, "q-one")
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("kind", list(BROKEN))
def test_add_command_refuses_a_broken_target(quiz_home: Path, kind: str) -> None:
    body, problem = BROKEN[kind]
    path = write_bank(quiz_home / "bank", "user.toml", body)
    before = path.read_bytes()
    result = run_cli("add", *CHOICE_FLAGS)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"Error: {path} was left untouched because it does not load: {problem}"
    )
    assert result.stderr.count("\n") == 1
    assert path.read_bytes() == before


@pytest.mark.parametrize("kind", list(BROKEN))
def test_import_command_refuses_a_broken_target(quiz_home: Path, tmp_path: Path, kind: str) -> None:
    body, problem = BROKEN[kind]
    path = write_bank(quiz_home / "bank", "user.toml", body)
    before = path.read_bytes()
    source = tmp_path / "trivia.json"
    item = {
        "type": "boolean",
        "difficulty": "easy",
        "category": "TV",
        "question": "Jim sells paper.",
        "correct_answer": "True",
        "incorrect_answers": ["False"],
    }
    source.write_text(json.dumps({"response_code": 0, "results": [item]}), encoding="utf-8")
    result = run_cli("bank", "import", str(source))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"Error: {path} was left untouched because it does not load: {problem}"
    )
    assert result.stderr.count("\n") == 1
    assert path.read_bytes() == before


def _crash(src: object, dst: object) -> None:
    raise OSError(28, "No space left on device")


def test_crash_before_the_rename_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_bank(tmp_path, "user.toml", table("one"))
    before = path.read_bytes()
    monkeypatch.setattr(os, "replace", _crash)
    with pytest.raises(BankWriteError) as raised:
        add_entries(path, [entry("two")])
    assert str(raised.value) == f"cannot write {path}: No space left on device"
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["user.toml"]


def test_crash_writing_a_new_file_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "replace", _crash)
    with pytest.raises(BankWriteError):
        add_entries(tmp_path / "user.toml", [entry("one")])
    assert list(tmp_path.iterdir()) == []


def test_crash_during_add_command_is_one_error_line(
    quiz_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_bank(quiz_home / "bank", "user.toml", table("one"))
    before = path.read_bytes()
    monkeypatch.setattr(os, "replace", _crash)
    result = run_cli("add", *CHOICE_FLAGS)
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {path}: No space left on device\n"
    assert result.stdout == ""
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["user.toml"]


HEAD = "# My questions.\n# typed by hand\n\n"


def test_remove_keeps_the_other_questions_and_comments(tmp_path: Path) -> None:
    one = table("one", "# first, with a comment\n").replace(
        'answers = ["one"]', 'answers = ["one"]  # inline'
    )
    two = table("two", "# two is tricky\n")
    three = table("three", "# spelled out\n")
    path = write_bank(tmp_path, "mine.toml", HEAD + one + "\n" + two + "\n" + three)
    remove_entry(path, "q-two")
    assert path.read_text(encoding="utf-8") == HEAD + one + "\n" + three
    assert ids_in(path) == ["q-one", "q-three"]
    remove_entry(path, "q-one")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(HEAD)
    assert three in text
    assert ids_in(path) == ["q-three"]
    assert leftovers(tmp_path) == []


def test_remove_keeps_the_comment_above_the_next_question(tmp_path: Path) -> None:
    two = "# This one is about Pam.\n" + table("two")
    path = write_bank(tmp_path, "mine.toml", HEAD + table("one") + "\n" + two)
    remove_entry(path, "q-one")
    assert ids_in(path) == ["q-two"]
    assert two in path.read_text(encoding="utf-8")


def test_remove_unknown_id_changes_nothing(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "mine.toml", HEAD + table("one"))
    with pytest.raises(BankWriteError) as raised:
        remove_entry(path, "q-nine")
    assert str(raised.value) == f"no question q-nine in {path}"
    assert path.read_text(encoding="utf-8") == HEAD + table("one")


def test_removing_the_last_question_leaves_a_file_that_loads(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "mine.toml", HEAD + table("one"))
    remove_entry(path, "q-one")
    assert path.read_text(encoding="utf-8").startswith("# My questions.\n# typed by hand\n")
    load = read_bank_file(path)
    assert (load.questions, load.problems) == ([], [])
    result = run_cli("bank", "validate", str(path))
    assert result.exit_code == 0, result.stdout


def test_a_file_emptied_by_remove_takes_new_questions(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "mine.toml", HEAD + table("one"))
    remove_entry(path, "q-one")
    add_entries(path, [entry("two")])
    assert ids_in(path) == ["q-two"]


def test_add_after_removing_your_only_question(quiz_home: Path) -> None:
    added = run_cli("add", *CHOICE_FLAGS)
    qid = added.stdout.strip()
    assert run_cli("bank", "remove", qid, "--yes").exit_code == 0
    again = run_cli("add", *CHOICE_FLAGS)
    assert (again.exit_code, again.stdout, again.exception) == (0, f"{qid}\n", None)
    assert ids_in(quiz_home / "bank" / "user.toml") == [qid]
