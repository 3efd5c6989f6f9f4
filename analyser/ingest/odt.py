"""OpenDocument .odt via odfpy: headings, paragraphs, list items and table
cells in reading order; tracked changes and annotations are skipped."""

from __future__ import annotations

import io
from collections.abc import Iterator

from defusedxml import DefusedXmlException
from odf import teletype
from odf.namespaces import DCNS, METANS, OFFICENS, TABLENS, TEXTNS
from odf.opendocument import load

from analyser.errors import InputError
from analyser.ingest.archive import check_archive
from analyser.ingest.builder import DocumentBuilder
from analyser.model import BlockKind, Document

_SKIP = {(TEXTNS, "tracked-changes"), (OFFICENS, "annotation"), (TEXTNS, "note")}


def read_odt(data: bytes, source: str) -> Document:
    """The archive is checked first (zip bomb limits, no XML entities: see
    archive.py); odfpy then parses with defusedxml's SAX parser."""
    check_archive(data, source, "odt")
    try:
        package = load(io.BytesIO(data))
        body = package.text
    except DefusedXmlException as exc:  # odfpy parses with defusedxml, which refuses any external DTD
        raise InputError(
            source, f"refers to an external DTD or entity in its XML ({type(exc).__name__}); refused: "
            "open it in a word processor and save it again"
        ) from None
    except Exception as exc:  # noqa: BLE001 - odfpy raises zip, XML, key and attribute errors
        raise InputError(source, f"is not a readable .odt file ({type(exc).__name__})") from None
    builder = DocumentBuilder(source, "odt")
    for kind, text, level in _blocks(body, in_list=False):
        builder.add(kind, text, level)
    if not builder.block_count:
        raise InputError(source, "contains no text to analyse (only images, drawings or empty paragraphs?)")
    builder.metadata.title = _meta(package, DCNS, "title")
    builder.metadata.author = _meta(package, DCNS, "creator") or _meta(
        package, METANS, "initial-creator"
    )
    return builder.build()


def _blocks(node, in_list: bool) -> Iterator[tuple[BlockKind, str, int]]:
    for child in node.childNodes:
        qname = getattr(child, "qname", None)
        if qname is None or qname in _SKIP:
            continue
        if qname == (TEXTNS, "h"):
            level = int(child.getAttrNS(TEXTNS, "outline-level") or 1)
            yield "heading", _text(child), level
        elif qname == (TEXTNS, "p"):
            yield ("list_item" if in_list else "paragraph"), _text(child), 0
        elif qname == (TABLENS, "table-cell"):
            yield "table_cell", "\n".join(
                _text(p) for p in child.childNodes if getattr(p, "qname", None) == (TEXTNS, "p")
            ), 0
        elif qname in ((TEXTNS, "list"), (TEXTNS, "list-item")):
            yield from _blocks(child, in_list=True)
        else:
            yield from _blocks(child, in_list)


def _text(element) -> str:
    """Text of a paragraph without annotations or notes inside it."""
    parts = []
    for child in element.childNodes:
        qname = getattr(child, "qname", None)
        if qname in _SKIP:
            continue
        if child.nodeType == child.TEXT_NODE:
            parts.append(str(child))
        elif qname == (TEXTNS, "s"):
            parts.append(" " * int(child.getAttrNS(TEXTNS, "c") or 1))
        elif qname == (TEXTNS, "tab"):
            parts.append("\t")
        elif qname == (TEXTNS, "line-break"):
            parts.append("\n")
        else:
            parts.append(_text(child))
    return "".join(parts)


def _meta(package, namespace: str, name: str) -> str | None:
    for element in package.meta.childNodes:
        if getattr(element, "qname", None) == (namespace, name):
            value = teletype.extractText(element).strip()
            return value or None
    return None
