"""Changing bank files safely: layout kept, atomic writes, broken files never touched."""

from __future__ import annotations

import contextlib
import re
import stat
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import tomlkit
from tomlkit.items import AoT, Comment, Table, Whitespace
from tomlkit.toml_document import TOMLDocument

from quiz.bank.loader import UnreadableBankError, problems_in, read_source
from quiz.errors import QuizError
from quiz.files import locked, write_text_atomic

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
    if path.exists() and not _blank(path):
        _valid_bytes(path)


def _blank(path: Path) -> bool:
    """An empty file (say, just made with `touch`) is a new bank, not a broken one."""
    try:
        found = path.stat()
    except OSError:
        return False
    return stat.S_ISREG(found.st_mode) and found.st_size == 0  # a pipe is not a new bank


def _open(path: Path) -> TOMLDocument:
    """The target as an editable document; a new one with a header if it does not exist."""
    if not path.exists() or _blank(path):
        doc = tomlkit.document()
        for line in HEADER:
            doc.add(tomlkit.comment(line))
        doc.add(tomlkit.nl())
        return doc
    return tomlkit.parse(_valid_bytes(path).decode("utf-8"))


def _valid_bytes(path: Path) -> bytes:
    """The file's bytes, when they load as a bank file on their own."""
    try:
        data = read_source(path)
    except UnreadableBankError as exc:
        raise BankWriteError(f"{path} was left untouched: it {exc}") from exc
    problems = problems_in(path, data)
    if problems:
        raise _refuse(path, problems)
    return data


def _save(path: Path, doc: TOMLDocument) -> None:
    _save_text(path, tomlkit.dumps(doc))


def _save_text(path: Path, text: str) -> None:
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


_AOT_HEADER = re.compile(r"(?m)^[ \t]*\[\[[ \t]*questions[ \t]*\]\]")


def _tables(entries: Sequence[Mapping[str, object]]) -> str:
    """`[[questions]]` tables as text, a blank line before each; every value rendered by tomlkit.

    Rendering values one by one is five times faster than building a tomlkit document of
    thousands of tables, which is what keeps a big import down to seconds."""
    return "".join(
        "\n[[questions]]\n"
        + "".join(f"{key} = {tomlkit.item(value).as_string()}\n" for key, value in entry.items())
        for entry in entries
    )


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
    """Append question tables to a bank file in one atomic write.

    A new file, or one that already holds `[[questions]]` tables, gets the new tables after
    its last line, so nothing it holds is parsed again or changed; the rest (an emptied
    `questions = []`) goes through tomlkit."""
    fresh = not path.exists() or _blank(path)
    text = tomlkit.dumps(_open(path)) if fresh else _valid_bytes(path).decode("utf-8")
    if fresh or _AOT_HEADER.search(text):
        _save_text(path, text.rstrip("\n") + "\n" + _tables(entries))
        return
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
