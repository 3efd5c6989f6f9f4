"""The classes the thirty-third round fixed (the thirty-third blind set,
citations_blind32), each judged in both styles where it applies: exact span
and fields, the problem codes and the fix the style guide gives (Cite Them
Right 12th ed. Harvard; APA 7), beside the look-alikes each rule must leave
alone. The wordings are this file's own, not the set's."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A = "harvard", "apa"

# a quoted model's name between a narrative citation (not possessive) and a model's word: no page asked
MODEL = "I chose Borton (1970) \"What? So what? Now what?\" framework for this account."
BORTON = ("Borton (1970)", ["Borton"], "1970", None, True, [], None)
# look-alike: a quotation after the citation, no model's word after it, keeps its page
QUOTED = "I chose Borton (1970) because \"reflection starts with a plain account\" of events."
BORTON_PAGE = ("Borton (1970)", ["Borton"], "1970", None, True, ["no_page_for_quote"], "Borton (1970, p. [page])")

# a quotation that is the rest of an "e.g." bracket: the writer's own example wording, no page asked
EXAMPLE = "Following Okafor (2016), prompts were open (e.g., \"Walk me through a normal shift\") at first."
EXAMPLE_FOR = "Following Okafor (2016), prompts were open (for example, \"Walk me through a normal shift\") at first."
OKAFOR = ("Okafor (2016)", ["Okafor"], "2016", None, True, [], None)
# look-alike: the same quotation outside such a bracket keeps its page
NOT_EXAMPLE = "Following Okafor (2016), prompts were open, \"walk me through a normal shift\", at first."
OKAFOR_PAGE = ("Okafor (2016)", ["Okafor"], "2016", None, True, ["no_page_for_quote"], "Okafor (2016, p. [page])")

# a colon between the year and a labelled page: page_label, fixed with the comma
COLON = "Okafor (2019: p. 12) says staff agree."
COLON_RANGE = "Staff agree (Okafor, 2019: pp. 12-14)."
# look-alike: the comma
COMMA = "Staff agree (Okafor, 2019, p. 12)."

# "As <verb> by" a source right before its bracket: the quotation after it is that source's, asking a page
AS_WRITTEN = "As written by the Stroke Association (Stroke Association, 2019), \"patients need time to adjust\"."
STROKE_PAGE = ("(Stroke Association, 2019)", ["Stroke Association"], "2019", None, False, ["no_page_for_quote"], None)
# look-alike: "as ... by" with no verb of saying
AS_EXPECTED = "As expected by the team (Okafor, 2019), \"staff need time to adjust\" was heard on the ward."

# "& colleagues" in the text: the joining word is the style's, "and" (APA 7's "&" is for brackets)
AMP_COLLEAGUES = "I will read the Okafor & colleagues (2021) paper on diet."
AND_COLLEAGUES = "I will read the Okafor and colleagues (2021) paper on diet."
COLLEAGUES_FIXED = ("Okafor & colleagues (2021)", ["Okafor"], "2021", None, True, ["and_ampersand"],
                    "Okafor and colleagues (2021)")
COLLEAGUES_OK = ("Okafor and colleagues (2021)", ["Okafor"], "2021", None, True, [], None)

# two works run together with a comma: the first work's form ends at its year (the second's "et al." is not its)
RUN_FIRST = ("Mind (2018) found gaps. Help is patchy (Mind, 2018, Lowe et al, 2016).")
MIND = ("Mind (2018)", ["Mind"], "2018", None, True, [], None)

# a body's name with and without an apostrophe, one year, no list: the later inconsistent_form, no fix
APOSTROPHE = "The Carers' Trust (2020) found gaps. Respite was short (Carers Trust, 2020)."
CARERS = ("The Carers' Trust (2020)", ["The Carers' Trust"], "2020", None, True, [], None)
# look-alike: written one way throughout
APOSTROPHE_SAME = "The Carers' Trust (2020) found gaps. Respite was short (Carers' Trust, 2020)."

# a body's name cut to its last words beside the full name that year: inconsistent_form, fixed in full
CUT_END = "The House of Lords Health Committee (2019) found gaps. Waits grew (Health Committee, 2019)."
LORDS = ("The House of Lords Health Committee (2019)", ["The House of Lords Health Committee"], "2019", None, True,
         [], None)
# look-alike: the words before the shorter name end in "and": another body's remit, not the name cut short
CUT_AND = "The Department of Health and Social Care (2019) found gaps. Waits grew (Social Care, 2019)."
DHSC = ("The Department of Health and Social Care (2019)", ["The Department of Health and Social Care"], "2019",
        None, True, [], None)

# surnames set off by commas before "et al." in the text: all the work's first authors, the span theirs
COMMA_ET_AL = "Several views exist. Okafor, Lind, Moss et al. (2015) argued that training matters."
COMMA_ET_AL_STOP = "However, as Okafor, Lind, Moss et. al. (2015) argue, training matters."
THREE = ["Okafor", "Lind", "Moss"]
# look-alikes: a place or an adverb set off by one comma is no author
PLACE = "In Leeds, Moss et al. (2015) argued that training matters."
ADVERB = "Sadly, Moss et al. (2015) argued that training matters."
MOSS = ("Moss et al. (2015)", ["Moss"], "2015", None, True, [], None)

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    (MODEL, H, [BORTON]),
    (MODEL, A, [BORTON]),
    (QUOTED, H, [BORTON_PAGE]),
    (QUOTED, A, [BORTON_PAGE]),
    (EXAMPLE, A, [OKAFOR]),
    (EXAMPLE, H, [OKAFOR]),
    (EXAMPLE_FOR, A, [OKAFOR]),
    (NOT_EXAMPLE, A, [OKAFOR_PAGE]),
    (NOT_EXAMPLE, H, [OKAFOR_PAGE]),
    (COLON, H, [("Okafor (2019: p. 12)", ["Okafor"], "2019", "12", True, ["page_label"], "Okafor (2019, p. 12)")]),
    (COLON, A, [("Okafor (2019: p. 12)", ["Okafor"], "2019", "12", True, ["page_label"], "Okafor (2019, p. 12)")]),
    (COLON_RANGE, H, [("(Okafor, 2019: pp. 12-14)", ["Okafor"], "2019", "12-14", False, ["page_label"],
                       "(Okafor, 2019, pp. 12–14)")]),
    (COMMA, A, [("(Okafor, 2019, p. 12)", ["Okafor"], "2019", "12", False, [], None)]),
    (AS_WRITTEN, H, [STROKE_PAGE]),
    (AS_WRITTEN, A, [STROKE_PAGE]),
    (AS_EXPECTED, A, [("(Okafor, 2019)", ["Okafor"], "2019", None, False, [], None)]),
    (AMP_COLLEAGUES, A, [COLLEAGUES_FIXED]),
    (AMP_COLLEAGUES, H, [COLLEAGUES_FIXED]),
    (AND_COLLEAGUES, A, [COLLEAGUES_OK]),
    (AND_COLLEAGUES, H, [COLLEAGUES_OK]),
    (RUN_FIRST, A, [MIND, ("(Mind, 2018, Lowe et al, 2016)", ["Mind"], "2018", None, False,
                           ["et_al_no_stop", "run_together"], "(Lowe et al., 2016; Mind, 2018)")]),
    (RUN_FIRST, H, [MIND, ("(Mind, 2018, Lowe et al, 2016)", ["Mind"], "2018", None, False,
                           ["et_al_no_stop", "run_together"], "(Mind, 2018; Lowe et al., 2016)")]),
    (APOSTROPHE, H, [CARERS, ("(Carers Trust, 2020)", ["Carers Trust"], "2020", None, False, ["inconsistent_form"],
                              None)]),
    (APOSTROPHE, A, [CARERS, ("(Carers Trust, 2020)", ["Carers Trust"], "2020", None, False, ["inconsistent_form"],
                              None)]),
    (APOSTROPHE_SAME, A, [CARERS, ("(Carers' Trust, 2020)", ["Carers' Trust"], "2020", None, False, [], None)]),
    (CUT_END, H, [LORDS, ("(Health Committee, 2019)", ["Health Committee"], "2019", None, False,
                          ["inconsistent_form"], "(House of Lords Health Committee, 2019)")]),
    (CUT_END, A, [LORDS, ("(Health Committee, 2019)", ["Health Committee"], "2019", None, False,
                          ["inconsistent_form"], "(House of Lords Health Committee, 2019)")]),
    (CUT_AND, A, [DHSC, ("(Social Care, 2019)", ["Social Care"], "2019", None, False, [], None)]),
    (COMMA_ET_AL, H, [("Okafor, Lind, Moss et al. (2015)", THREE, "2015", None, True, ["et_al_needed"],
                       "Okafor et al. (2015)")]),
    (COMMA_ET_AL, A, [("Okafor, Lind, Moss et al. (2015)", THREE, "2015", None, True, ["et_al_needed"],
                       "Okafor et al. (2015)")]),
    (COMMA_ET_AL_STOP, H, [("Okafor, Lind, Moss et. al. (2015)", THREE, "2015", None, True,
                            ["et_al_needed", "et_al_stray_stop"], "Okafor et al. (2015)")]),
    (PLACE, H, [MOSS]),
    (PLACE, A, [MOSS]),
    (ADVERB, A, [MOSS]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_thirtythird_round_classes(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)
