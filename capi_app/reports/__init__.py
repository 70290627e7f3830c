"""Printable documents made from server data with Qt: the BNBA list and the pengesahan draft.

report is the JSON of ``GET /api/v1/reports/bnba`` (docs/review-api.md); Qt lays the pages
out (offscreen where there is no display):

>>> report = {"round": "2026-11", "scope": "3204122002", "scope_name": "Dayeuhkolot",
...           "level": "desa", "parents": [], "generated_at": "2026-11-20T10:00:00+07:00",
...           "households": [], "eligibility_changes": [],
...           "counts": {"households": 0, "by_status_rt": {}, "by_hasil": {}, "approved": 0}}
>>> import tempfile
>>> from pathlib import Path
>>> out = Path(tempfile.mkdtemp())
>>> render_bnba(report, out / "bnba.pdf").read_bytes()[:5]
b'%PDF-'
>>> render_pengesahan(report, out / "pengesahan.pdf").read_bytes()[:5]
b'%PDF-'
"""

from capi_app.reports.bnba import render_bnba
from capi_app.reports.pengesahan import render_pengesahan

__all__ = ["render_bnba", "render_pengesahan"]
