"""Cross-checks of the loaded question banks against each other, the plan model and the checklist:
duplicate ids, targets that do not exist or do not fit the question type, ``when`` conditions,
references between questions, check stages, depths, and plan fields no question fills.

Split out of ``loader.py`` (which reads the files and runs :class:`Validator` on them).
"""

from __future__ import annotations

import string
from typing import Any

from pydantic import BaseModel

from kaizen_guide.model.errors import location_label
from kaizen_guide.model.plan import Plan

from .conditions import ConditionError, parse_condition
from .industries import industries
from .models import DEPTHS, SCALAR_TYPES, TEXT_TYPES, Question, Section, SubField
from .problems import BankProblem
from .targets import ENGINE_FILLED, FieldSpec, TargetError, check_scalar_fit, resolve, uncovered_fields


def _label_for_path(path: str) -> str:
    loc: list[Any] = []
    for seg in path.split("."):
        loc.append(seg.removesuffix("[]"))
    return location_label(Plan, tuple(loc))


class Validator:
    """Cross-checks between questions, the plan model and the checklist."""

    def __init__(
        self, sections: list[Section], stages: frozenset[str], problems: list[BankProblem], directory: str | None = None
    ):
        self.directory = directory
        self.sections = sections
        self.stages = stages
        self.problems = problems
        self.order: dict[str, int] = {}
        self.by_id: dict[str, Question] = {}
        self.covered: set[str] = set()

    def err(self, q: Question | None, msg: str, line: int | None = None, file: str | None = None) -> None:
        self.problems.append(
            BankProblem(
                file or (q.file if q else ""),
                line if line is not None else (q.line if q else 0),
                q.id if q else None,
                msg,
            )
        )

    def run(self) -> None:
        seen_sections: dict[str, Section] = {}
        i = 0
        for s in self.sections:
            if s.id in seen_sections:
                other = seen_sections[s.id]
                self.problems.append(
                    BankProblem(
                        s.file,
                        s.line,
                        None,
                        f"セクションID「{s.id}」が重複しています ({other.file}:{other.line} と同じ)",
                    )
                )
            seen_sections[s.id] = s
            for q in s.questions:
                if q.id in self.by_id:
                    first = self.by_id[q.id]
                    self.err(q, f"質問ID「{q.id}」が重複しています ({first.file}:{first.line} と同じ) (duplicate id)")
                    continue
                self.by_id[q.id] = q
                self.order[q.id] = i
                i += 1
        for s in self.sections:
            for q in s.questions:
                if self.by_id.get(q.id) is q:
                    self.check_question(s, q)
        self.check_depths()
        self.check_targets_unique()

    # -- per question --------------------------------------------------------------------------
    def check_question(self, s: Section, q: Question) -> None:
        for name in ("prompt", "help", "example"):
            if not str(getattr(q, name)).strip():
                self.err(q, f"{name} が空です。質問には prompt・help・example を書いてください")
        known = set(industries(self.directory))
        for owner, variants in [("examples", q.examples), ("helps", q.helps)] + [
            (f"{f.id}.examples", f.examples) for f in q.sub_fields
        ]:
            unknown = sorted(set(variants) - known)
            if unknown:
                self.err(q, f"{owner} の業種 {unknown} は industries.yaml にありません ({', '.join(sorted(known))})")
        if q.depth is not None:
            extra = set(q.depth) - set(s.depth)
            if extra:
                self.err(q, f"depth {sorted(extra)} はセクション「{s.id}」の depth {s.depth} に含まれていません")
        self.check_refs(q)
        self.check_checks(q, q.checks, q.type)
        if q.target is None:
            self.err(q, "target (回答を入れる計画の項目) がありません (missing target)")
            return
        try:
            if q.type == "group":
                self.check_group(q)
            elif q.type == "year_grid":
                self.check_grid(q)
            else:
                self.check_scalar(q, q, q.target, top=True)
                self.covered.add(q.target)
        except TargetError as exc:
            self.err(q, f"target「{q.target}」が計画モデルに合いません: {exc} (unknown target)")

    def check_scalar(
        self,
        q: Question,
        f: Question | SubField,
        path_or_spec: str | FieldSpec,
        *,
        top: bool,
        model: type[BaseModel] = Plan,
    ) -> None:
        spec = resolve(model, path_or_spec) if isinstance(path_or_spec, str) else path_or_spec
        where = "" if top else f"項目「{f.id}」: "
        if f.type not in SCALAR_TYPES:
            raise TargetError(f"{where}type {f.type} cannot be a field")
        if f.type in ("choice", "multi_choice"):
            if bool(f.choices) == bool(f.choices_from):
                self.err(q, f"{where}{f.type} には choices か choices_from のどちらか一方を書いてください", line=f.line)
            values = [c.value for c in f.choices]
            if len(set(map(str, values))) != len(values) or len({c.label for c in f.choices}) != len(values):
                self.err(q, f"{where}choices の value / label が重複しています", line=f.line)
            check_scalar_fit(f.type, f.is_list, spec, values if f.choices else None)
        else:
            if f.choices or f.choices_from:
                self.err(q, f"{where}choices は choice / multi_choice にだけ書けます", line=f.line)
            check_scalar_fit(f.type, f.is_list, spec)
        if f.type == "amount":
            f._allow_negative = not (spec.ge is not None and spec.ge >= 0)
        if f.type == "integer":
            f._int_min = int(spec.ge) if spec.ge is not None else None
            f._int_max = int(spec.le) if spec.le is not None else None
        if f.choices_from:
            self.check_choices_from(q, f)
        self.check_checks(q, f.checks, f.type, line=f.line)

    def check_choices_from(self, q: Question, f: Question | SubField) -> None:
        cf = f.choices_from
        if cf is None:  # (called only for a field that has one)
            return
        src = self.by_id.get(cf.question)
        if src is None:
            self.err(q, f"choices_from の質問「{cf.question}」がありません", line=cf.line or f.line)
            return
        if src.type != "group":
            self.err(q, f"choices_from の質問「{cf.question}」は group ではありません", line=cf.line or f.line)
            return
        if self.order[src.id] >= self.order[q.id]:
            self.err(
                q,
                f"choices_from の質問「{cf.question}」はこの質問より後にあります (先に聞く質問を指定してください)",
                line=cf.line or f.line,
            )
        ids = {x.id for x in src.fields} | ({src.row_id.field} if src.row_id else set())
        for attr in ("key", "label"):
            v = getattr(cf, attr)
            if v is not None and v not in ids:
                self.err(
                    q, f"choices_from の {attr}「{v}」は質問「{src.id}」の項目にありません", line=cf.line or f.line
                )

    def check_checks(self, q: Question, checks: list[str], qtype: str, line: int | None = None) -> None:
        for c in checks:
            if c not in self.stages:
                self.err(
                    q,
                    f"チェック「{c}」は checklist.yaml にありません (unknown check; 使えるもの: "
                    f"{', '.join(sorted(self.stages))})",
                    line=line,
                )
        if checks and qtype not in TEXT_TYPES:
            self.err(q, f"checks は文章の質問 (text / long_text) にだけ付けられます (type: {qtype})", line=line)

    def check_refs(self, q: Question) -> None:
        refs: set[str] = set()
        if q.when is not None:
            try:
                cond = parse_condition(q.when)
            except ConditionError as exc:
                self.err(q, f"when の条件式を読めません: {exc} (bad condition)")
                cond = None
            if cond is not None:
                q._when_fn = cond
                q._refs = cond.refs
                for r in cond.refs:
                    if r not in self.by_id:
                        self.err(q, f"when の条件式が知らない質問「{r}」を参照しています (bad condition)")
                    elif self.order[r] >= self.order[q.id]:
                        self.err(
                            q,
                            f"when の条件式が後の質問「{r}」を参照しています (前の質問だけを参照できます) (bad condition)",
                        )
                refs |= cond.refs
        for d in q.depends_on:
            if d not in self.by_id:
                self.err(q, f"depends_on の質問「{d}」がありません")
            elif self.order[d] >= self.order[q.id]:
                self.err(q, f"depends_on の質問「{d}」はこの質問より後にあります")

    # -- groups and grids ----------------------------------------------------------------------
    def check_group(self, q: Question) -> None:
        target = q.target
        assert target is not None
        if not q.fields:
            self.err(q, "group には fields が必要です")
        if q.rows:
            self.err(q, "rows は year_grid にだけ書けます")
        ids = [f.id for f in q.fields]
        for dup in {x for x in ids if ids.count(x) > 1}:
            self.err(q, f"項目ID「{dup}」が重複しています")
        if q.parent is not None:
            if (
                "[]." not in target
                or target.count("[]") != 1
                or not target.split("[].", 1)[1]
                or "." in target.split("[].", 1)[1]
            ):
                raise TargetError(f"a child group targets '<list>[].<field>', not {target!r}")
        elif "[]" in target:
            raise TargetError(f"{target!r} goes into list rows; a group with that target needs `parent:`")
        spec = resolve(Plan, target)
        if not (spec.is_list and spec.is_model):
            raise TargetError(f"{target!r} is not a list of models; a group cannot fill it")
        model = spec.base
        parent_field = q.parent.field if q.parent else None
        for f in q.fields:
            if f.id == parent_field:
                continue
            try:
                fspec = resolve(model, f.path)
                self.check_scalar(q, f, fspec, top=False)
                self.covered.add(f"{target}[].{f.path}")
            except TargetError as exc:
                self.err(
                    q,
                    f"項目「{f.id}」の field「{f.path}」が {model.__name__} に合いません: {exc} (unknown target)",
                    line=f.line,
                )
        if q.row_id is not None:
            try:
                rspec = resolve(model, q.row_id.field)
                if rspec.base is not str:
                    raise TargetError(f"{q.row_id.field!r} is not text")
                self.covered.add(f"{target}[].{q.row_id.field}")
            except TargetError as exc:
                self.err(q, f"row_id の field が合いません: {exc} (unknown target)", line=q.row_id.line)
        if q.parent is not None:
            pf = q.field(q.parent.field)
            root = target.split("[].", 1)[0]
            if pf is None or pf.type != "choice" or pf.choices_from is None:
                self.err(
                    q,
                    f"parent の field「{q.parent.field}」は choices_from を持つ choice 項目にしてください",
                    line=q.parent.line,
                )
            else:
                src = self.by_id.get(pf.choices_from.question)
                if src is not None and src.target != root:
                    self.err(q, f"parent の choices_from は「{root}」を埋める質問にしてください", line=q.parent.line)
                try:
                    resolve(resolve(Plan, root).base, q.parent.key)
                except TargetError as exc:
                    self.err(q, f"parent の key が合いません: {exc}", line=q.parent.line)
        for unique_id in q.validation.unique:
            if unique_id not in ids:
                self.err(q, f"validation.unique の「{unique_id}」は項目にありません")
        field_ids = set(ids) | ({q.row_id.field} if q.row_id else set())
        for rc in q.row_checks:
            if rc.stage not in self.stages:
                self.err(q, f"チェック「{rc.stage}」は checklist.yaml にありません (unknown check)", line=rc.line)
            try:
                names = {name.split(".")[0] for _, name, _, _ in string.Formatter().parse(rc.text) if name}
            except ValueError as exc:
                self.err(q, f"row_checks の text を読めません: {exc}", line=rc.line)
                continue
            for n in names - field_ids:
                self.err(q, f"row_checks の text が知らない項目「{n}」を使っています", line=rc.line)

    def check_grid(self, q: Question) -> None:
        target = q.target
        assert target is not None
        if not q.rows:
            self.err(q, "year_grid には rows が必要です")
        if q.fields:
            self.err(q, "fields は group にだけ書けます")
        ids = [r.id for r in q.rows]
        for dup in {x for x in ids if ids.count(x) > 1}:
            self.err(q, f"行ID「{dup}」が重複しています")
        spec = resolve(Plan, target)
        if spec.is_list and spec.is_model:
            q._grid_mode = "records"
            model = spec.base
            for r in q.rows:
                try:
                    if r.is_list:
                        raise TargetError("a records grid row holds one value per column; drop `list: true`")
                    self.check_scalar(q, r, resolve(model, r.path), top=False)
                    self.covered.add(f"{target}[].{r.path}")
                except TargetError as exc:
                    self.err(
                        q,
                        f"行「{r.id}」の field「{r.path}」が {model.__name__} に合いません: {exc} (unknown target)",
                        line=r.line,
                    )
        elif spec.is_model and not spec.is_list:
            q._grid_mode = "series"
            for r in q.rows:
                path = f"{target}.{r.path}"
                try:
                    rspec = resolve(Plan, path)
                    if not rspec.is_list:
                        raise TargetError(f"{path!r} is not a per-year list")
                    r.is_list = True
                    self.check_scalar(q, r, rspec, top=False)
                    self.covered.add(path)
                except TargetError as exc:
                    self.err(q, f"行「{r.id}」の field「{path}」が合いません: {exc} (unknown target)", line=r.line)
        else:
            raise TargetError(f"{target!r} must be a list of models or a model with per-year lists")
        lf = q.columns.labels_from
        if lf:
            src_id, _, row_id = lf.rpartition(".")
            src = self.by_id.get(src_id)
            if src is None or src.type != "year_grid" or src.field(row_id) is None:
                self.err(q, f"columns.labels_from「{lf}」は前の year_grid の行を指定してください", line=q.columns.line)
        cl = q.validation.columns_like
        if cl:
            src = self.by_id.get(cl)
            if src is None or src.type != "year_grid" or self.order[src.id] >= self.order[q.id]:
                self.err(q, f"validation.columns_like「{cl}」は前の year_grid の質問を指定してください")

    # -- across questions ----------------------------------------------------------------------
    def check_targets_unique(self) -> None:
        seen: dict[str, Question] = {}
        for q in self.by_id.values():
            if q.target is None or q.type in ("group", "year_grid"):
                continue
            if q.target in seen:
                self.err(q, f"target「{q.target}」は質問「{seen[q.target].id}」と重複しています")
            seen[q.target] = q
        lists: dict[str, list[Question]] = {}
        for q in self.by_id.values():
            if q.target and (q.type == "group" or q._grid_mode == "records"):
                lists.setdefault(q.target, []).append(q)
        for target, qs in lists.items():
            if len(qs) > 1:
                first = qs[0]
                for q in qs[1:]:
                    if q.type != "year_grid" or first.type != "year_grid" or q.validation.columns_like != first.id:
                        self.err(
                            q,
                            f"target「{target}」は質問「{first.id}」も埋めています。"
                            f"同じ一覧を複数の質問で埋めるのは year_grid で validation.columns_like: {first.id} を書いた場合だけです",
                        )
        series: dict[str, Question] = {}
        for q in self.by_id.values():
            if q._grid_mode == "series":
                for r in q.rows:
                    path = f"{q.target}.{r.path}"
                    if path in series or path in seen:
                        self.err(q, f"「{path}」は別の質問でも埋めています", line=r.line)
                    series[path] = q

    def check_depths(self) -> None:
        for depth in DEPTHS:
            if not any(s.in_depth(depth) and any(q.in_depth(depth) for q in s.questions) for s in self.sections):
                self.problems.append(BankProblem("question_banks", 0, None, f"depth「{depth}」の質問が1つもありません"))

    def check_coverage(self, directory_label: str) -> None:
        for path in uncovered_fields(Plan, self.covered, ENGINE_FILLED):
            self.problems.append(
                BankProblem(
                    directory_label,
                    0,
                    None,
                    f"計画の項目「{_label_for_path(path)}」({path}) を埋める質問がありません (uncovered plan field)",
                )
            )
