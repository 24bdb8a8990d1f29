"""No spoilers: the give-away rule, and selection never putting such a pair in one game."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from text_to_num import text2num

from quiz.bank.loader import load_bank
from quiz.engine.daily import DAILY_COUNT, daily_questions
from quiz.engine.filters import Filters
from quiz.engine.selection import pick
from quiz.engine.spoilers import gives_away
from quiz.engine.stable import ask_stably
from quiz.models import DIFFICULTIES, QUESTION_TYPES, Question
from tests.conftest import run_cli, write_bank


def question(
    qid: str,
    prompt: str,
    answers: Sequence[str],
    *,
    qtype: str = "choice",
    choices: Sequence[str] = (),
    explanation: str = "",
    topic: str = "Karen Filippelli",
) -> Question:
    if qtype == "choice" and not choices:
        choices = [*answers, "Somebody Else"]
    return Question(
        id=qid,
        topic=topic,
        difficulty="easy",
        type=qtype,
        prompt=prompt,
        answers=tuple(answers),
        choices=tuple(choices),
        explanation=explanation,
    )


# The rule itself, checked by a plain reading of the spec


def _is_number(answer: str) -> bool:
    try:
        text2num(answer.lower(), "en")
    except ValueError:
        return answer.replace(" ", "").isdigit()
    return True


def spoils(shown: Question, other: Question) -> bool:
    """The spec's definition, written out independently of the engine."""
    if other.type not in ("choice", "text"):
        return False
    texts = [shown.prompt, *shown.choices, shown.explanation]
    if shown.type == "text":
        texts.append(shown.answers[0])
    folded = [" " + re.sub(r"[\W_]+", " ", t.lower()) + " " for t in texts]
    for answer in other.answers:
        letters = sum(ch.isalpha() for ch in answer)
        if letters < 5 or _is_number(answer) or answer.lower() in ("true", "false"):
            continue
        needle = " " + re.sub(r"[\W_]+", " ", answer.lower()).strip() + " "
        if any(needle in text for text in folded):
            return True
    return False


def assert_each_would_spoil(candidates: Sequence[Question], game: Sequence[Question]) -> None:
    """Every candidate left out of the game spoils, or is spoiled by, one that is in."""
    for left_out in (q for q in candidates if q not in game):
        assert any(spoils(left_out, q) or spoils(q, left_out) for q in game), left_out.id


def spoiled_pairs(game: Sequence[Question]) -> list[tuple[str, str]]:
    return [(a.id, b.id) for a, b in combinations(game, 2) if spoils(a, b) or spoils(b, a)]


KAREN = question("karen-branch", "Which branch did Karen come from?", ["Stamford"])


@pytest.mark.parametrize(
    "shown",
    [
        question("p", "What did the Stamford staff play?", ["Call of Duty"]),
        question("p", "Karen moved from STAMFORD to Scranton.", ["true"], qtype="truefalse"),
        question("p", "Where did they go after Stamford's merger?", ["Scranton"]),
        question("p", "Who left?", ["Karen Filippelli"], choices=["Karen Filippelli", "Stamford"]),
        question("p", "Who left?", ["Karen"], explanation="She had run (Stamford) well."),
        question("p", "Which branch closed?", ["Stamford"], qtype="text"),
    ],
    ids=["prompt", "case", "possessive", "option", "explanation", "revealed text answer"],
)
def test_an_answer_shown_as_whole_words_gives_it_away(shown: Question) -> None:
    assert gives_away(shown, KAREN)
    assert spoils(shown, KAREN)


@pytest.mark.parametrize(
    ("shown", "other"),
    [
        (question("p", "Was it Stamfordshire?", ["true"], qtype="truefalse"), KAREN),
        (question("p", "Is Pam there?", ["true"], qtype="truefalse"), question("o", "?", ["Pam"])),
        (question("p", "Did it last 2004 days?", ["true"], qtype="truefalse"),
         question("o", "Year?", ["2004"], qtype="text")),
        (question("p", "Seven seasons?", ["false"], qtype="truefalse"),
         question("o", "Season?", ["7", "seven"], qtype="text")),
        (question("p", "This is true.", ["false"], qtype="truefalse"),
         question("o", "Is it?", ["true"], qtype="truefalse")),
        (question("p", "Which did he direct: Sabre or Lotto?", ["Sabre"]),
         question("o", "Pick all", ["Lotto", "Sabre"], qtype="multi",
                  choices=["Lotto", "Sabre", "Niagara"])),
    ],
    ids=["inside a longer word", "under five letters", "a number", "a number in words",
         "true/false", "a multi answer"],
)  # fmt: skip
def test_what_does_not_count_as_a_give_away(shown: Question, other: Question) -> None:
    assert not gives_away(shown, other)
    assert not spoils(shown, other)


def test_a_game_of_two_questions_that_spoil_each_other_holds_one() -> None:
    other = question("karen-game", "What did the Stamford staff play?", ["Call of Duty"])
    for seed in range(30):
        asked = pick([KAREN, other], Filters(), 2, seed).asked
        assert len(asked) == 1


# Selection over the built-in bank and over generated banks


@cache
def builtin() -> tuple[Question, ...]:
    return load_bank(user=False).questions


TOPICS = ("Jim Halpert", "Pam Beesly", "Dwight Schrute", "Karen Filippelli")
NAMES = ("Stamford", "Scranton", "Call of Duty", "David Wallace", "Casino Night", "Gutenprank")


def subsets(values: Sequence[str]) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(values), unique=True, max_size=len(values)).map(tuple)


@st.composite
def spoiling_banks(draw: st.DrawFn) -> list[Question]:
    """Banks where answers are few names and prompts name them often."""
    size = draw(st.integers(min_value=2, max_value=24))
    bank = []
    for i in range(size):
        qtype = draw(st.sampled_from(QUESTION_TYPES))
        answer = draw(st.sampled_from(NAMES))
        mention = draw(st.sampled_from(("nothing in particular", *NAMES)))
        choices: tuple[str, ...] = ()
        answers: tuple[str, ...] = (answer,)
        if qtype in ("choice", "multi", "order"):
            choices = (answer, f"wrong {i} a", f"wrong {i} b")
            answers = choices if qtype == "order" else answers
        elif qtype == "truefalse":
            answers = ("true",)
        bank.append(
            Question(
                id=f"q-{i}",
                topic=draw(st.sampled_from(TOPICS)),
                difficulty=draw(st.sampled_from(DIFFICULTIES)),
                type=qtype,
                prompt=f"Question {i} about {mention}'s part?",
                answers=answers,
                choices=choices,
                explanation=draw(st.sampled_from(("", f"See {mention}."))),
            )
        )
    return bank


seeds = st.integers(min_value=0, max_value=2**32)
counts = st.integers(min_value=1, max_value=30)


@settings(max_examples=300, deadline=None)
@given(seed=seeds, count=counts, data=st.data())
def test_a_builtin_game_never_spoils_itself(seed: int, count: int, data: st.DataObject) -> None:
    bank = builtin()
    filters = Filters(
        topics=data.draw(subsets(sorted({q.topic for q in bank}))),
        difficulties=data.draw(subsets(DIFFICULTIES)),
        types=data.draw(subsets(QUESTION_TYPES)),
    )
    pool = filters.apply(bank)
    assume(pool)
    game = [a.question for a in pick(bank, filters, count, seed).asked]
    assert spoiled_pairs(game) == []
    assert len({q.id for q in game}) == len(game)
    assert 1 <= len(game) <= min(count, len(pool))


filters_st = st.builds(
    Filters,
    topics=subsets(TOPICS),
    difficulties=subsets(DIFFICULTIES),
    types=subsets(QUESTION_TYPES),
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(bank=spoiling_banks(), filters=filters_st, seed=seeds, count=counts)
def test_a_generated_game_never_spoils_itself(
    bank: list[Question], filters: Filters, seed: int, count: int
) -> None:
    pool = filters.apply(bank)
    assume(pool)
    game = [a.question for a in pick(bank, filters, count, seed).asked]
    assert spoiled_pairs(game) == []
    assert game, "a game always holds at least one question"
    assert all(q in pool for q in game)
    if len(game) < count:
        assert_each_would_spoil(pool, game)


@settings(deadline=None)
@given(bank=spoiling_banks(), seed=seeds, count=counts)
def test_topics_stay_balanced_with_give_aways_about(
    bank: list[Question], seed: int, count: int
) -> None:
    game = [a.question for a in pick(bank, Filters(), count, seed).asked]
    chosen = Counter(q.topic for q in game)
    most = max(chosen.values())
    for topic in {q.topic for q in bank}:
        if chosen[topic] >= most - 1:
            continue
        # A topic lags only when every one of its other questions would spoil the game.
        assert_each_would_spoil([q for q in bank if q.topic == topic], game)


@settings(deadline=None)
@given(bank=spoiling_banks(), seed=seeds, count=counts)
def test_games_stay_seeded_with_give_aways_about(
    bank: list[Question], seed: int, count: int
) -> None:
    assert pick(bank, Filters(), count, seed) == pick(list(bank), Filters(), count, seed)


def test_builtin_games_without_filters_stay_full_and_balanced() -> None:
    for seed in range(300):
        game = [a.question for a in pick(builtin(), Filters(), 10, seed).asked]
        assert len(game) == 10
        per_topic = Counter(q.topic for q in game)
        assert len(per_topic) == 7 and max(per_topic.values()) <= 2, (seed, per_topic)


STAMFORD_BANK = """
[[questions]]
id = "stamford-branch"
topic = "Stamford"
difficulty = "easy"
type = "text"
prompt = "Which branch did Karen come from?"
answers = ["Stamford"]

[[questions]]
id = "stamford-game"
topic = "Stamford"
difficulty = "easy"
type = "choice"
prompt = "What did the Stamford staff play?"
choices = ["Call of Duty", "Halo", "Chess"]
answers = ["Call of Duty"]

[[questions]]
id = "stamford-boss"
topic = "Stamford"
difficulty = "easy"
type = "truefalse"
prompt = "Josh ran the branch."
answers = ["true"]
"""


def test_a_game_cut_short_by_give_aways_says_why(tmp_path: Path) -> None:
    bank = write_bank(tmp_path, "stamford.toml", STAMFORD_BANK)
    result = run_cli(
        "play", "--plain", "--no-save", "--bank", str(bank), "--topic", "Stamford",
        "--count", "3", "--seed", "5", input="\n\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (
        "Playing 2 of the 3 questions that match topic Stamford: the others would give away"
        " an answer in this game." in result.stderr
    )
    assert "Final score: 0 (0/2 correct)" in result.stdout


def test_no_daily_challenge_spoils_itself() -> None:
    for offset in range(200):
        day = date(2026, 1, 1) + timedelta(days=offset)
        game = [a.question for a in daily_questions(builtin(), day)]
        assert len(game) == DAILY_COUNT
        assert spoiled_pairs(game) == [], day


ORDER = Question(
    "aired", "Episodes", "easy", "order", "In airing order?", ("A", "B", "C"), ("C", "A", "B")
)


def test_an_order_question_is_never_shown_already_in_order() -> None:
    shown = {pick([ORDER], Filters(), 1, seed).asked[0].options for seed in range(60)}
    shown |= {ask_stably(ORDER, str(seed)).options for seed in range(60)}
    assert ORDER.answers not in shown
    assert len(shown) == 5  # every other order of the three items turns up
