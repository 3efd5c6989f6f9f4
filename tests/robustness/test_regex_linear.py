"""Patterns that were quadratic on hostile input, kept linear. The full
survey of every pattern is bench/bench_regex.py; these are regression tests
with generous limits (the quadratic versions took minutes at these sizes)."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyser.ingest import ingest_text
from analyser.ingest.pdf import _HYPHEN_END
from analyser.nlp import _SENTENCE_END
from analyser.pipeline import Analyser


def _seconds(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


@pytest.mark.parametrize("text", [".", "?!", "…", "..."], ids=["dots", "marks", "ellipses", "dot-leaders"])
def test_sentence_end_on_a_run_of_marks(text: str) -> None:
    """200,000 end marks: was ~10 minutes (each start rescanned the run)."""
    run = text * (200_000 // len(text))
    assert _seconds(lambda: list(_SENTENCE_END.finditer(run))) < 1


# The pattern before it was made linear: the reference for what it must find.
_OLD_SENTENCE_END = re.compile(r"[.?!…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def test_sentence_end_still_finds_ends() -> None:
    found = [m.group() for m in _SENTENCE_END.finditer('Why?". Next... Then! "Quote." And (x.) Y')]
    assert found == [".", "...", "!", '."', ".)"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='.?!…"\'”’)]“‘([ \nAa1', max_size=60))
def test_sentence_end_matches_as_before(text: str) -> None:
    """Same matches as the old pattern on short strings of the characters it cares about."""
    assert [m.span() for m in _SENTENCE_END.finditer(text)] == [m.span() for m in _OLD_SENTENCE_END.finditer(text)]


def test_hyphen_end_on_a_long_word() -> None:
    """A 200,000-letter "line" from a hostile PDF: was ~3 minutes."""
    line = "a" * 200_000 + " end"
    assert _seconds(lambda: _HYPHEN_END.search(line)) < 1
    assert _HYPHEN_END.search("the collab-").group(1) == "collab"


def test_a_line_of_dots_through_the_pipeline() -> None:
    """A table of contents gone wrong: 100,000 dots in one paragraph."""
    document = ingest_text("Introduction " + "." * 100_000 + " 3\n\nTrust grew between partners.\n")
    assert _seconds(lambda: Analyser().analyse_document(document)) < 20
