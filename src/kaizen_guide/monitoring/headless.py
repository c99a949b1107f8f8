"""``kaizen-guide monitor PLAN --month YYYY-MM [--actuals FILE] [--answers REVIEW.yaml]``.

The review without a screen, through the same :class:`~kaizen_guide.monitoring.review.Review` as
the TUI (parse, validate, store, save, check). Weak answers are kept as they are (recorded as
kept_weak) and their findings printed, as ``interview --answers`` does.

Exit codes (as ``interview``): 0 done; 1 done with findings that need correcting; 2 bad input (a
message says what and where; everything accepted so far is saved).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from kaizen_guide.banks.yaml_loaders import PlainLoader
from kaizen_guide.engine.answers import AnswersFileError, read_answers_text
from kaizen_guide.engine.checking import FLAGGING

from ..model.plan import Plan
from .fiscal import MonitoringError, month_text, split_month
from .lines import LINE_BY_KEY, LINES

if TYPE_CHECKING:
    from .review import Review

EXIT_OK = 0
EXIT_FLAGGED = 1
EXIT_BAD_INPUT = 2

TOP_KEYS = ("month", "given_by", "prior", "actuals", "segments", "causes", "measures", "next_actions", "plan_actions")
LABEL_TO_KEY = {
    **{ln.label: ln.key for ln in LINES},
    **{ln.short_label: ln.key for ln in LINES},
    **{ln.key: ln.key for ln in LINES},
}


# The same error type as an interview answers file: a Japanese ``message`` naming file and line.
ReviewAnswersError = AnswersFileError


@dataclass
class ReviewAnswers:
    path: Path | None
    month: str | None = None
    given_by: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)  # question id → raw answer
    lines: dict[str, int] = field(default_factory=dict)


def _line_key(raw: Any, where: str) -> str:
    key = LABEL_TO_KEY.get(str(raw).strip())
    if key is None:
        raise ReviewAnswersError(f"{where}: 「{raw}」という項目はありません (使える項目: {', '.join(LINE_BY_KEY)})。")
    return key


def parse_review_answers(
    text: str, path: Path | None = None, *, segment_names: list[str] | None = None, actions: list[str] | None = None
) -> ReviewAnswers:
    """Read a review answers file (format: ``kaizen-guide sample`` writes one) into question ids."""
    name = str(path) if path else "振り返りの回答ファイル"
    try:
        data = yaml.load(text, Loader=PlainLoader)  # noqa: S506 - PlainLoader is a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark else name
        raise ReviewAnswersError(
            f"{where}: YAMLとして読めません。インデントや「:」の後の空白を確認してください。"
        ) from None
    data = data or {}
    if not isinstance(data, dict):
        raise ReviewAnswersError(
            f"{name}: 振り返りの回答ファイルは「month: 2027-06」「actuals: …」のような形にしてください。"
        )
    unknown = [k for k in data if k not in TOP_KEYS]
    if unknown:
        raise ReviewAnswersError(
            f"{name}: 知らない項目「{'」「'.join(map(str, unknown))}」があります (使える項目: {', '.join(TOP_KEYS)})。"
        )
    ra = ReviewAnswers(path, str(data["month"]) if data.get("month") is not None else None, data.get("given_by"))
    if ra.month is not None:
        try:
            split_month(ra.month)
        except MonitoringError as exc:
            raise ReviewAnswersError(f"{name}: month: {exc.message}") from None
    if ra.given_by not in (None, "owner", "advisor"):
        raise ReviewAnswersError(f"{name}: given_by は owner (経営者) か advisor (支援者) にしてください。")
    a = ra.answers

    def rows(key: str) -> list[dict[str, Any]]:
        v = data.get(key) or []
        if not isinstance(v, list) or not all(isinstance(x, dict) for x in v):
            raise ReviewAnswersError(f"{name}: {key} は「- {{項目: 値}}」の一覧にしてください。")
        return v

    def mapping(key: str) -> dict[str, Any]:
        v = data.get(key) or {}
        if not isinstance(v, dict):
            raise ReviewAnswersError(f"{name}: {key} は「項目: 値」の形にしてください。")
        return v

    def fields(prefix: str, row: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
        for k, v in row.items():
            if k not in allowed:
                raise ReviewAnswersError(f"{where}: 知らない項目「{k}」があります (使える項目: {', '.join(allowed)})。")
            a[f"{prefix}.{k}"] = v

    for i, row in enumerate(rows("prior")):
        fields(f"prior.{i}", row, ("status", "result", "reason", "new_due"), f"{name}: prior の{i + 1}件目")
    for k, v in mapping("actuals").items():
        if isinstance(v, dict):  # a period: 「2027-04: {売上高: …}」 per month
            m = str(k).strip()
            try:
                split_month(m)
            except MonitoringError as exc:
                raise ReviewAnswersError(f"{name}: actuals: {exc.message}") from None
            for kk, vv in v.items():
                a[f"actuals.{m}:{_line_key(kk, f'{name}: actuals の {m}')}.value"] = vv
        else:
            a[f"actuals.{_line_key(k, f'{name}: actuals')}.value"] = v
    names = segment_names or []
    for k, v in mapping("segments").items():
        if str(k) not in names:
            raise ReviewAnswersError(
                f"{name}: segments の「{k}」は計画の売上区分にありません (区分: {', '.join(names) or 'なし'})。"
            )
        idx = names.index(str(k))
        if isinstance(v, dict):
            fields(f"segments.{idx}", v, ("quantity", "sales"), f"{name}: segments の「{k}」")
        else:
            a[f"segments.{idx}.quantity"] = v
    for part, allowed in (("causes", ("text", "tag")), ("measures", ("text", "link"))):
        for k, v in mapping(part).items():
            key = _line_key(k, f"{name}: {part}")
            if isinstance(v, dict):
                fields(f"{part}.{key}", v, allowed, f"{name}: {part} の「{k}」")
            else:
                a[f"{part}.{key}.text"] = v
    nexts = rows("next_actions")
    for i, row in enumerate(nexts):
        fields(f"next_actions.{i}", row, ("text", "owner", "due", "target"), f"{name}: next_actions の{i + 1}件目")
        a[f"next_actions.{i}.more"] = i + 1 < len(nexts)
    for k, v in mapping("plan_actions").items():
        aid = str(k).strip()
        if actions is not None and aid not in actions:
            raise ReviewAnswersError(
                f"{name}: plan_actions の「{k}」は計画のアクションプランにありません (ID: {', '.join(actions) or 'なし'})。"
            )
        if isinstance(v, dict):
            fields(f"plan_actions.{aid}", v, ("status", "kpi_actual", "reason"), f"{name}: plan_actions の「{k}」")
        else:
            a[f"plan_actions.{aid}.status"] = v
    return ra


def load_review_answers(
    path: str | Path, *, segment_names: list[str] | None = None, actions: list[str] | None = None
) -> ReviewAnswers:
    p = Path(path)
    return parse_review_answers(
        read_answers_text(p, ReviewAnswersError), p, segment_names=segment_names, actions=actions
    )


def _import_actuals(
    plan: Plan,
    plan_path: str | Path,
    actuals: str | Path,
    month: str | None,
    *,
    unit: str | None,
    maps: list[str] | None,
    replace: bool,
    given_by: str,
    today: date | None,
    out: Callable[[str], None] | None,
    err: Callable[[str], None],
    reason: str = "",
) -> int | tuple[list[str], str]:
    """Read an accounting export and record its months (one month with ``month``, else every month
    in the file) in one atomic save. Returns an exit code, or (months recorded, note).

    Nothing is written unless every month is inside the plan, no recorded figure would change
    without ``replace``, and no account is unknown (each is listed with the ``--map`` to give)."""
    from kaizen_guide.imports import ActualsImportError
    from kaizen_guide.imports.session import month_changes, parse_account_answers, read_complete, remember_answers
    from kaizen_guide.model.store import save_plan

    from .review import Review

    name = Path(actuals).name
    try:
        answers = parse_account_answers(maps)
        result = read_complete(actuals, plan, month=month, unit=unit, answers=answers)
    except ActualsImportError as exc:
        err(f"{actuals} から実績を読めません: {exc.full_message}")
        return EXIT_BAD_INPUT
    if out is not None:  # what was read (not in the JSON output, which stays one document)
        out(f"{name} を読みました:")
        for line in result.summary_lines():
            out(f"  {line}")
    wanted = sorted(result.months)
    reviews: list[Review] = []
    for m in wanted:
        try:
            reviews.append(Review(plan, m, plan_path, given_by=given_by, autosave=False, today=today))
            reviews[-1].amend_reason = reason
        except MonitoringError as exc:
            err(f"{month_text(m)}: {exc.message} 計画ファイルは変更していません。")
            return EXIT_BAD_INPUT
    changes = month_changes(plan, result)
    if changes and not replace:
        for m, diffs in changes.items():
            err(f"{month_text(m)}の実績はすでに記録されています。次の項目が変わります:\n  " + "\n  ".join(diffs))
        err(
            "置き換えるときは --replace を付けて実行してください (置き換えた値は履歴に残ります)。計画ファイルは変更していません。"
        )
        return EXIT_BAD_INPUT
    remember_answers(plan, answers)
    for rv in reviews:
        res = rv.set_actuals(result.months[rv.month], source=name, confirm=True)
        if not res.accepted:
            err(
                f"{month_text(rv.month)}: {res.error or '実績を記録できませんでした。'} 計画ファイルは変更していません。"
            )
            return EXIT_BAD_INPUT
    try:
        save_plan(plan, plan_path)  # every month at once: a failure leaves the file as it was
    except OSError as exc:
        err(f"計画ファイルを保存できませんでした ({exc})。実績は記録されていません。")
        return EXIT_BAD_INPUT
    recorded = "、".join(month_text(m) for m in wanted)
    return (wanted, f"{name} から {len(wanted)}か月 ({recorded}) の実績を記録しました。")


def run_monitor(
    plan_path: str | Path,
    *,
    month: str | None = None,
    period: str | None = None,
    actuals: str | Path | None = None,
    answers: str | Path | None = None,
    fmt: str = "text",
    given_by: str = "advisor",
    replace: bool = False,
    out: Callable[[str], None] = print,
    err: Callable[[str], None] | None = None,
    today: date | None = None,
    unit: str | None = None,
    maps: list[str] | None = None,
    lock_wait: float | None = None,
    reason: str = "",
) -> int:
    """Run (or just show) one month's review; returns the exit code (see the module docstring).

    A run that records anything (``actuals`` or ``answers``) takes the plan's lock first, like
    ``interview --answers``: one writer per plan, so a TUI open on it never loses answers to us."""
    from kaizen_guide.engine.headless import LOCK_WAIT_S
    from kaizen_guide.model.lock import PlanLock, PlanLockedError
    from kaizen_guide.model.store import PlanFileError

    def run() -> int:
        return _run_monitor(
            plan_path,
            month=month,
            actuals=actuals,
            answers=answers,
            fmt=fmt,
            given_by=given_by,
            replace=replace,
            out=out,
            err=err,
            today=today,
            unit=unit,
            maps=maps,
            reason=reason,
            period=period,
        )

    if actuals is None and answers is None:
        return run()
    err_out = err or out
    wait = LOCK_WAIT_S if lock_wait is None else max(0.0, lock_wait)
    lock = PlanLock(plan_path)
    try:
        notice = lock.acquire(wait)
    except PlanLockedError as exc:
        err_out(exc.after_wait(wait))
        return EXIT_BAD_INPUT
    except PlanFileError as exc:
        err_out(exc.full_message)
        return EXIT_BAD_INPUT
    if notice:
        err_out(notice)  # a crashed holder's lock was taken over
    try:
        return run()
    finally:
        lock.release()


def _run_monitor(
    plan_path: str | Path,
    *,
    month: str | None,
    actuals: str | Path | None,
    answers: str | Path | None,
    fmt: str,
    given_by: str,
    replace: bool,
    out: Callable[[str], None],
    err: Callable[[str], None] | None,
    today: date | None,
    unit: str | None,
    maps: list[str] | None,
    reason: str = "",
    period: str | None = None,
) -> int:
    from kaizen_guide.model.store import PlanFileError, load_plan

    from .render import render_json, render_text
    from .review import Review, default_month

    err = err or out
    try:
        plan = load_plan(plan_path)
    except PlanFileError as exc:
        err(exc.full_message)
        return EXIT_BAD_INPUT
    seg_names = [s.name for s in plan.drivers.segments]
    ra = None
    try:
        if answers is not None:
            ra = load_review_answers(answers, segment_names=seg_names, actions=[a.id for a in plan.actions])
    except ReviewAnswersError as exc:
        err(exc.message)
        return EXIT_BAD_INPUT
    if ra is not None and ra.month and month and ra.month != month:
        err(f"--month {month} と回答ファイルの month: {ra.month} が違います。どちらかに揃えてください。")
        return EXIT_BAD_INPUT
    notes: list[str] = []  # the comparison itself says when the month has not closed yet
    from .period_review import review_period

    try:
        per = review_period(plan, month=month or (ra.month if ra else None), period=period)
    except MonitoringError as exc:
        err(exc.message)
        return EXIT_BAD_INPUT
    if actuals is not None:
        # a period's review records every month the file has (its months are the period's)
        one = None if per is not None else month or (ra.month if ra else None)
        imported = _import_actuals(
            plan,
            plan_path,
            actuals,
            one,
            unit=unit,
            maps=maps,
            replace=replace,
            given_by=(ra.given_by if ra and ra.given_by else given_by),
            today=today,
            out=None if fmt == "json" else out,
            err=err,
            reason=reason,
        )
        if isinstance(imported, int):  # an exit code: nothing recorded
            return imported
        notes.append(imported[1])
        target = month or (ra.month if ra else None) or (None if per else imported[0][-1])
    else:
        target = month or (ra.month if ra else None)
        if target is None and per is None:
            from .period_review import cadence_kind, default_period

            if cadence_kind(plan) == "month":
                target = default_month(plan)
            else:
                per = default_period(plan)
    try:
        rv = Review(
            plan,
            target,
            plan_path,
            given_by=(ra.given_by if ra and ra.given_by else given_by),
            today=today,
            period=per.code if per is not None else None,
        )
        rv.amend_reason = reason
    except MonitoringError as exc:
        err(exc.message)
        return EXIT_BAD_INPUT
    if ra is not None:  # a period file's actuals of the review's own month use the month's question ids
        ra.answers = {k.replace(f"actuals.{rv.month}:", "actuals.", 1): v for k, v in ra.answers.items()}
    flagged = 0
    if ra is not None:
        code, flagged = _apply(rv, ra, replace, notes, err)
        if code is not None:
            return code
    findings = rv.findings() if rv.has_record() else []
    board = rv.board()
    cmp = rv.comparison()
    if fmt == "json":
        out(render_json(cmp, findings, review=rv, board=board))
    else:
        for n in notes:
            if n:
                out(n)
        out(render_text(cmp, findings, review=rv, board=board))
    if ra is None:
        return EXIT_OK
    errors = [f for f in findings if f.severity in FLAGGING]
    return EXIT_FLAGGED if flagged or errors else EXIT_OK


def _apply(
    rv: Review, ra: ReviewAnswers, replace: bool, notes: list[str], err: Callable[[str], None]
) -> tuple[int | None, int]:
    used: set[str] = set()
    flagged = 0
    for _ in range(1000):  # bounded: each pass answers one question or stops
        # the file's answers in question order (also for a month already recorded: they update it)
        q = next((x for x in rv.questions() if x.id in ra.answers and x.id not in used), None)
        if q is not None:
            used.add(q.id)
            res = rv.answer(q.id, ra.answers[q.id], confirm=replace)
            if res.confirm:
                err(res.confirm + "\n置き換えるときは --replace を付けて実行してください。")
                return EXIT_BAD_INPUT, flagged
        else:
            q = rv.current()
            if q is None or q.id in used:
                break
            if q.required and not q.field.default_from:  # a default_from answer may be left out
                if q.step.each == "actual_line":
                    err(f"{ra.path}: actuals に「{q.context.get('label')}」がありません。")
                else:
                    err(f"{ra.path}: 「{q.prompt}」({q.id}) の回答がありません。")
                err("回答ファイルに足してから、もう一度実行してください。ここまでの回答は保存しました。")
                return EXIT_BAD_INPUT, flagged
            used.add(q.id)
            res = rv.answer(q.id, None)
        if not res.accepted:
            err(f"{ra.path}: {q.id}: {res.error}")
            err("ここまでに受け付けた回答は保存しました。")
            return EXIT_BAD_INPUT, flagged
        if res.note:
            notes.append(f"{q.id}: {res.note}")
        if res.follow_up:
            rv.keep_as_is(q.id)
            flagged += 1
            for f in res.findings:
                if f.severity in FLAGGING:
                    notes.append(f"{q.id}: [要確認] {f.message}")
    unused = [k for k in ra.answers if k not in used and not k.endswith(".more")]
    for k in unused:
        notes.append(
            f"回答「{k}」は今月の振り返りでは使いませんでした (その項目は未達ではないか、前月のアクションがないか、"
            "その施策は今月の確認の対象 (開始済みで済になっていないもの) ではありません)。"
        )
    return None, flagged
