"""The classes the nineteenth round fixed (the eighteenth blind set,
citations_blind17), each judged in both styles: exact span and fields, the
problem codes and the fix the style guide gives (Cite Them Right 12th ed.
Harvard; APA 7), beside the look-alikes each rule must leave alone. The
wordings are this file's own, not the set's."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id, run

from analyser.citations import find_references
from analyser.ingest import ingest_text

H, A = "harvard", "apa"

# an edited book's entry: the editors' label between their names and the year
EDITED_APA = ("Youth clubs build trust slowly (Harlow & Penn, 2014).\n\nReferences\n\n"
              "Harlow, R., & Penn, S. (Eds.). (2014). Open doors: Youth work now. Northgate Press.")
EDITED_H = ("Youth clubs build trust slowly (Harlow and Penn, 2014).\n\nReference list\n\n"
            "Harlow, R. and Penn, S. (eds) (2014) Open doors: youth work now. Leeds: Northgate Press.")
EDITED_ONE_H = ("Youth clubs build trust slowly (Harlow, 2014).\n\nReference list\n\n"
                "Harlow, R. (ed.) (2014) Open doors: youth work now. Leeds: Northgate Press.")
# a misspelt first author cited with "et al." for a work of three
SPELT_H = ("Parents want a say in pain care. Hallet et al. (2015) found that few were asked.\n\nReference list\n\n"
           "Hallett, P., Ng, K. and Osei, D. (2015) 'Asking parents', Child Care Journal, 4(2), pp. 1-9.")
SPELT_APA = ("Parents want a say in pain care. Hallet et al. (2015) found that few were asked.\n\nReferences\n\n"
             "Hallett, P., Ng, K., & Osei, D. (2015). Asking parents. Child Care Journal, 4(2), 1-9.")
SPELT_FOUR_H = ("Parents want a say in pain care. Hallet et al. (2015) found that few were asked.\n\nReference list\n\n"
                "Hallett, P., Ng, K., Osei, D. and Brand, T. (2015) 'Asking parents', Child Care Journal, 4(2), "
                "pp. 1-9.")
# an organisation's name holding "in the"
ARTICLE = "Discharge came too soon, according to Women in the Lead (2019)."
ARTICLE_OPENS = "Nurses in the Okafor (2019) study reported fatigue."
ARTICLE_SURNAME = "Teams form in stages, as shown by Tuckman in the Lind (2013) review."
# a verb opening the sentence before a joining word
DRAWING = "Drawing on Okafor's (2018) account of trust, the team changed its visits."
BASED = "Based on NICE (2019) guidance, the ward changed its checks."
BUILDING = "Building Research Establishment (2019) reports damp in rented homes."
# a name after a preposition, before a reporting verb; a year in another work's bracket
OBJECT = "An inquiry into failings at Northgate General Hospital found that staff were exhausted."
OBJECT_NOT = "Northgate Hospital Trust found that staff were exhausted."
BRACKET_YEAR = "Following the review (Francis, 2013), Lind argues that care is fragmented."
PROSE_YEAR = "In 2019, Lind argued that care is fragmented."
# a page in its own bracket after a paraphrase
PAGE_PP = "Okafor (2018) found no change in falls after the audit (pp. 45)."
PAGE_PG = "Okafor (2018) found no change in falls after the audit (pg. 45)."
PAGE_RANGE = "Okafor (2018) found no change in falls after the audit (p. 45-47)."
PAGE_OK = "Okafor (2018) found no change in falls after the audit (p. 45)."
PAGE_TWO = "Okafor (2018) and Lind (2019) found no change in falls (pp. 45)."
PAGE_BRACKET_CITATION = "Falls did not change after the audit (Okafor, 2018) (pp. 45)."
PAGE_NEXT_SENTENCE = "Okafor (2018) found no change in falls. The audit was short (pp. 45)."
PAGE_OWN = "Okafor (2018, p. 3) found no change in falls (pp. 45)."
# a bracket holding only an organisation's abbreviation
ABBREVIATION = "The Royal College of Midwives says every birth needs a named midwife (RCM)."
ABBREVIATION_ALSO = "The Royal College of Midwives also recommends one-to-one care in labour (RCM)."
ABBREVIATION_LIST = ("The Royal College of Midwives says every birth needs a named midwife (RCM).\n\nReference list\n\n"
                     "Royal College of Midwives (2021) Staffing standard. London: RCM.")
DEFINED = "The Royal College of Midwives (RCM) says every birth needs a named midwife."
APPOSITION = "The Royal College of Midwives says staff should raise concerns with the regulator (NMC)."
NO_SAYING = "The Royal College of Midwives has 50,000 members across the UK (RCM)."
OTHER_BODY = "The Royal College of Midwives says every birth needs a named midwife (NMC)."
CITED_ALREADY = "The Royal College of Midwives argues that every birth needs a named midwife (RCM)."
FULL_NAME = "Concerns went to the regulator (Nursing and Midwifery Council)."

# a work cited with another year and "et al." beside a two-author entry the passage cites as it is
TWO_NAMES_APA = ("\n\nReferences\n\nWebber, R., & Blake, P. (2019). Support staff in class. Research Papers, "
                 "34(1), 98-113.")
TWO_NAMES_H = ("\n\nReference list\n\nWebber, R. and Blake, P. (2019) 'Support staff in class', Research Papers, "
               "34(1), pp. 98-113.")
ANOTHER_WORK = "Webber and Blake (2019) found pupils spent time apart. Earlier work agrees (Webber et al., 2011)."
# (a year one off: a slip; one further off from an entry cited rightly is another work, the twenty-seventh round)
ONE_FAULT_YEAR = "Webber and Blake (2019) found pupils spent time apart. Earlier work agrees (Webber and Blake, 2018)."
ONE_FAULT_ET_AL = "Webber and Blake (2019) found pupils spent time apart. Earlier work agrees (Webber et al., 2019)."
NOT_CITED_ELSEWHERE = "Earlier work agrees (Webber et al., 2011)."

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    # an edited book's entry, "(Eds.)." in APA 7 and "(eds)" or "(ed.)" in Cite Them Right, lists its editors as
    # its authors: the citation finds it (no `no_reference`)
    (EDITED_APA, A, [("(Harlow & Penn, 2014)", ["Harlow", "Penn"], "2014", None, False, [], None)]),
    (EDITED_H, H, [("(Harlow and Penn, 2014)", ["Harlow", "Penn"], "2014", None, False, [], None)]),
    (EDITED_ONE_H, H, [("(Harlow, 2014)", ["Harlow"], "2014", None, False, [], None)]),
    (EDITED_ONE_H, A, [("(Harlow, 2014)", ["Harlow"], "2014", None, False, [], None)]),
    # "et al." for the entry a misspelt name means: too few names in Cite Them Right (four from), where the fix
    # writes them all, spelt as listed; right in APA 7 (three from), where only the spelling is fixed
    (SPELT_H, H, [("Hallet et al. (2015)", ["Hallet"], "2015", None, True, ["author_spelling", "et_al_too_few"],
                   "Hallett, Ng and Osei (2015)")]),
    (SPELT_APA, A, [("Hallet et al. (2015)", ["Hallet"], "2015", None, True, ["author_spelling"],
                     "Hallett et al. (2015)")]),
    (SPELT_FOUR_H, H, [("Hallet et al. (2015)", ["Hallet"], "2015", None, True, ["author_spelling"],
                        "Hallett et al. (2015)")]),
    # a capitalised everyday word and "in the" before the name, not opening the sentence: one organisation
    (ARTICLE, H, [("Women in the Lead (2019)", ["Women in the Lead"], "2019", None, True, [], None)]),
    (ARTICLE, A, [("Women in the Lead (2019)", ["Women in the Lead"], "2019", None, True, [], None)]),
    # opening the sentence, or a surname before "in the": the name after the article is the author
    (ARTICLE_OPENS, H, [("Okafor (2019)", ["Okafor"], "2019", None, True, [], None)]),
    (ARTICLE_SURNAME, A, [("Lind (2013)", ["Lind"], "2013", None, True, [], None)]),
    # "Drawing on", "Based on": the verb and its joining word are the sentence's, not the name's
    (DRAWING, H, [("Okafor's (2018)", ["Okafor"], "2018", None, True, [], None)]),
    (DRAWING, A, [("Okafor's (2018)", ["Okafor"], "2018", None, True, [], None)]),
    (BASED, A, [("NICE (2019)", ["NICE"], "2019", None, True, [], None)]),
    # before another name word, the same verb may be the name's own first word
    (BUILDING, H, [("Building Research Establishment (2019)", ["Building Research Establishment"], "2019", None,
                    True, [], None)]),
    # a name after "at", "into" and the like is the preposition's object, not the reporting verb's subject
    (OBJECT, H, []),
    (OBJECT, A, []),
    (OBJECT_NOT, H, [("Northgate Hospital Trust", ["Northgate Hospital Trust"], "", None, True, ["missing_year"],
                      "Northgate Hospital Trust ([year])")]),
    # a year in another work's bracket earlier in the sentence is not the running text's year (APA 7's "In 2019,
    # Lind argued"): the name still lacks its own
    (BRACKET_YEAR, H, [("(Francis, 2013)", ["Francis"], "2013", None, False, [], None),
                       ("Lind", ["Lind"], "", None, True, ["missing_year"], "Lind ([year])")]),
    (BRACKET_YEAR, A, [("(Francis, 2013)", ["Francis"], "2013", None, False, [], None),
                       ("Lind", ["Lind"], "", None, True, ["missing_year"], "Lind ([year])")]),
    (PROSE_YEAR, A, [("Lind", ["Lind"], "2019", None, True, [], None)]),
    # a page in its own bracket later in the sentence of a narrative citation, with no quotation: its fault is
    # told on the citation, with no fix (the bracket is not its text; `pages` stays empty)
    (PAGE_PP, A, [("Okafor (2018)", ["Okafor"], "2018", None, True, ["pp_single_page"], None)]),
    (PAGE_PP, H, [("Okafor (2018)", ["Okafor"], "2018", None, True, ["pp_single_page"], None)]),
    (PAGE_PG, A, [("Okafor (2018)", ["Okafor"], "2018", None, True, ["page_label"], None)]),
    (PAGE_RANGE, H, [("Okafor (2018)", ["Okafor"], "2018", None, True, ["p_page_range"], None)]),
    (PAGE_OK, A, [("Okafor (2018)", ["Okafor"], "2018", None, True, [], None)]),
    # two citations before it, a bracket citation, another sentence, or a page of its own: left alone
    (PAGE_TWO, A, [("Okafor (2018)", ["Okafor"], "2018", None, True, [], None),
                   ("Lind (2019)", ["Lind"], "2019", None, True, [], None)]),
    (PAGE_BRACKET_CITATION, A, [("(Okafor, 2018)", ["Okafor"], "2018", None, False, [], None)]),
    (PAGE_NEXT_SENTENCE, H, [("Okafor (2018)", ["Okafor"], "2018", None, True, [], None)]),
    (PAGE_OWN, A, [("Okafor (2018, p. 3)", ["Okafor"], "2018", "3", True, [], None)]),
    # a bracket holding only the abbreviation of an organisation the sentence names saying or recommending
    # something: a citation without its year; no fix, since the guides' form puts the year and the abbreviation
    # beside the name, outside the bracket (the list's year is not enough)
    (ABBREVIATION, A, [("(RCM)", ["RCM"], "", None, False, ["missing_year"], None)]),
    (ABBREVIATION, H, [("(RCM)", ["RCM"], "", None, False, ["missing_year"], None)]),
    (ABBREVIATION_ALSO, H, [("(RCM)", ["RCM"], "", None, False, ["missing_year"], None)]),
    (ABBREVIATION_LIST, H, [("(RCM)", ["RCM"], "", None, False, ["missing_year"], None)]),
    (ABBREVIATION_LIST, A, [("(RCM)", ["RCM"], "", None, False, ["missing_year"], None)]),
    # right after the name (a definition), beside a noun it names, with no saying verb, for another body, or in a
    # sentence that cites already: no citation; nor a bracket holding a full name
    (DEFINED, A, []),
    (DEFINED, H, []),
    (APPOSITION, A, []),
    (NO_SAYING, H, []),
    (OTHER_BODY, A, []),
    (CITED_ALREADY, A, [("The Royal College of Midwives", ["The Royal College of Midwives"], "", None, True,
                         ["missing_year"], "The Royal College of Midwives ([year])")]),
    (FULL_NAME, H, []),
    (FULL_NAME, A, []),
    # another year and "et al." (never right for two names) beside an entry the passage cites rightly: a work
    # missing from the list, not that entry with two faults
    (ANOTHER_WORK + TWO_NAMES_APA, A, [("Webber and Blake (2019)", ["Webber", "Blake"], "2019", None, True, [], None),
                                       ("(Webber et al., 2011)", ["Webber"], "2011", None, False, ["no_reference"],
                                        None)]),
    (ANOTHER_WORK + TWO_NAMES_H, H, [("Webber and Blake (2019)", ["Webber", "Blake"], "2019", None, True, [], None),
                                     ("(Webber et al., 2011)", ["Webber"], "2011", None, False, ["no_reference"],
                                      None)]),
    # one difference alone, or the entry cited nowhere as it is: that entry, with its fault
    (ONE_FAULT_YEAR + TWO_NAMES_H, H, [("Webber and Blake (2019)", ["Webber", "Blake"], "2019", None, True, [], None),
                                       ("(Webber and Blake, 2018)", ["Webber", "Blake"], "2018", None, False,
                                        ["year_mismatch"], "(Webber and Blake, 2019)")]),
    (ONE_FAULT_ET_AL + TWO_NAMES_APA, A, [("Webber and Blake (2019)", ["Webber", "Blake"], "2019", None, True, [],
                                           None),
                                          ("(Webber et al., 2019)", ["Webber"], "2019", None, False, ["et_al_too_few"],
                                           "(Webber & Blake, 2019)")]),
    (NOT_CITED_ELSEWHERE + TWO_NAMES_APA, A, [("(Webber et al., 2011)", ["Webber"], "2011", None, False,
                                               ["et_al_too_few", "year_mismatch"], "(Webber & Blake, 2019)")]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_nineteenth_round_classes(case: tuple) -> None:
    assert_form_in_style(*case)


@pytest.mark.parametrize(("entry", "authors", "year", "rest"), [
    ("Harlow, R., & Penn, S. (Eds.). (2014). Open doors. Northgate Press.", ["Harlow", "Penn"], "2014",
     "Open doors. Northgate Press."),
    ("Harlow, R. and Penn, S. (eds) (2014) Open doors. Leeds: Northgate Press.", ["Harlow", "Penn"], "2014",
     "Open doors. Leeds: Northgate Press."),
    ("Harlow, R. (ed.) (2014) Open doors. Leeds: Northgate Press.", ["Harlow"], "2014",
     "Open doors. Leeds: Northgate Press."),
    ("Harlow, R. (Ed.). (2014). Open doors. Northgate Press.", ["Harlow"], "2014", "Open doors. Northgate Press."),
    # an organisation's abbreviation in brackets is still its acronym, and a chapter's editors stay in its entry
    ("Royal College of Midwives (RCM) (2021) Staffing standard. London: RCM.", ["Royal College of Midwives"], "2021",
     "Staffing standard. London: RCM."),
    ("Okafor, N. (2019) 'Trust', in Harlow, R. (ed.) Open doors. Leeds: Northgate Press, pp. 4-9.", ["Okafor"], "2019",
     "'Trust', in Harlow, R. (ed.) Open doors. Leeds: Northgate Press, pp. 4-9."),
])
def test_an_editors_label_is_read_past(entry: str, authors: list[str], year: str, rest: str) -> None:
    """Both guides list an edited book under its editors, with a label
    between their names and the year; the entry's authors are the names."""
    document = ingest_text(f"Some text (Harlow, 2014).\n\nReferences\n\n{entry}")
    _, references = find_references(document)
    assert [(r.authors, r.year, r.rest) for r in references] == [(authors, year, rest)]


@pytest.mark.parametrize("style", [H, A])
def test_an_abbreviation_alone_is_told_why_no_fix(style: str) -> None:
    """The message says what to add and where, since no fix is offered."""
    _, citations, _ = run(ABBREVIATION, style)
    assert [p.message for p in citations[0].problems] == [
        "The bracket gives only the organisation's abbreviation and no year: cite it with the year of the work (or "
        f"\"{'no date' if style == H else 'n.d.'}\"), and give the abbreviation beside the organisation's full name "
        "where the sentence names it."]


def test_the_listed_work_is_linked_from_an_abbreviation_alone() -> None:
    """The entry the abbreviation spells is the citation's (not `never_cited`)."""
    _, citations, references = run(ABBREVIATION_LIST, H)
    assert citations[0].reference == 0 and references[0].problems == []
