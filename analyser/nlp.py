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
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from analyser.lexicon import Lexicon, load_lexicon
from analyser.resources import read_word_list

EXCLUDE_LABEL = "__exclude__"
# A sentence end: closing punctuation and marks, then whitespace and something
# that can start a sentence.
# A match may only start where a run of end marks starts (the look-behind) and
# never gives marks back (possessive): a run of n dots was otherwise rescanned
# from each of its n positions (20,000 dots took 6 s; see bench/bench_regex.py).
_SENTENCE_END = re.compile(r"(?<![.?!…])[.?!…]++[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_MAX_BRACKET_SPAN = 200  # an unclosed "(" stops suppressing boundaries after this many chars


class TextKeepingTokenizer:
    """The stock tokenizer, but the Doc remembers its text: spaCy rebuilds
    ``Doc.text`` from every token on each access, too slow for a component
    that reads it once per block."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data["text"] = text
        return doc


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get("text")
    return text if isinstance(text, str) else doc.text


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
        orths: list[int] = np.unique(doc.to_array("ORTH")).tolist() if len(doc) else []
        for orth in orths:
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
        # Written as one array: setting Token.is_sent_start one by one makes
        # spaCy rescan the whole Doc each time.
        flags = np.full(len(doc), -1, dtype=np.int64)
        flags[0] = 1
        starts = sentence_starts(doc_text(doc), self.abbreviations)
        if starts:
            token_starts = doc.to_array("IDX")
            positions = np.searchsorted(token_starts, starts)
            for offset, i in zip(starts, positions.tolist()):
                if 0 < i < len(doc) and token_starts[i] == offset:
                    flags[i] = 1
        doc.from_array([SENT_START], flags.view(np.uint64))  # type: ignore[arg-type]
        return doc


def sentence_starts(text: str, abbreviations: frozenset[str]) -> list[int]:
    """Character offsets where a new sentence starts (the first is implied).

    A candidate end (., ?, ! then whitespace and something that can start a
    sentence) is not a boundary after an abbreviation or initial, nor inside a
    bracket opened within _MAX_BRACKET_SPAN characters before it."""
    starts = []
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        if _inside_bracket(text, end, match.end()):
            continue
        if text[end] == "." and _is_abbreviation(text, end, abbreviations):
            continue
        next_start = match.end()
        while next_start < len(text) and text[next_start].isspace():
            next_start += 1
        starts.append(next_start)
    return starts


def _inside_bracket(text: str, position: int, match_end: int) -> bool:
    """An unclosed "(" or "[" shortly before `position` (closing marks that are
    part of the sentence end, as in "(see above.)", close it)."""
    window_start = max(0, position - _MAX_BRACKET_SPAN)
    for opener, closer in (("(", ")"), ("[", "]")):
        opened = text.rfind(opener, window_start, position)
        if opened >= 0 and text.find(closer, opened, match_end) < 0:
            return True
    return False


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    """Is the word before the full stop at `dot` an abbreviation or an initial?"""
    start = dot
    while start > 0 and dot - start < 12 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    token = text[start:dot].lstrip(".")
    if not token:
        return False
    if len(token) == 1 and token.isupper():
        return True  # an initial: "J. Smith"
    return token.lower().rstrip(".") in abbreviations


if not Doc.has_extension("concept_matches"):
    Doc.set_extension("concept_matches", default=None)


@Language.factory("concept_matcher")
class ConceptMatcher:
    """Lexicon terms matched on NORM (lemma), longest match winning; phrases
    listed as other senses of a term (e.g. "trust fund") block a match.

    Matches go to ``doc._.concept_matches`` as (term index, start token, end
    token) tuples; ``self.terms[i]`` is the lexicon term. Plain tuples rather
    than a SpanGroup: a Span object per match costs more than the matching."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.matcher: PhraseMatcher | None = None
        self.terms: list = []
        self.exclude_key = 0

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
        self.exclude_key = self.nlp.vocab.strings[EXCLUDE_LABEL]
        self.key_to_term = {self.nlp.vocab.strings[str(i)]: i for i in range(len(self.terms))}
        self.matcher = matcher

    def __call__(self, doc: Doc) -> Doc:
        assert self.matcher is not None, "concept_matcher used before initialize()"
        kept = longest_matches(self.matcher(doc))
        doc._.concept_matches = [
            (self.key_to_term[key], start, end) for key, start, end in kept if key != self.exclude_key
        ]
        return doc


def longest_matches(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Non-overlapping matches, longest first then leftmost (as spaCy's
    filter_spans), returned in text order."""
    if len(matches) < 2:
        return list(matches)
    taken: set[int] = set()
    kept = []
    for key, start, end in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        if start not in taken and end - 1 not in taken:
            kept.append((key, start, end))
            taken.update(range(start, end))
    kept.sort(key=lambda m: m[1])
    return kept


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
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    nlp.add_pipe("lemma_norms")
    nlp.add_pipe("academic_sentences")
    nlp.add_pipe("concept_matcher")
    nlp.config["initialize"]["components"]["concept_matcher"] = {
        "lexicon_path": str(Path(lexicon_path).resolve()) if lexicon_path else ""
    }
    nlp.initialize()
    return nlp
