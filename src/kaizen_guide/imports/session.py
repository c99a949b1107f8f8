"""What the monitor command and the review screen do around ``read_actuals``.

- ``parse_account_answers``: 「科目=項目」 answers given on the command line (``--map``), where the
  項目 may be typed in Japanese (人件費, 販管費 …) or as a key.
- ``read_complete``: read a file and refuse it while an account is unknown, listing each one with
  the answer to give (headless use exits 2 with this message; nothing is recorded).
- ``remember_answers``: store the answers in the plan (per company) so next month asks nothing.
- ``month_changes``: for each month the file fills, what would change in the plan's recorded
  actuals, so a multi-month import can be refused whole before anything is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kaizen_guide.ja import normalize
from kaizen_guide.model.plan import ActualsTarget, Plan

from .errors import ActualsImportError
from .lines import LINE_LABELS, MAP_TARGETS
from .reader import ActualsImport, read_actuals, recorded_actuals
from .synonyms import account_key

# Japanese words a person may type for a mapping target.
TARGET_WORDS: dict[str, ActualsTarget] = {
    **{k: k for k in MAP_TARGETS},
    "売上": "sales",
    "売上高": "sales",
    "原価": "cost_of_sales",
    "売上原価": "cost_of_sales",
    "販管費": "sga",
    "販売費及び一般管理費": "sga",
    "経費": "sga",
    "人件費": "personnel",
    "営業外収益": "non_operating_income",
    "営業外費用": "non_operating_expenses",
    "現預金": "cash_end",
    "現金及び預金": "cash_end",
    "預金": "cash_end",
    "借入金": "borrowings_end",
    "無視": "ignore",
    "取り込まない": "ignore",
    "対象外": "ignore",
    "比較しない": "ignore",
}
_WORDS_HELP = "売上・原価・販管費・人件費・営業外収益・営業外費用・現預金・借入金・取り込まない"


def parse_account_answers(items: list[str] | tuple[str, ...] | None) -> dict[str, ActualsTarget]:
    """「パート代(厨房)=人件費」 … → {normalised account: target}."""
    out: dict[str, ActualsTarget] = {}
    for raw in items or ():
        text = normalize(str(raw))
        if "=" not in text:
            raise ActualsImportError(
                f'「{raw}」は「科目=項目」の形にしてください。例: --map "パート代(厨房)=人件費" (項目: {_WORDS_HELP})'
            )
        name, _, target = text.rpartition("=")
        key, word = account_key(name), target.strip()
        if not key:
            raise ActualsImportError(f'「{raw}」の科目名が空です。例: --map "パート代(厨房)=人件費"')
        if word not in TARGET_WORDS:
            raise ActualsImportError(f"「{raw}」の「{word}」は項目として使えません。使える項目: {_WORDS_HELP}")
        out[key] = TARGET_WORDS[word]
    return out


def read_complete(
    path: str | Path,
    plan: Plan,
    *,
    month: str | None = None,
    unit: str | None = None,
    answers: Mapping[str, str] | None = None,
) -> ActualsImport:
    """``read_actuals`` that raises while an account is unknown (message lists each one)."""
    result = read_actuals(path, plan, month=month, unit=unit, mapping=answers)
    if result.unknown_accounts:
        lines = []
        for u in result.unknown_accounts:
            total = int(u.amount_yen / 1000)
            word = next(w for w, k in TARGET_WORDS.items() if k == u.suggestion and not w.isascii())
            lines.append(f'「{u.name}」({u.row}行目, 合計 {total:,}千円) → 例: --map "{u.name}={word}"')
        raise ActualsImportError(
            f"計画のどの項目か分からない科目が{len(result.unknown_accounts)}件あります。"
            f"--map で項目を指定してください (答えは計画に記録し、次回から聞きません。項目: {_WORDS_HELP})。"
            "計画ファイルは変更していません。",
            details=lines,
        )
    if not result.months:
        raise ActualsImportError(f"{Path(path).name} に取り込める実績がありません (金額がすべて空か0です)。")
    return result


def remember_answers(plan: Plan, answers: dict[str, ActualsTarget]) -> None:
    """Keep the company's account answers in the plan (saved with the month's actuals)."""
    if answers:
        mapping = dict(plan.actuals_import.account_mapping)
        mapping.update(answers)
        plan.actuals_import.account_mapping = mapping


def month_changes(plan: Plan, result: ActualsImport) -> dict[str, list[str]]:
    """Month → 「売上高: 12,000 → 12,500千円 (差 +500)」 lines for recorded figures the file changes."""
    recorded = recorded_actuals(plan)
    out: dict[str, list[str]] = {}
    for month, values in result.months.items():
        old = recorded.get(month, {})
        diffs = [
            f"{LINE_LABELS.get(k, k)}: {old[k]:,} → {v:,}千円 (差 {v - old[k]:+,})"
            for k, v in values.items()
            if k in old and old[k] != v
        ]
        if diffs:
            out[month] = diffs
    return out
