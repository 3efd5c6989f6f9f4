"""Issue 8, fourth round: other senses of concept words that real writing
on partnership working (public student essays, reflective accounts and
published minutes of partnership boards) showed the lexicon taking for the
concept: the purpose or aim of a report, a paper or an event; a chair's own
aim; an authority that is a body; an influencing factor; "all in their
power"; possibilities or funding cut off; closing a working relationship
with a service user. And one paraphrase those texts use for an identity
threat: roles left undefined. Sentences written for these tests; each rule
comes with a look-alike it must leave alone. Exact spans and polarity, with the
default lexicon."""

from __future__ import annotations

import pytest
from mention_helpers import assert_mentions

CASES = [
    # a document's or an event's purpose or aim ...
    ("The purpose of this report is to look back on my first placement.", []),
    ("The aim of the study day was to meet the other professions.", []),
    ("Purpose of the paper: an update on the winter plan.", []),
    ("Purpose: To update the Board on the pooled budget.", []),
    ("The director introduced the paper, which aims to set out the options.", []),
    ("This briefing aims to summarise the consultation.", []),
    # ... but a partnership's or a meeting's purpose stays
    ("The purpose of the partnership was never written down.", [("vision", "purpose", "absent")]),
    ("The purpose of the meeting was never agreed.", [("vision", "purpose", "absent")]),
    ("Purpose: the forum exists to give small charities one voice.", [("vision", "Purpose", "present"),
                                                                    ("power", "voice", "present")]),
    ("The partners aim to cut hospital admissions by a fifth.", [("vision", "aim", "present")]),
    # one person's aim, not the group's
    ("His aim as chair was to keep the meetings short.", []),
    ("Her main objective that year was promotion.", []),
    ("Their shared aim was fewer evictions.", [("vision", "aim", "present")]),
    # an authority that is a body ...
    ("The Police and Crime Commissioner and the Fire Authority both sent officers.", []),
    ("Figures were compared with other Authorities in the region.", []),
    ("The plan needs the agreement of the three statutory authorities.", []),
    ("Both partner authorities signed the section 75 agreement.", []),
    # ... but authority held over others stays
    ("Authority sat with the health board, not with the council.", [("power", "Authority", "present")]),
    ("Only the consultant had the authority to sign it off.", [("power", "authority", "present")]),
    # an influencing factor, not a party's influence
    ("Staffing was the main influencing factor.", []),
    ("The GPs had more influence than anyone else.", [("power", "influence", "present")]),
    # the idiom
    ("The team did everything in their power to get him home.", []),
    ("Power rested with the health board.", [("power", "Power", "present")]),
    # a thing cut off, not a person
    ("Pessimism risks cutting off possibilities before we start.", []),
    ("The cut-off date for bids was March.", []),
    ("After the move she felt cut off from the rest of the team.", [("identity_threat", "cut off", "present")]),
    # closing a case's relationship
    ("Closing relationships with service users takes planning.", []),
    ("We built a close relationship with the school over years.", [("trust", "relationship", "present")]),
    # roles left undefined: uncertainty about one's role
    ("The nurses' roles were not clearly defined.",
     [("identity_threat", "roles were not clearly defined", "present")]),
    ("The lack of defined roles for the nurses caused friction.",
     [("identity_threat", "lack of defined roles", "present")]),
    ("Staff complained of unclear roles.", [("identity_threat", "unclear roles", "present")]),
    ("The agencies are not defining their roles in the groups.",
     [("identity_threat", "not defining their roles", "present")]),
    ("The roles were clearly defined from the start.", []),
    ("The lack of defined budgets slowed us down.", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_published_writing_senses(analyse, text, expected):
    assert_mentions(analyse(text), expected)
