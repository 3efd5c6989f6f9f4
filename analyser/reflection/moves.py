"""Stage: reflective moves — one move per sentence, from a linear text model.

The moves are the categories of the Czech-English Reflective Dataset (CEReD;
Štefánik and Nehyba, 2021): what a sentence is doing for the writer's
reflection (telling what happened, saying how they felt, weighing it, saying
what they learned or will do). The model is trained by
`scripts/train_reflection.py` and stored as JSON (`analyser.textmodel`), so
loading it runs no code. Scoring every sentence of an essay is one sparse
matrix product.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal, get_args

from analyser.model import Document, Sentence, SentenceMove
from analyser.textmodel import LinearTextModel, ModelFileError, load_model

Move = Literal["Experience", "Feeling", "Belief", "Difficulty", "Perspective", "Learning", "Intention",
               "Reflection", "Other"]
MOVES: tuple[str, ...] = get_args(Move)
MODEL_NAME = "reflective-moves"


def load_move_model(path: str | Path) -> LinearTextModel:
    """The move model at `path`; ModelFileError (one line) if it is not one."""
    model = load_model(path, extra_features=[])
    if model.link != "softmax" or tuple(model.labels) != MOVES:
        raise ModelFileError(path, f"not a reflective-move model (labels {', '.join(model.labels)})")
    return model


def tag_moves(
    document: Document, sentences: Sequence[Sentence], model: LinearTextModel, only: Sequence[int] | None = None
) -> list[SentenceMove]:
    """The most likely move of each sentence (or of the sentences numbered in
    `only`: the body text, not headings or the reference list), with its probability."""
    chosen = list(range(len(sentences))) if only is None else list(only)
    if not chosen:
        return []
    texts = [document.text[sentences[i].start : sentences[i].end] for i in chosen]
    probabilities = model.predict_proba({"sentence": texts})
    best = probabilities.argmax(axis=1)
    return [
        SentenceMove(index, MOVES[int(label)], round(float(probabilities[row, label]), 3))
        for row, (index, label) in enumerate(zip(chosen, best))
    ]
