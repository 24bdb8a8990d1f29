"""`quiz bank import`: sort a file's questions into new, duplicate and invalid, in one pass."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quiz import paths
from quiz.bank.cleaning import clean_entry
from quiz.bank.drafting import slug, unique_id
from quiz.bank.formats import Item, read_items
from quiz.bank.formats.plain import without_labels
from quiz.bank.loader import bank_files, load_files, origin_of
from quiz.bank.validation import FIELDS, check_question
from quiz.bank.writer import check_target, plan_additions, write_planned, writing
from quiz.textmatch import normalise

SHOWN = 5  # skipped and invalid items listed without --verbose
Progress = Callable[[int, int], None]  # (items done, items in all)


@dataclass
class ImportReport:
    target: Path
    fmt: str
    dry_run: bool
    imported: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (where, why)
    invalid: list[tuple[str, str]] = field(default_factory=list)
    cleaned: list[str] = field(default_factory=list)  # where invisible characters were dropped
    spilled: list[tuple[Path, int]] = field(default_factory=list)  # further files, questions
    notes: list[str] = field(default_factory=list)  # what the reader or the import chose

    def lines(self, *, verbose: bool = False) -> list[str]:
        verb = "Would import" if self.dry_run else "Imported"
        total = len(self.imported) + len(self.skipped) + len(self.invalid)
        lines = [
            f"{verb} {len(self.imported)} of {total} question(s) ({self.fmt}) into {self.target}"
        ]
        lines += self.notes
        for label, items in (("Skipped as duplicates", self.skipped), ("Invalid", self.invalid)):
            lines.append(f"{label}: {len(items)}")
            shown = items if verbose else items[:SHOWN]
            lines += [f"  {where}: {reason}" for where, reason in shown]
            if len(items) > len(shown):
                lines.append(f"  ... and {len(items) - len(shown)} more (--verbose lists them all)")
        if self.cleaned:
            where = ", ".join(self.cleaned if verbose else self.cleaned[:SHOWN])
            more = "" if verbose or len(self.cleaned) <= SHOWN else ", ..."
            lines.append(
                f"Invisible or control characters dropped, odd spaces made plain,"
                f" in {len(self.cleaned)} question(s): {where}{more}"
            )
        if self.spilled:
            verb = "would go" if self.dry_run else "went"
            files = ", ".join(f"{path} ({count})" for path, count in self.spilled)
            moved = sum(count for _, count in self.spilled)
            lines.append(
                f"{self.target.name} would grow too big for one bank file, so {moved}"
                f" question(s) {verb} into further files: {files}"
            )
            if self.target.parent != paths.user_bank_dir():
                lines.append(f"Play them all with --bank {self.target.parent}")
        if self.dry_run:
            lines.append("Dry run: nothing was written.")
        return lines


def tidy(entry: dict[str, object]) -> dict[str, object]:
    """The entry in field order, without the empty lists of fields its type does not use."""
    return {
        key: entry[key]
        for key in FIELDS
        if key in entry and not (key in ("choices", "reject") and entry[key] == [])
    }


def import_file(
    source: Path,
    fmt: str | None,
    target: Path | None,
    *,
    dry_run: bool,
    progress: Progress | None = None,
    encoding: str | None = None,
    columns: dict[str, list[str]] | None = None,
) -> ImportReport:
    """Import every new, valid question of `source` into `target` at once.

    A duplicate is a question whose normalised prompt is already in the bank or earlier in
    the file: the same rule the validator applies, checked against a set, so the whole
    import takes one pass over the file."""
    target = target or paths.default_user_bank()
    reading = read_items(source, fmt, encoding=encoding, columns=columns)
    # Held from reading the target to writing it, so that a racing import or add is not lost.
    with contextlib.nullcontext() if dry_run else writing(target):
        report = _import(reading.fmt, reading.items, target, dry_run=dry_run, progress=progress)
    report.notes = reading.notes
    return report


def _import(
    fmt_name: str,
    items: Sequence[Item],
    target: Path,
    *,
    dry_run: bool,
    progress: Progress | None,
) -> ImportReport:
    check_target(target)
    origin = origin_of(target)
    spills = sorted(target.parent.glob("import-*.toml")) if target.parent.is_dir() else []
    bank = load_files(bank_files([target, *spills] if target.exists() else spills)).questions
    prompts = {normalise(q.prompt): q.id for q in bank}
    ids = {q.id for q in bank}
    report = ImportReport(target, fmt_name, dry_run)
    accepted: list[dict[str, object]] = []
    for done, item in enumerate(items, start=1):
        if progress is not None:
            progress(done, len(items))
        if item.entry is None:
            report.invalid.append((item.where, item.problem))
            continue
        entry, cleaned = clean_entry(without_labels(item.entry))
        prompt = entry.get("prompt")
        key = normalise(prompt) if isinstance(prompt, str) else ""
        if key and key in prompts:
            report.skipped.append((item.where, f"same as question {prompts[key]}"))
            continue
        given_id = entry.get("id")
        stem = given_id if isinstance(given_id, str) and given_id else slug(str(prompt or ""))
        entry["id"] = unique_id(stem, ids)
        entry = tidy(entry)
        question, problems = check_question(entry, origin)
        if question is None:
            reasons = "; ".join(
                f"{p.field}: {p.message}" if p.field else p.message for p in problems
            )
            report.invalid.append((item.where, reasons))
            continue
        if cleaned:
            report.cleaned.append(item.where)
        prompts[key] = question.id
        ids.add(question.id)
        accepted.append(entry)
        report.imported.append(question.id)
    if accepted:
        # The dry run plans and checks the files as the real import does; only writing differs.
        planned = plan_additions(target, accepted, spill=True)
        report.spilled = [(one.path, one.added) for one in planned if one.path != target]
        if not dry_run:
            write_planned(planned)
    return report
