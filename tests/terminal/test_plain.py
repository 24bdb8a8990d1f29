"""Plain mode: the line protocol, scripted through `quiz play` in-process with piped stdin."""

from __future__ import annotations

import io
import itertools
import os
import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import Result

from quiz.bank.loader import load_bank
from quiz.engine.filters import Filters
from quiz.engine.game import Game
from quiz.engine.scoring import BASE_POINTS, streak_bonus
from quiz.engine.selection import pick
from quiz.models import AskedQuestion, GameSettings
from quiz.terminal import plain
from quiz.terminal.plain import InvalidAnswerError, parse_answer, question_lines
from tests.conftest import installed_quiz, run_cli
from tests.keys import right_line
from tests.samples import CHOICE


def play(*args: str, stdin: str) -> Result:
    """`quiz play ARGS` in-process, stdin a pipe as in plain use; no exception got out of it."""
    result = run_cli("play", *args, input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture(autouse=True)
def outside_the_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def seeded_game(seed: int, count: int) -> tuple[AskedQuestion, ...]:
    """The questions `quiz play --seed` asks, worked out in-process from the same bank."""
    return pick(load_bank().questions, Filters(), count, seed).asked


def test_all_right_scores_the_maximum_the_rules_give() -> None:
    asked = seeded_game(seed=42, count=8)
    answers = "".join(right_line(a) + "\n" for a in asked)
    result = play("--seed", "42", "--count", "8", "--no-save", stdin=answers)
    assert result.exit_code == 0, result.stderr
    expected = sum(
        BASE_POINTS[a.question.difficulty] + streak_bonus(n) for n, a in enumerate(asked, start=1)
    )
    assert result.stdout.count("Correct!") == 8
    assert result.stdout.rstrip().endswith(f"Final score: {expected:,} (8/8 correct)")
    verdicts = re.findall(r"^Correct! .*$", result.stdout, re.M)
    base = BASE_POINTS[asked[1].question.difficulty]
    second = f"+{base + 100:,} points ({base:,} + 100 streak). Streak: 2."
    assert verdicts[1] == f"Correct! {second}", verdicts


def test_output_follows_the_protocol() -> None:
    asked = seeded_game(seed=5, count=3)
    result = play("--seed", "5", "--count", "3", stdin="\n\n\n")
    first = asked[0].question
    lines = result.stdout.splitlines()
    assert lines[0] == f"Question 1/3 [{first.topic}, {first.difficulty}]"
    assert lines[1] == first.prompt
    if first.type in ("choice", "multi"):
        assert lines[2 : 2 + len(asked[0].options)] == [
            f"{n}) {o}" for n, o in enumerate(asked[0].options, start=1)
        ]
    assert "> " in result.stdout
    assert re.findall(r"^(Correct|Wrong|Skipped)", result.stdout, re.M) == ["Skipped"] * 3


def test_all_skipped_scores_zero() -> None:
    result = play("--seed", "3", "--count", "5", stdin="\n" * 5)
    assert result.exit_code == 0
    assert "Final score: 0 (0/5 correct)" in result.stdout.splitlines()


def test_wrong_answer_names_the_right_one() -> None:
    asked = seeded_game(seed=9, count=1)[0]
    wrong = {"choice": "1", "multi": "1", "truefalse": "n", "text": "Creed Bratton"}
    line = wrong[asked.question.type]
    if asked.question.type == "choice" and asked.options[0] == asked.question.answers[0]:
        line = "2"
    if asked.question.type == "truefalse" and asked.question.answers == ("false",):
        line = "y"
    result = play("--seed", "9", "--count", "1", stdin=line + "\n")
    assert re.search(r"^Wrong\. The answer is .+\.$", result.stdout, re.M), result.stdout


def test_junk_lines_re_ask_and_cost_nothing() -> None:
    asked = seeded_game(seed=42, count=2)
    junk = {"choice": "99", "multi": "1,x", "truefalse": "maybe", "text": None}
    lines = []
    for a in asked:
        if junk[a.question.type] is not None:
            lines.append(str(junk[a.question.type]))
        lines.append(right_line(a))
    result = play("--seed", "42", "--count", "2", stdin="\n".join(lines) + "\n")
    assert result.exit_code == 0
    assert "Try again." in result.stdout or all(a.question.type == "text" for a in asked)
    assert re.search(r"^Final score: [0-9,]+ \(2/2 correct\)$", result.stdout, re.M)


def test_end_of_input_before_the_last_answer_exits_1(quiz_home: Path) -> None:
    result = play("--seed", "1", "--count", "3", stdin="\n")
    assert result.exit_code == 1
    assert result.stderr == "Error: input ended before the last answer; nothing was saved\n"
    assert "Final score" not in result.stdout
    assert not (quiz_home / "scores.db").exists()


def test_a_timed_question_closes_by_itself_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The time-limit path of the plain loop, on a clock that runs a second per reading."""
    game = Game([AskedQuestion(CHOICE, CHOICE.choices)], GameSettings(seed=1, time_limit=5))
    ticks = itertools.count()
    monkeypatch.setattr("quiz.terminal.plain.time.monotonic", lambda: float(next(ticks)))
    silent, writer = os.pipe()  # input that stays open and says nothing
    out = io.StringIO()
    with os.fdopen(silent) as stream:
        reader = plain.LineReader(stream)
        record = plain.ask_plain(game, reader, out, 1, 1)
        os.close(writer)
        with pytest.raises(EOFError):  # the reading thread is done: the stream may close
            reader.read(None)
    assert record.timed_out and not record.correct
    assert "Wrong: time ran out." in out.getvalue()


# End to end: a real pipe that stays open and silent, which CliRunner's input cannot be.
@pytest.mark.slow
def test_timed_question_closes_by_itself(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [
            installed_quiz(),
            "play",
            "--seed",
            "1",
            "--count",
            "1",
            "--time-limit",
            "5",
            "--type",
            "choice",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        text=True,
    )
    # stdin stays open and silent: only the time limit can end the question.
    assert proc.stdout is not None and proc.stdin is not None
    proc.wait(timeout=30)
    out = proc.stdout.read()
    proc.stdin.close()
    assert proc.returncode == 0
    assert "Wrong: time ran out." in out
    assert "Final score: 0 (0/1 correct)" in out.splitlines()


def test_count_larger_than_the_bank_plays_all_with_a_notice() -> None:
    result = play(
        "--topic",
        "katy moore",
        "--type",
        "truefalse",
        "--count",
        "50",
        stdin="\n" * 50,
    )
    matching = [
        q for q in load_bank().questions if q.topic == "Katy Moore" and q.type == "truefalse"
    ]
    assert result.exit_code == 0
    assert f"Only {len(matching)} questions match" in result.stderr
    assert f"(0/{len(matching)} correct)" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--count", "0"], "Error: --count: 0 is too small (the least is 1)"),
        (["--count", "-3"], "Error: --count: -3 is too small (the least is 1)"),
        (["--count", "abc"], "Error: --count: 'abc' is not a whole number"),
        (["--count", "²"], "Error: --count: '²' is not a whole number"),
        (["--time-limit", "2"], "Error: --time-limit: 2 is not between 5 and 300"),
        (["--seed", "1e3"], "Error: --seed: '1e3' is not a whole number"),
        (["--topic", "Toby"], "'Toby' is not a topic of the bank"),
        (
            ["--topic", "Katy Moore", "--type", "multi", "--difficulty", "easy"],
            "no questions match",
        ),
    ],
)
def test_bad_options_are_usage_errors(args: list[str], message: str) -> None:
    result = play(*args, stdin="")
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.endswith(" (see 'quiz play --help')\n")


def _asked(kind: str, options: tuple[str, ...] = ()) -> AskedQuestion:
    from quiz.models import Question

    answers = {
        "choice": ("B",),
        "multi": ("A", "C"),
        "truefalse": ("true",),
        "text": ("x",),
        "order": ("C", "A", "B"),
    }
    question = Question("q", "T", "easy", kind, "?", answers[kind], choices=options)
    return AskedQuestion(question, options)


@pytest.mark.parametrize(
    ("kind", "line", "given"),
    [
        ("choice", "2", ("B",)),
        ("choice", " b ", ("B",)),
        ("multi", "1, 3", ("A", "C")),
        ("multi", "3,1,3", ("C", "A")),
        ("truefalse", "Y", ("true",)),
        ("truefalse", "f", ("false",)),
        ("text", "  Jim  ", ("Jim",)),
        ("choice", "", ()),
        ("multi", "   ", ()),
        ("order", "3,1,2", ("C", "A", "B")),
        ("order", " 2 , 3 , 1 ", ("B", "C", "A")),
        ("order", "1 2 3", ("A", "B", "C")),
        ("order", "312", ("C", "A", "B")),
        ("order", "", ()),
    ],
)
def test_parse_answer(kind: str, line: str, given: tuple[str, ...]) -> None:
    assert parse_answer(_asked(kind, ("A", "B", "C")), line) == given


@pytest.mark.parametrize(
    ("kind", "line"),
    [
        ("choice", "4"),
        ("choice", "0"),
        ("choice", "Z"),
        ("multi", "1,4"),
        ("truefalse", "perhaps"),
        ("order", "3,1"),  # an item left out
        ("order", "3,1,1"),  # an item twice
        ("order", "3,1,2,1"),
        ("order", "3,1,4"),
        ("order", "C,A,B"),  # numbers, not the items' text
        ("order", "31"),
        ("order", "3121"),
        ("order", "²,1,3"),  # a digit to str.isdigit(), not to int()
        ("multi", "1,²"),
        ("order", "1,2," + "3" * 5000),
    ],
)
def test_parse_answer_refuses_junk(kind: str, line: str) -> None:
    with pytest.raises(InvalidAnswerError):
        parse_answer(_asked(kind, ("A", "B", "C")), line)


def test_an_order_line_that_is_not_a_permutation_says_what_would_be() -> None:
    with pytest.raises(InvalidAnswerError) as refused:
        parse_answer(_asked("order", ("A", "B", "C")), "1,1,2")
    assert str(refused.value) == (
        "Put each of the numbers from 1 to 3 in order, once, separated by commas (like 3,2,1)."
    )


def test_seed_zero_is_a_seed_like_any_other() -> None:
    asked = seeded_game(seed=0, count=4)
    answers = "".join(right_line(a) + "\n" for a in asked)
    result = play("--seed", "0", "--count", "4", "--no-save", stdin=answers)
    assert result.stdout.rstrip().endswith("(4/4 correct)")


NUMBERS = ("4", "8", "6", "2")


@pytest.mark.parametrize(
    ("kind", "line", "given"),
    [
        ("choice", "4", ("4",)),  # the option "4", not the fourth option
        ("choice", "2", ("2",)),
        ("choice", "a", ("4",)),
        ("choice", " D ", ("2",)),
        ("multi", "a, c", ("4", "6")),
        ("multi", "d,b", ("2", "8")),
    ],
)
def test_number_options_are_lettered_and_typing_a_number_picks_that_option(
    kind: str, line: str, given: tuple[str, ...]
) -> None:
    assert parse_answer(_asked(kind, NUMBERS), line) == given


@pytest.mark.parametrize(("kind", "line"), [("choice", "9"), ("choice", "e"), ("multi", "1,2")])
def test_lettered_options_refuse_what_names_no_option(kind: str, line: str) -> None:
    with pytest.raises(InvalidAnswerError, match="letter"):
        parse_answer(_asked(kind, NUMBERS), line)


def test_typing_an_option_picks_it_even_when_punctuation_alone_tells_options_apart() -> None:
    asked = _asked("choice", ("C#", "C++", "Objective-C"))
    assert parse_answer(asked, "c++") == ("C++",)
    assert parse_answer(asked, "C#") == ("C#",)
    assert parse_answer(asked, "objective c") == ("Objective-C",)  # the only loose match


def test_lettered_options_are_shown_with_letters_and_a_letter_hint() -> None:
    lines = question_lines(1, 1, _asked("choice", NUMBERS))
    assert lines[2:] == [
        "a) 4",
        "b) 8",
        "c) 6",
        "d) 2",
        "Type the option's letter or text; an empty line skips.",
    ]
    assert question_lines(1, 1, _asked("choice", ("A", "B")))[2:4] == ["1) A", "2) B"]


def test_typing_4_for_the_option_4_is_right_in_a_real_game(tmp_path: Path) -> None:
    bank = tmp_path / "numbers.toml"
    bank.write_text(
        '[[questions]]\nid = "two-plus-two"\ntopic = "Sums"\ndifficulty = "easy"\n'
        'type = "choice"\nprompt = "What is two plus two?"\n'
        'choices = ["8", "6", "2", "4"]\nanswers = ["4"]\n',
        encoding="utf-8",
    )
    result = play(
        "--bank",
        str(bank),
        "--topic",
        "Sums",
        "--no-save",
        "--seed",
        "3",
        stdin="4\n",
    )
    assert result.exit_code == 0, result.stderr
    assert re.search(r"^[a-d]\) 4$", result.stdout, re.MULTILINE)
    assert "Correct!" in result.stdout


SYMBOL_BANK = """
[[questions]]
id = "microsoft-language"
topic = "Symbols"
difficulty = "easy"
type = "text"
prompt = "Which language did Microsoft make in 2000?"
answers = ["C#"]

[[questions]]
id = "equal-temperature"
topic = "Symbols"
difficulty = "easy"
type = "text"
prompt = "At which temperature do Celsius and Fahrenheit agree?"
answers = ["-40"]

[[questions]]
id = "grin-emoji"
topic = "Symbols"
difficulty = "easy"
type = "text"
prompt = "Which emoji grins?"
answers = ["😀"]
"""


@pytest.mark.parametrize(
    ("typed", "verdicts"),
    [
        ("C#\nminus forty\n😀\n", ["Correct", "Correct", "Correct"]),
        ("C++\n40\n:)\n", ["Wrong", "Wrong", "Wrong"]),
    ],
)
def test_typed_signs_and_symbols_count(tmp_path: Path, typed: str, verdicts: list[str]) -> None:
    bank = tmp_path / "symbols.toml"
    bank.write_text(SYMBOL_BANK, encoding="utf-8")
    by_id = {"microsoft-language": 0, "equal-temperature": 1, "grin-emoji": 2}
    answers = typed.splitlines()
    first = play("--bank", str(bank), "--topic", "symbols", "--seed", "1", "--no-save",
                 stdin="\n\n\n")  # fmt: skip
    order = [line for line in first.stdout.splitlines() if line.startswith(("Which", "At which"))]
    ids = ["microsoft-language" if "Microsoft" in p else "equal-temperature" if "Celsius" in p
           else "grin-emoji" for p in order]  # fmt: skip
    stdin = "".join(answers[by_id[i]] + "\n" for i in ids)
    result = play("--bank", str(bank), "--topic", "symbols", "--seed", "1", "--no-save",
                  stdin=stdin)  # fmt: skip
    seen = [line.split()[0].rstrip("!.") for line in result.stdout.splitlines()
            if line.startswith(("Correct", "Wrong"))]  # fmt: skip
    assert seen == verdicts, result.stdout
