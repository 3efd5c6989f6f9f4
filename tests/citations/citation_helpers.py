"""Shared helpers for the citation tests."""

from __future__ import annotations

from analyser.citations import check_citations, find_citations, find_references
from analyser.ingest import ingest_text
from analyser.model import Citation, Document, Reference


def run(text: str, style: str = "harvard") -> tuple[Document, list[Citation], list[Reference]]:
    """The citation stage on a plain-text passage, as the pipeline runs it."""
    document = ingest_text(text)
    section, references = find_references(document)
    citations = find_citations(document, style, exclude=[section])
    check_citations(document, citations, references or None, style)
    return document, citations, references


def fields(citation: Citation) -> tuple:
    via = citation.via
    return (
        citation.text,
        citation.authors,
        citation.year,
        citation.suffix,
        citation.pages,
        citation.narrative,
        None if via is None else (via.authors, via.year, via.suffix, via.pages),
    )


def codes(citation: Citation) -> list[str]:
    return sorted(p.code for p in citation.problems)
