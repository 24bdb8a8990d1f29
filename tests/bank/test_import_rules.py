"""What import keeps and what it skips: exact duplicates only, distinct options, clean text."""

from __future__ import annotations

import json
from pathlib import Path

import pexpect
import pytest

from quiz.bank.validation import check_question
from tests.bank.test_import_export import item as choice
from tests.conftest import installed_quiz, run_cli, write_bank


def otdb(*items: dict[str, object]) -> dict[str, object]:
    return {"response_code": 0, "results": list(items)}


def import_json(tmp_path: Path, data: object, *args: str, exit_code: int = 0) -> list[str]:
    source = tmp_path / "trivia.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run_cli("bank", "import", str(source), *args)
    assert result.exit_code == exit_code, result.stderr
    return result.stdout.splitlines()


def stored(home: Path) -> list[dict[str, object]]:
    result = run_cli("bank", "list", "--json")
    found: list[dict[str, object]] = json.loads(result.stdout)
    return [q for q in found if q["origin"] != "builtin"]


SIMILAR_BUT_DIFFERENT = [
    ("What is the capital of India?", "What is the capital of Indonesia?"),
    ("Who is the youngest Beatle?", "Who is the oldest Beatle?"),
    ("How many sides does a pentagon have?", "How many sides does a heptagon have?"),
    ("What is the capital of Peru?", "What is the capital of Belarus?"),
    ("What is the left side of a boat called?", "What is the right side of a boat called?"),
]


def test_similar_prompts_are_different_questions(quiz_home: Path, tmp_path: Path) -> None:
    items = [choice(q, "A", "B") for pair in SIMILAR_BUT_DIFFERENT for q in pair]
    lines = import_json(tmp_path, otdb(*items))
    assert lines[:3] == [
        f"Imported 10 of 10 question(s) (opentdb) into {quiz_home / 'bank' / 'user.toml'}",
        "Skipped as duplicates: 0",
        "Invalid: 0",
    ]


def test_only_the_same_normalised_prompt_is_a_duplicate(quiz_home: Path, tmp_path: Path) -> None:
    lines = import_json(
        tmp_path,
        otdb(
            choice("What is the capital of Peru?", "Lima", "Cusco"),
            choice("what is THE capital of  Perú", "Lima", "Arequipa"),
            choice("The capital of Peru is what?", "Lima", "Cusco"),
        ),
    )
    assert lines[1:3] == [
        "Skipped as duplicates: 1",
        "  #2: same as question what-is-the-capital-of-peru",
    ]
    assert len(stored(quiz_home)) == 2


@pytest.mark.parametrize(
    "options",
    [
        ["-40", "+40", "40"],
        ["C#", "C++", "Objective-C", "C"],
        ["314.15 Inches", "3141.5 Inches"],
        ["Brasil", "Brasília"],
        ["cos(x)", "-cos(x)"],
        ["5%", "<1%"],
        ["V = I*R", "V = I / R"],
    ],
)
def test_options_differing_in_signs_symbols_or_accents_are_distinct(
    quiz_home: Path, tmp_path: Path, options: list[str]
) -> None:
    lines = import_json(tmp_path, otdb(choice("Which one is right?", *options)))
    assert lines[0].startswith("Imported 1 of 1")
    assert stored(quiz_home)[0]["choices"] == options


@pytest.mark.parametrize("twin", ["casino night", "CASINO  NIGHT", " Casino Night "])
def test_options_differing_only_in_case_or_spacing_are_one(twin: str) -> None:
    table = {
        "id": "q", "topic": "T", "difficulty": "easy", "type": "choice", "prompt": "Which?",
        "choices": ["Casino Night", "Booze Cruise", twin], "answers": ["Casino Night"],
    }  # fmt: skip
    _, problems = check_question(table, "mine.toml")
    assert [(p.field, p.message) for p in problems] == [
        ("choices", f"'{twin.strip()}' is listed twice")
    ]


def test_invisible_characters_are_dropped_and_odd_spaces_folded(
    quiz_home: Path, tmp_path: Path
) -> None:
    lines = import_json(
        tmp_path,
        otdb(
            choice("Which island is Kingston on?", "Jamaica\u200e", "Cuba\x07", "Haiti\u200f"),
            choice(
                "Which word has a soft\u00adhyphen?",
                "Non\u00a0breaking",
                "Tab\tbed",
                "Zero\u200bwidth",
            ),
            choice("Which of these is plain?", "Plain", "Simple"),
        ),
    )
    assert lines[-1] == (
        "Invisible or control characters dropped, odd spaces made plain, in 2 question(s): #1, #2"
    )
    first, second, _ = stored(quiz_home)
    assert first["choices"] == ["Jamaica", "Cuba", "Haiti"]
    assert second["prompt"] == "Which word has a softhyphen?"
    assert second["choices"] == ["Non breaking", "Tab bed", "Zerowidth"]


def test_the_validator_reports_invisible_characters(tmp_path: Path) -> None:
    bank = write_bank(
        tmp_path,
        "mine.toml",
        "[[questions]]\n"
        'id = "hidden"\ntopic = "T"\ndifficulty = "easy"\ntype = "choice"\n'
        'prompt = "Which island?"\nchoices = ["Jamaica\\u200e", "Cuba"]\nanswers = ["Cuba"]\n',
    )
    result = run_cli("bank", "validate", str(bank))
    assert result.exit_code == 1
    assert (
        f"{bank}: question hidden: field 'choices': holds invisible characters"
        " (U+200E LEFT-TO-RIGHT MARK); delete them"
    ) in result.stdout


def test_verbose_lists_every_skipped_and_invalid_item(quiz_home: Path, tmp_path: Path) -> None:
    items = [choice(f"Bad question {n}?", "A", "A") for n in range(1, 8)]
    short = import_json(tmp_path, otdb(*items), exit_code=1)  # nothing usable: a failure
    assert short[1:] == [
        "Skipped as duplicates: 0",
        "Invalid: 7",
        *(f"  #{n}: choices: 'A' is listed twice" for n in range(1, 6)),
        "  ... and 2 more (--verbose lists them all)",
    ]
    full = import_json(tmp_path, otdb(*items), "--verbose", exit_code=1)
    assert full[3:] == [f"  #{n}: choices: 'A' is listed twice" for n in range(1, 8)]


@pytest.mark.pty
def test_a_big_file_shows_a_progress_bar_on_a_terminal(quiz_home: Path, tmp_path: Path) -> None:
    items = [
        choice(f"Generated question number {n}?", f"Right {n}", f"Wrong {n}") for n in range(600)
    ]
    source = tmp_path / "big.json"
    source.write_text(json.dumps(otdb(*items)), encoding="utf-8")
    child = pexpect.spawn(
        installed_quiz(), ["bank", "import", str(source)], encoding="utf-8", timeout=60,
        dimensions=(24, 100), env={"QUIZ_HOME": str(quiz_home), "PATH": "/usr/bin:/bin", "TERM": "xterm"},
    )  # fmt: skip
    child.expect("Importing")
    child.expect("Imported 600 of 600 question\\(s\\)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_importing_into_a_file_keeps_every_byte_it_had(quiz_home: Path, tmp_path: Path) -> None:
    mine = write_bank(
        tmp_path,
        "mine.toml",
        "# My questions, laid out my way.\n\n[[questions]]\n"
        'id   = "kept"   # aligned on purpose\ntopic = "T"\ndifficulty = "easy"\n'
        'type = "truefalse"\nprompt = """Kept as written."""\nanswers = [ "true" ]\n\n'
        "# a closing comment\n",
    )
    before = mine.read_text(encoding="utf-8")
    source = tmp_path / "trivia.json"
    source.write_text(json.dumps(otdb(choice("Which one is new?", "A", "B"))), encoding="utf-8")
    result = run_cli("bank", "import", str(source), "--bank", str(mine))
    assert result.exit_code == 0, result.stderr
    after = mine.read_text(encoding="utf-8")
    assert after.startswith(before)
    assert after[len(before) :].startswith('\n[[questions]]\nid = "which-one-is-new"\n')
