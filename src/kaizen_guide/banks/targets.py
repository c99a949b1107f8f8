"""Target paths: where an answer lands in the plan model.

A target is a dotted path of field names from :class:`~kaizen_guide.model.plan.Plan`:
``company.name``, ``drivers.cost_ratio``, ``banks`` (a list of models, filled by a group), or
``banks[].loans`` (a list inside each row of ``banks``, filled by a child group). Paths are checked
when the banks load; the engine uses :func:`get_path` / :func:`set_path` to read and write them.

The coverage check (:func:`uncovered_fields`) walks the plan model and lists every field a person
must supply that no question fills; :data:`ENGINE_FILLED` is the explicit list of fields the
engine, the finance code or later features fill instead.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from annotated_types import Ge, Le
from pydantic import BaseModel

# Fields no question fills, and why. A prefix covers everything below it.
ENGINE_FILLED: dict[str, str] = {
    # The file format version; written by model.store.
    "schema_version": "plan file version (model.store)",
    # Provenance and resume state; written by the engine on every answer.
    "interview": "interview state (engine)",
    # 405 full plan vs 早期経営改善計画: set from the interview depth (full → full, short → early).
    "meta.plan_style": "set from the interview depth",
    # Monthly 伴走支援 records: filled by the monitoring feature (a later issue), not the interview.
    "monitoring": "monitoring records (monitoring feature)",
    # Tax basis and remembered account answers: set when actuals are imported (imports/, monitor).
    "actuals_import": "actuals import settings (imports)",
    # The メインバンク is asked once (meta.main_bank); the plan model marks that bank.
    "banks.is_main": "follows meta.main_bank (Plan validator)",
    # The 8割 bands of the monthly review: practice defaults, changed per plan in the plan file.
    "monitoring_plan.band_ok": "review band (practice default 100%)",
    "monitoring_plan.band_watch": "review band (practice default 80%)",
    # Frozen versions (当初計画 / 修正計画): written by `freeze`, never asked.
    "versions": "frozen plan versions (freeze command)",
    # Review notes between advisor and owner: written by the note key and `note`, never asked.
    "notes": "review notes (engine.notes, note command)",
}


class TargetError(ValueError):
    """A target path that does not exist in the plan model, or does not fit the question type."""


@dataclass(frozen=True)
class FieldSpec:
    """What a path points at, unwrapped from Optional/Annotated."""

    path: str
    owner: type[BaseModel]
    name: str
    title: str
    base: Any  # str, int, Decimal, bool, date, dict, or a model class
    is_list: bool  # list[...] of base
    optional: bool  # `| None`
    literals: tuple[Any, ...] | None  # Literal[...] values
    ge: Any = None
    le: Any = None

    @property
    def is_model(self) -> bool:
        return isinstance(self.base, type) and issubclass(self.base, BaseModel)

    def default(self) -> Any:
        return self.owner.model_fields[self.name].get_default(call_default_factory=True)


def _unwrap(ann: Any) -> tuple[Any, bool, bool, tuple[Any, ...] | None]:
    """(base, is_list, optional, literals) of an annotation."""
    optional = False
    is_list = False
    literals = None
    for _ in range(10):
        origin = typing.get_origin(ann)
        if origin is typing.Annotated:
            ann = typing.get_args(ann)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(ann) if a is not type(None)]
            if len(args) < len(typing.get_args(ann)):
                optional = True
            if len(args) == 1:
                ann = args[0]
                continue
            return ann, is_list, optional, literals
        if origin is list and not is_list:
            is_list = True
            ann = typing.get_args(ann)[0]
            continue
        if origin is Literal:
            literals = typing.get_args(ann)
            ann = type(literals[0])
            break
        if origin is dict:
            ann = dict
        break
    return ann, is_list, optional, literals


def _field_spec(model: type[BaseModel], name: str, path: str) -> FieldSpec:
    info = model.model_fields[name]
    base, is_list, optional, literals = _unwrap(info.annotation)
    ge = le = None
    for meta in info.metadata:
        if isinstance(meta, Ge):
            ge = meta.ge
        elif isinstance(meta, Le):
            le = meta.le
    # Constraints inside Annotated aliases (Rate, Ratio) sit on the annotation, not the field.
    return FieldSpec(path, model, name, info.title or name, base, is_list, optional, literals, ge, le)


def resolve(model: type[BaseModel], path: str) -> FieldSpec:
    """Resolve ``path`` against ``model``; ``seg[]`` descends into a list of models."""
    if not path:
        raise TargetError("empty target path")
    current: type[BaseModel] = model
    segments = path.split(".")
    spec: FieldSpec | None = None
    for i, seg in enumerate(segments):
        into_list = seg.endswith("[]")
        name = seg[:-2] if into_list else seg
        if spec is not None:
            if not spec.is_model:
                raise TargetError(f"{'.'.join(segments[:i])!r} is not a model; cannot go into {name!r}")
            current = spec.base
        if name not in current.model_fields:
            raise TargetError(f"{current.__name__} has no field {name!r} (in target {path!r})")
        spec = _field_spec(current, name, ".".join(segments[: i + 1]))
        if into_list and not (spec.is_list and spec.is_model):
            raise TargetError(f"{name!r} is not a list of models; '[]' is not allowed (in {path!r})")
        if spec.is_list and spec.is_model and not into_list and i < len(segments) - 1:
            raise TargetError(f"{name!r} is a list; write {name + '[]'!r} to go into its rows (in {path!r})")
    assert spec is not None
    return spec


# Which Python base type each scalar question type stores.
_TYPE_BASES: dict[str, tuple[Any, ...]] = {
    "text": (str,),
    "long_text": (str,),
    "month": (str,),
    "amount": (int,),
    "integer": (int,),
    "fiscal_month": (int,),
    "percent": (Decimal,),
    "decimal": (Decimal,),
    "date": (date,),
    "yes_no": (bool,),
    "choice": (str, int, bool),
    "multi_choice": (str, int),
}


def check_scalar_fit(qtype: str, is_list: bool, spec: FieldSpec, choices: list[Any] | None = None) -> None:
    """Raise TargetError unless a scalar question of ``qtype`` can be stored in ``spec``."""
    bases = _TYPE_BASES[qtype]
    want_list = is_list or qtype == "multi_choice"
    if spec.is_model:
        raise TargetError(f"{spec.path!r} is a model ({spec.base.__name__}); a {qtype} answer cannot fill it")
    if want_list != spec.is_list:
        if want_list:
            raise TargetError(f"{spec.path!r} holds one value, but the {qtype} answer is a list")
        raise TargetError(f"{spec.path!r} is a list; mark the {qtype} question `list: true`")
    if spec.base not in bases:
        name = getattr(spec.base, "__name__", str(spec.base))
        raise TargetError(f"{spec.path!r} is {name}; a {qtype} answer does not fit it")
    if choices is not None and spec.literals is not None:
        bad = [c for c in choices if c not in spec.literals]
        if bad:
            raise TargetError(f"choices {bad} are not allowed by {spec.path!r} (allowed: {list(spec.literals)})")


# --- reading and writing plan values ------------------------------------------------------------


def get_path(obj: Any, path: str) -> Any:
    for seg in path.split("."):
        if obj is None:
            return None
        obj = getattr(obj, seg)
    return obj


def set_path(obj: Any, path: str, value: Any) -> None:
    """Assign with validation (plan models use ``validate_assignment``)."""
    root = obj
    *head, last = path.split(".")
    for seg in head:
        obj = getattr(obj, seg)
    setattr(obj, last, value)
    if head:
        # Assigning a nested field validates only its own model; re-assigning the top-level one
        # runs the root's validators too, so what follows from it is right at once (banks[].is_main
        # follows meta.main_bank). Models are not revalidated, so this is cheap.
        setattr(root, head[0], getattr(root, head[0]))


def default_at(model: type[BaseModel], path: str) -> Any:
    return resolve(model, path).default()


def nested_set(data: dict[str, Any], path: str, value: Any) -> None:
    """Put ``value`` at a dotted path inside nested dicts (creating them)."""
    *head, last = path.split(".")
    for seg in head:
        data = data.setdefault(seg, {})
    data[last] = value


def nested_get(data: Any, path: str) -> Any:
    for seg in path.split("."):
        if isinstance(data, dict):
            data = data.get(seg)
        elif isinstance(data, BaseModel):
            data = getattr(data, seg, None)
        else:
            return None
    return data


# --- coverage -----------------------------------------------------------------------------------


def leaf_paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every leaf a person could supply: scalars and lists of scalars; lists of models are walked
    into with ``[]`` and nested models with ``.``."""
    out: list[str] = []
    for name in model.model_fields:
        spec = _field_spec(model, name, prefix + name)
        if spec.is_model:
            sub = prefix + name + ("[]" if spec.is_list else "") + "."
            out.extend(leaf_paths(spec.base, sub))
        else:
            out.append(prefix + name)
    return out


def _ignored(path: str, ignore: dict[str, str]) -> bool:
    plain = path.replace("[]", "")
    return any(plain == p or plain.startswith(p + ".") for p in ignore)


def uncovered_fields(model: type[BaseModel], covered: set[str], ignore: dict[str, str] | None = None) -> list[str]:
    """Leaf paths of ``model`` that no question targets and that are not in ``ignore``."""
    ignore = ENGINE_FILLED if ignore is None else ignore
    return [p for p in leaf_paths(model) if p not in covered and not _ignored(p, ignore)]
