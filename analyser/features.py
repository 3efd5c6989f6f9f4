"""What the concept model sees of a span of text (a sentence, or a coded unit
of a document): its words, and what the lexicon and the polarity cues found
in it.

The words are the spaCy tokens the pipeline already made, each as its NORM
(the lemma, lower-cased), punctuation and spaces left out, and tokens inside
citations, headings and the reference list left out as the lexicon leaves
them out. Training joins them with single spaces and gives scikit-learn's
TfidfVectorizer that text (`span_texts`: word n-grams split on spaces, and
character n-grams inside each word). Analysis cannot afford that: the
vectorizers re-read every character in Python and took longer than the whole
lexicon analysis. `FastTransform` computes the same matrix from the token
hashes with numpy (a test checks the two agree), caching each word type's
character n-grams.

The extra (dense) features, per concept the model codes, are: the lexicon
found the concept in the span; it found it said to be absent; how many
mentions (capped at 3, scaled to 0..1). One more counts the polarity cues
(negation, absence, damage words) in the span, capped the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LOWER, NORM
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.strings import StringStore, hash_string  # type: ignore[attr-defined]

from analyser.model import Mention
from analyser.parse import ParsedDocument
from analyser.polarity import PolarityCues

TEXT_INPUT = "sentence"  # the span's lemmas: word n-grams
CONTENT_INPUT = "content"  # its lemmas less function words: character n-grams
PER_CONCEPT = ("lexicon", "lexicon_absent", "lexicon_count")
CUE_FEATURE = "cue:absence"
CAP = 3  # counts above this add nothing
_BIGRAM_MIX = np.uint64(1_000_003)  # combines two token hashes into one bigram key


def extra_feature_names(concepts: Sequence[str]) -> list[str]:
    """The dense features, in the order the model stores their weights."""
    return [f"{kind}:{concept}" for concept in concepts for kind in PER_CONCEPT] + [CUE_FEATURE]


def content_text(text: str) -> str:
    """A span's lemmas without function words (spaCy's English stop words):
    character n-grams of "the" and "of" say nothing, and cost half the time."""
    return " ".join(word for word in text.split(" ") if word not in STOP_WORDS)


def model_inputs(texts: Sequence[str]) -> dict[str, list[str]]:
    """The text inputs of the concept model from each span's joined lemmas."""
    return {TEXT_INPUT: list(texts), CONTENT_INPUT: [content_text(t) for t in texts]}


def concept_vectorizers(min_df: int = 2) -> list[tuple[str, str, TfidfVectorizer]]:
    """(name, input, vectorizer) of the concept model: word unigrams and
    bigrams over the span's lemmas joined by spaces (`token_pattern` takes
    each lemma whole: tokenizing was spaCy's job), and character 3-5-grams
    inside its content words. `min_df`: n-grams seen in fewer units are left
    out (1 for tiny sets)."""
    return [
        ("word", TEXT_INPUT, TfidfVectorizer(analyzer="word", token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2),
                                 min_df=min_df, sublinear_tf=True, dtype=np.float64)),
        ("char", CONTENT_INPUT, TfidfVectorizer(analyzer="char_wb", lowercase=False, ngram_range=(3, 5), min_df=min_df,
                                 sublinear_tf=True, dtype=np.float64)),
    ]


def cue_hashes(cues: PolarityCues) -> np.ndarray:
    """NORM hashes of the first word of every polarity cue, sorted."""
    return np.array(sorted(cues.before.firsts | cues.after.firsts), dtype=np.uint64)


@dataclass
class TokenTable:
    """The tokens the model reads in a parsed document, in reading order."""

    hashes: np.ndarray  # uint64 NORM hash
    offsets: np.ndarray  # int64 document offset of the token's first character
    blocks: np.ndarray  # block (spaCy Doc) index
    positions: np.ndarray  # token index inside its Doc
    cues: np.ndarray  # bool: a polarity cue starts here


def token_table(parsed: ParsedDocument, excluded: Sequence[tuple[int, int]], cue_starts: np.ndarray,
                attribute: int = NORM) -> TokenTable:
    """Every word token of the document outside `excluded` spans. One array
    per Doc from spaCy, then numpy over the whole document at once.
    `attribute`: the hash each token is read as (NORM, the lemma; the move
    model reads LOWER, as tense matters there). spaCy's arrays are made once
    per document and kept on it, as both models read them."""
    if parsed.token_arrays is None:
        parsed.token_arrays = _token_arrays(parsed)
    arrays, lengths, indices = parsed.token_arrays
    if not len(arrays):
        empty = np.zeros(0, dtype=np.int64)
        return TokenTable(np.zeros(0, dtype=np.uint64), empty, empty, empty, np.zeros(0, dtype=bool))
    blocks = np.repeat(indices, lengths)
    positions = np.arange(len(arrays), dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    view = arrays[:, _COLUMNS.index(IDX)].astype(np.int64)
    unchanged = np.asarray(parsed.offsets.unchanged_at, dtype=np.int64)[indices]
    offsets = view + np.repeat(unchanged, lengths)
    for index in indices[unchanged < 0].tolist():  # blocks whose whitespace was compacted: map each token
        mine = blocks == index
        offsets[mine] = parsed.offsets.to_original_array(view[mine] + parsed.offsets.segment_starts[index])
    keep = (arrays[:, _COLUMNS.index(IS_PUNCT)] == 0) & (arrays[:, _COLUMNS.index(IS_SPACE)] == 0)
    if excluded:
        keep &= span_rows(offsets, excluded) < 0
    hashes = arrays[keep, _COLUMNS.index(attribute)]
    return TokenTable(hashes, offsets[keep], blocks[keep], positions[keep], np.isin(hashes, cue_starts))


_COLUMNS = (NORM, LOWER, IDX, IS_PUNCT, IS_SPACE)


def _token_arrays(parsed: ParsedDocument) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """spaCy's `_COLUMNS` for every token of the document's non-empty Docs,
    with each Doc's length and block index."""
    docs = [(index, doc) for index, doc in enumerate(parsed.docs) if len(doc)]
    if not docs:
        return np.zeros((0, len(_COLUMNS)), dtype=np.uint64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    arrays = np.concatenate([doc.to_array(list(_COLUMNS)) for _, doc in docs])
    lengths = np.array([len(doc) for _, doc in docs], dtype=np.int64)
    indices = np.array([index for index, _ in docs], dtype=np.int64)
    return arrays, lengths, indices


def span_rows(offsets: np.ndarray, spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """For each offset, the index of the span holding it, or -1. Spans must
    not overlap; they are sorted here."""
    if not len(spans):
        return np.full(len(offsets), -1, dtype=np.int64)
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    starts = np.array([spans[i][0] for i in order], dtype=np.int64)
    ends = np.array([spans[i][1] for i in order], dtype=np.int64)
    at = np.searchsorted(starts, offsets, side="right") - 1
    inside = (at >= 0) & (offsets < ends[np.maximum(at, 0)])
    return np.where(inside, np.array(order, dtype=np.int64)[np.maximum(at, 0)], -1)


def extra_features(table: TokenTable, rows: np.ndarray, n_rows: int, spans: Sequence[tuple[int, int]],
                   mentions: Sequence[Mention], concepts: Sequence[str]) -> np.ndarray:
    """The dense features of each span (see the module docstring): `rows` is
    `span_rows(table.offsets, spans)`; `mentions` the lexicon's."""
    extra = np.zeros((n_rows, len(concepts) * len(PER_CONCEPT) + 1))
    column = {concept: i * len(PER_CONCEPT) for i, concept in enumerate(concepts)}
    starts = np.array([m.start for m in mentions], dtype=np.int64)
    for mention, row in zip(mentions, span_rows(starts, spans).tolist()):
        if row < 0 or mention.concept not in column or mention.origin != "lexicon":
            continue
        base = column[mention.concept]
        extra[row, base] = 1.0
        if mention.polarity == "absent":
            extra[row, base + 1] = 1.0
        extra[row, base + 2] += 1.0
    counts = extra[:, 2 : len(concepts) * len(PER_CONCEPT) : len(PER_CONCEPT)]
    extra[:, 2 : len(concepts) * len(PER_CONCEPT) : len(PER_CONCEPT)] = np.minimum(counts, CAP) / CAP
    cue_counts = np.bincount(rows[(rows >= 0) & table.cues], minlength=n_rows)[:n_rows]
    extra[:, -1] = np.minimum(cue_counts, CAP) / CAP
    return extra


def span_texts(table: TokenTable, rows: np.ndarray, n_rows: int, strings: StringStore) -> list[str]:
    """Each span's lemmas joined by single spaces: what training vectorizes."""
    words: list[list[str]] = [[] for _ in range(n_rows)]
    for value, row in zip(table.hashes.tolist(), rows.tolist()):
        if row >= 0:
            words[row].append(strings[value])
    return [" ".join(w) for w in words]


@dataclass
class SpanMatrix:
    """The model's features of some spans, one sparse block per feature set
    (rows sorted), with the decision values already computed: analysis needs
    a whole row only for the few suggestions."""

    n_rows: int
    width: int
    blocks: list[tuple[sparse.csr_matrix, int]]  # (matrix, first column)
    decision: np.ndarray  # (spans, labels)

    def csr(self) -> sparse.csr_matrix:
        return sparse.hstack([matrix for matrix, _ in self.blocks], format="csr")

    def row(self, row: int) -> tuple[np.ndarray, np.ndarray]:
        """One span's non-zero features: (columns, values)."""
        columns, values = [], []
        for matrix, offset in self.blocks:
            lo, hi = matrix.indptr[row], matrix.indptr[row + 1]
            columns.append(matrix.indices[lo:hi].astype(np.int64) + offset)
            values.append(matrix.data[lo:hi])
        return np.concatenate(columns), np.concatenate(values)


class FastTransform:
    """The model's features and decision values from a `TokenTable`,
    computed with numpy and scipy: the same numbers `LinearTextModel.transform`
    and `decision` give for `model_inputs(span_texts(...))` (a test checks it).

    Works for the settings `concept_vectorizers` uses (word 1-2-grams split
    on spaces, char_wb n-grams, sublinear tf, idf, l2 norm); `supports` says
    whether a model has them."""

    def __init__(self, model, strings: StringStore) -> None:
        self.strings = strings
        self.model = model
        self.blocks: list[tuple[str, Any, Any, Any, dict[int, Any], int]] = []
        offset = 0
        for features in model.text_features:
            vocabulary = features.vocabulary
            if features.params["analyzer"] == "word":
                unigrams = [(hash_string(t), i) for i, t in enumerate(vocabulary) if " " not in t]
                bigrams = []
                for i, term in enumerate(vocabulary):
                    if " " in term:
                        first, second = term.split(" ")
                        bigrams.append((_bigram_key(hash_string(first), hash_string(second)), i))
                self.blocks.append(("word", features, _sorted_lookup(unigrams), _sorted_lookup(bigrams), {}, offset))
            else:
                analyzer = features.vectorizer().build_analyzer()
                index = {term: i for i, term in enumerate(vocabulary)}
                self.blocks.append(("char", features, analyzer, index, {}, offset))
            offset += len(vocabulary)
        self.width = model.n_features
        self.weights = np.ascontiguousarray(model.coef.T)  # (features, labels)

    @staticmethod
    def supports(text_features) -> bool:
        for f in text_features:
            p = f.params
            expected = TEXT_INPUT if p["analyzer"] == "word" else CONTENT_INPUT
            if f.input != expected or p.get("lowercase") or p.get("binary") or p.get("strip_accents"):
                return False
            if p.get("norm") not in ("l2", None) or not p.get("use_idf", True):
                return False
            if p["analyzer"] == "word" and (p.get("token_pattern") != r"\S+" or tuple(p["ngram_range"]) != (1, 2)):
                return False
            if p["analyzer"] not in ("word", "char_wb"):
                return False
        return True

    def transform(self, table: TokenTable, rows: np.ndarray, n_rows: int, extra: np.ndarray) -> SpanMatrix:
        keep = rows >= 0
        hashes, token_rows = table.hashes[keep], rows[keep]
        blocks = []
        decision = np.zeros((n_rows, self.weights.shape[1])) + self.model.intercept
        for kind, features, first, second, cache, offset in self.blocks:
            width = len(features.vocabulary)
            if kind == "word":
                counts = self._word_counts(hashes, token_rows, n_rows, width, first, second)
            else:
                counts = self._char_counts(hashes, token_rows, n_rows, width, first, second, cache)
            matrix = _tfidf(counts, features)
            decision += matrix @ self.weights[offset : offset + width]
            blocks.append((matrix, offset))
        matrix = sparse.csr_matrix(extra)
        decision += matrix @ self.weights[self.width - extra.shape[1] :]
        blocks.append((matrix, self.width - extra.shape[1]))
        return SpanMatrix(n_rows, self.width, blocks, decision)

    @staticmethod
    def _word_counts(hashes, rows, n_rows, width, unigrams, bigrams) -> sparse.csr_matrix:
        """Counts of the vocabulary's word n-grams in each span."""
        uni = _lookup(unigrams, hashes)
        bi = np.where(rows[:-1] == rows[1:], _lookup(bigrams, _bigram_keys(hashes[:-1], hashes[1:])), -1)
        keys = np.concatenate([(rows * width + uni)[uni >= 0], (rows[:-1] * width + bi)[bi >= 0]])
        unique, counts = np.unique(keys, return_counts=True)
        indptr = np.searchsorted(unique // width, np.arange(n_rows + 1))
        return sparse.csr_matrix((counts.astype(np.float64), unique % width, indptr), shape=(n_rows, width))

    def _char_counts(self, hashes, rows, n_rows, width, analyzer, index, cache) -> sparse.csr_matrix:
        """Counts of the vocabulary's character n-grams in each span: spans ×
        word types (how often each occurs) times word types × n-grams (cached
        per type)."""
        if len(cache) > 200_000:
            cache.clear()  # bounded memory over a long batch
        types, inverse = np.unique(hashes, return_inverse=True)
        columns, counts = [], []
        for value in types.tolist():
            found = cache.get(value)
            if found is None:
                found = cache[value] = _char_grams(self.strings[value], analyzer, index)
            columns.append(found[0])
            counts.append(found[1])
        if not columns:  # no words at all
            return sparse.csr_matrix((n_rows, width))
        indptr = np.zeros(len(types) + 1, dtype=np.int64)
        np.cumsum([len(c) for c in columns], out=indptr[1:])
        by_type = sparse.csr_matrix((np.concatenate(counts), np.concatenate(columns), indptr),
                                    shape=(len(types), width))
        occurrences = sparse.csr_matrix((np.ones(len(rows)), (rows, inverse.ravel())), shape=(n_rows, len(types)))
        return occurrences @ by_type


def _bigram_key(first: int, second: int) -> int:
    return (first * int(_BIGRAM_MIX) + second) % (1 << 64)


def _bigram_keys(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    return first * _BIGRAM_MIX + second  # uint64 arithmetic wraps, as _bigram_key's modulo does


def _char_grams(word: str, analyzer, index: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Columns of the word's character n-grams in the vocabulary, and counts
    (none for a function word: see `content_text`)."""
    if word in STOP_WORDS or " " in word:
        return np.zeros(0, dtype=np.int32), np.zeros(0)
    columns, counts = np.unique(np.array([index[g] for g in analyzer(word) if g in index], dtype=np.int32),
                                return_counts=True)
    return columns, counts.astype(np.float64)


def _sorted_lookup(pairs: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    pairs.sort()
    return (np.array([k for k, _ in pairs], dtype=np.uint64), np.array([v for _, v in pairs], dtype=np.int64))


def _lookup(table: tuple[np.ndarray, np.ndarray], keys: np.ndarray) -> np.ndarray:
    """Column of each key in a sorted (keys, columns) table, or -1."""
    known, columns = table
    if not len(known) or not len(keys):
        return np.full(len(keys), -1, dtype=np.int64)
    at = np.minimum(np.searchsorted(known, keys), len(known) - 1)
    return np.where(known[at] == keys, columns[at], -1)


def _tfidf(counts: sparse.csr_matrix, features) -> sparse.csr_matrix:
    """What TfidfTransformer does to raw counts, with the stored idf."""
    values = counts.data
    if features.params.get("sublinear_tf"):
        values = np.log(values) + 1.0
    values = values * features.idf[counts.indices]
    if features.params.get("norm") == "l2":
        rows = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
        norms = np.sqrt(np.bincount(rows, values * values, minlength=counts.shape[0]))
        values = values / norms[rows]
    return sparse.csr_matrix((values, counts.indices, counts.indptr), shape=counts.shape)
