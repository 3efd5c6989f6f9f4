"""The fast scoring paths give the features and decisions of the slow, plain ones."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from analyser.textmodel import FastTfidf, LinearTextModel

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
