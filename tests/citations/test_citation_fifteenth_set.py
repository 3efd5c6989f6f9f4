"""The classes the fifteenth and sixteenth blind sets (citations_blind14.jsonl,
citations_blind15.jsonl) showed, each judged in both styles: exact span and
fields, the problem codes and the fix the style guide gives (Cite Them Right
12th ed. Harvard; APA 7), beside the look-alikes each rule must leave alone."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A, L = "harvard", "apa", "harvard-local"
LATER_PAGE = 'Okoro (2016) calls it "the quiet work of keeping families informed" on night shifts (pp. 40–41).'
AFTER_BRACKET = 'Rotas were "a negotiation rather than a plan" (Whitlow, 2019)(p. 7). Nobody disagreed.'
STRAY_YEAR = "Marsh (2020) writes that 'discharge begins on the day of admission' (2020) (p. 12). It did."
OTHER_BETWEEN = 'Okoro (2016) calls it "the quiet work of keeping families informed", as Lund (2018) did (p. 9).'
SUPPLEMENT = "Care plans were audited (Devlin et al., 2019, p. S14)."
DOCUMENT = "On my ward the 'All About Me' document was seldom used, although Carers Trust (2020) urges it."
DOUBLE_COMMA = "Waiting lists grew (Harrow,, 2017)."
COLON = "Falls fell after the audit (Pettersen et al.: 2021)."
FULL_STOP = "Every setting must plan for play (Ofsted. 2022)."
ET_AL_AFTER_NAMES = "Return rates were low (Halvorsen, Byrne, Quist, Amadi et al., 2018)."
TWO_THEN_ET_AL = "Halvorsen and Byrne et al. (2018) found low return rates."
FIRST_NAME = "Lately, Helen Marwick (2022) found that carers wait longer."
THE_REPORT = "The Marwick (2022) report found that carers wait longer."
AS_CITED = "Ferreira (2004, as cited in Lowe, 2018) describes the same gap."

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    # a bracket holding only the page, later in the quotation's sentence with no other citation between, is
    # the quotation's page: no page is asked for (before, "p. [page]" was offered where the page stood)
    (LATER_PAGE, H, [("Okoro (2016)", ["Okoro"], "2016", None, True, [], None)]),
    (LATER_PAGE, A, [("Okoro (2016)", ["Okoro"], "2016", None, True, [], None)]),
    (AFTER_BRACKET, A, [("(Whitlow, 2019)", ["Whitlow"], "2019", None, False, [], None)]),
    (STRAY_YEAR, H, [("Marsh (2020)", ["Marsh"], "2020", None, True, [], None)]),
    (OTHER_BETWEEN, H,  # (a citation between: the page may be that work's, so the first still wants one)
     [("Okoro (2016)", ["Okoro"], "2016", None, True, ["no_page_for_quote"], "Okoro (2016, p. [page])"),
      ("Lund (2018)", ["Lund"], "2018", None, True, [], None)]),
    (LATER_PAGE.replace("(pp. 40–41)", "(pg. 40)"), H,  # (the page bracket's own label is still checked)
     [("Okoro (2016)", ["Okoro"], "2016", None, True, ["page_label"], None)]),
    # a supplement's page, "p. S14", is a page
    (SUPPLEMENT, A, [("(Devlin et al., 2019, p. S14)", ["Devlin"], "2019", "S14", False, [], None)]),
    (SUPPLEMENT.replace("p. S14", "pp S14-S16"), H,
     [("(Devlin et al., 2019, pp S14-S16)", ["Devlin"], "2019", "S14-S16", False, ["page_label"],
       "(Devlin et al., 2019, pp. S14–S16)")]),
    # a short quoted phrase after a determiner naming a document (or policy, programme) is its name
    (DOCUMENT, H, [("Carers Trust (2020)", ["Carers Trust"], "2020", None, True, [], None)]),
    (DOCUMENT, A, [("Carers Trust (2020)", ["Carers Trust"], "2020", None, True, [], None)]),
    # a doubled comma is one too many; a colon or a full stop where the comma goes is a missing comma
    (DOUBLE_COMMA, H, [("(Harrow,, 2017)", ["Harrow"], "2017", None, False, ["stray_comma"], "(Harrow, 2017)")]),
    (DOUBLE_COMMA, A, [("(Harrow,, 2017)", ["Harrow"], "2017", None, False, ["stray_comma"], "(Harrow, 2017)")]),
    (COLON, A, [("(Pettersen et al.: 2021)", ["Pettersen"], "2021", None, False, ["missing_comma"],
                 "(Pettersen et al., 2021)")]),
    (COLON, H, [("(Pettersen et al.: 2021)", ["Pettersen"], "2021", None, False, ["missing_comma"],
                 "(Pettersen et al., 2021)")]),
    (FULL_STOP, H, [("(Ofsted. 2022)", ["Ofsted"], "2022", None, False, ["missing_comma"], "(Ofsted, 2022)")]),
    (FULL_STOP, A, [("(Ofsted. 2022)", ["Ofsted"], "2022", None, False, ["missing_comma"], "(Ofsted, 2022)")]),
    ("Falls fell (Pettersen, 2021: 4).", H,  # (a colon after the year is a page label, as before)
     [("(Pettersen, 2021: 4)", ["Pettersen"], "2021", "4", False, ["page_label"], "(Pettersen, 2021, p. 4)")]),
    # "et al." after several names: it follows the first name alone, when the names written already reach the
    # style's "et al." threshold (four in Cite Them Right, three in APA 7 and the local variant)
    (ET_AL_AFTER_NAMES, H,
     [("(Halvorsen, Byrne, Quist, Amadi et al., 2018)", ["Halvorsen", "Byrne", "Quist", "Amadi"], "2018", None,
       False, ["et_al_needed"], "(Halvorsen et al., 2018)")]),
    (ET_AL_AFTER_NAMES, A,
     [("(Halvorsen, Byrne, Quist, Amadi et al., 2018)", ["Halvorsen", "Byrne", "Quist", "Amadi"], "2018", None,
       False, ["et_al_needed"], "(Halvorsen et al., 2018)")]),
    (TWO_THEN_ET_AL, A,
     [("Halvorsen and Byrne et al. (2018)", ["Halvorsen", "Byrne"], "2018", None, True, ["et_al_needed"],
       "Halvorsen et al. (2018)")]),
    (TWO_THEN_ET_AL, L,
     [("Halvorsen and Byrne et al. (2018)", ["Halvorsen", "Byrne"], "2018", None, True, ["et_al_needed"],
       "Halvorsen et al. (2018)")]),
    (TWO_THEN_ET_AL, H,  # (three or more names in Cite Them Right: which, only the list says; nothing told)
     [("Halvorsen and Byrne et al. (2018)", ["Halvorsen", "Byrne"], "2018", None, True, [], None)]),
    # a first name before a narrative citation's surname, as inside a bracket, is initials_in_citation
    (FIRST_NAME, H, [("Helen Marwick (2022)", ["Marwick"], "2022", None, True, ["initials_in_citation"],
                      "Marwick (2022)")]),
    (FIRST_NAME, A, [("Helen Marwick (2022)", ["Marwick"], "2022", None, True, ["initials_in_citation"],
                      "Marwick (2022)")]),
    (THE_REPORT, A,  # ("The" is no first name)
     [("The Marwick (2022)", ["The Marwick"], "2022", None, True, [], None)]),
    # Cite Them Right prints "cited in"; APA 7's "as cited in" is secondary_wording there (and right in APA 7)
    (AS_CITED, H,
     [("Ferreira (2004, as cited in Lowe, 2018)", ["Ferreira"], "2004", None, True, ["secondary_wording"],
       "Ferreira (2004, cited in Lowe, 2018)")]),
    (AS_CITED, A,
     [("Ferreira (2004, as cited in Lowe, 2018)", ["Ferreira"], "2004", None, True, [], None)]),
    (AS_CITED.replace("as cited", "cited"), H,
     [("Ferreira (2004, cited in Lowe, 2018)", ["Ferreira"], "2004", None, True, [], None)]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_fifteenth_set_class(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)
