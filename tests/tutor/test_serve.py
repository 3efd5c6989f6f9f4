"""`analyser serve` in-process (Starlette's TestClient: no socket): the page,
uploads through the same ingest checks, size limits, the token, and nothing
left behind. The browser test is tests/browser/test_serve_page.py."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import html5lib
import pytest
from starlette.testclient import TestClient

from analyser.pipeline import Settings
from analyser.serve import ServeSettings, build_app

ESSAY = "Trust and power\n\nThe partnership lacked trust at first, and the council held the power.\n"
LIMIT = 50_000


@pytest.fixture(scope="module")
def client():
    return TestClient(build_app(ServeSettings(Settings(max_bytes=LIMIT))), base_url="http://127.0.0.1:8765")


def _alert(response) -> str:
    root = html5lib.parse(response.text, namespaceHTMLElements=False)
    return "".join(next(e for e in root.iter("p") if e.get("role") == "alert").itertext())


def test_the_page_says_nothing_is_stored_and_keeps_a_strict_csp(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert "Nothing is stored" in response.text
    root = html5lib.parse(response.text, namespaceHTMLElements=False)
    csp = next(m.get("content") for m in root.iter("meta") if m.get("http-equiv") == "Content-Security-Policy")
    assert csp.startswith("default-src 'none';") and "form-action 'self'" in csp and "img-src 'none'" in csp


def test_an_essay_gives_its_report(client):
    response = client.post("/report", files={"file": ("draft.txt", ESSAY.encode(), "text/plain")})
    assert response.status_code == 200
    assert "<h1>Trust and power</h1>" in response.text
    root = html5lib.parse(response.text, namespaceHTMLElements=False)
    csp = next(m.get("content") for m in root.iter("meta") if m.get("http-equiv") == "Content-Security-Policy")
    assert "form-action 'none'" in csp  # the report's own CSP, unchanged


@pytest.mark.parametrize("name, data, status, problem", [
    ("big.txt", b"trust " * (LIMIT // 6 + 20_000), 413, "the upload: is over the limit of 50,000 bytes"),
    ("bomb.docx", None, 400, "looks like a zip bomb"),
    ("<img src=x onerror=alert(1)>.txt", b"\x00\x01\x02" * 100, 400, "<img src=x onerror=alert(1)>.txt: "),
    ("empty.txt", b"   ", 400, "empty.txt: "),
])
def test_bad_uploads_get_a_clear_page(client, name, data, status, problem):
    if data is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("word/document.xml", b"\0" * (3 * 1024 * 1024))
        data = buffer.getvalue()
    response = client.post("/report", files={"file": (name, data, "application/octet-stream")})
    assert response.status_code == status
    assert problem in _alert(response)
    assert "<img src=x" not in response.text and "Traceback" not in response.text


def test_an_upload_without_a_file_is_a_clear_page(client):
    response = client.post("/report", data={"nothing": "here"})
    assert response.status_code == 400 and "holds no file" in _alert(response)


def test_a_submissions_zip_gives_the_overview_and_leaves_nothing(client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Ann Example_1001_assignsubmission_file_/essay.txt", ESSAY)
        archive.writestr("../evil_1002_assignsubmission_file_/essay.txt", ESSAY)
    before = set(Path(tempfile.gettempdir()).glob("analyser-serve-*"))
    response = client.post("/report", files={"file": ("cohort.zip", buffer.getvalue(), "application/zip")})
    assert response.status_code == 200
    assert "Ann Example (1001)" in response.text and "has a path that leads out of the zip" in response.text
    assert set(Path(tempfile.gettempdir()).glob("analyser-serve-*")) == before


def test_another_host_needs_the_token():
    app = build_app(ServeSettings(Settings(), host="0.0.0.0", token="s3cret"))
    client = TestClient(app, base_url="http://192.0.2.1:8765")
    assert client.get("/").status_code == 403
    assert client.get("/?token=wrong").status_code == 403
    assert client.post("/report", files={"file": ("a.txt", ESSAY.encode())}).status_code == 403
    page = client.get("/?token=s3cret")
    assert page.status_code == 200 and 'action="report?token=s3cret"' in page.text
    assert client.post("/report?token=s3cret", files={"file": ("a.txt", ESSAY.encode())}).status_code == 200


def test_on_this_computer_a_foreign_host_name_is_refused(client):
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400
