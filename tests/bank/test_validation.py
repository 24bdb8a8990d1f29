"""One malformed bank file per validation rule: the message names file, question and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import tomlkit

from quiz import paths
from quiz.bank.loader import load_files, read_bank_file

VALID: dict[str, Any] = {
    "id": "sample-question",
    "topic": "Pam Beesly",
    "difficulty": "easy",
    "type": "choice",
    "prompt": "Where does the first kiss happen?",
    "choices": ["Casino Night", "Booze Cruise", "The Dundies"],
    "answers": ["Casino Night"],
    "explanation": "After hours at the office.",
    "source": "pam",
}


def bank_text(*questions: dict[str, Any]) -> str:
    doc = tomlkit.document()
    doc["questions"] = list(questions)
    return tomlkit.dumps(doc)


def problems_for(tmp_path: Path, question: dict[str, Any]) -> list[str]:
    path = tmp_path / "broken.toml"
    path.write_text(bank_text(question), encoding="utf-8")
    return [str(p) for p in read_bank_file(path).problems]


def changed(**fields: Any) -> dict[str, Any]:
    question = {**VALID, **fields}
    return {k: v for k, v in question.items() if v is not None}


CASES = [
    ("missing id", changed(id=None), "#1", "id", "is missing"),
    ("missing topic", changed(topic=None), "sample-question", "topic", "is missing"),
    ("missing prompt", changed(prompt=None), "sample-question", "prompt", "is missing"),
    ("empty prompt", changed(prompt="  "), "sample-question", "prompt", "must not be empty"),
    ("missing answers", changed(answers=None), "sample-question", "answers", "is missing"),
    ("bad id slug", changed(id="Bad Id!"), "Bad Id!", "id", "must be a slug"),
    ("unknown type", changed(type="essay"), "sample-question", "type", "'essay' is not one of"),
    (
        "unknown difficulty",
        changed(difficulty="brutal"),
        "sample-question",
        "difficulty",
        "'brutal'",
    ),
    ("wrong value type", changed(prompt=42), "sample-question", "prompt", "must be a string"),
    (
        "answers not a list",
        changed(answers="Casino Night"),
        "sample-question",
        "answers",
        "list of strings",
    ),
    ("unknown field", changed(hint="x"), "sample-question", "hint", "unknown field"),
    (
        "one option",
        changed(choices=["Casino Night"]),
        "sample-question",
        "choices",
        "needs 2-6 options, has 1",
    ),
    (
        "seven options",
        changed(choices=["Casino Night", "a", "b", "c", "d", "e", "f"]),
        "sample-question",
        "choices",
        "has 7",
    ),
    (
        "duplicate options",
        changed(choices=["Casino Night", "Booze Cruise", "booze cruise"]),
        "sample-question",
        "choices",
        "'booze cruise' is listed twice",
    ),
    (
        "right answer also listed as wrong",
        changed(choices=["Casino Night", "Booze Cruise", "casino  NIGHT"]),
        "sample-question",
        "choices",
        "listed twice",
    ),
    (
        "answer not an option",
        changed(answers=["Diversity Day"]),
        "sample-question",
        "answers",
        "not one of the choices",
    ),
    (
        "choice with two answers",
        changed(answers=["Casino Night", "Booze Cruise"]),
        "sample-question",
        "answers",
        "exactly one answer, has 2",
    ),
    (
        "multi without a wrong option",
        changed(type="multi", choices=["A", "B"], answers=["A", "B"]),
        "sample-question",
        "choices",
        "at least one wrong option",
    ),
    (
        "multi without a right answer",
        changed(type="multi", choices=["A", "B"], answers=[]),
        "sample-question",
        "answers",
        "at least one right answer",
    ),
    (
        "truefalse with another answer",
        changed(type="truefalse", choices=None, answers=["yes"]),
        "sample-question",
        "answers",
        '["true"] or ["false"]',
    ),
    (
        "truefalse with choices",
        changed(type="truefalse", answers=["true"]),
        "sample-question",
        "choices",
        "takes no choices",
    ),
    (
        "text without accepted answers",
        changed(type="text", choices=None, answers=[]),
        "sample-question",
        "answers",
        "at least one accepted answer",
    ),
    (
        "text answer also rejected",
        changed(type="text", choices=None, answers=["Amy Adams"], reject=["amy adams"]),
        "sample-question",
        "reject",
        "also an accepted answer",
    ),
    (
        "reject on a choice question",
        changed(reject=["x"]),
        "sample-question",
        "reject",
        "only text",
    ),
    (
        "order with two items",
        changed(type="order", choices=["A", "B"], answers=["A", "B"]),
        "sample-question",
        "choices",
        "an order question needs 3-6 items, has 2",
    ),
    (
        "order with seven items",
        changed(type="order", choices=list("ABCDEFG"), answers=list("ABCDEFG")),
        "sample-question",
        "choices",
        "needs 3-6 items, has 7",
    ),
    (
        "order with an item twice",
        changed(type="order", choices=["A", "B", "b"], answers=["A", "B", "b"]),
        "sample-question",
        "choices",
        "'b' is listed twice",
    ),
    (
        "order answer listing an item twice",
        changed(type="order", choices=["A", "B", "C"], answers=["A", "B", "B", "C"]),
        "sample-question",
        "answers",
        "'B' is listed twice",
    ),
    (
        "order answer leaving an item out",
        changed(type="order", choices=["A", "B", "C"], answers=["C", "A"]),
        "sample-question",
        "answers",
        "'B' is missing: list every item of choices in the right order",
    ),
    (
        "order answer that is not an item",
        changed(type="order", choices=["A", "B", "C"], answers=["C", "A", "B", "D"]),
        "sample-question",
        "answers",
        "'D' is not one of the choices",
    ),
    (
        "order without choices",
        changed(type="order", choices=None, answers=["A", "B", "C"]),
        "sample-question",
        "choices",
        "has 0",
    ),
    (
        "reject on an order question",
        changed(type="order", choices=["A", "B", "C"], answers=["C", "A", "B"], reject=["x"]),
        "sample-question",
        "reject",
        "only text",
    ),
    (
        "empty string in a list",
        changed(answers=[""]),
        "sample-question",
        "answers",
        "empty strings",
    ),
    ("escape in the prompt", changed(prompt="Hi\x1b[2J"), "sample-question", "prompt", "U+001B"),
    ("BEL in the topic", changed(topic="Pam\x07"), "sample-question", "topic", "U+0007"),
    (
        "C1 CSI in a choice",
        changed(choices=["Casino Night", "B\x9b2J"]),
        "sample-question",
        "choices",
        "U+009B",
    ),
    (
        "DEL in an answer",
        changed(answers=["Casino Night\x7f"]),
        "sample-question",
        "answers",
        "U+007F",
    ),
    (
        "tab in the explanation",
        changed(explanation="a\tb"),
        "sample-question",
        "explanation",
        "U+0009",
    ),
    ("NUL in the source", changed(source="pam\x00"), "sample-question", "source", "U+0000"),
]


@pytest.mark.parametrize(
    ("question", "label", "field", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_rule_names_file_question_and_field(
    tmp_path: Path, question: dict[str, Any], label: str, field: str, message: str
) -> None:
    problems = problems_for(tmp_path, question)
    expected_start = f"{tmp_path / 'broken.toml'}: question {label}: field '{field}': "
    matching = [p for p in problems if p.startswith(expected_start) and message in p]
    assert matching, problems


def test_a_valid_question_has_no_problems(tmp_path: Path) -> None:
    assert problems_for(tmp_path, VALID) == []


def test_a_valid_order_question_loads_with_items_and_order_kept(tmp_path: Path) -> None:
    path = tmp_path / "order.toml"
    order = changed(
        type="order",
        prompt="Put these in the order they happen.",
        choices=["The wedding", "The first kiss", "The proposal"],
        answers=["The first kiss", "The proposal", "The wedding"],
    )
    path.write_text(bank_text(order), encoding="utf-8")
    load = read_bank_file(path)
    assert load.problems == []
    (question,) = load.questions
    assert question.type == "order"
    assert question.choices == ("The wedding", "The first kiss", "The proposal")
    assert question.answers == ("The first kiss", "The proposal", "The wedding")


def test_all_problems_of_a_file_are_reported_at_once(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, changed(difficulty="brutal", type="essay", prompt=None))
    assert {p.split("field ")[1].split(":")[0] for p in problems} == {
        "'difficulty'",
        "'type'",
        "'prompt'",
    }


def test_user_questions_may_skip_explanation_and_use_new_topics(tmp_path: Path) -> None:
    assert problems_for(tmp_path, changed(explanation=None, source=None, topic="Creed")) == []


@pytest.mark.parametrize(
    ("question", "field"),
    [
        (changed(explanation=None), "explanation"),
        (changed(source="wikipedia"), "source"),
        (changed(topic="Creed Bratton"), "topic"),
    ],
)
def test_builtin_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, question: dict[str, Any], field: str
) -> None:
    monkeypatch.setattr(paths, "builtin_bank_dir", lambda: tmp_path)
    problems = problems_for(tmp_path, question)
    assert any(f"question sample-question: field '{field}'" in p for p in problems), problems


def test_duplicate_id_in_one_file(tmp_path: Path) -> None:
    path = tmp_path / "dupes.toml"
    path.write_text(bank_text(VALID, changed(prompt="Another prompt?")), encoding="utf-8")
    problems = [str(p) for p in load_files([path]).problems]
    assert problems == [
        f"{path}: question sample-question: field 'id': id 'sample-question' is already used in {path}"
    ]


def test_duplicate_id_across_files_skips_the_later_file(tmp_path: Path) -> None:
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    first.write_text(bank_text(VALID), encoding="utf-8")
    second.write_text(bank_text(changed(prompt="A different prompt?")), encoding="utf-8")
    bank = load_files([first, second])
    assert [q.origin for q in bank.questions] == [str(first.resolve())]
    assert [str(p) for p in bank.problems] == [
        f"{second}: question sample-question: field 'id': id 'sample-question' is already used in {first}"
    ]


def test_duplicate_prompt_ignores_case_and_punctuation(tmp_path: Path) -> None:
    path = tmp_path / "dupes.toml"
    path.write_text(
        bank_text(VALID, changed(id="other", prompt="where does the FIRST kiss happen")),
        encoding="utf-8",
    )
    problems = [str(p) for p in load_files([path]).problems]
    assert problems == [
        f"{path}: question other: field 'prompt': same prompt as question sample-question in {path}"
    ]


def test_newlines_are_fine_but_control_characters_say_what_to_do(tmp_path: Path) -> None:
    assert problems_for(tmp_path, changed(explanation="Two\nlines.")) == []
    (problem,) = problems_for(tmp_path, changed(prompt="Hi\x1b]0;title\x07"))
    assert problem.endswith(
        "holds control character U+001B, which a terminal would obey; remove it"
    )
