"""Agreement between two codings of the same documents — two human coders, or
a human coder and the analyser — unit by unit and concept by concept.

    units = units_of(analysis, "sentence")          # or "turn", "paragraph"
    report = compare(units, codings_a, codings_b, concepts)

Each unit (a sentence, a speaker's turn or a paragraph) is coded with a
concept by a coder when any of that coder's codings of the concept overlaps
it; polarity is not compared (a concept said to be missing is still the
concept discussed). Per concept: the confusion counts (both, only A, only B,
neither), percent agreement, Cohen's kappa (scikit-learn) and
Krippendorff's alpha for nominal data (the `krippendorff` package), and the
units where the coders disagree, for adjudication. Kappa and alpha are
undefined (None) when neither coder varies: every unit coded the same way
by both leaves no chance agreement to correct for. Kappa has a 95% interval
from resampling whole documents (`analyser.bootstrap`), or, for a single
document, its units: how far it could move with other documents like these.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score

from analyser.bootstrap import RESAMPLES, Interval, group_sums, interval, resampled_sums
from analyser.errors import printable
from analyser.exports.codings import Coding
from analyser.model import Analysis, ConceptInfo

UnitKind = Literal["sentence", "turn", "paragraph"]
UNIT_KINDS: tuple[UnitKind, ...] = ("sentence", "turn", "paragraph")


@dataclass(frozen=True)
class Unit:
    document: str
    index: int  # within the document, in reading order
    start: int
    end: int
    text: str
    speaker: str | None = None


@dataclass
class ConceptAgreement:
    concept: str
    label: str
    both: int
    only_a: int
    only_b: int
    neither: int
    percent: float
    kappa: float | None
    alpha: float | None
    kappa_interval: Interval | None = None  # 95%, resampling documents (units for a single document)

    @property
    def units(self) -> int:
        return self.both + self.only_a + self.only_b + self.neither


@dataclass(frozen=True)
class Disagreement:
    unit: Unit
    concept: str
    label: str
    coded_by: Literal["a", "b"]  # the coder who coded the unit with the concept


@dataclass
class AgreementReport:
    a: str
    b: str
    unit: UnitKind
    units: int
    documents: int
    concepts: list[ConceptAgreement]
    disagreements: list[Disagreement] = field(default_factory=list)
    resampled: Literal["documents", "units"] = "documents"  # what kappa's interval resamples


def units_of(analysis: Analysis, kind: UnitKind, document: str) -> list[Unit]:
    """The units of one analysed document, named `document`. Turns are the
    blocks with a speaker; paragraphs are all blocks but headings."""
    text = analysis.document.text
    blocks = analysis.document.blocks
    if kind == "sentence":
        spans = [(s.start, s.end, blocks[s.paragraph].speaker) for s in analysis.sentences]
    elif kind == "turn":
        spans = [(b.start, b.end, b.speaker) for b in blocks if b.kind == "turn"]
    else:
        spans = [(b.start, b.end, b.speaker) for b in blocks if b.kind != "heading"]
    return [Unit(document, i, start, end, text[start:end], speaker) for i, (start, end, speaker) in enumerate(spans)]


def cohen_kappa(a: Sequence, b: Sequence) -> float | None:
    """Cohen's kappa of two coders' codes (0/1, or any labels); None when neither varies."""
    if len(set(a) | set(b)) < 2:
        return None
    return float(cohen_kappa_score(a, b))


def krippendorff_alpha(a: Sequence[int], b: Sequence[int]) -> float | None:
    """Krippendorff's alpha (nominal) of two coders' 0/1 codes; None when neither varies."""
    if len(set(a) | set(b)) < 2:
        return None
    return float(krippendorff.alpha(reliability_data=np.array([a, b], dtype=float), level_of_measurement="nominal"))


def kappa_interval(xs: Sequence[int], ys: Sequence[int], groups: Sequence[str]) -> Interval | None:
    """A 95% percentile bootstrap interval of Cohen's kappa of two coders'
    0/1 codes, resampling whole groups; resamples where kappa is undefined
    (neither coder varies) are left out, and None if it never is defined."""
    x, y = np.asarray(xs, dtype=bool), np.asarray(ys, dtype=bool)
    cells = np.stack([x & y, x & ~y, ~x & y, ~x & ~y], axis=1).astype(float)  # both, A only, B only, neither
    both, only_a, only_b, neither = resampled_sums(group_sums(cells, np.asarray(groups))).T
    total = both + only_a + only_b + neither
    a_codes, b_codes = (both + only_a) / total, (both + only_b) / total
    chance = a_codes * b_codes + (1 - a_codes) * (1 - b_codes)
    observed = (both + neither) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        kappas = np.where(chance < 1, (observed - chance) / (1 - chance), np.nan)
    return interval(kappas)


def _coded(units: Sequence[Unit], codings: Iterable[Coding]) -> set[tuple[str, int, str]]:
    """(document, unit index, concept) for every unit a coding overlaps. A
    document's units are in reading order and apart, so each coding's first
    unit is found by a binary search on their ends and the walk stops at the
    first unit past it: a transcript of thousands of turns and codings is not
    scanned once per coding."""
    by_document: dict[str, list[Unit]] = {}
    for unit in units:
        by_document.setdefault(unit.document, []).append(unit)
    ends = {document: [u.end for u in its] for document, its in by_document.items()}
    coded = set()
    for coding in codings:
        its = by_document.get(coding.document, [])
        for unit in its[bisect_right(ends.get(coding.document, []), coding.start):]:
            if unit.start >= coding.end and not (coding.start == coding.end == unit.start):
                break
            if coding.start < unit.end and coding.end > unit.start or (
                coding.start == coding.end and unit.start <= coding.start < unit.end
            ):
                coded.add((unit.document, unit.index, coding.concept))
    return coded


def compare(units: Sequence[Unit], a: Sequence[Coding], b: Sequence[Coding], concepts: Sequence[ConceptInfo],
            *, names: tuple[str, str] = ("A", "B"), kind: UnitKind = "sentence") -> AgreementReport:
    """Agreement of codings `a` and `b` over `units`, per concept: the
    concepts given, then any other code either side used."""
    coded_a, coded_b = _coded(units, a), _coded(units, b)
    labels = {c.id: c.label for c in concepts}
    for coding in [*a, *b]:
        labels.setdefault(coding.concept, coding.concept)
    documents = {u.document for u in units}
    resampled: Literal["documents", "units"] = "documents" if len(documents) > 1 else "units"
    groups = [u.document if resampled == "documents" else f"{u.document}#{u.index}" for u in units]
    results, disagreements = [], []
    for concept, label in labels.items():
        xs = [int((u.document, u.index, concept) in coded_a) for u in units]
        ys = [int((u.document, u.index, concept) in coded_b) for u in units]
        pairs = list(zip(xs, ys))
        agreed = sum(1 for x, y in pairs if x == y)
        results.append(ConceptAgreement(
            concept, label, both=pairs.count((1, 1)), only_a=pairs.count((1, 0)), only_b=pairs.count((0, 1)),
            neither=pairs.count((0, 0)), percent=agreed / len(pairs) if pairs else 0.0,
            kappa=cohen_kappa(xs, ys), alpha=krippendorff_alpha(xs, ys),
            kappa_interval=kappa_interval(xs, ys, groups) if units else None))
        disagreements += [
            Disagreement(u, concept, label, "a" if x else "b") for u, x, y in zip(units, xs, ys) if x != y
        ]
    disagreements.sort(key=lambda d: (d.unit.document, d.unit.index, d.concept))
    return AgreementReport(names[0], names[1], kind, len(units), len(documents), results, disagreements, resampled)


def format_figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def format_interval(span: Interval | None) -> str:
    """"0.61 to 0.83"; "—" when kappa is never defined. (+ 0.0: no "-0.00".)"""
    return "—" if span is None else f"{round(span.low, 2) + 0.0:.2f} to {round(span.high, 2) + 0.0:.2f}"


def format_agreement(report: AgreementReport, *, show_disagreements: bool = True) -> str:
    """The report as a plain-text table for a terminal."""
    lines = [f"A: {report.a}", f"B: {report.b}",
             f"{report.units} {report.unit}s in {report.documents} document(s)", ""]
    header = (f"{'concept':<22}{'both':>6}{'A only':>8}{'B only':>8}{'neither':>9}{'agree':>8}{'kappa':>8}"
              f"{'alpha':>8}{'kappa 95%':>16}")
    lines += [header, "-" * len(header)]
    for c in report.concepts:
        lines.append(f"{c.label[:21]:<22}{c.both:>6}{c.only_a:>8}{c.only_b:>8}{c.neither:>9}"
                     f"{c.percent:>8.1%}{format_figure(c.kappa):>8}{format_figure(c.alpha):>8}"
                     f"{format_interval(c.kappa_interval):>16}")
    lines.append(f"(kappa's 95% interval: {report.resampled} resampled {RESAMPLES:,} times)")
    if show_disagreements and report.disagreements:
        lines += ["", f"{len(report.disagreements)} disagreement(s):"]
        for d in report.disagreements:
            who = report.a if d.coded_by == "a" else report.b
            speaker = f" {d.unit.speaker}:" if d.unit.speaker else ""
            excerpt = " ".join(d.unit.text.split())
            excerpt = excerpt if len(excerpt) <= 90 else excerpt[:87] + "..."
            lines.append(f"  {d.unit.document} {report.unit} {d.unit.index + 1} [{d.label}: only {who}]{speaker} "
                         f"{excerpt}")
    return "\n".join(printable(line) for line in lines)  # names and text come from the files
