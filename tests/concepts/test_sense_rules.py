"""The four error classes of issue 8 on small sentences written for these
tests: identity in general is not a threat; damage words read per concept;
paraphrase without the concept's name; concept words in other senses.
Exact spans and polarity, with the default lexicon."""

from __future__ import annotations

import pytest
from mention_helpers import assert_mentions

# (text, expected mentions as (concept, matched text, polarity)) in text order
CASES = [
    # 1. identity counts only with a threat in the same sentence
    ("Professional identity develops slowly through years of practice.", []),
    ("Workplace identity matters to most paramedics.", []),
    ("Her work identity was quietly eroded by the merger.", [("identity_threat", "work identity", "present")]),
    ("Their identity as youth workers felt under threat.", [("identity_threat", "identity", "present")]),
    ("The porters' sense of identity was never questioned.", [("identity_threat", "sense of identity", "absent")]),
    # a cue in the next sentence does not count
    ("Professional identity forms in training. Budgets were lost.", []),
    # 2. damage words: present for a threat or an imbalance, absent for trust or vision
    ("The new rota undermined the porters' professional identity.",
     [("identity_threat", "professional identity", "present")]),
    ("The new rota undermined trust between the porters.", [("trust", "trust", "absent")]),
    ("Budget cuts eroded the shared vision.", [("vision", "shared vision", "absent")]),
    ("The merger eroded the smaller charity's influence.", [("power", "influence", "present")]),
    # plain negation stays absent for every concept, and wins over a damage word
    ("The merger did not erode the therapists' professional identity.",
     [("identity_threat", "professional identity", "absent")]),
    ("No partner had influence over the others.", [("power", "influence", "absent")]),
    # 3. paraphrase
    ("The housing officers had no say over how the grant was spent.", [("power", "no say over", "present")]),
    ("The clinic depended on the council for most of its funding.",
     [("power", "depended on the council for most of its funding", "present")]),
    ("Targets were handed down from above.", [("power", "handed down from above", "present")]),
    ("In that team people could admit their mistakes without fear.",
     [("trust", "admit their mistakes", "present")]),
    ("The ward manager explained the decision to close the day room.",
     [("trust", "explained the decision", "present")]),
    ("He delegated the rota to the senior porter.", [("trust", "delegated", "present")]),
    ("Partners wrote down what they hoped to achieve.",
     [("vision", "wrote down what they hoped to achieve", "present")]),
    ("The agencies kept pulling in different directions.",
     [("vision", "pulling in different directions", "absent")]),
    ("Since the merger she has been unsure about her role in the ward team.",
     [("identity_threat", "unsure about her role", "present")]),
    ("The youth workers kept to themselves after the move.", [("identity_threat", "kept to themselves", "present")]),
    ("The dietitians took over the assessments she used to do.",
     [("identity_threat", "took over the assessments", "present")]),
    # 4. other senses
    ("She updated the dashboard in Power BI.", []),
    ("The Vision Clinic reopened on Monday.", []),
    ("To be honest, the rota was a mess.", []),
    ("The rota was a mess, to be honest.", []),
    ("The foundation trust's board met in March.", []),
    ("Referrals go to the Trust for triage.", []),
    ("Northfield Trust runs both wards.", []),
    # an essay's plan names its topics: coded (corpus/annotated/README.md), identity alone needs a threat
    ("This essay looks at trust, power and identity in a hospice.",
     [("trust", "trust", "present"), ("power", "power", "present")]),
    # ... while the concept words keep their own sense nearby
    ("They were honest with each other.", [("trust", "honest", "present")]),
    ("Staff at the Trust did not trust the new director.", [("trust", "trust", "absent")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sense_rules(analyse, text, expected):
    assert_mentions(analyse(text), expected)


def test_a_damage_word_that_asserts_a_threat_is_not_reported_as_an_absence_cue(analyse):
    [mention] = analyse("The restructure damaged her professional standing.").mentions
    assert (mention.polarity, mention.polarity_cue) == ("present", None)
    [mention] = analyse("The restructure damaged trust.").mentions
    assert (mention.polarity, mention.polarity_cue) == ("absent", "damaged")


def test_a_paraphrase_entry_names_its_source(analyse):
    [mention] = analyse("Partners had no say in the plan.").mentions
    assert (mention.entry, mention.source) == ("power/a say in", "codebook: voice in decisions")
