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


def fix(citation: Citation) -> str | None:
    """The one fix offered for a citation (all its problems agree on it), or None."""
    fixes = {p.suggestion for p in citation.problems}
    assert len(fixes) <= 1, fixes
    return fixes.pop() if fixes else None


def case_id(case: tuple) -> str:
    """A readable pytest id for a (passage, style, expected) table case."""
    return f"{case[1]}:{case[0][:45]}"


def assert_form_in_style(passage: str, style: str, expected: list[tuple]) -> None:
    """The citations found in `passage` under `style`, each as (text, authors,
    year, pages, narrative, codes, fix), are `expected`; every span is the
    document's text and every message is filled in."""
    document, citations, _ = run(passage, style)
    got = [(*fields(c)[:3], c.pages, c.narrative, codes(c), fix(c)) for c in citations]
    assert got == [tuple(e) for e in expected]
    for citation in citations:
        assert document.text[citation.start : citation.end] == citation.text
        assert all(p.message and "{" not in p.message for p in citation.problems)
