"""Batch runs as a library: finding inputs, naming outputs, running in
parallel, surviving bad files, and giving the same bytes every time."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path, PurePosixPath

import pytest

from analyser.batch import (
    BatchUsageError,
    check_output_folder,
    find_inputs,
    is_skipped,
    output_stems,
    run_batch,
)
from analyser.progress import ProgressPrinter

ESSAY = (
    "Trust and power\n\nThe partnership lacked trust at first, and the council held the power. "
    "Staff felt de-skilled (Huxham and Vangen, 2005). A shared vision came later.\n"
)


def make_folder(root: Path) -> Path:
    files = {
        "a/essay.txt": ESSAY,
        "b/essay.txt": ESSAY.replace("power", "status"),
        "notes.md": "# Notes\n\nWe agreed a shared vision and built trust.\n",
        "empty.txt": "   \n",
        "~$essay.docx": "lock",
        ".~lock.essay.docx#": "lock",
        ".hidden/essay.txt": ESSAY,
        "backup.txt~": ESSAY,
        "picture.png": "not a document",
    }
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return root


@pytest.mark.parametrize("name, skipped", [
    ("essay.docx", False), ("sub/essay.pdf", False), ("~$essay.docx", True), (".~lock.essay.docx#", True),
    (".hidden/essay.txt", True), ("essay.txt~", True), ("#essay.txt#", True), ("photo.jpg", True),
    ("Essay.DOCX", False),
])
def test_hidden_temporary_and_unsupported_files_are_skipped(name, skipped):
    assert is_skipped(PurePosixPath(name)) is skipped


def test_find_inputs_recurses_and_sorts(tmp_path):
    folder = make_folder(tmp_path / "in")
    found = find_inputs(str(folder))
    assert [i.name for i in found] == ["a/essay.txt", "b/essay.txt", "empty.txt", "notes.md"]
    assert [i.stem for i in found] == ["a__essay", "b__essay", "empty", "notes"]
    assert found[0].path == folder / "a" / "essay.txt"


def test_find_inputs_takes_globs_and_several_arguments(tmp_path):
    folder = make_folder(tmp_path / "in")
    assert [i.name for i in find_inputs(str(folder / "**" / "*.txt"))] == ["a/essay.txt", "b/essay.txt", "empty.txt"]
    shell_expanded = [str(folder / "a" / "essay.txt"), str(folder / "b" / "essay.txt")]
    assert [i.stem for i in find_inputs(shell_expanded)] == ["a__essay", "b__essay"]


def test_find_inputs_leaves_out_the_output_folder(tmp_path):
    folder = make_folder(tmp_path / "in")
    (folder / "reports").mkdir()
    (folder / "reports" / "old.txt").write_text(ESSAY)
    assert "reports/old.txt" not in [i.name for i in find_inputs(str(folder), exclude=folder / "reports")]


def test_find_inputs_reports_a_missing_folder(tmp_path):
    with pytest.raises(Exception, match="no such file or folder"):
        find_inputs(str(tmp_path / "missing"))


def test_output_stems_are_unique_safe_and_case_insensitive():
    stems = output_stems(["essay.docx", "essay.pdf", "Essay.txt", "x/essay.docx", "x__essay.docx",
                          "index.docx", "../../etc/passwd.txt", "CON.txt", "a b/ü.md"])
    assert len({s.lower() for s in stems.values()}) == len(stems)
    assert stems["essay.docx"] == "essay_docx" and stems["essay.pdf"] == "essay_pdf"
    assert stems["index.docx"] == "index_docx"
    assert stems["CON.txt"].lower() != "con"  # reserved on Windows; safe_stem decides how to avoid it
    for stem in stems.values():
        assert re.fullmatch(r"\w[\w.-]*", stem), stem  # letters of any script are kept ("a b/ü.md": a_b__ü)
    assert output_stems(list(reversed(list(stems)))) == stems


def test_output_folder_inside_the_input_is_refused_unless_forced(tmp_path):
    folder = make_folder(tmp_path / "in")
    for out in (folder, folder / "reports", folder / "a" / "deeper"):
        with pytest.raises(BatchUsageError, match="inside the input folder"):
            check_output_folder(str(folder), out)
        check_output_folder(str(folder), out, force=True)
    check_output_folder(str(folder), tmp_path / "out")
    with pytest.raises(BatchUsageError):
        check_output_folder(str(folder / "*.txt"), folder / "out")


def test_run_batch_writes_reports_index_and_csv_and_lists_failures(tmp_path):
    inputs = find_inputs(str(make_folder(tmp_path / "in")))
    seen = []
    result = run_batch(inputs, tmp_path / "out", jobs=1, fmt="all", on_result=lambda d, t, r: seen.append((d, t)))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert [r["document"] for r in result.failures] == ["empty.txt"]
    error = result.failures[0]["error"]
    assert error and "\n" not in error and result.succeeded == 3
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["a__essay.html", "a__essay.json", "b__essay.html", "b__essay.json", "index.html",
                     "notes.html", "notes.json", "summary.csv"]
    index = (tmp_path / "out" / "index.html").read_text()
    assert 'href="a__essay.html"' in index and error in index
    assert "a/essay.txt" in (tmp_path / "out" / "a__essay.json").read_text()  # source is the relative name
    assert '<a href="index.html">Class overview</a>' in (tmp_path / "out" / "a__essay.html").read_text()


def test_reruns_and_parallel_runs_give_identical_bytes(tmp_path):
    folder = make_folder(tmp_path / "in")
    (folder / "empty.txt").unlink()
    inputs = find_inputs(str(folder))
    first = run_batch(inputs, tmp_path / "one", jobs=1, fmt="all")
    parallel = run_batch(inputs, tmp_path / "two", jobs=2, fmt="all")
    assert not first.failures and not parallel.failures
    moved = tmp_path / "elsewhere" / "input"
    shutil.copytree(folder, moved)
    relocated = run_batch(find_inputs(str(moved)), tmp_path / "three", jobs=1, fmt="all")
    again = run_batch(inputs, tmp_path / "one", jobs=1, fmt="all")  # over the existing output
    for result in (parallel, relocated, again):
        out = result.index_path.parent
        for path in (tmp_path / "one").iterdir():
            assert (out / path.name).read_bytes() == path.read_bytes(), path.name
    assert not [p for p in (tmp_path / "one").iterdir() if p.name.endswith(".tmp")]


def test_html_only_and_json_only(tmp_path):
    inputs = find_inputs(str(make_folder(tmp_path / "in") / "notes.md"))
    run_batch(inputs, tmp_path / "html", fmt="html")
    run_batch(inputs, tmp_path / "json", fmt="json")
    assert sorted(p.name for p in (tmp_path / "html").iterdir()) == ["index.html", "notes.html", "summary.csv"]
    assert sorted(p.name for p in (tmp_path / "json").iterdir()) == ["index.html", "notes.json", "summary.csv"]
    assert 'href="notes.json"' in (tmp_path / "json" / "index.html").read_text()


class FakeStream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_progress_is_plain_lines_off_a_terminal():
    stream = FakeStream(tty=False)
    progress = ProgressPrinter(2, stream)
    progress(1, 2, {"document": "a.txt", "error": None})
    progress(2, 2, {"document": "b\nc.txt", "error": "bad"})
    progress.close()
    assert stream.getvalue() == "[1/2] ok a.txt\n[2/2] failed b\\nc.txt\n"


def test_progress_on_a_terminal_is_a_bar_with_counts_and_eta():
    stream = FakeStream(tty=True)
    times = iter([0.0, 10.0, 20.0])
    progress = ProgressPrinter(4, stream, clock=lambda: next(times))
    progress(1, 4, {"document": "a.txt", "error": None})
    progress(2, 4, {"document": "b.txt", "error": None})
    progress.close()
    frames = stream.getvalue().split("\r")[1:]
    assert "1/4" in frames[0] and "25%" in frames[0] and "ETA 0:30" in frames[0]
    assert "2/4" in frames[1] and "ETA 0:20" in frames[1] and frames[1].endswith("\n")
