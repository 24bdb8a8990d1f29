"""Changing bank files safely: layout kept, atomic writes, broken files never touched."""

from __future__ import annotations

import contextlib
import re
import stat
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import tomlkit
from tomlkit.items import AoT, Comment, Table, Whitespace
from tomlkit.toml_document import TOMLDocument

from quiz.bank.loader import MAX_BANK_BYTES, UnreadableBankError, problems_in, read_source
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


def _check_text(path: Path, text: str) -> None:
    """Refuse text that the loader would not read as bank file `path`: nothing is written."""
    data = text.encode("utf-8")
    if len(data) > MAX_BANK_BYTES:
        raise BankWriteError(_too_big(path))
    problems = problems_in(path, data)
    if problems:  # what we made must load as well as what we found
        first = str(problems[0]).removeprefix(f"{path}: ")
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        raise BankWriteError(f"nothing was written: {path} would not load after it: {first}{more}")


def _save_text(path: Path, text: str) -> None:
    _check_text(path, text)
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


@dataclass(frozen=True, slots=True)
class PlannedFile:
    """A bank file as an addition would leave it: its path, its text, the questions added."""

    path: Path
    text: str
    added: int


def plan_additions(
    path: Path, entries: Sequence[Mapping[str, object]], *, spill: bool = False
) -> list[PlannedFile]:
    """The files that adding `entries` to `path` would write, each checked as the loader would.

    What would grow `path` past what the loader reads goes, with `spill`, into further files
    `import-2.toml`, `import-3.toml`... beside it; without, it is refused. Nothing is written."""
    tables = [_tables([entry]) for entry in entries]
    files: list[tuple[Path, str, list[str]]] = [(path, _head(path), [])]
    size = len(files[0][1].encode("utf-8"))
    for table in tables:
        grown = size + len(table.encode("utf-8"))
        if grown > MAX_BANK_BYTES and (files[-1][2] or len(files) == 1):
            if not spill:
                raise BankWriteError(_too_big(path))
            extra = _spill_path(path, [f[0] for f in files])
            files.append((extra, _head(extra), []))
            grown = len(files[-1][1].encode("utf-8")) + len(table.encode("utf-8"))
        files[-1][2].append(table)
        size = grown
    planned = [
        PlannedFile(p, head.rstrip("\n") + "\n" + "".join(t), len(t)) for p, head, t in files if t
    ]
    for one in planned:
        _check_text(one.path, one.text)
    return planned


def write_planned(planned: Sequence[PlannedFile]) -> None:
    """Write planned files, each atomically; the first is the target, held by the caller."""
    with contextlib.ExitStack() as stack:
        for one in planned[1:]:
            stack.enter_context(writing(one.path))
        for one in planned:
            try:
                write_text_atomic(one.path, one.text)
            except OSError as exc:
                raise BankWriteError(f"cannot write {one.path}: {exc.strerror or exc}") from exc


def add_entries(path: Path, entries: Sequence[Mapping[str, object]]) -> None:
    """Append question tables to a bank file in one atomic, locked write; refused when the
    file would then be too big for the loader."""
    with writing(path):
        write_planned(plan_additions(path, entries))


def _head(path: Path) -> str:
    """The file's text to append tables to: a new file's header, or what it holds now.

    A file that already holds `[[questions]]` tables keeps every byte; an emptied one's
    `questions = []` goes (through tomlkit), so that tables can follow."""
    fresh = not path.exists() or _blank(path)
    text = tomlkit.dumps(_open(path)) if fresh else _valid_bytes(path).decode("utf-8")
    if fresh or _AOT_HEADER.search(text):
        return text
    doc = _open(path)
    if "questions" in doc:
        doc.remove("questions")
    return tomlkit.dumps(doc)


def _spill_path(path: Path, taken: Sequence[Path]) -> Path:
    n = 2
    while (found := path.with_name(f"import-{n}.toml")).exists() or found in taken:
        n += 1
    return found


def _too_big(path: Path) -> str:
    limit = MAX_BANK_BYTES // (1024 * 1024)
    return (
        f"{path} would grow past the {limit} MB a bank file may hold, and would no longer"
        " load; add to another file (--bank FILE)"
    )


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
