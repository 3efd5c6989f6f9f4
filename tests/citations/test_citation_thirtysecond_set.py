"""The classes the thirty-second round fixed (the thirty-second blind set,
citations_blind31), each judged in both styles where it applies: exact span
and fields, the problem codes and the fix the style guide gives (Cite Them
Right 12th ed. Harvard; APA 7), beside the look-alikes each rule must leave
alone. The wordings are this file's own, not the set's."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A = "harvard", "apa"
LIST = "\n\nReference list\n\n"
REFS = "\n\nReferences\n\n"

# two works run together with a comma, the second with "et al.": the fix keeps "et al." on the second
# (APA 7 sets the two in alphabetical order, 8.12; Cite Them Right keeps the writer's)
BODY_FIRST = "Costs rose (Northshire Council, 2021, Okafor et al, 2019)."
# look-alike: "et al." on the first work stays there
BODY_SECOND = "Costs rose (Okafor et al, 2019, Northshire Council, 2021)."
RUN = ("(Northshire Council, 2021, Okafor et al, 2019)", ["Northshire Council"], "2021", None, False,
       ["et_al_no_stop", "run_together"])
RUN_BACK = ("(Okafor et al, 2019, Northshire Council, 2021)", ["Okafor"], "2019", None, False,
            ["et_al_no_stop", "run_together"])

# APA 7: a bracket's order is one fault, told on its first work out of place
THREE = "Waits fell (Zeller, 2010; Moss, 2016; Baines, 2012)."
# look-alike: in order
THREE_SORTED = "Waits fell (Baines, 2012; Moss, 2016; Zeller, 2010)."
# two brackets: each its own fault
TWO_BRACKETS = "Waits fell (Zeller, 2010; Moss, 2016). Beds rose (Pryce, 2018; Ahmed, 2015)."

# two bodies joined by "&" or "and", the second a whole body of two words or an abbreviation: two authors
OFFICES = "Records were shared (Ministry of Justice & Cabinet Office, 2019)."
# look-alike: a remit after "and" is the one body's name
REMIT = "Records were shared (Department of Health and Social Services, 2012)."
COLLEGES = "Checks were agreed (Royal College of Nursing & RCPCH, 2020)."

# an "and" inside the second body's own name is no joining word
INSIDE = "Training was joint (College of Paramedics & Royal College of Speech and Language Therapists, 2022)."
INSIDE_AND = "Training was joint (College of Paramedics and Royal College of Speech and Language Therapists, 2022)."
PARAMEDICS = ["College of Paramedics", "Royal College of Speech and Language Therapists"]

# a name with a diacritic its entry lacks: author_spelling, no fix (the list dropped the mark);
# the reverse is fixed to the list
MARKED = "Grief has stages (Müller, 2004)." + LIST + "Muller, K. (2004) Grief. London: Pub."
UNMARKED = "Grief has stages (Muller, 2004)." + LIST + "Müller, K. (2004) Grief. London: Pub."
# look-alike: both marked
BOTH_MARKED = "Grief has stages (Müller, 2004)." + LIST + "Müller, K. (2004) Grief. London: Pub."
CO_MARKED = "Okafor and Sjöberg (2015) coded the notes." + REFS + "Okafor, J., & Sjoberg, L. (2015). Coding. Pub."
CO_UNMARKED = "Okafor and Sjoberg (2015) coded the notes." + REFS + "Okafor, J., & Sjöberg, L. (2015). Coding. Pub."

# a body's name with "&" and with "and" for one year, no list: the later inconsistent_form, no fix
AMPERSAND = ("The Institute of Food & Drink Safety (2022) sets standards. Audits follow them "
             "(Institute of Food and Drink Safety, 2022).")
# look-alike: written one way throughout
SAME_WAY = ("The Institute of Food & Drink Safety (2022) sets standards. Audits follow them "
            "(Institute of Food & Drink Safety, 2022).")
FOOD_AMP = ("The Institute of Food & Drink Safety (2022)", ["The Institute of Food & Drink Safety"], "2022", None,
            True, [], None)

# a heading in title case: an "-ing" verb before the name ends the heading's words
HEADING = "A Reflective Account Using Gibbs' (1988) Cycle\n\nI went to clinic."
# look-alikes: the verb opening the sentence; a place's name that ends "-ing" opening a body's name
OPENING = "Using Gibbs' (1988) cycle, I went to clinic."
READING = "Reading Borough Council (2020) found that the clinic helped."
GIBBS = ("Gibbs' (1988)", ["Gibbs"], "1988", None, True, [], None)

# a body's name holding a law and its year, then cut to its first words: one author, the cut form fixed in full
COMMITTEE = ("The Select Committee on the Care Act 2014 (2016) found gaps. Councils were short of staff "
             "(Select Committee, 2016).")
COMMITTEE_FULL = ("The Select Committee on the Care Act 2014 (2016)", ["The Select Committee on the Care Act 2014"],
                  "2016", None, True, [], None)
CUT_H = ("The Select Committee (2016) found gaps." + LIST
         + "Select Committee on the Care Act 2014 (2016) Care Act 2014: scrutiny. London: TSO.")
CUT_A = ("The Select Committee (2016) found gaps." + REFS
         + "Select Committee on the Care Act 2014. (2016). Care Act 2014: Scrutiny. TSO.")
# look-alikes: a name going on with "and" is another body; a law with its year is no author
RENAMED = "Funding fell (Department of Health, 2018). Staffing fell too (Department of Health and Social Care, 2018)."
LAW = "The Mental Capacity Act 2005 (2007) code was revised. Duties grew under the Care Act 2014 (Okafor, 2016)."

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    (BODY_FIRST, H, [(*RUN, "(Northshire Council, 2021; Okafor et al., 2019)")]),
    (BODY_FIRST, A, [(*RUN, "(Northshire Council, 2021; Okafor et al., 2019)")]),
    (BODY_SECOND, H, [(*RUN_BACK, "(Okafor et al., 2019; Northshire Council, 2021)")]),
    (BODY_SECOND, A, [(*RUN_BACK, "(Northshire Council, 2021; Okafor et al., 2019)")]),
    (THREE, A, [("Zeller, 2010", ["Zeller"], "2010", None, False, [], None),
                ("Moss, 2016", ["Moss"], "2016", None, False, ["bracket_order"], None),
                ("Baines, 2012", ["Baines"], "2012", None, False, [], None)]),
    (THREE, H, [("Zeller, 2010", ["Zeller"], "2010", None, False, [], None),
                ("Moss, 2016", ["Moss"], "2016", None, False, [], None),
                ("Baines, 2012", ["Baines"], "2012", None, False, [], None)]),
    (THREE_SORTED, A, [("Baines, 2012", ["Baines"], "2012", None, False, [], None),
                       ("Moss, 2016", ["Moss"], "2016", None, False, [], None),
                       ("Zeller, 2010", ["Zeller"], "2010", None, False, [], None)]),
    (TWO_BRACKETS, A, [("Zeller, 2010", ["Zeller"], "2010", None, False, [], None),
                       ("Moss, 2016", ["Moss"], "2016", None, False, ["bracket_order"], None),
                       ("Pryce, 2018", ["Pryce"], "2018", None, False, [], None),
                       ("Ahmed, 2015", ["Ahmed"], "2015", None, False, ["bracket_order"], None)]),
    (OFFICES, A, [("(Ministry of Justice & Cabinet Office, 2019)", ["Ministry of Justice", "Cabinet Office"], "2019",
                   None, False, [], None)]),
    (OFFICES, H, [("(Ministry of Justice & Cabinet Office, 2019)", ["Ministry of Justice", "Cabinet Office"], "2019",
                   None, False, ["and_ampersand"], "(Ministry of Justice and Cabinet Office, 2019)")]),
    (REMIT, H, [("(Department of Health and Social Services, 2012)", ["Department of Health and Social Services"],
                 "2012", None, False, [], None)]),
    (REMIT, A, [("(Department of Health and Social Services, 2012)", ["Department of Health and Social Services"],
                 "2012", None, False, [], None)]),
    (COLLEGES, A, [("(Royal College of Nursing & RCPCH, 2020)", ["Royal College of Nursing", "RCPCH"], "2020", None,
                    False, [], None)]),
    (COLLEGES, H, [("(Royal College of Nursing & RCPCH, 2020)", ["Royal College of Nursing", "RCPCH"], "2020", None,
                    False, ["and_ampersand"], "(Royal College of Nursing and RCPCH, 2020)")]),
    (INSIDE, A, [(INSIDE[19:-1], PARAMEDICS, "2022", None, False, [], None)]),
    (INSIDE, H, [(INSIDE[19:-1], PARAMEDICS, "2022", None, False, ["and_ampersand"],
                  "(College of Paramedics and Royal College of Speech and Language Therapists, 2022)")]),
    (INSIDE_AND, H, [(INSIDE_AND[19:-1], PARAMEDICS, "2022", None, False, [], None)]),
    (MARKED, H, [("(Müller, 2004)", ["Müller"], "2004", None, False, ["author_spelling"], None)]),
    (UNMARKED, H, [("(Muller, 2004)", ["Muller"], "2004", None, False, ["author_spelling"], "(Müller, 2004)")]),
    (BOTH_MARKED, H, [("(Müller, 2004)", ["Müller"], "2004", None, False, [], None)]),
    (CO_MARKED, A, [("Okafor and Sjöberg (2015)", ["Okafor", "Sjöberg"], "2015", None, True, ["author_spelling"],
                     None)]),
    (CO_UNMARKED, A, [("Okafor and Sjoberg (2015)", ["Okafor", "Sjoberg"], "2015", None, True, ["author_spelling"],
                       "Okafor and Sjöberg (2015)")]),
    (AMPERSAND, H, [FOOD_AMP, ("(Institute of Food and Drink Safety, 2022)", ["Institute of Food and Drink Safety"],
                               "2022", None, False, ["inconsistent_form"], None)]),
    (AMPERSAND, A, [FOOD_AMP, ("(Institute of Food and Drink Safety, 2022)", ["Institute of Food and Drink Safety"],
                               "2022", None, False, ["inconsistent_form"], None)]),
    (SAME_WAY, A, [FOOD_AMP, ("(Institute of Food & Drink Safety, 2022)", ["Institute of Food & Drink Safety"],
                              "2022", None, False, [], None)]),
    (COMMITTEE, A, [COMMITTEE_FULL, ("(Select Committee, 2016)", ["Select Committee"], "2016", None, False,
                                     ["inconsistent_form"], "(Select Committee on the Care Act 2014, 2016)")]),
    (COMMITTEE, H, [COMMITTEE_FULL, ("(Select Committee, 2016)", ["Select Committee"], "2016", None, False,
                                     ["inconsistent_form"], "(Select Committee on the Care Act 2014, 2016)")]),
    (CUT_H, H, [("The Select Committee (2016)", ["The Select Committee"], "2016", None, True, ["author_spelling"],
                 "The Select Committee on the Care Act 2014 (2016)")]),
    (CUT_A, A, [("The Select Committee (2016)", ["The Select Committee"], "2016", None, True, ["author_spelling"],
                 "The Select Committee on the Care Act 2014 (2016)")]),
    (RENAMED, H, [("(Department of Health, 2018)", ["Department of Health"], "2018", None, False, [], None),
                  ("(Department of Health and Social Care, 2018)", ["Department of Health and Social Care"], "2018",
                   None, False, [], None)]),
    (LAW, A, [("(Okafor, 2016)", ["Okafor"], "2016", None, False, [], None)]),
    (HEADING, A, [GIBBS]),
    (HEADING, H, [GIBBS]),
    (OPENING, H, [GIBBS]),
    (READING, H, [("Reading Borough Council (2020)", ["Reading Borough Council"], "2020", None, True, [], None)]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_thirtysecond_round_classes(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)
