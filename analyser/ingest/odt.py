"""OpenDocument .odt via odfpy: headings (outline headings, or a short line
typed in bold or underlined), paragraphs, list items and table cells in
reading order; tracked changes and annotations are skipped."""

from __future__ import annotations

import io
from collections.abc import Iterator

from defusedxml import DefusedXmlException
from odf import teletype
from odf.namespaces import DCNS, FONS, METANS, OFFICENS, STYLENS, TABLENS, TEXTNS
from odf.opendocument import load

from analyser.errors import InputError
from analyser.ingest.archive import check_archive
from analyser.ingest.builder import MAX_TEXT_CHARS, DocumentBuilder, too_much_text
from analyser.ingest.plaintext import looks_like_heading
from analyser.ingest.transcript import could_hold_turns, table_blocks
from analyser.model import BlockKind, Document

MAX_OUTLINE_LEVEL = 10  # ODF allows 1 to 10
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
    spaces = _SpaceBudget(source)
    for kind, text, level in _blocks(body, False, spaces, _emphasis_styles(package)):
        builder.add(kind, text, level)
    if not builder.block_count:
        raise InputError(source, "contains no text to analyse (only images, drawings or empty paragraphs?)")
    builder.metadata.title = _meta(package, DCNS, "title")
    builder.metadata.author = _meta(package, DCNS, "creator") or _meta(
        package, METANS, "initial-creator"
    )
    return builder.build()


class _SpaceBudget:
    """`<text:s text:c="400000000"/>` stands for that many spaces in 40 bytes:
    the spaces of a document are counted before they are made, and a document
    that would pass MAX_TEXT_CHARS with them is refused (three such elements
    in a 981-byte file took 2.4 GB)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.left = MAX_TEXT_CHARS

    def spaces(self, element) -> str:
        count = _count(element.getAttrNS(TEXTNS, "c"), default=1, lowest=1)
        if count > self.left:
            raise too_much_text(self.source)
        self.left -= count
        return " " * count


def _count(value: str | None, default: int, lowest: int, highest: int | None = None) -> int:
    """An integer attribute as written, or `default` when it is missing or not
    an integer; kept within [lowest, highest] (a negative outline level gave
    JSON that failed the schema)."""
    try:
        number = int(value) if value else default
    except ValueError:
        number = default
    number = max(lowest, number)
    return min(highest, number) if highest is not None else number


def _blocks(node, in_list: bool, spaces: _SpaceBudget,
            emphasis: frozenset[str]) -> Iterator[tuple[BlockKind, str, int]]:
    """`emphasis`: the automatic styles that make text bold or underlined."""
    for child in node.childNodes:
        qname = getattr(child, "qname", None)
        if qname is None or qname in _SKIP:
            continue
        if qname == (TEXTNS, "h"):
            level = _count(child.getAttrNS(TEXTNS, "outline-level"), default=1, lowest=1, highest=MAX_OUTLINE_LEVEL)
            yield "heading", _text(child, spaces), level
        elif qname == (TEXTNS, "p"):
            text = _text(child, spaces)
            if not in_list and looks_like_heading(text) and _emphasised(child, emphasis):
                yield "heading", text, 2  # a heading typed as a bold or underlined line
            else:
                yield ("list_item" if in_list else "paragraph"), text, 0
        elif qname == (TABLENS, "table") and (turns := _table_turns(child, spaces)) is not None:
            yield from turns
        elif qname == (TABLENS, "table-cell"):
            yield "table_cell", _cell_text(child, spaces), 0
        elif qname in ((TEXTNS, "list"), (TEXTNS, "list-item")):
            yield from _blocks(child, True, spaces, emphasis)
        else:
            yield from _blocks(child, in_list, spaces, emphasis)


def _cell_text(cell, spaces: _SpaceBudget) -> str:
    """A cell's paragraphs, kept apart (a blank line) as the document's are."""
    return "\n\n".join(_text(p, spaces) for p in cell.childNodes if getattr(p, "qname", None) == (TEXTNS, "p"))


def _table_turns(table, spaces: _SpaceBudget) -> list[tuple[BlockKind, str, int]] | None:
    """A transcript kept as a table, one turn a row (`transcript.table_turns`):
    a paragraph per turn, the other rows' cells as cells. None for any other
    table, or one with a table inside it, which is read cell by cell."""
    nodes = list(_descendants(table))
    if any(getattr(node, "qname", None) == (TABLENS, "table") for node in nodes):
        return None
    rows = [[cell for cell in node.childNodes if getattr(cell, "qname", None) == (TABLENS, "table-cell")]
            for node in nodes if getattr(node, "qname", None) == (TABLENS, "table-row")]
    if not could_hold_turns([len(cells) for cells in rows]):
        return None
    left = spaces.left
    blocks = table_blocks([[_cell_text(cell, spaces) for cell in cells] for cells in rows])
    if blocks is None:
        spaces.left = left  # read again, cell by cell, and counted then
    return blocks


def _descendants(node) -> Iterator:
    """Every node under `node`, in document order (no recursion: a deep file stays safe)."""
    stack = list(reversed(node.childNodes))
    while stack:
        child = stack.pop()
        yield child
        stack.extend(reversed(child.childNodes))


def _emphasis_styles(package) -> frozenset[str]:
    """Names of the document's automatic styles whose text is bold or underlined."""
    names = set()
    for style in package.automaticstyles.childNodes:
        for properties in getattr(style, "childNodes", []):
            if getattr(properties, "qname", None) != (STYLENS, "text-properties"):
                continue
            bold = properties.getAttrNS(FONS, "font-weight") == "bold"
            underline = (properties.getAttrNS(STYLENS, "text-underline-style") or "none") != "none"
            if bold or underline:
                names.add(style.getAttrNS(STYLENS, "name"))
    return frozenset(names)


def _emphasised(element, emphasis: frozenset[str], inherited: bool = False) -> bool | None:
    """Is all the text of a paragraph (or span) in an emphasis style, its own
    or its parent's? None when it holds no text. Students often type a
    heading as a short bold line."""
    inherited = inherited or element.getAttrNS(TEXTNS, "style-name") in emphasis
    verdict = None
    for child in element.childNodes:
        if child.nodeType == child.TEXT_NODE:
            if str(child).strip():
                if not inherited:
                    return False
                verdict = True
        elif getattr(child, "qname", None) == (TEXTNS, "span"):
            inner = _emphasised(child, emphasis, inherited)
            if inner is False:
                return False
            verdict = verdict or inner
    return verdict


def _text(element, spaces: _SpaceBudget) -> str:
    """Text of a paragraph without annotations or notes inside it."""
    parts = []
    for child in element.childNodes:
        qname = getattr(child, "qname", None)
        if qname in _SKIP:
            continue
        if child.nodeType == child.TEXT_NODE:
            parts.append(str(child))
        elif qname == (TEXTNS, "s"):
            parts.append(spaces.spaces(child))
        elif qname == (TEXTNS, "tab"):
            parts.append("\t")
        elif qname == (TEXTNS, "line-break"):
            parts.append("\n")
        else:
            parts.append(_text(child, spaces))
    return "".join(parts)


def _meta(package, namespace: str, name: str) -> str | None:
    for element in package.meta.childNodes:
        if getattr(element, "qname", None) == (namespace, name):
            value = teletype.extractText(element).strip()
            return value or None
    return None
