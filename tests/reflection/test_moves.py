"""Tagging moves: every sentence gets one, from the tokens the pipeline made;
a file that is not a move model is refused."""

from __future__ import annotations

import json

import numpy as np
import pytest
from spacy.strings import StringStore

from analyser.model import Block, Document, Metadata
from analyser.nlp import build_pipeline
from analyser.parse import parse
from analyser.reflection.move_features import read_spans
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
    parsed = parse(document, build_pipeline())
    [tagged] = tag_moves(read_spans(parsed, [(0, len(text))]), [0], model, parsed.docs[0].vocab.strings)
    assert (tagged.sentence, tagged.move) == (0, move)
    assert 1 / len(MOVES) < tagged.score <= 1


def test_a_document_without_sentences_has_no_moves(model):
    document = Document("", [], Metadata("<t>", "txt"))
    assert tag_moves(read_spans(parse(document, build_pipeline()), []), [], model, StringStore()) == []


def test_scores_from_tokens_equal_the_model_on_the_joined_words(model):
    """The fast path (token hashes, numpy) gives the decision values that the
    stored vectorizer gives for the sentence's words joined by spaces, the
    way training sees them."""
    from analyser.reflection.move_features import cue_features, move_texts, with_domain

    text = "I felt nervous. The pupils didn't listen, so I'll try again next week! Why (Smith, 2020)?"
    document = Document(text, [Block("paragraph", 0, len(text))], Metadata("<t>", "txt"))
    parsed = parse(document, build_pipeline())
    spans = [(s.start, s.end) for s in parsed.sentences]
    reading = read_spans(parsed, spans, [(text.index("(Smith"), text.index("?"))])
    strings = parsed.docs[0].vocab.strings
    texts = move_texts(reading, strings)
    assert texts == ["i felt nervous", "the pupils did n't listen so i 'll try again next week", "why"]
    for practice in (True, False):
        extra = with_domain(cue_features(reading, model.cues, strings), practice)
        expected = model.model.decision(model.model.transform({"sentence": texts}, extra))
        assert model.probabilities(reading, strings, practice) == pytest.approx(model.model.probabilities(expected))
    assert not np.allclose(model.probabilities(reading, strings, True), model.probabilities(reading, strings, False))


def test_a_model_for_other_labels_is_refused(tmp_path, model):
    data = json.loads((models_dir() / "reflection.model.json").read_text(encoding="utf-8"))
    other = tmp_path / "concepts.model.json"
    from analyser.textmodel import LinearTextModel, save_model

    m = LinearTextModel(**{**model.model.__dict__, "labels": [f"x{i}" for i in range(len(MOVES))],
                           "_vectorizers": None, "_weights": None})
    save_model(m, other)
    with pytest.raises(ModelFileError, match="not a reflective-move model"):
        load_move_model(other)
    assert data["model"]["labels"] == list(MOVES)


@pytest.mark.parametrize(
    ("sentence", "own_voice"),
    [
        ("I'm sure of it.", True),
        ("I’ve seen this before.", True),
        ("Our team met twice.", True),
        ("The team met twice.", False),
        ("Imagine the team.", False),
        ("Mine was the last report.", True),
    ],
)
def test_first_person_from_the_tokens_agrees_with_the_text(sentence, own_voice):
    """The pipeline finds the writer's voice from the tokens; the word list
    is reflection.toml's, as `depth.first_person` reads it from the text."""
    from analyser.reflection.depth import first_person, first_person_hashes
    from analyser.reflection.move_features import rows_with

    document = Document(sentence, [Block("paragraph", 0, len(sentence))], Metadata("<t>", "txt"))
    reading = read_spans(parse(document, build_pipeline()), [(0, len(sentence))])
    assert bool(rows_with(reading, first_person_hashes())[0]) is own_voice is first_person(sentence)


def test_a_model_with_other_cue_classes_is_refused(tmp_path, model):
    """A model trained before a class was added to move_cues.toml would read
    the wrong columns: it is refused with one line, not scored."""
    from analyser.textmodel import LinearTextModel, save_model

    m = model.model
    fewer = LinearTextModel(**{**m.__dict__, "extra_features": m.extra_features[1:], "coef": m.coef[:, :-1],
                               "_vectorizers": None, "_weights": None})
    path = save_model(fewer, tmp_path / "old.model.json")
    with pytest.raises(ModelFileError, match="trained with other features than this analyser computes"):
        load_move_model(path)
