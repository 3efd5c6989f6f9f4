"""Assemble a document's text from blocks extracted by a format reader."""

from __future__ import annotations

from collections import Counter

from analyser.errors import InputError
from analyser.ingest.decoding import scrub, scrub_warnings
from analyser.model import Block, BlockKind, Document, Dropped, Metadata

BLOCK_SEPARATOR = "\n\n"
# spaCy holds about 20 bytes per character of text; this bounds a document
# whatever its format (a small .docx may hold far more text than its size).
# Eight million characters is some 1.3 million words, far past any essay,
# thesis or meeting record (a 5 MB essay on one line is still read), and
# more than the analysis gets through in the default 30-second budget
# (bench/bench_scaling.py: 4 million in 20 s): a 20 KB PDF of 50 pages
# drawing one 4,000-line stream stands for 11.5 million, and is refused
# before it is built instead of running until the budget stops it.
MAX_TEXT_CHARS = 8_000_000


def too_much_text(source: str) -> InputError:
    """The refusal for a document whose text would pass MAX_TEXT_CHARS, raised
    by a reader before it builds the text (a few bytes of .odt or PDF can
    stand for gigabytes of it)."""
    return InputError(source, f"has over {MAX_TEXT_CHARS:,} characters of text, the limit")


def count_words(text: str) -> int:
    """Whitespace-separated words, as a word processor counts them."""
    return len(text.split())


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
        self._scrubbed: Counter[str] = Counter()  # NULs and lone surrogates removed (PDF text layers)

    @property
    def block_count(self) -> int:
        return len(self._blocks)

    def add(
        self, kind: BlockKind, text: str, level: int = 0, page: int | None = None,
        speaker: str | None = None,
    ) -> None:
        text = scrub(text, self._scrubbed).strip()
        if not text:
            return
        if self._length + len(text) > MAX_TEXT_CHARS:
            raise too_much_text(self.metadata.source)
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
        warnings = self.warnings + scrub_warnings(self._scrubbed)
        return Document(text, self._blocks, self.metadata, self.dropped, warnings)


TITLE_AFTER_WORDS = 40  # a heading after more words than this is a section's, not the title


def first_heading(text: str, blocks: list[Block]) -> str | None:
    """The document's title: a heading among its first three blocks, with
    little before it (a name or student number). A heading after a body of
    text ("Actions" after the notes) is a section's, not the title."""
    words = 0
    for block in blocks[:3]:
        if block.kind == "heading":
            return text[block.start : block.end]
        words += count_words(text[block.start : block.end])
        if words > TITLE_AFTER_WORDS:
            return None
    return None
