"""Word .docx: paragraphs, headings, list items and table cells in reading
order; comments and tracked deletions are not text, tracked insertions are."""

from __future__ import annotations

import copy

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from analyser.ingest import ingest


def make_docx(path):
    document = docx.Document()
    document.core_properties.title = "Trust in the hub"
    document.core_properties.author = "A. Student"
    document.add_paragraph("Trust in the hub", style="Title")
    document.add_heading("Introduction", level=1)
    intro = document.add_paragraph("Partners trusted each other")
    _tracked(intro, deleted=" never", inserted=" quickly")
    document.add_paragraph("shared vision", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Power"
    table.cell(0, 1).text = "The council held the budget"
    document.add_paragraph("After the table.")
    document.add_comment(intro.runs, text="Comment text must not appear", author="Tutor")
    document.save(path)


def _tracked(paragraph, deleted: str, inserted: str) -> None:
    """Append a tracked deletion and a tracked insertion to a paragraph."""
    run = paragraph.runs[0]._r
    deletion = OxmlElement("w:del")
    deleted_run = copy.deepcopy(run)
    for t in deleted_run.findall(qn("w:t")):
        deleted_run.remove(t)
    del_text = OxmlElement("w:delText")
    del_text.text = deleted
    del_text.set(qn("xml:space"), "preserve")
    deleted_run.append(del_text)
    deletion.append(deleted_run)
    insertion = OxmlElement("w:ins")
    inserted_run = copy.deepcopy(run)
    inserted_run.find(qn("w:t")).text = inserted
    inserted_run.find(qn("w:t")).set(qn("xml:space"), "preserve")
    insertion.append(inserted_run)
    paragraph._p.append(deletion)
    paragraph._p.append(insertion)


def test_docx_blocks_in_reading_order(tmp_path):
    path = tmp_path / "essay.docx"
    make_docx(path)
    document = ingest(path)
    assert [(b.kind, document.text[b.start : b.end]) for b in document.blocks] == [
        ("heading", "Trust in the hub"),
        ("heading", "Introduction"),
        ("paragraph", "Partners trusted each other quickly"),
        ("list_item", "shared vision"),
        ("table_cell", "Power"),
        ("table_cell", "The council held the budget"),
        ("paragraph", "After the table."),
    ]
    assert "Comment text" not in document.text
    assert "never" not in document.text
    assert document.metadata.title == "Trust in the hub"
    assert document.metadata.author == "A. Student"
    assert document.metadata.format == "docx"


def test_docx_sample_is_analysed(analyser):
    analysis = analyser.analyse_file("corpus/samples/essay_jasmine_integration.docx")
    kinds = {b.kind for b in analysis.document.blocks}
    assert {"heading", "paragraph", "list_item", "table_cell"} <= kinds
    assert analysis.document.metadata.word_count > 1500
    assert {m.concept for m in analysis.mentions} == {"identity_threat", "trust", "vision", "power"}


def test_a_short_bold_or_underlined_line_is_a_heading(tmp_path):
    """Students often type headings as short bold lines in the body style:
    the codebook does not code headings, so they must not be coded."""
    document = docx.Document()
    rows = [
        # (text, bold, underline) -> kind
        ("Power imbalances in the partnership", True, False),
        ("Trust between the agencies", False, True),
        ("The council held the purse strings.", True, False),  # a sentence, though bold
        ("Mistrust between the council and the hospice", False, False),  # a note, not emphasised
    ]
    for text, bold, underline in rows:
        run = document.add_paragraph().add_run(text)
        run.bold, run.underline = bold, underline
    mixed = document.add_paragraph()
    mixed.add_run("Trust").bold = True
    mixed.add_run(" issues with the council")
    path = tmp_path / "essay.docx"
    document.save(path)
    read = ingest(path)
    assert [(b.kind, read.text[b.start : b.end]) for b in read.blocks] == [
        ("heading", "Power imbalances in the partnership"),
        ("heading", "Trust between the agencies"),
        ("paragraph", "The council held the purse strings."),
        ("paragraph", "Mistrust between the council and the hospice"),
        ("paragraph", "Trust issues with the council"),
    ]
