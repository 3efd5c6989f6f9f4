"""Linear text classifiers stored as JSON, so loading a model runs no code.

Every model the analyser ships or trains (concept suggestions, reflective
moves) has the same shape: TF-IDF features over one or more text inputs
(word and character n-grams of the sentence, of its context, ...), optionally
some dense features the caller computes (lexicon hits, cue counts), then one
linear function per label. Training uses scikit-learn; this module keeps only
what scoring needs — each vectorizer's settings, vocabulary and idf weights,
the coefficients, intercepts, Platt calibration and thresholds — plus a model
card, in one JSON file:

    model = LinearTextModel.from_fitted(...)      # after fitting with scikit-learn
    save_model(model, "models/concepts.model.json")
    model = load_model("models/concepts.model.json")
    probabilities = model.predict_proba({"sentence": texts})

A pickle (or joblib, or a skops file with untrusted types) can run code when
loaded; JSON cannot. Loading also checks the format version, the shapes, that
every number is finite and a SHA-256 of the content, so a truncated, edited or
foreign file fails with one line instead of giving wrong suggestions.
Scoring rebuilds scikit-learn's own vectorizers with the stored vocabulary, so
features are computed exactly as in training.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from analyser.errors import AnalyserError, printable
from analyser.output import write_atomic

FORMAT = "analyser-linear-text-model"
FORMAT_VERSION = 1
MAX_MODEL_BYTES = 64 * 1024 * 1024
# TfidfVectorizer settings kept in the file; anything else is left at its default.
VECTORIZER_PARAMS = ("analyzer", "ngram_range", "lowercase", "sublinear_tf", "norm", "use_idf", "smooth_idf",
                     "token_pattern", "strip_accents", "binary")
Link = Literal["sigmoid", "softmax"]


FEATURES_CHANGED = "model was trained with other features than this analyser computes: retrain it with 'analyser train'"


class ModelFileError(AnalyserError):
    """A model file cannot be used: missing, not JSON, foreign, of another
    format version, inconsistent or edited. The message is one line."""

    def __init__(self, path: str | Path, problem: str) -> None:
        super().__init__(f"{printable(str(path))}: {problem}")


@dataclass
class TextFeatures:
    """One TF-IDF vectorizer over one named text input ("sentence", "context")."""

    name: str  # prefix of its feature names, e.g. "word", "char"
    input: str
    params: dict[str, Any]
    vocabulary: list[str]  # feature index -> n-gram
    idf: np.ndarray

    def vectorizer(self) -> TfidfVectorizer:
        """scikit-learn's own vectorizer, fitted state restored (no refit)."""
        params = {**self.params}
        if "ngram_range" in params:
            params["ngram_range"] = tuple(params["ngram_range"])
        vectorizer = TfidfVectorizer(vocabulary={term: i for i, term in enumerate(self.vocabulary)}, **params)
        vectorizer._validate_vocabulary()  # sets vocabulary_ as fit() would
        if params.get("use_idf", True):
            vectorizer.idf_ = self.idf
        return vectorizer


class FastTfidf:
    """TF-IDF over word n-grams or character n-grams within words ("char_wb"),
    exactly as scikit-learn computes it, several times faster on running text.

    Why: scikit-learn builds every n-gram of every text in Python and sorts
    each matrix twice. Here a word's character n-grams are looked up once per
    word type (the cache), word n-grams straight from the tokens, and the
    counts come from one sort of all (row, column) keys.
    `LinearTextModel.transform` uses this only for settings it reproduces
    exactly; a test compares it with scikit-learn's own output."""

    MAX_CACHED_WORDS = 200_000  # the cache is cleared when it grows past this (a hostile text of unique words)

    def __init__(self, feature: TextFeatures) -> None:
        low, high = feature.params["ngram_range"]
        self.low, self.high = int(low), int(high)
        self.chars = feature.params["analyzer"] == "char_wb"
        self.token_pattern = re.compile(feature.params.get("token_pattern") or r"(?u)\b\w\w+\b")
        self.index = {term: i for i, term in enumerate(feature.vocabulary)}
        self.idf = feature.idf if feature.params.get("use_idf", True) else None
        self.sublinear = bool(feature.params.get("sublinear_tf", False))
        self.norm = feature.params.get("norm", "l2")
        self.cache: dict[str, list[int]] = {}

    @staticmethod
    def supports(params: Mapping[str, Any]) -> bool:
        return (params.get("analyzer") in ("char_wb", "word") and params.get("lowercase", True) is True
                and params.get("strip_accents") is None and not params.get("binary", False)
                and params.get("norm", "l2") in ("l2", None))

    def _word_chars(self, word: str) -> list[int]:
        """Vocabulary indices of the n-grams of one word (as scikit-learn's _char_wb_ngrams)."""
        padded = f" {word} "
        length = len(padded)
        found = []
        for n in range(self.low, self.high + 1):
            offset = 0
            gram = self.index.get(padded[:n])
            if gram is not None:
                found.append(gram)
            while offset + n < length:
                offset += 1
                gram = self.index.get(padded[offset : offset + n])
                if gram is not None:
                    found.append(gram)
            if offset == 0:  # the word is shorter than n: counted once
                break
        return found

    def _grams(self, text: str, out: list[int]) -> None:
        lowered = text.lower()
        if self.chars:
            cache = self.cache
            for word in lowered.split():
                grams = cache.get(word)
                if grams is None:
                    grams = cache[word] = self._word_chars(word)
                out.extend(grams)
            return
        tokens = self.token_pattern.findall(lowered)  # as scikit-learn's _word_ngrams
        index = self.index
        for n in range(self.low, min(self.high, len(tokens)) + 1):
            for i in range(len(tokens) - n + 1):
                gram = index.get(tokens[i] if n == 1 else " ".join(tokens[i : i + n]))
                if gram is not None:
                    out.append(gram)

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        if not texts:
            return sparse.csr_matrix((0, len(self.index)))
        if len(self.cache) > self.MAX_CACHED_WORDS:
            self.cache.clear()
        columns: list[int] = []
        rows = []
        for text in texts:
            before = len(columns)
            self._grams(text, columns)
            rows.append(len(columns) - before)
        width = len(self.index)
        keys = np.repeat(np.arange(len(texts), dtype=np.int64), rows) * width + np.asarray(columns, dtype=np.int64)
        keys, counts = np.unique(keys, return_counts=True)
        indptr = np.searchsorted(keys, np.arange(len(texts) + 1, dtype=np.int64) * width)
        data = counts.astype(np.float64)
        indices = keys % width
        if self.sublinear:
            np.log(data, data)
            data += 1
        if self.idf is not None:
            data *= self.idf[indices]
        matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(texts), width))
        matrix.has_sorted_indices = True
        return normalize(matrix, norm=self.norm, copy=False) if self.norm else matrix


@dataclass
class LinearTextModel:
    """Scores texts with stored linear heads; see the module docstring.

    `link` is "sigmoid" for independent labels (one yes/no head per concept,
    each with its own threshold) and "softmax" for one label among several
    (a reflective move per sentence)."""

    name: str
    labels: list[str]
    text_features: list[TextFeatures]
    extra_features: list[str]  # names of dense features the caller supplies, in order
    coef: np.ndarray  # (labels, features)
    intercept: np.ndarray  # (labels,)
    link: Link = "sigmoid"
    calibration: np.ndarray | None = None  # (labels, 2): Platt A, B on the decision value
    thresholds: dict[str, float] = field(default_factory=dict)
    card: dict[str, Any] = field(default_factory=dict)
    _vectorizers: list[TfidfVectorizer | FastTfidf] | None = field(default=None, repr=False, compare=False)
    _weights: np.ndarray | None = field(default=None, repr=False, compare=False)
    _names: list[str] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_fitted(
        cls,
        name: str,
        labels: Sequence[str],
        vectorizers: Sequence[tuple[str, str, TfidfVectorizer]],
        coef: np.ndarray,
        intercept: np.ndarray,
        extra_features: Sequence[str] = (),
        link: Link = "sigmoid",
        calibration: np.ndarray | None = None,
        thresholds: Mapping[str, float] | None = None,
        card: Mapping[str, Any] | None = None,
    ) -> LinearTextModel:
        """Keep what scoring needs from fitted scikit-learn parts.

        `vectorizers`: (name, input, fitted TfidfVectorizer) in the order their
        columns were stacked before the extra features; `coef` and `intercept`
        come from the fitted linear model(s), one row per label."""
        features = cls.from_fitted_features(vectorizers)
        model = cls(
            name=name,
            labels=list(labels),
            text_features=features,
            extra_features=list(extra_features),
            coef=np.atleast_2d(np.asarray(coef, dtype=np.float64)),
            intercept=np.atleast_1d(np.asarray(intercept, dtype=np.float64)),
            link=link,
            calibration=None if calibration is None else np.asarray(calibration, dtype=np.float64),
            thresholds={k: float(v) for k, v in (thresholds or {}).items()},
            card=dict(card or {}),
        )
        model.check()
        return model

    @staticmethod
    def from_fitted_features(vectorizers: Sequence[tuple[str, str, TfidfVectorizer]]) -> list[TextFeatures]:
        """What scoring needs of fitted TF-IDF vectorizers: (name, input, vectorizer) each."""
        features = []
        for feature_name, input_name, vectorizer in vectorizers:
            vocabulary = [""] * len(vectorizer.vocabulary_)
            for term, index in vectorizer.vocabulary_.items():
                vocabulary[index] = term
            params = {key: _plain(getattr(vectorizer, key)) for key in VECTORIZER_PARAMS}
            idf = np.asarray(vectorizer.idf_ if vectorizer.use_idf else np.ones(len(vocabulary)), dtype=np.float64)
            features.append(TextFeatures(feature_name, input_name, params, vocabulary, idf))
        return features

    @property
    def n_features(self) -> int:
        return sum(len(f.vocabulary) for f in self.text_features) + len(self.extra_features)

    def feature_names(self) -> list[str]:
        """Readable names, e.g. "word:no say", "char: trus", "extra:lexicon_power"."""
        names = [f"{f.name}:{term}" for f in self.text_features for term in f.vocabulary]
        return names + [f"extra:{name}" for name in self.extra_features]

    def check(self) -> None:
        """Raise ValueError if the parts do not fit together."""
        n_labels = len(self.labels)
        if n_labels == 0 or len(set(self.labels)) != n_labels:
            raise ValueError("labels must be non-empty and distinct")
        if self.coef.shape != (n_labels, self.n_features):
            raise ValueError(f"coefficients have shape {self.coef.shape}, expected {(n_labels, self.n_features)}")
        if self.intercept.shape != (n_labels,):
            raise ValueError(f"intercepts have shape {self.intercept.shape}, expected {(n_labels,)}")
        if self.calibration is not None and self.calibration.shape != (n_labels, 2):
            raise ValueError(f"calibration has shape {self.calibration.shape}, expected {(n_labels, 2)}")
        for f in self.text_features:
            if f.idf.shape != (len(f.vocabulary),):
                raise ValueError(f"feature set '{f.name}': {len(f.vocabulary)} terms but {f.idf.shape[0]} idf weights")
        arrays = [self.coef, self.intercept, *(f.idf for f in self.text_features)]
        if self.calibration is not None:
            arrays.append(self.calibration)
        if not all(np.isfinite(a).all() for a in arrays):
            raise ValueError("a weight is not a finite number")
        unknown = set(self.thresholds) - set(self.labels)
        if unknown:
            raise ValueError(f"thresholds for unknown labels: {', '.join(sorted(unknown))}")

    def transform(self, inputs: Mapping[str, Sequence[str]], extra: np.ndarray | None = None) -> sparse.csr_matrix:
        """The feature matrix for n texts: `inputs` maps each input name to n
        strings; `extra` is an (n, len(extra_features)) array or None."""
        if self._vectorizers is None:
            self._vectorizers = [FastTfidf(f) if FastTfidf.supports(f.params) else f.vectorizer()
                                 for f in self.text_features]
        blocks = [v.transform(inputs[f.input]) for f, v in zip(self.text_features, self._vectorizers)]
        if self.extra_features:
            if extra is None or extra.shape[1] != len(self.extra_features):
                raise ValueError(f"model '{self.name}' needs {len(self.extra_features)} extra features")
            blocks.append(sparse.csr_matrix(extra, dtype=np.float64))
        return sparse.hstack(blocks, format="csr")

    def decision(self, features: sparse.csr_matrix) -> np.ndarray:
        """Decision values, (n, labels)."""
        if self._weights is None:  # (features, labels), contiguous: a transposed view is copied on every product
            self._weights = np.ascontiguousarray(self.coef.T)
        return np.asarray(features @ self._weights) + self.intercept

    def probabilities(self, decision: np.ndarray) -> np.ndarray:
        """Decision values to probabilities (calibrated where the model is)."""
        if self.link == "softmax":
            shifted = decision - decision.max(axis=1, keepdims=True)
            exp = np.exp(shifted)
            return exp / exp.sum(axis=1, keepdims=True)
        if self.calibration is not None:
            decision = decision * self.calibration[:, 0] + self.calibration[:, 1]
        return 1.0 / (1.0 + np.exp(-decision))

    def predict_proba(self, inputs: Mapping[str, Sequence[str]], extra: np.ndarray | None = None) -> np.ndarray:
        return self.probabilities(self.decision(self.transform(inputs, extra)))

    def evidence(self, features: sparse.csr_matrix, row: int, label: int, n: int = 3) -> list[tuple[str, float]]:
        """The n features of one text that pushed most towards `label`
        (feature value × weight), for showing a researcher why."""
        vector = features.getrow(row)
        return self.evidence_of(vector.indices, vector.data, label, n)

    def evidence_of(self, columns: np.ndarray, values: np.ndarray, label: int, n: int = 3) -> list[tuple[str, float]]:
        """`evidence` for one text given as its non-zero feature columns and values."""
        contributions = values * self.coef[label, columns]
        order = np.argsort(-contributions, kind="stable")[:n]
        names = self._names_at(columns[order])
        return [(name, float(contributions[i])) for name, i in zip(names, order) if contributions[i] > 0]

    def _names_at(self, indices: np.ndarray) -> list[str]:
        if self._names is None:  # built once: a model has tens of thousands of features
            self._names = self.feature_names()
        return [self._names[i] for i in indices.tolist()]

    def to_json(self) -> dict[str, Any]:
        payload = {
            "name": self.name,
            "labels": self.labels,
            "link": self.link,
            "text_features": [
                {"name": f.name, "input": f.input, "params": f.params, "vocabulary": f.vocabulary,
                 "idf": pack_floats(f.idf)}
                for f in self.text_features
            ],
            "extra_features": self.extra_features,
            "coef": pack_floats(self.coef),
            "intercept": pack_floats(self.intercept),
            "calibration": None if self.calibration is None else pack_floats(self.calibration),
            "thresholds": self.thresholds,
            "card": self.card,
        }
        return {"format": FORMAT, "format_version": FORMAT_VERSION, "sha256": payload_digest(payload), "model": payload}


def save_model(model: LinearTextModel, path: str | Path) -> Path:
    """Write the model as JSON, atomically."""
    model.check()
    text = json.dumps(model.to_json(), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    write_atomic(Path(path), text + "\n")
    return Path(path)


def read_model_json(path: Path) -> Any:
    """A model file's JSON (no code runs: numbers and strings only), or
    ModelFileError (one line) if it is too large, unreadable or not JSON.
    Shared by every model format."""
    try:
        size = path.stat().st_size
        if size > MAX_MODEL_BYTES:
            raise ModelFileError(path, f"model file is {size:,} bytes, over the limit of {MAX_MODEL_BYTES:,}")
        return json.loads(path.read_bytes().decode("utf-8"), parse_constant=_refuse_constant)
    except FileNotFoundError:
        raise ModelFileError(path, "no model file here (train one with 'analyser train')") from None
    except OSError as error:
        raise ModelFileError(path, f"cannot read the model file ({error.strerror or error})") from None
    except (UnicodeDecodeError, ValueError) as error:
        raise ModelFileError(path, f"not a model file: not valid JSON ({error})") from None


def verified_payload(path: Path, data: Any, format_name: str, version: int, kind: str) -> dict[str, Any]:
    """The payload of a model file's JSON once its format, version and
    checksum are right, or ModelFileError (one line) naming what is wrong.
    Shared by every model format; `kind` names it in the messages."""
    if not isinstance(data, dict) or data.get("format") != format_name:
        raise ModelFileError(path, f"not an analyser {kind} file")
    if data.get("format_version") != version:
        raise ModelFileError(path, f"{kind} format version {data.get('format_version')!r}; this analyser reads "
                                   f"version {version}: retrain it with 'analyser train'")
    payload = data.get("model")
    if not isinstance(payload, dict) or data.get("sha256") != payload_digest(payload):
        raise ModelFileError(path, "the model file was changed after it was written (checksum mismatch)")
    return payload


def load_model(path: str | Path, extra_features: Sequence[str] | None = None) -> LinearTextModel:
    """Read a model file; raise ModelFileError (one line) if it cannot be used.

    `extra_features`: the dense features the caller computes; a model that
    expects others was made by an incompatible version of the analyser."""
    path = Path(path)
    data = read_model_json(path)
    payload = verified_payload(path, data, FORMAT, FORMAT_VERSION, "model")
    try:
        model = _from_payload(payload)
        model.check()
    except (KeyError, TypeError, ValueError) as error:
        raise ModelFileError(path, f"inconsistent model file ({error})") from None
    if extra_features is not None and list(extra_features) != model.extra_features:
        raise ModelFileError(path, FEATURES_CHANGED)
    return model


def _from_payload(p: dict[str, Any]) -> LinearTextModel:
    link = p["link"]
    if link not in ("sigmoid", "softmax"):
        raise ValueError(f"unknown link {link!r}")
    features = []
    for f in p["text_features"]:
        params = {k: v for k, v in f["params"].items() if k in VECTORIZER_PARAMS}
        if params.get("analyzer") not in ("word", "char", "char_wb"):
            raise ValueError(f"unknown analyzer {params.get('analyzer')!r}")
        if not all(isinstance(t, str) for t in f["vocabulary"]):
            raise ValueError("vocabulary entries must be strings")
        features.append(TextFeatures(str(f["name"]), str(f["input"]), params, list(f["vocabulary"]), _unpack(f["idf"])))
    return LinearTextModel(
        name=str(p["name"]),
        labels=[str(x) for x in p["labels"]],
        text_features=features,
        extra_features=[str(x) for x in p["extra_features"]],
        coef=_unpack(p["coef"]),
        intercept=_unpack(p["intercept"]),
        link=link,
        calibration=None if p["calibration"] is None else _unpack(p["calibration"]),
        thresholds={str(k): float(v) for k, v in p["thresholds"].items()},
        card=dict(p["card"]),
    )


def pack_floats(array: np.ndarray) -> dict[str, Any]:
    """A float array as little-endian float64 in base64: exact and compact."""
    array = np.ascontiguousarray(array, dtype="<f8")
    return {"shape": list(array.shape), "f8": base64.b64encode(array.tobytes()).decode("ascii")}


def _unpack(packed: dict[str, Any]) -> np.ndarray:
    shape = tuple(int(n) for n in packed["shape"])
    raw = base64.b64decode(packed["f8"], validate=True)
    if len(raw) != 8 * math.prod(shape):
        raise ValueError(f"array data does not match its shape {shape}")
    return np.frombuffer(raw, dtype="<f8").reshape(shape).astype(np.float64)


def payload_digest(payload: dict[str, Any]) -> str:
    """The checksum a model file stores over its payload (canonical JSON)."""
    canonical = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    """A vectorizer setting as JSON (tuples become lists)."""
    return list(value) if isinstance(value, tuple) else value


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number a model may hold")
