"""Tab in real bash, zsh and fish on a pty: a bank topic that is shell code runs nothing and
offers nothing but plain words (SPEC "Completion")."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pexpect
import pytest

from tests.hardening.hostile import hostile_home, quiz_env, sprung
from tests.hardening.proxy import Proxy

pytestmark = [pytest.mark.pty, pytest.mark.slow]

PLAIN_WORD = re.compile(r"[\w.-]+")
DONE = "all-done-here"

# How each shell starts bare, and learns quiz's completion.
SHELLS = {
    "bash": (["--norc", "--noprofile", "-i"], ['eval "$(quiz completion bash)"']),
    "zsh": (
        ["-f", "-i"],
        ["autoload -Uz compinit", "compinit -u", 'eval "$(quiz completion zsh)"'],
    ),
    "fish": (
        ["--no-config", "-i"],
        ["function fish_prompt; printf '$ '; end", "quiz completion fish | source"],
    ),
}


def worked_out(shell: str, n: int) -> str:
    """An `echo` whose output the shell works out, so it differs from the echo of the typing."""
    return f"echo {DONE}-" + (f"(math {n} + 1)" if shell == "fish" else f"$(({n} + 1))")


def shell_or_skip(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (.ci/run installs it with apt-get)")
    return found


def press_tab(shell: str, home: Path, line: str, cwd: Path) -> str:
    """Type `line` in a new interactive `shell`, press Tab twice, and return what it drew."""
    args, setup = SHELLS[shell]
    env = quiz_env(home, PS1="$ ", SHELL=shell_or_skip(shell))
    child = pexpect.spawn(
        shell_or_skip(shell), args, env=env, cwd=str(cwd), encoding="utf-8", dimensions=(40, 200),
        timeout=60,
    )  # fmt: skip
    try:
        for command in setup:
            child.sendline(command)
        # What the shell prints, not the echo of what was typed: the sum is worked out.
        child.sendline(worked_out(shell, 1))
        child.expect_exact(f"{DONE}-2\r\n")
        child.expect_exact("$ ")
        child.send(line + "\t\t")
        # Keys wait their turn behind the completer: clear the line, then say done.
        child.send("\x15")
        child.sendline(worked_out(shell, 2))
        child.expect_exact(f"{DONE}-3\r\n")
        return str(child.before)
    finally:
        child.sendline("exit")
        child.close(force=True)


@pytest.mark.parametrize("shell", list(SHELLS))
@pytest.mark.parametrize("command", ["play --topic", "practice --topic", "scores --topic"])
def test_a_hostile_topic_runs_nothing_and_is_not_offered(
    quiz_home: Path, tmp_path: Path, shell: str, command: str
) -> None:
    traps = tmp_path / "traps"
    traps.mkdir()
    hostile_home(quiz_home, traps)
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    (elsewhere / "globbed-file-name").write_text("")  # what `*` would become in bash
    drawn = press_tab(shell, quiz_home, f"quiz {command} ", elsewhere)
    assert sprung(traps) == []
    assert "Safe-word" in drawn
    for unsafe in ("globbed-file-name", "touch", "Evil"):
        assert unsafe not in drawn


def completions(home: Path, shell: str, line: str) -> list[str]:
    """The candidates quiz gives `shell` for `line` (the protocol its script speaks)."""
    env = quiz_env(home, _QUIZ_COMPLETE=f"complete_{shell}", _TYPER_COMPLETE_ARGS=line)
    if shell == "bash":
        words = line.split()
        env |= {"COMP_WORDS": line, "COMP_CWORD": str(len(words) - (not line.endswith(" ")))}
    if shell == "fish":
        env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    found = subprocess.run(["quiz"], env=env, capture_output=True, text=True, timeout=60)
    assert found.returncode == 0, found.stderr
    return [word for word in found.stdout.splitlines() if word]


@pytest.mark.parametrize(
    "line",
    ["quiz play --topic ", "quiz party --topic ", "quiz bank show ", "quiz scores --player "],
)
def test_every_candidate_is_a_plain_word(quiz_home: Path, tmp_path: Path, line: str) -> None:
    hostile_home(quiz_home, tmp_path)
    offered = completions(quiz_home, "bash", line)
    assert all(PLAIN_WORD.fullmatch(word) for word in offered), offered


def test_players_complete_from_this_computer_alone(
    quiz_home: Path, proxy: Proxy, via_proxy: dict[str, str]
) -> None:
    local = quiz_env(quiz_home)
    for name in ("Pam", "Pete", "P\u0430m Two", "Phyllis;rm"):
        played = subprocess.run(
            ["quiz", "play", "--plain", "--count", "1", "--player", name],
            input="\n", env=local, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert played.returncode == (2 if "\u0430" in name else 0), played.stderr
    proxy.go_silent()  # a server that never answers: Tab must not wait for it
    env = via_proxy | {"_QUIZ_COMPLETE": "complete_bash"}
    for line in ("quiz scores --player P", "quiz play --player P", "quiz share --player P"):
        env |= {"COMP_WORDS": line, "COMP_CWORD": str(len(line.split()) - 1)}
        found = subprocess.run(["quiz"], env=env, capture_output=True, text=True, timeout=60)
        assert found.stdout.split() == ["Pam", "Pete"], (line, found.stderr)
    assert proxy.accepted == 0
