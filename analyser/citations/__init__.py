"""Stage 3, citations: find in-text citations and the reference list, then
cross-check them (clean → find → resolve → annotate).

    section, references = find_references(document)
    citations = find_citations(document, style, exclude=[section])
    findings = check_citations(citations, references, ...)
"""

from analyser.citations.find import find_citations
from analyser.citations.references import find_references

__all__ = ["find_citations", "find_references"]
