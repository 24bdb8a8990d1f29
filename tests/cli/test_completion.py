"""`quiz completion`: scripts that a real shell sources, completing commands, topics and ids."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import installed_quiz


def env(home: Path) -> dict[str, str]:
    return {
        "QUIZ_HOME": str(home),
        "PATH": f"{Path(installed_quiz()).parent}:/usr/bin:/bin",
        "LANG": "C.UTF-8",
    }


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_prints_a_script_for_each_shell(quiz_home: Path, shell: str) -> None:
    result = subprocess.run(
        [installed_quiz(), "completion", shell], capture_output=True, text=True, env=env(quiz_home)
    )
    assert result.returncode == 0, result.stderr
    assert "_QUIZ_COMPLETE" in result.stdout
    assert "quiz" in result.stdout


def test_unknown_shell_is_a_usage_error(quiz_home: Path) -> None:
    result = subprocess.run(
        [installed_quiz(), "completion", "tcsh"], capture_output=True, text=True, env=env(quiz_home)
    )
    assert result.returncode == 2
    assert result.stderr == (
        "Error: 'tcsh' is not one of 'bash', 'zsh', 'fish' (see 'quiz completion --help')\n"
    )


def complete_in_bash(home: Path, *words: str) -> list[str]:
    """Source the script in a real bash, complete the last word, and return what it offers."""
    bash = shutil.which("bash")
    assert bash is not None
    line = " ".join(f"'{w}'" for w in words)
    script = (
        'eval "$(quiz completion bash)"\n'
        f"COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}\n"
        "_quiz_completion quiz\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    result = subprocess.run(
        [bash, "--norc", "-c", script], capture_output=True, text=True, env=env(home), check=True
    )
    return result.stdout.splitlines()


def test_bash_completes_commands_options_topics_and_ids(quiz_home: Path) -> None:
    assert complete_in_bash(quiz_home, "quiz", "pl") == ["play"]
    assert "share" in complete_in_bash(quiz_home, "quiz", "")
    assert complete_in_bash(quiz_home, "quiz", "bank", "sh") == ["show"]
    assert complete_in_bash(quiz_home, "quiz", "play", "--time") == ["--time-limit"]
    assert complete_in_bash(quiz_home, "quiz", "play", "--difficulty", "h") == ["hard"]
    assert complete_in_bash(quiz_home, "quiz", "play", "--topic", "Ka") == ["Karen", "Katy"]
    assert complete_in_bash(quiz_home, "quiz", "play", "--topic", "Dw") == ["Dwight"]
    assert complete_in_bash(quiz_home, "quiz", "play", "--topic", "Sch") == ["Schrute"]
    topics = complete_in_bash(quiz_home, "quiz", "play", "--topic", "")
    assert topics == ["Dwight", "Jim", "John", "Karen", "Katy", "Michael", "Pam"]  # one a topic
    ids = complete_in_bash(quiz_home, "quiz", "bank", "show", "pam-kiss")
    assert ids and all(i.startswith("pam-kiss") for i in ids)
    assert "pam-kiss-episode" in ids


def test_your_own_questions_complete_too(quiz_home: Path) -> None:
    added = subprocess.run(
        [installed_quiz(), "add", "--type", "truefalse", "--topic", "Creed Bratton",
         "--difficulty", "easy", "--prompt", "Creed's age is a mystery.", "--answer", "true",
         "--id", "creed-age-mystery"],
        capture_output=True, text=True, env=env(quiz_home),
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert complete_in_bash(quiz_home, "quiz", "bank", "remove", "creed") == ["creed-age-mystery"]
    assert complete_in_bash(quiz_home, "quiz", "scores", "--topic", "Cr") == ["Creed"]


def test_a_topic_without_a_plain_naming_word_is_not_offered(quiz_home: Path) -> None:
    for topic, prompt in (("Rock & Roll", "Jim likes rock."), ("Dundie's", "Jim won one.")):
        added = subprocess.run(
            [installed_quiz(), "add", "--type", "truefalse", "--topic", topic,
             "--difficulty", "easy", "--prompt", prompt, "--answer", "true"],
            capture_output=True, text=True, env=env(quiz_home),
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
    offered = complete_in_bash(quiz_home, "quiz", "play", "--topic", "")
    assert "Rock" in offered  # names Rock & Roll alone; `&` and `Dundie's` are never offered
    assert not [word for word in offered if not word.replace("-", "").isalnum()]


def test_players_complete_from_the_local_score_file_only(quiz_home: Path) -> None:
    assert complete_in_bash(quiz_home, "quiz", "stats", "--player", "") in ([], [""])
    assert not (quiz_home / "scores.db").exists()  # a Tab creates nothing
    for name in ("Jim", "jan", "Pam Beesly"):
        played = subprocess.run(
            [installed_quiz(), "play", "--plain", "--count", "1", "--player", name],
            input="\n", capture_output=True, text=True, env=env(quiz_home),
        )  # fmt: skip
        assert played.returncode == 0, played.stderr
    for command in (["stats"], ["scores"], ["play"], ["practice"], ["party"]):
        assert complete_in_bash(quiz_home, "quiz", *command, "--player", "J") == ["Jim"]
    assert complete_in_bash(quiz_home, "quiz", "share", "--player", "") == ["Jim", "jan"]
