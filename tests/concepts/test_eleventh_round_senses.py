"""Issue 8, eleventh round: the writer's own piece of work. Nearly every
student essay and reflective account opens by saying what it is for ("Our
aim in this essay is to", "The purpose of this reflective account is to",
"This essay will aim to", "In this reflection I aim to"). That is not a
partnership's purpose, so it is not vision; the aim of the partnership,
said the same way, stays.

And self-doubt as students on placement write it: feeling embarrassed and
incompetent, being seen as less competent or treated like a child, doubting
one is cut out for the work, one's confidence knocked, having nothing to
offer, being "just the student", fearing being found out.

Sentences written for these tests, each class with a look-alike the rule
must leave alone. Exact spans and polarity, with the default lexicon."""

from __future__ import annotations

import pytest
from mention_helpers import assert_mentions

IT, VI = "identity_threat", "vision"

CASES = [
    ("Our aim in this essay is to discuss partnership working.", []),
    ("Our aim in this project was shared by every partner.", [(VI, "aim", "present")]),
    ("The purpose of this reflective account is to consider my placement.", []),
    ("The purpose of our partnership is to reduce admissions.", [(VI, "purpose", "present")]),
    ("My intention in this assignment is to look at one meeting.", []),
    ("The objective of the first section is to define integration.", []),
    ("This essay will aim to show how teams change.", []),
    ("In this reflection, I will aim to explore one incident.", []),
    ("In this essay I aim to reflect on my practice.", []),
    ("The partners will aim to agree a joint plan.", [(VI, "aim", "present")]),
    ("The aim of the partnership was never agreed.", [(VI, "aim", "absent")]),
    # self-doubt on placement
    ("I felt embarrassed and incompetent in front of the family.",
     [(IT, "felt embarrassed and incompetent", "present")]),
    ("I felt nervous and excited.", []),
    ("I worried that the other professionals saw me as less competent.",
     [(IT, "saw me as less competent", "present")]),
    ("They saw me as a colleague.", []),
    ("The consultant treated me like a child.", [(IT, "treated me like a child", "present")]),
    ("I started to question whether I was cut out for social work.",
     [(IT, "whether I was cut out for", "present")]),
    ("I was not cut out for nursing.", [(IT, "was not cut out for", "present")]),
    ("She was cut out for the job.", []),
    ("My confidence took a real knock after that day.", [(IT, "My confidence", "present")]),
    ("My confidence grew over the placement.", []),
    ("I felt that I had nothing to offer the team.", [(IT, "I felt that I had nothing to offer", "present")]),
    ("I have nothing to add.", []),
    ("The council had little to offer the charities.", []),
    ("I felt like I was just the student.", [(IT, "was just the student", "present")]),
    ("It was only a student project.", []),
    ("I worried I would be found out.", [(IT, "I would be found out", "present")]),
    ("I found out later that the referral was lost.", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_eleventh_round_senses(analyse, text, expected):
    assert_mentions(analyse(text), expected)
