"""Finding, reading and validating the bank files that make up the effective bank."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quiz import paths
from quiz.bank import cache
from quiz.errors import UsageError
from quiz.models import BUILTIN_ORIGIN, Bank, Problem, Question
from quiz.textmatch import normalise

MAX_BANK_BYTES = 8 * 1024 * 1024  # about 20,000 questions; tomllib reads it in a second or two
# tomllib spends time quadratic in the depth of every dotted key and table header, so a few
# kilobytes of them take minutes; a bank file needs neither, so they are refused before parsing.
_KEY = r"""(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')"""
_COSTLY = (
    (re.compile(r"\n[ \t]*+\[(?!\[?[ \t]*+questions\b)"), "tables other than [[questions]]"),
    (re.compile(rf"\n[ \t]*+\[\[?[ \t]*+{_KEY}[ \t]*+\."), "dotted keys"),
    (re.compile(rf"[\n{{,][ \t]*+{_KEY}(?:[ \t]*+\.[ \t]*+{_KEY})+[ \t]*+="), "dotted keys"),
)
# Strings and comments, whose text is never a key or a table: what sits inside them is blanked
# out before the patterns above look (multi-line strings first, as `"""` also starts `""`).
_TEXT = re.compile(
    r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*+"{3,5}'
    r"|'''(?:[^']|'(?!''))*+'{3,5}"
    r'|"(?:[^"\\\n]|\\.)*+"'
    r"|'[^'\n]*+'"
    r"|#[^\n]*+"
)
_NOT_NEWLINE = re.compile(r"[^\n]")


class UnreadableBankError(Exception):
    """A bank file that cannot be read as one: what it is instead, in a few words."""


def read_source(path: Path, limit: int = MAX_BANK_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; never blocks on a pipe or device."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise UnreadableBankError(f"cannot be read: {exc.strerror or exc}") from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnreadableBankError("is not a regular file (a folder, pipe or device?)")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UnreadableBankError(f"cannot be read: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)
    if len(data) > limit:
        raise UnreadableBankError(f"is larger than {limit // (1024 * 1024)} MB; split it up")
    return data


def real_path(path: Path) -> Path:
    """The path with symlinks resolved, or as it is when they loop."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        return path.absolute()


@dataclass(slots=True)
class FileLoad:
    """What one bank file gave: its valid questions and every problem found in it."""

    path: Path
    questions: list[Question] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    prompt_keys: list[str] = field(default_factory=list)  # normalised, beside each question

    def fail(self, message: str, question: str = "", field: str = "") -> None:
        self.problems.append(Problem(str(self.path), message, question, field))


def origin_of(path: Path) -> str:
    """`builtin` for a file of the shipped bank, else the file's absolute path."""
    builtin_dir = paths.builtin_bank_dir().resolve()
    real = real_path(path)
    return BUILTIN_ORIGIN if real.parent == builtin_dir else str(real)


def _blank_text(match: re.Match[str]) -> str:
    """A string or comment with every character but its quotes and newlines made `x`."""
    found = match[0]
    if found.startswith("#"):
        return "#" + "x" * (len(found) - 1)
    quotes = 3 if found[:3] in ('"""', "'''") else 1
    inner = _NOT_NEWLINE.sub("x", found[quotes:-quotes])
    return found[:quotes] + inner + found[-quotes:]


def _costly(text: str) -> tuple[str, int] | None:
    """What costly TOML the text holds outside its strings and comments, and its line."""
    text = "\n" + text
    if not any(pattern.search(text) for pattern, _ in _COSTLY):
        return None  # the common case: no need to look inside strings at all
    blanked = _TEXT.sub(_blank_text, text)  # the same length, so positions stay right
    for pattern, what in _COSTLY:
        found = pattern.search(blanked)
        if found:
            return what, text.count("\n", 0, found.start() + 1)
    return None


def _parse(data: bytes, load: FileLoad) -> list[object] | None:
    import tomllib

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        load.fail(f"is not UTF-8 text (byte {data[exc.start]:#04x} at offset {exc.start})")
        return None
    found = _costly(text)
    if found is not None:
        what, line = found
        load.fail(f"holds {what} (line {line}); a bank file holds only [[questions]] tables")
        return None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        load.fail(f"is not valid TOML: {exc}")
        return None
    except RecursionError:
        load.fail("is nested too deeply to read (arrays or tables inside one another)")
        return None
    if not document:
        load.fail("is empty: a bank file holds [[questions]] tables")
        return None
    for key in sorted(set(document) - {"questions"}):
        load.fail(f"unknown top-level key '{key}' (only [[questions]] tables belong here)")
    entries = document.get("questions")
    if entries is None:
        load.fail("has no [[questions]] tables")
        return None
    if not isinstance(entries, list):
        load.fail("'questions' must be an array of tables, written [[questions]]")
        return None
    return entries


def _label(entry: object, index: int) -> str:
    qid = entry.get("id") if isinstance(entry, dict) else None
    return qid if isinstance(qid, str) and qid.strip() else f"#{index}"


def read_bank_file(path: Path) -> FileLoad:
    """Read one bank file and validate each question in it, collecting every problem.

    A clean file whose exact bytes were validated before comes from the cache instead.
    """
    try:
        data = read_source(path)
    except UnreadableBankError as exc:
        load = FileLoad(path)
        load.fail(str(exc))
        return load
    origin = origin_of(path)
    cached = cache.read(path, data, origin)
    if cached is not None:
        questions, keys = cached
        return FileLoad(path, questions, prompt_keys=keys)
    load = read_bank_bytes(path, data)
    if not load.problems:
        cache.write(path, data, origin, load.questions, load.prompt_keys)
    return load


def read_bank_bytes(path: Path, data: bytes) -> FileLoad:
    """Validate the would-be contents of bank file `path`, collecting every problem."""
    from quiz.bank.validation import check_question

    load = FileLoad(path)
    entries = _parse(data, load)
    if entries is None:
        return load
    origin = origin_of(path)
    for index, entry in enumerate(entries, start=1):
        question, problems = check_question(entry, origin)
        label = _label(entry, index)
        for p in problems:
            load.fail(p.message, label, p.field)
        if question is not None:
            load.questions.append(question)
            load.prompt_keys.append(normalise(question.prompt))
    return load


class _Merger:
    """Adds files to the bank in order, refusing ids and prompts that are already taken."""

    def __init__(self) -> None:
        self.ids: dict[str, Path] = {}
        self.prompts: dict[str, tuple[str, Path]] = {}
        self.questions: list[Question] = []
        self.problems: list[Problem] = []

    def add(self, load: FileLoad) -> None:
        ids: dict[str, Path] = {}
        prompts: dict[str, tuple[str, Path]] = {}
        for q, key in zip(load.questions, load.prompt_keys, strict=True):
            if q.id in self.ids or q.id in ids:
                where = self.ids.get(q.id) or ids[q.id]
                load.fail(f"id '{q.id}' is already used in {where}", q.id, "id")
            if key in self.prompts or key in prompts:
                other, where = self.prompts.get(key) or prompts[key]
                load.fail(f"same prompt as question {other} in {where}", q.id, "prompt")
            ids[q.id] = load.path
            prompts[key] = (q.id, load.path)
        if load.problems:
            self.problems.extend(load.problems)
            return
        self.ids.update(ids)
        self.prompts.update(prompts)
        self.questions.extend(load.questions)


def expand(path: Path) -> list[Path]:
    """A bank path as files: the file itself, or a folder's `*.toml` files."""
    if path.is_dir():
        return sorted(path.glob("*.toml"))
    if not path.exists():
        raise UsageError(f"bank path not found: {path}")
    return [path]


def bank_files(extra: Iterable[Path] = (), *, user: bool = True) -> list[Path]:
    """Built-in files, then the user's bank folder, then each extra path; no file twice."""
    found = expand(paths.builtin_bank_dir())
    if user and paths.user_bank_dir().is_dir():
        found += expand(paths.user_bank_dir())
    for path in extra:
        found += expand(path)
    unique: dict[Path, Path] = {}
    for f in found:
        unique.setdefault(real_path(f), f)
    return list(unique.values())


def load_files(files: Sequence[Path]) -> Bank:
    """Load files in order; a file with any problem is left out whole."""
    merger = _Merger()
    for path in files:
        merger.add(read_bank_file(path))
    return Bank(tuple(merger.questions), tuple(merger.problems))


def load_bank(extra: Iterable[Path] = (), *, user: bool = True) -> Bank:
    """The effective bank: built-in + user folder + extra paths."""
    return load_files(bank_files(extra, user=user))


def problems_in(path: Path, data: bytes) -> list[Problem]:
    """Every problem the bytes would have as bank file `path`, on their own."""
    merger = _Merger()
    merger.add(read_bank_bytes(path, data))
    return merger.problems
