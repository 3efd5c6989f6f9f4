"""Issue 8, eighth round: classes read in real committee talk (QMSum,
`corpus/real_meetings`, `dev` part only) — continuity of learning, reliance
on an approach or on journal articles, a policy's goal, assessment
objectives, the purpose of a tax, a school's new purpose, isolating factors
(other senses); a common agenda and not knowing what one is trying to do
(vision); a dominant board, "not for us to dictate", no constraints put on
others (power). And from real team meetings (AMI's design teams, an ICSI
research group): a device's power, a band that cuts off one's circulation.

Sentences written for these tests, each class with a look-alike the rule
must leave alone. Exact spans and polarity, with the default lexicon."""

from __future__ import annotations

import pytest
from mention_helpers import assert_mentions

IT, TR, VI, PO = "identity_threat", "trust", "vision", "power"

CASES = [
    # other senses: continuity of learning is not continuity of people ...
    ("The council wants continuity of learning while the school is shut.", []),
    ("Continuity of staff meant the families knew who to call.", [(TR, "Continuity", "present")]),
    # ... reliance on an approach or on articles is not reliance on people ...
    ("We are relying on a systematic approach to reach every family.", []),
    ("The module has students relying on academic journal articles.", []),
    ("We relied on the health visitors to tell us.", [(TR, "relied on", "present")]),
    # ... a policy's goal, an exam's objectives, a tax's purpose ...
    ("That is our policy goal for the coming year.", []),
    ("The assessment objectives now reward analysis.", []),
    ("It is hard to explain the purpose of the tax to voters.", []),
    ("The partners never agreed the purpose of the network.", [(VI, "purpose", "absent")]),
    # ... a building's or a school's new purpose is a use ...
    ("From Monday the schools will have a new purpose as childcare hubs.", []),
    ("How will special schools fit into the new purpose arrangement?", []),
    ("After the merger the partnership found a new purpose.", [(VI, "purpose", "present")]),
    # ... isolating factors or a patient is not isolation from colleagues
    ("The evaluation tried to isolate the key factors behind the fall.", []),
    ("On the night shift she felt isolated from the rest of the team.", [(IT, "isolated", "present")]),
    # vision: a common agenda, not knowing what one is trying to do
    ("The question is how to get both boards behind a common agenda.", [(VI, "common agenda", "present")]),
    ("The council clearly had its own agenda.", [(VI, "own agenda", "absent")]),
    ("If you don't know what you're trying to do, how can you evaluate it?",
     [(VI, "n't know what you're trying to do", "absent")]),
    ("I know what I'm trying to do with this essay.", []),
    # power: a dominant board or body ...
    ("There is one regulator and a single, dominant examination board.",
     [(PO, "dominant examination board", "present")]),
    ("The dominant colour in the new logo is blue.", []),
    # ... a decision that is not ours to dictate, no constraints put on others
    ("Where the hubs go is not for us to dictate.", [(PO, "not for us to dictate", "absent")]),
    ("It is not for us to decide the colour of the walls.", []),
    ("We will put no constraints on the teachers doing that work.",
     [(PO, "put no constraints on the teachers", "absent")]),
    ("The landlord put no limit on the number of guests.", []),
    # team meetings (AMI, ICSI): a device's power, a band that cuts off circulation
    ("For power we could use kinetic energy, like those watches.", []),
    ("You shake the remote to power it up.", []),
    ("The headband cuts off his circulation.", []),
    ("Power is one of the main challenges in the case.", [(PO, "Power", "present")]),
    ("The council used its power to close the hub.", [(PO, "power", "present")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_meeting_talk_senses(analyse, text, expected):
    assert_mentions(analyse(text), expected)
