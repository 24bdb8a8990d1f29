"""The one plain loop and the one interactive loop, in-process: a single game's turns and a
party's, with what each shows around its turns (the party's rounds, hand-overs and podium)."""

from __future__ import annotations

import io

import pytest
from prompt_toolkit.input import PipeInput
from rich.console import Console

from quiz.engine.game import Game
from quiz.engine.survival import Survival
from quiz.engine.turns import Turn, game_turns, party_turns
from quiz.models import GameSettings
from quiz.terminal.interactive import play_interactive
from quiz.terminal.party_interactive import PartyScreens
from quiz.terminal.party_plain import PartyLines
from quiz.terminal.plain import LineReader, play_plain
from tests.keys import CTRL_C, ENTER, right_keys, skip_keys
from tests.samples import CHOICE, FALSE, ORDER, TRUE, asked, two_player_party


def test_the_turns_of_a_party_go_round_by_round_in_player_order() -> None:
    party = two_player_party()
    seen = []
    for turn in party_turns(party):
        seen.append((turn.player, turn.number, turn.total, turn.game.current.question.id))
        turn.game.answer((), 1.0)
    assert seen == [
        ("Ann", 1, 2, CHOICE.id),
        ("Bob", 1, 2, FALSE.id),
        ("Ann", 2, 2, TRUE.id),
        ("Bob", 2, 2, ORDER.id),
    ]


def test_a_survival_game_has_no_turn_after_its_last_life() -> None:
    game = Survival([asked(CHOICE), asked(FALSE), asked(TRUE)], GameSettings(seed=1, lives=1))
    turns = []
    for turn in game_turns(game):
        turns.append(turn)
        game.answer((), 1.0)  # a skip costs the only life
    assert turns == [Turn(game, 1, 3)]


PARTY_TRANSCRIPT = """\
Party of 2: Ann, Bob; 2 rounds

Round 1 of 2 (easy)

Question 1/2 [Pam Beesly, easy] for Ann
Which episode holds the first kiss?
1) Casino Night
2) Booze Cruise
3) The Dundies
Type the option's number or text; an empty line skips.
>
Correct! +500 points. Streak: 1.

Question 1/2 [Dwight Schrute, easy] for Bob
Jim stayed away from Dwight's wedding.
Type true or false (t/f, yes/no, y/n); an empty line skips.
>
Wrong. The answer is False.

Standings after round 1:
1st Ann: 500 (1/1 correct)
2nd Bob: 0 (0/1 correct)

Round 2 of 2 (medium)

Question 2/2 [John Krasinski, medium] for Ann
The actor appears in every episode.
Type true or false (t/f, yes/no, y/n); an empty line skips.
>
Skipped. The answer is True.

Question 2/2 [Pam Beesly, medium] for Bob
Put these moments in the order they happen.
1) The wedding
2) The first kiss
3) The proposal
Type every number once, in the right order, separated by commas; an empty line skips.
>
Correct! +1,000 points. Streak: 1.

Podium:
1st Bob: 1000 (1/2 correct)
2nd Ann: 500 (1/2 correct)

Final score: 1000 (1/2 correct) for Bob
Final score: 500 (1/2 correct) for Ann
"""


def test_a_plain_party_is_the_plain_loop_with_the_party_lines_around_it() -> None:
    party, out = two_player_party(), io.StringIO()
    reader = LineReader(io.StringIO("1\ntrue\n\n2,3,1\n"))
    play_plain(party_turns(party), reader, out, PartyLines(party))
    assert out.getvalue() == PARTY_TRANSCRIPT.replace("\n>\n", "\n> \n")  # the prompt, answered
    assert party.finished


def test_input_ending_mid_party_stops_the_plain_loop_after_the_header() -> None:
    party, out = two_player_party(), io.StringIO()
    with pytest.raises(EOFError):
        play_plain(party_turns(party), LineReader(io.StringIO("1\n")), out, PartyLines(party))
    assert out.getvalue().endswith("Question 1/2 [Dwight Schrute, easy] for Bob\n" + (
        "Jim stayed away from Dwight's wedding.\n"
        "Type true or false (t/f, yes/no, y/n); an empty line skips.\n> \n"
    ))  # fmt: skip
    assert "Standings" not in out.getvalue() and "Podium" not in out.getvalue()


def test_a_single_plain_game_has_nothing_around_its_questions_but_the_lives_tag() -> None:
    game, out = (
        Survival([asked(CHOICE), asked(FALSE)], GameSettings(seed=1, lives=2)),
        io.StringIO(),
    )
    play_plain(game_turns(game), LineReader(io.StringIO("2\n\n")), out)
    headers = [line for line in out.getvalue().splitlines() if line.startswith("Question")]
    assert headers == [
        "Question 1/2 [Pam Beesly, easy] (2 lives left)",
        "Question 2/2 [Dwight Schrute, easy] (1 life left)",
    ]
    assert out.getvalue().endswith("Skipped. The answer is False.\n\n")


def recording() -> Console:
    return Console(record=True, width=80, file=io.StringIO(), color_system=None)


def test_a_party_on_a_terminal_hands_over_between_turns_and_ends_on_the_podium(
    keys: PipeInput,
) -> None:
    party, console = two_player_party(), recording()
    for r in range(2):
        for p in range(2):
            question = party.plan.questions[p][r]
            answer = right_keys(question) if p == 0 else skip_keys(question)
            keys.send_text(ENTER + answer + ENTER)  # ready, the answer, hide it
    play_interactive(party_turns(party), console, ["Only enough questions"], PartyScreens(party))
    screen = console.export_text()
    hand_overs = [line.strip("┃ ") for line in screen.splitlines() if "Pass the keyboard" in line]
    assert hand_overs == [f"Pass the keyboard to {name}" for name in ("Ann", "Bob") * 2]
    assert screen.count("Round 1 of 2  ·  easy for everyone") == 2
    assert screen.count("Standings after round 1") == 1
    assert screen.index("Pass the keyboard to Bob") < screen.index("Standings after round 1")
    assert screen.count("Only enough questions") == 2  # the first question, asked and revealed
    assert screen.rindex("Only enough questions") < screen.index("Pass the keyboard to Bob")
    assert screen.count("✓ Correct!") == 2 and screen.count("↷ Skipped") == 2
    podium = screen[screen.index("Podium") :]
    assert "Ann wins!" in podium and "Final standings after 2 rounds" in podium
    assert party.finished


def test_ctrl_c_at_a_hand_over_stops_the_interactive_loop(keys: PipeInput) -> None:
    party, console = two_player_party(), recording()
    keys.send_text(CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        play_interactive(party_turns(party), console, (), PartyScreens(party))
    assert "Pass the keyboard to Ann" in console.export_text()
    assert not party.games[0].records


def test_a_single_game_on_a_terminal_shows_its_notices_on_the_first_question_only(
    keys: PipeInput,
) -> None:
    game, console = Game([asked(CHOICE), asked(FALSE)], GameSettings(seed=1)), recording()
    keys.send_text(right_keys(game.asked[0]) + ENTER + right_keys(game.asked[1]) + ENTER)
    play_interactive(game_turns(game), console, ["Daily challenge"])
    screen = console.export_text()
    assert screen.count("Daily challenge") == 2  # the first question, asked and revealed
    assert screen.rindex("Daily challenge") < screen.index(FALSE.prompt)
    assert screen.count("✓ Correct!") == 2 and "Pass the keyboard" not in screen
