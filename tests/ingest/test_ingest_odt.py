"""OpenDocument .odt through odfpy."""

from __future__ import annotations

from odf import dc, meta
from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, List, ListItem, P, Span

from analyser.ingest import ingest


def test_odt_blocks_and_metadata(tmp_path):
    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text="Power in partnerships"))
    document.meta.addElement(meta.InitialCreator(text="B. Student"))
    document.text.addElement(H(outlinelevel=1, text="Power in partnerships"))
    para = P(text="The council held ")
    para.addElement(Span(text="the budget."))
    document.text.addElement(para)
    items = List()
    item = ListItem()
    item.addElement(P(text="no shared vision"))
    items.addElement(item)
    document.text.addElement(items)
    table = Table()
    table.addElement(TableColumn())
    row = TableRow()
    cell = TableCell()
    cell.addElement(P(text="Trust"))
    row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    path = tmp_path / "essay.odt"
    document.save(str(path))

    result = ingest(path)
    assert [(b.kind, result.text[b.start : b.end]) for b in result.blocks] == [
        ("heading", "Power in partnerships"),
        ("paragraph", "The council held the budget."),
        ("list_item", "no shared vision"),
        ("table_cell", "Trust"),
    ]
    assert result.metadata.title == "Power in partnerships"
    assert result.metadata.author == "B. Student"


def test_a_short_bold_or_underlined_line_is_a_heading(tmp_path):
    """As in a .docx: a short line typed in bold or underlined in the body
    style is a heading, which the codebook does not code."""
    document = OpenDocumentText()
    bold = Style(name="Bold", family="paragraph")
    bold.addElement(TextProperties(fontweight="bold"))
    underlined = Style(name="Under", family="text")
    underlined.addElement(TextProperties(textunderlinestyle="solid"))
    document.automaticstyles.addElement(bold)
    document.automaticstyles.addElement(underlined)
    document.text.addElement(P(stylename=bold, text="Power imbalances in the partnership"))
    span_only = P()
    span_only.addElement(Span(stylename=underlined, text="Trust between the agencies"))
    document.text.addElement(span_only)
    document.text.addElement(P(stylename=bold, text="The council held the purse strings."))
    mixed = P(text="Mistrust ")
    mixed.addElement(Span(stylename=underlined, text="between the council and the hospice"))
    document.text.addElement(mixed)
    path = tmp_path / "essay.odt"
    document.save(str(path))
    result = ingest(path)
    assert [(b.kind, result.text[b.start : b.end]) for b in result.blocks] == [
        ("heading", "Power imbalances in the partnership"),
        ("heading", "Trust between the agencies"),
        ("paragraph", "The council held the purse strings."),
        ("paragraph", "Mistrust between the council and the hospice"),
    ]
