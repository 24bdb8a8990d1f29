"""Changing bank files safely: tomlkit keeps comments and layout, writes are atomic, and a
file that does not load cleanly is never touched."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import tomlkit
from tomlkit.items import AoT, Table
from tomlkit.toml_document import TOMLDocument

from quiz.atomic import write_text_atomic
from quiz.bank import problems_in
from quiz.errors import QuizError

HEADER = (
    "Your own Halpert Quiz questions (the format is in the README).",
    "Add more with 'quiz add' or by hand; check them with 'quiz bank validate'.",
)


class BankWriteError(QuizError):
    """A bank file that cannot be changed; it was left exactly as it was."""


def _refuse(path: Path, problems: Sequence[object]) -> BankWriteError:
    first = str(problems[0]).removeprefix(f"{path}: ")
    more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
    return BankWriteError(
        f"{path} was left untouched because it does not load: {first}{more};"
        f" fix it first ('quiz bank validate {path}')"
    )


def check_target(path: Path) -> None:
    """Refuse now, before any question is asked, a target that could not be written."""
    if path.exists():
        _open(path)


def _open(path: Path) -> TOMLDocument:
    """The target as an editable document; a new one with a header if it does not exist."""
    if not path.exists():
        doc = tomlkit.document()
        for line in HEADER:
            doc.add(tomlkit.comment(line))
        doc.add(tomlkit.nl())
        return doc
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BankWriteError(f"cannot read {path}: {exc.strerror or exc}") from exc
    problems = problems_in(path, data)
    if problems:
        raise _refuse(path, problems)
    return tomlkit.parse(data.decode("utf-8"))


def _save(path: Path, doc: TOMLDocument) -> None:
    text = tomlkit.dumps(doc)
    problems = problems_in(path, text.encode("utf-8"))
    if problems:  # what we made must load as well as what we found
        raise _refuse(path, problems)
    try:
        write_text_atomic(path, text)
    except OSError as exc:
        raise BankWriteError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _questions(doc: TOMLDocument) -> AoT:
    found = doc.get("questions")
    if isinstance(found, AoT):
        return found
    questions = tomlkit.aot()
    doc.append("questions", questions)
    return questions


def add_entries(path: Path, entries: Sequence[Mapping[str, object]]) -> None:
    """Append question tables to a bank file in one atomic write."""
    doc = _open(path)
    questions = _questions(doc)
    for entry in entries:
        table = tomlkit.table()
        if len(questions):
            table.trivia.indent = "\n"  # a blank line between questions
        for key, value in entry.items():
            table.add(key, value)
        questions.append(table)
    _save(path, doc)


def remove_entry(path: Path, question_id: str) -> None:
    """Remove one question table from a bank file, keeping everything else as it was."""
    doc = _open(path)
    questions = _questions(doc)
    keep = [t for t in questions.body if not (isinstance(t, Table) and t.get("id") == question_id)]
    if len(keep) == len(questions.body):
        raise BankWriteError(f"no question {question_id} in {path}")
    if keep:
        questions.body[:] = keep
    else:
        doc["questions"] = tomlkit.array()  # an empty bank file still loads
    _save(path, doc)
