"""Issue 8, sixth round: identity threats told as a feeling or a question
about one's own work, the class the lexicon missed most in the coded
documents' reflective accounts and interviews (it found 15% of their
identity threats) and in CEReD's diaries: feeling small, stupid, insecure
or out of place at work; feeling like a role of service ("a taxi
service", "the add-on"); asking what one's own job is now for; asking
whether one still is one's profession. And the psychological safety said
as the humiliation that did not happen ("she did not make me feel
stupid"), which is trust. Sentences written for these tests; each rule
comes with a look-alike it must leave alone. Exact spans and polarity,
with the default lexicon."""

from __future__ import annotations

import pytest
from mention_helpers import assert_mentions

IT = "identity_threat"

CASES = [
    # feeling small, stupid, insecure or out of place at work ...
    ("In the case conference I felt very small.", [(IT, "I felt very small", "present")]),
    ("Afterwards I felt a little small.", [(IT, "felt a little small", "present")]),
    ("I felt a bit stupid standing at the nurses' station.", [(IT, "felt a bit stupid", "present")]),
    ("On the new rota the therapists feel insecure.", [(IT, "feel insecure", "present")]),
    ("At the board meeting I felt oddly out of place.", [(IT, "felt oddly out of place", "present")]),
    # ... but "felt a small" before a noun, and a room that felt small, are not
    ("They felt a small grant would not cover the post.", []),
    ("The clinic felt small and crowded.", []),
    # feeling like a role of service ...
    ("By Friday I felt like a taxi service.", [(IT, "felt like a taxi service", "present")]),
    ("They feel like they're just the social care add-on.",
     [(IT, "feel like they're just the social care add-on", "present")]),
    # ... but a valued role is not
    ("For once I felt like a real part of the team.", []),
    # asking what one's own job is now for ...
    ("I began to wonder what my job actually is.", [(IT, "wonder what my job actually is", "present")]),
    ("She asked what her role is really for now.", [(IT, "what her role is really for", "present")]),
    # ... but what a team or a role is for is its purpose (vision), not a doubt
    ("The away day asked what the team is for.", [("vision", "what the team is for", "present")]),
    ("I explained what my role is to the family.", []),
    # asking whether one still is one's profession ...
    ("Some weeks I think, am I still a social worker?", [(IT, "am I still a social worker", "present")]),
    ("I'm not really a youth worker any more.", [(IT, "not really a youth worker any", "present")]),
    # ... but a plain statement of one's profession is not
    ("I am a social worker in the hospital team.", []),
    ("She is not a social worker but a nurse.", []),
    # the humiliation that did not happen is psychological safety (trust) ...
    ("My mentor never made me feel stupid for asking.", [("trust", "never made me feel stupid", "present")]),
    ("We could ask anything without feeling foolish.", [("trust", "without feeling foolish", "present")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_self_doubt_paraphrase(analyse, text, expected):
    assert_mentions(analyse(text), expected)
