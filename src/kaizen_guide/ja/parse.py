"""Parsers for what Japanese SME owners type: amounts, percents, counts, months, dates, yes/no.

Every parser accepts full-width and half-width input alike (via ``normalize``) and raises
``ParseError`` with a Japanese message that says what was expected and shows an example, so the
interview engine, the TUI live preview and the headless answers files can show it as-is.

Pure Python (stdlib only); no UI imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from kaizen_guide.ja.normalize import normalize, normalize_number_text

# Months and dates (和暦 too) are read in dates.py; ParseError is shared by every parser.
from .dates import parse_date, parse_fiscal_month, parse_month
from .errors import ParseError

__all__ = [
    "AmountParse",
    "ParseError",
    "describe_amount",
    "format_amount",
    "format_percent",
    "parse_amount",
    "parse_amount_detail",
    "parse_date",
    "parse_decimal",
    "parse_fiscal_month",
    "parse_int",
    "parse_month",
    "parse_percent",
    "parse_yes_no",
]


@dataclass(frozen=True, slots=True)
class AmountParse:
    """Result of ``parse_amount_detail``: the value in the field's unit, plus a note when rounded."""

    value: int
    note: str | None = None


# --------------------------------------------------------------------------------------------
# Shared pieces
# --------------------------------------------------------------------------------------------

# Input longer than this is certainly not a number; the cap also keeps Decimal work bounded.
_MAX_LEN = 64

# A number as people type it: "1200", "1,200", "1,200.5", "0.5", ".5". Comma groups must be
# exactly three digits so that typos such as "12,00" or "1,2,3" are caught instead of guessed.
_NUM = r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
_NUM_RE = re.compile(_NUM)

# Minus markers. ▲/△ are the bank/accounting convention; "マイナス" is what people say.
_MINUS_TOKENS = ("マイナス", "▲", "△", "-")
_SIGN_TOKENS = (*_MINUS_TOKENS, "+")
_SIGN_CHARS = "▲△-+()"


def _to_decimal(num: str) -> Decimal:
    return Decimal(num.replace(",", ""))


def _prepare(text: object, what: str, example: str) -> str:
    """Normalise numeric input and reject empty / absurdly long text early."""
    if not isinstance(text, str):
        # Headless answers files may hand us YAML ints/floats; read them as their text.
        if isinstance(text, bool) or text is None:
            raise ParseError(f"{what}が入力されていません。{example}のように入力してください。")
        text = str(text)
    s = normalize_number_text(text)
    # The Japanese comma 「、」 is an easy IME slip for a thousands separator.
    s = s.replace("、", ",")
    if not s:
        raise ParseError(f"{what}が入力されていません。{example}のように入力してください。")
    if len(s) > _MAX_LEN:
        raise ParseError(f"{what}として読めません(長すぎます)。{example}のように入力してください。")
    # "1 200" could be a thousands gap or two numbers; refuse rather than guess.
    if re.search(r"[\d.,] +[\d.,]", s):
        raise ParseError(f"{what}として読めません(数字の間に空白があります)。{example}のように入力してください。")
    return s.replace(" ", "")


def _split_sign(s: str, two_signs_msg: str) -> tuple[bool, str, bool]:
    """Strip one leading sign (or accounting parentheses) and an optional leading ¥.

    Returns (negative, rest, yen_mark). Two signs in any combination are an error because
    「▲-500」 or 「-(500)」 could mean either sign depending on who typed it.
    """
    negative = False
    signs = 0
    yen_mark = False
    changed = True
    while changed and s:
        changed = False
        for tok in _SIGN_TOKENS:
            if s.startswith(tok):
                signs += 1
                negative = negative or tok in _MINUS_TOKENS
                s = s[len(tok) :]
                changed = True
                break
        if s.startswith("¥") and not yen_mark:
            yen_mark = True
            s = s[1:]
            changed = True
        if s.startswith("(") and s.endswith(")") and len(s) >= 2:
            signs += 1
            negative = True
            s = s[1:-1]
            changed = True
    if signs > 1:
        raise ParseError(two_signs_msg)
    return negative, s, yen_mark


def _group(n: int) -> str:
    return f"{n:,}"


def _format_decimal(d: Decimal) -> str:
    """Human-readable decimal with comma groups and ▲ for negatives (for notes only)."""
    sign = "▲" if d < 0 else ""
    d = abs(d)
    whole = int(d)
    frac = d - whole
    text = _group(whole)
    if frac:
        frac_text = format(frac.normalize(), "f")  # "0.5"
        text += frac_text[1:]
    return sign + text


# --------------------------------------------------------------------------------------------
# Amounts
# --------------------------------------------------------------------------------------------

# Field units the parsers can return, in yen.
_FIELD_UNITS: dict[str, int] = {"円": 1, "千円": 1_000, "万円": 10_000, "百万円": 1_000_000}

# Anything above 10兆円 is far outside an SME plan and almost certainly extra zeros.
_MAX_YEN = 10**13

_BIG = {"兆": 10**12, "億": 10**8, "万": 10**4}
_SMALL = {"千": 1_000, "百": 100, "十": 10}
_BIG_RANK = {"兆": 3, "億": 2, "万": 1, None: 0}
_UNIT_CHARS = "兆億万千百十円"
_SEGMENT_RE = re.compile(rf"(?P<num>{_NUM})(?P<small>[千百十])?(?P<big>[兆億万])?")


def _field_unit(unit: str) -> int:
    try:
        return _FIELD_UNITS[unit]
    except KeyError:
        # Programming error, not user input: plain ValueError on purpose.
        raise ValueError(f"unsupported amount unit {unit!r}; use one of {list(_FIELD_UNITS)}") from None


def _amount_messages(unit: str) -> dict[str, str]:
    ex = "「1,200」「350万円」「▲500」"
    return {
        "empty_ex": ex,
        "bad": f"金額として読めません。{ex}のように入力してください(単位を書かなければ{unit}単位として読みます)。",
        "order": "単位の並びが正しくありません。「1億2,000万円」「350万円」のように、数字の後に大きい単位から順に書いてください。",
        "two_signs": "マイナスの記号が重なっています。「▲500」「-500」「(500)」のように記号は1つだけにしてください。",
        "negative": "この項目はマイナスにできません。「1,200」「350万円」のように0以上の金額を入力してください。",
        "too_big": "金額が大きすぎます(10兆円を超えています)。桁を打ち間違えていないか確認してください。例:「1,200」「350万円」",
    }


def parse_amount_detail(text: str, *, unit: str = "千円", allow_negative: bool = True) -> AmountParse:
    """Read a money amount and return it as a whole number of ``unit`` (default 千円).

    Accepted: 「1,200」「１，２００」「▲500」「△500」「-500」「(500)」「350万円」「1.2億円」
    「1億2,000万円」「5千万円」「12,000千円」「800,000円」「3.5百万円」「¥800,000」.

    * No unit word → the number is already in the field's unit (「1,200」 in a 千円 field = 1,200千円).
    * With a unit word (円, 千円, 万, 百万, 億, 兆, combined 億+万) the amount is converted.
    * Fractions of the field unit are rounded half up (四捨五入, ties away from zero, so
      ▲800.5 → ▲801) and ``note`` explains the rounding; otherwise ``note`` is None.
    """
    unit_yen = _field_unit(unit)
    msgs = _amount_messages(unit)
    s = _prepare(text, "金額", msgs["empty_ex"])
    negative, body, yen_mark = _split_sign(s, msgs["two_signs"])
    if any(c in body for c in _SIGN_CHARS):
        # A sign left inside the body: either a second leading sign or one in a strange place.
        if body[:1] in _SIGN_CHARS or body.startswith("マイナス"):
            raise ParseError(msgs["two_signs"])
        raise ParseError(msgs["bad"])

    yen_word = body.endswith("円")
    if yen_word:
        body = body[:-1]
    if "円" in body:
        raise ParseError(msgs["order"])
    if not body:
        raise ParseError(msgs["bad"])

    segments: list[tuple[Decimal, str | None, str | None]] = []
    pos = 0
    while pos < len(body):
        m = _SEGMENT_RE.match(body, pos)
        if not m:
            # A unit word where a digit should be (「万350」, 「350万億」) is an ordering mistake.
            raise ParseError(msgs["order"] if body[pos] in _UNIT_CHARS else msgs["bad"])
        segments.append((_to_decimal(m["num"]), m["small"], m["big"]))
        pos = m.end()

    has_unit_word = yen_word or yen_mark or any(sm or bg for _, sm, bg in segments)
    with localcontext() as ctx:
        ctx.prec = 80  # exact for anything that fits in _MAX_LEN characters
        if len(segments) == 1 and not has_unit_word:
            value = segments[0][0]
            source = f"{_format_decimal(-value if negative else value)}{unit}"
        else:
            yen = _combine_segments(segments, msgs)
            value = yen / unit_yen
            source = f"{_format_decimal(-yen if negative else yen)}円"

        if value * unit_yen > _MAX_YEN:
            raise ParseError(msgs["too_big"])
        if negative and value != 0 and not allow_negative:
            raise ParseError(msgs["negative"])

        signed = -value if negative else value
        rounded = signed.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    result = int(rounded)
    if result == 0:
        result = 0  # no "-0" surprises downstream
    note = None
    if rounded != signed:
        below = "1円" if unit == "円" else unit
        note = f"{below}未満を四捨五入しました({source} → {format_amount(result, unit)}{unit})"
    return AmountParse(result, note)


def _combine_segments(segments: list[tuple[Decimal, str | None, str | None]], msgs: dict[str, str]) -> Decimal:
    """Sum segments such as 1億 + 2,000万 + 500 (円), enforcing Japanese numeral order."""
    if len(segments) == 1:
        num, small, big = segments[0]
        return num * _SMALL.get(small or "", 1) * _BIG.get(big or "", 1)
    total = Decimal(0)
    prev_rank = None
    for i, (num, small, big) in enumerate(segments):
        rank = _BIG_RANK[big]
        if i < len(segments) - 1 and not (small or big):
            # Only the last part may omit a unit (「1億2,000万500円」); else it is garbage like "1.2.3".
            raise ParseError(msgs["bad"])
        if prev_rank is not None and rank >= prev_rank:
            raise ParseError(msgs["order"])
        # Decimals mixed with further parts (「1.5億3,000万」) have no clear reading.
        if "." in str(num):
            raise ParseError(msgs["bad"])
        group = num * _SMALL.get(small or "", 1)
        if i > 0 and group >= 10_000:
            # 「1億12,000万」: each part after the first must stay below the next unit.
            raise ParseError(msgs["order"])
        total += group * _BIG.get(big or "", 1)
        prev_rank = rank
    return total


def parse_amount(text: str, *, unit: str = "千円", allow_negative: bool = True) -> int:
    """Like ``parse_amount_detail`` but returns only the integer value in ``unit``."""
    return parse_amount_detail(text, unit=unit, allow_negative=allow_negative).value


def format_amount(value: int, unit: str = "千円") -> str:
    """Bank-style number in the field's unit without the unit word: 1200 → "1,200", -500 → "▲500".

    The output reads back through ``parse_amount(..., unit=unit)`` to the same value.
    """
    _field_unit(unit)
    value = int(value)
    return ("▲" if value < 0 else "") + _group(abs(value))


def _kanji_amount(yen: int) -> str:
    """120,000,000 → "1億2,000万円"; zero parts are omitted."""
    sign = "▲" if yen < 0 else ""
    rest = abs(yen)
    parts = []
    for word, size in (("兆", 10**12), ("億", 10**8), ("万", 10**4)):
        q, rest = divmod(rest, size)
        if q:
            parts.append(f"{_group(q)}{word}")
    if rest or not parts:
        parts.append(_group(rest))
    return f"{sign}{''.join(parts)}円"


def describe_amount(value: int, unit: str = "千円") -> str:
    """Live-preview text: "3,500千円", "▲500千円", "1億2,000万円相当 (120,000千円)".

    The 億/万 reading is added only from 1億円 up, where counting digits gets error-prone.
    """
    unit_yen = _field_unit(unit)
    plain = f"{format_amount(value, unit)}{unit}"
    yen = int(value) * unit_yen
    if abs(yen) >= 10**8:
        return f"{_kanji_amount(yen)}相当 ({plain})"
    return plain


# --------------------------------------------------------------------------------------------
# Percent / decimal / integer
# --------------------------------------------------------------------------------------------

_PERCENT_SUFFIXES = ("%", "パーセント", "percent")
_PERCENT_BAD = (
    "割合として読めません。「12%」「12.5%」「▲2%」のように入力してください"
    "(%を付けない場合、1以下の数は割合として(0.12=12%)、1より大きい数は%として(12=12%)読みます)。"
)
_PERCENT_TWO_SIGNS = "マイナスの記号が重なっています。「▲2%」「-2%」のように記号は1つだけにしてください。"


def parse_percent(text: str) -> Decimal:
    """Read a rate and return it as a FRACTION (「12%」 → Decimal("0.12")).

    Rule: with a percent sign (%, ％, パーセント) the number is a percent. Without one, a number
    whose absolute value is ≤ 1 is already a fraction (「0.12」 = 12%, 「1」 = 100%) and a larger
    number is read as a percent (「12」 = 12%). Negatives: 「▲2%」「-2%」.
    """
    s = _prepare(text, "割合", "「12%」「12.5%」「▲2%」")
    negative, body, yen_mark = _split_sign(s, _PERCENT_TWO_SIGNS)
    if yen_mark:
        raise ParseError(_PERCENT_BAD)
    has_percent = False
    lowered = body.lower()
    for suffix in _PERCENT_SUFFIXES:
        if lowered.endswith(suffix):
            body = body[: -len(suffix)]
            has_percent = True
            break
    if body[:1] in _SIGN_CHARS:
        raise ParseError(_PERCENT_TWO_SIGNS)
    if not _NUM_RE.fullmatch(body):
        raise ParseError(_PERCENT_BAD)
    num = _to_decimal(body)
    if has_percent or num > 1:
        num = num.scaleb(-2)  # exact, unlike a division under the context precision
    return -num if negative else num


def format_percent(d: Decimal, digits: int = 1) -> str:
    """Fraction → percent text: Decimal("0.12") → "12.0%", Decimal("-0.02") → "▲2.0%"."""
    pct = (Decimal(d) * 100).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    sign = "▲" if pct < 0 else ""
    return f"{sign}{format(abs(pct), f'.{digits}f')}%"


def parse_decimal(text: str) -> Decimal:
    """Plain decimal number: 「1.5」「１．５」「－５」「▲0.3」「1,234.5」, with an optional counter
    word as prompts suggest (「10年」「0.5か月分」「10年以内」)."""
    bad = "数値として読めません。「1.5」「-5」「1,234.5」のように入力してください。"
    s = _prepare(text, "数値", "「1.5」「-5」")
    negative, body, yen_mark = _split_sign(
        s, "マイナスの記号が重なっています。「-5」「▲5」のように記号は1つだけにしてください。"
    )
    body = _strip_counter(body)
    if yen_mark or not _NUM_RE.fullmatch(body):
        raise ParseError(bad)
    num = _to_decimal(body)
    return -num if negative else num


# Counter words stripped by parse_int, longest first so 「店舗」 wins over 「店」.
_COUNTERS = sorted(
    [
        "人",
        "名",
        "社",
        "件",
        "個",
        "台",
        "店",
        "店舗",
        "拠点",
        "回",
        "本",
        "枚",
        "品目",
        "品",
        "戸",
        "室",
        "棟",
        "期",
        "年",
        "日",
        "歳",
        "才",
        "時間",
        "週",
        "行",
        "口",
        "先",
        "か月",
        "カ月",
        "ヵ月",
        "ヶ月",
        "ケ月",
        "箇月",
        "ヵ所",
        "ヶ所",
        "か所",
        "カ所",
        "箇所",
        "月",
        "年目",
        "期目",
        "か月目",
        "カ月目",
        "ヶ月目",
        "ヵ月目",
    ],
    key=len,
    reverse=True,
)
# Words that may follow a counter (「10年以内」「0.5か月分」「3年間」) and ordinal prefixes
# (「計画2年目」「第3期」): prompts ask 「何年目」「何か月分」, so answers come back in that form.
_COUNTER_TAILS = ("以内", "以下", "程度", "くらい", "ぐらい", "分", "間")
_ORDINAL_PREFIXES = ("計画", "第")


def _strip_counter(body: str) -> str:
    """``body`` without one ordinal prefix, one counter word and its tail (「計画2年目」→「2」)."""
    for prefix in _ORDINAL_PREFIXES:
        if body.startswith(prefix):
            body = body[len(prefix) :]
            break
    for tail in _COUNTER_TAILS:
        if body.endswith(tail) and len(body) > len(tail):
            body = body[: -len(tail)]
            break
    for counter in _COUNTERS:
        if body.endswith(counter):
            return body[: -len(counter)]
    return body


def parse_int(text: str, *, min: int | None = None, max: int | None = None) -> int:  # noqa: A002
    """Whole number with an optional counter word: 「１２人」「12名」「12社」「12件」「12か月」 → 12."""
    example = "「12」「12人」"
    s = _prepare(text, "数", example)
    negative, body, yen_mark = _split_sign(
        s, "マイナスの記号が重なっています。「-5」のように記号は1つだけにしてください。"
    )
    body = _strip_counter(body)
    if yen_mark or not _NUM_RE.fullmatch(body):
        raise ParseError(f"数として読めません。{example}のように整数で入力してください。")
    if "." in body:
        raise ParseError(f"小数は入力できません。{example}のように整数で入力してください。")
    value = int(body.replace(",", ""))
    value = -value if negative else value
    if (min is not None and value < min) or (max is not None and value > max):
        raise ParseError(_range_message(min, max))
    return value


def _range_message(lo: int | None, hi: int | None) -> str:
    if lo is not None and hi is not None:
        return f"{lo}以上{hi}以下の整数を入力してください。例:「{lo}」「{hi}」"
    if lo is not None:
        return f"{lo}以上の整数を入力してください。例:「{lo}」"
    return f"{hi}以下の整数を入力してください。例:「{hi}」"


_YES = {"はい", "yes", "y", "有", "有り", "あり", "ある", "いる", "する", "○", "〇", "◯", "true", "ok"}
_NO = {"いいえ", "いえ", "no", "n", "無", "無し", "なし", "ない", "いない", "しない", "×", "✕", "✗", "false"}
_KATAKANA = re.compile(r"[\u30a1-\u30f6]")


def parse_yes_no(text: str) -> bool:
    """はい/いいえ, yes/no, y/n, 有/無, あり/なし, する/しない, ○/×, true/false (any case or width)."""
    if isinstance(text, bool):
        return text
    s = normalize("" if text is None else str(text)).casefold()
    s = s.rstrip("。.!！")
    # Katakana answers (「ハイ」「アリ」) should match the hiragana words.
    s = _KATAKANA.sub(lambda m: chr(ord(m.group()) - 0x60), s)
    if s in _YES:
        return True
    if s in _NO:
        return False
    raise ParseError("「はい」か「いいえ」で答えてください。例:「はい」「いいえ」「あり」「なし」「○」「×」")
