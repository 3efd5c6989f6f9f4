"""The classes the twenty-fourth round fixed (the twenty-third blind set,
citations_blind22), each judged in both styles where it applies: exact span
and fields, the problem codes and the fix the style guide gives (Cite Them
Right 12th ed. Harvard; APA 7), beside the look-alikes each rule must leave
alone. The wordings are this file's own, not the set's."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A = "harvard", "apa"

# a quoted name in capitals (numbers allowed) between a determiner and a model's word: no page, whatever its length
LONG_NAME = "Staff used the 'Stop the Pressure in 10 Steps' approach (Okafor, 2015) on every ward."
LONG_NAME_A = 'Staff used the "Stop the Pressure in 10 Steps" approach (Okafor, 2015) on every ward.'
LONG_WORDS = "Staff used the 'care that is calm and kind to all' approach (Okafor, 2015) on every ward."
# the source read's names follow the style's "et al." threshold too
SOURCE_THREE = "Stigma shaped it (Goffman, 1963, as cited in Okafor, Lee, & Moss, 2016)."
SOURCE_TWO = "Stigma shaped it (Goffman, 1963, as cited in Okafor & Lee, 2016)."
SOURCE_FOUR = "Stigma shaped it (Goffman, 1963, cited in Okafor, Lee, Hart and Moss, 2016)."
SOURCE_THREE_H = "Stigma shaped it (Goffman, 1963, cited in Okafor, Lee and Moss, 2016)."
# a place after a preposition and "the", before the names
THE_PLACE = "In the UK, Okafor and Lee (2001) were the first to show it."
THE_PLACES = "Across the United States, Okafor, Lee and Moss (2001) found gaps."
IN_NAMES = "In Okafor, Lee and Moss (2001) the model is set out."
# an article and a word or two in lower case before a study's name, dated later in the sentence: no citation
STUDY = "The second National Census of Carers and Families reported that few had support (Okafor et al., 2013)."
A_STUDY = "A recent Healthwatch Survey found that few had support (Okafor et al., 2013)."
PERSON_AFTER = "After the war Okafor reported that few had support (Lee et al., 2013)."
# APA 7's narrative form for a group author, its abbreviation spelt from the starts of the name's words
PREFIXES = "Checks were welcomed by the Guild of Dental Technicians UK (GDTUK, 2022)."
JOINING_CAPITAL = "The Carers and Young Families Association (CAYFA, 2020) describes the gap."
NOT_SPELT = "Checks were welcomed by the Guild of Dental Technicians (NHS, 2022)."
# ... and APA 7's abbreviation defined first in a bracket
DEFINED = ("Interviews were reported by the Consolidated Criteria for Reporting Qualitative Research "
           "(COREQ; Tong et al., 2007) in pairs.")
# an abbreviation written in mixed case finds the entry under the name it spells
MIXED = ("Schools must report it (DfE, 2019).\n\nReference list\n"
         "Department for Education (2019) Safe schools. London: DfE.")
MIXED_A = "Schools must report it (DfE, 2019).\n\nReferences\nDepartment for Education. (2019). Safe schools. DfE."
MIXED_OTHER = ("Schools must report it (DfE, 2019).\n\nReference list\n"
               "Department of Health (2019) Safe schools. London: DH.")
# fewer names than an entry of the style's "et al." threshold, the entry's first ones
FOUR_LISTED = "Okafor, Lee and Moss (2012) found gaps in cover.\n\nReference list\n" \
              "Okafor, S., Lee, T., Moss, M. and Hart, A. (2012) Gaps in cover. London: Sage."
FOUR_LISTED_BRACKET = "Gaps were found (Okafor, Lee and Moss, 2012).\n\nReference list\n" \
                      "Okafor, S., Lee, T., Moss, M. and Hart, A. (2012) Gaps in cover. London: Sage."
THREE_LISTED = "Okafor, Lee and Moss (2012) found gaps in cover.\n\nReference list\n" \
               "Okafor, S., Lee, T. and Moss, M. (2012) Gaps in cover. London: Sage."
OTHER_NAMES = "Okafor, Lee and Hart (2012) found gaps in cover.\n\nReference list\n" \
              "Okafor, S., Lee, T., Moss, M. and Hart, A. (2012) Gaps in cover. London: Sage."
THREE_LISTED_A = "Okafor and Lee (2012) found gaps in cover.\n\nReferences\n" \
                 "Okafor, S., Lee, T., & Moss, M. (2012). Gaps in cover. Sage."
TWO_LISTED_A = "Okafor and Lee (2012) found gaps in cover.\n\nReferences\n" \
               "Okafor, S., & Lee, T. (2012). Gaps in cover. Sage."
# two bodies joined by "and", each a whole name; and the one bodies' names that hold "and"
BODIES = "It was advised (Department of Health and Food Standards Agency, 2008)."
BODIES_COMMAS = "It was advised (Department of Education and Department for Work, Pensions and Skills, 2009)."
BODIES_LISTED = (f"{BODIES}\n\nReference list\n"
                 "Department of Health and Food Standards Agency (2008) Food safety. London: DH.")
BODIES_NARRATIVE = "It was advised by the Home Office and Department of Health (2014)."
BODIES_A = "It was advised (Cabinet Office and Food Standards Agency, 2014)."
ONE_BODY = "It was advised (Department of Health and Social Care, 2021)."
ONE_COLLEGE = "It was advised (Royal College of Paediatrics and Child Health, 2021)."
ONE_SOCIETY = "It was advised (The Society and College of Podiatrists, 2021)."
# letters in the citations, two works of that year in the list without them: the list's fault, no fix
UNLETTERED = ("Rotas slipped (Okafor, 2017a). Pay fell (Okafor, 2017b).\n\nReference list\n"
              "Okafor, S. (2017) Rotas. London: Sage.\n\nOkafor, S. (2017) Pay. London: Sage.")
UNLETTERED_A = ("Rotas slipped (Okafor, 2017a). Pay fell (Okafor, 2017b).\n\nReferences\n"
                "Okafor, S. (2017). Rotas. Sage.\n\nOkafor, S. (2017). Pay. Sage.")
ONE_UNLETTERED = "Rotas slipped (Okafor, 2017a).\n\nReference list\nOkafor, S. (2017) Rotas. London: Sage."

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    (LONG_NAME, H, [("(Okafor, 2015)", ["Okafor"], "2015", None, False, [], None)]),
    (LONG_NAME_A, A, [("(Okafor, 2015)", ["Okafor"], "2015", None, False, [], None)]),
    (LONG_WORDS, H, [("(Okafor, 2015)", ["Okafor"], "2015", None, False, ["no_page_for_quote"],
                      "(Okafor, 2015, p. [page])")]),
    (SOURCE_THREE, A, [(SOURCE_THREE[17:-1], ["Goffman"], "1963", None, False, ["et_al_needed"],
                        "(Goffman, 1963, as cited in Okafor et al., 2016)")]),
    (SOURCE_TWO, A, [(SOURCE_TWO[17:-1], ["Goffman"], "1963", None, False, [], None)]),
    (SOURCE_FOUR, H, [(SOURCE_FOUR[17:-1], ["Goffman"], "1963", None, False, ["et_al_needed"],
                       "(Goffman, 1963, cited in Okafor et al., 2016)")]),
    (SOURCE_THREE_H, H, [(SOURCE_THREE_H[17:-1], ["Goffman"], "1963", None, False, [], None)]),
    (THE_PLACE, H, [("Okafor and Lee (2001)", ["Okafor", "Lee"], "2001", None, True, [], None)]),
    (THE_PLACE, A, [("Okafor and Lee (2001)", ["Okafor", "Lee"], "2001", None, True, [], None)]),
    (THE_PLACES, H, [("Okafor, Lee and Moss (2001)", ["Okafor", "Lee", "Moss"], "2001", None, True, [], None)]),
    (IN_NAMES, H, [("Okafor, Lee and Moss (2001)", ["Okafor", "Lee", "Moss"], "2001", None, True, [], None)]),
    (STUDY, H, [("(Okafor et al., 2013)", ["Okafor"], "2013", None, False, [], None)]),
    (STUDY, A, [("(Okafor et al., 2013)", ["Okafor"], "2013", None, False, [], None)]),
    (A_STUDY, A, [("(Okafor et al., 2013)", ["Okafor"], "2013", None, False, [], None)]),
    (PERSON_AFTER, H, [("Okafor", ["Okafor"], "", None, True, ["missing_year"], "Okafor ([year])"),
                       ("(Lee et al., 2013)", ["Lee"], "2013", None, False, [], None)]),
    (PREFIXES, A, [(PREFIXES[28:-1], ["Guild of Dental Technicians UK"], "2022", None, True, [], None)]),
    (PREFIXES, H, [(PREFIXES[28:-1], ["Guild of Dental Technicians UK"], "2022", None, True, [], None)]),
    (JOINING_CAPITAL, A, [(JOINING_CAPITAL[:55], ["The Carers and Young Families Association"], "2020", None,
                           True, [], None)]),
    (NOT_SPELT, A, [("(NHS, 2022)", ["NHS"], "2022", None, False, [], None)]),
    (DEFINED, A, [("(COREQ; Tong et al., 2007)", ["Tong"], "2007", None, False, [], None)]),
    (MIXED, H, [("(DfE, 2019)", ["DfE"], "2019", None, False, [], None)]),
    (MIXED_A, A, [("(DfE, 2019)", ["DfE"], "2019", None, False, [], None)]),
    (MIXED_OTHER, H, [("(DfE, 2019)", ["DfE"], "2019", None, False, ["no_reference"], None)]),
    (FOUR_LISTED, H, [("Okafor, Lee and Moss (2012)", ["Okafor", "Lee", "Moss"], "2012", None, True,
                       ["et_al_needed"], "Okafor et al. (2012)")]),
    (FOUR_LISTED_BRACKET, H, [("(Okafor, Lee and Moss, 2012)", ["Okafor", "Lee", "Moss"], "2012", None, False,
                               ["et_al_needed"], "(Okafor et al., 2012)")]),
    (THREE_LISTED, H, [("Okafor, Lee and Moss (2012)", ["Okafor", "Lee", "Moss"], "2012", None, True, [], None)]),
    (OTHER_NAMES, H, [("Okafor, Lee and Hart (2012)", ["Okafor", "Lee", "Hart"], "2012", None, True, [], None)]),
    (THREE_LISTED_A, A, [("Okafor and Lee (2012)", ["Okafor", "Lee"], "2012", None, True, ["et_al_needed"],
                          "Okafor et al. (2012)")]),
    (TWO_LISTED_A, A, [("Okafor and Lee (2012)", ["Okafor", "Lee"], "2012", None, True, [], None)]),
    (BODIES, H, [(BODIES[15:-1], ["Department of Health", "Food Standards Agency"], "2008", None, False, [], None)]),
    (BODIES_COMMAS, H, [(BODIES_COMMAS[15:-1], ["Department of Education", "Department for Work, Pensions and Skills"],
                         "2009", None, False, [], None)]),
    (BODIES_LISTED, H, [(BODIES[15:-1], ["Department of Health", "Food Standards Agency"], "2008", None, False, [],
                         None)]),
    (BODIES_NARRATIVE, A, [("Home Office and Department of Health (2014)", ["Home Office", "Department of Health"],
                            "2014", None, True, [], None)]),
    (BODIES_A, A, [(BODIES_A[15:-1], ["Cabinet Office", "Food Standards Agency"], "2014", None, False,
                    ["and_ampersand"], "(Cabinet Office & Food Standards Agency, 2014)")]),
    (ONE_BODY, H, [(ONE_BODY[15:-1], ["Department of Health and Social Care"], "2021", None, False, [], None)]),
    (ONE_COLLEGE, H, [(ONE_COLLEGE[15:-1], ["Royal College of Paediatrics and Child Health"], "2021", None, False, [],
                       None)]),
    (UNLETTERED, H, [("(Okafor, 2017a)", ["Okafor"], "2017", None, False, ["suffix_mismatch"], None),
                     ("(Okafor, 2017b)", ["Okafor"], "2017", None, False, ["suffix_mismatch"], None)]),
    (UNLETTERED_A, A, [("(Okafor, 2017a)", ["Okafor"], "2017", None, False, ["suffix_mismatch"], None),
                       ("(Okafor, 2017b)", ["Okafor"], "2017", None, False, ["suffix_mismatch"], None)]),
    (ONE_UNLETTERED, H, [("(Okafor, 2017a)", ["Okafor"], "2017", None, False, ["suffix_mismatch"],
                          "(Okafor, 2017)")]),
    (ONE_SOCIETY, A, [(ONE_SOCIETY[15:-1], ["The Society and College of Podiatrists"], "2021", None, False, [],
                       None)]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_twentyfourth_round_classes(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)
