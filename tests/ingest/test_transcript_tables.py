"""Transcripts kept as tables, one turn a row ("Speaker | Text" or "Speaker |
Time | Text"), as transcription services and research templates give them
in Word and LibreOffice: each row is read as a turn with its speaker and
time. A table of terms, or of people and their roles, names each once and
stays a table. The documents are written here."""

from __future__ import annotations

import docx
import pytest
from odf.opendocument import OpenDocumentText
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import P

from analyser.ingest import ingest
from analyser.ingest.transcript import table_turns
from analyser.meetings import detect_kind

TIMED = [("Speaker", "Time", "Text"),
         ("Morag Kennedy", "0:03", "ok i think we're recording now"),
         ("Alasdair Baird", "[0:11]", "yeah we can see it"),
         ("Morag Kennedy", "0:15", "we never agreed what this group is for")]
INTERVIEW = [("Interviewer", "So how did the partnership go?"),
             ("Participant 3", "Badly. We never trusted the council."),
             ("Interviewer", "Why not?")]
GLOSSARY = [("Trust", "The belief that partners will act in good faith"),
            ("Power", "Control over resources and decisions"),
            ("Vision", "A shared aim for the partnership")]
ROLES = [("Name", "Role"), ("Ann Smith", "Chair"), ("Bob Jones", "Treasurer"), ("Cara Li", "Secretary")]


@pytest.mark.parametrize("rows, expected", [
    (TIMED, [None, "Morag Kennedy [0:03]: ok i think we're recording now", "Alasdair Baird [0:11]: yeah we can see it",
             "Morag Kennedy [0:15]: we never agreed what this group is for"]),
    (INTERVIEW, ["Interviewer: So how did the partnership go?", "Participant 3: Badly. We never trusted the council.",
                 "Interviewer: Why not?"]),
    (GLOSSARY, None),     # each term once: not talk
    (ROLES, None),        # each person once
    ([("Budget", "10:15", "Finance lead"), ("Welcome", "10:00", "Chair"), ("AOB", "11:00", "All")], None),  # an agenda
    ([("Ann", "Morning."), ("Bob", "Hi."), ("Ann", "")], None),  # a row without words is not a turn: 2 of 3
])
def test_which_tables_are_transcripts(rows, expected):
    assert table_turns(rows) == expected


def _docx(tmp_path, rows):
    document = docx.Document()
    document.add_paragraph("East Locality Planning Group")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    path = tmp_path / "transcript.docx"
    document.save(str(path))
    return ingest(path)


def _odt(tmp_path, rows):
    document = OpenDocumentText()
    document.text.addElement(P(text="East Locality Planning Group"))
    table = Table()
    table.addElement(TableColumn(numbercolumnsrepeated=len(rows[0])))
    for cells in rows:
        row = TableRow()
        for text in cells:
            cell = TableCell()
            cell.addElement(P(text=text))
            row.addElement(cell)
        table.addElement(row)
    document.text.addElement(table)
    path = tmp_path / "transcript.odt"
    document.save(str(path))
    return ingest(path)


@pytest.mark.parametrize("read", [_docx, _odt])
def test_a_transcript_table_is_read_as_turns(tmp_path, read):
    document = read(tmp_path, TIMED)
    turns = [(b.speaker, b.start_time, document.text[b.start : b.end]) for b in document.blocks if b.kind == "turn"]
    assert turns == [("Morag Kennedy", 3.0, "ok i think we're recording now"),
                     ("Alasdair Baird", 11.0, "yeah we can see it"),
                     ("Morag Kennedy", 15.0, "we never agreed what this group is for")]
    assert [document.text[b.start : b.end] for b in document.blocks if b.kind == "table_cell"] == [
        "Speaker", "Time", "Text"]
    assert detect_kind(document) == "meeting_notes"


@pytest.mark.parametrize("read", [_docx, _odt])
def test_an_interview_table_without_times_is_read_as_turns(tmp_path, read):
    document = read(tmp_path, INTERVIEW)
    assert [(b.speaker, document.text[b.start : b.end]) for b in document.blocks if b.kind == "turn"] == [
        ("Interviewer", "So how did the partnership go?"),
        ("Participant 3", "Badly. We never trusted the council."),
        ("Interviewer", "Why not?")]


@pytest.mark.parametrize("read", [_docx, _odt])
@pytest.mark.parametrize("rows", [GLOSSARY, ROLES])
def test_a_table_of_terms_or_roles_stays_a_table(tmp_path, read, rows):
    document = read(tmp_path, rows)
    assert [document.text[b.start : b.end] for b in document.blocks if b.kind == "table_cell"] == [
        text for cells in rows for text in cells]
    assert detect_kind(document) == "essay"
