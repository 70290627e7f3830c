"""Bytes on the wire per household: pull (gzip) and push (gzip), through a real server.

Run: python bench/bench_sync_wire.py [--households 2000] [--push 100]
Starts sync-server on 127.0.0.1 with a dtks.sample desa, logs a client in through a counting
TCP proxy (so HTTP headers count too), pulls everything, completes --push full verivali
interviews (form prefilled from the pre-list, every section answered, one field corrected)
and pushes them. Photos are reported apart: one processed JPEG each, sent once.
"""

import argparse
import platform
import statistics
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "e2e"), str(ROOT / "bench")]

from bench_forms import ANSWERED  # noqa: E402
from cutting_proxy import CuttingProxy  # noqa: E402
from server_process import PASSWORD, SyncServer  # noqa: E402

from capi_app.account import login_online  # noqa: E402
from capi_app.media import process_photo  # noqa: E402
from capi_app.profile import Profile  # noqa: E402
from capi_app.sync.session import run_sync  # noqa: E402
from capi_app.visit import save_visit, start_visit  # noqa: E402
from dtks.forms import load_form  # noqa: E402

FORM = ROOT / "forms" / "verivali-dtks.xlsx"
PHOTOS = ROOT / "tests" / "capi_app" / "photos"


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo (or platform's guess)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def interview(store, form, hid: str, i: int) -> None:
    """A complete finalized interview that also corrects the address."""
    visit = start_visit(store, form, hid)
    answers = {**visit.answers, **ANSWERED}
    answers["alamat"] = f"Jl. Verivali No. {i + 1}"
    for m in answers.get("members", []):
        m.update(status_art="1", disabilitas="2", penyakit_kronis="1", hamil="2")
    result = save_visit(store, form, hid, answers, "enum1", finalize=True, revision=visit.revision)
    if not result.finalized:
        raise SystemExit(
            f"household {hid}: the bench's answers fail the form: {result.problems[:3]}"
        )


def raw_pull_bytes(server, n: int) -> int:
    """The pull pages' JSON without gzip (for the compression ratio)."""
    import requests

    token = requests.post(
        server.url + "/api/v1/auth/token",
        json={"username": "enum1", "password": PASSWORD, "device_id": "bench"},
        timeout=30,
    ).json()["token"]
    total, since, more = 0, 0, True
    while more:
        r = requests.get(
            server.url + "/api/v1/assignments/1/households",
            params={"since": since, "limit": 500},
            headers={"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"},
            timeout=60,
        )
        total += len(r.content)
        page = r.json()
        since, more = page["next_since"], page["more"]
    return total


def main() -> None:
    """Measure and print one result block."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=2000)
    parser.add_argument("--push", type=int, default=100)
    args = parser.parse_args()
    form = load_form(FORM)
    with tempfile.TemporaryDirectory() as tmp:
        server = SyncServer(Path(tmp), households=args.households)
        server.add_user("enum1")
        server.start()
        proxy = CuttingProxy(server.port)
        try:
            session = login_online(Profile(Path(tmp) / "profile"), proxy.url, "enum1", PASSWORD)
            proxy.reset_counters()
            pulled = run_sync(session, phases=("pull",))
            pull_wire = proxy.bytes_up + proxy.bytes_down
            pull_body = pulled.bytes_received
            raw = raw_pull_bytes(server, pulled.pulled)

            ids = [h.household_id for h in session.store.list_households(limit=args.push)]
            for i, hid in enumerate(ids):
                interview(session.store, form, hid, i)
            proxy.reset_counters()
            pushed = run_sync(session, phases=("push",))
            push_wire = proxy.bytes_up + proxy.bytes_down
            push_sent = pushed.bytes_sent
            (payload,) = session.store.db.execute(
                "SELECT sum(length(payload)) FROM changesets"
            ).fetchone()
            session.close()
        finally:
            proxy.close()
            server.stop()
    photos = [
        len(process_photo(p.read_bytes(), p.name).jpeg)
        for p in sorted(PHOTOS.glob("*.jpg"))
        if p.name not in ("corrupted.jpg", "87_OSError.jpg")
    ]
    n, m = pulled.pulled, pushed.households_pushed
    print(f"## bench_sync_wire ({date.today().isoformat()})")
    print(f"machine: {platform.machine()}, {cpu_model()}; Python {platform.python_version()}")
    print(f"pull: {n} households, {pull_wire} bytes on the wire incl. headers "
          f"= {pull_wire / n:.0f} B/household (gzip bodies {pull_body / n:.0f} B, "
          f"uncompressed JSON {raw / n:.0f} B/household, {raw / max(pull_body, 1):.1f}x)")  # fmt: skip
    print(f"push: {m} full interviews, {push_wire} bytes on the wire incl. headers and reply "
          f"= {push_wire / m:.0f} B/household (gzip request {push_sent / m:.0f} B, "
          f"JSON {payload / m:.0f} B/household, {payload / max(push_sent, 1):.1f}x)")  # fmt: skip
    print(f"photos: {len(photos)} camera photos processed to median "
          f"{statistics.median(photos) / 1024:.0f} KiB (max {max(photos) / 1024:.0f} KiB), "
          "sent once each, not compressed further")  # fmt: skip
    print(f"outcomes: {pushed.outcomes}")


if __name__ == "__main__":
    main()
