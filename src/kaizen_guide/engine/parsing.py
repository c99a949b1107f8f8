"""Reading an answer: one value, the rows of a group, or the columns of a year grid.

``parse(state, q, raw)`` returns ``(value, note)`` (None for a blank answer) or raises
:class:`~kaizen_guide.engine.values.AnswerError` with a Japanese message naming the row, field or
column that is wrong. Single values go through ``engine.values`` (the ``ja`` parsers).
"""

from __future__ import annotations

from typing import Any

from kaizen_guide.banks import Question

from .state import DEPTH_LABELS, InterviewState
from .values import AnswerError, is_blank, parse_one, parse_value, split_items


def parse(state: InterviewState, q: Question, raw: Any) -> tuple[Any, str | None]:
    if q.type == "group":
        return parse_group(state, q, raw)
    if q.type == "year_grid":
        return parse_grid(state, q, raw)
    if isinstance(raw, dict) or (isinstance(raw, list) and not (q.is_list or q.type == "multi_choice")):
        raise AnswerError("1つの値で答えてください。")
    return parse_value(q, raw, state.options(q) if q.type in ("choice", "multi_choice") else None)


def require_answered(state: InterviewState, src_id: str) -> None:
    """A group or grid built on an earlier answer cannot be read before that answer exists."""
    if state.active_value(src_id) is None:
        src = state.bank.question(src_id)
        raise AnswerError(f"先に「{src.prompt.strip()}」に答えてください。")


def parse_group(state: InterviewState, q: Question, raw: Any) -> tuple[Any, str | None]:
    if is_blank(raw):
        return None, None
    if isinstance(raw, dict):
        raw = [raw]
    label = state.row_label(q)
    if not isinstance(raw, list):
        raise AnswerError(f"{label}を1件ずつ、項目名と値の組で入力してください。")
    idf = q.row_id.field if q.row_id else None
    known = {f.id for f in q.fields} | ({idf} if idf else set())
    options = {f.id: state.options(f) for f in q.fields if f.type in ("choice", "multi_choice")}
    rows: list[dict[str, Any]] = []
    notes: list[str] = []
    for i, row in enumerate(raw, 1):
        if not isinstance(row, dict):
            raise AnswerError(
                f"{label} {i}件目: 「項目: 値」の形で入力してください (項目: {', '.join(f.id for f in q.fields)})。"
            )
        unknown = [k for k in row if k not in known]
        if unknown:
            raise AnswerError(
                f"{label} {i}件目: 知らない項目「{'」「'.join(map(str, unknown))}」があります "
                f"(使える項目: {', '.join(sorted(known, key=list(known).index))})。"
            )
        if all(is_blank(v) for v in row.values()):
            continue  # an empty row left by an editor
        out: dict[str, Any] = {}
        for f in q.fields:
            if not is_blank(row.get(f.id)):
                _asked_here(state, f, options.get(f.id), f"{label} {i}件目の「{f.prompt}」")
            try:
                v, note = parse_value(f, row.get(f.id), options.get(f.id))
            except AnswerError as exc:
                raise AnswerError(f"{label} {i}件目の「{f.prompt}」: {exc.message}") from None
            if v is None:
                if f.required:
                    ex = f" 例: {f.example}" if f.example else ""
                    raise AnswerError(f"{label} {i}件目の「{f.prompt}」を入力してください。{ex}")
                continue
            out[f.id] = v
            if note:
                notes.append(f"{label} {i}件目の「{f.prompt}」: {note}")
        if idf:
            rid = row.get(idf)
            if not is_blank(rid):
                out[idf] = str(rid).strip()
        rows.append(out)
    if not rows:
        return None, None
    if idf and q.row_id is not None:
        _number_rows(rows, idf, q.row_id.prefix, label)
    for fid in q.validation.unique:
        vals = [str(r.get(fid)) for r in rows if r.get(fid) is not None]
        dups = sorted({x for x in vals if vals.count(x) > 1})
        if dups:
            uf = q.field(fid)
            raise AnswerError(f"{label}の「{uf.prompt if uf else fid}」が重複しています: 「{'」「'.join(dups)}」。")
    v = q.validation
    if v.min_rows is not None and len(rows) < v.min_rows:
        raise AnswerError(f"{label}を{v.min_rows}件以上入力してください (今は{len(rows)}件)。")
    if v.max_rows is not None and len(rows) > v.max_rows:
        raise AnswerError(f"{label}は{v.max_rows}件以内にしてください (今は{len(rows)}件)。")
    if q.parent is not None:
        pf = q.field(q.parent.field)
        assert pf is not None and pf.choices_from is not None  # checked when the bank was loaded
        require_answered(state, pf.choices_from.question)
    return rows, ("。".join(notes) or None)


def _asked_here(state: InterviewState, f: Any, options: Any, where: str) -> None:
    """A field of another depth that links to rows this depth never asks for (an answers file
    written for the 本格計画 read as an 早期 plan) gets told why, not 「選択肢がまだありません」."""
    if f.depth is None or state.depth in f.depth or f.choices_from is None or options:
        return
    src = state.row_label(state.bank.question(f.choices_from.question))
    raise AnswerError(
        f"{where}は{DEPTH_LABELS.get(state.depth, state.depth)}では聞かない項目です"
        f" (もとになる{src}を聞かないため)。回答から「{f.id}」を外すか、"
        "depth: full で入力してください。"
    )


def _number_rows(rows: list[dict[str, Any]], idf: str, prefix: str, label: str) -> None:
    """Give rows without an id the next free one (I1, I2…); refuse ids given twice."""
    used = {r[idf] for r in rows if idf in r}
    n = 1
    for r in rows:
        if idf not in r:
            while f"{prefix}{n}" in used:
                n += 1
            r[idf] = f"{prefix}{n}"
            used.add(r[idf])
    ids = [r[idf] for r in rows]
    dups = sorted({x for x in ids if ids.count(x) > 1})
    if dups:
        raise AnswerError(f"{label}のID「{'」「'.join(dups)}」が重複しています。")


def parse_grid(state: InterviewState, q: Question, raw: Any) -> tuple[Any, str | None]:
    if is_blank(raw):
        return None, None
    if not isinstance(raw, dict):
        first = q.rows[0].id
        raise AnswerError(f"行ごとに年度の値を並べて入力してください (例: {first}: [1200, 1300, 1400])。")
    known = [r.id for r in q.rows]
    unknown = [k for k in raw if k not in known]
    if unknown:
        raise AnswerError(f"知らない行「{'」「'.join(map(str, unknown))}」があります (使える行: {', '.join(known)})。")
    cl = q.validation.columns_like
    expected = None
    if cl:
        require_answered(state, cl)
        src = state.active_value(cl) or {}
        expected = max((len(v) for v in src.values()), default=0)
    out: dict[str, list[Any]] = {}
    notes: list[str] = []
    ncols = 0
    for r in q.rows:
        cell = raw.get(r.id)
        if is_blank(cell):
            items: list[Any] = []
        elif isinstance(cell, (list, tuple)):
            items = list(cell)
        else:
            items = split_items(cell, r.type)
        vals: list[Any] = []
        for j, item in enumerate(items):
            if is_blank(item):
                vals.append(None)
                continue
            try:
                v, note = parse_one(r, item, state.options(r) if r.type in ("choice", "multi_choice") else None)
            except AnswerError as exc:
                raise AnswerError(f"「{r.prompt}」の{state.column_label(q, j)}: {exc.message}") from None
            vals.append(v)
            if note:
                notes.append(f"「{r.prompt}」の{state.column_label(q, j)}: {note}")
        while vals and vals[-1] is None:
            vals.pop()
        if vals:
            out[r.id] = vals
        ncols = max(ncols, len(vals))
    if not out:
        return None, None
    validation = q.validation
    if cl and expected is not None and ncols != expected:
        src_q = state.bank.question(cl)
        raise AnswerError(
            f"「{src_q.prompt.strip()}」で答えた{expected}列と同じ数の列で入力してください (今は{ncols}列)。"
        )
    if validation.min_columns is not None and ncols < validation.min_columns:
        raise AnswerError(f"{validation.min_columns}列 (年度) 以上入力してください (今は{ncols}列)。")
    if validation.max_columns is not None and ncols > validation.max_columns:
        raise AnswerError(f"{validation.max_columns}列 (年度) 以内にしてください (今は{ncols}列)。")
    _check_grid_rows(state, q, out, ncols)
    return out, ("。".join(notes) or None)


def _check_grid_rows(state: InterviewState, q: Question, out: dict[str, list[Any]], ncols: int) -> None:
    """Records grids need every required cell (short rows padded); series grids no gaps."""
    for r in q.rows:
        vals = out.get(r.id, [])
        if q._grid_mode == "records":
            if r.required and (len(vals) < ncols or None in vals):
                missing = next(j for j in range(ncols) if j >= len(vals) or vals[j] is None)
                raise AnswerError(f"「{r.prompt}」の{state.column_label(q, missing)}を入力してください。")
            if vals and len(vals) < ncols:
                out[r.id] = vals + [None] * (ncols - len(vals))
        else:
            if None in vals:
                j = vals.index(None)
                raise AnswerError(
                    f"「{r.prompt}」の{state.column_label(q, j)}が空欄です。間の年度も入力してください"
                    "(最後の年度より後は、最後の値が続くものとして扱います)。"
                )
            if r.required and not vals:
                raise AnswerError(f"「{r.prompt}」を入力してください。")
