"""Typed answers: normalising, typo tolerance, exact short and numeric answers, look-alikes."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given as for_all
from hypothesis import strategies as st
from rapidfuzz import fuzz

from quiz.engine.game import Verdict, judge
from quiz.models import Question
from quiz.textmatch import TextVerdict, judge_text, normalise

ACCEPTED = TextVerdict(correct=True, typo_forgiven=False)
FORGIVEN = TextVerdict(correct=True, typo_forgiven=True)
REFUSED = TextVerdict(correct=False, typo_forgiven=False)


def text_question(
    answers: Sequence[str], reject: Sequence[str] = (), prompt: str = "Type the answer."
) -> Question:
    return Question(
        id="typed-question",
        topic="John Krasinski",
        difficulty="medium",
        type="text",
        prompt=prompt,
        answers=tuple(answers),
        reject=tuple(reject),
    )


def both(
    given: str, answers: Sequence[str], reject: Sequence[str] = (), prompt: str = ""
) -> TextVerdict:
    """judge_text's verdict, checked to agree with what the game's judge() says."""
    verdict = judge_text(given, tuple(answers), tuple(reject), prompt)
    via_game = judge(text_question(answers, reject, prompt or "Type the answer."), [given])
    assert via_game == Verdict(verdict.correct, verdict.typo_forgiven)
    return verdict


# normalise()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Krasinski", "krasinski"),
        ("  JIM   Halpert  ", "jim halpert"),
        ("Béesly", "beesly"),
        ("Filippélli", "filippelli"),
        ("Dunder-Mifflin, Inc.!", "dunder mifflin inc"),
        ("snake_case", "snake case"),
        ("The Office", "office"),
        ("A Quiet Place", "quiet place"),
        ("An Affair", "affair"),
        ("Theodore", "theodore"),
        ("Anne", "anne"),
        ("Athlead", "athlead"),
        ("The", "the"),
        ("Season 9", "season 9"),
        ("?!...", ""),
        ("", ""),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_normalise_drops_only_one_leading_article() -> None:
    assert normalise("The A Team") == "a team"
    assert normalise("Office, The") == "office the"


# Exact matches after normalising


@pytest.mark.parametrize(
    ("given", "answer"),
    [
        ("krasinski", "Krasinski"),
        ("KRASINSKI", "Krasinski"),
        ("Beesly", "Béesly"),
        ("Béesly", "Beesly"),
        ("newton massachusetts", "Newton, Massachusetts"),
        ("Call-of-Duty!", "Call of Duty"),
        ("  hot   girl ", "Hot Girl"),
        ("The Quiet Place", "A Quiet Place"),
        ("Quiet Place", "A Quiet Place"),
        ("an office", "The Office"),
    ],
)
def test_case_accents_punctuation_and_article_are_ignored(given: str, answer: str) -> None:
    assert both(given, [answer]) == ACCEPTED


def test_any_of_several_accepted_answers_matches() -> None:
    answers = ["Ryan Howard", "Ryan"]
    assert both("ryan", answers) == ACCEPTED
    assert both("Ryan Howard", answers) == ACCEPTED


@pytest.mark.parametrize(
    ("given", "answer"),
    [("BJ", "B.J."), ("Pams", "Pam's"), ("OBrien", "O'Brien"), ("BJ Novak", "B.J. Novak")],
)
def test_punctuation_inside_a_word_is_ignored(given: str, answer: str) -> None:
    # Only punctuation differs: a plain match, not a forgiven typo (and never a refusal).
    assert both(given, [answer]) == ACCEPTED


# Typo tolerance for answers of 5+ letters


def test_typo_is_forgiven_and_flagged() -> None:
    assert fuzz.ratio("krasinsky", "krasinski") >= 85
    assert both("Krasinsky", ["Krasinski"]) == FORGIVEN


def test_exact_answer_is_not_flagged_as_typo() -> None:
    assert both("Krasinski", ["Krasinski"]) == ACCEPTED


def test_different_name_is_refused() -> None:
    assert fuzz.ratio("katy", "karen") < 85
    assert both("Katy", ["Karen"]) == REFUSED


def test_five_letter_answer_gets_typo_tolerance() -> None:
    # "Lotto" has 5 letters, so a close spelling within ratio 85 is forgiven.
    assert fuzz.ratio("loto", "lotto") >= 85
    assert both("Loto", ["Lotto"]) == FORGIVEN
    assert both("Lottto", ["Lotto"]) == FORGIVEN


def test_answer_under_five_letters_must_be_exact() -> None:
    # Close enough by ratio, but "Kate" has only 4 letters.
    assert fuzz.ratio("katie", "kate") >= 85
    assert both("Katie", ["Kate"]) == REFUSED
    assert both("Kate", ["Kate"]) == ACCEPTED
    assert both("Jin", ["Jim"]) == REFUSED


def test_typo_tolerance_is_checked_against_the_long_alias() -> None:
    assert both("Newtonn", ["Newton", "Newtown"]) == FORGIVEN


# Numbers are exact


def test_numbers_are_exact() -> None:
    assert both("26", ["26"]) == ACCEPTED
    assert both("25", ["26"]) == REFUSED
    assert both("2", ["2", "two"]) == ACCEPTED
    assert both("Two", ["2", "two"]) == ACCEPTED
    assert both("3", ["2", "two"]) == REFUSED


def test_numeric_answer_with_letters_is_still_exact() -> None:
    # Over 85 by ratio and 6 letters, but the answer holds a number.
    assert fuzz.ratio("season 25", "season 26") >= 85
    assert both("Season 25", ["Season 26"]) == REFUSED
    assert both("season 26", ["Season 26"]) == ACCEPTED


# Natural typed answers: numbers in words, with the unit words a person adds

SEASONS = "Jim's story runs through the whole show. How many seasons did it last?"
WHICH_SEASON = "In which season did Michael leave the office?"
WHICH_EPISODE = '"The Coup" is which episode number of Season 3?'
PROPOSAL = "The proposal came in episode 2 of which season?"
WHICH_YEAR = "In which year did the show first air?"


@pytest.mark.parametrize(
    ("typed", "answer", "prompt"),
    [
        ("nine", "9", SEASONS),
        ("NINE", "9", SEASONS),
        ("9 seasons", "9", SEASONS),
        ("nine seasons", "9", SEASONS),
        ("Nine Seasons.", "9", SEASONS),
        ("Season 7", "7", WHICH_SEASON),
        ("season seven", "7", WHICH_SEASON),
        ("the seventh season", "7", WHICH_SEASON),
        ("7th season", "7", WHICH_SEASON),
        ("S7", "7", WHICH_SEASON),
        ("Episode 3", "3", WHICH_EPISODE),
        ("episode three", "3", WHICH_EPISODE),
        ("ep. 3", "3", WHICH_EPISODE),
        ("episode number 3", "3", WHICH_EPISODE),
        ("Season 5", "5", PROPOSAL),
        ("in 2004", "2004", WHICH_YEAR),
        ("two thousand four", "2004", WHICH_YEAR),
        ("in the year two thousand and four", "2004", WHICH_YEAR),
        ("twenty-six", "26", "Which episode number?"),
        ("seven episodes", "7", "How many episodes did he direct?"),
        ("7", "Season 7", "When did he leave?"),
        ("seven", "Season 7", "When did he leave?"),
        ("season seven", "Season 7", "When did he leave?"),
        ("nineteen ninety", "1990", WHICH_YEAR),
    ],
)
def test_a_number_may_be_written_in_words_and_with_its_unit(
    typed: str, answer: str, prompt: str
) -> None:
    assert both(typed, [answer], prompt=prompt) == ACCEPTED


@pytest.mark.parametrize(
    ("typed", "answer", "prompt"),
    [
        ("8", "9", SEASONS),
        ("eight seasons", "9", SEASONS),
        ("99", "9", SEASONS),
        ("9 episodes", "9", SEASONS),  # the question asks for seasons
        ("episode 5", "5", PROPOSAL),  # the 2 in the prompt is an episode; the answer a season
        ("season 3", "3", WHICH_EPISODE),
        ("season 7 episode 22", "7", WHICH_SEASON),  # two numbers say more than the answer
        ("about 9 seasons", "9", SEASONS),
        ("nine seasons long", "9", SEASONS),
        ("in 2005", "2004", WHICH_YEAR),
    ],
)
def test_a_wrong_number_or_a_wrong_unit_is_refused(typed: str, answer: str, prompt: str) -> None:
    assert both(typed, [answer], prompt=prompt) == REFUSED


@for_all(
    number=st.integers(min_value=0, max_value=9999),
    unit=st.sampled_from(["season", "episode", "year"]),
)
def test_any_number_with_the_asked_unit_matches_only_itself(number: int, unit: str) -> None:
    prompt = f"Which {unit} is it?"
    for typed in (f"{unit} {number}", f"{number} {unit}s", f"in {number}", str(number)):
        assert judge_text(typed, (str(number),), (), prompt) == ACCEPTED
    assert not judge_text(f"{unit} {number + 1}", (str(number),), (), prompt).correct


@pytest.mark.parametrize(
    ("typed", "answers"),
    [
        ("The Job Part One", ["The Job", "The Job Part 1"]),
        ("The Job Part II", ["The Job", "The Job Part 2"]),
        ("Part Two", ["Part 2"]),
    ],
)
def test_numbers_inside_an_answer_match_in_words_digits_or_roman(
    typed: str, answers: list[str]
) -> None:
    assert both(typed, answers) == ACCEPTED


# A sequel is not a typo: differing numbers are never forgiven

QUIET_PLACE = ["A Quiet Place", "The Quiet Place", "Quiet Place"]


@pytest.mark.parametrize(
    "sequel",
    [
        "A Quiet Place 2",
        "A Quiet Place II",
        "A Quiet Place Part II",
        "A Quiet Place Part Two",
        "a quiet place two",
        "A Quiet Place: Day One",
    ],
)
def test_a_sequel_is_not_a_typo_of_the_original(sequel: str) -> None:
    assert fuzz.ratio(normalise(sequel), "quiet place") >= 70
    assert both(sequel, QUIET_PLACE) == REFUSED


def test_the_original_is_not_a_typo_of_the_sequel() -> None:
    assert both("A Quiet Place", ["A Quiet Place Part II"]) == REFUSED
    assert both("A Quiet Place Part 3", ["A Quiet Place Part II"]) == REFUSED
    assert both("A Quiet Place Part Two", ["A Quiet Place Part II"]) == ACCEPTED


def test_a_spelling_slip_in_the_original_title_is_still_forgiven() -> None:
    assert both("A Quite Place", QUIET_PLACE) == FORGIVEN


# Look-alikes in `reject`


AUSTRIA = (["Austria"], ["Australia"])


def test_rejected_look_alike_is_refused() -> None:
    answers, reject = AUSTRIA
    # Without the reject list the look-alike would pass as a typo.
    assert both("Australia", answers) == FORGIVEN
    assert both("Australia", answers, reject) == REFUSED
    assert both("australia!", answers, reject) == REFUSED


@pytest.mark.parametrize("typo", ["Austrial", "Austira", "Asutria"])
def test_typo_of_the_answer_is_still_forgiven_beside_a_look_alike(typo: str) -> None:
    answers, reject = AUSTRIA
    assert fuzz.ratio(normalise(typo), "austria") >= 85
    assert both(typo, answers, reject) == FORGIVEN


def test_typo_closer_to_a_look_alike_than_to_the_answer_is_refused() -> None:
    """ "Austrai" is 85.7 from Austria but 87.5 from Australia: too ambiguous to forgive."""
    answers, reject = AUSTRIA
    assert fuzz.ratio("austrai", "austria") < fuzz.ratio("austrai", "australia")
    assert both("Austrai", answers, reject) == REFUSED


def test_right_answer_is_accepted_beside_a_look_alike() -> None:
    answers, reject = AUSTRIA
    assert both("Austria", answers, reject) == ACCEPTED


def test_builtin_style_look_alike_norton_is_refused() -> None:
    answers, reject = ["Newton", "Newton, Massachusetts", "Newtown"], ["Norton"]
    assert both("Norton", answers, reject) == REFUSED
    assert both("Newton", answers, reject) == ACCEPTED


# Empty input


@pytest.mark.parametrize("given", ["", "   ", "?!", "...", "the"])
def test_empty_or_meaningless_input_is_never_correct(given: str) -> None:
    assert not both(given, ["Krasinski"]).correct
    assert not both(given, ["The Job"]).correct


def test_an_endless_line_is_refused_without_parsing_it() -> None:
    assert both("nine " * 20_000, ["9", "nine"], prompt=SEASONS) == REFUSED


def test_no_input_at_all_is_never_correct() -> None:
    assert judge(text_question(["Krasinski"]), []) == Verdict(correct=False)
    assert judge(text_question([""]), [""]) == Verdict(correct=False)


@pytest.mark.parametrize(
    ("typed", "answer", "right"),
    [
        ("C#", "C#", True),
        ("c #", "C#", True),
        ("C++", "C#", False),
        ("C", "C#", False),
        ("C++", "C++", True),
        ("-40", "-40", True),
        ("minus forty", "-40", True),
        ("negative 40", "-40", True),
        ("40", "-40", False),
        ("+40", "-40", False),
        ("+40", "40", True),
        ("50%", "50%", True),
        ("50 percent", "50%", True),
        ("50", "50%", False),
        ("😀", "😀", True),
        (":)", "😀", False),
        ("£5", "£5", True),
        ("5", "£5", False),
        ("Jean Luc", "Jean-Luc", True),
        ("5-4", "5-4", True),
    ],
)
def test_an_answer_that_hinges_on_a_sign_or_symbol_needs_it_typed(
    typed: str, answer: str, right: bool
) -> None:
    assert judge_text(typed, (answer,)).correct is right
