"""In meeting notes and transcripts the concept model suggests a code only
at the meetings data's floor (analyser/data/meetings.toml: real talk is
sparse in the concepts), in the analysis and in `analyser evaluate` alike;
`--threshold` overrides it."""

from __future__ import annotations

import dataclasses
import json

import numpy as np

from analyser import pipeline
from analyser.evaluate_documents import model_predictions
from analyser.ingest import ingest_text
from analyser.meetings import is_meeting, load_meeting_data, model_floor
from analyser.pipeline import Analyser, Settings
from analyser.training import prepare, read_coded

LINES = [
    "The steering group kept circling back to what the partnership was really for.",
    "Nobody could say who had the final word on the budget.",
    "I felt that my views did not count for much in that room.",
    "The social workers wondered where they fitted in now.",
    "We agreed to meet again in March.",
]
TEXT = "\n".join(LINES) + "\n"
FLOOR = load_meeting_data().model_floor


def _suggestions(kind: str, threshold: float | None = None) -> list[tuple[str, int, float]]:
    analysis = Analyser(Settings(kind=kind, threshold=threshold)).load().analyse_document(ingest_text(TEXT, "<t>"))
    return [(m.concept, m.start, m.score) for m in analysis.mentions if m.origin == "model"]


def test_the_floor_is_for_meetings_only():
    assert (model_floor("meeting_notes"), model_floor("transcript"), model_floor("essay")) == (FLOOR, FLOOR, 0.0)
    assert 0.5 < FLOOR < 1


def test_a_meeting_keeps_only_the_suggestions_at_the_floor(monkeypatch):
    essay = _suggestions("essay")
    assert _suggestions("meeting_notes") == [s for s in essay if s[2] >= FLOOR]
    # whatever the shipped model scores, a floor between two of its scores removes the lower ones
    scores = sorted({score for _, _, score in essay})
    assert len(scores) >= 2  # the text draws suggestions at different probabilities
    floor = (scores[0] + scores[1]) / 2
    monkeypatch.setattr(pipeline, "model_floor", lambda kind: floor if is_meeting(kind) else 0.0)
    kept = _suggestions("meeting_notes")
    assert kept == [s for s in essay if s[2] >= floor] and len(kept) < len(essay)


def test_an_explicit_threshold_overrides_the_floor():
    assert _suggestions("meeting_notes", threshold=0.5) == _suggestions("essay", threshold=0.5)


def test_evaluation_applies_the_floor_to_units_of_meetings(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    talk = "".join(f"{'Chair' if i % 2 else 'Sam'}: {line}\n" for i, line in enumerate(LINES))
    (docs / "talk.txt").write_text(talk, encoding="utf-8")
    (docs / "essay.txt").write_text(TEXT, encoding="utf-8")
    records = []
    for doc, text in (("talk", talk), ("essay", TEXT)):
        for line in LINES:
            start = text.index(line)
            records.append({"doc": doc, "start": start, "end": start + len(line), "text": line, "codes": {}})
    coded = tmp_path / "docs.jsonl"
    coded.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    analyser = Analyser(Settings(use_model=False)).load()
    data = prepare(read_coded([coded], analyser.lexicon_.concept_ids), analyser)
    assert data.floor is not None and data.floor.tolist() == [FLOOR] * len(LINES) + [0.0] * len(LINES)
    suggester = Analyser(Settings()).load().suggester_
    assert suggester is not None
    floored = model_predictions(suggester.model, data, context=suggester.context)
    plain = model_predictions(suggester.model, dataclasses.replace(data, floor=None), context=suggester.context)
    high = model_predictions(suggester.model, data, {c: FLOOR for c in data.concepts}, suggester.context)
    meeting = (data.floor > 0)[:, None]
    assert np.array_equal(floored, np.where(meeting, plain & high, plain))
    assert (plain & ~high)[:len(LINES)].any()  # the floor removed something in the meeting's units
