"""The classes the seventeenth blind set (citations_blind16.jsonl) showed,
each judged in both styles: exact span and fields, the problem codes and the
fix the style guide gives (Cite Them Right 12th ed. Harvard; APA 7), beside
the look-alikes each rule must leave alone."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A = "harvard", "apa"
NAMES_THEN_ET_AL = "Waiting times fell after the pilot (Okonjo, Braddock, Petrakis, et al., 2021)."
NO_COMMA_ET_AL = "Waiting times fell after the pilot (Okonjo, Braddock, Petrakis et al., 2021)."
PARTICLE = ("Hand massage may ease distress (de Vries et al., 2016).\n\nReference list\n"
            "De Vries, K.L. et al. (2016) 'Touch in dementia care', Nursing Older People, 28(3), pp. 20-25.")
PARTICLE_LATER = ("Touch matters (Okafor and de Vries, 2016).\n\nReference list\n"
                  "Okafor, T. and De Vries, K.L. (2016) 'Touch in dementia care', Nursing Older People, 28(3), "
                  "pp. 20-25.")
STANDARD = ('In her code, Bello (2018) asks nurses to "treat people as individuals and uphold their dignity" '
            "(standard 1). It was discussed.")
SECTION = 'Mwangi (2020) says staff must "record every restraint in full" (section 4.2). They did.'
FIGURE = 'Mwangi (2020) says staff must "record every restraint in full" (Figure 3). They did.'
STRANDED = ('Hollins (2017) p.43 says that carers should be "treated as partners in care". (Lowe 2012)')
STRANDED_NO_NARRATIVE = 'Carers should be "treated as partners in care". (Lowe 2012)'
PAGE_OUTSIDE = 'Hollins (2017) p.43 writes that carers are "treated as partners in care" on good wards.'

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    # names written out before ", et al." with its comma are APA 7's form for telling two works apart
    # (8.18): only the writer's list can show the need, so APA leaves them alone; Cite Them Right has no
    # such form, and "et al." follows the first name alone
    (NAMES_THEN_ET_AL, A, [("(Okonjo, Braddock, Petrakis, et al., 2021)", ["Okonjo", "Braddock", "Petrakis"],
                            "2021", None, False, [], None)]),
    (NAMES_THEN_ET_AL, H, [("(Okonjo, Braddock, Petrakis, et al., 2021)", ["Okonjo", "Braddock", "Petrakis"],
                            "2021", None, False, ["comma_before_et_al", "et_al_needed"], "(Okonjo et al., 2021)")]),
    (NO_COMMA_ET_AL, A, [("(Okonjo, Braddock, Petrakis et al., 2021)", ["Okonjo", "Braddock", "Petrakis"],
                          "2021", None, False, ["et_al_needed"], "(Okonjo et al., 2021)")]),
    # a lower-case particle cited for an entry that opens with it capitalised: the capital may only open the
    # entry, so the citation is left alone (a later author's particle is still compared)
    (PARTICLE, H, [("(de Vries et al., 2016)", ["de Vries"], "2016", None, False, [], None)]),
    (PARTICLE.replace("Reference list", "References").replace("(2016) 'Touch", "(2016). Touch"), A,
     [("(de Vries et al., 2016)", ["de Vries"], "2016", None, False, [], None)]),
    (PARTICLE_LATER, H, [("(Okafor and de Vries, 2016)", ["Okafor", "de Vries"], "2016", None, False,
                          ["author_spelling"], "(Okafor and De Vries, 2016)")]),
    # a bracket holding only a numbered part of the source ("standard 1", "section 4.2") later in the
    # quotation's sentence is the quotation's locator: no page is asked (a figure is no locator of words)
    (STANDARD, H, [("Bello (2018)", ["Bello"], "2018", None, True, [], None)]),
    (STANDARD, A, [("Bello (2018)", ["Bello"], "2018", None, True, [], None)]),
    (SECTION, A, [("Mwangi (2020)", ["Mwangi"], "2020", None, True, [], None)]),
    (FIGURE, H, [("Mwangi (2020)", ["Mwangi"], "2020", None, True, ["no_page_for_quote"],
                  "Mwangi (2020, p. [page])")]),
    # a bracket stranded after the full stop does not cite a quotation that a narrative citation of the
    # sentence introduced; with no such citation it still does
    (STRANDED, A, [("Hollins (2017)", ["Hollins"], "2017", None, True, ["no_page_for_quote", "page_label"],
                    "Hollins (2017, p. 43)"),
                   ("(Lowe 2012)", ["Lowe"], "2012", None, False, ["missing_comma"], "(Lowe, 2012)")]),
    (STRANDED, H, [("Hollins (2017)", ["Hollins"], "2017", None, True, ["no_page_for_quote", "page_label"],
                    "Hollins (2017, p. 43)"),
                   ("(Lowe 2012)", ["Lowe"], "2012", None, False, ["missing_comma"], "(Lowe, 2012)")]),
    (STRANDED_NO_NARRATIVE, H, [("(Lowe 2012)", ["Lowe"], "2012", None, False,
                                 ["missing_comma", "no_page_for_quote"], "(Lowe, 2012, p. [page])")]),
    # the page written after a narrative bracket goes into the fix, not "[page]"
    (PAGE_OUTSIDE, H, [("Hollins (2017)", ["Hollins"], "2017", None, True, ["no_page_for_quote", "page_label"],
                        "Hollins (2017, p. 43)")]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_seventeenth_set_classes(case: tuple) -> None:
    assert_form_in_style(*case)
