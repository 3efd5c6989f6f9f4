"""Bootstrap intervals that resample whole groups (documents).

A document's units share its writer, topic and coder, so they are not
independent draws: an interval that resampled units would be far too narrow
for a set of ten documents. Every figure here is computed from per-group
counts, so a resample is a sum over drawn groups (numpy, no Python loop),
and the draws come from a fixed seed: the same data gives the same interval.

    counts = group_sums(per_unit_counts, groups)     # (groups, k)
    drawn = resample(len(counts))                    # (RESAMPLES, groups)
    interval(statistic(counts[drawn].sum(axis=1)))   # 95% percentile interval
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

RESAMPLES = 1000  # resamples of the groups behind each interval


@dataclass(frozen=True)
class Interval:
    """A 95% percentile bootstrap interval."""

    low: float
    high: float


def group_sums(values: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """(groups, k): the rows of `values` (units, k) summed per group, groups in sorted order."""
    _, group_of_unit = np.unique(groups, return_inverse=True)
    sums = np.zeros((group_of_unit.max() + 1 if len(groups) else 0, values.shape[1]))
    np.add.at(sums, group_of_unit, values)
    return sums


def resample(groups: int, resamples: int = RESAMPLES, seed: int = 0) -> np.ndarray:
    """(resamples, groups) group indices drawn with replacement, from a fixed seed."""
    return np.random.default_rng(seed).integers(0, groups, (resamples, groups))


def interval(values: np.ndarray) -> Interval | None:
    """The 2.5th and 97.5th percentiles of a statistic over the resamples,
    leaving out those where it is undefined (NaN); None if it never is defined."""
    defined = values[~np.isnan(values)]
    if not len(defined):
        return None
    low, high = np.percentile(defined, [2.5, 97.5])
    return Interval(float(low), float(high))
