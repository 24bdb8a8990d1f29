"""`quiz bank import/export/remove` as a user runs them: reports, round trips, refusals."""

from __future__ import annotations

import base64
import html
import json
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import Result

from quiz import output
from quiz.bank.loader import load_bank
from quiz.models import Question
from tests.conftest import run_cli, write_bank

# Shaped like a real Open Trivia DB response in its default encoding (HTML entities).
RESPONSE: dict[str, Any] = {
    "response_code": 0,
    "results": [
        {
            "type": "multiple",
            "difficulty": "easy",
            "category": "Entertainment: Television",
            "question": "In &quot;The Office&quot;, which city is the Dunder Mifflin branch in?",
            "correct_answer": "Scranton",
            "incorrect_answers": ["Stamford", "Nashua", "Utica"],
        },
        {
            "type": "boolean",
            "difficulty": "medium",
            "category": "Entertainment: Television",
            "question": "Jim&#039;s desk faces Dwight&#039;s desk.",
            "correct_answer": "True",
            "incorrect_answers": ["False"],
        },
        {
            "type": "multiple",
            "difficulty": "hard",
            "category": "Science &amp; Nature",
            "question": "At what temperature does water boil in Pam&#039;s caf&eacute;?",
            "correct_answer": "100&deg;C",
            "incorrect_answers": ["90&deg;C", "110&deg;C", "212&deg;C"],
        },
    ],
}

IMPORTED: list[dict[str, object]] = [
    {
        "id": "in-the-office-which-city-is",
        "topic": "Entertainment: Television",
        "difficulty": "easy",
        "type": "choice",
        "prompt": 'In "The Office", which city is the Dunder Mifflin branch in?',
        "choices": ["Scranton", "Stamford", "Nashua", "Utica"],
        "answers": ["Scranton"],
        "reject": [],
        "explanation": "",
        "source": "Open Trivia DB",
    },
    {
        "id": "jims-desk-faces-dwights-desk",
        "topic": "Entertainment: Television",
        "difficulty": "medium",
        "type": "truefalse",
        "prompt": "Jim's desk faces Dwight's desk.",
        "choices": [],
        "answers": ["true"],
        "reject": [],
        "explanation": "",
        "source": "Open Trivia DB",
    },
    {
        "id": "at-what-temperature-does-water-boil",
        "topic": "Science & Nature",
        "difficulty": "hard",
        "type": "choice",
        "prompt": "At what temperature does water boil in Pam's café?",
        "choices": ["100°C", "90°C", "110°C", "212°C"],
        "answers": ["100°C"],
        "reject": [],
        "explanation": "",
        "source": "Open Trivia DB",
    },
]


def user_file(home: Path) -> Path:
    return home / "bank" / "user.toml"


def user_questions() -> list[dict[str, object]]:
    result = run_cli("bank", "list", "--json")
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)
    return [q for q in found if q["origin"] != "builtin"]


def without_origin(questions: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{k: v for k, v in q.items() if k != "origin"} for q in questions]


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def encoded(encode: Callable[[str], str]) -> dict[str, Any]:
    """RESPONSE as Open Trivia DB sends it with another encoding: every string re-encoded."""
    results = []
    for item in RESPONSE["results"]:
        plain = {k: html.unescape(v) if isinstance(v, str) else v for k, v in item.items()}
        plain["incorrect_answers"] = [html.unescape(w) for w in item["incorrect_answers"]]
        results.append(
            {
                k: encode(v) if isinstance(v, str) else [encode(w) for w in v]
                for k, v in plain.items()
            }
        )
    return {"response_code": 0, "results": results}


def b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def url3986(text: str) -> str:
    return urllib.parse.quote(text, safe="")


VARIANTS: dict[str, object] = {
    "html": RESPONSE,
    "results-list": RESPONSE["results"],
    "base64": encoded(b64),
    "url3986": encoded(url3986),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_import_open_trivia_db(quiz_home: Path, tmp_path: Path, variant: str) -> None:
    source = write_json(tmp_path / "trivia.json", VARIANTS[variant])
    result = run_cli("bank", "import", str(source))
    assert result.exit_code == 0, result.stderr
    target = user_file(quiz_home)
    assert result.stdout == (
        f"Imported 3 of 3 question(s) (opentdb) into {target}\nSkipped as duplicates: 0\nInvalid: 0\n"
    )
    assert result.stderr == ""
    assert user_questions() == [q | {"origin": str(target)} for q in IMPORTED]
    shown = run_cli("bank", "show", "at-what-temperature-does-water-boil")
    assert "At what temperature does water boil in Pam's café?" in shown.stdout
    assert "Answer: 100°C " in shown.stdout


def test_importing_the_same_file_twice_adds_nothing(quiz_home: Path, tmp_path: Path) -> None:
    source = write_json(tmp_path / "trivia.json", RESPONSE)
    assert run_cli("bank", "import", str(source)).exit_code == 0
    before = user_file(quiz_home).read_bytes()
    result = run_cli("bank", "import", str(source))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"Imported 0 of 3 question(s) (opentdb) into {user_file(quiz_home)}",
        "Skipped as duplicates: 3",
        *(f"  #{n}: same as question {q['id']}" for n, q in enumerate(IMPORTED, start=1)),
        "Invalid: 0",
    ]
    assert user_file(quiz_home).read_bytes() == before


def item(question: str, right: str, *wrong: str, **changes: str) -> dict[str, object]:
    """One Open Trivia DB result; `changes` replaces fields (type, difficulty, ...)."""
    fields: dict[str, object] = {
        "type": "multiple",
        "difficulty": "medium",
        "category": "Entertainment: Television",
        "question": question,
        "correct_answer": right,
        "incorrect_answers": list(wrong),
    }
    return fields | changes


def test_duplicates_and_invalid_items_are_reported_by_index(
    quiz_home: Path, tmp_path: Path
) -> None:
    builtin = next(q for q in load_bank(user=False).questions if q.type == "choice")
    missing_answer = item("Who runs the Utica branch?", "Karen", "Jan")
    del missing_answer["correct_answer"]
    results: list[object] = [
        item("Which dish does Kevin spill on the carpet?", "Chili", "Soup", "Pasta"),
        item(html.escape(builtin.prompt), builtin.answers[0], "Nobody", "Somebody"),
        item("WHICH dish does Kevin spill on the carpet", "Chili", "Soup"),
        missing_answer,
        item("Is Creed a real name?", "Maybe", "True", type="boolean"),
        item("What does Oscar bring to the picnic?", "Salad", "salad", "Cake"),
        item("Describe the Scranton Strangler.", "A man", "A woman", type="essay"),
        item("Who founded the paper company?", "Robert", "Dwight", difficulty="extreme"),
        "a stray string",
    ]
    source = write_json(tmp_path / "mixed.json", {"response_code": 0, "results": results})
    result = run_cli("bank", "import", str(source))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"Imported 1 of 9 question(s) (opentdb) into {user_file(quiz_home)}",
        "Skipped as duplicates: 2",
        f"  #2: same as question {builtin.id}",
        "  #3: same as question which-dish-does-kevin-spill-on",
        "Invalid: 6",
        "  #4: missing 'correct_answer'",
        "  #5: a boolean correct_answer must be True or False, not 'Maybe'",
        "  #6: choices: 'salad' is listed twice",
        "  #7: unknown type 'essay'",
        "  #8: difficulty: 'extreme' is not one of: easy, medium, hard",
        "  ... and 1 more (--verbose lists them all)",
    ]
    assert [q["id"] for q in user_questions()] == ["which-dish-does-kevin-spill-on"]


def test_a_question_already_in_your_bank_is_a_duplicate(quiz_home: Path, tmp_path: Path) -> None:
    added = run_cli(
        "add", "--type", "truefalse", "--topic", "Mine", "--difficulty", "easy",
        "--prompt", "Jim's desk faces Dwight's desk!", "--answer", "true",
    )  # fmt: skip
    assert added.exit_code == 0, added.stderr
    source = write_json(tmp_path / "trivia.json", RESPONSE)
    result = run_cli("bank", "import", str(source))
    assert result.stdout.splitlines()[:3] == [
        f"Imported 2 of 3 question(s) (opentdb) into {user_file(quiz_home)}",
        "Skipped as duplicates: 1",
        "  #2: same as question jims-desk-faces-dwights-desk",
    ]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("<html>Too many requests</html>", "is not valid JSON ("),
        ('{"results": [', "is not valid JSON ("),
        (
            '{"a": 1}',
            "is JSON, but neither Open Trivia DB, The Trivia API nor a 'quiz bank export' file",
        ),
        ("42", "is JSON, but neither"),
        ('"text"', "is JSON, but neither"),
        ('{"response_code": 5, "results": []}', "response_code 5"),
    ],
    ids=["html", "truncated", "object", "number", "string", "rate-limit"],
)
def test_unreadable_files_are_usage_errors(
    quiz_home: Path, tmp_path: Path, content: str, problem: str
) -> None:
    source = tmp_path / "trivia.json"
    source.write_text(content, encoding="utf-8")
    result = run_cli("bank", "import", str(source))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {source}")
    assert problem in result.stderr
    assert result.stderr.endswith(" (see 'quiz bank import --help')\n")
    assert result.stderr.count("\n") == 1
    assert not user_file(quiz_home).exists()


def test_missing_file_is_a_usage_error(quiz_home: Path, tmp_path: Path) -> None:
    result = run_cli("bank", "import", str(tmp_path / "nope.json"))
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"Error: no such file: {tmp_path / 'nope.json'} (see 'quiz bank import --help')\n"
    )


def test_dry_run_writes_nothing(quiz_home: Path, tmp_path: Path) -> None:
    source = write_json(tmp_path / "trivia.json", RESPONSE)
    result = run_cli("bank", "import", str(source), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"Would import 3 of 3 question(s) (opentdb) into {user_file(quiz_home)}\n"
        "Skipped as duplicates: 0\n"
        "Invalid: 0\n"
        "Dry run: nothing was written.\n"
    )
    assert not user_file(quiz_home).exists()


def test_dry_run_leaves_an_existing_file_as_it_was(quiz_home: Path, tmp_path: Path) -> None:
    source = write_json(tmp_path / "trivia.json", RESPONSE)
    first = write_json(tmp_path / "first.json", RESPONSE["results"][:1])
    assert run_cli("bank", "import", str(first)).exit_code == 0
    before = user_file(quiz_home).read_bytes()
    result = run_cli("bank", "import", str(source), "--dry-run")
    assert (
        result.stdout.splitlines()[0]
        == f"Would import 2 of 3 question(s) (opentdb) into {user_file(quiz_home)}"
    )
    assert user_file(quiz_home).read_bytes() == before


def add(*args: str) -> str:
    result = run_cli("add", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout.strip()


def add_one_of_each() -> list[str]:
    """One user question of each type, with text that needs escaping; their ids."""
    return [
        add(
            "--type", "choice", "--topic", 'Office "Trivia" & More', "--difficulty", "hard",
            "--prompt", 'Which branch is 100% "Dunder Mifflin" & proud of it?',
            "--answer", "Scranton", "--wrong", "Utica & Nashua", "--wrong", "Stamford <CT>",
            "--explanation", "Lost in Open Trivia DB format.", "--source", "notes",
        ),
        add(
            "--type", "truefalse", "--topic", "Café talk", "--difficulty", "medium",
            "--prompt", "Kevin's chili survives the trip into the office.", "--answer", "no",
        ),
        add(
            "--type", "text", "--topic", "Mine", "--difficulty", "easy",
            "--prompt", "Who plays Mose?", "--answer", "Michael Schur", "--wrong", "Mike Shore",
        ),
        add(
            "--type", "multi", "--topic", "Mine", "--difficulty", "easy",
            "--prompt", "Who works in the annex?", "--answer", "Kelly", "--answer", "Toby",
            "--wrong", "Stanley",
        ),
        add(
            "--type", "order", "--topic", "Mine", "--difficulty", "medium",
            "--prompt", "Order these <b>events</b> & more:", "--answer", "Hot Girl",
            "--answer", 'The "Fire"', "--answer", "Booze Cruise & after",
        ),
    ]  # fmt: skip


def choice_set(question: dict[str, object]) -> set[str]:
    choices = question["choices"]
    assert isinstance(choices, list)
    return set(choices)


def test_opentdb_export_then_import_round_trips(
    quiz_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_one_of_each()
    mine = user_questions()
    builtin = load_bank(user=False).questions
    shareable = [q for q in builtin if q.type in ("choice", "truefalse")]
    exported = tmp_path / "f.json"
    result = run_cli("bank", "export", "--format", "opentdb", "--output", str(exported))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Exported {len(shareable) + 2} questions to {exported}\n"
    assert result.stderr == (
        f"Left out {len(builtin) - len(shareable) + 3} text, multi and order questions:"
        " Open Trivia DB cannot hold them.\n"
    )

    home_b = tmp_path / "home-b"
    monkeypatch.setenv("QUIZ_HOME", str(home_b))
    result = run_cli("bank", "import", str(exported))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"Imported 2 of {len(shareable) + 2} question(s) (opentdb) into {user_file(home_b)}",
        f"Skipped as duplicates: {len(shareable)}",
        *(f"  #{n}: same as question {q.id}" for n, q in enumerate(shareable[:5], start=1)),
        f"  ... and {len(shareable) - 5} more (--verbose lists them all)",
        "Invalid: 0",
    ]
    back = user_questions()
    keys = ("type", "prompt", "topic", "difficulty", "answers")
    assert [{k: q[k] for k in keys} for q in back] == [{k: q[k] for k in keys} for q in mine[:2]]
    assert [choice_set(q) for q in back] == [choice_set(q) for q in mine[:2]]


def test_json_export_then_import_keeps_ids(
    quiz_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = add_one_of_each()
    mine = user_questions()
    exported = tmp_path / "bank.json"
    result = run_cli("bank", "export", "--format", "json", "--output", str(exported))
    assert result.exit_code == 0, result.stderr

    monkeypatch.setenv("QUIZ_HOME", str(tmp_path / "home-b"))
    result = run_cli("bank", "import", str(exported), "--format", "json")
    assert result.exit_code == 0, result.stderr
    builtin = load_bank(user=False).questions
    assert result.stdout.splitlines()[:2] == [
        f"Imported 5 of {len(builtin) + 5} question(s) (json) into {user_file(tmp_path / 'home-b')}",
        f"Skipped as duplicates: {len(builtin)}",
    ]
    assert result.stdout.splitlines()[-1] == "Invalid: 0"
    back = user_questions()
    assert [q["id"] for q in back] == ids
    assert without_origin(back) == without_origin(mine)


@pytest.fixture
def two_of_mine(quiz_home: Path) -> list[str]:
    return [
        add(
            "--type", "truefalse", "--topic", "Mine", "--difficulty", "easy",
            "--prompt", "Jim likes pranks.", "--answer", "true",
        ),
        add(
            "--type", "text", "--topic", "Mine", "--difficulty", "easy",
            "--prompt", "Who plays Mose?", "--answer", "Michael Schur",
        ),
    ]  # fmt: skip


def test_remove_builtin_is_refused(two_of_mine: list[str]) -> None:
    builtin: Question = load_bank(user=False).questions[0]
    result = run_cli("bank", "remove", builtin.id, "--yes")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: '{builtin.id}' is a built-in question and cannot be removed;"
        " only questions from your own bank files can (see 'quiz bank remove --help')\n"
    )


def test_remove_with_yes(quiz_home: Path, two_of_mine: list[str]) -> None:
    first, second = two_of_mine
    result = run_cli("bank", "remove", first, "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Removed {first} from {user_file(quiz_home)}\n"
    assert [q["id"] for q in user_questions()] == [second]
    assert run_cli("bank", "validate", str(user_file(quiz_home))).exit_code == 0


def test_remove_from_a_bank_option_file(tmp_path: Path) -> None:
    extra = write_bank(
        tmp_path, "extra.toml",
        '[[questions]]\nid = "extra-one"\ntopic = "Mine"\ndifficulty = "easy"\n'
        'type = "truefalse"\nprompt = "Jim likes pranks."\nanswers = ["true"]\n\n'
        '[[questions]]\nid = "extra-two"\ntopic = "Mine"\ndifficulty = "easy"\n'
        'type = "truefalse"\nprompt = "Dwight likes beets."\nanswers = ["true"]\n',
    )  # fmt: skip
    result = run_cli("bank", "remove", "extra-one", "--yes", "--bank", str(extra))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Removed extra-one from {extra}\n"
    listed = json.loads(run_cli("bank", "list", "--json", "--bank", str(extra)).stdout)
    assert [q["id"] for q in listed if q["origin"] != "builtin"] == ["extra-two"]


def test_remove_without_yes_off_a_terminal(quiz_home: Path, two_of_mine: list[str]) -> None:
    before = user_file(quiz_home).read_bytes()
    result = run_cli("bank", "remove", two_of_mine[0])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: removing needs --yes when not run on a terminal (see 'quiz bank remove --help')\n"
    )
    assert user_file(quiz_home).read_bytes() == before


def test_remove_unknown_id(two_of_mine: list[str]) -> None:
    result = run_cli("bank", "remove", "no-such-question", "--yes")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: no question with id 'no-such-question'; 'quiz bank list' shows them all"
        " (see 'quiz bank remove --help')\n"
    )


def on_terminal(monkeypatch: pytest.MonkeyPatch, keys: str, *args: str) -> Result:
    monkeypatch.setattr(output, "interactive_terminal", lambda: True)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        pipe.close()
        return run_cli(*args)


def test_remove_on_a_terminal_asks_first(
    quiz_home: Path, two_of_mine: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = two_of_mine
    result = on_terminal(monkeypatch, "y", "bank", "remove", first)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Removed {first} from {user_file(quiz_home)}\n"
    assert [q["id"] for q in user_questions()] == [second]


@pytest.mark.parametrize("keys", ["n", "\r"], ids=["no", "default"])
def test_remove_on_a_terminal_no_changes_nothing(
    quiz_home: Path, two_of_mine: list[str], monkeypatch: pytest.MonkeyPatch, keys: str
) -> None:
    before = user_file(quiz_home).read_bytes()
    result = on_terminal(monkeypatch, keys, "bank", "remove", two_of_mine[0])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Nothing was changed.\n"
    assert user_file(quiz_home).read_bytes() == before


def test_remove_ctrl_c_exits_130(
    quiz_home: Path, two_of_mine: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = user_file(quiz_home).read_bytes()
    result = on_terminal(monkeypatch, "\x03", "bank", "remove", two_of_mine[0])
    assert result.exit_code == 130
    assert user_file(quiz_home).read_bytes() == before
