"""The reflection stage: a reflective move per sentence, then depth and
structure across the account, feedback rules and rubric evidence.

    moves (moves.py) → depth (depth.py) → feedback and rubric (feedback.py)

Runs only when the profile says the course's essays are reflective
(`[reflection] reflective = true`, settings.py).
"""

from __future__ import annotations

from analyser.model import Analysis, Finding, Reflection
from analyser.reflection.depth import body_blocks, describe_reflection
from analyser.reflection.feedback import reflection_findings, rubric_evidence
from analyser.reflection.moves import MOVES, load_move_model, tag_moves
from analyser.reflection.settings import ReflectionSettings, load_reflection_settings
from analyser.textmodel import LinearTextModel

__all__ = ["MOVES", "ReflectionSettings", "load_move_model", "load_reflection_settings", "reflect"]


def reflect(
    analysis: Analysis, model: LinearTextModel, settings: ReflectionSettings
) -> tuple[Reflection, list[Finding]]:
    """The reflection of one analysed document and the feedback it gives."""
    body = set(body_blocks(analysis))
    moves = tag_moves(analysis.document, analysis.sentences, model,
                      [i for i, s in enumerate(analysis.sentences) if s.paragraph in body])
    reflection = describe_reflection(analysis, moves, settings)
    reflection.rubric = rubric_evidence(analysis, reflection, settings)
    return reflection, reflection_findings(analysis, reflection, settings)
