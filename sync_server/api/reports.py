"""GET /reports/bnba: the data of the BNBA list and the pengesahan draft, as JSON."""

from typing import Any

from fastapi import Query
from pydantic import BaseModel, Field

from sync_server.api.deps import CurrentUser, Db
from sync_server.api.json_route import api_router
from sync_server.api.review import ROUND_PATTERN
from sync_server.services import reports

router = api_router(tags=["exports"])


class Region(BaseModel):
    """A kode wilayah and its name."""

    code: str
    name: str | None


class BnbaHousehold(BaseModel):
    """One verified household of the list (codes of the verivali form as text)."""

    household_id: str
    kode_wilayah: str
    desa: str
    kecamatan: str
    alamat: str
    rt: str
    rw: str
    no_kk: str
    nama_krt: str
    nik_krt: str
    jumlah_art: int | None
    status_rt: str | None
    hasil: str | None
    alasan: str | None
    eligibility_changed: bool
    state: str
    approved: bool
    disabilitas: int = Field(0, description="members with a disability (dtks.markings)")
    hamil: int = Field(0, description="members pregnant")
    meninggal: int = Field(0, description="members removed as deceased")
    markings: str = Field("", description="'name: disabilitas (kinds); name: hamil; ...'")
    requests: str = Field("", description="the requests naming it: 'kind:reference ...'")
    temuan_hasil: str = Field("", description="the finding on them: layak, tidak_layak or ''")
    temuan_alasan: str = Field("", description="the finding's reason")


class BnbaOut(BaseModel):
    """The BNBA of a round and wilayah with counts and the eligibility changes to be signed."""

    round: str
    scope: str
    scope_name: str | None
    level: int
    parents: list[Region]
    generated_at: str
    households: list[BnbaHousehold]
    counts: dict[str, Any]
    eligibility_changes: list[BnbaHousehold]
    requests_line: str = Field(
        "",
        description="counts.requests as the BNBA's line (dtks.findings.line), '' when none: "
        "'Permintaan: usul warga layak 1, tidak layak 0, belum dikunjungi 2; ...'",
    )


@router.get("/reports/bnba", response_model=BnbaOut)
def bnba(
    user: CurrentUser,
    db: Db,
    round: str = Query(pattern=ROUND_PATTERN, description="YYYY-MM"),
    scope: str | None = Query(None, description="kode wilayah inside your scopes"),
):
    """Households of the scope verified in the round, counts by result (reviewers, admins)."""
    with db.connect() as conn:
        return reports.bnba(conn, user, round, scope)
