"""A family of accounting-export fixtures, rendered from one ledger.

Each renderer writes the file the way the reference (monitoring-reference §5) says the product
does, with the variant knobs the issue names (encoding, preamble, 円/千円, 税抜/税込, 累計, month
label style), and returns the 千円 figures a reader must find: what the file itself prints, per
month and plan line. The layouts are examples of a family; the tests vary the knobs.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

# (name, line it feeds as a detail, sign in the line) — one 試算表's P/L and B/S rows in order.
PL_ROWS = [
    ("売上高", "sales_total", 0),
    ("商品売上高", "sales", 1),
    ("サービス売上高", "sales", 1),
    ("売上高合計", "sales_total", 0),
    ("売上原価", "heading", 0),
    ("期首商品棚卸高", "cost_of_sales", 1),
    ("仕入高", "cost_of_sales", 1),
    ("期末商品棚卸高", "cost_of_sales", -1),
    ("売上原価合計", "cost_total", 0),
    ("売上総利益", "gross_total", 0),
    ("販売費及び一般管理費", "heading", 0),
    ("役員報酬", "personnel", 1),
    ("給料手当", "personnel", 1),
    ("法定福利費", "personnel", 1),
    ("地代家賃", "sga", 1),
    ("水道光熱費", "sga", 1),
    ("減価償却費", "sga", 1),
    ("販売費及び一般管理費合計", "sga_total", 0),
    ("営業利益", "op_total", 0),
    ("営業外収益", "heading", 0),
    ("受取利息", "non_operating_income", 1),
    ("雑収入", "non_operating_income", 1),
    ("営業外収益合計", "noi_total", 0),
    ("営業外費用", "heading", 0),
    ("支払利息", "non_operating_expenses", 1),
    ("営業外費用合計", "noe_total", 0),
    ("経常利益", "ord_total", 0),
]
BS_ROWS = [
    ("資産の部", "heading", 0),
    ("現金", "cash", 1),
    ("普通預金", "cash", 1),
    ("現金及び預金合計", "cash_total", 0),
    ("売掛金", "other_bs", 1),
    ("負債の部", "heading", 0),
    ("買掛金", "other_bs", 1),
    ("短期借入金", "borrow", 1),
    ("長期借入金", "borrow", 1),
]
FLOW_DETAILS = ["sales", "cost_of_sales", "personnel", "sga", "non_operating_income", "non_operating_expenses"]
UNIT_YEN = {"円": 1, "千円": 1000}


def _round_k(yen: int, unit: str) -> int:
    if unit == "円":
        return yen
    return int((Decimal(yen) / UNIT_YEN[unit]).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass
class Ledger:
    """12 fiscal months of account amounts in 円 (index 0 = 期首月)."""

    start: str  # "YYYY-MM" of 期首
    amounts: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, start: str, seed: int = 7) -> Ledger:
        rnd = random.Random(seed)
        led = cls(start)
        base = {
            "商品売上高": 9_800_000,
            "サービス売上高": 2_300_000,
            "仕入高": 4_200_000,
            "役員報酬": 800_000,
            "給料手当": 3_100_000,
            "法定福利費": 460_000,
            "地代家賃": 650_000,
            "水道光熱費": 520_000,
            "減価償却費": 300_000,
            "受取利息": 1_200,
            "雑収入": 35_000,
            "支払利息": 118_000,
        }
        for name, b in base.items():
            led.amounts[name] = [b + rnd.randint(-b // 8, b // 8) + rnd.randint(0, 999) for _ in range(12)]
        led.amounts["期首商品棚卸高"] = [1_500_000] + [0] * 11
        led.amounts["期末商品棚卸高"] = [0] * 11 + [1_650_000]
        cash, bank, loan_s, loan_l = 2_000_000, 14_000_000, 10_000_000, 82_000_000
        for name in ("現金", "普通預金", "売掛金", "買掛金", "短期借入金", "長期借入金"):
            led.amounts[name] = []
        for _k in range(12):
            cash += rnd.randint(-200_000, 200_000)
            bank += rnd.randint(-1_500_000, 1_200_000)
            loan_l -= 700_000
            led.amounts["現金"].append(cash)
            led.amounts["普通預金"].append(bank)
            led.amounts["売掛金"].append(6_000_000 + rnd.randint(-500_000, 500_000))
            led.amounts["買掛金"].append(3_000_000 + rnd.randint(-300_000, 300_000))
            led.amounts["短期借入金"].append(loan_s)
            led.amounts["長期借入金"].append(loan_l)
        return led

    @property
    def months(self) -> list[str]:
        y, m = int(self.start[:4]), int(self.start[5:])
        out = []
        for k in range(12):
            t = y * 12 + m - 1 + k
            out.append(f"{t // 12:04d}-{t % 12 + 1:02d}")
        return out

    def row_values(self, unit: str, tax_factor: Decimal = Decimal(1)) -> dict[str, list[int]]:
        """Every printed row (details and totals) in the file's unit, as software prints them:
        each row rounded on its own, totals from the yen figures."""

        def taxed(name, v):
            if name in ("商品売上高", "サービス売上高", "仕入高", "地代家賃", "水道光熱費"):
                return int((Decimal(v) * tax_factor).quantize(Decimal(1), rounding=ROUND_HALF_UP))
            return v

        yen = {n: [taxed(n, v) for v in vals] for n, vals in self.amounts.items()}

        def tot(names, signs=None):
            signs = signs or [1] * len(names)
            return [sum(s * yen[n][k] for n, s in zip(names, signs)) for k in range(12)]

        yen["売上高合計"] = tot(["商品売上高", "サービス売上高"])
        yen["売上高"] = yen["売上高合計"]
        yen["売上原価合計"] = tot(["期首商品棚卸高", "仕入高", "期末商品棚卸高"], [1, 1, -1])
        yen["売上総利益"] = [a - b for a, b in zip(yen["売上高合計"], yen["売上原価合計"])]
        sga_names = ["役員報酬", "給料手当", "法定福利費", "地代家賃", "水道光熱費", "減価償却費"]
        yen["販売費及び一般管理費合計"] = tot(sga_names)
        yen["営業利益"] = [a - b for a, b in zip(yen["売上総利益"], yen["販売費及び一般管理費合計"])]
        yen["営業外収益合計"] = tot(["受取利息", "雑収入"])
        yen["営業外費用合計"] = tot(["支払利息"])
        yen["経常利益"] = [a + b - c for a, b, c in zip(yen["営業利益"], yen["営業外収益合計"], yen["営業外費用合計"])]
        yen["現金及び預金合計"] = tot(["現金", "普通預金"])
        return {n: [_round_k(v, unit) for v in vals] for n, vals in yen.items()}

    def expected(
        self, unit: str, *, tax_factor: Decimal = Decimal(1), with_totals: bool = True
    ) -> dict[str, dict[str, int]]:
        """千円 per month and line that a correct reader finds in a file printed in ``unit``."""
        rows = self.row_values(unit, tax_factor)
        scale = Decimal(UNIT_YEN[unit]) / 1000

        def k(v):
            return int((Decimal(v) * scale).quantize(Decimal(1), rounding=ROUND_HALF_UP))

        def det(names, signs=None):
            signs = signs or [1] * len(names)
            return [sum(s * rows[n][i] for n, s in zip(names, signs)) for i in range(12)]

        if with_totals:
            line_rows = {
                "sales": rows["売上高合計"],
                "cost_of_sales": rows["売上原価合計"],
                "gross_profit": rows["売上総利益"],
                "sga": rows["販売費及び一般管理費合計"],
                "operating_profit": rows["営業利益"],
                "non_operating_income": rows["営業外収益合計"],
                "non_operating_expenses": rows["営業外費用合計"],
                "ordinary_profit": rows["経常利益"],
                "cash_end": rows["現金及び預金合計"],
            }
        else:
            sales = det(["商品売上高", "サービス売上高"])
            cost = det(["期首商品棚卸高", "仕入高", "期末商品棚卸高"], [1, 1, -1])
            sga = det(["役員報酬", "給料手当", "法定福利費", "地代家賃", "水道光熱費", "減価償却費"])
            noi, noe = det(["受取利息", "雑収入"]), det(["支払利息"])
            gross = [a - b for a, b in zip(sales, cost)]
            op = [a - b for a, b in zip(gross, sga)]
            line_rows = {
                "sales": sales,
                "cost_of_sales": cost,
                "gross_profit": gross,
                "sga": sga,
                "operating_profit": op,
                "non_operating_income": noi,
                "non_operating_expenses": noe,
                "ordinary_profit": [a + b - c for a, b, c in zip(op, noi, noe)],
                "cash_end": det(["現金", "普通預金"]),
            }
        line_rows["personnel"] = det(["役員報酬", "給料手当", "法定福利費"])
        line_rows["borrowings_end"] = det(["短期借入金", "長期借入金"])
        out: dict[str, dict[str, int]] = {}
        for i, m in enumerate(self.months):
            out[m] = {line: k(v[i]) for line, v in line_rows.items()}
        return out


def money(v: int, style: str = "comma") -> str:
    """A number the way exports print it: 1,234 / ▲1,234 / △1,234 / (1,234) / -1,234 / full width."""
    body = f"{abs(v):,}"
    if style == "fullwidth":
        body = body.translate(str.maketrans("0123456789,", "０１２３４５６７８９，"))
        return ("－" if v < 0 else "") + body
    if v >= 0:
        return body
    return {"comma": f"-{body}", "triangle": f"▲{body}", "white": f"△{body}", "paren": f"({body})"}[style]


def era_label(ym: str, style: str) -> str:
    y, m = int(ym[:4]), int(ym[5:])
    if style == "ym":
        return f"{y}年{m}月"
    if style == "slash":
        return f"{y}/{m:02d}"
    if style == "r":
        return f"R{y - 2018}.{m}"
    if style == "reiwa":
        return f"令和{y - 2018}年{m}月"
    if style == "m":
        return f"{m}月"
    if style == "do":
        return f"{m}月度"
    raise ValueError(style)


def _write_csv(path: Path, rows: list[list[object]], encoding: str, delimiter: str = ",") -> Path:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_ALL).writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def _pl_bs_rows(led: Ledger, unit: str, tax_factor: Decimal, *, totals: bool, numbers: str, cumulative: bool = False):
    """(name, [12 printed strings]) for every row, headings with blanks."""
    values = led.row_values(unit, tax_factor)
    out = []
    for name, kind, _sign in PL_ROWS + BS_ROWS:
        if kind == "heading":
            out.append((name, None))
            continue
        if not totals and (kind.endswith("_total") or name in ("売上総利益",)):
            continue
        if name == "売上高" and kind == "sales_total":
            continue  # the file prints 売上高 as the heading and 売上高合計 as the total
        vals = values[name]
        if cumulative and kind not in ("cash", "cash_total", "borrow", "other_bs"):
            run, acc = [], 0
            for v in vals:
                acc += v
                run.append(acc)
            vals = run
        out.append((name, [money(v, numbers) for v in vals]))
    out.insert(0, ("売上高", None))
    return out


def generic_csv(
    path: Path,
    led: Ledger,
    *,
    encoding="utf-8",
    unit="円",
    preamble=True,
    tax: str | None = "税抜",
    labels="ym",
    totals=True,
    numbers="comma",
    cumulative=False,
    tax_factor=Decimal(1),
    extra_rows: list[tuple[str, list[int]]] = (),
    extra_after="減価償却費",
    delimiter=",",
) -> Path:
    rows: list[list[object]] = []
    if preamble:
        rows.append(["月次推移表" + ("(累計)" if cumulative else "")])
        rows.append(["株式会社さくら亭"])
        if tax:
            rows.append([f"消費税: {tax}"])
        rows.append([f"(単位:{unit})"])
        rows.append([])
    rows.append(["勘定科目", *(era_label(m, labels) for m in led.months), "合計"])
    for name, vals in _pl_bs_rows(led, unit, tax_factor, totals=totals, numbers=numbers, cumulative=cumulative):
        rows.append([name, *(vals or [""] * 12), ""])
        if name == extra_after:  # extra rows sit among the 販管費 by default
            for extra, evals in extra_rows:
                rows.append([extra, *(money(v, numbers) for v in evals), ""])
    return _write_csv(path, rows, encoding, delimiter)


def yayoi_year(
    path: Path, led: Ledger, *, header: bool = False, encoding="cp932", tax="税抜", unit_line=False, kessan: int = 0
) -> Path:
    """弥生会計 残高試算表 (年間推移): months 1–6, 上半期, 7–12, 下半期, 当期仮残高, 決算仕訳, 当期残高.

    With ``header=False`` there is no row naming the months (the older layout, §5.2)."""
    values = led.row_values("円")
    rows: list[list[object]] = [
        ["残高試算表(年間推移)"],
        ["株式会社さくら亭"],
        [f"自 {era_label(led.months[0], 'reiwa')}1日 至 {era_label(led.months[-1], 'reiwa')}31日"],
        [f"[{tax}]"],
    ]
    if unit_line:
        rows.append(["(単位:円)"])
    if header:
        heads = [era_label(m, "do") for m in led.months]
        rows.append(
            [
                "",
                "",
                "勘定科目",
                *heads[:6],
                "上半期残高(合計)",
                *heads[6:],
                "下半期残高(合計)",
                "当期仮残高(合計)",
                "決算仕訳",
                "当期残高(合計)",
            ]
        )
    for name, kind, _s in PL_ROWS + BS_ROWS:
        if kind == "heading":
            rows.append(["", name, ""] + [""] * 17)
            continue
        if name == "売上高":
            continue
        v = values[name]
        balance = kind in ("cash", "cash_total", "borrow", "other_bs")
        h1 = v[5] if balance else sum(v[:6])
        h2 = v[11] if balance else sum(v[6:])
        tentative = v[11] if balance else sum(v)
        adj = kessan if name == "減価償却費" else 0
        cells = [*v[:6], h1, *v[6:], h2, tentative, adj, tentative + adj]
        rows.append(["", "", name, *(f"{c:,}" if c else "0" for c in cells)])
    return _write_csv(path, rows, encoding)


def mf_transition(path: Path, led: Ledger, *, encoding="cp932", unit="円", tax="税抜") -> Path:
    """MF クラウド会計 推移表 style: 開始月/終了月 cells in row 0, 大区分/勘定科目/補助科目 columns,
    補助科目 rows for 普通預金 (layout of the 推移表 is [U]; built from the 試算表 parser's layout)."""
    values = led.row_values(unit)
    rows: list[list[object]] = [
        [
            f"開始月:{led.months[0][:4]}/{led.months[0][5:]}",
            f"終了月:{led.months[-1][:4]}/{led.months[-1][5:]}",
            f"{tax}",
            f"単位:{unit}",
        ],
        ["大区分", "勘定科目", "補助科目", *(era_label(m, "slash") for m in led.months), "合計"],
    ]
    group = ""
    for name, kind, _s in PL_ROWS + BS_ROWS:
        if kind == "heading":
            group = name
            continue
        if name == "売上高":
            continue
        v = values[name]
        if kind.endswith("_total") or name == "売上総利益":
            rows.append([name, "", "", *(f"{c}" for c in v), ""])
            continue
        if name == "普通預金":
            a = [x // 3 for x in v]
            b = [x - y for x, y in zip(v, a)]
            rows.append([group, name, "ひまわり銀行", *(str(c) for c in a), ""])
            rows.append([group, name, "あおば信金", *(str(c) for c in b), ""])
            continue
        rows.append([group, name, "補助科目なし" if name == "給料手当" else "", *(str(c) for c in v), ""])
    return _write_csv(path, rows, encoding)


def freee_transition(path: Path, led: Ledger, *, encoding="cp932", unit="円", tax="税抜") -> Path:
    """freee 推移表 style: a title line, 勘定科目コード + 勘定科目 (2nd column), months, 期間累計."""
    values = led.row_values(unit)
    rows: list[list[object]] = [
        [f"月次推移:損益計算書・貸借対照表 ({tax}) {led.months[0]}〜{led.months[-1]}"],
        ["勘定科目コード", "勘定科目", *(f"{m[:4]}年{int(m[5:])}月" for m in led.months), "期間累計"],
    ]
    for code, (name, kind, _s) in enumerate(PL_ROWS + BS_ROWS, start=100):
        if kind == "heading" or name == "売上高":
            continue
        v = values[name]
        balance = kind in ("cash", "cash_total", "borrow", "other_bs")
        rows.append([str(code), name, *(money(c, "comma") for c in v), money(v[-1] if balance else sum(v))])
    return _write_csv(path, rows, encoding)


def tkc_transition(path: Path, led: Ledger, *, encoding="cp932", cumulative=False) -> Path:
    """TKC FX2 勘定科目残高推移表 「月間発生」 CSV (column layout [U]; the reference found none)."""
    values = led.row_values("円")
    title = "勘定科目残高推移表 " + ("(累計)" if cumulative else "(月間発生)")
    rows: list[list[object]] = [
        [title],
        ["(単位:円)"],
        ["科目コード", "科目名", *(era_label(m, "r") for m in led.months)],
    ]
    for code, (name, kind, _s) in enumerate(PL_ROWS + BS_ROWS, start=1):
        if kind == "heading" or name == "売上高":
            continue
        v = values[name]
        if cumulative and kind not in ("cash", "cash_total", "borrow", "other_bs"):
            acc, run = 0, []
            for x in v:
                acc += x
                run.append(acc)
            v = run
        rows.append([f"{code:04d}", name, *(money(c, "triangle") for c in v)])
    return _write_csv(path, rows, encoding)


def generic_xlsx(path: Path, led: Ledger, *, unit="千円", tax="税抜", date_headers=True) -> Path:
    import datetime

    import openpyxl

    values = led.row_values(unit)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "推移表"
    ws.append(["月次推移表"])
    ws.append([f"{tax}", f"単位:{unit}"])
    heads = [datetime.datetime(int(m[:4]), int(m[5:]), 1) if date_headers else era_label(m, "ym") for m in led.months]
    ws.append(["科目", *heads])
    for name, kind, _s in PL_ROWS + BS_ROWS:
        if kind == "heading":
            ws.append([name])
            continue
        if name == "売上高":
            continue
        ws.append([name, *values[name]])
    wb.save(path)
    return path


def mf_trial_month(path: Path, led: Ledger, month_index: int, *, encoding="cp932", unit="円", tax="税抜") -> Path:
    """A single-month 残高試算表: 前月残高 | 借方 | 貸方 | 当月残高 (P/L balances accumulate since 期首)."""
    values = led.row_values(unit)
    m = led.months[month_index]
    rows: list[list[object]] = [
        [f"開始月:{m[:4]}/{m[5:]}", f"終了月:{m[:4]}/{m[5:]}", tax, f"単位:{unit}"],
        ["勘定科目", "補助科目", "前月残高", "借方金額", "貸方金額", "当月残高", "構成比"],
    ]
    for name, kind, _s in PL_ROWS + BS_ROWS:
        if kind == "heading" or name == "売上高":
            continue
        v = values[name]
        balance = kind in ("cash", "cash_total", "borrow", "other_bs")
        closing = v[month_index] if balance else sum(v[: month_index + 1])
        opening = (v[month_index - 1] if month_index else 0) if balance else sum(v[:month_index])
        rows.append([name, "", str(opening), "", "", str(closing), ""])
    return _write_csv(path, rows, encoding)


def generic_both_tax(path: Path, led: Ledger, *, encoding="utf-8") -> Path:
    """Each month twice, 「2027年4月(税抜)」 and 「2027年4月(税込)」 (the 税込 figures ×1.1 on taxable rows)."""
    ex_rows = led.row_values("円")
    in_rows = led.row_values("円", Decimal("1.1"))
    heads = []
    for m in led.months:
        heads += [f"{era_label(m, 'ym')}(税抜)", f"{era_label(m, 'ym')}(税込)"]
    rows: list[list[object]] = [["月次推移表"], ["(単位:円)"], ["勘定科目", *heads]]
    for name, kind, _s in PL_ROWS + BS_ROWS:
        if kind == "heading" or name == "売上高":
            continue
        cells = []
        for k in range(12):
            cells += [money(ex_rows[name][k]), money(in_rows[name][k])]
        rows.append([name, *cells])
    return _write_csv(path, rows, encoding)


def yayoi_period_trial(path: Path, led: Ledger, end_index: int, *, encoding="cp932", tax="税抜") -> Path:
    """弥生 残高試算表 (月次・期間) from 期首 to month ``end_index``: 前期繰越 | 借方 | 貸方 | 期間残高 | 構成比.
    P/L balances are the 累計 since 期首; B/S balances the month-end figure."""
    values = led.row_values("円")
    start, end = led.months[0], led.months[end_index]
    rows: list[list[object]] = [
        ["残高試算表(月次・期間)"],
        ["株式会社さくら亭"],
        [f"自 {era_label(start, 'reiwa')}1日 至 {era_label(end, 'reiwa')}30日"],
        [f"[{tax}]"],
        ["勘定科目", "前期繰越", "借方金額", "貸方金額", "期間残高", "構成比"],
    ]
    for name, kind, _s in PL_ROWS + BS_ROWS:
        if kind == "heading":
            rows.append([name, "", "", "", "", ""])
            continue
        if name == "売上高":
            continue
        v = values[name]
        balance = kind in ("cash", "cash_total", "borrow", "other_bs")
        closing = v[end_index] if balance else sum(v[: end_index + 1])
        opening = v[0] if balance else 0
        rows.append([name, f"{opening:,}", "", "", f"{closing:,}", ""])
    return _write_csv(path, rows, encoding)
