"""The JSON model file: a round trip scores exactly as the fitted
scikit-learn parts did, and a tampered, foreign or inconsistent file is
refused with one line."""

from __future__ import annotations

import json

import numpy as np
import pytest
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from analyser.textmodel import LinearTextModel, ModelFileError, load_model, save_model

TEXTS = [
    "the council held the budget and decided alone",
    "we trusted each other and shared mistakes openly",
    "nobody knew what the partnership was for",
    "the council decided and we were told",
    "staff were open about errors and felt safe",
    "partners agreed a common purpose",
]
LABELS = np.array([0, 1, 2, 0, 1, 2])


def fitted(extra: bool = False, link: str = "softmax"):
    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4))
    blocks = [word.fit_transform(TEXTS), char.fit_transform(TEXTS)]
    extras = np.array([[1.0], [0.0], [0.0], [1.0], [0.0], [0.0]])
    if extra:
        blocks.append(sparse.csr_matrix(extras))
    X = sparse.hstack(blocks, format="csr")
    clf = LogisticRegression(max_iter=1000).fit(X, LABELS)
    model = LinearTextModel.from_fitted(
        "toy", ["power", "trust", "vision"],
        [("word", "sentence", word), ("char", "sentence", char)],
        clf.coef_, clf.intercept_, extra_features=["lexicon_power"] if extra else [], link=link,
        card={"data": "six sentences"},
    )
    return model, clf, X, extras


def test_round_trip_gives_the_same_probabilities_as_scikit_learn(tmp_path):
    model, clf, X, _ = fitted()
    path = save_model(model, tmp_path / "toy.model.json")
    loaded = load_model(path)
    new = ["the council held the budget", "a shared purpose at last"]
    expected = clf.predict_proba(
        sparse.hstack(
            [TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True).fit(TEXTS).transform(new),
             TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4)).fit(TEXTS).transform(new)], format="csr"))
    assert np.allclose(loaded.predict_proba({"sentence": new}), expected)
    assert loaded.labels == ["power", "trust", "vision"]
    assert loaded.card == {"data": "six sentences"}


def test_extra_features_must_match_what_the_caller_computes(tmp_path):
    model, _, _, extras = fitted(extra=True)
    path = save_model(model, tmp_path / "m.json")
    assert load_model(path, extra_features=["lexicon_power"]).extra_features == ["lexicon_power"]
    with pytest.raises(ModelFileError, match="other features"):
        load_model(path, extra_features=["lexicon_trust"])


def test_evidence_names_the_features_that_pushed_towards_a_label():
    model, _, _, _ = fitted()
    features = model.transform({"sentence": ["the council held the budget"]})
    evidence = model.evidence(features, 0, model.labels.index("power"), n=3)
    assert evidence and all(weight > 0 for _, weight in evidence)
    assert any(name.startswith("word:") and "council" in name for name, _ in evidence)


def test_an_edited_file_is_refused(tmp_path):
    model, _, _, _ = fitted()
    path = save_model(model, tmp_path / "m.json")
    data = json.loads(path.read_text())
    data["model"]["labels"][0] = "trust_me"
    path.write_text(json.dumps(data))
    with pytest.raises(ModelFileError, match="changed after it was written"):
        load_model(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x80\x04\x95 not json", "not valid JSON"),
        (b'{"format": "something-else"}', "not an analyser model file"),
        (b'{"format": "analyser-linear-text-model", "format_version": 99}', "format version 99"),
        (b"[1, 2, 3]", "not an analyser model file"),
        (b'{"a": NaN}', "not valid JSON"),
    ],
)
def test_foreign_files_are_refused_with_one_line(tmp_path, content, message):
    path = tmp_path / "m.json"
    path.write_bytes(content)
    with pytest.raises(ModelFileError, match=message) as raised:
        load_model(path)
    assert "\n" not in str(raised.value) and str(path) in str(raised.value)


def test_inconsistent_shapes_are_refused_even_with_a_matching_checksum(tmp_path):
    model, _, _, _ = fitted()
    data = model.to_json()
    data["model"]["intercept"] = {"shape": [2], "f8": "AAAAAAAAAAAAAAAAAAAAAA=="}
    from analyser.textmodel import payload_digest

    data["sha256"] = payload_digest(data["model"])
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ModelFileError, match="inconsistent model file"):
        load_model(path)


def test_a_missing_file_says_how_to_make_one(tmp_path):
    with pytest.raises(ModelFileError, match="analyser train"):
        load_model(tmp_path / "absent.json")


def test_sigmoid_heads_apply_platt_calibration():
    model, _, _, _ = fitted()
    model.link = "sigmoid"
    model.calibration = np.array([[2.0, -1.0]] * 3)
    decision = np.array([[0.5, 0.0, -0.5]])
    expected = 1 / (1 + np.exp(-(2.0 * decision - 1.0)))
    assert np.allclose(model.probabilities(decision), expected)
