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
    from typer._completion_shared import get_completion_script

    from quiz.cli.app import COMPLETE_VAR

    print(get_completion_script(prog_name="quiz", complete_var=COMPLETE_VAR, shell=shell.value))
