"""Quality warnings in `quiz bank validate`: named, exit 0, and failing only with --strict."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quiz.bank.lints import lint
from quiz.models import Question
from tests.bank.test_validation import bank_text, changed
from tests.conftest import run_cli, write_bank

pytestmark = pytest.mark.usefixtures("small_bank")


def choice(right: str, *wrong: str, prompt: str = "Which one is it?") -> Question:
    return Question("q", "T", "easy", "choice", prompt, (right,), choices=(right, *wrong))


@pytest.mark.parametrize(
    ("right", "wrong", "warned"),
    [
        # 1.6 x 20 = 32 and 20 + 12 = 32: 33 characters passes both, 32 neither.
        ("x" * 33, ["y" * 20, "z" * 5], True),
        ("x" * 32, ["y" * 20, "z" * 5], False),
        # Twice as long but only 10 characters longer: short options may differ so.
        ("x" * 20, ["y" * 10], False),
        # 13 characters longer but only 1.26 times as long.
        ("x" * 63, ["y" * 50], False),
    ],
)
def test_a_right_option_much_longer_than_every_wrong_one(
    right: str, wrong: list[str], warned: bool
) -> None:
    fields = [field for field, _ in lint(choice(right, *wrong))]
    assert fields == (["choices"] if warned else [])


def test_each_long_right_option_of_a_multi_question_is_named() -> None:
    long_one = "Made a phone call in the empty office"
    question = Question(
        "q", "T", "easy", "multi", "Which?", (long_one, "Kiss"), (long_one, "Kiss", "Boat")
    )
    assert lint(question) == [
        (
            "choices",
            f"the right option '{long_one}' (37 characters) is much longer than the longest"
            " wrong one (4): its length gives it away",
        )
    ]


@pytest.mark.parametrize(
    ("prompt", "answer", "warned"),
    [
        ("Which branch was Karen's, before Scranton?", "Karen", True),
        ("In STAMFORD, who ran the branch?", "Stamford", True),
        ("Who played Karen Filippelli?", "Karen Filippelli", True),
        ("Who did Karenina love?", "Karen", False),  # not as a whole word
        ("Jim met Pam where?", "Pam", False),  # under 5 letters
        ("Seven seasons, or how many?", "seven", False),  # a number
    ],
)
def test_an_answer_its_own_prompt_names(prompt: str, answer: str, warned: bool) -> None:
    for question in (
        choice(answer, "Somebody else", prompt=prompt),
        Question("q", "T", "easy", "text", prompt, (answer,)),
    ):
        expected = [("prompt", f"the prompt contains the answer '{answer}'")] if warned else []
        assert lint(question) == expected


LONG: dict[str, Any] = changed(
    id="long-right-option",
    prompt="What did Pam do when Jim kissed her?",
    choices=["Made a phone call in the empty office after hours", "Sang", "Left"],
    answers=["Made a phone call in the empty office after hours"],
)
NAMED: dict[str, Any] = changed(
    id="named-in-prompt",
    type="text",
    prompt="Karen's branch was Stamford. Which branch was it?",
    choices=None,
    answers=["Stamford"],
)


def test_warnings_name_file_and_question_and_leave_exit_code_zero(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "mine.toml", bank_text(LONG, NAMED))
    result = run_cli("bank", "validate", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"warning: {path}: question long-right-option: field 'choices': the right option"
        " 'Made a phone call in the empty office after hours' (49 characters) is much longer"
        " than the longest wrong one (4): its length gives it away",
        f"warning: {path}: question named-in-prompt: field 'prompt': the prompt contains the"
        " answer 'Stamford'",
        "OK: 6 questions in 2 files, no problems; 2 warnings.",
    ]


def test_strict_fails_on_warnings(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "mine.toml", bank_text(NAMED))
    result = run_cli("bank", "validate", "--strict", str(path))
    assert result.exit_code == 1
    assert "question named-in-prompt: field 'prompt'" in result.stdout
    assert result.stdout.splitlines()[-1] == (
        "1 warning in 2 files, which --strict counts as failures."
    )


def test_strict_passes_a_file_without_warnings(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "mine.toml", bank_text(changed(id="fine", prompt="Fine?")))
    result = run_cli("bank", "validate", "--strict", str(path))
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stdout


def test_only_the_files_asked_for_are_linted(tmp_path: Path, quiz_home: Path) -> None:
    write_bank(quiz_home / "bank", "user.toml", bank_text(NAMED))
    assert run_cli("bank", "validate", "--strict").exit_code == 1
    clean = write_bank(tmp_path, "clean.toml", bank_text(changed(id="fine", prompt="Fine?")))
    result = run_cli("bank", "validate", "--strict", str(clean))
    assert result.exit_code == 0, result.output


def test_problems_still_fail_and_count_warnings_too(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "mine.toml", bank_text(NAMED, changed(id="bad", type="essay")))
    result = run_cli("bank", "validate", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "1 problem in 1 of 2 files; 1 warning."
