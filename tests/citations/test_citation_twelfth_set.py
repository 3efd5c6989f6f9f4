"""The classes the twelfth blind set (citations_blind11.jsonl) showed, and the
wrong fix the eleventh set's r31 left ("(Women in Prison, forthcoming)" fixed
to "(Prison, in press)"), each judged in both styles: exact span and fields,
the problem codes and the fix the style guide gives (Cite Them Right 12th ed.
Harvard; APA 7), beside the look-alikes each rule must leave alone."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A = "harvard", "apa"
MODEL_OF = 'In this reflection I use the "What? So what? Now what?" model of Adeyemi-Cole (2015) to reflect.'
MODEL_BRACKET = 'I used the "what, so what, now what" model (Rolfe, Freshwater and Jasper, 2001) after the visit.'
LONG_QUOTE = 'I used the "listen first, then act, then check again" model of Adeyemi-Cole (2015) after the visit.'
SCIE = ('It is key (Social Care Institute for Excellence, 2022). SCIE (2022) states that staff should'
        ' "ask the person what a good outcome would be" first.')
VIDEO = 'A video says "the child should choose the distraction, not the nurse" (Paediatric Pain Network, 2020, 4:12).'
WIP_LIST_H = "It is hard (Women in Prison, 2021).\n\nReferences\n\nWomen in Prison (2021) Annual report. London: WiP."

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    # a short quoted model name right before its model word and the citation of its author asks no page
    # (s15: 'the "What? So what? Now what?" model of Adeyemi-Cole (2015)')
    (MODEL_OF, A, [("Adeyemi-Cole (2015)", ["Adeyemi-Cole"], "2015", None, True, [], None)]),
    (MODEL_OF, H, [("Adeyemi-Cole (2015)", ["Adeyemi-Cole"], "2015", None, True, [], None)]),
    (MODEL_OF.replace('"', "'"), H, [("Adeyemi-Cole (2015)", ["Adeyemi-Cole"], "2015", None, True, [], None)]),
    (MODEL_BRACKET, H,  # (the citation in a bracket after the model's word)
     [("(Rolfe, Freshwater and Jasper, 2001)", ["Rolfe", "Freshwater", "Jasper"], "2001", None, False, [], None)]),
    (MODEL_BRACKET, A,  # (APA 7's own faults are still told; no page is asked)
     [("(Rolfe, Freshwater and Jasper, 2001)", ["Rolfe", "Freshwater", "Jasper"], "2001", None, False,
       ["and_ampersand", "et_al_needed"], "(Rolfe et al., 2001)")]),
    (LONG_QUOTE, A,  # (more than five words: a quotation, whose page is asked)
     [("Adeyemi-Cole (2015)", ["Adeyemi-Cole"], "2015", None, True, ["no_page_for_quote"],
       "Adeyemi-Cole (2015, p. [page])")]),
    (LONG_QUOTE, H,
     [("Adeyemi-Cole (2015)", ["Adeyemi-Cole"], "2015", None, True, ["no_page_for_quote"],
       "Adeyemi-Cole (2015, p. [page])")]),
    ('Adeyemi-Cole (2015) calls care "a conversation about what matters" in every visit.', A,  # (no model word)
     [("Adeyemi-Cole (2015)", ["Adeyemi-Cole"], "2015", None, True, ["no_page_for_quote"],
       "Adeyemi-Cole (2015, p. [page])")]),
    # s21 (annotation corrected): an undefined abbreviation quoted from is fixed to the name with the page
    (SCIE, A,
     [("(Social Care Institute for Excellence, 2022)", ["Social Care Institute for Excellence"], "2022", None,
       False, [], None),
      ("SCIE (2022)", ["SCIE"], "2022", None, True, ["inconsistent_form", "no_page_for_quote"],
       "Social Care Institute for Excellence (2022, p. [page])")]),
    (SCIE, H,
     [("(Social Care Institute for Excellence, 2022)", ["Social Care Institute for Excellence"], "2022", None,
       False, [], None),
      ("SCIE (2022)", ["SCIE"], "2022", None, True, ["inconsistent_form", "no_page_for_quote"],
       "Social Care Institute for Excellence (2022, p. [page])")]),
    # a time in a recording is the locator both guides give for a video's words, not a bare page
    # (s17 "(Paediatric Pain Network, 2020, 4:12)" was fixed to "p. 4"; s32 "03:15" to "p. 03")
    (VIDEO, A, [("(Paediatric Pain Network, 2020, 4:12)", ["Paediatric Pain Network"], "2020", "4:12", False, [],
                 None)]),
    (VIDEO, H, [("(Paediatric Pain Network, 2020, 4:12)", ["Paediatric Pain Network"], "2020", "4:12", False, [],
                 None)]),
    ('Dean said "she asked what I wanted" (Hale, 2021, 00:14:32).', H,
     [("(Hale, 2021, 00:14:32)", ["Hale"], "2021", "00:14:32", False, [], None)]),
    ("A video says 'the child should choose' (Smith & Jones, 2020, 4:12).", H,  # (another fix keeps the time)
     [("(Smith & Jones, 2020, 4:12)", ["Smith", "Jones"], "2020", "4:12", False, ["and_ampersand"],
       "(Smith and Jones, 2020, 4:12)")]),
    ('A video says "the child should choose" (Smith, Jones, Lee and Park, 2020, 4:12).', A,
     [("(Smith, Jones, Lee and Park, 2020, 4:12)", ["Smith", "Jones", "Lee", "Park"], "2020", "4:12", False,
       ["and_ampersand", "et_al_needed"], "(Smith et al., 2020, 4:12)")]),
    ("It is so (Smith, 2020, 45).", A,  # (a bare number is still a page without its label)
     [("(Smith, 2020, 45)", ["Smith"], "2020", "45", False, ["page_label"], "(Smith, 2020, p. 45)")]),
    ("It is so (Smith, 2020, 45).", H,
     [("(Smith, 2020, 45)", ["Smith"], "2020", "45", False, ["page_label"], "(Smith, 2020, p. 45)")]),
    # "in" between two capitalised everyday words is a word of an organisation's name, not "cited in"
    # (blind10 r31: "(Women in Prison, forthcoming)" was fixed to "(Prison, in press)")
    ("It is hard (Women in Prison, forthcoming).", A,
     [("(Women in Prison, forthcoming)", ["Women in Prison"], "forthcoming", None, False, ["in_press_form"],
       "(Women in Prison, in press)")]),
    ("It is hard (Women in Prison, forthcoming).", H,  # (Cite Them Right writes "forthcoming")
     [("(Women in Prison, forthcoming)", ["Women in Prison"], "forthcoming", None, False, [], None)]),
    ("It is hard (Skills in Care, n.d.).", A,
     [("(Skills in Care, n.d.)", ["Skills in Care"], "n.d.", None, False, [], None)]),
    ("It is hard (Skills in Care, no date).", H,  # (Cite Them Right's "no date")
     [("(Skills in Care, no date)", ["Skills in Care"], "n.d.", None, False, [], None)]),
    ("Women in Prison (2021) argue that centres work.", A,
     [("Women in Prison (2021)", ["Women in Prison"], "2021", None, True, [], None)]),
    ("Women in Prison (2021) argue that centres work.", H,
     [("Women in Prison (2021)", ["Women in Prison"], "2021", None, True, [], None)]),
    (WIP_LIST_H, H,  # (and it is the listed organisation)
     [("(Women in Prison, 2021)", ["Women in Prison"], "2021", None, False, [], None)]),
    # a surname before "in" is still the original read in another source
    ("It is key (Tuckman, 1965 in Lind, 2013).", H,
     [("(Tuckman, 1965 in Lind, 2013)", ["Tuckman"], "1965", None, False, ["secondary_wording"],
       "(Tuckman, 1965, cited in Lind, 2013)")]),
    ("It is key (Tuckman, 1965 in Lind, 2013).", A,
     [("(Tuckman, 1965 in Lind, 2013)", ["Tuckman"], "1965", None, False, ["secondary_wording"],
       "(Tuckman, 1965, as cited in Lind, 2013)")]),
    ("It matters (Tuckman, 1965, cited in Lind, 2013; Women in Prison, 2021).", H,
     [("Tuckman, 1965, cited in Lind, 2013", ["Tuckman"], "1965", None, False, [], None),
      ("Women in Prison, 2021", ["Women in Prison"], "2021", None, False, [], None)]),
    ("It matters (Tuckman, 1965, as cited in Lind, 2013; Women in Prison, 2021).", A,
     [("Tuckman, 1965, as cited in Lind, 2013", ["Tuckman"], "1965", None, False, [], None),
      ("Women in Prison, 2021", ["Women in Prison"], "2021", None, False, [], None)]),
]


@pytest.mark.parametrize(("passage", "style", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_form_in_style(passage, style, expected):
    assert_form_in_style(passage, style, expected)
