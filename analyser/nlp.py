"""The spaCy pipeline, built once per process and per lexicon.

No trained model is needed (official spaCy models are not on PyPI): a blank
English tokenizer, then three components of our own:

- ``lemma_norms`` sets each word's NORM to its lemma from spacy-lookups-data
  (lower-cased first, because the table is case-sensitive), so matching on NORM
  is lemma-aware at the speed of a PhraseMatcher;
- ``academic_sentences`` splits sentences without breaking after "et al.",
  "p.", "pp.", "e.g.", initials and the like, or inside brackets;
- ``concept_matcher`` finds lexicon terms and writes them to
  ``doc.spans["concepts"]``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from analyser.lexicon import Lexicon, load_lexicon
from analyser.resources import data_path

EXCLUDE_LABEL = "__exclude__"
_SENTENCE_END = re.compile(r"[.?!…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.?$")
_MAX_BRACKET_SPAN = 200  # an unclosed "(" stops suppressing boundaries after this many chars


def read_word_list(name: str) -> frozenset[str]:
    lines = data_path(name).read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


@Language.factory("lemma_norms")
class LemmaNorms:
    """Set NORM = lookup lemma of the lower-cased word, once per new word type."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.vocab = nlp.vocab
        self.table: Any = {}  # a spacy Table: keys are hashed, so look up by string
        self.seen: set[int] = set()

    def initialize(self, get_examples=None, nlp: Language | None = None) -> None:
        from spacy.lookups import load_lookups

        lookups = load_lookups("en", ["lemma_lookup"])
        self.table = lookups.get_table("lemma_lookup")

    def __call__(self, doc: Doc) -> Doc:
        orths = np.unique(doc.to_array("ORTH")) if len(doc) else []
        for orth in orths:
            orth = int(orth)
            if orth not in self.seen:
                self.seen.add(orth)
                lexeme = self.vocab[orth]
                lower = lexeme.lower_
                lexeme.norm_ = self.table.get(lower, lower)
        return doc


@Language.factory("academic_sentences")
class AcademicSentences:
    """Rule-based sentence starts that survive academic abbreviations."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.abbreviations: frozenset[str] = frozenset()

    def initialize(self, get_examples=None, nlp: Language | None = None) -> None:
        self.abbreviations = read_word_list("abbreviations.txt")

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        doc[0].is_sent_start = True
        starts = sentence_starts(doc.text, self.abbreviations)
        if starts:
            token_starts = doc.to_array("IDX")
            for offset in starts:
                i = int(np.searchsorted(token_starts, offset))
                if 0 < i < len(doc) and token_starts[i] == offset:
                    doc[i].is_sent_start = True
        if len(doc) > 1 and doc[1].is_sent_start is None:
            doc[1].is_sent_start = False  # marks the doc as segmented, even as one sentence
        return doc


def sentence_starts(text: str, abbreviations: frozenset[str]) -> list[int]:
    """Character offsets where a new sentence starts (the first is implied)."""
    starts = []
    open_at: list[int] = []  # positions of unclosed "(" / "["
    scanned = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        for i in range(scanned, match.start()):
            ch = text[i]
            if ch in "([":
                open_at.append(i)
            elif ch in ")]" and open_at:
                open_at.pop()
        scanned = match.start()
        if open_at and match.start() - open_at[-1] < _MAX_BRACKET_SPAN:
            continue
        if match.group().startswith(".") and _is_abbreviation(text, match.start(), abbreviations):
            continue
        next_start = end
        while next_start < len(text) and text[next_start].isspace():
            next_start += 1
        starts.append(next_start)
    return starts


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    word = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not word:
        return False
    token = word.group(1)
    if len(token) == 1 and token.isupper():
        return True  # an initial: "J. Smith"
    return token.lower().rstrip(".") in abbreviations


@Language.factory("concept_matcher")
class ConceptMatcher:
    """Lexicon terms matched on NORM (lemma), longest match winning; phrases
    listed as other senses of a term (e.g. "trust fund") block a match."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.matcher: PhraseMatcher | None = None
        self.terms: list = []

    def initialize(
        self, get_examples=None, nlp: Language | None = None, lexicon_path: str = ""
    ) -> None:
        lexicon = load_lexicon(lexicon_path or None)
        self.load(lexicon)

    def load(self, lexicon: Lexicon) -> None:
        matcher = PhraseMatcher(self.nlp.vocab, attr="NORM")
        norms = self.nlp.get_pipe("lemma_norms")
        self.terms = lexicon.terms()
        for index, term in enumerate(self.terms):
            matcher.add(str(index), [norms(self.nlp.make_doc(v)) for v in spelling_variants(term.text)])
        for concept in lexicon.concepts:
            phrases = [v for phrase in concept.exclude for v in spelling_variants(phrase)]
            if phrases:
                matcher.add(EXCLUDE_LABEL, [norms(self.nlp.make_doc(p)) for p in phrases])
        self.matcher = matcher

    def __call__(self, doc: Doc) -> Doc:
        assert self.matcher is not None, "concept_matcher used before initialize()"
        spans = [Span(doc, start, end, label=key) for key, start, end in self.matcher(doc)]
        doc.spans["concepts"] = [s for s in filter_spans(spans) if s.label_ != EXCLUDE_LABEL]
        return doc


def spelling_variants(term: str) -> list[str]:
    """'self-esteem' also as 'self esteem' and 'selfesteem'; 'decision making'
    also as 'decision-making'."""
    variants = {term}
    if "-" in term:
        variants.add(term.replace("-", " "))
        variants.add(term.replace("-", ""))
    elif " " in term and len(term.split()) == 2:
        variants.add(term.replace(" ", "-"))
    return sorted(variants)


@lru_cache(maxsize=4)
def build_pipeline(lexicon_path: str = "") -> Language:
    """The pipeline for one lexicon (the default when empty). Cached: build once
    per process."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemma_norms")
    nlp.add_pipe("academic_sentences")
    nlp.add_pipe("concept_matcher")
    nlp.config["initialize"]["components"]["concept_matcher"] = {
        "lexicon_path": str(Path(lexicon_path).resolve()) if lexicon_path else ""
    }
    nlp.initialize()
    return nlp
