"""The classes the thirty-first round fixed (the thirtieth and thirty-first
blind sets, citations_blind29 and citations_blind30), each judged in both
styles where it applies: exact span and fields, the problem codes and the
fix the style guide gives (Cite Them Right 12th ed. Harvard; APA 7), beside
the look-alikes each rule must leave alone. The wordings are this file's
own, not the sets'."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A = "harvard", "apa"
LIST = "\n\nReference list\n\n"
REFS = "\n\nReferences\n\n"

# three names or more in another order, one year, no list: a team's two works, not one work's two forms
TEAM = "Work helps (Okafor, Lind and Hart, 2012). Lind, Okafor & Hart (2012) add that pay rises too."
# look-alike: two names reversed are still one work's forms, the order first used the fix
PAIR = "Work helps (Okafor and Lind, 2012). Pay rises too (Lind and Okafor, 2012)."

# a quotation said by someone the writer calls their team's ("one of our nurses put it"): no page asked
# (APA 7 cites what was said to the writer as a personal communication)
OURS = ('On the unit, as one of our senior nurses put it, "the family and the patient are both grieving" '
        "(Okafor, 2023).")
# look-alike: the author put it so: the source's words, a page asked
AUTHORS = 'As Okafor put it, "the family and the patient are both grieving" (Okafor, 2023).'

# a quoted survey's name in capitals before "survey": a name, no page asked
SURVEY = "The RCN 'Staffing for Safe Care' survey (Royal College of Nursing, 2021) found gaps."
# look-alike: a quoted claim before no such word keeps its page
CLAIM = "The survey found that staffing 'is failing patients every night' (Royal College of Nursing, 2021)."

# every name of an entry of another year, the entry of the citation's year missing one: that entry, its year wrong
ALL_NAMES_APA = ("Support matters (Okafor & Lind, 2016). Okafor, Lind, and Hart (2016) found gaps." + REFS
                 + "Okafor, J., & Lind, K. (2016). Support. Pub.\nOkafor, J., Lind, K., & Hart, P. (2015). Gaps. Pub.")
ALL_NAMES_H = ("Support matters (Okafor and Lind, 2016). Okafor, Lind and Hart (2016) found gaps." + LIST
               + "Okafor, J. and Lind, K. (2016) Support. Leeds: Pub.\n"
               "Okafor, J., Lind, K. and Hart, P. (2015) Gaps. Leeds: Pub.")
# look-alike: two names match the year's entry: linked there, no year fault
TWO_NAMES = ("Support matters (Okafor and Lind, 2016). Okafor and Lind (2016) found gaps." + LIST
             + "Okafor, J. and Lind, K. (2016) Support. Leeds: Pub.\n"
             "Okafor, J., Lind, K. and Hart, P. (2015) Gaps. Leeds: Pub.")

# initials before a work's author among several in a bracket are its text: initials_in_citation, as alone
SEVERAL = "Beds help (Clegg et al., 2013; D. Oliver, 2016)."
# look-alike: no initials
SEVERAL_BARE = "Beds help (Clegg et al., 2013; Oliver, 2016)."
CLEGG = ("Clegg et al., 2013", ["Clegg"], "2013", None, False, [], None)

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    (TEAM, H, [("(Okafor, Lind and Hart, 2012)", ["Okafor", "Lind", "Hart"], "2012", None, False, [], None),
               ("Lind, Okafor & Hart (2012)", ["Lind", "Okafor", "Hart"], "2012", None, True, ["and_ampersand"],
                "Lind, Okafor and Hart (2012)")]),
    (PAIR, H, [("(Okafor and Lind, 2012)", ["Okafor", "Lind"], "2012", None, False, [], None),
               ("(Lind and Okafor, 2012)", ["Lind", "Okafor"], "2012", None, False, ["inconsistent_form"],
                "(Okafor and Lind, 2012)")]),
    (OURS, H, [("(Okafor, 2023)", ["Okafor"], "2023", None, False, [], None)]),
    (OURS, A, [("(Okafor, 2023)", ["Okafor"], "2023", None, False, ["personal_communication"], None)]),
    (AUTHORS, H, [("(Okafor, 2023)", ["Okafor"], "2023", None, False, ["no_page_for_quote"],
                   "(Okafor, 2023, p. [page])")]),
    (SURVEY, H, [("(Royal College of Nursing, 2021)", ["Royal College of Nursing"], "2021", None, False, [], None)]),
    (SURVEY, A, [("(Royal College of Nursing, 2021)", ["Royal College of Nursing"], "2021", None, False, [], None)]),
    (CLAIM, H, [("(Royal College of Nursing, 2021)", ["Royal College of Nursing"], "2021", None, False,
                 ["no_page_for_quote"], "(Royal College of Nursing, 2021, p. [page])")]),
    (ALL_NAMES_APA, A, [("(Okafor & Lind, 2016)", ["Okafor", "Lind"], "2016", None, False, [], None),
                        ("Okafor, Lind, and Hart (2016)", ["Okafor", "Lind", "Hart"], "2016", None, True,
                         ["et_al_needed", "year_mismatch"], "Okafor et al. (2015)")]),
    (ALL_NAMES_H, H, [("(Okafor and Lind, 2016)", ["Okafor", "Lind"], "2016", None, False, [], None),
                      ("Okafor, Lind and Hart (2016)", ["Okafor", "Lind", "Hart"], "2016", None, True,
                       ["year_mismatch"], "Okafor, Lind and Hart (2015)")]),
    (TWO_NAMES, H, [("(Okafor and Lind, 2016)", ["Okafor", "Lind"], "2016", None, False, [], None),
                    ("Okafor and Lind (2016)", ["Okafor", "Lind"], "2016", None, True, [], None)]),
    (SEVERAL, H, [CLEGG, ("D. Oliver, 2016", ["Oliver"], "2016", None, False, ["initials_in_citation"],
                          "Oliver, 2016")]),
    (SEVERAL, A, [CLEGG, ("D. Oliver, 2016", ["Oliver"], "2016", None, False, ["initials_in_citation"],
                          "Oliver, 2016")]),
    (SEVERAL_BARE, H, [CLEGG, ("Oliver, 2016", ["Oliver"], "2016", None, False, [], None)]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_thirtyfirst_round_classes(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)
