"""Ids that `quiz add` makes from a prompt stay short, whatever the prompt."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_racing_writers import finish, start


def test_generated_ids_are_capped_at_a_word_boundary(quiz_home: Path) -> None:
    one_word = "A" * 100_000 + " indeed?"  # a word longer than an id, then a short one
    many_words = "Supercalifragilistic expialidocious " * 6 + "question?"
    ids = []
    for prompt in (one_word, many_words):
        process = start(
            "add", "--type", "truefalse", "--topic", "T", "--difficulty", "easy",
            "--prompt", prompt, "--answer", "true",
        )  # fmt: skip
        code, out, err = finish(process)
        assert code == 0, err
        ids.append(out.strip())
    assert ids[0] == "a" * 60
    assert ids[1] == "supercalifragilistic-expialidocious-supercalifragilistic"
