"""The classes the twenty-sixth round fixed (the twenty-fifth blind set,
citations_blind24), each judged in both styles where it applies: exact span
and fields, the problem codes and the fix the style guide gives (Cite Them
Right 12th ed. Harvard; APA 7), beside the look-alikes each rule must leave
alone. The wordings are this file's own, not the set's."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A = "harvard", "apa"

# a page opening with a letter: an article number's "e21", a supplement's "i9"
LETTER_PAGE = "Breathing work helps (Okafor et al., 2011, p. i9)."
LETTER_QUOTE = "Adeyemi et al. (2015) call it 'a plan built around the person in front of you' (p. e21)."
LETTER_QUOTE_A = 'Adeyemi et al. (2015) call it "a plan built around the person in front of you" (p. e21).'
LETTER_LABEL = "Breathing work helps (Okafor, 2011, pg. e21)."
# a quoted model's name after its owner's possessive name, cited by a bracket after it
OWNER_MODEL = "I used Okafor's 'Look, Think, Act' cycle here (Okafor, 2007, cited in Lee, 2013)."
OWNER_MODEL_A = 'I used Okafor\'s "Look, Think, Act" cycle here (Okafor, 2007, as cited in Lee, 2013).'
OWNER_WORDS = "Okafor's 'care is shared by the whole team' shows this (Okafor, 2007)."
# a body's abbreviation defined by its first citation, which opens a paragraph under a heading: its "The" is
# the sentence's, and the abbreviation after it is the same form
HEADED_A = ("Discharge\n\nThe Royal College of Nursing (RCN, 2018) urges early review. "
            "It is advised (RCN 2018; Smith, 2019).\n\nReferences\n"
            "Royal College of Nursing. (2018). Early review. RCN.\nSmith, A. (2019). Review. Pub.")
HEADED = ("Discharge\n\nThe Royal College of Nursing (RCN) (2018) urges early review. "
          "It is advised (RCN 2018; Smith, 2019).\n\nReference list\n"
          "Royal College of Nursing (2018) Early review. London: RCN.\nSmith, A. (2019) Review. London: Pub.")
# one work's inner capitals written two ways: the first form is the fix
INNER = "Okafor and McKenna's (1990) model helps. It is used widely (Okafor and Mckenna 1990)."
INNER_A = "Okafor and McKenna's (1990) model helps. It is used widely (Okafor & Mckenna, 1990)."
INNER_YEARS = "Mckenna (2001) and McKenna (2004) differ on this."
# a spelling fix from the list keeps the "The" the citation writes before a body
ARTICLE_A = ("The Parents & Carers Forum (2019) found gaps.\n\nReferences\n"
             "Parents and Carers Forum. (2019). Gaps in care. PCF.")
ARTICLE = ("The Parents & Carers Forum (2019) found gaps.\n\nReference list\n"
           "Parents and Carers Forum (2019) Gaps in care. Leeds: PCF.")
# a name and a bare year before a verb after "then", a naming verb, "admits", or a rule verb
THEN_A = "Okafor (2010) set up the sites. Okafor 2012 then described how they worked."
CALLS = "Okafor (2010) set up the sites. Mensah 1999 calls this drift."
ADMITS_A = "Okafor (2010) set up the sites. Okafor 2016 admits that rates differ."
RULE = "The Royal College of Nursing (RCN) (2018) sets targets. Staff are slow, as RCN 2018 advises."
RULE_A = "The Royal College of Nursing (RCN, 2018) sets targets. Staff are slow, as RCN 2018 advises."
VISION = "Okafor (2010) set up the sites. Vision 2030 sets out a plan."
# a list of nouns that is one body: its abbreviation spells it, or the list files it so
NOUNS = ("Parents, Carers and Walkers (PCW) (2021) gathered stories. "
         "Later surveys agreed (Parents, Carers and Walkers, 2021).")
NOUNS_LISTED_A = ("Parents, Carers and Walkers (2021) gathered stories.\n\nReferences\n"
                  "Parents, Carers and Walkers. (2021). Stories. https://www.pcw.org")
PEOPLE = "Banks, Woods and Rivers (2019) gathered stories."
# initials after a name before "et al."
INITIALS_ET_AL = "The review by Mensah, K. et al. (2009) for the council found gaps."
INITIALS_ET_AL_BRACKET = "Gaps were found (Mensah, K. et al., 2009)."
# an abbreviation taking every word's initial in another order
REORDERED_A = ("The All-Party Parliamentary Group on Knife Crime (KCAPPG, 2020) found that youths were failed. "
               "This was stark (KCAPPG, 2020, p. 7).")
REORDERED = "The All-Party Parliamentary Group on Knife Crime (KCAPPG) (2020) found that youths were failed."
# a report's title after "the report", with a bracket of its year later in the sentence
TITLE = "The report Nobody Was Watching (2021) found that staff were slow (Carers Trust, 2021)."
TITLE_A = "The report Nobody Was Watching (2021) found that staff were slow (Carers Trust, 2021)."
TITLE_ALONE = "The report Quiet Wards (2019) found that staff were slow."
# the same authors' works in one bracket go by year (APA 7, 8.12); one author before the same with others
YEARS_A = "Sizes vary (Okafor & Mensah, 2019; Okafor & Mensah, 2006)."
YEARS = "Sizes vary (Okafor and Mensah, 2019; Okafor and Mensah, 2006)."
ALONE_FIRST_A = "Sizes vary (Okafor, 2020; Okafor et al., 2014)."
# a chapter in the source read's edited book: listed as read, only the wording told
CHAPTER = ("Okafor (2005 in Lee, 2005) points out that partnerships hide conflict.\n\nReference list\n"
           "Okafor, D. (2005) 'Partnership', in Lee, N. (ed.) Handbook of safety. Leeds: Willan, pp. 73-75.")
NOT_CHAPTER = ("Okafor (2005 in Lee, 2005) points out that partnerships hide conflict.\n\nReference list\n"
               "Okafor, D. (2005) Partnership. Leeds: Willan.")
# names written out before "et al.", the list beginning with them
NAMES_ET_AL = ("Okafor, Lee, Mensah et al. (2010) found more stress.\n\nReference list\n"
               "Okafor, N.T., Lee, M., Mensah, D. and Hull, L. (2010) 'Stress', The Lancet, 375, pp. 1-7.")
NAMES_ET_AL_A = ("Okafor, Lee, Mensah et al. (2010) found more stress.\n\nReferences\n"
                 "Okafor, N. T., Lee, M., Mensah, D., & Hull, L. (2010). Stress. The Lancet, 375, 1-7.")
PLACE_ET_AL = ("In Leeds, Okafor et al. (2010) found more stress.\n\nReference list\n"
               "Okafor, N.T., Lee, M., Mensah, D. and Hull, L. (2010) 'Stress', The Lancet, 375, pp. 1-7.")

WIDE = "The All-Party Parliamentary Group on Knife Crime"

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    (LETTER_PAGE, H, [("(Okafor et al., 2011, p. i9)", ["Okafor"], "2011", "i9", False, [], None)]),
    (LETTER_PAGE, A, [("(Okafor et al., 2011, p. i9)", ["Okafor"], "2011", "i9", False, [], None)]),
    (LETTER_QUOTE, H, [("Adeyemi et al. (2015)", ["Adeyemi"], "2015", None, True, [], None)]),
    (LETTER_QUOTE_A, A, [("Adeyemi et al. (2015)", ["Adeyemi"], "2015", None, True, [], None)]),
    (LETTER_LABEL, H, [("(Okafor, 2011, pg. e21)", ["Okafor"], "2011", "e21", False, ["page_label"],
                        "(Okafor, 2011, p. e21)")]),
    (OWNER_MODEL, H, [("(Okafor, 2007, cited in Lee, 2013)", ["Okafor"], "2007", None, False, [], None)]),
    (OWNER_MODEL_A, A, [("(Okafor, 2007, as cited in Lee, 2013)", ["Okafor"], "2007", None, False, [], None)]),
    (OWNER_WORDS, H, [("(Okafor, 2007)", ["Okafor"], "2007", None, False, ["no_page_for_quote"],
                       "(Okafor, 2007, p. [page])")]),
    (HEADED_A, A, [("The Royal College of Nursing (RCN, 2018)", ["The Royal College of Nursing"], "2018", None,
                    True, [], None),
                   ("RCN 2018", ["RCN"], "2018", None, False, ["missing_comma"], "RCN, 2018"),
                   ("Smith, 2019", ["Smith"], "2019", None, False, [], None)]),
    (HEADED, H, [("The Royal College of Nursing (RCN) (2018)", ["The Royal College of Nursing"], "2018", None,
                  True, [], None),
                 ("RCN 2018", ["RCN"], "2018", None, False, ["missing_comma"], "RCN, 2018"),
                 ("Smith, 2019", ["Smith"], "2019", None, False, [], None)]),
    (INNER, H, [("Okafor and McKenna's (1990)", ["Okafor", "McKenna"], "1990", None, True, [], None),
                ("(Okafor and Mckenna 1990)", ["Okafor", "Mckenna"], "1990", None, False,
                 ["inconsistent_form", "missing_comma"], "(Okafor and McKenna, 1990)")]),
    (INNER_A, A, [("Okafor and McKenna's (1990)", ["Okafor", "McKenna"], "1990", None, True, [], None),
                  ("(Okafor & Mckenna, 1990)", ["Okafor", "Mckenna"], "1990", None, False,
                   ["inconsistent_form"], "(Okafor & McKenna, 1990)")]),
    (INNER_YEARS, H, [("Mckenna (2001)", ["Mckenna"], "2001", None, True, [], None),
                      ("McKenna (2004)", ["McKenna"], "2004", None, True, [], None)]),
    (ARTICLE_A, A, [("The Parents & Carers Forum (2019)", ["The Parents & Carers Forum"], "2019", None, True,
                     ["author_spelling"], "The Parents and Carers Forum (2019)")]),
    (ARTICLE, H, [("The Parents & Carers Forum (2019)", ["The Parents & Carers Forum"], "2019", None, True,
                   ["author_spelling"], "The Parents and Carers Forum (2019)")]),
    (THEN_A, A, [("Okafor (2010)", ["Okafor"], "2010", None, True, [], None),
                 ("Okafor 2012", ["Okafor"], "2012", None, True, ["year_brackets"], "Okafor (2012)")]),
    (CALLS, H, [("Okafor (2010)", ["Okafor"], "2010", None, True, [], None),
                ("Mensah 1999", ["Mensah"], "1999", None, True, ["year_brackets"], "Mensah (1999)")]),
    (ADMITS_A, A, [("Okafor (2010)", ["Okafor"], "2010", None, True, [], None),
                   ("Okafor 2016", ["Okafor"], "2016", None, True, ["year_brackets"], "Okafor (2016)")]),
    (RULE, H, [("The Royal College of Nursing (RCN) (2018)", ["The Royal College of Nursing"], "2018", None, True,
                [], None),
               ("RCN 2018", ["RCN"], "2018", None, True, ["year_brackets"], "RCN (2018)")]),
    (RULE_A, A, [("The Royal College of Nursing (RCN, 2018)", ["The Royal College of Nursing"], "2018", None, True,
                  [], None),
                 ("RCN 2018", ["RCN"], "2018", None, True, ["year_brackets"], "RCN (2018)")]),
    (VISION, H, [("Okafor (2010)", ["Okafor"], "2010", None, True, [], None)]),
    (NOUNS, H, [("Parents, Carers and Walkers (PCW) (2021)", ["Parents, Carers and Walkers"], "2021", None, True,
                 [], None),
                ("(Parents, Carers and Walkers, 2021)", ["Parents, Carers and Walkers"], "2021", None, False, [],
                 None)]),
    (NOUNS_LISTED_A, A, [("Parents, Carers and Walkers (2021)", ["Parents, Carers and Walkers"], "2021", None,
                          True, [], None)]),
    (PEOPLE, H, [("Banks, Woods and Rivers (2019)", ["Banks", "Woods", "Rivers"], "2019", None, True, [], None)]),
    (INITIALS_ET_AL, H, [("Mensah, K. et al. (2009)", ["Mensah"], "2009", None, True, ["initials_in_citation"],
                          "Mensah et al. (2009)")]),
    (INITIALS_ET_AL, A, [("Mensah, K. et al. (2009)", ["Mensah"], "2009", None, True, ["initials_in_citation"],
                          "Mensah et al. (2009)")]),
    (INITIALS_ET_AL_BRACKET, H, [("(Mensah, K. et al., 2009)", ["Mensah"], "2009", None, False,
                                  ["initials_in_citation"], "(Mensah et al., 2009)")]),
    (REORDERED_A, A, [(f"{WIDE} (KCAPPG, 2020)", [WIDE], "2020", None, True, [], None),
                      ("(KCAPPG, 2020, p. 7)", ["KCAPPG"], "2020", "7", False, [], None)]),
    (REORDERED, H, [(f"{WIDE} (KCAPPG) (2020)", [WIDE], "2020", None, True, [], None)]),
    (TITLE, H, [("(Carers Trust, 2021)", ["Carers Trust"], "2021", None, False, [], None)]),
    (TITLE_A, A, [("(Carers Trust, 2021)", ["Carers Trust"], "2021", None, False, [], None)]),
    (TITLE_ALONE, H, [("Quiet Wards (2019)", ["Quiet Wards"], "2019", None, True, [], None)]),
    (YEARS_A, A, [("Okafor & Mensah, 2019", ["Okafor", "Mensah"], "2019", None, False, [], None),
                  ("Okafor & Mensah, 2006", ["Okafor", "Mensah"], "2006", None, False, ["bracket_order"], None)]),
    (YEARS, H, [("Okafor and Mensah, 2019", ["Okafor", "Mensah"], "2019", None, False, [], None),
                ("Okafor and Mensah, 2006", ["Okafor", "Mensah"], "2006", None, False, [], None)]),
    (ALONE_FIRST_A, A, [("Okafor, 2020", ["Okafor"], "2020", None, False, [], None),
                        ("Okafor et al., 2014", ["Okafor"], "2014", None, False, [], None)]),
    (CHAPTER, H, [("Okafor (2005 in Lee, 2005)", ["Okafor"], "2005", None, True, ["secondary_wording"],
                   "Okafor (2005, cited in Lee, 2005)")]),
    (NOT_CHAPTER, H, [("Okafor (2005 in Lee, 2005)", ["Okafor"], "2005", None, True,
                       ["secondary_lists_original", "secondary_wording"], "Okafor (2005, cited in Lee, 2005)")]),
    (NAMES_ET_AL, H, [("Okafor, Lee, Mensah et al. (2010)", ["Okafor", "Lee", "Mensah"], "2010", None, True,
                       ["et_al_needed"], "Okafor et al. (2010)")]),
    (NAMES_ET_AL_A, A, [("Okafor, Lee, Mensah et al. (2010)", ["Okafor", "Lee", "Mensah"], "2010", None, True,
                         ["et_al_needed"], "Okafor et al. (2010)")]),
    (PLACE_ET_AL, H, [("Okafor et al. (2010)", ["Okafor"], "2010", None, True, [], None)]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_twentysixth_round_classes(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)
