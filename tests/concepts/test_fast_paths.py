"""The spine's fast paths give what their plain versions give.

Each shortcut taken for speed (see bench/bench_analyse.py) is checked here on
seeded random inputs against the straightforward computation it replaces, so
a later change to one side cannot silently change results."""

from __future__ import annotations

import random
import re
from collections import Counter

import numpy as np
import pytest
from spacy.attrs import IDX, IS_SPACE, LENGTH, NORM

from analyser.ingest import ingest_text
from analyser.ingest.language import _ascii_lower_words
from analyser.nlp import SENTENCE_CHARS, SENTENCE_STARTS, _is_abbreviation, longest_matches
from analyser.parse import OffsetMap, ParsedDocument, parse, sentence_char_ranges

PIECES = ["Trust", "a", ".", " ", "  ", "\n", "\t", "e.g.", "(", ")", "!", "J.", "\u00a0", "1", "?", "\"",
          "”", "...", "U.K.", "don't", "-", "pp.", "et al.", "x" * 14]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 25))) for _ in range(count)]
    return texts + [" ".join(t.split()) for t in texts]  # and their single-spaced forms


def _ranges_from_arrays(doc) -> list[tuple[int, int]]:
    """Sentence character ranges read from SENT_START and every token's offsets."""
    if not len(doc):
        return []
    starts = np.flatnonzero(doc.to_array("SENT_START").astype(np.int64) == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    table = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()
    result = []
    for first, last in zip(starts, starts[1:] + [len(doc)]):
        while last - 1 > first and table[last - 1][2]:
            last -= 1
        if not (table[first][2] and last - first == 1):
            result.append((table[first][0], table[last - 1][0] + table[last - 1][1]))
    return result


def test_sentence_ranges_match_token_arrays(analyser) -> None:
    for text in _texts(1, 1500):
        doc = analyser.nlp_(text)
        assert sentence_char_ranges(doc) == _ranges_from_arrays(doc), text
        for key in (SENTENCE_STARTS, SENTENCE_CHARS):  # the path without them
            doc.user_data.pop(key, None)
        assert sentence_char_ranges(doc) == _ranges_from_arrays(doc), text


def test_parsed_sentences_match_token_arrays(analyser) -> None:
    for text in _texts(6, 300):
        if not text.strip():
            continue
        parsed = parse(ingest_text("Title\n\n" + text + "\n\nMore. Text  here.\n"), analyser.nlp_)
        expected = []
        for index, doc in enumerate(parsed.docs):
            base = parsed.offsets.segment_starts[index]
            for start, end in _ranges_from_arrays(doc):
                expected.append((*parsed.offsets.span(base + start, base + end), index))
        assert [(s.start, s.end, s.paragraph) for s in parsed.sentences] == expected, text


def test_lemma_norms_set_for_new_and_old_word_types(analyser) -> None:
    nlp = analyser.nlp_
    table = nlp.get_pipe("lemma_norms").getter.table
    doc = nlp("Partners trusted the Visions; zxqvords were BUILT")
    for token in doc:
        if token.orth_ not in ("n't",):  # tokenizer special cases may set their own norm
            assert token.norm_ == table.get(token.lower_, token.lower_)
    assert doc[1].norm == nlp.vocab.strings["trust"] and doc.to_array(NORM)[1] == doc[1].norm


def test_block_offsets_match_the_map() -> None:
    rng = random.Random(2)
    alphabet = ["a", "b", " ", "  ", "\n", "\u00a0", "\u00ad", "é", "\t"]
    for _ in range(500):
        segments, offset = [], 0
        for _ in range(rng.randint(1, 4)):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
            offset += rng.randint(0, 3)
            segments.append((offset, text))
            offset += len(text)
        offsets = OffsetMap(segments)
        parsed = ParsedDocument.__new__(ParsedDocument)
        parsed.offsets = offsets
        for block, length in enumerate(offsets.segment_lengths):
            base = offsets.segment_starts[block]
            for start in range(length + 2):
                for end in range(start, length + 2):
                    assert parsed.to_document(block, start, end) == offsets.span(base + start, base + end)


def _is_abbreviation_by_loop(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    start = dot
    while start > 0 and dot - start < 12 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    token = text[start:dot].lstrip(".")
    if not token:
        return False
    return (len(token) == 1 and token.isupper()) or token.lower().rstrip(".") in abbreviations


@pytest.mark.parametrize("abbreviations", [frozenset({"al", "pp", "e.g", "approx"}), frozenset()])
def test_abbreviation_shortcuts(abbreviations: frozenset[str]) -> None:
    rng = random.Random(3)
    pieces = ["al", "pp", "e.g", "approx", "A", "x", "Etc", "decision", " ", ".", "..", "1", "(", "İ", "²", "é"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) + "."
        for dot in [i for i, ch in enumerate(text) if ch == "."]:
            assert _is_abbreviation(text, dot, abbreviations) == _is_abbreviation_by_loop(text, dot, abbreviations)


def _longest_by_sorting(matches):
    taken: set[int] = set()
    kept = []
    for key, start, end in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        if start not in taken and end - 1 not in taken:
            kept.append((key, start, end))
            taken.update(range(start, end))
    return sorted(kept, key=lambda m: m[1])


def test_longest_matches_shortcut() -> None:
    rng = random.Random(4)
    for _ in range(20_000):
        matches = [(rng.randint(0, 3), a, a + rng.randint(1, 4)) for a in rng.choices(range(15), k=rng.randint(2, 6))]
        assert longest_matches(matches) == _longest_by_sorting(matches)


def test_ascii_word_count_matches_the_word_pattern() -> None:
    word = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
    rng = random.Random(5)
    pieces = list("aZb'' _1.-\t\n") + ["don't", "O'neil", "'tis", "ab'cd'ef", "x''y", "Hello", "the"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert _ascii_lower_words(text) == Counter(w for w in word.findall(text) if w[:1].islower())
