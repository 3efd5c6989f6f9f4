"""Nothing lost, nothing escapes, for a single document: output names derived
from input names stay inside the output folder, writes are atomic, inputs are
never modified or overwritten. (The batch guarantees — interrupted runs,
output folder inside the input folder — are tested with the batch command.)"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyser import output
from analyser.output import safe_stem, write_atomic

from . import fixtures

RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}

HOSTILE_NAMES = [
    "../../etc/passwd", "/etc/passwd", "..", ".", "", "-", "....", "../", "a/../../b.txt",
    "..\\..\\windows\\system32\\config.docx", "C:\\Users\\x\\essay.docx", "\\\\server\\share\\e.pdf",
    "CON", "con.txt", "con.tar.gz", "NUL.docx", "com1.pdf", "LPT9.md", "aux.",
    "essay\x00.txt", "new\nline.txt", "\x1b[31mred.txt", "\u202eevil\u202dtxt.exe", " .hidden", "...dots...",
    "x" * 500 + ".txt", "Zoë's essay (final).docx", "名前.txt", "😀.pdf",
]


def _check(stem: str, tmp_path: Path) -> None:
    assert stem and len(stem.encode("utf-8")) <= 120
    assert "/" not in stem and "\\" not in stem and "\x00" not in stem
    assert stem not in (".", "..") and not stem.startswith(".")
    assert stem.split(".")[0].lower() not in RESERVED
    # letters and digits of any script (NFKC, so one name is written one way), "_", ".", "-", and
    # combining marks after a letter: no separator, control, bidi or format character, no symbol
    assert unicodedata.normalize("NFKC", stem) == stem
    assert all(ch.isalnum() or ch in "._-" or unicodedata.category(ch) in ("Mn", "Mc") for ch in stem)
    target = (tmp_path / f"{stem}.json").resolve()
    assert target.parent == tmp_path.resolve()


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_names_stay_inside(name: str, tmp_path: Path) -> None:
    _check(safe_stem(name), tmp_path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_name_stays_inside(tmp_path: Path, name: str) -> None:
    _check(safe_stem(name), tmp_path)


def test_write_atomic_leaves_old_file_or_new_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure between writing and renaming leaves the old report untouched
    and no temporary file behind."""
    target = tmp_path / "essay.json"
    target.write_text("old report")

    def fail(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "replace", fail)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new report " * 1000)
    assert target.read_text() == "old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["essay.json"]


def test_write_atomic_replaces(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "essay.json"
    write_atomic(target, "one")
    write_atomic(target, "two")
    assert target.read_text() == "two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["essay.json"]


def _fingerprint(path: Path) -> tuple[str, int, int]:
    info = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), info.st_mtime_ns, info.st_mode


@pytest.mark.parametrize("name,build", [
    ("essay.txt", lambda: fixtures.ESSAY.encode()),
    ("essay.docx", fixtures.docx_essay),
    ("essay.odt", fixtures.odt_essay),
    ("essay.pdf", fixtures.pdf_bytes),
    ("bomb.docx", fixtures.zip_bomb_ratio),
])
def test_input_never_modified(name: str, build, tmp_path: Path, run_cli) -> None:
    path = tmp_path / name
    path.write_bytes(build())
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = _fingerprint(path)
    run_cli("analyse", path, "--format", "json", "--out", tmp_path / "out")
    assert _fingerprint(path) == before


def test_refuses_to_overwrite_its_input(tmp_path: Path, run_cli) -> None:
    """A .json input analysed into its own folder would be replaced by its result."""
    path = tmp_path / "essay.json"
    path.write_text(fixtures.ESSAY)
    before = _fingerprint(path)
    result = run_cli("analyse", path, "--format", "json", "--out", tmp_path)
    assert result.exit_code == 1
    assert result.error_lines == [f"error: {path}: refusing to overwrite the input file"]
    assert _fingerprint(path) == before


@pytest.mark.parametrize("name, stem", [
    ("Ésai.docx", "Ésai"), ("Ессе.docx", "Ессе"), ("हिन्दी.txt", "हिन्दी"), ("名前.txt", "名前"),
    ("Zoë's essay (final).docx", "Zoë_s_essay_final"), ("ＣＯＮ.txt", "_CON"), ("COM¹.pdf", "_COM1"),
    ("a／..／b.txt", "a_.._b"), ("\u202eevil\u202dtxt.exe", "evil_txt"), ("😀.pdf", "document"),
])
def test_names_in_other_scripts_stay_readable_and_look_alikes_are_caught(name: str, stem: str) -> None:
    """Letters of any script are kept, so "Ésai.docx" and "Ессе.docx" get two
    readable reports instead of one "document"; full-width and superscript
    look-alikes are normalised before the reserved-name check sees them."""
    assert safe_stem(name) == stem


def test_hostile_file_name_writes_inside_the_output_folder(tmp_path: Path, run_cli) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "..con.txt"
    path.write_text(fixtures.ESSAY)
    out = tmp_path / "out"
    result = run_cli("analyse", path, "--format", "json", "--out", out)
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in out.iterdir()] == ["_con.json"]


def test_a_file_name_that_is_not_utf8_is_analysed(tmp_path: Path, run_cli) -> None:
    """Latin-1 bytes in a name (old zip tools write them) are shown as \\xe9:
    the name could not be written to the report or the JSON before, and the
    command stopped with a traceback."""
    path = tmp_path / os.fsdecode(b"\xe9ssai.txt")
    path.write_text(fixtures.ESSAY)
    out = tmp_path / "out"
    result = run_cli("analyse", path, "--format", "all", "--out", out)
    assert result.exit_code == 0 and result.exception is None, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["ssai.html", "ssai.json"]
    source = json.loads((out / "ssai.json").read_text(encoding="utf-8"))["document"]["source"]
    assert source == str(tmp_path / "\\xe9ssai.txt")
