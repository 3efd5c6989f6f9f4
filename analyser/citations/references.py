"""The reference list: found under a heading such as "References"; each entry
keeps its raw text. (Parsing is filled in by the citation stage.)"""

from __future__ import annotations

import re

from analyser.model import Document, Reference

_HEADING = re.compile(r"(?:references?|reference list|bibliography|works cited|sources)\s*:?", re.I)


def find_references(document: Document) -> tuple[tuple[int, int] | None, list[Reference]]:
    """The span of the reference section (heading included) and its entries."""
    blocks = document.blocks
    for index, block in enumerate(blocks):
        if block.kind == "heading" and _HEADING.fullmatch(document.text[block.start : block.end].strip()):
            following = blocks[index + 1 :]
            end_index = next(
                (i for i, b in enumerate(following) if b.kind == "heading" and b.level <= block.level),
                len(following),
            )
            body = following[:end_index]
            end = body[-1].end if body else block.end
            return (block.start, end), _entries(document.text, body)
    return None, []


def _entries(text: str, blocks) -> list[Reference]:
    entries = []
    for block in blocks:
        pos = block.start
        for line in text[block.start : block.end].split("\n"):
            stripped = line.strip()
            if stripped:
                start = pos + line.index(stripped)
                entries.append(Reference(start, start + len(stripped), stripped, [], None))
            pos += len(line) + 1
    return entries
