"""Every example of the README and the help topics runs as shown (see tests/docs/examples.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.docs.examples import documents, examples, mismatches


@pytest.mark.slow
@pytest.mark.parametrize("document", documents(), ids=lambda path: path.name)
def test_every_example_prints_what_the_document_shows(document: Path) -> None:
    """In order, in a fresh sandbox; `python -m tests.docs --examples` rewrites the outputs."""
    assert list(mismatches(document)) == []


def test_the_readme_shows_examples_that_run() -> None:
    assert len(examples(documents()[0].read_text(encoding="utf-8"))) >= 8
