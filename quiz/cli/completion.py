"""`quiz completion`: the script that teaches a shell to complete quiz's commands."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class Shell(StrEnum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


def completion(
    shell: Annotated[Shell, typer.Argument(metavar="SHELL", help="Your shell: bash, zsh or fish.")],
) -> None:
    """Print a completion script for your shell: commands, options, topics and question ids.

    \b
    Install it once, then open a new shell:
      bash: quiz completion bash >> ~/.bashrc
      zsh:  quiz completion zsh >> ~/.zshrc
      fish: quiz completion fish > ~/.config/fish/completions/quiz.fish
    """
    from quiz.cli.commands import COMPLETE_VAR
    from quiz.compat import completion_script

    print(completion_script("quiz", COMPLETE_VAR, shell.value))
