"""The bank cache: an unchanged file loads from its entry, anything else loads in full."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz import paths
from quiz.bank import cache
from quiz.bank.loader import load_bank, load_files, origin_of, read_bank_file
from quiz.models import Question
from tests.conftest import installed_quiz, write_bank

ONE = """[[questions]]
id = "pam-art"
topic = "Pam Beesly"
difficulty = "easy"
type = "truefalse"
prompt = "Pam goes to art school."
answers = ["true"]
"""
FORGED = Question("forged", "Pam Beesly", "easy", "truefalse", "Forged?", ("true",))


def entries() -> list[Path]:
    folder = paths.cache_dir() / "bank"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def forge(path: Path) -> None:
    """An entry for `path` as it is now, holding a question the file does not have."""
    cache.write(path, path.read_bytes(), origin_of(path), [FORGED], ["forged"])


@pytest.fixture
def user_file(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "mine", "pam.toml", ONE)


def test_a_clean_file_is_cached_and_its_entry_is_used(user_file: Path) -> None:
    first = read_bank_file(user_file)
    assert [q.id for q in first.questions] == ["pam-art"]
    assert len(entries()) == 1

    assert read_bank_file(user_file).questions == first.questions
    forge(user_file)  # proof that the entry is what the next load reads
    assert [q.id for q in read_bank_file(user_file).questions] == ["forged"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],  # torn write
        lambda blob: blob[:-1] + bytes([blob[-1] ^ 1]),  # one flipped bit in the payload
        lambda blob: b"\0" * len(blob),
        lambda blob: b"",
    ],
    ids=["truncated", "flipped-bit", "zeroed", "empty"],
)
def test_a_damaged_entry_is_a_full_load_and_is_rewritten(
    user_file: Path, damage: Callable[[bytes], bytes]
) -> None:
    forge(user_file)
    (entry,) = entries()
    entry.write_bytes(damage(entry.read_bytes()))

    assert [q.id for q in read_bank_file(user_file).questions] == ["pam-art"]
    assert [q.id for q in read_bank_file(user_file).questions] == ["pam-art"]
    assert cache.read(user_file, user_file.read_bytes(), origin_of(user_file)) is not None


def test_an_edit_that_keeps_size_and_modification_time_is_seen(user_file: Path) -> None:
    read_bank_file(user_file)
    before = user_file.stat()
    user_file.write_text(ONE.replace('"true"', '"fals"').replace("art school", "artschool "))
    os.utime(user_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert user_file.stat().st_size == before.st_size
    assert user_file.stat().st_mtime_ns == before.st_mtime_ns

    problems = [str(p) for p in read_bank_file(user_file).problems]

    assert problems == [
        f'{user_file}: question pam-art: field \'answers\': a truefalse question needs ["true"] or ["false"]'
    ]


def _another_library_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """rapidfuzz as if upgraded: its installed file looks different (a sibling module)."""
    monkeypatch.setattr(cache, "LIBRARIES", ("rapidfuzz.fuzz", "text_to_num"))


@pytest.mark.parametrize(
    "upgrade_what",
    [
        lambda upgrade: upgrade.setattr(cache, "__version__", "0.0.1"),
        lambda upgrade: upgrade.setattr("sys.version", "3.99.0 (another build)"),
        lambda upgrade: upgrade.setattr("unicodedata.unidata_version", "1.0.0"),
        _another_library_build,
    ],
    ids=["package", "python", "unicode-data", "library"],
)
def test_an_entry_from_another_version_is_not_used(
    user_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    upgrade_what: Callable[[pytest.MonkeyPatch], None],
) -> None:
    with monkeypatch.context() as upgrade:
        upgrade_what(upgrade)
        cache.code_stamp.cache_clear()
        forge(user_file)
    cache.code_stamp.cache_clear()

    assert [q.id for q in read_bank_file(user_file).questions] == ["pam-art"]


def test_the_stamp_holds_the_libraries_installed_files() -> None:
    """Library versions come from their installed files' stats: cheap at start-up."""
    stamp = cache.code_stamp()
    names = [name for name, _, _ in stamp[-1]]
    assert names[-2:] == ["rapidfuzz", "text_to_num"]
    assert all(size > 0 for _, size, _ in stamp[-1])


def test_an_entry_for_another_origin_is_not_used(
    user_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    forge(user_file)
    # The same file seen as part of the built-in bank is checked by the built-in rules.
    monkeypatch.setattr(paths, "builtin_bank_dir", lambda: user_file.parent)
    problems = [p.field for p in read_bank_file(user_file).problems]
    assert problems == ["explanation", "source"]


def test_a_file_with_problems_is_not_cached_and_is_reported_every_time(tmp_path: Path) -> None:
    broken = write_bank(tmp_path, "broken.toml", ONE.replace('"easy"', '"expert"'))
    for _ in range(2):
        assert [p.field for p in read_bank_file(broken).problems] == ["difficulty"]
    assert entries() == []


def test_clashes_between_cached_files_are_still_found(tmp_path: Path) -> None:
    first = write_bank(tmp_path, "a.toml", ONE)
    second = write_bank(tmp_path, "b.toml", ONE.replace("pam-art", "pam-art-again"))
    for _ in range(2):  # a full load, then both files from the cache
        bank = load_files([first, second])
        assert [q.id for q in bank.questions] == ["pam-art"]
        assert [str(p) for p in bank.problems] == [
            f"{second}: question pam-art-again: field 'prompt': same prompt as question pam-art in {first}"
        ]
    assert len(entries()) == 2


def test_an_unwritable_cache_folder_changes_nothing(user_file: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes through read-only folders")
    paths.cache_dir().mkdir(parents=True)
    paths.cache_dir().chmod(0o500)
    try:
        assert [q.id for q in read_bank_file(user_file).questions] == ["pam-art"]
        assert [q.id for q in read_bank_file(user_file).questions] == ["pam-art"]
    finally:
        paths.cache_dir().chmod(0o700)
    assert entries() == []


def test_a_cache_path_that_cannot_be_a_folder_changes_nothing(
    user_file: Path, quiz_home: Path
) -> None:
    quiz_home.mkdir(parents=True)
    (quiz_home / "cache").write_text("not a folder")
    for _ in range(2):
        assert [q.id for q in read_bank_file(user_file).questions] == ["pam-art"]
    assert (quiz_home / "cache").read_text() == "not a folder"


def test_the_builtin_bank_from_the_cache_is_the_bank(quiz_home: Path) -> None:
    fresh = load_bank(user=False)
    assert len(entries()) == len(list(paths.builtin_bank_dir().glob("*.toml")))
    cached = load_bank(user=False)
    assert cached == fresh
    assert all(q.is_builtin for q in cached.questions)


def test_the_installed_command_lists_the_same_bank_twice(quiz_home: Path) -> None:
    env = {**os.environ, "QUIZ_HOME": str(quiz_home)}
    runs = [
        subprocess.run(
            [installed_quiz(), "bank", "list", "--json"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    assert entries()
