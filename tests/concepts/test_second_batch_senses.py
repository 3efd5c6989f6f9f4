"""Issue 8, fifth round: other senses of concept words that a second batch of
real writing on partnership working (public essays, reflective accounts and
minutes) showed the lexicon taking for the concept: a use ("for
decision-making purposes"); the purpose of a review, a law or a policy; a
meeting open to a group of people; bodies in the plural ("guardianship
authorities"); controlling a service user's behaviour; a method that
overlooks a risk. And two paraphrases those texts use: feeling unqualified
or ill-equipped for one's work (an identity threat), a common interest
(vision); and two from the `dev` part's reflective accounts: no choice
of whom one works with, and lobbying those who decide (power). Sentences
written for these tests; each rule comes with a
look-alike it must leave alone. Exact spans and polarity, with the default
lexicon."""

from __future__ import annotations

import pytest
from mention_helpers import assert_mentions

CASES = [
    # a use, not a team's purpose ...
    ("The chair asked what counted as a quorum for voting purposes.", []),
    ("Notes were kept for audit and training purposes.", []),
    # ... but a shared purpose, or purposes apart, stays
    ("The three charities met for a common purpose.", [("vision", "common purpose", "present")]),
    ("In truth the partners had joined for different purposes.",
     [("vision", "different purposes", "absent")]),
    # a review's, a law's or a policy's purpose ...
    ("The purpose of Safeguarding Adults Reviews is to learn lessons.", []),
    ("The aim of the legislation was to protect carers.", []),
    ("The objective of the policy is fewer admissions.", []),
    # ... but the partnership's or the board's aim stays
    ("The aim of the partnership was to keep people at home.", [("vision", "aim", "present")]),
    ("The purpose of the Board was never agreed.", [("vision", "purpose", "absent")]),
    # open to a group of people (who may come) ...
    ("The drop-in is open to all carers in the borough.", []),
    ("He replied that the forum was open to the public.", []),
    ("Training is open to partners from any agency.", []),
    # ... but openness between partners stays
    ("The GPs were open with us about the waiting list.", [("trust", "were open", "present")]),
    # bodies in the plural ...
    ("Returns go to the guardianship authorities each year.", []),
    ("The authorities were told of the fire.", []),
    # ... but authority over others (singular) stays
    ("The board had authority over the pooled budget.", [("power", "authority", "present")]),
    # care of a person, not power between partners ...
    ("Staff were trained in controlling challenging behaviour.", []),
    ("The plan helped her in controlling her pain.", []),
    # ... but control of the agenda stays
    ("The council controlled the agenda of every meeting.", [("power", "controlled", "present")]),
    # a risk or a need missed, not a person ...
    ("The triage model overlooks physical health risks.", []),
    ("The assessment overlooked the child's needs.", []),
    # ... but people overlooked stay
    ("The nurses felt overlooked in the new structure.", [("identity_threat", "overlooked", "present")]),
    # feeling unqualified or ill-equipped for one's work ...
    ("Officers said they felt unqualified to deal with a mental health crisis.",
     [("identity_threat", "felt unqualified", "present")]),
    ("Many of the support workers felt ill-equipped for the new duties.",
     [("identity_threat", "felt ill-equipped", "present")]),
    # ... but a room that is ill-equipped is not a person
    ("The hall was ill-equipped for a meeting of forty.", []),
    # a common interest ...
    ("The agencies share a common interest in keeping families together.",
     [("vision", "common interest", "present")]),
    # ... but the public interest is not a team's aim
    ("It was in the public interest to publish the review.", []),
    # no choice of whom one works with; lobbying those who decide (power) ...
    ("Students cannot choose who they are placed with.", [("power", "not choose who they", "present")]),
    ("The project groups were chosen for us by the module team.", [("power", "chosen for us", "present")]),
    ("The rota was set by the manager and not by us.", [("power", "set by the manager and not by us", "present")]),
    ("The forum has been lobbying for a seat on the board.", [("power", "lobbying for", "present"),
                                                             ("power", "seat on the board", "present")]),
    # ... but a free choice, and a hotel lobby, are not
    ("We chose our own project topic.", []),
    ("Families can choose which nursery they use.", []),
    ("We met in the hotel lobby at nine.", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_second_batch_senses(analyse, text, expected):
    assert_mentions(analyse(text), expected)
