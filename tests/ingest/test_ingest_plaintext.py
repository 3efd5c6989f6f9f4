"""Plain text and Markdown: the document text is the file's text with line
endings normalised, and blocks point at their content."""

from __future__ import annotations

import codecs

import pytest

from analyser.ingest import ingest, ingest_text


def blocks(document):
    return [(b.kind, document.text[b.start : b.end], b.level) for b in document.blocks]


def test_markdown_blocks_and_offsets():
    text = (
        "# Partnership essay\n\n"
        "First paragraph line one\nline two.\n\n"
        "## Section\n\n"
        "- first item\n"
        "* second item\n"
        "1. numbered item\n\n"
        "| Concept | Evidence |\n"
        "| --- | --- |\n"
        "| Trust | Kept promises |\n"
    )
    document = ingest_text(text, "essay.md", "md")
    assert document.text == text
    assert blocks(document) == [
        ("heading", "Partnership essay", 1),
        ("paragraph", "First paragraph line one\nline two.", 0),
        ("heading", "Section", 2),
        ("list_item", "first item", 0),
        ("list_item", "second item", 0),
        ("list_item", "numbered item", 0),
        ("table_cell", "Concept", 0),
        ("table_cell", "Evidence", 0),
        ("table_cell", "Trust", 0),
        ("table_cell", "Kept promises", 0),
    ]
    assert document.metadata.title == "Partnership essay"
    assert document.metadata.word_count == 20  # block contents, without Markdown markers


def test_plain_text_headings_are_short_lines_without_closing_punctuation():
    text = "Trust in partnerships\n\nThis is a paragraph. It ends here.\n\nReferences\n\nLind, K. (2013) Teams.\n"
    document = ingest_text(text, "essay.txt", "txt")
    assert blocks(document) == [
        ("heading", "Trust in partnerships", 1),
        ("paragraph", "This is a paragraph. It ends here.", 0),
        ("heading", "References", 2),
        ("paragraph", "Lind, K. (2013) Teams.", 0),
    ]


@pytest.mark.parametrize("line, kind", [
    # a short line whose full stop sits inside a quotation or a bracket still ends a sentence
    ('Jen said afterwards, "Thanks for not trusting us."', "paragraph"),
    ("She stopped coming to meetings (we never asked why.)", "paragraph"),
    ("Nobody asked the nurses?’", "paragraph"),
    # a title that closes with a quoted word has no closing punctuation
    ('Reflections on "trust"', "heading"),
])
def test_a_short_line_ending_inside_quotes_is_not_a_heading(line, kind):
    document = ingest_text(f"Placement diary\n\n{line}\n\nMore followed.\n", "diary.txt", "txt")
    assert blocks(document)[1] == (kind, line, 2 if kind == "heading" else 0)


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"Trust grew.\r\nVision too.\r\n", "Trust grew.\nVision too.\n"),
        (b"Old Mac\rline\n", "Old Mac\nline\n"),
        (codecs.BOM_UTF8 + "naïve trust".encode(), "naïve trust"),
        (codecs.BOM_UTF16_LE + "naïve “trust”".encode("utf-16-le"), "naïve “trust”"),
        (codecs.BOM_UTF16_BE + "naïve “trust”".encode("utf-16-be"), "naïve “trust”"),
        ("Word’s “smart quotes” and naïve café – done.".encode("cp1252"),
         "Word’s “smart quotes” and naïve café – done."),
    ],
    ids=["crlf", "cr", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1252"],
)
def test_decoding(tmp_path, raw, expected):
    path = tmp_path / "essay.txt"
    path.write_bytes(raw)
    assert ingest(path).text == expected


def test_offsets_can_be_checked_against_the_file(tmp_path):
    content = "Title\n\nPartners trusted each other.\n"
    path = tmp_path / "notes.txt"
    path.write_text(content, encoding="utf-8")
    document = ingest(path)
    para = document.blocks[1]
    assert content[para.start : para.end] == "Partners trusted each other."


def test_meeting_note_speakers():
    """Two named turns hold over a third of the text: they become turns (the
    label outside the block); "Agreed:" is not a speaker; a list item keeps its
    speaker mark. (Essays with one label: tests/ingest/test_transcripts.py.)"""
    text = "JB: Trust is low.\n\nAgreed: review in May.\n\nParticipant 3: We had no say.\n\n- SA: Action for Shirley\n"
    document = ingest_text(text, "notes.txt", "txt")
    assert [(b.kind, document.text[b.start : b.end], b.speaker) for b in document.blocks] == [
        ("turn", "Trust is low.", "JB"),
        ("paragraph", "Agreed: review in May.", None),
        ("turn", "We had no say.", "Participant 3"),
        ("list_item", "SA: Action for Shirley", "SA"),
    ]


def test_markdown_front_matter_gives_title_and_author_and_no_block():
    text = "---\ntitle: Trust: a draft\nauthor: A. Student\n---\n\n# Introduction\n\nBody text.\n"
    document = ingest_text(text, "draft.md", "md")
    assert (document.metadata.title, document.metadata.author) == ("Trust: a draft", "A. Student")
    assert [document.text[b.start : b.end] for b in document.blocks] == ["Introduction", "Body text."]
    assert document.metadata.word_count == 3


def test_a_long_first_line_without_a_full_stop_is_the_title():
    text = "Holding the purse strings: power and shared vision in a council-led carers' partnership\n\nBody.\n"
    document = ingest_text(text, "essay.txt", "txt")
    assert document.blocks[0].kind == "heading"
    assert document.metadata.title.startswith("Holding the purse strings")
