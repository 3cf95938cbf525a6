"""Explorer for chapter 5's five-element visit-plan checker (``relsell.models.visit_plan``)."""

from __future__ import annotations

from collections.abc import Mapping

from .base import Explorer, model_explorer

__all__ = ["explorer", "plan_explorer"]


def explorer(**start) -> Explorer:
    """One text box per element of a visit (when, what, who, method, reason).

    Starts at Lin Jie's draft (``models.visit_plan.DRAFT_PLAN``) or the entries in ``start``.
    """
    ex = model_explorer("visit_plan", "Is this visit planned?", start, columns=1)
    for control in ex.controls.values():
        # check when the student leaves the box, not after every keystroke
        control.placeholder = f"{control.description.lower()} of the visit"
    return ex


def plan_explorer(plan: Mapping[str, str] | None = None) -> Explorer:
    """The explorer started at ``plan`` (keys ``when``, ``what``, ``who``, ``method``,
    ``reason``); the name the chapter's notebook and exercise use."""
    return explorer(**dict(plan or {}))
