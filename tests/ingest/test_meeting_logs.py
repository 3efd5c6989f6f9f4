"""Meeting notes as note-takers type them: a log of timed lines with no
speaker names, initials and a dash for the speaker ("10:12 RP - ..."), a
role in brackets after a name, and minutes that open with "Present:" and
"Apologies:" but report the meeting in prose. Each is read as a meeting,
and an essay that only looks a little like one is not. The texts are
written here; blocks are checked span by span."""

from __future__ import annotations

import pytest

from analyser.ingest import ingest_text
from analyser.ingest.transcript import entry_time, match_label, minutes_header
from analyser.meetings import detect_kind, speaker_stats


def blocks(document):
    """(kind, speaker, start_time, text) of every block."""
    return [(b.kind, b.speaker, b.start_time, document.text[b.start : b.end]) for b in document.blocks]


LOG = """Discharge pilot board
10:02 Welcome and apologies, minutes agreed
10:05 Data sharing agreement still not signed by the trust's IG team
ward staff unsure what they can pass on
10:20 Housing brought in at the last minute again
10:48 Agreed to write down what the pilot is for
"""


def test_a_log_of_timed_lines_without_names_is_meeting_notes():
    """Its times are the clock's: 10:02 is 10 h 2 min (36,120 s)."""
    document = ingest_text(LOG, "log.txt")
    assert blocks(document) == [
        ("paragraph", None, None, "Discharge pilot board"),
        ("paragraph", None, 36120.0, "10:02 Welcome and apologies, minutes agreed"),
        ("paragraph", None, 36300.0, "10:05 Data sharing agreement still not signed by the trust's IG team\n"
                                   "ward staff unsure what they can pass on"),
        ("paragraph", None, 37200.0, "10:20 Housing brought in at the last minute again"),
        ("paragraph", None, 38880.0, "10:48 Agreed to write down what the pilot is for"),
    ]
    assert detect_kind(document) == "meeting_notes"


@pytest.mark.parametrize("text", [
    # times out of order: numbered paragraphs, not a log
    "The review\n2.10 Trust grew slowly over the first year of the project\n"
    "1.12 The council held the budget throughout the period\n3.15 Partners agreed a shared vision in the end\n",
    # two timed lines are not enough
    "The review\n10:02 Trust grew slowly over the first year of the project\n"
    "10:05 The council held the budget throughout the period\n",
    # timed lines that are a small part of an essay
    "Trust grew slowly between the partners over two years of joint work, and it was rebuilt after every "
    "change of staff in the council's team, which happened often and without notice to the others.\n\n"
    "Power stayed with the council, which held the budget throughout, and the charities said so often "
    "in the meetings I observed, though never in writing or to the council's officers directly.\n\n"
    "10:02 start\n10:05 budget\n10:09 close\n",
])
def test_timed_lines_that_are_not_a_log_leave_an_essay(text):
    document = ingest_text(text, "essay.txt")
    assert all(b.start_time is None for b in document.blocks)
    assert detect_kind(document) == "essay"


@pytest.mark.parametrize("line, speaker, time, said", [
    ("10:12 RP - GPs were not asked.", "RP", 612.0, "GPs were not asked."),
    ("[10.12] KO – Fine by us.", "KO", 612.0, "Fine by us."),
    ("(10:02) TB — no.", "TB", 602.0, "no."),
    ("Dawn Okafor (Site Manager): Afternoon all.", "Dawn Okafor", None, "Afternoon all."),
    ("[12:58] Dawn Okafor (Site Manager): Afternoon all.", "Dawn Okafor", 778.0, "Afternoon all."),
    # a day or a date before the time, as chat exports give it
    ("[Fri 11/10 19:42] Aoife Brennan (The Lantern): Evening all.", "Aoife Brennan", 1182.0, "Evening all."),
    ("[Thu 10:02] Priti Desai: Morning all.", "Priti Desai", 602.0, "Morning all."),
    ("[11/10/2024, 19:42] Sam: hi", "Sam", 1182.0, "hi"),
    # a Teams transcript pasted one turn a line: name, time and words apart
    ("Morag Kennedy   0:03   ok i think we're recording", "Morag Kennedy", 3.0, "ok i think we're recording"),
    ("Alasdair Baird\t1:02:11\tyeah we can see it", "Alasdair Baird", 3731.0, "yeah we can see it"),
    # initials and a verb of saying after a time: the turn is the whole entry as the note-taker wrote it
    ("10:40 MH said the budget is fixed.", "MH", 640.0, "MH said the budget is fixed."),
    ("[10.52] - KO asked who signs it off.", "KO", 652.0, "KO asked who signs it off."),
    ("(09:15) TB reported two vacancies, one filled.", "TB", 555.0, "TB reported two vacancies, one filled."),
])
def test_initials_with_a_dash_and_names_with_a_role(line, speaker, time, said):
    label = match_label(line, 0, len(line))
    assert label is not None
    assert (label.speaker, label.time, line[label.content :]) == (speaker, time, said)


@pytest.mark.parametrize("line", [
    "10:05 Finance - Q3 figures tabled.",  # a topic: initials only
    "10:40 AOB - none.",                   # an agenda's abbreviation (analyser/data/not_speakers.txt)
    "RP - GPs were not asked.",            # initials and a dash without a time
    "Smith (2019): trust is built slowly.",  # a citation, not a role
    "Action 3: Bob to draft terms.",       # a numbered label
    "Fri 3 May: visit to the hub.",        # a date
    "Morag Kennedy 0:03 ok i think",       # one space apart: a name and a time inside a sentence
    "Participants   0:00   Morag, Alasdair",  # a header's label
    "10:52 DSA signed by all partners.",   # initials and a verb that is not one of saying: an event
    "10:05 DSA agreed by all partners.",   # a verb of saying in the passive: a document's fate
    "10:12 TOR agreed.",
    "MH said the budget is fixed.",        # initials and a verb of saying without a time: narrative
    "10:40 GPs said they were never asked.",  # a plural, not initials
    "10:40 The chair said no.",            # a role in words: the note-taker's narrative
    "BEDS: 18/24 open, Rm 19-24 closed.",  # a board's section (analyser/data/not_speakers.txt)
    "NEW IN: 1 x out-of-hours placement at 23:40.",
])
def test_lines_that_are_still_not_speaker_labels(line):
    assert match_label(line, 0, len(line)) is None


@pytest.mark.parametrize("line, seconds", [
    ("10:12 Agreed", 612.0),
    ("10.12 Agreed", 612.0),
    ("2:05pm Agreed", 845.0),
    ("2.05 p.m. Agreed", 845.0),
    ("12:30pm Agreed", 750.0),
    ("[09:58] Agreed", 598.0),
    ("[Fri 11/10 19:44] Police arrived", 1184.0),
    ("Agreed at 10:12", None),
])
def test_the_time_of_an_entry(line, seconds):
    assert entry_time(line, 0, len(line)) == seconds


MINUTES = """Health and Wellbeing Forum - notes

Present: Cllr Mo Fenwick (chair), KP (public health), SL (Town Deal), GW (housing)
Apologies: police, DWP

1. Town Deal update
SL presented the programme. KP asked where health came into it.
SL: health is a golden thread through the programme.

Dr A asked whether anyone from the PCN sat on the Town Board when projects were chosen, and was told not.
GW: housing was not asked either.
Noted: the Town Board decides and this forum advises.
"""


def test_minutes_with_a_header_read_their_few_turns():
    """Two short turns are far less than a third of these minutes, but the
    header says they are minutes."""
    document = ingest_text(MINUTES, "minutes.txt")
    turns = [(b.speaker, document.text[b.start : b.end]) for b in document.blocks if b.kind == "turn"]
    assert turns == [("SL", "health is a golden thread through the programme."),
                     ("GW", "housing was not asked either.")]
    assert detect_kind(document) == "meeting_notes"


def test_minutes_told_in_prose_are_meeting_notes():
    text = ("Steering group minutes\n\nPresent: AB, CD, EF\n\nIn attendance: GH (finance)\n\n"
            "The chair welcomed members. The budget was discussed and the council agreed to report back.\n")
    document = ingest_text(text, "minutes.txt")
    assert not any(b.kind == "turn" for b in document.blocks)
    assert detect_kind(document) == "meeting_notes"


@pytest.mark.parametrize("text, expected", [
    ("Present: AB, CD\nApologies: EF\n", True),
    ("Notes of the call\nThurs, Room 2. Notes: DH. Attending: AB, CD\n", True),  # labels after a full stop
    ("Steering group\n\nPresent\nAB, chair\nCD\n\nApologies\nEF\n", True),   # labels alone on their lines
    ("BOARD\n\nMinutes of the meeting held on 3 May\n\nPresent: AB, CD\n", True),  # a minutes title and a label
    ("Present: AB, CD\n", False),                                             # one label
    ("Minutes of the meeting held on 3 May\n\nThe chair welcomed members.\n", False),  # a title alone
    ("Student ID: 123\nModule: Partnership working\nDate: 3 May\n", False),   # an essay's cover sheet
    ("\n".join(["Trust grew."] * 40) + "\nPresent: AB\nApologies: CD\n", False),  # not at the start
    # meeting records as their writers type them
    ("HAF Easter planning – notes (DJ)\nThere: KW (coord), RM\n", True),         # a title and who was there
    ("Subject: Notes from today's call – parks\nHi all,\nOn the call: Sian, Mo\n", True),  # an email's notes
    ("DECISION LOG (rolling) – v7\nMembers: CW (chair), JN\n", True),
    ("Retrospective\nFlipchart write-up, Thurs 18 April\nAttended: 4 paramedics\n", True),
    ("[typed up from my notebook - HW]\nthere: me, Sian T\n", True),
    ("Present – approx 14 carers\nApologies - Cllr Fenwick\n", True),           # labels with a dash
    ("Board members present: AB, CD\nApologies: EF\n", True),                   # a longer label ending "present"
    ("Cofnodion / Minutes\nLleoliad / Venue: Canolfan Dinesig\n", True),        # bilingual labels
    ("Who came: Tom, Shazia\nSorry we could not come: Peter\n", True),         # easy-read minutes
    ("Present: AB\nMembers present: CD\n", False),                              # one label, twice
    ("Past and present\n\nMembers\n", False),   # "present" ends a longer label only before a colon or dash
    ("My notes on the placement\n\nThere were many teams: health, housing and police.\n", False),
    ("Reflective account\nParticipants: twelve nurses\nDate: 3 May\n", False),  # a study's method, a cover sheet
    # a board typed up, and a write-up: the title and how the record was made count as two labels
    ("WARD 7 – SAFETY HUDDLE BOARD\n(typed up from the whiteboard by the nurse in charge)\n", True),
    ("Morning board\nTyped from the office board photo by JK for the shared drive.\n", True),
    ("Write-up of the residents' meeting, 3 Feb\nWritten up by Pauline Ward (secretary) from my notes.\n", True),
    ("ops group my notes (typed up from notebook)\n", True),                    # one line, both
    ("Huddle board\n\nBEDS: 18/24 open.\n", False),                         # a title alone
    ("Reflection on the huddle\n\nI typed up my notes from the whiteboard afterwards.\n", False),
])
def test_a_minutes_header(text, expected):
    assert minutes_header(text) is expected


def test_an_essay_with_a_cover_sheet_stays_an_essay():
    text = ("Student ID: 123\nModule: Partnership working\nDate: 3 May\n\n"
            "Trust grew slowly between the partners over two years of joint work.\n\n"
            "Power stayed with the council, which held the budget throughout.\n")
    assert detect_kind(ingest_text(text, "essay.txt")) == "essay"


def test_a_heading_after_the_notes_is_not_their_title():
    text = LOG.replace("Discharge pilot board\n", "") + "\nActions\n\n- chase the IG team\n"
    document = ingest_text(text, "log.txt")
    assert document.metadata.title is None
    titled = ingest_text("Discharge pilot board\n\nTrust grew slowly.\n", "n.txt")
    assert titled.metadata.title == "Discharge pilot board"


@pytest.mark.parametrize("first, second, times", [
    ("10:02", "10:09", [36120.0, 36540.0]),     # a log: the clock's hours and minutes
    ("00:02", "00:09", [2.0, 9.0]),             # a recording: minutes and seconds from its start
    ("10:02:05", "10:09:00", [36125.0, 36540.0]),  # seconds given: hours, minutes and seconds already
    ("00:02 AM:", "00:09 AM:", [2.0, 9.0]),        # a speaker's initials "AM", not the morning
])
def test_a_log_gives_the_clock_and_a_recording_its_own_time(first, second, times):
    document = ingest_text(f"{first} Ann: We trust them.\n{second} Bob: Do we?\n", "notes.txt")
    assert [b.start_time for b in document.blocks] == times


@pytest.mark.parametrize("times, seconds", [
    # a night log before 06:00 is the clock's when its first time says so: a dot or am/pm
    (("05.40", "05.52", "06.10"), [20400.0, 21120.0, 22200.0]),
    (("5:40am", "5:52am", "6:10am"), [20400.0, 21120.0, 22200.0]),
    (("05:40 a.m.", "05:52", "06:10"), [20400.0, 21120.0, 22200.0]),
    (("05:40", "05:52", "06:10"), [340.0, 352.0, 370.0]),  # a colon alone: a recording's, as before
])
def test_a_night_log_is_on_the_clock_when_its_first_time_says_so(times, seconds):
    text = (f"{times[0]} RP - Bed 4 refused obs.\n{times[1]} Agreed to call the on-call GP.\n"
            f"{times[2]} KO - GP rang back, plan in the notes.\n")
    document = ingest_text(text, "night.txt")
    assert [b.start_time for b in document.blocks] == seconds


@pytest.mark.parametrize("opening, seconds", [
    ("Handover board (typed up from the whiteboard by the night senior)\n\n", [11400.0, 13200.0, 15300.0]),
    ("Handover board\n\n", [190.0, 220.0, 255.0]),  # nothing says it was typed up: read as before
])
def test_a_night_log_typed_up_from_a_board_is_on_the_clock(opening, seconds):
    """"03:10" in a record typed up from a board or notes is ten past three
    at night: a note-taker's record is never a recording."""
    text = opening + ("03:10 RP - police called re Rm 22.\n03:40 Agreed hourly checks.\n"
                      "04:15 KO - Rm 22 back, settled.\n")
    document = ingest_text(text, "board.txt")
    assert [b.start_time for b in document.blocks if b.start_time is not None] == seconds


def test_timestamped_notes_typed_as_bullets_are_turns():
    """A bullet's label is a speaker's when it has a time; without one
    ("SA: ...") it names an action's owner, and stays a list item."""
    text = ("Board notes\n\n- 10:05 RP: GPs were not asked about the pathway.\n"
            "- 10:12 Ann: We never agreed what the board is for.\n- 10:20 Dr Patel: Then why are we here?\n"
            "- SA: book the room\n")
    document = ingest_text(text, "notes.txt")
    assert blocks(document) == [
        ("heading", None, None, "Board notes"),
        ("turn", "RP", 36300.0, "GPs were not asked about the pathway."),
        ("turn", "Ann", 36720.0, "We never agreed what the board is for."),
        ("turn", "Dr Patel", 37200.0, "Then why are we here?"),
        ("list_item", "SA", None, "SA: book the room"),
    ]
    assert detect_kind(document) == "meeting_notes"


def test_a_bulleted_log_without_names_keeps_its_bullets_and_times():
    text = ("# Board notes\n\n- 10:05 GPs not asked\n- 10:12 Ward staff unsure what to share\n"
            "- 10:20 Housing last again\n")
    document = ingest_text(text, "notes.md", "md")
    assert [(b.kind, b.start_time) for b in document.blocks] == [
        ("heading", None), ("list_item", 36300.0), ("list_item", 36720.0), ("list_item", 37200.0)]
    assert detect_kind(document) == "meeting_notes"


def test_a_glossary_in_bullets_is_not_a_meeting():
    """"Trust:" opens a definition, not a turn: in a list, a label must have a
    time."""
    text = ("Key terms\n\n- Trust: the belief that a partner will act well.\n"
            "- Power: the ability to shape what others do.\n- Vision: what the partnership is for.\n")
    document = ingest_text(text, "essay.txt")
    assert not any(b.kind == "turn" for b in document.blocks)
    assert detect_kind(document) == "essay"


TEAMS_PASTED = """East Locality Planning Group
Meeting transcript 12 March 2024, 14:00
Participants: Morag Kennedy (Locality Manager), Alasdair Baird (TSI)
Morag Kennedy   0:03   ok i think we're recording now
Alasdair Baird   0:11   yeah we can see it morag
Morag Kennedy   0:15   great so um welcome everybody
"""


def test_a_teams_transcript_pasted_one_turn_a_line_is_read_as_turns():
    """The header's "Participants:" is not a speaker."""
    document = ingest_text(TEAMS_PASTED, "transcript.txt")
    assert [b for b in blocks(document) if b[0] == "turn"] == [
        ("turn", "Morag Kennedy", 3.0, "ok i think we're recording now"),
        ("turn", "Alasdair Baird", 11.0, "yeah we can see it morag"),
        ("turn", "Morag Kennedy", 15.0, "great so um welcome everybody"),
    ]
    assert detect_kind(document) == "meeting_notes"


EMAILED_NOTES = """Subject: Notes from today's call - homeless hospital discharge

Hi all,

Quick notes from this morning's call as promised.

On the call: me (Niamh, inclusion health nurse), Ben (housing options), Corinne (step-down flats)

1. Numbers. 14 people of no fixed abode discharged last month, 5 without us knowing.
2. Duty to refer. Ben said the referrals from the wards are better.
"""


def test_notes_emailed_after_a_call_are_meeting_notes():
    assert detect_kind(ingest_text(EMAILED_NOTES, "notes.txt")) == "meeting_notes"
    essay = EMAILED_NOTES.replace("On the call:", "We spoke to")
    assert detect_kind(ingest_text(essay, "notes.txt")) == "essay"


MINUTES_A_POINT_A_LINE = """Health and Wellbeing Forum - notes
Present: Cllr Mo Fenwick (chair), KP (public health), SL (Town Deal), GW (housing)
Apologies: police, DWP
SL: health is a golden thread through the programme.
Dr A asked whether anyone from the PCN sat on the Town Board, and was told not.
GW: housing was not asked either,
and nor was the voluntary sector.
"""


def test_in_minutes_typed_a_point_a_line_the_narrative_is_nobody_s_turn():
    """After a finished sentence, a line that opens with a capital is the
    note-taker's; a line that carries on an unfinished one is the speaker's."""
    document = ingest_text(MINUTES_A_POINT_A_LINE, "minutes.txt")
    assert [b for b in blocks(document) if b[0] == "turn" or b[3].startswith("Dr A")] == [
        ("turn", "SL", None, "health is a golden thread through the programme."),
        ("paragraph", None, None, "Dr A asked whether anyone from the PCN sat on the Town Board, and was told not."),
        ("turn", "GW", None, "housing was not asked either,\nand nor was the voluntary sector."),
    ]


def test_in_a_transcript_a_turn_runs_on_over_its_lines():
    """Without a minutes header, the lines after a label are the speaker's."""
    document = ingest_text("Ann: We trust them.\nBut not the board.\nBob: Why not?\nAnn: History.\n", "t.txt")
    assert [b for b in blocks(document) if b[0] == "turn"] == [
        ("turn", "Ann", None, "We trust them.\nBut not the board."),
        ("turn", "Bob", None, "Why not?"),
        ("turn", "Ann", None, "History."),
    ]


def test_a_log_that_reports_speech_names_its_speakers():
    """"10:40 MH said ..." is MH's turn, told in the note-taker's words; an
    entry that reports an event ("DSA signed") is nobody's."""
    text = ("Pathway group 3/3\n\n10:32 MH said the GPs were never asked about the pathway.\n"
            "10:40 KO asked who signs the data sharing agreement off.\n10:44 DSA signed by all partners.\n"
            "10:50 MH agreed to take it to the board.\n")
    document = ingest_text(text, "notes.txt")
    assert blocks(document) == [
        ("heading", None, None, "Pathway group 3/3"),
        ("turn", "MH", 37920.0, "MH said the GPs were never asked about the pathway."),
        ("turn", "KO", 38400.0, "KO asked who signs the data sharing agreement off."),
        ("paragraph", None, 38640.0, "10:44 DSA signed by all partners."),
        ("turn", "MH", 39000.0, "MH agreed to take it to the board."),
    ]
    assert [(s.name, s.turns) for s in speaker_stats(document)] == [("MH", 2), ("KO", 1)]
