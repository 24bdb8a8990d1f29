"""`quiz add`: the wizard driven by real keys, the flags for scripts, and what gets refused."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import Result

from quiz import output
from quiz.bank.loader import load_bank
from quiz.models import Question
from tests.conftest import run_cli, write_bank

DOWN, ENTER, CTRL_C, CLEAR = "\x1b[B", "\r", "\x03", "\x15"
TYPES = ("choice", "truefalse", "text", "multi", "order")
LEVELS = ("easy", "medium", "hard")

Wizard = Callable[..., Result]


@pytest.fixture
def wizard(monkeypatch: pytest.MonkeyPatch) -> Wizard:
    """`quiz add ARGS` on a "terminal", fed `keys`; input ends after them, so a stuck wizard
    fails with "end of input" instead of hanging."""
    monkeypatch.setattr(output, "interactive_terminal", lambda: True)

    def run(keys: str, *args: str) -> Result:
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
            pipe.send_text(keys)
            pipe.close()
            return run_cli("add", *args)

    return run


def line(text: str) -> str:
    return text + ENTER


def lines(*texts: str) -> str:
    """Entries one per prompt, then the empty line that ends the list."""
    return "".join(line(t) for t in texts) + ENTER


def start(qtype: str, topic: str, level: str, prompt: str) -> str:
    """Keys for the type, topic, difficulty and question prompts."""
    return (
        DOWN * TYPES.index(qtype)
        + ENTER
        + line(topic)
        + DOWN * LEVELS.index(level)
        + ENTER
        + line(prompt)
    )


def finish(explanation: str = "", source: str = "", *, another: bool = False) -> str:
    """Keys for explanation and source, then yes to "Add this question?"."""
    return line(explanation) + line(source) + "y" + ("y" if another else "n")


def user_questions() -> list[dict[str, object]]:
    result = run_cli("bank", "list", "--json")
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)
    return [q for q in found if q["origin"] != "builtin"]


def added_ids(stdout: str) -> list[str]:
    return re.findall(r"^Added (\S+) to", stdout, flags=re.MULTILINE)


def user_file(home: Path) -> Path:
    return home / "bank" / "user.toml"


def stored(home: Path) -> list[dict[str, object]]:
    """The question tables of the default user file, as written."""
    with user_file(home).open("rb") as handle:
        tables: list[dict[str, object]] = tomllib.load(handle)["questions"]
    return tables


# Keys for one question of each type, and the question as `bank list --json` gives it back.
WIZARD_CASES: list[tuple[str, dict[str, object]]] = [
    (
        start("choice", "Office Trivia", "easy", "Which city is the Dunder Mifflin branch in?")
        + line("Scranton")
        + lines("Stamford", "Nashua")
        + finish("Jim works in Scranton.", "my notes"),
        {
            "id": "which-city-is-the-dunder-mifflin",
            "topic": "Office Trivia",
            "difficulty": "easy",
            "type": "choice",
            "prompt": "Which city is the Dunder Mifflin branch in?",
            "choices": ["Scranton", "Stamford", "Nashua"],
            "answers": ["Scranton"],
            "reject": [],
            "explanation": "Jim works in Scranton.",
            "source": "my notes",
        },
    ),
    (
        start("truefalse", "Office Trivia", "medium", "Jim once worked at the Stamford branch.")
        + ENTER
        + finish(),
        {
            "id": "jim-once-worked-at-the-stamford",
            "topic": "Office Trivia",
            "difficulty": "medium",
            "type": "truefalse",
            "prompt": "Jim once worked at the Stamford branch.",
            "choices": [],
            "answers": ["true"],
            "reject": [],
            "explanation": "",
            "source": "",
        },
    ),
    (
        start("truefalse", "Office Trivia", "hard", "Jim's desk faces the kitchen.")
        + DOWN
        + ENTER
        + finish(),
        {
            "id": "jims-desk-faces-the-kitchen",
            "topic": "Office Trivia",
            "difficulty": "hard",
            "type": "truefalse",
            "prompt": "Jim's desk faces the kitchen.",
            "choices": [],
            "answers": ["false"],
            "reject": [],
            "explanation": "",
            "source": "",
        },
    ),
    (
        start("text", "Cast", "hard", "Which actor plays Dwight's cousin Mose?")
        + lines("Michael Schur", "Mike Schur")
        + lines("Michael Shore")
        + finish("Mose is played by a writer of the show.", "interview"),
        {
            "id": "which-actor-plays-dwights-cousin-mose",
            "topic": "Cast",
            "difficulty": "hard",
            "type": "text",
            "prompt": "Which actor plays Dwight's cousin Mose?",
            "choices": [],
            "answers": ["Michael Schur", "Mike Schur"],
            "reject": ["Michael Shore"],
            "explanation": "Mose is played by a writer of the show.",
            "source": "interview",
        },
    ),
    (
        start("multi", "Office Trivia", "medium", "Which of these work in the Scranton annex?")
        + lines("Kelly Kapoor", "Toby Flenderson")
        + lines("Stanley Hudson")
        + finish(),
        {
            "id": "which-of-these-work-in-the",
            "topic": "Office Trivia",
            "difficulty": "medium",
            "type": "multi",
            "prompt": "Which of these work in the Scranton annex?",
            "choices": ["Kelly Kapoor", "Toby Flenderson", "Stanley Hudson"],
            "answers": ["Kelly Kapoor", "Toby Flenderson"],
            "reject": [],
            "explanation": "",
            "source": "",
        },
    ),
    (
        start("order", "Office Trivia", "medium", "Put these episodes in the order they aired.")
        + ENTER  # two items are not enough: the third is asked for
        + lines("Hot Girl", "The Fire", "Booze Cruise")
        + finish(),
        {
            "id": "put-these-episodes-in-the-order",
            "topic": "Office Trivia",
            "difficulty": "medium",
            "type": "order",
            "prompt": "Put these episodes in the order they aired.",
            "choices": ["Hot Girl", "The Fire", "Booze Cruise"],
            "answers": ["Hot Girl", "The Fire", "Booze Cruise"],
            "reject": [],
            "explanation": "",
            "source": "",
        },
    ),
]


@pytest.mark.parametrize(
    ("keys", "expected"), WIZARD_CASES, ids=["choice", "true", "false", "text", "multi", "order"]
)
def test_wizard_adds_each_type(
    wizard: Wizard, quiz_home: Path, keys: str, expected: dict[str, object]
) -> None:
    result = wizard(keys)
    assert result.exit_code == 0, result.stderr
    qid = str(expected["id"])
    assert added_ids(result.stdout) == [qid]
    # Rich may wrap the line before the path; the words are what matter.
    assert f"Added {qid} to {user_file(quiz_home)}" in " ".join(result.stdout.split())
    assert user_questions() == [expected | {"origin": str(user_file(quiz_home))}]
    shown = run_cli("bank", "show", qid)
    assert shown.exit_code == 0, shown.stderr
    assert str(expected["prompt"]) in shown.stdout
    answers = expected["answers"]
    assert isinstance(answers, list)
    if expected["type"] == "truefalse":
        right = str(answers[0]).capitalize()
    elif expected["type"] == "text":
        right = str(answers[0])
        assert f"Also accepted: {', '.join(answers[1:])} " in shown.stdout
        reject = expected["reject"]
        assert isinstance(reject, list)
        assert f"Refused look-alikes: {', '.join(reject)} " in shown.stdout
    else:
        right = (" → " if expected["type"] == "order" else "; ").join(str(a) for a in answers)
    assert f"Answer: {right} " in shown.stdout


def test_wizard_re_asks_invalid_entries(wizard: Wizard, quiz_home: Path) -> None:
    keys = (
        ENTER  # choice
        + line("Office Trivia")
        + ENTER
        + ENTER  # an empty question is refused
        + line("Which episode has the booze cruise?")
        + line("Casino Night")
        + line("CASINO  night")  # the right answer again (case and spacing aside): refused
        + CLEAR
        + lines("Booze Cruise")
        + finish()
    )
    result = wizard(keys)
    assert result.exit_code == 0, result.stderr
    assert stored(quiz_home) == [
        {
            "id": "which-episode-has-the-booze-cruise",
            "topic": "Office Trivia",
            "difficulty": "easy",
            "type": "choice",
            "prompt": "Which episode has the booze cruise?",
            "choices": ["Casino Night", "Booze Cruise"],
            "answers": ["Casino Night"],
            "explanation": "",
            "source": "",
        }
    ]


def test_wizard_re_asks_a_near_duplicate_prompt(wizard: Wizard, quiz_home: Path) -> None:
    builtin = longest_prompt("choice")
    keys = (
        start("truefalse", "Office Trivia", "easy", one_letter_changed(builtin.prompt))
        + CLEAR
        + line("Jim proposes at a gas station.")
        + ENTER
        + finish()
    )
    result = wizard(keys)
    assert result.exit_code == 0, result.stderr
    assert [q["prompt"] for q in stored(quiz_home)] == ["Jim proposes at a gas station."]


def test_a_one_word_prompt_is_refused_as_it_is_typed(wizard: Wizard, quiz_home: Path) -> None:
    keys = start("truefalse", "Office Trivia", "easy", "Who") + CLEAR + line("Jim sells paper.")
    result = wizard(keys + ENTER + finish())
    assert result.exit_code == 0, result.stderr
    assert [q["prompt"] for q in stored(quiz_home)] == ["Jim sells paper."]
    flagged = run_cli("add", *flags("text", "Office Trivia", "easy", " Who ", "--answer", "Jim"))
    assert flagged.exit_code == 2
    assert "prompt: one word is not a question; ask it whole" in flagged.stderr


def test_wizard_repeated_right_option_of_multi_is_re_asked(wizard: Wizard, quiz_home: Path) -> None:
    keys = (
        start("multi", "Office Trivia", "easy", "Which are pranks on Dwight?")
        + line("Jell-O stapler")
        + line("jell-o stapler")  # listed twice: must be refused here
        + CLEAR
        + lines("Faxes from the future")
        + lines("A pay rise")
        + finish()
    )
    result = wizard(keys)
    assert result.exit_code == 0, result.stderr
    assert stored(quiz_home)[0]["choices"] == [
        "Jell-O stapler",
        "Faxes from the future",
        "A pay rise",
    ]


def test_wizard_add_another(wizard: Wizard, quiz_home: Path) -> None:
    keys = (
        start("truefalse", "Office Trivia", "easy", "Jim once worked at the Stamford branch.")
        + ENTER
        + finish(another=True)
        + start("text", "Office Trivia", "hard", "Who plays Jim?")
        + lines("John Krasinski")
        + lines()
        + finish()
    )
    result = wizard(keys)
    assert result.exit_code == 0, result.stderr
    assert added_ids(result.stdout) == ["jim-once-worked-at-the-stamford", "who-plays-jim"]
    assert [q["id"] for q in stored(quiz_home)] == added_ids(result.stdout)


def test_wizard_answering_no_writes_nothing(wizard: Wizard, quiz_home: Path) -> None:
    keys = start("truefalse", "Office Trivia", "easy", "Jim likes pranks.") + ENTER + ENTER * 2
    result = wizard(keys + "nn")
    assert result.exit_code == 0, result.stderr
    assert added_ids(result.stdout) == []
    assert not user_file(quiz_home).exists()


def test_wizard_starts_from_the_flags_given(wizard: Wizard, quiz_home: Path) -> None:
    keys = ENTER + line("Who plays Jim?") + lines("John Krasinski") + lines() + finish()
    result = wizard(keys, "--type", "text", "--topic", "Cast", "--difficulty", "hard")
    assert result.exit_code == 0, result.stderr
    assert stored(quiz_home) == [
        {
            "id": "who-plays-jim",
            "topic": "Cast",
            "difficulty": "hard",
            "type": "text",
            "prompt": "Who plays Jim?",
            "answers": ["John Krasinski"],
            "explanation": "",
            "source": "",
        }
    ]


def flags(qtype: str, topic: str, level: str, prompt: str, *rest: str) -> list[str]:
    return ["--type", qtype, "--topic", topic, "--difficulty", level, "--prompt", prompt, *rest]


CITY = "Which city is the Dunder Mifflin branch in?"


def city_flags(prompt: str = CITY, *rest: str) -> list[str]:
    """Flags for a choice question answered Scranton; `rest` adds more flags."""
    return flags("choice", "Office Trivia", "easy", prompt, "--answer", "Scranton", *rest)


FIRST = city_flags(CITY, "--wrong", "Stamford")


def test_ctrl_c_mid_wizard_exits_130_and_leaves_the_file(wizard: Wizard, quiz_home: Path) -> None:
    assert run_cli("add", *FIRST).exit_code == 0
    before = user_file(quiz_home).read_bytes()
    keys = start("choice", "Office Trivia", "easy", "Who sells paper?") + line("Jim") + CTRL_C
    result = wizard(keys)
    assert result.exit_code == 130
    assert result.stderr == "Cancelled; the question in progress was not written.\n"
    assert user_file(quiz_home).read_bytes() == before


def test_ctrl_c_in_second_question_keeps_the_first(wizard: Wizard, quiz_home: Path) -> None:
    keys = (
        start("truefalse", "Office Trivia", "easy", "Jim likes pranks.")
        + ENTER
        + finish(another=True)
        + DOWN
        + CTRL_C
    )
    result = wizard(keys)
    assert result.exit_code == 130
    assert [q["id"] for q in stored(quiz_home)] == ["jim-likes-pranks"]


# Flags: one question of each type, and how it comes back from `bank list --json`.
FLAG_CASES: list[tuple[list[str], dict[str, object]]] = [
    (
        [*FIRST, "--wrong", "Nashua", "--explanation", "Jim works there.", "--source", "notes"],
        {
            "id": "which-city-is-the-dunder-mifflin",
            "topic": "Office Trivia",
            "difficulty": "easy",
            "type": "choice",
            "prompt": "Which city is the Dunder Mifflin branch in?",
            "choices": ["Scranton", "Stamford", "Nashua"],
            "answers": ["Scranton"],
            "reject": [],
            "explanation": "Jim works there.",
            "source": "notes",
        },
    ),
    (
        flags(
            "truefalse",
            "Office Trivia",
            "medium",
            "Jim once worked in Stamford.",
            "--answer",
            "yes",
        ),
        {
            "id": "jim-once-worked-in-stamford",
            "topic": "Office Trivia",
            "difficulty": "medium",
            "type": "truefalse",
            "prompt": "Jim once worked in Stamford.",
            "choices": [],
            "answers": ["true"],
            "reject": [],
            "explanation": "",
            "source": "",
        },
    ),
    (
        flags(
            "text",
            "Cast",
            "hard",
            "Who plays Mose?",
            "--answer",
            "Michael Schur",
            "--answer",
            "Mike Schur",
            "--wrong",
            "Michael Shore",
        ),
        {
            "id": "who-plays-mose",
            "topic": "Cast",
            "difficulty": "hard",
            "type": "text",
            "prompt": "Who plays Mose?",
            "choices": [],
            "answers": ["Michael Schur", "Mike Schur"],
            "reject": ["Michael Shore"],
            "explanation": "",
            "source": "",
        },
    ),
    (
        flags(
            "multi",
            "Office Trivia",
            "hard",
            "Who works in the annex?",
            "--answer",
            "Kelly",
            "--answer",
            "Toby",
            "--wrong",
            "Stanley",
        ),
        {
            "id": "who-works-in-the-annex",
            "topic": "Office Trivia",
            "difficulty": "hard",
            "type": "multi",
            "prompt": "Who works in the annex?",
            "choices": ["Kelly", "Toby", "Stanley"],
            "answers": ["Kelly", "Toby"],
            "reject": [],
            "explanation": "",
            "source": "",
        },
    ),
    (
        flags(
            "order",
            "Office Trivia",
            "easy",
            "Put these in the order they join the office.",
            "--answer",
            "Michael",
            "--answer",
            "Jim",
            "--answer",
            "Andy",
        ),
        {
            "id": "put-these-in-the-order-they",
            "topic": "Office Trivia",
            "difficulty": "easy",
            "type": "order",
            "prompt": "Put these in the order they join the office.",
            "choices": ["Michael", "Jim", "Andy"],
            "answers": ["Michael", "Jim", "Andy"],
            "reject": [],
            "explanation": "",
            "source": "",
        },
    ),
]


@pytest.mark.parametrize(("args", "expected"), FLAG_CASES, ids=TYPES)
def test_flags_add_each_type(quiz_home: Path, args: list[str], expected: dict[str, object]) -> None:
    result = run_cli("add", *args)
    assert result.exit_code == 0, result.stderr
    qid = str(expected["id"])
    assert result.stdout == f"{qid}\n"
    assert result.stderr == f"Added {qid} to {user_file(quiz_home)}\n"
    assert user_questions() == [expected | {"origin": str(user_file(quiz_home))}]
    shown = run_cli("bank", "show", qid)
    assert shown.exit_code == 0, shown.stderr
    assert str(expected["prompt"]) in shown.stdout


def test_flags_id_is_honoured() -> None:
    result = run_cli("add", *FIRST, "--id", "my-own-id")
    assert result.stdout == "my-own-id\n"
    assert [q["id"] for q in user_questions()] == ["my-own-id"]


def test_flags_taken_id_is_refused() -> None:
    assert run_cli("add", *FIRST, "--id", "my-own-id").exit_code == 0
    result = run_cli(
        "add", *city_flags("Who sells paper?", "--wrong", "Nashua", "--id", "my-own-id")
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: cannot add this question: id: 'my-own-id' is already used (see 'quiz add --help')\n"
    )


def test_generated_id_is_made_unique() -> None:
    assert run_cli("add", *FIRST).stdout == "which-city-is-the-dunder-mifflin\n"
    other = "Which city is the Dunder Mifflin head office in, according to the show?"
    result = run_cli("add", *city_flags(other, "--wrong", "Stamford"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "which-city-is-the-dunder-mifflin-2\n"
    assert run_cli("bank", "show", "which-city-is-the-dunder-mifflin-2").exit_code == 0


def test_flags_invalid_question_gives_the_loaders_message(quiz_home: Path) -> None:
    result = run_cli(
        "add", *flags("choice", "TV", "easy", "Which episode?"),
        "--answer", "Casino Night", "--wrong", "casino  NIGHT",
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: cannot add this question: choices: 'casino  NIGHT' is listed twice"
        " (see 'quiz add --help')\n"
    )
    assert not user_file(quiz_home).exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ["--wrong", "Ryan"],
            "an order question has no wrong options: give every item with --answer,"
            " in the right order",
        ),
        ([], "cannot add this question: choices: an order question needs 3-6 items, has 2"),
    ],
)
def test_flags_order_question_refused(quiz_home: Path, extra: list[str], message: str) -> None:
    result = run_cli(
        "add", *flags("order", "TV", "easy", "In which order?"),
        "--answer", "Michael", "--answer", "Jim", *extra,
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == f"Error: {message} (see 'quiz add --help')\n"
    assert not user_file(quiz_home).exists()


@pytest.mark.parametrize(
    ("args", "missing"),
    [
        ([], "--type, --topic, --difficulty, --prompt, --answer"),
        (["--type", "choice"], "--topic, --difficulty, --prompt, --answer, --wrong"),
        (["--type", "multi", "--topic", "T", "--answer", "A"], "--difficulty, --prompt, --wrong"),
        (["--type", "text", "--topic", "T", "--difficulty", "easy"], "--prompt, --answer"),
    ],
)
def test_missing_flags_off_a_terminal(quiz_home: Path, args: list[str], missing: str) -> None:
    result = run_cli("add", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: missing {missing} (or run 'quiz add' on a terminal) (see 'quiz add --help')\n"
    )
    assert not user_file(quiz_home).exists()


def longest_prompt(qtype: str) -> Question:
    """The built-in question of `qtype` with the longest prompt (least alike the others)."""
    return max(
        (q for q in load_bank(user=False).questions if q.type == qtype),
        key=lambda q: len(q.prompt),
    )


def one_letter_changed(prompt: str) -> str:
    i = next(i for i in range(len(prompt) // 2, len(prompt)) if prompt[i].isalpha())
    return prompt[:i] + ("q" if prompt[i].lower() != "q" else "z") + prompt[i + 1 :]


def truefalse_args(prompt: str) -> list[str]:
    return flags("truefalse", "Jim Halpert", "easy", prompt, "--answer", "true")


@pytest.fixture
def builtin_question() -> Question:
    return longest_prompt("choice")


def test_near_duplicate_of_builtin_is_refused(builtin_question: Question, quiz_home: Path) -> None:
    near = one_letter_changed(builtin_question.prompt)
    result = run_cli("add", *truefalse_args(near))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"Error: cannot add this question: prompt: too close to question {builtin_question.id} ("
    )
    assert result.stderr.endswith("use --force to add it anyway (see 'quiz add --help')\n")
    assert result.stderr.count("\n") == 1
    assert not user_file(quiz_home).exists()


def test_near_duplicate_is_added_with_force(builtin_question: Question) -> None:
    near = one_letter_changed(builtin_question.prompt)
    result = run_cli("add", *truefalse_args(near), "--force")
    assert result.exit_code == 0, result.stderr
    assert [q["prompt"] for q in user_questions()] == [near]


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
def test_same_prompt_is_refused_even_with_force(
    builtin_question: Question, quiz_home: Path, force: list[str]
) -> None:
    same = builtin_question.prompt.upper().rstrip("?") + " !!"
    result = run_cli("add", *truefalse_args(same), *force)
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: cannot add this question: prompt: the same prompt is already question"
        f" {builtin_question.id} (see 'quiz add --help')\n"
    )
    assert not user_file(quiz_home).exists()


HAND_WRITTEN = """\
# My own questions, typed by hand.
# Keep them short!

[[questions]]  # the first one
id = "hand-made"   # chosen with care
topic = "Mine"
difficulty = "easy"
type = "text"
prompt = "What does Jim sell?"
# two spellings
answers = ["Paper", "Paper products"]
explanation = ""  # none yet
"""


def test_add_keeps_comments_and_layout_of_the_file(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "mine.toml", HAND_WRITTEN)
    result = run_cli("add", *FIRST, "--bank", str(path))
    assert result.exit_code == 0, result.stderr
    text = path.read_text(encoding="utf-8")
    assert text.startswith(HAND_WRITTEN)
    assert text[len(HAND_WRITTEN) :] == (
        "\n"
        "[[questions]]\n"
        'id = "which-city-is-the-dunder-mifflin"\n'
        'topic = "Office Trivia"\n'
        'difficulty = "easy"\n'
        'type = "choice"\n'
        'prompt = "Which city is the Dunder Mifflin branch in?"\n'
        'choices = ["Scranton", "Stamford"]\n'
        'answers = ["Scranton"]\n'
        'explanation = ""\n'
        'source = ""\n'
    )
    listed = run_cli("bank", "list", "--json", "--bank", str(path))
    ids = [q["id"] for q in json.loads(listed.stdout) if q["origin"] != "builtin"]
    assert ids == ["hand-made", "which-city-is-the-dunder-mifflin"]


def test_bank_folder_is_refused(tmp_path: Path) -> None:
    result = run_cli("add", *FIRST, "--bank", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: --bank must be a file, and {tmp_path} is a folder (see 'quiz add --help')\n"
    )
