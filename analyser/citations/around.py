"""Faults a citation shows in the text around it rather than in its own
(part of the *annotate* stage): the source read named in a bracket of its
own later in the sentence, a narrative citation standing inside a bracket
of the running text, and the page of a paraphrase given in a bracket of its
own. check.py asks for them; each is read from the document text and the
citation records alone, as the rest of the stage is."""

from __future__ import annotations

import re
from collections.abc import Iterable

from analyser.citations.find import SOURCE_ALONE
from analyser.citations.patterns import ET_AL, SENTENCE_END
from analyser.model import Citation

# A bracket holding only a page: '"..." that stops them asking (pp. 12-13).', "found no change (pp. 45)".
PAGE_ONLY = re.compile(r"\((?:pp?|pgs?|paras?|page|paragraph)\.?\s{0,2}(?:S?\d|[ivxlc])[^()]{0,20}\)")
_PAGE_WINDOW = 400  # characters after a narrative citation searched for the end of its sentence

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


def page_apart(text: str, citations: list[Citation], number: int) -> tuple[int, int] | None:
    """The span of a bracket holding only a page later in the sentence of a
    narrative citation, with no quotation: "Alam et al. (2018) found no
    improvement in mortality (pp. 45)." APA 7 (8.23, 8.28) places a
    paraphrase's page so, as it does a quotation's; the page is the
    citation's, and a fault in its label ("pp." for one page, "pg.") is
    told on the citation, with no fix (the bracket is not its text). Only
    when the citation is the one citation of its sentence before the
    bracket and has no page of its own: with two, or a page already given,
    whose page it is only the writer knows. check.py asks only for a
    citation no quotation of the sentence is cited by (a quotation's page
    bracket is its own rule, `quotes.cited_quotations`)."""
    citation = citations[number]
    if not citation.narrative or citation.pages or (citation.via is not None and citation.via.pages):
        return None
    end = min(len(text), citation.end + _PAGE_WINDOW)
    if number + 1 < len(citations):
        end = min(end, citations[number + 1].start)
    bracket = PAGE_ONLY.search(text, citation.end, end)
    if bracket is None or "\n" in text[citation.end : bracket.start()] or SENTENCE_END.search(
            text, citation.end, bracket.start()) is not None:
        return None  # (none in the citation's sentence; the page's own "pp. 45" is no sentence end)
    if number > 0 and SENTENCE_END.search(text, citations[number - 1].end, citation.start + 1) is None:
        return None  # another citation earlier in the sentence
    return bracket.span()
