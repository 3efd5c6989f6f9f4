"""The concept model against human coding: lexicon alone, model alone and
both (lexicon OR model, what the analysis shows), per concept with micro
and macro F1.

- On a coded set (`evaluate_systems`): units of a document are read from the
  whole document's analysis, mapped to units by offset (`training.prepare`);
  the model is the shipped one (or --model).
- By grouped cross-validation (`cross_validate`): each of 5 folds holds out
  whole documents; the model is refitted on the other folds with the whole
  training procedure (its own inner cross-validation for calibration and
  thresholds), so nothing is tuned on the fold it is scored on.
- A learning curve (`learning_curve`): the same folds, training on growing
  shares of the training documents; drawn as an SVG in an HTML page
  (`render_learning_curve`) through the report's jinja2 environment.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from analyser.bootstrap import RESAMPLES, Interval, group_sums, interval, resampled_sums
from analyser.context import with_context
from analyser.errors import AnalyserError
from analyser.features import model_inputs
from analyser.pipeline import Analyser
from analyser.textmodel import LinearTextModel
from analyser.thresholds import f1, read_prevalence
from analyser.training import (
    FOLDS,
    Prepared,
    fit,
    grouped_folds,
    prepare,
    read_coded,
    system_scores,
    three_systems,
)
from analyser.trees import TreeEnsemble

SYSTEMS = ("lexicon", "model", "both")
CURVE_SHARES = (0.25, 0.5, 0.75, 1.0)
CURVE_INNER_FOLDS = 3  # calibration and thresholds inside each learning-curve fit


@dataclass
class SystemsEvaluation:
    title: str
    units: int
    groups: int
    scores: dict[str, dict[str, Any]]  # system -> system_scores(...)
    folds: list[list[str]] = field(default_factory=list)  # cross-validation: the groups held out by each fold
    by_genre: list[PartScores] = field(default_factory=list)  # micro F1 per kind of text, when the units say
    intervals: dict[str, Interval] = field(default_factory=dict)  # system -> 95% interval of its micro F1
    against: str = ""  # the other model compared on the same units (--against), if any
    differences: dict[str, Difference] = field(default_factory=dict)  # "model", "both" -> this less the other
    by_file: list[PartScores] = field(default_factory=list)  # micro F1 per file, when there are several


@dataclass(frozen=True)
class Difference:
    """One system's micro F1 less another's on the same units, and its 95% interval."""

    value: float
    low: float
    high: float


def micro_f1_interval(gold: np.ndarray, predicted: np.ndarray, groups: np.ndarray,
                      resamples: int = RESAMPLES, seed: int = 0) -> Interval:
    """Where micro F1 could as well have fallen with other documents like
    these: a 95% percentile bootstrap interval that resamples whole groups
    (documents; `analyser.bootstrap`). A held-out set of ten documents
    moves by several points from one sample to the next, and a change
    smaller than that is not a finding."""
    sums = resampled_sums(group_counts(gold, predicted, groups), resamples, seed)
    return interval(micro_f1(sums)) or Interval(0.0, 0.0)


def paired_difference(gold: np.ndarray, predicted: np.ndarray, other: np.ndarray, groups: np.ndarray,
                      resamples: int = RESAMPLES, seed: int = 0) -> Difference:
    """Micro F1 of `predicted` less that of `other` on the same units, with
    a 95% interval from resampling whole groups, the same draws for both:
    what the two share (the documents' difficulty) cancels, so a paired
    difference is two to three times tighter than either figure's interval."""
    both = np.hstack([group_counts(gold, predicted, groups), group_counts(gold, other, groups)])
    sums = resampled_sums(both, resamples, seed)
    spread = interval(micro_f1(sums[:, :3]) - micro_f1(sums[:, 3:])) or Interval(0.0, 0.0)
    totals = both.sum(axis=0)[None]
    value = micro_f1(totals[:, :3])[0] - micro_f1(totals[:, 3:])[0]
    return Difference(float(value), spread.low, spread.high)


def group_counts(gold: np.ndarray, predicted: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """(groups, 3): true positives, false positives and false negatives of
    each group's units over every concept."""
    hits, calls = gold.astype(bool), predicted.astype(bool)
    return group_sums(np.stack([(hits & calls).sum(axis=1), (~hits & calls).sum(axis=1),
                                (hits & ~calls).sum(axis=1)], axis=1), groups)


def micro_f1(sums: np.ndarray) -> np.ndarray:
    """Micro F1 of each row of (true positives, false positives, false negatives); 0 where all are 0."""
    tp, fp, fn = sums.T
    denominator = 2 * tp + fp + fn
    return np.divide(2 * tp, denominator, out=np.zeros(len(sums)), where=denominator > 0)


def system_intervals(data: Prepared, predicted: np.ndarray, groups: np.ndarray | None = None) -> dict[str, Interval]:
    """The micro-F1 interval of lexicon, model and both, by `micro_f1_interval`
    (over `groups`, the data's own by default)."""
    calls = {"lexicon": data.lexicon, "model": predicted, "both": data.lexicon | predicted}
    groups = data.groups if groups is None else groups
    return {system: micro_f1_interval(data.gold, calls[system], groups) for system in SYSTEMS}


def file_groups(data: Prepared) -> np.ndarray:
    """Each unit's group named with its file too: sets pooled from several
    files may reuse a document's name, and two documents are not one."""
    return np.array([f"{unit.where.rsplit(':', 1)[0]}|{group}" for unit, group in zip(data.units, data.groups)])


@dataclass
class PartScores:
    """Micro F1 of each system over one part of the units (a kind of text, or
    one of the files): where a figure for the whole set hides that essays
    score well and talk does not, or that real diaries score far below the
    project's own documents."""

    part: str
    units: int
    micro_f1: dict[str, float]  # system -> micro F1


def part_scores(parts: np.ndarray, data: Prepared, predicted: np.ndarray) -> list[PartScores]:
    """Each system's micro F1 over the units of each part (`parts`: one name per unit), in name order."""
    found = []
    for part in sorted(set(parts.tolist())):
        rows = parts == part
        calls = {"lexicon": data.lexicon[rows], "model": predicted[rows], "both": data.lexicon[rows] | predicted[rows]}
        found.append(PartScores(part, int(rows.sum()),
                                {s: f1(data.gold[rows].ravel(), calls[s].ravel()) for s in SYSTEMS}))
    return found


def genre_scores(data: Prepared, predicted: np.ndarray) -> list[PartScores]:
    """Per genre the units give (none if no unit gives one); units without a genre are "other"."""
    if not any(unit.genre for unit in data.units):
        return []
    return part_scores(np.array([unit.genre or "other" for unit in data.units]), data, predicted)


def file_scores(data: Prepared, predicted: np.ndarray) -> list[PartScores]:
    """Per file the units were read from (none if they all come from one)."""
    files = np.array([unit.where.rsplit(":", 1)[0] for unit in data.units])
    return part_scores(files, data, predicted) if len(set(files.tolist())) > 1 else []


def model_predictions(model: LinearTextModel, data: Prepared, thresholds: dict[str, float] | None = None,
                      context: TreeEnsemble | None = None) -> np.ndarray:
    """(units, data.concepts) bool: the model's call on each unit (through
    its context layer, if given); False for a concept the model does not code.
    Without `thresholds`, the trained ones, raised to the meeting floor for
    units of meeting notes and transcripts, as the analysis does."""
    probabilities = model.predict_proba(model_inputs(data.texts), data.extra)
    if context is not None:
        probabilities = with_context(context, probabilities, data.raw_texts, *data.neighbours())
    return calls(probabilities, model.labels, data, (context or model).thresholds, thresholds)


def calls(probabilities: np.ndarray, labels: Sequence[str], data: Prepared, trained: dict[str, float],
          thresholds: dict[str, float] | None = None) -> np.ndarray:
    """(units, data.concepts) bool from a model's (units, labels)
    probabilities: at `thresholds` if given, else at the `trained` cuts
    raised to each unit's meeting floor, as the analysis does."""
    cut = thresholds or trained
    floor = data.floor if thresholds is None and data.floor is not None else np.zeros(len(data.units))
    predicted = np.zeros(data.gold.shape, dtype=bool)
    for k, label in enumerate(labels):
        predicted[:, data.concepts.index(label)] = probabilities[:, k] >= np.maximum(cut.get(label, 0.5), floor)
    return predicted


@dataclass(frozen=True)
class Rival:
    """Another model (and its context layer) to compare on the same units;
    with `reader`, read through another lexicon too, so that a change of
    lexicon and model is compared with the system it would replace."""

    name: str
    model: LinearTextModel
    context: TreeEnsemble | None = None
    reader: Analyser | None = None  # the rival's own lexicon pass; None: the one being evaluated


def evaluate_systems(paths: Sequence[str], analyser: Analyser, model: LinearTextModel,
                     threshold: float | None = None, title: str = "",
                     context: TreeEnsemble | None = None, against: Rival | None = None) -> SystemsEvaluation:
    """Lexicon, model (with its context layer, if given) and both on a coded
    set. `analyser` reads the lexicon only (its own model, if any, is not
    used). With `against`, also the paired difference from that model's
    model and both (`paired_difference`)."""
    analyser.load()
    data = prepare(read_coded(paths, analyser.lexicon_.concept_ids), analyser)
    thresholds = {label: threshold for label in model.labels} if threshold is not None else None
    predicted = model_predictions(model, data, thresholds, context)
    groups = file_groups(data) if len(paths) > 1 else data.groups
    evaluation = SystemsEvaluation(title or ", ".join(paths), len(data.units), len(set(groups.tolist())),
                                   three_systems(data.gold, data.lexicon, predicted, data.concepts),
                                   by_genre=genre_scores(data, predicted),
                                   intervals=system_intervals(data, predicted, groups),
                                   by_file=file_scores(data, predicted))
    if against is not None:
        seen = data if against.reader is None else rival_data(paths, against.reader, data)
        other = model_predictions(against.model, seen, thresholds, against.context)
        evaluation.against = against.name
        evaluation.differences = {
            "model": paired_difference(data.gold, predicted, other, groups),
            "both": paired_difference(data.gold, data.lexicon | predicted, seen.lexicon | other, groups)}
    return evaluation


def rival_data(paths: Sequence[str], reader: Analyser, data: Prepared) -> Prepared:
    """The same coded units read through the rival's lexicon (the units and
    the human codes come from the files, whatever the lexicon). Its concepts
    must be the evaluated lexicon's, in the same order, for the two systems'
    calls to be compared column by column: AnalyserError if not."""
    if list(reader.load().lexicon_.concept_ids) != data.concepts:
        raise AnalyserError("--against-lexicon: that lexicon codes other concepts than the one evaluated")
    return prepare(read_coded(paths, reader.lexicon_.concept_ids), reader)


def cross_validate(data: Prepared, folds: int = FOLDS) -> SystemsEvaluation:
    """Grouped k-fold: refit the whole procedure (thresholds at the packaged
    target prevalence, as `analyser train` chooses them) on k-1 folds, score
    the held-out one."""
    predicted = np.zeros(data.gold.shape, dtype=bool)
    held_out = []
    prevalence = read_prevalence().shares
    for train, test in grouped_folds(data.groups, folds):
        fitted = fit(data.subset(train), prevalence=prevalence)
        predicted[test] = model_predictions(fitted.model, data.subset(test), context=fitted.context)
        held_out.append(sorted(set(data.groups[test].tolist())))
    return SystemsEvaluation(f"grouped {len(held_out)}-fold cross-validation", len(data.units),
                             len(set(data.groups.tolist())),
                             three_systems(data.gold, data.lexicon, predicted, data.concepts), held_out,
                             genre_scores(data, predicted), system_intervals(data, predicted),
                             by_file=file_scores(data, predicted))


@dataclass
class CurvePoint:
    documents: float  # mean number of training documents (groups) over the folds
    model: float  # micro F1
    both: float


def learning_curve(data: Prepared, shares: Sequence[float] = CURVE_SHARES, folds: int = FOLDS) -> list[CurvePoint]:
    """Micro F1 of model and both against the number of training documents:
    each fold trains on the first share of its training groups (in a fixed
    order; a coded sentence without a document is a group of its own) and
    is scored on its held-out groups."""
    splits = grouped_folds(data.groups, folds)
    prevalence = read_prevalence().shares
    points = []
    for share in shares:
        predicted = np.zeros(data.gold.shape, dtype=bool)
        sizes = []
        for train, test in splits:
            # a fixed order that mixes documents and single coded sentences
            groups = sorted(set(data.groups[train].tolist()), key=lambda g: hashlib.sha256(g.encode()).hexdigest())
            chosen = set(groups[: max(2, round(share * len(groups)))])
            rows = np.array([i for i in train if data.groups[i] in chosen])
            sizes.append(len(chosen))
            fitted = fit(data.subset(rows), folds=CURVE_INNER_FOLDS, prevalence=prevalence)
            predicted[test] = model_predictions(fitted.model, data.subset(test), context=fitted.context)
        tested = np.concatenate([test for _, test in splits])
        gold, lexicon, model = data.gold[tested], data.lexicon[tested], predicted[tested]
        points.append(CurvePoint(float(np.mean(sizes)), system_scores(gold, model, data.concepts)["micro_f1"],
                                 system_scores(gold, lexicon | model, data.concepts)["micro_f1"]))
    return points


def format_systems(evaluation: SystemsEvaluation) -> str:
    scores = evaluation.scores
    lines = [f"Lexicon, model and both: {evaluation.title} ({evaluation.units} units, {evaluation.groups} groups)",
             f"{'concept':<17}" + "".join(f"{s + ' P/R/F1':>22}" for s in SYSTEMS)]
    for concept in scores["lexicon"]["concepts"]:
        cells = [scores[s]["concepts"][concept] for s in SYSTEMS]
        lines.append(f"{concept:<17}" + "".join(
            f"{c['precision']:>8.2f}{c['recall']:>7.2f}{c['f1']:>7.2f}" for c in cells))
    lines.append(f"{'micro F1':<17}" + "".join(f"{scores[s]['micro_f1']:>22.3f}" for s in SYSTEMS))
    if evaluation.intervals:
        lines.append(f"{'  95% interval':<17}" + "".join(
            f"{f'{evaluation.intervals[s].low:.3f}-{evaluation.intervals[s].high:.3f}':>22}" for s in SYSTEMS)
            + f"  (whole documents resampled {RESAMPLES:,} times)")
    for system, difference in evaluation.differences.items():
        lines.append(f"{system} less {evaluation.against}: {difference.value:+.3f} "
                     f"(95% interval {difference.low:+.3f} to {difference.high:+.3f}, the same documents resampled)")
    lines.append(f"{'macro F1':<17}" + "".join(f"{scores[s]['macro_f1']:>22.3f}" for s in SYSTEMS))
    for title, parts in (("micro F1 by kind", evaluation.by_genre), ("micro F1 by file", evaluation.by_file)):
        if parts:
            width = max(17, *(len(p.part) + 1 for p in parts))
            lines.append(f"{title:<{width}}" + "".join(f"{s:>22}" for s in SYSTEMS) + f"{'units':>8}")
            lines += [f"{p.part:<{width}}" + "".join(f"{p.micro_f1[s]:>22.3f}" for s in SYSTEMS) + f"{p.units:>8}"
                      for p in parts]
    return "\n".join(lines)


# --- the learning curve page ----------------------------------------------------

WIDTH, HEIGHT, MARGIN = 560, 320, 48


@dataclass
class CurveView:
    width: int
    height: int
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    lines: list[tuple[str, str, str]]  # (css class, label, SVG points)
    lexicon_y: float
    lexicon_f1: float
    points: list[CurvePoint]
    description: str


def curve_view(points: Sequence[CurvePoint], lexicon_f1: float) -> CurveView:
    """Pixel coordinates for the template (which does no arithmetic)."""
    top = max(p.documents for p in points) if points else 1.0

    def x(documents: float) -> float:
        return round(MARGIN + (WIDTH - 2 * MARGIN) * documents / top, 1)

    def y(f1: float) -> float:
        return round(HEIGHT - MARGIN - (HEIGHT - 2 * MARGIN) * f1, 1)

    lines = [(name, label, " ".join(f"{x(p.documents)},{y(getattr(p, name))}" for p in points))
             for name, label in (("model", "model alone"), ("both", "lexicon or model"))]
    description = "; ".join(f"{p.documents:.0f} documents: model {p.model:.2f}, both {p.both:.2f}" for p in points)
    return CurveView(
        WIDTH, HEIGHT,
        [(x(p.documents), f"{p.documents:.0f}") for p in points],
        [(y(v / 10), f"{v / 10:.1f}") for v in range(0, 11, 2)],
        lines, y(lexicon_f1), lexicon_f1, list(points),
        f"Micro F1 against training documents. Lexicon alone {lexicon_f1:.2f}; {description}.")


def render_learning_curve(points: Sequence[CurvePoint], cv: SystemsEvaluation, title: str) -> str:
    """A self-contained HTML page: the curve as inline SVG and the CV table."""
    from analyser import __version__
    from analyser.report.environment import render_page

    view = curve_view(points, cv.scores["lexicon"]["micro_f1"])
    return render_page("evaluation.html.j2", {"c": view, "cv": cv, "systems": SYSTEMS, "title": title,
                                              "tool_version": __version__}, css=["base.css", "evaluation.css"], js=[])
