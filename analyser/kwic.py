"""Keyword in context: every occurrence of a term, or every mention of a
concept, with the words either side, its source and its speaker — the
concordance view QDA programs offer.

    lines = kwic(analysis, "trust", document="meeting.vtt")

A concept (by id or label, any case) gives the concept's mentions as the
lexicon found them, lemmas and variants included ("mistrusted"); anything
else is searched for as written, ignoring case, as whole words, with any run
of whitespace matching a space. Context never runs past the block (turn,
paragraph), so a speaker label or the next speaker's words never show as
context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analyser.errors import printable
from analyser.model import Analysis

DEFAULT_WIDTH = 40


@dataclass(frozen=True)
class KwicLine:
    source: str
    speaker: str | None
    block: int
    start: int
    end: int
    left: str
    match: str
    right: str
    concept: str | None = None


def _flat(text: str) -> str:
    return " ".join(text.split())


def _concept_id(analysis: Analysis, query: str) -> str | None:
    folded = query.strip().casefold()
    return next((c.id for c in analysis.concepts if folded in (c.id.casefold(), c.label.casefold())), None)


def kwic(analysis: Analysis, query: str, *, document: str, width: int = DEFAULT_WIDTH) -> list[KwicLine]:
    """The occurrences of `query` in one analysed document, in reading order."""
    text = analysis.document.text
    blocks = analysis.document.blocks
    concept = _concept_id(analysis, query)
    if concept is not None:
        spans = [(m.paragraph, m.start, m.end) for m in analysis.mentions if m.concept == concept]
    else:
        words = query.split()
        if not words:
            return []
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)", re.IGNORECASE)
        spans = [(i, m.start(), m.end()) for i, b in enumerate(blocks) if b.kind != "heading"
                 for m in pattern.finditer(text, b.start, b.end)]
    lines = []
    for index, start, end in spans:
        block = blocks[index]
        left = _flat(text[block.start : start])
        right = _flat(text[end : block.end])
        lines.append(KwicLine(document, block.speaker, index, start, end,
                              left[-width:].lstrip(), _flat(text[start:end]), right[:width].rstrip(), concept))
    return lines


def format_kwic(lines: list[KwicLine], width: int = DEFAULT_WIDTH) -> str:
    """Aligned concordance lines: left context right-aligned, the match, the right context, then where."""
    out = []
    for line in lines:
        where = f"{line.source}" + (f" · {line.speaker}" if line.speaker else "") + f" · ¶{line.block + 1}"
        out.append(f"{line.left:>{width}}  [{line.match}]  {line.right:<{width}}  {where}")
    return "\n".join(printable(line) for line in out)  # text and names come from the documents
