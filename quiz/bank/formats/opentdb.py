"""Open Trivia DB JSON in its four encodings: reading it into question tables, and writing it."""

from __future__ import annotations

import base64
import html
import re
import urllib.parse
from collections.abc import Callable, Sequence

from quiz.bank.formats.items import FormatError, Item, Source, as_item
from quiz.bank.validation import TRUEFALSE_ANSWERS
from quiz.models import Question

NAME = "opentdb"
SOURCE = "Open Trivia DB"
TYPES = {"multiple": "choice", "boolean": "truefalse"}
TEXT_KEYS = ("type", "difficulty", "category", "question", "correct_answer")
URL_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


def results_of(data: object) -> list[object]:
    """The question list of an Open Trivia DB document: the API response object's `results`, or a bare list.

    Raises ValueError with a clear one-line message if `data` is neither (e.g. a dict without a
    results list, a number, or response_code != 0 with no results).
    """
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise ValueError(
            f"not Open Trivia DB JSON: expected a response object or a list, got {type(data).__name__}"
        )
    results, code = data.get("results"), data.get("response_code", 0)
    if isinstance(results, list) and (results or code == 0):
        return results
    if code != 0:
        raise ValueError(f"Open Trivia DB answered response_code {code} and no questions")
    raise ValueError("not Open Trivia DB JSON: the response object has no 'results' list")


def _from_base64(text: str) -> str:
    return base64.b64decode(text, validate=True).decode("utf-8")


def _strings(item: dict[object, object]) -> list[str]:
    wrong = item.get("incorrect_answers")
    values = [item.get(key) for key in TEXT_KEYS] + (wrong if isinstance(wrong, list) else [])
    return [value for value in values if isinstance(value, str)]


def _decoder(items: list[object]) -> Callable[[str], str]:
    """How the strings of this document are encoded: OTDB uses one encoding for a whole response.

    base64 is tried on the `type` field; the two URL encodings leave no space in any text, and
    tell themselves apart by the space: `%20` in url3986, `+` in urlLegacy (where a real plus
    is `%2B`)."""
    dicts = [item for item in items if isinstance(item, dict)]
    for item in dicts:
        try:
            if _from_base64(item.get("type", "")) in TYPES:
                return _from_base64
        except (TypeError, ValueError):
            continue
    texts = [text for item in dicts for text in _strings(item)]
    if any(" " in text for text in texts):
        return html.unescape
    if any("%20" in text for text in texts):
        return urllib.parse.unquote
    if any("+" in text or URL_ESCAPE.search(text) for text in texts):
        return urllib.parse.unquote_plus
    return html.unescape


def _convert(item: object, decode: Callable[[str], str]) -> dict[str, object] | str:
    """Our question table for one item, or the problem that keeps it from being one."""
    if not isinstance(item, dict):
        return f"not an object but {type(item).__name__}"
    for key in (*TEXT_KEYS, "incorrect_answers"):
        if key not in item:
            return f"missing '{key}'"
    for key in TEXT_KEYS:
        if not isinstance(item[key], str):
            return f"'{key}' must be a string, not {type(item[key]).__name__}"
    wrong = item["incorrect_answers"]
    if not isinstance(wrong, list) or not all(isinstance(w, str) for w in wrong):
        return "'incorrect_answers' must be a list of strings"
    try:
        text = {key: decode(item[key]).strip() for key in TEXT_KEYS}
        incorrect = [decode(w).strip() for w in wrong]
    except ValueError as exc:  # only base64 can fail to decode
        return f"text is not valid base64 UTF-8: {exc}"
    qtype = TYPES.get(text["type"])
    if qtype is None:
        return f"unknown type '{text['type']}'"
    entry: dict[str, object] = {
        "topic": text["category"],
        "difficulty": text["difficulty"].lower(),
        "type": qtype,
        "prompt": text["question"],
    }
    right = text["correct_answer"]
    if qtype == "choice":
        entry |= {"choices": [right, *incorrect], "answers": [right]}
    elif right.lower() in TRUEFALSE_ANSWERS:
        entry["answers"] = [right.lower()]
    else:
        return f"a boolean correct_answer must be True or False, not '{right}'"
    return entry | {"explanation": "", "source": SOURCE}


def from_opentdb(data: object) -> list[Item]:
    """Convert every item of results_of(data)."""
    items = results_of(data)
    decode = _decoder(items)
    return [as_item(i, _convert(entry, decode)) for i, entry in enumerate(items, start=1)]


def read(source: Source) -> list[Item]:
    try:
        return from_opentdb(source.json_or_fail("Open Trivia DB"))
    except ValueError as exc:
        raise FormatError(f"{source.path}: {exc}") from exc


def _escape(text: str) -> str:
    # "%" and "+" as entities too, so that no exported text can pass for URL encoding.
    return html.escape(text, quote=True).replace("%", "&#37;").replace("+", "&#43;")


def to_opentdb(questions: Sequence[Question]) -> tuple[dict[str, object], list[Question]]:
    """The response object {"response_code": 0, "results": [...]} for every choice and truefalse
    question, and the questions left out (text, multi, order) because the format cannot hold them."""
    results: list[dict[str, object]] = []
    left_out: list[Question] = []
    for q in questions:
        if q.type == "choice":
            kind, right = "multiple", _escape(q.answers[0])
            wrong = [_escape(c) for c in q.choices if c not in q.answers]
        elif q.type == "truefalse":
            truth = q.answers[0] == "true"
            kind, right, wrong = "boolean", str(truth), [str(not truth)]
        else:
            left_out.append(q)
            continue
        results.append(
            {
                "type": kind,
                "difficulty": q.difficulty,
                "category": _escape(q.topic),
                "question": _escape(q.prompt),
                "correct_answer": right,
                "incorrect_answers": wrong,
            }
        )
    return {"response_code": 0, "results": results}, left_out


def looks_like(source: Source) -> bool:
    return looks_like_opentdb(source.json)


def looks_like_opentdb(data: object) -> bool:
    """True for an API response object with `results`, or a list whose items have
    `incorrect_answers` / `correct_answer`."""
    if isinstance(data, dict):
        return "results" in data
    return isinstance(data, list) and any(
        isinstance(item, dict) and ("correct_answer" in item or "incorrect_answers" in item)
        for item in data
    )
