"""The classes the fourteenth blind set (citations_blind13.jsonl) showed, each
judged in both styles: exact span and fields, the problem codes and the fix
the style guide gives (Cite Them Right 12th ed. Harvard; APA 7), beside the
look-alikes each rule must leave alone."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A = "harvard", "apa"
ALSO_SAYS = "Staffing matters on nights. Also (Okonkwo, 2016) says that handovers suffer."
OPENS = "Handovers were rushed. (Farrant & Pyle, 2020) describe the same pattern in two trusts."
MODEL = "Boud, Keogh and Walker (1985) offer a three-stage 'return, attend, re-evaluate' model of reflection."
CALLED = "Boud, Keogh and Walker (1985) call it a 'return, attend, re-evaluate' model of reflection."
TWO_BODIES = "Joint guidance followed (Ministry of Justice and Department for Education, 2019)."
COMMA_ABBREVIATION = "Inspections changed (Care Quality Commission, CQC, 2022, p 7), and CQC (2022) says why."

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    # a citation in brackets used as a part of its sentence (its subject, after "Also" or opening it; or after
    # "according to") is year_brackets: both guides name the author in the text, the year in brackets
    (ALSO_SAYS, H, [("(Okonkwo, 2016)", ["Okonkwo"], "2016", None, False, ["year_brackets"], "Okonkwo (2016)")]),
    (ALSO_SAYS, A, [("(Okonkwo, 2016)", ["Okonkwo"], "2016", None, False, ["year_brackets"], "Okonkwo (2016)")]),
    (OPENS, A,
     [("(Farrant & Pyle, 2020)", ["Farrant", "Pyle"], "2020", None, False, ["year_brackets"],
       "Farrant and Pyle (2020)")]),
    (OPENS, H,  # ("&" is its own fault in Cite Them Right; one fix mends both)
     [("(Farrant & Pyle, 2020)", ["Farrant", "Pyle"], "2020", None, False, ["and_ampersand", "year_brackets"],
       "Farrant and Pyle (2020)")]),
    ("According to (S. Marsh, 2018) nobody read the plan.", A,
     [("(S. Marsh, 2018)", ["Marsh"], "2018", None, False, ["initials_in_citation", "year_brackets"],
       "Marsh (2018)")]),
    ("This tool (Okonkwo, 2016) says little about nights.", H,  # (an aside after a noun: the bracket stays)
     [("(Okonkwo, 2016)", ["Okonkwo"], "2016", None, False, [], None)]),
    ("Handovers suffer at night (Okonkwo, 2016).", A,  # (the ordinary bracket at the end)
     [("(Okonkwo, 2016)", ["Okonkwo"], "2016", None, False, [], None)]),
    # a short quoted phrase between a determiner (and up to two words) and a model's word is the model's name
    (MODEL, H,
     [("Boud, Keogh and Walker (1985)", ["Boud", "Keogh", "Walker"], "1985", None, True, [], None)]),
    (MODEL.replace("Keogh and", "Keogh, &"), A,  # (the name asks no page; the authors still want "et al.")
     [("Boud, Keogh, & Walker (1985)", ["Boud", "Keogh", "Walker"], "1985", None, True,
       ["and_ampersand", "et_al_needed"], "Boud et al. (1985)")]),
    (CALLED, H,  # (the authors' own words for it, quoted: a page)
     [("Boud, Keogh and Walker (1985)", ["Boud", "Keogh", "Walker"], "1985", None, True, ["no_page_for_quote"],
       "Boud, Keogh and Walker (1985, p. [page])")]),
    # organisations side by side in one bracket, the first and last each with a joining word, are two authors
    (TWO_BODIES, H,
     [("(Ministry of Justice and Department for Education, 2019)", ["Ministry of Justice", "Department for Education"],
       "2019", None, False, [], None)]),
    (TWO_BODIES, A,
     [("(Ministry of Justice and Department for Education, 2019)", ["Ministry of Justice", "Department for Education"],
       "2019", None, False, ["and_ampersand"], "(Ministry of Justice & Department for Education, 2019)")]),
    ("Funding was cut (Department for Culture, Media and Sport, 2018).", A,  # (one body: the last has no "of")
     [("(Department for Culture, Media and Sport, 2018)", ["Department for Culture, Media and Sport"], "2018",
       None, False, [], None)]),
    ("Funding was cut (Department of Health and Social Care, 2018).", H,
     [("(Department of Health and Social Care, 2018)", ["Department of Health and Social Care"], "2018", None,
       False, [], None)]),
    # an organisation's abbreviation set off by commas is its abbreviation: it defines it, and a fix writes
    # it in the style's brackets
    (COMMA_ABBREVIATION, A,
     [("(Care Quality Commission, CQC, 2022, p 7)", ["Care Quality Commission"], "2022", "7", False, ["page_label"],
       "(Care Quality Commission [CQC], 2022, p. 7)"),
      ("CQC (2022)", ["CQC"], "2022", None, True, [], None)]),
    (COMMA_ABBREVIATION, H,
     [("(Care Quality Commission, CQC, 2022, p 7)", ["Care Quality Commission"], "2022", "7", False, ["page_label"],
       "(Care Quality Commission (CQC), 2022, p. 7)"),
      ("CQC (2022)", ["CQC"], "2022", None, True, [], None)]),
    ("Pressure ulcers rose (Ahmadi, B., 2021).", A,  # (an initial after a comma is no abbreviation)
     [("(Ahmadi, B., 2021)", ["Ahmadi"], "2021", None, False, ["initials_in_citation"], "(Ahmadi, 2021)")]),
    # the bracket's author also named right before it: the narrative form mends it, outside the bracket: no fix
    ("The point is made by Achebe (Achebe 2012) in her review.", H,
     [("(Achebe 2012)", ["Achebe"], "2012", None, False, ["missing_comma"], None)]),
    ("The point is made by Mbeki (Achebe 2012) in her review.", H,  # (another name before it: the bracket's fix)
     [("(Achebe 2012)", ["Achebe"], "2012", None, False, ["missing_comma"], "(Achebe, 2012)")]),
    # a bracket that opens with the secondary phrase names no original: its fix would need the original's name
    ("Lister first used antiseptic in surgery (cited in Harlow et al., 2019).", A,
     [("(cited in Harlow et al., 2019)", ["Harlow"], "2019", None, False, ["secondary_wording"], None)]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_form_in_style(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)
