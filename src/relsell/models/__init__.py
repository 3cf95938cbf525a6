"""Models: one module per model, standard library only, so a model runs anywhere (a browser too).

Each module declares its inputs once as ``PARAMS`` (``relsell.params.Param``) and returns
plain values, dataclasses or lists of records. Its chart is ``relsell.charts.<name>.chart``
and its notebook explorer ``relsell.explorers.<name>.explorer``; ``NAMES`` lists them all.
"""

NAMES = (
    "retention",
    "pinacor",
    "customer_base",
    "relationship_potential",
    "delivered_value",
    "loyalty",
    "bonds",
    "visits",
    "visit_plan",
    "typhoon",
    "concentration",
    "negotiation",
    "relationship_types",
    "stakeholders",
    "entry_point",
)
