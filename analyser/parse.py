"""Stage 2, parse: run the spaCy pipeline over each block of a document and
collect sentences as character offsets into the document text.

Each block is parsed through a *view* of its text in which every run of
whitespace (a line break inside a paragraph, a double space, a non-breaking
space) becomes one space and soft hyphens disappear, so "shared\\nvision"
still matches "shared vision". An `OffsetMap` takes view offsets back to the
document text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from analyser.model import Document, Sentence

_COMPACT = re.compile(r"\s{2,}|[^\S ]|[\u00ad\u200b\u200c\u200d\u2060\ufeff]+")


class OffsetMap:
    """Maps offsets in a compacted view back to the original string."""

    def __init__(self, original: str) -> None:
        parts: list[str] = []
        self._view_points = [0]
        self._original_points = [0]
        last = 0
        view_length = 0
        for match in _COMPACT.finditer(original):
            replacement = " " if match.group()[0].isspace() else ""
            parts.append(original[last : match.start()])
            parts.append(replacement)
            view_length += match.start() - last + len(replacement)
            last = match.end()
            self._view_points.append(view_length)
            self._original_points.append(last)
        parts.append(original[last:])
        self.view = "".join(parts)

    def to_original(self, offset: int) -> int:
        i = bisect.bisect_right(self._view_points, offset) - 1
        return self._original_points[i] + offset - self._view_points[i]

    def end_to_original(self, offset: int) -> int:
        """An end offset: maps to just after the character before it."""
        return self.to_original(offset - 1) + 1 if offset > 0 else 0


@dataclass
class ParsedBlock:
    index: int  # index into Document.blocks
    offset: int  # where the block starts in the document text
    doc: Doc
    offsets: OffsetMap

    def char_span(self, start_token: int, end_token: int) -> tuple[int, int]:
        """Document offsets of tokens [start_token, end_token)."""
        first, last = self.doc[start_token], self.doc[end_token - 1]
        start = self.offsets.to_original(first.idx)
        end = self.offsets.end_to_original(last.idx + len(last.text))
        return self.offset + start, self.offset + end


@dataclass
class ParsedDocument:
    document: Document
    blocks: list[ParsedBlock]
    sentences: list[Sentence]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing (or last starting before) `offset`."""
        starts = [s.start for s in self.sentences]
        return max(0, bisect.bisect_right(starts, offset) - 1)


def sentence_token_ranges(doc: Doc) -> list[tuple[int, int]]:
    """(first, end) token indices of each sentence, read from SENT_START without
    a Python loop over tokens (doc.sents refuses a one-sentence doc)."""
    if not len(doc):
        return []
    starts = np.flatnonzero(doc.to_array("SENT_START") == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return list(zip(starts, starts[1:] + [len(doc)]))


def parse(document: Document, nlp: Language) -> ParsedDocument:
    texts = [document.text[b.start : b.end] for b in document.blocks]
    maps = [OffsetMap(t) for t in texts]
    parsed: list[ParsedBlock] = []
    sentences: list[Sentence] = []
    for index, (block, offsets, doc) in enumerate(
        zip(document.blocks, maps, nlp.pipe(m.view for m in maps))
    ):
        item = ParsedBlock(index, block.start, doc, offsets)
        parsed.append(item)
        for first, last in sentence_token_ranges(doc):
            start, end = item.char_span(first, last)
            sentences.append(Sentence(start, end, index))
    return ParsedDocument(document, parsed, sentences)
