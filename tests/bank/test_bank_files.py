"""Reading bank files: broken files, fuzzed documents, and how files combine into one bank."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.bank.loader import load_bank, read_bank_file
from quiz.errors import UsageError
from tests.bank.test_validation import VALID, bank_text, changed
from tests.conftest import SMALL_BANK, write_bank


def only_problem(path: Path) -> str:
    problems = read_bank_file(path).problems
    assert len(problems) == 1, problems
    return str(problems[0])


def test_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "bad.toml", '[[questions]]\nid = "x"\nprompt = "unterminated\n')
    assert only_problem(path).startswith(f"{path}: is not valid TOML: ")
    assert "line 3" in only_problem(path)


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('prompt = "café"'.encode("latin-1"))
    assert only_problem(path) == f"{path}: is not UTF-8 text (byte 0xe9 at offset 13)"


def test_empty_file(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "empty.toml", "")
    assert only_problem(path) == f"{path}: is empty: a bank file holds [[questions]] tables"


def test_explicitly_empty_bank_loads_with_no_problems(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "empty-list.toml", "# nothing yet\nquestions = []\n")
    load = read_bank_file(path)
    assert (load.questions, load.problems) == ([], [])


def test_file_without_questions(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "none.toml", 'title = "my bank"\n')
    problems = [str(p) for p in read_bank_file(path).problems]
    assert f"{path}: has no [[questions]] tables" in problems
    assert any("unknown top-level key 'title'" in p for p in problems)


def test_questions_that_are_not_tables(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "flat.toml", 'questions = "all of them"\n')
    assert "must be an array of tables" in only_problem(path)


def test_question_that_is_not_a_table(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "odd.toml", "questions = [1]\n")
    assert only_problem(path) == f"{path}: question #1: must be a table of fields"


def test_unreadable_path_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    folder = tmp_path / "dir.toml"
    folder.mkdir()
    assert only_problem(folder) == f"{folder}: is not a regular file (a folder, pipe or device?)"


def _toml_values() -> st.SearchStrategy[Any]:
    scalars = st.one_of(
        st.text(max_size=12),
        st.integers(-5, 5),
        st.booleans(),
        st.sampled_from(["choice", "text", "multi", "truefalse", "easy", "hard", "true"]),
    )
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=4), max_leaves=8)


_question_tables = st.dictionaries(
    st.sampled_from([*VALID.keys(), "reject", "extra"]), _toml_values(), max_size=10
)


@settings(
    max_examples=150,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    document=st.one_of(
        st.binary(max_size=200).map(lambda b: ("bytes", b)),
        st.lists(_question_tables, max_size=3).map(lambda qs: ("tables", qs)),
    )
)
@pytest.mark.slow
def test_random_documents_load_or_report_never_crash(
    tmp_path: Path, document: tuple[str, Any]
) -> None:
    kind, value = document
    path = tmp_path / "fuzz.toml"
    if kind == "bytes":
        path.write_bytes(value)
    else:
        doc = tomlkit.document()
        doc["questions"] = value
        path.write_text(tomlkit.dumps(doc), encoding="utf-8")
    load = read_bank_file(path)
    if not (load.questions or load.problems):  # only an explicitly empty bank loads to nothing
        assert tomllib.loads(path.read_text(encoding="utf-8"))["questions"] == []
    assert all(str(p).startswith(f"{path}: ") for p in load.problems)


def test_user_bank_folder_joins_the_builtin_bank(small_bank: Path, quiz_home: Path) -> None:
    write_bank(quiz_home / "bank", "user.toml", bank_text(changed(id="mine", prompt="My own?")))
    bank = load_bank()
    assert [q.id for q in bank.questions][-1] == "mine"
    assert bank.get("mine") is not None
    assert bank.get("mine").origin == str((quiz_home / "bank" / "user.toml").resolve())  # type: ignore[union-attr]
    assert len(bank.questions) == 5


def test_broken_user_file_is_skipped_rest_still_loads(small_bank: Path, quiz_home: Path) -> None:
    write_bank(quiz_home / "bank", "broken.toml", "[[questions]\n")
    write_bank(quiz_home / "bank", "good.toml", bank_text(changed(id="mine", prompt="My own?")))
    bank = load_bank()
    assert len(bank.questions) == 5
    assert [p.file for p in bank.problems] == [str(quiz_home / "bank" / "broken.toml")]


def test_bank_option_takes_files_and_folders(small_bank: Path, tmp_path: Path) -> None:
    extra = write_bank(
        tmp_path / "extra", "more.toml", bank_text(changed(id="extra", prompt="Extra?"))
    )
    assert load_bank([extra]).get("extra") is not None
    assert load_bank([extra.parent]).get("extra") is not None


def test_same_file_given_twice_loads_once(small_bank: Path) -> None:
    assert len(load_bank([SMALL_BANK / "office.toml", SMALL_BANK]).questions) == 4


def test_missing_bank_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="bank path not found"):
        load_bank([tmp_path / "nope.toml"])
