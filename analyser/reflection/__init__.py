"""The reflection stage: a reflective move per sentence, then depth and
structure across the account, feedback rules and rubric evidence.

    moves (moves.py) → depth (depth.py) → feedback and rubric (feedback.py)

Runs only when the profile says the course's essays are reflective
(`[reflection] reflective = true`, settings.py); feedback and rubric
evidence only for a document that reads as a reflective account.
"""

from __future__ import annotations

import numpy as np
from spacy.strings import StringStore

from analyser.model import Analysis, Finding, Reflection
from analyser.parse import ParsedDocument
from analyser.reflection.depth import body_blocks, describe_reflection, first_person_hashes
from analyser.reflection.feedback import reflection_findings, rubric_evidence
from analyser.reflection.move_features import read_spans, rows_with
from analyser.reflection.moves import MOVES, MoveModel, load_move_model, tag_moves
from analyser.reflection.settings import ReflectionSettings, load_reflection_settings

__all__ = ["MOVES", "MoveModel", "ReflectionSettings", "load_move_model", "load_reflection_settings", "reflect"]


def reflect(
    analysis: Analysis, parsed: ParsedDocument, model: MoveModel, settings: ReflectionSettings
) -> tuple[Reflection, list[Finding]]:
    """The reflection of one analysed document and the feedback it gives.
    A document that does not read as a reflective account (a third-person
    academic essay: `depth.reads_as_account`) gets its moves and balance but
    no feedback and no rubric evidence."""
    body = set(body_blocks(analysis))
    chosen = [i for i, s in enumerate(analysis.sentences) if s.paragraph in body]
    reading = read_spans(parsed, [(analysis.sentences[i].start, analysis.sentences[i].end) for i in chosen],
                         [(c.start, c.end) for c in analysis.citations])
    strings = parsed.docs[0].vocab.strings if parsed.docs else StringStore()
    moves = tag_moves(reading, chosen, model, strings, settings.move_domain == "practice")
    voice = {chosen[row] for row in np.flatnonzero(rows_with(reading, first_person_hashes())).tolist()}
    reflection = describe_reflection(analysis, moves, settings, voice)
    if not reflection.account:
        return reflection, []
    reflection.rubric = rubric_evidence(analysis, reflection, settings)
    return reflection, reflection_findings(analysis, reflection, settings)
