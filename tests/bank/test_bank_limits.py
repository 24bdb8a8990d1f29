"""Bank files and what sits inside their strings, and imports bigger than one bank file holds."""

from __future__ import annotations

import json
from pathlib import Path

from quiz.bank.loader import MAX_BANK_BYTES, read_bank_file
from tests.conftest import run_cli

TRICKY = "ligne, digne, ignorer. GN=NH"
TRICKY_TEXTS = (
    TRICKY,
    "a, b. c = d",
    "x.y=1",
    "[table]",
    "[[questions]]\nz.w = 2",
    "# not a comment",
)


def otdb_file(tmp_path: Path, questions: list[tuple[str, str]], name: str = "big.json") -> Path:
    """An Open Trivia DB file of (question, right answer) items."""
    results = [
        {
            "type": "multiple",
            "difficulty": "easy",
            "category": "Words",
            "question": prompt,
            "correct_answer": right,
            "incorrect_answers": ["one", "two", "three"],
        }
        for prompt, right in questions
    ]
    path = tmp_path / name
    path.write_text(json.dumps({"response_code": 0, "results": results}), encoding="utf-8")
    return path


def test_text_that_looks_like_toml_keys_is_only_text(quiz_home: Path, tmp_path: Path) -> None:
    items = [(f"Which words fit, case {n}?", text) for n, text in enumerate(TRICKY_TEXTS)]
    source = otdb_file(tmp_path, items)
    dry = run_cli("bank", "import", str(source), "--dry-run")
    real = run_cli("bank", "import", str(source))
    assert real.exit_code == 0, real.stderr
    assert dry.stdout.splitlines()[0] == real.stdout.splitlines()[0].replace(
        "Imported", "Would import"
    )
    assert real.stdout.startswith(f"Imported {len(TRICKY_TEXTS)} of {len(TRICKY_TEXTS)}")
    load = read_bank_file(quiz_home / "bank" / "user.toml")
    assert load.problems == []
    assert [q.answers[0] for q in load.questions] == list(TRICKY_TEXTS)
    validate = run_cli("bank", "validate", str(quiz_home / "bank" / "user.toml"))
    assert validate.exit_code == 0, validate.stdout + validate.stderr


def test_add_takes_such_text_too(quiz_home: Path) -> None:
    result = run_cli(
        *("add", "--type", "text", "--topic", "French", "--difficulty", "easy"),
        *("--prompt", "Which words rhyme with signe?", "--answer", TRICKY),
    )
    assert result.exit_code == 0, result.stderr
    assert run_cli("bank", "show", "which-words-rhyme-with-signe").stdout.count("GN=NH") == 1


def test_a_real_dotted_key_is_still_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(f'# x.y = 1\n[[questions]]\nid = "a"\nprompt = "{TRICKY}"\nz.w = 1\n')
    result = run_cli("bank", "validate", str(path))
    assert result.exit_code == 1
    assert "dotted keys (line 5)" in result.stdout + result.stderr


def test_a_big_import_spills_into_further_files_under_the_limit(
    quiz_home: Path, tmp_path: Path
) -> None:
    filler = "x" * (MAX_BANK_BYTES // 10)  # twice per question: five make one file too big
    items = [(f"Question number {n} of many?", f"answer {n} {filler}") for n in range(12)]
    source = otdb_file(tmp_path, items)
    dry = run_cli("bank", "import", str(source), "--dry-run")
    real = run_cli("bank", "import", str(source))
    assert real.exit_code == 0, real.stderr
    assert dry.stdout.replace("would go", "went").splitlines()[1:-1] == real.stdout.splitlines()[1:]
    bank = quiz_home / "bank"
    files = sorted(p.name for p in bank.glob("*.toml"))
    assert files == ["import-2.toml", "import-3.toml", "user.toml"]
    assert f"{bank / 'import-2.toml'} (4)" in real.stdout
    loaded = [read_bank_file(bank / name) for name in files]
    assert all(load.problems == [] for load in loaded)
    assert all((bank / name).stat().st_size <= MAX_BANK_BYTES for name in files)
    assert sum(len(load.questions) for load in loaded) == 12
    again = run_cli("bank", "import", str(source))
    assert again.stdout.startswith("Imported 0 of 12")
    assert "Skipped as duplicates: 12" in again.stdout


def test_add_refuses_to_grow_a_full_file_past_the_limit(quiz_home: Path, tmp_path: Path) -> None:
    filler = "x" * (MAX_BANK_BYTES // 7)  # twice per question: 6/7 of a file
    source = otdb_file(tmp_path, [(f"Long one {n}?", f"{n} {filler}") for n in range(3)])
    assert run_cli("bank", "import", str(source)).exit_code == 0
    user = quiz_home / "bank" / "user.toml"
    before = user.read_bytes()
    assert len(before) < MAX_BANK_BYTES
    filler_flags = ("--answer", "a", "--explanation", "y" * (MAX_BANK_BYTES // 5))
    result = run_cli(
        *("add", "--type", "text", "--topic", "T", "--difficulty", "easy"),
        *("--prompt", "One more question?", *filler_flags),
    )
    assert result.exit_code == 1
    assert "would grow past the 8 MB" in result.stderr
    assert user.read_bytes() == before
