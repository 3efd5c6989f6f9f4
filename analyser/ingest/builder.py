"""Assemble a document's text from blocks extracted by a format reader."""

from __future__ import annotations

import re

from analyser.model import Block, BlockKind, Document, Dropped, Metadata

BLOCK_SEPARATOR = "\n\n"
_WORD = re.compile(r"\S+")


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


class DocumentBuilder:
    """Collects blocks in reading order; joins them with a blank line so each
    block's offsets point into the final text."""

    def __init__(self, source: str, fmt: str) -> None:
        self.metadata = Metadata(source=source, format=fmt)
        self._parts: list[str] = []
        self._blocks: list[Block] = []
        self._length = 0
        self.dropped: list[Dropped] = []
        self.warnings: list[str] = []

    def add(
        self, kind: BlockKind, text: str, level: int = 0, page: int | None = None,
        speaker: str | None = None,
    ) -> None:
        text = text.strip()
        if not text:
            return
        if self._parts:
            self._parts.append(BLOCK_SEPARATOR)
            self._length += len(BLOCK_SEPARATOR)
        self._blocks.append(
            Block(kind, self._length, self._length + len(text), level, speaker, page)
        )
        self._parts.append(text)
        self._length += len(text)

    def build(self) -> Document:
        text = "".join(self._parts)
        self.metadata.word_count = count_words(text)
        if not self.metadata.title:
            self.metadata.title = first_heading(text, self._blocks)
        return Document(text, self._blocks, self.metadata, self.dropped, self.warnings)


def first_heading(text: str, blocks: list[Block]) -> str | None:
    for block in blocks[:3]:
        if block.kind == "heading":
            return text[block.start : block.end]
    return None
