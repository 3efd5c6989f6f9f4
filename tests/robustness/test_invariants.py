"""Property-based tests: random Unicode documents, salted with the things the
analysis looks for (terms, citations, case names, abbreviations, headings,
reference lists) and the things that break offsets (CRLF, soft hyphens,
zero-width spaces, combining marks, emoji, NULs, lone surrogates).

For every document: ingest either succeeds or raises the documented
InputError; analysis never raises; every span lies inside the text and its
`text` equals the slice; sentences are in order, inside their paragraph and
cover every visible character of it; mentions, citations and cases do not
overlap their own kind; no mention falls in a citation, a heading or the
reference list; the JSON validates against the published schema and
survives a round trip.
"""

from __future__ import annotations

import json
import os
import unicodedata
from functools import lru_cache

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyser.errors import InputError
from analyser.ingest import ingest_text
from analyser.model import Analysis
from analyser.pipeline import Analyser
from analyser.resources import schema_path

# Moderate, so the suite stays fast; raise it to hunt: ANALYSER_FUZZ_EXAMPLES=2000 pytest tests/robustness
MAX_EXAMPLES = int(os.environ.get("ANALYSER_FUZZ_EXAMPLES", "60"))

# Removed from the parse view (parse._COMPACT), so never part of a sentence.
IGNORABLE = set("\u00ad\u200b\u200c\u200d\u2060\ufeff")

PIECES = [
    "trust", "Trust", "trusted", "mistrust", "shared vision", "shared\nvision", "shared  vision", "power",
    "no shared vision", "lack of trust", "did not trust", "identity", "self-esteem", "trust fund",
    "Jasmine", "Sheraz's case", "Shirley’s", "(Huxham and Vangen, 2005)", "Huxham and Vangen (2005)",
    "(Smith, 2010, p. 4)", "(Smith et al., 2019a; Jones, n.d.)", "Smith (2010, cited in Jones, 2012)",
    "et al.", "e.g.", "i.e.", "p.", "pp. 3–4", "J. Smith", "(", ")", "[", "]", ". ", "? ", "! ", "…", ".",
    "\n", "\n\n", "\r\n", "\r", "  ", "\t", "\u00a0", "\u00ad", "\u200b", "\ufeff", "\u2028",
    "# ", "## ", "- ", "* ", "1. ", "• ", "| a | b |\n|---|---|\n", "\nReferences\n\n",
    "Smith, J. (2010) Partnership. London: Sage.\n", "é", "ﬁ", "İ", "ß", "e\u0301", "😀", "👩🏽‍⚕️",
    "\x00", "\ud800", "<script>alert(1)</script>", "{{ x }}", "\"quoted\"", "'", "\u202e", "\x1b[31m",
]
SEPARATORS = [" ", " ", "", ". ", ", ", "\n", "\n\n"]
DOCUMENTS = st.lists(
    st.tuples(st.one_of(st.sampled_from(PIECES), st.sampled_from(PIECES), st.text(max_size=12)),
              st.sampled_from(SEPARATORS)).map("".join),
    max_size=40,
).map("".join)


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads(schema_path().read_text(encoding="utf-8"))


def _inside(text: str, start: int, end: int) -> bool:
    return 0 <= start <= end <= len(text)


def _no_overlap(spans: list[tuple[int, int]]) -> bool:
    spans = sorted(spans)
    return all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))


def check_invariants(analysis: Analysis) -> None:
    document = analysis.document
    text = document.text
    text.encode("utf-8")  # no lone surrogates: the result can always be written

    blocks = document.blocks
    for block in blocks:
        assert _inside(text, block.start, block.end) and block.start < block.end
        assert not text[block.start].isspace() and not text[block.end - 1].isspace()
    assert _no_overlap([(b.start, b.end) for b in blocks])
    assert [b.start for b in blocks] == sorted(b.start for b in blocks)

    sentences = analysis.sentences
    for sentence in sentences:
        block = blocks[sentence.paragraph]
        assert block.start <= sentence.start < sentence.end <= block.end
    assert [(s.start, s.end) for s in sentences] == sorted((s.start, s.end) for s in sentences)
    assert _no_overlap([(s.start, s.end) for s in sentences])
    covered = [False] * len(text)
    for sentence in sentences:
        covered[sentence.start : sentence.end] = [True] * (sentence.end - sentence.start)
    for block in blocks:
        for i in range(block.start, block.end):
            assert covered[i] or text[i].isspace() or text[i] in IGNORABLE, (i, text[i], text)

    def check_span(item: object, what: str) -> None:
        start, end = item.start, item.end  # type: ignore[attr-defined]
        assert _inside(text, start, end) and start < end, what
        assert item.text == text[start:end], what  # type: ignore[attr-defined]

    for mention in analysis.mentions:
        check_span(mention, "mention")
        sentence = sentences[mention.sentence]
        assert sentence.start <= mention.start and mention.end <= sentence.end
        block = blocks[mention.paragraph]
        assert block.start <= mention.start and mention.end <= block.end
    assert _no_overlap([(m.start, m.end) for m in analysis.mentions])

    not_coded = [(c.start, c.end) for c in analysis.citations]
    not_coded += [(b.start, b.end) for b in blocks if b.kind == "heading"]
    if analysis.reference_section:
        assert _inside(text, *analysis.reference_section)
        not_coded.append(analysis.reference_section)
    for mention in analysis.mentions:
        assert all(mention.end <= start or end <= mention.start for start, end in not_coded)

    for citation in analysis.citations:
        check_span(citation, "citation")
        assert citation.sentence is None or 0 <= citation.sentence < len(sentences)
    assert _no_overlap([(c.start, c.end) for c in analysis.citations])
    for case in analysis.cases:
        check_span(case, "case")
        assert 0 <= case.sentence < max(1, len(sentences)) and 0 <= case.paragraph < len(blocks)
    assert _no_overlap([(c.start, c.end) for c in analysis.cases])
    for reference in analysis.references:
        check_span(reference, "reference")
    for finding in analysis.findings:
        if finding.start is not None:
            assert _inside(text, finding.start, finding.end)

    data = analysis.to_dict()
    jsonschema.validate(data, _schema())
    encoded = json.dumps(data, ensure_ascii=False).encode("utf-8")
    assert Analysis.from_dict(json.loads(encoded)).to_dict() == data


@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=DOCUMENTS, fmt=st.sampled_from(["txt", "md"]))
def test_random_documents(analyser: Analyser, text: str, fmt: str) -> None:
    try:
        document = ingest_text(text, "<fuzz>", fmt)
    except InputError as error:
        assert error.problem in {
            "contains only whitespace: no text to analyse", "is empty (no text to analyse)", "has no text to analyse",
            "contains only invisible characters (zero-width spaces, joiners, soft hyphens, direction marks): "
            "no text to analyse",  # e.g. "\xad " (a soft hyphen and a space), found by this test
        }, error.problem
        return
    check_invariants(analyser.analyse_document(document))


@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300))
def test_plain_random_unicode(analyser: Analyser, text: str) -> None:
    """Unsalted: any string at all (st.text draws from every code point but
    surrogates, NUL and controls included)."""
    try:
        document = ingest_text(text)
    except InputError as error:
        if "invisible" in str(error):  # soft hyphens, zero-width spaces, joiners and marks only
            assert all(c.isspace() or unicodedata.category(c) in ("Cc", "Cf", "Mn") for c in text), text
        else:
            assert not text.replace("\x00", "").strip() or text.strip().startswith("|")
        return
    check_invariants(analyser.analyse_document(document))


@settings(max_examples=MAX_EXAMPLES // 2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=DOCUMENTS)
def test_from_bytes_in_any_encoding(analyser: Analyser, text: str) -> None:
    """Through the byte path too: the same text saved as UTF-8, UTF-16 or
    cp1252 (where it fits) is read or refused with an InputError, never a crash."""
    from analyser.ingest import ingest_bytes

    clean = text.replace("\ud800", "")
    candidates = [clean.encode("utf-8"), clean.encode("utf-16"), clean.encode("utf-16-le")]
    try:
        candidates.append(clean.encode("cp1252"))
    except UnicodeEncodeError:
        pass
    for data in candidates:
        try:
            document = ingest_bytes(data, "<fuzz>.txt", "txt")
        except InputError:
            continue
        check_invariants(analyser.analyse_document(document))
