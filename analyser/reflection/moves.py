"""Stage: reflective moves — one move per sentence, from a linear text model.

The moves are the categories of the Czech-English Reflective Dataset (CEReD;
Štefánik and Nehyba, 2021): what a sentence is doing for the writer's
reflection (telling what happened, saying how they felt, weighing it, saying
what they learned or will do). The model is trained by
`scripts/train_reflection.py` and stored as JSON (`analyser.textmodel`), so
loading it runs no code. It reads the tokens the pipeline already made
(`move_features`): every sentence of a document is scored at once, with
numpy and one sparse matrix product.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

import numpy as np
from spacy.strings import StringStore

from analyser.features import FastTransform
from analyser.model import SentenceMove
from analyser.reflection.move_features import MoveCues, SpanReading, cue_features, load_move_cues, with_domain
from analyser.textmodel import LinearTextModel, ModelFileError, load_model

Move = Literal["Experience", "Feeling", "Belief", "Difficulty", "Perspective", "Learning", "Intention",
               "Reflection", "Other"]
MOVES: tuple[str, ...] = get_args(Move)
MODEL_NAME = "reflective-moves"


@dataclass
class MoveModel:
    """A loaded move model with its cue classes, ready to score documents."""

    model: LinearTextModel
    cues: MoveCues
    _fast: FastTransform | None = field(default=None, repr=False)
    _classes: dict[int, int] = field(default_factory=dict, repr=False)  # word hash -> cue classes, cached

    def probabilities(self, reading: SpanReading, strings: StringStore, practice: bool = True) -> np.ndarray:
        """(spans, moves): each span's probability of each move, read as
        practice writing or (`practice=False`) as CEReD's teaching diaries."""
        if self._fast is None or self._fast.strings is not strings:
            self._fast = FastTransform(self.model, strings)
        extra = with_domain(cue_features(reading, self.cues, strings, self._classes), practice)
        matrix = self._fast.transform(reading.table, reading.rows, reading.n_rows, extra)
        return self.model.probabilities(matrix.decision)


def load_move_model(path: str | Path) -> MoveModel:
    """The move model at `path`; ModelFileError (one line) if it is not one,
    or was trained with other cue classes than analyser/data/move_cues.toml."""
    model = load_model(path)
    if model.link != "softmax" or tuple(model.labels) != MOVES:
        raise ModelFileError(path, f"not a reflective-move model (labels {', '.join(model.labels)})")
    cues = load_move_cues()
    if model.extra_features != cues.feature_names() or not FastTransform.supports(model.text_features):
        raise ModelFileError(path, "move model was trained with other features than this analyser computes: "
                             "retrain it with python scripts/train_reflection.py")
    return MoveModel(model, cues)


def tag_moves(reading: SpanReading, sentences: Sequence[int], model: MoveModel, strings: StringStore,
              practice: bool = True) -> list[SentenceMove]:
    """The most likely move of each sentence read (`reading` has one span per
    sentence, numbered in `sentences`: the body text, not headings or the
    reference list), with its probability; `practice`: read as practice
    writing (the profile's move_domain)."""
    if not reading.n_rows:
        return []
    probabilities = model.probabilities(reading, strings, practice)
    best = probabilities.argmax(axis=1)
    scores = probabilities[np.arange(len(best)), best].round(3).tolist()
    return [SentenceMove(index, MOVES[label], score) for index, label, score in zip(sentences, best.tolist(), scores)]
