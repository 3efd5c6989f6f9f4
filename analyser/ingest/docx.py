"""Word .docx: body paragraphs, headings (by style, or a short line typed in
bold or underlined), list items and table cells in reading order. Comments
live in another part of the package and are never read; tracked deletions
are stored as ``w:delText`` and so are skipped, while tracked insertions
(``w:ins``) are kept."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import docx
from docx.oxml.ns import qn
from lxml.etree import XMLSyntaxError

from analyser.errors import InputError
from analyser.ingest.archive import check_archive
from analyser.ingest.builder import DocumentBuilder
from analyser.ingest.plaintext import looks_like_heading
from analyser.ingest.transcript import could_hold_turns, table_blocks
from analyser.model import BlockKind, Document

_TEXT, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_P, _TBL, _TR, _TC, _SDT = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt")
_NUMPR, _PSTYLE, _VAL = qn("w:numPr"), qn("w:pStyle"), qn("w:val")
_RUN, _RPR, _BOLD, _UNDERLINE = qn("w:r"), qn("w:rPr"), qn("w:b"), qn("w:u")
_OFF = frozenset({"0", "false", "none"})
_BYTES_IO = re.compile(r"file '<_io\.BytesIO object at 0x[0-9a-f]+>' ")


def read_docx(data: bytes, source: str) -> Document:
    """The archive is checked first (zip bomb limits, no XML entities: see
    archive.py); python-docx then parses with entity resolution off."""
    check_archive(data, source, "docx")
    try:
        package = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises several types for a bad package
        if isinstance(exc, XMLSyntaxError) and (problem := lxml_limit(exc)):
            raise InputError(source, problem) from None
        if "macroEnabled" in str(exc):
            raise InputError(source, "is a macro-enabled Word document (.docm); save it as .docx") from None
        if "template.main" in str(exc):
            raise InputError(source, "is a Word template (.dotx); save it as a .docx document") from None
        raise InputError(source, f"is not a readable .docx file ({_reason(exc)})") from None
    builder = DocumentBuilder(source, "docx")
    try:  # styles and properties are parsed only now, when first read
        styles = {s.style_id: (s.name or "") for s in package.styles}
        for kind, text, level in _blocks(package.element.body, styles):
            builder.add(kind, text, level)
        props = package.core_properties
        title, author = props.title, props.author
    except XMLSyntaxError as exc:
        raise InputError(source, lxml_limit(exc) or f"is not a readable .docx file ({_reason(exc)})") from None
    if not builder.block_count:
        raise InputError(source, "contains no text to analyse (only images, drawings or empty paragraphs?)")
    builder.metadata.title = (title or "").strip() or None
    builder.metadata.author = (author or "").strip() or None
    return builder.build()


# lxml refuses XML past its resource limits (python-docx parses without
# XML_PARSE_HUGE); each limit gets a line in our words instead of libxml2's.
_LXML_LIMITS = (
    ("Excessive depth", "is nested too deeply to read as .docx (XML elements over 256 levels deep, "
                        "e.g. tables inside tables); refused"),
    ("Text node too long", "has over 10,000,000 characters of text in one XML element, over lxml's limit; refused"),
    ("huge text node", "has over 10,000,000 characters of text in one XML element, over lxml's limit; refused"),
    ("Buffer size limit", "has a single XML value (an attribute or text) over lxml's limit of 10,000,000 "
                          "characters; refused"),
    ("AttValue length too long", "has an XML attribute over lxml's limit of 10,000,000 characters; refused"),
    ("Name too long", "has an XML element or attribute name over lxml's length limit; refused"),
    ("Huge input lookup", "has XML too large for lxml to read; refused"),
    ("Memory allocation failed", "is too large to read as .docx in memory"),
)


def lxml_limit(exc: Exception) -> str | None:
    """Our one-line refusal for an lxml resource limit, or None for other errors."""
    message = str(exc)
    return next((problem for marker, problem in _LXML_LIMITS if marker in message), None)


def _reason(exc: Exception) -> str:
    """What python-docx said, short and without its in-memory file's repr."""
    first = str(exc).splitlines()[0] if str(exc) else ""
    first = _BYTES_IO.sub("", first)
    return f"{type(exc).__name__}: {first[:160]}" if first else type(exc).__name__


def _blocks(parent, styles: dict[str, str]) -> Iterator[tuple[BlockKind, str, int]]:
    for child in parent.iterchildren():
        if child.tag == _P:
            kind, level = _paragraph_kind(child, styles)
            text = _paragraph_text(child)
            if kind == "paragraph" and looks_like_heading(text) and _emphasised(child):
                kind, level = "heading", 2  # a heading typed as a bold or underlined line
            yield kind, text, level
        elif child.tag == _TBL:
            yield from _table_cells(child)
        elif child.tag == _SDT:  # content controls wrap ordinary paragraphs
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content, styles)


def _table_cells(table) -> Iterator[tuple[BlockKind, str, int]]:
    """One block per cell, from the cell's own paragraphs (also those wrapped in
    content controls); a table nested in a cell gives its own cells after it,
    so its text is read once, not a second time inside the outer cell. A
    transcript kept as a table, one turn a row, gives a paragraph per turn
    (`transcript.table_turns`)."""
    rows = [list(_own(row, _TC, _TR)) for row in _own(table, _TR, _TBL)]
    if could_hold_turns([len(cells) for cells in rows]) and not any(True for _ in _own(table, _TBL, _TBL)):
        texts = [[_cell_text(cell) for cell in cells] for cells in rows]  # no table nested in it: read once
        yield from table_blocks(texts) or [("table_cell", text, 0) for row_texts in texts for text in row_texts]
        return
    for cells in rows:
        for cell in cells:
            yield "table_cell", _cell_text(cell), 0
            for nested in _own(cell, _TBL, _TC):
                yield from _table_cells(nested)


def _cell_text(cell) -> str:
    """A cell's own paragraphs, kept apart (a blank line) as the document's are."""
    return "\n\n".join(_paragraph_text(p) for p in _own(cell, _P, _TC))


def _own(container, tag: str, container_tag: str) -> Iterator:
    """Descendants with `tag` whose nearest `container_tag` ancestor is `container`."""
    for element in container.iter(tag):
        parent = element.getparent()
        while parent is not None and parent.tag != container_tag:
            parent = parent.getparent()
        if parent is container:
            yield element


def _paragraph_text(p) -> str:
    parts = []
    for node in p.iter(_TEXT, _TAB, _BR, _CR):
        if node.tag == _TEXT:
            parts.append(node.text or "")
        elif node.tag == _TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _emphasised(p) -> bool:
    """Is every run of text in the paragraph bold, or every one underlined?
    Students often type a heading as a short bold line in the body style."""
    runs = [r for r in p.iter(_RUN) if "".join(t.text or "" for t in r.iter(_TEXT)).strip()]
    return bool(runs) and any(all(_on(r, mark) for r in runs) for mark in (_BOLD, _UNDERLINE))


def _on(run, mark: str) -> bool:
    """Does the run's own formatting switch `mark` (w:b, w:u) on?"""
    properties = run.find(_RPR)
    element = properties.find(mark) if properties is not None else None
    return element is not None and element.get(_VAL, "true").lower() not in _OFF


def _paragraph_kind(p, styles: dict[str, str]) -> tuple[BlockKind, int]:
    ppr = p.pPr
    style_id = ""
    if ppr is not None:
        style = ppr.find(_PSTYLE)
        if style is not None:
            style_id = style.get(_VAL, "")
    name = styles.get(style_id, style_id).lower()
    if name == "title":
        return "heading", 1
    if name.startswith("heading"):
        digits = "".join(ch for ch in name if ch.isdigit())
        return "heading", (int(digits) + 1 if digits else 2)
    if name.startswith("list") or (ppr is not None and ppr.find(_NUMPR) is not None):
        return "list_item", 0
    return "paragraph", 0
