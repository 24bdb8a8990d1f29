"""What `python -m tests.docs` makes from the program is current: the command reference
topic and the README's game screen."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from importlib.metadata import version

import pytest

from tests.docs import reference, screenshot

REGENERATE = "stale: run `python -m tests.docs` and commit what it writes"


def test_the_command_reference_is_every_commands_help() -> None:
    assert reference.REFERENCE.read_text(encoding="utf-8") == reference.reference(), REGENERATE


def test_the_reference_covers_every_command() -> None:
    text = reference.REFERENCE.read_text(encoding="utf-8")
    for path in reference.command_paths():
        assert f"\n## {' '.join(['quiz', *path])}\n" in text


def test_the_screenshot_is_what_the_game_draws() -> None:
    committed = screenshot.SCREENSHOT.read_text(encoding="utf-8")
    drawn_with = screenshot.made_with(committed)
    if drawn_with != version("rich"):
        pytest.skip(f"the screenshot was drawn with rich {drawn_with}, whose SVG may differ")
    assert committed == screenshot.screenshot(), REGENERATE


def test_the_screenshot_needs_no_web_font_and_is_well_formed() -> None:
    committed = screenshot.SCREENSHOT.read_text(encoding="utf-8")
    assert "@font-face" not in committed
    assert "http" not in committed.replace("http://www.w3.org/2000/svg", "").replace(
        "https://www.textualize.io", ""
    )
    ET.fromstring(committed)
