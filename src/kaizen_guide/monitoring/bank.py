"""The review's questions (``question_banks/monitoring/review.yaml``), loaded and validated at load.

Problems are reported together with file and line (like the interview banks): unknown `each`,
field types, `when` keys, checklist stages, and prompt placeholders that the item does not give.
Fields reuse the interview's :class:`~kaizen_guide.banks.models.SubField` so parsing and display
go through the same ``engine.values`` code.
"""

from __future__ import annotations

import string
import typing
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kaizen_guide.banks import BankError, BankProblem
from kaizen_guide.banks.models import SubField
from kaizen_guide.banks.yaml_loaders import LineLoader

REVIEW_FILE = Path("monitoring") / "review.yaml"

Each = Literal["prior_action", "actual_line", "segment", "miss", "next_action", "plan_action"]
"""What a review step goes through: one question set per prior action, actual line, segment …"""
EACH_KINDS: tuple[Each, ...] = typing.get_args(Each)

COMMON = {"month_text", "next_month_text", "next_span", "company"}
PLACEHOLDERS: dict[str, set[str]] = {
    "prior_action": COMMON | {"text", "owner", "due", "target", "from_month_text"},
    "actual_line": COMMON | {"label", "plan", "help", "example"},
    "segment": COMMON | {"name", "unit", "plan_quantity", "plan_sales"},
    "miss": COMMON | {"label", "explanation", "plan", "actual", "diff"},
    "next_action": COMMON | {"purpose", "due_example", "n"},
    "plan_action": COMMON
    | {"id", "title", "owner", "start", "due", "derived_label", "kpi", "kpi_target", "kpi_unit", "effect_text"},
}
"""Prompt/help/example placeholders each kind of item fills."""

CONTEXT_FLAGS = {"multi_segment", "enough_actions", "has_kpi"}
"""`when` keys that are not fields: multi_segment (the plan has several 売上区分),
enough_actions (the minimum number of 次月アクション is reached), has_kpi (the plan action has a KPI)."""

DEFAULT_SOURCES = {"derived_status"}
"""`default_from`: what an empty answer means (derived_status: the status the action's dates give)."""

CHOICE_SOURCES = {"measures_and_actions"}


class ReviewField(SubField):
    """One question of a review item (a SubField plus `when` and `check_with`)."""

    when: dict[str, list[Any]] = Field(default_factory=dict)
    check_with: list[str] = Field(default_factory=list)
    choices_from: str | None = None  # type: ignore[assignment]
    default_from: str | None = None  # an empty answer takes this item value (see DEFAULT_SOURCES)

    @field_validator("when", mode="before")
    @classmethod
    def _drop_line(cls, value: Any) -> Any:
        return {k: v for k, v in value.items() if k != "__line__"} if isinstance(value, dict) else value


class ReviewStep(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    line: int = Field(default=0, alias="__line__")
    id: str
    title: str
    intro: str = ""
    each: Each
    fields: list[ReviewField]

    def field(self, fid: str) -> ReviewField:
        return next(f for f in self.fields if f.id == fid)


class ReviewBank(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    line: int = Field(default=0, alias="__line__")
    id: str
    title: str
    steps: list[ReviewStep]

    def step(self, sid: str) -> ReviewStep:
        return next(s for s in self.steps if s.id == sid)

    def step_for(self, each: str) -> list[ReviewStep]:
        return [s for s in self.steps if s.each == each]


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def validate_bank(data: Any, file: str, stages: frozenset[str]) -> ReviewBank:
    problems: list[BankProblem] = []
    if not isinstance(data, dict):
        raise BankError(
            [BankProblem(file, 0, None, "振り返りの質問ファイルの形式が正しくありません (id, title, steps が必要です)")]
        )
    try:
        bank = ReviewBank.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = ".".join(str(x) for x in err["loc"])
            problems.append(BankProblem(file, _line_at(data, err["loc"]), None, f"{loc}: {err['msg']}"))
        raise BankError(problems) from None
    seen_steps: set[str] = set()
    for step in bank.steps:
        if step.id in seen_steps:
            problems.append(BankProblem(file, step.line, step.id, "ステップIDが重複しています"))
        seen_steps.add(step.id)
        allowed = PLACEHOLDERS[step.each]
        for name in _placeholders(step.intro) - COMMON:
            problems.append(
                BankProblem(
                    file,
                    step.line,
                    step.id,
                    f"intro の {{{name}}} は使えません (使えるもの: {', '.join(sorted(COMMON))})",
                )
            )
        ids: list[str] = []
        for f in step.fields:
            qid = f"{step.id}.{f.id}"
            if f.id in ids:
                problems.append(BankProblem(file, f.line, qid, "項目IDが重複しています"))
            for text in (f.prompt, f.help, f.example):
                for name in _placeholders(text) - allowed:
                    problems.append(
                        BankProblem(
                            file,
                            f.line,
                            qid,
                            f"{{{name}}} はこの項目では使えません (使えるもの: {', '.join(sorted(allowed))})",
                        )
                    )
            for key in f.when:
                if key not in ids and key not in CONTEXT_FLAGS:
                    problems.append(
                        BankProblem(
                            file,
                            f.line,
                            qid,
                            f"when の「{key}」は、前の項目でも条件名 ({', '.join(sorted(CONTEXT_FLAGS))}) でもありません",
                        )
                    )
            for key in f.check_with:
                if key not in ids:
                    problems.append(BankProblem(file, f.line, qid, f"check_with の「{key}」は前の項目ではありません"))
            for stage in f.checks:
                if stage not in stages:
                    problems.append(
                        BankProblem(file, f.line, qid, f"checks の「{stage}」は checklist.yaml にありません")
                    )
            if f.type == "choice" and not f.choices and f.choices_from is None:
                problems.append(BankProblem(file, f.line, qid, "choice には choices か choices_from が必要です"))
            if f.choices_from is not None and f.choices_from not in CHOICE_SOURCES:
                problems.append(
                    BankProblem(
                        file, f.line, qid, f"choices_from は {', '.join(sorted(CHOICE_SOURCES))} のどれかにしてください"
                    )
                )
            if f.default_from is not None and f.default_from not in DEFAULT_SOURCES:
                problems.append(
                    BankProblem(
                        file,
                        f.line,
                        qid,
                        f"default_from は {', '.join(sorted(DEFAULT_SOURCES))} のどれかにしてください",
                    )
                )
            if f.type in ("group", "year_grid"):
                problems.append(BankProblem(file, f.line, qid, "振り返りの項目に group / year_grid は使えません"))
            if not (f.prompt.strip() and f.help.strip() and f.example.strip()):
                problems.append(BankProblem(file, f.line, qid, "prompt・help・example はすべて書いてください"))
            ids.append(f.id)
    eaches = [s.each for s in bank.steps]
    for kind in EACH_KINDS:
        if eaches.count(kind) == 0:
            problems.append(BankProblem(file, bank.line, None, f"each: {kind} のステップがありません"))
    if problems:
        raise BankError(problems)
    return bank


def _line_at(data: Any, loc: tuple[int | str, ...]) -> int:
    line = data.get("__line__", 0) if isinstance(data, dict) else 0
    node = data
    for key in loc:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and "__line__" in node:
            line = node["__line__"]
    return line


def load_review_bank(directory: str | Path | None = None) -> ReviewBank:
    """Load and validate the review questions (cached for the shipped folder)."""
    if directory is None:
        return _shipped()
    return _load(Path(directory))


@lru_cache(maxsize=1)
def _shipped() -> ReviewBank:
    from kaizen_guide.locations import question_banks_dir

    return _load(Path(question_banks_dir()))


def _load(directory: Path) -> ReviewBank:
    path = directory / REVIEW_FILE
    file = f"question_banks/{REVIEW_FILE.as_posix()}"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BankError(
            [BankProblem(file, 0, None, f"振り返りの質問ファイルを読めません ({exc.strerror or exc})")]
        ) from None
    try:
        data = yaml.load(text, Loader=LineLoader)  # noqa: S506 - LineLoader is a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise BankError(
            [BankProblem(file, mark.line + 1 if mark else 0, None, f"YAMLとして読めません ({exc})")]
        ) from None
    from kaizen_guide.banks.loader import _read_checklist_stages

    problems: list[BankProblem] = []
    stages = _read_checklist_stages(directory, problems)
    return validate_bank(data, file, stages)
