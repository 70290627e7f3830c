"""Printable documents made from server data with Qt: the BNBA list and the pengesahan draft.

>>> from capi_app.reports import render_bnba, render_pengesahan  # doctest: +SKIP
>>> render_bnba(report, "bnba.pdf")  # report: the JSON of GET /api/v1/reports/bnba
"""

from capi_app.reports.bnba import render_bnba
from capi_app.reports.pengesahan import render_pengesahan

__all__ = ["render_bnba", "render_pengesahan"]
