"""Stage 3, citations: in-text citations and the reference list, cross-checked
and explained. One public function per stage, as in eyecite:

    section, references = find_references(document)              # find (the list)
    citations = find_citations(document, style, exclude=[section]) # find (in the text)
    resolution = resolve_citations(citations, references, text)   # resolve: link to entries
    check_citations(document, citations, references, style)       # annotate: problems + fixes
    findings, sources = citation_findings(document, citations, references, section, profile, style, resolution)

`style` is a registered style's name or a `CitationStyle` (style.py): the
rules every stage judges and writes by, loaded from data.

`check_citations` runs `resolve_citations` itself and returns its result.
Cleaning is part of finding: the finder reads the original text, so every
span is an offset into `document.text`, and whitespace, line breaks and PDF
debris are dealt with by the token scanner (patterns.py) rather than by
rewriting the text.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from analyser.citations.check import check_citations
    from analyser.citations.find import find_citations
    from analyser.citations.references import find_references
    from analyser.citations.resolve import resolve_citations
    from analyser.citations.style import (
        CitationStyle,
        Written,
        citation_style,
        format_citation,
        register_styles,
        style_names,
    )
    from analyser.citations.summary import citation_findings

# Loaded on first use, so that the command line can list the registered
# styles (style.py, light) without compiling the scanner's patterns.
_HOME = {
    "check_citations": "check", "find_citations": "find", "find_references": "references",
    "resolve_citations": "resolve", "citation_findings": "summary", "CitationStyle": "style", "Written": "style",
    "citation_style": "style", "format_citation": "style", "register_styles": "style", "style_names": "style",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)


__all__ = [
    "CitationStyle",
    "Written",
    "check_citations",
    "citation_findings",
    "citation_style",
    "find_citations",
    "find_references",
    "format_citation",
    "register_styles",
    "resolve_citations",
    "style_names",
]
