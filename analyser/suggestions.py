"""Stage 4b, model suggestions: a linear sentence classifier (see
`analyser/training.py` for how it is fitted, `analyser/textmodel.py` for the
file) reads each sentence's words and what the lexicon found there, and
suggests a concept the lexicon did not find in that sentence.

A suggestion is a `Mention` with `origin="model"`, the sentence as its span,
its calibrated probability as `score`, the few features that weighed most as
`evidence`, and a polarity from the sentence's cues: `absent` when a
negation or absence cue governs the word that weighed most.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.strings import hash_string  # type: ignore[attr-defined]

from analyser.context import context_evidence, context_inputs, in_reading_order, load_context
from analyser.features import (
    FastTransform,
    SpanMatrix,
    TokenTable,
    cue_hashes,
    extra_feature_names,
    extra_features,
    model_inputs,
    span_rows,
    span_texts,
    token_table,
)
from analyser.model import Evidence, Mention
from analyser.parse import ParsedDocument
from analyser.polarity import PolarityCues, find_polarity_cues, read_cues
from analyser.textmodel import FEATURES_CHANGED, LinearTextModel, ModelFileError, load_model
from analyser.trees import TreeEnsemble

EVIDENCE_FEATURES = 3


class ModelConceptsError(ModelFileError):
    """The model codes concepts the lexicon does not have."""


@dataclass
class Suggester:
    """A loaded concept model, ready to score documents parsed by `nlp`."""

    model: LinearTextModel
    path: Path
    thresholds: dict[str, float]  # per concept: suggest at this probability or above
    nlp: Language
    cues: PolarityCues
    fast: FastTransform | None = field(repr=False, default=None)
    context: TreeEnsemble | None = None  # the context layer (analyser/context.py)
    cue_starts: np.ndarray = field(repr=False, default_factory=lambda: np.zeros(0, dtype=np.uint64))

    @property
    def concepts(self) -> list[str]:
        return self.model.labels


def load_suggester(path: str | Path, nlp: Language, cues: PolarityCues, concepts: Sequence[str],
                   threshold: float | None = None) -> Suggester:
    """Load a concept model for this pipeline; ModelFileError (one line) if
    it cannot be used with this lexicon. `threshold` overrides the model's
    thresholds for every concept."""
    path = Path(path)
    model = load_model(path)
    if model.link != "sigmoid":
        raise ModelFileError(path, "not a concept model (it picks one label per sentence)")
    unknown = [label for label in model.labels if label not in concepts]
    if unknown:
        raise ModelConceptsError(path, f"the model codes concepts the lexicon does not have ({', '.join(unknown)}): "
                                   "use a model trained with this lexicon, or --no-model")
    if model.extra_features != extra_feature_names(model.labels):
        raise ModelFileError(path, FEATURES_CHANGED)
    context = load_context(model, path)
    trained = (context or model).thresholds
    thresholds = {label: threshold if threshold is not None else trained.get(label, 0.5) for label in model.labels}
    fast = FastTransform(model, nlp.vocab.strings) if FastTransform.supports(model.text_features) else None
    return Suggester(model, path, thresholds, nlp, cues, fast, context, cue_hashes(cues))


@dataclass
class SpanScores:
    """The model's view of some spans of one document."""

    spans: list[tuple[int, int]]
    features: SpanMatrix  # (spans, model features)
    probabilities: np.ndarray  # (spans, concepts), calibrated
    table: TokenTable
    rows: np.ndarray  # span of each token in `table`, or -1
    context: np.ndarray | None = None  # the context layer's inputs, (spans, features), if it has one


def score_spans(suggester: Suggester, parsed: ParsedDocument, mentions: Sequence[Mention],
                excluded: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int]]) -> SpanScores:
    """Probabilities of each concept for each span (sentences, or coded
    units in evaluation, in reading order: the context layer reads each
    span's neighbours in the list); `mentions` are the lexicon's, `excluded`
    the spans the codebook does not code (citations, headings, the reference
    list)."""
    spans = list(spans)
    table = token_table(parsed, excluded, suggester.cue_starts)
    rows = span_rows(table.offsets, spans)
    extra = extra_features(table, rows, len(spans), spans, mentions, suggester.concepts)
    model = suggester.model
    if suggester.fast is not None:
        features = suggester.fast.transform(table, rows, len(spans), extra)
    else:  # a model with other vectorizer settings: scikit-learn's own, slower
        matrix = model.transform(model_inputs(span_texts(table, rows, len(spans), suggester.nlp.vocab.strings)), extra)
        features = SpanMatrix(len(spans), model.n_features, [(matrix, 0)], model.decision(matrix))
    probabilities = model.probabilities(features.decision)
    if suggester.context is None:
        return SpanScores(spans, features, probabilities, table, rows)
    text = parsed.document.text
    context = context_inputs(probabilities, [text[start:end] for start, end in spans], *in_reading_order(len(spans)))
    return SpanScores(spans, features, suggester.context.predict_proba(context), table, rows, context)


def suggest_mentions(suggester: Suggester, parsed: ParsedDocument, mentions: Sequence[Mention],
                     excluded: Sequence[tuple[int, int]], floor: float = 0.0) -> list[Mention]:
    """Model mentions for the concepts the lexicon missed, sentence by sentence,
    at each concept's threshold or `floor`, whichever is higher."""
    sentences = parsed.sentences
    scores = score_spans(suggester, parsed, mentions, excluded, [(s.start, s.end) for s in sentences])
    found = {(m.sentence, m.concept) for m in mentions}
    labels = suggester.concepts
    concepts = suggester.nlp.get_pipe("concept_matcher").concepts  # type: ignore[attr-defined]
    cutoffs = np.maximum(np.array([suggester.thresholds[label] for label in labels]), floor)
    has_words = np.bincount(scores.rows[scores.rows >= 0], minlength=len(sentences))[: len(sentences)] > 0
    candidates = np.argwhere((scores.probabilities >= cutoffs) & has_words[:, None])
    text = parsed.document.text
    # tokens grouped by sentence, found by bisection (not a scan of every token per suggestion)
    by_row = np.argsort(scores.rows, kind="stable")
    sorted_rows = scores.rows[by_row]
    chosen = []
    anchors: dict[int, list[tuple[int, int]]] = {}  # block -> token spans of each suggestion's strongest word
    for row, label in candidates.tolist():
        if (row, labels[label]) in found:
            continue
        lo, hi = np.searchsorted(sorted_rows, [row, row + 1])
        anchor = _anchor(suggester, scores, by_row[lo:hi], row, label)
        if anchor is not None:
            anchors.setdefault(anchor[0], []).append(anchor[1])
        chosen.append((row, label, anchor))
    # one cue search per block for all its anchors (it reads the block's whole token array)
    cues = {block: dict(zip(spans, find_polarity_cues(parsed.docs[block], spans, suggester.cues)))
            for block, spans in anchors.items()}
    # the neighbour that weighed most, if one did: computed for the suggestions only
    neighbour: list[list[tuple[str, float]]] = [[] for _ in chosen]
    if scores.context is not None and suggester.context is not None and chosen:
        neighbour = context_evidence(suggester.context, scores.context[[row for row, _, _ in chosen]],
                                     [label for _, label, _ in chosen])
    suggestions = []
    for (row, label, anchor), pushed in zip(chosen, neighbour):
        concept = labels[label]
        sentence = sentences[row]
        evidence = suggester.model.evidence_of(*scores.features.row(row), label, n=EVIDENCE_FEATURES) + pushed
        # the cues around the word that weighed most, read as the lexicon reads them for this
        # concept: "no say" asserts a power imbalance, "eroded" negates trust
        polarity, cue = read_cues(concepts[concept], cues[anchor[0]][anchor[1]]) if anchor is not None else (
            "present", None)
        suggestions.append(Mention(
            concept=concept,
            term="",
            start=sentence.start,
            end=sentence.end,
            text=text[sentence.start : sentence.end],
            sentence=row,
            paragraph=sentence.paragraph,
            polarity=polarity,
            polarity_cue=cue.text if cue and polarity == "absent" else None,
            entry=f"model/{concept}",
            source=f"concept model {suggester.model.name} ({suggester.path.name})",
            origin="model",
            score=round(float(scores.probabilities[row, label]), 4),
            evidence=[Evidence(name, round(weight, 4)) for name, weight in evidence],
        ))
    suggestions.sort(key=lambda m: (m.start, labels.index(m.concept)))
    return suggestions


def _anchor(suggester: Suggester, scores: SpanScores, tokens: np.ndarray, row: int,
            label: int) -> tuple[int, tuple[int, int]] | None:
    """(block, token span) of the sentence's word (or word pair) that weighed
    most towards the concept: the polarity cue that governs it governs the
    suggestion. None if no word feature pushed towards it."""
    model = suggester.model
    word = model.text_features[0] if model.text_features else None
    if word is None or word.params["analyzer"] != "word":
        return None
    columns, values = scores.features.row(row)
    in_block = columns < len(word.vocabulary)  # the word block comes first
    if not in_block.any():
        return None
    columns = columns[in_block]
    contributions = values[in_block] * model.coef[label, columns]
    best = int(np.argmax(contributions))
    if contributions[best] <= 0:
        return None
    parts = word.vocabulary[columns[best]].split(" ")
    hashes = scores.table.hashes[tokens]
    first = np.uint64(hash_string(parts[0]))
    for at in np.flatnonzero(hashes == first).tolist():
        index = int(tokens[at])
        end = index + len(parts) - 1
        if end < len(scores.table.hashes) and scores.table.blocks[end] == scores.table.blocks[index]:
            block = int(scores.table.blocks[index])
            return block, (int(scores.table.positions[index]), int(scores.table.positions[end]) + 1)
    return None


@dataclass
class Uncertain:
    """A sentence the model is unsure about, for a researcher to code next."""

    source: str
    sentence: int
    start: int
    end: int
    text: str
    concept: str
    probability: float
    threshold: float

    @property
    def margin(self) -> float:
        return abs(self.probability - self.threshold)


def uncertain_sentences(suggester: Suggester, parsed: ParsedDocument, mentions: Sequence[Mention],
                        excluded: Sequence[tuple[int, int]], source: str) -> list[Uncertain]:
    """For each sentence with words, the concept whose probability is nearest
    its threshold (the model's least sure call in that sentence)."""
    sentences = parsed.sentences
    scores = score_spans(suggester, parsed, mentions, excluded, [(s.start, s.end) for s in sentences])
    labels = suggester.concepts
    cutoffs = np.array([suggester.thresholds[label] for label in labels])
    has_words = np.bincount(scores.rows[scores.rows >= 0], minlength=len(sentences))[: len(sentences)] > 0
    text = parsed.document.text
    result = []
    for row in np.flatnonzero(has_words).tolist():
        margins = np.abs(scores.probabilities[row] - cutoffs)
        label = int(np.argmin(margins))
        s = sentences[row]
        result.append(Uncertain(source, row, s.start, s.end, text[s.start : s.end], labels[label],
                                float(scores.probabilities[row, label]), float(cutoffs[label])))
    return result


def least_sure(candidates: Sequence[Uncertain], n: int) -> list[Uncertain]:
    """The n sentences nearest a threshold, nearest first (ties: in reading order)."""
    return sorted(candidates, key=lambda u: (u.margin, u.source, u.start))[:n]
