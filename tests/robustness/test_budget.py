"""A time and memory budget per document, in `analyse` and in every batch
worker; a worker that dies or hangs is replaced and the batch finishes."""

from __future__ import annotations

import csv
import io
import multiprocessing
import resource
import signal
import time
from pathlib import Path

import pytest

from analyser import batch as batch_module
from analyser.batch import WORKER_DIED, find_inputs, run_batch
from analyser.budget import Budget, OverBudget, within_budget
from analyser.pipeline import Analyser

from . import fixtures

needs_fork = pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="workers must inherit the patch")


def _essays(folder: Path, count: int) -> None:
    folder.mkdir()
    for number in range(count):
        (folder / f"essay{number}.txt").write_text(fixtures.ESSAY.replace("council", f"council {number}"))


def test_within_budget_stops_python_code_and_restores_the_process() -> None:
    limits = resource.getrlimit(resource.RLIMIT_AS)
    handler = signal.getsignal(signal.SIGALRM)
    with pytest.raises(OverBudget, match=r"^took longer than 0\.2 s \(--timeout\); skipped$"):
        with within_budget(Budget(seconds=0.2, memory_mb=None)):
            while True:
                pass
    with pytest.raises(OverBudget, match=r"^needed more than 100 MB of memory \(--max-memory\); skipped$"):
        with within_budget(Budget(seconds=None, memory_mb=100)):
            bytearray(400 * 1024 * 1024)
    assert resource.getrlimit(resource.RLIMIT_AS) == limits
    assert signal.getsignal(signal.SIGALRM) == handler
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def _swallowed(deadline: float) -> None:
    """A library's bare `except:` that eats whatever interrupts it."""
    try:
        while time.monotonic() < deadline:
            pass
    except BaseException:  # noqa: BLE001 - the point of the test
        pass


def _wrapped(deadline: float) -> None:
    """A reader that turns whatever its parser raised into its own error."""
    try:
        _swallowed(0.0)
        while time.monotonic() < deadline:
            pass
    except BaseException as error:  # noqa: BLE001 - as a parser's callback does
        raise ValueError("unreadable") from error


@pytest.mark.parametrize("block", [_swallowed, _wrapped])
def test_a_spent_budget_is_reported_even_when_the_timers_exception_is_lost(block) -> None:
    with pytest.raises(OverBudget, match=r"^took longer than 0\.1 s"):
        with within_budget(Budget(seconds=0.1, memory_mb=None)):
            block(time.monotonic() + 0.5)
    with within_budget(Budget(seconds=5, memory_mb=None)):  # not spent: nothing raised
        block(time.monotonic() + 0.01)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_analyse_reports_a_document_over_its_time_like_a_bad_file(tmp_path: Path, run_cli) -> None:
    path = tmp_path / "long.txt"
    path.write_text(fixtures.ESSAY * 3_000)  # about 1.3 MB: well over 0.1 s of analysis
    result = run_cli("analyse", path, "--timeout", "0.1", "--out", tmp_path / "out")
    assert result.exception is None and result.exit_code == 1
    assert result.error_lines == [f"error: {path}: took longer than 0.1 s (--timeout); skipped"]
    assert not (tmp_path / "out").exists()


@needs_fork
def test_batch_skips_documents_over_budget_and_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One document loops, one allocates 2 GB, one blocks the worker's timer
    (stuck in C code, as it were): each is reported with its line, its worker
    replaced, and the others complete."""
    folder = tmp_path / "in"
    _essays(folder, 6)
    real = Analyser.analyse_file

    def hostile(self, path):
        name = Path(path).name
        if name == "essay1.txt":
            while True:
                pass
        if name == "essay2.txt":
            return bytearray(2 * 1024**3)
        if name == "essay3.txt":
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(600)
        return real(self, path)

    monkeypatch.setattr(Analyser, "analyse_file", hostile)
    monkeypatch.setattr(batch_module, "KILL_GRACE", 1.0)
    started = time.monotonic()
    result = run_batch(find_inputs(str(folder)), tmp_path / "out", jobs=2, fmt="html",
                       budget=Budget(seconds=1.0, memory_mb=256))
    assert time.monotonic() - started < 60
    errors = {row["document"]: row["error"] for row in result.rows}
    assert errors == {
        "essay0.txt": None, "essay4.txt": None, "essay5.txt": None,
        "essay1.txt": "took longer than 1 s (--timeout); skipped",
        "essay2.txt": "needed more than 256 MB of memory (--max-memory); skipped",
        "essay3.txt": "took longer than 1 s (--timeout); skipped",
    }


@needs_fork
def test_a_dead_worker_is_replaced_and_the_run_finishes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With one job, the only worker dies on the second document; a fresh
    worker takes the rest."""
    folder = tmp_path / "in"
    _essays(folder, 4)
    real = Analyser.analyse_file

    def dies(self, path):
        if Path(path).name == "essay1.txt":
            signal.raise_signal(signal.SIGKILL)
        return real(self, path)

    monkeypatch.setattr(Analyser, "analyse_file", dies)
    result = run_batch(find_inputs(str(folder)), tmp_path / "out", jobs=1, fmt="html")
    assert [(r["document"], r["error"]) for r in result.rows] == [
        ("essay0.txt", None), ("essay1.txt", WORKER_DIED), ("essay2.txt", None), ("essay3.txt", None)]


def test_symlink_loops_and_links_out_of_the_folder_are_listed_not_followed(tmp_path: Path, run_cli) -> None:
    folder = tmp_path / "in"
    _essays(folder, 1)
    (folder / "loop1.txt").symlink_to("loop2.txt")
    (folder / "loop2.txt").symlink_to("loop1.txt")
    (folder / "self").symlink_to("self")
    (folder / "up").symlink_to(folder)  # a folder loop: never walked into
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-TOKEN-not-to-be-read\n")
    (folder / "leak.txt").symlink_to(secret)
    (folder / "same.txt").symlink_to(folder / "essay0.txt")
    result = run_cli("batch", folder, "--out", tmp_path / "out", "--jobs", "1", "--quiet")
    assert result.exception is None and result.exit_code == 1
    assert sorted(result.error_lines) == [
        f"error: {folder / 'leak.txt'}: is a symbolic link to a file outside the input folder; not read",
        f"error: {folder / 'loop1.txt'}: is a symbolic link that loops or leads nowhere; not read",
        f"error: {folder / 'loop2.txt'}: is a symbolic link that loops or leads nowhere; not read",
    ]
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["essay0.html", "essay0.json", "index.html", "same.html", "same.json", "summary.csv"]
    assert not any("SECRET-TOKEN" in p.read_text() for p in (tmp_path / "out").iterdir())


def test_crafted_names_never_share_an_output(tmp_path: Path, run_cli) -> None:
    """A file named after the hashed stem another file would get once gave
    two documents one report (and exit status 0)."""
    import hashlib

    folder = tmp_path / "in"
    folder.mkdir()
    hashed = hashlib.sha1(b"e.txt").hexdigest()[:8]
    names = [f"E_{hashed}.md", "e.TXT", "e.txt", "index.txt", "-x.txt", "_x.txt"]
    for number, name in enumerate(names):
        (folder / name).write_text(fixtures.ESSAY.replace("council", f"council {number}"))
    result = run_cli("batch", folder, "--out", tmp_path / "out", "--jobs", "1", "--quiet")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out" / "summary.csv").read_text())))
    reports = [row["report"] for row in rows]
    assert len(rows) == len(names) and len({r.casefold() for r in reports}) == len(names)
    assert not any(r.startswith("-") for r in reports)


def test_control_characters_in_names_are_escaped_in_the_csv(tmp_path: Path, run_cli) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil\n\x1b[31mname,x.txt").write_text(fixtures.ESSAY)
    result = run_cli("batch", folder, "--out", tmp_path / "out", "--jobs", "1", "--quiet")
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "out" / "summary.csv").read_text()
    assert "\x1b" not in text and len(text.splitlines()) == 2
    assert next(csv.DictReader(io.StringIO(text)))["document"] == "evil\\n\\x1b[31mname,x.txt"


def test_a_file_named_like_an_option_needs_no_double_dash(tmp_path: Path, run_cli, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("-x.txt").write_text(fixtures.ESSAY)
    result = run_cli("analyse", "-x.txt", "--out", "out")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in Path("out").iterdir()) == ["_x.html"]
    assert run_cli("analyse", "--fromat", "x.txt").exit_code == 2  # a mistyped option is still one
