"""The classes the eleventh blind set (citations_blind10.jsonl) showed, each
judged in both styles: exact span and fields, the problem codes and the fix
the style guide gives (Cite Them Right 12th ed. Harvard; APA 7), beside the
look-alikes each rule must leave alone."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id, run

H, A = "harvard", "apa"
REFS = "\n\nReferences\n\n"
AIKINS_A = REFS + "Aikins, L. H., Sloan, D. M., & Van den Hoek, K. (2014). Nurse staffing. The Lancet, 383, 1824-1830."
AIKINS_H = (REFS + "Aikins, L. H., Sloan, D. M. and Van den Hoek, K. (2014) 'Nurse staffing', The Lancet, 383,"
            " pp. 1824-1830.")
LGA_H = REFS + "Local Government Association and ADASS (2019) Making safeguarding personal. London: LGA."
LGA_A = REFS + "Local Government Association & ADASS. (2019). Making safeguarding personal. LGA."
KHAN = "Research by Khan, R. (2020) suggests it. A. Khan and Hussain (2022) agree."

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    # a particle capitalised as a listed name's first word ("Van den Hoek, K.") still reads the entry
    ("Staffing matters (Aikins et al., 2014)." + AIKINS_A, A,
     [("(Aikins et al., 2014)", ["Aikins"], "2014", None, False, [], None)]),
    ("Staffing matters (Aikins, Sloan and Van den Hoek, 2014)." + AIKINS_H, H,
     [("(Aikins, Sloan and Van den Hoek, 2014)", ["Aikins", "Sloan", "Van den Hoek"], "2014", None, False, [], None)]),
    # a fault of the list alone: no fix, since one would only repeat the citation
    ("Staffing matters (Aikins et al., 2014; Buchanan et al., 2019)." + AIKINS_A, A,
     [("Aikins et al., 2014", ["Aikins"], "2014", None, False, [], None),
      ("Buchanan et al., 2019", ["Buchanan"], "2019", None, False, ["no_reference"], None)]),
    ("Staffing matters (Buchanan et al., 2019; Aikins et al., 2014)." + AIKINS_A, A,
     [("Buchanan et al., 2019", ["Buchanan"], "2019", None, False, ["no_reference"], None),
      ("Aikins et al., 2014", ["Aikins"], "2014", None, False, ["bracket_order"], None)]),
    # two organisations cited together and listed under one name are that entry
    ("It matters (Local Government Association and ADASS, 2019)." + LGA_H, H,
     [("(Local Government Association and ADASS, 2019)", ["Local Government Association", "ADASS"], "2019", None,
       False, [], None)]),
    ("It matters (Local Government Association & ADASS, 2019)." + LGA_A, A,
     [("(Local Government Association & ADASS, 2019)", ["Local Government Association", "ADASS"], "2019", None,
       False, [], None)]),
    ("It matters (Local Government Association and ADASS, 2020)." + LGA_H, H,  # (and its year is compared)
     [("(Local Government Association and ADASS, 2020)", ["Local Government Association", "ADASS"], "2020", None,
       False, ["year_mismatch"], "(Local Government Association and ADASS, 2019)")]),
    ("It matters (Local Government Association & ADASS, 2020)." + LGA_A, A,
     [("(Local Government Association & ADASS, 2020)", ["Local Government Association", "ADASS"], "2020", None,
       False, ["year_mismatch"], "(Local Government Association & ADASS, 2019)")]),
    # a wrong abbreviation for an organisation whose own the essay defined is fixed to that one, not the name
    ("It is key (Department of Health and Social Care [DHSC], 2021). In DH (2021) it is.", A,
     [("(Department of Health and Social Care [DHSC], 2021)", ["Department of Health and Social Care"], "2021", None,
       False, [], None),
      ("DH (2021)", ["DH"], "2021", None, True, ["inconsistent_form"], "DHSC (2021)")]),
    ("It is key (Department of Health and Social Care (DHSC), 2021). In DH (2021) it is.", H,
     [("(Department of Health and Social Care (DHSC), 2021)", ["Department of Health and Social Care"], "2021", None,
       False, [], None),
      ("DH (2021)", ["DH"], "2021", None, True, ["inconsistent_form"], "DHSC (2021)")]),
    ("It is key (Department of Health and Social Care, 2021). In DH (2021) it is.", H,  # (none defined: the name)
     [("(Department of Health and Social Care, 2021)", ["Department of Health and Social Care"], "2021", None,
       False, [], None),
      ("DH (2021)", ["DH"], "2021", None, True, ["inconsistent_form"], "Department of Health and Social Care (2021)")]),
    # initials after a surname another first author shares: APA 7 keeps them, before the name;
    # Cite Them Right drops them
    (KHAN, A,
     [("Khan, R. (2020)", ["Khan"], "2020", None, True, ["initials_in_citation"], "R. Khan (2020)"),
      ("A. Khan and Hussain (2022)", ["Khan", "Hussain"], "2022", None, True, [], None)]),
    (KHAN, H,
     [("Khan, R. (2020)", ["Khan"], "2020", None, True, ["initials_in_citation"], "Khan (2020)"),
      ("A. Khan and Hussain (2022)", ["Khan", "Hussain"], "2022", None, True, ["initials_in_citation"],
       "Khan and Hussain (2022)")]),
    ("It is so (Khan, R., 2020).", A,  # (one Khan: the initials are a fault, and go)
     [("(Khan, R., 2020)", ["Khan"], "2020", None, False, ["initials_in_citation"], "(Khan, 2020)")]),
    # a quotation someone in the sentence spoke is not the words of a work cited later in it
    ("Her mother said that she seemed “flat and not herself” lately, as Sheen (2015) warned.", A,
     [("Sheen (2015)", ["Sheen"], "2015", None, True, [], None)]),
    ("Her mother said that she seemed 'flat and not herself' lately, as Sheen (2015) warned.", H,
     [("Sheen (2015)", ["Sheen"], "2015", None, True, [], None)]),
    ("Her mother said that she seemed 'flat and not herself' (Sheen, 2015).", H,  # (right after it: its source)
     [("(Sheen, 2015)", ["Sheen"], "2015", None, False, ["no_page_for_quote"], "(Sheen, 2015, p. [page])")]),
    ("Patients seemed “flat and not themselves”, as Sheen (2015) warned.", A,  # (nobody spoke it: the work's)
     [("Sheen (2015)", ["Sheen"], "2015", None, True, ["no_page_for_quote"], "Sheen (2015, p. [page])")]),
    # a role cited as an author, not in the list, is someone the student spoke to: no page for their words
    ("One told me 'people come in for food but need to talk' (Volunteer, 2023).", H,
     [("(Volunteer, 2023)", ["Volunteer"], "2023", None, False, [], None)]),
    ("One told me “people come in for food but need to talk” (Volunteer, 2023).", A,  # (APA 7 wants the
     [("(Volunteer, 2023)", ["Volunteer"], "2023", None, False, ["personal_communication"], None)]),  # pc form)
    ("Food banks are 'spaces of dignity and stigma' (Garside, 2016).", H,  # (a surname: a work, with pages)
     [("(Garside, 2016)", ["Garside"], "2016", None, False, ["no_page_for_quote"], "(Garside, 2016, p. [page])")]),
    # a name and its year in brackets, all inside a bracket: one bracket citation, its year bracketed again
    ("Hand hygiene matters (World Health Organization (2009)).", H,
     [("(World Health Organization (2009))", ["World Health Organization"], "2009", None, False, ["year_brackets"],
       "(World Health Organization, 2009)")]),
    ("Hand hygiene matters (World Health Organization (2009)).", A,
     [("(World Health Organization (2009))", ["World Health Organization"], "2009", None, False, ["year_brackets"],
       "(World Health Organization, 2009)")]),
    ("Hand hygiene matters (see Pittet (2009)).", H,  # (with other words in the outer bracket: left as read)
     [("Pittet (2009)", ["Pittet"], "2009", None, True, [], None)]),
    # a capitalised word after "from", "in", ... before a reporting verb is a place, not an author without a year
    ("In short, evidence from Scotland suggests that pricing works (Wyatt, 2023).", A,
     [("(Wyatt, 2023)", ["Wyatt"], "2023", None, False, [], None)]),
    ("In short, evidence from Scotland suggests that pricing works (Wyatt, 2023).", H,
     [("(Wyatt, 2023)", ["Wyatt"], "2023", None, False, [], None)]),
    ("In short, Whitlock suggests that pricing works.", H,  # (a name as the verb's subject still is one)
     [("Whitlock", ["Whitlock"], "", None, True, ["missing_year"], "Whitlock ([year])")]),
    ("In short, Whitlock suggests that pricing works.", A,
     [("Whitlock", ["Whitlock"], "", None, True, ["missing_year"], "Whitlock ([year])")]),
]


@pytest.mark.parametrize(("passage", "style", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_form_in_style(passage, style, expected):
    assert_form_in_style(passage, style, expected)


def test_shared_surname_message_names_the_initials_kept():
    _, [khan, _], _ = run(KHAN, A)
    assert khan.problems[0].message == (
        'Another first author in this essay has the surname Khan: APA 7 gives the initials before the surname'
        ' in every citation of each, as "R. Khan (2020)".')


def test_nested_year_message_says_where_the_year_goes():
    _, [who], _ = run("Hand hygiene matters (World Health Organization (2009)).", H)
    assert who.problems[0].message == (
        "Inside a bracket the year follows the name after a comma, with no brackets of its own.")
