"""Pengesahan scans: only whole PDF, JPEG or PNG files (images decoded, a PDF's structure
checked), at most 10 MB, kept with the round and wilayah (row and file), listed and downloaded
within the reviewer's scope."""

import hashlib
import io

import pytest
from PIL import Image
from server_harness import ROUND

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _scanned(fmt: str) -> bytes:
    """A page as a scanner or phone saves it (Pillow writes real PDF, JPEG and PNG files)."""
    out = io.BytesIO()
    Image.new("RGB", (620, 877), "white").save(out, fmt)
    return out.getvalue()


PNG = _scanned("PNG")
SCOPE = "32.04.12.2002"


def _put(client, data, content_type="application/pdf", scope=SCOPE, round_=ROUND):
    return client.put(
        client.url(f"/rounds/{round_}/pengesahan"),
        params={"scope": scope},
        data=data,
        headers={"Content-Type": content_type},
    )


def test_upload_rejects_a_text_file_and_keeps_a_pdf(server):
    reviewer = server.client("reviewer1")
    r = _put(reviewer, b"surat pengesahan (bukan scan)\n", "application/pdf")
    assert r.status_code == 422 and r.json()["field"] == "body"
    assert server.scalar("SELECT count(*) FROM pengesahan") == 0
    assert not any((server.data_dir / "pengesahan").iterdir())
    r = _put(reviewer, PDF)
    assert r.status_code == 201, r.text
    sha = hashlib.sha256(PDF).hexdigest()
    doc = r.json()
    assert doc["sha256"] == sha and doc["size"] == len(PDF)
    assert (doc["scope"], doc["round"], doc["uploaded_by"], doc["content_type"]) == (
        "3204122002",
        ROUND,
        "reviewer1",
        "application/pdf",
    )
    assert (server.data_dir / "pengesahan" / sha[:2] / f"{sha}.pdf").read_bytes() == PDF
    again = _put(reviewer, PDF)
    assert again.status_code == 200 and again.json() == doc
    assert _put(reviewer, PNG, "image/png").status_code == 201
    listed = reviewer.get(reviewer.url(f"/rounds/{ROUND}/pengesahan"), params={"scope": "32.04"})
    assert [d["sha256"] for d in listed.json()["documents"]] == [
        sha,
        hashlib.sha256(PNG).hexdigest(),
    ]
    r = reviewer.get(reviewer.url(f"/rounds/{ROUND}/pengesahan/{sha}"))
    assert r.status_code == 200 and r.content == PDF
    assert r.headers["content-type"] == "application/pdf"
    assert reviewer.get(reviewer.url(f"/rounds/2026-12/pengesahan/{sha}")).status_code == 404
    other = server.client("admin1")
    assert other.get(other.url("/rounds/2026-12/pengesahan"), params={"scope": "32"}).json() == {
        "documents": []
    }


def test_upload_is_size_limited(server):
    reviewer = server.client("reviewer1")
    big = b"%PDF-" + b"0" * (10 * 1024 * 1024)
    assert _put(reviewer, big).status_code == 413
    assert server.scalar("SELECT count(*) FROM pengesahan") == 0


def test_pengesahan_needs_reviewer_role_and_scope(server):
    reviewer = server.client("reviewer1")
    assert _put(reviewer, PDF).status_code == 201
    sha = hashlib.sha256(PDF).hexdigest()
    enum1 = server.client("enum1")
    assert _put(enum1, PDF).status_code == 403
    assert enum1.get(enum1.url(f"/rounds/{ROUND}/pengesahan/{sha}")).status_code == 403
    other = server.client("reviewer2")
    r = _put(other, PDF)
    assert r.status_code == 403 and "outside" in r.json()["detail"]
    hidden = other.get(other.url(f"/rounds/{ROUND}/pengesahan/{sha}"))
    never = other.get(other.url(f"/rounds/{ROUND}/pengesahan/{'0' * 64}"))
    assert (hidden.status_code, never.status_code) == (404, 404)  # outside: as if none
    assert hidden.json()["detail"].replace(sha, "?") == never.json()["detail"].replace(
        "0" * 64, "?"
    )
    r = other.get(other.url(f"/rounds/{ROUND}/pengesahan"), params={"scope": SCOPE})
    assert r.status_code == 403
    assert other.get(other.url(f"/rounds/{ROUND}/pengesahan")).json() == {"documents": []}
    assert _put(reviewer, PDF, round_="2026-13").status_code == 422


SCANNED_PDF, SCANNED_JPEG = _scanned("PDF"), _scanned("JPEG")


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


@pytest.mark.parametrize(
    "data, content_type, problem",
    [
        (b"%PDF-1.4 <html><script>alert(1)</script></html>", "application/pdf", "%%EOF"),
        (SCANNED_PDF[: len(SCANNED_PDF) // 2], "application/pdf", "%%EOF"),
        (b"%PDF-1.4\n%%EOF\n", "application/pdf", "neither startxref nor a trailer"),
        (b"%PDF-9.9\n" + SCANNED_PDF[9:], "application/pdf", "header"),
        (
            b"%PDF-1.4\nstartxref\n3\n%%EOF\n",
            "application/pdf",
            "startxref 3 leads to no cross-reference",
        ),
        (b"\xff\xd8\xff<html><script>alert(1)</script>", "image/jpeg", "not a whole JPEG"),
        (SCANNED_JPEG[: len(SCANNED_JPEG) - 200], "image/jpeg", "damaged JPEG"),
        (SCANNED_JPEG + b"<html>", "image/jpeg", "data after its end"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png", "PNG"),
        (_flip(PNG, 40), "image/png", "PNG"),
        (b"GIF89a" + bytes(100), "image/gif", "not a PDF, JPEG or PNG"),
    ],
    ids=[
        "pdf-magic-then-html",
        "pdf-cut-in-half",
        "pdf-without-trailer",
        "pdf-version-9",
        "pdf-startxref-to-nowhere",
        "jpeg-magic-then-html",
        "jpeg-cut-short",
        "jpeg-with-html-after",
        "png-magic-then-zeros",
        "png-checksum-wrong",
        "gif",
    ],
)
def test_a_scan_that_is_not_a_whole_pdf_jpeg_or_png_is_refused_saying_why(
    server, data, content_type, problem
):
    reviewer = server.client("reviewer1")
    r = _put(reviewer, data, content_type)
    assert r.status_code == 422, r.text
    body = r.json()
    assert (body["code"], body["field"]) == ("scan_invalid", "body")
    assert problem in body["detail"]
    assert server.scalar("SELECT count(*) FROM pengesahan") == 0
    assert not any((server.data_dir / "pengesahan").rglob("*.*"))


def test_real_scans_are_kept_pdf_with_its_cross_reference_jpeg_and_png(server):
    reviewer = server.client("reviewer1")
    for data, content_type in (
        (SCANNED_PDF, "application/pdf"),
        (SCANNED_JPEG, "image/jpeg"),
        (PNG, "image/png"),
    ):
        r = _put(reviewer, data, content_type)
        assert r.status_code == 201, r.text
        assert r.json()["content_type"] == content_type
    assert server.scalar("SELECT count(*) FROM pengesahan") == 3
