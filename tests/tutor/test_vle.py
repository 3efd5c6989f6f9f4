"""Submissions as a VLE gives them (analyser/vle.py): each VLE's naming, the
zip read under the archive limits, and who handed what in, in the result,
the overview and summary.csv."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import stat
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyser.cli import UNPACKED_FOLDER, main
from analyser.inputs import BatchInput
from analyser.vle import EntryName, attach_submissions, detect_vle, open_submissions_zip, parse_entry

ESSAY = ("Trust and power\n\nThe partnership lacked trust at first, and the council held the power. "
         "Staff felt de-skilled (Huxham and Vangen, 2005). A shared vision came later.\n")


@pytest.mark.parametrize("name, vle, expected", [
    ("Ann Example_1001_assignsubmission_file_essay.docx", "moodle", EntryName("moodle", "1001", "Ann Example")),
    ("Ann Example_1001_assignsubmission_file_/essay.docx", "moodle", EntryName("moodle", "1001", "Ann Example")),
    ("Ann Example_1001_assignsubmission_file_/sub/my_essay_v2.docx", "moodle",
     EntryName("moodle", "1001", "Ann Example")),
    ("Participant_1002_assignsubmission_file_essay.docx", "moodle", EntryName("moodle", "1002", None)),
    ("Siân O'Brien-Ng_77_assignsubmission_onlinetext_onlinetext.html", "moodle",
     EntryName("moodle", "77", "Siân O'Brien-Ng")),
    ("essay.docx", "moodle", None),
    ("Ann_Example_essay.docx", "moodle", None),
    ("Essay 1_aexample_attempt_2024-03-01-12-30-05_Essay final.docx", "blackboard",
     EntryName("blackboard", "aexample", None)),
    ("Essay 1_aexample_attempt_2024-03-01-12-30-05.txt", "blackboard", EntryName("blackboard", "aexample", None)),
    ("Essay 1_aexample_2024-03-01_essay.docx", "blackboard", None),
    ("examplean_340934_208490284_Essay.docx", "canvas", EntryName("canvas", "340934", "examplean")),
    ("examplean_LATE_340934_208490284_Essay-1.docx", "canvas", EntryName("canvas", "340934", "examplean")),
    ("examplean_late_340934_208490284_Essay.docx", "canvas", EntryName("canvas", "340934", "examplean")),
    ("examplean_Essay.docx", "canvas", None),
])
def test_each_vles_naming(name, vle, expected):
    assert parse_entry(name, vle) == expected


def test_a_batch_is_read_as_a_download_only_when_most_names_follow_one_vle():
    assert detect_vle(["a/essay.txt", "notes.md"]) is None
    assert detect_vle(["Ann_1_assignsubmission_file_a.docx", "Bo_2_assignsubmission_file_b.docx"]) == "moodle"
    assert detect_vle(["smithbob_1_2_a.docx", "notes.md", "x.txt"]) is None
    assert detect_vle([]) is None


def test_two_files_of_one_student_are_both_flagged_and_receipts_are_left_out(tmp_path):
    names = ["Essay_ann_attempt_2024-03-01-12-30-05_a.docx", "Essay_ann_attempt_2024-03-01-12-30-05_b.docx",
             "Essay_ann_attempt_2024-03-01-12-30-05.txt", "Essay_bo_attempt_2024-03-02-09-00-00_c.docx"]
    inputs = attach_submissions([BatchInput(tmp_path / n, n, str(i)) for i, n in enumerate(names)])
    assert [i.name for i in inputs] == [names[0], names[1], names[3]]
    assert [(i.submission.identifier, i.submission.files, i.submission.flag) for i in inputs] == [
        ("ann", 2, "one of 2 files handed in by this student"), ("ann", 2, "one of 2 files handed in by this student"),
        ("bo", 1, None)]


def _zip(path: Path, entries: dict[str, bytes], *, links: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return path


def _tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_batch_reads_a_moodle_download_with_hostile_entries(tmp_path):
    download = _zip(tmp_path / "cohort.zip", {
        "Ann Example_1001_assignsubmission_file_/essay.txt": ESSAY.encode(),
        "Ann Example_1001_assignsubmission_file_/late addition.md": ("# Extra\n\n" + ESSAY).encode(),
        "Bo Li_1002_assignsubmission_file_/essay.txt": ESSAY.replace("power", "status").encode(),
        "../../escape_1003_assignsubmission_file_/essay.txt": b"out",
        "/abs_1004_assignsubmission_file_/essay.txt": b"abs",
        "Cy Big_1005_assignsubmission_file_/huge.txt": b"trust " * 2000,
        "__MACOSX/Ann Example_1001_assignsubmission_file_/._essay.txt": b"\x00\x05",
        "Ann Example_1001_assignsubmission_onlinetext_/onlinetext.html": b"<p>hi</p>",
    }, links={"Dee_1006_assignsubmission_file_/essay.txt": "/etc/passwd"})
    before = _tree(tmp_path)
    out = tmp_path / "marked"
    result = CliRunner().invoke(main, ["batch", str(download), "--out", str(out), "--jobs", "1", "--quiet",
                                       "--max-bytes", "5000"])
    assert result.exit_code == 1, result.output
    assert {k: v for k, v in _tree(tmp_path).items() if not k.startswith("marked/")} == before  # zip untouched
    assert not (out / UNPACKED_FOLDER).exists()
    rows = {r["document"]: r for r in csv.DictReader(io.StringIO((out / "summary.csv").read_text()))}
    ann = rows["Ann Example_1001_assignsubmission_file_/essay.txt"]
    assert (ann["student"], ann["identifier"], ann["flag"]) == ("Ann Example", "1001",
                                                                "one of 2 files handed in by this student")
    assert rows["Bo Li_1002_assignsubmission_file_/essay.txt"]["flag"] == ""
    errors = {name: r["error"] for name, r in rows.items() if r["error"]}
    assert errors == {
        "../../escape_1003_assignsubmission_file_/essay.txt": "has a path that leads out of the zip; not read",
        "/abs_1004_assignsubmission_file_/essay.txt": "has a path that leads out of the zip; not read",
        "Cy Big_1005_assignsubmission_file_/huge.txt": "is over the limit of 5,000 bytes (--max-bytes); not expanded",
        "Dee_1006_assignsubmission_file_/essay.txt": "is a symbolic link inside the zip; not read",
    }
    data = json.loads((out / f"{ann['json']}").read_text())
    assert data["schema_version"] == "1.6"
    assert data["document"]["submission"] == {"vle": "moodle", "identifier": "1001", "student": "Ann Example",
                                              "files": 2, "flag": "one of 2 files handed in by this student"}
    index = (out / "index.html").read_text()
    assert "Ann Example (1001)" in index and "one of 2 files handed in by this student" in index
    for path in out.rglob("*"):
        assert out in path.resolve().parents
    assert "cohort.zip/Cy Big_1005_assignsubmission_file_/huge.txt: is over the limit" in result.stderr


def test_a_zip_bomb_of_submissions_is_refused_before_expanding(tmp_path):
    download = _zip(tmp_path / "bomb.zip", {"Ann_1_assignsubmission_file_essay.txt": b"\0" * (3 * 1024 * 1024)})
    result = CliRunner().invoke(main, ["batch", str(download), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 1
    assert "looks like a zip bomb" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out" / UNPACKED_FOLDER).exists() or not any((tmp_path / "out" / UNPACKED_FOLDER).iterdir())


def test_a_damaged_zip_is_one_line(tmp_path):
    bad = tmp_path / "cohort.zip"
    bad.write_bytes(b"PK\x03\x04 not really")
    result = CliRunner().invoke(main, ["batch", str(bad), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {bad}: is not a readable zip file: the archive is damaged or truncated"


def test_a_zip_must_be_the_only_input(tmp_path):
    download = _zip(tmp_path / "cohort.zip", {"Ann_1_assignsubmission_file_essay.txt": ESSAY.encode()})
    result = CliRunner().invoke(main, ["batch", str(download), str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "must be the only input" in result.stderr


def test_an_unpacked_canvas_folder_names_its_students(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "examplean_340934_208490284_Essay.txt").write_text(ESSAY)
    (folder / "libo_LATE_340935_208490285_essay.txt").write_text(ESSAY)
    result = CliRunner().invoke(main, ["batch", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1", "-q"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out" / "summary.csv").read_text())))
    assert [(r["student"], r["identifier"]) for r in rows] == [("examplean", "340934"), ("libo", "340935")]


def test_entries_are_expanded_under_generated_names_only(tmp_path):
    download = _zip(tmp_path / "c.zip", {"C:\\A_1_assignsubmission_file_x.txt": ESSAY.encode(),
                                         "A_1_assignsubmission_file_/ok.txt": ESSAY.encode()})
    inputs = open_submissions_zip(download, tmp_path / "work", 10_000)
    assert sorted(p.name for p in (tmp_path / "work").iterdir()) == ["00002.txt"]  # the C: entry is never expanded
    assert {i.name: i.problem for i in inputs} == {
        "C:\\A_1_assignsubmission_file_x.txt": "has a path that leads out of the zip; not read",
        "A_1_assignsubmission_file_/ok.txt": None}


def test_an_entry_that_appears_twice_is_listed_not_read(tmp_path):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name it is asked to write
        download = _zip(tmp_path / "c.zip", {"A_1_assignsubmission_file_x.txt": ESSAY.encode()})
        with zipfile.ZipFile(download, "a") as archive:
            archive.writestr("A_1_assignsubmission_file_x.txt", b"a second copy")
    inputs = open_submissions_zip(download, tmp_path / "work", 10_000)
    assert [(i.name, i.problem) for i in inputs] == [
        ("A_1_assignsubmission_file_x.txt",
         "appears twice in the zip, with no way to tell which is the submission; neither is read")]
