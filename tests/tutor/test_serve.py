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


MAX_FILES, MAX_TOTAL = 5, 120_000


@pytest.fixture(scope="module")
def client():
    serve = ServeSettings(Settings(max_bytes=LIMIT), max_files=MAX_FILES, max_total_bytes=MAX_TOTAL)
    return TestClient(build_app(serve), base_url="http://127.0.0.1:8765")


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


def _rows(response) -> dict[str, str]:
    """The overview's rows: the document's name (first cell) -> the row's text."""
    root = html5lib.parse(response.text, namespaceHTMLElements=False)
    rows = {}
    for row in root.iter("tr"):
        cells = ["".join(c.itertext()).strip() for c in row if c.tag in ("td", "th")]
        if cells:
            rows[cells[0]] = " ".join(cells)
    return rows


def test_a_folder_gives_the_overview_with_a_bad_file_listed(client):
    before = set(Path(tempfile.gettempdir()).glob("analyser-serve-*"))
    response = client.post("/folder", files=[
        ("files", ("class/ann.txt", ESSAY.encode(), "text/plain")),
        ("files", ("class/late/bob.txt", b"Vision\n\nOur vision was shared by everyone.\n", "text/plain")),
        ("files", ("class/broken.txt", b"\x00\x01\x02" * 100, "text/plain")),
        ("files", ("class/big.txt", b"trust " * (LIMIT // 6 + 10), "text/plain")),
        ("files", ("class/.DS_Store", b"\x00", "application/octet-stream")),
    ])
    assert response.status_code == 200
    rows = _rows(response)
    assert "Class overview" in response.text
    assert "ann.txt" in "".join(rows) and "late/bob.txt" in "".join(rows)
    assert ".DS_Store" not in response.text  # skipped, as a batch skips it
    problems = {name: text for name, text in rows.items() if "broken.txt" in name or "big.txt" in name}
    assert len(problems) == 2 and all("Trust and power" not in text for text in problems.values())
    assert any("over" in text and "bytes" in text for name, text in problems.items() if "big.txt" in name)
    assert set(Path(tempfile.gettempdir()).glob("analyser-serve-*")) == before


def test_a_folder_with_moodle_names_shows_the_students(client):
    response = client.post("/folder", files=[
        ("files", ("cohort/Ann Example_1001_assignsubmission_file_/essay.txt", ESSAY.encode(), "text/plain")),
        ("files", ("cohort/Bo Ng_1002_assignsubmission_file_/essay.txt", ESSAY.encode(), "text/plain")),
    ])
    assert response.status_code == 200
    assert "Ann Example (1001)" in response.text and "Bo Ng (1002)" in response.text


@pytest.mark.parametrize("files, status, problem", [
    ([(f"c/{i}.txt", ESSAY.encode()) for i in range(MAX_FILES + 1)], 413,
     f"the folder: holds more than {MAX_FILES} files (--max-files); nothing was read"),
    ([(f"c/{i}.txt", b"trust " * (LIMIT // 7)) for i in range(4)], 413,
     f"the folder: is over the limit of {MAX_TOTAL:,} bytes in all (--max-total-bytes); nothing was read"),
    ([("c/notes.xyz", b"hello"), ("c/~$lock.docx", b"x")], 400, "the folder: holds no documents to analyse"),
    ([], 400, "the folder: holds no documents to analyse"),
])
def test_a_folder_over_the_limits_gets_a_clear_page(client, files, status, problem):
    response = client.post("/folder", files=[("files", (name, data, "text/plain")) for name, data in files]
                           or None, data=None if files else {"nothing": "here"})
    assert response.status_code == status
    assert problem in _alert(response)
    assert "Traceback" not in response.text
