"""GET /exports/results: a round's results for a wilayah as CSV or XLSX."""

import io
from typing import Literal

from fastapi import Query, Response

from sync_server.api.deps import CurrentUser, Db
from sync_server.api.json_route import api_router
from sync_server.api.review import ROUND_PATTERN
from sync_server.services import exports
from sync_server.services.review_queue import reviewer_scopes

router = api_router(tags=["exports"])


@router.get(
    "/exports/results",
    response_class=Response,
    responses={200: {"content": {t: {} for t in exports.FORMATS.values()}}},
)
def results(
    user: CurrentUser,
    db: Db,
    round: str = Query(pattern=ROUND_PATTERN, description="YYYY-MM"),
    scope: str | None = Query(None, description="kode wilayah prefix inside your scopes"),
    format: Literal["csv", "xlsx"] = Query("csv"),
):
    """One row per household of the scope verified in the round (reviewers and admins)."""
    scopes = reviewer_scopes(user, scope, "export")
    with db.connect() as conn:
        rows = exports.result_rows(conn, round, scopes)
    out = io.BytesIO()
    exports.write_results(rows, format, out)
    name = f"verivali-{round}-{'_'.join(scopes)}.{format}"
    return Response(
        out.getvalue(),
        media_type=exports.FORMATS[format],
        headers={"Content-Disposition": f"attachment; filename={name}"},
    )
