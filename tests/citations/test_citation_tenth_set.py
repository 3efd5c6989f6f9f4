"""The classes the tenth blind set (citations_blind9.jsonl) showed, each
judged in both styles: exact span and fields, the problem codes and the fix
the style guide gives (Cite Them Right 12th ed. Harvard; APA 7), beside the
look-alikes each rule must leave alone."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id, run

H, A = "harvard", "apa"
REFS = "\n\nReferences\n\n"
MBEKI_H = REFS + "Mbeki, T. and Sorensen, K. (2022) 'Sepsis audit', Paramedic Journal, 7(1), pp. 22-29."
MBEKI_A = REFS + "Mbeki, T., & Sorensen, K. (2022). Sepsis audit. Paramedic Journal, 7(1), 22-29."
BERG_H = (REFS + "Bergqvist, A. (2009) 'Handover', Emergency Journal, 26(3), pp. 180-184.\n"
          "Fairbrother, L. (2019) Pre-hospital care. London: Sage.")
BERG_A = (REFS + "Bergqvist, A. (2009). Handover. Emergency Journal, 26(3), 180-184.\n"
          "Fairbrother, L. (2019). Pre-hospital care. Sage.")

KHAN = "Carers struggle (A. Khan, 2018). Grandparents too (R. Khan, 2020). Khan (2018) found it."

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    # a plural word for work in general before a reporting verb is no author
    ("Evaluations suggest that sales fell (Galbraith, 2022).", A,
     [("(Galbraith, 2022)", ["Galbraith"], "2022", None, False, [], None)]),
    ("Audits show that it works.", H, []),
    # a personal communication from a role (an abbreviation too) names nobody: no author, and no fix to copy
    ("Most happen late (AMHP, personal communication, 2023).", H,
     [("(AMHP, personal communication, 2023)", [], "2023", None, False, ["personal_communication"], None)]),
    ("Most happen late (AMHP, personal communication, 2023).", A,
     [("(AMHP, personal communication, 2023)", [], "2023", None, False, ["personal_communication"], None)]),
    ("Most happen late (Okonjo, personal communication, 2024).", H,  # (a surname still is one)
     [("(Okonjo, personal communication, 2024)", ["Okonjo"], "2024", None, False, ["personal_communication"],
       "(Okonjo, 2024)")]),
    # the same letters spaced another way are one name written two ways
    ("Van der Berg (2019) argues it, as does Vanderberg (2019).", H,
     [("Van der Berg (2019)", ["Van der Berg"], "2019", None, True, [], None),
      ("Vanderberg (2019)", ["Vanderberg"], "2019", None, True, ["inconsistent_form"], "Van der Berg (2019)")]),
    ("Van der Berg (2019) argues it, as does Vanderberg (2019).", A,
     [("Van der Berg (2019)", ["Van der Berg"], "2019", None, True, [], None),
      ("Vanderberg (2019)", ["Vanderberg"], "2019", None, True, ["inconsistent_form"], "Van der Berg (2019)")]),
    ("Hanson (2019) argues it, as does Hansen (2019).", A,  # (short names one letter apart: often two people)
     [("Hanson (2019)", ["Hanson"], "2019", None, True, [], None),
      ("Hansen (2019)", ["Hansen"], "2019", None, True, [], None)]),
    # a co-author spelt unlike the list, beside another year: both faults, one fix from the entry
    ("Crews were slow (Castellano, 2018; Mbeki and Sorenson, 2021)." + MBEKI_H, H,
     [("Castellano, 2018", ["Castellano"], "2018", None, False, ["no_reference"], None),
      ("Mbeki and Sorenson, 2021", ["Mbeki", "Sorenson"], "2021", None, False, ["author_spelling", "year_mismatch"],
       "Mbeki and Sorensen, 2022")]),
    ("Crews were slow (Mbeki & Sorenson, 2021)." + MBEKI_A, A,
     [("(Mbeki & Sorenson, 2021)", ["Mbeki", "Sorenson"], "2021", None, False, ["author_spelling", "year_mismatch"],
       "(Mbeki & Sorensen, 2022)")]),
    # a secondary citation whose original is listed beside the source read, and never cited as read
    # (the fault is in the list: no fix, since one would repeat the citation)
    ("Bergqvist's (2009, cited in Fairbrother, 2019) point stands." + BERG_H, H,
     [("Bergqvist's (2009, cited in Fairbrother, 2019)", ["Bergqvist"], "2009", None, True,
       ["secondary_lists_original"], None)]),
    ("Bergqvist's (2009, as cited in Fairbrother, 2019) point stands." + BERG_A, A,
     [("Bergqvist's (2009, as cited in Fairbrother, 2019)", ["Bergqvist"], "2009", None, True,
       ["secondary_lists_original"], None)]),
    # (the original also cited as read: listing it is right)
    ("Bergqvist (2009) saw it. Loss is common (Bergqvist, 2009, cited in Fairbrother, 2019)." + BERG_H, H,
     [("Bergqvist (2009)", ["Bergqvist"], "2009", None, True, [], None),
      ("(Bergqvist, 2009, cited in Fairbrother, 2019)", ["Bergqvist"], "2009", None, False, [], None)]),
    # first authors sharing a surname: APA 7 gives their initials in every citation; Cite Them Right does not
    (KHAN, A,
     [("(A. Khan, 2018)", ["Khan"], "2018", None, False, [], None),
      ("(R. Khan, 2020)", ["Khan"], "2020", None, False, [], None),
      ("Khan (2018)", ["Khan"], "2018", None, True, ["inconsistent_form"], "A. Khan (2018)")]),
    (KHAN, H,
     [("(A. Khan, 2018)", ["Khan"], "2018", None, False, ["initials_in_citation"], "(Khan, 2018)"),
      ("(R. Khan, 2020)", ["Khan"], "2020", None, False, ["initials_in_citation"], "(Khan, 2020)"),
      ("Khan (2018)", ["Khan"], "2018", None, True, [], None)]),
    ("Carers struggle (A. Khan, 2018).", A,  # (one Khan: the initials are a fault)
     [("(A. Khan, 2018)", ["Khan"], "2018", None, False, ["initials_in_citation"], "(Khan, 2018)")]),
    # an initial's full stop ends no sentence: the quotation is the first citation's, not the next clause's
    ("A. Kaur (2018) calls it 'a silent emergency', while S. Kaur (2020) found little.", H,
     [("A. Kaur (2018)", ["Kaur"], "2018", None, True, ["initials_in_citation", "no_page_for_quote"],
       "Kaur (2018, p. [page])"),
      ("S. Kaur (2020)", ["Kaur"], "2020", None, True, ["initials_in_citation"], "Kaur (2020)")]),
    ("Kaur (2018) calls it \"a silent emergency\", while Lund (2020) found little.", A,
     [("Kaur (2018)", ["Kaur"], "2018", None, True, ["no_page_for_quote"], "Kaur (2018, p. [page])"),
      ("Lund (2020)", ["Lund"], "2020", None, True, [], None)]),
    # a page written after a narrative citation's bracket: told, with no fix (the page is outside its text)
    ("Ng (2020) pg. 7 notes that trust mattered.", H,
     [("Ng (2020)", ["Ng"], "2020", None, True, ["page_label"], None)]),
    ("Ng (2020) p. 7 notes that trust mattered.", A,
     [("Ng (2020)", ["Ng"], "2020", None, True, ["page_label"], None)]),
    ("Ng (2020) 2019 data show it.", H,  # (a number that is no page)
     [("Ng (2020)", ["Ng"], "2020", None, True, [], None)]),
    # "e.g." without APA 7's comma before the first of several works
    ("It helps (e.g. Ellison et al., 2018; Lange, 2021).", A,
     [("Ellison et al., 2018", ["Ellison"], "2018", None, False, ["eg_comma"], None),
      ("Lange, 2021", ["Lange"], "2021", None, False, [], None)]),
    ("It helps (e.g. Ellison et al., 2018; Lange, 2021).", H,
     [("Ellison et al., 2018", ["Ellison"], "2018", None, False, [], None),
      ("Lange, 2021", ["Lange"], "2021", None, False, [], None)]),
    ("It helps (e.g., Ellison et al., 2018; Lange, 2021).", A,
     [("Ellison et al., 2018", ["Ellison"], "2018", None, False, [], None),
      ("Lange, 2021", ["Lange"], "2021", None, False, [], None)]),
    # a separator left before the bracket closes, after the last of several works
    ("Models differ (Pritchard, 2019; Oyelowo et al., 2021;).", H,
     [("Pritchard, 2019", ["Pritchard"], "2019", None, False, [], None),
      ("Oyelowo et al., 2021", ["Oyelowo"], "2021", None, False, ["debris"], None)]),
    ("Models differ (Oyelowo et al., 2021; Pritchard, 2019;).", A,
     [("Oyelowo et al., 2021", ["Oyelowo"], "2021", None, False, [], None),
      ("Pritchard, 2019", ["Pritchard"], "2019", None, False, ["debris"], None)]),
]


@pytest.mark.parametrize(("passage", "style", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_form_in_style(passage, style, expected):
    assert_form_in_style(passage, style, expected)


def test_messages_name_what_is_outside_the_citation():
    _, [ng], _ = run("Ng (2020) pg. 7 notes that trust mattered.", H)
    assert ng.problems[0].message == (
        'The page is written "pg. 7" after the bracket: put it inside, as "Ng (2020, p. 7)".')
    _, [_, last], _ = run("Models differ (Pritchard, 2019; Oyelowo et al., 2021;).", H)
    assert last.problems[0].message == 'The bracket ends with ";" after its last work: remove it.'
    _, [*_, khan], _ = run(KHAN, A)
    assert "APA 7 gives a first author's initials" in khan.problems[0].message
    _, [berg], _ = run("Bergqvist's (2009, cited in Fairbrother, 2019) point stands." + BERG_H, H)
    assert "list only Fairbrother (2019)" in berg.problems[0].message
