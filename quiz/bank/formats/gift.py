"""Moodle GIFT: multiple choice, true/false, short answer and multiple answers, with categories."""

from __future__ import annotations

import re

from quiz.bank.formats.items import Item, Source, as_item
from quiz.bank.formats.plain import html_to_text, markdown_to_text, squeeze

NAME = "gift"
SOURCE = "GIFT"
DIFFICULTY = "medium"  # GIFT has no difficulty
# A backslash takes the special meaning away from ~ = # { } : and itself; `\n` is a newline.
# Escaped characters are parked in the private use area while the question is taken apart.
_ESCAPES = {"\\\\": "\ue000", "\\~": "\ue001", "\\=": "\ue002", "\\#": "\ue003"}
_ESCAPES |= {"\\{": "\ue004", "\\}": "\ue005", "\\:": "\ue006", "\\n": "\ue008"}
_PARKED = re.compile("|".join(re.escape(e) for e in _ESCAPES))
_RESTORE = {parked: escaped[1] for escaped, parked in _ESCAPES.items()} | {"\ue008": "\n"}
_TITLE = re.compile(r"^\s*::(.*?)::", re.DOTALL)
_FORMAT = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_TRUEFALSE = re.compile(r"^(T|TRUE|F|FALSE)\s*(#.*)?$", re.IGNORECASE | re.DOTALL)
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_SIGNS = re.compile(
    r"(?m)^\s*\$CATEGORY:|^\s*::.+?::|\{\s*(?:[=~]|#|T\s*\}|F\s*\}|TRUE\s*\}|FALSE\s*\})"
)


# A field in double quotes, as CSV and Anki write them: what it holds is not GIFT syntax.
_QUOTED = re.compile(r'"(?:[^"\n]|"")*"')


def looks_like(source: Source) -> bool:
    """GIFT's syntax, outside escapes and fields in double quotes."""
    return bool(_SIGNS.search(_QUOTED.sub("", _PARKED.sub("", source.text))))


def _restore(text: str, text_format: str) -> str:
    """Plain text on one line: the question's HTML or Markdown made plain, Moodle's escaped
    `\\n` and the file's own line breaks made spaces, escaped characters put back."""
    text = text.replace("\ue008", " ")
    if text_format == "markdown":
        text = markdown_to_text(text)
    elif text_format != "plain":  # Moodle's own format allows HTML as well
        text = html_to_text(text)
    text = squeeze(text)
    for parked, char in _RESTORE.items():
        text = text.replace(parked, char)
    return text.strip()


def _answers(inner: str) -> list[tuple[str, float | None, str]]:
    """(marker, weight, text) of each answer; feedback after `#` dropped."""
    found = []
    for token in re.split(r"(?=[=~])", inner):
        token = token.strip()
        if not token:
            continue
        marker, rest = token[0], token[1:].lstrip()
        weight = None
        if match := _WEIGHT.match(rest):
            weight, rest = float(match.group(1)), rest[match.end() :]
        found.append((marker, weight, rest.split("#", 1)[0].strip()))
    return found


def _numerical(inner: str) -> list[str] | str:
    value = inner.lstrip("#").strip()
    if re.fullmatch(r"=?-?\d+(?:\.\d+)?(?::0+(?:\.0+)?)?", value):
        return [value.lstrip("=").split(":", 1)[0]]
    return f"a numerical answer with a range ({{#{value}}}) cannot be checked as typed text"


def _convert(block: str, topic: str) -> dict[str, object] | str:
    block = _PARKED.sub(lambda m: _ESCAPES[m.group(0)], block)
    block = _TITLE.sub("", block, count=1)
    text_format = "moodle"
    if match := _FORMAT.match(block):
        text_format = match.group(1).lower()
        block = block[match.end() :]
    start, end = block.find("{"), block.rfind("}")
    if start < 0 or end < start:
        return "no answer block {...}: a description, not a question"
    before, inner, after = block[:start], block[start + 1 : end].strip(), block[end + 1 :]
    inner, _, feedback = inner.partition("####")
    inner = inner.strip()
    prompt = f"{before.rstrip()} _____ {after.lstrip()}" if after.strip() else before
    entry: dict[str, object] = {
        "topic": topic,
        "difficulty": DIFFICULTY,
        "type": "",
        "prompt": _restore(prompt, text_format),
    }
    if not inner:
        return "an essay question (no answer to check)"
    if inner.startswith("#"):
        numbers = _numerical(inner)
        if isinstance(numbers, str):
            return numbers
        entry |= {"type": "text", "answers": numbers}
    elif truth := _TRUEFALSE.match(inner):
        entry |= {"type": "truefalse", "answers": ["true" if truth[1][0] in "Tt" else "false"]}
    elif "->" in inner:
        return "a matching question (pairs of items) is not supported"
    else:
        answers = [(m, w, _restore(t, text_format)) for m, w, t in _answers(inner)]
        if all(m == "=" for m, _, _ in answers):
            accepted = [t for _, w, t in answers if w is None or w >= 100]
            entry |= {"type": "text", "answers": accepted}
        else:
            if any(m == "=" for m, _, _ in answers):
                right = [t for m, _, t in answers if m == "="]
            else:  # multiple answers: every answer with a positive weight is right
                right = [t for _, w, t in answers if (w or 0) > 0]
            entry |= {
                "type": "choice" if len(right) == 1 else "multi",
                "choices": [t for _, _, t in answers],
                "answers": right,
            }
    return entry | {"explanation": _restore(feedback, text_format), "source": SOURCE}


def _category(line: str) -> str:
    """The topic of a `$CATEGORY: $course$/top/Geography/Capitals` line: its last part."""
    path = line.split(":", 1)[1].replace("//", "\ue007")
    parts = [p.strip().replace("\ue007", "/") for p in path.split("/")]
    named = [p for p in parts if p and not p.startswith("$") and p.lower() != "top"]
    return named[-1] if named else ""


def _depth(line: str) -> int:
    """How many more braces the line opens than it closes, escaped braces aside."""
    plain = _PARKED.sub("", line)
    return plain.count("{") - plain.count("}")


_ANSWER_START = re.compile(r"^\s*(?:[=~#}%]|->)")


def _answers_follow(lines: list[str], after: int) -> bool:
    """Whether the next line with text, after line number `after`, goes on a list of answers."""
    following = (
        line for line in lines[after:] if line.strip() and not line.strip().startswith("//")
    )
    return bool(_ANSWER_START.match(next(following, "")))


def read(source: Source) -> list[Item]:
    topic = source.stem
    items: list[Item] = []
    block: list[str] = []
    start = depth = 0

    def close() -> None:
        nonlocal block, depth
        if block and depth > 0:
            problem = "a brace { is left open: its answers never end with }"
            items.append(as_item(len(items) + 1, problem, start))
        elif block:
            items.append(as_item(len(items) + 1, _convert("\n".join(block), topic), start))
        block, depth = [], 0

    lines = source.lines
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith("//"):
            continue
        if not stripped:
            if depth <= 0 or not _answers_follow(lines, number):
                close()  # a blank line inside {...}, before more answers, belongs to them
        elif stripped.startswith("$CATEGORY:"):
            close()
            topic = _category(stripped) or source.stem
        else:
            if not block:
                start = number
            block.append(line)
            depth += _depth(line)
    close()
    return items
