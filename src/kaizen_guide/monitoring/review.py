"""The monthly review flow: one question at a time, parse → validate → store → save → check → follow up.

Same style as the interview (``engine/interview.py``), sharing its pieces rather than copying
them: answers are parsed by ``engine.values``, recorded with ``engine.records``, saved atomically
by ``engine.saving`` and checked by ``engine.checking`` (the ``cause`` / ``countermeasure`` /
``next_action`` rules of checklist.yaml, with the same follow-up questions and probe limit).

State lives in the plan: the month's :class:`~kaizen_guide.model.plan.MonitoringRecord` holds the
values (actuals, causes, measures, 次月アクション) and ``record.answers`` the provenance of each
answer. The questions are recomputed from that state, so reopening the file after a crash
continues at the first question without an accepted answer.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kaizen_guide.checks.findings import Finding
from kaizen_guide.engine.checking import MAX_PROBES, follow_up_for, is_flagged, run_text_check
from kaizen_guide.engine.records import GIVER_LABELS, check_giver, make_record
from kaizen_guide.engine.saving import PlanSaver
from kaizen_guide.engine.values import AnswerError, Options, format_value, parse_value
from kaizen_guide.model.plan import MonitoringRecord, Plan

from .amendments import amend, reported_note
from .bank import CONTEXT_FLAGS, ReviewBank, ReviewField, ReviewStep, load_review_bank
from .compare import Comparison, compare_month, plan_source
from .explain import explain_line, summary
from .fiscal import MonitoringError, add_months, month_text, position, split_month
from .lines import INPUT_KEYS, label
from .review_actuals import replace_actuals, set_actuals
from .review_items import step_items
from .review_record import adopt_record, rebuild_record
from .review_scope import ReviewScope
from .review_types import NONE_LABEL, Item, ReviewQuestion, ReviewResult, default_month

if TYPE_CHECKING:
    from kaizen_guide.model.lock import PlanLock

__all__ = ["NONE_LABEL", "Review", "ReviewQuestion", "ReviewResult", "default_month"]


def _strip_unit(raw: str, unit: str) -> str:
    """「38.2%」「4,350円」 → the number: a KPI actual is typed with the KPI's unit."""
    s = raw.strip()
    for u in (unit.strip(), unit.split("/")[0].split(" ")[0].strip(), "%", "％"):
        if u and s.endswith(u) and len(s) > len(u):
            s = s[: -len(u)].strip()
    return s


MONTH_RE = re.compile(r"^\d{4}-\d{2}$")


class Review(ReviewScope):
    """The monthly review of one month of one plan. See the module docstring."""

    lock: PlanLock | None = None  # the plan's lock when opened with Review.open (one writer per plan)
    amend_reason = ""  # why a reported month is corrected (kept with each amendment; monitor --reason)

    def __init__(
        self,
        plan: Plan,
        month: str | None,
        path: str | Path | None = None,
        *,
        given_by: str = "owner",
        autosave: bool = True,
        bank: ReviewBank | None = None,
        today: date | None = None,
        period: str | None = None,
    ):
        from .period_review import review_period

        self.bank = bank or load_review_bank()
        self.plan = plan
        self.given_by = check_giver(given_by)
        self.saver = PlanSaver(path, autosave=autosave)
        self.today = today or date.today()
        if month is not None and not MONTH_RE.match(month):
            month, period = None, month  # 「2027Q1」 given where a month was expected
        # a plan reviewed per 四半期/半期/決算 reviews the period containing the month
        self.period = review_period(plan, month=month, period=period)
        if self.period is not None:
            month = self.period.last  # the period's review is recorded at its last month
        if month is None:
            raise MonitoringError("振り返る月か期間を指定してください (例: 2027-06・2027Q1)。")
        self.pos = position(plan, month)  # MonitoringError for a month outside the plan
        self.month = month
        self._plans = plan_source(plan)
        self._plans.for_month(self.month)(self.pos.plan_year)  # fail early (Japanese) when the plan has no numbers
        self._cmp: Comparison | None = None
        self._findings: dict[str, list[Finding]] = {}
        self._revisit: str | None = None
        self._adopt()

    def _adopt(self) -> None:
        adopt_record(self)

    @classmethod
    def open(
        cls,
        path: str | Path,
        month: str | None = None,
        *,
        given_by: str = "owner",
        autosave: bool = True,
        today: date | None = None,
        lock_timeout: float = 0.0,
    ) -> Review:
        from kaizen_guide.model.lock import PlanLock
        from kaizen_guide.model.store import load_plan

        # One writer per plan (as the interview): a second opener gets PlanLockedError, a
        # PlanFileError with the Japanese reason. In one process the lock is shared (counted).
        lock = PlanLock(path) if autosave else None
        if lock is not None:
            lock.acquire(lock_timeout)
        try:
            plan = load_plan(path)
            if month is None:
                from .period_review import cadence_kind, default_period

                month = default_month(plan) if cadence_kind(plan) == "month" else default_period(plan).code
            review = cls(plan, month, path, given_by=given_by, autosave=autosave, today=today)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        review.lock = lock
        return review

    def close(self) -> None:
        """Give up the plan's lock (everything accepted is already saved; safe to call twice)."""
        lock = getattr(self, "lock", None)
        if lock is not None:
            lock.release()
            self.lock = None

    # -- records ---------------------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        return self.saver.path

    @property
    def record(self) -> MonitoringRecord:
        """This month's record (created in the plan on first use; saved with the first answer)."""
        rec = self.find_record(self.month)
        if rec is None:
            rec = MonitoringRecord(month=self.month, period=self.period.code if self.period else "")
            self.plan.monitoring.append(rec)
            self.plan.monitoring.sort(key=lambda r: r.month)
        return rec

    def has_record(self) -> bool:
        return self.find_record(self.month) is not None

    def find_record(self, month: str) -> MonitoringRecord | None:
        return next((r for r in self.plan.monitoring if r.month == month), None)

    def previous_record(self) -> MonitoringRecord | None:
        """The latest earlier record that set 次月アクション (what this review checks first)."""
        earlier = [r for r in self.plan.monitoring if r.month < self.month and r.next_actions]
        return max(earlier, key=lambda r: r.month) if earlier else None

    @property
    def not_closed(self) -> bool:
        return self.month >= f"{self.today.year:04d}-{self.today.month:02d}"

    # -- numbers ---------------------------------------------------------------------------------
    def actuals_by_month(self) -> dict[str, dict[str, int]]:
        return {r.month: dict(r.actuals) for r in self.plan.monitoring if r.actuals}

    def comparison(self) -> Comparison:
        if self._cmp is None:
            rec = self.find_record(self.month)
            segs = {s.name: (s.quantity, s.sales) for s in rec.segment_actuals} if rec else {}
            if self.period is not None:
                from .period_review import compare_review_period

                self._cmp = compare_review_period(
                    self.plan,
                    self.period,
                    self.actuals_by_month(),
                    segs,
                    plans=self._plans,
                    today=self.today.isoformat(),
                )
            else:
                self._cmp = compare_month(
                    self.plan,
                    self.month,
                    self.actuals_by_month(),
                    segs,
                    plans=self._plans,
                    today=self.today.isoformat(),
                )
        return self._cmp

    def actuals_complete(self) -> bool:
        recs = [self.find_record(m) for m in self.months]
        return all(r is not None and all(k in r.actuals for k in INPUT_KEYS) for r in recs)

    def misses(self) -> list[str]:
        return self.comparison().material_misses() if self.actuals_complete() else []

    def explanation(self) -> list[str]:
        cmp = self.comparison()
        out = summary(cmp)
        for key in cmp.material_misses():
            if key != "cash_end":  # the summary already reads the cash outlook
                out.append(explain_line(cmp, key))
        return out

    # -- what to ask -----------------------------------------------------------------------------
    def _items(self, step: ReviewStep) -> list[Item]:
        return step_items(self, step)

    def _visible(self, step: ReviewStep, f: ReviewField, item: Item) -> bool:
        for key, values in f.when.items():
            if key in item.context and key in CONTEXT_FLAGS:
                v = item.context[key]
            else:
                v = self._value(f"{step.id}.{item.key}.{key}")
            if v not in values:
                return False
        return True

    def questions(self) -> list[ReviewQuestion]:
        out = []
        for step in self.bank.steps:
            for item in self._items(step):
                for f in step.fields:
                    if self._visible(step, f, item):
                        qid = f"{step.id}.{item.key}.{f.id}"
                        out.append(ReviewQuestion(qid, step, f, item.key, item.context, self._options(f)))
        return out

    def question(self, qid: str) -> ReviewQuestion | None:
        return next((q for q in self.questions() if q.id == qid), None)

    def _options(self, f: ReviewField) -> Options | None:
        if f.choices_from == "measures_and_actions":
            return [(m.id, f"{m.id} {m.title}") for m in self.plan.measures] + [
                (a.id, f"{a.id} {a.title}") for a in self.plan.actions
            ]
        return None

    def _answered(self, q: ReviewQuestion) -> bool:
        if q.step.each == "actual_line":
            m, key = self.actual_target(q.item, self.month)
            rec = self.find_record(m)
            return rec is not None and key in rec.actuals
        rec = self.find_record(self.month)
        return rec is not None and q.id in rec.answers

    def _pending(self, q: ReviewQuestion) -> bool:
        rec = self.find_record(self.month)
        a = rec.answers.get(q.id) if rec else None
        return a is not None and a.status == "ok" and is_flagged(self.findings_for(q.id))

    def current(self) -> ReviewQuestion | None:
        qs = self.questions()
        if self._revisit:
            q = next((x for x in qs if x.id == self._revisit), None)
            if q is not None:
                return q
            self._revisit = None
        return next((q for q in qs if not self._answered(q) or self._pending(q)), None)

    def is_complete(self) -> bool:
        return self.actuals_complete() and self.current() is None

    def goto(self, qid: str) -> ReviewQuestion:
        q = self.question(qid)
        if q is None:
            raise MonitoringError(f"「{qid}」という質問は今の振り返りにはありません。")
        self._revisit = qid
        return q

    def progress(self) -> tuple[int, int]:
        qs = self.questions()
        return sum(1 for q in qs if self._answered(q)), len(qs)

    # -- answers ---------------------------------------------------------------------------------
    def _value(self, qid: str) -> Any:
        rec = self.find_record(self.month)
        a = rec.answers.get(qid) if rec else None
        return None if a is None else a.value

    def value(self, qid: str) -> Any:
        if qid.startswith("actuals."):
            m, key = self.actual_target(qid.split(".")[1], self.month)
            rec = self.find_record(m)
            return rec.actuals.get(key) if rec else None
        return self._value(qid)

    def display_value(self, q: ReviewQuestion) -> str:
        v = self.value(q.id)
        if v is None and q.field.default_from:
            v = q.context.get(q.field.default_from)  # the composer starts on the derived status
        return "" if v is None else format_value(q.field, v, q.choices if q.type == "choice" else None, human=True)

    def findings_for(self, qid: str) -> list[Finding]:
        if qid not in self._findings:
            q = self.question(qid)
            v = self._value(qid)
            self._findings[qid] = self._check(q, v) if q is not None and v is not None else []
        return self._findings[qid]

    def _check(self, q: ReviewQuestion, value: Any) -> list[Finding]:
        if not q.field.checks or value is None:
            return []
        parts = [str(self._value(f"{q.step.id}.{q.item}.{k}") or "") for k in q.field.check_with] + [str(value)]
        text = "。".join(p for p in parts if p.strip())
        out = []
        for stage in q.field.checks:
            out.extend(
                run_text_check(
                    stage, text, question_id=q.id, section=q.step.title, path=f"monitoring[{self.month}].{q.id}"
                )
            )
        return out

    def preview(self, qid: str, raw: Any) -> str:
        q = self.question(qid)
        if q is None:
            return ""
        try:
            value, note = self._parse(q, raw)
        except AnswerError as exc:
            return exc.message
        if value is None:
            return "(未入力)"
        shown = format_value(q.field, value, q.choices if q.type == "choice" else None, human=True)
        return shown + (f" ({note})" if note else "")

    def _parse(self, q: ReviewQuestion, raw: Any) -> tuple[Any, str | None]:
        if q.type == "date" and isinstance(raw, str):
            raw = self._with_year(raw)
        if q.field.id == "kpi_actual" and isinstance(raw, str):
            raw = _strip_unit(raw, q.context.get("kpi_unit", ""))
        if q.field.default_from and (raw is None or (isinstance(raw, str) and not raw.strip())):
            return q.context[q.field.default_from], "期限と記録から判断した状態"
        value, note = parse_value(q.field, raw, q.choices if q.type == "choice" else q.options)
        if value == "" and q.type == "choice":
            value = None
        if value is not None and q.step.each == "next_action" and q.field.id == "due":
            if value[:7] not in self.next_months:
                raise AnswerError(
                    f"期限は{self._common()['next_span']}中の日付にしてください (今は{value})。"
                    "来月の振り返りで確かめられるようにするためです。"
                )
        return value, note

    def _with_year(self, raw: str) -> str:
        """「7月20日」「7/20」 → the next month's year (a due date is always soon)."""
        s = raw.strip()
        m = re.fullmatch(r"(\d{1,2})\s*[月/／]\s*(\d{1,2})\s*日?", s)
        if not m:
            return raw
        month = int(m.group(1))
        y, nm = split_month(add_months(self.month, 1))
        year = y + 1 if nm - month > 6 else (y - 1 if month - nm > 6 else y)
        return f"{year}年{month}月{int(m.group(2))}日"

    def answer(self, qid: str, raw: Any, *, confirm: bool = False) -> ReviewResult:
        """Parse, validate, store, save and check one answer. Never raises for bad input."""
        q = self.question(qid)
        if q is None:
            return ReviewResult(False, error=f"「{qid}」という質問は今の振り返りにはありません。", next=self.current())
        try:
            value, note = self._parse(q, raw)
        except AnswerError as exc:
            return ReviewResult(False, error=f"「{q.prompt}」: {exc.message}", next=q)
        if value is None and q.required:
            ex = f" 例: {q.example}" if q.example else ""
            return ReviewResult(
                False, error=f"「{q.prompt}」: この質問は必須です。答えを入力してください。{ex}", next=q
            )
        rec = self.record
        if q.step.each == "actual_line":
            m, key = self.actual_target(q.item, self.month)
            mrec = self.record_for(m)
            old = mrec.actuals.get(key)
            if old is not None and old != value and not confirm:
                where = f"{month_text(m)}の" if m != self.month else ""
                return ReviewResult(
                    False,
                    next=q,
                    confirm=(
                        f"{where}{label(key)}は{old:,}千円で記録済みです。{value:,}千円 (差 {value - old:+,}千円) に置き換えますか?"
                        " 置き換えた値は履歴に残ります。" + reported_note(mrec)
                    ),
                )
            replace_actuals(self, {key: value}, source="手入力", month=m)
        old_rec = rec.answers.get(qid)
        findings = self._check(q, value)
        weak = is_flagged(findings)
        pending_before = old_rec is not None and old_rec.status == "ok" and is_flagged(self._findings.get(qid, []))
        probes = old_rec.probes if (pending_before and old_rec is not None) else 0
        follow = None
        status = "ok"
        if weak and probes < MAX_PROBES:
            probes += 1
            follow = follow_up_for(findings, q.field.checks[0] if q.field.checks else None)
        elif weak:
            status = "kept_weak"
        rec.answers[qid] = make_record(raw, value, self.given_by, status=status, probes=probes, findings=findings)
        if q.step.each != "actual_line" and amend(  # actuals are kept by replace_actuals
            rec,
            qid,
            q.prompt,
            old_rec.value if old_rec else None,
            rec.answers[qid].value,
            self.given_by,
            reason=self.amend_reason,
        ):
            note = " ".join(filter(None, [note, "報告済みの月の訂正として記録しました (次の報告に載ります)。"]))
        self._findings[qid] = findings
        self._after_change()
        if self._revisit == qid:
            self._revisit = None
        err = self._save()
        if err:
            return ReviewResult(False, error=err, next=self.current())
        return ReviewResult(
            True,
            None,
            findings,
            follow,
            note,
            self.current(),
            None,
            status,
            MAX_PROBES - probes if weak else MAX_PROBES,
        )

    def keep_as_is(self, qid: str) -> ReviewResult:
        rec = self.find_record(self.month)
        a = rec.answers.get(qid) if rec else None
        if a is None:
            return ReviewResult(False, error="この質問にはまだ回答がありません。", next=self.current())
        findings = self.findings_for(qid)
        a.status = "kept_weak" if is_flagged(findings) else "ok"
        self._after_change()
        err = self._save()
        if err:
            return ReviewResult(False, error=err, next=self.current())
        return ReviewResult(True, None, findings, None, None, self.current(), None, a.status, 0)

    def set_actuals(
        self, values: dict[str, int], *, source: str, confirm: bool = False, month: str | None = None
    ) -> ReviewResult:
        """Record a month's actuals from a file (or a whole typed set); see :func:`.review_actuals.set_actuals`."""
        return set_actuals(self, values, source=source, confirm=confirm, month=month)

    # -- storing ---------------------------------------------------------------------------------
    def _after_change(self) -> None:
        rebuild_record(self)

    def _save(self) -> str | None:
        self.plan, err = self.saver.save_or_rollback(self.plan)
        if err:
            self._cmp = None
            self._findings.clear()
            self._plans = plan_source(self.plan)
        return err

    # -- reading ---------------------------------------------------------------------------------
    def findings(self) -> list[Finding]:
        """Findings of this month: weak answers, then the record-level monitoring rules."""
        out: list[Finding] = []
        for q in self.questions():
            if self._answered(q):
                out.extend(self.findings_for(q.id))
        from kaizen_guide.checks.monitoring_rules import record_findings

        out.extend(record_findings(self.plan, self.month, self.comparison(), today=self.today))
        return out

    def who(self) -> list[tuple[str, str, str]]:
        """(question id, 経営者/支援者, when) of this month's answers: who entered what and when."""
        rec = self.find_record(self.month)
        if rec is None:
            return []
        return [
            (qid, GIVER_LABELS.get(a.given_by, a.given_by), a.given_at.isoformat(timespec="seconds"))
            for qid, a in rec.answers.items()
        ]
