"""The result card of a game, as text to paste in a chat and as an SVG image."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quiz.models import Outcome
from quiz.output import safe
from quiz.scores.rows import PlayedGame
from quiz.terminal.command_lines import continued_lines
from quiz.terminal.formatting import count_of

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

TITLE = "Halpert Quiz"
SQUARES = {Outcome.RIGHT: "🟩", Outcome.WRONG: "🟥", Outcome.SKIPPED: "⬜", Outcome.TIMED_OUT: "🟧"}
# Bright enough to read on the dark card at a glance; the legend-free meaning is the chat's.
SQUARE_COLOURS = {
    Outcome.RIGHT: "#22c55e",
    Outcome.WRONG: "#ef4444",
    Outcome.SKIPPED: "#cbd5e1",
    Outcome.TIMED_OUT: "#f59e0b",
}
BACKGROUND, PANEL, INK, SOFT_INK, SCORE_INK = "#0f172a", "#1e293b", "#f8fafc", "#cbd5e1", "#facc15"
# Fonts every system has in some form: an SVG that names a web font fetches it or falls back.
SANS = "DejaVu Sans, Helvetica, Arial, sans-serif"
MONO = "DejaVu Sans Mono, Menlo, Consolas, monospace"
# A card 1200 wide is shown about 360 wide on a phone: 40 px text is still 12 px there.
WIDTH, MARGIN, SMALLEST, SCORE_SIZE = 1200, 64, 40, 168
MONO_ADVANCE = 0.61  # a monospace glyph's width for its font size, a little generous
# A sans-serif glyph's width for its font size, by kind, a little generous (DejaVu's widths).
NARROW, WIDE = frozenset(" .,:;'|!ijlfrt()[]-"), frozenset("MWmw@%")
SQUARE_MAX, SQUARE_MIN, SQUARE_GAP = 72, 28, 10
# What XML 1.0 cannot hold at all, even escaped (U+FFFE, U+FFFF, lone surrogates, C0 controls).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _details(game: PlayedGame) -> str:
    limit = game.settings.time_limit
    timed = f" · {limit} s a question" if limit else ""
    return f"best streak {game.best_streak}{timed}"


def _result_words(game: PlayedGame) -> str:
    return f"{game.correct}/{game.total} right · {_details(game)}"


def _byline(game: PlayedGame) -> str:
    return f"{safe(game.player)} · {game.played_at[:10]}"


def share_lines(game: PlayedGame, replay: str) -> list[str]:
    """Title, score, one square a question, and the command that replays the quiz."""
    squares = "".join(SQUARES[Outcome(outcome)] for outcome in game.outcomes)
    result = (
        f"{game.correct}/{game.total} right · {count_of(game.score, 'point')} · {_details(game)}"
    )
    return [f"{TITLE} · {_byline(game)}", result, squares, safe(replay)]


def _xml_text(text: str) -> str:
    """Outside text as an SVG may hold it: control sequences gone, characters XML refuses too."""
    return _NOT_XML.sub("\ufffd", safe(text))


def _advance(text: str) -> float:
    """About how wide `text` is in a sans-serif font of size 1 (a little more, not less)."""
    from rich.cells import cell_len

    def width(char: str) -> float:
        if char in NARROW:
            return 0.4
        if char in WIDE or cell_len(char) > 1:
            return 1.0 * max(cell_len(char), 1)
        return 0.78 if char.isupper() else 0.64

    return sum(map(width, text))


def _wrapped(text: str, size: int) -> list[str]:
    """`text` in lines that fit the card at font `size`: broken between words, and inside a
    word only when the word alone is wider than the card."""
    room = (WIDTH - 2 * MARGIN) / size
    lines: list[str] = []
    for word in text.split(" "):
        line = f"{lines[-1]} {word}" if lines else word
        if lines and _advance(line) <= room:
            lines[-1] = line
            continue
        lines.append("")
        for char in word:
            if lines[-1] and _advance(lines[-1] + char) > room:
                lines.append("")
            lines[-1] += char
    return lines


@dataclass(frozen=True, slots=True)
class _Squares:
    """Where the squares go: their size, how many a row, and how many rows."""

    size: int
    per_row: int
    rows: int

    @classmethod
    def fit(cls, count: int) -> _Squares:
        room = WIDTH - 2 * MARGIN + SQUARE_GAP
        size = max(SQUARE_MIN, min(SQUARE_MAX, room // max(count, 1) - SQUARE_GAP))
        per_row = room // (size + SQUARE_GAP)
        return cls(size, per_row, max(1, math.ceil(count / per_row)))

    @property
    def height(self) -> int:
        return self.rows * (self.size + SQUARE_GAP) - SQUARE_GAP


class _Card:
    """An SVG drawn top to bottom: each piece goes under the last one."""

    def __init__(self) -> None:
        self.pieces: list[Element] = []
        self.y = MARGIN

    def add(self, tag: str, attributes: dict[str, str], text: str | None = None) -> Element:
        from xml.etree.ElementTree import Element

        piece = Element(tag, attributes)
        piece.text = text
        self.pieces.append(piece)
        return piece

    def text(self, text: str, size: int, style: dict[str, str], *, gap: int = 0) -> None:
        """`text` wrapped to the card's width, its first line `gap` under what is above."""
        self.y += gap
        for line in _wrapped(text, size):
            self.y += round(size * 1.25)
            attributes = {"x": str(MARGIN), "y": str(self.y), "font-family": SANS}
            self.add("text", {**attributes, "font-size": str(size), **style}, line)

    def svg(self, description: str) -> str:
        """The card as an SVG document, as tall as what was drawn."""
        from xml.etree.ElementTree import Element, SubElement, tostring

        height = self.y + MARGIN
        size = {"width": str(WIDTH), "height": str(height)}
        svg = Element(
            "svg",
            {"xmlns": "http://www.w3.org/2000/svg", **size, "viewBox": f"0 0 {WIDTH} {height}"},
        )
        SubElement(svg, "title").text = description
        SubElement(svg, "rect", {**size, "rx": "36", "fill": BACKGROUND})
        svg.extend(self.pieces)
        return tostring(svg, encoding="unicode") + "\n"


def svg_card(game: PlayedGame, replay: str) -> str:
    """A card to post: the title once, the score large, bright squares, the replay line.

    Drawn with SVG shapes and system fonts, so it loads nothing from the network."""
    from xml.etree.ElementTree import SubElement

    card = _Card()
    card.add("rect", {"x": str(MARGIN), "y": "34", "width": "96", "height": "10", "rx": "5",
                      "fill": SCORE_INK})  # fmt: skip
    card.text(TITLE, 56, {"fill": INK, "font-weight": "bold"})
    card.text(_xml_text(_byline(game)), 44, {"fill": SOFT_INK})
    points = f"{game.score:,}"
    room = WIDTH - 2 * MARGIN - 24 - _advance(" points") * 52
    size = min(SCORE_SIZE, math.floor(room / _advance(points) / 1.1))  # bold is wider
    card.y += round(size * 1.12)
    score = {"x": str(MARGIN), "y": str(card.y), "font-family": SANS, "fill": SCORE_INK}
    big = card.add("text", score)
    SubElement(big, "tspan", {"font-size": str(size), "font-weight": "bold"}).text = points
    SubElement(big, "tspan", {"font-size": "52", "fill": INK, "dx": "24"}).text = "points"
    card.text(_xml_text(_result_words(game)), 44, {"fill": INK}, gap=12)

    squares = _Squares.fit(len(game.outcomes))
    top = card.y + 40
    for index, outcome in enumerate(game.outcomes):
        row, column = divmod(index, squares.per_row)
        card.add(
            "rect",
            {
                "class": f"square {outcome.replace(' ', '-')}",
                "x": str(MARGIN + column * (squares.size + SQUARE_GAP)),
                "y": str(top + row * (squares.size + SQUARE_GAP)),
                "width": str(squares.size),
                "height": str(squares.size),
                "rx": str(squares.size // 6),
                "fill": SQUARE_COLOURS[Outcome(outcome)],
            },
        )
    card.y = top + squares.height + 40

    per_line = math.floor((WIDTH - 2 * MARGIN - 32) / (SMALLEST * MONO_ADVANCE))
    # A word wider than the card (a long quoted topic) is cut where the card ends.
    lines = [
        line[start : start + per_line]
        for line in continued_lines(replay, per_line)
        for start in range(0, len(line), per_line)
    ]
    box = {"x": str(MARGIN - 8), "y": str(card.y), "width": str(WIDTH - 2 * MARGIN + 16),
           "height": str(24 + len(lines) * 54), "rx": "16", "fill": PANEL}  # fmt: skip
    card.add("rect", box)
    for line in lines:
        card.y += 54
        card.add(
            "text",
            {
                "x": str(MARGIN + 16),
                "y": str(card.y),
                "font-family": MONO,
                "font-size": str(SMALLEST),
                "fill": INK,
                "{http://www.w3.org/XML/1998/namespace}space": "preserve",
            },
            _xml_text(line),
        )
    card.y += 24
    about = f"{TITLE}: {game.player} scored {count_of(game.score, 'point')}, {_result_words(game)}"
    return card.svg(_xml_text(about))
