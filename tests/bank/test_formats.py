"""Every import format, read from a fixture written from its public documentation."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.bank.formats import FORMATS, read_items
from quiz.bank.formats.csv_format import join_list, split_list
from quiz.bank.formats.items import FormatError
from quiz.cli.bank import ImportFormat
from tests.conftest import FIXTURES, run_cli

FORMAT_FIXTURES = FIXTURES / "formats"


def entry(
    topic: str, difficulty: str, qtype: str, prompt: str, **fields: object
) -> dict[str, object]:
    return {"topic": topic, "difficulty": difficulty, "type": qtype, "prompt": prompt} | fields


def gift(qtype: str, prompt: str, topic: str = "Pranks", **fields: object) -> dict[str, object]:
    return entry(topic, "medium", qtype, prompt, **fields) | {
        "explanation": fields.get("explanation", ""),
        "source": "GIFT",
    }


# What each fixture holds: (position as reported, the question table or the problem).
EXPECTED: dict[str, tuple[str, list[tuple[str, dict[str, object] | str]]]] = {
    "questions.gift": (
        "gift",
        [
            ("#1 (line 6)", gift(
                "choice", "Which office supply ends up in a bowl of gelatin?",
                choices=["The stapler", "The tape dispenser", "The hole punch"],
                answers=["The stapler"], explanation="Dwight's stapler is the classic one.",
            )),
            ("#2 (line 14)", gift(
                "truefalse", "Dwight once thinks he gets faxes from his future self.",
                answers=["true"],
            )),
            ("#3 (line 16)", gift("truefalse", "Jim wins the Dundie for best hair.", answers=["false"])),
            ("#4 (line 19)", gift(
                "text", "Who sells paper for the Scranton branch alongside Jim?",
                answers=["Dwight", "Dwight Schrute"],
            )),
            ("#5 (line 22)", gift(
                "choice", 'What does the sign on Jim\'s desk say: "1 + 1 = 2 {maybe}"?',
                choices=["Nothing ~ it is blank", '"Jim # 1"', "C# and C++"],
                answers=["Nothing ~ it is blank"],
            )),
            ("#6 (line 29)", gift(
                "choice", "Jim puts Dwight's desk _____ for a day.",
                choices=["on the roof", "in the vending machine", "in the car park"],
                answers=["in the vending machine"],
            )),
            ("#7 (line 32)", gift(
                "multi", "Which of these are pranks on Dwight?",
                choices=["Faxes from the future", "A stapler in gelatin", "A pay rise"],
                answers=["Faxes from the future", "A stapler in gelatin"],
            )),
            ("#8 (line 39)", gift("text", "How many seasons does the show run?", answers=["9"])),
            ("#9 (line 41)", "a numerical answer with a range ({#2005:1}) cannot be checked as typed text"),
            ("#10 (line 44)", "a matching question (pairs of items) is not supported"),
            ("#11 (line 46)", "an essay question (no answer to check)"),
            ("#12 (line 48)", "no answer block {...}: a description, not a question"),
            ("#13 (line 52)", gift(
                "choice", "Which branch does Karen come from?", topic="Branches",
                choices=["Stamford", "Nashua", "Utica"], answers=["Stamford"],
            )),
        ],
    ),
    "trivia-api.json": (
        "trivia-api",
        [
            ("#1", entry(
                "Film & TV", "easy", "choice",
                "In which city does the paper company of The Office have its main branch?",
                choices=["Scranton", "Stamford", "Nashua", "Utica"], answers=["Scranton"],
                explanation="", source="The Trivia API",
            )),
            ("#2", entry(
                "Science", "hard", "choice",
                "At what temperature do the Celsius and Fahrenheit scales read the same?",
                choices=["-40", "+40", "0", "-273"], answers=["-40"],
                explanation="", source="The Trivia API",
            )),
            ("#3", "an image question (its answers are pictures)"),
            ("#4", entry(
                "Arts & Literature", "medium", "choice", "What is the capital city of Brazil?",
                choices=["Brasília", "Brasil", "Rio de Janeiro", "São Paulo"], answers=["Brasília"],
                explanation="", source="The Trivia API",
            )),
        ],
    ),
    "questions.csv": (
        "csv",
        [
            ("#1 (line 2)", entry(
                "Office Trivia", "easy", "choice", "Which branch is in Scranton, Pennsylvania?",
                choices=["Dunder Mifflin Scranton", "Dunder Mifflin Stamford", "Dunder Mifflin Utica"],
                answers=["Dunder Mifflin Scranton"],
                explanation='Commas inside a quoted cell are fine, so is a "quote".', source="",
            )),
            ("#2 (line 3)", entry(
                "Office Trivia", "medium", "truefalse", "Jim and Pam marry at Niagara Falls.",
                answers=["true"], explanation="", source="",
            )),
            ("#3 (line 4)", entry(
                "Office Trivia", "hard", "text", "Which paper company do they work for?",
                answers=["Dunder Mifflin", "Dunder-Mifflin"],
                explanation="Two spellings are accepted;\na line break in a quoted cell is kept.",
                source="",
            )),
            ("#4 (line 6)", entry(
                "Programming", "medium", "multi",
                "Which of these are languages with a symbol in the name?",
                choices=["C#", "C++", "C", "Pipe | and backslash \\"], answers=["C#", "C++"],
                explanation="", source="",
            )),
            ("#5 (line 7)", "has 4 cells, the header row has 7"),
            ("#6 (line 9)", entry(
                "Office Trivia", "extreme", "choice", "How many floors does the office building have?",
                choices=["2", "3", "4"], answers=["3"], explanation="", source="",
            )),
        ],
    ),
    "notes.txt": (
        "anki",
        [
            ("#1 (line 6)", entry(
                "Characters", "easy", "text", "Who is the regional manager in Scranton?",
                answers=["Michael Scott"], explanation="", source="Anki",
            )),
            ("#2 (line 7)", entry(
                "Characters", "medium", "text", "Which company makes the paper?",
                answers=["Dunder Mifflin"], explanation="", source="Anki",
            )),
            ("#3 (line 8)", entry(
                "Characters", "hard", "text", 'Who says "Bears. Beets." on the phone?',
                answers=["Jim, pretending to be Dwight"], explanation="", source="Anki",
            )),
            ("#4 (line 9)", entry(
                "Characters", "medium", "text",
                "The receptionist at the start of the show is _____ (first name).",
                answers=["Pam"], explanation="", source="Anki",
            )),
            ("#5 (line 10)", "needs a front and a back"),
        ],
    ),
    "quizzes.md": (
        "mkdocs-quiz",
        [
            ("#1 (line 5)", entry(
                "Dunder Mifflin", "medium", "choice", "Which city is the Scranton branch in?",
                choices=["Scranton", "Stamford", "Utica"], answers=["Scranton"],
                explanation="Scranton, Pennsylvania: it is in the name.", source="mkdocs-quiz",
            )),
            ("#2 (line 14)", entry(
                "Dunder Mifflin", "medium", "multi", "Which of these work in the annex?",
                choices=["Kelly", "Stanley", "Toby", "Phyllis"], answers=["Kelly", "Toby"],
                explanation="Why\nKelly and Toby share the annex for years.", source="mkdocs-quiz",
            )),
            ("#3 (line 39)", entry(
                "Dunder Mifflin", "medium", "choice",
                "What is the result of 2 ** 3 in Python? 2 ** 3",
                choices=["6", "8", "9"], answers=["8"], explanation="", source="mkdocs-quiz",
            )),
            ("#4 (line 49)", entry(
                "Dunder Mifflin", "medium", "text", "The branch manager after Michael is _____.",
                answers=["Andy Bernard"], explanation="He takes over in the eighth season.",
                source="mkdocs-quiz",
            )),
            ("#5 (line 56)", "no right answer: mark at least one option with [x]"),
        ],
    ),
    "opentdb-url-legacy.json": (
        "opentdb",
        [
            ("#1", entry(
                "Entertainment: Musicals & Theatres", "medium", "choice",
                'When was the play "Macbeth" written?', choices=["1606", "1605", "1607", "1612"],
                answers=["1606"], explanation="", source="Open Trivia DB",
            )),
            ("#2", entry(
                "Science: Computers", "easy", "choice",
                "Which language adds classes to C, and keeps its name with a '+' or two?",
                choices=["C++", "C#", "Objective-C", "C"], answers=["C++"],
                explanation="", source="Open Trivia DB",
            )),
            ("#3", entry(
                "Science: Mathematics", "hard", "truefalse",
                "50% of 50 is 25, and 100% + 1 is more than 100%.", answers=["true"],
                explanation="", source="Open Trivia DB",
            )),
        ],
    ),
}  # fmt: skip


def outcome(path: Path, fmt: str | None = None) -> tuple[str, list[tuple[str, object]]]:
    reading = read_items(path, fmt)
    name, items = reading.fmt, reading.items
    return name, [(i.where, i.entry if i.entry is not None else i.problem) for i in items]


@pytest.mark.parametrize("fixture", list(EXPECTED))
def test_each_fixture_reads_as_its_documentation_says(fixture: str) -> None:
    assert outcome(FORMAT_FIXTURES / fixture) == EXPECTED[fixture]


@pytest.mark.parametrize("fixture", list(EXPECTED))
def test_the_format_is_told_from_the_content_not_the_name(fixture: str, tmp_path: Path) -> None:
    renamed = tmp_path / "questions.dat"
    shutil.copy(FORMAT_FIXTURES / fixture, renamed)
    assert outcome(renamed)[0] == EXPECTED[fixture][0]


def test_a_gift_file_named_txt_is_gift_and_a_tab_file_named_anything_is_anki(
    tmp_path: Path,
) -> None:
    moodle = tmp_path / "moodle-export.txt"
    shutil.copy(FORMAT_FIXTURES / "questions.gift", moodle)
    assert outcome(moodle)[0] == "gift"
    deck = tmp_path / "deck.tsv"
    deck.write_text("Who sells paper?\tDwight\nWho answers the phone?\tPam\n", encoding="utf-8")
    name, items = outcome(deck)
    assert name == "anki"
    assert [e["answers"] for _, e in items if isinstance(e, dict)] == [["Dwight"], ["Pam"]]


def test_format_forces_a_reader_and_a_wrong_one_says_why(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="no <quiz> blocks"):
        read_items(FORMAT_FIXTURES / "questions.csv", "mkdocs-quiz")
    with pytest.raises(FormatError, match="the first row must name the columns"):
        read_items(FORMAT_FIXTURES / "notes.txt", "csv")
    assert outcome(FORMAT_FIXTURES / "questions.csv", "csv") == EXPECTED["questions.csv"]


def test_the_format_option_offers_every_reader() -> None:
    assert sorted(f.value for f in ImportFormat) == sorted(FORMATS)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.bin", "just some words\n", "cannot tell its format; name it with --format"),
        ("empty.json", " \n", "is empty; there is nothing to import"),
        ("broken.json", '{"results": [', "is not valid JSON (Expecting value"),
        ("latin1.csv", "type,topic\ncaf\xe9\n", "is not UTF-8 text"),
        ("page.md", "# A page\n\nNo quizzes here.\n", "holds no <quiz> blocks"),
        ("open.md", "<quiz>\nWhich?\n- [x] This\n", "line 1: a <quiz> block is never closed"),
    ],
)
def test_unreadable_files_fail_as_one_line(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("latin-1"))
    result = run_cli("bank", "import", str(path))
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


def user_bank(home: Path) -> list[dict[str, object]]:
    result = run_cli("bank", "list", "--json")
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)
    return [
        {k: v for k, v in q.items() if k != "origin"} for q in found if q["origin"] != "builtin"
    ]


@pytest.mark.parametrize("fixture", list(EXPECTED))
def test_each_format_round_trips_through_json_and_csv_exports(
    fixture: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fmt, expected = EXPECTED[fixture]
    valid = [e for _, e in expected if isinstance(e, dict)]
    result = run_cli("bank", "import", str(FORMAT_FIXTURES / fixture))
    assert result.exit_code == 0, result.stderr
    kept = [q for q in valid if q["difficulty"] in ("easy", "medium", "hard")]
    assert result.stdout.startswith(f"Imported {len(kept)} of {len(expected)} question(s) ({fmt})")
    mine = user_bank(tmp_path)
    assert [q["prompt"] for q in mine] == [q["prompt"] for q in kept]

    for export in ("json", "csv"):
        exported = tmp_path / f"bank.{export}"
        assert run_cli("bank", "export", "--format", export, "-o", str(exported)).exit_code == 0
        monkeypatch.setenv("QUIZ_HOME", str(tmp_path / f"home-{export}"))
        result = run_cli("bank", "import", str(exported))
        assert result.exit_code == 0, result.stderr
        back = user_bank(tmp_path)
        if export == "csv":  # the CSV columns hold no id, look-alikes or source
            mine = [{k: v for k, v in q.items() if k != "source"} for q in mine]
            back = [{k: v for k, v in q.items() if k != "source"} for q in back]
        assert back == mine
        monkeypatch.setenv("QUIZ_HOME", str(tmp_path / "quiz-home"))


def test_a_json_round_trip_writes_no_empty_lists(quiz_home: Path, tmp_path: Path) -> None:
    assert run_cli("bank", "import", str(FORMAT_FIXTURES / "questions.gift")).exit_code == 0
    exported = tmp_path / "bank.json"
    assert run_cli("bank", "export", "-o", str(exported)).exit_code == 0
    home_b = tmp_path / "home-b"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("QUIZ_HOME", str(home_b))
        assert run_cli("bank", "import", str(exported)).exit_code == 0
    written = (home_b / "bank" / "user.toml").read_text(encoding="utf-8")
    assert "[[questions]]" in written
    assert "choices = []" not in written
    assert "reject = []" not in written


@given(st.lists(st.text(st.characters(exclude_categories=["Cs"]), min_size=1), min_size=1))
def test_csv_list_cells_keep_pipes_and_backslashes(items: list[str]) -> None:
    items = [i.strip() for i in items if i.strip()]
    if items:
        assert split_list(join_list(items)) == items


def test_anki_files_may_start_with_the_old_tags_line_and_name_their_separator(
    tmp_path: Path,
) -> None:
    deck = tmp_path / "deck.txt"
    deck.write_text(
        "tags:office hard\n#separator:Semicolon\n"
        'Who is at reception?;Pam\n"Who says ""Bears; beets""?";Jim\n',
        encoding="utf-8",
    )
    name, items = outcome(deck)
    assert name == "anki"
    assert [
        (where, e["prompt"], e["answers"], e["difficulty"])
        for where, e in items
        if isinstance(e, dict)
    ] == [
        ("#1 (line 3)", "Who is at reception?", ["Pam"], "hard"),
        ("#2 (line 4)", 'Who says "Bears; beets"?', ["Jim"], "hard"),
    ]
