"""What quiz.compat relies on in private APIs of typer, pinned against public behaviour;
and that no other module of quiz calls a private API of Rich."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from quiz import compat

PRIVATE_RICH = re.compile(r"rich\._|\._calculate_column_widths|_extra_width|divide_line")


def test_click_errors_are_the_ones_typer_raises() -> None:
    assert issubclass(compat.UsageError, compat.ClickException)
    assert issubclass(compat.BadParameter, compat.UsageError)
    assert issubclass(compat.NoArgsIsHelpError, compat.UsageError)
    assert hasattr(compat.ParamType, "convert")


def test_completion_script_names_the_program_and_its_variable() -> None:
    compat.register_completion_shells()
    script = compat.completion_script("quiz", "_QUIZ_COMPLETE", "bash")
    assert "_QUIZ_COMPLETE" in script
    assert "quiz" in script


def test_no_module_calls_a_private_rich_api() -> None:
    package = Path(compat.__file__).parent
    calls = [
        f"{path.relative_to(package)}: {line.strip()}"
        for path in sorted(package.rglob("*.py"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if PRIVATE_RICH.search(line)
    ]
    assert calls == []


def test_the_tables_load_no_typer() -> None:
    """The scores and bank tables run where typer is not loaded."""
    code = "import sys, quiz.terminal.table_stream; print('typer' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout == "False\n"
