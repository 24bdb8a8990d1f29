"""Finding, reading and validating the bank files that make up the effective bank."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quiz import paths
from quiz.bank import cache
from quiz.errors import UsageError
from quiz.models import BUILTIN_ORIGIN, Bank, Problem, Question
from quiz.textmatch import normalise


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
    return BUILTIN_ORIGIN if path.resolve().parent == builtin_dir else str(path.resolve())


def _parse(data: bytes, load: FileLoad) -> list[object] | None:
    import tomllib

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        load.fail(f"is not UTF-8 text (byte {data[exc.start]:#04x} at offset {exc.start})")
        return None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        load.fail(f"is not valid TOML: {exc}")
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
        data = path.read_bytes()
    except OSError as exc:
        load = FileLoad(path)
        load.fail(f"cannot be read: {exc.strerror or exc}")
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
        unique.setdefault(f.resolve(), f)
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
