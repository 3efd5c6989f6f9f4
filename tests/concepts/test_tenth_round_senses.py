"""Issue 8, tenth round: classes read in the fourth held-out batch of real
committee talk (`corpus/real_meetings`, read once it had been scored).

Other senses: councils as places ("from authority to authority", "most
authority areas"), powers written into legislation, factors within one's
control, qualified teacher status, a building open in January, the goals of
a curriculum. Paraphrase of power: independence from a government, bodies
that "are autonomous", "not a matter for me", a regulator that "can't
insist", doing it with a profession rather than to it, co-constructing with
partners (all absent: no one controls the other); having one's say and
needing a funder's consent (present). And staples of health and social
care writing tried by hand: Maslow's hierarchy of needs, the hierarchy of
evidence, health or socioeconomic status, SMART goals, trusting the data,
relying on self-report data, a transparent dressing, objective measures, a
controlled trial, statistical power, ranking in order, clinical decision
making, decision-making capacity, respect for autonomy, a multi-purpose
room; and "lost trust", which the damage words now read as trust absent.

Sentences written for these tests, each class with a look-alike the rule
must leave alone. Exact spans and polarity, with the default lexicon."""

from __future__ import annotations

import pytest
from mention_helpers import assert_mentions

TR, VI, PO = "trust", "vision", "power"

CASES = [
    # councils as places, powers in a statute, circumstances, a qualification ...
    ("Provision varies from authority to authority across the region.", []),
    ("Delegation is high in most authority areas.", []),
    ("The hospital had the authority to discharge her.", [(PO, "authority", "present")]),
    ("The powers are set out in the new legislation.", []),
    ("The board used its powers to force the merger.", [(PO, "powers", "present")]),
    ("Some of the delays were beyond our control.", []),
    ("The grant stayed within the council's control.", [(PO, "control", "present")]),
    ("She trained on the job for qualified teacher status.", []),
    # ... a building's opening hours ...
    ("The new hub will be open in January.", []),
    ("The director was open with the partners about the deficit.", [(TR, "was open", "present")]),
    # ... the goals of a curriculum
    ("Providers must meet the goals of our curriculum.", []),
    ("The aim of our partnership was never written down.", [(VI, "aim", "absent")]),
    # power absent: independence, autonomy, not one's matter, no power to insist
    ("The inspection process is independent of Government.", [(PO, "independent of Government", "absent")]),
    ("The two reviews were independent of each other.", []),
    ("Colleges are fully autonomous.", [(PO, "Colleges are fully autonomous", "absent")]),
    ("That is not a matter for me.", [(PO, "not a matter for me", "absent")]),
    ("It does not matter for me.", []),
    ("We can't insist on seeing their minutes.", [(PO, "We can't insist", "absent")]),
    ("We can insist on seeing their minutes.", []),
    # ... doing it with a profession, co-constructing with partners
    ("We are not doing this to our nurses, we are doing it with them.",
     [(PO, "not doing this to our", "absent")]),
    ("We are not doing this to save money.", []),
    ("The charter was co-produced with carers.", [(PO, "co-produced with", "absent")]),
    ("The chapter was co-written with a colleague.", []),
    # power present: having one's say, needing a funder's consent
    ("Tenants will have their say at the next forum.", [(PO, "have their say", "present")]),
    ("Any borrowing needs to get our consent first.", [(PO, "needs to get our consent", "present")]),
    ("The nurse has to get the patient's consent first.", []),
    # staples of health and social care writing: ladders of ideas, a person's status or targets
    ("Maslow's hierarchy of needs puts safety before belonging.", []),
    ("Trials sit near the top of the hierarchy of evidence.", []),
    ("Healthcare assistants sat at the bottom of the hierarchy.", [(PO, "bottom of the hierarchy", "present")]),
    ("His health status declined over the winter.", []),
    ("Socioeconomic status predicts readmission.", []),
    ("We agreed SMART goals at the first visit.", []),
    ("The partners' goals had drifted apart.", [(VI, "goals", "present")]),
    ("Staff were told to trust the data.", []),
    ("The review relies on self-report data.", []),
    ("We rely on the practice nurse.", [(TR, "rely on", "present")]),
    ("A transparent dressing covered the cannula.", []),
    ("Objective measures of pain were recorded.", []),
    ("The partnership's objective was never agreed.", [(VI, "objective", "absent")]),
    ("A randomised controlled trial tested the scheme.", []),
    ("The pilot lacked statistical power.", []),
    ("Carers ranked the services in order of importance.", []),
    ("Clinical decision making improved with practice.", []),
    ("Shared decision making with patients grew.", [(PO, "decision making", "present")]),
    ("Respect for autonomy is one of the four principles.", []),
    ("There was real respect for each other's expertise.", [(TR, "respect", "present")]),
    ("The day centre has a multi-purpose room.", []),
    ("She lacked decision-making capacity under the Act.", []),
    # damage words: losing trust is trust absent, losing one's identity a threat present
    ("Families had lost trust in the council.", [(TR, "trust", "absent")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_tenth_round_senses(analyse, text, expected):
    assert_mentions(analyse(text), expected)
