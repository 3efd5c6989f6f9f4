"""The classes the thirty-fifth round fixed (the thirty-fifth blind set,
citations_blind34), each judged in both styles where it applies: exact span
and fields, the problem codes and the fix the style guide gives (Cite Them
Right 12th ed. Harvard; APA 7), beside the look-alikes each rule must leave
alone. The wordings are this file's own, not the set's."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A = "harvard", "apa"

# a short quoted name before a word naming an approach ("philosophy", "ethos", "movement"): a name, no page asked
PHILOSOPHY = "Okafor (2015) proposed instead a 'Patients First, Targets Second' philosophy for wards."
ETHOS = "Okafor (2015) set out a 'Home Before Lunch' ethos for discharge teams."
MOVEMENT = "Okafor (2015) traced the 'Nothing About Us Without Us' movement among carers."
OKAFOR = ("Okafor (2015)", ["Okafor"], "2015", None, True, [], None)
# look-alikes: the author's words, called so, and a quoted phrase before no such word, keep their page
CALLED = "Okafor (2015) calls it a 'patients first, targets second' philosophy."
STANCE = "Okafor (2015) proposed a 'Patients First, Targets Second' stance for wards."
OKAFOR_PAGE = ("Okafor (2015)", ["Okafor"], "2015", None, True, ["no_page_for_quote"], "Okafor (2015, p. [page])")

# a report named by a name and a report's word before a reporting verb, with no year: a citation of the name,
# the word kept in the span and the fix, missing_year
REVIEW = "On the wards, the Okafor review found that rest breaks were often missed."
REPORT = "Funding then fell, and the Lind Report argued that clinics should merge."
TITLED = "The Quiet Wards report concluded that night noise harms sleep."
OKAFOR_REVIEW = ("Okafor review", ["Okafor"], "", None, True, ["missing_year"], "Okafor review ([year])")
LIND_REPORT = ("Lind Report", ["Lind"], "", None, True, ["missing_year"], "Lind Report ([year])")
QUIET_WARDS = ("Quiet Wards report", ["Quiet Wards"], "", None, True, ["missing_year"], "Quiet Wards report ([year])")
# look-alikes: a kind of review ("A Cochrane review"), an everyday word, a possessive, the bracket later in the
# sentence citing it, a title right after a dated citation
KIND = "A Cochrane review found that rest breaks were often missed."
EVERYDAY = "The Government review found that rest breaks were often missed."
POSSESSIVE = "Later, Okafor's review found that rest breaks were often missed (Okafor, 2019)."
LATER_BRACKET = "The Okafor review found that rest breaks were often missed (Okafor, 2019)."
OKAFOR_2019 = ("(Okafor, 2019)", ["Okafor"], "2019", None, False, [], None)
AFTER_CITATION = "The CQC (2019) Quiet Wards report found that night noise harms sleep."
CQC = ("The CQC (2019)", ["The CQC"], "2019", None, True, [], None)
# look-alike: the report's title given earlier in its paragraph with its citation, mentioned again
TITLED_BEFORE = "Reports such as Quiet Wards (Okafor, 2019) showed harm. The Quiet Wards report found that noise harms."

# a name and a report's word in lower case before a bracket of the year: a narrative citation of the name
DATED = "On the wards, the Okafor review (2019) found that rest breaks were often missed."
DATED_OPENING = "The Lind inquiry (2021b) heard that clinics should merge."
# look-alike: an everyday word before the report's word names no one
DATED_EVERYDAY = "The Government review (2019) found that rest breaks were often missed."

# "agree with <name> that": the name agreed with, a citation without its year
AGREE = "I agree with Okafor that rest breaks protect patients."
AGREE_TWO = "Like many nurses, I agree with Okafor and Lind that rest breaks protect patients."
# look-alikes: a first name, a person of the case, and a name cited with its year
AGREE_FIRST_NAME = "I agree with Jasmine that rest breaks protect patients."
AGREE_CASE = "I agree with Mrs K that rest breaks protect patients."
AGREE_DATED = "I agree with Okafor (2019) that rest breaks protect patients."

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    (PHILOSOPHY, H, [OKAFOR]),
    (PHILOSOPHY, A, [OKAFOR]),
    (ETHOS, H, [OKAFOR]),
    (MOVEMENT, A, [OKAFOR]),
    (CALLED, H, [OKAFOR_PAGE]),
    (CALLED, A, [OKAFOR_PAGE]),
    (STANCE, H, [OKAFOR_PAGE]),
    (REVIEW, H, [OKAFOR_REVIEW]),
    (REVIEW, A, [OKAFOR_REVIEW]),
    (REPORT, H, [LIND_REPORT]),
    (REPORT, A, [LIND_REPORT]),
    (TITLED, H, [QUIET_WARDS]),
    (TITLED, A, [QUIET_WARDS]),
    (KIND, H, []),
    (KIND, A, []),
    (EVERYDAY, H, []),
    (POSSESSIVE, H, [OKAFOR_2019]),
    (LATER_BRACKET, H, [OKAFOR_2019]),
    (LATER_BRACKET, A, [OKAFOR_2019]),
    (AFTER_CITATION, H, [CQC]),
    (TITLED_BEFORE, H, [OKAFOR_2019]),
    (TITLED_BEFORE, A, [OKAFOR_2019]),
    (DATED, H, [("Okafor review (2019)", ["Okafor"], "2019", None, True, [], None)]),
    (DATED, A, [("Okafor review (2019)", ["Okafor"], "2019", None, True, [], None)]),
    (DATED_OPENING, H, [("Lind inquiry (2021b)", ["Lind"], "2021", None, True, [], None)]),
    (DATED_EVERYDAY, H, []),
    (DATED_EVERYDAY, A, []),
    (AGREE, H, [("Okafor", ["Okafor"], "", None, True, ["missing_year"], "Okafor ([year])")]),
    (AGREE, A, [("Okafor", ["Okafor"], "", None, True, ["missing_year"], "Okafor ([year])")]),
    (AGREE_TWO, H, [("Okafor and Lind", ["Okafor", "Lind"], "", None, True, ["missing_year"],
                     "Okafor and Lind ([year])")]),
    (AGREE_TWO, A, [("Okafor and Lind", ["Okafor", "Lind"], "", None, True, ["missing_year"],
                     "Okafor and Lind ([year])")]),
    (AGREE_FIRST_NAME, H, []),
    (AGREE_CASE, A, []),
    (AGREE_DATED, H, [("Okafor (2019)", ["Okafor"], "2019", None, True, [], None)]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_thirtyfifth_round_classes(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)


def test_report_word_fix_keeps_the_word_with_the_lists_year() -> None:
    """A chair's report cited with the wrong year: the fix takes the list's year and keeps the report's word."""
    passage = ("Funding fell, as the Lind Report (2014) showed.\n\nReference list\n\n"
               "Lind, J. (2012) Review of clinic funding. London: HMSO.")
    assert_form_in_style(passage, H, [("Lind Report (2014)", ["Lind"], "2014", None, True, ["year_mismatch"],
                                       "Lind Report (2012)")])
