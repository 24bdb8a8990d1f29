"""Files shaped like the ones people really have: every fair question arrives, whole and plain."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from quiz.bank.formats import read_items
from tests.conftest import FIXTURES, run_cli

FORMATS = FIXTURES / "formats"
ALL_FIXTURES = sorted(p.name for p in FORMATS.iterdir() if p.name != "spanish-cp1252.csv")
GARBLE = re.compile(r"<[a-z/][^>]*>|&[a-z#0-9]+;|\*\*\w|\]\(|!!!|\n|\[sound:|\{\{c\d")


def imported(home: Path) -> list[dict[str, object]]:
    found: list[dict[str, object]] = json.loads(run_cli("bank", "list", "--json").stdout)
    return [q for q in found if q["origin"] != "builtin"]


def summary(name: str) -> list[tuple[object, object]]:
    """(prompt, answers) of each question of a fixture, or its position and problem."""
    reading = read_items(FORMATS / name, None)
    return [
        (item.entry["prompt"], item.entry["answers"]) if item.entry else (item.where, item.problem)
        for item in reading.items
    ]


@pytest.mark.parametrize("fixture", ALL_FIXTURES)
def test_dry_run_and_import_agree_and_a_second_import_is_all_duplicates(
    fixture: str, quiz_home: Path
) -> None:
    dry = run_cli("bank", "import", str(FORMATS / fixture), "--dry-run", "--verbose")
    real = run_cli("bank", "import", str(FORMATS / fixture), "--verbose")
    assert dry.exit_code == real.exit_code, real.stderr
    dry_lines = [line.replace("Would import", "Imported") for line in dry.stdout.splitlines()]
    assert dry_lines[:-1] == real.stdout.splitlines()
    count = int(real.stdout.split()[1])
    for question in imported(quiz_home):
        for text in (question["prompt"], *question["answers"], *question["choices"]):  # type: ignore[misc]
            assert not GARBLE.search(str(text)), (fixture, text)
        assert question["prompt"] not in question["answers"]  # type: ignore[operator]
    again = run_cli("bank", "import", str(FORMATS / fixture))
    assert again.stdout.startswith("Imported 0 of"), again.stdout
    assert f"Skipped as duplicates: {count}" in again.stdout


def test_an_anki_export_is_anki_whatever_its_notes_hold() -> None:
    assert summary("anki-vocabulary.txt") == [
        ("Which French words rhyme with signe?", [
            "ligne, digne, ignorer. GN=NH", "ligne", "digne", "ignorer. GN=NH"]),
        ("voyager", ["to travel; I travel", "to travel", "I travel"]),
        ("quelque chose", ["something (pron, adv)", "something"]),
        ("la voiture", ["car / automobile [fem.]", "car / automobile", "car", "automobile"]),
        ("#5 (line 11)", "needs media: its front is a picture alone, which a text file cannot carry"),
        ("#6 (line 12)", "needs media: its front is a picture alone, which a text file cannot carry"),
        ("#7 (line 13)", "needs media: its front is a sound alone, which a text file cannot carry"),
        ("The _____ is the longest bone and the stapes the smallest.", ["femur"]),
        ("The femur is the longest bone and the _____ the smallest.", ["stapes"]),
        ("The _____ (forearm bone) sits on the thumb side, the ulna on the other,"
         " and _____ is shorter.", ["radius"]),
        ("The radius sits on the thumb side, the _____ on the other, and radius is shorter.",
         ["ulna"]),
        ("#12 (line 16)", "needs media: its front is parts of a picture to hide"
         " (image occlusion), which a text file cannot carry"),
        ("un chat & une souris", ["a cat & a mouse"]),
    ]  # fmt: skip


def test_anki_cards_exports_answer_with_the_back_alone() -> None:
    assert summary("anki-cards.txt") == [
        ("What is the capital of Portugal?", ["Lisbon"]),
        ("Which planet is called the red planet?", ["Mars"]),
        ("The _____ river flows through Budapest.", ["Danube"]),
        (
            "#4 (line 10)",
            "needs media: its front is a picture alone, which a text file cannot carry",
        ),
        ("How many sides has a hexagon?", ["6"]),
    ]


def test_moodle_html_becomes_plain_text_and_odd_questions_say_why() -> None:
    assert summary("moodle-html.gift") == [
        ("¿Qué extensión tiene el fichero juegos.csv, separado por comas?", ["La extensión .csv"]),
        ("Un fichero de texto guarda caracteres, no números binarios.", ["true"]),
        ("Sintaxis La pareja clave: valor se escribe entre llaves { } en JSON & en Python.",
         ["diccionario"]),
        ("¿Qué comando lista los ficheros de una carpeta? Usa ls.", ["ls"]),
        ("#5 (line 20)", "an essay question (no answer to check)"),
        ("#6 (line 22)", "a matching question (pairs of items) is not supported"),
        ("#7 (line 28)", "a brace { is left open: its answers never end with }"),
        ("¿Es SQL un lenguaje de consulta?", ["true"]),
    ]  # fmt: skip


def test_mkdocs_pages_lose_their_markdown_and_old_syntax_points_at_the_migration() -> None:
    assert summary("mkdocs-course.md") == [
        ("Which command prints the current folder? See the manual.", ["pwd"]),
        ("To copy a file use _____, and to move or rename it use mv.", ["cp"]),
        ("To copy a file use cp, and to move or rename it use _____.", ["mv"]),
        ("#4 (line 19)", "written in the old <?quiz?> syntax, which this import does not read;"
         " the plugin converts it: mkdocs-quiz migrate docs/ (add --dry-run to preview)"),
    ]  # fmt: skip


def test_spreadsheets_with_their_own_headers_import(quiz_home: Path) -> None:
    assert summary("trivia-sheet.csv")[-1] == ("#5 (line 6)", "the answer cell is empty")
    result = run_cli("bank", "import", str(FORMATS / "quiz-numbers.csv"))
    assert result.exit_code == 0
    assert "The 'Correct' column holds option numbers, read as counting from 1" in result.stdout
    assert "#5 (line 6): the answer '9' names no option (there are 4)" in result.stdout
    answers = {q["prompt"]: q["answers"] for q in imported(quiz_home)}
    assert answers["Which planet is closest to the Sun?"] == ["Mercury"]
    assert answers["How many sides does a triangle have?"] == ["3"]


def test_numbers_count_from_zero_when_a_zero_appears(tmp_path: Path) -> None:
    path = tmp_path / "zero.csv"
    path.write_text("question,choice 1,choice 2,answer\nFirst?,yes,no,0\nSecond?,yes,no,1\n")
    assert summary(str(path)) == [("First?", ["yes"]), ("Second?", ["no"])]


def test_another_encoding_is_named_and_columns_map_any_header(
    quiz_home: Path, tmp_path: Path
) -> None:
    source = str(FORMATS / "spanish-cp1252.csv")
    refused = run_cli("bank", "import", source)
    assert refused.exit_code == 2
    assert "is not UTF-8 text" in refused.stderr and "--encoding cp1252" in refused.stderr
    assert run_cli("bank", "import", source, "--encoding", "cp1252").exit_code == 0
    assert {q["prompt"] for q in imported(quiz_home)} == {
        "¿Cuál es la capital de España?",
        "¿Quién pintó el Guernica?",
    }
    sheet = tmp_path / "sheet.csv"
    sheet.write_text('Q,"Right, surely",X,Y\nBest fruit?,Apple,Pear,Plum\n', encoding="utf-8")
    mapping = 'prompt=Q,answers="Right, surely",choices=X|Y'
    assert run_cli("bank", "import", str(sheet), "--columns", mapping).exit_code == 1
    mapping = 'prompt=Q,answers="Right, surely",choices="Right, surely"|X|Y'
    result = run_cli("bank", "import", str(sheet), "--columns", mapping)
    assert result.exit_code == 0, result.stderr
    elsewhere = run_cli(
        "bank", "import", source, "--format", "gift", "--columns", "prompt=a,answers=b"
    )
    assert elsewhere.exit_code == 2 and "--columns is for CSV files only" in elsewhere.stderr
    unknown = run_cli("bank", "import", source, "--encoding", "no-such-codec")
    assert unknown.exit_code == 2 and "no-such-codec" in unknown.stderr


def test_trivia_api_repeats_labels_and_scripts(quiz_home: Path) -> None:
    result = run_cli("bank", "import", str(FORMATS / "trivia-api-real.json"))
    assert "#1: the option 'Lyon' is listed twice; kept once" in result.stdout
    by_prompt = {q["prompt"]: q for q in imported(quiz_home)}
    columbus = by_prompt["When did Columbus first reach the Americas?"]
    assert columbus["choices"] == ["1492", "1392", "1592", "1692"]
    assert columbus["answers"] == ["1492"]
    ids = [str(q["id"]) for q in by_prompt.values()]
    assert not any(re.fullmatch(r"question(-\d+)?", i) for i in ids)
    assert len(set(ids)) == 4


def test_csv_export_cells_are_never_formulas_and_come_back_exactly(
    quiz_home: Path, tmp_path: Path
) -> None:
    hostile = ['=HYPERLINK("http://x")', "=1+1", "@SUM(A1)", "+40", "-40", "'=kept", "\tTab"]
    for n, text in enumerate(hostile):
        added = run_cli(
            *("add", "--type", "choice", "--topic", "Cells", "--difficulty", "easy"),
            *("--prompt", f"Cell number {n}?", "--answer", text, "--wrong", f"plain {n}"),
            *("--explanation", text, "--force"),
        )
        assert added.exit_code == 0, added.stderr
    before = {q["prompt"]: (q["answers"], q["explanation"]) for q in imported(quiz_home)}
    out = tmp_path / "bank.csv"
    assert run_cli("bank", "export", "--format", "csv", "-o", str(out)).exit_code == 0
    import csv

    for row in csv.reader(out.read_text(encoding="utf-8").splitlines()):
        assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in row), row
    (quiz_home / "bank" / "user.toml").unlink()
    assert run_cli("bank", "import", str(out)).exit_code == 0
    after = {q["prompt"]: (q["answers"], q["explanation"]) for q in imported(quiz_home)}
    assert {p: v for p, v in after.items() if str(p).startswith("Cell")} == before
