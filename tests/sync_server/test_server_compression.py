"""Responses are compressed by Accept-Encoding: zstd, else gzip, else not at all."""

import gzip
import json

from backports import zstd

from capi_app.sync.client import ACCEPT_ENCODING, ApiClient


def _raw_pull(server, encoding):
    enum1 = server.client("enum1")
    aid = server.assignment_ids["enum1"]
    r = enum1.get(
        enum1.url(f"/assignments/{aid}/households"),
        params={"since": 0, "limit": 100},
        headers={"Accept-Encoding": encoding},
        stream=True,
    )
    return r, r.raw.read(decode_content=False)


def test_pull_page_is_zstd_for_zstd_clients_gzip_for_gzip_clients_and_plain_for_others(server):
    answers = {}
    for encoding in ("zstd, gzip", "gzip", "identity", "br", "gzip;q=1, zstd;q=0"):
        r, raw = _raw_pull(server, encoding)
        assert r.status_code == 200
        if r.headers.get("Content-Encoding"):
            assert "Accept-Encoding" in r.headers["Vary"]
        answers[encoding] = (r.headers.get("Content-Encoding"), raw)
    zstd_raw, gzip_raw, plain = answers["zstd, gzip"][1], answers["gzip"][1], answers["br"][1]
    assert [answers[e][0] for e in answers] == ["zstd", "gzip", None, None, "gzip"]
    body = json.loads(plain)
    assert json.loads(zstd.decompress(zstd_raw)) == body
    assert json.loads(gzip.decompress(gzip_raw)) == body
    assert len(zstd_raw) < len(gzip_raw) < len(plain) and len(body["households"]) > 0


def test_the_desktop_client_asks_for_zstd_and_reads_its_pages(server):
    from server_harness import PASSWORD

    client = ApiClient(server.base)
    assert client.session.headers["Accept-Encoding"] == ACCEPT_ENCODING
    client.login("enum1", PASSWORD, "0b7c3d1e-1111-4a4a-8b8b-000000000009")
    pages = list(client.pull_pages(server.assignment_ids["enum1"], 0))
    assert sum(len(p["households"]) for p in pages) > 0
