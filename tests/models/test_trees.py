"""The boosted-tree file: built from fitted scikit-learn models it predicts
what they predict, survives a round trip through its file, and a tampered,
foreign or inconsistent file is refused with one line."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier

from analyser.textmodel import LinearTextModel, ModelFileError, payload_digest, save_model
from analyser.trees import TreeEnsemble, load_trees, save_trees

NAMES = ["a", "b", "c", "d", "e"]


def fitted(depth: int = 3, rounds: int = 30, missing: bool = False, seed: int = 0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(600, len(NAMES)))
    Y = np.column_stack([X[:, 0] + X[:, 1] * X[:, 2] > 0, X[:, 3] > 0.8, np.sin(3 * X[:, 4]) > 0.2])
    if missing:
        X[rng.random(X.shape) < 0.1] = np.nan
    models = [HistGradientBoostingClassifier(max_depth=depth, max_iter=rounds, early_stopping=False,
                                             random_state=0).fit(X, Y[:, k]) for k in range(Y.shape[1])]
    ensemble = TreeEnsemble.from_fitted("toy", ["x", "y", "z"], NAMES, models, thresholds={"x": 0.4},
                                        card={"note": "toy"})
    return ensemble, models


def sklearn_proba(models, X):
    return np.column_stack([m.predict_proba(X)[:, 1] for m in models])


@pytest.mark.parametrize("depth, rounds, missing", [(3, 30, False), (1, 10, False), (5, 20, True), (3, 1, False)])
def test_predictions_equal_scikit_learn_and_survive_the_file(tmp_path, depth, rounds, missing):
    ensemble, models = fitted(depth, rounds, missing)
    X = np.random.default_rng(1).normal(scale=2.0, size=(400, len(NAMES)))
    if missing:
        X[np.random.default_rng(2).random(X.shape) < 0.2] = np.nan
    expected = sklearn_proba(models, X)
    assert np.abs(ensemble.predict_proba(X) - expected).max() < 1e-9
    loaded = load_trees(save_trees(ensemble, tmp_path / "toy.trees.json"), feature_names=NAMES)
    assert np.abs(loaded.predict_proba(X) - expected).max() < 1e-9
    assert loaded.to_json() == ensemble.to_json()
    assert (loaded.labels, loaded.thresholds, loaded.card) == (["x", "y", "z"], {"x": 0.4}, {"note": "toy"})
    assert ensemble.depth <= depth


def test_a_label_with_one_class_is_a_constant():
    _, models = fitted(rounds=5)
    ensemble = TreeEnsemble.from_fitted("toy", ["x", "never"], NAMES, [models[0], -10.0])
    X = np.zeros((3, len(NAMES)))
    assert np.allclose(ensemble.predict_proba(X)[:, 1], 1 / (1 + np.exp(10.0)))
    assert np.allclose(ensemble.predict_proba(X)[:, 0], models[0].predict_proba(X)[:, 1])


def test_the_wrong_number_of_inputs_is_an_error():
    ensemble, _ = fitted(rounds=2)
    with pytest.raises(ValueError, match="expected"):
        ensemble.predict_proba(np.zeros((2, 3)))


def edit(path, change) -> None:
    """Change the payload and write the file back with a matching checksum."""
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data["model"])
    data["sha256"] = payload_digest(data["model"])
    path.write_text(json.dumps(data), encoding="utf-8")


def ints(payload, key, change):
    packed = payload[key]
    array = np.frombuffer(base64.b64decode(packed["i4"]), dtype="<i4").copy()
    change(array)
    packed["i4"] = base64.b64encode(array.tobytes()).decode("ascii")


def floats(payload, key, change):
    packed = payload[key]
    array = np.frombuffer(base64.b64decode(packed["f8"]), dtype="<f8").copy()
    change(array)
    packed["f8"] = base64.b64encode(array.tobytes()).decode("ascii")


def set_at(index, value):
    def change(array):
        array[index] = value
    return change


def tamper(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    data["model"]["thresholds"]["x"] = 0.9  # checksum left as it was
    path.write_text(json.dumps(data), encoding="utf-8")


def linear(path):
    model = LinearTextModel(name="concepts-context", labels=["x"], text_features=[], extra_features=NAMES,
                            coef=np.zeros((1, len(NAMES))), intercept=np.zeros(1))
    save_model(model, path)


@pytest.mark.parametrize("change, message", [
    (tamper, "changed after it was written"),
    (lambda path: path.write_text("{}"), "not an analyser tree-ensemble file"),
    (lambda path: path.write_text("[1, 2"), "not valid JSON"),
    (lambda path: path.write_text('{"x": NaN}'), "not valid JSON"),
    (lambda path: path.unlink(), "no model file here"),
    (linear, "retrain with 'analyser train'"),
    (lambda path: edit(path, lambda p: None) or _version(path), "format version 2"),
    (lambda path: edit(path, lambda p: ints(p, "left", set_at(0, 10**6))), "inconsistent model file"),
    (lambda path: edit(path, lambda p: ints(p, "left", set_at(0, 0))), "inconsistent model file"),  # a cycle
    (lambda path: edit(path, lambda p: ints(p, "feature", set_at(0, len(NAMES)))), "feature that does not exist"),
    (lambda path: edit(path, lambda p: floats(p, "value", set_at(-1, np.inf))), "not finite"),
    (lambda path: edit(path, lambda p: floats(p, "threshold", set_at(0, np.nan))), "not a number"),
    (lambda path: edit(path, lambda p: ints(p, "roots", set_at(1, 0))), "separate trees"),
    (lambda path: edit(path, lambda p: ints(p, "tree_label", set_at(0, 7))), "label that does not exist"),
    (lambda path: edit(path, lambda p: p["roots"].update(shape=[2])), "does not match its shape"),
    (lambda path: edit(path, lambda p: p.update(feature_names=["a"] * len(NAMES))), "repeat"),
    (lambda path: edit(path, lambda p: p.update(feature_names=NAMES[::-1])), "other features"),
])
def test_a_tampered_foreign_or_inconsistent_file_is_refused_in_one_line(tmp_path, change, message):
    ensemble, _ = fitted(rounds=3)
    path = save_trees(ensemble, tmp_path / "toy.trees.json")
    change(path)
    with pytest.raises(ModelFileError, match=message) as error:
        load_trees(path, feature_names=NAMES)
    assert "\n" not in str(error.value)


def _version(path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["format_version"] = 2
    path.write_text(json.dumps(data), encoding="utf-8")


def test_rows_are_predicted_in_chunks_with_the_same_result(monkeypatch):
    ensemble, models = fitted(rounds=10)
    X = np.random.default_rng(3).normal(size=(50, len(NAMES)))
    monkeypatch.setattr("analyser.trees.CHUNK_ROWS", 7)
    assert np.abs(ensemble.predict_proba(X) - sklearn_proba(models, X)).max() < 1e-9
    assert ensemble.predict_proba(X[:0]).shape == (0, 3)
