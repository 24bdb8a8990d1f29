"""Open Trivia DB import and export: all three encodings, bad items, and the round trip."""

from __future__ import annotations

import base64
import html
import json
import urllib.parse
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.bank.formats.items import Item
from quiz.bank.formats.opentdb import from_opentdb, looks_like_opentdb, results_of, to_opentdb
from quiz.bank.validation import check_question
from quiz.models import DIFFICULTIES, Question

USER_FILE = "/tmp/user.toml"

# Shaped like a real default-encoded API response: HTML entities, named ones included.
RESPONSE: dict[str, Any] = {
    "response_code": 0,
    "results": [
        {
            "type": "multiple",
            "difficulty": "easy",
            "category": "Entertainment: Television",
            "question": "Which company does Jim sell paper for in &quot;The Office&quot;?",
            "correct_answer": "Dunder Mifflin",
            "incorrect_answers": ["Staples", "Wernham Hogg", "Prince Family Paper &amp; Co."],
        },
        {
            "type": "boolean",
            "difficulty": "medium",
            "category": "Entertainment: Television",
            "question": "Dwight&#039;s family runs a beet farm.",
            "correct_answer": "True",
            "incorrect_answers": ["False"],
        },
        {
            "type": "multiple",
            "difficulty": "hard",
            "category": "Entertainment: Television &amp; Film",
            "question": " At what temperature does Michael keep the caf&eacute; corner? ",
            "correct_answer": "72&deg;F",
            "incorrect_answers": ["68&deg;F", "80&deg;F"],
        },
        {
            "type": "boolean",
            "difficulty": "Hard",
            "category": "Entertainment: Television",
            "question": "Pam&#039;s art show is held in Scranton&#039;s caf&eacute;.",
            "correct_answer": "False",
            "incorrect_answers": ["True"],
        },
    ],
}

EXPECTED: list[dict[str, object]] = [
    {
        "topic": "Entertainment: Television",
        "difficulty": "easy",
        "type": "choice",
        "prompt": 'Which company does Jim sell paper for in "The Office"?',
        "choices": ["Dunder Mifflin", "Staples", "Wernham Hogg", "Prince Family Paper & Co."],
        "answers": ["Dunder Mifflin"],
        "explanation": "",
        "source": "Open Trivia DB",
    },
    {
        "topic": "Entertainment: Television",
        "difficulty": "medium",
        "type": "truefalse",
        "prompt": "Dwight's family runs a beet farm.",
        "answers": ["true"],
        "explanation": "",
        "source": "Open Trivia DB",
    },
    {
        "topic": "Entertainment: Television & Film",
        "difficulty": "hard",
        "type": "choice",
        "prompt": "At what temperature does Michael keep the café corner?",
        "choices": ["72°F", "68°F", "80°F"],
        "answers": ["72°F"],
        "explanation": "",
        "source": "Open Trivia DB",
    },
    {
        "topic": "Entertainment: Television",
        "difficulty": "hard",
        "type": "truefalse",
        "prompt": "Pam's art show is held in Scranton's café.",
        "answers": ["false"],
        "explanation": "",
        "source": "Open Trivia DB",
    },
]


def reencoded(items: list[Any], encode: Callable[[str], str]) -> list[Any]:
    """The items with every string field in another encoding, as OTDB serves it."""

    def convert(value: Any) -> Any:
        if isinstance(value, str):
            return encode(html.unescape(value))
        if isinstance(value, list):
            return [convert(v) for v in value]
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        return value

    return [convert(item) for item in items]


def b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def url3986(text: str) -> str:
    return urllib.parse.quote(text, safe="")


BASE64_RESULTS = reencoded(RESPONSE["results"], b64)
URL3986_RESULTS = reencoded(RESPONSE["results"], url3986)


def entries(converted: list[Item]) -> list[dict[str, object] | None]:
    return [c.entry for c in converted]


def test_default_encoding_decodes_html_entities_exactly() -> None:
    converted = from_opentdb(RESPONSE)
    assert [c.index for c in converted] == [1, 2, 3, 4]
    assert [c.problem for c in converted] == [""] * 4
    assert entries(converted) == EXPECTED


def test_base64_encoding_is_detected_and_decoded() -> None:
    assert BASE64_RESULTS[0]["type"] == "bXVsdGlwbGU="
    assert BASE64_RESULTS[1]["type"] == "Ym9vbGVhbg=="
    assert entries(from_opentdb({"response_code": 0, "results": BASE64_RESULTS})) == EXPECTED


def test_url3986_encoding_is_detected_and_decoded() -> None:
    assert URL3986_RESULTS[1]["question"] == "Dwight%27s%20family%20runs%20a%20beet%20farm."
    assert entries(from_opentdb({"response_code": 0, "results": URL3986_RESULTS})) == EXPECTED


def test_a_bare_results_list_works() -> None:
    assert entries(from_opentdb(RESPONSE["results"])) == EXPECTED
    assert results_of(RESPONSE["results"]) == RESPONSE["results"]


@pytest.mark.parametrize("results", [RESPONSE["results"], BASE64_RESULTS, URL3986_RESULTS])
def test_every_converted_entry_is_valid_for_a_user_bank(results: list[Any]) -> None:
    for converted in from_opentdb(results):
        assert converted.entry is not None
        question, problems = check_question(converted.entry | {"id": "x"}, origin=USER_FILE)
        assert problems == []
        assert question is not None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"response_code": 1, "results": []}, "response_code 1"),
        ({"response_code": 5}, "response_code 5"),
        ({"questions": []}, "no 'results' list"),
        ({"response_code": 0, "results": "none"}, "no 'results' list"),
        (42, "got int"),
        ("results", "got str"),
        (None, "got NoneType"),
    ],
)
def test_documents_that_are_not_opentdb_raise_one_line_errors(data: object, message: str) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        from_opentdb(data)
    assert "\n" not in str(caught.value)


def test_invalid_items_are_reported_and_the_valid_ones_around_them_still_convert() -> None:
    good_choice, good_truefalse = RESPONSE["results"][0], RESPONSE["results"][1]
    no_answer = {k: v for k, v in good_choice.items() if k != "correct_answer"}
    items = [
        good_choice,
        "not a question",
        no_answer,
        good_choice | {"type": "essay"},
        good_truefalse,
        good_choice | {"incorrect_answers": "Staples"},
        good_choice | {"question": 7},
        good_truefalse | {"correct_answer": "Maybe"},
    ]
    converted = from_opentdb(items)
    assert [c.index for c in converted] == list(range(1, 9))
    assert converted[0].entry == EXPECTED[0]
    assert converted[4].entry == EXPECTED[1]
    problems = {c.index: c.problem for c in converted if c.entry is None}
    assert set(problems) == {2, 3, 4, 6, 7, 8}
    assert "str" in problems[2]
    assert problems[3] == "missing 'correct_answer'"
    assert problems[4] == "unknown type 'essay'"
    assert "'incorrect_answers'" in problems[6]
    assert "'question'" in problems[7]
    assert "Maybe" in problems[8]


def test_base64_is_still_detected_around_an_unknown_type() -> None:
    items = [*BASE64_RESULTS[:2], BASE64_RESULTS[0] | {"type": b64("essay")}]
    converted = from_opentdb(items)
    assert entries(converted)[:2] == EXPECTED[:2]
    assert converted[2].problem == "unknown type 'essay'"


# Stripped and non-empty, as every loaded question's text is; markup characters made likely.
clean_text = (
    st.text(
        st.one_of(st.sampled_from("<>&\"'%;#"), st.characters(exclude_categories=["Cs"])),
        min_size=1,
        max_size=20,
    )
    .map(str.strip)
    .filter(bool)
)


@st.composite
def choice_questions(draw: st.DrawFn) -> Question:
    options = draw(st.lists(clean_text, min_size=2, max_size=6, unique=True))
    return Question(
        id="q",
        topic=draw(clean_text),
        difficulty=draw(st.sampled_from(DIFFICULTIES)),
        type="choice",
        prompt=draw(clean_text),
        choices=tuple(options),
        answers=(draw(st.sampled_from(options)),),
    )


@st.composite
def truefalse_questions(draw: st.DrawFn) -> Question:
    return Question(
        id="q",
        topic=draw(clean_text),
        difficulty=draw(st.sampled_from(DIFFICULTIES)),
        type="truefalse",
        prompt=draw(clean_text),
        answers=(draw(st.sampled_from(["true", "false"])),),
    )


TEXT_QUESTION = Question(
    id="t",
    topic="Jim Halpert",
    difficulty="easy",
    type="text",
    prompt="Jim's town?",
    answers=("Scranton",),
)
MULTI_QUESTION = Question(
    id="m",
    topic="Jim Halpert",
    difficulty="easy",
    type="multi",
    prompt="Jim's coworkers?",
    choices=("Pam", "Dwight", "Roy"),
    answers=("Pam", "Dwight"),
)


@given(st.lists(st.one_of(choice_questions(), truefalse_questions()), max_size=8))
def test_export_then_import_round_trips(questions: list[Question]) -> None:
    document, left_out = to_opentdb([TEXT_QUESTION, *questions, MULTI_QUESTION])
    assert left_out == [TEXT_QUESTION, MULTI_QUESTION]
    converted = from_opentdb(json.loads(json.dumps(document)))
    assert len(converted) == len(questions)
    for question, result in zip(questions, converted, strict=True):
        entry = result.entry
        assert entry is not None, result.problem
        assert entry["type"] == question.type
        assert entry["prompt"] == question.prompt
        assert entry["topic"] == question.topic
        assert entry["difficulty"] == question.difficulty
        assert entry["answers"] == list(question.answers)
        # OTDB lists the right answer first: the order of the options is not kept.
        choices = entry.get("choices", [])
        assert isinstance(choices, list)
        assert sorted(choices) == sorted(question.choices)


def test_exported_percent_signs_are_not_taken_for_url3986() -> None:
    question = Question(
        id="p",
        topic="Sales",
        difficulty="easy",
        type="choice",
        prompt="%41%42",
        choices=("100%", "50%25"),
        answers=("50%25",),
    )
    document, _ = to_opentdb([question])
    entry = from_opentdb(document)[0].entry
    assert entry is not None
    assert (entry["prompt"], entry["choices"]) == ("%41%42", ["50%25", "100%"])


def test_export_shape() -> None:
    tf = Question(
        id="tf",
        topic="Tom & Jerry",
        difficulty="medium",
        type="truefalse",
        prompt="<b>?",
        answers=("false",),
    )
    document, left_out = to_opentdb([tf])
    assert left_out == []
    assert document == {
        "response_code": 0,
        "results": [
            {
                "type": "boolean",
                "difficulty": "medium",
                "category": "Tom &amp; Jerry",
                "question": "&lt;b&gt;?",
                "correct_answer": "False",
                "incorrect_answers": ["True"],
            }
        ],
    }


def test_looks_like_opentdb() -> None:
    assert looks_like_opentdb(RESPONSE)
    assert looks_like_opentdb({"response_code": 1, "results": []})
    assert looks_like_opentdb(RESPONSE["results"])
    assert looks_like_opentdb(BASE64_RESULTS)
    assert not looks_like_opentdb([TEXT_QUESTION.export(), MULTI_QUESTION.export()])
    assert not looks_like_opentdb([])
    assert not looks_like_opentdb({"questions": []})
    assert not looks_like_opentdb(42)
