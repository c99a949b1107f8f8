"""Pydantic validation errors as Japanese sentences a user understands.

A location such as ``banks.1.loans.0.balance`` becomes 「金融機関・借入 2件目 › 借入 1件目 › 借入残高」
by walking the models' Japanese field titles.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

_TYPE_MESSAGES: dict[str, str] = {
    "missing": "入力が必要です",
    "int_parsing": "整数で入力してください",
    "int_type": "整数で入力してください",
    "int_from_float": "整数で入力してください (小数は使えません)",
    "float_parsing": "数値で入力してください",
    "decimal_parsing": "数値で入力してください",
    "decimal_type": "数値で入力してください",
    "bool_parsing": "はい/いいえで入力してください",
    "bool_type": "はい/いいえで入力してください",
    "string_type": "文字で入力してください",
    "string_pattern_mismatch": "形式が正しくありません (年月は 2027-04 の形です)",
    "date_from_datetime_parsing": "日付の形式が正しくありません (例: 2027-04-01)",
    "date_parsing": "日付の形式が正しくありません (例: 2027-04-01)",
    "datetime_parsing": "日時の形式が正しくありません",
    "datetime_from_date_parsing": "日時の形式が正しくありません",
    "literal_error": "選択肢から選んでください",
    "extra_forbidden": "この項目は計画ファイルにありません (入力ミスの可能性があります)",
    "list_type": "一覧 (リスト) である必要があります",
    "dict_type": "項目の集まりである必要があります",
    "model_type": "項目の集まりである必要があります",
    "greater_than_equal": "{ge} 以上で入力してください",
    "less_than_equal": "{le} 以下で入力してください",
    "greater_than": "{gt} より大きい値で入力してください",
    "less_than": "{lt} より小さい値で入力してください",
    "finite_number": "数値で入力してください (NaN や無限大は使えません)",
    "too_long": "項目が多すぎます (最大 {max_length} 件)",
    "too_short": "項目が足りません (最低 {min_length} 件)",
    "string_too_long": "長すぎます (最大 {max_length} 文字)",
    "string_too_short": "短すぎます (最低 {min_length} 文字)",
    "decimal_max_digits": "桁数が多すぎます",
    "decimal_max_places": "小数点以下の桁数が多すぎます",
    "decimal_whole_digits": "整数部分の桁数が多すぎます",
    "enum": "選択肢から選んでください",
    "int_from_float_parsing": "整数で入力してください",
    "none_required": "この項目は空のはずです",
}


def _unwrap_model(annotation: Any) -> Any:
    """The model class inside Optional[...] / list[...] / dict[..., ...], if any."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            inner = _unwrap_model(arg)
            if inner is not None:
                return inner
        return None
    if origin in (list, dict, tuple):
        args = typing.get_args(annotation)
        return _unwrap_model(args[-1]) if args else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def location_label(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """Japanese path for a pydantic error location, e.g. 「金融機関・借入 2件目 › 借入残高」."""
    parts: list[str] = []
    current: type[BaseModel] | None = model
    for item in loc:
        if isinstance(item, int):
            if parts:
                parts[-1] = f"{parts[-1]} {item + 1}件目"
            continue
        if current is not None and item in current.model_fields:
            field = current.model_fields[item]
            parts.append(field.title or str(item))
            current = _unwrap_model(field.annotation)
        else:
            # dict keys and validator names: keep as typed.
            parts.append(str(item))
            current = None
    return " › ".join(parts) if parts else "(全体)"


def error_message(err: Mapping[str, Any]) -> str:
    template = _TYPE_MESSAGES.get(err.get("type", ""))
    if template is None:
        msg = str(err.get("msg", "")).removeprefix("Value error, ")
        # Our own validators raise ValueError with Japanese text; pydantic's own are English,
        # which the person must never see (issue 11.9).
        return msg if msg and not msg.isascii() else "値が正しくありません"
    try:
        return template.format(**(err.get("ctx") or {}))
    except (KeyError, IndexError):
        return template


def describe_validation_error(exc: ValidationError, model: type[BaseModel]) -> list[str]:
    """One Japanese line per problem: 「<項目>: <何が悪いか>」."""
    lines = []
    for err in exc.errors():
        lines.append(f"{location_label(model, tuple(err.get('loc', ())))}: {error_message(err)}")
    return lines


class DetailedError(Exception):
    """An error for the user: ``message`` is Japanese and says what to do; ``details`` are the
    lines under it (one per problem). Plan files and accounting imports both raise these."""

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        self.message = message
        self.details = details or []
        super().__init__(self.full_message)

    @property
    def full_message(self) -> str:
        if not self.details:
            return self.message
        return self.message + "\n" + "\n".join(f"  - {d}" for d in self.details)

    def __str__(self) -> str:
        return self.full_message
