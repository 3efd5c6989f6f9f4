"""Stage 2, parse: run the spaCy pipeline over a document and collect its
sentences as character offsets into the document text.

The pipeline reads a *view* of the document: the blocks joined by a single
"\\n" (a token that no phrase can match across, and a forced sentence start),
and inside each block every run of whitespace (a line break inside a
paragraph, a double space, a non-breaking space) becomes one space while soft
hyphens and zero-width characters disappear, so "shared\\nvision" still
matches "shared vision". A line broken by hand inside a block (a line per
point of notes, a timestamped log: `analyser.linebreaks`) stays a "\\n", and
a sentence starts after it. An `OffsetMap` takes view offsets back to the
document text.

Each block is its own spaCy Doc: spaCy's tokenizer stops caching words for the
rest of a text once it meets a special case such as "e.g.", so one Doc per
document tokenizes ten times slower than one Doc per block.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from analyser.linebreaks import hand_breaks
from analyser.model import Document, Sentence
from analyser.nlp import SENTENCE_CHARS, doc_text, sentence_token_starts

BLOCK_SEPARATOR = "\n"
_ASCII_TO_COMPACT = ("  ", "\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")
_COMPACT = re.compile(r"\s{2,}|[^\S ]|[\u00ad\u200b\u200c\u200d\u2060\ufeff]+")
# The tokenizer guard (see `OffsetMap._guard`). An affix: a character that is
# neither a letter, a digit nor whitespace, or one of spaCy's English affixes
# that hold letters ('s, US$, C$, A$).
AFFIX_PIECE = 8  # affixes of a run kept together
MAX_CHUNK = 200  # characters of a chunk without whitespace kept together
GUARD_FROM = 16  # chunks this long or shorter cost the tokenizer a bounded time: not looked at
_AFFIX = re.compile(r"['’][sS]|(?:US|[CA])\$|[^\w\s]|_")
_AFFIX_RUN = re.compile(rf"(?:{_AFFIX.pattern}){{{AFFIX_PIECE + 1},}}+")
_ENDERS = frozenset(".?!…\"'”’)]")  # what may end a sentence just before a space (nlp._SENTENCE_END)
_OPENERS = frozenset("\"'“‘([")  # ... and what may open the next, before a capital or digit
_STARTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


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
            breaks = hand_breaks(text)
            for match in _COMPACT.finditer(text):
                replacement = " " if match.group()[0].isspace() else ""
                if breaks and replacement and _holds(breaks, match.start(), match.end()):
                    replacement = "\n"  # a line broken by hand: a sentence starts after it
                parts.append(text[last : match.start()])
                parts.append(replacement)
                length += match.start() - last + len(replacement)
                last = match.end()
                self._anchor(length, offset + last)
            parts.append(text[last:])
            length += len(text) - last
            self.segment_lengths.append(length - segment_start)
        self.view = "".join(parts)
        self._guard()

    def _guard(self) -> None:
        """Split the runs that make spaCy's tokenizer quadratic, keeping the map exact.

        The tokenizer peels prefixes and suffixes off a chunk (text between
        spaces) one at a time, searching the whole rest of the chunk each
        time: a chunk of n affixes (32,000 commas, brackets or emoji, "'s's's",
        "US$US$") costs n² (3 minutes for 32 KB). So a space goes after every
        `AFFIX_PIECE` affixes of a longer run, and at least every `MAX_CHUNK`
        characters of a chunk: no chunk costs more than a constant. The
        spaces exist only in the view; the anchors take every other character
        back to the document, and a cut is moved off a place where a space
        could make a sentence end. A run of punctuation is tokenized one mark
        per token either way, so only hostile or very long chunks (a URL of
        over 200 characters) are tokenized differently.

        Ordinary text has few chunks over `GUARD_FROM` characters; they are
        found with numpy (a regular expression over all the text cost 20% of
        the analysis), and only they are searched for runs."""
        cuts = [cut for start, end in _long_chunks(self.view) for cut in _cuts(self.view, start, end)]
        if not cuts:
            return
        view = self.view
        self.view = " ".join(view[a:b] for a, b in zip([0, *cuts], [*cuts, len(view)]))
        before = self._view_points
        points = [(v + bisect.bisect_right(cuts, v), o) for v, o in zip(self._view_points, self._original_points)]
        for number, cut in enumerate(cuts, start=1):  # the character after each space
            i = bisect.bisect_right(before, cut) - 1
            points.append((cut + number, self._original_points[i] + cut - before[i]))
        points.sort()
        self._view_points = [v for v, _ in points]
        self._original_points = [o for _, o in points]
        for index, start in enumerate(self.segment_starts):
            end = start + self.segment_lengths[index]
            inside = bisect.bisect_left(cuts, end) - bisect.bisect_right(cuts, start)
            self.segment_starts[index] = start + bisect.bisect_right(cuts, start)
            if inside:
                self.segment_lengths[index] += inside
                self.unchanged_at[index] = -1

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


def _holds(offsets: list[int], start: int, end: int) -> bool:
    """Does [start, end) hold one of the sorted `offsets`?"""
    i = bisect.bisect_left(offsets, start)
    return i < len(offsets) and offsets[i] < end


def _long_chunks(view: str) -> list[tuple[int, int]]:
    """(start, end) of each chunk of `view` longer than GUARD_FROM characters.
    The view's only whitespace is " " and "\\n" (between blocks, or a line
    broken by hand)."""
    codes = np.frombuffer(view.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    edges = np.concatenate(([-1], np.flatnonzero((codes == 32) | (codes == 10)), [len(codes)]))
    long = np.flatnonzero(np.diff(edges) > GUARD_FROM + 1)
    return [(int(edges[i]) + 1, int(edges[i + 1])) for i in long]


def _cuts(view: str, start: int, end: int) -> list[int]:
    """Where spaces go in the chunk `view[start:end]` (a space goes before
    `view[cut]`): after every AFFIX_PIECE affixes of a longer run, and at
    least every MAX_CHUNK characters."""
    wanted = []
    for run in _AFFIX_RUN.finditer(view, start, end):
        ends = [m.end() for m in _AFFIX.finditer(view, run.start(), run.end())]
        pieces = range(AFFIX_PIECE - 1, len(ends) - 1, AFFIX_PIECE)
        wanted += [_safe_cut(view, ends[i], run.start() + 1) for i in pieces]
    cuts: list[int] = []
    last = start
    for cut in [*wanted, end]:
        while cut - last > MAX_CHUNK:
            last = _safe_cut(view, last + MAX_CHUNK, last + 1)
            cuts.append(last)
        if last < cut < end:
            cuts.append(cut)
            last = cut
    return cuts


def _safe_cut(view: str, cut: int, lowest: int) -> int:
    """`cut`, or a place at most three characters before it (and not before
    `lowest`), where a space cannot make a sentence end: not after an end
    mark or closer when a capital or digit, or an opener and one, follows."""
    for place in range(cut, max(lowest, cut - 3) - 1, -1):
        follows = view[place : place + 2]
        if view[place - 1] not in _ENDERS or not (
            follows[:1] in _STARTERS or (follows[:1] in _OPENERS and follows[1:2] in _STARTERS)
        ):
            return place
    return cut


@dataclass
class ParsedDocument:
    document: Document
    docs: list[Doc]  # one per block, parsed from the block's part of the view
    offsets: OffsetMap
    sentences: list[Sentence]
    _sentence_starts: list[int] = field(init=False, repr=False)
    # spaCy's per-token arrays for the models (`features.token_table`), made
    # once per document: the concept model and the move model both read them
    token_arrays: Any = field(default=None, init=False, repr=False, compare=False)

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
