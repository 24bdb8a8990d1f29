"""`quiz bank import`: sort a JSON file's questions into new, duplicate and invalid."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from quiz import paths
from quiz.bank.drafting import similar_question, slug, unique_id
from quiz.bank.loader import UnreadableBankError, bank_files, load_files, origin_of, read_source
from quiz.bank.opentdb import Converted, from_opentdb, looks_like_opentdb
from quiz.bank.validation import FIELDS, check_question
from quiz.bank.writer import add_entries, check_target, writing
from quiz.errors import UsageError
from quiz.output import safe

MAX_IMPORT_BYTES = 64 * 1024 * 1024


@dataclass
class ImportReport:
    target: Path
    dry_run: bool
    imported: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    invalid: list[tuple[int, str]] = field(default_factory=list)
    cleaned: int = 0

    def lines(self) -> list[str]:
        verb = "Would import" if self.dry_run else "Imported"
        lines = [f"{verb} {len(self.imported)} question(s) into {self.target}"]
        if self.cleaned:
            lines.append(f"Removed terminal control characters from {self.cleaned} question(s)")
        for label, items in (("Skipped as duplicates", self.skipped), ("Invalid", self.invalid)):
            lines.append(f"{label}: {len(items)}")
            lines += [f"  #{index}: {reason}" for index, reason in items]
        if self.dry_run:
            lines.append("Dry run: nothing was written.")
        return lines


def _clean(value: object) -> object:
    """Text without the control characters a terminal would obey (the validator refuses them)."""
    if isinstance(value, str):
        return safe(value)
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


def _ours(data: object) -> list[Converted]:
    """Entries of a 'quiz bank export' file."""
    if not isinstance(data, list):
        raise UsageError("a 'quiz bank export' file holds a JSON list of questions")
    return [
        Converted(n, {k: v for k, v in item.items() if k in FIELDS}, "")
        if isinstance(item, dict)
        else Converted(n, None, "not a JSON object")
        for n, item in enumerate(data, start=1)
    ]


def _read(source: Path, fmt: str | None) -> list[Converted]:
    if not source.exists():
        raise UsageError(f"no such file: {source}")
    try:
        data = json.loads(read_source(source, MAX_IMPORT_BYTES))
    except UnreadableBankError as exc:
        raise UsageError(f"{source} {exc}") from exc
    except RecursionError:
        raise UsageError(f"{source} is nested too deeply to read; nothing was imported") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{source} is not valid JSON ({exc}); nothing was imported") from exc
    if fmt is None:
        if looks_like_opentdb(data):
            fmt = "opentdb"
        elif isinstance(data, list) and all(isinstance(i, dict) and "prompt" in i for i in data):
            fmt = "json"
        else:
            raise UsageError(
                f"{source} is neither Open Trivia DB JSON nor a 'quiz bank export' file"
            )
    if fmt == "json":
        return _ours(data)
    try:
        return from_opentdb(data)
    except ValueError as exc:
        raise UsageError(f"{source}: {exc}") from exc


def import_file(
    source: Path, fmt: str | None, target: Path | None, *, dry_run: bool
) -> ImportReport:
    """Import every new, valid question of `source` into `target` at once."""
    target = target or paths.default_user_bank()
    converted = _read(source, fmt)
    # Held from reading the target to writing it, so that a racing import or add is not lost.
    with contextlib.nullcontext() if dry_run else writing(target):
        return _import(converted, target, dry_run=dry_run)


def _import(converted: list[Converted], target: Path, *, dry_run: bool) -> ImportReport:
    check_target(target)
    origin = origin_of(target)
    pool = list(load_files(bank_files([target] if target.exists() else [])).questions)
    report = ImportReport(target, dry_run)
    accepted: list[dict[str, object]] = []
    for item in converted:
        if item.entry is None:
            report.invalid.append((item.index, item.problem))
            continue
        entry = {key: _clean(value) for key, value in item.entry.items()}
        cleaned = entry != item.entry
        prompt = entry.get("prompt")
        similar = similar_question(prompt, pool) if isinstance(prompt, str) else None
        if similar is not None:
            report.skipped.append((item.index, f"same as question {similar[0].id}"))
            continue
        given_id = entry.get("id")
        stem = given_id if isinstance(given_id, str) and given_id else slug(str(prompt or ""))
        entry["id"] = unique_id(stem, {q.id for q in pool})
        question, problems = check_question(entry, origin)
        if question is None:
            reasons = "; ".join(
                f"{p.field}: {p.message}" if p.field else p.message for p in problems
            )
            report.invalid.append((item.index, reasons))
            continue
        pool.append(question)
        accepted.append(entry)
        report.imported.append(question.id)
        report.cleaned += cleaned
    if accepted and not dry_run:
        add_entries(target, accepted)
    return report
