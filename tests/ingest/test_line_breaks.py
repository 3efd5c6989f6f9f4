"""Lines broken by hand inside a paragraph start sentences; lines wrapped to a
width do not. Each case is a text written here and the sentences (exact
text) or the concept matches the analysis finds in it."""

from __future__ import annotations

import docx
import pytest

from analyser.ingest import ingest
from analyser.linebreaks import hand_breaks


def sentences(analysis) -> list[str]:
    text = analysis.document.text
    return [text[s.start : s.end] for s in analysis.sentences]


# wrapped to 64 characters, as an editor does: "shared" ends a line, "vision" opens the next
WRAPPED = (
    "The partnership board met in March to agree how the two services\n"
    "would share referrals, and the nurses said that any shared\n"
    "vision had never been written down by anyone on the board."
)


@pytest.mark.parametrize("text, expected", [
    # a line per point of notes, without full stops
    ("Budget update from the CCG lead\n"
     "The CCG holds the purse strings so they decide what gets funded\n"
     "Nurses not listened to",
     ["Budget update from the CCG lead",
      "The CCG holds the purse strings so they decide what gets funded",
      "Nurses not listened to"]),
    # a timestamped log: every timed line is an entry, whatever its length
    ("10:02 welcome and apologies from the council lead and the hospice manager\n"
     "10:05 budget update from the CCG, which still holds the purse strings here\n"
     "10:12 agreed to draft a statement of what the partnership is for",
     ["10:02 welcome and apologies from the council lead and the hospice manager",
      "10:05 budget update from the CCG, which still holds the purse strings here",
      "10:12 agreed to draft a statement of what the partnership is for"]),
    # hard-wrapped prose stays one sentence
    (WRAPPED, [WRAPPED]),
    # a word broken by a hyphen at the end of a line never breaks
    ("We tried to build a co-\noperative culture between the teams",
     ["We tried to build a co-\noperative culture between the teams"]),
    # a short heading line over a paragraph typed as one long line
    ("Introduction\nPartnership working is described in many ways by the authors who study it, "
     "and this essay takes the view that it rests on trust.",
     ["Introduction",
      "Partnership working is described in many ways by the authors who study it, "
      "and this essay takes the view that it rests on trust."]),
])
def test_sentences_of_lines(analyse, text, expected):
    assert sentences(analyse(text)) == expected


@pytest.mark.parametrize("text, breaks", [
    ("one line only", []),
    # lines shorter than any wrap width were not wrapped
    ("Apologies\nBudget agreed", [9]),
    ("Apologies from the council\nand the hospice", []),
    ("Apologies from the council\nHospice sent a report", [26]),
    ("short\n\nafter a blank line", [5, 6]),
    # the longest line ends by wrapping, until a hand break shows the lines are items
    ("a line that is long enough to be the width\nand its continuation", []),
    ("Items\na line that is long enough to be the width\nNext item", [5, 48]),
    ("Items\na line that is long enough to be the width\nnext words", [5]),
    # timed and listed entries break even after the longest line
    ("a line that is long enough to be the width\n[10:05] next entry", [42]),
    ("a line that is long enough to be the width\n10.05 next entry", [42]),
    ("a line that is long enough to be the width\n10:05am next entry", [42]),
    ("a line that is long enough to be the width\n- next item", [42]),
])
def test_hand_breaks(text, breaks):
    assert hand_breaks(text) == breaks


def test_a_phrase_wrapped_across_lines_still_matches(analyse):
    found = [(m.concept, m.text, m.start, m.end) for m in analyse(WRAPPED).mentions]
    assert found == [("vision", "shared\nvision", 117, 130)]


def test_a_phrase_never_matches_across_a_hand_break(analyse):
    # "shared" ends one note and "Vision" opens the next: two points, no phrase
    analysis = analyse("Minutes of the board\nBudget shared\nVision day booked for June")
    assert sentences(analysis) == ["Minutes of the board", "Budget shared", "Vision day booked for June"]
    assert [(m.concept, m.text, m.start) for m in analysis.mentions] == [("vision", "Vision", 35)]


def test_each_concept_is_reported_in_its_own_line(analyse):
    analysis = analyse("Board notes\nThe council holds the purse strings\nMinutes agreed")
    power = [m for m in analysis.mentions if m.concept == "power"]
    assert [(m.text, m.sentence) for m in power] == [("holds the purse", 1)]


def test_word_line_breaks_in_one_paragraph_are_points_of_their_own(analyser, tmp_path):
    """Notes typed in Word with Shift+Enter: one paragraph, a line break between points."""
    document = docx.Document()
    run = document.add_paragraph().add_run("Budget update from the CCG lead")
    for line in ("The council holds the purse strings", "Minutes agreed"):
        run.add_break()
        run.add_text(line)
    path = tmp_path / "notes.docx"
    document.save(path)
    analysis = analyser.analyse_document(ingest(path))
    assert sentences(analysis) == ["Budget update from the CCG lead", "The council holds the purse strings",
                                   "Minutes agreed"]
    assert [(m.text, m.sentence) for m in analysis.mentions] == [("holds the purse", 1)]


def test_each_paragraph_of_a_word_table_cell_is_its_own_point(analyser, tmp_path):
    """Minutes kept as a table: a cell's paragraphs are points, even when they
    are as long as each other and have no full stops."""
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "Budget pressures across all the partners discussed at length"
    cell.add_paragraph("The CCG holds the purse strings for the community contract")
    path = tmp_path / "minutes.docx"
    document.save(path)
    analysis = analyser.analyse_document(ingest(path))
    assert sentences(analysis) == ["Budget pressures across all the partners discussed at length",
                                   "The CCG holds the purse strings for the community contract"]
