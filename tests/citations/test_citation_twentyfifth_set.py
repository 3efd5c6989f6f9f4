"""The classes the twenty-fifth round fixed (the twenty-fourth blind set,
citations_blind23), each judged in both styles where it applies: exact span
and fields, the problem codes and the fix the style guide gives (Cite Them
Right 12th ed. Harvard; APA 7), beside the look-alikes each rule must leave
alone. The wordings are this file's own, not the set's."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A = "harvard", "apa"

# two bodies, each with its abbreviation, in one bracket; the list files them as one entry, the first body also alone
BODIES = ("Guidance was shared (Home Office (HO) and Department of Health (DH), 2019). "
          "HO and DH (2019) also advise it.")
BODIES_LISTED = (f"{BODIES}\n\nReference list\nHome Office (2017) Older guidance. London: HO.\n\n"
                 "Home Office (HO) and Department of Health (DH) (2019) Safer care. London: HO.")
BODIES_LISTED_A = (f"{BODIES}\n\nReferences\nHome Office. (2017). Older guidance. HO.\n\n"
                   "Home Office (HO) and Department of Health (DH). (2019). Safer care. HO.")
PLAIN_BODIES = ("Guidance was shared (Home Office and Department of Health, 2019).\n\nReference list\n"
                "Home Office (2017) Older guidance. London: HO.\n\n"
                "Home Office and Department of Health (2019) Safer care. London: HO.")
# the first body's own entry of that year is the work cited, not the joint one
FIRST_ALONE = ("Guidance was shared (Home Office and Department of Health, 2019).\n\nReference list\n"
               "Home Office (2019) Older guidance. London: HO.")
# a quotation whose page a later bracket gives under the body's abbreviation
LATER_PAGE = ("The Royal Society of Chemists (RSC, 2019) found that staff felt 'worn down by the rotas' "
              "at times (RSC, 2019, p. 8).")
LATER_PAGE_A = ('The Royal Society of Chemists (RSC, 2019) found that staff felt "worn down by the rotas" '
                "at times (RSC, 2019, p. 8).")
NO_LATER_PAGE = "The Royal Society of Chemists (RSC, 2019) found that staff felt 'worn down by the rotas' at times."
# a model's name, quoted and set off by commas after "the <model word> of" a narrative citation
SET_OFF = "This account uses the cycle of Okafor (2015), 'Plan, Do, Review', to look back."
SET_OFF_A = 'This account uses the cycle of Okafor (2015), "Plan, Do, Review", to look back.'
SET_OFF_WORK = "This account uses the work of Okafor (2015), 'care is a shared act', to look back."
# words said by someone the writer calls theirs ask no page; a first name the writer gives them is a first name
MY_MENTOR = "My mentor, Kit, said that 'nobody reads the care plans at night' (Kit Okafor, 2024)."
MY_ASSESSOR = "My practice assessor told the team that 'handover starts at the door' (Okafor, 2020)."
MY_ASSESSOR_A = 'My practice assessor told the team that "handover starts at the door" (Okafor, 2020).'
AUTHOR_TOLD = "Okafor (2020) told the team that 'handover starts at the door'."
# bodies whose names hold "and": a field's adjective before it, or two places after it
FIELD = "The plan was checked (Marine and Fisheries Agency, 2011)."
PLACES = "Lifeboat Rescue Scotland and Northern Ireland (2020) reported a rise in call-outs."
SURNAMES = "The plan was checked (Welsh and Jones, 2019)."
PERSON_AND_BODY = "The plan was checked (Okafor and Carers Trust, 2020)."
# a model's name before a reporting verb is no author; a surname there still is
MODEL = "Okafor and Lee (2004) Strong Roots Model similarly argues that teams drift."
NAME_ALONE = "Later, Hartigan argues that teams drift."
# an abbreviation the text defines for a role written small is no author
ROLE = ("Approved mental health professionals (AMHPs) act for the council. "
        "One AMHP explained that beds were scarce (Okafor, 2020).")
BODY_DEFINED = "The Care Quality Commission (CQC) inspects wards. The CQC explained that beds were scarce."
# an abbreviation ending in a word's opening letters ("RCPath"), in APA 7's narrative form and in a bracket
OPENING_LETTERS_A = ("The Royal College of Pathologists (RCPath, 2021) warns that refeeding is risky.\n\n"
                     "References\nRoyal College of Pathologists. (2022). Refeeding. RCPath.")
OPENING_LETTERS = ("Refeeding is risky (RCPath, 2021).\n\nReference list\n"
                   "Royal College of Pathologists (RCPath) (2021) Refeeding. London: RCPath.")
# a report named by its chair: the chair is the author, the report's word in the span; a first name still goes
CHAIR = "As the Francis Report (2013) showed, care failed."
CHAIR_BRACKET = "Care failed (Okafor Review, 2019)."
FIRST_NAME = "Sarah Okafor (2019) found gaps."

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    (BODIES_LISTED, H, [(BODIES[20:74], ["Home Office", "Department of Health"], "2019", None, False, [], None),
                        ("HO and DH (2019)", ["HO", "DH"], "2019", None, True, [], None)]),
    (BODIES_LISTED_A, A, [(BODIES[20:74], ["Home Office", "Department of Health"], "2019", None, False, [], None),
                          ("HO and DH (2019)", ["HO", "DH"], "2019", None, True, [], None)]),
    (PLAIN_BODIES, H, [("(Home Office and Department of Health, 2019)", ["Home Office", "Department of Health"],
                        "2019", None, False, [], None)]),
    (FIRST_ALONE, H, [("(Home Office and Department of Health, 2019)", ["Home Office", "Department of Health"],
                       "2019", None, False, [], None)]),
    (LATER_PAGE, H, [("The Royal Society of Chemists (RSC, 2019)", ["The Royal Society of Chemists"], "2019", None,
                      True, [], None),
                     ("(RSC, 2019, p. 8)", ["RSC"], "2019", "8", False, [], None)]),
    (LATER_PAGE_A, A, [("The Royal Society of Chemists (RSC, 2019)", ["The Royal Society of Chemists"], "2019", None,
                        True, [], None),
                       ("(RSC, 2019, p. 8)", ["RSC"], "2019", "8", False, [], None)]),
    (NO_LATER_PAGE, H, [("The Royal Society of Chemists (RSC, 2019)", ["The Royal Society of Chemists"], "2019",
                         None, True, ["no_page_for_quote"], "The Royal Society of Chemists (RSC, 2019, p. [page])")]),
    (SET_OFF, H, [("Okafor (2015)", ["Okafor"], "2015", None, True, [], None)]),
    (SET_OFF_A, A, [("Okafor (2015)", ["Okafor"], "2015", None, True, [], None)]),
    (SET_OFF_WORK, H, [("Okafor (2015)", ["Okafor"], "2015", None, True, ["no_page_for_quote"],
                        "Okafor (2015, p. [page])")]),
    (MY_MENTOR, H, [("(Kit Okafor, 2024)", ["Okafor"], "2024", None, False, ["initials_in_citation"],
                     "(Okafor, 2024)")]),
    (MY_ASSESSOR, H, [("(Okafor, 2020)", ["Okafor"], "2020", None, False, [], None)]),
    (MY_ASSESSOR_A, A, [("(Okafor, 2020)", ["Okafor"], "2020", None, False, ["personal_communication"], None)]),
    (AUTHOR_TOLD, H, [("Okafor (2020)", ["Okafor"], "2020", None, True, ["no_page_for_quote"],
                       "Okafor (2020, p. [page])")]),
    (FIELD, H, [("(Marine and Fisheries Agency, 2011)", ["Marine and Fisheries Agency"], "2011", None, False, [],
                 None)]),
    (FIELD, A, [("(Marine and Fisheries Agency, 2011)", ["Marine and Fisheries Agency"], "2011", None, False, [],
                 None)]),
    (PLACES, H, [("Lifeboat Rescue Scotland and Northern Ireland (2020)",
                  ["Lifeboat Rescue Scotland and Northern Ireland"], "2020", None, True, [], None)]),
    (PLACES, A, [("Lifeboat Rescue Scotland and Northern Ireland (2020)",
                  ["Lifeboat Rescue Scotland and Northern Ireland"], "2020", None, True, [], None)]),
    (SURNAMES, H, [("(Welsh and Jones, 2019)", ["Welsh", "Jones"], "2019", None, False, [], None)]),
    (PERSON_AND_BODY, A, [("(Okafor and Carers Trust, 2020)", ["Okafor", "Carers Trust"], "2020", None, False,
                           ["and_ampersand"], "(Okafor & Carers Trust, 2020)")]),
    (MODEL, H, [("Okafor and Lee (2004)", ["Okafor", "Lee"], "2004", None, True, [], None)]),
    (MODEL, A, [("Okafor and Lee (2004)", ["Okafor", "Lee"], "2004", None, True, [], None)]),
    (NAME_ALONE, H, [("Hartigan", ["Hartigan"], "", None, True, ["missing_year"], "Hartigan ([year])")]),
    (ROLE, H, [("(Okafor, 2020)", ["Okafor"], "2020", None, False, [], None)]),
    (ROLE, A, [("(Okafor, 2020)", ["Okafor"], "2020", None, False, [], None)]),
    (BODY_DEFINED, H, [("The CQC", ["The CQC"], "", None, True, ["missing_year"], "The CQC ([year])")]),
    (OPENING_LETTERS_A, A, [("The Royal College of Pathologists (RCPath, 2021)", ["The Royal College of Pathologists"],
                             "2021", None, True, ["year_mismatch"],
                             "The Royal College of Pathologists (RCPath, 2022)")]),
    (OPENING_LETTERS, H, [("(RCPath, 2021)", ["RCPath"], "2021", None, False, [], None)]),
    (CHAIR, H, [("Francis Report (2013)", ["Francis"], "2013", None, True, [], None)]),
    (CHAIR, A, [("Francis Report (2013)", ["Francis"], "2013", None, True, [], None)]),
    (CHAIR_BRACKET, A, [("(Okafor Review, 2019)", ["Okafor"], "2019", None, False, [], None)]),
    (FIRST_NAME, H, [("Sarah Okafor (2019)", ["Okafor"], "2019", None, True, ["initials_in_citation"],
                      "Okafor (2019)")]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_twentyfifth_round_classes(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)
