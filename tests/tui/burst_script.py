"""A whole short interview (早期経営改善計画) as a person types it: every answer, in order.

Used by the tmux burst test (``test_burst_short_interview.py``). Each step says what is typed and
how it is sent; :func:`keys_for` turns the script into terminal input, :func:`sent` into what
the app hands the engine (the raw answer the saved plan must hold).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Pick:
    """A Select in a row form: the n-th option (1-based). Space opens the list, ↓ moves, Enter picks."""

    n: int
    label: str
    required: bool = True

    def keys(self) -> list[tuple[str, str]]:
        # The list opens on the current value: the first option for a required field, the blank
        # line 「選んでください」 for an optional one.
        downs = self.n - 1 if self.required else self.n
        return [("key", "Space"), *[("key", "Down")] * downs, ("key", "Enter")]


@dataclass(frozen=True)
class Links:
    """A multi-choice (SelectionList): Space marks the highlighted item, ↓ moves."""

    indices: tuple[int, ...]  # 0-based items to mark
    values: tuple[str, ...]  # what is saved (the linked rows' ids)

    def keys(self) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        at = 0
        for i in self.indices:
            out += [("key", "Down")] * (i - at) + [("key", "Space")]
            at = i
        return out


Cell = str | Pick | Links


@dataclass(frozen=True)
class Line:
    qid: str
    text: str


@dataclass(frozen=True)
class Long:
    qid: str
    text: str
    paste: bool = False  # delivered as one bracketed paste, then ctrl+s at once


@dataclass(frozen=True)
class Skip:
    qid: str


@dataclass(frozen=True)
class Choice:
    qid: str
    n: int  # the option's number (a digit picks and sends)
    label: str


@dataclass(frozen=True)
class Grid:
    qid: str
    rows: tuple[str, ...]  # row ids, top to bottom
    columns: tuple[tuple[str, ...], ...]  # per year, the text of every row ("" = left empty)


@dataclass(frozen=True)
class Group:
    qid: str
    fields: tuple[str, ...]  # field ids in the form's order
    rows: tuple[tuple[Cell, ...], ...]  # per row, what goes in each field ("" = left empty)


Step = Line | Long | Skip | Choice | Grid | Group


def _typed(text: str) -> list[tuple[str, str]]:
    return [("type", text)] if text else []


def keys_for(step: Step) -> list[tuple[str, str]]:
    """('type', text) committed text, ('paste', text) a bracketed paste, ('key', name) a key."""
    if isinstance(step, Line):
        return [*_typed(step.text), ("key", "Enter")]
    if isinstance(step, Long):
        return [("paste" if step.paste else "type", step.text), ("key", "C-s")]
    if isinstance(step, Skip):
        return [("key", "C-n")]
    if isinstance(step, Choice):
        return [("key", str(step.n))]
    if isinstance(step, Grid):
        out: list[tuple[str, str]] = []
        for column in step.columns:
            for text in column:
                out += [*_typed(text), ("key", "Enter")]  # Enter under the last row: next year
        return [*out, ("key", "C-s")]
    out = []
    for row in step.rows:
        out.append(("key", "a"))
        for i, cell in enumerate(row):
            if i:
                out.append(("key", "Tab"))
            out += cell.keys() if isinstance(cell, (Pick, Links)) else _typed(cell)
        out.append(("key", "C-s"))  # save the row
    return [*out, ("key", "C-s")]  # send the table


def sent(step: Step) -> Any:
    """The raw answer the app hands the engine for ``step`` (None for a skip)."""
    if isinstance(step, (Line, Long)):
        return step.text
    if isinstance(step, Choice):
        return step.label
    if isinstance(step, Grid):
        return {row: [col[r] for col in step.columns] for r, row in enumerate(step.rows)}
    if isinstance(step, Group):
        rows = []
        for row in step.rows:
            out: dict[str, Any] = {}
            for fid, cell in zip(step.fields, row):
                if isinstance(cell, Pick):
                    out[fid] = cell.label
                elif isinstance(cell, Links):
                    out[fid] = list(cell.values)
                elif cell:
                    out[fid] = cell
            rows.append(out)
        return rows
    return None


PL_ROWS = (
    "sales",
    "cost_of_sales",
    "sga",
    "personnel",
    "depreciation",
    "non_operating_income",
    "non_operating_expenses",
    "interest_expense",
    "extraordinary_income",
    "extraordinary_loss",
    "income_taxes",
)
BS_ROWS = (
    "cash",
    "notes_receivable",
    "accounts_receivable",
    "inventory",
    "other_current_assets",
    "tangible_fixed_assets",
    "intangible_fixed_assets",
    "investments_and_other",
    "notes_payable",
    "accounts_payable",
    "short_term_borrowings",
    "long_term_borrowings",
    "officer_borrowings",
    "other_current_liabilities",
    "other_fixed_liabilities",
    "capital_stock",
    "capital_surplus",
    "retained_earnings",
)


def _bs(cash: str, ar: str, fixed: str, ap: str, long_: str, retained: str) -> tuple[str, ...]:
    values = {
        "cash": cash,
        "accounts_receivable": ar,
        "tangible_fixed_assets": fixed,
        "accounts_payable": ap,
        "long_term_borrowings": long_,
        "capital_stock": "10,000",
        "retained_earnings": retained,
    }
    return tuple(values.get(r, "") for r in BS_ROWS)


SCRIPT: tuple[Step, ...] = (
    Line("company.name", "株式会社バースト工務店"),
    Line("company.representative", "静岡 一郎"),
    Line("company.address", "静岡県浜松市中央区板屋町１－２－３"),
    Line("company.established", "平成5年4月"),
    Line("company.capital", "1,000万円"),
    Line("company.industry", "建設業 (工務店)"),
    Long("company.business", "木造注文住宅の設計・施工。\nリフォーム工事と外構工事。", paste=True),
    Line("company.employees", "１２"),
    Line("company.fiscal_month", "3月"),
    Line("meta.prepared_by", "代表取締役 静岡 一郎"),
    Skip("meta.support_agency"),
    Line("meta.created_on", "2026年11月20日"),
    Grid(
        "financials.periods",
        ("label", "period_end"),
        (("2024年3月期", "2024年3月"), ("2025年3月期", "2025年3月"), ("2026年3月期", "2026年3月")),
    ),
    Grid(
        "financials.pl",
        PL_ROWS,
        (
            ("520,000", "416,000", "98,000", "52,000", "3,000", "1,200", "2,600", "2,400", "", "", "290"),
            ("480,000", "388,800", "96,000", "51,000", "2,800", "1,000", "2,500", "2,300", "", "", "290"),
            ("455,000", "373,100", "94,000", "50,500", "2,600", "900", "2,400", "2,200", "", "", "290"),
        ),
    ),
    Grid(
        "financials.bs",
        BS_ROWS,
        (
            _bs("42,000", "61,000", "98,000", "38,000", "150,000", "3,000"),
            _bs("35,000", "58,000", "95,000", "36,000", "142,000", "0"),
            _bs("28,000", "56,000", "92,000", "35,000", "136,000", "▲5,000"),
        ),
    ),
    Skip("financials.other"),
    Group(
        "banks",
        ("name", "kind", "pledged_deposits"),
        (
            ("しずおか中央銀行", "地方銀行", ""),
            ("浜松みらい信用金庫", "信用金庫", "500"),
        ),
    ),
    Group(
        "banks.loans",
        (
            "bank",
            "label",
            "kind",
            "balance",
            "interest_rate",
            "monthly_repayment",
            "final_due",
            "guarantee_ratio",
            "purpose",
        ),
        (
            (
                Pick(1, "しずおか中央銀行"),
                "運転資金",
                Pick(1, "プロパー", required=False),
                "9,600万円",
                "1.5%",
                "月120万円",
                "2032年3月",
                "",
                "運転資金",
            ),
            (
                Pick(2, "浜松みらい信用金庫"),
                "設備資金",
                Pick(2, "保証協会付", required=False),
                "4,000万円",
                "1.8%",
                "月50万円",
                "2033年3月",
                "80%",
                "重機の購入",
            ),
        ),
    ),
    Choice("meta.main_bank", 1, "しずおか中央銀行"),
    Group(
        "analysis.customers",
        ("name", "share", "annual_amount", "terms", "reason"),
        (
            ("個人の施主", "70%", "3億1,850万円", "契約時・中間・完成時の3回払い", "地元の大工による丁寧な施工"),
            ("地元の不動産会社", "30%", "1億3,650万円", "月末締め翌月末払い", "小回りの利く修繕対応"),
        ),
    ),
    Long("analysis.end_users", "浜松市内で家を建てる30〜40代の子育て世帯と、築30年前後の住宅に住む高齢の施主。"),
    Group(
        "analysis.suppliers",
        ("name", "share", "annual_amount", "terms", "reason"),
        (("浜松木材センター", "40%", "1億4,900万円", "月末締め翌月末払い", "地元産の杉材を安定して仕入れられる"),),
    ),
    Group(
        "analysis.business_flow",
        ("name", "description", "strength"),
        (
            ("集客", "紹介と完成見学会", "施主からの紹介が受注の半分"),
            ("施工", "自社の大工6名で施工", "工期の短さと仕上がりの品質"),
        ),
    ),
    Long("analysis.strengths", "自社の大工6名による施工品質と、地元で30年続く施主からの紹介。"),
    Long("analysis.weaknesses", "工事ごとの実行予算がなく、資材高騰分を見積に反映できていない。集客が紹介頼み。"),
    Long("vision", "リフォームで浜松一番の工務店になり、5年後に息子へ黒字の状態で会社を引き継ぐ。"),
    Group(
        "issues",
        ("title", "description", "priority"),
        (
            (
                "工事別の原価管理ができていない",
                "実行予算がなく、資材高騰分を見積に転嫁できないまま赤字工事を受注している",
                "1",
            ),
            ("紹介に頼った集客", "自社で見込み客を集める仕組みがなく、新築の受注が年々減っている", "2"),
        ),
    ),
    Long(
        "basic_policy",
        "①工事ごとの実行予算と原価管理で完成工事の粗利率を22%に戻す。②リフォームの提案営業で紹介頼みの受注から脱却する。③月次決算で工事別の採算を毎月確かめる。",
    ),
    Group(
        "measures",
        ("title", "description", "category", "issue_ids"),
        (
            (
                "実行予算による原価管理",
                "全工事で着工前に実行予算を組み、見積に資材の時価を反映する",
                Pick(2, "コスト削減"),
                Links((0,), ("I1",)),
            ),
            (
                "リフォームの提案営業",
                "過去の施主500件に点検の案内を送り、リフォームを提案する",
                Pick(1, "収益性向上"),
                Links((1,), ("I2",)),
            ),
            (
                "月次の資金繰り管理",
                "工事ごとの入金予定と支払予定から資金繰り表を毎月作る",
                Pick(3, "資金繰り改善"),
                Links((0, 1), ("I1", "I2")),
            ),
        ),
    ),
    Group(
        "actions",
        (
            "measure_id",
            "title",
            "method",
            "owner",
            "start",
            "due",
            "kpi_name",
            "kpi_target",
            "kpi_unit",
            "kpi_basis",
            "pl_line",
            "effects",
            "one_off",
            "carries_cost_of_sales",
            "budget",
        ),
        (
            (
                Pick(1, "実行予算による原価管理"),
                "実行予算の作成",
                "着工前に工事部長が実行予算書を作り、社長が承認する",
                "工事部長 山本",
                "2027年4月",
                "2027年9月",
                "完成工事の粗利率",
                "22",
                "%",
                "直近3期の平均",
                Pick(2, "売上原価", required=False),
                "▲1,200万円",
                "",
                "",
                "50万円",
            ),
            (
                Pick(2, "リフォームの提案営業"),
                "点検案内の送付",
                "過去の施主に年2回点検の案内を送り、訪問して提案する",
                "営業課長 鈴木",
                "2027年4月",
                "2028年3月",
                "リフォーム受注件数",
                "40",
                "件",
                "過去施主500件の8%",
                Pick(1, "売上高", required=False),
                "2,000万円",
                "",
                "",
                "30万円",
            ),
        ),
    ),
    Line("targets.plan_years", "5"),
    Line("targets.first_plan_year_label", "2028年3月期"),
    Long("targets.goals", "計画1年目に経常利益を黒字にし、計画5年目までに債務償還年数を10年以内にする。"),
    Group(
        "drivers.segments",
        ("name", "unit", "unit_price_yen", "quantity", "basis"),
        (
            ("新築", "棟", "2,400万円", "12", "直近の受注実績"),
            ("リフォーム", "件", "150万円", "120", "点検案内からの受注を見込む"),
        ),
    ),
    Grid(
        "drivers.costs",
        ("cost_ratio", "personnel", "other_sga", "existing_depreciation"),
        (("80%", "50,000", "42,000", "2,400"),),
    ),
    Skip("drivers.non_operating"),
    Skip("drivers.capex"),
    Skip("drivers.new_borrowings"),
    Line("cash.cash_sales_ratio", "30%"),
    Line("cash.collection_months", "1"),
    Skip("cash.notes_receivable_months"),
    Skip("cash.inventory_months"),
    Line("cash.payment_months", "1"),
    Skip("cash.seasonality"),
    Skip("cash.tax_payment_months"),
    Skip("cash.social_insurance_months"),
    Line("cash.bonus_months", "7、12"),
    Line("cash.bonus_ratio", "8%"),
    Line("drivers.minimum_cash", "2,000万円"),
    Choice("monitoring_plan.frequency", 2, "四半期ごと"),
    Line("monitoring_plan.start", "2027年7月"),
    Line("monitoring_plan.attendees", "代表取締役 静岡 一郎、しずおか中央銀行"),
    Long("monitoring_plan.report_items", "四半期ごとの計画と実績の比較、アクションプランの進捗、乖離の要因と対策。"),
)
