"""Stage 4c, sentence context: the concept model's call on a sentence,
revised by its calls on the sentences either side.

Real writing spreads a concept over neighbouring sentences: "Trust between
the two teams had gone." then "It took a year to rebuild." The second
sentence is about trust only because of the first, and a sentence classifier
that reads one sentence at a time misses it (coders code it: CODEBOOK.md
lets the surrounding text resolve "it"). The context layer is a second,
small linear model per concept over the first model's log-odds (all four
concepts each) for the sentence itself, the two sentences before and the two
after it, and the mean over the rest of the document (what the document is
about), and whether those neighbours exist. Grouped cross-validation on the
coded documents chose this window: one sentence each side adds 0.035 to
micro-F1, the second and the document mean 0.015 more, a third nothing. It
is fitted on the
first model's out-of-fold probabilities (`training.fit_context`), so it
learns how much a neighbour's score means on documents the first model has
not seen, and costs one small matrix product per document.

It is stored as its own model file (`concepts.context.json`, the same safe
JSON format as any model), named with its checksum in the concept model's
card, so a context file never pairs with a model it was not fitted with.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from pathlib import Path

import numpy as np

from analyser.textmodel import LinearTextModel, ModelFileError, load_model

CONTEXT_NAME = "concepts-context"
SIDES = ("self", "previous", "next", "previous2", "next2", "document")
HAS = ("previous", "next", "previous2", "next2")
_CLIP = 1e-6  # probabilities are clipped to [_CLIP, 1 - _CLIP] before taking log-odds


def context_feature_names(concepts: Sequence[str]) -> list[str]:
    """The context layer's inputs, in the order its weights are stored."""
    return [f"{side}:{concept}" for side in SIDES for concept in concepts] + [f"has:{side}" for side in HAS]


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
    sides.append(_document_mean(logits, previous, following))
    flags = [(index >= 0)[:, None].astype(np.float64) for index in (previous, following, previous2, following2)]
    return np.hstack(sides + flags)


def _document_mean(logits: np.ndarray, previous: np.ndarray, following: np.ndarray) -> np.ndarray:
    """For each span, the mean log-odds of the other spans of its document
    (the chain of links it is on); 0 for a span alone."""
    if not len(logits):
        return logits
    document = np.arange(len(logits))  # each span's document: the first span of its chain
    for first in np.flatnonzero(previous < 0).tolist():
        i = int(following[first])
        while i >= 0:
            document[i] = first
            i = int(following[i])
    sizes = np.bincount(document, minlength=len(logits))
    totals = np.zeros_like(logits)
    np.add.at(totals, document, logits)
    others = (sizes[document] - 1)[:, None]
    return np.where(others > 0, (totals[document] - logits) / np.maximum(others, 1), 0.0)


def with_context(context: LinearTextModel, probabilities: np.ndarray, previous: np.ndarray,
                 following: np.ndarray) -> np.ndarray:
    """The context layer's probabilities for spans the first model scored."""
    if not len(probabilities):
        return probabilities
    return context.predict_proba({}, context_features(probabilities, previous, following))


def context_evidence(context: LinearTextModel, features: np.ndarray, label: int) -> list[tuple[str, float]]:
    """The neighbour features that pushed one span towards `label`, strongest
    first, named "context:previous sentence: trust" for a reader."""
    concepts = context.labels
    found = []
    for side, name in (("previous", "previous sentence"), ("next", "next sentence"),
                       ("previous2", "sentence before the previous"), ("next2", "sentence after the next"),
                       ("document", "rest of the document")):
        for k, concept in enumerate(concepts):
            column = SIDES.index(side) * len(concepts) + k
            weight = float(features[column] * context.coef[label, column])
            if weight > 0:
                found.append((f"context:{name}: {concept}", weight))
    return sorted(found, key=lambda item: -item[1])


def load_context(model: LinearTextModel, model_path: Path) -> LinearTextModel | None:
    """The context layer named in a concept model's card, read from beside
    the model file; None if the card names none. ModelFileError (one line)
    if it is missing, changed, or fitted for another model."""
    entry = model.card.get("context")
    if entry is None:
        return None
    if not isinstance(entry, dict) or not all(isinstance(entry.get(key), str) for key in ("file", "sha256")):
        raise ModelFileError(model_path, "the card's 'context' entry must give a file name and its sha256")
    name = entry["file"]
    if Path(name).name != name or name in ("", ".", ".."):
        raise ModelFileError(model_path, f"context file {name!r} must be a file name beside the model")
    path = model_path.parent / name
    context = load_model(path, extra_features=context_feature_names(model.labels))
    if context.labels != model.labels or context.to_json()["sha256"] != entry["sha256"]:
        raise ModelFileError(path, f"context model was not fitted with {model_path.name}: "
                                   "retrain with 'analyser train'")
    return context
