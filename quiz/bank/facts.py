"""The facts map (`questions/facts.toml`): the article's facts that questions ask and mention."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from quiz import paths
from quiz.models import SOURCES, Problem, Question

FACTS_FILE = "facts.toml"
FACT_FIELDS = ("id", "section", "statement", "quiz")
MAX_ASKING = 2  # built-in questions that may ask one fact


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact of the article, in our own words; `quiz` False when not worth asking."""

    id: str
    section: str
    statement: str
    quiz: bool = True


@dataclass(frozen=True, slots=True)
class FactsMap:
    """The facts that read cleanly, and every problem of the file."""

    path: Path
    facts: tuple[Fact, ...] = ()
    problems: tuple[Problem, ...] = ()

    def ids(self) -> frozenset[str]:
        return frozenset(f.id for f in self.facts)


def facts_path() -> Path:
    """Where the built-in facts map lives, beside the built-in question files."""
    return paths.builtin_bank_dir() / FACTS_FILE


def is_facts_file(path: Path) -> bool:
    """Whether `path` is the built-in facts map, which is no question file."""
    return path.name == FACTS_FILE and path.parent.resolve() == paths.builtin_bank_dir().resolve()


def fact_problem(path: Path, where: str, message: str, field: str = "") -> Problem:
    """A problem of one fact: `facts.toml: fact ID: field 'section': what is wrong`."""
    named = f"{where}: field '{field}'" if field else where
    return Problem(str(path), f"{named}: {message}")


def _fact(raw: object, index: int, problems: list[Problem], path: Path) -> Fact | None:
    from quiz.bank.validation import CONTROL_CHARACTER, ID_PATTERN

    def fail(message: str, field: str = "") -> None:
        label = raw.get("id") if isinstance(raw, Mapping) else None
        where = f"fact {label}" if isinstance(label, str) and label else f"fact #{index}"
        problems.append(fact_problem(path, where, message, field))

    if not isinstance(raw, Mapping):
        fail("must be a table of fields")
        return None
    before = len(problems)
    for unknown in sorted(set(raw) - set(FACT_FIELDS)):
        fail(f"unknown field (known fields: {', '.join(FACT_FIELDS)})", unknown)
    texts = {}
    for field in ("id", "section", "statement"):
        value = raw.get(field)
        if not isinstance(value, str) or not value.strip():
            fail("must be a non-empty string", field)
        elif CONTROL_CHARACTER.search(value):
            fail("holds a control character; remove it", field)
        else:
            texts[field] = value.strip()
    if "id" in texts and not ID_PATTERN.match(texts["id"]):
        fail(f"'{texts['id']}' must be a slug of lower-case letters, digits and dashes", "id")
    if "section" in texts and texts["section"] not in SOURCES:
        fail(f"'{texts['section']}' is not one of: {', '.join(SOURCES)}", "section")
    quiz = raw.get("quiz", True)
    if not isinstance(quiz, bool):
        fail("must be true or false", "quiz")
    return None if len(problems) > before or len(texts) < 3 else Fact(**texts, quiz=quiz is True)


def parse_facts(path: Path, data: bytes) -> FactsMap:
    """The facts map that `data` holds as file `path`, with every problem found."""
    import tomllib

    problems: list[Problem] = []
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:
        return FactsMap(path, (), (Problem(str(path), f"is not a readable TOML file: {exc}"),))
    for key in sorted(set(document) - {"facts"}):
        problems.append(Problem(str(path), f"unknown top-level key '{key}' (only [[facts]])"))
    entries = document.get("facts", [])
    if not isinstance(entries, list):
        entries = []
        problems.append(Problem(str(path), "'facts' must be an array of tables, [[facts]]"))
    facts: dict[str, Fact] = {}
    for index, raw in enumerate(entries, start=1):
        fact = _fact(raw, index, problems, path)
        if fact is not None and fact.id in facts:
            problems.append(fact_problem(path, f"fact {fact.id}", "is already used", "id"))
        elif fact is not None:
            facts[fact.id] = fact
    return FactsMap(path, tuple(facts.values()), tuple(problems))


def read_facts(path: Path | None = None) -> FactsMap:
    """The built-in facts map (or the one at `path`); empty when there is none."""
    from quiz.bank.loader import UnreadableBankError, read_source

    path = path or facts_path()
    if not path.exists():
        return FactsMap(path)
    try:
        data = read_source(path)
    except UnreadableBankError as exc:
        return FactsMap(path, (), (Problem(str(path), str(exc)),))
    return parse_facts(path, data)


_known: dict[tuple[Path, int, int], frozenset[str]] = {}


def known_fact_ids() -> frozenset[str]:
    """The ids of the built-in facts map, read again only when the file changes."""
    path = facts_path()
    try:
        found = path.stat()
    except OSError:
        return frozenset()
    key = (path, found.st_size, found.st_mtime_ns)
    if key not in _known:
        _known.clear()
        _known[key] = read_facts(path).ids()
    return _known[key]


def facts_digest() -> bytes:
    """The built-in facts map's bytes, for the bank cache to key on (empty when absent)."""
    try:
        return facts_path().read_bytes()
    except OSError:
        return b""


@dataclass(frozen=True, slots=True)
class Coverage:
    """One fact with the questions that ask it and those that mention it."""

    fact: Fact
    asked_by: tuple[str, ...]
    mentioned_by: tuple[str, ...]

    def export(self) -> dict[str, object]:
        return {
            "id": self.fact.id,
            "section": self.fact.section,
            "statement": self.fact.statement,
            "quiz": self.fact.quiz,
            "asked_by": list(self.asked_by),
            "mentioned_by": list(self.mentioned_by),
        }


def coverage(facts: FactsMap, questions: Sequence[Question]) -> list[Coverage]:
    """Every fact of the map, in its order, with the questions that ask and mention it."""
    return [
        Coverage(
            fact,
            tuple(q.id for q in questions if fact.id in q.asks),
            tuple(q.id for q in questions if fact.id in q.mentions),
        )
        for fact in facts.facts
    ]


def coverage_problems(facts: FactsMap, questions: Sequence[Question]) -> list[Problem]:
    """The facts map's own problems, then each fact the built-in bank asks too often or
    never: a fact is asked by one or two built-in questions, unless it is no quiz material."""
    builtin = [q for q in questions if q.is_builtin]
    problems = list(facts.problems)
    for row in coverage(facts, builtin):
        where = f"fact {row.fact.id}"
        asked = len(row.asked_by)
        if asked > MAX_ASKING:
            message = (
                f"is asked by {asked} questions ({', '.join(row.asked_by)});"
                f" at most {MAX_ASKING} may ask one fact"
            )
            problems.append(fact_problem(facts.path, where, message))
        elif not asked and row.fact.quiz:
            message = "is asked by no question; ask it, or mark it quiz = false"
            problems.append(fact_problem(facts.path, where, message))
    return problems
