"""Read monthly actuals from an accounting export: detect, classify, map, convert, check.

One tolerant reader for every product: it finds the preamble and the header (or, for the 弥生
年間推移 export that has none, the column positions), classifies each column (account labels,
months, subtotals to drop), maps each account row to a plan line through the synonym table and
the company's own mapping, converts to 千円 once per line and month, differences 累計 files,
and checks the 税抜/税込 basis against the plan. The product is detected only to name it and to
pick layout defaults; a file from another version that keeps the same shape reads the same.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from kaizen_guide.finance.rounding import to_int
from kaizen_guide.model.plan import ActualsTarget, Plan

from .errors import ActualsImportError
from .lines import BALANCE_LINES, LINE_KEYS, LINE_LABELS, MAP_TARGETS
from .months import FiscalCalendar, ym_add, ym_diff
from .preamble import UNITS_YEN, Preamble
from .rows import (
    Account,
    DetailRows,
    Layout,
    TotalRows,
    assign_lines,
    cell_text,
    detect_format,
    find_layout,
    read_accounts,
    resolve_months,
    suggest_line,
)
from .synonyms import account_key, load_table
from .table import read_table

FORMAT_LABELS = {
    "yayoi": "弥生会計",
    "moneyforward": "マネーフォワード クラウド会計",
    "freee": "freee会計",
    "tkc": "TKC (FX2/FX4)",
    "generic": "汎用 (科目×月の表)",
}
TAX_LABELS = {"excluded": "税抜", "included": "税込", None: "記載なし"}


@dataclass(frozen=True, slots=True)
class UnknownAccount:
    """An account the table and the plan's mapping do not know (asked once, then remembered)."""

    name: str
    key: str  # what the plan's mapping is keyed by
    row: int
    suggestion: ActualsTarget  # a MAP_TARGETS key
    amount_yen: Decimal  # sum over the file, to show the user what is at stake

    @property
    def suggestion_label(self) -> str:
        return MAP_TARGETS[self.suggestion]


@dataclass(slots=True)
class ActualsImport:
    """What one file gave: 千円 per month and line, and how it was read."""

    months: dict[str, dict[str, int]]
    source_format: str
    encoding: str
    unit: str
    unit_source: str  # "file" / "given" / "guessed"
    tax_basis: str | None  # "excluded" / "included" / None (not stated in the file)
    path: str = ""
    sha256: str = ""
    title: str = ""
    period: tuple[str, str] | None = None
    line_accounts: dict[str, list[str]] = field(default_factory=dict)
    line_how: dict[str, str] = field(default_factory=dict)  # total / detail / derived
    cumulative: bool = False
    cumulative_note: str | None = None
    unknown_accounts: list[UnknownAccount] = field(default_factory=list)
    ignored_accounts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def format_label(self) -> str:
        return FORMAT_LABELS.get(self.source_format, self.source_format)

    @property
    def complete(self) -> bool:
        """False while an unknown account waits for the user's mapping."""
        return not self.unknown_accounts

    def summary_lines(self) -> list[str]:
        """What was read, in Japanese, for the CLI and the TUI."""
        unit_note = {"file": "ファイルの記載", "given": "指定", "guessed": "金額の大きさから推定"}[self.unit_source]
        out = [
            f"形式: {self.format_label}" + (f" 「{self.title}」" if self.title else ""),
            f"文字コード: {self.encoding}",
            f"単位: {self.unit} ({unit_note}) → 千円に換算 (千円未満四捨五入)",
            f"消費税: {TAX_LABELS[self.tax_basis]}",
            f"月: {', '.join(sorted(self.months)) or 'なし'}",
        ]
        if self.cumulative_note:
            out.append(self.cumulative_note)
        for line in LINE_KEYS:
            if line not in self.line_how:
                continue
            how = {"total": "合計行", "detail": "明細の合計", "derived": "計算"}[self.line_how[line]]
            accounts = "・".join(self.line_accounts.get(line, [])) or "—"
            out.append(f"  {LINE_LABELS[line]}: {accounts} ({how})")
        out.extend(f"注意: {w}" for w in self.warnings)
        out.extend(self.notes)
        return out


# --------------------------------------------------------------------------------------------
# The public entry point


def _plan_mapping(plan: Plan) -> dict[str, str]:
    settings = getattr(plan, "actuals_import", None)
    return dict(settings.account_mapping) if settings is not None else {}


def _plan_tax_basis(plan: Plan) -> str:
    settings = getattr(plan, "actuals_import", None)
    return settings.tax_basis if settings is not None else "excluded"


def recorded_actuals(plan: Plan) -> dict[str, dict[str, int]]:
    return {r.month: dict(r.actuals) for r in getattr(plan, "monitoring", [])}


def default_year_start(plan: Plan, cal: FiscalCalendar) -> str | None:
    """The fiscal year a month label without a year belongs to when nothing else says.

    The year after the last month with actuals, else the one the monitoring starts in, else
    計画1年目.
    """
    recorded = sorted(m for m, v in recorded_actuals(plan).items() if v)
    if recorded:
        return cal.year_start(ym_add(recorded[-1], 1))
    start = getattr(plan.monitoring_plan, "start", None)
    if start:
        return cal.year_start(start)
    from kaizen_guide.finance.labels import fiscal_months

    months = fiscal_months(plan, 1)
    if months:
        y, m = months[0]
        return f"{y:04d}-{m:02d}"
    return None


def read_actuals(
    path: str | Path,
    plan: Plan,
    *,
    month: str | None = None,
    unit: str | None = None,
    cumulative: bool | None = None,
    mapping: Mapping[str, str] | None = None,
) -> ActualsImport:
    """Read an accounting export into 千円 per month and plan line.

    ``month`` ("YYYY-MM"): keep only that month (and name the month of a single-period file).
    ``unit`` (円/千円/百万円) and ``cumulative`` override what the file says or what is guessed.
    ``mapping`` adds account → target answers on top of the plan's remembered ones.
    Raises ``ActualsImportError`` (Japanese, naming row/column) for anything unreadable and
    for a 税抜/税込 basis that differs from the plan's. Unknown accounts are not an error: they are
    listed in ``unknown_accounts`` and left out of the figures until mapped.
    """
    p = Path(path)
    if unit is not None and unit not in UNITS_YEN:
        raise ActualsImportError(f"単位「{unit}」は使えません。円・千円・百万円のいずれかを指定してください。")
    table = read_table(p)
    rows = table.rows
    plan_basis = _plan_tax_basis(plan)
    layout = find_layout(rows, p.name, plan_basis)
    pre = Preamble()
    for r in rows[: layout.header_row if layout.header_row is not None else layout.data_start]:
        for c in r:
            pre.add(c)
    if layout.header_row is not None:  # 「金額(円)」 style units in the header itself
        for c in rows[layout.header_row]:
            t = cell_text(c)
            if "単位" in t or t.endswith(("(円)", "(千円)", "(百万円)", "（円）", "（千円）")):
                pre.texts.append(t)
    pre.parse()
    if layout.tax_from_columns is not None:
        pre.tax_basis = layout.tax_from_columns
    fmt = detect_format(table, pre, layout)

    cal = FiscalCalendar.of_plan(plan)
    # Which fiscal year month labels without a year (and 弥生's positions) belong to.
    year_start: str | None
    if pre.period is not None:
        year_start = cal.year_start(pre.period[0])
    elif month is not None:
        year_start = cal.year_start(month)
    else:
        year_start = default_year_start(plan, cal)
    needs_year = layout.kind == "positional" or any(getattr(lb, "kind", "") == "m" for lb in layout.month_cols.values())
    if needs_year and year_start is None:
        raise ActualsImportError(
            "ファイルの月に年がなく、計画からも会計年度が分かりません。--month 2027-04 のように対象月を指定してください。"
        )
    notes: list[str] = []
    if needs_year and year_start is not None:  # (refused above when it is None)
        notes.append(f"年のない月は {cal.label(year_start)} の月として読みました。")

    single_month = None
    if layout.kind == "single":
        if month is not None:
            if pre.period is not None and pre.period[1] != month:
                raise ActualsImportError(
                    f"ファイルの期間 ({_ym_ja(pre.period[0])}〜{_ym_ja(pre.period[1])}) の最後の月と、"
                    f"指定した月 ({_ym_ja(month)}) が合いません。対象月の試算表を指定してください。"
                )
            single_month = month
        elif pre.period is not None:
            single_month = pre.period[1]
        else:
            raise ActualsImportError(
                f"{p.name} には1期間の金額しかなく、何月の実績か分かりません。--month 2027-04 のように対象月を指定してください。"
            )
    month_of_col = resolve_months(layout, cal, year_start, p.name) if layout.kind != "single" else {}

    syn = load_table()
    company_mapping = _plan_mapping(plan)
    if mapping:
        company_mapping.update({account_key(k): v for k, v in mapping.items()})
    accounts = read_accounts(table, layout, month_of_col, single_month, syn)
    if not accounts:
        raise ActualsImportError(f"{p.name} に勘定科目の行がありません。試算表・推移表を出力し直してください。")
    totals, details, unknown, ignored = assign_lines(accounts, syn, company_mapping)

    # Unit: the file's word, else the caller's, else a guess from the plan's size.
    if unit is not None:
        unit_name, unit_source = unit, "given"
    elif pre.unit is not None:
        unit_name, unit_source = pre.unit, "file"
    else:
        unit_name, unit_source = _guess_unit(plan, totals, details, fmt), "guessed"
        notes.append(
            f"ファイルに単位の記載がないため、金額の大きさから「{unit_name}」と判断しました。"
            "違う場合は、単位を指定して取り込み直してください。"
        )
    scale = Decimal(UNITS_YEN[unit_name])

    # Tax basis: refuse a file on the other basis (達成率 would move ~10pt with nothing behind it).
    if pre.tax_basis is not None and pre.tax_basis != plan_basis:
        raise ActualsImportError(
            f"このファイルは{TAX_LABELS[pre.tax_basis]}の金額ですが、計画は{TAX_LABELS[plan_basis]}で作られています。"
            f"{TAX_LABELS[pre.tax_basis]}の実績を{TAX_LABELS[plan_basis]}の計画と比べると、売上や課税仕入が約10%ずれ、"
            "達成率が10ポイント近く動いてしまいます。会計ソフトの表示を"
            f"{TAX_LABELS[plan_basis]}に切り替えて出力し直してください (計画自体が{TAX_LABELS[pre.tax_basis]}で作られている場合は、"
            "計画の「消費税の扱い」を変えてから取り込んでください)。"
        )
    if pre.tax_basis is None:
        notes.append(f"ファイルに税抜・税込の記載がありません。計画と同じ{TAX_LABELS[plan_basis]}として扱いました。")

    all_months = sorted(
        {m for a in accounts for m in a.values}
        | set(month_of_col.values())
        | ({single_month} if single_month else set())
    )
    lines_yen: dict[str, dict[str, Decimal]] = {}
    line_accounts: dict[str, list[str]] = {}
    line_how: dict[str, str] = {}
    warnings: list[str] = []
    for line in LINE_KEYS:
        cands = totals.get(line)
        if cands:
            cands.sort(key=lambda t: (t[0], t[2].row))
            _prio, sign, acct = cands[0]
            lines_yen[line] = {m: sign * acct.values.get(m, Decimal(0)) for m in all_months}
            line_accounts[line] = [acct.name]
            line_how[line] = "total"
            if details.get(line):
                det = {
                    m: sum((s * a.values.get(m, Decimal(0)) for s, a in details[line]), Decimal(0)) for m in all_months
                }
                tol = _tolerance(unit_name, len(details[line]))
                off = [m for m in all_months if abs(det[m] - lines_yen[line][m]) > tol]
                if off and line not in BALANCE_LINES | {"personnel"}:
                    m = off[0]
                    warnings.append(
                        f"{LINE_LABELS[line]}: 合計行「{acct.name}」({_fmt(lines_yen[line][m], unit_name)}) と明細の合計"
                        f" ({_fmt(det[m], unit_name)}) が {int(m[5:])}月で一致しません。合計行を使いました。"
                    )
        elif details.get(line):
            lines_yen[line] = {
                m: sum((s * a.values.get(m, Decimal(0)) for s, a in details[line]), Decimal(0)) for m in all_months
            }
            line_accounts[line] = [a.name for _s, a in details[line]]
            line_how[line] = "detail"

    # Opening balances of a single-period 試算表: P/L rows hold balances since 期首.
    openings: dict[str, Decimal] = {}
    if layout.kind == "single" and layout.opening_col is not None:
        for line, how in line_how.items():
            if line in BALANCE_LINES:
                continue
            if how == "total":
                _prio, sign, total_acct = sorted(totals[line], key=lambda t: (t[0], t[2].row))[0]
                openings[line] = sign * total_acct.halves.get(-1, Decimal(0))
            else:
                openings[line] = sum((s * a.halves.get(-1, Decimal(0)) for s, a in details[line]), Decimal(0))

    _derive(lines_yen, line_accounts, line_how, all_months, warnings, unit_name)

    # 累計 (cumulative) figures → the month's own figure.
    is_cum, cum_note = _cumulative(cumulative, pre, layout, accounts, lines_yen, all_months, fmt)
    recorded = recorded_actuals(plan)
    if layout.kind == "single" and single_month is not None:  # (a single layout always has its month)
        for line in list(lines_yen):
            if line not in BALANCE_LINES and line in openings:
                lines_yen[line][single_month] -= openings[line]
    # Differences are taken in 円, before the one rounding to 千円, so a 累計 file gives the same
    # figures as the monthly one.
    yen = {line: {m: v * scale for m, v in by_month.items()} for line, by_month in lines_yen.items()}
    if layout.kind == "single" and single_month is not None:
        cum_note = _single_period(yen, pre, layout, single_month, recorded)
        is_cum = cum_note is not None and "差し引いて" in cum_note
    elif is_cum:
        yen = _difference(yen, cal, recorded)
    flows_k = {line: {m: to_int(v / 1000) for m, v in by_month.items()} for line, by_month in yen.items()}
    months_out: dict[str, dict[str, int]] = {}
    for m in all_months:
        months_out[m] = {line: flows_k[line][m] for line in LINE_KEYS if line in flows_k and m in flows_k[line]}

    # A month whose P/L is all zero has not been booked yet (a 年間推移 printed mid-year carries the
    # B/S balances into the later months): it is not an actuals month.
    def booked(values: dict[str, int]) -> bool:
        return any(v for k, v in values.items() if k not in BALANCE_LINES)

    if month is not None:
        if layout.kind != "single" and month not in months_out:
            found = ", ".join(all_months) or "なし"
            raise ActualsImportError(
                f"{month[:4]}年{int(month[5:])}月の列がファイルにありません (ファイルの月: {found})。"
            )
        if not booked(months_out[month]):
            raise ActualsImportError(
                f"{_ym_ja(month)}の損益の金額がすべて0か空です。まだ記帳されていないか、別の月の列を読んでいます。"
                "会計ソフトで対象月を確かめて出力し直してください。"
            )
        if len(months_out) > 1:
            notes.append(f"ファイルの {len(months_out)} か月のうち {month} だけを読みました。")
        months_out = {month: months_out[month]}
    empty = [m for m, v in months_out.items() if not booked(v)]
    if empty and len(empty) < len(months_out):
        notes.append(f"{'、'.join(_ym_ja(m) for m in empty)}は損益の金額がないため、実績として取り込みませんでした。")
    months_out = {m: v for m, v in months_out.items() if booked(v)}
    sales_months = [m for m, v in months_out.items() if v.get("sales", 0) < 0]
    if sales_months and len(sales_months) == len(months_out):
        warnings.append(
            "売上高がすべての月でマイナスです。会計ソフトが貸方をマイナスで出力する設定になっていないか確認してください。"
        )

    unknown_out = []
    seen_keys = set()
    for a in unknown:
        if a.key in seen_keys:
            continue
        seen_keys.add(a.key)
        unknown_out.append(
            UnknownAccount(a.name, a.key, a.row, suggest_line(a), sum(a.values.values(), Decimal(0)) * scale)
        )
    digest = hashlib.sha256(p.read_bytes()).hexdigest()
    return ActualsImport(
        months=months_out,
        source_format=fmt,
        encoding=table.encoding,
        unit=unit_name,
        unit_source=unit_source,
        tax_basis=pre.tax_basis,
        path=str(p),
        sha256=digest,
        title=pre.title,
        period=pre.period,
        line_accounts=line_accounts,
        line_how=line_how,
        cumulative=is_cum,
        cumulative_note=cum_note,
        unknown_accounts=unknown_out,
        ignored_accounts=ignored,
        notes=notes,
        warnings=warnings,
    )


def _tolerance(unit: str, parts: int) -> Decimal:
    """Rows printed in 千円 are each rounded, so a total may differ from its parts by up to half a
    unit per part; in 円 they must agree exactly."""
    return Decimal(0) if unit == "円" else Decimal(parts + 1) / 2


def _fmt(v: Decimal, unit: str) -> str:
    from kaizen_guide.ja import format_amount

    return f"{format_amount(to_int(v), '円')}{unit}"


def _guess_unit(plan: Plan, totals: TotalRows, details: DetailRows, fmt: str) -> str:
    """円 or 千円 from the size of 売上高 against the plan's last annual 売上高 (千円)."""
    sales_rows = [a for _p, _s, a in totals.get("sales", [])] or [a for _s, a in details.get("sales", [])]
    values = [abs(v) for a in sales_rows for v in a.values.values()]
    if not values:
        values = [abs(v) for rows in totals.values() for _p, _s, a in rows for v in a.values.values()]
    if not values:
        return "円"
    biggest = max(values)
    latest = plan.financials.latest
    if latest is not None and latest.pl.sales > 0:
        monthly_k = Decimal(latest.pl.sales) / 12
        # A month's 売上 in 円 is ~1,000× the plan's monthly figure in 千円; split the difference.
        return "円" if biggest > monthly_k * 30 else "千円"
    return "円" if biggest >= 10_000_000 or fmt != "generic" else "千円"


def _derive(
    lines: dict[str, dict[str, Decimal]],
    accounts: dict[str, list[str]],
    how: dict[str, str],
    months: list[str],
    warnings: list[str],
    unit: str,
) -> None:
    """Totals the file does not print, from their parts; and a check where it does."""

    def have(*keys: str) -> bool:
        return all(k in lines for k in keys)

    rules: list[tuple[str, tuple[str, ...], Callable[[str], Decimal], str]] = [
        (
            "gross_profit",
            ("sales", "cost_of_sales"),
            lambda m: lines["sales"][m] - lines["cost_of_sales"][m],
            "売上高−売上原価",
        ),
        (
            "operating_profit",
            ("gross_profit", "sga"),
            lambda m: lines["gross_profit"][m] - lines["sga"][m],
            "売上総利益−販管費",
        ),
        (
            "ordinary_profit",
            ("operating_profit",),
            lambda m: (
                lines["operating_profit"][m]
                + lines.get("non_operating_income", {}).get(m, Decimal(0))
                - lines.get("non_operating_expenses", {}).get(m, Decimal(0))
            ),
            "営業利益+営業外収益−営業外費用",
        ),
    ]
    for target, parts, fn, formula in rules:
        if not have(*parts):
            continue
        computed = {m: fn(m) for m in months}
        if target not in lines:
            lines[target] = computed
            accounts[target] = [formula]
            how[target] = "derived"
        elif how[target] != "derived":
            tol = _tolerance(unit, len(parts) + 2)
            off = [m for m in months if abs(computed[m] - lines[target][m]) > tol]
            if off:
                m = off[0]
                warnings.append(
                    f"{LINE_LABELS[target]} ({_fmt(lines[target][m], unit)}) が内訳からの計算 ({_fmt(computed[m], unit)}) と"
                    f" {int(m[5:])}月で一致しません。取り込まれていない科目がないか確認してください。"
                )


def _cumulative(
    given: bool | None,
    pre: Preamble,
    layout: Layout,
    accounts: list[Account],
    lines: dict[str, dict[str, Decimal]],
    months: list[str],
    fmt: str,
) -> tuple[bool, str | None]:
    if given is not None:
        return given, ("累計の数字として、前月までとの差額を当月の金額にしました (指定による)。" if given else None)
    if layout.kind == "single":
        return False, None
    if pre.cumulative_hint is False:
        return False, "ファイルは月間発生額 (各月の金額) として読みました。"
    # Evidence from the 期間累計 / 半期 columns: equal to the sum of the months (月次) or to the
    # last month (累計)?
    votes_sum = votes_last = 0
    for a in accounts:
        vals = [a.values.get(m, Decimal(0)) for m in months]
        if sum(1 for v in vals if v) < 2:
            continue
        if a.total_value is not None:
            s, last = sum(vals, Decimal(0)), next((v for v in reversed(vals) if v), Decimal(0))
            if s != last:
                votes_sum += a.total_value == s
                votes_last += a.total_value == last
    if pre.cumulative_hint is True and votes_sum <= votes_last:
        return True, "ファイルは累計の数字のため、前月までとの差額を当月の金額にしました。"
    if votes_last > votes_sum:
        return (
            True,
            "期間累計の列が最終月の金額と一致するため累計の数字と判断し、前月までとの差額を当月の金額にしました。",
        )
    return False, None


def _difference(
    flows: dict[str, dict[str, Decimal]], cal: FiscalCalendar, recorded: dict[str, dict[str, int]]
) -> dict[str, dict[str, Decimal]]:
    out: dict[str, dict[str, Decimal]] = {}
    for line, by_month in flows.items():
        if line in BALANCE_LINES:
            out[line] = dict(by_month)
            continue
        res: dict[str, Decimal] = {}
        for m in sorted(by_month):
            prev_m = ym_add(m, -1)
            if cal.index(m) == 1:
                res[m] = by_month[m]  # 累計 restarts at 期首
            elif prev_m in by_month:
                res[m] = by_month[m] - by_month[prev_m]
            else:
                # The file starts mid-year: the months before must already be recorded.
                start = cal.year_start(m)
                before = [ym_add(start, k) for k in range(ym_diff(m, start))]
                missing = [b for b in before if line not in recorded.get(b, {})]
                if missing:
                    raise ActualsImportError(
                        f"累計の数字から{int(m[5:])}月単月の金額を出すには、{', '.join(missing)} の実績が必要ですが、"
                        "まだ記録されていません。期首からの月を含めて出力するか、月間の金額で出力してください。"
                    )
                res[m] = by_month[m] - 1000 * sum(recorded[b][line] for b in before)
        out[line] = res
    return out


def _ym_ja(ym: str) -> str:
    return f"{ym[:4]}年{int(ym[5:])}月"


def _single_period(
    flows: dict[str, dict[str, Decimal]],
    pre: Preamble,
    layout: Layout,
    month: str,
    recorded: dict[str, dict[str, int]],
) -> str | None:
    """A one-period 試算表 covers its 期間; a period of several months is made single-month by
    taking off the months already recorded."""
    if pre.period is None or pre.period[0] == month:
        if layout.opening_col is not None:
            return "試算表の当月残高から前月残高を差し引いて、損益科目の当月の金額にしました。"
        return None
    start = pre.period[0]
    before = [ym_add(start, k) for k in range(ym_diff(month, start))]
    for line, by_month in flows.items():
        if line in BALANCE_LINES:
            continue
        missing = [b for b in before if line not in recorded.get(b, {})]
        if missing:
            raise ActualsImportError(
                f"このファイルは {_ym_ja(start)}〜{_ym_ja(month)} の累計です。{_ym_ja(month)}単月の金額を出すには "
                f"{', '.join(_ym_ja(b) for b in missing)} の実績が必要ですが、まだ記録されていません。"
                f"期間を {_ym_ja(month)} だけにして出力し直すか、先に前の月を取り込んでください。"
            )
        by_month[month] -= 1000 * sum(recorded[b][line] for b in before)
    return (
        f"ファイルは {_ym_ja(start)}〜{_ym_ja(month)} の累計のため、記録済みの前月までの実績を差し引いて"
        f" {_ym_ja(month)} の金額にしました。"
    )
