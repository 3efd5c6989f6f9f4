"""Feedback as ODF annotations on a copy of the student's own .odt (the
OpenDocument counterpart of analyser/annotate.py).

    data, placed = annotate_odt(original_bytes, analysis.document.text, notes)

An ODF comment is an `office:annotation` where its range starts and an
`office:annotation-end` (with the same `office:name`) where it ends; both
may sit inside a `text:span`, so a span's formatting is never split: the
marks go between characters of the text as it is. Paragraphs are read as
ingest reads them (ingest/odt.py: `text:s` as its spaces, tabs, line breaks;
notes, annotations and tracked changes left out), found in order in the
document text, and only `content.xml` is rewritten: every other part of the
package (styles, pictures, the student's settings) is copied byte for byte,
`mimetype` first and stored, as ODF requires.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from analyser.annotate import AUTHOR, Note, paragraph_holding, place_in_order
from analyser.ingest.archive import check_archive

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
DC = "http://purl.org/dc/elements/1.1/"
_PARAGRAPHS = {f"{{{TEXT}}}p", f"{{{TEXT}}}h"}
_SKIP = {f"{{{TEXT}}}tracked-changes", f"{{{OFFICE}}}annotation", f"{{{TEXT}}}note"}
_CONTENT = "content.xml"
_MAX_SPACES = 1_000_000  # one text:s counted as at most this many (ingest refuses more in all)


@dataclass
class _Piece:
    """A run of a paragraph's text: an element's `text` or `tail` string, or
    an element standing for characters (text:s, text:tab, text:line-break)."""

    element: Any
    where: str  # "text", "tail" or "atom"
    start: int
    end: int


def annotate_odt(data: bytes, text: str, notes: Sequence[Note]) -> tuple[bytes, int]:
    """A copy of the .odt `data` with each note as an annotation on its span
    of `text`; returns the copy's bytes and how many notes were placed.
    The package is checked as ingest checks it (zip limits, no entities)."""
    check_archive(data, "the .odt", "odt")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.fromstring(archive.read(_CONTENT), parser)
        paragraphs = list(_map_paragraphs(root, text))
        spans = [(offset, offset + _length(p)) for p, offset in paragraphs]  # marks add no text
        placed = 0
        for number, note in enumerate(notes, start=1):
            index = paragraph_holding(spans, note.start, note.end)
            if index is None:
                continue
            paragraph, offset = paragraphs[index]
            name = f"analyser-{number}"
            _insert(paragraph, note.end - offset, _end_mark(name), after_atoms=False)
            _insert(paragraph, note.start - offset, _annotation(name, note.text), after_atoms=True)
            placed += 1
        content = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as copy:
            for info in archive.infolist():
                copy.writestr(info, content if info.filename == _CONTENT else archive.read(info.filename))
    return out.getvalue(), placed


def _map_paragraphs(root, text: str) -> Iterator[tuple[Any, int]]:
    """Each paragraph or heading (not one nested in another) with its offset in `text`."""
    pieces = ((p, "".join(_piece_text(x) for x in _pieces(p))) for p in root.iter(*_PARAGRAPHS) if not _inside(p))
    return place_in_order(pieces, text)


def _inside(element) -> bool:
    """In another paragraph (a text box), or in a note, annotation or tracked change."""
    parent = element.getparent()
    while parent is not None:
        if parent.tag in _PARAGRAPHS or parent.tag in _SKIP:
            return True
        parent = parent.getparent()
    return False


def _pieces(paragraph) -> list[_Piece]:
    pieces: list[_Piece] = []
    offset = 0

    def add(element, where: str, length: int) -> None:
        nonlocal offset
        pieces.append(_Piece(element, where, offset, offset + length))
        offset += length

    def walk(element) -> None:
        if element.text:
            add(element, "text", len(element.text))
        for child in element:
            if not isinstance(child.tag, str) or child.tag in _SKIP:
                pass
            elif child.tag == f"{{{TEXT}}}s":
                add(child, "atom", _spaces(child))
            elif child.tag in (f"{{{TEXT}}}tab", f"{{{TEXT}}}line-break"):
                add(child, "atom", 1)
            else:
                walk(child)
            if child.tail:
                add(child, "tail", len(child.tail))

    walk(paragraph)
    return pieces


def _spaces(element) -> int:
    try:
        return max(1, min(int(element.get(f"{{{TEXT}}}c") or 1), _MAX_SPACES))
    except ValueError:
        return 1


def _piece_text(piece: _Piece) -> str:
    if piece.where == "atom":
        tag = piece.element.tag
        return " " * (piece.end - piece.start) if tag == f"{{{TEXT}}}s" else ("\t" if tag.endswith("}tab") else "\n")
    return getattr(piece.element, piece.where) or ""


def _length(paragraph) -> int:
    pieces = _pieces(paragraph)
    return pieces[-1].end if pieces else 0


def _insert(paragraph, offset: int, mark, *, after_atoms: bool) -> None:
    """Put `mark` between the characters at `offset` of the paragraph's text."""
    pieces = _pieces(paragraph)
    strings = [p for p in pieces if p.where != "atom" and p.start <= offset <= p.end]
    if strings:
        piece = strings[-1] if after_atoms else strings[0]
        cut = offset - piece.start
        value = getattr(piece.element, piece.where)
        if piece.where == "text":
            piece.element.text = value[:cut]
            piece.element.insert(0, mark)
        else:
            piece.element.tail = value[:cut]
            piece.element.addnext(mark)
        mark.tail = value[cut:]
        return
    atom = next((p for p in pieces if p.start == offset), None)
    if atom is not None:
        atom.element.addprevious(mark)
    elif pieces and pieces[-1].where == "atom":
        pieces[-1].element.addnext(mark)
    else:
        paragraph.append(mark)


def _annotation(name: str, message: str):
    annotation = etree.Element(f"{{{OFFICE}}}annotation", {f"{{{OFFICE}}}name": name})
    creator = etree.SubElement(annotation, f"{{{DC}}}creator")
    creator.text = AUTHOR
    for line in message.split("\n"):
        etree.SubElement(annotation, f"{{{TEXT}}}p").text = line
    return annotation


def _end_mark(name: str):
    return etree.Element(f"{{{OFFICE}}}annotation-end", {f"{{{OFFICE}}}name": name})
