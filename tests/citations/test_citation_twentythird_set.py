"""The classes the twenty-third round fixed (the twenty-second blind set,
citations_blind21), each judged in both styles: exact span and fields, the
problem codes and the fix the style guide gives (Cite Them Right 12th ed.
Harvard; APA 7), beside the look-alikes each rule must leave alone. The
wordings are this file's own, not the set's."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A = "harvard", "apa"

# a name before a reporting verb, the same author cited later in the sentence: with a year, one citation (the
# bracket); without one, both are citations without their year; a secondary bracket is dated by its source read
DATED_LATER = "Okafor explained that rotas slipped badly (Okafor, 2016, p. 12)."
UNDATED_LATER = "Okafor explained that rotas slipped badly (Okafor, p. 12)."
AS_UNDATED = "As Okafor notes, rotas slipped badly (Okafor, p. 12)."
SECONDARY_LATER = "Okafor also believed that rotas slip (Okafor, as cited in Lee, 2019)."
OTHER_AUTHOR_LATER = "Okafor explained that rotas slipped badly (Lee, 2016)."
# a bracket holding only a listed name, right after the name's own work inside its sentence
OWN_WORK = ("Hart's work on moral injury (Hart) also helped me see it.\n\nReference list\n"
            "Hart, E. (2011) Moral injury. London: Sage.")
OWN_WORK_A = ("Hart's work on moral injury (Hart) also helped me see it.\n\nReferences\n"
              "Hart, E. (2011). Moral injury. Sage.")
NOT_OWN_WORK = ("I met Hart on moral injury (Hart) and later left.\n\nReference list\n"
                "Hart, E. (2011) Moral injury. London: Sage.")
# a role written small before "personal communication"
ROLE = "We agreed to keep the drawings (mentor, personal communication, 2021)."
LONG_ROLE = "We agreed to keep the drawings (my practice educator, personal communication, 3 May 2023)."
NOT_ROLE = "We agreed to keep the drawings (the weather, personal communication, 2021)."
# a bare "in" between a narrative citation and its source read
BARE_IN = "Piaget and Inhelder (1969) in Keenan, Evans and Crowley (2016) describe it."
POSSESSIVE_SOURCE = "Piaget (1969) in Keenan's (2016) review is described."
# APA 7's abbreviation defined first in a citation's bracket, before a semicolon
DEFINED_FIRST = "Many develop chronic fatigue syndrome (CFS; Okafor et al., 2012) after illness."
NOT_SPELT = "Many develop chronic fatigue syndrome (NHS; Okafor, 2012) after illness."
# a nation's adjective before "&" or "and" opening a body's name in a bracket
NATION = "Screening is advised (Scottish & Welsh Speech Therapy Society, 2020)."
NATION_SURNAME = "Screening is advised (Welsh and Okafor, 2020)."
# an abbreviation defined after a body's name written with "&": the abbreviation after it is the same form
AMPERSAND_FULL = "(Office of Fire & Rescue Standards (OFRS), 2019)"
AMPERSAND = (f"Cuts eroded teams {AMPERSAND_FULL}. Trust fell (OFRS, 2019).\n\nReference list\n"
             "Office of Fire & Rescue Standards (2019) Review. London: OFRS.")
AMPERSAND_A = (f"Cuts eroded teams {AMPERSAND_FULL}. Trust fell (OFRS, 2019).\n\nReferences\n"
               "Office of Fire & Rescue Standards. (2019). Review. OFRS.")
# a year written after another year of the same names: no form of its own
SAME_NAMES = "Screening helps (Hart et al., 2019a, 2019b). It is reliable (Hart et al., 2019b)."
# a first name before a surname with letters outside ASCII, or a capital after its hyphen
ACCENTED = "Renée Okafor-Lee (2019) suggests that grief comes in waves. Zoë Hart (2018) agrees."
HYPHEN_CAPITAL = "Ingrid Moore-Ross (2012) suggests that grief comes in waves."
# a quotation followed by the writer's own words before a citation: the writer's term, no page
WRITER = "When we set up a 'buddy for every new starter' on our ward, I saw the stages Hart (2019) describes."
NOT_WRITER = "Nurses valued 'time to think and talk' according to Hart (2019)."
RIGHT_AFTER = "When we set up a 'buddy for every new starter' (Hart, 2019), I saw the stages."

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    (DATED_LATER, H, [("(Okafor, 2016, p. 12)", ["Okafor"], "2016", "12", False, [], None)]),
    (DATED_LATER, A, [("(Okafor, 2016, p. 12)", ["Okafor"], "2016", "12", False, [], None)]),
    (UNDATED_LATER, H, [("Okafor", ["Okafor"], "", None, True, ["missing_year"], "Okafor ([year])"),
                        ("(Okafor, p. 12)", ["Okafor"], "", "12", False, ["missing_year"], "(Okafor, [year], p. 12)")]),
    (UNDATED_LATER, A, [("Okafor", ["Okafor"], "", None, True, ["missing_year"], "Okafor ([year])"),
                        ("(Okafor, p. 12)", ["Okafor"], "", "12", False, ["missing_year"], "(Okafor, [year], p. 12)")]),
    (AS_UNDATED, H, [("Okafor", ["Okafor"], "", None, True, ["missing_year"], "Okafor ([year])"),
                     ("(Okafor, p. 12)", ["Okafor"], "", "12", False, ["missing_year"], "(Okafor, [year], p. 12)")]),
    (SECONDARY_LATER, A, [("(Okafor, as cited in Lee, 2019)", ["Okafor"], "", None, False, [], None)]),
    (OTHER_AUTHOR_LATER, H, [("Okafor", ["Okafor"], "", None, True, ["missing_year"], "Okafor ([year])"),
                             ("(Lee, 2016)", ["Lee"], "2016", None, False, [], None)]),
    (OWN_WORK, H, [("(Hart)", ["Hart"], "", None, False, ["missing_year"], "(Hart, 2011)")]),
    (OWN_WORK_A, A, [("(Hart)", ["Hart"], "", None, False, ["missing_year"], "(Hart, 2011)")]),
    (NOT_OWN_WORK, H, []),
    (ROLE, H, [(ROLE[31:-1], [], "2021", None, False, ["personal_communication"], None)]),
    (ROLE, A, [(ROLE[31:-1], [], "2021", None, False, ["personal_communication"], None)]),
    (LONG_ROLE, A, [(LONG_ROLE[31:-1], [], "2023", None, False, ["personal_communication"], None)]),
    (NOT_ROLE, H, []),
    (BARE_IN, H, [(BARE_IN[:62], ["Piaget", "Inhelder"], "1969", None, True, ["secondary_wording"],
                   "Piaget and Inhelder (1969, cited in Keenan, Evans and Crowley, 2016)")]),
    (POSSESSIVE_SOURCE, H, [("Piaget (1969)", ["Piaget"], "1969", None, True, [], None),
                            ("Keenan's (2016)", ["Keenan"], "2016", None, True, [], None)]),
    (DEFINED_FIRST, A, [("(CFS; Okafor et al., 2012)", ["Okafor"], "2012", None, False, [], None)]),
    (DEFINED_FIRST, H, [("(CFS; Okafor et al., 2012)", ["Okafor"], "2012", None, False, [], None)]),
    (NOT_SPELT, A, [("NHS", ["NHS"], "", None, False, ["missing_year"], "NHS, [year]"),
                    ("Okafor, 2012", ["Okafor"], "2012", None, False, [], None)]),
    (NATION, H, [(NATION[21:-1], ["Scottish & Welsh Speech Therapy Society"], "2020", None, False, [], None)]),
    (NATION, A, [(NATION[21:-1], ["Scottish & Welsh Speech Therapy Society"], "2020", None, False, [], None)]),
    (NATION_SURNAME, A, [("(Welsh and Okafor, 2020)", ["Welsh", "Okafor"], "2020", None, False, ["and_ampersand"],
                          "(Welsh & Okafor, 2020)")]),
    (AMPERSAND, H, [(AMPERSAND_FULL, ["Office of Fire & Rescue Standards"], "2019", None, False, [], None),
                    ("(OFRS, 2019)", ["OFRS"], "2019", None, False, [], None)]),
    (AMPERSAND_A, A, [(AMPERSAND_FULL, ["Office of Fire & Rescue Standards"], "2019", None, False, [], None),
                      ("(OFRS, 2019)", ["OFRS"], "2019", None, False, [], None)]),
    (SAME_NAMES, A, [("Hart et al., 2019a", ["Hart"], "2019", None, False, [], None),
                     ("2019b", ["Hart"], "2019", None, False, [], None),
                     ("(Hart et al., 2019b)", ["Hart"], "2019", None, False, [], None)]),
    (SAME_NAMES, H, [("Hart et al., 2019a", ["Hart"], "2019", None, False, [], None),
                     ("2019b", ["Hart"], "2019", None, False, [], None),
                     ("(Hart et al., 2019b)", ["Hart"], "2019", None, False, [], None)]),
    (ACCENTED, H, [("Renée Okafor-Lee (2019)", ["Okafor-Lee"], "2019", None, True, ["initials_in_citation"],
                    "Okafor-Lee (2019)"),
                   ("Zoë Hart (2018)", ["Hart"], "2018", None, True, ["initials_in_citation"], "Hart (2018)")]),
    (ACCENTED, A, [("Renée Okafor-Lee (2019)", ["Okafor-Lee"], "2019", None, True, ["initials_in_citation"],
                    "Okafor-Lee (2019)"),
                   ("Zoë Hart (2018)", ["Hart"], "2018", None, True, ["initials_in_citation"], "Hart (2018)")]),
    (HYPHEN_CAPITAL, H, [("Ingrid Moore-Ross (2012)", ["Moore-Ross"], "2012", None, True, ["initials_in_citation"],
                          "Moore-Ross (2012)")]),
    (WRITER, H, [("Hart (2019)", ["Hart"], "2019", None, True, [], None)]),
    (WRITER, A, [("Hart (2019)", ["Hart"], "2019", None, True, [], None)]),
    (NOT_WRITER, H, [("Hart (2019)", ["Hart"], "2019", None, True, ["no_page_for_quote"], "Hart (2019, p. [page])")]),
    (NOT_WRITER, A, [("Hart (2019)", ["Hart"], "2019", None, True, ["no_page_for_quote"], "Hart (2019, p. [page])")]),
    (RIGHT_AFTER, H, [("(Hart, 2019)", ["Hart"], "2019", None, False, ["no_page_for_quote"],
                       "(Hart, 2019, p. [page])")]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_twentythird_round_classes(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)
