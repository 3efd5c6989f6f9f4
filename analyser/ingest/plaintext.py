"""Plain text and Markdown: the document text is the file's text (line endings
normalised); blocks point at the content of each paragraph, heading, list item
or table cell, without Markdown markers."""

from __future__ import annotations

import re

from analyser.ingest.builder import count_words, first_heading
from analyser.model import Block, Document, Metadata
from analyser.resources import read_word_list

# \s, not [ \t]: a line may hold any other whitespace (form feed, NBSP,
# U+2028...), and a block must never start with whitespace.
_MD_HEADING = re.compile(r"(#{1,6})\s+")
LIST_MARKER = re.compile(r"(?:[-*+•–]|\d{1,3}[.)])\s+")
_TABLE_RULE = re.compile(r"\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*")
_TABLE_CELL = re.compile(r"[^|]+")
# closing punctuation, before any closing quotes or brackets ('He said, "No."')
_HEADING_END = re.compile(r"[.?!:;,…][\"'”’)\]]{0,3}$")
# Markdown front matter: "---", "key: value" lines, "---" at the very start
_FRONT_MATTER = re.compile(r"---[ \t]*\n((?:[^\n]*\n){0,40}?)---[ \t]*(?:\n|$)")
_FRONT_FIELD = re.compile(r"(?m)^(\w+):[ \t]*(.*?)[ \t]*$")
# "JB: ...", "Interviewer: ...", "Participant 3: ..." at the start of a block
_SPEAKER = re.compile(r"([A-Z][\w.'’-]{0,24}(?: [A-Z0-9][\w.'’-]{0,24}){0,2}):[ \t]")


def read_plain_text(text: str, source: str, fmt: str) -> Document:
    front = _FRONT_MATTER.match(text) if fmt == "md" else None
    fields = dict(_FRONT_FIELD.findall(front.group(1))) if front else {}
    blocks = split_blocks(text, markdown=(fmt == "md"), skip=front.end() if front else 0)
    words = sum(count_words(text[b.start : b.end]) for b in blocks)  # without Markdown markers
    metadata = Metadata(source=source, format=fmt, word_count=words)
    metadata.title = fields.get("title", "").strip() or first_heading(text, blocks)
    metadata.author = fields.get("author", "").strip() or None
    return Document(text, blocks, metadata)


def split_blocks(text: str, markdown: bool, skip: int = 0) -> list[Block]:
    """Group lines into blocks. Blank lines end a paragraph; a list item, a
    heading or a table row always starts a new block. The first `skip`
    characters (Markdown front matter) are not part of any block."""
    blocks: list[Block] = []
    para_start = para_end = -1

    def close_paragraph() -> None:
        nonlocal para_start
        if para_start >= 0:
            blocks.append(Block("paragraph", para_start, para_end))
            para_start = -1

    pos = skip
    for line in text[skip:].split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        stripped = line.strip()
        if not stripped:
            close_paragraph()
            continue
        indent = len(line) - len(line.lstrip())
        content_start = line_start + indent
        content_end = line_start + len(line.rstrip())
        body = line[indent:]
        heading = _MD_HEADING.match(body) if markdown else None
        if heading:
            close_paragraph()
            if content_start + heading.end() >= content_end:
                continue  # "#" and spaces only: an empty heading has no text to point at
            blocks.append(
                Block("heading", content_start + heading.end(), content_end, len(heading.group(1)))
            )
            continue
        if markdown and body.startswith("|"):
            close_paragraph()
            if not _TABLE_RULE.fullmatch(body):
                blocks.extend(_table_cells(line, line_start))
            continue
        marker = LIST_MARKER.match(body)
        if marker and content_start + marker.end() < content_end:
            close_paragraph()
            blocks.append(Block("list_item", content_start + marker.end(), content_end))
            continue
        if para_start < 0:
            para_start = content_start
        para_end = content_end
    close_paragraph()
    if not markdown:
        _mark_plain_headings(text, blocks)
    _mark_speakers(text, blocks)
    return blocks


def _mark_speakers(text: str, blocks: list[Block]) -> None:
    """Meeting notes and transcripts: a block that opens with "Name:" records
    its speaker (the block keeps its whole text)."""
    ignored = _not_speakers()
    for block in blocks:
        if block.kind in ("paragraph", "list_item"):
            match = _SPEAKER.match(text, block.start, block.end)
            if match and match.group(1).lower() not in ignored:
                block.speaker = match.group(1)


def _not_speakers() -> frozenset[str]:
    return read_word_list("not_speakers.txt")


def _table_cells(line: str, line_start: int) -> list[Block]:
    cells = []
    for cell in _TABLE_CELL.finditer(line):
        raw = cell.group()
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            start = line_start + cell.start() + lead
            cells.append(Block("table_cell", start, start + len(raw.strip())))
    return cells


def _mark_plain_headings(text: str, blocks: list[Block]) -> None:
    """In plain text a heading is a short single line with no closing punctuation
    that starts with a capital letter or a section number."""
    for index, block in enumerate(blocks):
        content = text[block.start : block.end]
        if block.kind == "paragraph" and looks_like_heading(content, first=index == 0):
            block.kind = "heading"
            block.level = 1 if index == 0 else 2


def looks_like_heading(line: str, first: bool = False) -> bool:
    """A short single line (up to 10 words, 20 for a document's first) that
    opens with a capital or a digit and has no closing punctuation."""
    limit = 20 if first else 10
    # Cheapest tests first (most paragraphs end with a full stop), and at most
    # limit + 1 words split off: a paragraph can be long.
    return (
        "\n" not in line
        and (line[:1].isupper() or line[:1].isdigit())
        and not _HEADING_END.search(line, len(line) - 4)  # only the last characters can match
        and len(line.split(None, limit)) <= limit
    )
