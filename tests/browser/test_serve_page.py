"""`analyser serve` in Chromium: a real uvicorn server on 127.0.0.1, a file
picked and uploaded, the report shown, a folder picked and the class
overview shown, no request beyond the local server, axe-core clean, and an
oversized upload refused with a clear page."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from analyser.pipeline import Settings
from analyser.serve import ServeSettings, build_app

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
pytestmark = [pytest.mark.browser, pytest.mark.enable_socket]
LIMIT = 200_000


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = build_app(ServeSettings(Settings(max_bytes=LIMIT), port=port))
    running = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://localhost:{port}/"  # the browser fixture resolves no other name, IP literals included
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.problems = []  # type: ignore[attr-defined]
    page.requests = []  # type: ignore[attr-defined]
    page.on("console", lambda m: m.type in ("error", "warning") and page.problems.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
    context.on("request", lambda r: page.requests.append(r.url))
    yield page
    context.close()


def test_a_student_uploads_an_essay_and_sees_the_report(page, server):
    page.goto(server)
    page.set_input_files("#file", str(SAMPLES / "draft_with_problems.docx"))
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert page.url == server + "report"
    assert page.locator("h1").inner_text().strip() != ""
    assert page.locator("mark, .cite").count() > 0  # the report's highlights are there
    assert page.problems == []
    assert all(url.startswith(server) for url in page.requests), page.requests


def test_the_upload_page_is_accessible(page, server):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(server)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page.problems == []


def test_an_oversized_upload_gets_a_clear_page(page, server, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("trust " * (LIMIT // 3))
    page.goto(server)
    page.set_input_files("#file", str(big))
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "is over the limit of 200,000 bytes" in page.locator("[role=alert]").inner_text()
    assert all(url.startswith(server) for url in page.requests), page.requests


def test_a_tutor_picks_a_folder_and_sees_the_overview(page, server, tmp_path):
    from axe_playwright_python.sync_playwright import Axe

    folder = tmp_path / "class"
    (folder / "late").mkdir(parents=True)
    (folder / "ann.txt").write_text("Trust\n\nThe partnership lacked trust at first.\n", encoding="utf-8")
    (folder / "late" / "bob.txt").write_text("Vision\n\nOur vision was shared by the council.\n", encoding="utf-8")
    page.goto(server)
    assert page.locator("#folder").get_attribute("webkitdirectory") is not None
    # Playwright fills a webkitdirectory input from a folder's path (a list of files is refused)
    page.set_input_files("#folder", str(folder))
    page.click("#folder-form button[type=submit]")
    page.wait_for_load_state()
    assert page.url == server + "folder"
    assert "Class overview" in page.locator("h1").inner_text()
    table = page.locator("table").first.inner_text()
    assert "ann.txt" in table and "late/bob.txt" in table  # named by their path inside the folder
    assert "class/" not in table
    assert page.problems == []
    assert all(url.startswith(server) for url in page.requests), page.requests
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
