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
from spacy.language import Language
from spacy.tokens import Doc

from analyser.model import Document, Sentence
from analyser.nlp import SENTENCE_CHARS, doc_text, sentence_token_starts

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
        # per segment: its document offset when the view holds its text
        # unchanged (nothing compacted), else -1; and its length in the view
        self.unchanged_at: list[int] = []
        self.segment_lengths: list[int] = []
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
                self.unchanged_at.append(offset)
                self.segment_lengths.append(len(text))
                continue
            segment_start = length
            self.unchanged_at.append(-1)
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
            self.segment_lengths.append(length - segment_start)
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

    def to_original_array(self, offsets: np.ndarray) -> np.ndarray:
        """`to_original` over an array of view offsets at once (token starts)."""
        points = np.asarray(self._view_points, dtype=np.int64)
        i = np.searchsorted(points, offsets, side="right") - 1
        return np.asarray(self._original_points, dtype=np.int64)[i] + offsets - points[i]

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
        original = self.offsets.unchanged_at[block]
        if original >= 0 and 0 <= start_char <= end_char <= self.offsets.segment_lengths[block] and end_char:
            # a block copied unchanged into the view: a plain shift (what the
            # map gives, without its two searches)
            return original + start_char, original + end_char
        base = self.offsets.segment_starts[block]
        return self.offsets.span(base + start_char, base + end_char)

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing (or last starting before) document `offset`."""
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)


def sentence_token_ranges(doc: Doc) -> list[tuple[int, int]]:
    """(first, end) token indices of each sentence (doc.sents refuses a
    one-sentence doc)."""
    starts = sentence_token_starts(doc)
    return list(zip(starts, starts[1:] + [len(doc)]))


def sentence_char_ranges(doc: Doc, single_spaced: bool | None = None) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence in the Doc's text,
    without trailing whitespace tokens. `single_spaced`: what the caller
    knows of `_single_spaced(text)`, if anything.

    Reads only the tokens at sentence edges: a block has a few sentences and
    a hundred tokens, so an array of every token's offsets cost more. And in
    the usual text, single-spaced (see `_single_spaced`), reads no token: the
    character offsets where sentences start are known (`academic_sentences`
    leaves them), and a sentence ends where the next starts, less the space
    between them."""
    chars = doc.user_data.get(SENTENCE_CHARS)
    if isinstance(chars, list) and len(doc):
        text = doc_text(doc)
        if _single_spaced(text) if single_spaced is None else single_spaced:
            ends = [c - 1 if text[c - 1] == " " else c for c in chars[1:]]
            return list(zip(chars, ends + [len(text)]))
    result = []
    for first, last in sentence_token_ranges(doc):
        tail = doc[last - 1]
        while last - 1 > first and tail.is_space:
            last -= 1
            tail = doc[last - 1]
        head = tail if last - first == 1 else doc[first]
        if last - first == 1 and head.is_space:
            continue  # a sentence of whitespace only
        result.append((head.idx, tail.idx + len(tail)))
    return result


def run_pipeline(nlp: Language, texts: list[str]) -> list[Doc]:
    """What ``list(nlp.pipe(texts))`` gives, run stage by stage: every text
    tokenized, then each component over every Doc. The components keep no
    state between Docs, so the Docs are the same; taking one stage at a time
    over a document's blocks keeps each stage's data in the CPU cache (about
    10% faster than taking each block through every stage)."""
    docs = [nlp.make_doc(text) for text in texts]
    for _, component in nlp.pipeline:
        docs = [component(doc) for doc in docs]
    return docs


def _single_spaced(text: str) -> bool:
    """Is every whitespace character of `text` a single space between two
    others? spaCy then makes no whitespace token: each space belongs to the
    token before it. (Conservative: any non-ASCII text is answered False.)"""
    return (
        text.isascii()
        and not any(ch in text for ch in _ASCII_TO_COMPACT)
        and text[:1] != " "
        and text[-1:] != " "
    )


def parse(document: Document, nlp: Language) -> ParsedDocument:
    text = document.text
    offsets = OffsetMap([(b.start, text[b.start : b.end]) for b in document.blocks])
    bounds = offsets.segment_starts + [len(offsets.view) + len(BLOCK_SEPARATOR)]
    views = [offsets.view[a : b - len(BLOCK_SEPARATOR)] for a, b in zip(bounds, bounds[1:])]
    docs = run_pipeline(nlp, views)
    parsed = ParsedDocument(document, docs, offsets, [])
    for index, (doc, view) in enumerate(zip(docs, views)):
        # a block copied unchanged into the view is ASCII with no whitespace
        # but single spaces, so only its ends need a look
        unchanged = offsets.unchanged_at[index] >= 0
        single_spaced = view[:1] != " " and view[-1:] != " " if unchanged else None
        for start_char, end_char in sentence_char_ranges(doc, single_spaced):
            start, end = parsed.to_document(index, start_char, end_char)
            parsed.sentences.append(Sentence(start, end, index))
    parsed.__post_init__()
    return parsed
