"""The classes the twenty-ninth round fixed (the twenty-seventh and
twenty-eighth blind sets, citations_blind26 and citations_blind27), each
judged in both styles where it applies: exact span and fields, the problem
codes and the fix the style guide gives (Cite Them Right 12th ed. Harvard;
APA 7), beside the look-alikes each rule must leave alone. The wordings are
this file's own, not the sets'."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A = "harvard", "apa"
LIST = "\n\nReference list\n\n"

# an entry giving "et al." after its names is a work at the style's threshold: fewer names want "et al."
ETAL_ENTRY = ("Okafor, Lind and Hart (2011) showed it." + LIST
              + "Okafor, N., Lind, K., Hart, J. et al. (2011) Fatigue. Leeds: Pub.")
ETAL_TWO = "Okafor and Lind (2011) showed it." + LIST + "Okafor, N., Lind, K. et al. (2011) Fatigue. Leeds: Pub."
# ... a later name misspelt, one part of a double-barrelled name: both codes, the first and "et al." the fix
ETAL_SPELT = ("Okafor, Lind and Hart (2011) showed it." + LIST
              + "Okafor, N., Lind, K., Hart-Moss, J. et al. (2011) Fatigue. Leeds: Pub.")
# ... and the first name alone for a work of four
ONE_NAME = ("Fatigue eased (Okafor, 2011)." + LIST
            + "Okafor, N., Lind, K., Hart, J. and Moss, P. (2011) Fatigue. Leeds: Pub.")
# look-alikes: a work of three in Cite Them Right; names not the entry's first ones; a one-author entry
THREE_LISTED = ("Okafor, Lind and Hart (2011) showed it." + LIST
                + "Okafor, N., Lind, K. and Hart, J. (2011) Fatigue. Leeds: Pub.")
NOT_FIRST = ("Okafor, Hart and Moss (2011) showed it." + LIST
             + "Okafor, N., Lind, K., Hart, J. and Moss, P. (2011) Fatigue. Leeds: Pub.")
ONE_AUTHOR = "Fatigue eased (Okafor, 2011)." + LIST + "Okafor, N. (2011) Fatigue. Leeds: Pub."

# a quotation a person of the case said (a courtesy title): no page asked of the narrative citation before it
CASE_SAID = ("Okafor (2019) found that nurses listen, which is why Mrs Reid said the nurse was "
             "\"the only one who stays\".")
# look-alike: "she" may be the author: the words keep their page
SHE_SAID = "Okafor (2019) found that nurses listen, and she said the nurse was \"the only one who stays\"."

# a quoted name before "materials" (a thing named, `[quotations].model_words`): no quotation
MATERIALS = "We used the 'Safe Mouth Daily' materials developed by Care Council (2016) on the ward."
# look-alike: the body's words, called so
CALLED = "We used leaflets that Care Council (2016) calls 'simple and safe to use' on the ward."

# three works run together by commas: the first two's fix would leave the third run on, so none is offered
THREE_RUN = "Support helps (Okafor, 2017, Lind, 2016, Hart, 2016)."
# look-alike: two works, the bracket closed before a comma of the sentence
TWO_RUN = "Support helps (Okafor, 2017, Lind, 2016), and Hart agrees."

# three bodies before a narrative year: the run of names is read back past 16 words, keeping its "The"
BODIES = ("Pain matters. The European Wound Care Advisory Panel, National Pressure Injury Advisory Panel and Pan "
          "Pacific Pressure Injury Alliance (2019) recommend turning.")
BODY_NAMES = ["The European Wound Care Advisory Panel", "National Pressure Injury Advisory Panel",
              "Pan Pacific Pressure Injury Alliance"]

# a name and a bare year before "both" and a reporting verb, or before "make the point"
BOTH = "Care varies. Hollins (2013) and Okafor 2010 both emphasise that nurses notice more."
POINT = "Care varies. Lind and Hart, 2018 make the point that enforcement moves the problem."
# look-alikes: a year after "By"; a place after "In" (a place preposition), cited nowhere
BY_YEAR = "Care varies. By 2010 both wards had closed."
IN_PLACE = "Care varies. In Leeds, 2016 showed that care was poor."

ET_AL = "Okafor et al. (2011)"

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    (ETAL_ENTRY, H, [("Okafor, Lind and Hart (2011)", ["Okafor", "Lind", "Hart"], "2011", None, True,
                      ["et_al_needed"], ET_AL)]),
    (ETAL_ENTRY, A, [("Okafor, Lind and Hart (2011)", ["Okafor", "Lind", "Hart"], "2011", None, True,
                      ["et_al_needed"], ET_AL)]),
    (ETAL_TWO, H, [("Okafor and Lind (2011)", ["Okafor", "Lind"], "2011", None, True, ["et_al_needed"], ET_AL)]),
    (ETAL_TWO, A, [("Okafor and Lind (2011)", ["Okafor", "Lind"], "2011", None, True, ["et_al_needed"], ET_AL)]),
    (ETAL_SPELT, H, [("Okafor, Lind and Hart (2011)", ["Okafor", "Lind", "Hart"], "2011", None, True,
                      ["author_spelling", "et_al_needed"], ET_AL)]),
    (ETAL_SPELT, A, [("Okafor, Lind and Hart (2011)", ["Okafor", "Lind", "Hart"], "2011", None, True,
                      ["author_spelling", "et_al_needed"], ET_AL)]),
    (ONE_NAME, H, [("(Okafor, 2011)", ["Okafor"], "2011", None, False, ["et_al_needed"], "(Okafor et al., 2011)")]),
    (ONE_NAME, A, [("(Okafor, 2011)", ["Okafor"], "2011", None, False, ["et_al_needed"], "(Okafor et al., 2011)")]),
    (THREE_LISTED, H, [("Okafor, Lind and Hart (2011)", ["Okafor", "Lind", "Hart"], "2011", None, True, [], None)]),
    (NOT_FIRST, H, [("Okafor, Hart and Moss (2011)", ["Okafor", "Hart", "Moss"], "2011", None, True, [], None)]),
    (ONE_AUTHOR, H, [("(Okafor, 2011)", ["Okafor"], "2011", None, False, [], None)]),
    (ONE_AUTHOR, A, [("(Okafor, 2011)", ["Okafor"], "2011", None, False, [], None)]),
    (CASE_SAID, H, [("Okafor (2019)", ["Okafor"], "2019", None, True, [], None)]),
    (CASE_SAID, A, [("Okafor (2019)", ["Okafor"], "2019", None, True, [], None)]),
    (SHE_SAID, H, [("Okafor (2019)", ["Okafor"], "2019", None, True, ["no_page_for_quote"],
                    "Okafor (2019, p. [page])")]),
    (SHE_SAID, A, [("Okafor (2019)", ["Okafor"], "2019", None, True, ["no_page_for_quote"],
                    "Okafor (2019, p. [page])")]),
    (MATERIALS, H, [("Care Council (2016)", ["Care Council"], "2016", None, True, [], None)]),
    (MATERIALS, A, [("Care Council (2016)", ["Care Council"], "2016", None, True, [], None)]),
    (CALLED, H, [("Care Council (2016)", ["Care Council"], "2016", None, True, ["no_page_for_quote"],
                  "Care Council (2016, p. [page])")]),
    (CALLED, A, [("Care Council (2016)", ["Care Council"], "2016", None, True, ["no_page_for_quote"],
                  "Care Council (2016, p. [page])")]),
    (THREE_RUN, H, [("Okafor, 2017, Lind, 2016", ["Okafor"], "2017", None, False, ["run_together"], None),
                    ("Hart, 2016", ["Hart"], "2016", None, False, [], None)]),
    (THREE_RUN, A, [("Okafor, 2017, Lind, 2016", ["Okafor"], "2017", None, False, ["run_together"], None),
                    ("Hart, 2016", ["Hart"], "2016", None, False, [], None)]),
    (TWO_RUN, H, [("(Okafor, 2017, Lind, 2016)", ["Okafor"], "2017", None, False, ["run_together"],
                   "(Okafor, 2017; Lind, 2016)")]),
    (TWO_RUN, A, [("(Okafor, 2017, Lind, 2016)", ["Okafor"], "2017", None, False, ["run_together"],
                   "(Lind, 2016; Okafor, 2017)")]),
    (BODIES, H, [(BODIES[14:BODIES.index(")") + 1], BODY_NAMES, "2019", None, True, [], None)]),
    (BODIES, A, [(BODIES[14:BODIES.index(")") + 1], BODY_NAMES, "2019", None, True, ["et_al_needed"],
                  "The European Wound Care Advisory Panel et al. (2019)")]),
    (BOTH, H, [("Hollins (2013)", ["Hollins"], "2013", None, True, [], None),
               ("Okafor 2010", ["Okafor"], "2010", None, True, ["year_brackets"], "Okafor (2010)")]),
    (BOTH, A, [("Hollins (2013)", ["Hollins"], "2013", None, True, [], None),
               ("Okafor 2010", ["Okafor"], "2010", None, True, ["year_brackets"], "Okafor (2010)")]),
    (POINT, H, [("Lind and Hart, 2018", ["Lind", "Hart"], "2018", None, True, ["year_brackets"],
                 "Lind and Hart (2018)")]),
    (POINT, A, [("Lind and Hart, 2018", ["Lind", "Hart"], "2018", None, True, ["year_brackets"],
                 "Lind and Hart (2018)")]),
    (BY_YEAR, H, []),
    (BY_YEAR, A, []),
    (IN_PLACE, H, []),
    (IN_PLACE, A, []),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_twentyninth_round_classes(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)
