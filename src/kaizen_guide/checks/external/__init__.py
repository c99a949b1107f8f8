"""Self-check of a plan written elsewhere: `kaizen-guide check FILE` for .xlsx / .docx / .md.

The file is read by titles and labels (selfcheck_labels.yaml), not by fixed cells, so moved rows and the
SME Agency's form read the same way as our own export. What is found is mapped onto the plan model
(課題, 対策, アクション, 金融支援, ありたい姿, 中長期の課題); every text check runs on each item and the plan
rules that the found parts allow run on the plan; the parts that were not found are listed. Findings cite
the sheet and cell (or heading and paragraph) they came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..findings import Finding, sort_findings
from .readers import Document, Grid, Piece, ReadError, read_document

__all__ = ["Extracted", "ReadError", "check_file", "extract"]

PART_LABELS = {
    "issue": "経営課題",
    "distress_cause": "窮境要因",
    "countermeasure": "対策 (改善策)",
    "action": "アクションプラン",
    "financial_support": "金融支援の依頼",
    "vision": "ありたい姿・将来像",
    "long_term": "中長期の課題",
    "basic_policy": "基本方針",
}
_STAGE = {
    "issue": "issue",
    "countermeasure": "countermeasure",
    "action": "action",
    "financial_support": "financial_support",
}
_LIST_PARTS = frozenset(["issue", "countermeasure", "distress_cause"])
_BULLET = re.compile(r"^\s*(?:[・●■◆\-*]|[①-⑳]|\d{1,2}[.)．])\s*")
_ITEM_ID = re.compile(r"^(?:[A-Z]\d{1,3}|\d{1,2}[.)．]|[①-⑳])\s*")


@dataclass
class Item:
    text: str
    where: str


@dataclass
class Extracted:
    parts: dict[str, list[Item]] = field(default_factory=dict)

    def add(self, part: str, text: str, where: str) -> None:
        text = text.strip()
        if not text:
            return
        items = self.parts.setdefault(part, [])
        # The same item on two sheets is one item (実施計画 repeats the 対策 title that 概要 details).
        for k, old in enumerate(items):
            if old.text == text or old.text.startswith(text):
                return
            if text.startswith(old.text):
                items[k] = Item(text, where)
                return
        items.append(Item(text, where))


@lru_cache(maxsize=1)
def _labels() -> dict[str, dict[str, set[str]]]:
    """{section: {part: label keys}} from selfcheck_labels.yaml."""
    from kaizen_guide.locations import question_banks_dir

    raw = yaml.safe_load((question_banks_dir() / "selfcheck_labels.yaml").read_text(encoding="utf-8"))
    return {sec: {part: {_label_key(x) for x in terms} for part, terms in raw[sec].items()} for sec in raw}


_STRIP = re.compile(r"[\s()（）＜＞<>【】\[\]「」『』:：■□◆◇●・\-ー_]|^[①-⑳0-9.．、]+")


def _label_key(text: str) -> str:
    t = unicodedata.normalize("NFKC", str(text)).lower()
    # ② 課題・問題点 (NFKC makes ② a plain 2), 3. 基本方針, 第4章 対策
    t = re.sub(r"^(?:第?\d{1,2}(?:\s+|[.．、章)]\s*)|[①-⑳]\s*)", "", t.strip())
    return re.sub(r"[\s()（）＜＞<>【】\[\]「」『』:：■□◆◇●]", "", t)


def _part_of(text: str, section: str) -> str | None:
    key = _label_key(text)
    for part, labels in _labels()[section].items():
        if key in labels:
            return part
    return None


# --------------------------------------------------------------------------- grids (sheets, tables)


def _scan_grid(grid: Grid, out: Extracted, default_part: str | None = None) -> None:
    rows = grid.rows
    used_rows: set[int] = set()
    for r, row in enumerate(rows):
        if r in used_rows:
            continue
        headers = {c: _part_of(p.text, "table_headers") for c, p in enumerate(row) if p is not None}
        cols = {c: part for c, part in headers.items() if part}
        kinds = set(cols.values())
        main: str | None = next(
            (p for p in ("action", "countermeasure", "issue", "distress_cause") if p in kinds), None
        )
        if main in ("countermeasure", "issue") and kinds & {"owner", "start", "due"}:
            # 課題 | 具体的施策 | 実施時期 | 責任者 | 数値目標 (the SME Agency's 実施計画): the rows are action items
            item_col = next(c for c, p in cols.items() if p == main)
            cols = {**cols, item_col: "action"}
            main = "action"
        if main is None and default_part and cols and set(cols.values()) & {"owner", "due", "kpi", "detail"}:
            main = default_part
        if main is not None and len(cols) >= 1 and _is_header_row(row, cols):
            main_col = next((c for c, p in cols.items() if p == main), min(cols))
            consumed = _read_table(rows, r, main, main_col, cols, out)
            used_rows.update(range(r, r + consumed + 1))
            continue
        # label → value (依頼内容 | 元金返済額を…)
        for c, p in enumerate(row):
            if p is None:
                continue
            part = _part_of(p.text, "value_labels")
            if part is None:
                continue
            value = next((q for q in row[c + 1 :] if q is not None), None)
            if value is None and r + 1 < len(rows):
                below = rows[r + 1]
                value = below[c] if c < len(below) else None
                if value is not None and len(value.text) <= 15:
                    value = None  # a section title over a table of labels, not a label with its value
            if value is not None:
                if part in _LIST_PARTS:
                    for line in re.split(r"\n|(?<=。)(?=[・●■◆①-⑳])", value.text):
                        out.add(part, _BULLET.sub("", line), value.where)
                else:
                    out.add(part, value.text, value.where)
            break


def _is_header_row(row: list[Piece | None], cols: dict[int, str]) -> bool:
    texts = [p for p in row if p is not None]
    # a header row is mostly labels; a long sentence that happens to be 「課題」 is not a header
    return len(texts) >= 2 and all(len(p.text) <= 20 for p in texts)


def _read_table(
    rows: list[list[Piece | None]], r: int, main: str, main_col: int, cols: dict[int, str], out: Extracted
) -> int:
    """Items below a header row until a blank run or a new section; returns the rows consumed."""
    blank = 0
    n = 0
    for k in range(r + 1, len(rows)):
        row = rows[k]
        cells = {c: p for c, p in enumerate(row) if p is not None}
        if not cells:
            blank += 1
            if blank >= 2:
                break
            n += 1
            continue
        blank = 0
        first = cells[min(cells)]
        if (
            _part_of(first.text, "table_headers")
            or _part_of(first.text, "value_labels")
            or re.match(r"^[＜<【■①-⑳]", first.text)
        ) and not (main_col in cells and len(cells) > 1 and not _part_of(first.text, "table_headers")):
            break
        main_piece = cells.get(main_col)
        if main_piece is None:
            # a group row (課題 I1: …) or a row with the item in another column
            n += 1
            continue
        text = _ITEM_ID.sub("", main_piece.text.split("\n")[0]).strip()
        body = main_piece.text.split("\n")[1:]
        extra = {part: cells[c].text for c, part in cols.items() if c in cells and c != main_col}
        for part in ("issue", "countermeasure"):
            c = next((c for c, p in cols.items() if p == part and c != main_col), None)
            if c is not None and c in cells and main != part:
                out.add(part, _ITEM_ID.sub("", cells[c].text.split("\n")[0]).strip(), cells[c].where)
        if main == "action":
            text = _action_sentence(text, " ".join(body), extra)
            if not {"owner", "due"} <= set(cols.values()):
                out.add("_action_partial", text, main_piece.where)
                n += 1
                continue
        elif extra.get("detail"):
            text = f"{text}。{extra['detail']}"
        out.add(main, text, main_piece.where)
        n += 1
    return n


def _action_sentence(item: str, method: str, extra: dict[str, str]) -> str:
    """One sentence that says who / when / what / how much, as the interview's action stage reads it."""
    parts = []
    if extra.get("owner"):
        parts.append(f"{extra['owner']}が")
    when = [extra[k] for k in ("start", "due") if extra.get(k)]
    if len(when) == 2:
        parts.append(f"{when[0]}から{when[1]}までに")
    elif when:
        parts.append(f"{when[0]}に" if re.search(r"[〜~～-]", when[0]) else f"{when[0]}までに")
    parts.append(item)
    if method:
        parts.append(f"({method})")
    if extra.get("kpi"):
        parts.append(f"。目標: {extra['kpi']}")
    return "".join(parts)


# --------------------------------------------------------------------------- sections (Word, Markdown)


def extract(doc: Document) -> Extracted:
    out = Extracted()
    for sec in doc.sections:
        part = _part_of(sec.heading, "headings")
        for grid in sec.grids:
            _scan_grid(grid, out, default_part=part if part in ("issue", "countermeasure", "action") else None)
        if part is None:
            for p in sec.paragraphs:  # 依頼内容: … written inline
                m = re.match(r"^([^:：]{1,15})[:：]\s*(.+)$", p.text)
                labelled = _part_of(m.group(1), "value_labels") if m else None
                if m and labelled:
                    out.add(labelled, m.group(2), p.where)
            continue
        for p in sec.paragraphs:
            out.add(part, _ITEM_ID.sub("", p.text), p.where)
    if doc.kind == "xlsx":
        for grid in doc.grids:
            _scan_grid(grid, out)
    # A KPI list or a monitoring sheet repeats the action items without their dates: use it only when the
    # file has no full action table (責任者 and 期限 columns).
    partial = out.parts.pop("_action_partial", [])
    if "action" not in out.parts and partial:
        out.parts["action"] = partial
    return out


# --------------------------------------------------------------------------- checks


def check_file(path: str | Path) -> tuple[list[Finding], Extracted, list[str]]:
    """Findings for a plan file written elsewhere, what was found, and the parts that were not found."""
    from ...model.plan import Issue, Plan
    from ..plan_rules import _REGISTRY
    from ..registry import RuleContext
    from ..text import check_text

    p = Path(path)
    if not p.is_file():
        raise ReadError(f"{p}: ファイルが見つかりません。")
    doc = read_document(p)
    found = extract(doc)
    findings: list[Finding] = []
    for part, stage in _STAGE.items():
        for item in found.parts.get(part, []):
            for f in check_text(stage, item.text, path=item.where):
                findings.append(f.model_copy(update={"message": f"{f.message} ({_short(item.text)})"}))
    # Plan rules that the found parts allow (the chain 課題→対策→アクション needs links these files do not have).
    issues = found.parts.get("issue", [])
    if issues:
        plan = Plan(
            issues=[Issue(id=f"I{i + 1}", title=it.text) for i, it in enumerate(issues)],
            vision="\n".join(i.text for i in found.parts.get("vision", [])),
            long_term_issues="\n".join(i.text for i in found.parts.get("long_term", [])),
            basic_policy="\n".join(i.text for i in found.parts.get("basic_policy", [])),
        )
        from ..rules import default_checklist

        ctx = RuleContext(plan)
        checklist = default_checklist()
        for rule_id in ("plan.no_vision", "plan.no_long_term_themes"):
            spec = checklist.plan_rule(rule_id)
            for _path, _values in _REGISTRY[rule_id](plan, ctx):
                findings.append(
                    Finding(
                        rule_id=rule_id,
                        severity=spec.severity,
                        message=spec.message,
                        guideline_ref=spec.guideline_ref,
                        follow_up=spec.follow_up,
                        example=spec.example,
                        section=spec.section,
                        path=f"{PART_LABELS['issue']} ({issues[0].where} ほか)",
                    )
                )
    from .numbers import numeric_findings

    numeric, note = numeric_findings(doc)
    findings.extend(numeric)
    missing = [label for part, label in PART_LABELS.items() if part not in found.parts]
    if note:
        missing.append(note)
    return sort_findings(findings), found, missing


def _short(text: str, n: int = 30) -> str:
    text = text.replace("\n", " ")
    return f"「{text[:n]}…」" if len(text) > n else f"「{text}」"
