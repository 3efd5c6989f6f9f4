"""The classes the twentieth round fixed (the nineteenth blind set,
citations_blind18), each judged in both styles: exact span and fields, the
problem codes and the fix the style guide gives (Cite Them Right 12th ed.
Harvard; APA 7), beside the look-alikes each rule must leave alone. The
wordings are this file's own, not the set's."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id, run

from analyser.citations import find_references
from analyser.ingest import ingest_text

H, A = "harvard", "apa"

# a surname that is also a label or a month word ("page", "may"), not a label here
PAGE = "Page's (2018) account of warmth goes further than most."
PAGE_BRACKET = "Warmth matters in the baby room (see also Page & Lowe, 2013)."
MAY = "Housing policy shifted after the crash (Hale and May, 2016)."
MONTH = "In May (2019) the ward opened a quiet room."
MONTH_BRACKET = "The ward opened a quiet room (March, 2020)."
PAGE_LABEL = "Warmth matters in the baby room (Lowe, 2013, page 12)."
# an organisation's name written in capitals, opening with a one-letter word
I_CAN = "Few children are referred early (I CAN, 2019)."
I_CAN_NARRATIVE = "I CAN (2019) reports that few children are referred early."
SEE = "Few children are referred early (See NICE, 2019)."
# an organisation named for a field and another ("Health and Care ...")
FIELD = "Registrants must keep their skills up to date (Health and Care Professions Council, 2023)."
FIELD_UK = "Many children struggle to talk (Speech and Language UK, 2022)."
FIELD_NARRATIVE = "Health and Care Professions Council (2023) sets the standards."
LAW = "Early help works (Law and Jones, 2017)."
ORG_AND_PERSON = "Early help works (Okafor and Carers Trust, 2020)."
# an abbreviation spells only the last of the names before it
SPELT_APA = "Provision was patchy (I CAN & Royal College of Speech and Language Therapists [RCSLT], 2018)."
SPELT_H = "Provision was patchy (I CAN and Royal College of Speech and Language Therapists (RCSLT), 2018)."
ALL_SPELT = "Each exposure must be justified (Department of Health and Social Care [DHSC], 2018)."
# a republished work's two years
REPUBLISHED = "Transference was to be analysed (Freud, 1915/1957)."
REPUBLISHED_NARRATIVE = "Herman (1992/2015) argued that recovery begins with safety."
TWO_YEARS = "Transference was to be analysed (Freud, 1912, 1915)."
LIST_H = ("\n\nReference list\nHale, D. (1998) Independent inquiry into health. London: TSO.\n"
          "Wilkinson, R. and Picket, K. (2009) The spirit level. London: Allen Lane.\n"
          "Freud, S. (1957) The unconscious. London: Hogarth Press.")
LIST_APA = ("\n\nReferences\nHale, D. (1998). Independent inquiry into health. TSO.\n"
            "Wilkinson, R., & Picket, K. (2009). The spirit level. Allen Lane.\n"
            "Freud, S. (1957). The unconscious. Hogarth Press. (Original work published 1915)")
REPUBLISHED_LISTED = "Transference was to be analysed (Freud, 1915/1957). Later (Freud, 1915/1950)."
# a name with an article before a reporting verb, cited by the sentence's bracket
STUDY = "The Leeds Cohort Study showed that early contact raised later offending (Hale and Moss, 2012)."
FOR_THE = "A report for the Nuffield Trust concluded that waits had grown (Hale, 2019)."
BODY_UNCITED = "The Royal College of Nursing argues that wards are understaffed."
PERSON = "Ingram argues that wards are understaffed (Hale, 2019)."
NEXT_SENTENCE = ("The Leeds Cohort Study showed that contact raised offending. "
                 "Diversion works better (Hale and Moss, 2012).")
# a bracket holding only a name the passage cites
LISTED = "The Hale report said that inequality needs action on its causes (Hale)."
CITED_ELSEWHERE = "Inequality harms health (Marmot, 2010). Policy should act on the causes (Marmot)."
UNCITED = "She moved to a hostel run by a local charity (Shelter). The home was quiet (Jasmine)."
APPOSITION = "She was supported by the charity (Marmot). Inequality harms health (Marmot, 2010)."
# a particle written in two cases
PARTICLE = ("From a body-based view, van der Berg (2014) describes how trauma is held. "
            "Restraint retraumatises (Van der Berg, 2014).")
PARTICLE_OPENS = "Van der Berg (2014) describes how trauma is held. Restraint retraumatises (van der Berg, 2014)."
PARTICLE_SAME = "Van der Berg (2014) describes how trauma is held. Restraint retraumatises (Van der Berg, 2014)."
# text and list spell a name two ways: the fix follows the list
SPELLING = "Wilkinson and Pickett, 2009 argue that unequal societies do worse."

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    # "Page", "May": a surname, not a label or a month, when no number follows it and (for a month) another
    # author stands beside it
    (PAGE, H, [("Page's (2018)", ["Page"], "2018", None, True, [], None)]),
    (PAGE, A, [("Page's (2018)", ["Page"], "2018", None, True, [], None)]),
    (PAGE_BRACKET, H, [("(see also Page & Lowe, 2013)", ["Page", "Lowe"], "2013", None, False, ["and_ampersand"],
                        "(see also Page and Lowe, 2013)")]),
    (PAGE_BRACKET, A, [("(see also Page & Lowe, 2013)", ["Page", "Lowe"], "2013", None, False, [], None)]),
    (MAY, H, [("(Hale and May, 2016)", ["Hale", "May"], "2016", None, False, [], None)]),
    (MAY, A, [("(Hale and May, 2016)", ["Hale", "May"], "2016", None, False, ["and_ampersand"],
               "(Hale & May, 2016)")]),
    # look-alikes: a month alone is a date; a page label keeps its number
    (MONTH, H, []),
    (MONTH, A, []),
    (MONTH_BRACKET, H, []),
    (MONTH_BRACKET, A, []),
    (PAGE_LABEL, H, [("(Lowe, 2013, page 12)", ["Lowe"], "2013", "12", False, ["page_label"], "(Lowe, 2013, p. 12)")]),
    (PAGE_LABEL, A, [("(Lowe, 2013, page 12)", ["Lowe"], "2013", "12", False, ["page_label"], "(Lowe, 2013, p. 12)")]),
    # "I CAN": a one-letter word in capitals before a word in capitals opens the name (not the pronoun)
    (I_CAN, H, [("(I CAN, 2019)", ["I CAN"], "2019", None, False, [], None)]),
    (I_CAN, A, [("(I CAN, 2019)", ["I CAN"], "2019", None, False, [], None)]),
    (I_CAN_NARRATIVE, H, [("I CAN (2019)", ["I CAN"], "2019", None, True, [], None)]),
    (I_CAN_NARRATIVE, A, [("I CAN (2019)", ["I CAN"], "2019", None, True, [], None)]),
    (SEE, H, [("(See NICE, 2019)", ["NICE"], "2019", None, False, [], None)]),  # look-alike: "See" is the sentence's
    (SEE, A, [("(See NICE, 2019)", ["NICE"], "2019", None, False, [], None)]),
    # a field's name and "and" before an organisation's name of two words or more: one group author, and its
    # "and" no joining word between authors (no `and_ampersand` in APA 7)
    (FIELD, H, [("(Health and Care Professions Council, 2023)", ["Health and Care Professions Council"], "2023",
                 None, False, [], None)]),
    (FIELD, A, [("(Health and Care Professions Council, 2023)", ["Health and Care Professions Council"], "2023",
                 None, False, [], None)]),
    (FIELD_UK, H, [("(Speech and Language UK, 2022)", ["Speech and Language UK"], "2022", None, False, [], None)]),
    (FIELD_UK, A, [("(Speech and Language UK, 2022)", ["Speech and Language UK"], "2022", None, False, [], None)]),
    (FIELD_NARRATIVE, H, [("Health and Care Professions Council (2023)", ["Health and Care Professions Council"],
                           "2023", None, True, [], None)]),
    (FIELD_NARRATIVE, A, [("Health and Care Professions Council (2023)", ["Health and Care Professions Council"],
                           "2023", None, True, [], None)]),
    # look-alikes: two surnames, one an everyday word; a person and an organisation
    (LAW, H, [("(Law and Jones, 2017)", ["Law", "Jones"], "2017", None, False, [], None)]),
    (LAW, A, [("(Law and Jones, 2017)", ["Law", "Jones"], "2017", None, False, ["and_ampersand"],
               "(Law & Jones, 2017)")]),
    (ORG_AND_PERSON, A, [("(Okafor and Carers Trust, 2020)", ["Okafor", "Carers Trust"], "2020", None, False,
                          ["and_ampersand"], "(Okafor & Carers Trust, 2020)")]),
    # an abbreviation in brackets joins only the names it spells; their "and" is the name's own
    (SPELT_APA, A, [("(I CAN & Royal College of Speech and Language Therapists [RCSLT], 2018)",
                     ["I CAN", "Royal College of Speech and Language Therapists"], "2018", None, False, [], None)]),
    (SPELT_H, H, [("(I CAN and Royal College of Speech and Language Therapists (RCSLT), 2018)",
                   ["I CAN", "Royal College of Speech and Language Therapists"], "2018", None, False, [], None)]),
    (SPELT_H, A, [("(I CAN and Royal College of Speech and Language Therapists (RCSLT), 2018)",
                   ["I CAN", "Royal College of Speech and Language Therapists"], "2018", None, False,
                   ["and_ampersand"], "(I CAN & Royal College of Speech and Language Therapists [RCSLT], 2018)")]),
    (ALL_SPELT, A, [("(Department of Health and Social Care [DHSC], 2018)", ["Department of Health and Social Care"],
                     "2018", None, False, [], None)]),
    # a republished work: one citation with both years, original first (APA 7's form), no fault in either style
    (REPUBLISHED, H, [("(Freud, 1915/1957)", ["Freud"], "1915/1957", None, False, [], None)]),
    (REPUBLISHED, A, [("(Freud, 1915/1957)", ["Freud"], "1915/1957", None, False, [], None)]),
    (REPUBLISHED_NARRATIVE, H, [("Herman (1992/2015)", ["Herman"], "1992/2015", None, True, [], None)]),
    (REPUBLISHED_NARRATIVE, A, [("Herman (1992/2015)", ["Herman"], "1992/2015", None, True, [], None)]),
    # look-alike: two works of one author, a comma between the years
    (TWO_YEARS, A, [("Freud, 1912", ["Freud"], "1912", None, False, [], None),
                    ("1915", ["Freud"], "1915", None, False, [], None)]),
    # ... linked to the entry of the edition read; a wrong later year is fixed keeping the original's
    (REPUBLISHED_LISTED + LIST_H, H, [
        ("(Freud, 1915/1957)", ["Freud"], "1915/1957", None, False, [], None),
        ("(Freud, 1915/1950)", ["Freud"], "1915/1950", None, False, ["year_mismatch"], "(Freud, 1915/1957)")]),
    (REPUBLISHED_LISTED + LIST_APA, A, [
        ("(Freud, 1915/1957)", ["Freud"], "1915/1957", None, False, [], None),
        ("(Freud, 1915/1950)", ["Freud"], "1915/1950", None, False, ["year_mismatch"], "(Freud, 1915/1957)")]),
    # a study's, a report's or a body's name (an article before it) before a reporting verb, with a citation
    # later in the sentence: the bracket cites it, nothing is missing
    (STUDY, H, [("(Hale and Moss, 2012)", ["Hale", "Moss"], "2012", None, False, [], None)]),
    (STUDY, A, [("(Hale and Moss, 2012)", ["Hale", "Moss"], "2012", None, False, ["and_ampersand"],
                 "(Hale & Moss, 2012)")]),
    (FOR_THE, H, [("(Hale, 2019)", ["Hale"], "2019", None, False, [], None)]),
    (FOR_THE, A, [("(Hale, 2019)", ["Hale"], "2019", None, False, [], None)]),
    # look-alikes: no bracket in the sentence; a person's name (no article); the bracket in the next sentence
    (BODY_UNCITED, H, [("The Royal College of Nursing", ["The Royal College of Nursing"], "", None, True,
                        ["missing_year"], "The Royal College of Nursing ([year])")]),
    (BODY_UNCITED, A, [("The Royal College of Nursing", ["The Royal College of Nursing"], "", None, True,
                        ["missing_year"], "The Royal College of Nursing ([year])")]),
    (PERSON, H, [("Ingram", ["Ingram"], "", None, True, ["missing_year"], "Ingram ([year])"),
                 ("(Hale, 2019)", ["Hale"], "2019", None, False, [], None)]),
    (PERSON, A, [("Ingram", ["Ingram"], "", None, True, ["missing_year"], "Ingram ([year])"),
                 ("(Hale, 2019)", ["Hale"], "2019", None, False, [], None)]),
    (NEXT_SENTENCE, H, [("The Leeds Cohort Study", ["The Leeds Cohort Study"], "", None, True, ["missing_year"],
                         "The Leeds Cohort Study ([year])"),
                        ("(Hale and Moss, 2012)", ["Hale", "Moss"], "2012", None, False, [], None)]),
    # a bracket holding only a name the list heads or the passage cites with its year, closing the sentence: a
    # citation without its year, fixed with the year the list or the other citation gives
    (LISTED + LIST_H, H, [("(Hale)", ["Hale"], "", None, False, ["missing_year"], "(Hale, 1998)")]),
    (LISTED + LIST_APA, A, [("(Hale)", ["Hale"], "", None, False, ["missing_year"], "(Hale, 1998)")]),
    (CITED_ELSEWHERE, H, [("(Marmot, 2010)", ["Marmot"], "2010", None, False, [], None),
                          ("(Marmot)", ["Marmot"], "", None, False, ["missing_year"], "(Marmot, 2010)")]),
    (CITED_ELSEWHERE, A, [("(Marmot, 2010)", ["Marmot"], "2010", None, False, [], None),
                          ("(Marmot)", ["Marmot"], "", None, False, ["missing_year"], "(Marmot, 2010)")]),
    # look-alikes: names the passage cites nowhere (a place, a pseudonym); a bracket beside the noun it names
    (UNCITED, H, []),
    (UNCITED, A, []),
    (APPOSITION, H, [("(Marmot, 2010)", ["Marmot"], "2010", None, False, [], None)]),
    (APPOSITION, A, [("(Marmot, 2010)", ["Marmot"], "2010", None, False, [], None)]),
    # one work's particle in two cases, neither opening a sentence: the first case used is the fix
    (PARTICLE, H, [("van der Berg (2014)", ["van der Berg"], "2014", None, True, [], None),
                   ("(Van der Berg, 2014)", ["Van der Berg"], "2014", None, False, ["inconsistent_form"],
                    "(van der Berg, 2014)")]),
    (PARTICLE, A, [("van der Berg (2014)", ["van der Berg"], "2014", None, True, [], None),
                   ("(Van der Berg, 2014)", ["Van der Berg"], "2014", None, False, ["inconsistent_form"],
                    "(van der Berg, 2014)")]),
    # look-alikes: a capital opening the sentence; the same case twice
    (PARTICLE_OPENS, H, [("Van der Berg (2014)", ["Van der Berg"], "2014", None, True, [], None),
                         ("(van der Berg, 2014)", ["van der Berg"], "2014", None, False, [], None)]),
    (PARTICLE_OPENS, A, [("Van der Berg (2014)", ["Van der Berg"], "2014", None, True, [], None),
                         ("(van der Berg, 2014)", ["van der Berg"], "2014", None, False, [], None)]),
    (PARTICLE_SAME, A, [("Van der Berg (2014)", ["Van der Berg"], "2014", None, True, [], None),
                        ("(Van der Berg, 2014)", ["Van der Berg"], "2014", None, False, [], None)]),
    # text and list spell a co-author two ways: the fix makes the citation agree with its entry
    (SPELLING + LIST_H, H, [("Wilkinson and Pickett, 2009", ["Wilkinson", "Pickett"], "2009", None, True,
                             ["author_spelling", "year_brackets"], "Wilkinson and Picket (2009)")]),
    (SPELLING + LIST_APA, A, [("Wilkinson and Pickett, 2009", ["Wilkinson", "Pickett"], "2009", None, True,
                               ["author_spelling", "year_brackets"], "Wilkinson and Picket (2009)")]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_twentieth_round_classes(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)


@pytest.mark.parametrize("style", [H, A])
def test_a_spelling_fault_says_the_fix_follows_the_list(style: str) -> None:
    """Text and list disagree and only the source says which is right: the
    message says so, and that the fix follows the list."""
    _, citations, _ = run(SPELLING + (LIST_H if style == H else LIST_APA), style)
    message = next(p.message for p in citations[0].problems if p.code == "author_spelling")
    assert '"Pickett"' in message and '"Picket"' in message and "Check the source" in message


@pytest.mark.parametrize(("entry", "authors", "year"), [
    # an organisation's name listing its fields with commas, ending in "and"
    ("Department for Levelling Up, Housing and Communities. (2023). Damp and mould. https://www.gov.uk",
     ["Department for Levelling Up, Housing and Communities"], "2023"),
    ("Department for Culture, Media and Sport (2019) Taking part. London: DCMS.",
     ["Department for Culture, Media and Sport"], "2019"),
    # an APA 7 entry with fourteen authors, and with twenty-one written as the style shortens them
    ("Ames, A. B., Bell, C., Cole, D. D., Dunn, E., Eyre, F. G. H., Ford, G., Gale, H., Hart, I. J., Ives, K., "
     "Jones, L., Kerr, M., Lane, N., Moss, P. Q., & Nash, R. S. (2019). A consensus report. Care, 4(5), 1-9.",
     ["Ames", "Bell", "Cole", "Dunn", "Eyre", "Ford", "Gale", "Hart", "Ives", "Jones", "Kerr", "Lane", "Moss",
      "Nash"], "2019"),
    ("Ames, A., Bell, B., Cole, C., Dunn, D., Eyre, E., Ford, F., Gale, G., Hart, H., Ives, I., Jones, J., Kerr, K., "
     "Lane, L., Moss, M., Nash, N., Owen, O., Pugh, P., Quin, Q., Rees, R., Shaw, S., . . . Zorn, Z. (2020). Big.",
     ["Ames", "Bell", "Cole", "Dunn", "Eyre", "Ford", "Gale", "Hart", "Ives", "Jones", "Kerr", "Lane", "Moss",
      "Nash", "Owen", "Pugh", "Quin", "Rees", "Shaw", "Zorn"], "2020"),
])
def test_long_and_listed_names_head_an_entry(entry: str, authors: list[str], year: str) -> None:
    _, references = find_references(ingest_text("Some text.\n\nReferences\n\n" + entry))
    assert [(r.authors, r.year) for r in references] == [(authors, year)]


def test_a_comma_without_a_list_of_fields_is_no_organisation() -> None:
    """"Smith, John (2019)": a given name written out after the comma, no
    "and" after it: no organisation is read from the comma."""
    _, references = find_references(ingest_text("Some text.\n\nReferences\n\nSmith, John (2019) A title."))
    assert all(r.authors != ["Smith, John"] for r in references)


@pytest.mark.parametrize("style", [H, A])
def test_the_listed_work_is_found_for_an_organisation_with_commas(style: str) -> None:
    entry = ("Department for Levelling Up, Housing and Communities. (2023). Damp and mould." if style == A else
             "Department for Levelling Up, Housing and Communities (2023) Damp and mould. London: DLUHC.")
    heading = "References" if style == A else "Reference list"
    cited = "(Department for Levelling Up, Housing and Communities, 2023)"
    passage = f"Damp is not a lifestyle {cited}.\n\n{heading}\n{entry}"
    _, citations, _ = run(passage, style)
    assert [p.code for c in citations for p in c.problems] == []
