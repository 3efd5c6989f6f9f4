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


# Issue 8, second round: other senses of concept words in ordinary text (an
# NHS, leisure or academy trust as an organisation; "can I be honest?"; the
# ReSPECT form; a suspect; delegated budgets; continuity of carer; the
# control room; the nurse in charge; a form's Status column; health
# inequalities; electricity; hearing voices; eyesight and the Vision GP
# system; collaborative inertia named with no aims). Each rule's case comes
# with a look-alike it must leave alone.
OTHER_SENSES = [
    # a trust as an organisation: a preposition, a determiner, then a break ...
    ("The physiotherapists are employed by the trust.", []),
    ("She gets her supervision from the trust, and her caseload from the council.", []),
    ("Everything depends on the trust between the ward and the hospice.", [("trust", "trust", "present")]),
    ("Nothing replaces the trust of the families.", [("trust", "trust", "present")]),
    ("They worked hard to rebuild the trust.", [("trust", "trust", "present")]),
    # ... a kind of trust, a count of trusts, a role in brackets ...
    ("The leisure trust runs both swimming pools.", []),
    ("The academy trust sets the term dates.", []),
    ("An academy can build trust with parents.", [("trust", "trust", "present")]),
    ("A nurse from the MH trust joined the call.", []),
    ("Both trusts signed the protocol.", []),
    ("She trusts her deputy completely.", [("trust", "trusts", "present")]),
    ("Kerry (school nurse, community trust) sent apologies.", []),
    ("Community trust in the police fell after the raid.", [("trust", "trust", "present")]),
    # ... the organisation acting, named in a pair, contacted, running something
    ("The trust wants a single referral form.", []),
    ("The trust has said no to weekend clinics.", []),
    ("The trust grew once the agencies met weekly.", [("trust", "trust", "present")]),
    ("Trust has grown between the two teams.", [("trust", "Trust", "present")]),
    ("There is a gap between the council and the trust.", []),
    ("The trust between the council and the charity was fragile.", [("trust", "trust", "present")]),
    ("Carol will chase the trust again.", []),
    ("We rang the trust that runs the school.", []),
    ("Partners sensed the trust that runs through the team.", [("trust", "trust", "present")]),
    # ... its things in lower case, its name capitalised inside a sentence
    ("The porters wear trust ID badges.", []),
    ("The porters trust the new rota.", [("trust", "trust", "present")]),
    ("The hub runs the clinic and Trust pays the rent.", []),
    ("Trust was low at first.", [("trust", "Trust", "absent")]),
    # honest: the writer's own frankness, not honesty between partners
    ("Can I be honest?", []),
    ("Families need to be able to be honest with us.", [("trust", "honest", "present")]),
    ("I have to be honest about my own part in it.", []),
    ("I can be honest with my manager.", [("trust", "honest", "present")]),
    ("The honest answer is that nobody knows.", []),
    ("They had an honest conversation about money.", [("trust", "honest", "present")]),
    ("Dad: To be honest the bus never comes.", []),
    ("He said to be honest they never read the minutes.", []),
    # respect: a form's name, "in many respects", self-respect, a person's choice
    ("The GP completed a ReSPECT form.", []),
    ("The nurses treated the porters with respect.", [("trust", "respect", "present")]),
    ("In many respects the pilot worked.", []),
    ("Her self-respect suffered.", []),
    ("The team respected her decision to go home.", []),
    ("Staff respected each other's expertise.", [("trust", "respected", "present")]),
    # suspect: a hedge, a suspect, a suspected case, the Care Act's test
    ("I suspect the parents felt ignored.", []),
    ("The police interviewed two suspects.", []),
    ("A suspected overdose was reported at the hostel.", []),
    ("The council has reasonable cause to suspect abuse.", []),
    ("The housing officers suspected the council of hiding the figures.",
     [("trust", "suspected", "absent"), ("trust", "hiding the figures", "absent")]),
    # delegated: money and statutory functions, not work delegated to a colleague
    ("NHS England delegated dental commissioning to the ICB.", []),
    ("The board agreed delegated budgets for each locality.", []),
    ("The ward sister delegated the discharge letters to the student.", [("trust", "delegated", "present")]),
    # continuity of carer (a model of care), not continuity of people
    ("Continuity of carer was paused for the winter.", []),
    ("She joined the continuity team in April.", []),
    ("Continuity of staff built trust over time.", [("trust", "Continuity", "present"), ("trust", "trust", "present")]),
    # vulnerability counts only when it is accepted, shown or risked with someone
    ("The housing officer assessed his vulnerability.", []),
    ("Mayer describes trust as accepting vulnerability to another party.",
     [("trust", "trust", "present"), ("trust", "vulnerability", "present")]),
    # control: the control room, a condition kept in check
    ("Fire control passed the call to the police.", []),
    ("Control told us to wait outside.", []),
    ("The police control access to their own records.", [("power", "control", "present")]),
    ("Her symptom control improved on the ward.", []),
    ("His asthma is poorly controlled.", []),
    ("The council controlled the agenda.", [("power", "controlled", "present")]),
    # in charge as a job title
    ("The nurse in charge rang the bed manager.", []),
    ("In that hub the council was in charge.", [("power", "in charge", "present")]),
    # status: a log's column or field, a legal state
    ("| Ref | Owner | Status", []),
    ("Status: Open", []),
    ("She was granted refugee status last year.", []),
    ("The consultants had more status than the nurses.", [("power", "status", "present")]),
    # inequality: the public-health aim and what is named after it
    ("The ICB wants to reduce health inequalities.", []),
    ("The Inequalities Lead chaired the meeting.", []),
    ("Partnerships often reproduce existing inequalities.", [("power", "inequalities", "present")]),
    # power: electricity, a programme's name, muscle strength
    ("The power's off at the depot.", []),
    ("The power was off in the village for a day.", []),
    ("The power bill doubled.", []),
    ("Patients moved onto generator power.", []),
    ("Power and water were cut.", []),
    ("The referral went to Power Up.", []),
    ("He lost power in his left arm.", []),
    ("The council held the power in that partnership.", [("power", "power", "present")]),
    ("Power in the hands of the funder shaped every decision.", [("power", "Power", "present")]),
    # voice: a symptom, the sound of a voice, a clinical sign
    ("She has been hearing voices since March.", []),
    ("My voice was shaking when I spoke.", []),
    ("He was not responding to voice.", []),
    ("Hearing voices of young people changed the plan.", [("power", "voices", "present")]),
    ("Their voice carried weight on the board.", [("power", "voice", "present")]),
    # vision: eyesight, and the Vision GP system
    ("His vision is poor since the stroke.", []),
    ("The optician did vision checks in the morning.", []),
    ("The practice is still on Vision, not EMIS.", []),
    ("Her vision for the service was ambitious.", [("vision", "vision", "present")]),
    ("The council's vision was too general.", [("vision", "vision", "present")]),
    ("The ICP has a vision for 2030.", [("vision", "vision", "present")]),
    # collaborative inertia: the theory named with no aims is not coded
    ("Huxham and Vangen also describe collaborative inertia.", []),
    ("Without agreed aims the group slid into collaborative inertia.",
     [("vision", "aims", "absent"), ("vision", "collaborative inertia", "absent")]),
    # outcomes frameworks as a kind of document
    ("The report mentioned outcomes frameworks in general.", []),
    ("The outcomes framework was agreed in May.", [("vision", "outcomes framework", "present")]),
]


@pytest.mark.parametrize("text, expected", OTHER_SENSES, ids=[c[0][:40] for c in OTHER_SENSES])
def test_other_senses(analyse, text, expected):
    assert_mentions(analyse(text), expected)
