"""Changing bank files safely: layout kept, atomic writes, broken files never touched."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import tomlkit
from tomlkit.items import AoT, Comment, Table, Whitespace
from tomlkit.toml_document import TOMLDocument

from quiz.bank.atomic import write_text_atomic
from quiz.bank.loader import UnreadableBankError, problems_in, read_source
from quiz.bank.locking import locked
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
    """The target as an editable document; a new one with a header if it does not exist.

    An empty file (say, just made with `touch`) is a new bank, not a broken one.
    """
    data = b""
    if path.exists():
        try:
            data = read_source(path)
        except UnreadableBankError as exc:
            raise BankWriteError(f"{path} was left untouched: it {exc}") from exc
    if not data:
        doc = tomlkit.document()
        for line in HEADER:
            doc.add(tomlkit.comment(line))
        doc.add(tomlkit.nl())
        return doc
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
    if found is not None:  # the `questions = []` a file keeps once its last question is gone
        doc.remove("questions")
    questions = tomlkit.aot()
    doc.append("questions", questions)
    return questions


def _trailing_comments(table: Table) -> list[Comment | Whitespace]:
    """The comment block at the end of a table: it sits above the next question."""
    trailing: list[Comment | Whitespace] = []
    for key, item in reversed(table.value.body):
        if key is not None or not isinstance(item, Comment | Whitespace):
            break
        trailing.insert(0, item)
    while trailing and not isinstance(trailing[0], Comment):  # blank lines stay behind
        trailing.pop(0)
    return trailing


@contextlib.contextmanager
def writing(path: Path) -> Iterator[None]:
    """Hold bank file `path` for this process from reading it to replacing it."""
    try:
        with locked(path):
            yield
    except OSError as exc:
        raise BankWriteError(f"cannot lock {path}: {exc.strerror or exc}") from exc


def add_entries(path: Path, entries: Sequence[Mapping[str, object]]) -> None:
    """Append question tables to a bank file in one atomic, locked write."""
    with writing(path):
        _add_entries(path, entries)


def _add_entries(path: Path, entries: Sequence[Mapping[str, object]]) -> None:
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
    with writing(path):
        _remove_entry(path, question_id)


def _remove_entry(path: Path, question_id: str) -> None:
    doc = _open(path)
    questions = _questions(doc)
    tables = questions.body
    index = next((i for i, t in enumerate(tables) if t.get("id") == question_id), None)
    if index is None:
        raise BankWriteError(f"no question {question_id} in {path}")
    trivia = _trailing_comments(tables[index])
    if index + 1 < len(tables):
        after = tables[index + 1]
        after.trivia.indent = "".join(i.as_string() for i in trivia) + after.trivia.indent
    elif index > 0:
        for item in trivia:
            tables[index - 1].add(item)
    del tables[index]
    if not tables:
        doc.remove("questions")
        for item in trivia:
            doc.add(item)
        doc["questions"] = tomlkit.array()  # an empty bank file still loads
    _save(path, doc)
