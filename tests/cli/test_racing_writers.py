"""Many `quiz add`, `bank import` and `bank remove` processes at once on one bank file: none is lost."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from quiz.bank.loader import read_bank_file
from tests.conftest import installed_quiz

WRITERS = 12


def start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [installed_quiz(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def add_args(n: int) -> list[str]:
    return [
        "add", "--type", "truefalse", "--topic", "Race", "--difficulty", "easy",
        "--prompt", f"Racing writer number {n} wrote this question?", "--answer", "true", "--force",
    ]  # fmt: skip


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=120)
    assert "Traceback" not in err, err
    return process.returncode, out, err


@pytest.mark.slow
def test_every_add_that_says_added_is_in_the_file(quiz_home: Path, tmp_path: Path) -> None:
    items = [
        {
            "type": "boolean",
            "difficulty": "easy",
            "category": "Race",
            "question": question,
            "correct_answer": "True",
            "incorrect_answers": ["False"],
        }
        for question in ("Paper beats rock?", "Stanley loves crosswords?", "Creed knows all?")
    ]
    source = tmp_path / "race.json"
    source.write_text(json.dumps({"response_code": 0, "results": items}), encoding="utf-8")
    processes = [start(*add_args(n)) for n in range(WRITERS)]
    processes.append(start("bank", "import", str(source)))
    results = [finish(p) for p in processes]
    assert all(code == 0 for code, _, _ in results), results
    added = [out.strip() for _, out, _ in results[:WRITERS]]
    load = read_bank_file(quiz_home / "bank" / "user.toml")
    assert load.problems == []
    ids = {q.id for q in load.questions}
    assert set(added) <= ids
    assert len(ids) == WRITERS + len(items)

    removers = [start("bank", "remove", qid, "--yes") for qid in added[: WRITERS // 2]]
    adders = [start(*add_args(n)) for n in range(WRITERS, WRITERS + WRITERS // 2)]
    results = [finish(p) for p in removers + adders]
    assert all(code == 0 for code, _, _ in results), results
    left = {q.id for q in read_bank_file(quiz_home / "bank" / "user.toml").questions}
    assert left == (ids - set(added[: WRITERS // 2])) | {
        out.strip() for _, out, _ in results[WRITERS // 2 :]
    }
