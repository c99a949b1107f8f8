"""Reading an accounting export's table: where the names and months are (the layout), its rows
as accounts, and which plan line each account adds to.

Used by ``reader.read_actuals``; nothing here knows the plan beyond the synonym table and mapping.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kaizen_guide.model.plan import ActualsTarget

from .cells import CellError, parse_cell
from .errors import ActualsImportError, column_name
from .lines import BALANCE_LINES, detail_lines
from .months import FiscalCalendar, Label, classify_label, tax_mark, ym_add, ym_diff
from .preamble import Preamble
from .synonyms import SynonymTable, account_key
from .table import Table

_HEADER_SCAN = 40
_NAME_HEADERS = ("勘定科目", "科目", "科目名", "勘定科目名", "項目", "account")
_SUB_HEADERS = ("補助科目", "補助", "内訳")
_CODE_HEADERS = ("コード", "code", "科目cd", "番号")
_SINGLE_VALUE_HEADERS = ("当月残高", "期末残高", "当期残高", "残高", "金額", "当月", "実績", "当月発生", "期間残高")
_OPENING_HEADERS = ("前月残高", "前月繰越", "期首残高", "前期繰越", "繰越残高", "開始残高")
_NO_SUB = ("補助科目なし", "なし", "-")
# 弥生 年間推移 without a header row (monitoring-reference §5.2): 0-based columns.
_YAYOI_MONTH_COLUMNS = (3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15)
_YAYOI_HALF_COLUMNS = {9: range(0, 6), 16: range(6, 12)}


# --------------------------------------------------------------------------------------------
# Layout


@dataclass(slots=True)
class Layout:
    kind: str  # "months" (a column per month) / "single" (one period) / "positional" (弥生, no header)
    header_row: int | None  # 0-based
    data_start: int
    label_cols: list[int]
    sub_col: int | None
    code_cols: set[int]
    month_cols: dict[int, Label | int]  # col -> Label (months) or fiscal month number 1-12 (positional)
    total_col: int | None = None  # 期間累計 / 合計, used to tell 累計 from 月次
    half_cols: dict[int, range] = field(default_factory=dict)
    value_col: int | None = None  # single
    opening_col: int | None = None  # single: 前月残高 (PL period amount = value − opening)
    tax_from_columns: str | None = None  # the month columns say 税抜/税込 themselves


def cell_text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()


def _is_numberish(cell: object) -> bool:
    if cell is None:
        return False
    try:
        return parse_cell(cell) is not None
    except CellError:
        return False


def find_layout(rows: list[list[object]], name: str, basis: str = "excluded") -> Layout:
    # 1. A header row naming at least two months (or one month beside an account header).
    best = None
    for i, row in enumerate(rows[:_HEADER_SCAN]):
        labels = {j: classify_label(c) for j, c in enumerate(row)}
        months = {j: lb for j, lb in labels.items() if lb.kind in ("ym", "m")}
        has_name = any(cell_text(c).replace(" ", "") in _NAME_HEADERS for c in row)
        if len(months) >= 2 or (months and has_name):
            best = (i, labels, months)
            break
    tax_from_columns = None
    if best is not None:
        i, labels, months = best
        first = min(months)
        marks = {j: tax_mark(lb.text) for j, lb in months.items()}
        kinds = {k for k in marks.values() if k}
        if len(kinds) == 2:  # the file carries both: take the plan's basis
            months = {j: lb for j, lb in months.items() if marks[j] in (None, basis)}
            tax_from_columns = basis
        elif kinds:
            tax_from_columns = kinds.pop()
        header = rows[i]
        label_cols = [j for j in range(first) if labels.get(j) is None or labels[j].kind != "sub"]
        sub_col = next((j for j in label_cols if any(h in cell_text(header[j]) for h in _SUB_HEADERS)), None)
        code_cols = {j for j in label_cols if any(h in cell_text(header[j]).lower() for h in _CODE_HEADERS)}
        total_col = next(
            (
                j
                for j, lb in labels.items()
                if lb.kind == "sub"
                and any(w in lb.text for w in ("期間累計", "合計", "累計"))
                and "上半期" not in lb.text
                and "下半期" not in lb.text
                and "前" not in lb.text
            ),
            None,
        )
        return Layout(
            "months",
            i,
            i + 1,
            [j for j in label_cols if j != sub_col and j not in code_cols],
            sub_col,
            code_cols,
            dict(months),
            total_col,
            tax_from_columns=tax_from_columns,
        )
    # 2. A single-period 試算表: 勘定科目 | (前月残高) | 借方 | 貸方 | 当月残高 …
    for i, row in enumerate(rows[:_HEADER_SCAN]):
        cells = [cell_text(c).replace(" ", "") for c in row]
        name_col = next((j for j, c in enumerate(cells) if c in _NAME_HEADERS), None)
        if name_col is None:
            continue
        value_col = next(
            (j for h in _SINGLE_VALUE_HEADERS for j, c in enumerate(cells) if c == h or c.startswith(h)), None
        )
        if value_col is None:
            continue
        opening_col = next((j for h in _OPENING_HEADERS for j, c in enumerate(cells) if c.startswith(h)), None)
        label_cols = [j for j in range(value_col) if j == name_col or (j < name_col)]
        sub_col = next((j for j, c in enumerate(cells) if any(h in c for h in _SUB_HEADERS) and j < value_col), None)
        code_cols = {j for j, c in enumerate(cells) if any(h in c.lower() for h in _CODE_HEADERS)}
        label_cols = [j for j in label_cols if j != sub_col and j not in code_cols]
        return Layout(
            "single",
            i,
            i + 1,
            label_cols,
            sub_col,
            code_cols,
            {},
            value_col=value_col,
            opening_col=opening_col if opening_col is not None and opening_col < value_col else None,
        )
    # 3. 弥生 年間推移 with no header: labels in columns 1–3, amounts in 4–20.
    wide = [
        r
        for r in rows
        if len(r) >= 17 and any(cell_text(c) for c in r[:3]) and sum(1 for c in r[3:20] if _is_numberish(c)) >= 6
    ]
    if len(wide) >= 2:
        start = next(i for i, r in enumerate(rows) if r is wide[0])
        positions: dict[int, Label | int] = {col: k + 1 for k, col in enumerate(_YAYOI_MONTH_COLUMNS)}
        return Layout("positional", None, start, [0, 1, 2], None, set(), positions, None, dict(_YAYOI_HALF_COLUMNS))
    # 4. Two columns, account and amount, no header at all.
    pairs = [r for r in rows if len(r) >= 2 and cell_text(r[0]) and not _is_numberish(r[0]) and _is_numberish(r[-1])]
    if len(pairs) >= 2:
        start = next(i for i, r in enumerate(rows) if r is pairs[0])
        width = max(len(r) for r in pairs)
        return Layout("single", None, start, list(range(width - 1)), None, set(), {}, value_col=width - 1)
    raise ActualsImportError(
        f"{name} に月の見出し (「4月」「2027年4月」など) も、勘定科目と金額の列も見つかりません。"
        "会計ソフトの試算表・推移表 (科目ごとに行、月ごとに列) を CSV か Excel で出力して指定してください。"
    )


def detect_format(table: Table, pre: Preamble, layout: Layout) -> str:
    head = " ".join(cell_text(c) for r in table.rows[: (layout.header_row or layout.data_start) + 1] for c in r)
    body = " ".join(cell_text(c) for r in table.rows[:80] for c in r[:4])
    if "TKC" in head.upper() or "勘定科目残高推移表" in head or "月間発生" in head:
        return "tkc"
    if "freee" in head.lower() or ("推移" in head and "期間累計" in head):
        return "freee"
    if (
        ("開始月" in head and "終了月" in head)
        or "マネーフォワード" in head
        or "Money Forward" in head
        or "補助科目なし" in body
        or "大区分" in head
    ):
        return "moneyforward"
    if (
        "弥生" in head
        or layout.kind == "positional"
        or any(w in head for w in ("決算仕訳", "当期仮残高", "月度", "月次・期間", "年間推移"))
    ):
        return "yayoi"
    return "generic"


# --------------------------------------------------------------------------------------------
# Rows → accounts


@dataclass(slots=True)
class Account:
    name: str
    key: str
    row: int  # 1-based, for messages
    values: dict[str, Decimal]  # month -> amount in the file's unit
    total_value: Decimal | None = None  # 期間累計 column, when present
    halves: dict[int, Decimal] = field(default_factory=dict)
    section: str | None = None
    sub: bool = False


def _row_name(row: list[object], layout: Layout) -> str:
    texts = []
    for j in layout.label_cols:
        if j < len(row):
            t = cell_text(row[j])
            if t and not t.replace(" ", "").isdigit():
                texts.append(t)
    return texts[-1] if texts else ""


def resolve_months(layout: Layout, cal: FiscalCalendar, year_start: str | None, name: str) -> dict[int, str]:
    """Column → "YYYY-MM"; months without a year take the fiscal year ``year_start`` (read_actuals
    refuses a file that has such months when it cannot tell the year)."""
    out: dict[int, str] = {}
    for col, lb in sorted(layout.month_cols.items()):
        if isinstance(lb, Label) and lb.kind == "ym" and lb.ym is not None:
            out[col] = lb.ym
        elif year_start is None:
            raise ActualsImportError(
                f"{name}: 年のない月の列があり、会計年度が分かりません。--month を指定してください。"
            )
        elif isinstance(lb, int):  # a positional layout: the fiscal month number
            out[col] = ym_add(year_start, lb - 1)
        elif lb.month is not None:  # kind "m" (find_layout keeps only "ym" and "m" labels)
            out[col] = cal.resolve(lb.month, year_start)
    seen: dict[str, int] = {}
    prev = None
    for col, ym in out.items():
        if ym in seen:
            raise ActualsImportError(
                f"{ym[:4]}年{int(ym[5:])}月の列が2つあります ({column_name(seen[ym])}列と{column_name(col)}列)。"
                "どちらが当月か分からないため読めません。月の列が1つずつになるよう出力し直してください。",
                row=(layout.header_row + 1) if layout.header_row is not None else None,
                column=col,
            )
        seen[ym] = col
        if (
            prev is not None
            and ym_diff(ym, prev) < 0
            and isinstance(layout.month_cols[col], Label)
            and getattr(layout.month_cols[col], "kind", "") == "m"
        ):
            raise ActualsImportError(
                f"月の並び ({int(prev[5:])}月の次に{int(ym[5:])}月) が計画の会計年度 (期首{cal.start_month}月) と合いません。"
                "計画の決算月が正しいか、ファイルの期間が1つの会計年度か確認してください。",
                row=(layout.header_row + 1) if layout.header_row is not None else None,
                column=col,
            )
        prev = ym
    return out


def _cell_amount(cell: object, row: int, col: int, what: str) -> Decimal | None:
    try:
        return parse_cell(cell)
    except CellError as exc:
        raise ActualsImportError(f"{what}: {exc.message}", row=row, column=col) from None


def read_accounts(
    table: Table, layout: Layout, month_of_col: dict[int, str], single_month: str | None, syn: SynonymTable
) -> list[Account]:
    accounts: list[Account] = []
    section: str | None = None
    for i in range(layout.data_start, len(table.rows)):
        row = table.rows[i]
        if not row:
            continue
        name = _row_name(row, layout)
        if not name:
            continue
        key = account_key(name)
        sec = syn.section_of(name)
        sub = False
        if layout.sub_col is not None and layout.sub_col < len(row):
            sub_text = cell_text(row[layout.sub_col])
            if sub_text and sub_text not in _NO_SUB:
                sub = True
        values: dict[str, Decimal] = {}
        what = f"「{name}」"
        if layout.kind == "single":
            col = layout.value_col
            # find_layout gives a single-period layout its value column; read_actuals its month.
            assert col is not None and single_month is not None
            v = _cell_amount(row[col] if col < len(row) else None, i + 1, col, what)
            if layout.opening_col is not None and v is not None:
                o = _cell_amount(
                    row[layout.opening_col] if layout.opening_col < len(row) else None, i + 1, layout.opening_col, what
                )
                values[single_month] = v  # closing balance; opening kept apart for P/L rows
                acct = Account(name, key, i + 1, values, section=section, sub=sub)
                acct.halves[-1] = o or Decimal(0)  # -1: the opening balance of the period
                accounts.append(acct)
                continue
            if v is not None:
                values[single_month] = v
        else:
            for col, ym in month_of_col.items():
                v = _cell_amount(row[col] if col < len(row) else None, i + 1, col, what)
                if v is not None:
                    values[ym] = v
        # Section headings (a row naming a section with no amounts) say where the next accounts
        # belong; a total row closes its section.
        if sec is not None and not values:
            section = sec
            continue
        acct = Account(name, key, i + 1, values, section=section, sub=sub)
        total, _detail = syn.match(name)
        if total is not None and (section == total.line or section is None or total.line in BALANCE_LINES):
            acct.section = None if total.line != section else section
            section = None if total.line == section else section
        if layout.total_col is not None and layout.total_col < len(row):
            acct.total_value = _cell_amount(row[layout.total_col], i + 1, layout.total_col, what)
        for col, _rng in layout.half_cols.items():
            if col < len(row):
                hv = _cell_amount(row[col], i + 1, col, what)
                if hv is not None:
                    acct.halves[col] = hv
        accounts.append(acct)
    # 補助科目 rows: use the account's own row when it has one, else sum its 補助科目 rows.
    parents = {a.key for a in accounts if not a.sub}
    return [a for a in accounts if not (a.sub and a.key in parents)]


# --------------------------------------------------------------------------------------------
# Accounts → lines


_SECTION_TARGETS: tuple[ActualsTarget, ...] = (
    "sales",
    "cost_of_sales",
    "sga",
    "non_operating_income",
    "non_operating_expenses",
)
_SECTION_LINES = set(_SECTION_TARGETS)


TotalRows = dict[str, list[tuple[int, int, Account]]]
"""line -> [(priority, sign, account)]: the accounts that are the line's total (the lowest priority wins)."""
DetailRows = dict[str, list[tuple[int, Account]]]
"""line -> [(sign, account)]: the accounts that add up to the line."""


def assign_lines(
    accounts: list[Account], syn: SynonymTable, mapping: dict[str, str]
) -> tuple[TotalRows, DetailRows, list[Account], list[str]]:
    """(totals, details, unknown accounts, ignored account names)."""
    totals: TotalRows = {}
    details: DetailRows = {}
    unknown: list[Account] = []
    ignored: list[str] = []
    for a in accounts:
        total, detail = syn.match(a.name, mapping)
        if total is not None and total.line is not None:  # (a total always names its line)
            totals.setdefault(total.line, []).append((total.priority, total.sign, a))
            continue
        if detail is None:
            if syn.section_of(a.name) is not None or not a.values:
                continue  # a section heading, or a row with nothing in it
            if a.section == "balance_sheet":
                ignored.append(a.name)
                continue
            unknown.append(a)
            continue
        if detail.role == "ignore":
            ignored.append(a.name)
            continue
        target = detail.line
        assert target is not None  # only an "ignore" match has no line
        if detail.source != "plan":
            # The file's own section wins over the name: 外注費 under 売上原価 is a cost of sales,
            # and 給料手当 in a 製造原価報告書 is not 販管費.
            if a.section in ("manufacturing", "extraordinary"):
                ignored.append(a.name)
                continue
            if a.section == "balance_sheet" and target not in BALANCE_LINES:
                ignored.append(a.name)
                continue
            if a.section in _SECTION_LINES and target not in BALANCE_LINES and a.section not in detail_lines(target):
                target = a.section
        for line in detail_lines(target):
            details.setdefault(line, []).append((detail.sign, a))
    return totals, details, unknown, ignored


def suggest_line(a: Account) -> ActualsTarget:
    for line in _SECTION_TARGETS:
        if a.section == line:
            return line
    return "sga" if a.section is None else "ignore"
