"""The share card looked at as a picture: rendered to PNG, then its pixels and its XML checked."""

from __future__ import annotations

import io
import re
import shlex
from xml.etree import ElementTree as ET

import pytest
from PIL import Image

from quiz.models import GameSettings, Outcome
from quiz.scores.rows import PlayedGame
from quiz.terminal.render_share import BACKGROUND, MARGIN, SQUARE_COLOURS, TITLE, svg_card

cairosvg = pytest.importorskip("cairosvg", reason="cairosvg renders the card to PNG")

SVG = "{http://www.w3.org/2000/svg}"
OUTCOMES = tuple(
    Outcome(o)
    for o in ("right", "right", "wrong", "skipped", "timed out", "right", "wrong", "right")
)
HOSTILE = ("<Pam & \"Jim\" 'Halpert'>", "Dwight\uffff\x00\x1b[31m", "]]></text><script>x</script>")


def game(
    player: str = "Pam", outcomes: tuple[Outcome, ...] = OUTCOMES, **settings: object
) -> PlayedGame:
    return PlayedGame(
        player=player,
        score=12_300,
        correct=outcomes.count("right"),
        total=len(outcomes),
        best_streak=2,
        played_at="2026-12-06T19:00:00.000000Z",
        settings=GameSettings(seed=48213, count=len(outcomes), **settings),  # type: ignore[arg-type]
        outcomes=outcomes,
    )


def picture(svg: str) -> Image.Image:
    return Image.open(io.BytesIO(cairosvg.svg2png(bytestring=svg.encode("utf-8")))).convert("RGB")


def texts(root: ET.Element) -> list[ET.Element]:
    return list(root.iter(f"{SVG}text"))


def shown(element: ET.Element) -> str:
    return "".join(element.itertext())


def colour(hex_colour: str) -> tuple[int, int, int]:
    return (int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16))


def test_one_title_a_large_score_and_the_replay_line() -> None:
    replay = "quiz play --seed 48213 --count 8"
    root = ET.fromstring(svg_card(game(), replay))
    lines = [shown(t) for t in texts(root)]
    assert sum(TITLE in line for line in lines) == 1
    assert "12,300points" in lines  # the score and its word, in one line
    assert replay in lines
    sizes = {shown(t): int(t.get("font-size") or 0) for t in texts(root)}
    score = next(t for t in root.iter(f"{SVG}tspan") if t.text == "12,300")
    others = [s for s in sizes.values() if s]
    assert int(score.get("font-size", "0")) >= 3 * max(others)
    # Shown 360 pixels wide on a phone, the smallest text is still 12 pixels high.
    width = int(root.get("width", "0"))
    assert min(others) * 360 / width >= 12


def test_squares_are_bright_and_in_their_outcome_colours() -> None:
    svg = svg_card(game(), "quiz play --seed 48213 --count 8")
    image = picture(svg)
    squares = [r for r in ET.fromstring(svg).iter(f"{SVG}rect") if "square" in r.get("class", "")]
    assert len(squares) == len(OUTCOMES)
    for rect, outcome in zip(squares, OUTCOMES, strict=True):
        middle = (
            int(rect.get("x", "")) + int(rect.get("width", "")) // 2,
            int(rect.get("y", "")) + int(rect.get("height", "")) // 2,
        )
        pixel = image.getpixel(middle)
        assert pixel == colour(SQUARE_COLOURS[Outcome(outcome)])
        assert isinstance(pixel, tuple)
        assert max(pixel) >= 190  # bright on the dark card (olive and grey50 are 128)
    assert image.getpixel((image.width // 2, image.height - 10)) == colour(BACKGROUND)


@pytest.mark.parametrize("player", [*HOSTILE, "W" * 40, "名前" * 20])
def test_any_name_or_topic_stays_well_formed_and_on_the_card(player: str) -> None:
    topic = f"{HOSTILE[0]} & <b>{HOSTILE[2]}"
    replay = shlex.join(["quiz", "play", "--seed", "1", "--topic", topic])
    svg = svg_card(game(player, topics=(topic,)), replay)
    root = ET.fromstring(svg)  # raises on anything not well-formed
    assert "\uffff" not in svg and "\x1b" not in svg and "\x00" not in svg
    assert "<b>" in "".join(shown(t) for t in texts(root))
    image = picture(svg)
    # Nothing drawn in the right margin: long names wrap instead of running off the card.
    right = image.crop((image.width - MARGIN // 2, 60, image.width, image.height - 60))
    assert [rgb for _, rgb in right.getcolors() or []] == [colour(BACKGROUND)]


def test_nothing_is_fetched_from_the_network() -> None:
    svg = svg_card(game(), "quiz play --seed 48213 --count 8")
    without_namespace = svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for fetch in ("http:", "https:", "url(", "@import", "@font-face", "<image", "href"):
        assert fetch not in without_namespace
    families = set(re.findall(r'font-family="([^"]+)"', svg))
    assert all(family.endswith(("sans-serif", "monospace")) for family in families)


def test_a_long_survival_game_wraps_its_squares_inside_the_card() -> None:
    outcomes = (Outcome.RIGHT, Outcome.WRONG, Outcome.SKIPPED) * 50
    svg = svg_card(game(outcomes=outcomes, lives=3), "quiz play --seed 1 --lives 3")
    root = ET.fromstring(svg)
    width = int(root.get("width", "0"))
    squares = [r for r in root.iter(f"{SVG}rect") if "square" in r.get("class", "")]
    assert len(squares) == 150
    assert max(int(r.get("x", "")) + int(r.get("width", "")) for r in squares) <= width - MARGIN
    assert len({r.get("y") for r in squares}) > 1
