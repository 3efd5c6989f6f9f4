"""Is this English? Offline and cheap, because the lexicon and the sentence
rules are English: a document in another language gets no concept tags and a
tutor should be told why, not shown an empty report.

Two tests on a sample of the text:

- most letters outside the Latin script (Cyrillic, Greek, Arabic, CJK…): not English;
- otherwise, English function words ("the", "of", "and", listed in
  analyser/data/english_function_words.txt) make up a large share of any
  English text: 40–50% of the lower-case words of an essay and still ~15% of
  telegraphic meeting notes, against 3–10% in French, German, Spanish, Dutch,
  Italian or Welsh (some short words are shared). Only words starting with a
  lower-case letter count: names, acronyms and headings are capitalised in
  any language, and terse English notes are full of them.

Short texts are not judged: a title or a list of names proves nothing. The
result is a warning on the document, never an error.
"""

from __future__ import annotations

import re
from collections import Counter

from analyser.resources import read_word_list

WARNING = "text does not look like English; the lexicon is English"
SAMPLE_CHARS = 10_000  # ~1,500 words: enough to judge; keeps the check cheap and constant-time
MIN_WORDS = 30  # fewer lower-case words are not judged
MIN_LETTERS = 60
MIN_LATIN_SHARE = 0.5  # of letters
MIN_FUNCTION_WORD_SHARE = 0.12  # of lower-case words; English prose is around 0.45

_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# _WORD for ASCII text, where its letters are [A-Za-z]; findall gives "" for a
# word that does not start with a lower-case letter
_ASCII_WORD = re.compile(r"([a-z][A-Za-z]*(?:'[A-Za-z]+)?)|[A-Z][A-Za-z]*(?:'[A-Za-z]+)?")
# ASCII characters that no word contains (all but letters and "'") -> space
_ASCII_NON_WORD = str.maketrans({chr(i): " " for i in range(128) if not (chr(i).isalpha() or chr(i) == "'")})


def function_words() -> frozenset[str]:
    return read_word_list("english_function_words.txt")


def _ascii_lower_words(sample: str) -> Counter[str]:
    """_WORD's words that start with a lower-case letter, counted, in ASCII text.

    Faster than running _WORD: once every character no word contains is a
    space, str.split finds the words (each a run of letters) and only the rare
    piece holding an apostrophe goes through the regex (_ASCII_WORD: "" for a
    word starting with a capital)."""
    counts: Counter[str] = Counter()
    for piece, n in Counter(sample.translate(_ASCII_NON_WORD).split()).items():
        if "'" in piece:
            for word in _ASCII_WORD.findall(piece):
                if word:
                    counts[word] += n
        elif piece[0].islower():
            counts[piece] += n
    return counts


def looks_english(text: str) -> bool:
    """False only when there is enough text to tell and it is not English."""
    sample = text[:SAMPLE_CHARS]
    if sample.isascii():  # ASCII letters are all Latin: skip the script test
        counts = _ascii_lower_words(sample)
    else:
        letters = len(_LETTER.findall(sample))
        if letters >= MIN_LETTERS and len(_LATIN_LETTER.findall(sample)) < MIN_LATIN_SHARE * letters:
            return False
        counts = Counter(w for w in _WORD.findall(sample) if w[:1].islower())
    words = counts.total()
    if words < MIN_WORDS:
        return True
    common = function_words()
    # Each distinct word is looked up once: a sample has far fewer distinct
    # words than words.
    hits = sum(n for word, n in counts.items() if word in common)
    return hits / words >= MIN_FUNCTION_WORD_SHARE
