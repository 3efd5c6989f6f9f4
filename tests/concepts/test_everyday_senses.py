"""The error classes the grouped cross-validation of issue 8 (third round)
showed, on small sentences written for these tests: a theory of identity or
of collaboration named without the concept; power said in everyday words
(who is in charge, who decides, a vote, being asked or invited, equals, the
funder); "with respect" and named groups as other senses; familiarity and
"what we were there to do" as trust and vision; identity threat in other
words (a glorified administrator). Exact spans and polarity,
with the default lexicon."""

from __future__ import annotations

import pytest
from mention_helpers import assert_mentions

# (text, expected mentions as (concept, matched text, polarity)) in text order
CASES = [
    # theory named, no concept: belonging in general is not a threat ...
    ("Social identity theory says we draw self-esteem from the groups we belong to.", []),
    ("Professionals develop a sense of belonging to their discipline.", []),
    # ... belonging lost or denied is
    ("She felt like she did not belong in either team.", [("identity_threat", "not belong", "present")]),
    ("The porters said they no longer belonged anywhere.", [("identity_threat", "no longer belonged", "present")]),
    ("Several staff experienced the merger as a loss of belonging.", [("identity_threat", "belonging", "present")]),
    # collaborative advantage is a theory's name, not a shared vision
    ("Huxham and Vangen came up with the idea of collaborative advantage.", []),
    # power in everyday words
    ("On that ward the consultants were in charge.", [("power", "in charge", "present")]),
    ("Officially no agency is in charge.", [("power", "in charge", "absent")]),
    ("Nobody could tell us who decides the thresholds.", [("power", "who decides", "present")]),
    ("The real question was who makes the final decision.", [("power", "who makes the final decision", "present")]),
    ("The decision rests with the team manager.", [("power", "decision rests with", "present")]),
    ("The council kept the final decision.", [("power", "final decision", "present")]),
    ("Give the voluntary sector a vote.", [("power", "a vote", "present")]),
    ("For once the hospital treated us as equals.", [("power", "as equals", "present")]),
    ("The charities were not invited to the strategy meeting.", [("power", "not invited", "present")]),
    ("- AM: Deaf community not asked before this was introduced.", [("power", "not asked before", "present")]),
    ("Nobody asked questions at the end.", []),
    ("She charged the battery.", []),
    # with respect: a discourse marker, and still trust elsewhere
    ("10:09 Bernie: with respect Phil, members are not living on a car park.", []),
    ("With respect, that is not what we agreed.", []),
    ("The nurses treated us with respect.", [("trust", "respect", "present")]),
    # a group named with Voice, and a voice on the phone, are not power
    ("Carol to ask Roadside Voices to run two drop-ins.", []),
    ("To him I was just a voice on the phone.", []),
    ("Carers had a voice on the board.", [("power", "voice", "present")]),
    # identity threat in other words
    ("Several said they no longer recognised their own practice.",
     [("identity_threat", "no longer recognised their own practice", "present")]),
    ("The pharmacist became in effect a highly paid administrator.",
     [("identity_threat", "a highly paid administrator", "present")]),
    ("The therapists worried about losing their clinical skills.",
     [("identity_threat", "losing their clinical skills", "present")]),
    ("She lost her keys in the car park.", []),
    ("I did not recognise him at first.", []),
    # familiarity, and what the group is there to do
    ("We know each other from the food bank.", [("trust", "know each other", "present")]),
    ("Nobody had said what we were there to do.", [("vision", "what we were there to", "present")]),
    ("I was unsure what they were there to do.", [("identity_threat", "what they were there to do", "present")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_everyday_senses(analyse, text, expected):
    assert_mentions(analyse(text), expected)
