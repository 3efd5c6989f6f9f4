"""The classes the twenty-second round fixed (the twenty-first blind set,
citations_blind20, and the courtesy titles the round before left), each
judged in both styles: exact span and fields, the problem codes and the fix
the style guide gives (Cite Them Right 12th ed. Harvard; APA 7), beside the
look-alikes each rule must leave alone. The wordings are this file's own,
not the set's."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id, run

from analyser.citations import find_references
from analyser.ingest import ingest_text

H, A = "harvard", "apa"

# a quoted name in capitals: its abbreviation after it, or a tool's word ending it
TOOL_ABBREVIATION = "The unit adopted the 'Paediatric Early Warning Score' (PEWS), which flags decline (Duncan, 2006)."
TOOL_WORD = "Nurses used the 'Waterlow Pressure Ulcer Tool' on admission (Waterlow, 2005)."
SLOGAN = "Every ward displayed 'Safe Staffing Saves Lives' on its door (Okafor, 2019)."
OTHER_ABBREVIATION = "Every ward displayed 'Safe Staffing Saves Lives' (PEWS) on its door (Okafor, 2019)."
LOWER = "Duncan described it as 'a simple bedside warning tool' for wards (Duncan, 2006)."
# an abbreviation never defined, beside the body's name in full with another year
NICE_FULL = "(National Institute for Health and Care Excellence, 2017)"
UNDEFINED = f"NICE (2012) advises weekly weighing. Support follows five days of poor intake {NICE_FULL}."
DEFINED = ("The National Institute for Health and Care Excellence (NICE) (2017) advises weekly weighing. "
           "NICE (2012) first set the threshold.")
NOT_SPELT = f"The RCN (2012) advises weekly weighing. Support follows five days of poor intake {NICE_FULL}."
# a name and a bare year before an adverb and a reporting verb, or before a model's name
ADVERB = "Okafor 2016 similarly argued that rotas slipped. Lee and Hart 2019 also say that it worked."
NO_NAME = "Staff in 2016 also argued that rotas slipped."
MODEL = "Using Driscoll 2007 reflective model, I looked back at the shift."
NOT_A_MODEL_CITATION = "Using the Vision 2030 framework we planned. Using the NHS 2019 model we planned."
# an abbreviation before a narrative citation's year: in square brackets, or with a small first letter
SQUARE = "Yet the Royal College of Nursing [RCN] (2019) says that staffing is unsafe."
SMALL = "Yet the Institute of Community Nursing (iCN) (2021) warns that caseloads rise. Visits fell (iCN, 2021)."
SMALL_BRACKET = "Caseloads rose (Institute of Community Nursing (iCN), 2021)."
SMALL_APA = "Yet the Institute of Community Nursing (iCN, 2021) warns that caseloads rise."
NO_ABBREVIATION = "Each nurse had an iPad (2020 model) and an iPhone (2021)."
ICN = "Institute of Community Nursing"
# a repeated narrative citation without its year in the paragraph
REPEATED = "Benner's (1984) model was new to me. On the ward, Benner argued that expertise grows."
OTHER_PARAGRAPH = "Benner's (1984) model was new to me.\n\nOn the ward, Benner argued that expertise grows."
UNDATED_TWICE = "Benner argues that expertise grows. Later Benner also noted that it takes years."
# a place after a preposition, then a comma, before a list of names
PLACE = "In Wales, Okafor and Lee (2018) found gains in uptake."
NO_PREPOSITION = "Leeds, Okafor and Lee (2018) agree."
# a title and a first name before a surname that is also an everyday word; a first name no list knows
TITLED = "Dame Jane Green (2019) found that cuts hurt."
UNLISTED_GIVEN = "Tavish Okonkwo (2017) found delays. Transfers slowed (Okonkwo, 2017)."
ARTICLE = "The Francis (2013) report was damning."
# the source read given "et al." for fewer names than the style's threshold
THREE = "Moss, Quinn and Hart (2014) set out a cycle. Dewey (1933, cited in Moss et al., 2014) saw it as active."
TWO = "Moss and Quinn (2014) set out a cycle. Dewey (1933, as cited in Moss et al., 2014) saw it as active."
OTHER_YEAR = "Moss and Quinn (2014) set out a cycle. Dewey (1933, cited in Moss et al., 2016) saw it as active."
SOURCE_LIST_H = ("Dewey (1933, cited in Moss et al., 2014) saw it as active.\n\nReference list\n"
                 "Moss, P. and Quinn, R. (2014) Reflection. London: Sage.")
# a comma missing before a secondary phrase, the style's or not; a bare "in"
NO_COMMA = "Dewey (1933 cited in Moss, 2014) saw reflection as active."
BARE_IN = "Reflection is active (Dewey, 1933 in Moss, 2014)."
# "and colleagues" for an entry of several names
COLLEAGUES = "Okafor and colleagues (2020) found delays."
FIVE_H = "\n\nReference list\nOkafor, A., Lee, B., Hart, C., Moss, D. and Quinn, E. (2019) Delays. London: Sage."
FIVE_A = "\n\nReferences\nOkafor, A., Lee, B., Hart, C., Moss, D., & Quinn, E. (2019). Delays. Sage."
THREE_H = "\n\nReference list\nOkafor, A., Lee, B. and Hart, C. (2019) Delays. London: Sage."
ONE_H = "\n\nReference list\nOkafor, A. (2019) Delays. London: Sage."
# a tax's or a duty's name with the year it came in
POLICY = "Take-up fell after the Apprenticeship Levy (2017) and the Bedroom Tax (2013)."
LEVY = "Levy (2018) argues that it failed. Sacha Levy (2018) agrees. It failed (Levy, 2018)."
# a stray bracket before the year of a bracket citation
STRAY = "Warming helps (Okafor et al., (2019). Warming helps (Okafor et al. (2019)). Okafor et al., (2019) agree."
# a surname of two parts joined by "i", in an entry and in the text
JOINED_A = ("Warming reduces infection (Ruiz et al., 2016).\n\nReferences\n"
            "Ruiz, E., Vila i Serra, M., Puig, J., & Lee, K. (2016). Warming. Cochrane Database of Systematic Reviews.")
JOINED_H = ("Warming reduces infection (Ruiz et al., 2016).\n\nReference list\n"
            "Ruiz, E., Vila i Serra, M., Puig, J. and Lee, K. (2016) Warming. Oxford: Wiley.")
JOINED_TEXT = "Warming helps (Vila i Serra, 2016). Vila i Serra and Lee (2018) agree."
# the people of a case named by a courtesy title or a letter before a reporting verb
CASE_PEOPLE = ("Mrs K explained that she was frightened. Mr Adeyemi explained that he was fine. "
               "Resident C reported that the food was cold. Ms. P. stated that she slept. Dr J noted that it helped.")
TITLED_AUTHOR = "Sir Michael Marmot argues that health follows wealth."

STRAY_FIX = "(Okafor et al., 2019)"
MOSS_H = "Dewey (1933, cited in Moss, Quinn and Hart, 2014)"

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    # a quoted name in capitals is no one's words: no page for it, whether its abbreviation follows it or its
    # last word names a tool; a capitalised slogan keeps its page, and so does a name whose bracket does not
    # spell it, or a lower-case description
    (TOOL_ABBREVIATION, H, [("(Duncan, 2006)", ["Duncan"], "2006", None, False, [], None)]),
    (TOOL_ABBREVIATION, A, [("(Duncan, 2006)", ["Duncan"], "2006", None, False, [], None)]),
    (TOOL_WORD, H, [("(Waterlow, 2005)", ["Waterlow"], "2005", None, False, [], None)]),
    (TOOL_WORD, A, [("(Waterlow, 2005)", ["Waterlow"], "2005", None, False, [], None)]),
    (SLOGAN, H, [("(Okafor, 2019)", ["Okafor"], "2019", None, False, ["no_page_for_quote"],
                  "(Okafor, 2019, p. [page])")]),
    (SLOGAN, A, [("(Okafor, 2019)", ["Okafor"], "2019", None, False, ["no_page_for_quote"],
                  "(Okafor, 2019, p. [page])")]),
    (OTHER_ABBREVIATION, H, [("(Okafor, 2019)", ["Okafor"], "2019", None, False, ["no_page_for_quote"],
                              "(Okafor, 2019, p. [page])")]),
    (LOWER, A, [("(Duncan, 2006)", ["Duncan"], "2006", None, False, ["no_page_for_quote"],
                 "(Duncan, 2006, p. [page])")]),
    # an abbreviation the passage never defines, for a body it names in full with another year: another form
    # of its name, told with no fix (where the name goes first is the writer's choice); defined, or not
    # spelling the name, it is left alone
    (UNDEFINED, H, [("NICE (2012)", ["NICE"], "2012", None, True, ["inconsistent_form"], None),
                    (NICE_FULL, ["National Institute for Health and Care Excellence"], "2017", None, False, [], None)]),
    (UNDEFINED, A, [("NICE (2012)", ["NICE"], "2012", None, True, ["inconsistent_form"], None),
                    (NICE_FULL, ["National Institute for Health and Care Excellence"], "2017", None, False, [], None)]),
    (DEFINED, H, [(DEFINED[:67], ["The National Institute for Health and Care Excellence"], "2017", None, True, [],
                   None),
                  ("NICE (2012)", ["NICE"], "2012", None, True, [], None)]),
    (NOT_SPELT, A, [("The RCN (2012)", ["The RCN"], "2012", None, True, [], None),
                    (NICE_FULL, ["National Institute for Health and Care Excellence"], "2017", None, False, [], None)]),
    # a bare year before an adverb and a reporting verb, or before a model's name: a narrative citation
    # missing its brackets; no name, a name of everyday words, or one after "the": none
    (ADVERB, H, [("Okafor 2016", ["Okafor"], "2016", None, True, ["year_brackets"], "Okafor (2016)"),
                 ("Lee and Hart 2019", ["Lee", "Hart"], "2019", None, True, ["year_brackets"], "Lee and Hart (2019)")]),
    (ADVERB, A, [("Okafor 2016", ["Okafor"], "2016", None, True, ["year_brackets"], "Okafor (2016)"),
                 ("Lee and Hart 2019", ["Lee", "Hart"], "2019", None, True, ["year_brackets"], "Lee and Hart (2019)")]),
    (NO_NAME, H, []),
    (MODEL, H, [("Driscoll 2007", ["Driscoll"], "2007", None, True, ["year_brackets"], "Driscoll (2007)")]),
    (MODEL, A, [("Driscoll 2007", ["Driscoll"], "2007", None, True, ["year_brackets"], "Driscoll (2007)")]),
    (NOT_A_MODEL_CITATION, H, []),
    (NOT_A_MODEL_CITATION, A, []),
    # an abbreviation in square brackets, or with a small first letter, between the name and its year's bracket
    (SQUARE, H, [("Royal College of Nursing [RCN] (2019)", ["Royal College of Nursing"], "2019", None, True, [],
                  None)]),
    (SQUARE, A, [("Royal College of Nursing [RCN] (2019)", ["Royal College of Nursing"], "2019", None, True, [],
                  None)]),
    (SMALL, H, [(f"{ICN} (iCN) (2021)", [ICN], "2021", None, True, [], None),
                ("(iCN, 2021)", ["iCN"], "2021", None, False, [], None)]),
    (SMALL, A, [(f"{ICN} (iCN) (2021)", [ICN], "2021", None, True, [], None),
                ("(iCN, 2021)", ["iCN"], "2021", None, False, [], None)]),
    (SMALL_BRACKET, H, [(f"({ICN} (iCN), 2021)", [ICN], "2021", None, False, [], None)]),
    (SMALL_BRACKET, A, [(f"({ICN} (iCN), 2021)", [ICN], "2021", None, False, [], None)]),
    (SMALL_APA, A, [(f"{ICN} (iCN, 2021)", [ICN], "2021", None, True, [], None)]),
    (NO_ABBREVIATION, H, []),
    (NO_ABBREVIATION, A, []),
    # a name its paragraph cited with a year, before a reporting verb without one: a repeated narrative
    # citation (APA 7, 8.16), read, no year asked; in another paragraph it needs its year; after only a
    # mention without one, it is not read again
    (REPEATED, H, [("Benner's (1984)", ["Benner"], "1984", None, True, [], None),
                   ("Benner", ["Benner"], "", None, True, [], None)]),
    (REPEATED, A, [("Benner's (1984)", ["Benner"], "1984", None, True, [], None),
                   ("Benner", ["Benner"], "", None, True, [], None)]),
    (OTHER_PARAGRAPH, H, [("Benner's (1984)", ["Benner"], "1984", None, True, [], None),
                          ("Benner", ["Benner"], "", None, True, ["missing_year"], "Benner (1984)")]),
    (UNDATED_TWICE, A, [("Benner", ["Benner"], "", None, True, ["missing_year"], "Benner ([year])")]),
    # a place after a preposition opening the sentence is no author; without the preposition the list stays
    (PLACE, H, [("Okafor and Lee (2018)", ["Okafor", "Lee"], "2018", None, True, [], None)]),
    (PLACE, A, [("Okafor and Lee (2018)", ["Okafor", "Lee"], "2018", None, True, [], None)]),
    (NO_PREPOSITION, H, [("Leeds, Okafor and Lee (2018)", ["Leeds", "Okafor", "Lee"], "2018", None, True, [],
                          None)]),
    # a title and a first name before a surname that is an everyday word; a first name no list knows, left out
    # of a surname cited alone elsewhere: both guides cite the surname alone
    (TITLED, H, [("Dame Jane Green (2019)", ["Green"], "2019", None, True, ["initials_in_citation"],
                  "Green (2019)")]),
    (TITLED, A, [("Dame Jane Green (2019)", ["Green"], "2019", None, True, ["initials_in_citation"],
                  "Green (2019)")]),
    (UNLISTED_GIVEN, H, [("Tavish Okonkwo (2017)", ["Okonkwo"], "2017", None, True, ["initials_in_citation"],
                          "Okonkwo (2017)"),
                         ("(Okonkwo, 2017)", ["Okonkwo"], "2017", None, False, [], None)]),
    (UNLISTED_GIVEN, A, [("Tavish Okonkwo (2017)", ["Okonkwo"], "2017", None, True, ["initials_in_citation"],
                          "Okonkwo (2017)"),
                         ("(Okonkwo, 2017)", ["Okonkwo"], "2017", None, False, [], None)]),
    (ARTICLE, H, [("The Francis (2013)", ["The Francis"], "2013", None, True, [], None)]),
    # the source read given "et al." where it has fewer names than "et al." needs (four in Cite Them Right,
    # three in APA 7), as another citation or its entry gives them; another year is another work
    (THREE, H, [("Moss, Quinn and Hart (2014)", ["Moss", "Quinn", "Hart"], "2014", None, True, [], None),
                (THREE[45:85], ["Dewey"], "1933", None, True, ["et_al_too_few"], MOSS_H)]),
    (TWO, A, [("Moss and Quinn (2014)", ["Moss", "Quinn"], "2014", None, True, [], None),
              (TWO[39:82], ["Dewey"], "1933", None, True, ["et_al_too_few"],
               "Dewey (1933, as cited in Moss & Quinn, 2014)")]),
    (OTHER_YEAR, H, [("Moss and Quinn (2014)", ["Moss", "Quinn"], "2014", None, True, [], None),
                     (OTHER_YEAR[39:79], ["Dewey"], "1933", None, True, [], None)]),
    (SOURCE_LIST_H, H, [(SOURCE_LIST_H[:40], ["Dewey"], "1933", None, True, ["et_al_too_few"],
                         "Dewey (1933, cited in Moss and Quinn, 2014)")]),
    # a comma missing between the year and a secondary phrase: its own fault beside the phrase's wording;
    # a bare "in" is only the wording (its fix brings the phrase and the comma)
    (NO_COMMA, H, [(NO_COMMA[:32], ["Dewey"], "1933", None, True, ["missing_comma"],
                    "Dewey (1933, cited in Moss, 2014)")]),
    (NO_COMMA, A, [(NO_COMMA[:32], ["Dewey"], "1933", None, True, ["missing_comma", "secondary_wording"],
                    "Dewey (1933, as cited in Moss, 2014)")]),
    (BARE_IN, H, [("(Dewey, 1933 in Moss, 2014)", ["Dewey"], "1933", None, False, ["secondary_wording"],
                   "(Dewey, 1933, cited in Moss, 2014)")]),
    (BARE_IN, A, [("(Dewey, 1933 in Moss, 2014)", ["Dewey"], "1933", None, False, ["secondary_wording"],
                   "(Dewey, 1933, as cited in Moss, 2014)")]),
    # "and colleagues" stands for an entry's other names, as "et al." does: another year is the year's fault;
    # for three names Cite Them Right names them all; a one-author entry is another work
    (COLLEAGUES + FIVE_H, H, [("Okafor and colleagues (2020)", ["Okafor"], "2020", None, True, ["year_mismatch"],
                               "Okafor and colleagues (2019)")]),
    (COLLEAGUES + FIVE_A, A, [("Okafor and colleagues (2020)", ["Okafor"], "2020", None, True, ["year_mismatch"],
                               "Okafor and colleagues (2019)")]),
    (COLLEAGUES + THREE_H, H, [("Okafor and colleagues (2020)", ["Okafor"], "2020", None, True,
                                ["et_al_too_few", "year_mismatch"], "Okafor, Lee and Hart (2019)")]),
    (COLLEAGUES + ONE_H, H, [("Okafor and colleagues (2020)", ["Okafor"], "2020", None, True, ["no_reference"],
                              None)]),
    # a tax's or a duty's name with the year it came in: no citation; "Levy" alone, or after a first name, is
    # a surname
    (POLICY, H, []),
    (POLICY, A, []),
    (LEVY, H, [("Levy (2018)", ["Levy"], "2018", None, True, [], None),
               ("Sacha Levy (2018)", ["Levy"], "2018", None, True, ["initials_in_citation"], "Levy (2018)"),
               ("(Levy, 2018)", ["Levy"], "2018", None, False, [], None)]),
    # a bracket opened before the names and another before the year: a stray bracket (debris), fixed to one
    # bracket; closed twice it is the year's own bracket inside, and with no bracket before the names a
    # narrative citation's stray comma
    (STRAY, H, [("(Okafor et al., (2019)", ["Okafor"], "2019", None, False, ["debris"], STRAY_FIX),
                ("(Okafor et al. (2019))", ["Okafor"], "2019", None, False, ["year_brackets"], STRAY_FIX),
                ("Okafor et al., (2019)", ["Okafor"], "2019", None, True, ["stray_comma"], "Okafor et al. (2019)")]),
    (STRAY, A, [("(Okafor et al., (2019)", ["Okafor"], "2019", None, False, ["debris"], STRAY_FIX),
                ("(Okafor et al. (2019))", ["Okafor"], "2019", None, False, ["year_brackets"], STRAY_FIX),
                ("Okafor et al., (2019)", ["Okafor"], "2019", None, True, ["stray_comma"], "Okafor et al. (2019)")]),
    # an entry whose second surname is joined by "i": its first author links the citation (no no_reference)
    (JOINED_A, A, [("(Ruiz et al., 2016)", ["Ruiz"], "2016", None, False, [], None)]),
    (JOINED_H, H, [("(Ruiz et al., 2016)", ["Ruiz"], "2016", None, False, [], None)]),
    # ... and in the text, in a bracket and before one
    (JOINED_TEXT, H, [("(Vila i Serra, 2016)", ["Vila i Serra"], "2016", None, False, [], None),
                      ("Vila i Serra and Lee (2018)", ["Vila i Serra", "Lee"], "2018", None, True, [], None)]),
    (JOINED_TEXT, A, [("(Vila i Serra, 2016)", ["Vila i Serra"], "2016", None, False, [], None),
                      ("Vila i Serra and Lee (2018)", ["Vila i Serra", "Lee"], "2018", None, True, [], None)]),
    # a courtesy title, or a single letter for a name, before a reporting verb: the people of a case, not
    # citations without their year; a title that may be an author's keeps the citation, the title told
    (CASE_PEOPLE, H, []),
    (CASE_PEOPLE, A, []),
    (TITLED_AUTHOR, H, [("Sir Michael Marmot", ["Marmot"], "", None, True, ["initials_in_citation", "missing_year"],
                         "Marmot ([year])")]),
    (TITLED_AUTHOR, A, [("Sir Michael Marmot", ["Marmot"], "", None, True, ["initials_in_citation", "missing_year"],
                         "Marmot ([year])")]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_twentysecond_round_classes(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)


@pytest.mark.parametrize(("entry", "authors"), [
    ("Vila i Serra, M. (2016) Warming. Oxford: Wiley.", ["Vila i Serra"]),
    ("Ruiz, E., Vila i Serra, M., & Lee, K. (2016). Warming. Wiley.", ["Ruiz", "Vila i Serra", "Lee"]),
    ("Ortega y Gasset, J. (2016) Warming. Madrid: Revista.", ["Ortega y Gasset"]),
])
def test_a_surname_joined_by_i_or_y_heads_the_list(entry: str, authors: list[str]) -> None:
    _, references = find_references(ingest_text("Some text.\n\nReferences\n\n" + entry))
    assert [(r.authors, r.year) for r in references] == [(authors, "2016")]


@pytest.mark.parametrize("style", [H, A])
def test_an_undefined_abbreviation_names_the_full_form(style: str) -> None:
    """The message names the citation in full and says to define the abbreviation at first use."""
    _, citations, _ = run(UNDEFINED, style)
    message = citations[0].problems[0].message
    assert f'"{NICE_FULL}"' in message and '"NICE" in brackets' in message


@pytest.mark.parametrize("style", [H, A])
def test_a_source_read_with_too_few_names_is_told_as_the_source(style: str) -> None:
    _, citations, _ = run(THREE if style == H else TWO, style)
    message = citations[1].problems[0].message
    assert "source you read" in message and ("2 authors" if style == A else "3 authors") in message


@pytest.mark.parametrize("style", [H, A])
def test_a_stray_bracket_is_named(style: str) -> None:
    _, citations, _ = run(STRAY, style)
    message = citations[0].problems[0].message
    assert 'stray "("' in message
