"""mkdocs-quiz Markdown: every `<quiz>` block of a page, outside code blocks, is a question."""

from __future__ import annotations

import re

from quiz.bank.formats.items import FormatError, Item, Source, as_item

NAME = "mkdocs-quiz"
SOURCE = "mkdocs-quiz"
DIFFICULTY = "medium"
_OPEN, _CLOSE = re.compile(r"^(\s*)<quiz>\s*$"), re.compile(r"^\s*</quiz>\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_ANSWER = re.compile(r"^\s*[-*] \[( |x|X|)\] ?(.*)$")
_FEEDBACK = re.compile(r"^\s*>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BLANK = re.compile(r"\[\[(.+?)\]\]")
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$")


def looks_like(source: Source) -> bool:
    return any(_OPEN.match(line) for line in source.lines)


def _paragraphs(lines: list[str]) -> str:
    """Lines as text: a paragraph's lines joined by spaces, paragraphs by line breaks."""
    text = "\n".join(line.strip().lstrip("#").strip() for line in lines)
    return "\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())


def _convert(body: list[str], topic: str) -> dict[str, object] | str:
    lines = _COMMENT.sub("", "\n".join(body)).split("\n")
    entry: dict[str, object] = {"topic": topic, "difficulty": DIFFICULTY}
    picks = [(i, _ANSWER.match(line)) for i, line in enumerate(lines)]
    answers = [(i, m) for i, m in picks if m]
    if answers:
        first, last = answers[0][0], answers[-1][0]
        rest = lines[last + 1 :]
        while rest and _FEEDBACK.match(rest[0]):  # feedback on the last answer
            rest = rest[1:]
        choices = [m[2].strip() for _, m in answers]
        right = [m[2].strip() for _, m in answers if m[1] in ("x", "X")]
        if not right:
            return "no right answer: mark at least one option with [x]"
        entry |= {
            "type": "choice" if len(right) == 1 else "multi",
            "prompt": "\n".join(lines[:first]).strip(),
            "choices": choices,
            "answers": right,
            "explanation": _paragraphs(rest),
        }
        return entry | {"source": SOURCE}
    text = "\n".join(lines)
    question, *content = re.split(r"(?m)^\s*---\s*$", text, maxsplit=1)
    blanks = _BLANK.findall(question)
    if not blanks:
        return "no options ([x] / [ ]) and no [[blank]] to fill in"
    if len(blanks) > 1:
        return f"{len(blanks)} blanks to fill in; one question takes one"
    return entry | {
        "type": "text",
        "prompt": _BLANK.sub("_____", question).strip(),
        "answers": [blanks[0].strip()],
        "explanation": _paragraphs("".join(content).split("\n")),
        "source": SOURCE,
    }


def read(source: Source) -> list[Item]:
    topic = next((m[1] for line in source.lines if (m := _H1.match(line))), source.stem)
    items: list[Item] = []
    fence: str | None = None
    block: list[str] | None = None
    indent, start = "", 0
    for number, line in enumerate(source.lines, start=1):
        if block is not None:
            if _CLOSE.match(line):
                items.append(as_item(len(items) + 1, _convert(block, topic), start))
                block = None
            else:
                block.append(line.removeprefix(indent))
            continue
        if match := _FENCE.match(line):
            fence = None if fence == match[1] else fence or match[1]
        elif fence is None and (match := _OPEN.match(line)):
            block, indent, start = [], match[1], number
    if block is not None:
        raise FormatError(f"{source.path}, line {start}: a <quiz> block is never closed")
    if not items:
        raise FormatError(f"{source.path} holds no <quiz> blocks (outside code blocks)")
    return items
