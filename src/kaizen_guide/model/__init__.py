"""The plan model (pydantic) and the plan file."""

from .plan import *  # noqa: F403  (the model classes are this package's API)
from .plan import SCHEMA_VERSION, Plan
from .store import PlanFileError, dumps_plan, load_plan, loads_plan, save_plan

__all__ = ["SCHEMA_VERSION", "Plan", "PlanFileError", "dumps_plan", "load_plan", "loads_plan", "save_plan"]
