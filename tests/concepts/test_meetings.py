"""Meetings through the whole pipeline: the document kind, speakers and their
share of the words, a speaker on every mention, and meeting feedback in
place of an essay's (no reference-list or citation advice)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from analyser.ingest import ingest_text
from analyser.model import Analysis
from analyser.output import to_json
from analyser.pipeline import Analyser, Settings
from analyser.resources import schema_path

SCHEMA = json.loads(schema_path().read_text(encoding="utf-8"))

NOTES = """Partnership board, 3 May

[00:12:05] Ann Smith: There is mistrust on both sides.
[00:12:30] Bob Jones: We have no shared vision for the service, and I do not trust them.
Action: Bob to draft terms.
[00:13:10] Chloé Dupont: The funders hold the power.
[00:13:40] Ann Smith: I trust Chloé.
"""


@pytest.fixture(scope="module")
def meeting(analyser):
    return analyser.analyse_document(ingest_text(NOTES, "board.txt"))


def test_kind_speakers_and_shares(meeting):
    assert meeting.document.metadata.kind == "meeting_notes"
    # words in turns: Ann 6 + 3, Bob 14, Chloé 5 = 28
    assert [(s.name, s.turns, s.words, s.share) for s in meeting.speakers] == [
        ("Ann Smith", 2, 9, round(9 / 28, 4)),
        ("Bob Jones", 1, 14, 0.5),
        ("Chloé Dupont", 1, 5, round(5 / 28, 4)),
    ]


def test_every_mention_carries_its_speaker(meeting):
    found = [(m.text, m.polarity, m.speaker) for m in meeting.mentions]
    assert found == [
        ("mistrust", "absent", "Ann Smith"),
        ("shared vision", "absent", "Bob Jones"),
        ("trust", "absent", "Bob Jones"),
        ("power", "present", "Chloé Dupont"),
        ("trust", "present", "Ann Smith"),
    ]


def test_meeting_feedback_instead_of_essay_feedback(meeting):
    codes = [f.code for f in meeting.findings]
    assert not [c for c in codes if not c.startswith("meeting.")]  # no reference-list or citation advice
    messages = {f.code: [] for f in meeting.findings}
    for f in meeting.findings:
        messages[f.code].append(f.message)
    assert messages["meeting.talk_share"] == [
        "Talk share: Bob Jones 50% (1 turn); Ann Smith 32% (2 turns); Chloé Dupont 18% (1 turn)."]
    assert messages["meeting.speaker_concepts"] == [
        "Ann Smith raised Trust (2).", "Bob Jones raised Trust (1), Shared vision (1).",
        "Chloé Dupont raised Power (1)."]
    assert messages["meeting.absence_voiced"] == [
        "Ann Smith voiced that Trust is missing: “mistrust” (turn 1, 00:12:05).",
        "Bob Jones voiced that Shared vision is missing: “shared vision” (turn 2, 00:12:30).",
        "Bob Jones voiced that Trust is missing: “trust” (turn 2, 00:12:30).",
    ]
    assert messages["meeting.follow_on"] == [
        "Trust: raised by Ann Smith (turn 1, 00:12:05), then taken up by Bob Jones (turn 2, 00:12:30), "
        "then Ann Smith (turn 4, 00:13:40)."]
    assert messages["meeting.concept_missing"] == ["Identity threats did not come up in the meeting."]
    absence = next(f for f in meeting.findings if f.code == "meeting.absence_voiced")
    assert meeting.document.text[absence.start : absence.end] == "mistrust"


def test_one_speaker_with_most_of_the_words_is_flagged(analyser):
    text = ("Ann: " + "We must trust the process and keep talking about it. " * 8 + "\nBob: Fine.\nChloé: Yes.\n")
    analysis = analyser.analyse_document(ingest_text(text, "long.txt"))
    dominant = [f.message for f in analysis.findings if f.code == "meeting.dominant"]
    assert dominant == ["Ann said 98% of the words: check whether the others were heard."]


def test_kind_can_be_chosen():
    analysis = Analyser(Settings(kind="essay")).analyse_document(ingest_text(NOTES, "board.txt"))
    assert analysis.document.metadata.kind == "essay"
    assert "concept.missing" in [f.code for f in analysis.findings]  # essay feedback, as asked


def test_an_essay_is_still_an_essay(analyse):
    analysis = analyse("Trust in partnerships\n\nTrust grew slowly.\n\nNote: names are changed.\n")
    assert analysis.document.metadata.kind == "essay"
    assert analysis.speakers == []


def test_result_validates_and_round_trips(meeting):
    data = json.loads(to_json(meeting.to_dict()))
    jsonschema.validate(data, SCHEMA)
    assert data["schema_version"] == "1.6"
    assert data["document"]["kind"] == "meeting_notes"
    turn = data["document"]["paragraphs"][1]
    assert (turn["kind"], turn["speaker"], turn["start_time"], turn["end_time"]) == ("turn", "Ann Smith", 725.0, None)
    assert Analysis.from_dict(data).to_dict() == data


def test_a_result_from_before_speakers_is_still_readable(meeting):
    """Schema 1.0 had no kind, times, speakers, or speaker on mentions."""
    data = json.loads(to_json(meeting.to_dict()))
    data["schema_version"] = "1.0"
    del data["speakers"], data["document"]["kind"]
    for block in data["document"]["paragraphs"]:
        del block["start_time"], block["end_time"]
        block["kind"] = "paragraph"
    for mention in data["mentions"]:
        del mention["speaker"]
    old = Analysis.from_dict(data)
    assert (old.speakers, old.document.metadata.kind, old.mentions[0].speaker) == ([], None, None)
    jsonschema.validate(data, SCHEMA)


def test_kind_option_on_the_command_line(tmp_path):
    from click.testing import CliRunner

    from analyser.cli import main

    path = tmp_path / "board.txt"
    path.write_text(NOTES, encoding="utf-8")
    for args, kind in (([], "meeting_notes"), (["--kind", "transcript"], "transcript"), (["--kind", "essay"], "essay")):
        result = CliRunner().invoke(main, ["analyse", str(path), "--format", "json", "--out", "-", *args])
        assert json.loads(result.stdout)["document"]["kind"] == kind
