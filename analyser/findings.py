"""Stage 5, findings: document-level feedback points in plain language, each
pointing at the passage it is about where there is one. Ranked by priority so
a report can show the most important few first."""

from __future__ import annotations

from collections import defaultdict

from analyser.model import ConceptInfo, Finding, Mention
from analyser.profile import Thresholds


def concept_findings(
    mentions: list[Mention], concepts: list[ConceptInfo], thresholds: Thresholds
) -> list[Finding]:
    by_concept: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_concept[mention.concept].append(mention)
    findings = []
    for concept in concepts:
        found = by_concept.get(concept.id, [])
        paragraphs = sorted({m.paragraph for m in found})
        if not found:
            findings.append(
                Finding(
                    "concept.missing",
                    f"{concept.label} is not discussed: the course expects it.",
                    severity="warning",
                    priority=80,
                    concept=concept.id,
                )
            )
        elif len(found) < thresholds.min_mentions_per_concept:
            first = found[0]
            findings.append(
                Finding(
                    "concept.sparse",
                    f"{concept.label} is discussed only once, in paragraph {first.paragraph + 1}.",
                    severity="warning",
                    priority=60,
                    concept=concept.id,
                    paragraph=first.paragraph,
                    start=first.start,
                    end=first.end,
                )
            )
        elif len(paragraphs) == 1:
            first = found[0]
            findings.append(
                Finding(
                    "concept.one_paragraph",
                    f"{concept.label} appears in one paragraph only (paragraph {first.paragraph + 1}).",
                    severity="info",
                    priority=30,
                    concept=concept.id,
                    paragraph=first.paragraph,
                    start=first.start,
                    end=first.end,
                )
            )
    return findings


def rank(findings: list[Finding]) -> list[Finding]:
    """Most important first; stable for equal priority so output is deterministic."""
    return sorted(findings, key=lambda f: (-f.priority, f.start if f.start is not None else -1))
