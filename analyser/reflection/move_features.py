"""What the reflective-move model reads of a sentence: its words (lower-cased
spaCy tokens, as word unigrams and bigrams) and how many of them belong to
each class of cue words in `analyser/data/move_cues.toml` (first person,
past tense, feeling, hedge, ...), with a few combinations of classes ("first
person and past": the writer telling what they did) and its shape (a
question, an exclamation, its length).

Why the classes: word n-grams alone learn only the words the training data
used; a class counts a feeling word, a hedge or a person of the writer's
field that a sentence of the training data never had. On CEReD's English
sentences they lift a linear model from about 0.65 to 0.69 accuracy in
cross-validation (scripts/train_reflection.py).

One definition serves training and analysis: `read_spans` takes the tokens
spaCy already made for a parsed document (`features.token_table`, lower-cased
forms), and `cue_features` computes the dense features for every span of a
document at once with numpy; the word n-grams go through the concept model's
`features.FastTransform`. Training parses its sentences as blocks of one
document and calls the same two functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.attrs import LOWER
from spacy.strings import StringStore, hash_string  # type: ignore[attr-defined]

from analyser.datafile import TomlFile
from analyser.features import TokenTable, span_rows, span_texts, token_table
from analyser.parse import ParsedDocument
from analyser.resources import data_path

SHAPES = ("question", "exclamation", "length")
# The two kinds of writing the model has learned from: CEReD's student teachers' diaries ("teaching") and the
# project's reflective accounts of health, social care, policing and voluntary-sector practice ("practice").
DOMAINS = ("practice", "teaching")
PRACTICE = "domain:practice"
LENGTH_SCALE = 4.0  # log(1 + words) / this: about 0..1 for ordinary sentences
CLASS_KEYS = {"name", "source", "words", "suffixes"}
COMBINATION_KEYS = {"name", "all", "none"}
MAX_CACHED_WORDS = 200_000  # word types whose classes are cached; cleared past this


@dataclass(frozen=True)
class Combination:
    """1 for a sentence with a word of every class in `all` and none of `none`."""

    name: str
    all: tuple[int, ...]  # class indices
    none: tuple[int, ...]


@dataclass
class MoveCues:
    """The cue classes of move_cues.toml, ready to look words up by hash."""

    classes: tuple[str, ...]
    words: dict[int, int]  # LOWER hash -> bit mask of its classes
    suffixes: tuple[tuple[str, int], ...]  # (ending, bit mask)
    combinations: tuple[Combination, ...]

    def cue_names(self) -> list[str]:
        """The names of `cue_features`' columns."""
        return ([f"cue:{c}" for c in self.classes] + [f"both:{c.name}" for c in self.combinations]
                + [f"shape:{s}" for s in SHAPES])

    def feature_names(self) -> list[str]:
        """The model's dense features, in the order it stores their weights:
        the cue features, their copies for practice writing and the practice
        flag (`with_domain`)."""
        names = self.cue_names()
        return names + [f"{PRACTICE}:{n}" for n in names] + [PRACTICE]

    def masks(self, hashes: np.ndarray, strings: StringStore, cache: dict[int, int]) -> np.ndarray:
        """The class bit mask of each word type (LOWER hashes), from `cache`
        where it has them (a suffix needs the word's text)."""
        if len(cache) > MAX_CACHED_WORDS:
            cache.clear()
        keys = hashes.tolist()
        found = [cache.get(value) for value in keys]
        if None in found:
            for value in {k for k, mask in zip(keys, found) if mask is None}:
                mask = self.words.get(value, 0)
                word = strings[value] if self.suffixes else ""
                for ending, bits in self.suffixes:
                    if len(word) > len(ending) + 1 and word.endswith(ending):
                        mask |= bits
                cache[value] = mask
            found = [cache[value] for value in keys]
        return np.array(found, dtype=np.int64)


@lru_cache(maxsize=4)
def load_move_cues(path: Path | None = None) -> MoveCues:
    """The cue classes (default analyser/data/move_cues.toml); bad data is
    reported with file and line."""
    file = TomlFile(path or data_path("move_cues.toml"))
    file.check_keys(file.data, {"classes", "combinations"}, "the file", 1)
    names: list[str] = []
    words: dict[int, int] = {}
    suffixes: list[tuple[str, int]] = []
    for table, cursor in file.array_of_tables(file.data.get("classes", []), "classes", "class", CLASS_KEYS):
        name = file.require_str(table, "name", "a class", cursor)
        file.require_str(table, "source", f"class '{name}'", cursor)
        if name in names:
            file.problem(cursor, f"class '{name}' is listed twice")
            continue
        bit = 1 << len(names)
        names.append(name)
        for key in ("words", "suffixes"):
            values = table.get(key, [])
            if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() == v and v for v in values):
                file.problem(file.line_of(key, cursor), f"class '{name}': '{key}' must be a list of words")
                continue
            for value in values:
                if key == "words":
                    words[hash_string(value.lower())] = words.get(hash_string(value.lower()), 0) | bit
                else:
                    suffixes.append((value.lower(), bit))
    index = {n: i for i, n in enumerate(names)}
    combinations = []
    for table, cursor in file.array_of_tables(file.data.get("combinations", []), "combinations", "combination",
                                              COMBINATION_KEYS):
        name = file.require_str(table, "name", "a combination", cursor)
        parts = {key: table.get(key, []) for key in ("all", "none")}
        if any(not isinstance(v, list) or any(c not in index for c in v) for v in parts.values()) or not any(
                parts.values()):
            file.problem(file.line_of("all" if "all" in table else "none", cursor),
                         f"combination '{name}': 'all' and 'none' must list classes ({', '.join(names)})")
            continue
        combinations.append(Combination(name, tuple(index[c] for c in parts["all"]),
                                        tuple(index[c] for c in parts["none"])))
    file.raise_if_problems()
    return MoveCues(tuple(names), words, tuple(suffixes), tuple(combinations))


@dataclass
class SpanReading:
    """The words of some spans of one parsed document (sentences, or coded
    units), and each span's shape: what the move model scores."""

    table: TokenTable  # LOWER hashes of the word tokens
    rows: np.ndarray  # span of each token, -1 for none
    n_rows: int
    questions: np.ndarray  # bool per span: it holds a "?"
    exclamations: np.ndarray

    def lengths(self) -> np.ndarray:
        return np.bincount(self.rows[self.rows >= 0], minlength=self.n_rows)[: self.n_rows]


def read_spans(parsed: ParsedDocument, spans: Sequence[tuple[int, int]],
               excluded: Sequence[tuple[int, int]] = ()) -> SpanReading:
    """The word tokens of each span (citations and other `excluded` spans left
    out), from the tokens the pipeline made."""
    table = token_table(parsed, excluded, np.zeros(0, dtype=np.uint64), attribute=LOWER)
    text = parsed.document.text
    pieces = [text[start:end] for start, end in spans]
    questions = np.array(["?" in p for p in pieces], dtype=bool)
    exclamations = np.array(["!" in p for p in pieces], dtype=bool)
    return SpanReading(table, span_rows(table.offsets, spans), len(spans), questions, exclamations)


def class_counts(reading: SpanReading, cues: MoveCues, strings: StringStore, cache: dict[int, int]) -> np.ndarray:
    """(spans, classes): how many words of each class each span has."""
    keep = reading.rows >= 0
    hashes, rows = reading.table.hashes[keep], reading.rows[keep]
    types, inverse = np.unique(hashes, return_inverse=True)
    masks = cues.masks(types, strings, cache)[inverse.ravel()]  # per token
    hit = masks != 0
    masks, rows = masks[hit], rows[hit]
    counts = np.zeros((reading.n_rows, len(cues.classes)))
    for c in range(len(cues.classes)):
        counts[:, c] = np.bincount(rows, weights=(masks >> c) & 1, minlength=reading.n_rows)[: reading.n_rows]
    return counts


def cue_features(reading: SpanReading, cues: MoveCues, strings: StringStore,
                 cache: dict[int, int] | None = None) -> np.ndarray:
    """(spans, len(cues.cue_names())): class counts over the square root
    of the span's length, combinations (0/1) and shape."""
    counts = class_counts(reading, cues, strings, {} if cache is None else cache)
    lengths = reading.lengths().astype(np.float64)
    scale = 1 / np.sqrt(np.maximum(lengths, 1))
    present = counts > 0
    combos = np.ones((reading.n_rows, len(cues.combinations)))
    for j, combination in enumerate(cues.combinations):
        for c in combination.all:
            combos[:, j] *= present[:, c]
        for c in combination.none:
            combos[:, j] *= ~present[:, c]
    shape = np.column_stack([reading.questions, reading.exclamations, np.log1p(lengths) / LENGTH_SCALE])
    return np.hstack([counts * scale[:, None], combos, shape.astype(np.float64)])


def rows_with(reading: SpanReading, words: np.ndarray) -> np.ndarray:
    """Bool per span: it has one of `words` (sorted LOWER hashes)."""
    keep = (reading.rows >= 0) & np.isin(reading.table.hashes, words)
    return np.bincount(reading.rows[keep], minlength=reading.n_rows)[: reading.n_rows] > 0


def with_domain(cues: np.ndarray, practice: bool | np.ndarray) -> np.ndarray:
    """The model's dense features from `cue_features`: the cues, a copy of
    them that is non-zero only for practice writing, and a practice flag.

    Why (feature augmentation, Daumé 2007, "Frustratingly easy domain
    adaptation"): CEReD and the project's accounts code the same moves with
    different habits (a practitioner telling what a nurse did is an
    Experience; a student teacher telling what a pupil did is often Other)
    and in different proportions. The copies and the flag learn only what
    differs in practice writing, so one model reads both: on the project's
    accounts 0.70 accuracy in grouped cross-validation, against 0.60 with
    both kinds simply pooled, and CEReD as well as before. `practice`: one
    flag for every span, or one per span (training mixes the two)."""
    flag = np.broadcast_to(np.asarray(practice, dtype=np.float64).reshape(-1, 1), (cues.shape[0], 1))
    return np.hstack([cues, cues * flag, flag])


def move_texts(reading: SpanReading, strings: StringStore) -> list[str]:
    """Each span's words joined by spaces: what training gives TfidfVectorizer
    (analysis computes the same matrix from the hashes)."""
    return span_texts(reading.table, reading.rows, reading.n_rows, strings)
