"""`quiz add` on a terminal: asks for each field, checks it as it is typed, previews, writes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from quiz.bank.drafting import build_entry, reasons_to_refuse, slug, unique_id
from quiz.bank.validation import MAX_OPTIONS, MAX_ORDER_ITEMS, MIN_ORDER_ITEMS, check_question
from quiz.bank.writer import add_entries
from quiz.models import DIFFICULTIES, Question
from quiz.output import console, safe
from quiz.terminal import prompts

ANSWERS = ("answers",)
OPTIONS = ("answers", "choices")
# Loader messages that only mean "not finished yet" while options are still being typed.
UNFINISHED = ("needs at least one wrong option", "needs 2-6 options", "needs 3-6 items")

TYPE_TITLES = {
    "choice": "choice - one right answer among options",
    "truefalse": "truefalse - a statement that is true or false",
    "text": "text - the player types the answer",
    "multi": "multi - select all that apply",
    "order": "order - put 3 to 6 items in the right order",
}


@dataclass
class Draft:
    """What is known of the question so far (from flags, then from the answers)."""

    qtype: str = ""
    topic: str = ""
    difficulty: str = ""
    prompt: str = ""
    answers: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    explanation: str = ""
    source: str = ""
    question_id: str = ""

    def entry(self) -> dict[str, object]:
        return build_entry(
            qtype=self.qtype,
            topic=self.topic,
            difficulty=self.difficulty,
            prompt=self.prompt,
            answers=self.answers,
            wrong=self.wrong,
            explanation=self.explanation,
            source=self.source,
            question_id=self.question_id,
        )


class Wizard:
    def __init__(self, target: Path, origin: str, questions: list[Question], force: bool) -> None:
        self.target, self.origin, self.questions, self.force = target, origin, questions, force

    def _checker(
        self, draft: Draft, attr: str, fields: tuple[str, ...]
    ) -> Callable[[str], bool | str]:
        """A validator giving the loader's own message for `fields` once the text is in.

        Problems that only say the question is not finished yet are not held against it.
        """

        def check(text: str) -> bool | str:
            candidate = replace(draft)
            current = getattr(draft, attr)
            setattr(candidate, attr, [*current, text] if isinstance(current, list) else text)
            entry = candidate.entry()
            entry["id"] = entry["id"] or "draft"
            if fields == ("prompt",):
                reasons = reasons_to_refuse(entry, self.origin, self.questions, force=self.force)
                found = [r.removeprefix("prompt: ") for r in reasons if r.startswith("prompt:")]
                return found[0] if found else True
            _, problems = check_question(entry, self.origin)
            found_problem = (
                p.message
                for p in problems
                if p.field in fields and not any(u in p.message for u in UNFINISHED)
            )
            return next(found_problem, True)

        return check

    def _collect(
        self, draft: Draft, label: str, attr: str, fields: tuple[str, ...], least: int, most: int
    ) -> list[str]:
        """Entries one per prompt into `draft.<attr>`: an empty line ends once `least` are
        in, and the list closes by itself at `most`."""
        items: list[str] = getattr(draft, attr)
        check_item = self._checker(draft, attr, fields)
        while len(items) < most:
            done = len(items) >= least

            def check(text: str, done: bool = done) -> bool | str:
                if not text.strip():
                    return done or f"At least {least} needed."
                return check_item(text)

            text = prompts.write(
                f"{label} #{len(items) + 1}:",
                validate=check,
                instruction="(empty line: done)" if done else None,
            )
            if not text:
                break
            items.append(text)
        return items

    def _write_one(self, draft: Draft, label: str, attr: str, fld: str) -> str:
        return prompts.write(label, validate=self._checker(draft, attr, (fld,)))

    def ask(self, draft: Draft) -> Draft:
        draft.qtype = draft.qtype or prompts.pick(
            "Question type:", [(title, t) for t, title in TYPE_TITLES.items()]
        )
        topics = sorted({q.topic for q in self.questions})
        draft.topic = prompts.write(
            "Topic (Tab completes; a new one is fine):",
            default=draft.topic,
            suggestions=topics,
            validate=self._checker(draft, "topic", ("topic",)),
        )
        draft.difficulty = draft.difficulty or prompts.pick(
            "Difficulty:", [(d, d) for d in DIFFICULTIES]
        )
        draft.prompt = prompts.write(
            "Question:", default=draft.prompt, validate=self._checker(draft, "prompt", ("prompt",))
        )
        if draft.qtype == "truefalse":
            draft.answers = [
                prompts.pick("The statement is:", [("True", "true"), ("False", "false")])
            ]
        elif draft.qtype == "text":
            draft.answers = self._collect(draft, "Accepted answer", "answers", ANSWERS, 1, 20)
            draft.wrong = self._collect(draft, "Look-alike to refuse", "wrong", ("reject",), 0, 20)
        elif draft.qtype == "order":
            draft.answers = self._collect(
                draft,
                "Item, in the right order",
                "answers",
                OPTIONS,
                MIN_ORDER_ITEMS,
                MAX_ORDER_ITEMS,
            )
        elif draft.qtype == "choice":
            draft.answers = []
            draft.answers = [self._write_one(draft, "Right answer:", "answers", "answers")]
            draft.wrong = self._collect(draft, "Wrong option", "wrong", OPTIONS, 1, MAX_OPTIONS - 1)
        else:
            most = MAX_OPTIONS - 1  # room for one wrong option at least
            draft.answers = self._collect(draft, "Right option", "answers", OPTIONS, 1, most)
            room = MAX_OPTIONS - len(draft.answers)
            draft.wrong = self._collect(draft, "Wrong option", "wrong", OPTIONS, 1, room)
        draft.explanation = prompts.write(
            "Explanation shown after answering:",
            default=draft.explanation,
            validate=self._checker(draft, "explanation", ("explanation",)),
        )
        draft.source = prompts.write(
            "Source (where the fact comes from):",
            default=draft.source,
            validate=self._checker(draft, "source", ("source",)),
        )
        return draft

    def run(self, first: Draft) -> list[str]:
        """Ask, preview, confirm and write questions until the user stops; the ids added."""
        from quiz.terminal.render_bank import question_card

        added: list[str] = []
        draft = first
        while True:
            draft = self.ask(draft)
            taken = {q.id for q in self.questions}
            draft.question_id = draft.question_id or unique_id(slug(draft.prompt), taken)
            entry = draft.entry()
            question, problems = check_question(entry, self.origin)
            reasons = reasons_to_refuse(entry, self.origin, self.questions, force=self.force)
            out = console()
            if question is None or reasons:
                out.print("Cannot add it:", style="bold red")
                for reason in reasons or [str(p) for p in problems]:
                    out.print(safe(f"  {reason}"), markup=False)
            else:
                out.print(question_card(question))
                if prompts.confirm("Add this question?", default=True):
                    add_entries(self.target, [entry])
                    self.questions.append(question)
                    added.append(question.id)
                    out.print(
                        safe(f"Added {question.id} to {self.target}"), markup=False, soft_wrap=True
                    )
            if not prompts.confirm("Add another?", default=False):
                return added
            draft = Draft()
