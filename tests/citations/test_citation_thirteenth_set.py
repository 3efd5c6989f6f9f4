"""The classes the thirteenth blind set (citations_blind12.jsonl) showed, and
the wrong fix the twelfth set's round left ("(Tuckman in Lind, 2013)" fixed to
"(Lind, 2013)", dropping the original), each judged in both styles: exact
span and fields, the problem codes and the fix the style guide gives (Cite
Them Right 12th ed. Harvard; APA 7), beside the look-alikes each rule must
leave alone."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A = "harvard", "apa"
NO_YEAR_IN = "Group norms form early (Sherif in Brandt, 2009)."
NO_YEAR_CITED = "Group norms form early (Sherif, cited in Brandt, 2009)."
NO_YEAR_AS_CITED = "Group norms form early (Sherif, as cited in Brandt, 2009)."
NARRATIVE_NO_YEAR = "Okwuosa (as cited in Barr & Lyle-Patel, 2019) had called this 'quiet rationing' before."
ADVICE = "Advice in Hertfordshire (2022) set out what respite should offer."
TOLD_QUOTE = "A senior social worker told me that 'nobody reads the plan after week one' (Adebayo, 2024)."
TOLD_ROLE = "The staff nurse told me that agency staff rarely see the care plan (Staff Nurse, 2024)."
CAMPAIGN = "The Sense (2019) campaign 'Left out of care' argues that deafblind adults are overlooked."
SIDE_BY_SIDE = "Rehabilitation is relational (Haworth, 2014; Haworth & Ng-Baptiste, 2014)."
PARTICLE_LIST = ("Morale fell, as Quayle and Van der Berg (2017) show.\n\nReferences\n\n"
                 "Quayle, R., & van der Berg, T. (2017). Morale in community teams. Nursing Standard, 32(4), 41-47.")

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    # the original named before the secondary phrase without its year is kept, not dropped: APA 7 leaves
    # an unknown year out (8.6); Cite Them Right always gives the original's year, which the source read cites
    (NO_YEAR_IN, H,
     [("(Sherif in Brandt, 2009)", ["Sherif"], "", None, False, ["missing_year", "secondary_wording"],
       "(Sherif, [year], cited in Brandt, 2009)")]),
    (NO_YEAR_IN, A,
     [("(Sherif in Brandt, 2009)", ["Sherif"], "", None, False, ["secondary_wording"],
       "(Sherif, as cited in Brandt, 2009)")]),
    (NO_YEAR_CITED, H,
     [("(Sherif, cited in Brandt, 2009)", ["Sherif"], "", None, False, ["missing_year"],
       "(Sherif, [year], cited in Brandt, 2009)")]),
    (NO_YEAR_AS_CITED, A,  # (APA 7's own form: nothing to say)
     [("(Sherif, as cited in Brandt, 2009)", ["Sherif"], "", None, False, [], None)]),
    ("Group norms form early (Sherif and Hovland in Brandt, 2009).", A,
     [("(Sherif and Hovland in Brandt, 2009)", ["Sherif", "Hovland"], "", None, False,
       ["and_ampersand", "secondary_wording"], "(Sherif & Hovland, as cited in Brandt, 2009)")]),
    ("Group norms form early (as cited in Brandt, 2009).", A,  # (no original named: the source read alone)
     [("(as cited in Brandt, 2009)", ["Brandt"], "2009", None, False, [], None)]),
    # a name before a bracket opening with the secondary phrase is a narrative secondary citation
    (NARRATIVE_NO_YEAR, A,
     [("Okwuosa (as cited in Barr & Lyle-Patel, 2019)", ["Okwuosa"], "", None, True, [], None)]),
    (NARRATIVE_NO_YEAR.replace("as cited in Barr &", "cited in Barr and"), H,
     [("Okwuosa (cited in Barr and Lyle-Patel, 2019)", ["Okwuosa"], "", None, True, ["missing_year"],
       "Okwuosa ([year], cited in Barr and Lyle-Patel, 2019)")]),
    ("the approach (cited in Barr, 2019) works.", H,  # (no name before the bracket: the source read alone)
     [("(cited in Barr, 2019)", ["Barr"], "2019", None, False, [], None)]),
    # "in" after a capitalised everyday word and before a place is a word of a local organisation's name
    (ADVICE, H, [("Advice in Hertfordshire (2022)", ["Advice in Hertfordshire"], "2022", None, True, [], None)]),
    (ADVICE, A, [("Advice in Hertfordshire (2022)", ["Advice in Hertfordshire"], "2022", None, True, [], None)]),
    ("Respite is scarce (Advice in Hertfordshire, forthcoming).", A,
     [("(Advice in Hertfordshire, forthcoming)", ["Advice in Hertfordshire"], "forthcoming", None, False,
       ["in_press_form"], "(Advice in Hertfordshire, in press)")]),
    ("Respite is scarce (Advice in Hertfordshire, 2022).", H,
     [("(Advice in Hertfordshire, 2022)", ["Advice in Hertfordshire"], "2022", None, False, [], None)]),
    ("Respite is scarce (Hopwood in Leeds, 2022).", H,  # (a surname before "in": still the original read)
     [("(Hopwood in Leeds, 2022)", ["Hopwood"], "", None, False, ["missing_year", "secondary_wording"],
       "(Hopwood, [year], cited in Leeds, 2022)")]),
    # words the writer was told (a personal communication) have no page; APA 7 wants its own form
    (TOLD_QUOTE, H, [("(Adebayo, 2024)", ["Adebayo"], "2024", None, False, [], None)]),
    (TOLD_QUOTE, A, [("(Adebayo, 2024)", ["Adebayo"], "2024", None, False, ["personal_communication"], None)]),
    (TOLD_ROLE, H, [("(Staff Nurse, 2024)", ["Staff Nurse"], "2024", None, False, [], None)]),
    (TOLD_ROLE, A,
     [("(Staff Nurse, 2024)", ["Staff Nurse"], "2024", None, False, ["personal_communication"], None)]),
    ("My mentor told me to read the guidance on consent (Department of Health, 2019).", A,  # (a work)
     [("(Department of Health, 2019)", ["Department of Health"], "2019", None, False, [], None)]),
    ("Adebayo (2024) told readers that 'nobody reads the plan after week one'.", H,  # (told readers: a work)
     [("Adebayo (2024)", ["Adebayo"], "2024", None, True, ["no_page_for_quote"], "Adebayo (2024, p. [page])")]),
    # a short quoted name right after a narrative citation and a campaign's (a model's) word asks no page
    (CAMPAIGN, H, [("The Sense (2019)", ["The Sense"], "2019", None, True, [], None)]),
    (CAMPAIGN, A, [("The Sense (2019)", ["The Sense"], "2019", None, True, [], None)]),
    ("The Sense (2019) campaign 'deafblind adults are overlooked in every care plan' argues so.", A,
     [("The Sense (2019)", ["The Sense"], "2019", None, True, ["no_page_for_quote"],
       "The Sense (2019, p. [page])")]),  # (more than five words: a quotation)
    # two works side by side in one bracket are two works, not one work in two forms
    (SIDE_BY_SIDE, A,
     [("Haworth, 2014", ["Haworth"], "2014", None, False, [], None),
      ("Haworth & Ng-Baptiste, 2014", ["Haworth", "Ng-Baptiste"], "2014", None, False, [], None)]),
    (SIDE_BY_SIDE.replace("&", "and"), H,
     [("Haworth, 2014", ["Haworth"], "2014", None, False, [], None),
      ("Haworth and Ng-Baptiste, 2014", ["Haworth", "Ng-Baptiste"], "2014", None, False, [], None)]),
    # the personal-communication phrase alone names neither person nor date: read, told, no fix
    ("My mentor said most patients skip the exercises (personal communication).", A,
     [("(personal communication)", [], "", None, False, ["missing_year", "personal_communication"], None)]),
    ("My mentor said most patients skip the exercises (personal communication).", H,
     [("(personal communication)", [], "", None, False, ["missing_year", "personal_communication"], None)]),
    ("My mentor said so (personal communication, one day soon).", H, []),  # (other words: not read)
    # a second author's particle written in another case than the list's
    (PARTICLE_LIST, A,
     [("Quayle and Van der Berg (2017)", ["Quayle", "Van der Berg"], "2017", None, True, ["author_spelling"],
       "Quayle and van der Berg (2017)")]),
    (PARTICLE_LIST.replace("Quayle, R., & van der Berg, T. (2017).", "Quayle, R. and van der Berg, T. (2017)"), H,
     [("Quayle and Van der Berg (2017)", ["Quayle", "Van der Berg"], "2017", None, True, ["author_spelling"],
       "Quayle and van der Berg (2017)")]),
]


@pytest.mark.parametrize(("passage", "style", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_form_in_style(passage, style, expected):
    assert_form_in_style(passage, style, expected)
