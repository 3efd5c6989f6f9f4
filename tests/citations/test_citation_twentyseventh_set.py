"""The classes the twenty-seventh round fixed (the twenty-sixth blind set,
citations_blind25), each judged in both styles where it applies: exact span
and fields, the problem codes and the fix the style guide gives (Cite Them
Right 12th ed. Harvard; APA 7), beside the look-alikes each rule must leave
alone. The wordings are this file's own, not the set's."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A = "harvard", "apa"

# a year far from that of an entry the passage cites rightly elsewhere: another work, missing from the list
FAR = ("Mensah (2009) mapped the wards. Newer advice from Mensah (2021) goes further.\n\nReference list\n"
       "Mensah, K. (2009) Ward maps. Leeds: Pub.")
FAR_A = ("Mensah (2009) mapped the wards. Newer advice from Mensah (2021) goes further.\n\nReferences\n"
         "Mensah, K. (2009). Ward maps. Pub.")
FAR_ET_AL_A = ("Care moved online (Okafor, Lee, Hull, & Banks, 2021). Okafor and colleagues call it "
               "\"a slow, uneven shift\" (Okafor et al., 2016, p. 3).\n\nReferences\n"
               "Okafor, N., Lee, M., Hull, L., & Banks, D. (2021). Online care. BMJ, 3, 1-9.")
FAR_ET_AL = ("Care moved online (Okafor et al., 2021). Okafor and colleagues call it "
             "'a slow, uneven shift' (Okafor et al., 2016, p. 3).\n\nReference list\n"
             "Okafor, N., Lee, M., Hull, L. and Banks, D. (2021) 'Online care', BMJ, 3, pp. 1-9.")
# look-alikes: a year one from the entry's is a slip (fixed); an entry cited nowhere rightly keeps its link
SLIP = ("Mensah (2009) mapped the wards. Mensah (2010) later softened this.\n\nReference list\n"
        "Mensah, K. (2009) Ward maps. Leeds: Pub.")
SLIP_A = ("Mensah (2009) mapped the wards. Mensah (2010) later softened this.\n\nReferences\n"
          "Mensah, K. (2009). Ward maps. Pub.")
NOWHERE = "Newer advice from Mensah (2021) goes further.\n\nReference list\nMensah, K. (2009) Ward maps. Leeds: Pub."
# an acronym stands for its body under either spelling in the list
SPELT = ("The International Labour Organization (ILO) (2022) counts the workers. Pay fell (ILO, 2014).\n\n"
         "Reference list\nInternational Labour Organisation (2014) Pay. Geneva: ILO.\n"
         "International Labour Organization (2022) Workers. Geneva: ILO.")
SPELT_A = ("The International Labour Organization (ILO, 2022) counts the workers. Pay fell (ILO, 2014).\n\n"
           "References\nInternational Labour Organisation. (2014). Pay. ILO.\n"
           "International Labour Organization. (2022). Workers. ILO.")
# look-alike: another body sharing the letters is not the same body
OTHER_BODY = ("The International Labour Organization (ILO) (2022) counts the workers. Pay fell (ILO, 2014).\n\n"
              "Reference list\nIndependent Living Office (2014) Pay. Leeds: ILO.\n"
              "International Labour Organization (2022) Workers. Geneva: ILO.")
# Cite Them Right's personal communication: the person and the year, the phrase dropped
SAID = "My mentor stressed the handover (Mensah, 2024, personal communication)."
SAID_SPOKEN = "My mentor stressed the handover (Mensah, 2024)."

ILO = "The International Labour Organization (ILO)"
ILO_A = "The International Labour Organization (ILO, 2022)"

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    (FAR, H, [("Mensah (2009)", ["Mensah"], "2009", None, True, [], None),
              ("Mensah (2021)", ["Mensah"], "2021", None, True, ["no_reference"], None)]),
    (FAR_A, A, [("Mensah (2009)", ["Mensah"], "2009", None, True, [], None),
                ("Mensah (2021)", ["Mensah"], "2021", None, True, ["no_reference"], None)]),
    (FAR_ET_AL_A, A, [("(Okafor, Lee, Hull, & Banks, 2021)", ["Okafor", "Lee", "Hull", "Banks"], "2021", None,
                       False, ["et_al_needed"], "(Okafor et al., 2021)"),
                      ("(Okafor et al., 2016, p. 3)", ["Okafor"], "2016", "3", False, ["no_reference"], None)]),
    (FAR_ET_AL, H, [("(Okafor et al., 2021)", ["Okafor"], "2021", None, False, [], None),
                    ("(Okafor et al., 2016, p. 3)", ["Okafor"], "2016", "3", False, ["no_reference"], None)]),
    (SLIP, H, [("Mensah (2009)", ["Mensah"], "2009", None, True, [], None),
               ("Mensah (2010)", ["Mensah"], "2010", None, True, ["year_mismatch"], "Mensah (2009)")]),
    (SLIP_A, A, [("Mensah (2009)", ["Mensah"], "2009", None, True, [], None),
                 ("Mensah (2010)", ["Mensah"], "2010", None, True, ["year_mismatch"], "Mensah (2009)")]),
    (NOWHERE, H, [("Mensah (2021)", ["Mensah"], "2021", None, True, ["year_mismatch"], "Mensah (2009)")]),
    (SPELT, H, [(f"{ILO} (2022)", ["The International Labour Organization"], "2022", None, True, [], None),
                ("(ILO, 2014)", ["ILO"], "2014", None, False, [], None)]),
    (SPELT_A, A, [(ILO_A, ["The International Labour Organization"], "2022", None, True, [], None),
                  ("(ILO, 2014)", ["ILO"], "2014", None, False, [], None)]),
    (OTHER_BODY, H, [(f"{ILO} (2022)", ["The International Labour Organization"], "2022", None, True, [], None),
                     ("(ILO, 2014)", ["ILO"], "2014", None, False, ["no_reference"], None)]),
    (SAID, H, [("(Mensah, 2024, personal communication)", ["Mensah"], "2024", None, False,
                ["personal_communication"], "(Mensah, 2024)")]),
    (SAID_SPOKEN, H, [("(Mensah, 2024)", ["Mensah"], "2024", None, False, [], None)]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_twentyseventh_round_classes(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)
