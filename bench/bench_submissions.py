"""The approval chain on a kabupaten's worth of households: a submission of N approved
households made (content frozen), submitted with its scan, forwarded, established, exported
as the next pre-list and that file imported back (a no-op), each against reading the same
households and members once (load_rows) in the same run: the ratio is the figure.

Run: python bench/bench_submissions.py [--households 5000] [--db URL]
"""

import argparse
import hashlib
import platform
import tempfile
import time
from pathlib import Path

from sqlalchemy import select, update

from dtks import review
from dtks.sample import write_prelist
from sync_server.cli import demo_round
from sync_server.db.engine import make_engine
from sync_server.db.migrate import upgrade
from sync_server.db.tables import households, pengesahan
from sync_server.services import submissions
from sync_server.services.assignments import assign
from sync_server.services.household_store import load_rows
from sync_server.services.prelist_export import export_prelist
from sync_server.services.prelist_import import import_prelist
from sync_server.services.users import create_user

ROUND = demo_round()
"""The month the server's clock is in, so the pengesahan window is open."""


def setup(n: int, tmp: Path, db: str | None):
    """N households of 32.04 imported and approved; the three reviewers of the chain."""
    write_prelist(tmp / "prelist", n, "32.04", seed=n)
    engine = make_engine(db or f"sqlite:///{tmp / 'verivali.sqlite3'}")
    upgrade(engine)
    import_prelist(engine, tmp / "prelist")
    with engine.begin() as conn:
        kab = create_user(conn, "kab1", "reviewer", ["3204"], "password-123")
        prov = create_user(conn, "prov1", "reviewer", ["32"], "password-123")
        kem = create_user(conn, "kem1", "reviewer", ["national"], "password-123")
        create_user(conn, "enum1", "enumerator", ["3204"], "password-123")
        assign(conn, "enum1", "3204", ROUND)
        conn.execute(
            update(households)
            .where(households.c.kode_wilayah.like("3204%"))
            .values(state=review.APPROVED)
        )
        sha = hashlib.sha256(b"%PDF-1.4 bench").hexdigest()
        conn.execute(
            pengesahan.insert().values(
                round=ROUND, scope="3204", sha256=sha, size=14, content_type="application/pdf",
                path="x.pdf", uploaded_by=kab.id, uploaded_at=f"{ROUND}-02T00:00:00Z",
            )
        )  # fmt: skip
    return engine, kab, prov, kem, sha


def timed(fn):
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def main() -> None:
    """Print the figures of one run."""
    p = argparse.ArgumentParser()
    p.add_argument("--households", type=int, default=5000)
    p.add_argument("--db")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        engine, kab, prov, kem, sha = setup(args.households, tmp, args.db)
        with engine.connect() as conn:
            ids = list(
                conn.execute(
                    select(households.c.household_id).where(households.c.state == review.APPROVED)
                ).scalars()
            )

        def read():
            with engine.connect() as conn:
                return load_rows(conn, ids)

        base, _ = timed(read)
        steps = {}
        steps["create"], made = timed(
            lambda: submissions.create(engine, kab, ROUND, None, "3204", None)
        )
        sid = made["submission_id"]
        for name, user, step in (
            ("submit", kab, submissions.Step(review.SUBMIT, pengesahan_sha256=sha)),
            ("forward", prov, submissions.Step(review.FORWARD)),
            ("establish", kem, submissions.Step(review.ESTABLISH)),
        ):
            steps[name], _ = timed(lambda u=user, s=step: submissions.decide(engine, u, sid, s))
        steps["export-prelist"], _ = timed(lambda: export_prelist(engine, tmp / "next", ["3204"]))
        steps["import (no-op)"], result = timed(lambda: import_prelist(engine, tmp / "next"))
        assert (result.households_new, result.households_updated, result.flagged) == (0, 0, 0)
        print(f"{platform.node()} {platform.machine()} python {platform.python_version()}")
        print(f"{made['count']} households; reading them with members once: {base:.2f} s")
        for name, seconds in steps.items():
            print(f"  {name:15} {seconds:6.2f} s  ratio {seconds / base:5.1f}x")


if __name__ == "__main__":
    main()
