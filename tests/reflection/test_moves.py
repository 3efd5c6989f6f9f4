"""Tagging moves: every sentence gets one; a file that is not a move model is refused."""

from __future__ import annotations

import json

import pytest

from analyser.model import Block, Document, Metadata, Sentence
from analyser.reflection.moves import MOVES, load_move_model, tag_moves
from analyser.resources import models_dir
from analyser.textmodel import ModelFileError


@pytest.fixture(scope="module")
def model():
    return load_move_model(models_dir() / "reflection.model.json")


@pytest.mark.parametrize(
    ("sentence", "move"),
    [
        ("I felt really nervous and embarrassed when she shouted at me.", "Feeling"),
        ("On Monday I visited the family with the health visitor.", "Experience"),
    ],
)
def test_clear_sentences_get_their_move(model, sentence, move):
    text = sentence
    document = Document(text, [Block("paragraph", 0, len(text))], Metadata("<t>", "txt"))
    [tagged] = tag_moves(document, [Sentence(0, len(text), 0)], model)
    assert (tagged.sentence, tagged.move) == (0, move)
    assert 1 / len(MOVES) < tagged.score <= 1


def test_a_document_without_sentences_has_no_moves(model):
    assert tag_moves(Document("", [], Metadata("<t>", "txt")), [], model) == []


def test_a_model_for_other_labels_is_refused(tmp_path, model):
    data = json.loads((models_dir() / "reflection.model.json").read_text(encoding="utf-8"))
    other = tmp_path / "concepts.model.json"
    from analyser.textmodel import LinearTextModel, save_model

    m = LinearTextModel(**{**model.__dict__, "labels": [f"x{i}" for i in range(len(MOVES))], "_vectorizers": None})
    save_model(m, other)
    with pytest.raises(ModelFileError, match="not a reflective-move model"):
        load_move_model(other)
    assert data["model"]["labels"] == list(MOVES)
