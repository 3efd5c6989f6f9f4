"""Agreement of the tool with human coding.

Concept evaluation reads a JSON Lines file of coded sentences (see
corpus/annotated/README.md): one object per line with `text` and `codes`
({concept: "present" | "absent"}). Each sentence is analysed on its own; a
concept is predicted when any mention of it is found. Per concept we report
precision, recall, F1 and Cohen's kappa (scikit-learn), and how often the
predicted polarity matches where both agree the concept is there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyser.errors import DataFileError
from analyser.ingest import ingest_text
from analyser.pipeline import Analyser


@dataclass
class ConceptScores:
    concept: str
    support: int  # sentences a human coded with the concept
    predicted: int
    precision: float
    recall: float
    f1: float
    kappa: float
    polarity_agreement: float | None  # share of true positives with the same polarity


@dataclass
class ConceptEvaluation:
    path: str
    sentences: int
    scores: list[ConceptScores] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)  # disagreements, for inspection


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    records = []
    problems = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{number}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            problems.append(f"{path}:{number}: each line must be a JSON object")
            continue
        record["_line"] = number
        records.append(record)
    if problems:
        raise DataFileError(str(path), problems)
    return records


def evaluate_concepts(path: str | Path, analyser: Analyser) -> ConceptEvaluation:
    from sklearn.metrics import cohen_kappa_score, precision_recall_fscore_support

    records = read_jsonl(path)
    analyser.load()
    concepts = analyser.lexicon_.concept_ids
    problems = [
        f"{path}:{r['_line']}: needs 'text' (string) and 'codes' (object)"
        for r in records
        if not isinstance(r.get("text"), str) or not isinstance(r.get("codes"), dict)
    ]
    problems += [
        f"{path}:{r['_line']}: unknown concept '{c}'"
        for r in records
        if isinstance(r.get("codes"), dict)
        for c in r["codes"]
        if c not in concepts
    ]
    if problems:
        raise DataFileError(str(path), problems)
    predictions = [_predict(analyser, r["text"]) for r in records]
    result = ConceptEvaluation(str(path), len(records))
    for concept in concepts:
        gold = [concept in r["codes"] for r in records]
        pred = [concept in p for p in predictions]
        precision, recall, f1, _ = precision_recall_fscore_support(
            gold, pred, average="binary", zero_division=0
        )
        both = [(r["codes"][concept], p[concept]) for r, p in zip(records, predictions) if concept in r["codes"] and concept in p]
        result.scores.append(
            ConceptScores(
                concept=concept,
                support=sum(gold),
                predicted=sum(pred),
                precision=float(precision),
                recall=float(recall),
                f1=float(f1),
                kappa=float(cohen_kappa_score(gold, pred)) if len(set(gold + pred)) > 1 else 1.0,
                polarity_agreement=(sum(g == p for g, p in both) / len(both)) if both else None,
            )
        )
        for r, g, p in zip(records, gold, pred):
            if g != p:
                kind = "missed" if g else "extra"
                result.errors.append({"line": r["_line"], "concept": concept, "error": kind, "text": r["text"]})
    return result


def _predict(analyser: Analyser, text: str) -> dict[str, str]:
    """Concepts found in one sentence, each with its majority polarity (ties: absent)."""
    analysis = analyser.analyse_document(ingest_text(text, "<sentence>"))
    votes: dict[str, list[str]] = {}
    for mention in analysis.mentions:
        votes.setdefault(mention.concept, []).append(mention.polarity)
    return {
        concept: "present" if pols.count("present") > pols.count("absent") else "absent"
        for concept, pols in votes.items()
    }


def format_concept_evaluation(evaluation: ConceptEvaluation) -> str:
    lines = [
        f"Concept tagging against human coding: {evaluation.path} ({evaluation.sentences} sentences)",
        f"{'concept':<17}{'support':>8}{'found':>7}{'precision':>11}{'recall':>8}{'F1':>7}{'kappa':>7}{'polarity':>10}",
    ]
    for s in evaluation.scores:
        polarity = f"{s.polarity_agreement:.2f}" if s.polarity_agreement is not None else "-"
        lines.append(
            f"{s.concept:<17}{s.support:>8}{s.predicted:>7}{s.precision:>11.2f}{s.recall:>8.2f}{s.f1:>7.2f}{s.kappa:>7.2f}{polarity:>10}"
        )
    macro = sum(s.f1 for s in evaluation.scores) / max(1, len(evaluation.scores))
    lines.append(f"macro F1 {macro:.2f}; polarity = share of agreed mentions with the same polarity")
    return "\n".join(lines)
