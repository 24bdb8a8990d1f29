"""Where user data lives: `QUIZ_HOME`, or the platform's data folder."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path


def quiz_home() -> Path:
    """The folder for all user data."""
    configured = os.environ.get("QUIZ_HOME")
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("halpert-quiz", appauthor=False))


def make_private_dir(path: Path) -> None:
    """Create `path` and any missing parent as folders only the user may enter, whatever the umask."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        folder.chmod(0o700)


def user_bank_dir() -> Path:
    return quiz_home() / "bank"


def default_user_bank() -> Path:
    return user_bank_dir() / "user.toml"


def scores_db() -> Path:
    return quiz_home() / "scores.db"


def builtin_bank_dir() -> Path:
    """The packaged `questions/` folder, or the checkout's one in an editable install."""
    packaged = Path(str(resources.files("quiz") / "questions"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "questions"
