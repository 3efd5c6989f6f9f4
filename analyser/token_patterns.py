"""Lexicon token patterns (paraphrases and other senses), matched fast.

spaCy's Matcher tests `IN` sets with a Python call per token, so running a
hundred patterns over every token of every document cost more than the rest
of the analysis together (a 300 KB text: 4.8 s). Each pattern therefore has
an **anchor**: one token it cannot match without (not optional, tested
against words), chosen to be rare (no function words if it can help, the
least frequent words). A PhraseMatcher finds the anchors' words in C; the window
around an anchor that the pattern can reach (inside the anchor's sentence) is
given to the pattern's own Matcher only when it also holds a word for every
other token the pattern needs (a set test). A pattern never crosses a
sentence boundary.

Patterns arrive as the lexicon file writes them (`LEMMA`, `LOWER`, `ORTH`, ...);
`LEMMA` is tested as NORM, which the pipeline's `lemma_norms` sets to the
lemma, with the pattern's words lemmatised the same way.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from analyser.lexicon import PATTERN_TEXT_ATTRS, is_anchor
from analyser.resources import read_word_list

_ATTR = {"LEMMA": "NORM", "LOWER": "LOWER", "ORTH": "ORTH", "TEXT": "ORTH"}  # file attribute -> matched attribute
_COLUMNS = ("NORM", "LOWER", "ORTH")
_BOUNDED = re.compile(r"\{(\d*)(,?)(\d*)\}")  # the token attributes read for the quick test
assert set(_ATTR) == PATTERN_TEXT_ATTRS


@dataclass(frozen=True)
class _Compiled:
    key: int  # the match key reported for the pattern
    matcher: Matcher  # this pattern alone
    before: int | None  # most tokens the pattern spans before its anchor (None: no limit)
    after: int | None  # ... and after it
    # the words the pattern needs, as (column of _COLUMNS, word hashes, how many
    # tokens need one): a window with fewer cannot match, and is not given to the Matcher
    needs: tuple[tuple[int, frozenset[int], int], ...]


class TokenPatterns:
    """Many token patterns, each run only around its anchor's words."""

    def __init__(self, nlp: Language, common_words: frozenset[str] = frozenset()) -> None:
        """`common_words`: words to avoid as anchors besides function words
        (the lexicon's own terms: frequent in any text the tool reads)."""
        self.nlp = nlp
        self.common_words = common_words
        self.compiled: list[_Compiled] = []
        self.anchors = {attr: PhraseMatcher(nlp.vocab, attr=attr) for attr in ("NORM", "ORTH")}
        # anchor key (the hash of "attr words...") -> the patterns anchored on those words
        self.anchored: dict[int, list[int]] = {}
        self.function_words = read_word_list("english_function_words.txt")

    def __len__(self) -> int:
        return len(self.compiled)

    def add(self, key: str, pattern: Sequence[dict[str, Any]]) -> None:
        """Add a pattern (as written in the lexicon) reported under `key`."""
        tokens = [self._convert(token) for token in pattern]
        anchor = self._anchor(pattern)
        matcher = Matcher(self.nlp.vocab)
        matcher.add(key, [tokens])
        index = len(self.compiled)
        strings = self.nlp.vocab.strings
        counts: dict[tuple[int, frozenset[int]], int] = {}
        for token in pattern:
            if is_anchor(token):
                attr, words = self._words(token)
                need = (_COLUMNS.index(attr), frozenset(strings.add(w) for w in words))
                counts[need] = counts.get(need, 0) + 1
        needs = [(column, words, count) for (column, words), count in counts.items()]
        self.compiled.append(
            _Compiled(strings.add(key), matcher, _reach(pattern[:anchor]), _reach(pattern[anchor + 1 :]), tuple(needs))
        )
        attr, words = self._words(pattern[anchor])
        if attr == "LOWER":
            # found by the lemma, a wider net, so one PhraseMatcher fewer runs per
            # block; the needs test and the Matcher then check the word itself
            attr, words = "NORM", [self._lemma(w) for w in words]
        name = " ".join([attr, *sorted(set(words))])
        key_hash = strings.add(name)
        if key_hash not in self.anchored:
            self.anchors[attr].add(name, [self._anchor_doc(w, attr) for w in words])
        self.anchored.setdefault(key_hash, []).append(index)

    def __call__(self, doc: Doc, sentence_starts: list[int]) -> list[tuple[int, int, int]]:
        """Matches (key, start token, end token) of every pattern in `doc`."""
        hits: set[tuple[int, int, int]] = set()
        tried: set[tuple[int, int, int]] = set()  # (pattern, window) already looked at
        columns: list[list[int]] | None = None  # NORM, LOWER, ORTH of every token, read once
        for phrases in self.anchors.values():
            if not len(phrases):
                continue
            for anchor_key, position, _ in phrases(doc):
                sentence = bisect.bisect_right(sentence_starts, position) - 1
                first = sentence_starts[sentence]
                last = sentence_starts[sentence + 1] if sentence + 1 < len(sentence_starts) else len(doc)
                for index in self.anchored[anchor_key]:
                    compiled = self.compiled[index]
                    low = first if compiled.before is None else max(first, position - compiled.before)
                    high = last if compiled.after is None else min(last, position + 1 + compiled.after)
                    if (index, low, high) in tried:
                        continue
                    tried.add((index, low, high))
                    if columns is None:
                        columns = doc.to_array(list(_COLUMNS)).T.tolist()
                    needs = compiled.needs
                    if not all(_holds(columns[c][low:high], words, n) for c, words, n in needs):
                        continue
                    for key, start, end in compiled.matcher(doc[low:high]):
                        hits.add((key, low + start, low + end))
        return sorted(hits, key=lambda m: (m[1], m[2]))

    def _convert(self, token: dict[str, Any]) -> dict[str, Any]:
        """A lexicon token table as spaCy's Matcher wants it (LEMMA -> NORM)."""
        converted = {}
        for attr, test in token.items():
            if attr == "LEMMA":
                attr, test = "NORM", self._lemmas(test)
            converted[attr] = test
        return converted

    def _lemmas(self, test: Any) -> Any:
        if isinstance(test, str):
            return self._lemma(test)
        return {op: [self._lemma(w) for w in words] for op, words in test.items()}

    def _lemma(self, word: str) -> str:
        return str(self.nlp.vocab[word].norm_)  # the vocabulary's NORM getter is the lemma

    def _anchor_doc(self, word: str, attr: str) -> Doc:
        """The anchor's phrase, matching `word` itself. For NORM the word is
        already a lemma; the vocabulary's NORM getter would lemmatise it again
        ("shots" -> "shot" -> "shoot"), and the anchor would never match."""
        doc = self.nlp.make_doc(word)
        if attr == "NORM" and len(doc) == 1:
            doc[0].norm_ = word
        return doc

    def _words(self, token: dict[str, Any]) -> tuple[str, list[str]]:
        """The anchor token's attribute (as matched) and words (lemmatised for LEMMA)."""
        for attr, test in token.items():
            if attr in _ATTR:
                words = [test] if isinstance(test, str) else list(test["IN"])
                if attr == "LEMMA":
                    words = [self._lemma(w) for w in words]
                return _ATTR[attr], words
        raise ValueError("anchor without a word test")  # _anchor chose it for having one

    def _anchor(self, pattern: Sequence[dict[str, Any]]) -> int:
        """Index of the rarest token the pattern cannot match without: no
        function word if it can help, then no common word, then the least
        frequent words by a guess from their length (short words are the
        frequent ones; a LEMMA also stands for its inflections); on a tie the
        later token (the object of a verb is rarer than the verb)."""
        best, best_score = -1, (0, 0.0)
        for index, token in enumerate(pattern):
            if not is_anchor(token):
                continue
            attr, test = next((a, t) for a, t in token.items() if a in _ATTR)
            words = [test] if isinstance(test, str) else test["IN"]
            penalty = 2 if any(w.lower() in self.function_words for w in words) else 0
            penalty += any(w.lower() in self.common_words for w in words)
            frequency = sum(2.0 ** -len(w) for w in words) * (3 if attr == "LEMMA" else 1)
            score = (penalty, frequency)
            if best < 0 or score <= best_score:
                best, best_score = index, score
        if best < 0:
            raise ValueError("pattern has no anchor")  # the lexicon loader refuses such patterns
        return best


def _holds(window: list[int], words: frozenset[int], count: int) -> bool:
    """Does the window hold at least `count` tokens among `words`?"""
    if count == 1:
        return not words.isdisjoint(window)
    return sum(1 for word in window if word in words) >= count


def _reach(tokens: Sequence[dict[str, Any]]) -> int | None:
    """Most tokens these pattern tokens can span (None when unbounded)."""
    total = 0
    for token in tokens:
        op = token.get("OP")
        if op in ("*", "+"):
            return None
        bounded = _BOUNDED.fullmatch(op) if op else None
        if bounded:
            if bounded.group(2) and not bounded.group(3):
                return None  # "{n,}"
            total += int(bounded.group(3) or bounded.group(1) or 0)
        else:
            total += 1
    return total
