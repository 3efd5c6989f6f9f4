"""Bootstrap intervals that resample whole groups (documents).

A document's units share its writer, topic and coder, so they are not
independent draws: an interval that resampled units would be far too narrow
for a set of ten documents. Every figure here is computed from per-group
counts, so a resample is a sum over drawn groups (numpy, no Python loop),
and the draws come from a fixed seed: the same data gives the same interval.

    counts = group_sums(per_unit_counts, groups)     # (groups, k)
    sums = resampled_sums(counts)                    # (RESAMPLES, k): each draw's totals
    interval(statistic(sums))                        # 95% percentile interval

Draws are made a block at a time, so memory stays bounded however many
groups there are (a single long transcript resampled by its 100,000 units).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

RESAMPLES = 1000  # resamples of the groups behind each interval
BLOCK = 1_000_000  # group draws held in memory at once


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


def resampled_sums(counts: np.ndarray, resamples: int = RESAMPLES, seed: int = 0) -> np.ndarray:
    """(resamples, k): for each draw of len(counts) groups with replacement
    (fixed seed), the sum of the drawn groups' rows of `counts`."""
    groups = len(counts)
    rng = np.random.default_rng(seed)
    sums = np.zeros((resamples, counts.shape[1]))
    if not groups:
        return sums
    per_block = max(1, BLOCK // groups)
    for first in range(0, resamples, per_block):
        size = min(per_block, resamples - first)
        sums[first:first + size] = counts[rng.integers(0, groups, (size, groups))].sum(axis=1)
    return sums


def interval(values: np.ndarray) -> Interval | None:
    """The 2.5th and 97.5th percentiles of a statistic over the resamples,
    leaving out those where it is undefined (NaN); None if it never is defined."""
    defined = values[~np.isnan(values)]
    if not len(defined):
        return None
    low, high = np.percentile(defined, [2.5, 97.5])
    return Interval(float(low), float(high))
