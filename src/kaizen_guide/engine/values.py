"""Scalar answers: raw text → stored value (JSON form) → display text, per question type.

Stored values are JSON-friendly so they fit :class:`~kaizen_guide.model.plan.AnswerRecord`:
amounts and integers are ``int``, percents and decimals are ``str`` of a Decimal ("0.016"),
dates are ISO text, months "YYYY-MM", yes/no ``bool``, choices the choice value. The plan model
reads these forms directly (pydantic turns "0.016" into ``Decimal``).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from kaizen_guide.ja import (
    ParseError,
    describe_amount,
    format_amount,
    normalize,
    parse_amount_detail,
    parse_date,
    parse_decimal,
    parse_fiscal_month,
    parse_int,
    parse_month,
    parse_percent,
    parse_yes_no,
)

Options = list[tuple[Any, str]]
"""Choice options as (value, label)."""


class AnswerError(ValueError):
    """An answer that cannot be accepted; ``message`` is Japanese and says what was expected."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


EXPECTED: dict[str, str] = {
    "text": "文章",
    "long_text": "文章",
    "amount": "金額 (例: 1,200 / 350万円 / ▲500)",
    "integer": "整数 (例: 12)",
    "percent": "割合 (例: 12% / 1.5%)",
    "decimal": "数値 (例: 1.5)",
    "date": "日付 (例: 2027年4月1日 / 2027-04-01)",
    "month": "年月 (例: 2027年4月 / 2027-04)",
    "fiscal_month": "決算月 (例: 3月)",
    "choice": "選択肢のどれか",
    "multi_choice": "選択肢 (複数可)",
    "yes_no": "はい / いいえ",
}


def is_blank(raw: Any) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    if isinstance(raw, (list, tuple, dict)):
        return len(raw) == 0
    return False


def _text_of(raw: Any) -> str:
    if isinstance(raw, bool):
        return "はい" if raw else "いいえ"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)


def decimal_text(d: Decimal) -> str:
    """Plain text of a Decimal without exponent or trailing zeros: 0.0160 → "0.016", 1E+2 → "100"."""
    d = Decimal(d)
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


def percent_text(fraction: Any) -> str:
    """Exact percent text that parses back to the same fraction: 0.016 → "1.6%", -0.02 → "▲2%"."""
    pct = Decimal(str(fraction)) * 100
    sign = "▲" if pct < 0 else ""
    return f"{sign}{decimal_text(abs(pct))}%"


def split_items(raw: Any, qtype: str) -> list[Any]:
    """A list answer typed as one text: 「12,000 / 20,000」, 「5、11」, or already a list."""
    if isinstance(raw, (list, tuple)):
        return list(raw)
    text = _text_of(raw)
    seps = r"/／;；\n"
    if qtype not in ("amount", "decimal", "percent"):
        seps += "、"
    if qtype in ("text", "long_text", "choice", "multi_choice", "month"):
        seps += ",，"
    return [p for p in re.split(f"[{seps}]", text) if p.strip()]


def match_choice(raw: Any, options: Options, prompt: str) -> Any:
    """The value of the option whose value or label matches ``raw`` (or its 1-based number)."""
    if isinstance(raw, bool):
        for value, _ in options:
            if value is raw:
                return value
    text = normalize(_text_of(raw)).casefold()
    for value, label in options:
        if text == normalize(str(value)).casefold() or text == normalize(label).casefold():
            return value
    # 「1」 = the first option, when no option's value is a number.
    if text.isdigit() and not any(str(v).isdigit() for v, _ in options):
        n = int(text)
        if 1 <= n <= len(options):
            return options[n - 1][0]
    # A label typed with its value in brackets, e.g. 「プロパー (proper)」, or just a unique prefix.
    hits = [v for v, label in options if text and normalize(label).casefold().startswith(text)]
    if len(hits) == 1:
        return hits[0]
    if not options:
        raise AnswerError(f"「{prompt}」の選択肢がまだありません。先に選択肢のもとになる質問に答えてください。")
    labels = "、".join(f"「{label}」" for _, label in options[:12])
    more = " など" if len(options) > 12 else ""
    raise AnswerError(f"「{_text_of(raw)}」は選択肢にありません。{labels}{more}から選んでください。")


def choice_label(value: Any, options: Options) -> str:
    for v, label in options:
        if v == value and type(v) is type(value):
            return label
    for v, label in options:
        if str(v) == str(value):
            return label
    return str(value)


_PERIOD_WORDS = {
    "month": ("月額", "毎月", "月々", "月"),
    "year": ("年額", "年間", "毎年", "年"),
}
_PER_SUFFIXES = {"month": ("/月", "／月"), "year": ("/年", "／年")}


def _strip_period(text: str, per: str | None) -> str:
    """An amount written with its period (「月90万円」「年3,600千円」「90万円/月」): the period word is
    dropped when it is the field's own, and refused with a hint when it is the other one."""
    s = text.strip()
    for kind, words in _PERIOD_WORDS.items():
        hit = next((w for w in words if s.startswith(w)), None) or next(
            (w for w in _PER_SUFFIXES[kind] if s.endswith(w)), None
        )
        if hit is None:
            continue
        if per == kind:
            return s[len(hit) :] if s.startswith(hit) else s[: -len(hit)]
        if per is None:
            return s  # the parser says what it cannot read
        want = "月額" if per == "month" else "年額"
        raise AnswerError(
            f"この欄は{want}です。{want}に直して入力してください"
            + ("(月額の12か月分)。" if per == "year" else "(年額の12分の1)。")
        )
    return s


def parse_one(field: Any, raw: Any, options: Options | None = None) -> tuple[Any, str | None]:
    """Parse one (non-list) value of ``field``'s type. Returns (stored value, note)."""
    t = field.type
    v = field.validation
    note = None
    value: str | int | Decimal
    try:
        if t in ("text", "long_text"):
            value = _text_of(raw).strip()
            if v.min_length is not None and len(value) < v.min_length:
                raise AnswerError(f"もう少し詳しく書いてください ({v.min_length}文字以上)。例:{field.example or '…'}")
            if v.max_length is not None and len(value) > v.max_length:
                raise AnswerError(f"{v.max_length}文字以内にまとめてください (今は{len(value)}文字)。")
            return value, None
        if t == "amount":
            text = _strip_period(raw if isinstance(raw, str) else _text_of(raw), getattr(field, "per", None))
            res = parse_amount_detail(text, unit=field.unit, allow_negative=field.allow_negative)
            value, note = res.value, res.note
        elif t == "integer":
            lo = field._int_min
            hi = field._int_max
            if v.min is not None:
                lo = int(v.min) if lo is None else max(lo, int(v.min))
            if v.max is not None:
                hi = int(v.max) if hi is None else min(hi, int(v.max))
            value = parse_int(_text_of(raw), min=lo, max=hi)
        elif t == "percent":
            value = parse_percent(_text_of(raw))
        elif t == "decimal":
            value = parse_decimal(_text_of(raw))
        elif t == "date":
            return parse_date(_text_of(raw)).isoformat(), None
        elif t == "month":
            return parse_month(_text_of(raw)), None
        elif t == "fiscal_month":
            return parse_fiscal_month(_text_of(raw)), None
        elif t == "yes_no":
            return (raw if isinstance(raw, bool) else parse_yes_no(_text_of(raw))), None
        elif t in ("choice", "multi_choice"):
            opts = options if options is not None else [(c.value, c.label) for c in field.choices]
            return match_choice(raw, opts, field.prompt), None
        else:  # pragma: no cover - the loader only allows the types above
            raise AnswerError(f"unsupported type {t}")
    except ParseError as exc:
        raise AnswerError(exc.message) from None
    # Bounds from the bank (numbers).
    if t in ("amount", "percent", "decimal"):
        num = Decimal(value)
        if v.min is not None and num < v.min:
            raise AnswerError(f"{_bound_text(t, v.min, field)}以上で入力してください。")
        if v.max is not None and num > v.max:
            raise AnswerError(f"{_bound_text(t, v.max, field)}以下で入力してください。")
    if isinstance(value, Decimal):
        return decimal_text(value), note
    return value, note


def _bound_text(t: str, bound: Decimal, field: Any) -> str:
    if t == "percent":
        return percent_text(bound)
    if t == "amount":
        return describe_amount(int(bound), field.unit)
    return decimal_text(bound)


def parse_value(field: Any, raw: Any, options: Options | None = None) -> tuple[Any, str | None]:
    """Parse a value of ``field`` (a Question or SubField), including list values and multi-choice.

    Blank input returns (None, None); the caller decides whether the field is required.
    """
    if is_blank(raw):
        return None, None
    if field.is_list or field.type == "multi_choice":
        items = split_items(raw, field.type)
        out: list[Any] = []
        notes: list[str] = []
        for i, item in enumerate(items, 1):
            if is_blank(item):
                raise AnswerError(f"{i}番目が空欄です。値を入れるか、その項目を消してください。")
            try:
                value, note = parse_one(field, item, options)
            except AnswerError as exc:
                raise AnswerError(f"{i}番目「{_text_of(item)}」: {exc.message}") from None
            out.append(value)
            if note:
                notes.append(note)
        v = field.validation
        n = len(out)
        if v.items is not None and n != v.items:
            raise AnswerError(f"{v.items}個入力してください (今は{n}個)。例:{field.example or '…'}")
        if v.min_items is not None and n < v.min_items:
            raise AnswerError(f"{v.min_items}個以上入力してください (今は{n}個)。")
        if v.max_items is not None and n > v.max_items:
            raise AnswerError(f"{v.max_items}個以内で入力してください (今は{n}個)。")
        if field.type == "multi_choice" and len(set(map(str, out))) != len(out):
            raise AnswerError("同じ選択肢が重複しています。")
        return out, ("。".join(notes) or None)
    return parse_one(field, raw, options)


# --- display --------------------------------------------------------------------------------------


def format_one(field: Any, value: Any, options: Options | None = None, *, human: bool = False) -> str:
    """Text of one stored value: re-parsable (``human=False``) or for reading (``human=True``)."""
    if value is None:
        return ""
    t = field.type
    if t == "amount":
        return describe_amount(int(value), field.unit) if human else format_amount(int(value), field.unit)
    if t == "percent":
        return percent_text(value)
    if t == "decimal":
        return decimal_text(Decimal(str(value)))
    if t == "yes_no":
        return "はい" if value else "いいえ"
    if t in ("choice", "multi_choice"):
        opts = options if options is not None else [(c.value, c.label) for c in field.choices]
        return choice_label(value, opts)
    if t == "fiscal_month":
        return f"{value}月"
    if t == "date" and human:
        d = date.fromisoformat(str(value))
        return f"{d.year}年{d.month}月{d.day}日"
    if t == "month" and human:
        y, m = str(value).split("-")
        return f"{y}年{int(m)}月"
    if t == "integer":
        return str(value)
    return str(value)


def format_value(field: Any, value: Any, options: Options | None = None, *, human: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        sep = "、" if field.type in ("multi_choice", "text", "long_text", "choice") else " / "
        return sep.join(format_one(field, v, options, human=human) for v in value)
    return format_one(field, value, options, human=human)


def to_python(field: Any, value: Any) -> Any:
    """Stored value → typed Python value (Decimal, date) for conditions and comparisons."""
    if value is None:
        return None
    if isinstance(value, list):
        return [to_python_one(field.type, v) for v in value]
    return to_python_one(field.type, value)


def to_python_one(t: str, v: Any) -> Any:
    if v is None:
        return None
    if t in ("percent", "decimal"):
        return Decimal(str(v))
    if t == "date" and isinstance(v, str):
        return date.fromisoformat(v)
    return v


def answer_raw(field: Any, value: Any, options: Options | None = None) -> Any:
    """Python value from the plan → what a person would write in an answers file (readable)."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return [answer_raw_one(field, v, options) for v in value]
    return answer_raw_one(field, value, options)


def answer_raw_one(field: Any, v: Any, options: Options | None) -> Any:
    t = field.type
    if t in ("amount", "integer", "fiscal_month"):
        return int(v)
    if t == "percent":
        return percent_text(v)
    if t == "decimal":
        return decimal_text(Decimal(str(v)))
    if t == "date":
        return v.isoformat() if isinstance(v, date) else str(v)
    if t == "yes_no":
        return "はい" if v else "いいえ"
    if t in ("choice", "multi_choice"):
        if field.choices_from is not None:
            return v
        return choice_label(v, options if options is not None else [(c.value, c.label) for c in field.choices])
    return str(v)
