"""What the move model reads of a sentence: cue classes counted from the
tokens (exact counts on sentences written here), the practice copies, and
the cue file's problems reported with file and line."""

from __future__ import annotations

import numpy as np
import pytest

from analyser.datafile import DataFileError
from analyser.model import Block, Document, Metadata
from analyser.nlp import build_pipeline
from analyser.parse import parse
from analyser.reflection.move_features import (
    SHAPES,
    class_counts,
    cue_features,
    load_move_cues,
    read_spans,
    with_domain,
)


def reading_of(*sentences: str):
    text = " ".join(sentences)
    document = Document(text, [Block("paragraph", 0, len(text))], Metadata("<t>", "txt"))
    parsed = parse(document, build_pipeline())
    spans, at = [], 0
    for sentence in sentences:
        spans.append((at, at + len(sentence)))
        at += len(sentence) + 1
    return read_spans(parsed, spans), parsed.docs[0].vocab.strings


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("I felt nervous.", {"first_person": 1, "past": 1, "feeling": 2}),
        ("The nurses asked the family.", {"others": 2, "past": 1}),  # "asked": listed and -ed, counted once
        ("We'll plan it next week, won't we?", {"first_plural": 2, "future": 4, "negation": 1}),
        ("Maybe she wondered why.", {"hedge": 2, "others": 1, "past": 1, "reason": 1}),
        ("Bed.", {}),  # "-ed" needs a longer word
    ],
)
def test_class_counts_are_counted_from_the_tokens(sentence, expected):
    cues = load_move_cues()
    reading, strings = reading_of(sentence)
    counts = class_counts(reading, cues, strings, {})[0]
    assert {c: int(n) for c, n in zip(cues.classes, counts) if n} == expected


def test_cue_features_scale_combine_and_shape():
    cues = load_move_cues()
    reading, strings = reading_of("I felt nervous.", "Did the pupils listen?")
    features = cue_features(reading, cues, strings)
    names = cues.cue_names()
    assert features.shape == (2, len(names)) and names[-len(SHAPES):] == [f"shape:{s}" for s in SHAPES]
    row = dict(zip(names, features[0]))
    assert row["cue:feeling"] == pytest.approx(2 / np.sqrt(3))  # three words
    assert row["both:first_person_feeling"] == 1 and row["both:no_first_person"] == 0
    assert row["shape:question"] == 0 and row["shape:length"] == pytest.approx(np.log1p(3) / 4)
    other = dict(zip(names, features[1]))
    assert other["both:no_first_person"] == 1 and other["shape:question"] == 1


def test_practice_copies_are_zero_for_teaching_writing():
    cues = np.array([[1.0, 2.0], [3.0, 0.0]])
    assert with_domain(cues, True).tolist() == [[1, 2, 1, 2, 1], [3, 0, 3, 0, 1]]
    assert with_domain(cues, False).tolist() == [[1, 2, 0, 0, 0], [3, 0, 0, 0, 0]]
    assert with_domain(cues, np.array([False, True])).tolist() == [[1, 2, 0, 0, 0], [3, 0, 3, 0, 1]]
    names = load_move_cues().feature_names()
    assert len(names) == 2 * len(load_move_cues().cue_names()) + 1 and names[-1] == "domain:practice"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[[classes]]\nname = "a"\nsource = "s"\nwords = ["x"]\n\n[[combinations]]\nname = "c"\nall = ["b"]\n',
         r":8: combination 'c': 'all' and 'none' must list classes \(a\)"),
        ('[[classes]]\nname = "a"\nsource = "s"\nwords = ["x", 3]\n', r":4: class 'a': 'words' must be a list"),
        ('[[classes]]\nname = "a"\nwords = ["x"]\n', r":2: class 'a' needs a non-empty text value for 'source'"),
        ('[[classes]]\nname = "a"\nsource = "s"\nlemmas = ["x"]\n', r":4: unknown key 'lemmas' in a class"),
    ],
)
def test_a_bad_cue_file_is_reported_with_file_and_line(tmp_path, text, problem):
    path = tmp_path / "cues.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="cues.toml" + problem):
        load_move_cues(path)
