"""Facts that several documents state agree with the program, their one source: the number
of built-in questions (the bank), the commands (the command table) and the import formats
(the format readers). CI checks the wheel against the README's number too."""

from __future__ import annotations

import json
import re

import pytest

from quiz.bank.formats import FORMATS
from quiz.help import topic_names
from tests.conftest import run_cli
from tests.docs.examples import ROOT, documents
from tests.docs.reference import command_paths

README = ROOT / "README.md"
STATED_COUNT = re.compile(r"(\d[\d,]*) questions in the built-in bank")


def builtin_count() -> int:
    return len(json.loads(run_cli("bank", "list", "--json").stdout))


def test_every_stated_number_of_built_in_questions_is_the_banks() -> None:
    stated = {
        (document.name, match[1])
        for document in documents()
        for match in STATED_COUNT.finditer(document.read_text(encoding="utf-8"))
    }
    assert {document for document, _ in stated} >= {"README.md"}
    assert {count for _, count in stated} == {f"{builtin_count():,}"}, stated


@pytest.mark.parametrize("path", [" ".join(p) for p in command_paths() if p])
def test_the_readme_tours_every_command(path: str) -> None:
    assert f"quiz {path}" in README.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", FORMATS)
def test_every_import_format_is_named_in_the_readme_and_its_topic(name: str) -> None:
    assert f"`{name}`" in README.read_text(encoding="utf-8")
    assert f"- `{name}`:" in (ROOT / "quiz" / "help" / "import.md").read_text(encoding="utf-8")


def test_the_readme_links_every_help_topic() -> None:
    text = README.read_text(encoding="utf-8")
    for name in topic_names():
        assert f"](quiz/help/{name}.md)" in text, name
