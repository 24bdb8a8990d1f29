"""A new question from its fields: the table, a fresh id, and every reason it cannot be added."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Sequence

from rapidfuzz import fuzz, process

from quiz.bank.validation import check_question
from quiz.models import Question
from quiz.textmatch import normalise, truth_word

NEAR_DUPLICATE = 90.0
ID_WORDS = 6
ID_LENGTH = 60


def slug(text: str) -> str:
    """A readable id stem from a prompt: its first few plain words, at most ID_LENGTH long.

    A prompt with words outside the Latin letters (Cyrillic, Greek, CJK...) gets a short hash
    of its words too, so that its id tells it apart without transliterating: not `question-41`."""
    key = normalise(text)
    words = re.findall(r"[a-z0-9]+", key)[:ID_WORDS]
    while len(words) > 1 and len("-".join(words)) > ID_LENGTH:
        words.pop()
    stem = "-".join(words)[: ID_LENGTH - 9]
    if any(ch.isalnum() and not ch.isascii() for ch in key):
        digest = hashlib.blake2s(key.encode("utf-8"), digest_size=4).hexdigest()
        return f"{stem}-{digest}" if stem else f"q-{digest}"
    return "-".join(words)[:ID_LENGTH] or "question"


def unique_id(stem: str, taken: Collection[str]) -> str:
    if stem not in taken:
        return stem
    n = 2
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"


def truth(word: str) -> str:
    """ "true" or "false" from any of the words plain mode accepts; the word itself otherwise."""
    return truth_word(word) or word


def build_entry(
    *,
    qtype: str,
    topic: str,
    difficulty: str,
    prompt: str,
    answers: Sequence[str],
    wrong: Sequence[str] = (),
    explanation: str = "",
    source: str = "",
    question_id: str = "",
) -> dict[str, object]:
    """The question table as it will be written; for `text`, `wrong` are look-alikes to refuse;
    for `order`, `answers` are the items in the right order."""
    entry: dict[str, object] = {
        "id": question_id,
        "topic": topic.strip(),
        "difficulty": difficulty,
        "type": qtype,
        "prompt": prompt.strip(),
    }
    clean = [a.strip() for a in answers if a.strip()]
    others = [w.strip() for w in wrong if w.strip()]
    if qtype in ("choice", "multi"):
        entry["choices"] = [*clean, *others]
    if qtype == "order":  # the items in the right order; each game shows them shuffled
        entry["choices"] = clean
    entry["answers"] = [truth(a) for a in clean] if qtype == "truefalse" else clean
    if qtype == "text" and others:
        entry["reject"] = others
    entry["explanation"] = explanation.strip()
    entry["source"] = source.strip()
    return entry


def similar_question(prompt: str, questions: Sequence[Question]) -> tuple[Question, float] | None:
    """The existing question whose prompt is nearest, when it is near enough to be the same."""
    if not questions:
        return None
    found = process.extractOne(
        normalise(prompt),
        [normalise(q.prompt) for q in questions],
        scorer=fuzz.ratio,
        score_cutoff=NEAR_DUPLICATE,
    )
    return (questions[found[2]], found[1]) if found else None


def reasons_to_refuse(
    entry: dict[str, object], origin: str, questions: Sequence[Question], *, force: bool
) -> list[str]:
    """Every reason the entry cannot join the bank; `force` lets a near duplicate through."""
    _, problems = check_question(entry, origin)
    reasons = [f"{p.field}: {p.message}" if p.field else p.message for p in problems]
    if any(q.id == entry.get("id") for q in questions):
        reasons.append(f"id: '{entry['id']}' is already used")
    prompt = str(entry.get("prompt", ""))
    if len(prompt.split()) == 1:
        reasons.append("prompt: one word is not a question; ask it whole")
    similar = similar_question(prompt, questions) if prompt else None
    if similar is not None:
        existing, score = similar
        if normalise(existing.prompt) == normalise(prompt):
            reasons.append(f"prompt: the same prompt is already question {existing.id}")
        elif not force:
            reasons.append(
                f"prompt: too close to question {existing.id} ({score:.0f}% alike:"
                f" {existing.prompt!r}); use --force to add it anyway"
            )
    return reasons
