"""Issue 8, ninth round: classes read in real committee talk (QMSum,
`corpus/real_meetings`, `dev` and held-out batches 1-2, read after they were
scored) and in CEReD's `dev` diaries.

Other senses: an isolated incident or island, the social isolation of
service users, respecting a rule or a territory, "open for business", a
legal status, an influence on one person's life, adding one's voice to a
tribute, speaking with one voice, a person's dreams and goals. Paraphrase:
a consensus about what matters (vision); privilege, economic dependency,
power that answers to no one (power present); autonomy, "up to each school
to decide", giving back agency (power absent); deprofessionalising a
profession (identity threat); "not afraid to express" (trust); doubt
whether one can handle the work (identity threat). From uncoded sentences
of CEReD's train split, read for other senses: a thing that "doesn't belong
in school", content irrelevant to a topic, power as ability or as a thing's
force, a teacher in charge of a lesson, life goals, evidence that points
the same way. And a lemma that was
wrong: "willing" read as "will" let every "will" turn "vulnerability" into
trust.

Sentences written for these tests, each class with a look-alike the rule
must leave alone. Exact spans and polarity, with the default lexicon."""

from __future__ import annotations

import pytest
from mention_helpers import assert_mentions

IT, TR, VI, PO = "identity_threat", "trust", "vision", "power"

CASES = [
    # isolation: an incident or an island set apart, service users cut off ...
    ("The inspector called it an isolated incident.", []),
    ("The van reaches isolated islands twice a week.", []),
    ("The befriending scheme tackles social isolation among older people.", []),
    ("Volunteers visit to break the isolation of seniors in the valley.", []),
    ("Winter brings loneliness and isolation for many carers.", []),
    # ... is not a professional cut off from colleagues
    ("The only health visitor on the estate felt isolated from her team.", [(IT, "isolated", "present")]),
    ("The isolation of the night nurses worried the matron.", [(IT, "isolation", "present")]),
    # identity threat: deprofessionalising a profession, and its reversal
    ("Scripted lessons deprofessionalised the teachers.", [(IT, "deprofessionalised", "present")]),
    ("The new framework re-professionalises youth work.", [(IT, "re-professionalises", "absent")]),
    # self-doubt: unsure whether one can handle the work; an errand is not
    ("I was unsure whether I could handle the class alone.",
     [(IT, "unsure whether I could handle the", "present")]),
    ("I am unsure whether I can attend on Friday.", []),
    # trust: respecting a rule, a law or a territory is keeping to it ...
    ("Everyone has to respect social distancing on site.", []),
    ("The board stressed respect for the rule of law.", []),
    ("Partners must respect the deadline for returns.", []),
    # ... respect between partners stays
    ("The two managers respect each other's judgement.", [(TR, "respect", "present")]),
    # ... a region "open for business" is trading
    ("The minister said the region is open for business.", []),
    ("Being open about the overspend helped the partners.", [(TR, "Being open", "present")]),
    # trust: not afraid to express a view is psychological safety
    ("The pupils were not afraid to express their opinion.", [(TR, "not afraid to express", "present")]),
    ("Junior staff were afraid to express any doubt.", [(TR, "afraid to express", "absent")]),
    # vulnerability needs a cue of exposure; "will" is not "willing"
    ("We will look at vulnerability in a holistic way.", []),
    ("The leads were willing to risk vulnerability with each other.", [(TR, "vulnerability", "present")]),
    # vision: a consensus about what matters; a consensus on a date is not
    ("There is a consensus between the council and the colleges about what is important.",
     [(VI, "consensus between the council and the colleges about what is important", "present")]),
    ("There was a consensus about the date of the next meeting.", []),
    # ... a person's dreams and goals are their own
    ("We cannot wait to see how their dreams and goals change the town.", []),
    ("The partners never agreed common goals.", [(VI, "common goals", "absent")]),
    # power, other senses: a legal status, an influence on one life, a tribute, unanimity
    ("The deal would give the college third-country status.", []),
    ("The charity kept its charitable status.", []),
    ("The consultants' status silenced the nurses.", [(PO, "status", "present")]),
    ("Her mentor was a positive influence in my life.", []),
    ("The council's influence over the board grew.", [(PO, "influence", "present")]),
    ("I add my voice to the tributes paid today.", []),
    ("The partners spoke with one voice to the minister.", []),
    ("Carers wanted a voice in the decisions.", [(PO, "voice", "present")]),
    # power present: privilege, economic dependency, answering to no one
    ("We have to acknowledge our privilege as commissioners.", [(PO, "acknowledge our privilege", "present")]),
    ("It was a privilege to chair the board.", []),
    ("Economic dependency kept the tenants quiet.", [(PO, "Economic dependency", "present")]),
    ("The trust board would not have to answer to anyone.", [(PO, "not have to answer to anyone", "present")]),
    ("The panel answers to no one.", [(PO, "answers to no one", "present")]),
    # power absent: autonomy, the decision left to each partner, agency given back
    ("The partners remain autonomous institutions.", [(PO, "autonomous institutions", "absent")]),
    ("It is up to each school to decide how to teach it.", [(PO, "up to each school to decide", "absent")]),
    ("It is up to you to decide.", []),
    ("The curriculum gives back agency and ownership to teachers.",
     [(PO, "gives back agency and ownership to", "absent")]),
    ("The agency gave back the keys to the landlord.", []),
    # uncoded CEReD diaries, read for other senses: a thing out of place ...
    ("Politics doesn't belong in school, the assistant said.", []),
    ("After the merger I don't belong anywhere.", [(IT, "n't belong", "present")]),
    # ... content beside the point is not a person made irrelevant ...
    ("Half the examples were irrelevant to the topic.", []),
    ("By the third meeting I felt irrelevant.", [(IT, "irrelevant", "present")]),
    # ... power as ability, or a thing's force ...
    ("It is not in my power to please every group.", []),
    ("We did everything in our power to keep the clinic open.", []),
    ("Never underestimate the power of words.", []),
    ("The power of the funders was obvious.", [(PO, "power", "present")]),
    # ... a teacher in charge of a class ...
    ("I was in charge of the whole lesson.", []),
    ("The police were in charge of the search.", [(PO, "in charge", "present")]),
    # ... a person's life goals ...
    ("Each pupil wrote down one life goal.", []),
    # ... and things that work or point the same way
    ("The evidence points the same way.", []),
    ("The method should work the same way for the other group.", []),
    ("At last everyone was pulling the same way.", [(VI, "pulling the same way", "present")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_ninth_round_senses(analyse, text, expected):
    assert_mentions(analyse(text), expected)
