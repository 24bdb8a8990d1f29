"""mkdocs-quiz Markdown: every `<quiz>` block of a page, outside code blocks, is a question."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quiz.bank.formats.items import FormatError, Item, Source, as_item
from quiz.bank.formats.plain import markdown_to_text, squeeze

NAME = "mkdocs-quiz"
SOURCE = "mkdocs-quiz"
DIFFICULTY = "medium"
_OPEN, _CLOSE = re.compile(r"^(\s*)<quiz>\s*$"), re.compile(r"^\s*</quiz>\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_ANSWER = re.compile(r"^\s*[-*] \[( |x|X|)\] ?(.*)$")
_FEEDBACK = re.compile(r"^\s*>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BLANK = re.compile(r"\[\[(.+?)\]\]")
_OLD = re.compile(r"^\s*<\?quiz\?>\s*$")
OLD_SYNTAX = (
    "written in the old <?quiz?> syntax, which this import does not read; the plugin"
    " converts it: mkdocs-quiz migrate docs/ (add --dry-run to preview)"
)
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$")


def looks_like(source: Source) -> bool:
    return any(_OPEN.match(line) or _OLD.match(line) for line in source.lines)


def _paragraphs(lines: list[str]) -> str:
    """Markdown lines as plain text: a paragraph's lines joined by spaces, paragraphs by
    line breaks."""
    return markdown_to_text("\n".join(lines))


def _convert(body: list[str], topic: str) -> list[dict[str, object] | str]:
    lines = _COMMENT.sub("", "\n".join(body)).split("\n")
    entry: dict[str, object] = {"topic": topic, "difficulty": DIFFICULTY}
    picks = [(i, _ANSWER.match(line)) for i, line in enumerate(lines)]
    answers = [(i, m) for i, m in picks if m]
    if answers:
        first, last = answers[0][0], answers[-1][0]
        rest = lines[last + 1 :]
        while rest and _FEEDBACK.match(rest[0]):  # feedback on the last answer
            rest = rest[1:]
        choices = [markdown_to_text(m[2]) for _, m in answers]
        right = [markdown_to_text(m[2]) for _, m in answers if m[1] in ("x", "X")]
        if not right:
            return ["no right answer: mark at least one option with [x]"]
        entry |= {
            "type": "choice" if len(right) == 1 else "multi",
            "prompt": squeeze(markdown_to_text("\n".join(lines[:first]))),
            "choices": choices,
            "answers": right,
            "explanation": _paragraphs(rest),
        }
        return [entry | {"source": SOURCE}]
    text = "\n".join(lines)
    question, *content = re.split(r"(?m)^\s*---\s*$", text, maxsplit=1)
    blanks = _BLANK.findall(question)
    if not blanks:
        return ["no options ([x] / [ ]) and no [[blank]] to fill in"]
    explanation = _paragraphs("".join(content).split("\n"))
    found: list[dict[str, object] | str] = []
    for number, blank in enumerate(blanks):
        gaps = iter(range(len(blanks)))

        def fill(m: re.Match[str], number: int = number, gaps: Iterator[int] = gaps) -> str:
            return "_____" if next(gaps) == number else m[1]

        prompt = squeeze(markdown_to_text(_BLANK.sub(fill, question)))
        found.append(
            entry
            | {
                "type": "text",
                "prompt": prompt,
                "answers": [markdown_to_text(blank)],
                "explanation": explanation,
                "source": SOURCE,
            }
        )
    return found


def read(source: Source) -> list[Item]:
    topic = next((m[1] for line in source.lines if (m := _H1.match(line))), source.stem)
    items: list[Item] = []
    fence: str | None = None
    block: list[str] | None = None
    indent, start = "", 0
    for number, line in enumerate(source.lines, start=1):
        if block is not None:
            if _CLOSE.match(line):
                for result in _convert(block, topic):
                    items.append(as_item(len(items) + 1, result, start))
                block = None
            else:
                block.append(line.removeprefix(indent))
            continue
        if match := _FENCE.match(line):
            fence = None if fence == match[1] else fence or match[1]
        elif fence is None and (match := _OPEN.match(line)):
            block, indent, start = [], match[1], number
        elif fence is None and _OLD.match(line):
            items.append(as_item(len(items) + 1, OLD_SYNTAX, number))
    if block is not None:
        raise FormatError(f"{source.path}, line {start}: a <quiz> block is never closed")
    if not items:
        raise FormatError(f"{source.path} holds no <quiz> blocks (outside code blocks)")
    return items
