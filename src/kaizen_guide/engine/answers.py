"""Answers files: read them (with line numbers for messages), and write a plan back as one.

An answers file is YAML keyed by question id, in plain Japanese, e.g.::

    company.name: 株式会社さくら亭
    company.capital: 10000            # 千円
    company.officers:
      - {name: 桜井 健一, title: 代表取締役, age: 62}
    financials.pl:
      sales: [520000, 480000, 455000]

Optional top-level keys: ``depth`` (full / short) and ``given_by`` (owner / advisor).
:func:`plan_to_answers` is the inverse of the question targets: running its output through the
engine reproduces the plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kaizen_guide.banks import Bank, Question, load_bank
from kaizen_guide.banks.models import RESERVED_KEYS
from kaizen_guide.banks.targets import get_path, nested_get, resolve
from kaizen_guide.banks.yaml_loaders import PlainLoader
from kaizen_guide.model.plan import Plan

from .values import answer_raw, decimal_text, to_python


class AnswersFileError(Exception):
    """An answers file that cannot be read; ``message`` is Japanese and names the file and line."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class AnswersFile:
    path: Path | None
    answers: dict[str, Any]
    depth: str | None = None
    given_by: str | None = None
    lines: dict[str, int] = field(default_factory=dict)

    def where(self, qid: str) -> str:
        name = str(self.path) if self.path else "回答ファイル"
        line = self.lines.get(qid)
        return f"{name}:{line}" if line else name


class _AnswersLoader(PlainLoader):
    """PlainLoader that refuses duplicate keys (a second answer would silently win)."""

    _source: str | None = None  # the document's text, for re-reading flow lists


def _construct_mapping_unique(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    data: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in data:
            raise yaml.constructor.ConstructorError(
                None, None, f"キー「{key}」が2回書かれています", key_node.start_mark
            )
        data[key] = loader.construct_object(value_node, deep=True)
    return data


_AnswersLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping_unique)

# In a YAML flow list a comma always separates items, so [1億1,000万円, 2,000] would be read as four
# values. People write amounts with thousands separators, so in a flow list a comma between a digit
# and exactly three digits (outside quotes) is part of the number.
_THOUSANDS = re.compile(r"(?<=\d),\d{3}(?!\d)")


def _split_flow(inner: str) -> list[str] | None:
    """Items of a flow list's inside, or None when it holds nested lists/mappings or comments."""
    items: list[str] = []
    item = ""
    quote = ""
    for i, ch in enumerate(inner):
        if quote:
            item += ch
            if ch == quote and not (quote == '"' and item.endswith('\\"')):
                quote = ""
        elif ch in "\"'" and not item.strip():
            quote = ch
            item += ch
        elif ch in "[]{}#":
            return None
        elif ch == "," and not _THOUSANDS.match(inner, i):
            items.append(item.strip())
            item = ""
        else:
            item += ch
    if item.strip() or not items:
        items.append(item.strip())
    return items


def _construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> list[Any]:
    source = getattr(loader, "_source", None)
    scalars = all(isinstance(c, yaml.ScalarNode) for c in node.value)
    if source and node.flow_style and scalars and node.value:
        inner = source[node.start_mark.index : node.end_mark.index].strip()
        if inner.startswith("[") and inner.endswith("]"):
            items = _split_flow(inner[1:-1])
            if items is not None and len(items) != len(node.value):
                return [_flow_item(loader, item, node) for item in items]
    return loader.construct_sequence(node, deep=True)


def _flow_item(loader: yaml.SafeLoader, text: str, node: yaml.Node) -> Any:
    """A re-split flow item typed as YAML would type it (12000 → int, ~ → None, 1,200 → text)."""
    if text[:1] in "\"'":
        return yaml.safe_load(text)
    tag = loader.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]  # untyped in types-PyYAML
    return loader.construct_object(yaml.ScalarNode(tag, text, node.start_mark, node.end_mark))


_AnswersLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def parse_answers_text(text: str, path: Path | None = None) -> AnswersFile:
    name = str(path) if path else "回答ファイル"
    loader = _AnswersLoader(text)
    loader._source = text  # flow lists are re-read from the text (see _construct_sequence)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{name}:{mark.line + 1}" if mark else name
        raise AnswersFileError(
            f"{where}: YAMLとして読めません ({exc.problem or exc})。インデントや「:」の後の空白を確認してください。"
        ) from None
    except yaml.YAMLError as exc:
        raise AnswersFileError(f"{name}: YAMLとして読めません ({exc})。") from None
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise AnswersFileError(
            f"{name}: 回答ファイルは「質問ID: 回答」の組を並べた形にしてください (例: company.name: 株式会社さくら亭)。"
        )
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    answers_node = node
    if isinstance(data.get("answers"), dict):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == "answers" and isinstance(v, yaml.MappingNode):
                answers_node = v
        lines.update(
            {str(k.value): k.start_mark.line + 1 for k, _ in answers_node.value if isinstance(k, yaml.ScalarNode)}
        )
        answers = dict(data["answers"])
    else:
        answers = {k: v for k, v in data.items() if k not in RESERVED_KEYS}
    for key in list(answers):
        if not isinstance(key, str):
            raise AnswersFileError(f"{name}: 質問ID「{key}」は文字で書いてください。")
    depth = data.get("depth")
    if depth is not None and depth not in ("full", "short"):
        raise AnswersFileError(
            f"{name}:{lines.get('depth', '')}: depth は full (405本格計画) か short (早期経営改善計画) にしてください。"
        )
    given_by = data.get("given_by")
    if given_by is not None and given_by not in ("owner", "advisor"):
        raise AnswersFileError(
            f"{name}:{lines.get('given_by', '')}: given_by は owner (経営者) か advisor (支援者) にしてください。"
        )
    return AnswersFile(path, answers, depth, given_by, lines)


def read_answers_text(p: Path, error: type[Exception]) -> str:
    """The text of an answers file (UTF-8, BOM or not); ``error`` with the Japanese reason if not.
    Shared by the interview's and the monthly review's answers files."""
    try:
        return p.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise error(f"{p} が見つかりません。") from None
    except IsADirectoryError:
        raise error(f"{p} はフォルダです。回答ファイル (.yaml) を指定してください。") from None
    except UnicodeDecodeError:
        raise error(f"{p} は UTF-8 のテキストではありません。UTF-8 で保存してください。") from None
    except OSError as exc:
        raise error(f"{p} を読めません ({exc.strerror})。") from None


def load_answers(path: str | Path) -> AnswersFile:
    p = Path(path)
    return parse_answers_text(read_answers_text(p, AnswersFileError), p)


# --- plan → answers -------------------------------------------------------------------------------


def _blank(v: Any) -> bool:
    return v is None or v == "" or v == [] or v == {}


def _stored(f: Any, v: Any) -> Any:
    """Plan value → the engine's stored (JSON) form, for evaluating conditions."""
    from datetime import date
    from decimal import Decimal

    if isinstance(v, list):
        return [_stored(f, x) for x in v]
    if isinstance(v, Decimal):
        return decimal_text(v)
    if isinstance(v, date):
        return v.isoformat()
    return v


def _row_answer(q: Question, model: Any, skip_field: str | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    raw: dict[str, Any] = {}
    stored: dict[str, Any] = {}
    mcls = type(model)
    if q.row_id:
        rid = nested_get(model, q.row_id.field)
        raw[q.row_id.field] = rid
        stored[q.row_id.field] = rid
    for f in q.fields:
        if f.id == skip_field:
            continue
        v = nested_get(model, f.path)
        if _blank(v):
            continue
        # A default that says something (優先順位 1, 内部要因, 耐用年数 5) is part of the row as the
        # owner sees it; only "nothing" defaults (0, いいえ) are left out.
        default = resolve(mcls, f.path).default()
        if not f.required and v == default and not default:
            continue
        raw[f.id] = answer_raw(f, v)
        stored[f.id] = _stored(f, v)
    return raw, stored


def _extract(plan: Plan, q: Question, bank: Bank) -> tuple[Any, Any]:
    """(answers-file value, stored value) for question ``q`` from the plan, or (None, None)."""
    target = q.target
    assert target is not None
    if q.type == "group":
        if q.parent is not None:
            root, child = target.split("[].", 1)
            raw_rows, stored_rows = [], []
            for parent in get_path(plan, root):
                key = nested_get(parent, q.parent.key)
                for m in getattr(parent, child):
                    r, s = _row_answer(q, m, skip_field=q.parent.field)
                    raw_rows.append({q.parent.field: key, **r})
                    stored_rows.append({q.parent.field: key, **s})
            return (raw_rows, stored_rows) if raw_rows else (None, None)
        models = get_path(plan, target)
        if not models:
            return None, None
        pairs = [_row_answer(q, m) for m in models]
        return [p[0] for p in pairs], [p[1] for p in pairs]
    if q.type == "year_grid":
        raw_grid: dict[str, Any] = {}
        stored_grid: dict[str, Any] = {}
        if q._grid_mode == "records":
            models = get_path(plan, target)
            if not models:
                return None, None
            item = resolve(Plan, target).base
            for gr in q.rows:
                vals = [nested_get(m, gr.path) for m in models]
                default = resolve(item, gr.path).default()
                if not gr.required and all(_blank(v) or v == default for v in vals):
                    continue
                raw_grid[gr.id] = [None if v is None else answer_raw(gr, v) for v in vals]
                stored_grid[gr.id] = [None if v is None else _stored(gr, v) for v in vals]
        else:
            for gr in q.rows:
                vals = get_path(plan, f"{target}.{gr.path}")
                if not vals:
                    continue
                raw_grid[gr.id] = answer_raw(gr, list(vals))
                stored_grid[gr.id] = _stored(gr, list(vals))
        return (raw_grid, stored_grid) if raw_grid else (None, None)
    v = get_path(plan, target)
    if _blank(v):
        return None, None
    if not q.required and not bank.dependants(q.id) and v == resolve(Plan, target).default():
        return None, None
    return answer_raw(q, v), _stored(q, v)


def plan_to_answers(plan: Plan, bank: Bank | None = None) -> dict[str, Any]:
    """The answers-file content (keyed by question id, in interview order) that reproduces ``plan``.

    Questions whose ``when`` is false for this plan are left out, as are optional answers equal to
    the plan's defaults. ``depth: short`` is written for an 早期経営改善計画.
    """
    bank = bank or load_bank()
    out: dict[str, Any] = {}
    if plan.meta.plan_style == "early":
        out["depth"] = "short"
    vis: dict[str, bool] = {}
    typed: dict[str, Any] = {}

    def lookup(qid: str) -> Any:
        return typed.get(qid) if vis.get(qid) else None

    def answered(qid: str) -> bool:
        return bool(vis.get(qid)) and typed.get(qid) is not None

    for q in bank.questions:
        cond = q._when_fn
        vis[q.id] = True if cond is None else cond.evaluate(lookup, answered)
        if not vis[q.id]:
            continue
        raw, stored = _extract(plan, q, bank)
        if raw is None:
            continue
        out[q.id] = raw
        typed[q.id] = to_python(q, stored) if q.type not in ("group", "year_grid") else stored
    return out


# --- writing YAML ----------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    pass


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = bool(data) and all(
        x is None or isinstance(x, (int, float, bool)) or (isinstance(x, str) and len(x) <= 24 and "\n" not in x)
        for x in data
    )
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(str, _represent_str)

_HEADER = """\
# kaizen-guide 回答ファイル
# 質問IDごとに回答を書きます。金額は千円単位 (「350万円」のように単位を付けても読めます)。
# 使い方: kaizen-guide interview 計画ファイル.json --answers この回答ファイル.yaml
"""


_ANNOTATED_HEADER = """\
# 各回答の上のコメントは、質問・値の形 (単位)・必須かどうか・一覧や表の項目です。
# すべてのキーの説明: kaizen-guide answers-reference (docs/answers-reference.md と同じ内容)
# カンマを含む金額はリストの中でもそのまま書けます: [1億1,000万円, 2,000万円]
"""


def dump_answers_yaml(data: dict[str, Any], bank: Bank | None = None, *, annotate: bool = False) -> str:
    """Readable Japanese YAML for an answers dict, each answer preceded by its question
    (``annotate``: also the value's shape and unit, whether it is required, and the fields)."""
    try:
        bank = bank or load_bank()
    except Exception:  # noqa: BLE001 - comments are a nicety; never fail a dump for them
        bank = None
    parts = [_HEADER + (_ANNOTATED_HEADER if annotate else "")]
    section = None
    for key, value in data.items():
        text = yaml.dump(
            {key: value}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=4096
        )
        if bank is not None and bank.has(key):
            q = bank.question(key)
            s = bank.section_of(key)
            if s.id != section:
                parts.append(f"\n# ==== {s.title} ====\n")
                section = s.id
            if annotate:
                from .reference import annotation

                parts.append("".join(f"# {line}\n" for line in annotation(q)))
            else:
                parts.append(f"# {' '.join(q.prompt.split())}\n")
        parts.append(text)
    return "".join(parts)
