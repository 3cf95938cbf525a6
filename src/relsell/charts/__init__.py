"""Charts for the models, one module per model; ``style`` holds what they share.

Import a chart from its module (``from relsell.charts.retention import customer_chart``);
the chapter-1 names are also re-exported here because published pages import them so.
"""

from .pinacor import structure_chart
from .retention import customer_chart
from .style import PALETTE, SERIES, new_figure

__all__ = ["customer_chart", "structure_chart", "new_figure", "PALETTE", "SERIES"]
