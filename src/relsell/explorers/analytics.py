"""Explorers for chapter 4: ABC/RFM/CLV on the sample or on an uploaded CSV file.

``analytics_explorer()`` lets a student move the ABC cut-offs and the CLV assumptions and
switch between the three views. ``upload_explorer()`` adds a file upload: the CSV is read
and validated first, and any problem (missing columns, bad dates, negative amounts, wrong
encoding, duplicates, a file too big …) is shown as a message while the previous results
stay on screen. Both are :class:`~relsell.explorers.base.Explorer` objects, so bad input
behaves exactly as in every other chapter.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from ..analytics import (
    DEFAULT_CUTOFFS,
    MAX_UPLOAD_BYTES,
    Analysis,
    CLVAssumptions,
    TransactionsError,
    analyse,
    read_transactions,
    sample_transactions,
    summary,
)
from ..charts.analytics import abc_chart, clv_chart, rfm_chart
from .base import Explorer, grading

__all__ = ["AnalyticsExplorer", "analytics_explorer", "upload_explorer", "VIEWS"]

_STYLE = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")
VIEWS = ("ABC pyramid", "RFM segments", "CLV by tier")
_CHARTS = {"ABC pyramid": abc_chart, "RFM segments": rfm_chart, "CLV by tier": clv_chart}


class AnalyticsExplorer(Explorer):
    """An Explorer whose data can be replaced by an uploaded file."""

    # The upload button and duplicate check box, set by ``analytics_explorer``.
    upload: widgets.FileUpload | None = None
    drop_duplicates: widgets.Checkbox | None = None

    def __init__(self, transactions: pd.DataFrame, label: str, **kwargs) -> None:
        self.analysis: Analysis | None = None
        self.data_label = ""
        self._pending_error: Exception | None = None
        self._set_data(transactions, label)
        self.analysis = self._base
        super().__init__(**kwargs)

    def _set_data(self, transactions: pd.DataFrame, label: str) -> None:
        base = analyse(transactions)  # may raise TransactionsError: nothing changes then
        self._base = base
        self._cache: dict[tuple, Analysis] = {}
        n_rows, n_customers = len(transactions), len(base.customers)
        self.data_label = f"{label} ({n_rows:,} transactions, {n_customers:,} customers)"

    def show_problem(self, problem: Exception) -> None:
        """Show ``problem`` in the alert line, exactly as a bad control value is shown."""
        self._pending_error = problem
        try:
            self.update()
        finally:
            self._pending_error = None

    def load_csv(self, content: bytes, name: str, *, drop_duplicates: bool = False) -> bool:
        """Read, validate and analyse an uploaded CSV; on any problem keep the old results."""
        try:
            transactions = read_transactions(bytes(content), drop_duplicates=drop_duplicates)
            self._set_data(transactions, f"uploaded file '{name}'")
        except (TransactionsError, ValueError, TypeError) as problem:
            self.show_problem(problem)
            return False
        self.update()
        return self.last_error is None


def _controls() -> dict[str, widgets.ValueWidget]:
    def share(description: str, value: float) -> widgets.FloatSlider:
        return widgets.FloatSlider(
            value=value,
            min=0.05,
            max=0.99,
            step=0.01,
            description=description,
            readout_format=".0%",
            style=_STYLE,
            layout=_WIDE,
            continuous_update=False,
        )

    a = CLVAssumptions()
    return {
        "view": widgets.Dropdown(
            options=list(VIEWS), value=VIEWS[0], description="View", style=_STYLE, layout=_WIDE
        ),
        "high_end_cutoff": share("High-end: first … of revenue", DEFAULT_CUTOFFS[0]),
        "key_cutoff": share("Key: up to … of revenue", DEFAULT_CUTOFFS[1]),
        "medium_cutoff": share("Medium: up to … of revenue", DEFAULT_CUTOFFS[2]),
        "margin_rate": share("Gross margin rate", a.margin_rate),
        "discount_rate": widgets.FloatSlider(
            value=a.discount_rate,
            min=0.0,
            max=0.3,
            step=0.01,
            description="Discount rate i",
            readout_format=".0%",
            style=_STYLE,
            layout=_WIDE,
            continuous_update=False,
        ),
        "cost_per_order": widgets.FloatText(
            value=a.cost_per_order,
            step=1,
            description="Cost per order (yuan)",
            style=_STYLE,
            layout=_WIDE,
        ),  # fmt: skip
        "yearly_cost": widgets.FloatText(
            value=a.yearly_cost,
            step=5,
            description="Yearly cost / customer",
            style=_STYLE,
            layout=_WIDE,
        ),  # fmt: skip
        "future_years": widgets.IntSlider(
            value=a.future_years,
            min=0,
            max=10,
            description="Future years",
            style=_STYLE,
            layout=_WIDE,
            continuous_update=False,
        ),
        "retention_rate": share("Retention rate", a.retention_rate),
    }


def _explorer(transactions: pd.DataFrame, label: str, title: str) -> AnalyticsExplorer:
    holder: dict[str, AnalyticsExplorer] = {}

    def compute(view, high_end_cutoff, key_cutoff, medium_cutoff, **clv_values):
        explorer = holder["explorer"]
        if explorer._pending_error is not None:
            raise explorer._pending_error
        cutoffs = (high_end_cutoff, key_cutoff, medium_cutoff)
        # CLV needs a pass over the purchases, ABC tiers only a comparison: moving a
        # cut-off reuses the CLV of the current assumptions (one entry, memory stays flat).
        key = tuple(sorted(clv_values.items()))
        with_clv = explorer._cache.get(key)
        if with_clv is None:
            with_clv = explorer._base.with_assumptions(CLVAssumptions(**clv_values))
            explorer._cache = {key: with_clv}
        result = with_clv.with_cutoffs(cutoffs)
        explorer.analysis = result
        chart = _CHARTS[view](result)
        return chart, f"Data: {explorer.data_label}. {summary(result)}"

    # Explorer.__init__ calls compute once, so the holder must be filled before that.
    explorer = AnalyticsExplorer.__new__(AnalyticsExplorer)
    holder["explorer"] = explorer
    AnalyticsExplorer.__init__(
        explorer,
        transactions,
        label,
        controls={} if grading() else _controls(),
        compute=compute,
        title=title,
    )
    return explorer


def analytics_explorer(transactions: pd.DataFrame | None = None) -> AnalyticsExplorer:
    """ABC, RFM and CLV of ``transactions`` (default: the course sample) with live controls."""
    if transactions is None:
        return _explorer(sample_transactions(), "course sample", "ABC, RFM and CLV explorer")
    return _explorer(transactions, "your table", "ABC, RFM and CLV explorer")


def upload_explorer(transactions: pd.DataFrame | None = None) -> AnalyticsExplorer:
    """The explorer plus a CSV upload; starts with the course sample until a file is loaded."""
    explorer = analytics_explorer(transactions)
    if grading():
        return explorer
    upload = widgets.FileUpload(accept=".csv,text/csv", multiple=False, description="Upload CSV")
    drop = widgets.Checkbox(value=False, description="Drop exact duplicate rows", indent=False)
    limit = MAX_UPLOAD_BYTES // (1024 * 1024)
    help_text = widgets.HTML(
        value=(
            "<p>Columns: <code>customer_id</code>, <code>date</code>, <code>amount</code> "
            "(or 客户ID, 日期, 金额); UTF-8 or GB18030; at most "
            f"{limit} MB.</p>"
        )
    )

    def load(item: dict) -> None:
        size = int(item.get("size", len(item["content"])))
        if size > MAX_UPLOAD_BYTES:
            explorer.show_problem(
                TransactionsError(
                    f"The file is {size / 1024 / 1024:.1f} MB; the limit is {limit} MB. "
                    "Upload a smaller extract (for example one year or one region)."
                )
            )
        else:
            explorer.load_csv(item["content"], item["name"], drop_duplicates=drop.value)

    def on_upload(change: dict) -> None:
        # The file stays chosen (the button then reads "Upload CSV (1)"); a corrected file has
        # new content, so choosing it again is a change and loads it.
        if change["new"]:
            load(change["new"][0])

    def on_drop(change: dict) -> None:
        # Ticking or clearing the box applies it to the file already chosen.
        if upload.value:
            load(upload.value[0])

    drop.observe(on_drop, names="value")
    upload.observe(on_upload, names="value")
    explorer.upload = upload
    explorer.drop_duplicates = drop
    explorer.box.children = (
        explorer.box.children[0],
        widgets.HBox([upload, drop]),
        help_text,
        *explorer.box.children[1:],
    )
    return explorer
