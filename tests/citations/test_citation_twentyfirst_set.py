"""The classes the twenty-first round fixed (the twentieth blind set,
citations_blind19), each judged in both styles: exact span and fields, the
problem codes and the fix the style guide gives (Cite Them Right 12th ed.
Harvard; APA 7), beside the look-alikes each rule must leave alone. The
wordings are this file's own, not the set's."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id, run

from analyser.citations import find_references
from analyser.ingest import ingest_text

H, A = "harvard", "apa"

# an entry that lists its first author and "et al."
ET_AL = "Stillbirth rates differ by ethnicity (Okoro et al., 2021). Night work matters (Quinn et al., 2020)."
ET_AL_LIST_H = ("\n\nReference list\nOkoro, P. et al. (eds) (2020) Safer births. Leeds: Midwives Press.\n"
                "Quinn, T. (2020) Night shifts. London: Sage.")
ET_AL_LIST_A = ("\n\nReferences\nOkoro, P., et al. (2020). Safer births. Midwives Press.\n"
                "Quinn, T. (2020). Night shifts. Sage.")
# two organisations in one bracket, each with its abbreviation in brackets
TWO_ORGS_H = ("Young carers should be asked what they want (Children's Commissioner for Wales (CCW) and "
              "Association of Young Carers Services (AYCS), 2020).")
TWO_ORGS_A = ("Young carers should be asked what they want (Children's Commissioner for Wales [CCW] & "
              "Association of Young Carers Services [AYCS], 2020).")
ONE_ORG = "Staffing shapes safety (Royal College of Midwives (RCM), 2021)."
# a body with a joining word beside a body's name of three words ending in an organisation word
BODIES_A = "Tutoring reached few pupils (Department for Education & National Tutoring Partnership, 2022)."
BODIES_H = "Tutoring reached few pupils (Department for Education and National Tutoring Partnership, 2022)."
BODIES_NARRATIVE = "The Department for Education and National Tutoring Partnership (2022) reported low uptake."
ONE_DEPARTMENT = "Councils lost funding (Department for Communities and Local Government, 2012)."
TWO_WORD_FIELD = "Carers were assessed (Department of Health and Social Services, 2001)."
# initials after the surname and its comma, as the list writes them
INITIALS = "Handover errors fall with a checklist (Okafor, R. 2018)."
INITIALS_NO_COMMA = "Handover errors fall with a checklist (Okafor R. 2018)."
# a quotation after a bracket citation, with none after it
OWN_TERM = "Applying the cycle (Hale, 2015), the team will pilot a 'calm corner plan' in each bay."
SAID_AFTER = "A later audit (Hale, 2015) found fewer falls but warned that 'staff cannot cover every bay at night'."
# a linking adverb opening the sentence before a bracket used as its subject
HOWEVER = "Skin contact helps. However (Lindqvist, 2016) says that most infants studied were stable."
ASIDE = "The new approach (Lindqvist, 2016) suggests that most infants were stable."
# a first author cut to its last word, or to one part of a double-barrelled surname
PARTICLE = "De Vries et al. (2019) found that insoles helped. Adherence fell over time (Vries et al., 2019)."
HYPHEN = ("Early feeding helps (Lloyd-Jenkins and Osei, 2020). "
          "However (Jenkins, 2020) argues that the trials were small.")
OTHER_YEAR = "De Vries et al. (2019) found that insoles helped. Later work disagreed (Vries, 2021)."
# a name and a year without brackets before a verb saying what the author says or put out
BARE_SAY = "Okafor & Lee 2019 say that continuity builds trust."
BARE_PUBLISHED = "The Health Foundation 2021 published a review of waiting lists."
NO_YEAR_PEOPLE = "Jasmine says that she felt safe. By 2019 staff said that it worked."
# an organisation's abbreviation set off by a comma before a narrative citation's year
ABBREVIATION_COMMA = "The Nursing and Midwifery Council, NMC (2018) expects nurses to keep clear records."
ABBREVIATION_COMMA_PAGE = "The Nursing and Midwifery Council, NMC (2018 p 4) expects nurses to keep clear records."
ABBREVIATION_ALONE = "In Leeds, NMC (2018) data show a rise."
# a report's title of everyday words before a reporting verb
TITLE = "Better Births recommended that most women see one small team (NHS England, 2016)."
TITLE_UNCITED = "Better Births recommended that most women see one small team."
BODY = "Carers Trust argues that carers need breaks (Okafor, 2019)."
# a bracket holding only a name its sentence credits with what it says
SAYS = "After the visit I reread my notes, Benner says that expertise grows with practice (Benner)."
OWNER = "I followed Johns's model because it asks useful questions (Johns)."
NOT_CREDITED = "Tom said that he would go home (Tom). I went to Okafor's clinic today (Okafor)."
# a possessive name and a model's name before a bracket opening with the year
MODEL = "Tuckman's stages of group development (1965, cited in Lind, 2013) helped the team settle."
MODEL_FAULT = "Tuckman's stages of group development (1965 cited in Lind, 2013) helped the team settle."
HIERARCHY = "Maslow's hierarchy of needs (1943) still shapes how wards plan care."
NO_MODEL = "Prices rose sharply over the winter (2019). Okafor's study found rates rose (2019)."
# an author written otherwise than in all of its lettered works of one year
UNLETTERED = ("Queens Nursing Institute (2021) reports rising caseloads. Visits grew shorter (Queen's Nursing "
              "Institute, 2021a) and staff left (Queen's Nursing Institute, 2021b).")
UNLETTERED_SPACED = ("Young Minds (2021) reports rising need. Waiting lists grew (YoungMinds, 2021a) and "
                     "referrals rose (YoungMinds, 2021b).")
UNLETTERED_SAME = ("Queen's Nursing Institute (2021) reports rising caseloads. Visits grew shorter (Queen's "
                   "Nursing Institute, 2021a) and staff left (Queen's Nursing Institute, 2021b).")
# a surname of two words that the list files under its last word, the first an initial
SPLIT = "Bonham Carter (1998) described how rationing works."
SPLIT_GIVEN = "Helen Carter (1998) described how rationing works."
SPLIT_PLAIN = "Carter (1998) described how rationing works."
SPLIT_LIST_H = "\n\nReference list\nCarter, H.B. (1998) Rationing care. London: Sage."
SPLIT_LIST_A = "\n\nReferences\nCarter, H. B. (1998). Rationing care. Sage."

QNI = "Queen's Nursing Institute"
NMC = "The Nursing and Midwifery Council"
NTP_TEXT = "The Department for Education and National Tutoring Partnership (2022)"
PAGE_FIX = "(Hale, 2015, p. [page])"
MODEL_TEXT = "Tuckman's stages of group development (1965, cited in Lind, 2013)"
NTP = ["Department for Education", "National Tutoring Partnership"]

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    # an entry giving "et al." fits a citation with "et al.": another year is the year's fault, not a missing
    # entry; a one-author entry without it still does not
    (ET_AL + ET_AL_LIST_H, H, [
        ("(Okoro et al., 2021)", ["Okoro"], "2021", None, False, ["year_mismatch"], "(Okoro et al., 2020)"),
        ("(Quinn et al., 2020)", ["Quinn"], "2020", None, False, [], None)]),
    (ET_AL + ET_AL_LIST_A, A, [
        ("(Okoro et al., 2021)", ["Okoro"], "2021", None, False, ["year_mismatch"], "(Okoro et al., 2020)"),
        ("(Quinn et al., 2020)", ["Quinn"], "2020", None, False, [], None)]),
    # two organisations in one bracket, each with its abbreviation: one citation of both
    (TWO_ORGS_H, H, [(TWO_ORGS_H[44:-1], ["Children's Commissioner for Wales", "Association of Young Carers Services"],
                      "2020", None, False, [], None)]),
    (TWO_ORGS_H, A, [(TWO_ORGS_H[44:-1], ["Children's Commissioner for Wales", "Association of Young Carers Services"],
                      "2020", None, False, [], None)]),
    (TWO_ORGS_A, A, [(TWO_ORGS_A[44:-1], ["Children's Commissioner for Wales", "Association of Young Carers Services"],
                      "2020", None, False, [], None)]),
    # look-alike: one organisation with its abbreviation
    (ONE_ORG, H, [("(Royal College of Midwives (RCM), 2021)", ["Royal College of Midwives"], "2021", None, False, [],
                   None)]),
    (ONE_ORG, A, [("(Royal College of Midwives (RCM), 2021)", ["Royal College of Midwives"], "2021", None, False, [],
                   None)]),
    # "Department for Education & National Tutoring Partnership": two bodies, in a bracket and in the text
    (BODIES_A, A, [(BODIES_A[28:-1], NTP, "2022", None, False, [], None)]),
    (BODIES_H, H, [(BODIES_H[28:-1], NTP, "2022", None, False, [], None)]),
    (BODIES_NARRATIVE, H, [(NTP_TEXT, ["The " + NTP[0], NTP[1]], "2022", None, True, [], None)]),
    (BODIES_NARRATIVE, A, [(NTP_TEXT, ["The " + NTP[0], NTP[1]], "2022", None, True, [], None)]),
    # look-alikes: one department whose last field is no body's name ("Local Government"; two words)
    (ONE_DEPARTMENT, H, [(ONE_DEPARTMENT[22:-1], ["Department for Communities and Local Government"], "2012", None,
                          False, [], None)]),
    (ONE_DEPARTMENT, A, [(ONE_DEPARTMENT[22:-1], ["Department for Communities and Local Government"], "2012", None,
                          False, [], None)]),
    (TWO_WORD_FIELD, A, [(TWO_WORD_FIELD[21:-1], ["Department of Health and Social Services"], "2001", None, False,
                          [], None)]),
    # "Surname, I. Year": the initials are the fault, the comma is there; without it, both
    (INITIALS, H, [("(Okafor, R. 2018)", ["Okafor"], "2018", None, False, ["initials_in_citation"], "(Okafor, 2018)")]),
    (INITIALS, A, [("(Okafor, R. 2018)", ["Okafor"], "2018", None, False, ["initials_in_citation"], "(Okafor, 2018)")]),
    (INITIALS_NO_COMMA, H, [("(Okafor R. 2018)", ["Okafor"], "2018", None, False,
                             ["initials_in_citation", "missing_comma"], "(Okafor, 2018)")]),
    (INITIALS_NO_COMMA, A, [("(Okafor R. 2018)", ["Okafor"], "2018", None, False,
                             ["initials_in_citation", "missing_comma"], "(Okafor, 2018)")]),
    # a quotation later than a bracket citation is that citation's only when the words between say its source
    # said it; the writer's own term after a bracket citing the model is no one's quotation
    (OWN_TERM, H, [("(Hale, 2015)", ["Hale"], "2015", None, False, [], None)]),
    (OWN_TERM, A, [("(Hale, 2015)", ["Hale"], "2015", None, False, [], None)]),
    (SAID_AFTER, H, [("(Hale, 2015)", ["Hale"], "2015", None, False, ["no_page_for_quote"], PAGE_FIX)]),
    (SAID_AFTER, A, [("(Hale, 2015)", ["Hale"], "2015", None, False, ["no_page_for_quote"], PAGE_FIX)]),
    # "However (...) says": the bracket is the sentence's subject, as after "Also"; not an aside after a noun
    (HOWEVER, H, [("(Lindqvist, 2016)", ["Lindqvist"], "2016", None, False, ["year_brackets"], "Lindqvist (2016)")]),
    (HOWEVER, A, [("(Lindqvist, 2016)", ["Lindqvist"], "2016", None, False, ["year_brackets"], "Lindqvist (2016)")]),
    (ASIDE, H, [("(Lindqvist, 2016)", ["Lindqvist"], "2016", None, False, [], None)]),
    (ASIDE, A, [("(Lindqvist, 2016)", ["Lindqvist"], "2016", None, False, [], None)]),
    # a name cut to the word after its particle, or to one part of a double-barrelled surname, beside the full
    # name of the same year: one work, fixed with the full names (the capitalised particle is no first name)
    (PARTICLE, H, [("De Vries et al. (2019)", ["De Vries"], "2019", None, True, [], None),
                   ("(Vries et al., 2019)", ["Vries"], "2019", None, False, ["inconsistent_form"],
                    "(De Vries et al., 2019)")]),
    (PARTICLE, A, [("De Vries et al. (2019)", ["De Vries"], "2019", None, True, [], None),
                   ("(Vries et al., 2019)", ["Vries"], "2019", None, False, ["inconsistent_form"],
                    "(De Vries et al., 2019)")]),
    (HYPHEN, H, [("(Lloyd-Jenkins and Osei, 2020)", ["Lloyd-Jenkins", "Osei"], "2020", None, False, [], None),
                 ("(Jenkins, 2020)", ["Jenkins"], "2020", None, False, ["inconsistent_form", "year_brackets"],
                  "Lloyd-Jenkins and Osei (2020)")]),
    (HYPHEN, A, [("(Lloyd-Jenkins and Osei, 2020)", ["Lloyd-Jenkins", "Osei"], "2020", None, False,
                  ["and_ampersand"], "(Lloyd-Jenkins & Osei, 2020)"),
                 ("(Jenkins, 2020)", ["Jenkins"], "2020", None, False, ["inconsistent_form", "year_brackets"],
                  "Lloyd-Jenkins and Osei (2020)")]),
    # look-alike: another year is another work
    (OTHER_YEAR, H, [("De Vries et al. (2019)", ["De Vries"], "2019", None, True, [], None),
                     ("(Vries, 2021)", ["Vries"], "2021", None, False, [], None)]),
    (OTHER_YEAR, A, [("De Vries et al. (2019)", ["De Vries"], "2019", None, True, [], None),
                     ("(Vries, 2021)", ["Vries"], "2021", None, False, [], None)]),
    # a name and a bare year before "say" or "published": a narrative citation missing its brackets
    (BARE_SAY, H, [("Okafor & Lee 2019", ["Okafor", "Lee"], "2019", None, True, ["and_ampersand", "year_brackets"],
                    "Okafor and Lee (2019)")]),
    (BARE_SAY, A, [("Okafor & Lee 2019", ["Okafor", "Lee"], "2019", None, True, ["and_ampersand", "year_brackets"],
                    "Okafor and Lee (2019)")]),
    (BARE_PUBLISHED, H, [("The Health Foundation 2021", ["The Health Foundation"], "2021", None, True,
                          ["year_brackets"], "The Health Foundation (2021)")]),
    (BARE_PUBLISHED, A, [("The Health Foundation 2021", ["The Health Foundation"], "2021", None, True,
                          ["year_brackets"], "The Health Foundation (2021)")]),
    # look-alikes: "says" with no year after a name (a person in the case); a year after "By"
    (NO_YEAR_PEOPLE, H, []),
    (NO_YEAR_PEOPLE, A, []),
    # "Name, ABBR (year)": the name the abbreviation spells is the author, the span from it; a fix for another
    # fault gives the abbreviation in the style's place
    (ABBREVIATION_COMMA, H, [(f"{NMC}, NMC (2018)", [NMC], "2018", None, True, [], None)]),
    (ABBREVIATION_COMMA, A, [(f"{NMC}, NMC (2018)", [NMC], "2018", None, True, [], None)]),
    (ABBREVIATION_COMMA_PAGE, H, [(f"{NMC}, NMC (2018 p 4)", [NMC], "2018", "4", True, ["missing_comma", "page_label"],
                                   "The Nursing and Midwifery Council (NMC) (2018, p. 4)")]),
    (ABBREVIATION_COMMA_PAGE, A, [(f"{NMC}, NMC (2018 p 4)", [NMC], "2018", "4", True, ["missing_comma", "page_label"],
                                   "The Nursing and Midwifery Council (NMC, 2018, p. 4)")]),
    # look-alike: an abbreviation the word before the comma does not spell
    (ABBREVIATION_ALONE, H, [("NMC (2018)", ["NMC"], "2018", None, True, [], None)]),
    (ABBREVIATION_ALONE, A, [("NMC (2018)", ["NMC"], "2018", None, True, [], None)]),
    # a title of everyday words before a reporting verb, with a citation later in its sentence, names the report
    # that bracket cites; without one it lacks its year; a body's name (an organisation word) keeps its fault
    (TITLE, H, [("(NHS England, 2016)", ["NHS England"], "2016", None, False, [], None)]),
    (TITLE, A, [("(NHS England, 2016)", ["NHS England"], "2016", None, False, [], None)]),
    (TITLE_UNCITED, H, [("Better Births", ["Better Births"], "", None, True, ["missing_year"],
                         "Better Births ([year])")]),
    (TITLE_UNCITED, A, [("Better Births", ["Better Births"], "", None, True, ["missing_year"],
                         "Better Births ([year])")]),
    (BODY, H, [("Carers Trust", ["Carers Trust"], "", None, True, ["missing_year"], "Carers Trust ([year])"),
               ("(Okafor, 2019)", ["Okafor"], "2019", None, False, [], None)]),
    # a bracket of a name the sentence credits (before "says", or owning the model): a citation without its
    # year, and so is the name before "says"
    (SAYS, H, [("Benner", ["Benner"], "", None, True, ["missing_year"], "Benner ([year])"),
               ("(Benner)", ["Benner"], "", None, False, ["missing_year"], "(Benner, [year])")]),
    (SAYS, A, [("Benner", ["Benner"], "", None, True, ["missing_year"], "Benner ([year])"),
               ("(Benner)", ["Benner"], "", None, False, ["missing_year"], "(Benner, [year])")]),
    (OWNER, H, [("(Johns)", ["Johns"], "", None, False, ["missing_year"], "(Johns, [year])")]),
    (OWNER, A, [("(Johns)", ["Johns"], "", None, False, ["missing_year"], "(Johns, [year])")]),
    # look-alikes: a first name; a possessive before no model's word
    (NOT_CREDITED, H, []),
    (NOT_CREDITED, A, []),
    # "Tuckman's stages of group development (1965, ...)": one narrative citation from the name to the bracket,
    # its fix keeping the model's name
    (MODEL, H, [(MODEL_TEXT, ["Tuckman"], "1965", None, True, [], None)]),
    (MODEL, A, [(MODEL_TEXT, ["Tuckman"], "1965", None, True, ["secondary_wording"],
                 "Tuckman's stages of group development (1965, as cited in Lind, 2013)")]),
    (MODEL_FAULT, H, [(MODEL_FAULT[:64], ["Tuckman"], "1965", None, True, ["missing_comma"], MODEL_TEXT)]),
    (MODEL_FAULT, A, [(MODEL_FAULT[:64], ["Tuckman"], "1965", None, True, ["missing_comma", "secondary_wording"],
                       "Tuckman's stages of group development (1965, as cited in Lind, 2013)")]),  # (22nd round)
    (HIERARCHY, H, [("Maslow's hierarchy of needs (1943)", ["Maslow"], "1943", None, True, [], None)]),
    (HIERARCHY, A, [("Maslow's hierarchy of needs (1943)", ["Maslow"], "1943", None, True, [], None)]),
    # look-alikes: a year in brackets after words holding no possessive, or no model's word
    (NO_MODEL, H, []),
    (NO_MODEL, A, []),
    # an author written otherwise (an apostrophe, a space) than in each of its lettered works of the year: one of
    # them in another form, with no fix (which letter is the writer's to say); the same form is not told
    (UNLETTERED, H, [("Queens Nursing Institute (2021)", ["Queens Nursing Institute"], "2021", None, True,
                      ["inconsistent_form"], None),
                     (f"({QNI}, 2021a)", [QNI], "2021", None, False, [], None),
                     (f"({QNI}, 2021b)", [QNI], "2021", None, False, [], None)]),
    (UNLETTERED, A, [("Queens Nursing Institute (2021)", ["Queens Nursing Institute"], "2021", None, True,
                      ["inconsistent_form"], None),
                     (f"({QNI}, 2021a)", [QNI], "2021", None, False, [], None),
                     (f"({QNI}, 2021b)", [QNI], "2021", None, False, [], None)]),
    (UNLETTERED_SPACED, A, [("Young Minds (2021)", ["Young Minds"], "2021", None, True, ["inconsistent_form"], None),
                            ("(YoungMinds, 2021a)", ["YoungMinds"], "2021", None, False, [], None),
                            ("(YoungMinds, 2021b)", ["YoungMinds"], "2021", None, False, [], None)]),
    (UNLETTERED_SAME, H, [(f"{QNI} (2021)", [QNI], "2021", None, True, [], None),
                          (f"({QNI}, 2021a)", [QNI], "2021", None, False, [], None),
                          (f"({QNI}, 2021b)", [QNI], "2021", None, False, [], None)]),
    # "Bonham Carter" for the list's "Carter, H.B.": one surname the list files under its last word; text and
    # list disagree (the fix follows the list); a first name before the listed surname is still a first name
    (SPLIT + SPLIT_LIST_H, H, [("Bonham Carter (1998)", ["Bonham Carter"], "1998", None, True, ["author_spelling"],
                                "Carter (1998)")]),
    (SPLIT + SPLIT_LIST_A, A, [("Bonham Carter (1998)", ["Bonham Carter"], "1998", None, True, ["author_spelling"],
                                "Carter (1998)")]),
    (SPLIT_GIVEN + SPLIT_LIST_H, H, [("Helen Carter (1998)", ["Carter"], "1998", None, True, ["initials_in_citation"],
                                      "Carter (1998)")]),
    (SPLIT_PLAIN + SPLIT_LIST_A, A, [("Carter (1998)", ["Carter"], "1998", None, True, [], None)]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_twentyfirst_round_classes(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)


@pytest.mark.parametrize(("entry", "authors"), [
    ("Okoro, P. et al. (eds) (2020) Safer births. Leeds: Midwives Press.", ["Okoro"]),
    ("Okoro, P., et al. (2020). Safer births. Midwives Press.", ["Okoro"]),
])
def test_an_entry_with_et_al_heads_the_list(entry: str, authors: list[str]) -> None:
    _, references = find_references(ingest_text("Some text.\n\nReferences\n\n" + entry))
    assert [(r.authors, r.year) for r in references] == [(authors, "2020")]


@pytest.mark.parametrize("style", [H, A])
def test_two_organisations_link_to_their_joint_entry(style: str) -> None:
    """The two organisations of one bracket, each with its abbreviation, are
    the entry that names both: no `no_reference`."""
    entry = ("Children's Commissioner for Wales and Association of Young Carers Services (2020) Young carers. "
             "Cardiff: CCW.")
    _, citations, _ = run(f"{TWO_ORGS_H}\n\nReference list\n{entry}", style)
    assert [(c.authors, [p.code for p in c.problems if p.code == "no_reference"]) for c in citations] == [
        (["Children's Commissioner for Wales", "Association of Young Carers Services"], [])]


@pytest.mark.parametrize("style", [H, A])
def test_a_lettered_work_in_another_form_says_to_give_the_letter(style: str) -> None:
    _, citations, _ = run(UNLETTERED, style)
    message = citations[0].problems[0].message
    assert f"\"{QNI}, 2021a\"" in message and "letter" in message
