"""PDF through pypdf: running headers and footers dropped (and recorded),
words hyphenated across line ends rejoined, paragraphs rebuilt."""

from __future__ import annotations

from fpdf import FPDF

from analyser.ingest import ingest


class Essay(FPDF):
    def header(self):
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, "Partnership essay: draft", new_x="LMARGIN", new_y="NEXT")

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")


def make_pdf(path, paragraphs):
    pdf = Essay(format="A4")
    pdf.set_title("A draft")
    pdf.set_author("C. Student")
    pdf.set_font("Helvetica", size=11)
    for page in paragraphs:
        pdf.add_page()
        for text in page:
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
    pdf.output(str(path))


def test_headers_footers_dropped_and_hyphens_rejoined(tmp_path):
    path = tmp_path / "draft.pdf"
    make_pdf(
        path,
        [
            ["Introduction", "The partners agreed that the power imbal-\nance was the main problem."],
            ["Their self-\nesteem suffered when roles changed."],
        ],
    )
    document = ingest(path)
    texts = [document.text[b.start : b.end] for b in document.blocks]
    assert texts == [
        "Introduction",
        "The partners agreed that the power imbalance was the main problem.",
        "Their self-esteem suffered when roles changed.",
    ]
    assert document.blocks[0].kind == "heading"
    assert [b.page for b in document.blocks] == [1, 1, 2]
    dropped = {(d.text, d.reason, d.page) for d in document.dropped}
    assert ("Page 1 of 2", "page number", 1) in dropped
    assert ("Page 2 of 2", "page number", 2) in dropped
    assert ("Partnership essay: draft", "running header or footer", 2) in dropped
    assert ("imbal-|ance", "hyphen at line end", 1) in dropped
    assert document.metadata.title == "A draft"
    assert document.metadata.author == "C. Student"
    assert document.metadata.pages == 2


def test_pdf_sample_loses_no_body_text(analyser):
    analysis = analyser.analyse_file("corpus/samples/essay_sheraz_safeguarding.pdf")
    text = analysis.document.text
    assert "Page 1 of" not in text
    assert "Psychological safety" in [text[b.start : b.end] for b in analysis.document.blocks if b.kind == "heading"]
    assert analysis.document.metadata.pages == 5


def test_a_timestamped_log_keeps_an_entry_a_paragraph(tmp_path):
    """Entries as long as the page is wide would otherwise read as one
    paragraph, and as one sentence where they lack full stops."""
    entries = [
        "10:02 welcome and apologies from the council lead, the hospice manager and the GP federation",
        "10:05 budget update from the ICB finance lead, who says the ICB still holds the purse strings",
        "10:12 agreed to draft a statement of what the partnership is for before the next meeting",
    ]
    path = tmp_path / "log.pdf"
    make_pdf(path, [["Partnership board notes", "\n".join(entries)]])
    document = ingest(path)
    assert [document.text[b.start : b.end] for b in document.blocks][-4:] == ["Partnership board notes", *entries]
