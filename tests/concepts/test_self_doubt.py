"""Self-doubt about one's fitness for the profession, as real writers put it
(issue 8: paraphrase read from CEReD's diaries), and the look-alikes each
pattern must leave alone. Exact spans, default lexicon, no model."""

from __future__ import annotations

import pytest
from mention_helpers import assert_mentions

CASES = [
    # not taken seriously: a negation, then being taken seriously
    ("She was never taken seriously by the consultants.", [("identity_threat", "never taken seriously", "present")]),
    ("I worried that the GPs would not take me seriously.", [("identity_threat", "not take me seriously", "present")]),
    ("Nobody takes our concerns seriously at the board.",
     [("identity_threat", "Nobody takes our concerns seriously", "present")]),
    ("The manager took the complaint seriously.", []),  # no negation
    ("No one takes the risk register seriously.", []),  # a thing, not a person's standing
    # whether one wants to be a member of the profession
    ("After that shift I was not sure whether I want to be a nurse.",
     [("identity_threat", "not sure whether I want to be a nurse", "present")]),
    ("Some days I do not know if I really want to be a midwife.",
     [("identity_threat", "not know if I really want to be a midwife", "present")]),
    ("I wondered if I really want to be a social worker.",
     [("identity_threat", "if I really want to be a social worker", "present")]),
    ("The pupils asked if I want to be a headteacher one day.", []),  # not a profession in the list
    ("I want to be a nurse because my mother was one.", []),  # no doubt: no whether or if
    # the job is not for me
    ("By the third week I thought nursing was not for me.", [("identity_threat", "nursing was not for me", "present")]),
    ("It is not for me to judge the family.", []),  # a turn of phrase, no profession
    # a negated feeling of competence, with "enough"
    ("I did not feel competent enough to run the clinic alone.",
     [("identity_threat", "not feel competent enough", "present")]),
    ("I did not feel confident enough to ask for the notes.", []),  # confidence to speak up is not in the pattern
    ("I feel competent enough now.", []),  # no negation
]


@pytest.mark.parametrize("text, expected", CASES)
def test_self_doubt_patterns(analyse, text, expected):
    assert_mentions(analyse(text), expected)
