"""Issue 8, third round: other senses of concept words that real writing
(student teachers' diaries) showed the lexicon taking for the concept: the
sound of a voice; an individual's or a lesson's aim and 'objective' the
adjective; influence as a cause; self-control, checking work and
circumstances out of reach; a thing overlooked; reliance on a thing; a
quiz's voting device; fear of speaking in public. Sentences written for
these tests; each rule comes with a look-alike it must leave alone. Exact
spans and polarity, with the default lexicon."""

from __future__ import annotations

import pytest
from mention_helpers import assert_mentions

CASES = [
    # voice: the sound of a voice ...
    ("By Friday I had to raise my voice over the drills.", []),
    ("Never raise your voice to them.", []),
    ("The head raised her voice to the boys twice.", []),
    ("He had to raise his voice a lot in that room.", []),
    ("She answered in a quiet, rather tired voice.", []),
    ("He lowered his voice and the room went quiet.", []),
    ("The tone of her voice changed.", []),
    ("I lost my voice last week.", []),
    ("My voice was hoarse by the afternoon.", []),
    ("The trainer had a hoarse voice.", []),
    ("We practised voiced and unvoiced consonants.", []),
    ("The voices in my head kept arguing.", []),
    # ... but who has a voice in decisions stays
    ("The smaller charities had no voice.", [("power", "voice", "absent")]),
    ("Staff raised their voices in the planning meeting.", [("power", "voices", "present")]),
    ("I finally felt able to raise my voice in the meeting.", [("power", "voice", "present")]),
    ("The charities lost their voice when the board shrank.", [("power", "voice", "present")]),
    ("I lost my voice on the board after the merger.", [("power", "voice", "present")]),
    ("The loudest voices decided everything.",
     [("power", "voices", "present"), ("power", "decided everything", "present")]),
    # goal, aim, purpose: an individual's or a lesson's aim ...
    ("My goal was to finish the marking by Friday.", []),
    ("My main aim this term is to plan better.", []),
    ("I set myself the goal of arriving early.", []),
    ("The goals I set in September were modest.", []),
    ("On Monday the aim of the lesson was fractions.", []),
    ("The purpose of the activity was to get them talking.", []),
    ("Our learning objectives were on the board.", []),
    ("I borrowed a coat for this purpose.", []),
    ("The quiz served its purpose.", []),
    # ... but a team's or a partnership's aim stays
    ("The partners' goal was a single front door.", [("vision", "goal", "present")]),
    ("Our shared aim was fewer evictions.", [("vision", "aim", "present")]),
    ("The purpose of the meeting was never agreed.", [("vision", "purpose", "absent")]),
    ("We set ourselves a common goal.", [("vision", "common goal", "present")]),
    # objective the adjective, not the noun
    ("It is hard to stay objective when you know the family.", []),
    ("Blind marking is more objective.", []),
    ("She tried to give an objective view.", []),
    ("The board's first objective was to cut waiting times.", [("vision", "objective", "present")]),
    # influence as a cause
    ("What factors influenced my decision?", []),
    ("The result was influenced by several factors.", []),
    ("I wonder what influences pupils most.", []),
    ("The council's influence over the board grew.", [("power", "influence", "present")]),
    ("The board was influenced by the council.", [("power", "influenced", "present")]),
    # control: self-control, checking work, circumstances
    ("He could not control himself.", []),
    ("Regular control of the pupils' work helped me.", []),
    ("The delays were outside our control.", []),
    ("The council controlled the agenda.", [("power", "controlled", "present")]),
    ("GPs wanted direct control of their workforce.", [("power", "control", "present")]),
    # overlooked: a thing not noticed
    ("When I count the points I easily overlook one.", []),
    ("The mistake was overlooked at first.", []),
    ("People felt overlooked after the merger.", [("identity_threat", "overlooked", "present")]),
    # relying on a thing, not on a person
    ("I have to rely on the textbook.", []),
    ("He relied on the phone too much.", []),
    ("The nurses relied on each other.", [("trust", "relied on", "present")]),
    ("We rely on the council's social workers.", [("trust", "rely on", "present")]),
    # a quiz's voting device
    ("Each pupil got the voting device.", []),
    ("Each partner had a vote.", [("power", "a vote", "present")]),
    # fear of speaking in public or of being asked, not of speaking up to colleagues
    ("Luckily I am not afraid to speak in front of a crowd.", []),
    ("He was afraid to speak out loud in the group.", []),
    ("He was scared to speak German.", []),
    ("The volunteers were worried they would be asked to police the door.", []),
    ("I was worried and asked my mentor.", []),
    ("Junior staff were afraid to speak up in front of the consultants.",
     [("trust", "afraid to speak", "absent")]),
    ("Staff were reluctant to raise concerns.", [("trust", "reluctant to raise", "absent")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_real_writing_senses(analyse, text, expected):
    assert_mentions(analyse(text), expected)
