"""Agreement with the human-coded dev set stays at the level we report
(corpus/annotated/concepts.jsonl; see its README). A drop below F1 0.80 for
any concept is a regression."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyser.evaluate import evaluate_concepts

DEV_SET = Path(__file__).resolve().parents[2] / "corpus" / "annotated" / "concepts.jsonl"


@pytest.fixture(scope="module")
def evaluation(analyser):
    return evaluate_concepts(DEV_SET, analyser)


def test_dev_set_size(evaluation):
    assert evaluation.sentences >= 300
    assert all(s.support >= 60 for s in evaluation.scores)


@pytest.mark.parametrize("concept", ["identity_threat", "trust", "vision", "power"])
def test_f1_at_least_080(evaluation, concept):
    score = next(s for s in evaluation.scores if s.concept == concept)
    assert score.f1 >= 0.80, f"{concept}: F1 {score.f1:.2f}"
    assert score.kappa >= 0.75, f"{concept}: kappa {score.kappa:.2f}"
