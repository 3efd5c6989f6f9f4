"""Train the reflective-move model (models/reflection.model.json) on CEReD.

    python scripts/train_reflection.py [--data DIR] [--field JSONL] [--out FILE]
    python scripts/train_reflection.py --score corpus/heldout/docs.jsonl   # figures of the shipped model

The Czech-English Reflective Dataset (Štefánik and Nehyba, 2021; Apache-2.0)
codes sentences of student teachers' reflective diaries with one of nine
reflective moves. Its English files are read from `--data` (default
../shared/external/cered beside the repository); the sentences never enter
the project: only the fitted model, its figures and the data's attribution,
in the model card inside the JSON file.

Deterministic: the same data and library versions give the same bytes (the
test suite retrains and compares; the fit runs on one BLAS thread). The
features are analyser.reflection.move_features' (word unigrams and bigrams
of the lower-cased tokens, and the cue classes of analyser/data/move_cues.toml
with their copies for practice writing), computed by the same functions
analysis uses, from the analyser's own spaCy pipeline. The settings were
chosen on CEReD's validation split (confidence >= 3, fitted on train) and
cross-validation, never on test: `--tune` prints the figures (cue classes
0.694 against 0.666 for words alone; C = 3). The final model is fitted on
train + validation and the test split is scored once, restricted to sentences
with mean annotator confidence of 3 or more as in the published results.

Field adaptation: CEReD's writers are student teachers. The project's own
coded reflective accounts (health, social care, policing, voluntary sector;
`corpus/annotated/docs.jsonl`, units of genre "reflective" with a `move`) are
added to the training data with weight FIELD_WEIGHT, marked as practice
writing (move_features.with_domain), chosen by grouped cross-validation over
those documents only (`--tune`). The held-out documents (`corpus/heldout/`)
are never trained or tuned on: the card reports the model's figures on them.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import sklearn
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    cohen_kappa_score,
    confusion_matrix,
    f1_score,
    precision_recall_fscore_support,
)
from threadpoolctl import threadpool_limits

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from spacy.language import Language  # noqa: E402

from analyser.model import Block, Document, Metadata  # noqa: E402
from analyser.nlp import build_pipeline  # noqa: E402
from analyser.parse import parse  # noqa: E402
from analyser.reflection.move_features import (  # noqa: E402
    SHAPES,
    MoveCues,
    cue_features,
    load_move_cues,
    move_texts,
    read_spans,
    with_domain,
)
from analyser.reflection.moves import MODEL_NAME, MOVES, MoveModel, load_move_model  # noqa: E402
from analyser.resources import data_path  # noqa: E402
from analyser.textmodel import LinearTextModel, save_model  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "external" / "cered"
DEFAULT_OUT = REPO / "models" / "reflection.model.json"
DEFAULT_FIELD = REPO / "corpus" / "annotated" / "docs.jsonl"
DEFAULT_HELDOUT = REPO / "corpus" / "heldout" / "docs.jsonl"
# chosen by grouped 4-fold CV by document over the field training documents (--tune): with the practice
# copies about 0.70 accuracy at weights 1, 4 and 8 (0.700 at 8); pooled without them 0.55 / 0.58 / 0.60 at 1 / 3 / 8
FIELD_WEIGHT = 8.0
SPLITS = ("train", "val", "test")
LABEL_SPELLINGS = {"Difficulties": "Difficulty"}  # test.tsv spells one label differently
MIN_CONFIDENCE = 3.0  # the published figures use sentences with mean confidence >= 3
C = 3.0
CUE_SCALE = 1.0  # the cue features' scale in training (a larger scale regularises their weights less)
WORD_MIN_DF = 2  # word unigrams and bigrams seen in at least this many sentences
GRID_C = (1.0, 3.0, 10.0)  # --tune
GRID_CUE_SCALE = (1.0, 2.0)
GRID_FIELD_WEIGHT = (1.0, 4.0, 8.0)
FIELD_FOLDS = 4
ANCHORS = {
    "XLM-RoBERTa large, fine-tuned (Nehyba and Štefánik, 2022)": 0.794,
    "random forest on the Czech text, best shallow model (Nehyba and Štefánik, 2022)": 0.73,
    "word and character TF-IDF logistic regression, quick baseline": 0.60,
    "majority class (dataset README)": 0.396,
}
ATTRIBUTION = {
    "dataset": "Czech-English Reflective Dataset (CEReD), English sentences",
    "licence": "Apache License 2.0",
    "cite": [
        "Štefánik, M. and Nehyba, J. (2021) Czech-English Reflective Dataset (CEReD), version 1 [Data set]. "
        "doi:11372/LRT-3573",
        "Nehyba, J. and Štefánik, M. (2022) 'Applications of deep language models for reflective writings', "
        "Education and Information Technologies. doi:10.1007/s10639-022-11254-7",
    ],
    "source": "https://github.com/EduMUNI/reflection-classification",
    "note": "Only the fitted weights and figures are shipped; no sentence of the dataset is in the project.",
}


@dataclass
class Row:
    sentence: str
    label: str
    confidence: float
    group: str = ""  # the document a field unit comes from (grouped cross-validation)
    practice: bool = False  # the project's accounts of practice (True) or CEReD's teaching diaries


def repair(text: str) -> str:
    """Undo UTF-8 read as cp1252 ("MiÅ¡a" → "Miša"), which some rows have."""
    try:
        return text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text


def read_split(path: Path) -> list[Row]:
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle, delimiter="\t"):
            label = LABEL_SPELLINGS.get(record["y"], record["y"])
            if label not in MOVES:
                raise SystemExit(f"{path}: unknown category {label!r}")
            ratings = json.loads(record["confidence"])
            rows.append(Row(repair(record["sentence"]), label, sum(ratings) / len(ratings)))
    return rows


def read_field(path: Path) -> list[Row]:
    """The coded reflective units of one of the project's corpus files."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        unit = json.loads(line)
        if unit.get("genre") == "reflective" and unit.get("move"):
            if unit["move"] not in MOVES:
                raise SystemExit(f"{path}:{number}: unknown move {unit['move']!r}")
            rows.append(Row(unit["text"], unit["move"], 0.0, str(unit.get("doc", "")), practice=True))
    return rows


@dataclass
class Inputs:
    """What the model reads of some sentences: their words joined by spaces
    (for TfidfVectorizer), the cue features and whether each is practice
    writing, computed by the same functions analysis uses
    (analyser.reflection.move_features)."""

    texts: list[str]
    cues: np.ndarray
    practice: np.ndarray  # bool per sentence

    @property
    def extra(self) -> np.ndarray:
        return with_domain(self.cues, self.practice)

    def read_as(self, practice: bool) -> Inputs:
        """The same sentences read as the other kind of writing."""
        return Inputs(self.texts, self.cues, np.full(len(self.texts), practice))


def model_inputs(rows: Sequence[Row], nlp: Language, cues: MoveCues) -> Inputs:
    """Each sentence a block of one document, parsed by the analyser's own
    pipeline: the tokens are those analysis will see."""
    parts, blocks, at = [], [], 0
    for row in rows:
        sentence = " ".join(row.sentence.split())
        parts.append(sentence)
        blocks.append(Block("paragraph", at, at + len(sentence)))
        at += len(sentence) + 2
    document = Document("\n\n".join(parts), blocks, Metadata("<training>", "txt"))
    parsed = parse(document, nlp)
    reading = read_spans(parsed, [(b.start, b.end) for b in blocks])
    strings = nlp.vocab.strings
    return Inputs(move_texts(reading, strings), cue_features(reading, cues, strings),
                  np.array([row.practice for row in rows], dtype=bool))


def vectorizer() -> TfidfVectorizer:
    """Word unigrams and bigrams of the lower-cased tokens (split on spaces:
    tokenizing was spaCy's job), as features.FastTransform computes them."""
    return TfidfVectorizer(analyzer="word", token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2),
                           min_df=WORD_MIN_DF, sublinear_tf=True, dtype=np.float64)


def fit(inputs: Inputs, labels: Sequence[str], weights: Sequence[float], c: float = C,
        cue_scale: float = CUE_SCALE) -> tuple[TfidfVectorizer, LogisticRegression]:
    words = vectorizer().fit(inputs.texts)
    features = sparse.hstack([words.transform(inputs.texts), cue_scale * inputs.extra], format="csr")
    classifier = LogisticRegression(C=c, max_iter=5000)
    with threadpool_limits(1):  # a multi-threaded BLAS sums in varying order: the same bytes need one thread
        classifier.fit(features, list(labels), sample_weight=np.asarray(weights, dtype=np.float64))
    return words, classifier


def to_model(words: TfidfVectorizer, classifier: LogisticRegression, cues: MoveCues,
             cue_scale: float = CUE_SCALE) -> LinearTextModel:
    """The fitted parts as a LinearTextModel (rows in MOVES order; the cue
    scale folded into their weights, so the stored features are the raw ones)."""
    order = [list(classifier.classes_).index(m) for m in MOVES]
    coef = classifier.coef_[order].copy()
    coef[:, len(words.vocabulary_):] *= cue_scale
    return LinearTextModel.from_fitted(MODEL_NAME, list(MOVES), [("word", "sentence", words)], coef,
                                       classifier.intercept_[order], extra_features=cues.feature_names(),
                                       link="softmax")


def predict(model: MoveModel, inputs: Inputs) -> list[str]:
    features = model.model.transform({"sentence": inputs.texts}, inputs.extra)
    return [MOVES[i] for i in model.model.probabilities(model.model.decision(features)).argmax(1)]


def fingerprint(data: Path) -> dict[str, str]:
    return {f"{split}.tsv": hashlib.sha256((data / f"{split}.tsv").read_bytes()).hexdigest() for split in SPLITS}


def figures(gold: Sequence[str], predicted: Sequence[str]) -> dict:
    """Accuracy, macro-F1, Cohen's kappa, per class and the confusion matrix."""
    labels = list(MOVES)
    precision, recall, f1, support = precision_recall_fscore_support(
        gold, predicted, labels=labels, zero_division=0)
    present = [m for m in labels if m in set(gold) | set(predicted)]
    return {
        "sentences": len(gold),
        "accuracy": round(float(accuracy_score(gold, predicted)), 4),
        "macro_f1": round(float(f1_score(gold, predicted, labels=present, average="macro", zero_division=0)), 4),
        "kappa": round(float(cohen_kappa_score(gold, predicted)), 4),
        "per_class": {
            m: {"precision": round(float(p), 4), "recall": round(float(r), 4), "f1": round(float(f), 4),
                "support": int(s)}
            for m, p, r, f, s in zip(labels, precision, recall, f1, support)
        },
        "confusion": {"labels": labels, "rows_gold_columns_predicted":
                      confusion_matrix(gold, predicted, labels=labels).tolist()},
    }


def train(data: Path, field: Path | None, nlp: Language, cues: MoveCues,
          heldout: Path | None = None) -> LinearTextModel:
    train_rows = read_split(data / "train.tsv") + read_split(data / "val.tsv")
    field_rows = read_field(field) if field else []
    weights = [1.0] * len(train_rows) + [FIELD_WEIGHT] * len(field_rows)
    train_rows += field_rows
    test_rows = [r for r in read_split(data / "test.tsv") if r.confidence >= MIN_CONFIDENCE]
    words, classifier = fit(model_inputs(train_rows, nlp, cues), [r.label for r in train_rows], weights)
    model = to_model(words, classifier, cues)
    test_inputs = model_inputs(test_rows, nlp, cues)
    predicted = predict(MoveModel(model, cues), test_inputs)
    as_practice = figures([r.label for r in test_rows], predict(MoveModel(model, cues), test_inputs.read_as(True)))
    field_figures = {}
    if field_rows:
        field_figures["field_cv"] = {
            "set": f"the project's coded reflective accounts ({field.name if field else ''}), grouped "
                   f"{FIELD_FOLDS}-fold cross-validation by document",
            **field_cv(train_rows[: len(train_rows) - len(field_rows)], field_rows, FIELD_WEIGHT, nlp, cues)}
    heldout_rows = read_field(heldout) if heldout and heldout.is_file() else []
    if heldout_rows:
        field_figures["heldout"] = {
            "set": "the project's held-out reflective accounts (corpus/heldout), never trained or tuned on",
            "sha256": hashlib.sha256(heldout.read_bytes()).hexdigest() if heldout else None,
            **figures([r.label for r in heldout_rows], predict(MoveModel(model, cues),
                                                               model_inputs(heldout_rows, nlp, cues)))}
    model.card = {
        "task": "one reflective move per sentence (CEReD categories)",
        "data": {"fingerprint_sha256": fingerprint(data), "train_sentences": len(train_rows),
                 "trained_on": "CEReD English train + validation splits"
                 + (f"; {len(field_rows)} coded sentences of the project's reflective accounts, weight {FIELD_WEIGHT:g}"
                    if field_rows else ""),
                 "field_sha256": hashlib.sha256(field.read_bytes()).hexdigest() if field else None,
                 "cues_sha256": hashlib.sha256(data_path("move_cues.toml").read_bytes()).hexdigest()},
        "settings": {"classifier": f"LogisticRegression(C={C:g}), multinomial",
                     "features": "word unigrams and bigrams of the lower-cased spaCy tokens (TF-IDF, sublinear, l2); "
                                 f"cue classes of analyser/data/move_cues.toml ({len(cues.classes)} counts over "
                                 f"sqrt(length), {len(cues.combinations)} combinations, {len(SHAPES)} shape features), "
                                 "a copy of them non-zero for practice writing and a practice flag (feature "
                                 "augmentation, Daumé 2007: the project's accounts are practice, CEReD is teaching; "
                                 "test figures read CEReD as teaching, field figures read the accounts as practice)",
                     "scikit_learn": sklearn.__version__},
        "test": {"split": f"CEReD English test, mean annotator confidence >= {MIN_CONFIDENCE:g}",
                 **figures([r.label for r in test_rows], predicted)},
        "test_read_as_practice": {
            "set": "the same CEReD test sentences read as practice writing (move_domain = \"practice\", as the "
                   "analyser reads essays by default): what the practice copies of the cue features change",
            **{k: as_practice[k] for k in ("sentences", "accuracy", "macro_f1", "kappa")}},
        **field_figures,
        "anchors_accuracy": ANCHORS,
        "attribution": ATTRIBUTION,
        "command": "python scripts/train_reflection.py",
    }
    return model


def tune(data: Path, field: Path | None, nlp: Language, cues: MoveCues) -> int:
    """The figures the settings were chosen by: CEReD validation accuracy
    (confidence >= 3) for each C and cue scale, fitted on CEReD train; then,
    for the field weight, grouped cross-validation by document over the
    project's coded training accounts (never the held-out ones)."""
    train_rows = read_split(data / "train.tsv")
    val_rows = [r for r in read_split(data / "val.tsv") if r.confidence >= MIN_CONFIDENCE]
    train_inputs, val_inputs = model_inputs(train_rows, nlp, cues), model_inputs(val_rows, nlp, cues)
    none = Inputs(train_inputs.texts, np.zeros_like(train_inputs.cues), train_inputs.practice)
    for c, scale in [(c, s) for c in GRID_C for s in GRID_CUE_SCALE]:
        for name, inputs in (("words + cues", train_inputs), ("words only", none)):
            if name == "words only" and scale != GRID_CUE_SCALE[0]:
                continue
            words, classifier = fit(inputs, [r.label for r in train_rows], [1.0] * len(train_rows), c, scale)
            val = val_inputs if name == "words + cues" else Inputs(val_inputs.texts, np.zeros_like(val_inputs.cues),
                                                                   val_inputs.practice)
            model = MoveModel(to_model(words, classifier, cues, scale), cues)
            got = figures([r.label for r in val_rows], predict(model, val))
            print(f"validation, {name}, C={c:g}, cue scale {scale:g}: accuracy {got['accuracy']:.3f}, "
                  f"macro-F1 {got['macro_f1']:.3f}", flush=True)
    if not field:
        return 0
    field_rows = read_field(field)
    cered = train_rows + read_split(data / "val.tsv")
    for weight in GRID_FIELD_WEIGHT:
        got = field_cv(cered, field_rows, weight, nlp, cues)
        print(f"field accounts, grouped {FIELD_FOLDS}-fold CV, field weight {weight:g}: "
              f"accuracy {got['accuracy']:.3f}, macro-F1 {got['macro_f1']:.3f}", flush=True)
    return 0


def field_cv(cered: list[Row], field_rows: list[Row], weight: float, nlp: Language, cues: MoveCues) -> dict:
    """Figures on the project's coded accounts by grouped cross-validation:
    each fold's documents scored by a model fitted on CEReD and the other
    folds' documents (with `weight`)."""
    groups = sorted({r.group for r in field_rows})
    gold: list[str] = []
    predicted: list[str] = []
    for fold in range(FIELD_FOLDS):
        held = {g for i, g in enumerate(groups) if i % FIELD_FOLDS == fold}
        fit_rows = cered + [r for r in field_rows if r.group not in held]
        test_rows = [r for r in field_rows if r.group in held]
        weights = [1.0] * len(cered) + [weight] * (len(fit_rows) - len(cered))
        words, classifier = fit(model_inputs(fit_rows, nlp, cues), [r.label for r in fit_rows], weights)
        gold += [r.label for r in test_rows]
        predicted += predict(MoveModel(to_model(words, classifier, cues), cues), model_inputs(test_rows, nlp, cues))
    return figures(gold, predicted)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with CEReD's train/val/test.tsv")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the model")
    parser.add_argument("--field", type=Path, default=DEFAULT_FIELD if DEFAULT_FIELD.is_file() else None,
                        help="the project's coded units (JSONL) to adapt to; default corpus/annotated/docs.jsonl")
    parser.add_argument("--no-field", action="store_true", help="train on CEReD alone")
    parser.add_argument("--heldout", type=Path, default=DEFAULT_HELDOUT,
                        help="coded accounts to report the model's figures on, never trained on "
                             "(default corpus/heldout/docs.jsonl)")
    parser.add_argument("--score", type=Path, help="only report the shipped model's figures on this coded JSONL")
    parser.add_argument("--tune", action="store_true",
                        help="print the validation figures the settings were chosen by (slow: many fits)")
    args = parser.parse_args(argv)
    nlp = build_pipeline()
    cues = load_move_cues()
    if args.score:
        return score(args.score, args.out, nlp, cues)
    missing = [s for s in SPLITS if not (args.data / f"{s}.tsv").is_file()]
    if missing:
        print(f"{args.data}: no {', '.join(s + '.tsv' for s in missing)} (the CEReD English files)", file=sys.stderr)
        return 1
    field = None if args.no_field else args.field
    if args.tune:
        return tune(args.data, field, nlp, cues)
    model = train(args.data, field, nlp, cues, args.heldout)
    save_model(model, args.out)
    report(f"wrote {args.out}: CEReD test", model.card["test"])
    for key in ("field_cv", "heldout"):
        if key in model.card:
            report(model.card[key]["set"], model.card[key])
    return 0


def score(path: Path, model_path: Path, nlp: Language, cues: MoveCues) -> int:
    """The model's figures on the project's coded reflective units."""
    model = load_move_model(model_path)
    rows = read_field(path)
    if not rows:
        print(f"{path}: no coded reflective units", file=sys.stderr)
        return 1
    result = figures([r.label for r in rows], predict(model, model_inputs(rows, nlp, cues)))
    report(f"{model_path.name} on {path}", result)
    return 0


def report(title: str, test: dict) -> None:
    print(f"{title}: accuracy {test['accuracy']:.3f}, macro-F1 {test['macro_f1']:.3f}, "
          f"kappa {test['kappa']:.3f} on {test['sentences']} sentences")
    for move, row in test["per_class"].items():
        print(f"  {move:<12} P {row['precision']:.2f}  R {row['recall']:.2f}  F1 {row['f1']:.2f}  n={row['support']}")
    print("  confusion (rows gold, columns predicted, in the order above):")
    for line in test["confusion"]["rows_gold_columns_predicted"]:
        print("   " + " ".join(f"{n:4d}" for n in line))


if __name__ == "__main__":
    raise SystemExit(main())
