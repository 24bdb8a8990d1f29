"""Selection by facts: no game of any mode deals a question whose asked fact another dealt
question asks or mentions; questions without facts keep the word rule."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from functools import cache
from itertools import combinations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from quiz.bank.loader import load_bank
from quiz.engine.daily import daily_questions
from quiz.engine.filters import Filters
from quiz.engine.party import plan_party
from quiz.engine.selection import pick
from quiz.engine.spoilers import clash
from quiz.errors import UsageError
from quiz.models import DIFFICULTIES, Question
from tests.engine.test_spoilers import kept_apart as gives_away
from tests.engine.test_spoilers import spoils

Game = list[Question]


def fact_question(
    qid: str,
    asks: Sequence[str] = (),
    mentions: Sequence[str] = (),
    *,
    topic: str = "Jim Halpert",
    difficulty: str = "easy",
    prompt: str = "",
    answer: str = "",
) -> Question:
    return Question(
        id=qid,
        topic=topic,
        difficulty=difficulty,
        type="choice",
        prompt=prompt or f"Question {qid}?",
        answers=(answer or f"Answer {qid}",),
        choices=(answer or f"Answer {qid}", f"Decoy {qid}"),
        explanation=f"About {qid}.",
        asks=tuple(asks),
        mentions=tuple(mentions),
    )


def giveaways(game: Sequence[Question]) -> list[tuple[str, str]]:
    return [(a.id, b.id) for a, b in combinations(game, 2) if gives_away(a, b)]


# The rule


def test_a_question_asking_what_another_mentions_clashes() -> None:
    asks_x = fact_question("a", ["x"])
    assert clash(asks_x, fact_question("b", ["y"], ["x"]))
    assert clash(fact_question("b", ["y"], ["x"]), asks_x)
    assert clash(asks_x, fact_question("c", ["x", "z"]))
    assert not clash(asks_x, fact_question("d", ["y"], ["z"]))
    # Two questions that merely mention one fact tell each other nothing they ask.
    assert not clash(fact_question("e", ["y"], ["x"]), fact_question("f", ["z"], ["x"]))


def test_facts_decide_between_two_questions_that_name_them() -> None:
    """Words that look like a give-away do not count when the facts say otherwise."""
    stamford = fact_question("a", ["branch"], prompt="Which branch?", answer="Stamford")
    named = fact_question("b", ["game"], prompt="What did Stamford play?", answer="Call of Duty")
    assert spoils(named, stamford)
    assert not clash(stamford, named)
    for seed in range(20):
        assert len(pick([stamford, named], Filters(), 2, seed).asked) == 2


def test_a_question_without_facts_keeps_the_word_rule() -> None:
    stamford = fact_question("a", ["branch"], prompt="Which branch?", answer="Stamford")
    wordy = fact_question("b", prompt="What did Stamford play?", answer="Call of Duty")
    assert clash(stamford, wordy) and clash(wordy, stamford)
    quiet = fact_question("c", prompt="Who ran Utica?", answer="Karen")
    assert not clash(stamford, quiet)
    for seed in range(20):
        assert len(pick([stamford, wordy], Filters(), 2, seed).asked) == 1


def test_pick_leaves_out_questions_already_dealt_and_their_give_aways() -> None:
    bank = [fact_question("a", ["x"]), fact_question("b", ["y"], ["x"]), fact_question("c", ["z"])]
    for seed in range(20):
        asked = pick(bank, Filters(), 3, seed, dealt=[bank[0]]).asked
        assert [a.question.id for a in asked] == ["c"]


def test_a_party_never_deals_a_give_away_across_its_rounds() -> None:
    """Everyone at the hot seat sees every question: the easy round's facts bind the hard one."""
    bank = [
        *(fact_question(f"easy-{n}", [f"e{n}"], difficulty="easy") for n in range(4)),
        fact_question("hard-0", ["h0"], ["e0"], difficulty="hard"),
        fact_question("hard-1", ["h1"], ["e1"], difficulty="hard"),
        fact_question("hard-2", ["h2"], difficulty="hard"),
        fact_question("hard-3", ["h3"], difficulty="hard"),
    ]
    for seed in range(40):
        plan = plan_party(bank, Filters(), 2, 2, seed)
        dealt = [a.question for player in plan.questions for a in player]
        assert giveaways(dealt) == [], seed
        assert plan.difficulties == ("easy", "hard")


def test_a_one_topic_game_cut_short_by_facts_says_why() -> None:
    bank = [fact_question("a", ["x"]), fact_question("b", ["y"], ["x"]), fact_question("c", ["x"])]
    selection = pick(bank, Filters(topics=("Jim Halpert",)), 3, 1)
    assert len(selection.asked) == 1  # every pair clashes
    assert selection.matching == 3  # what `quiz play` turns into its notice


# Generated banks: few facts, asked and mentioned often


@st.composite
def fact_banks(draw: st.DrawFn) -> list[Question]:
    facts = [f"f{n}" for n in range(draw(st.integers(min_value=1, max_value=12)))]
    bank = []
    for i in range(draw(st.integers(min_value=1, max_value=30))):
        with_facts = draw(st.booleans()) or i % 3
        asks = draw(st.lists(st.sampled_from(facts), min_size=1, max_size=3, unique=True))
        mentions = draw(st.lists(st.sampled_from(facts), max_size=3, unique=True))
        bank.append(
            fact_question(
                f"q{i}",
                asks if with_facts else (),
                [m for m in mentions if m not in asks] if with_facts else (),
                topic=draw(st.sampled_from(("Jim Halpert", "Pam Beesly", "Karen Filippelli"))),
                difficulty=draw(st.sampled_from(DIFFICULTIES)),
                answer=draw(st.sampled_from(("Stamford", "Scranton", f"Answer q{i}"))),
                prompt=draw(st.sampled_from(("Why Stamford?", "Why Scranton?", f"Q{i}?"))),
            )
        )
    return bank


@settings(max_examples=300, deadline=None)
@given(bank=fact_banks(), seed=st.integers(0, 2**32), count=st.integers(1, 30))
def test_a_generated_game_deals_no_give_away(bank: Game, seed: int, count: int) -> None:
    game = [a.question for a in pick(bank, Filters(), count, seed).asked]
    assert giveaways(game) == []
    assert game
    if len(game) < count:  # every question left out would give one away, or be given away
        for left_out in (q for q in bank if q not in game):
            assert any(gives_away(left_out, q) for q in game), left_out.id


@settings(max_examples=100, deadline=None)
@given(bank=fact_banks(), seed=st.integers(0, 2**32), players=st.integers(2, 4))
def test_a_generated_party_deals_no_give_away(bank: Game, seed: int, players: int) -> None:
    assume(any(len([q for q in bank if q.difficulty == d]) >= players for d in DIFFICULTIES))
    try:
        plan = plan_party(bank, Filters(), players, 5, seed)
    except UsageError as exc:  # every difficulty's questions give one another away
        assert "would give away one another's answers" in str(exc)
        return
    assert giveaways([a.question for p in plan.questions for a in p]) == []


@settings(max_examples=100, deadline=None)
@given(bank=fact_banks(), offset=st.integers(0, 3000))
def test_a_generated_daily_challenge_deals_no_give_away(bank: Game, offset: int) -> None:
    day = date(2026, 1, 1) + timedelta(days=offset)
    assert giveaways([a.question for a in daily_questions(bank, day)]) == []


# Thousands of seeded games of the built-in bank, in every mode


@cache
def builtin() -> tuple[Question, ...]:
    return load_bank(user=False).questions


def topics() -> list[str]:
    return sorted({q.topic for q in builtin()})


def default_games(n: int) -> Iterator[Game]:
    for seed in range(n):
        yield [a.question for a in pick(builtin(), Filters(), 10, seed).asked]


def long_games(n: int) -> Iterator[Game]:
    for seed in range(n):
        yield [a.question for a in pick(builtin(), Filters(), 20, seed).asked]


def one_topic_games(n: int) -> Iterator[Game]:
    for seed in range(n):
        only = Filters(topics=(topics()[seed % len(topics())],))
        yield [a.question for a in pick(builtin(), only, 10, seed).asked]


def survival_runs(n: int) -> Iterator[Game]:
    """As `quiz play --lives` deals them: every match, in seeded order, with or without a topic."""
    for seed in range(n):
        only = Filters(topics=(topics()[seed % len(topics())],)) if seed % 2 else Filters()
        count = len(only.apply(builtin()))
        yield [a.question for a in pick(builtin(), only, count, seed).asked]


def parties(n: int) -> Iterator[Game]:
    for seed in range(n):
        plan = plan_party(builtin(), Filters(), 2 + seed % 7, 5, seed)
        yield [a.question for player in plan.questions for a in player]


def daily_challenges(n: int) -> Iterator[Game]:
    for offset in range(n):
        yield [a.question for a in daily_questions(builtin(), date(2026, 1, 1) + timedelta(offset))]


MODES: dict[str, Callable[[int], Iterator[Game]]] = {
    "default": default_games,
    "twenty": long_games,
    "one topic": one_topic_games,
    "survival": survival_runs,
    "party": parties,
    "daily": daily_challenges,
}


def assert_no_game_gives_away(mode: str, games: int) -> None:
    spoiled = [
        (n, pairs) for n, game in enumerate(MODES[mode](games)) if (pairs := giveaways(game))
    ]
    assert spoiled == [], f"{len(spoiled)} of {games} {mode} games hold a give-away: {spoiled[:3]}"


@pytest.mark.parametrize("mode", MODES)
def test_seeded_games_of_every_mode_hold_no_give_away(mode: str) -> None:
    assert_no_game_gives_away(mode, 20 if mode == "survival" else 150)


@pytest.mark.slow
@pytest.mark.parametrize("mode", MODES)
def test_thousands_of_seeded_games_of_every_mode_hold_no_give_away(mode: str) -> None:
    # A survival run deals every question it can, so each run already holds every pair of
    # questions: 250 runs try them in 250 orders.
    assert_no_game_gives_away(mode, 250 if mode == "survival" else 3000)
