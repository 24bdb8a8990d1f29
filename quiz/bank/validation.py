"""The rules every question must satisfy, shared by the loader and `quiz add`."""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from dataclasses import dataclass

from quiz.bank.cleaning import invisible_characters
from quiz.models import (
    BUILTIN_ORIGIN,
    BUILTIN_TOPICS,
    DIFFICULTIES,
    QUESTION_TYPES,
    SOURCES,
    Question,
)
from quiz.textmatch import normalise, option_key

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# What a terminal would obey (C0 but newline, DEL, C1), and bytes that were not UTF-8.
CONTROL_CHARACTER = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
FIELDS = (
    "id",
    "topic",
    "difficulty",
    "type",
    "prompt",
    "choices",
    "answers",
    "reject",
    "explanation",
    "source",
    "asks",
    "mentions",
)
MAX_ASKS = 3
MIN_OPTIONS, MAX_OPTIONS = 2, 6
MIN_ORDER_ITEMS, MAX_ORDER_ITEMS = 3, 6
TRUEFALSE_ANSWERS = ("true", "false")


@dataclass(frozen=True, slots=True)
class FieldProblem:
    field: str
    message: str


class _Checker:
    """Collects every problem of one raw question table."""

    def __init__(self, raw: Mapping[str, object]) -> None:
        self.raw = raw
        self.problems: list[FieldProblem] = []

    def fail(self, field: str, message: str) -> None:
        self.problems.append(FieldProblem(field, message))

    def printable(self, field: str, value: str) -> None:
        found = CONTROL_CHARACTER.search(value)
        if found:
            code = ord(found.group())
            if code > 0xFF:  # a surrogate: a byte that was not UTF-8, kept by surrogateescape
                self.fail(field, "holds a byte that is not UTF-8 text; remove it")
            else:
                self.fail(
                    field,
                    f"holds control character U+{code:04X}, which a terminal would obey; remove it",
                )

    def visible(self, field: str, value: str) -> None:
        hidden = invisible_characters(value)
        if hidden:
            self.fail(field, f"holds invisible characters ({', '.join(hidden)}); delete them")

    def text(self, field: str, *, required: bool) -> str:
        value = self.raw.get(field)
        if value is None:
            if required:
                self.fail(field, "is missing")
            return ""
        if not isinstance(value, str):
            self.fail(field, f"must be a string, not {type(value).__name__}")
            return ""
        self.printable(field, value)
        self.visible(field, value)
        if required and not value.strip():
            self.fail(field, "must not be empty")
        return value.strip()

    def text_list(self, field: str) -> tuple[str, ...]:
        value = self.raw.get(field)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(field, "must be a list of strings")
            return ()
        for v in value:
            self.printable(field, v)
            self.visible(field, v)
        items = tuple(v.strip() for v in value)
        if any(not item for item in items):
            self.fail(field, "must not contain empty strings")
        return items

    def fact_ids(self, field: str, known: Container[str] | None) -> tuple[str, ...]:
        """A list of fact ids, each one the facts map holds (the built-in map by default)."""
        ids = self.text_list(field)
        if ids and known is None:
            from quiz.bank.facts import known_fact_ids

            known = known_fact_ids()
        for fact in dict.fromkeys(ids):
            if ids.count(fact) > 1:
                self.fail(field, f"'{fact}' is listed twice")
            if fact and known is not None and fact not in known:
                self.fail(field, f"unknown fact '{fact}' (no such id in facts.toml)")
        return ids

    def one_of(self, field: str, allowed: tuple[str, ...]) -> str:
        value = self.text(field, required=True)
        if value and value not in allowed:
            self.fail(field, f"'{value}' is not one of: {', '.join(allowed)}")
        return value


def _duplicates(items: tuple[str, ...]) -> list[str]:
    seen: set[str] = set()
    repeated = []
    for item in items:
        key = option_key(item)
        if key in seen:
            repeated.append(item)
        seen.add(key)
    return repeated


def _check_options(
    c: _Checker, qtype: str, choices: tuple[str, ...], answers: tuple[str, ...]
) -> None:
    if not MIN_OPTIONS <= len(choices) <= MAX_OPTIONS:
        c.fail("choices", f"needs {MIN_OPTIONS}-{MAX_OPTIONS} options, has {len(choices)}")
    for repeated in _duplicates(choices):
        c.fail("choices", f"'{repeated}' is listed twice")
    missing = [a for a in answers if a not in choices]
    for answer in missing:
        c.fail("answers", f"'{answer}' is not one of the choices")
    if qtype == "choice" and len(answers) != 1:
        c.fail("answers", f"a choice question needs exactly one answer, has {len(answers)}")
    if qtype == "multi":
        if not answers:
            c.fail("answers", "a multi question needs at least one right answer")
        if choices and not missing and len(set(answers)) >= len(set(choices)):
            c.fail("choices", "a multi question needs at least one wrong option")


def _check_order(c: _Checker, items: tuple[str, ...], answers: tuple[str, ...]) -> None:
    if not MIN_ORDER_ITEMS <= len(items) <= MAX_ORDER_ITEMS:
        c.fail(
            "choices",
            f"an order question needs {MIN_ORDER_ITEMS}-{MAX_ORDER_ITEMS} items, has {len(items)}",
        )
    for repeated in _duplicates(items):
        c.fail("choices", f"'{repeated}' is listed twice")
    for repeated in _duplicates(answers):
        c.fail("answers", f"'{repeated}' is listed twice")
    for stray in (a for a in answers if a not in items):
        c.fail("answers", f"'{stray}' is not one of the choices")
    for left_out in (item for item in items if item not in answers):
        c.fail("answers", f"'{left_out}' is missing: list every item of choices in the right order")


def _check_answers(
    c: _Checker, qtype: str, answers: tuple[str, ...], reject: tuple[str, ...]
) -> None:
    if qtype == "truefalse" and (len(answers) != 1 or answers[0] not in TRUEFALSE_ANSWERS):
        c.fail("answers", 'a truefalse question needs ["true"] or ["false"]')
    if qtype == "text":
        if not answers:
            c.fail("answers", "a text question needs at least one accepted answer")
        accepted = {normalise(a) for a in answers}
        for look_alike in reject:
            if normalise(look_alike) in accepted:
                c.fail("reject", f"'{look_alike}' is also an accepted answer")


def _check_facts(
    c: _Checker, known: Container[str] | None, *, builtin: bool
) -> tuple[tuple[str, ...], ...]:
    asks = c.fact_ids("asks", known)
    mentions = c.fact_ids("mentions", known)
    if builtin and "asks" not in c.raw:
        c.fail("asks", "is missing: a built-in question names the facts it asks (facts.toml)")
    elif (builtin or mentions) and not asks and isinstance(c.raw.get("asks", []), list):
        c.fail("asks", "must name the facts the question asks (one at least)")
    if len(asks) > MAX_ASKS:
        c.fail("asks", f"names {len(asks)} facts; a question asks one to {MAX_ASKS}")
    for fact in dict.fromkeys(f for f in mentions if f in asks):
        c.fail("mentions", f"'{fact}' is asked already; mentions lists only the other facts")
    return asks, mentions


def check_question(
    raw: object, origin: str = BUILTIN_ORIGIN, facts: Container[str] | None = None
) -> tuple[Question | None, list[FieldProblem]]:
    """Validate one raw question table; the question when it is valid, and every problem.

    Fact ids in `asks` and `mentions` must be in `facts` (by default the built-in map's)."""
    if not isinstance(raw, Mapping):
        return None, [FieldProblem("", "must be a table of fields")]
    c = _Checker(raw)
    for unknown in sorted(set(raw) - set(FIELDS)):
        c.fail(unknown, f"unknown field (known fields: {', '.join(FIELDS)})")
    builtin = origin == BUILTIN_ORIGIN
    qid = c.text("id", required=True)
    if qid and not ID_PATTERN.match(qid):
        c.fail("id", f"'{qid}' must be a slug of lower-case letters, digits and dashes")
    topic = c.one_of("topic", BUILTIN_TOPICS) if builtin else c.text("topic", required=True)
    difficulty = c.one_of("difficulty", DIFFICULTIES)
    qtype = c.one_of("type", QUESTION_TYPES)
    prompt = c.text("prompt", required=True)
    choices = c.text_list("choices")
    answers = c.text_list("answers")
    if "answers" not in raw:
        c.fail("answers", "is missing")
    reject = c.text_list("reject")
    explanation = c.text("explanation", required=builtin)
    source = c.one_of("source", SOURCES) if builtin else c.text("source", required=False)
    if qtype in ("choice", "multi"):
        _check_options(c, qtype, choices, answers)
    elif qtype == "order":
        _check_order(c, choices, answers)
    elif choices and qtype in QUESTION_TYPES:
        c.fail("choices", f"a {qtype} question takes no choices")
    if reject and qtype in QUESTION_TYPES and qtype != "text":
        c.fail("reject", "only text questions take look-alikes to reject")
    _check_answers(c, qtype, answers, reject)
    asks, mentions = _check_facts(c, facts, builtin=builtin)
    if c.problems:
        return None, c.problems
    question = Question(
        id=qid,
        topic=topic,
        difficulty=difficulty,
        type=qtype,
        prompt=prompt,
        answers=answers,
        choices=choices,
        reject=reject,
        explanation=explanation,
        source=source,
        origin=origin,
        asks=asks,
        mentions=mentions,
    )
    return question, []
