"""The Moodle grading worksheet (analyser/worksheet.py): the feedback column
filled by identifier, the grade and every other cell untouched, the encoding,
delimiter and line endings kept."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyser.cli import UNPACKED_FOLDER, main
from analyser.errors import InputError
from analyser.worksheet import (
    COLUMNS,
    Worksheet,
    fill_worksheet,
    identifier_key,
    new_worksheet,
    read_worksheet,
    student_feedback,
    worksheet_bytes,
)

ESSAY = ("Trust and power\n\nThe partnership lacked trust at first, and the council held the power. "
         "Staff felt de-skilled (Huxam and Vangen, 2005).\n\nReferences\n\n"
         "Huxham, C. and Vangen, S. (2005) Managing to collaborate. Abingdon: Routledge.\n")
HEADER = ["Identifier", "Full name", "Email address", "Status", "Grade", "Maximum grade", "Grade can be changed",
          "Last modified (submission)", "Last modified (grade)", "Feedback comments"]


def _sheet(rows: list[list[str]], *, encoding: str = "utf-8", newline: str = "\r\n", delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerows([HEADER, *rows])
    return buffer.getvalue().encode(encoding)


ROWS = [
    ["Participant 1001", "Zoë Ñúñez", "zoe@example.ac.uk", "Submitted for grading", "67.00", "100.00", "Yes",
     "Friday, 1 March 2024, 10:00 AM", "-", ""],
    ["Participant 1002", "Bo Li", "bo@example.ac.uk", "Submitted for grading", "", "100.00", "Yes",
     "Friday, 1 March 2024, 11:00 AM", "-", "Already marked by hand; see me."],
    ["Participant 1003", "Cy Nobody", "cy@example.ac.uk", "No submission", "=1+1", "100.00", "Yes", "-", "-", ""],
]


@pytest.mark.parametrize("encoding, newline, delimiter", [
    ("utf-8", "\r\n", ","), ("utf-8-sig", "\n", ","), ("cp1252", "\r\n", ";"),
])
def test_filling_keeps_everything_but_the_empty_feedback_cells(tmp_path, encoding, newline, delimiter):
    path = tmp_path / "Grades.csv"
    original = _sheet(ROWS, encoding=encoding, newline=newline, delimiter=delimiter)
    path.write_bytes(original)
    sheet = read_worksheet(path)
    assert (sheet.encoding, sheet.newline, sheet.delimiter) == (encoding, newline, delimiter)
    filled = fill_worksheet(sheet, {"1001": "Concepts discussed: Trust (2).", "1002": "x", "9999": "y"})
    assert (filled.filled, filled.kept, filled.unmatched) == (1, 1, ["9999"])
    data = worksheet_bytes(filled.sheet)
    if encoding == "utf-8-sig":
        assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode(encoding)
    assert newline in text and (newline == "\r\n" or "\r\n" not in text)
    table = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert table[0] == HEADER
    expected = [list(r) for r in ROWS]
    expected[0][-1] = "Concepts discussed: Trust (2)."
    assert table[1:] == expected  # grades ("67.00", "", "=1+1") and the tutor's own comment untouched
    assert path.read_bytes() == original


@pytest.mark.parametrize("value, key", [
    ("Participant 1001", "1001"), ("1001", "1001"), ("AExample", "aexample"), (" Participant 1001 ", "1001"),
    ("Participant 12a", "participant 12a"), ("Participant ", "participant"),
])
def test_identifiers_match_the_zip(value, key):
    assert identifier_key(value) == key


@pytest.mark.parametrize("content, problem", [
    (b"", "is empty"),
    (b"Identifiant,Note,Commentaires\n", "has no 'Identifier' column"),
    (b"Identifier,Grade\nParticipant 1,5\n", "has no 'Feedback comments' column"),
])
def test_what_is_not_a_worksheet_is_one_line(tmp_path, content, problem):
    path = tmp_path / "w.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_worksheet(path)
    assert problem in str(caught.value) and "\n" not in str(caught.value)


def test_a_new_worksheet_has_moodles_columns_and_a_row_per_student():
    rows = [{"document": "a", "identifier": "1001", "student": "Ann", "feedback": "f1"},
            {"document": "b", "identifier": "1001", "student": "Ann", "feedback": "f2"},
            {"document": "c", "identifier": "aexample", "student": None, "feedback": "f3"},
            {"document": "d", "error": "bad"}]
    sheet = new_worksheet(rows)
    assert sheet.header == list(COLUMNS)
    assert [(r[0], r[1]) for r in sheet.rows] == [("Participant 1001", "Ann"), ("aexample", "")]
    feedback = student_feedback(rows)
    assert feedback == {"1001": "a:\nf1\n\nb:\nf2", "aexample": "f3"}
    filled = fill_worksheet(sheet, feedback)
    assert [r[-1] for r in filled.sheet.rows] == ["a:\nf1\n\nb:\nf2", "f3"]
    assert isinstance(filled.sheet, Worksheet)


def _download(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Zoë Ñúñez_1001_assignsubmission_file_/essay.txt", ESSAY)
        archive.writestr("Bo Li_1002_assignsubmission_file_/essay.txt", ESSAY)
    return path


def test_batch_fills_the_tutors_worksheet(tmp_path):
    given = tmp_path / "Grades-Essay.csv"
    original = _sheet(ROWS)
    given.write_bytes(original)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(_download(tmp_path / "c.zip")), "--out", str(out), "-j", "1",
                                       "--worksheet", str(given)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out / 'Grades-Essay.csv'} (1 feedback comments filled; 1 kept as the tutor wrote them)" \
        in result.output
    assert given.read_bytes() == original
    table = list(csv.reader(io.StringIO((out / "Grades-Essay.csv").read_bytes().decode("utf-8"), newline="")))
    feedback = table[1][-1]
    assert feedback.startswith("Concepts discussed: ") and "Referencing: 1 problem to fix" in feedback
    assert table[1][:-1] == ROWS[0][:-1] and table[2] == ROWS[1] and table[3] == ROWS[2]


def test_batch_of_a_download_writes_a_worksheet_without_one(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(_download(tmp_path / "c.zip")), "--out", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    table = list(csv.reader(io.StringIO((out / "worksheet.csv").read_text(encoding="utf-8"), newline="")))
    assert table[0] == list(COLUMNS)
    assert [(r[0], r[1], r[4]) for r in table[1:]] == [("Participant 1001", "Zoë Ñúñez", ""),
                                                       ("Participant 1002", "Bo Li", "")]
    assert all(r[-1].startswith("Concepts discussed: ") for r in table[1:])


def test_a_bad_worksheet_stops_the_batch_before_it_starts(tmp_path):
    given = tmp_path / "w.csv"
    given.write_bytes(b"Name,Mark\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(_download(tmp_path / "c.zip")), "--out", str(out),
                                       "--worksheet", str(given)])
    assert result.exit_code == 1 and "has no 'Identifier' column" in result.stderr
    assert not (out / "index.html").exists() and not (out / UNPACKED_FOLDER).exists()


def test_the_worksheet_given_is_never_overwritten(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    given = out / "Grades.csv"
    given.write_bytes(_sheet(ROWS))
    before = given.read_bytes()
    result = CliRunner().invoke(main, ["batch", str(_download(tmp_path / "c.zip")), "--out", str(out), "-j", "1",
                                       "-q", "--worksheet", str(given)])
    assert result.exit_code == 1 and "refusing to overwrite the worksheet given" in result.stderr
    assert given.read_bytes() == before
