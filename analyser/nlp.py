"""The spaCy pipeline, built once per process and per lexicon.

No trained model is needed (official spaCy models are not on PyPI): a blank
English tokenizer, then three components of our own:

- ``lemma_norms`` sets each word's NORM to its lemma from spacy-lookups-data
  (lower-cased first, because the table is case-sensitive), so matching on NORM
  is lemma-aware at the speed of a PhraseMatcher;
- ``academic_sentences`` splits sentences without breaking after "et al.",
  "p.", "pp.", "e.g.", initials and the like, or inside brackets;
- ``concept_matcher`` finds lexicon terms (phrases and token patterns),
  applies their sense rules (other senses excluded, required cues) and writes
  them to ``doc._.concept_matches`` as (term index, start token, end token).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.attrs import LOWER, NORM, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from analyser.lexicon import Concept, Lexicon, Term, load_lexicon
from analyser.resources import data_path, read_word_list
from analyser.token_patterns import TokenPatterns

EXCLUDE_LABEL = "__exclude__"
# A sentence end: closing punctuation and marks, then whitespace and something
# that can start a sentence.
# A match may only start where a run of end marks starts (the look-behind, put
# after the first mark so that the pattern opens with a character set, which
# the regex engine searches for quickly; a look-behind first made it try every
# position) and never gives marks back (possessive): a run of n dots was
# otherwise rescanned from each of its n positions (20,000 dots took 6 s; see
# bench/bench_regex.py). Group 1 is the whitespace after the end: where it
# stops, the next sentence starts.
_SENTENCE_END = re.compile(r"[.?!…](?<![.?!…][.?!…])[.?!…]*+[\"'”’)\]]*+(?=(\s+)[\"'“‘(\[]?[A-Z0-9])")
_LINE_START = re.compile(r"\n(?=\S)")
_MAX_BRACKET_SPAN = 200  # an unclosed "(" stops suppressing boundaries after this many chars
_BRACKETS = (("(", ")"), ("[", "]"))  # (opener, closer)
_MAX_ABBREVIATION = 12  # characters looked at before a full stop
# doc.user_data keys: the token indices where the Doc's sentences start (see
# sentence_token_starts), and those tokens' character offsets
SENTENCE_STARTS = "sentence_starts"
SENTENCE_CHARS = "sentence_chars"


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


class LemmaNorm:
    """NORM of a new word type: the lookup lemma of its lower-cased form.

    Installed as the vocabulary's NORM getter, which spaCy calls once when it
    first meets a word type (a lexeme), so norms cost nothing per Doc. A class
    rather than a lambda so that the vocabulary can still be pickled."""

    def __init__(self, table: Any, lower: Any, fixes: dict[str, str] | None = None) -> None:
        self.table = table  # a spacy Table: keys are hashed, so look up by string
        self.lower = lower  # the vocabulary's own LOWER getter
        self.fixes = fixes or {}  # words the table lemmatises wrongly (analyser/data/lemma_fixes.txt)

    def __call__(self, string: str) -> str:
        lower = self.lower(string)
        fixed = self.fixes.get(lower)
        return fixed if fixed is not None else self.table.get(lower, lower)


def read_lemma_fixes(path: Path | None = None) -> dict[str, str]:
    """The lookup table's corrections: "word lemma" per line. A malformed
    line stops the load with its file and line number."""
    path = path or data_path("lemma_fixes.txt")
    fixes: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split()
        if len(fields) != 2 or any(f != f.lower() for f in fields):
            raise ValueError(f"{path}:{number}: expected 'word lemma' in lower case, got {line.strip()!r}")
        fixes[fields[0]] = fields[1]
    return fixes


def _lex_attr_getters(vocab: Vocab) -> dict[int, Any]:
    """The functions spaCy calls to fill in a new lexeme's attributes (missing
    from spaCy's type stubs)."""
    getters: dict[int, Any] = vocab.lex_attr_getters  # type: ignore[attr-defined]
    return getters


@Language.factory("lemma_norms")
class LemmaNorms:
    """Set NORM = lookup lemma of the lower-cased word, once per word type.

    `initialize` sets the norm of every word type already in the vocabulary and
    makes `LemmaNorm` the vocabulary's NORM getter for word types met later, so
    a Doc needs no work here. Calling the component stays safe if something
    replaced that getter (spaCy wraps it when `vocab.lookups` is assigned): it
    then sets the norms of the Doc's new word types itself."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.vocab = nlp.vocab
        self.getter: LemmaNorm | None = None
        self.seen: set[int] = set()  # word types normed by __call__ (fallback only)

    def initialize(self, get_examples=None, nlp: Language | None = None) -> None:
        from spacy.lookups import load_lookups

        table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
        getters = _lex_attr_getters(self.vocab)
        self.getter = LemmaNorm(table, getters.get(LOWER, str.lower), read_lemma_fixes())
        getters[NORM] = self.getter
        for lexeme in self.vocab:
            lexeme.norm_ = self.getter(lexeme.orth_)

    def __call__(self, doc: Doc) -> Doc:
        if self.getter is None or _lex_attr_getters(self.vocab).get(NORM) is self.getter:
            return doc  # not initialised yet, or every word type got its norm when created
        orths: list[int] = np.unique(doc.to_array("ORTH")).tolist() if len(doc) else []
        for orth in orths:
            if orth not in self.seen:
                self.seen.add(orth)
                lexeme = self.vocab[orth]
                lexeme.norm_ = self.getter(lexeme.orth_)
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
        first_tokens, first_chars = [0], [0]  # the first token starts at character 0
        text = doc_text(doc)
        starts = sentence_starts(text, self.abbreviations)
        if "\n" in text:  # the parse stage leaves a "\n" only where a line was broken by hand
            starts = sorted({*starts, *(m.end() for m in _LINE_START.finditer(text))})
        if starts:
            token_starts = doc.to_array("IDX")
            positions = np.searchsorted(token_starts, starts).tolist()
            # `starts` increase strictly, so the tokens found are in order, once each
            for offset, i in zip(starts, positions):
                if 0 < i < len(doc) and token_starts[i] == offset:
                    first_tokens.append(i)
                    first_chars.append(offset)
            flags[first_tokens] = 1
        doc.from_array([SENT_START], flags.view(np.uint64))  # type: ignore[arg-type]
        doc.user_data[SENTENCE_STARTS] = first_tokens
        doc.user_data[SENTENCE_CHARS] = first_chars
        return doc


def sentence_token_starts(doc: Doc) -> list[int]:
    """Token indices where the Doc's sentences start, in order, 0 first (empty
    for an empty Doc). `academic_sentences` leaves them in ``doc.user_data``,
    sparing the readers of SENT_START an array per block; a Doc that did not go
    through it is read from SENT_START."""
    starts = doc.user_data.get(SENTENCE_STARTS)
    if isinstance(starts, list):
        return starts
    if not len(doc):
        return []
    found: list[int] = np.flatnonzero(doc.to_array("SENT_START").astype(np.int64) == 1).tolist()
    if not found or found[0] != 0:
        found.insert(0, 0)
    return found


def sentence_starts(text: str, abbreviations: frozenset[str]) -> list[int]:
    """Character offsets where a new sentence starts (the first is implied).

    A candidate end (., ?, ! then whitespace and something that can start a
    sentence) is not a boundary after an abbreviation or initial, nor inside a
    bracket opened within _MAX_BRACKET_SPAN characters before it."""
    starts = []
    # only the kinds of bracket the text has: most blocks have no "[", many no "("
    brackets = [pair for pair in _BRACKETS if pair[0] in text]
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        if brackets and _inside_bracket(text, end, match.end(), brackets):
            continue
        if text[end] == "." and _is_abbreviation(text, end, abbreviations):
            continue
        starts.append(match.end(1))
    return starts


def _inside_bracket(
    text: str, position: int, match_end: int, brackets: Sequence[tuple[str, str]] = _BRACKETS
) -> bool:
    """An unclosed "(" or "[" shortly before `position` (closing marks that are
    part of the sentence end, as in "(see above.)", close it). `brackets`: the
    (opener, closer) pairs to look for; a caller that knows the text has no
    "[" leaves that pair out."""
    window_start = position - _MAX_BRACKET_SPAN if position > _MAX_BRACKET_SPAN else 0
    for opener, closer in brackets:
        opened = text.rfind(opener, window_start, position)
        if opened >= 0 and text.find(closer, opened, match_end) < 0:
            return True
    return False


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    """Is the word before the full stop at `dot` an abbreviation or an initial?

    The word is the run of letters and dots (at most _MAX_ABBREVIATION
    characters) that ends at `dot`."""
    letters = max(_longest(abbreviations), 1) + 1  # longer than any abbreviation and an initial
    if letters <= _MAX_ABBREVIATION and dot >= letters and text[dot - letters : dot].isalpha():
        return False  # most sentences end with a word longer than any abbreviation
    chunk = text[max(0, dot - _MAX_ABBREVIATION) : dot]
    # Usually the last whitespace-separated piece of `chunk` ends at the dot and
    # is all letters and dots: then it is the run, found without a loop.
    word = chunk.rsplit(None, 1)[-1] if chunk and not chunk[-1].isspace() else ""
    if word and word.replace(".", "").isalpha():
        token = word.lstrip(".")
    else:
        start = dot
        while start > 0 and dot - start < _MAX_ABBREVIATION and (text[start - 1].isalpha() or text[start - 1] == "."):
            start -= 1
        token = text[start:dot].lstrip(".")
    if not token:
        return False
    if len(token) == 1 and token.isupper():
        return True  # an initial: "J. Smith"
    return token.lower().rstrip(".") in abbreviations


@lru_cache(maxsize=4)
def _longest(abbreviations: frozenset[str]) -> int:
    """Length of the longest abbreviation (a frozenset keeps its hash, so this
    cache costs one look-up)."""
    return max(map(len, abbreviations), default=0)


if not Doc.has_extension("concept_matches"):
    Doc.set_extension("concept_matches", default=None)


@Language.factory("concept_matcher")
class ConceptMatcher:
    """Lexicon terms matched on NORM (lemma), longest match winning; phrases
    listed as other senses of a term (e.g. "trust fund") block a match.

    A term with a token `pattern`, and an `exclude_patterns` entry, is
    matched by `TokenPatterns` (spaCy's Matcher, run around rare anchor
    words). A term that `requires` cue lists is kept only when one of their
    cues is in the same sentence (cues found by a PhraseMatcher on NORM, run
    only when such a term matched). Matches go to ``doc._.concept_matches``
    as (term index, start token, end token) tuples; ``self.terms[i]`` is the
    lexicon term. Plain tuples rather than a SpanGroup: a Span object per
    match costs more than the matching."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.matcher: PhraseMatcher | None = None
        self.patterns: TokenPatterns | None = None  # None when the lexicon has no patterns
        self.cue_matcher: PhraseMatcher | None = None
        self.terms: list[Term] = []
        self.concepts: dict[str, Concept] = {}
        self.requires: dict[int, frozenset[int]] = {}  # term index -> cue list keys
        self.exclude_key = 0

    def initialize(
        self, get_examples=None, nlp: Language | None = None, lexicon_path: str = ""
    ) -> None:
        lexicon = load_lexicon(lexicon_path or None)
        self.load(lexicon)

    def load(self, lexicon: Lexicon) -> None:
        matcher = PhraseMatcher(self.nlp.vocab, attr="NORM")
        patterns = TokenPatterns(self.nlp, frozenset(w.lower() for t in lexicon.terms() for w in t.text.split()))
        norms = self.nlp.get_pipe("lemma_norms")
        strings = self.nlp.vocab.strings
        self.terms = lexicon.terms()
        self.concepts = {c.id: c for c in lexicon.concepts}
        for index, term in enumerate(self.terms):
            if term.pattern:
                patterns.add(str(index), term.pattern)
            else:
                matcher.add(str(index), [norms(self.nlp.make_doc(v)) for v in spelling_variants(term.text)])
        for concept in lexicon.concepts:
            phrases = [v for phrase in concept.exclude for v in spelling_variants(phrase)]
            if phrases:
                matcher.add(EXCLUDE_LABEL, [norms(self.nlp.make_doc(p)) for p in phrases])
            for excluded in concept.exclude_patterns:
                patterns.add(EXCLUDE_LABEL, excluded.pattern)
        cue_matcher = PhraseMatcher(self.nlp.vocab, attr="NORM")
        for cue_list in lexicon.cue_lists.values():
            if cue_list.cues:
                cue_matcher.add(cue_list.id, [norms(self.nlp.make_doc(c)) for c in cue_list.cues])
        self.requires = {
            i: frozenset(strings[name] for name in t.requires) for i, t in enumerate(self.terms) if t.requires
        }
        self.exclude_key = strings[EXCLUDE_LABEL]
        self.key_to_term = {strings[str(i)]: i for i in range(len(self.terms))}
        self.matcher = matcher
        self.patterns = patterns if len(patterns) else None
        self.cue_matcher = cue_matcher if len(cue_matcher) else None

    def __call__(self, doc: Doc) -> Doc:
        assert self.matcher is not None, "concept_matcher used before initialize()"
        found = self.matcher(doc)
        if self.patterns is not None:
            # an exclusion pattern as long as a term (a phrase or another
            # pattern) beats it; longest_matches keeps the order below on a
            # tie (a stable sort)
            hits = self.patterns(doc, sentence_token_starts(doc))
            found = [*hits, *found]
        # exclusions first, then the term listed first in the lexicon: two
        # entries on the same words give the same mention whatever is added
        # elsewhere in the file (the matchers' own order follows hashed keys)
        found.sort(key=lambda m: (m[0] != self.exclude_key, self.key_to_term.get(m[0], -1)))
        if self.requires and found:
            found = self._with_cues(doc, found)
        kept = longest_matches(found)
        doc._.concept_matches = [
            (self.key_to_term[key], start, end) for key, start, end in kept if key != self.exclude_key
        ]
        return doc

    def _with_cues(self, doc: Doc, found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """Drop the matches of terms that require a cue their sentence lacks
        (before the longest match is chosen, so a dropped term blocks nothing)."""
        needing = [m for m in found if self.requires.get(self.key_to_term.get(m[0], -1))]
        if not needing:
            return found
        cues = self.cue_matcher(doc) if self.cue_matcher is not None else []
        starts = sentence_token_starts(doc)
        cues_by_sentence: dict[int, set[int]] = {}
        for key, start, _ in cues:
            cues_by_sentence.setdefault(bisect.bisect_right(starts, start) - 1, set()).add(key)
        kept = []
        for match in found:
            required = self.requires.get(self.key_to_term.get(match[0], -1))
            if required and not required & cues_by_sentence.get(bisect.bisect_right(starts, match[1]) - 1, set()):
                continue
            kept.append(match)
        return kept


def longest_matches(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Non-overlapping matches, longest first then leftmost (as spaCy's
    filter_spans), returned in text order."""
    if len(matches) < 2:
        return list(matches)
    in_order = sorted(matches, key=itemgetter(1))
    if all(a[2] <= b[1] for a, b in zip(in_order, in_order[1:])):
        return in_order  # the usual case: no two overlap, so all are kept
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


def lemma_collisions(lexicon: Lexicon, lexicon_path: str = "") -> list[str]:
    """Lexicon words the lemma table turns into a function word they are not
    ("willing" -> "will", "mains" -> "main"): matched on lemmas, such an entry
    also fires on that function word everywhere. One message per word, for
    `analyser lexicon check` to warn with; empty when there is none."""
    nlp = build_pipeline(lexicon_path)
    function_words = read_word_list("english_function_words.txt")
    words: dict[str, str] = {}  # word -> the entry it comes from
    for term in lexicon.terms():
        for token in term.pattern or ():
            test = token.get("LEMMA") or {}  # a word, or {"IN": [...]} / {"NOT_IN": [...]}
            lemma_words = [test] if isinstance(test, str) else [w for ws in test.values() for w in ws]
            for word in lemma_words:
                words.setdefault(word.lower(), term.text)
        if not term.pattern:
            for word in term.text.split():
                words.setdefault(word.lower(), term.text)
    for concept in lexicon.concepts:
        for phrase in concept.exclude:
            for word in phrase.split():
                words.setdefault(word.lower(), f"exclude '{phrase}'")
    for cue_list in lexicon.cue_lists.values():
        for cue in cue_list.cues:
            for word in cue.split():
                words.setdefault(word.lower(), f"cue list '{cue_list.id}'")
    messages = []
    for word, entry in sorted(words.items()):
        lemma = str(nlp.vocab[word].norm_)
        if lemma != word and lemma in function_words and word not in function_words:
            messages.append(f"'{word}' (in {entry}) is matched as '{lemma}', a function word, so it also "
                            f"matches every '{lemma}'; if that is wrong, add '{word} {word}' to "
                            "analyser/data/lemma_fixes.txt")
    return messages
