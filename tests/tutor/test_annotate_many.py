"""A commented copy stays readable and cheap however many comments the
analysis has: at most MAX_COMMENTS, the rest counted in one comment on the
title, and each comment's paragraph found by one binary search."""

from __future__ import annotations

import io

import docx
import pytest
from click.testing import CliRunner

from analyser import annotate
from analyser.annotate import Note, capped, paragraph_holding
from analyser.cli import main
from analyser.ingest import ingest_bytes

from .docx_fixtures import comment_ranges

SPANS = [(0, 10), (12, 20), (22, 30)]  # three paragraphs' text in the document text, a blank line between


@pytest.mark.parametrize(("start", "end", "expected"), [
    (0, 10, 0),  # the whole first paragraph
    (12, 15, 1),
    (29, 30, 2),
    (9, 13, None),  # across two paragraphs
    (10, 11, None),  # the blank line between
    (31, 32, None),  # past the last
])
def test_paragraph_holding(start, end, expected):
    assert paragraph_holding(SPANS, start, end) == expected


def essay_docx(paragraphs: int) -> bytes:
    document = docx.Document()
    document.add_heading("Partnership working", level=1)
    for i in range(paragraphs):
        document.add_paragraph(f"Trust between the partners grew in year {i + 1}.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_past_the_cap_the_rest_is_one_comment_on_the_title(analyser, monkeypatch):
    monkeypatch.setattr(annotate, "MAX_COMMENTS", 3)
    data = essay_docx(5)
    analysis = analyser.analyse_document(ingest_bytes(data, "essay.docx", "docx"))
    notes = annotate.feedback_notes(analysis, "concepts")  # "Trust" in each paragraph, the essay's findings
    assert sum(n.text.startswith("Trust: discussed") for n in notes) == 5
    kept, left_out = capped(notes, analysis)
    assert left_out == len(notes) - 2
    title = Note(0, len("Partnership working"),
                 f"{left_out} more comments were left out: a copy holds at most 3. The HTML report "
                 "('analyser analyse') shows them all.")
    assert kept == [title, *notes[:2]]


def test_under_the_cap_nothing_changes(analyser):
    data = essay_docx(2)
    analysis = analyser.analyse_document(ingest_bytes(data, "essay.docx", "docx"))
    notes = annotate.feedback_notes(analysis, "concepts")
    assert capped(notes, analysis) == (notes, 0)


def test_annotate_says_how_many_were_left_out(tmp_path, monkeypatch, analyser):
    monkeypatch.setattr(annotate, "MAX_COMMENTS", 3)
    source = tmp_path / "essay.docx"
    source.write_bytes(essay_docx(5))
    analysis = analyser.analyse_document(ingest_bytes(source.read_bytes(), "essay.docx", "docx"))
    wanted = len(annotate.feedback_notes(analysis, "concepts"))
    result = CliRunner().invoke(main, ["annotate", str(source), "--out", str(tmp_path / "out"), "--show", "concepts"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        f"{source}: 3 comments; {wanted - 2} more left out, at most 3 in a copy: the report has them")
    copy = (tmp_path / "out" / "essay.annotated.docx").read_bytes()
    assert len(docx.Document(io.BytesIO(copy)).comments) == 3
    assert len(comment_ranges(copy)) == 3
