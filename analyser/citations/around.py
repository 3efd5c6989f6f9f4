"""Faults a citation shows in the text around it rather than in its own
(part of the *annotate* stage): the source read named in a bracket of its
own later in the sentence, and a narrative citation standing inside a
bracket of the running text. check.py asks for them; each is read from the
document text and the citation record alone, as the rest of the stage is."""

from __future__ import annotations

import re
from collections.abc import Iterable

from analyser.citations.find import SOURCE_ALONE
from analyser.citations.patterns import ET_AL
from analyser.model import Citation

POSSESSIVE_NAME = re.compile(r"(?:['’]s|s['’])\s*$")  # "the Law Commission's (2017)"
_SOURCE_WINDOW = 400  # characters after a narrative citation searched for its source's bracket


def detached_source(text: str, citation: Citation) -> re.Match[str] | None:
    """The bracket naming the source read ("(cited in McGorry et al., 2008)")
    that the finder gave to a narrative citation earlier in its sentence
    ('Birchwood (1998) described it as a "critical period" (cited in ...)'),
    or None for a citation whose source read is inside its own text."""
    if citation.via is None or not citation.narrative or not citation.via.authors:
        return None
    if citation.via.authors[0] in citation.text:
        return None
    author = citation.via.authors[0]
    for match in SOURCE_ALONE.finditer(text, citation.end, citation.end + _SOURCE_WINDOW):
        if text[match.end() : match.end() + len(author) + 2].lstrip().startswith(author):
            return match
    return None


def source_et_al(text: str, source: re.Match[str]) -> bool:
    """Whether the source's bracket cites it as "First et al."."""
    close = text.find(")", source.end(), source.end() + 200)
    return close > 0 and ET_AL.search(text, source.end(), close) is not None


_BRACKET_WINDOW = 300  # characters either side of a narrative citation searched for the bracket round it
_YEAR_BRACKET = re.compile(r"[^()]{1,200}\((?:1[5-9]\d\d|20\d\d|n\.\s?d|in\spress|forthcoming)[^()]{0,40}\)")


def inside_bracket(text: str, citation: Citation) -> bool:
    """Whether a narrative citation stands inside a bracket of the running
    text ("(a concern later echoed by the Law Commission (2017))"), where
    APA 7 (8.11) sets the year off with commas instead ("Law Commission,
    2017"). Only names and their year bracket ("Law Commission (2017)"): not
    a possessive, nor a group author's abbreviation with its year, whose
    forms inside a bracket neither guide shows; and not a bracket that is
    the citation's whole (the finder reads that one as a bracket citation,
    "(World Health Organization (2009))")."""
    if not citation.narrative or not _YEAR_BRACKET.fullmatch(citation.text):
        return False
    if POSSESSIVE_NAME.search(citation.text.split("(")[0]):
        return False
    before = text[max(0, citation.start - _BRACKET_WINDOW) : citation.start]
    after = text[citation.end : citation.end + _BRACKET_WINDOW]
    return _unmatched(reversed(before), "(", ")") and _unmatched(after, ")", "(")


def _unmatched(chars: Iterable[str], wanted: str, other: str) -> bool:
    """Whether `wanted` comes, in this order of characters and before a line
    break, with no `other` left open: the bracket round a citation ("(see
    Okafor and Lind (2017) and Lee (2019))" holds both)."""
    depth = 0
    for char in chars:
        if char == "\n":
            return False
        if char == other:
            depth += 1
        elif char == wanted:
            if depth == 0:
                return True
            depth -= 1
    return False
