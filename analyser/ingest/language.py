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


def function_words() -> frozenset[str]:
    return read_word_list("english_function_words.txt")


def looks_english(text: str) -> bool:
    """False only when there is enough text to tell and it is not English."""
    sample = text[:SAMPLE_CHARS]
    if not sample.isascii():  # ASCII letters are all Latin: skip the script test
        letters = len(_LETTER.findall(sample))
        if letters >= MIN_LETTERS and len(_LATIN_LETTER.findall(sample)) < MIN_LATIN_SHARE * letters:
            return False
    words = [w for w in _WORD.findall(sample) if w[:1].islower()]
    if len(words) < MIN_WORDS:
        return True
    common = function_words()
    share = sum(1 for w in words if w in common) / len(words)
    return share >= MIN_FUNCTION_WORD_SHARE
