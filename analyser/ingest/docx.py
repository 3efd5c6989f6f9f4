"""Word .docx: body paragraphs, headings, list items and table cells in reading
order. Comments live in another part of the package and are never read; tracked
deletions are stored as ``w:delText`` and so are skipped, while tracked
insertions (``w:ins``) are kept."""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
from docx.oxml.ns import qn

from analyser.errors import InputError
from analyser.ingest.builder import DocumentBuilder
from analyser.model import BlockKind, Document

_TEXT, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_P, _TBL, _TR, _TC, _SDT = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt")
_NUMPR, _PSTYLE, _VAL = qn("w:numPr"), qn("w:pStyle"), qn("w:val")


def read_docx(data: bytes, source: str) -> Document:
    try:
        package = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for a bad package
        raise InputError(source, f"is not a valid .docx file ({type(exc).__name__})") from None
    builder = DocumentBuilder(source, "docx")
    styles = {s.style_id: (s.name or "") for s in package.styles}
    for kind, text, level in _blocks(package.element.body, styles):
        builder.add(kind, text, level)
    props = package.core_properties
    builder.metadata.title = (props.title or "").strip() or None
    builder.metadata.author = (props.author or "").strip() or None
    return builder.build()


def _blocks(parent, styles: dict[str, str]) -> Iterator[tuple[BlockKind, str, int]]:
    for child in parent.iterchildren():
        if child.tag == _P:
            kind, level = _paragraph_kind(child, styles)
            yield kind, _paragraph_text(child), level
        elif child.tag == _TBL:
            for row in child.iter(_TR):
                for cell in row.iterchildren(_TC):
                    text = "\n".join(_paragraph_text(p) for p in cell.iter(_P))
                    yield "table_cell", text, 0
        elif child.tag == _SDT:  # content controls wrap ordinary paragraphs
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content, styles)


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
