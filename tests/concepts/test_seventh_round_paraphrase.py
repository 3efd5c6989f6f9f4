"""Issue 8, seventh round: the four concepts told in everyday words, one
class per bullet of the codebook that the lexicon had no way to find —
skills no longer needed, one's approach not counted as the real thing,
being caught between professions or cut off from one's own, having to
reinvent oneself (identity threats); counting on someone, frankness,
getting to know each other, delegating, blame (trust); what good looks
like, what the group is for, wanting the same thing, how one's part fits
(vision); being talked over, deferring to status, decisions made before
or above, tokenism, partnership imposed, funding that can be pulled
(power). And the lemma table's mistakes: "agenda" was lemmatised as
"agendum", so "hidden agendas" and "set the agenda" were missed.

Sentences written for these tests; each rule comes with a look-alike it
must leave alone. Exact spans and polarity, with the default lexicon."""

from __future__ import annotations

import pytest
from mention_helpers import assert_mentions

IT, TR, VI, PO = "identity_threat", "trust", "vision", "power"

CASES = [
    # identity threats: skills no longer needed ...
    ("Since the new app arrived, they don't need me any more.", [(IT, "n't need me any more", "present")]),
    ("Her specialist skills were suddenly surplus to requirements.",
     [(IT, "skills were suddenly surplus to requirements", "present")]),
    ("The spare chairs were surplus to requirements.", []),
    # ... one's approach not counted as the real thing ...
    ("Listening to patients was not seen as real nursing.", [(IT, "not seen as real nursing", "present")]),
    ("My manager said it was not real social work.", [(IT, "not real social work", "present")]),
    ("This is not real social change.", []),
    # ... caught between professions, cut off from one's own ...
    ("I was caught between two professional cultures and belonged to neither.",
     [(IT, "caught between two professional cultures", "present"), (IT, "belonged to neither", "present")]),
    ("The budget was caught between two financial years.", []),
    ("Nobody told us where my role ended and hers began.", [(IT, "where my role ended", "present")]),
    ("The move to the school cut her off from her colleagues.", [(IT, "cut her off from her colleagues", "present")]),
    ("The flood cut the village off from the road.", []),
    ("After the secondment I was no longer one of them.", [(IT, "no longer one of them", "present")]),
    ("Not one of them turned up to the launch.", []),
    ("In the new hub I felt completely adrift.", [(IT, "felt completely adrift", "present")]),
    # ... having to reinvent oneself, starting again, leaving one's professional home ...
    ("I see myself as a facilitator.", []),
    ("I had to reinvent myself as a locality worker.", [(IT, "reinvent myself", "present")]),
    ("At forty I was starting my career again.", [(IT, "starting my career again", "present")]),
    ("I am starting my training in May.", []),
    ("Moving to the hub meant leaving my professional home.", [(IT, "leaving my professional home", "present")]),
    # ... being overlooked
    ("My assessments counted for nothing at the panel.", [(IT, "assessments counted for nothing", "present")]),
    ("The consultant looked straight past me.", [(IT, "looked straight past me", "present")]),
    ("We drove past the school.", []),
    # trust: reliance, openness, familiarity, delegation, blame
    ("I knew I could count on them.", [(TR, "count on them", "present")]),
    ("We cannot count on the funding.", []),
    ("Schools were reluctant to share data with the police.", [(TR, "reluctant to share", "absent")]),
    ("The commissioner was always straight with us.", [(TR, "was always straight with", "present")]),
    ("They say one thing in the meeting and do another.",
     [(TR, "say one thing in the meeting and do another", "absent")]),
    ("Over the year we got to know each other.", [(TR, "got to know each other", "present")]),
    ("The council handed the charities real responsibility.",
     [(TR, "handed the charities real responsibility", "present")]),
    ("My supervisor let me run the meeting on my own.", [(TR, "let me run the meeting on my own", "present")]),
    ("The meeting became a row about whose fault it was.", [(TR, "whose fault", "absent")]),
    # vision: what success looks like, what the group is for, the same aim, one's part in the whole
    ("We asked what good looks like for families.", [(VI, "what good looks like", "present")]),
    ("Honestly, what are we even here for?", [(VI, "what are we even here for", "present")]),
    ("The chair asked why the group exists at all.", [(VI, "asked why the group exists", "present")]),
    ("I have considered why the partnership did not develop.", []),
    ("Health and the council want the same thing.", [(VI, "want the same thing", "present")]),
    ("She could not see how her service fitted into the wider plan.", [(VI, "fitted into the wider", "absent")]),
    ("Staff began to see themselves as part of one service.", [(VI, "see themselves as part of", "present")]),
    ("The board had no clear direction.", [(VI, "no clear direction", "absent")]),
    ("Turn left in the direction of the station.", []),
    # power: voice, status, decisions made before or above, tokenism, imposition, money
    ("The consultant talked over me at the case review.", [(PO, "talked over me", "present")]),
    ("We talked over the options at lunch.", []),
    ("The students deferred to the psychiatrist's judgement.",
     [(PO, "deferred to the psychiatrist's judgement", "present")]),
    ("The item was deferred to the next meeting.", []),
    ("It had all been decided before we walked in.", [(PO, "decided before we walked", "present")]),
    ("Everything was decided upstairs.", [(PO, "decided upstairs", "present")]),
    ("We were only there to make up the numbers.", [(PO, "make up the numbers", "present")]),
    ("The board simply rubber-stamped the plan.", [(PO, "rubber-stamped", "present")]),
    ("Involving parents that late felt tokenistic.", [(PO, "tokenistic", "present")]),
    ("Nobody made us sign up.", [(PO, "Nobody made us", "present")]),
    ("The council could pull our funding at any time.", [(PO, "pull our funding", "present")]),
    ("We are not in a position to say no.", [(PO, "not in a position to say", "present")]),
    ("Volunteers are at the bottom of the pile.", [(PO, "bottom of the pile", "present")]),
    ("The bigger trusts can outvote the charities.", [(PO, "outvote", "present")]),
    # the lemma table: "agenda" in either number
    ("There were hidden agendas.", [(TR, "hidden agendas", "absent")]),
    ("The council set the agenda.", [(PO, "set the agenda", "present")]),
    ("Each agency arrived with its own agenda.", [(VI, "own agenda", "absent")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_seventh_round_paraphrase(analyse, text, expected):
    assert_mentions(analyse(text), expected)


def test_lemma_fixes_file_names_a_bad_line(tmp_path):
    from analyser.nlp import read_lemma_fixes

    good = tmp_path / "fixes.txt"
    good.write_text("# comment\nagenda agenda\n\ncriteria criterion\n", encoding="utf-8")
    assert read_lemma_fixes(good) == {"agenda": "agenda", "criteria": "criterion"}
    bad = tmp_path / "bad.txt"
    bad.write_text("agenda agenda\nmatter\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.txt:2: expected 'word lemma'"):
        read_lemma_fixes(bad)
