"""The facts map: read beside the questions (never as one), its rules in the validator, its
place in the bank cache, in export and import, and `quiz bank facts`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quiz import paths
from quiz.bank.loader import load_bank
from tests.conftest import FIXTURES, run_cli, write_bank

ASKING_KAREN_BRANCH = """
[[questions]]
id = "karen-old-branch-{n}"
topic = "Karen Filippelli"
difficulty = "hard"
type = "choice"
prompt = "Karen's first branch, asked again ({n})?"
choices = ["Stamford", "Nashua", "Utica"]
answers = ["Stamford"]
explanation = "The Connecticut office closed in a merger."
source = "karen"
asks = ["karen-branch"]
"""


@pytest.fixture
def facts_bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture bank with its facts map, standing in for the built-in one."""
    folder = tmp_path / "questions"
    shutil.copytree(FIXTURES / "facts_bank", folder)
    monkeypatch.setattr(paths, "builtin_bank_dir", lambda: folder)
    return folder


def out_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_the_facts_map_is_no_question_file(facts_bank: Path) -> None:
    bank = load_bank(user=False)
    assert bank.problems == ()
    assert [q.id for q in bank.questions] == [
        "karen-from",
        "karen-game-played",
        "karen-utica",
        "pam-classes",
    ]
    played = bank.questions[1]
    assert (played.asks, played.mentions) == (("karen-game",), ("karen-branch",))
    result = run_cli("bank", "validate", "--strict")
    assert (result.exit_code, result.stdout) == (0, "OK: 4 questions in 1 file, no problems.\n")


def test_a_folder_given_with_bank_leaves_its_facts_map_out(
    facts_bank: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "mine"
    write_bank(mine, "facts.toml", (facts_bank / "facts.toml").read_text())
    result = run_cli("bank", "list", "--bank", str(mine), "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_an_unknown_fact_id_is_a_problem(facts_bank: Path, tmp_path: Path) -> None:
    mine = write_bank(
        tmp_path,
        "mine.toml",
        ASKING_KAREN_BRANCH.format(n=1).replace('"karen-branch"', '"karen-brunch"'),
    )
    result = run_cli("bank", "validate", str(mine))
    assert result.exit_code == 1
    assert (
        f"{mine}: question karen-old-branch-1: field 'asks': unknown fact 'karen-brunch'"
        " (no such id in facts.toml)" in out_lines(result.stdout)
    )
    played = run_cli("play", "--plain", "--no-save", "--bank", str(mine), "--count", "1")
    assert "skipped bank file" in played.stderr  # a bad user file never stops a game


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ('asks = ["pam-art", "pam-art"]', "field 'asks': 'pam-art' is listed twice"),
        (
            'asks = ["pam-art"]\nmentions = ["pam-art"]',
            "field 'mentions': 'pam-art' is asked already; mentions lists only the other facts",
        ),
        (
            'asks = []\nmentions = ["pam-art"]',
            "field 'asks': must name the facts the question asks (one at least)",
        ),
        (
            'asks = ["pam-art", "karen-branch", "karen-game", "karen-manager"]',
            "field 'asks': names 4 facts; a question asks one to 3",
        ),
        ('asks = "pam-art"', "field 'asks': must be a list of strings"),
    ],
    ids=["twice", "asked and mentioned", "mentions alone", "too many", "not a list"],
)
def test_fact_lists_that_make_no_sense(
    facts_bank: Path, tmp_path: Path, fields: str, message: str
) -> None:
    body = ASKING_KAREN_BRANCH.format(n=1).replace('asks = ["karen-branch"]', fields)
    mine = write_bank(tmp_path, "mine.toml", body)
    result = run_cli("bank", "validate", str(mine))
    assert result.exit_code == 1
    assert f"{mine}: question karen-old-branch-1: {message}" in out_lines(result.stdout)


def test_a_fact_asked_three_times_is_a_problem(facts_bank: Path) -> None:
    write_bank(
        facts_bank, "more.toml", ASKING_KAREN_BRANCH.format(n=1) + ASKING_KAREN_BRANCH.format(n=2)
    )
    result = run_cli("bank", "validate")
    assert result.exit_code == 1
    assert out_lines(result.stdout) == [
        f"{facts_bank / 'facts.toml'}: 1 problem",
        f"{facts_bank / 'facts.toml'}: fact karen-branch: is asked by 3 questions"
        " (karen-old-branch-1, karen-old-branch-2, karen-from); at most 2 may ask one fact",
        "1 problem in 1 of 2 files.",
    ]


def test_user_questions_asking_a_fact_do_not_count(facts_bank: Path, tmp_path: Path) -> None:
    mine = write_bank(
        tmp_path, "mine.toml", ASKING_KAREN_BRANCH.format(n=1) + ASKING_KAREN_BRANCH.format(n=2)
    )
    assert run_cli("bank", "validate", "--strict", str(mine)).exit_code == 0


def test_a_fact_worth_asking_that_nobody_asks_is_a_problem(facts_bank: Path) -> None:
    (facts_bank / "office.toml").write_text(
        (facts_bank / "office.toml").read_text().split('[[questions]]\nid = "pam-classes"')[0]
    )
    result = run_cli("bank", "validate")
    assert result.exit_code == 1
    # The byline is marked quiz = false: nobody needs to ask it.
    assert out_lines(result.stdout) == [
        f"{facts_bank / 'facts.toml'}: 1 problem",
        f"{facts_bank / 'facts.toml'}: fact pam-art: is asked by no question;"
        " ask it, or mark it quiz = false",
        "1 problem in 1 of 1 file.",
    ]


def test_problems_of_the_facts_map_itself(facts_bank: Path) -> None:
    facts = facts_bank / "facts.toml"
    facts.write_text(
        facts.read_text()
        + '\n[[facts]]\nid = "pam-art"\nsection = "pam"\nstatement = "Again."\n'
        + '\n[[facts]]\nid = "Bad Id"\nsection = "office"\nstatement = ""\nquiz = "no"\n'
        + '\n[[facts]]\nid = "extra"\nsection = "pam"\nstatement = "Fine."\nsource = "pam"\n'
    )
    result = run_cli("bank", "validate")
    assert result.exit_code == 1
    shown = out_lines(result.stdout)
    for line in [
        "fact pam-art: field 'id': is already used",
        "fact Bad Id: field 'statement': must be a non-empty string",
        "fact Bad Id: field 'id': 'Bad Id' must be a slug of lower-case letters, digits and dashes",
        "fact Bad Id: field 'section': 'office' is not one of: intro, krasinski, katy, dwight,"
        " karen, michael, pam",
        "fact Bad Id: field 'quiz': must be true or false",
        "fact extra: field 'source': unknown field (known fields: id, section, statement, quiz)",
    ]:
        assert f"{facts}: {line}" in shown


def test_the_bank_cache_keys_on_the_facts_map(facts_bank: Path) -> None:
    assert load_bank(user=False).problems == ()  # cached now
    facts = facts_bank / "facts.toml"
    facts.write_text(facts.read_text().replace('id = "karen-manager"', 'id = "karen-boss"'))
    problems = [str(p) for p in load_bank(user=False).problems]
    assert problems == [
        f"{facts_bank / 'office.toml'}: question karen-utica: field 'asks':"
        " unknown fact 'karen-manager' (no such id in facts.toml)"
    ]


def test_export_and_import_keep_the_facts(facts_bank: Path, tmp_path: Path) -> None:
    exported = json.loads(run_cli("bank", "export").stdout)
    assert exported[1]["asks"] == ["karen-game"]
    assert exported[1]["mentions"] == ["karen-branch"]
    assert exported[2]["asks"] == ["karen-manager"]
    assert exported[2]["mentions"] == []

    new = {**exported[3], "id": "pam-school", "prompt": "Did Pam study art in a big city?"}
    plain = {**new, "id": "pam-plain", "prompt": "A question without facts?"}
    del plain["asks"], plain["mentions"]
    source = tmp_path / "export.json"
    source.write_text(json.dumps([new, plain]))
    target = tmp_path / "mine.toml"
    result = run_cli("bank", "import", str(source), "--bank", str(target))
    assert result.exit_code == 0, result.output
    assert 'asks = ["pam-art"]' in target.read_text()
    assert "mentions" not in target.read_text()  # empty lists are left out
    mine = {q.id: q for q in load_bank([target], user=False).questions}
    assert mine["pam-school"].asks == ("pam-art",)
    assert mine["pam-plain"].asks == ()


def test_import_refuses_an_unknown_fact(facts_bank: Path, tmp_path: Path) -> None:
    exported = json.loads(run_cli("bank", "export").stdout)
    source = tmp_path / "export.json"
    source.write_text(json.dumps([{**exported[0], "prompt": "New?", "asks": ["nope"]}]))
    result = run_cli("bank", "import", str(source), "--bank", str(tmp_path / "mine.toml"))
    assert result.exit_code == 1
    assert "asks: unknown fact 'nope' (no such id in facts.toml)" in result.stdout


def test_bank_facts_lists_who_asks_and_mentions_each_fact(facts_bank: Path) -> None:
    result = run_cli("bank", "facts")
    assert result.exit_code == 0, result.output
    shown = out_lines(result.stdout)
    assert shown[0].split() == ["fact", "section", "statement", "asked", "by", "mentioned", "by"]
    assert shown[2].startswith("karen-branch")
    assert "karen-from" in shown[2] and "karen-game-played" in shown[2]
    assert any(line.startswith("byline") and "(not for quizzing)" in line for line in shown)
    assert shown[-1] == "5 facts: 4 asked once, 1 not for quizzing."


def test_bank_facts_stacks_on_a_narrow_screen(
    facts_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    shown = out_lines(run_cli("bank", "facts").stdout)
    assert shown[:4] == [
        "karen-branch  karen",
        "Karen came to Scranton from the",
        "Stamford branch.",
        "asked by: karen-from",
    ]
    assert shown[4] == "mentioned by: karen-game-played"
    assert all(len(line) <= 40 for line in shown)


def test_bank_facts_json(facts_bank: Path) -> None:
    result = run_cli("bank", "facts", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows[0] == {
        "id": "karen-branch",
        "section": "karen",
        "statement": "Karen came to Scranton from the Stamford branch.",
        "quiz": True,
        "asked_by": ["karen-from"],
        "mentioned_by": ["karen-game-played"],
    }
    assert [r["id"] for r in rows if not r["quiz"]] == ["byline"]


def test_bank_facts_flags_a_fact_nobody_asks(facts_bank: Path) -> None:
    (facts_bank / "office.toml").write_text(
        (facts_bank / "office.toml").read_text().split('[[questions]]\nid = "pam-classes"')[0]
    )
    shown = out_lines(run_cli("bank", "facts").stdout)
    assert any(line.startswith("pam-art") and "(nobody)" in line for line in shown)
    assert shown[-1] == "5 facts: 3 asked once, 1 asked by nobody, 1 not for quizzing."


def test_a_builtin_question_without_asks_is_a_problem(facts_bank: Path) -> None:
    office = facts_bank / "office.toml"
    office.write_text(office.read_text().replace('asks = ["pam-art"]\n', ""))
    result = run_cli("bank", "validate")
    assert result.exit_code == 1
    assert (
        f"{office}: question pam-classes: field 'asks': is missing: a built-in question"
        " names the facts it asks (facts.toml)" in out_lines(result.stdout)
    )


def test_the_shipped_bank_asks_every_fact_worth_asking_once_or_twice() -> None:
    assert run_cli("bank", "validate", "--strict").exit_code == 0
    rows = json.loads(run_cli("bank", "facts", "--json").stdout)
    asked = {row["id"]: len(row["asked_by"]) for row in rows if row["quiz"]}
    assert asked and set(asked.values()) <= {1, 2}, asked
    assert all(q.asks for q in load_bank(user=False).questions)
