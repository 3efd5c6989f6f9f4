"""One row per document for the batch overview (index.html and summary.csv).

Rows are plain dicts of numbers and strings: batch workers build them next
to the analysis and send only these small dicts back to the parent process,
and the index and the CSV are drawn from the same rows so they always agree.
"""

from __future__ import annotations

from typing import Any

from analyser.meetings import is_meeting
from analyser.model import Analysis
from analyser.report.view import document_title, is_secondary, problem_count


def summary_row(
    analysis: Analysis, *, document: str, report: str | None = None, json: str | None = None
) -> dict[str, Any]:
    """`document` is the name to show (a path relative to the batch input);
    `report` and `json` are the output files' names relative to the index."""
    concepts = []
    for concept in analysis.concepts:
        mentions = [m for m in analysis.mentions if m.concept == concept.id and m.origin == "lexicon"]
        concepts.append(
            {
                "id": concept.id,
                "label": concept.label,
                "colour": concept.colour,
                "present": sum(1 for m in mentions if m.polarity == "present"),
                "absent": sum(1 for m in mentions if m.polarity == "absent"),
            }
        )
    citations = len(analysis.citations)
    secondary = sum(1 for c in analysis.citations if is_secondary(c))
    meeting = is_meeting(analysis.document.metadata.kind)  # a meeting's referencing is not checked
    return {
        "document": document,
        "title": document_title(analysis),
        "report": report,
        "json": json,
        "error": None,
        "words": analysis.document.metadata.word_count,
        "concepts": concepts,
        "citations": None if meeting else citations,
        "secondary": None if meeting else secondary,
        "secondary_share": secondary / citations if citations and not meeting else None,
        "problems": None if meeting else problem_count(analysis),
        "findings": len(analysis.findings),
        "kind": analysis.document.metadata.kind,
        "speakers": len(analysis.speakers),
        "turns": sum(1 for b in analysis.document.blocks if b.kind == "turn"),
        # reflective move -> sentences (None when the profile's essays are not reflective)
        "moves": dict(analysis.reflection.balance) if analysis.reflection is not None else None,
    }


def failed_row(document: str, error: str) -> dict[str, Any]:
    """A document that could not be analysed: listed with its one-line error."""
    return {
        "document": document,
        "title": document,
        "report": None,
        "json": None,
        "error": error,
        "words": None,
        "concepts": [],
        "citations": None,
        "secondary": None,
        "secondary_share": None,
        "problems": None,
        "findings": None,
        "kind": None,
        "speakers": None,
        "turns": None,
        "moves": None,
    }
