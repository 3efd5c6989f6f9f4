"""Browser tests: Playwright (Python) driving Debian's Chromium, found on
disk and never downloaded. Pages are opened from file:// exactly as a tutor
would open them.

Without Chromium (or Playwright) these tests skip with a reason saying how
to install it; under CI (CI=true) they fail instead, so a CI run can never
pass without really running them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "corpus" / "samples"
ARTEFACTS = REPO / "reports"  # screenshots for a person to look at (git-ignored)
CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
]
INSTALL_HINT = (
    "install Debian's Chromium with `sudo apt-get install -y chromium` (or set ANALYSER_CHROMIUM to a "
    "Chromium binary) and the test extra with `pip install '.[test]'`"
)
HOSTILE_TEXT = (
    "Hostile sample\n\n"
    "A student wrote <script>window.pwned = 1; alert('x')</script> and "
    "<img src=x onerror=\"window.pwned = 2\"> and {{ 7*7 }} and \u202etxt.exe\u202c about trust and power.\n"
)


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def unavailable(reason: str) -> None:
    if in_ci():
        pytest.fail(f"browser tests cannot run under CI: {reason}; {INSTALL_HINT}", pytrace=False)
    pytest.skip(f"{reason}; to run the browser tests, {INSTALL_HINT}")


def chromium_path() -> str | None:
    """ANALYSER_CHROMIUM when set (and only it), else Debian's usual paths."""
    chosen = os.environ.get("ANALYSER_CHROMIUM")
    candidates = [chosen] if chosen else [*CHROMIUM_PATHS, shutil.which("chromium")]
    return next((c for c in candidates if c and Path(c).is_file()), None)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium for the whole session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed")
    executable = chromium_path()
    if executable is None:
        unavailable(f"Chromium was not found at {os.environ.get('ANALYSER_CHROMIUM') or ', '.join(CHROMIUM_PATHS)}")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        yield instance
        instance.close()


@dataclass
class BuiltReports:
    out: Path
    index: Path
    reports: dict[str, Path]  # sample file name -> report
    analyses: dict[str, dict]  # sample file name -> analysis JSON
    hostile: Path


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> BuiltReports:
    """The samples (and a hostile document) through a real batch run."""
    from analyser.batch import find_inputs, run_batch

    source = tmp_path_factory.mktemp("browser-input")
    for sample in SAMPLES.iterdir():
        if sample.is_file() and sample.suffix in {".txt", ".md", ".docx", ".pdf"} and sample.name != "README.md":
            shutil.copy(sample, source / sample.name)
    (source / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (source / "broken.docx").write_bytes(b"this is not a zip file")
    out = tmp_path_factory.mktemp("browser-output")
    inputs = find_inputs(str(source))
    run_batch(inputs, out, jobs=1, fmt="all")
    import json

    reports = {i.name: out / f"{i.stem}.html" for i in inputs if (out / f"{i.stem}.html").exists()}
    analyses = {i.name: json.loads((out / f"{i.stem}.json").read_text(encoding="utf-8"))
                for i in inputs if (out / f"{i.stem}.json").exists()}
    return BuiltReports(out, out / "index.html", reports, analyses, reports["hostile.txt"])


@dataclass
class OpenedPage:
    page: Any
    url: str
    problems: list[str] = field(default_factory=list)  # console errors and warnings, page errors, dialogs
    requests: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        """No console errors (a CSP violation is one), no script dialogs, and
        not one network request beyond the file itself."""
        assert self.problems == [], self.problems
        assert [r for r in self.requests if r.split("#")[0] != self.url] == [], self.requests

    def screenshot(self, name: str, *, full_page: bool = False) -> Path:
        ARTEFACTS.mkdir(exist_ok=True)
        path = ARTEFACTS / name
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


@pytest.fixture()
def open_page(browser) -> Iterator[Callable[[Path], OpenedPage]]:
    contexts = []

    def opener(path: Path, *, width: int = 1200, height: int = 900) -> OpenedPage:
        context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
        contexts.append(context)
        page = context.new_page()
        opened = OpenedPage(page, path.as_uri())
        page.on("console", lambda m: m.type in ("error", "warning") and opened.problems.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: opened.problems.append(f"page error: {e}"))
        page.on("dialog", lambda d: (opened.problems.append(f"dialog: {d.message}"), d.dismiss()))
        context.on("request", lambda r: opened.requests.append(r.url))
        page.goto(opened.url)
        return opened

    yield opener
    for context in contexts:
        context.close()
