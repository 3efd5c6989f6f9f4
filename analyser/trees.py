"""Boosted trees as plain arrays: a model file that holds numbers only, and
a prediction that needs numpy only.

`TreeEnsemble.from_fitted` reads fitted scikit-learn
HistGradientBoostingClassifier models (one binary classifier per label)
into flat node arrays: for every node the feature it splits on, the
threshold (a value at or below it goes left), its two children (-1 for a
leaf), the leaf's value and where a missing value goes. `predict_proba`
walks all the trees of all the labels at once, level by level (the trees are
shallow), and adds each label's leaf values to its baseline: the same sums
scikit-learn makes, to rounding.

The file is JSON with a checksum over its payload, like a linear model's
(`analyser/textmodel.py`): no code runs when it is loaded, and loading checks
every index, shape and number, so a changed or foreign file is refused with
one line (ModelFileError).
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from analyser.output import write_atomic
from analyser.textmodel import (
    FEATURES_CHANGED,
    ModelFileError,
    pack_floats,
    payload_digest,
    read_model_json,
    verified_payload,
)

FORMAT = "analyser-tree-ensemble"
FORMAT_VERSION = 1
CHUNK_ROWS = 2048  # rows predicted at a time
MAX_DEPTH = 8  # deeper trees are refused on loading (ours have depth 3)
NODE_ARRAYS = ("feature", "threshold", "left", "right", "value", "missing_left")


@dataclass
class TreeEnsemble:
    """Per label, a sum of regression trees over named features, through a
    sigmoid: p(label) = 1 / (1 + exp(-(baseline + sum of leaf values)))."""

    name: str
    labels: list[str]
    feature_names: list[str]
    baseline: np.ndarray  # (labels,)
    roots: np.ndarray  # (trees,) int: each tree's first node
    tree_label: np.ndarray  # (trees,) int: the label each tree adds to
    feature: np.ndarray  # (nodes,) int: the feature a node splits on (0 for a leaf)
    threshold: np.ndarray  # (nodes,) float: a value <= it goes left
    left: np.ndarray  # (nodes,) int: left child, -1 for a leaf
    right: np.ndarray  # (nodes,) int: right child, -1 for a leaf
    value: np.ndarray  # (nodes,) float: a leaf's value (0 elsewhere)
    missing_left: np.ndarray  # (nodes,) bool: a missing (NaN) value goes left
    thresholds: dict[str, float] = field(default_factory=dict)  # the cut per label the analysis uses
    card: dict[str, Any] = field(default_factory=dict)
    depth: int = 0  # the deepest leaf's depth (set by check)

    def __post_init__(self) -> None:
        self.check()

    @classmethod
    def from_fitted(cls, name: str, labels: Sequence[str], feature_names: Sequence[str], fitted: Sequence[Any],
                    thresholds: dict[str, float] | None = None, card: dict[str, Any] | None = None) -> TreeEnsemble:
        """From one fitted binary HistGradientBoostingClassifier per label, or
        a float for a label with one class only (its constant log-odds)."""
        baseline = np.zeros(len(labels))
        roots: list[int] = []
        tree_label: list[int] = []
        columns: dict[str, list[Any]] = {key: [] for key in NODE_ARRAYS}
        for k, model in enumerate(fitted):
            if isinstance(model, float | int):
                baseline[k] = float(model)
                continue
            if len(model.classes_) != 2 or model.n_trees_per_iteration_ != 1:
                raise ValueError("each label needs a binary classifier")
            baseline[k] = float(np.asarray(model._baseline_prediction).ravel()[0])
            for (predictor,) in model._predictors:
                nodes = predictor.nodes
                if nodes["is_categorical"].any():
                    raise ValueError("categorical splits are not supported")
                offset = len(columns["feature"])
                roots.append(offset)
                tree_label.append(k)
                leaf = nodes["is_leaf"].astype(bool)
                columns["feature"] += np.where(leaf, 0, nodes["feature_idx"]).tolist()
                columns["threshold"] += np.where(leaf, 0.0, nodes["num_threshold"]).tolist()
                columns["left"] += np.where(leaf, -1, nodes["left"].astype(np.int64) + offset).tolist()
                columns["right"] += np.where(leaf, -1, nodes["right"].astype(np.int64) + offset).tolist()
                columns["value"] += np.where(leaf, nodes["value"], 0.0).tolist()
                columns["missing_left"] += (~leaf & nodes["missing_go_to_left"].astype(bool)).tolist()
        ensemble = cls(
            name=name, labels=list(labels), feature_names=list(feature_names), baseline=baseline,
            roots=np.array(roots, dtype=np.int64), tree_label=np.array(tree_label, dtype=np.int64),
            feature=np.array(columns["feature"], dtype=np.int64),
            threshold=np.array(columns["threshold"], dtype=np.float64),
            left=np.array(columns["left"], dtype=np.int64), right=np.array(columns["right"], dtype=np.int64),
            value=np.array(columns["value"], dtype=np.float64),
            missing_left=np.array(columns["missing_left"], dtype=bool),
            thresholds=dict(thresholds or {}), card=dict(card or {}))
        return ensemble

    def check(self) -> None:
        """ValueError if the arrays do not make trees over these features."""
        nodes = len(self.feature)
        if len(self.baseline) != len(self.labels) or self.baseline.ndim != 1:
            raise ValueError("one baseline per label")
        if len(self.roots) != len(self.tree_label):
            raise ValueError("one label per tree")
        if any(len(getattr(self, key)) != nodes or getattr(self, key).ndim != 1 for key in NODE_ARRAYS):
            raise ValueError("the node arrays differ in length")
        if len(set(self.feature_names)) != len(self.feature_names):
            raise ValueError("feature names repeat")
        if not (np.isfinite(self.baseline).all() and np.isfinite(self.value).all()):
            raise ValueError("a baseline or leaf value is not finite")
        if np.isnan(self.threshold).any():
            raise ValueError("a threshold is not a number")
        if ((self.tree_label < 0) | (self.tree_label >= len(self.labels))).any():
            raise ValueError("a tree adds to a label that does not exist")
        leaf = self.left < 0
        if ((self.right < 0) != leaf).any() or ((self.left < -1) | (self.right < -1)).any():
            raise ValueError("a node has one child")
        index = np.arange(nodes)
        # children come after their parent (no cycles), inside the node arrays
        if ((~leaf) & ((self.left <= index) | (self.right <= index) | (self.left >= nodes)
                       | (self.right >= nodes))).any():
            raise ValueError("a child index is out of order or out of range")
        if ((~leaf) & ((self.feature < 0) | (self.feature >= len(self.feature_names)))).any():
            raise ValueError("a split reads a feature that does not exist")
        if ((self.roots < 0) | (self.roots >= nodes)).any():
            raise ValueError("a tree's root is out of range")
        # each node reached once, from one root: trees do not share nodes
        reached = np.zeros(nodes, dtype=np.int64)
        np.add.at(reached, self.roots, 1)
        inner = np.flatnonzero(~leaf)
        np.add.at(reached, self.left[inner], 1)
        np.add.at(reached, self.right[inner], 1)
        if (reached != 1).any():
            raise ValueError("the nodes do not form separate trees")
        depth, current = 0, self.roots.copy()
        while len(current) and (self.left[current] >= 0).any():
            depth += 1
            if depth > MAX_DEPTH:
                raise ValueError(f"a tree is deeper than {MAX_DEPTH}")
            current = current[self.left[current] >= 0]
            current = np.concatenate([self.left[current], self.right[current]])
        self.depth = depth
        if set(self.thresholds) - set(self.labels):
            raise ValueError("a threshold for a label that does not exist")
        self._levels, self._leaves = self._complete()

    def _complete(self) -> tuple[list[tuple[np.ndarray, np.ndarray]], np.ndarray]:
        """Every tree as a complete tree of `depth` levels, for prediction:
        per level, (trees, 2^level) arrays of the feature each node reads and
        its threshold's rank among that feature's thresholds (a value goes
        left when its own rank, `_codes`, is at most this); then (trees,
        2^depth) leaf values. A leaf above the last level is carried down
        (both ways lead to its value; rank: the highest, so any value goes
        left)."""
        inner = self.left >= 0
        self._cuts = [np.unique(self.threshold[inner & (self.feature == f)]) for f in range(len(self.feature_names))]
        rank = np.zeros(len(self.feature), dtype=np.int64)
        for f, cuts in enumerate(self._cuts):
            at = inner & (self.feature == f)
            rank[at] = np.searchsorted(cuts, self.threshold[at])
        most = max((len(cuts) for cuts in self._cuts), default=0)
        self._code_type = np.uint8 if most < 255 else np.uint16 if most < 65535 else np.uint32
        self._missing_code = np.iinfo(self._code_type).max  # above every rank
        order = np.argsort(self.tree_label, kind="stable")  # each label's trees together, in their order
        self._label_slices = np.searchsorted(self.tree_label[order], np.arange(len(self.labels) + 1))
        levels = []
        self._missing: list[np.ndarray] = []
        nodes = self.roots[order][:, None]  # (trees, 2^level): the node at each place of the level
        for _ in range(self.depth):
            leaf = self.left[nodes] < 0
            # stored place-major, (2^level, trees): each place's nodes lie together
            levels.append((np.where(leaf, 0, self.feature[nodes]).T.copy(),
                           np.where(leaf, self._missing_code - 1, rank[nodes]).astype(self._code_type).T.copy()))
            self._missing.append(np.where(leaf, True, self.missing_left[nodes]).T.copy())
            children = np.stack([np.where(leaf, nodes, self.left[nodes]), np.where(leaf, nodes, self.right[nodes])],
                                axis=-1)
            nodes = children.reshape(len(self.roots), -1)  # place p's children at 2p and 2p + 1
        self._leaf_offsets = (np.arange(len(self.roots)) * nodes.shape[1])[:, None]  # each tree's first leaf
        return levels, self.value[nodes]

    def _codes(self, X: np.ndarray, missing: bool) -> np.ndarray:
        """(features, rows): each value's rank among its feature's
        thresholds (how many are below it): x <= the j-th threshold exactly
        when its rank is at most j. A missing value gets the highest code.
        (Each feature's values are searched as one contiguous row, with the
        array's own method: for a document's hundred rows, the calls'
        overhead is most of the time.)"""
        columns = np.ascontiguousarray(X.T)
        codes = np.empty(columns.shape, dtype=self._code_type)
        for f, cuts in enumerate(self._cuts):
            codes[f] = cuts.searchsorted(columns[f])
        if missing:
            codes[np.isnan(columns)] = self._missing_code
        return codes

    def raw(self, X: np.ndarray) -> np.ndarray:
        """(rows, labels): the summed log-odds."""
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != len(self.feature_names):
            raise ValueError(f"expected (rows, {len(self.feature_names)}) features, got {X.shape}")
        result = np.tile(self.baseline, (len(X), 1))
        if not len(self.roots):
            return result
        for start in range(0, len(X), CHUNK_ROWS):  # in chunks: (rows, trees) arrays stay small
            result[start : start + CHUNK_ROWS] += self._leaf_sums(X[start : start + CHUNK_ROWS])
        return result

    def _leaf_sums(self, X: np.ndarray) -> np.ndarray:
        """(rows, labels): the sum of each label's leaf values. All trees
        walk down together, level by level: at each level every node of the
        level compares its threshold's rank with its feature's row of value
        ranks (whole rows of small integers copied), and each tree's node is
        picked by the turns taken above it (a few boolean operations, no
        gathers); the leaf value is then read at each tree's place."""
        rows, trees = len(X), len(self.roots)
        missing = bool(np.isnan(X).any())
        codes = self._codes(X, missing)
        turns: list[tuple[np.ndarray, np.ndarray]] = []  # per level above, (trees, rows): went right, and not
        place = np.zeros((trees, rows), dtype=np.uint8)  # each tree's place in its level (< 2^MAX_DEPTH)
        for (feature, rank), missing_left in zip(self._levels, self._missing):
            places = feature.shape[0]
            code = codes[feature.ravel()].reshape(places, trees, rows)
            right = code > rank[:, :, None]
            if missing:
                right = np.where(code == self._missing_code, ~missing_left[:, :, None], right)
            turn = _pick(list(right), turns)
            turns.append((turn, ~turn))
            place = 2 * place + turn
        leaves = np.take(self._leaves.ravel(), self._leaf_offsets + place)
        sums = np.zeros((rows, len(self.labels)))
        for k in range(len(self.labels)):
            sums[:, k] = leaves[self._label_slices[k] : self._label_slices[k + 1]].sum(axis=0)
        return sums

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """(rows, labels): the probability of each label."""
        return 1.0 / (1.0 + np.exp(-self.raw(X)))

    def to_json(self) -> dict[str, Any]:
        payload = {
            "name": self.name,
            "labels": self.labels,
            "feature_names": self.feature_names,
            "baseline": pack_floats(self.baseline),
            "roots": _pack_int(self.roots),
            "tree_label": _pack_int(self.tree_label),
            "feature": _pack_int(self.feature),
            "threshold": pack_floats(self.threshold),
            "left": _pack_int(self.left),
            "right": _pack_int(self.right),
            "value": pack_floats(self.value),
            "missing_left": _pack_int(self.missing_left.astype(np.int64)),
            "thresholds": self.thresholds,
            "card": self.card,
        }
        return {"format": FORMAT, "format_version": FORMAT_VERSION, "sha256": payload_digest(payload), "model": payload}


def _pick(candidates: list[np.ndarray], turns: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """From the (trees, rows) booleans of each place of a level (place p:
    the turns taken above it, the first turn its highest bit), the one at
    the place each tree reached."""
    for right, left in reversed(turns):  # the last turn first: it tells apart places 2q and 2q + 1
        candidates = [(right & candidates[2 * q + 1]) | (left & candidates[2 * q]) for q in range(len(candidates) // 2)]
    return candidates[0]


def save_trees(ensemble: TreeEnsemble, path: str | Path) -> Path:
    """Write the ensemble as JSON, atomically."""
    ensemble.check()
    text = json.dumps(ensemble.to_json(), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    write_atomic(Path(path), text + "\n")
    return Path(path)


def load_trees(path: str | Path, feature_names: Sequence[str] | None = None) -> TreeEnsemble:
    """Read a tree file; ModelFileError (one line) if it cannot be used.
    `feature_names`: the inputs the caller computes, in its order."""
    path = Path(path)
    data = read_model_json(path)
    if isinstance(data, dict) and data.get("format") == "analyser-linear-text-model":
        raise ModelFileError(path, "a linear model where boosted trees were expected (an older context layer?): "
                                   "retrain with 'analyser train'")
    payload = verified_payload(path, data, FORMAT, FORMAT_VERSION, "tree-ensemble")
    try:
        ensemble = _from_payload(payload)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ModelFileError(path, f"inconsistent model file ({error})") from None
    if feature_names is not None and list(feature_names) != ensemble.feature_names:
        raise ModelFileError(path, FEATURES_CHANGED)
    return ensemble


def _from_payload(p: dict[str, Any]) -> TreeEnsemble:
    for key in ("labels", "feature_names"):
        if not isinstance(p[key], list) or not all(isinstance(x, str) for x in p[key]):
            raise ValueError(f"{key} must be a list of strings")
    if not isinstance(p["thresholds"], dict) or not isinstance(p["card"], dict):
        raise ValueError("thresholds and card must be objects")
    missing = _unpack_int(p["missing_left"])
    if ((missing != 0) & (missing != 1)).any():
        raise ValueError("missing_left must be 0 or 1")
    return TreeEnsemble(
        name=str(p["name"]), labels=list(p["labels"]), feature_names=list(p["feature_names"]),
        baseline=_unpack(p["baseline"]), roots=_unpack_int(p["roots"]), tree_label=_unpack_int(p["tree_label"]),
        feature=_unpack_int(p["feature"]), threshold=_unpack(p["threshold"]), left=_unpack_int(p["left"]),
        right=_unpack_int(p["right"]), value=_unpack(p["value"]), missing_left=missing.astype(bool),
        thresholds={str(k): float(v) for k, v in p["thresholds"].items()}, card=dict(p["card"]))


def _pack_int(array: np.ndarray) -> dict[str, Any]:
    array = np.ascontiguousarray(array, dtype="<i4")
    return {"shape": list(array.shape), "i4": base64.b64encode(array.tobytes()).decode("ascii")}


def _unpack(packed: dict[str, Any]) -> np.ndarray:
    return _decode(packed, "f8").astype(np.float64)


def _unpack_int(packed: dict[str, Any]) -> np.ndarray:
    return _decode(packed, "i4").astype(np.int64)


def _decode(packed: dict[str, Any], kind: str) -> np.ndarray:
    shape = tuple(int(n) for n in packed["shape"])
    if len(shape) != 1:
        raise ValueError("arrays must be one-dimensional")
    raw = base64.b64decode(packed[kind], validate=True)
    if len(raw) != np.dtype(kind).itemsize * math.prod(shape):
        raise ValueError(f"array data does not match its shape {shape}")
    return np.frombuffer(raw, dtype="<" + kind).reshape(shape)
