"""A push bundle of 200 finalized households with photos (about 15 MB): export, relay, import.

Run: python bench/bench_bundles.py [--households 200]
Starts sync-server on 127.0.0.1 with a dtks.sample desa of that many households; enum1 logs in
and pulls, completes a full verivali interview with one camera-sized photo in every
household, exports a bundle (offline), the supervisor relays it (upload, apply, reply), enum1
imports the reply; the bundle travels to the supervisor through the LAN relay on 127.0.0.1
(sent, relayed from the relay's folder, reply fetched back). For comparison a second enumerator's laptop with the same work syncs
directly on a second server. Prints seconds, sizes and the ratios of one run.
"""

import argparse
import io
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "e2e"), str(ROOT / "bench")]

from bench_sync_wire import FORM, cpu_model, interview  # noqa: E402
from PIL import Image  # noqa: E402
from server_process import PASSWORD, SyncServer  # noqa: E402

from capi_app.account import login_online  # noqa: E402
from capi_app.media import import_photo  # noqa: E402
from capi_app.profile import Profile  # noqa: E402
from capi_app.sync.bundles import bundles_in, export_bundle, import_reply, relay  # noqa: E402
from capi_app.sync.lan_relay import LanRelay, fetch_reply, send_bundle  # noqa: E402
from capi_app.sync.session import run_sync  # noqa: E402
from dtks.forms import load_form  # noqa: E402

SAMPLE = ROOT / "tests" / "capi_app" / "photos" / "landscape_6.jpg"


def camera_photo(path: Path, seed: int) -> Path:
    """A distinct camera photo: the sample landscape with a small mark of its own."""
    rnd = random.Random(seed)
    image = Image.open(SAMPLE).convert("RGB")
    mark = (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
    for x in range(24):
        for y in range(24):
            image.putpixel((8 + x + seed % 40, 8 + y), mark)
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=92)
    path.write_bytes(buf.getvalue())
    return path


def field_work(server, root: Path, n: int, form):
    """Log in, pull, interview every household with a photo; the session."""
    session = login_online(Profile(root / "enum1"), server.url, "enum1", PASSWORD)
    run_sync(session, phases=("pull",))
    ids = sorted(h.household_id for h in session.store.list_households(limit=10 * n))
    done = 0
    for i, hid in enumerate(ids):
        if done == n:
            break
        try:
            interview(session.store, form, hid, i)
        except SystemExit:
            continue  # a household with a planted defect (impossible birth date): skip it
        import_photo(session.store, hid, camera_photo(root / f"photo{i}.jpg", i), "enum1")
        done += 1
    return session


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--households", type=int, default=200)
    args = p.parse_args()
    n = args.households
    form = load_form(FORM)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        servers = []
        for name in ("bundle", "direct"):
            s = SyncServer(root / name, households=n + 40)
            s.add_user("enum1")
            s.add_user("spv1", role="supervisor")
            servers.append(s.start())
        try:
            laptop = field_work(servers[0], root / "bundle", n, form)
            t0 = time.perf_counter()
            exported = export_bundle(laptop, root / "enum1.vvb")
            t_export = time.perf_counter() - t0
            spv = login_online(Profile(root / "spv1"), servers[0].url, "spv1", PASSWORD)
            lan = LanRelay(root / "lan", "127.0.0.1", 0).start()  # the office relay
            t0 = time.perf_counter()
            sent = send_bundle(lan.url, exported.path)
            t_lan_send = time.perf_counter() - t0
            t0 = time.perf_counter()
            (relayed,) = relay(spv.api, bundles_in(lan.folder), lan.folder)
            t_relay = time.perf_counter() - t0
            assert relayed.ok, relayed.message
            t0 = time.perf_counter()
            assert fetch_reply(lan.url, sent.bundle_id, root / "enum1.reply.vvb")
            t_lan_fetch = time.perf_counter() - t0
            lan.stop()
            t0 = time.perf_counter()
            imported = import_reply(laptop, root / "enum1.reply.vvb")
            t_import = time.perf_counter() - t0
            assert imported.summary.households_pushed == n, imported.summary.messages
            direct = field_work(servers[1], root / "direct", n, form)
            t0 = time.perf_counter()
            summary = run_sync(direct, phases=("photos", "push"))
            t_direct = time.perf_counter() - t0
            assert summary.households_pushed == n and summary.ok
            reply_size = relayed.reply.stat().st_size
            for s in (laptop, spv, direct):
                s.close()
        finally:
            for s in servers:
                s.stop()
    mb = exported.size / 1e6
    print(f"machine: {cpu_model()}, 2 cores")
    print(f"households {n}, photos {exported.photos}, change-sets {exported.changesets}")
    print(f"push bundle: {mb:.1f} MB; reply bundle: {reply_size / 1e6:.2f} MB")
    print(f"export (offline, seal and sign): {t_export:.2f} s ({mb / t_export:.1f} MB/s)")
    print(f"relay (upload, check, apply, reply, download): {t_relay:.2f} s")
    print(f"LAN relay: laptop sends the bundle {t_lan_send:.2f} s ({mb / t_lan_send:.0f} MB/s), "
          f"fetches its reply {t_lan_fetch:.3f} s (127.0.0.1)")  # fmt: skip
    print(f"import of the reply: {t_import:.2f} s")
    print(f"direct sync of the same work (photos + push over HTTP): {t_direct:.2f} s")
    print(f"ratio relay / direct sync: {t_relay / t_direct:.2f}")
    print(
        f"ratio export+relay+import / direct sync: {(t_export + t_relay + t_import) / t_direct:.2f}"
    )


if __name__ == "__main__":
    main()
