"""Plain text out of what files hold: HTML, Markdown, option labels, lists of meanings."""

from __future__ import annotations

import html
import re

# Tags that end a line or a block: they become a space. Other tags (b, i, code, span...)
# sit inside words and vanish without one, so `<b>juegos</b>.csv` stays `juegos.csv`.
_BLOCK_TAG = re.compile(
    r"(?i)</?(?:br|p|div|li|ul|ol|h[1-6]|tr|td|th|table|hr|blockquote|pre|dt|dd)\b[^>]*>"
)
_DROPPED_BLOCK = re.compile(r"(?is)<(script|style|head)\b.*?</\1\s*>|<!--.*?-->")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_SPACE_BEFORE = re.compile(r"\s+([,)])")
_IMAGE = re.compile(r"(?i)<img\b[^>]*>")


def squeeze(text: str) -> str:
    """One line: every run of spaces and line breaks made one space."""
    return " ".join(text.split())


def html_to_text(text: str) -> str:
    """HTML as one line of plain text: tags dropped, entities decoded, breaks made spaces."""
    text = _DROPPED_BLOCK.sub("", text)
    text = _TAG.sub("", _BLOCK_TAG.sub(" ", text))
    return _SPACE_BEFORE.sub(r"\1", squeeze(html.unescape(text)))


def has_image(text: str) -> bool:
    return bool(_IMAGE.search(text))


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_MD_CODE = re.compile(r"(`+)(.+?)\1")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)|(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"
)
_BLANK_LINE = re.compile(r"_{3,}")
_MD_FENCE = re.compile(r"(?m)^[ \t]*(?:```|~~~).*$")
_MD_STRIKE = re.compile(r"~~(.+?)~~")
_MD_LINE_START = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)")
_ADMONITION = re.compile(r'(?m)^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*[\w-]+(?:[ \t]+"([^"]*)")?[ \t]*$')


def markdown_to_text(text: str) -> str:
    """Markdown as plain text: emphasis, code and link marks dropped (the words kept),
    admonition markers reduced to their title, paragraphs kept apart by a line break."""
    text = _BLANK_LINE.sub(lambda m: "\ue010" * len(m[0]), text)  # a blank to fill, not emphasis
    text = _ADMONITION.sub(lambda m: f"{m[1]}:" if m[1] else "", text)
    text = _MD_LINE_START.sub("", _MD_FENCE.sub("", text))
    text = _MD_IMAGE.sub(lambda m: m[1], text)
    text = _MD_LINK.sub(lambda m: m[1] or m[2], text)
    text = _MD_CODE.sub(lambda m: m[2].strip(), text)
    text = _MD_STRIKE.sub(r"\1", _MD_STRONG.sub(r"\2", text))
    text = _MD_EMPHASIS.sub(lambda m: m[1] or m[2], text)
    text = html_to_text_keeping_lines(text)
    paragraphs = re.split(r"\n[ \t]*\n", text)
    return "\n".join(squeeze(p) for p in paragraphs if p.strip()).replace("\ue010", "_")


def html_to_text_keeping_lines(text: str) -> str:
    """Inline HTML in Markdown dropped, entities decoded; the lines stay as they are."""
    return html.unescape(_TAG.sub("", _DROPPED_BLOCK.sub("", text)))


# `A)`, `b.`, `(c)`, `1)`, `2.`: a label the option carries itself.
_LABEL = re.compile(r"^\s*(?:\(?([A-Fa-f])\)|([A-Fa-f])[.:]|\(?([1-6])\)|([1-6])[.:])\s+(?=\S)")


def unlabelled(options: list[str]) -> list[str]:
    """The options without labels they carry (`B) Paris`), when every one carries the next."""
    found = [_LABEL.match(option) for option in options]
    if len(options) < 2 or not all(found):
        return options
    labels = [next(g for g in m.groups() if g).lower() for m in found if m]
    first = min(labels)
    if first not in ("a", "1") or sorted(labels) != [
        chr(ord(first) + n) for n in range(len(labels))
    ]:
        return options  # labels are a, b, c... or 1, 2, 3..., each once, in any order
    return [option[m.end() :].strip() for option, m in zip(options, found, strict=True) if m]


def without_labels(entry: dict[str, object]) -> dict[str, object]:
    """A choice or multi entry whose options carry their own labels (`B) Paris`), without them."""
    choices, answers = entry.get("choices"), entry.get("answers")
    if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
        return entry
    bare = unlabelled(choices)
    if bare == choices:
        return entry
    renamed = dict(zip(choices, bare, strict=True))
    if isinstance(answers, list):
        answers = [renamed.get(a, a) if isinstance(a, str) else a for a in answers]
    return entry | {"choices": bare, "answers": answers}


_NOTE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_MEANING_SPLIT = re.compile(r"\s*[;/]\s*")
_COMMA = re.compile(r"\s*,(?!\d)\s*")
MEANING_WORDS = 3  # a comma lists meanings when every part is this short: `car, automobile`


def meanings(back: str) -> list[str]:
    """Answers a back listing meanings accepts: the whole back, then each meaning on its own
    with notes in brackets left out (`to travel; I travel (pres.)`, `big, large`)."""
    whole = squeeze(back)
    bare = squeeze(_NOTE.sub(" ", whole))
    parts = []
    for part in _MEANING_SPLIT.split(bare) if bare else []:
        pieces = _COMMA.split(part)
        short = all(len(piece.split()) <= MEANING_WORDS for piece in pieces)
        parts += pieces if short else [part]
    parts = [part.strip(" .") for part in parts]
    found = [whole]
    for answer in (bare, *parts):
        if answer and answer.casefold() not in {f.casefold() for f in found}:
            found.append(answer)
    return found
