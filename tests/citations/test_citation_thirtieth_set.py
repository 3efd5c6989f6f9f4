"""The classes the thirtieth round fixed (the twenty-ninth blind set,
citations_blind28), each judged in both styles where it applies: exact
span and fields, the problem codes and the fix the style guide gives (Cite
Them Right 12th ed. Harvard; APA 7), beside the look-alikes each rule must
leave alone. The wordings are this file's own, not the set's."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A = "harvard", "apa"
LIST = "\n\nReference list\n\n"
REFS = "\n\nReferences\n\n"

# a courtesy title and an initial end the sentence before a narrative citation: a person of the case ("Mrs J.")
CASE_INITIAL = "I missed the signs in Mrs J. Okafor (2019) describes them clearly."
# look-alikes: an academic title, or an initial alone, is the author's: the initials are reported
DR_INITIAL = "As Dr J. Okafor (2019) describes, the signs are subtle."
INITIAL_ONLY = "As J. Okafor (2019) describes, the signs are subtle."

# an initial without its full stop after the surname and a comma: the initials, reported
BARE_INITIAL = "Goals matter, and Okafor, J (2019) notes that they are met."
# look-alike: a surname after the comma is the author
TWO_NAMES = "Goals matter, and Lind, Okafor (2019) notes that they are met."

# a title and a person's names before a reporting verb, the surname cited with its year later in the sentence
TITLED = "Dame Ruth Okafor argued that wards should be \"calm and unhurried\" at night (Okafor, 2016, p. 4)."
# look-alike: no citation of the surname in the sentence: a citation without its year, the title reported
TITLED_ALONE = "Dame Ruth Okafor argued that wards should be calm at night."

# APA's narrative form for a body whose name holds one word in small letters, its abbreviation in the bracket
SMALL_WORD = ("Later, the Institute for Health and Social care Research (IHSCR, 2020) reported errors. "
              "Doses matter (IHSCR, 2020).")
# look-alikes: an abbreviation the name does not spell; a person's name in the bracket
NOT_SPELT = "Later, the Institute for Health and Social care Research (NICE, 2020) reported errors."
PERSON_IN = "Later, the Institute for Health and Social care Research (Okafor, 2020) reported errors."

# "and colleagues" in the possessive before the year: one narrative citation, as without it
COLLEAGUES = "Numbers fell, since Okafor and colleagues' (2018) frailty score changed."
# look-alike: colleagues' with no name before them is nobody's citation
NO_NAME = "Numbers fell, since our colleagues' (2018) survey changed."

# a quotation after a narrative citation and a bracket of another work, none after it: no page asked
BETWEEN = ("Lind and Hart (2004) and the later model (Moss, 2010) both hold that fear shapes pain, "
           "yet telling a patient this can sound like calling it 'all in the mind'.")
# look-alikes: the narrative citation alone before it; the same work again in the bracket
ALONE = "Lind and Hart (2004) hold that fear shapes pain, calling it 'all in the mind'."
AGAIN = "Lind (2004) holds that fear shapes pain (Lind, 2004), calling it 'all in the mind'."

# a first author with and without a final "s", one year, no list: inconsistent_form, no fix
FINAL_S = "Pain is learnt (Roberts, 2012). It is also shared (Robert, 2012)."
# look-alikes: another year; a list naming both
FINAL_S_YEARS = "Pain is learnt (Roberts, 2012). It is also shared (Robert, 2013)."
FINAL_S_LISTED = ("Pain is learnt (Roberts, 2012). It is also shared (Robert, 2012)." + LIST
                  + "Robert, K. (2012) Sharing. Leeds: Pub.\nRoberts, J. (2012) Learning. Leeds: Pub.")

# a document's word opening a sentence before a verb of guidance: no author, no citation
GUIDANCE = "Visits were short. Guidance argues that the same carers visit (Okafor, 2015)."
# look-alike: a surname there is a citation without its year
SURNAME = "Visits were short. Okafor argues that the same carers visit."

LIND_HART_MOSS = [("Lind and Hart (2004)", ["Lind", "Hart"], "2004", None, True, [], None),
                  ("(Moss, 2010)", ["Moss"], "2010", None, False, [], None)]

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    (CASE_INITIAL, H, [("Okafor (2019)", ["Okafor"], "2019", None, True, [], None)]),
    (CASE_INITIAL, A, [("Okafor (2019)", ["Okafor"], "2019", None, True, [], None)]),
    (DR_INITIAL, H, [("Dr J. Okafor (2019)", ["Okafor"], "2019", None, True, ["initials_in_citation"],
                      "Okafor (2019)")]),
    (INITIAL_ONLY, A, [("J. Okafor (2019)", ["Okafor"], "2019", None, True, ["initials_in_citation"],
                        "Okafor (2019)")]),
    (BARE_INITIAL, H, [("Okafor, J (2019)", ["Okafor"], "2019", None, True, ["initials_in_citation"],
                        "Okafor (2019)")]),
    (BARE_INITIAL, A, [("Okafor, J (2019)", ["Okafor"], "2019", None, True, ["initials_in_citation"],
                        "Okafor (2019)")]),
    (TWO_NAMES, H, [("Okafor (2019)", ["Okafor"], "2019", None, True, [], None)]),
    (TITLED, H, [("(Okafor, 2016, p. 4)", ["Okafor"], "2016", "4", False, [], None)]),
    (TITLED, A, [("(Okafor, 2016, p. 4)", ["Okafor"], "2016", "4", False, [], None)]),
    (TITLED_ALONE, H, [("Dame Ruth Okafor", ["Okafor"], "", None, True, ["initials_in_citation", "missing_year"],
                        "Okafor ([year])")]),
    (SMALL_WORD, A, [("Institute for Health and Social care Research (IHSCR, 2020)",
                      ["Institute for Health and Social care Research"], "2020", None, True, [], None),
                     ("(IHSCR, 2020)", ["IHSCR"], "2020", None, False, [], None)]),
    (SMALL_WORD, H, [("Institute for Health and Social care Research (IHSCR, 2020)",
                      ["Institute for Health and Social care Research"], "2020", None, True, [], None),
                     ("(IHSCR, 2020)", ["IHSCR"], "2020", None, False, [], None)]),
    (NOT_SPELT, A, [("(NICE, 2020)", ["NICE"], "2020", None, False, [], None)]),
    (PERSON_IN, A, [("(Okafor, 2020)", ["Okafor"], "2020", None, False, [], None)]),
    (COLLEAGUES, A, [("Okafor and colleagues' (2018)", ["Okafor"], "2018", None, True, [], None)]),
    (COLLEAGUES, H, [("Okafor and colleagues' (2018)", ["Okafor"], "2018", None, True, [], None)]),
    (NO_NAME, A, []),
    (BETWEEN, H, LIND_HART_MOSS),
    (BETWEEN, A, LIND_HART_MOSS),
    (ALONE, H, [("Lind and Hart (2004)", ["Lind", "Hart"], "2004", None, True, ["no_page_for_quote"],
                 "Lind and Hart (2004, p. [page])")]),
    (ALONE, A, [("Lind and Hart (2004)", ["Lind", "Hart"], "2004", None, True, ["no_page_for_quote"],
                 "Lind and Hart (2004, p. [page])")]),
    (AGAIN, H, [("Lind (2004)", ["Lind"], "2004", None, True, ["no_page_for_quote"], "Lind (2004, p. [page])"),
                ("(Lind, 2004)", ["Lind"], "2004", None, False, [], None)]),
    (GUIDANCE, H, [("(Okafor, 2015)", ["Okafor"], "2015", None, False, [], None)]),
    (GUIDANCE, A, [("(Okafor, 2015)", ["Okafor"], "2015", None, False, [], None)]),
    (SURNAME, H, [("Okafor", ["Okafor"], "", None, True, ["missing_year"], "Okafor ([year])")]),
    (FINAL_S, H, [("(Roberts, 2012)", ["Roberts"], "2012", None, False, [], None),
                  ("(Robert, 2012)", ["Robert"], "2012", None, False, ["inconsistent_form"], None)]),
    (FINAL_S, A, [("(Roberts, 2012)", ["Roberts"], "2012", None, False, [], None),
                  ("(Robert, 2012)", ["Robert"], "2012", None, False, ["inconsistent_form"], None)]),
    (FINAL_S_YEARS, H, [("(Roberts, 2012)", ["Roberts"], "2012", None, False, [], None),
                        ("(Robert, 2013)", ["Robert"], "2013", None, False, [], None)]),
    (FINAL_S_LISTED, H, [("(Roberts, 2012)", ["Roberts"], "2012", None, False, [], None),
                         ("(Robert, 2012)", ["Robert"], "2012", None, False, [], None)]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_thirtieth_round_classes(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)
