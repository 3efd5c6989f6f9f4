"""Stage 3, citations: in-text citations and the reference list, cross-checked
and explained. One public function per stage, as in eyecite:

    section, references = find_references(document)              # find (the list)
    citations = find_citations(document, style, exclude=[section]) # find (in the text)
    resolution = resolve_citations(citations, references, text)   # resolve: link to entries
    check_citations(document, citations, references, style)       # annotate: problems + fixes
    findings, sources = citation_findings(document, citations, references, section, profile, style, resolution)

`check_citations` runs `resolve_citations` itself and returns its result.
Cleaning is part of finding: the finder reads the original text, so every
span is an offset into `document.text`, and whitespace, line breaks and PDF
debris are dealt with by the token scanner (patterns.py) rather than by
rewriting the text.
"""

from analyser.citations.check import check_citations
from analyser.citations.find import find_citations
from analyser.citations.references import find_references
from analyser.citations.resolve import resolve_citations
from analyser.citations.style import Written, format_citation
from analyser.citations.summary import citation_findings

__all__ = [
    "Written",
    "check_citations",
    "citation_findings",
    "find_citations",
    "find_references",
    "format_citation",
    "resolve_citations",
]
