"""Stage 4c, sentence context: the concept model's call on a sentence,
revised by its calls on the sentences either side and by the sentence's
shape and place.

Real writing spreads a concept over neighbouring sentences: "Trust between
the two teams had gone." then "It took a year to rebuild." The second
sentence is about trust only because of the first, and a sentence classifier
that reads one sentence at a time misses it (coders code it: CODEBOOK.md
lets the surrounding text resolve "it"). The context layer is a second,
small model per concept: boosted trees (`analyser/trees.py`; scikit-learn's
HistGradientBoostingClassifier, depth 3, 100 rounds) over the first model's
log-odds (all four concepts each) for the sentence itself, the two sentences
before and the two after it, and the mean over the rest of the document
(what the document is about), whether those neighbours exist (28 inputs),
and seven about the sentence's shape and place (`struct_features`): its
length and its neighbours', whether it and the one before end with a
question mark, whether it opens with a speaker label or a time, and where
in its document it stands. Grouped cross-validation on the coded documents
chose the window (one sentence each side adds 0.035 to micro-F1, the second
and the document mean 0.015 more, a third nothing) and then the trees and
the seven inputs (micro-F1 0.708 against the logistic layer's 0.700 over the
28; 0.711 against 0.701 on a second split). It is fitted on the first
model's out-of-fold probabilities (`fit_context`), so it learns how much a
neighbour's score means on documents the first model has not seen.

It is stored as its own file (`concepts.context.json`, JSON arrays with a
checksum, no code), named with its checksum in the concept model's card, so
a context file never pairs with a model it was not fitted with; its input
names are stored and checked when it is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from pathlib import Path

import numpy as np

from analyser.textmodel import LinearTextModel, ModelFileError
from analyser.trees import TreeEnsemble, load_trees

CONTEXT_NAME = "concepts-context"
SIDES = ("self", "previous", "next", "previous2", "next2", "document")
HAS = ("previous", "next", "previous2", "next2")
STRUCT = ("words", "words:previous", "words:next", "question", "question:previous", "speaker_or_time", "position")
# a speaker label ("Priya:", "Q:") or a time ("[10:32", "9.15") opening a unit
SPEAKER_OR_TIME = re.compile(r"^\s*(\[?\d{1,2}[:.]\d{2}|[A-Z][\w .'-]{0,30}:)")
_CLIP = 1e-6  # probabilities are clipped to [_CLIP, 1 - _CLIP] before taking log-odds
# the trees: chosen by grouped cross-validation on the coded documents (README.md, "Concept model")
TREE_SETTINGS = {"max_depth": 3, "max_iter": 100, "learning_rate": 0.1}
NEIGHBOUR_NAMES = {"previous": "previous sentence", "next": "next sentence",
                   "previous2": "sentence before the previous", "next2": "sentence after the next",
                   "document": "rest of the document"}


def context_feature_names(concepts: Sequence[str]) -> list[str]:
    """The neighbour inputs (log-odds and has-flags), in the order `context_features` makes them."""
    return [f"{side}:{concept}" for side in SIDES for concept in concepts] + [f"has:{side}" for side in HAS]


def context_input_names(concepts: Sequence[str]) -> list[str]:
    """Every input of the context layer: the neighbour inputs, then the struct ones."""
    return context_feature_names(concepts) + [f"struct:{name}" for name in STRUCT]


def neighbours(groups: Sequence[Hashable | None], starts: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """For each span, the index of the span before and after it in the same
    group (document) in reading order, or -1. A span whose group is None
    (a coded sentence on its own) has none."""
    previous = np.full(len(groups), -1, dtype=np.int64)
    following = np.full(len(groups), -1, dtype=np.int64)
    by_group: dict[Hashable, list[int]] = {}
    for i, group in enumerate(groups):
        if group is not None:
            by_group.setdefault(group, []).append(i)
    for members in by_group.values():
        members.sort(key=lambda i: starts[i])
        for a, b in zip(members, members[1:]):
            previous[b], following[a] = a, b
    return previous, following


def in_reading_order(n: int) -> tuple[np.ndarray, np.ndarray]:
    """`neighbours` of n spans already in reading order (a document's sentences)."""
    index = np.arange(n, dtype=np.int64)
    following = index + 1
    following[-1:] = -1
    return index - 1, following


def context_features(probabilities: np.ndarray, previous: np.ndarray, following: np.ndarray) -> np.ndarray:
    """(spans, 6 × concepts + 4): log-odds of each concept for the span, the
    span before and after it, the one before that and after that (0 where
    there is none), the mean over the other spans linked to it by
    `previous`/`following` (its document; 0 for a span on its own); then 1/0
    for whether each of the four neighbours exists."""
    p = np.clip(probabilities, _CLIP, 1 - _CLIP)
    logits = np.log(p / (1 - p))
    previous2 = np.where(previous >= 0, previous[np.maximum(previous, 0)], -1) if len(p) else previous
    following2 = np.where(following >= 0, following[np.maximum(following, 0)], -1) if len(p) else following
    sides = [logits]
    for index in (previous, following, previous2, following2):
        sides.append(np.where((index >= 0)[:, None], logits[np.maximum(index, 0)], 0.0) if len(p) else logits)
    sides.append(_document_mean(logits, previous))
    flags = [(index >= 0)[:, None].astype(np.float64) for index in (previous, following, previous2, following2)]
    return np.hstack(sides + flags)


def _document_mean(logits: np.ndarray, previous: np.ndarray) -> np.ndarray:
    """For each span, the mean log-odds of the other spans of its document
    (the chain of `previous` links it is on); 0 for a span alone."""
    if not len(logits):
        return logits
    document, _ = _chains(previous)
    sizes = np.bincount(document, minlength=len(logits))
    totals = np.zeros_like(logits)
    np.add.at(totals, document, logits)
    others = (sizes[document] - 1)[:, None]
    return np.where(others > 0, (totals[document] - logits) / np.maximum(others, 1), 0.0)


def _chains(previous: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each span, the first span of its chain of `previous` links (its
    document) and how many links back that is. Pointer jumping: each round
    doubles how far every span has looked back, so a document of n spans
    takes log2(n) rounds of whole-array steps, not a Python loop per span."""
    index = np.arange(len(previous), dtype=np.int64)
    first = np.where(previous >= 0, previous, index)
    steps = (previous >= 0).astype(np.int64)
    for _ in range(len(previous).bit_length()):  # 2^rounds links looked back: enough for any chain of n
        if not (first[first] != first).any():
            break
        steps = steps + steps[first]
        first = first[first]
    return first, steps


def struct_features(texts: Sequence[str], previous: np.ndarray, following: np.ndarray) -> np.ndarray:
    """(spans, 7), per span (its raw text): log(1 + its number of
    whitespace-separated words), the same for the span before and after it
    (0 where there is none); 1/0 whether its text ends with "?" and whether
    the previous one's does (0 where there is none); 1/0 whether it opens
    with a speaker label or a time; its place in its document, index / (n -
    1) along the `previous`/`following` links (0.5 for a span alone)."""
    n = len(texts)
    words = np.log1p(np.array([len(text.split()) for text in texts], dtype=np.float64))
    question = np.array([text.rstrip().endswith("?") for text in texts], dtype=np.float64)
    opener = np.array([SPEAKER_OR_TIME.match(text) is not None for text in texts], dtype=np.float64)

    def at(values: np.ndarray, index: np.ndarray) -> np.ndarray:
        return np.where(index >= 0, values[np.maximum(index, 0)], 0.0) if n else values

    return np.column_stack([words, at(words, previous), at(words, following), question, at(question, previous),
                            opener, _positions(previous)]).reshape(n, len(STRUCT))


def _positions(previous: np.ndarray) -> np.ndarray:
    """Each span's index / (n - 1) on its chain of `previous` links (0.5 alone)."""
    first, steps = _chains(previous)
    sizes = np.bincount(first, minlength=len(previous))[first]
    return np.where(sizes > 1, steps / np.maximum(sizes - 1, 1), 0.5)


def context_inputs(probabilities: np.ndarray, texts: Sequence[str], previous: np.ndarray,
                   following: np.ndarray) -> np.ndarray:
    """(spans, 6 × concepts + 4 + 7): `context_features` then `struct_features`."""
    return np.hstack([context_features(probabilities, previous, following),
                      struct_features(texts, previous, following)])


def with_context(context: TreeEnsemble, probabilities: np.ndarray, texts: Sequence[str], previous: np.ndarray,
                 following: np.ndarray) -> np.ndarray:
    """The context layer's probabilities for spans the first model scored
    (`texts`: each span's raw text)."""
    if not len(probabilities):
        return probabilities
    return context.predict_proba(context_inputs(probabilities, texts, previous, following))


def fit_context(inputs: np.ndarray, gold: np.ndarray, concepts: Sequence[str],
                splits: Sequence[tuple[np.ndarray, np.ndarray]]) -> tuple[TreeEnsemble, np.ndarray]:
    """The context layer fitted on `context_inputs` of the first model's
    out-of-fold probabilities, and its own out-of-fold probabilities (the
    same document folds), for the thresholds (`training.fit` chooses them)."""
    from threadpoolctl import threadpool_limits

    out_of_fold = np.zeros(gold.shape)
    with threadpool_limits(1):  # one thread: the same sums in the same order, the same bytes every time
        for train, test in splits:
            fold = _fit_trees(inputs[train], gold[train], concepts)
            out_of_fold[test] = fold.predict_proba(inputs[test])
        layer = _fit_trees(inputs, gold, concepts)
    return layer, out_of_fold


def _fit_trees(inputs: np.ndarray, gold: np.ndarray, concepts: Sequence[str]) -> TreeEnsemble:
    import sklearn
    from sklearn.ensemble import HistGradientBoostingClassifier

    fitted: list[object] = []
    for k in range(gold.shape[1]):
        y = gold[:, k].astype(int)
        if len(np.unique(y)) < 2:  # one class only: a constant call
            fitted.append(10.0 if y[0] else -10.0)
            continue
        fitted.append(HistGradientBoostingClassifier(**TREE_SETTINGS, early_stopping=False,  # type: ignore[arg-type]
                                                     random_state=0).fit(inputs, y))
    card = {"model": "boosted trees per concept (scikit-learn HistGradientBoostingClassifier)", **TREE_SETTINGS,
            "scikit_learn": sklearn.__version__,
            "inputs": "first model's out-of-fold log-odds of the sentence and its neighbours; struct inputs"}
    return TreeEnsemble.from_fitted(CONTEXT_NAME, concepts, context_input_names(concepts), fitted, card=card)


def context_evidence(context: TreeEnsemble, inputs: np.ndarray, labels: Sequence[int]) -> list[list[tuple[str, float]]]:
    """For each row of `inputs` (spans that became suggestions) and its label:
    the neighbour whose removal (its log-odds and has-flag set to 0, as if it
    were absent) lowers the label's probability most, if any does, named
    "context:previous sentence: trust" for a reader. The concept named says
    what that neighbour is about: the suggestion's own if the first model
    gave the neighbour better than even odds for it, else the neighbour's
    likeliest concept. Its weight: the drop in probability."""
    rows = len(inputs)
    if not rows:
        return []
    concepts = context.labels
    sides = list(NEIGHBOUR_NAMES)
    label_index = np.asarray(labels, dtype=np.int64)
    picked = np.arange(rows)
    variants = [inputs]  # as it is, then without each side: its log-odds and its has-flag set to 0
    for side in sides:
        variant = inputs.copy()
        variant[:, _columns(side, len(concepts))] = 0.0
        if side in HAS:
            variant[:, len(SIDES) * len(concepts) + HAS.index(side)] = 0.0
        variants.append(variant)
    called = context.predict_proba(np.vstack(variants)).reshape(len(variants), rows, len(concepts))
    called = called[:, picked, label_index]  # (1 + sides, rows): each variant's probability of the label
    drops = called[0] - called[1:]
    best = np.argmax(drops, axis=0)
    found: list[list[tuple[str, float]]] = []
    for row in range(rows):
        side, label = sides[int(best[row])], int(label_index[row])
        if drops[best[row], row] <= 0:
            found.append([])
            continue
        logits = inputs[row, _columns(side, len(concepts))]
        concept = concepts[label] if logits[label] > 0 else concepts[int(np.argmax(logits))]
        found.append([(f"context:{NEIGHBOUR_NAMES[side]}: {concept}", float(drops[best[row], row]))])
    return found


def _columns(side: str, concepts: int) -> list[int]:
    start = SIDES.index(side) * concepts
    return list(range(start, start + concepts))


def load_context(model: LinearTextModel, model_path: Path) -> TreeEnsemble | None:
    """The context layer named in a concept model's card, read from beside
    the model file; None if the card names none. ModelFileError (one line)
    if it is missing, changed, fitted for another model or an older
    (logistic) layer."""
    entry = model.card.get("context")
    if entry is None:
        return None
    if not isinstance(entry, dict) or not all(isinstance(entry.get(key), str) for key in ("file", "sha256")):
        raise ModelFileError(model_path, "the card's 'context' entry must give a file name and its sha256")
    name = entry["file"]
    if Path(name).name != name or name in ("", ".", ".."):
        raise ModelFileError(model_path, f"context file {name!r} must be a file name beside the model")
    path = model_path.parent / name
    context = load_trees(path, feature_names=context_input_names(model.labels))
    if context.labels != model.labels or context.to_json()["sha256"] != entry["sha256"]:
        raise ModelFileError(path, f"context model was not fitted with {model_path.name}: "
                                   "retrain with 'analyser train'")
    return context
