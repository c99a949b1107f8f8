"""The base of every result model of the finance engine: frozen, no unknown fields."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class ResultModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
