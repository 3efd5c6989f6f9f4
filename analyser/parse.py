"""Stage 2, parse: run the spaCy pipeline over a document and collect its
sentences as character offsets into the document text.

The pipeline reads a *view* of the document: the blocks joined by a single
"\\n" (a token that no phrase can match across, and a forced sentence start),
and inside each block every run of whitespace (a line break inside a
paragraph, a double space, a non-breaking space) becomes one space while soft
hyphens and zero-width characters disappear, so "shared\\nvision" still
matches "shared vision". An `OffsetMap` takes view offsets back to the
document text.

Each block is its own spaCy Doc: spaCy's tokenizer stops caching words for the
rest of a text once it meets a special case such as "e.g.", so one Doc per
document tokenizes ten times slower than one Doc per block.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from analyser.model import Document, Sentence

BLOCK_SEPARATOR = "\n"
_ASCII_TO_COMPACT = ("  ", "\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")
_COMPACT = re.compile(r"\s{2,}|[^\S ]|[\u00ad\u200b\u200c\u200d\u2060\ufeff]+")


class OffsetMap:
    """The view of a list of (document offset, text) segments, and the map from
    view offsets back to document offsets."""

    def __init__(self, segments: list[tuple[int, str]]) -> None:
        self._view_points: list[int] = []
        self._original_points: list[int] = []
        self.segment_starts: list[int] = []  # view offset where each segment starts
        parts: list[str] = []
        length = 0
        for index, (offset, text) in enumerate(segments):
            if index:
                parts.append(BLOCK_SEPARATOR)
                length += len(BLOCK_SEPARATOR)
            self.segment_starts.append(length)
            self._anchor(length, offset)
            if text.isascii() and not any(ch in text for ch in _ASCII_TO_COMPACT):
                parts.append(text)  # the common case: nothing to compact
                length += len(text)
                continue
            last = 0
            for match in _COMPACT.finditer(text):
                replacement = " " if match.group()[0].isspace() else ""
                parts.append(text[last : match.start()])
                parts.append(replacement)
                length += match.start() - last + len(replacement)
                last = match.end()
                self._anchor(length, offset + last)
            parts.append(text[last:])
            length += len(text) - last
        self.view = "".join(parts)

    def _anchor(self, view_offset: int, original_offset: int) -> None:
        self._view_points.append(view_offset)
        self._original_points.append(original_offset)

    def to_original(self, offset: int) -> int:
        i = bisect.bisect_right(self._view_points, offset) - 1
        return self._original_points[i] + offset - self._view_points[i]

    def end_to_original(self, offset: int) -> int:
        """An end offset: maps to just after the character before it."""
        return self.to_original(offset - 1) + 1 if offset > 0 else self.to_original(0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_original(start), self.end_to_original(end)

    def segment_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.segment_starts, offset) - 1)


@dataclass
class ParsedDocument:
    document: Document
    docs: list[Doc]  # one per block, parsed from the block's part of the view
    offsets: OffsetMap
    sentences: list[Sentence]
    _sentence_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sentence_starts = [s.start for s in self.sentences]

    def to_document(self, block: int, start_char: int, end_char: int) -> tuple[int, int]:
        """Document offsets of characters [start_char, end_char) of block `block`'s Doc."""
        base = self.offsets.segment_starts[block]
        return self.offsets.span(base + start_char, base + end_char)

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing (or last starting before) document `offset`."""
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)


def sentence_token_ranges(doc: Doc) -> list[tuple[int, int]]:
    """(first, end) token indices of each sentence, read from SENT_START without
    a Python loop over tokens (doc.sents refuses a one-sentence doc)."""
    if not len(doc):
        return []
    starts = np.flatnonzero(doc.to_array("SENT_START").astype(np.int64) == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return list(zip(starts, starts[1:] + [len(doc)]))


def sentence_char_ranges(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence in the Doc's text,
    without trailing whitespace tokens."""
    ranges = sentence_token_ranges(doc)
    if not ranges:
        return []
    table = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()
    result = []
    for first, last in ranges:
        while last - 1 > first and table[last - 1][2]:
            last -= 1
        if table[first][2] and last - first == 1:
            continue  # a sentence of whitespace only
        result.append((table[first][0], table[last - 1][0] + table[last - 1][1]))
    return result


def parse(document: Document, nlp: Language) -> ParsedDocument:
    text = document.text
    offsets = OffsetMap([(b.start, text[b.start : b.end]) for b in document.blocks])
    bounds = offsets.segment_starts + [len(offsets.view) + len(BLOCK_SEPARATOR)]
    views = [offsets.view[a : b - len(BLOCK_SEPARATOR)] for a, b in zip(bounds, bounds[1:])]
    docs = list(nlp.pipe(views))
    parsed = ParsedDocument(document, docs, offsets, [])
    for index, doc in enumerate(docs):
        for start_char, end_char in sentence_char_ranges(doc):
            start, end = parsed.to_document(index, start_char, end_char)
            parsed.sentences.append(Sentence(start, end, index))
    parsed.__post_init__()
    return parsed
