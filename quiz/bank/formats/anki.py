"""Anki "notes in plain text": front and back become a typed-answer question and its answer."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from quiz.bank.formats.items import FormatError, Item, Source, as_item
from quiz.bank.formats.plain import has_image, html_to_text, meanings
from quiz.models import DIFFICULTIES

NAME = "anki"
SOURCE = "Anki"
DIFFICULTY = "medium"
SEPARATORS = {
    "comma": ",",
    "semicolon": ";",
    "tab": "\t",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
_HEADER = re.compile(r"^#([a-z][a-z ]*):(.*)$")
_KNOWN = ("separator", "html", "tags", "columns", "notetype", "deck")
_SPECIAL_COLUMNS = ("tags column", "deck column", "notetype column", "guid column")
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
# "Cards in plain text": each side as shown, the back repeating the front above this line.
_ANSWER_LINE = re.compile(r"(?is)<hr[^>]*\bid\s*=\s*[\"']?answer\b[^>]*>")
_SHOWN_CLOZE = re.compile(r"(?is)<span[^>]*\bclass\s*=\s*[\"']?cloze\b[^>]*>(.*?)</span>")
_OCCLUSION = re.compile(r"(?i)image-occlusion:|\bimage occlusion\b")
MEDIA = "needs media: its {side} is {what}, which a text file cannot carry"


@dataclass
class _Headers:
    separator: str | None = None
    html: bool = False
    tags: list[str] = field(default_factory=list)
    deck: str = ""
    columns: dict[str, int] = field(default_factory=dict)  # special column -> 0-based index
    end: int = 0  # lines taken by the headers


def _headers(lines: list[str]) -> _Headers:
    found = _Headers()
    for number, line in enumerate(lines):
        if number == 0 and line.startswith("tags:"):  # the old way, allowed before the headers
            found.tags += line[5:].split()
            found.end = 1
            continue
        match = _HEADER.match(line.strip())
        if not match:
            break
        key, value = match.group(1).strip(), match.group(2).strip()
        if key == "separator":
            found.separator = SEPARATORS.get(value.lower(), value[:1] or None)
        elif key == "html":
            found.html = value.lower() == "true"
        elif key == "tags":
            found.tags += value.split()
        elif key == "deck":
            found.deck = value
        elif key in _SPECIAL_COLUMNS and value.isdigit() and int(value) >= 1:
            found.columns[key] = int(value) - 1
        found.end = number + 1
    return found


def looks_like(source: Source) -> bool:
    """Anki's own headers (they decide, whatever the notes hold), or else lines of
    tab-separated fields."""
    head = source.lines[:12]
    if any(
        (m := _HEADER.match(line.strip())) and m.group(1).strip() in (*_KNOWN, *_SPECIAL_COLUMNS)
        for line in head
    ):
        return True
    data = [line for line in head if line.strip() and not line.startswith("#")]
    return bool(data) and all("\t" in line for line in data)


def _media(side: str, raw: str, text: str) -> str | None:
    """Why a side that shows a picture or plays a sound cannot become a text question."""
    pictures, sounds = has_image(raw), bool(_SOUND.search(raw))
    if not (pictures or sounds):
        return None
    what = "a picture" if pictures else "a sound"
    if side == "back" and text:
        return None  # the answer is still written out; only the picture beside it is lost
    alone = "" if text else " alone"
    return MEDIA.format(side=side, what=what + alone)


def _topic(deck: str, fallback: str) -> str:
    """A deck `Languages::French::Verbs` gives the topic `Verbs`."""
    return deck.split("::")[-1].strip() or fallback


def _text(raw: str) -> str:
    return html_to_text(_SOUND.sub(" ", raw))


def _card_answer(front: str, back: str) -> str:
    """The answer of a card as shown: what follows `<hr id=answer>`, a shown cloze, or the
    back with the front it repeats taken off its start."""
    if split := _ANSWER_LINE.search(back):
        return back[split.end() :]
    if shown := _SHOWN_CLOZE.findall(back):
        return ", ".join(shown)
    plain_front, plain_back = _text(front), _text(back)
    if plain_front and plain_back.startswith(plain_front) and plain_back != plain_front:
        return plain_back[len(plain_front) :]
    return back


def _clozes(front: str) -> list[tuple[str, str, str]] | str:
    """(gap number, prompt, answer) for each gap number of a cloze note: that number's gaps
    blanked (with their hint), every other gap shown filled in."""
    gaps = _CLOZE.findall(front)
    numbers = sorted({int(n) for n, _, _ in gaps})
    found = []
    for number in numbers:

        def fill(m: re.Match[str], number: int = number) -> str:
            if int(m[1]) != number:
                return m[2]
            return f"_____ ({m[3]})" if m[3] else "_____"

        prompt = _text(_CLOZE.sub(fill, front))
        answers = dict.fromkeys(_text(text) for n, text, _ in gaps if int(n) == number)
        answer = ", ".join(a for a in answers if a)
        if not answer:
            return f"gap c{number} is empty"
        found.append((f"c{number}", prompt, answer))
    return found


def _entry(
    topic: str, difficulty: str, prompt: str, answers: list[str], explanation: str
) -> dict[str, object]:
    return {
        "topic": topic,
        "difficulty": difficulty,
        "type": "text",
        "prompt": prompt,
        "answers": answers,
        "explanation": explanation,
        "source": SOURCE,
    }


def _convert(cells: list[str], headers: _Headers, topic: str) -> list[dict[str, object] | str]:
    """The questions of one note (a cloze note gives one per gap number), or why none."""
    special = headers.columns
    regular = [c for i, c in enumerate(cells) if i not in special.values()] + ["", ""]
    tags = list(headers.tags)
    if "tags column" in special and special["tags column"] < len(cells):
        tags += cells[special["tags column"]].split()
    if "deck column" in special and special["deck column"] < len(cells):
        topic = _topic(cells[special["deck column"]], topic)
    notetype = (
        cells[special["notetype column"]]
        if "notetype column" in special and special["notetype column"] < len(cells)
        else ""
    )
    raw_front, raw_back = regular[:2]
    if _OCCLUSION.search(notetype) or _OCCLUSION.search(raw_front):
        return [MEDIA.format(side="front", what="parts of a picture to hide (image occlusion)")]
    difficulty = next((t.lower() for t in tags if t.lower() in DIFFICULTIES), DIFFICULTY)
    if _CLOZE.search(raw_front):
        if media := _media("front", raw_front, _text(_CLOZE.sub(r"\2", raw_front))):
            return [media]
        gaps = _clozes(raw_front)
        if isinstance(gaps, str):
            return [gaps]
        extra = _text(raw_back)
        return [_entry(topic, difficulty, prompt, [answer], extra) for _, prompt, answer in gaps]
    raw_back = _card_answer(raw_front, raw_back)
    front, back = _text(raw_front), _text(raw_back)
    for side, raw, text in (("front", raw_front, front), ("back", raw_back, back)):
        if problem := _media(side, raw, text):
            return [problem]
    if "[...]" in front and back:  # a cloze card as shown: the gap is `[...]`
        front = front.replace("[...]", "_____")
    if not front or not back:
        return ["needs a front and a back"]
    return [_entry(topic, difficulty, front, meanings(back), "")]


def _guess_separator(lines: list[str]) -> str:
    first = next((line for line in lines if line.strip() and not line.startswith("#")), "")
    return next((s for s in ("\t", ";", ",") if s in first), "\t")


def read(source: Source) -> list[Item]:
    lines = source.lines
    headers = _headers(lines)
    body = lines[headers.end :]
    separator = headers.separator or _guess_separator(body)
    topic = _topic(headers.deck, source.stem)
    # Comment lines are blanked rather than removed, so that line numbers stay right.
    text = "\n".join("" if line.startswith("#") else line for line in body)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    items: list[Item] = []
    try:
        start = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                line = headers.end + start
                for result in _convert(cells, headers, topic):
                    items.append(as_item(len(items) + 1, result, line))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise FormatError(f"{source.path}, line {headers.end + reader.line_num}: {exc}") from exc
    return items
