"""Help topics as plain text: the Markdown of a topic reflowed to a width, between words."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator

_TOPIC_LINK = re.compile(r"\[([^\]]+)\]\(([a-z-]+)\.md(?:#[^)]*)?\)")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*")
_ITEM = re.compile(r"( *)([-*]|\d+\.) +")
_FENCE = "```"


def terminal_links(markdown: str) -> str:
    """Links to other topics as the command that opens them; pictures dropped."""
    without_images = _IMAGE.sub("", markdown)
    return _TOPIC_LINK.sub(lambda m: f"{m[1]} (`quiz help {m[2]}`)", without_images)


def _inline(text: str) -> str:
    """Inline Markdown as plain words: emphasis, code marks and link targets shown plainly."""
    text = _EMPHASIS.sub(r"\1", text)
    text = _LINK.sub(r"\1 (\2)", text)
    return text.replace("`", "")


def _fill(text: str, width: int, first: str, rest: str) -> list[str]:
    """Words of `text` in lines of at most `width`; only a word longer than a line is split."""
    return textwrap.wrap(
        text,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,
        break_long_words=True,
    ) or [first.rstrip()]


def _blocks(markdown: str) -> Iterator[tuple[str, list[str]]]:
    """The topic's blocks in order: ("code", lines), ("heading", [line]), ("text", lines)."""
    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.lstrip().startswith(_FENCE):
            margin = len(line) - len(line.lstrip())
            end = next(
                (i for i in range(index + 1, len(lines)) if lines[i].lstrip().startswith(_FENCE)),
                len(lines),
            )
            yield "code", [code[margin:] for code in lines[index + 1 : end]]
            index = end + 1
        elif line.startswith("#"):
            yield "heading", [line]
            index += 1
        elif not line.strip() or line.lstrip().startswith("<!--"):
            index += 1
        else:
            end = index + 1
            while end < len(lines) and lines[end].strip() and not _starts_block(lines[end]):
                end += 1
            yield "text", lines[index:end]
            index = end


def _starts_block(line: str) -> bool:
    return line.lstrip().startswith(_FENCE) or line.startswith("#") or _ITEM.match(line) is not None


def _text_lines(lines: list[str], width: int) -> list[str]:
    """A paragraph, or one list item with its continuation lines, reflowed."""
    found = _ITEM.match(lines[0])
    body = _inline(" ".join(line.strip() for line in lines))
    if found is None:
        return _fill(body, width, "", "")
    indent, marker = found[1], found[2]
    body = _inline(" ".join([lines[0][found.end() :], *(line.strip() for line in lines[1:])]))
    first = f"{indent}{marker} "
    return _fill(body, width, first, " " * len(first))


def code_lines(lines: list[str], width: int, margin: str = "  ") -> list[str]:
    """Example lines after `margin`; one wider than the width goes on between words, under
    its own indent (at most a third of the width, so deep indents still leave room)."""
    out: list[str] = []
    for line in lines:
        if len(margin) + len(line) <= width or not line.strip():
            out.append(f"{margin}{line}".rstrip())
            continue
        indent = margin + line[: min(len(line) - len(line.lstrip()), width // 3)]
        out.extend(_fill(line.strip(), width, indent, indent + "  "))
    return out


def plain_topic(markdown: str, width: int) -> str:
    """A topic as plain text for a pipe or a file: no colour, no markup, at most `width` wide."""
    out: list[str] = []
    after_item = False
    for kind, lines in _blocks(terminal_links(markdown)):
        item = kind == "text" and _ITEM.match(lines[0]) is not None
        if after_item and not item:
            out.append("")
        after_item = item
        if kind == "heading":
            title = _inline(lines[0].lstrip("#").strip())
            underline = "=" if lines[0].startswith("# ") else "-"
            wrapped = _fill(title, width, "", "")
            out.extend([*wrapped, underline * max(len(line) for line in wrapped), ""])
        elif kind == "code":
            out.extend([*code_lines(lines, width), ""])
        else:
            out.extend(_text_lines(lines, width))
            if not item:
                out.append("")
    return "\n".join(out).rstrip() + "\n"
