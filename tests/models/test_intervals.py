"""Micro F1 with a 95% interval that resamples whole documents: a held-out
set of a few documents moves by several points from one sample to the
next, and the figures say so."""

from __future__ import annotations

import numpy as np
import pytest

from analyser.bootstrap import Interval
from analyser.evaluate_documents import Difference, micro_f1_interval, paired_difference

# (units per document: gold, predicted) for one concept
RIGHT = ([1, 0, 1], [1, 0, 1])  # F1 1
WRONG = ([1, 0, 1], [0, 1, 0])  # F1 0
HALF = ([1, 1, 0], [1, 0, 1])  # tp 1, fp 1, fn 1: F1 0.5


def stacked(*documents):
    gold = np.array([g for d in documents for g in d[0]])[:, None]
    predicted = np.array([p for d in documents for p in d[1]])[:, None]
    groups = np.array([f"doc:{i}" for i, d in enumerate(documents) for _ in d[0]])
    return gold, predicted, groups


@pytest.mark.parametrize(("documents", "expected"), [
    ((HALF, HALF, HALF), Interval(0.5, 0.5)),  # alike documents: every resample gives the same figure
    ((RIGHT, RIGHT), Interval(1.0, 1.0)),
    ((RIGHT, WRONG), Interval(0.0, 1.0)),  # two documents as far apart as can be: anything between
])
def test_interval_of_micro_f1(documents, expected):
    assert micro_f1_interval(*stacked(*documents)) == expected


def test_units_of_one_document_are_resampled_together():
    # one document all right, one all wrong: resampling units would narrow
    # the interval to about 0.41-0.70; whole documents leave it at 0-1
    long_right, long_wrong = (RIGHT[0] * 10, RIGHT[1] * 10), (WRONG[0] * 10, WRONG[1] * 10)
    gold, predicted, groups = stacked(long_right, long_wrong)
    assert len(gold) == 60
    assert micro_f1_interval(gold, predicted, groups) == Interval(0.0, 1.0)


def test_the_same_data_gives_the_same_interval():
    rng = np.random.default_rng(1)
    gold, predicted = rng.random((60, 4)) < 0.3, rng.random((60, 4)) < 0.3
    groups = np.repeat([f"doc:{i}" for i in range(12)], 5)
    first = micro_f1_interval(gold, predicted, groups)
    assert first == micro_f1_interval(gold, predicted, groups)
    assert 0.0 < first.low < first.high < 1.0



def test_a_model_against_itself_differs_by_nothing():
    gold, predicted, groups = stacked(RIGHT, WRONG, HALF)
    assert paired_difference(gold, predicted, predicted, groups) == Difference(0.0, 0.0, 0.0)


def test_a_paired_difference_resamples_the_same_documents_for_both():
    # A gets both documents right; B the first only (tp 2) and the second wrong (fp 1, fn 2): F1 4/7
    gold, better, groups = stacked(RIGHT, RIGHT)
    _, worse, _ = stacked(RIGHT, ([1, 0, 1], [0, 1, 0]))
    difference = paired_difference(gold, better, worse, groups)
    assert difference.value == pytest.approx(1 - 4 / 7)
    # draws of the first document twice favour neither; of the second twice, A by 1
    assert (difference.low, difference.high) == (0.0, 1.0)


def test_a_difference_the_same_in_every_document_holds_in_every_draw():
    # every document: A finds all its codes, B half of them; documents differ in how much they hold
    documents_a, documents_b = [], []
    for size in (1, 2, 4, 8, 1, 2, 4, 8):
        documents_a.append(([1, 1, 0] * size, [1, 1, 0] * size))
        documents_b.append(([1, 1, 0] * size, [1, 0, 0] * size))
    gold, a, groups = stacked(*documents_a)
    _, b, _ = stacked(*documents_b)
    difference = paired_difference(gold, a, b, groups)
    assert difference.value == pytest.approx(1 - 2 / 3)
    assert (difference.low, difference.high) == pytest.approx((1 / 3, 1 / 3))
