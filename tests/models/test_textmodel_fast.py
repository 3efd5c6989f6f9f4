"""The fast scoring paths give the features and decisions of the slow, plain ones."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from analyser.textmodel import FastTfidf, LinearTextModel, WordMeanFeatures, load_model, save_model

TRAIN = [
    "I felt nervous before the strategy meeting.",
    "The consultant set the agenda and nobody questioned it.",
    "Next week I will ask my supervisor to plan the meeting with me.",
    "I learned that silence is not agreement.",
    "We met the family at home; the nurse led the visit.",
    "Trust grows when partners share information openly.",
]
TEXTS = [
    "",
    "...",
    "I felt the meeting was nervous and the agenda unclear.",
    "ÉCOLE Straße ﬁne  café\u00a0naïve",
    "a",
    "Nobody nobody NOBODY questioned questioned it it.",
    "",
]


@pytest.mark.parametrize(
    "settings",
    [
        {"analyzer": "char_wb", "ngram_range": (2, 5), "sublinear_tf": True},
        {"analyzer": "char_wb", "ngram_range": (1, 3)},
        {"analyzer": "word", "ngram_range": (1, 2), "token_pattern": r"(?u)\b\w+\b", "sublinear_tf": True},
        {"analyzer": "word", "ngram_range": (1, 1)},
        {"analyzer": "word", "ngram_range": (2, 3), "norm": None},
    ],
)
def test_fast_tfidf_equals_scikit_learn(settings):
    vectorizer = TfidfVectorizer(**settings).fit(TRAIN)
    [features] = LinearTextModel.from_fitted_features([("f", "sentence", vectorizer)])
    assert FastTfidf.supports(features.params)
    fast = FastTfidf(features).transform(TEXTS).toarray()
    assert np.allclose(fast, vectorizer.transform(TEXTS).toarray(), atol=1e-12)
    assert FastTfidf(features).transform([]).shape == (0, len(features.vocabulary))


def word_mean_model() -> LinearTextModel:
    words = WordMeanFeatures.fit("words", "sentence", TRAIN, min_df=1, char_min_df=1)
    rng = np.random.default_rng(0)
    coef = rng.normal(size=(3, words.n_features))
    return LinearTextModel("t", ["a", "b", "c"], [], [], coef, rng.normal(size=3), link="softmax", word_means=[words])


def test_word_mean_decision_from_the_cache_equals_the_feature_matrix(tmp_path):
    model = word_mean_model()
    slow = model.probabilities(model.decision(model.transform({"sentence": TEXTS})))
    assert np.allclose(model.predict_proba({"sentence": TEXTS}), slow, atol=1e-12)
    assert np.allclose(model.predict_proba({"sentence": TEXTS[2:4]}), slow[2:4], atol=1e-12)  # cache warm
    assert np.allclose(slow[0], slow[1]) and np.allclose(slow[0], model.probabilities(model.intercept[None, :])[0])
    path = save_model(model, tmp_path / "m.json")
    again = load_model(path)
    assert np.allclose(again.predict_proba({"sentence": TEXTS}), slow, atol=1e-12)
    assert again.feature_names() == model.feature_names()


def test_word_mean_features_are_words_pairs_and_characters_over_the_square_root_of_the_length():
    words = WordMeanFeatures.fit("words", "sentence", ["aa bb", "aa bb"], min_df=1, char_min_df=1,
                                 char_ngram_range=(3, 3))
    assert words.unigrams == ["aa", "bb"] and words.bigrams == ["aa bb"]
    assert words.chars.vocabulary == [" aa", " bb", "aa ", "bb "]
    row = words.matrix(["aa bb"]).toarray()[0]
    idf = 1.0  # both words in both texts
    char = 1 / np.sqrt(2)  # each word's two n-grams, l2-normalised
    assert np.allclose(row, np.array([idf, idf, idf, char, char, char, char]) / np.sqrt(2))
