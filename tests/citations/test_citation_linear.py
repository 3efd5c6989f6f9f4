"""Adversarial input must not make the matcher backtrack: these finish
quickly because the matcher is linear (timings are in bench/bench_citations.py,
not asserted here)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyser.citations import check_citations, find_citations, find_references
from analyser.model import Block, Document, Metadata

SIZE = 200_000

INPUTS = {
    "open brackets": "(" * SIZE,
    "nested brackets": "(" * (SIZE // 2) + "Smith, 2020" + ")" * (SIZE // 2),
    "Smith, 20 repeated": "Smith, 20" * (SIZE // 9),
    "unclosed citations": "(Smith, 2020 " * (SIZE // 13),
    "long author lists": "(Ab, Cd, Ef, Gh and Ij, 2020) " * (SIZE // 30),
    "names before years": ("Smith " * 40 + "(2020) ") * (SIZE // 247),
    "opening quotes": "“" * SIZE + " (Smith, 2020)",
    "reference list of name runs": "References\n\n" + "Smith, A. " * (SIZE // 10),
    # each a candidate citation with no year, each name different: was one
    # search of the whole text per name (quadratic)
    # the eighteenth round's classes: brackets of names and "et al." without a year, narrative citations
    # inside one long bracket, and source brackets after narrative citations
    "names and et al. without years": "(Ab Cd et al.) " * (SIZE // 15),
    "narrative citations inside a bracket": "(" + "Dr Smith (2020) and " * (SIZE // 20) + ")",
    "source brackets after narratives": "Smith (2020) said it (cited in Lee, 2021) " * (SIZE // 42),
    # the nineteenth round's: abbreviations alone in brackets after an organisation that says something, page
    # brackets after narrative citations, names holding "in the", and editors' labels in a reference list
    "abbreviations alone after a saying body": "The Health and Care Council says so (HCC); " * (SIZE // 43),
    "page brackets after narratives": "Smith (2020) found no change (pp. 4) " * (SIZE // 37),
    "names holding 'in the'": "According to Recovery in the Bin (2016) " * (SIZE // 40),
    "editors' labels in a reference list": "References\n\n" + "Smith, A. (Eds.). " * (SIZE // 18),
    # issue 8's seventeenth round: initials before a verb of saying on every line of a timed log; each was
    # one search of the whole text for a lower-case word before "(MH)" (quadratic: 4,000 lines took 12 s)
    "initials that say something, line after line": "10:40 MH said trust power vision\n" * (SIZE // 33),
    "different names before 'argues that'": "".join(
        f"K{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676 % 26)} argues that it works. "
        for i in range(SIZE // 28)),
}


@pytest.mark.parametrize("name", INPUTS)
def test_adversarial_input_completes(name):
    text = INPUTS[name]
    blocks = [Block("paragraph", 0, len(text))]
    if text.startswith("References"):
        blocks = [Block("heading", 0, 10, 2), Block("paragraph", 12, len(text))]
    document = Document(text, blocks, Metadata("<adversarial>", "txt"))
    section, references = find_references(document)
    citations = find_citations(document, "harvard", exclude=[section])
    check_citations(document, citations, references or None, "harvard")
    for citation in citations:
        assert text[citation.start : citation.end] == citation.text
    if name == "nested brackets":
        assert [c.text for c in citations] == ["(Smith, 2020)"]


@given(st.text(alphabet=" .aAbB\n", max_size=40), st.text(alphabet=".abAB", min_size=1, max_size=4))
def test_words_after_a_space_agree_with_searching_the_text(text, word):
    """The one-pass word set answers exactly what the per-name search did:
    does " w " or " w." occur in the text."""
    from analyser.citations.find import _words_after_a_space

    assert (word in _words_after_a_space(text)) == (f" {word} " in text or f" {word}." in text)


@given(st.text(alphabet=" ab(A)s\n", max_size=40), st.text(alphabet="ABs", min_size=1, max_size=3))
def test_lower_case_abbreviations_agree_with_searching_the_text(text, abbreviation):
    """The one-pass set answers exactly what the per-name search did: does a
    lower-case word of three letters or more, one or two spaces, then the
    abbreviation (or its plural) in brackets occur in the text."""
    import re

    from analyser.citations.find import _lower_case_abbreviations

    searched = re.search(rf"\b[a-z]{{3,}}\s{{1,2}}\({re.escape(abbreviation)}s?\)", text) is not None
    assert (abbreviation in _lower_case_abbreviations(text)) == searched
