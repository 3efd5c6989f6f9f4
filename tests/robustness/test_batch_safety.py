"""Nothing lost, nothing written where it should not be, for a batch run:

- inputs are never modified, good or bad (bytes, modification time and mode
  of every file, and the list of files, before and after);
- every output is written to a temporary file beside it and renamed into
  place, with the permissions a new file gets, and no temporary file is left;
- a batch interrupted with Ctrl-C, or whose worker process is killed while
  writing, leaves only complete outputs (every report parses as HTML5 and
  ends with </html>, every JSON loads, no temporary files), and running it
  again finishes the rest with exit status 0 and the same bytes as a run
  that was never interrupted;
- the output folder may not be the input folder or inside it unless
  --force (exit status 2, one line, nothing written);
- a bad file is listed in index.html and on stderr with its one-line error,
  the exit status is 1 and the other documents complete;
- output names made from input names stay in the output folder and never
  collide, whatever the names (../, backslashes, reserved Windows names,
  control characters, other scripts, bytes that are not UTF-8).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

import html5lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyser import output
from analyser.batch import WORKER_DIED, find_inputs, output_stems, run_batch
from analyser.output import NEW_FILE_MODE

from . import fixtures

RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
OLD = 1_000_000_000_000_000_000  # an mtime in 2001, so any write would show


def essay(number: int, repeat: int = 1) -> str:
    return f"Essay {number}\n\n" + (fixtures.ESSAY + f"\nEssay {number} says more about trust.\n") * repeat


def fingerprint(folder: Path) -> dict[str, tuple[Any, ...]]:
    """Every file and folder under `folder`: content hash, mtime and mode."""
    prints = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        prints[str(path.relative_to(folder))] = (digest, info.st_mtime_ns, info.st_mode)
    return prints


def freeze(folder: Path) -> dict[str, tuple[Any, ...]]:
    for path in folder.rglob("*"):
        os.utime(path, ns=(OLD, OLD))
    return fingerprint(folder)


def assert_outputs_complete(out: Path) -> list[str]:
    """Only complete outputs: each report parses as HTML5 without an error and
    ends with </html>, each JSON loads, no temporary file. Returns the names."""
    names = sorted(p.name for p in out.iterdir())
    assert not [n for n in names if n.startswith(".") or n.endswith(".tmp")], names
    for name in names:
        data = (out / name).read_bytes()
        if name.endswith(".html"):
            text = data.decode("utf-8")
            assert text.endswith("</html>\n"), name
            parser = html5lib.HTMLParser(strict=False)
            parser.parse(text)
            assert parser.errors == [], (name, parser.errors[:3])
        elif name.endswith(".json"):
            json.loads(data)
    return names


def same_bytes(one: Path, other: Path) -> None:
    assert sorted(p.name for p in one.iterdir()) == sorted(p.name for p in other.iterdir())
    for path in one.iterdir():
        assert path.read_bytes() == (other / path.name).read_bytes(), path.name


def bad_and_good_folder(root: Path) -> Path:
    folder = root / "in"
    (folder / "sub").mkdir(parents=True)
    files = {
        "essay.txt": essay(1).encode(), "sub/essay.md": essay(2).encode(), "essay.docx": fixtures.docx_essay(),
        "essay.odt": fixtures.odt_essay(), "essay.pdf": fixtures.pdf_bytes(), "empty.txt": b"",
        "binary.txt": fixtures.png_bytes(), "truncated.docx": fixtures.docx_essay()[:400],
        "bomb.docx": fixtures.zip_bomb_ratio(), "truncated.pdf": fixtures.pdf_bytes()[:300],
        "not_a_zip.odt": b"plain text named .odt",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "readonly.txt").write_text(essay(3))
    (folder / "readonly.txt").chmod(0o444)
    return folder


BAD = {
    "binary.txt": "looks like a binary file", "bomb.docx": "looks like a zip bomb", "empty.txt": "is empty (0 bytes)",
    "not_a_zip.odt": "is not an OpenDocument .odt document", "truncated.docx": "is not a readable .docx file",
    "truncated.pdf": "is not a readable PDF",
}


# --- inputs, writes, bad files ---------------------------------------------------------------------------------


def test_inputs_are_never_modified_and_bad_files_are_listed(tmp_path: Path, run_cli) -> None:
    folder = bad_and_good_folder(tmp_path)
    before = freeze(folder)
    out = tmp_path / "out"
    result = run_cli("batch", folder, "--out", out, "--jobs", "2", "--quiet")
    assert result.exception is None
    assert fingerprint(folder) == before
    assert result.exit_code == 1
    # on stderr: one line per bad file, naming it and its problem; nothing else
    assert len(result.error_lines) == len(BAD)
    for line, (name, problem) in zip(sorted(result.error_lines), sorted(BAD.items()), strict=True):
        assert line.startswith(f"error: {folder / name}: ") and problem in line, line
    # in the overview: each with its error; the others analysed
    tree = html5lib.parse((out / "index.html").read_text(encoding="utf-8"), namespaceHTMLElements=False)
    failed = {li.find("span").text: "".join(li.itertext()) for li in tree.iter("li") if li.find("span") is not None
              and li.find("span").get("class") == "failed-name"}
    assert sorted(failed) == sorted(BAD)
    for name, problem in BAD.items():
        assert problem in failed[name]
    names = assert_outputs_complete(out)
    reports = sorted(n for n in names if n.endswith(".html") and n != "index.html")
    assert reports == ["essay_docx.html", "essay_odt.html", "essay_pdf.html", "essay_txt.html", "readonly.html",
                       "sub__essay.html"]


def test_outputs_are_renamed_into_place_with_ordinary_permissions(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "renames.log"  # written by the worker processes, which inherit the spy
    real_replace = os.replace

    def spy(source: str, target: Path) -> None:
        with log.open("a") as handle:
            handle.write(f"{source}\t{target}\n")
        real_replace(source, target)

    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(3):
        (folder / f"essay{number}.txt").write_text(essay(number))
    out = tmp_path / "out"
    monkeypatch.setattr(output.os, "replace", spy)
    run_batch(find_inputs(str(folder)), out, jobs=1, fmt="all")
    monkeypatch.undo()
    renamed = [tuple(map(Path, line.split("\t"))) for line in log.read_text().splitlines()]
    written = sorted(out.iterdir())
    assert sorted(target for _, target in renamed) == written  # every output, and only by a rename
    for source, target in renamed:
        assert source.parent == target.parent and source.name.startswith(f".{target.name}.")
        assert source.name.endswith(".tmp") and not source.exists()
        assert target.stat().st_mode & 0o777 == NEW_FILE_MODE  # not mkstemp's 0600
    assert_outputs_complete(out)


# --- interrupted runs -------------------------------------------------------------------------------------------


def analyser_command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "analyser", *(str(a) for a in args)]


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    try:
        return "\nState:\tZ" not in status.read_text()
    except OSError:
        return False


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_an_interrupted_batch_ends_its_workers_and_indexes_what_completed(tmp_path: Path, how: str) -> None:
    """Ctrl-C (SIGINT to the whole process group, as a terminal sends it) or
    SIGTERM to the batch process alone (as a scheduler or `kill` sends it),
    as soon as the first report appears. Twenty documents that take a while
    each make it all but certain the batch is still running then; if it has
    finished, the same checks still hold. Interrupted, the batch prints one
    line, leaves no worker running, and its index.html and summary.csv list
    exactly the reports that are there, each complete."""
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(20):
        (folder / f"essay{number:02d}.txt").write_text(essay(number, repeat=25))
    before = freeze(folder)
    out = tmp_path / "out"
    process = subprocess.Popen(analyser_command("batch", folder, "--out", out, "--jobs", "2", "--quiet"),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while not (out.is_dir() and any(p.suffix == ".html" for p in out.iterdir())):
            assert process.poll() is None and time.monotonic() < deadline, "no report appeared"
            time.sleep(0.01)
        workers = _children(process.pid)
        try:
            if how == "ctrl-c":
                os.killpg(process.pid, signal.SIGINT)
            else:
                os.kill(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass  # it had already finished
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    errors = stderr.decode()
    assert "Traceback" not in errors
    expected = {"ctrl-c": 130, "sigterm": 143}[how]
    assert process.returncode in (expected, 0), errors
    time.sleep(0.5)
    assert not [pid for pid in workers if _alive(pid)], "a worker outlived the batch"
    names = assert_outputs_complete(out)
    reports = sorted(n for n in names if n.endswith(".html") and n != "index.html")
    assert sorted(n.replace(".html", ".json") for n in reports) == sorted(n for n in names if n.endswith(".json"))
    if process.returncode == expected:
        assert errors.splitlines() == [errors.splitlines()[-1]]  # one line
        signal_name = {"ctrl-c": "SIGINT", "sigterm": "SIGTERM"}[how]
        assert errors.startswith(f"interrupted ({signal_name}): {len(reports)} of 20 documents analysed; ")
        assert "index.html" in names and len(reports) < 20
        listed = [row["report"] for row in csv.DictReader(io.StringIO((out / "summary.csv").read_text()))]
        assert sorted(listed) == reports
    assert fingerprint(folder) == before

    rerun = subprocess.run(analyser_command("batch", folder, "--out", out, "--jobs", "2", "--quiet"),
                           capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr.decode()
    uninterrupted = run_batch(find_inputs(str(folder)), tmp_path / "whole", jobs=1, fmt="all")
    assert not uninterrupted.failures
    same_bytes(out, tmp_path / "whole")
    assert fingerprint(folder) == before


class KillOnRename:
    """Stands in for the `os` module inside analyser.output: renaming the
    report of `victim` cuts its temporary file to half and kills the process,
    as if it were killed (out of memory, say) in the middle of the write."""

    def __init__(self, victim: str) -> None:
        self.victim = victim

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def replace(self, source: str, target: str | Path) -> None:
        if Path(target).name == self.victim:
            with open(source, "r+b") as handle:
                handle.truncate(os.path.getsize(source) // 2)
            os.kill(os.getpid(), signal.SIGKILL)
        os.replace(source, target)


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="workers must inherit the patch")
def test_a_killed_worker_loses_one_document_and_a_rerun_finishes(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(8):
        (folder / f"essay{number}.txt").write_text(essay(number))
    before = freeze(folder)
    inputs = find_inputs(str(folder))
    out = tmp_path / "out"
    monkeypatch.setattr(output, "os", KillOnRename("essay3.html"))
    result = run_batch(inputs, out, jobs=2, fmt="all")
    monkeypatch.undo()
    # only the document whose worker died is lost; the others complete
    assert [(r["document"], r["error"]) for r in result.failures] == [("essay3.txt", WORKER_DIED)]
    names = assert_outputs_complete(out)  # the half-written temporary file is gone
    assert "essay3.html" not in names and len([n for n in names if n.endswith(".json")]) == 7
    rerun = run_batch(inputs, out, jobs=2, fmt="all")
    assert not rerun.failures
    run_batch(inputs, tmp_path / "whole", jobs=1, fmt="all")
    same_bytes(out, tmp_path / "whole")
    assert fingerprint(folder) == before


def test_stale_temporary_files_of_our_outputs_are_removed(tmp_path: Path) -> None:
    """What a process killed outright leaves (a `.name.xxxx.tmp` beside the
    output) is cleared by the next run; other files in the folder are not."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "essay.txt").write_text(essay(1))
    out = tmp_path / "out"
    out.mkdir()
    stale = [out / ".essay.html.k2j3h4.tmp", out / ".index.html.abc123.tmp", out / ".summary.csv.x.tmp"]
    kept = [out / ".other.html.abc.tmp", out / "notes.txt"]
    for path in stale + kept:
        path.write_text("half")
    run_batch(find_inputs(str(folder)), out, jobs=1, fmt="html")
    assert not [p for p in stale if p.exists()] and all(p.exists() for p in kept)


# --- where outputs go -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("inside", [".", "reports", "sub/deeper"])
def test_output_folder_inside_the_input_is_refused_unless_forced(tmp_path: Path, run_cli, inside: str) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "essay.txt").write_text(essay(1))
    before = freeze(folder)
    out = (folder / inside).resolve() if inside == "." else folder / inside
    for spec in (folder, folder / "*.txt"):
        result = run_cli("batch", spec, "--out", out, "--quiet")
        assert result.exit_code == 2 and result.exception is None
        assert result.error_lines == [f"error: the output folder {out} is inside the input folder {folder}; "
                                      "choose another --out, or add --force"]
        assert fingerprint(folder) == before  # nothing written
    first = run_cli("batch", folder, "--out", out, "--quiet", "--force")
    assert first.exit_code == 0, first.stderr
    again = run_cli("batch", folder, "--out", out, "--quiet", "--force")  # its own outputs are not read back
    assert again.exit_code == 0, again.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "1 document," in index and (out / "essay.html").is_file()
    assert (folder / "essay.txt").read_bytes() == essay(1).encode()


def test_output_folder_above_the_input_is_allowed(tmp_path: Path, run_cli) -> None:
    """`batch essays/2024 --out essays`: the outputs are not inside the input,
    so this is allowed, and the inputs below the output folder are still read
    (they used to be left out as if they were outputs: "no documents")."""
    folder = tmp_path / "essays" / "2024"
    folder.mkdir(parents=True)
    (folder / "essay.txt").write_text(essay(1))
    result = run_cli("batch", folder, "--out", tmp_path / "essays", "--quiet")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "essays" / "essay.html").is_file()


HOSTILE_NAMES = [
    "CON.txt", "con.md", "aux.txt", "NUL.md", "com1.txt", "LPT9.md", "ＣＯＮ.txt", "COM¹.txt", "a\\..\\..\\evil.txt",
    "C:\\Windows\\system.txt", "evil\nname.txt", "\x1b[31mred.txt", "\u202eevil\u202dtxt.md", "tab\there.txt",
    "Ésai.txt", "Ессе.txt", "Эссе.txt", "Esai.txt", "essay.txt", "Essay.md", "ESSAY.TXT", "index.txt",
    "summary.md", "x" * 200 + ".txt", "é" * 120 + ".txt", "é" * 119 + "e.txt", "a b.txt", "a_b.txt", "a?b.txt",
    "sub__essay.txt", "e\u0301sai.txt", "~essay.txt", "-rf.txt", "<script>.txt", "{{ 7*7 }}.md",
]


def test_output_names_stay_inside_and_never_collide(tmp_path: Path, run_cli) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for number, name in enumerate(HOSTILE_NAMES):
        (folder / name).write_text(f"Name {number}: trust and power.\n")
    (folder / "sub" / "essay.txt").write_text("In a subfolder: trust.\n")
    not_utf8 = os.fsdecode(b"\xe9ssai.txt")  # a name in Latin-1 bytes, as old zip tools write them
    (folder / not_utf8).write_text("Latin-1 name: trust.\n")
    out = tmp_path / "out"
    result = run_cli("batch", folder, "--out", out, "--jobs", "1", "--format", "all", "--quiet")
    assert result.exit_code == 0 and result.exception is None, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]  # nothing written elsewhere
    names = assert_outputs_complete(out)
    assert all((out / name).resolve().parent == out.resolve() and (out / name).is_file() for name in names)
    reports = [n for n in names if n.endswith(".html") and n != "index.html"]
    assert len(reports) == len(HOSTILE_NAMES) + 2  # one each: nothing overwritten
    assert len({n.casefold() for n in names}) == len(names)  # nor on a case-insensitive file system
    for name in reports:
        stem = name.removesuffix(".html")
        assert stem.split(".")[0].casefold() not in RESERVED, name
        assert unicodedata.normalize("NFKC", stem) == stem
        assert len(f".{name}.xxxxxxxx.tmp".encode()) <= 255  # its temporary file's name fits any file system
        assert all(ch.isalnum() or ch in "_.-" or unicodedata.category(ch) in ("Mn", "Mc") for ch in stem), name
    # readable: letters of other scripts are kept
    for word in ("Ésai", "ésai", "Ессе", "Эссе", "_CON"):
        assert any(n.startswith(word) for n in reports), word
    # each report names its own file (shown as text: a byte that is not UTF-8 as \xe9)
    shown = sorted(json.loads((out / n).read_text(encoding="utf-8"))["document"]["source"]
                   for n in names if n.endswith(".json"))
    assert shown == sorted([*HOSTILE_NAMES, "sub/essay.txt", "\\xe9ssai.txt"])


any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
relative_names = st.lists(
    st.tuples(any_text, st.sampled_from([".txt", ".md", ".docx", ".TXT"]) | any_text.map(lambda s: "." + s))
    .map("".join).filter(bool),
    min_size=1, max_size=12, unique=True,
)


@settings(max_examples=60, deadline=None)
@given(relative_names)
def test_output_stems_are_unique_and_safe_for_any_names(names: list[str]) -> None:
    stems = output_stems(names)
    assert len({s.casefold() for s in stems.values()}) == len(names)
    for stem in stems.values():
        assert stem and not stem.startswith(".")
        assert all(ch.isalnum() or ch in "_.-" or unicodedata.category(ch) in ("Mn", "Mc") for ch in stem), stem
        assert stem.split(".")[0].casefold() not in RESERVED
    assert output_stems(list(reversed(names))) == stems  # deterministic


@given(st.text(alphabet="ab.", max_size=6), st.text(alphabet="ab.", min_size=1, max_size=4))
def test_temp_owners_agree_with_the_glob_per_name(middle, name):
    """Listing the folder once and reading each file's possible owners finds
    exactly what a glob per output name found: `.NAME.*.tmp`."""
    import fnmatch
    import glob as globbing

    from analyser.output import temp_owners

    file_name = f".{middle}.tmp"
    assert (name in temp_owners(file_name)) == fnmatch.fnmatchcase(file_name, f".{globbing.escape(name)}.*.tmp")
