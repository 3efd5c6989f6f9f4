"""The classes the twenty-eighth round fixed (the twenty-sixth blind set,
citations_blind25, continued), each judged in both styles where it applies:
exact span and fields, the problem codes and the fix the style guide gives
(Cite Them Right 12th ed. Harvard; APA 7), beside the look-alikes each rule
must leave alone. The wordings are this file's own, not the set's."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A = "harvard", "apa"

# a part's own label and number after the year, where the source has no page: kept in `pages`
LABELLED = "Staff must record consent (Nursing Council, 2019, Standard 4)."
LABELLED_QUOTE = "Carers are asked to \"act without delay\" (Care Inspectorate, 2020, principle 2.3)."
LABELLED_FIX_A = "Both agree (Okafor and Mensah, 2019, recommendation 1.2)."
# look-alikes: a surname that is a label's word; a label with no number after it
RULE_NAME = "Wards differ (Rule, 2019; Step, 2020)."
NO_NUMBER = "Wards differ (Okafor, 2019, standards)."

# APA 7's list of bodies, ", &" before the last: in the reference list's head ...
TWO_BODIES_A = ("Checks were shared (Home Office and Ministry of Justice, 2018).\n\nReferences\n"
                "Home Office, & Ministry of Justice. (2018). Shared checks. HMSO.\n"
                "Okafor, N. (2019). Wards. Pub.")
# ... and in a bracket, an "and" without a comma staying inside its body's name
THREE_BODIES = "Plans were joined (Home Office, Department for Education, & Ministry of Justice, 2020)."
AND_INSIDE_A = ("Plans were joined (Department of Health and Social Care, Public Health England, "
                "& Care Quality Commission, 2021).")
# look-alike: single words between the commas are one body's name
ONE_BODY_A = "Funding moved (Department for Digital, Culture, Media, & Sport, 2019)."

# an abbreviation never defined, for the first of several bodies cited in full
FIRST_BODY = ("Diet matters (College of Occupational Therapists, Royal College of Nursing and National Association of "
              "Care Catering, 2018, p. 4). "
              "Menus help (COT et al., 2018).")
FIRST_BODY_A = ("Diet matters (British Dietetic Association, Royal College of Nursing, & Care England, 2018). "
                "Menus help (BDA, 2018).")
# ... for a body named in full in another year's citation (its full name just before "2020)."): no fix
OTHER_YEAR_A = ("Plans were joined (Home Office, Department for Education, & Local Government Association, 2020). "
                "Councils were slow (LGA, 2022).")
# look-alike: the abbreviation defined
DEFINED_A = ("The Local Government Association (LGA, 2020) wrote the plan. Councils were slow (LGA, 2022).")

# "&" inside a body's own name, one ending in a place
AMP_IN_NAME = "Products vary (Stoma & Wound UK, n.d.)."
AMP_IN_NAME_A = "Products vary (Stoma and Wound UK, 2020)."
TWO_PEOPLE = "Products vary (Welsh and Jones, 2019)."
# "vs" inside a charity's name
VERSUS_A = "Parents felt \"like a nurse at home\" (Families vs Poverty, 2021, p. 6)."

# two names alone, no year, credited by their sentence: two authors, each citation given the listed year
YEARLESS = ("Okafor and Mensah argue that the nurse should ask first (Okafor and Mensah).\n\nReference list\n"
            "Okafor, N. and Mensah, K. (2016) Asking first. Leeds: Pub.")

# a document that "says": its words, quoted, want their page; a person who said them does not
DOCUMENT_SAYS = "The council's guidance says wards should be \"quiet, clean and well lit\" spaces (Care Council, 2021)."
PERSON_SAID = "The ward sister said wards should be \"quiet, clean and well lit\" spaces (Care Council, 2021)."

DHSC = "Department of Health and Social Care"
BDA = ["British Dietetic Association", "Royal College of Nursing", "Care England"]
BDA_H = ["College of Occupational Therapists", "Royal College of Nursing", "National Association of Care Catering"]
BODIES = ["Home Office", "Department for Education", "Ministry of Justice"]

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    (LABELLED, H, [("(Nursing Council, 2019, Standard 4)", ["Nursing Council"], "2019", "Standard 4", False, [],
                    None)]),
    (LABELLED, A, [("(Nursing Council, 2019, Standard 4)", ["Nursing Council"], "2019", "Standard 4", False, [],
                    None)]),
    (LABELLED_QUOTE, H, [("(Care Inspectorate, 2020, principle 2.3)", ["Care Inspectorate"], "2020",
                          "principle 2.3", False, [], None)]),
    (LABELLED_QUOTE, A, [("(Care Inspectorate, 2020, principle 2.3)", ["Care Inspectorate"], "2020",
                          "principle 2.3", False, [], None)]),
    (LABELLED_FIX_A, A, [("(Okafor and Mensah, 2019, recommendation 1.2)", ["Okafor", "Mensah"], "2019",
                          "recommendation 1.2", False, ["and_ampersand"],
                          "(Okafor & Mensah, 2019, recommendation 1.2)")]),
    (RULE_NAME, H, [("Rule, 2019", ["Rule"], "2019", None, False, [], None),
                    ("Step, 2020", ["Step"], "2020", None, False, [], None)]),
    (NO_NUMBER, A, [("(Okafor, 2019, standards)", ["Okafor"], "2019", None, False, [], None)]),
    (TWO_BODIES_A, A, [("(Home Office and Ministry of Justice, 2018)", ["Home Office", "Ministry of Justice"],
                        "2018", None, False, ["and_ampersand"], "(Home Office & Ministry of Justice, 2018)")]),
    (THREE_BODIES, A, [(THREE_BODIES[18:-1], BODIES, "2020", None, False, ["et_al_needed"],
                        "(Home Office et al., 2020)")]),
    (THREE_BODIES, H, [(THREE_BODIES[18:-1], BODIES, "2020", None, False, ["and_ampersand"],
                        "(Home Office, Department for Education and Ministry of Justice, 2020)")]),
    (AND_INSIDE_A, A, [(AND_INSIDE_A[18:-1], [DHSC, "Public Health England", "Care Quality Commission"], "2021",
                        None, False, ["et_al_needed"], f"({DHSC} et al., 2021)")]),
    (ONE_BODY_A, A, [("(Department for Digital, Culture, Media, & Sport, 2019)",
                      ["Department for Digital, Culture, Media, & Sport"], "2019", None, False, [], None)]),
    (FIRST_BODY, H, [(FIRST_BODY[13:FIRST_BODY.index(")") + 1], BDA_H, "2018", "4", False, [], None),
                     ("(COT et al., 2018)", ["COT"], "2018", None, False, ["et_al_too_few", "inconsistent_form"],
                      "(College of Occupational Therapists, Royal College of Nursing and National Association of Care "
                      "Catering, 2018)")]),
    (FIRST_BODY_A, A, [(FIRST_BODY_A[13:FIRST_BODY_A.index(")") + 1], BDA, "2018", None, False, ["et_al_needed"],
                        "(British Dietetic Association et al., 2018)"),
                       ("(BDA, 2018)", ["BDA"], "2018", None, False, ["inconsistent_form"],
                        "(British Dietetic Association et al., 2018)")]),
    (OTHER_YEAR_A, A, [(OTHER_YEAR_A[18:OTHER_YEAR_A.index(")") + 1], ["Home Office", "Department for Education",
                                               "Local Government Association"], "2020", None, False,
                        ["et_al_needed"], "(Home Office et al., 2020)"),
                       ("(LGA, 2022)", ["LGA"], "2022", None, False, ["inconsistent_form"], None)]),
    (DEFINED_A, A, [("The Local Government Association (LGA, 2020)", ["The Local Government Association"], "2020",
                     None, True, [], None),
                    ("(LGA, 2022)", ["LGA"], "2022", None, False, [], None)]),
    (AMP_IN_NAME, H, [("(Stoma & Wound UK, n.d.)", ["Stoma & Wound UK"], "n.d.", None, False, ["no_date_form"],
                       "(Stoma & Wound UK, no date)")]),
    (AMP_IN_NAME_A, A, [("(Stoma and Wound UK, 2020)", ["Stoma and Wound UK"], "2020", None, False, [], None)]),
    (TWO_PEOPLE, H, [("(Welsh and Jones, 2019)", ["Welsh", "Jones"], "2019", None, False, [], None)]),
    (VERSUS_A, A, [("(Families vs Poverty, 2021, p. 6)", ["Families vs Poverty"], "2021", "6", False, [], None)]),
    (YEARLESS, H, [("Okafor and Mensah", ["Okafor", "Mensah"], "", None, True, ["missing_year"],
                    "Okafor and Mensah (2016)"),
                   ("(Okafor and Mensah)", ["Okafor", "Mensah"], "", None, False, ["missing_year"],
                    "(Okafor and Mensah, 2016)")]),
    (DOCUMENT_SAYS, H, [("(Care Council, 2021)", ["Care Council"], "2021", None, False, ["no_page_for_quote"],
                         "(Care Council, 2021, p. [page])")]),
    (DOCUMENT_SAYS, A, [("(Care Council, 2021)", ["Care Council"], "2021", None, False, ["no_page_for_quote"],
                         "(Care Council, 2021, p. [page])")]),
    (PERSON_SAID, H, [("(Care Council, 2021)", ["Care Council"], "2021", None, False, [], None)]),
    (PERSON_SAID, A, [("(Care Council, 2021)", ["Care Council"], "2021", None, False, [], None)]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_twentyeighth_round_classes(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)
