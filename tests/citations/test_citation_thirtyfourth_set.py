"""The classes the thirty-fourth round fixed (the thirty-fourth blind set,
citations_blind33), each judged in both styles where it applies: exact span
and fields, the problem codes and the fix the style guide gives (Cite Them
Right 12th ed. Harvard; APA 7), beside the look-alikes each rule must leave
alone. The wordings are this file's own, not the set's."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A = "harvard", "apa"

# a quotation given as a person of the case's words ("in Mr K's words"): heard, no source's words, no page
IN_THEIR_WORDS = "Okafor (2015) notes that families value rest, in Mr K's words, \"time to be a son again\"."
IN_THE_WORDS_OF = "Okafor (2015) notes that families value rest, in the words of Patient C, \"time to be a son again\"."
IN_MY_MENTORS = "Okafor (2015) notes that families value rest, in my mentor's words, \"time to be a son again\"."
OKAFOR = ("Okafor (2015)", ["Okafor"], "2015", None, True, [], None)
# look-alike: the words given as the author's own keep their page
IN_AUTHORS_WORDS = "Okafor (2015) notes that families value rest, in Okafor's words, \"time to be a son again\"."
OKAFOR_PAGE = ("Okafor (2015)", ["Okafor"], "2015", None, True, ["no_page_for_quote"], "Okafor (2015, p. [page])")

# three group authors with abbreviations in one APA 7 bracket: et_al_needed, the abbreviation after its own name
THREE_BODIES = ("Rest was advised (Royal College of Nursing [RCN], British Medical Association [BMA], & "
                "Care Quality Commission [CQC], 2021).")
THREE_BODIES_CITATION = ("(Royal College of Nursing [RCN], British Medical Association [BMA], & Care Quality "
                         "Commission [CQC], 2021)")
BODIES = ["Royal College of Nursing", "British Medical Association", "Care Quality Commission"]
# look-alike: the fix, as written, is read back with no problem
BODY_ET_AL = "Rest was advised (Royal College of Nursing [RCN] et al., 2021)."

# "according to" a name and a year without brackets: a narrative citation, year_brackets, fixed with brackets
ACCORDING = "According to Age Concern 2019, few carers take a break."
ACCORDING_ONE = "Few carers, according to Okafor 2019, take a break."
AGE = ("Age Concern 2019", ["Age Concern"], "2019", None, True, ["year_brackets"], "Age Concern (2019)")
# look-alikes: a year after a noun after "according to", and a name and year with a noun after it
ACCORDING_FIGURES = "According to figures from 2019, few carers take a break."
ACCORDING_DATA = "According to Leeds 2019 data, few carers take a break."

# "welcomed" is a reporting verb: a name and year without brackets before it is a narrative citation
WELCOMED = "Okafor & Lind 2020 welcomed the new guideline."
# look-alike: a name and year before a word that is no verb of reporting
VISION = "The Vision 2020 links were broken."

# a bracket citation between a determiner and a noun stands for the author: year_brackets, the narrative form
THE_BRACKET = "Next I will read the (Okafor, 2012) guideline on sleep."
# look-alike: after a noun, the bracket is an aside
AFTER_NOUN = "Next I will read the guideline (Okafor, 2012) on sleep."
OKAFOR_2012 = ("(Okafor, 2012)", ["Okafor"], "2012", None, False, [], None)
THE_FIXED = ("(Okafor, 2012)", ["Okafor"], "2012", None, False, ["year_brackets"], "Okafor (2012)")

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    (IN_THEIR_WORDS, H, [OKAFOR]),
    (IN_THEIR_WORDS, A, [OKAFOR]),
    (IN_THE_WORDS_OF, H, [OKAFOR]),
    (IN_THE_WORDS_OF, A, [OKAFOR]),
    (IN_MY_MENTORS, H, [OKAFOR]),
    (IN_AUTHORS_WORDS, H, [OKAFOR_PAGE]),
    (IN_AUTHORS_WORDS, A, [OKAFOR_PAGE]),
    (THREE_BODIES, A, [(THREE_BODIES_CITATION, BODIES, "2021", None, False, ["et_al_needed"],
                        "(Royal College of Nursing [RCN] et al., 2021)")]),
    (BODY_ET_AL, A, [("(Royal College of Nursing [RCN] et al., 2021)", ["Royal College of Nursing"], "2021", None,
                      False, [], None)]),
    (ACCORDING, H, [AGE]),
    (ACCORDING, A, [AGE]),
    (ACCORDING_ONE, H, [("Okafor 2019", ["Okafor"], "2019", None, True, ["year_brackets"], "Okafor (2019)")]),
    (ACCORDING_ONE, A, [("Okafor 2019", ["Okafor"], "2019", None, True, ["year_brackets"], "Okafor (2019)")]),
    (ACCORDING_FIGURES, H, []),
    (ACCORDING_DATA, H, []),
    (ACCORDING_DATA, A, []),
    (WELCOMED, H, [("Okafor & Lind 2020", ["Okafor", "Lind"], "2020", None, True, ["and_ampersand", "year_brackets"],
                    "Okafor and Lind (2020)")]),
    (WELCOMED, A, [("Okafor & Lind 2020", ["Okafor", "Lind"], "2020", None, True, ["and_ampersand", "year_brackets"],
                    "Okafor and Lind (2020)")]),
    (VISION, H, []),
    (THE_BRACKET, H, [THE_FIXED]),
    (THE_BRACKET, A, [THE_FIXED]),
    (AFTER_NOUN, H, [OKAFOR_2012]),
    (AFTER_NOUN, A, [OKAFOR_2012]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_thirtyfourth_round_classes(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)
