"""The one game runner in-process: a game's and a party's time from the runner's clock (a fake
one here), Ctrl-C and end of input in the party's words, notices before the first question."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from prompt_toolkit.input import PipeInput

from quiz.cli.game_runner import party_stopping, play_game, play_party, stopping
from quiz.engine.game import Game
from quiz.errors import AbortedError, QuizError
from quiz.models import GameSettings
from tests.keys import CTRL_C
from tests.samples import CHOICE, FALSE, asked, two_player_party


def fake_clock(readings: list[float]) -> Iterator[float]:
    """The clock's readings in turn; the test fails if the runner reads it more often."""
    yield from readings


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """Plain mode's input, filled in by the test."""
    stream = io.StringIO()
    monkeypatch.setattr("sys.stdin", stream)
    return stream


def test_each_player_is_timed_by_their_own_turns(stdin: io.StringIO) -> None:
    stdin.write("1\ntrue\n\n2,3,1\n")
    stdin.seek(0)
    # Turns of 1, 2, 3 and 4 seconds: Ann plays the first and third, Bob the others.
    clock = fake_clock([0, 1, 1, 3, 3, 6, 6, 10])
    party = two_player_party()
    ann, bob = play_party(party, plain=True, clock=clock.__next__)
    assert (ann.player, ann.duration_s, ann.score) == ("Ann", 4.0, 500)
    assert (bob.player, bob.duration_s, bob.score) == ("Bob", 6.0, 1000)
    assert ann.started_at == bob.started_at
    assert ann.settings.party_id == bob.settings.party_id == "p1"
    assert [len(r.records) for r in (ann, bob)] == [2, 2]


def test_a_game_is_timed_by_its_turns_and_its_notices_come_first(
    stdin: io.StringIO, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin.write("1\nfalse\n")
    stdin.seek(0)
    game = Game([asked(CHOICE), asked(FALSE)], GameSettings(seed=1, count=2))
    clock = fake_clock([10, 12.5, 20, 21])
    result = play_game(game, "Jim", plain=True, notices=["Only 2 questions."], clock=clock.__next__)
    assert (result.player, result.duration_s, result.correct) == ("Jim", 3.5, 2)
    out, err = capsys.readouterr()
    assert err == "Only 2 questions.\n"
    assert out.startswith("Question 1/2 [Pam Beesly, easy]\n")


def test_input_ending_mid_party_is_an_error_in_the_partys_words(stdin: io.StringIO) -> None:
    stdin.write("1\n")
    stdin.seek(0)
    with pytest.raises(QuizError) as stopped:
        play_party(two_player_party(), plain=True)
    assert str(stopped.value) == "input ended before the party was over; nothing was saved"


def test_ctrl_c_on_a_terminal_aborts_the_party(
    keys: PipeInput, capsys: pytest.CaptureFixture[str]
) -> None:
    keys.send_text(CTRL_C)
    party = two_player_party()
    with pytest.raises(AbortedError) as stopped:
        play_party(party, plain=False)
    assert str(stopped.value) == "Party aborted; nothing was saved."
    assert "Pass the keyboard to Ann" in capsys.readouterr().out
    assert not any(game.records for game in party.games)


def test_a_stopping_inside_another_leaves_the_words_to_the_outer_one() -> None:
    with pytest.raises(AbortedError) as stopped, party_stopping(), stopping():
        raise KeyboardInterrupt
    assert str(stopped.value) == "Party aborted; nothing was saved."
    with pytest.raises(QuizError) as ended, stopping():
        raise EOFError
    assert str(ended.value) == "input ended before the last answer; nothing was saved"
