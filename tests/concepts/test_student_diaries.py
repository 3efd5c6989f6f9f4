"""Issue 8, eighth round: classes read in student teachers' real diaries
(CEReD's `dev` part). Self-doubt about the job itself: "I could never do
this", "no idea if I can teach", "couldn't imagine being able to", not
wanting to teach any more, fearing to disappoint one's mentor, feeling
one's teaching has failed (identity threats). A mentor letting the student
lead the whole lesson (trust: delegating).

Sentences written for these tests, each class with a look-alike the rule
must leave alone. Exact spans and polarity, with the default lexicon."""

from __future__ import annotations

import pytest
from mention_helpers import assert_mentions

IT, TR = "identity_threat", "trust"

CASES = [
    ("After the first week I thought I could never do this job.", [(IT, "I could never do this", "present")]),
    ("I could never have guessed the answer.", []),
    ("Honestly, I have no idea if I can teach a class this size.", [(IT, "no idea if I can teach a", "present")]),
    ("I have no idea if I can come on Friday.", []),
    ("I could not imagine being able to run a ward round on my own.",
     [(IT, "not imagine being able to", "present")]),
    ("I could not imagine a better outcome.", []),
    ("By Thursday I did not want to teach any more.", [(IT, "I did not want to teach any", "present")]),
    ("I do not want to teach them bad habits.", []),
    ("I was afraid that I would disappoint my mentor in the observed lesson.",
     [(IT, "afraid that I would disappoint my mentor", "present")]),
    ("I was afraid that I would miss the bus.", []),
    ("Walking out, I felt that my teaching had failed completely.",
     [(IT, "felt that my teaching had failed", "present")]),
    ("I felt that my lesson plan was clear.", []),
    ("On Tuesday my mentor let me lead the whole lesson while she sat at the back.",
     [(TR, "let me lead the whole lesson", "present")]),
    ("Let me take the class register first.", []),
    ("She let me know about the meeting.", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_student_diaries(analyse, text, expected):
    assert_mentions(analyse(text), expected)
