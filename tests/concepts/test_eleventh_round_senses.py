"""Issue 8, eleventh round: the writer's own piece of work. Nearly every
student essay and reflective account opens by saying what it is for ("Our
aim in this essay is to", "The purpose of this reflective account is to",
"This essay will aim to", "In this reflection I aim to"). That is not a
partnership's purpose, so it is not vision; the aim of the partnership,
said the same way, stays.

Sentences written for these tests, each class with a look-alike the rule
must leave alone. Exact spans and polarity, with the default lexicon."""

from __future__ import annotations

import pytest
from mention_helpers import assert_mentions

VI = "vision"

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
]


@pytest.mark.parametrize("text,expected", CASES)
def test_eleventh_round_senses(analyse, text, expected):
    assert_mentions(analyse(text), expected)
