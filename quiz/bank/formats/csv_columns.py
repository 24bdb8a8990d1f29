"""Which CSV column holds which field: the headers people write, and `--columns` maps."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quiz.errors import UsageError

MAPPABLE = ("prompt", "answers", "choices", "topic", "difficulty", "type", "explanation")
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six")
# Header names folded: lower case, `_` and `-` as spaces, spaces squeezed.
_NAMES = {
    "prompt": ("question", "prompt", "question text", "questions", "pregunta", "frage", "domanda"),
    "answers": (
        "answer", "answers", "correct", "correct answer", "right answer", "correctanswer",
        "correct answers", "solution", "respuesta", "réponse", "reponse", "antwort", "risposta",
    ),
    "wrong": (
        "incorrect answers", "incorrect", "wrong answers", "wrong", "incorrectanswers",
        "wrong options", "distractors",
    ),
    "topic": ("category", "topic", "subject", "theme", "categoría", "categoria", "catégorie", "kategorie"),
    "difficulty": ("difficulty", "level", "dificultad", "difficulté"),
    "type": ("type", "question type"),
    "explanation": ("explanation", "feedback", "explanations"),
}  # fmt: skip
_NUMBERED = re.compile(
    r"^(wrong|incorrect|incorrect answer|wrong answer|option|choice|answer)\s*(\d|[a-f]|one|two|three|four|five|six)$"
)


def fold(header: str) -> str:
    return " ".join(header.replace("_", " ").replace("-", " ").casefold().split())


@dataclass
class Columns:
    """Column positions of each field; `options` hold the right answer among them, `wrong`
    only wrong ones, and `wrong_list` is one cell listing the wrong options."""

    fields: dict[str, int] = field(default_factory=dict)
    options: list[int] = field(default_factory=list)
    wrong: list[int] = field(default_factory=list)
    wrong_list: int | None = None

    @property
    def usable(self) -> bool:
        return "prompt" in self.fields and "answers" in self.fields


def _position(suffix: str) -> int:
    if suffix.isdigit():
        return int(suffix)
    if suffix in _NUMBER_WORDS:
        return _NUMBER_WORDS.index(suffix) + 1
    return ord(suffix) - ord("a") + 1


def recognise(headers: list[str]) -> Columns:
    """The columns of a header row written the way people write them, case aside."""
    found = Columns()
    numbered: dict[str, list[tuple[int, int]]] = {"options": [], "wrong": []}
    letters = [i for i, h in enumerate(headers) if fold(h) in ("a", "b", "c", "d", "e", "f")]
    for index, header in enumerate(headers):
        name = fold(header)
        named = next((f for f, names in _NAMES.items() if name in names), None)
        if named == "wrong":
            found.wrong_list = index
        elif named is not None:
            found.fields.setdefault(named, index)
        elif match := _NUMBERED.match(name):
            kind = "wrong" if match[1].startswith(("wrong", "incorrect")) else "options"
            numbered[kind].append((_position(match[2]), index))
    if len(letters) >= 2:
        numbered["options"] += [(_position(fold(headers[i])), i) for i in letters]
    found.options = [i for _, i in sorted(numbered["options"])]
    found.wrong = [i for _, i in sorted(numbered["wrong"])]
    return found


_SPEC = re.compile(
    r'\s*([A-Za-z]+)\s*=\s*((?:"(?:[^"]|"")*"|[^,|"]*)(?:\|(?:"(?:[^"]|"")*"|[^,|"]*))*)\s*(?:,|$)'
)
_HEADER = re.compile(r'"((?:[^"]|"")*)"|([^|]+)')


def parse_spec(spec: str) -> dict[str, list[str]]:
    """`prompt=Question,answers=Correct,choices=A|B|C` as field -> header names; a header
    holding `,`, `|` or `=` goes in double quotes."""
    found: dict[str, list[str]] = {}
    position = 0
    while position < len(spec):
        match = _SPEC.match(spec, position)
        if not match or match.end() == position:
            raise UsageError(
                f"--columns: cannot read '{spec[position:]}'; write field=Header pairs joined"
                " by commas, e.g. prompt=Question,answers=Correct,choices=A|B|C"
            )
        name = match[1].lower()
        if name not in MAPPABLE:
            raise UsageError(
                f"--columns: unknown field '{match[1]}' (fields: {', '.join(MAPPABLE)})"
            )
        found[name] = [
            (m[1].replace('""', '"') if m[1] is not None else m[2]).strip()
            for m in _HEADER.finditer(match[2])
        ]
        position = match.end()
    if "prompt" not in found or "answers" not in found:
        raise UsageError("--columns must name at least prompt= and answers=")
    return found


def mapped(spec: dict[str, list[str]], headers: list[str]) -> Columns:
    """The columns that a `--columns` map names; a header the file lacks is a usage error."""
    positions = {fold(h): i for i, h in enumerate(headers)}
    found = Columns()
    for name, wanted in spec.items():
        indexes = []
        for header in wanted:
            if fold(header) not in positions:
                raise UsageError(
                    f"--columns: the file has no column '{header}'"
                    f" (its columns: {', '.join(h for h in headers if h.strip())})"
                )
            indexes.append(positions[fold(header)])
        if name == "choices":
            found.options = indexes
        else:
            found.fields[name] = indexes[0]
    return found
