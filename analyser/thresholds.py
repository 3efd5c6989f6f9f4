"""Each concept's model threshold, chosen for the density of real writing
(`analyser train`).

The model's probabilities are calibrated on the coded training data, where a
concept is in 7-12% of units, because its documents were written to be
about the concepts. In real essays and reflective accounts on partnership
working (`corpus/real_concepts`) a concept is in 2.5-5% of sentences. A cut that
maximises F1 at the training data's density suggests far too much at the
real one: on the real texts' `dev` part, every suggestion the model added to
the lexicon's codes cost more than it gained.

So the F1 that picks each cut weighs the training units without the concept
so that the concept's share matches a *target prevalence*: the share of
sentences that carry it in the writing the tool reads. The targets are data
(`analyser/data/prevalence.toml`, measured on the essays and reflective
accounts of the real texts' `dev` part: in a meeting the model suggests
only above a floor of its own, so the cut applies to those alone;
`analyser train --prevalence FILE` reads another, `--training-prevalence`
keeps the training data's own). This is the textbook correction for a change
of class priors (Saerens, Latinne and Decaestecker, 2002), applied to the
choice of cut rather than to the probabilities.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from analyser.datafile import TomlFile
from analyser.resources import data_path

THRESHOLD_GRID = np.round(np.arange(0.05, 0.951, 0.01), 2)
SMOOTHING = 5  # grid points the F1 curve is averaged over before its maximum is taken
PREVALENCE_FILE = "prevalence.toml"


@dataclass(frozen=True)
class Prevalence:
    """The share of sentences carrying each concept in the writing the tool
    reads, and where the figures come from (for the model card)."""

    shares: dict[str, float]
    source: str


def read_prevalence(path: Path | None = None) -> Prevalence:
    """The target prevalence file (default: the packaged one); DataFileError
    naming file and line for a missing source or a share outside (0, 1)."""
    toml = TomlFile(path or data_path(PREVALENCE_FILE))
    toml.check_keys(toml.data, {"source", "prevalence"}, "the file", 1)
    source = toml.require_str(toml.data, "source", "the file", 1)
    table = toml.data.get("prevalence")
    shares: dict[str, float] = {}
    if not isinstance(table, dict) or not table:
        toml.problem(toml.line_of("prevalence"), "needs a [prevalence] table: concept = share of sentences")
    else:
        for concept, share in table.items():
            if isinstance(share, bool) or not isinstance(share, (int, float)) or not 0 < share < 1:
                toml.problem(toml.line_of(concept, toml.line_of("[prevalence]")),
                             f"the share for '{concept}' must be a number between 0 and 1 (exclusive)")
            else:
                shares[str(concept)] = float(share)
    toml.raise_if_problems()
    return Prevalence(shares, source)


def f1(gold: np.ndarray, predicted: np.ndarray, weights: np.ndarray | None = None) -> float:
    """F1 of boolean calls, each unit counted with its weight (default 1)."""
    w = np.ones(gold.shape) if weights is None else weights
    tp = float(np.sum(w * (gold & predicted)))
    denominator = float(np.sum(w * gold) + np.sum(w * predicted))
    return 2 * tp / denominator if denominator else 1.0


def prior_weights(gold: np.ndarray, target: float | None) -> np.ndarray:
    """Per unit: 1 for a unit with the concept; for one without it, the weight
    that makes the concept's weighted share equal `target` (None, or no unit
    on either side: all 1)."""
    share = float(np.mean(gold)) if gold.size else 0.0
    if target is None or not 0 < share < 1:
        return np.ones(gold.shape)
    negative = (share / (1 - share)) / (target / (1 - target))
    return np.where(gold, 1.0, negative)


def choose_thresholds(probabilities: np.ndarray, gold: np.ndarray, lexicon: np.ndarray,
                      concepts: Sequence[str], prevalence: Mapping[str, float] | None = None) -> dict[str, float]:
    """Per concept, the probability cut that maximises F1 of lexicon OR model,
    the way the analysis uses it, at the concept's target prevalence if given
    (ties: the highest cut, fewer suggestions). The F1 curve is smoothed over
    SMOOTHING grid points first: it is flat near its top, and its raw
    maximum jumps by several points when a few training units change."""
    thresholds = {}
    grid = THRESHOLD_GRID.tolist()
    for k, concept in enumerate(concepts):
        weights = prior_weights(gold[:, k], (prevalence or {}).get(concept))
        curve = np.array([f1(gold[:, k], lexicon[:, k] | (probabilities[:, k] >= t), weights) for t in grid])
        smooth = smoothed(curve, SMOOTHING)
        best = max(range(len(grid)), key=lambda i: (round(float(smooth[i]), 12), grid[i]))
        thresholds[concept] = float(grid[best])
    return thresholds


def smoothed(curve: np.ndarray, width: int) -> np.ndarray:
    """The moving average of `curve` over `width` points (an odd number),
    each end averaged over the points it has."""
    half = width // 2
    sums = np.concatenate([[0.0], np.cumsum(curve)])
    low = np.clip(np.arange(len(curve)) - half, 0, len(curve))
    high = np.clip(np.arange(len(curve)) + half + 1, 0, len(curve))
    return (sums[high] - sums[low]) / (high - low)
