"""Speaker turns in every format a meeting or interview arrives in: timestamped
notes (one turn a line, or a paragraph), Markdown, WebVTT (voice tags, two
voices in a cue, Zoom's "Name:" cues), SubRip, and .docx transcripts where a
turn begins with a name and a time. Each test's text is written here and its
turns are checked span by span."""

from __future__ import annotations

import docx
import pytest

from analyser.ingest import ingest, ingest_text
from analyser.ingest.transcript import format_time, match_label, parse_time
from analyser.meetings import detect_kind


def turns(document):
    """(speaker, start_time, end_time, text) of every turn; other blocks as (kind, text)."""
    out = []
    for b in document.blocks:
        text = document.text[b.start : b.end]
        out.append((b.speaker, b.start_time, b.end_time, text) if b.kind == "turn" else (b.kind, text))
    return out


NOTES = """Partnership board, 3 May
[00:12:05] Ann Smith: I don't think we trust the board yet.
[00:12:30] Bob: Nor do I.
Action: Bob to draft terms.
00:13 Chloé Dupont: Power sits with the funders.
It always has.
"""


def test_timestamped_notes_one_turn_a_line_without_blank_lines():
    document = ingest_text(NOTES, "notes.txt")
    assert turns(document) == [
        ("paragraph", "Partnership board, 3 May"),
        ("Ann Smith", 725.0, None, "I don't think we trust the board yet."),
        ("Bob", 750.0, None, "Nor do I."),
        ("paragraph", "Action: Bob to draft terms."),
        ("Chloé Dupont", 13.0, None, "Power sits with the funders.\nIt always has."),
    ]
    assert detect_kind(document) == "meeting_notes"
    # the labels are outside every block, so they are not counted or coded
    assert document.metadata.word_count == 4 + 8 + 3 + 5 + 8


@pytest.mark.parametrize("line, speaker, time, said", [
    ("[00:03:12] Ann: Yes.", "Ann", 192.0, "Yes."),
    ("00:03 Ann: Yes.", "Ann", 3.0, "Yes."),
    ("(10:02) Ann: Yes.", "Ann", 602.0, "Yes."),
    ("00:03:12 - Ann: Yes.", "Ann", 192.0, "Yes."),
    ("Ann [00:03:12]: Yes.", "Ann", 192.0, "Yes."),
    ("Ann (10:02): Yes.", "Ann", 602.0, "Yes."),
    ("Ann 00:03: Yes.", "Ann", 3.0, "Yes."),
    ("Participant 3: Yes.", "Participant 3", None, "Yes."),
    ("Éloïse van der Berg: Yes.", "Éloïse van der Berg", None, "Yes."),
    ("Dr. O'Neil-Brown: Yes.", "Dr. O'Neil-Brown", None, "Yes."),
])
def test_speaker_labels_with_the_time_before_or_after_the_name(line, speaker, time, said):
    label = match_label(line, 0, len(line))
    assert label is not None
    assert (label.speaker, label.time, line[label.content :]) == (speaker, time, said)


@pytest.mark.parametrize("line", [
    "Action: Bob to draft terms.",       # a label, not a speaker (analyser/data/not_speakers.txt)
    "Note: this was agreed.",
    "The point is: we disagree.",        # a sentence with a colon
    "In 2019: a new board.",
    "ann: lower-case first word",
])
def test_lines_that_are_not_speaker_labels(line):
    assert match_label(line, 0, len(line)) is None


def test_turns_one_a_paragraph_with_continuation_lines():
    text = ("Interview 4\n\nInterviewer: How was it?\n\nParticipant 4 (00:01:10): Hard at first.\n"
            "We did not trust them.\n\nInterviewer: And now?\n")
    document = ingest_text(text, "interview.txt")
    assert turns(document) == [
        ("heading", "Interview 4"),
        ("Interviewer", None, None, "How was it?"),
        ("Participant 4", 70.0, None, "Hard at first.\nWe did not trust them."),
        ("Interviewer", None, None, "And now?"),
    ]


def test_a_timed_line_without_a_name_is_an_entry_of_its_own():
    """In a timestamped log a line with a time and no speaker ends the turn
    before it: it is not the last speaker's."""
    text = ("Partnership board - 14 March\n"
            "10:02 JT: welcome, apologies from the council lead\n"
            "10:09 RS: not sure the nurses feel listened to, feels like we just rubber stamp\n"
            "10:12 Agreed to draft a statement of what the partnership is for\n"
            "10:15 AB worried her team's role will be swallowed by the new hub\n")
    document = ingest_text(text, "log.txt")
    assert turns(document) == [
        ("paragraph", "Partnership board - 14 March"),
        ("JT", 36120.0, None, "welcome, apologies from the council lead"),
        ("RS", 36540.0, None, "not sure the nurses feel listened to, feels like we just rubber stamp"),
        ("paragraph", "10:12 Agreed to draft a statement of what the partnership is for"),
        ("paragraph", "10:15 AB worried her team's role will be swallowed by the new hub"),
    ]
    assert detect_kind(document) == "meeting_notes"


def test_short_turns_are_not_taken_for_headings():
    """A plain-text line without a full stop looks like a heading; "Ann: Agreed" is a turn."""
    document = ingest_text("Ann: Agreed\n\nBob: Same here\n\nAnn: Good\n", "short.txt")
    assert [(t[0], t[3]) for t in turns(document)] == [("Ann", "Agreed"), ("Bob", "Same here"), ("Ann", "Good")]


def test_markdown_notes_keep_their_headings():
    text = "# Board meeting\n\n## Item 1\n\n**Ann:** x\n\nAnn: We trust them.\n\nBob: Do we?\n\n- an action\n"
    document = ingest_text(text, "notes.md", "md")
    kinds = [(b.kind, b.speaker) for b in document.blocks]
    assert kinds == [("heading", None), ("heading", None), ("paragraph", None),
                     ("turn", "Ann"), ("turn", "Bob"), ("list_item", None)]


@pytest.mark.parametrize("text", [
    # an essay with one "Note:" line
    "Trust in partnerships\n\nTrust grew slowly between the partners over two years of joint work.\n\n"
    "Note: names have been changed.\n\nPower stayed with the council, which held the budget throughout.\n",
    # an essay quoting one exchange
    "Trust in partnerships\n\nThe manager was blunt about the board and its plans for the service, and said so "
    "at length in the interview that I held with her in the spring of that year.\n\n"
    "Manager: We never trusted them.\n\nThis shows how trust was lost, and it was never rebuilt in the two years "
    "that followed, despite the efforts of both partners to build a shared vision.\n",
])
def test_an_essay_with_a_label_or_two_stays_an_essay(text):
    document = ingest_text(text, "essay.txt")
    assert not any(b.kind == "turn" for b in document.blocks)
    assert detect_kind(document) == "essay"


VTT = """WEBVTT

NOTE exported by a meeting tool

0b0c/12-0
00:00:01.000 --> 00:00:04.000
<v Ann Smith>We need a shared

0b0c/12-1
00:00:04.000 --> 00:00:06.000
<v Ann Smith>vision for this partnership.</v>

00:00:06.500 --> 00:00:09.000
<v.loud Bob Jones>Are you sure?</v>
<v Ann Smith>Yes &amp; I <i>trust</i> you.</v>

00:00:10.000 --> 00:00:12.250
Chloé: Power is the issue.

00:00:12.250 --> 00:00:13.000
It always was.
"""


def test_webvtt_voices_two_in_a_cue_and_consecutive_cues_joined(tmp_path):
    path = tmp_path / "meeting.vtt"
    path.write_text(VTT, encoding="utf-8")
    document = ingest(path)
    assert turns(document) == [
        ("Ann Smith", 1.0, 6.0, "We need a shared vision for this partnership."),
        ("Bob Jones", 6.5, 9.0, "Are you sure?"),
        ("Ann Smith", 6.5, 9.0, "Yes & I trust you."),
        ("Chloé", 10.0, 13.0, "Power is the issue. It always was."),
    ]
    assert document.text.startswith("[00:00:01] Ann Smith: We need a shared vision")
    assert (document.metadata.format, detect_kind(document)) == ("vtt", "transcript")
    assert document.warnings == []


def test_the_text_of_a_caption_file_reads_back_as_the_same_turns(tmp_path):
    """What a QDA program is given (the document text) is itself a transcript we read the same way."""
    path = tmp_path / "meeting.vtt"
    path.write_text(VTT, encoding="utf-8")
    document = ingest(path)
    again = ingest_text(document.text, "again.txt")
    assert [(b.speaker, b.start, b.end) for b in again.blocks] == [(b.speaker, b.start, b.end) for b in document.blocks]


SRT = """1
00:00:01,000 --> 00:00:03,000
ANN: We never trusted

2
00:00:03,000 --> 00:00:05,000
the board.

3
00:00:05,500 --> 00:00:07,000
BOB: No vision, <i>none</i>.
"""


def test_subrip_labels_and_continuation_cues(tmp_path):
    path = tmp_path / "meeting.srt"
    path.write_text(SRT, encoding="utf-8")
    document = ingest(path)
    assert turns(document) == [
        ("ANN", 1.0, 5.0, "We never trusted the board."),
        ("BOB", 5.5, 7.0, "No vision, none."),
    ]
    assert detect_kind(document) == "transcript"


def test_subrip_without_speakers_is_cut_at_sentence_ends_after_a_pause(tmp_path):
    path = tmp_path / "lecture.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nTrust takes\n\n2\n00:00:02,000 --> 00:00:03,000\ntime.\n\n"
                    "3\n00:00:05,000 --> 00:00:06,000\nPower does not.\n", encoding="utf-8")
    assert turns(ingest(path)) == [(None, 1.0, 3.0, "Trust takes time."), (None, 5.0, 6.0, "Power does not.")]


def _docx(path, paragraphs):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)


def test_docx_transcript_with_a_name_and_time_heading_each_turn(tmp_path):
    """Teams' .docx transcript: "Name   0:03" on a line, what was said after it."""
    path = tmp_path / "teams.docx"
    _docx(path, ["Board meeting transcript", "Ann Smith   0:03", "Good morning. Do we trust the data?",
                 "Bob Jones   0:15", "Not yet.", "It needs a shared vision.", "Ann Smith   1:02:03",
                 "Agreed."])
    document = ingest(path)
    assert turns(document) == [
        ("paragraph", "Board meeting transcript"),
        ("Ann Smith", 3.0, None, "Good morning. Do we trust the data?"),
        ("Bob Jones", 15.0, None, "Not yet.\n\nIt needs a shared vision."),
        ("Ann Smith", 3723.0, None, "Agreed."),
    ]
    assert detect_kind(document) == "meeting_notes"  # a title paragraph that is not a turn


def test_docx_transcript_with_labelled_paragraphs(tmp_path):
    path = tmp_path / "labelled.docx"
    _docx(path, ["[00:00:05] Éloïse: Nous — we trust them 🙂.", "[00:00:09] Bob: Power is shared."])
    document = ingest(path)
    assert turns(document) == [("Éloïse", 5.0, None, "Nous — we trust them 🙂."),
                               ("Bob", 9.0, None, "Power is shared.")]
    assert detect_kind(document) == "transcript"


def test_times():
    assert [parse_time(t) for t in ("00:03", "1:02:03", "00:00:03.500", "00:00:03,5")] == [3.0, 3723.0, 3.5, 3.5]
    assert [format_time(t) for t in (None, 3.9, 3723.0)] == ["", "00:00:03", "01:02:03"]
