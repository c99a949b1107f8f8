"""The question banks as pydantic models: Bank → Section → Question (→ Field for groups/grids).

A bank file (``question_banks/NN_<stage>.yaml``) holds one section and its questions. The loader
(:mod:`kaizen_guide.banks.loader`) reads the YAML, builds these models and cross-checks them against
the plan model; the models themselves only check the shape of each entry.

Question types
--------------
Scalar types (a question or a group/grid field):
  ``text``, ``long_text``, ``amount`` (千円 unless ``unit: 円``; ``per: month|year`` for a 月額/年額), ``integer``, ``percent`` (stored as a
  fraction), ``decimal``, ``date``, ``month`` ("YYYY-MM"), ``fiscal_month`` (1–12), ``choice``,
  ``multi_choice``, ``yes_no``.  ``list: true`` on a scalar makes the value a list of that type
  (per-year amounts, months of the year, names).
Structured types:
  ``group``     repeating rows (役員, 金融機関, 課題 …) with ``fields:``; the target is a list of models.
                ``row_id`` auto-numbers rows (I1, M1, A1 …); ``parent`` files each row under a row of an
                earlier group (a loan under its bank); ``choices_from`` lets a field choose among the
                rows of an earlier group (an action's 対策).
  ``year_grid`` rows = line items, columns = years. Target a list of models (each column is one
                model, e.g. one fiscal year of actuals) or a model whose ``rows`` are per-year lists
                (drivers).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

Depth = Literal["full", "short"]
ALL_DEPTHS: tuple[Depth, ...] = ("full", "short")
DEPTHS: tuple[str, ...] = ("full", "short")

ScalarType = Literal[
    "text",
    "long_text",
    "amount",
    "integer",
    "percent",
    "decimal",
    "date",
    "month",
    "fiscal_month",
    "choice",
    "multi_choice",
    "yes_no",
]
QuestionType = Literal[
    "text",
    "long_text",
    "amount",
    "integer",
    "percent",
    "decimal",
    "date",
    "month",
    "fiscal_month",
    "choice",
    "multi_choice",
    "yes_no",
    "group",
    "year_grid",
]
SCALAR_TYPES: frozenset[str] = frozenset(ScalarType.__args__)  # type: ignore[attr-defined]
TEXT_TYPES: frozenset[str] = frozenset({"text", "long_text"})

TYPE_LABELS: dict[str, str] = {
    "text": "文章 (1行)",
    "long_text": "文章",
    "amount": "金額",
    "integer": "整数",
    "percent": "割合 (%)",
    "decimal": "数値",
    "date": "日付",
    "month": "年月",
    "fiscal_month": "決算月",
    "choice": "選択",
    "multi_choice": "複数選択",
    "yes_no": "はい/いいえ",
    "group": "一覧 (複数行)",
    "year_grid": "年度別の表",
}


class _BankModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, populate_by_name=True, defer_build=True)

    # default= as a keyword: mypy's dataclass_transform sees only that one as the field's default.
    line: int = Field(default=0, alias="__line__", description="line in the bank file (set by the loader)")


def _variants(v: Any) -> Any:
    """An industry → text mapping without the loader's ``__line__`` key."""
    return {k: t for k, t in v.items() if k != "__line__"} if isinstance(v, dict) else v


class Choice(_BankModel):
    """One option of a choice: the stored ``value`` and the Japanese ``label`` shown and accepted."""

    value: str | int | bool
    label: str


class ChoicesFrom(_BankModel):
    """Choose among the rows of an earlier group question (e.g. an action's 対策 from the 対策 rows)."""

    question: str
    key: str = "id"  # the row field whose value is stored (e.g. "id" → "M1")
    label: str | None = None  # the row field shown beside it (e.g. "title")


class Validation(_BankModel):
    """Extra checks on an answer (the plan model's own constraints apply as well)."""

    min: Decimal | None = None  # numbers
    max: Decimal | None = None
    min_length: int | None = None  # text
    max_length: int | None = None
    min_rows: int | None = None  # groups
    max_rows: int | None = None
    min_items: int | None = None  # list values and multi_choice
    max_items: int | None = None
    items: int | None = None  # exact number of items (e.g. 12 months)
    min_columns: int | None = None  # year grids
    max_columns: int | None = None
    columns_like: str | None = None  # a grid whose columns must match another grid's answer
    unique: list[str] = Field(default_factory=list)  # group fields whose values must differ by row
    allow_negative: bool | None = None  # amounts; None = decided by the target field (ge=0 → no)


class RowCheck(_BankModel):
    """A text check run on text built from a group row (``per: row``) or from all rows (``per: all``).

    ``text`` is a template with ``{field_id}`` placeholders filled with the display values.
    """

    stage: str
    text: str
    per: Literal["row", "all"] = "row"


class Parent(_BankModel):
    """Files each row of a child group under a row of its parent group: ``field`` (a choice field of
    this group) holds the parent row's ``key`` value (e.g. a loan's 金融機関 = the bank's name)."""

    field: str
    key: str = "name"


class RowId(_BankModel):
    """Auto-numbered row ids: ``field`` of the row model, ``prefix`` + running number (I1, I2 …)."""

    field: str = "id"
    prefix: str


class Columns(_BankModel):
    """Column headings of a year grid: ``label`` with ``{n}`` (0-based, or ``{n1}`` 1-based), or
    ``labels_from`` a row of an earlier grid (e.g. the 決算期 labels)."""

    label: str = "{n1}"
    labels_from: str | None = None  # "<question id>.<row id>"


class SubField(_BankModel):
    """A sub-question: one field of a group row, or one row of a year grid."""

    id: str
    prompt: str
    help: str = ""
    example: str = ""
    examples: dict[str, str] = Field(default_factory=dict)  # industry key → example (industries.yaml)
    type: ScalarType
    required: bool = False
    field: str | None = None  # path inside the row model (default: id)
    unit: Literal["千円", "円"] = "千円"
    per: Literal["month", "year"] | None = None  # amounts: 月額 / 年額 (「月90万円」 is then accepted)
    is_list: bool = Field(False, alias="list")
    choices: list[Choice] = Field(default_factory=list)
    choices_from: ChoicesFrom | None = None
    validation: Validation = Field(default_factory=Validation)
    checks: list[str] = Field(default_factory=list)
    depth: list[Depth] | None = None  # None = wherever its question is asked

    # Filled by the loader from the target field.
    _allow_negative: bool = PrivateAttr(True)
    _int_min: int | None = PrivateAttr(None)
    _int_max: int | None = PrivateAttr(None)

    _strip_line = field_validator("examples", mode="before")(_variants)

    def example_for(self, industry: str | None) -> str:
        from .industries import pick

        return pick(self.example, self.examples, industry)

    @property
    def path(self) -> str:
        return self.field or self.id

    @property
    def allow_negative(self) -> bool:
        if self.validation.allow_negative is not None:
            return self.validation.allow_negative
        return self._allow_negative


class Question(_BankModel):
    """One question of the interview (see the module docstring for the types)."""

    id: str
    prompt: str
    help: str
    example: str  # fits any business (shown when the industry has no variant)
    examples: dict[str, str] = Field(default_factory=dict)  # industry key → example (industries.yaml)
    helps: dict[str, str] = Field(default_factory=dict)  # industry key → help, where help gives an example
    type: QuestionType
    required: bool = False
    target: str | None = None
    when: str | None = None
    depends_on: list[str] = Field(default_factory=list)
    depth: list[Depth] | None = None  # None = the section's depth
    checks: list[str] = Field(default_factory=list)
    validation: Validation = Field(default_factory=Validation)
    unit: Literal["千円", "円"] = "千円"
    per: Literal["month", "year"] | None = None  # amounts: 月額 / 年額
    is_list: bool = Field(False, alias="list")
    choices: list[Choice] = Field(default_factory=list)
    choices_from: ChoicesFrom | None = None
    # groups
    fields: list[SubField] = Field(default_factory=list)
    row_label: str = ""
    row_id: RowId | None = None
    parent: Parent | None = None
    row_checks: list[RowCheck] = Field(default_factory=list)
    # year grids
    rows: list[SubField] = Field(default_factory=list)
    columns: Columns = Field(default_factory=Columns)

    # Filled by the loader.
    _section_id: str = PrivateAttr("")
    _file: str = PrivateAttr("")
    _order: int = PrivateAttr(0)
    _allow_negative: bool = PrivateAttr(True)
    _int_min: int | None = PrivateAttr(None)
    _int_max: int | None = PrivateAttr(None)
    _grid_mode: Literal["records", "series", ""] = PrivateAttr("")
    _refs: frozenset[str] = PrivateAttr(frozenset())  # question ids the `when` refers to
    _when_fn: Any = PrivateAttr(None)

    _strip_line = field_validator("examples", "helps", mode="before")(_variants)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        import re

        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*", v):
            raise ValueError(f"question id {v!r} must be letters, digits, '_' and '.'")
        if v in RESERVED_KEYS:
            raise ValueError(f"question id {v!r} is reserved for the answers file")
        return v

    @property
    def allow_negative(self) -> bool:
        if self.validation.allow_negative is not None:
            return self.validation.allow_negative
        return self._allow_negative

    @property
    def section_id(self) -> str:
        return self._section_id

    @property
    def file(self) -> str:
        return self._file

    @property
    def order(self) -> int:
        """Position in the whole interview (0-based)."""
        return self._order

    @property
    def is_group(self) -> bool:
        return self.type == "group"

    @property
    def is_grid(self) -> bool:
        return self.type == "year_grid"

    @property
    def sub_fields(self) -> list[SubField]:
        return self.fields if self.type == "group" else self.rows

    def example_for(self, industry: str | None) -> str:
        """The example written for ``industry`` (a key of industries.yaml), else the generic one."""
        from .industries import pick

        return pick(self.example, self.examples, industry)

    def help_for(self, industry: str | None) -> str:
        from .industries import pick

        return pick(self.help, self.helps, industry)

    def for_industry(self, industry: str | None) -> Question:
        """This question with the example and help written for ``industry`` in place of the
        generic ones (itself when there is no variant), so every view of it shows the same."""
        example, help_ = self.example_for(industry), self.help_for(industry)
        fields = [f.model_copy(update={"example": f.example_for(industry)}) if f.examples else f for f in self.fields]
        if example == self.example and help_ == self.help and all(a is b for a, b in zip(fields, self.fields)):
            return self
        return self.model_copy(update={"example": example, "help": help_, "fields": fields})

    def for_depth(self, depth: str) -> Question:
        """This question as asked at ``depth``: the group fields of other depths left out (the
        早期 plan has no 窮境要因, so its 課題 offer no link to them), and with them the help's
        sentences that name them and their part of a 「 / 」 example. Itself when nothing is left out."""
        kept = [f.depth is None or depth in f.depth for f in self.fields]
        if all(kept):
            return self
        fields = [f for f, k in zip(self.fields, kept) if k]
        names = [f.prompt for f, k in zip(self.fields, kept) if not k]

        def help_(text: str) -> str:
            sentences = [s for s in re.split(r"(?<=。)", text) if s.strip()]
            return "".join(s for s in sentences if not any(n in s for n in names)).strip()

        def example(text: str) -> str:
            parts = [p.strip() for p in text.split(" / ")]
            if len(parts) != len(self.fields):
                return text  # not one part per field: nothing to tell apart
            return " / ".join(p for p, k in zip(parts, kept) if k)

        return self.model_copy(
            update={
                "fields": fields,
                "help": help_(self.help),
                "helps": {k: help_(v) for k, v in self.helps.items()},
                "example": example(self.example),
                "examples": {k: example(v) for k, v in self.examples.items()},
            }
        )

    def field(self, field_id: str) -> SubField | None:
        return next((f for f in self.sub_fields if f.id == field_id), None)

    def in_depth(self, depth: str) -> bool:
        return self.depth is None or depth in self.depth

    def __hash__(self) -> int:  # questions are used as dict keys by the TUI
        return hash(self.id)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Question) and other.id == self.id


# Top-level keys of an answers file that are not question ids.
RESERVED_KEYS = frozenset({"depth", "given_by", "answers"})


class Section(_BankModel):
    """One bank file: a stage of the plan, in the order a plan is built."""

    id: str
    title: str
    intro: str
    depth: list[Depth] = Field(default_factory=lambda: list(ALL_DEPTHS))
    questions: list[Question] = Field(default_factory=list)

    _file: str = PrivateAttr("")
    _order: int = PrivateAttr(0)

    @property
    def file(self) -> str:
        return self._file

    @property
    def order(self) -> int:
        return self._order

    def in_depth(self, depth: str) -> bool:
        return depth in self.depth

    def __hash__(self) -> int:
        return hash(self.id)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Section) and other.id == self.id


class Bank(BaseModel):
    """All sections, in interview order, with lookups the engine needs."""

    model_config = ConfigDict(arbitrary_types_allowed=True, defer_build=True)

    sections: list[Section]
    check_stages: frozenset[str] = frozenset()
    directory: str = ""

    _by_id: dict[str, Question] = PrivateAttr(default_factory=dict)
    _section_of: dict[str, Section] = PrivateAttr(default_factory=dict)
    _order: list[Question] = PrivateAttr(default_factory=list)
    _dependants: dict[str, list[str]] = PrivateAttr(default_factory=dict)
    _list_contributors: dict[str, list[str]] = PrivateAttr(default_factory=dict)
    _children: dict[str, list[str]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, __context: Any) -> None:
        order: list[Question] = []
        for s in self.sections:
            for q in s.questions:
                self._by_id[q.id] = q
                self._section_of[q.id] = s
                order.append(q)
        for i, q in enumerate(order):
            q._order = i
        self._order = order

    # -- lookups -------------------------------------------------------------------------------
    @property
    def questions(self) -> list[Question]:
        return self._order

    def question(self, qid: str) -> Question:
        return self._by_id[qid]

    def has(self, qid: str) -> bool:
        return qid in self._by_id

    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)

    def section_of(self, qid: str) -> Section:
        return self._section_of[qid]

    def dependants(self, qid: str) -> list[str]:
        """Questions whose `when`, `depends_on`, `choices_from`, `parent` or `columns_like` refer to ``qid``."""
        return self._dependants.get(qid, [])

    def list_contributors(self, root: str) -> list[str]:
        """Questions that fill the rows of the list ``root`` (merged by row index), in order."""
        return self._list_contributors.get(root, [])

    def children(self, root: str) -> list[str]:
        """Child group questions filing rows into ``root[].<child>``."""
        return self._children.get(root, [])
