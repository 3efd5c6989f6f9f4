"""Fitting the concept model from human coding (`analyser train`).

Coded data is the project's JSON Lines format (one record per unit: `text`
and `codes` {concept: "present" | "absent"}; `doc`, `start`, `end` when the
unit is part of a document in a `docs/` folder beside the file) or a CSV
file (a `text` column and one column per concept holding present, absent or
nothing; optional `doc` and `id`). Units of one document form one group for
cross-validation; any other unit is a group of its own.

What the model learns from each unit is computed by `analyser/features.py`
on the whole document's parse, as analysis does. The fit is a scikit-learn
Pipeline: word and character TF-IDF and the lexicon/cue features, then one
logistic regression per concept with balanced class weights, its features
scaled by their naive Bayes log-count ratios (NBSVM). Grouped 5-fold
cross-validation (never splitting a document) gives out-of-fold decision
values, which fit each concept's Platt calibration; the threshold of each
concept maximises the out-of-fold F1 of "lexicon or model", the way the
stage uses it, smoothed over neighbouring cuts (`thresholds.choose_thresholds`).
The final model is fitted on everything and written as JSON with a card
(`textmodel.save_model`; `write_card`).
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import FeatureUnion, Pipeline, make_pipeline
from sklearn.preprocessing import FunctionTransformer

from analyser import __version__
from analyser.context import context_inputs, fit_context, neighbours
from analyser.errors import AnalyserError, DataFileError, printable
from analyser.features import (
    CONTENT_INPUT,
    TEXT_INPUT,
    concept_vectorizers,
    content_text,
    cue_hashes,
    extra_feature_names,
    extra_features,
    span_rows,
    span_texts,
    token_table,
)
from analyser.ingest import ingest, ingest_text
from analyser.meetings import model_floor
from analyser.output import write_atomic
from analyser.pipeline import Analyser
from analyser.textmodel import LinearTextModel, save_model
from analyser.thresholds import SMOOTHING, Prevalence, choose_thresholds, f1
from analyser.trees import TreeEnsemble, save_trees

CODES = ("present", "absent")
FOLDS = 5
C = 4.0  # inverse regularisation of each concept's logistic regression
NB_POWER = 0.5  # each feature scaled by |its log-count ratio| ** this before the fit (NBSVM); 0: none
DOCUMENT_SUFFIXES = (".md", ".txt")
MODEL_NAME = "concepts"


@dataclass
class CodedUnit:
    """One coded unit of text: a sentence, or a unit of a coded document."""

    where: str  # "file:line", for messages
    text: str
    codes: dict[str, str]
    group: str  # cross-validation group: the document, or the unit itself
    doc: Path | None = None  # the document file holding the unit
    start: int = 0
    end: int = 0
    genre: str | None = None  # the kind of text ("essay", "minutes", ...), if the file says


def read_coded(paths: Sequence[str | Path], concepts: Sequence[str]) -> list[CodedUnit]:
    """Every unit of every file; DataFileError listing each problem as file:line."""
    units: list[CodedUnit] = []
    problems: list[str] = []
    for path in map(Path, paths):
        try:
            if path.suffix.lower() == ".csv":
                units += _read_csv(path, concepts, problems)
            else:
                units += _read_jsonl(path, concepts, problems)
        except UnicodeDecodeError as error:
            problems.append(f"{path}: not UTF-8 text (byte {error.start:,} cannot be decoded)")
        except OSError as error:
            problems.append(f"{path}: cannot be read ({error.strerror or error})")
    if not units and not problems:
        problems.append(f"{', '.join(map(str, paths))}: no coded units")
    if problems:
        raise DataFileError(str(paths[0]) if paths else "", problems)
    return units


def _codes(raw: Any, where: str, concepts: Sequence[str], problems: list[str]) -> dict[str, str] | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: 'codes' must be an object {{concept: present|absent}}")
        return None
    bad = [f"{where}: unknown concept '{c}' (have: {', '.join(concepts)})" for c in raw if c not in concepts]
    bad += [f"{where}: code for '{c}' must be present or absent, not {v!r}" for c, v in raw.items()
            if c in concepts and v not in CODES]
    problems.extend(bad)
    return None if bad else {str(c): str(v) for c, v in raw.items()}


def _read_jsonl(path: Path, concepts: Sequence[str], problems: list[str]) -> list[CodedUnit]:
    import json

    units = []
    documents: dict[str, str | None] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{where}: not valid JSON ({error.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            problems.append(f"{where}: each line must be an object with 'text' (string) and 'codes'")
            continue
        codes = _codes(record.get("codes"), where, concepts, problems)
        if codes is None:
            continue
        genre = record.get("genre")
        unit = CodedUnit(where, record["text"], codes, f"{path.name}#{record.get('id', number)}",
                         genre=genre if isinstance(genre, str) and genre else None)
        doc = record.get("doc")
        if isinstance(doc, str) and isinstance(record.get("start"), int) and isinstance(record.get("end"), int):
            if doc not in documents:
                documents[doc] = _document_file(path, doc)
            found = documents[doc]
            if found is not None:
                text = _document_text(Path(found))
                if text[record["start"] : record["end"]] != record["text"]:
                    problems.append(f"{where}: 'text' is not the text at {record['start']}-{record['end']} of {found}")
                    continue
                unit.doc, unit.start, unit.end = Path(found), record["start"], record["end"]
            unit.group = f"doc:{doc}"
        units.append(unit)
    return units


def _read_csv(path: Path, concepts: Sequence[str], problems: list[str]) -> list[CodedUnit]:
    units = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = reader.fieldnames or []
        if "text" not in columns:
            problems.append(f"{path}:1: needs a 'text' column (and one column per concept: {', '.join(concepts)})")
            return []
        unknown = [c for c in columns if c not in concepts and c not in ("text", "doc", "id", "genre")]
        if unknown:
            problems.append(f"{path}:1: unknown column(s) {', '.join(unknown)} (concepts: {', '.join(concepts)})")
            return []
        for row in reader:
            where = f"{path}:{reader.line_num}"
            raw = {c: (row.get(c) or "").strip().lower() for c in columns if c in concepts}
            codes = _codes({c: v for c, v in raw.items() if v}, where, concepts, problems)
            if codes is None:
                continue
            doc = (row.get("doc") or "").strip()
            group = f"doc:{doc}" if doc else f"{path.name}#{row.get('id') or reader.line_num}"
            units.append(CodedUnit(where, row.get("text") or "", codes, group,
                                   genre=(row.get("genre") or "").strip() or None))
    return units


def _document_file(path: Path, doc: str) -> str | None:
    for suffix in DOCUMENT_SUFFIXES:
        candidate = path.parent / "docs" / f"{doc}{suffix}"
        if candidate.is_file():
            return str(candidate)
    return None


_TEXTS: dict[str, str] = {}


def _document_text(path: Path) -> str:
    key = str(path.resolve())
    if key not in _TEXTS:
        _TEXTS[key] = ingest(path).text
    return _TEXTS[key]


@dataclass
class Prepared:
    """The units as the model sees them, with the human and the lexicon codes."""

    units: list[CodedUnit]
    concepts: list[str]
    texts: list[str]
    extra: np.ndarray
    gold: np.ndarray  # (units, concepts) bool: coded present or absent
    lexicon: np.ndarray  # (units, concepts) bool: the lexicon found the concept
    groups: np.ndarray
    files: list[Path] = field(default_factory=list)  # every file read, for the fingerprint
    floor: np.ndarray | None = None  # (units,) the model's least probability: its document's `meetings.model_floor`

    def subset(self, rows: np.ndarray) -> Prepared:
        return Prepared([self.units[i] for i in rows], self.concepts, [self.texts[i] for i in rows],
                        self.extra[rows], self.gold[rows], self.lexicon[rows], self.groups[rows],
                        floor=None if self.floor is None else self.floor[rows])

    def neighbours(self) -> tuple[np.ndarray, np.ndarray]:
        """Each unit's previous and next unit of the same document (-1: none)."""
        return neighbours([u.doc for u in self.units], [u.start for u in self.units])

    @property
    def raw_texts(self) -> list[str]:
        """Each unit's text as written (the document's text at its offsets), as the context layer reads it."""
        return [u.text for u in self.units]

    def cut_rows(self, probabilities: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(probabilities, gold, lexicon) of the units a trained cut applies
        to: those of documents without a meeting floor (essays, reflective
        accounts, single sentences). In a meeting the model suggests only
        above the floor, so its units say nothing about where the cut
        should be. All units when none is free of a floor."""
        rows = np.ones(len(self.units), dtype=bool) if self.floor is None else self.floor == 0
        if not rows.any():
            rows[:] = True
        return probabilities[rows], self.gold[rows], self.lexicon[rows]

    @property
    def examples(self) -> list[tuple[str, str, np.ndarray]]:
        """What the Pipeline reads: (lemmas, content lemmas, extra features) per unit."""
        return [(text, content_text(text), extra) for text, extra in zip(self.texts, self.extra)]


def prepare(units: Sequence[CodedUnit], analyser: Analyser) -> Prepared:
    """Parse each document once (each unit without a document on its own)
    and compute every unit's features and lexicon codes."""
    analyser.load()
    concepts = list(analyser.lexicon_.concept_ids)
    cues = cue_hashes(analyser.cues_)
    strings = analyser.nlp_.vocab.strings
    texts = [""] * len(units)
    extra = np.zeros((len(units), len(extra_feature_names(concepts))))
    lexicon = np.zeros((len(units), len(concepts)), dtype=bool)
    floor = np.zeros(len(units))
    by_document: dict[Path | None, list[int]] = {}
    for i, unit in enumerate(units):
        by_document.setdefault(unit.doc, []).append(i)
    batches: list[tuple[Any, list[int], list[tuple[int, int]]]] = []
    for doc, members in by_document.items():
        if doc is not None:
            document = ingest(doc)
            floor[members] = model_floor(analyser.kind_of(document))
            reading = analyser.lexicon_pass(document)
            batches.append((reading, members, [(units[i].start, units[i].end) for i in members]))
        else:
            for i in members:
                document = ingest_text(units[i].text, units[i].where)
                batches.append((analyser.lexicon_pass(document, code_headings=True), [i], [(0, len(document.text))]))
    for reading, members, spans in batches:
        table = token_table(reading.parsed, reading.not_coded, cues)
        rows = span_rows(table.offsets, spans)
        for i, text in zip(members, span_texts(table, rows, len(spans), strings)):
            texts[i] = text
        extra[members] = extra_features(table, rows, len(spans), spans, reading.mentions, concepts)
        found = span_rows(np.array([m.start for m in reading.mentions], dtype=np.int64), spans)
        for mention, row in zip(reading.mentions, found.tolist()):
            if row >= 0:
                lexicon[members[row], concepts.index(mention.concept)] = True
    gold = np.array([[c in u.codes for c in concepts] for u in units], dtype=bool).reshape(len(units), len(concepts))
    files = sorted({Path(u.where.rsplit(":", 1)[0]) for u in units} | {u.doc for u in units if u.doc})
    return Prepared(list(units), concepts, texts, extra, gold, lexicon, np.array([u.group for u in units]), files,
                    floor)


# --- the scikit-learn pipeline ------------------------------------------------


Example = tuple[str, str, np.ndarray]


def _texts(examples: Sequence[Example]) -> list[str]:
    return [text for text, _, _ in examples]


def _contents(examples: Sequence[Example]) -> list[str]:
    return [content for _, content, _ in examples]


def _extras(examples: Sequence[Example]) -> np.ndarray:
    return np.array([extra for _, _, extra in examples], dtype=np.float64)


_INPUTS = {TEXT_INPUT: _texts, CONTENT_INPUT: _contents}


class PerConceptLogistic(ClassifierMixin, BaseEstimator):
    """One logistic regression per concept (a column of Y), balanced class
    weights. A concept with one class only in the data gets a constant
    score (no weights) instead of failing the fit. `dual`: liblinear's dual
    solver, for more features than units (the text model); the primal for
    few features and many units, where the dual one converges slowly or not
    at all.

    `nb_power`: before each concept's fit, every feature is scaled by the
    absolute log-ratio of how often it occurs in that concept's units and
    in the others, raised to this power (Wang and Manning's NBSVM, 2012): a
    word as common in both classes counts for little, so the regression
    spends its weights on the words that tell them apart. The scaling is
    folded into the stored weights, so the model file and analysis are
    unchanged by it. Chosen by grouped cross-validation on the coded
    documents (0.5: micro-F1 0.7306 against 0.7273 without; 0.3: 0.7296;
    1: 0.7268)."""

    def __init__(self, C: float = C, dual: bool = True, nb_power: float = 0.0) -> None:
        self.C = C
        self.dual = dual
        self.nb_power = nb_power

    def fit(self, X, Y) -> PerConceptLogistic:
        Y = np.asarray(Y, dtype=int)
        coef = np.zeros((Y.shape[1], X.shape[1]))
        intercept = np.zeros(Y.shape[1])
        if self.nb_power:  # made once for every concept: which units hold each feature
            X = sparse.csr_matrix(X)
            present = X.copy()
            present.data = (present.data != 0).astype(np.float64)
        for k in range(Y.shape[1]):
            if len(np.unique(Y[:, k])) < 2:
                intercept[k] = 10.0 if Y[0, k] else -10.0
                continue
            scale = self._nb_scale(present, Y[:, k]) if self.nb_power else None
            # liblinear's dual solver: with more features than units, 20-40x faster than the primal;
            # a fixed random_state keeps its coordinate order, so training twice gives the same bytes
            fitted = LogisticRegression(C=self.C, class_weight="balanced", max_iter=5000, solver="liblinear",
                                        dual=self.dual, random_state=0)
            fitted.fit(X if scale is None else X.multiply(scale).tocsr(), Y[:, k])
            coef[k], intercept[k] = fitted.coef_[0] * (1.0 if scale is None else scale), fitted.intercept_[0]
        self.coef_, self.intercept_ = coef, intercept
        return self

    def _nb_scale(self, present: sparse.csr_matrix, y: np.ndarray) -> np.ndarray:
        """|log((p / |p|) / (q / |q|))| ** nb_power per feature, p and q its
        document frequencies (+1) in the concept's units and the others
        (`present`: 1 where a unit holds a feature)."""
        p = np.asarray(present[y == 1].sum(axis=0)).ravel() + 1.0
        q = np.asarray(present[y == 0].sum(axis=0)).ravel() + 1.0
        return np.abs(np.log((p / p.sum()) / (q / q.sum()))) ** self.nb_power

    def decision_function(self, X) -> np.ndarray:
        return np.asarray(X @ self.coef_.T) + self.intercept_

    def predict(self, X) -> np.ndarray:
        return self.decision_function(X) > 0


SMALL = 50  # fewer units than this: keep n-grams seen once (min_df 1)


def concept_pipeline(c: float = C, units: int = SMALL) -> Pipeline:
    """Features (word and character TF-IDF of the text, the extra features)
    then one logistic regression per concept. Input: (text, extras) pairs."""
    parts: list[tuple[str, Any]] = [
        (name, make_pipeline(FunctionTransformer(_INPUTS[text_input]), vectorizer))
        for name, text_input, vectorizer in concept_vectorizers(min_df=1 if units < SMALL else 2)
    ]
    parts.append(("extra", FunctionTransformer(_extras)))
    return Pipeline([("features", FeatureUnion(parts)), ("classify", PerConceptLogistic(c, nb_power=NB_POWER))])


def export(pipeline: Pipeline, concepts: Sequence[str], calibration: np.ndarray, thresholds: dict[str, float],
           card: dict[str, Any]) -> LinearTextModel:
    union: FeatureUnion = pipeline.named_steps["features"]
    inputs = {name: text_input for name, text_input, _ in concept_vectorizers()}
    vectorizers = [(name, inputs[name], part.steps[-1][1]) for name, part in union.transformer_list if name != "extra"]
    classify: PerConceptLogistic = pipeline.named_steps["classify"]
    return LinearTextModel.from_fitted(
        MODEL_NAME, concepts, vectorizers, classify.coef_, classify.intercept_,
        extra_features=extra_feature_names(concepts), calibration=calibration, thresholds=thresholds, card=card)


# --- calibration, thresholds, cross-validation ----------------------------------


def grouped_folds(groups: np.ndarray, folds: int = FOLDS) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train, test) row indices; a group (a document) is never split."""
    n = min(folds, len(set(groups.tolist())))
    if n < 2:
        return []
    return list(GroupKFold(n_splits=n).split(np.zeros(len(groups)), groups=groups))


def platt(decision: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """(concepts, 2): A, B with p = 1 / (1 + exp(-(A d + B))), per concept."""
    result = np.tile([1.0, 0.0], (decision.shape[1], 1))
    for k in range(decision.shape[1]):
        if len(np.unique(gold[:, k])) == 2:
            fit = LogisticRegression(C=1e4, max_iter=1000).fit(decision[:, [k]], gold[:, k])
            result[k] = fit.coef_[0, 0], fit.intercept_[0]
    return result


def calibrated(decision: np.ndarray, calibration: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(decision * calibration[:, 0] + calibration[:, 1])))


@dataclass
class Fitted:
    model: LinearTextModel
    pipeline: Pipeline
    out_of_fold: np.ndarray | None  # calibrated out-of-fold probabilities, (units, concepts)
    seconds: float = 0.0
    context: TreeEnsemble | None = None  # the context layer (analyser/context.py), if fitted

    @property
    def thresholds(self) -> dict[str, float]:
        """The cuts the analysis uses: the context layer's when there is one."""
        return (self.context or self.model).thresholds


def fit(data: Prepared, folds: int = FOLDS, card: dict[str, Any] | None = None,
        c: float = C, context: bool = True, prevalence: Mapping[str, float] | None = None) -> Fitted:
    """Cross-validate (for calibration and thresholds), then fit on everything;
    then, from the out-of-fold probabilities, the context layer (unless
    `context` is False or no unit has a neighbour). `out_of_fold` is then the
    context layer's. Thresholds are chosen at `prevalence` (the target share
    of units per concept; None: the training data's own), on the units
    outside meetings (`Prepared.cut_rows`)."""
    examples = data.examples
    splits = grouped_folds(data.groups, folds)
    calibration = np.tile([1.0, 0.0], (len(data.concepts), 1))
    thresholds = {concept: 0.5 for concept in data.concepts}
    out_of_fold = None
    if splits:
        decision = np.zeros(data.gold.shape)
        for train, test in splits:
            pipeline = concept_pipeline(c, len(train)).fit([examples[i] for i in train], data.gold[train])
            decision[test] = pipeline.decision_function([examples[i] for i in test])
        calibration = platt(decision, data.gold)
        out_of_fold = calibrated(decision, calibration)
        thresholds = choose_thresholds(*data.cut_rows(out_of_fold), data.concepts, prevalence)
    pipeline = concept_pipeline(c, len(examples)).fit(examples, data.gold)
    model = export(pipeline, data.concepts, calibration, thresholds, card or {})
    layer = None
    if context and out_of_fold is not None:
        previous, following = data.neighbours()
        if (previous >= 0).any():
            inputs = context_inputs(out_of_fold, data.raw_texts, previous, following)
            layer, out_of_fold = fit_context(inputs, data.gold, data.concepts, splits)
            layer.thresholds = choose_thresholds(*data.cut_rows(out_of_fold), data.concepts, prevalence)
    return Fitted(model, pipeline, out_of_fold, context=layer)


def system_scores(gold: np.ndarray, predicted: np.ndarray, concepts: Sequence[str]) -> dict[str, Any]:
    """Precision, recall, F1 per concept, and micro and macro F1."""
    per = {}
    for k, concept in enumerate(concepts):
        g, p = gold[:, k], predicted[:, k]
        tp = int(np.sum(g & p))
        per[concept] = {
            "support": int(g.sum()), "predicted": int(p.sum()),
            "precision": tp / p.sum() if p.sum() else 1.0, "recall": tp / g.sum() if g.sum() else 1.0,
            "f1": f1(g, p),
        }
    return {"concepts": per, "micro_f1": f1(gold.ravel(), predicted.ravel()),
            "macro_f1": float(np.mean([s["f1"] for s in per.values()])) if per else 0.0}


def three_systems(gold: np.ndarray, lexicon: np.ndarray, model: np.ndarray,
                  concepts: Sequence[str]) -> dict[str, dict[str, Any]]:
    return {"lexicon": system_scores(gold, lexicon, concepts), "model": system_scores(gold, model, concepts),
            "both": system_scores(gold, lexicon | model, concepts)}


# --- the command: train, write the model and its card ---------------------------


def fingerprint(files: Sequence[Path]) -> dict[str, Any]:
    digests = {p.name if p.parent.name != "docs" else f"docs/{p.name}": hashlib.sha256(p.read_bytes()).hexdigest()
               for p in files}
    combined = hashlib.sha256("".join(f"{k}\0{v}\n" for k, v in sorted(digests.items())).encode()).hexdigest()
    return {"sha256": combined, "files": dict(sorted(digests.items()))}


def train(paths: Sequence[str | Path], out: str | Path, analyser: Analyser,
          progress: Callable[[str], None] = lambda _: None,
          prevalence: Prevalence | None = None) -> tuple[Path, Path, Fitted]:
    """`analyser train`: read, prepare, fit, write OUT/concepts.model.json and
    OUT/concepts.model.md. Returns both paths and the fit. Thresholds are
    chosen at `prevalence` (`analyser.thresholds`; None: the training
    data's own density)."""
    import time

    import sklearn

    started = time.perf_counter()
    analyser.load()
    units = read_coded(paths, analyser.lexicon_.concept_ids)
    progress(f"read {len(units):,} coded units from {len(paths)} file(s)")
    data = prepare(units, analyser)
    concepts = data.concepts
    card: dict[str, Any] = {
        "trained_on": {"inputs": [Path(p).name for p in paths], **fingerprint(data.files)},
        "units": len(units),
        "groups": len(set(data.groups.tolist())),
        "documents": len({u.group for u in units if u.group.startswith("doc:")}),
        "counts": {c: {code: sum(u.codes.get(c) == code for u in units) for code in CODES} for c in concepts},
        "scikit_learn": sklearn.__version__,
        "analyser": __version__,
        "settings": {"C": C, "folds": FOLDS, "class_weight": "balanced",
                     "vectorizers": {name: {k: str(v) for k, v in vec.get_params().items()
                                            if k in ("analyzer", "ngram_range", "min_df", "sublinear_tf")}
                                     for name, _, vec in concept_vectorizers()}},
    }
    card["prevalence"] = ({"target": prevalence.shares, "source": prevalence.source} if prevalence
                          else {"target": None, "source": "the training data's own"})
    fitted = fit(data, prevalence=prevalence.shares if prevalence else None)
    if fitted.out_of_fold is not None:
        model_pred = fitted.out_of_fold >= np.array([fitted.thresholds[c] for c in concepts])
        card["cross_validation"] = {
            "folds": len(grouped_folds(data.groups)),
            "note": "grouped by document; out-of-fold probabilities, whose calibration and thresholds were "
                    "chosen on the same folds (slightly optimistic: 'analyser evaluate' gives nested figures)",
            **three_systems(data.gold, data.lexicon, model_pred, concepts),
        }
    fitted.model.card.update(card)
    fitted.model.card["thresholds"] = fitted.thresholds
    context_name = f"{MODEL_NAME}.context.json"
    if fitted.context is not None:
        fitted.model.card["context"] = {"file": context_name, "sha256": fitted.context.to_json()["sha256"]}
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        if fitted.context is not None:  # first: the model names it, so it must exist when the model does
            save_trees(fitted.context, out / context_name)
        model_path = save_model(fitted.model, out / f"{MODEL_NAME}.model.json")
        card_path = out / f"{MODEL_NAME}.model.md"
        write_atomic(card_path, render_card(fitted.model))
    except OSError as error:
        raise AnalyserError(f"{printable(str(error.filename or out))}: cannot write ({error.strerror or error})") \
            from None
    fitted.seconds = time.perf_counter() - started
    return model_path, card_path, fitted


def _target_source(card: dict[str, Any]) -> str:
    prevalence = card.get("prevalence") or {}
    if not prevalence.get("target"):
        return "the training data's own shares"
    return f"the shares in {prevalence.get('source', 'the target file')}"


def render_card(model: LinearTextModel) -> str:
    """The model card as Markdown, from the card stored in the model file."""
    card = model.card
    trained = card.get("trained_on", {})
    lines = [
        f"# Model card: {model.name} (concept suggestions)",
        "",
        "Generated by `analyser train`; do not edit (retrain instead).",
        "",
        "A linear sentence classifier beside the lexicon: word 1-2-gram TF-IDF over the sentence's lemmas and",
        "character 3-5-gram TF-IDF over its content words, plus per concept whether the lexicon found it (and",
        "said it absent) and how often, and a count of polarity cues; one logistic regression per concept",
        "(balanced class weights; features scaled by the square root of their naive Bayes log-count ratio, NBSVM,",
        "folded into the weights), Platt calibration from grouped cross-validation. Then a context layer",
        "(`concepts.context.json`, named with its checksum in this card): per concept, boosted trees (depth 3,",
        "100 rounds) over the first model's out-of-fold log-odds for the sentence, the two sentences before and",
        "after it and the rest of the document, and the sentence's length, question marks, speaker label and place.",
        "Thresholds (below: the context layer's) are chosen to maximise the out-of-fold F1 of lexicon OR model",
        f"(the F1 curve first averaged over {SMOOTHING} neighbouring cuts, so that its flat top does not jump),",
        "over the units outside meetings (a meeting has its own floor), each concept's units weighted to its",
        "target share of sentences (`analyser/thresholds.py`): " + _target_source(card) + ".",
        "Stored as JSON (vocabularies, weights and the trees' node arrays; no code runs when it is loaded).",
        "",
        "## Training data",
        "",
        f"- inputs: {', '.join(trained.get('inputs', []))}",
        f"- fingerprint (SHA-256 over the files below): `{trained.get('sha256', '')}`",
        f"- units: {card.get('units', 0):,} in {card.get('groups', 0):,} groups ({card.get('documents', 0)} documents)",
        f"- scikit-learn {card.get('scikit_learn', '?')}, analyser {card.get('analyser', '?')}",
        "",
        "| concept | present | absent | target share | threshold |",
        "| --- | --- | --- | --- | --- |",
    ]
    targets = (card.get("prevalence") or {}).get("target") or {}
    for concept in model.labels:
        counts = card.get("counts", {}).get(concept, {})
        cut = card.get("thresholds", model.thresholds).get(concept, 0.5)
        share = f"{targets[concept]:.2%}" if concept in targets else "as trained"
        lines.append(f"| {concept} | {counts.get('present', 0)} | {counts.get('absent', 0)} | {share} | {cut:.2f} |")
    cv = card.get("cross_validation")
    if cv:
        lines += ["", f"## Cross-validated figures ({cv['folds']}-fold, grouped by document)", "", cv["note"] + ".",
                  "", "| concept | lexicon P / R / F1 | model P / R / F1 | both P / R / F1 |",
                  "| --- | --- | --- | --- |"]
        for concept in model.labels:
            cells = [cv[s]["concepts"][concept] for s in ("lexicon", "model", "both")]
            lines.append(f"| {concept} | " + " | ".join(
                f"{c['precision']:.2f} / {c['recall']:.2f} / {c['f1']:.2f}" for c in cells) + " |")
        lines.append("| micro F1 | " + " | ".join(f"{cv[s]['micro_f1']:.3f}" for s in ("lexicon", "model", "both"))
                     + " |")
        lines.append("| macro F1 | " + " | ".join(f"{cv[s]['macro_f1']:.3f}" for s in ("lexicon", "model", "both"))
                     + " |")
    lines += ["", "## Files", ""]
    lines += [f"- `{name}` {digest}" for name, digest in trained.get("files", {}).items()]
    return "\n".join(lines) + "\n"
