"""Sample questions shared by the engine and store tests, and a party dealt from them."""

from __future__ import annotations

from quiz.engine.party import Party, PartyPlan
from quiz.models import BUILTIN_TOPICS, DIFFICULTIES, AskedQuestion, GameSettings, Question

CHOICE = Question(
    id="pam-first-kiss",
    topic="Pam Beesly",
    difficulty="easy",
    type="choice",
    prompt="Which episode holds the first kiss?",
    answers=("Casino Night",),
    choices=("Casino Night", "Booze Cruise", "The Dundies"),
)

TRUE = Question(
    id="krasinski-every-episode",
    topic="John Krasinski",
    difficulty="medium",
    type="truefalse",
    prompt="The actor appears in every episode.",
    answers=("true",),
)

FALSE = Question(
    id="jim-skipped-wedding",
    topic="Dwight Schrute",
    difficulty="easy",
    type="truefalse",
    prompt="Jim stayed away from Dwight's wedding.",
    answers=("false",),
)

TEXT = Question(
    id="krasinski-surname",
    topic="John Krasinski",
    difficulty="hard",
    type="text",
    prompt="What is John's surname?",
    answers=("Krasinski",),
)

ORDER = Question(
    id="pam-milestones-order",
    topic="Pam Beesly",
    difficulty="medium",
    type="order",
    prompt="Put these moments in the order they happen.",
    answers=("The first kiss", "The proposal", "The wedding"),
    choices=("The wedding", "The first kiss", "The proposal"),
)

# A bank of 35 choice questions: 5 of each built-in topic, the difficulties taking turns.
BANK = tuple(
    Question(
        id=f"q{n:02d}",
        topic=BUILTIN_TOPICS[n % 7],
        difficulty=DIFFICULTIES[n % 3],
        type="choice",
        prompt=f"Question {n}?",
        answers=(f"right {n}",),
        choices=(f"right {n}", f"wrong {n}", f"other {n}", f"last {n}"),
    )
    for n in range(35)
)


def asked(question: Question) -> AskedQuestion:
    """`question` with its options in the order written."""
    return AskedQuestion(question, question.choices)


def two_player_party() -> Party:
    """Ann and Bob, two rounds: an easy question each, then a medium one each (Bob's an
    order question)."""
    plan = PartyPlan(
        ("easy", "medium"), ((asked(CHOICE), asked(TRUE)), (asked(FALSE), asked(ORDER)))
    )
    return Party(("Ann", "Bob"), plan, GameSettings(seed=1, party_id="p1"))
