"""The classes the thirty-sixth round fixed (no new set: the classes the
thirty-fourth and thirty-fifth rounds left, from citations_blind33 and
citations_blind34), each judged in both styles where it applies: exact span
and fields, the problem codes and the fix the style guide gives (Cite Them
Right 12th ed. Harvard; APA 7), beside the look-alikes each rule must leave
alone. The wordings are this file's own, not the sets'."""

from __future__ import annotations

import pytest
from citation_helpers import assert_form_in_style, case_id

H, A = "harvard", "apa"

# a body's name before its abbreviation and year in one bracket with no comma: one narrative citation over the
# name and the bracket, missing_comma, the fix keeping the writer's form with the comma
NO_COMMA = "On the wards, The National Falls Prevention Collaborative (NFPC 2019) found gaps in training."
NFPC = ("The National Falls Prevention Collaborative (NFPC 2019)", ["The National Falls Prevention Collaborative"],
        "2019", None, True, ["missing_comma"], "The National Falls Prevention Collaborative (NFPC, 2019)")
# look-alike: an abbreviation that does not spell the name before it is a bracket citation of its own
NOT_SPELT = "On the wards, the Royal College of Nursing (NFPC 2019) found gaps in training."
NFPC_ALONE = ("(NFPC 2019)", ["NFPC"], "2019", None, False, ["missing_comma"], "(NFPC, 2019)")
# an abbreviation ending with the name's own last word, in APA 7's "(ABBR, year)" and in "(ABBR) (year)"
LAST_WORD = "The Society of Renal Nurses UK (SRN UK, 2020) advises that breaks matter."
LAST_WORD_OWN = "The Society of Renal Nurses UK (SRN UK) (2020) advises that breaks matter."
SRN = ("The Society of Renal Nurses UK (SRN UK, 2020)", ["The Society of Renal Nurses UK"], "2020", None, True,
       [], None)
SRN_OWN = ("The Society of Renal Nurses UK (SRN UK) (2020)", ["The Society of Renal Nurses UK"], "2020", None,
           True, [], None)
# look-alike: a second word the name does not end with leaves the bracket alone
NOT_LAST_WORD = "The Royal College of Nursing (RCN UK, 2020) advises that breaks matter."
RCN_UK = ("(RCN UK, 2020)", ["RCN UK"], "2020", None, False, [], None)
# the abbreviation cut of the name's last word, after the name defined it: fixed to the one defined
CUT_ABBREVIATION = ("The Society of Renal Nurses UK (SRN UK, 2020) advises that breaks matter. Many units "
                    "still skip them (SRN, 2020).")
SRN_CUT = ("(SRN, 2020)", ["SRN"], "2020", None, False, ["inconsistent_form"], "(SRN UK, 2020)")

# a body's name holding one word in small letters: read whole when its abbreviation spells the whole, when the
# list files the whole, or when "to" joins it after "The"
SMALL_SPELT = "The Council for Allied Health practice Standards (CAHPS) (2018) advises that breaks matter."
CAHPS = ("The Council for Allied Health practice Standards (CAHPS) (2018)",
         ["The Council for Allied Health practice Standards"], "2018", None, True, [], None)
SMALL_TO = "Noise keeps patients awake. The Campaign to Stop Ward Noise (2019) reminds nurses that sleep matters."
CAMPAIGN = ("The Campaign to Stop Ward Noise (2019)", ["The Campaign to Stop Ward Noise"], "2019", None, True, [],
            None)
SMALL_LISTED_H = ("Pens expire. The Medicines and Healthcare products Regulatory Agency (2017) advises that "
                  "patients carry two.\n\nReference list\n\nMedicines and Healthcare products Regulatory Agency "
                  "(2017) Adrenaline pens. London: MHRA.")
SMALL_LISTED_A = ("Pens expire. The Medicines and Healthcare products Regulatory Agency (2017) advises that "
                  "patients carry two.\n\nReferences\n\nMedicines and Healthcare products Regulatory Agency. "
                  "(2017). Adrenaline pens.")
MHRA = ("The Medicines and Healthcare products Regulatory Agency (2017)",
        ["The Medicines and Healthcare products Regulatory Agency"], "2017", None, True, [], None)
# the names after the small word read as two ("Ward Outcome and Death"): the list files the whole as one body,
# whose abbreviation, never defined, is then the same work in another form
SMALL_TWO = ("Delays were common. The National Enquiry into Ward Outcome and Death (2015) found delays. This "
             "supports the NEWOD (2015) advice on screening.\n\nReferences\n\nNational Enquiry into Ward "
             "Outcome and Death. (2015). Just say delay.")
NEWOD = ("The National Enquiry into Ward Outcome and Death (2015)",
         ["The National Enquiry into Ward Outcome and Death"], "2015", None, True, [], None)
NEWOD_CUT = ("NEWOD (2015)", ["NEWOD"], "2015", None, True, ["inconsistent_form"],
             "National Enquiry into Ward Outcome and Death (2015)")
# look-alikes: "to" opening a clause, and a verb in small letters between a name and a cited author
COMPARED = "Compared to Okafor (2018), this audit was weak."
PRAISED = "The Lancet praised Okafor (2018) for this audit."
OKAFOR_2018 = ("Okafor (2018)", ["Okafor"], "2018", None, True, [], None)

# a heading on its own line before a body's name: not part of the name
HEADING = ("Rest breaks were agreed with the ward team over the week.\n\nDiscussion\nThe Royal College of "
           "Nursing (2019) found that breaks were missed.\n\nStaff then discussed this at length in the meeting.")
RCN = ("The Royal College of Nursing (2019)", ["The Royal College of Nursing"], "2019", None, True, [], None)
# look-alike: a name wrapped over two lines stays one name
WRAPPED = "Rest breaks matter, and the findings of the National\nInstitute for Rest (2019) show why."
WRAPPED_NAME = ("National\nInstitute for Rest (2019)", ["National Institute for Rest"], "2019", None, True, [], None)

# a name after a preposition and "the", before a reporting verb: the preposition's object, no citation
FOR_THE = "Okafor (2019), whose review for the Department of Health and Social Care found that rest helps, was read."
OKAFOR_2019 = ("Okafor (2019)", ["Okafor"], "2019", None, True, [], None)
FROM_THE = "The evidence from the Ombudsman suggests that delays harm patients."
# look-alike: the name as the verb's subject is a citation without its year
SUBJECT = "The Ombudsman found that delays harm patients."
OMBUDSMAN = ("The Ombudsman", ["The Ombudsman"], "", None, True, ["missing_year"], "The Ombudsman ([year])")

# a personal communication naming its person by a courtesy title and a capital: the capital is the author, and
# APA 7 asks the person's initials (personal_communication, no fix)
MS_D = "She said the phased return helped (Ms K, personal communication, May 2024)."
MS_K = ("(Ms K, personal communication, May 2024)", ["K"], "2024", None, False, ["personal_communication"], None)
# look-alike: an initial after the title, before the surname, is given
MS_INITIAL = "She said the phased return helped (Ms J. Okafor, personal communication, May 2024)."
MS_OKAFOR = ("(Ms J. Okafor, personal communication, May 2024)", ["Okafor"], "2024", None, False, [], None)

# a term's abbreviation before ", and" and a narrative citation ends the clause before it, no first author
TERM = "Low mood is common in people with TBI, and Okafor & van Dijk (2012) link it to control."
OKAFOR_VAN_DIJK = ("Okafor & van Dijk (2012)", ["Okafor", "van Dijk"], "2012", None, True, ["and_ampersand"],
                   "Okafor and van Dijk (2012)")
TERM_ET_AL = "Many people still had long COVID, and Lind et al. (2021, pg. 4) listed their symptoms."
LIND = ("Lind et al. (2021, pg. 4)", ["Lind"], "2021", "4", True, ["page_label"], "Lind et al. (2021, p. 4)")
# look-alike: bodies all named by their abbreviations stay one list
BODIES = "Guidance came from NICE, SIGN, and RCGP (2020) on this."
BODIES_H = ("NICE, SIGN, and RCGP (2020)", ["NICE", "SIGN", "RCGP"], "2020", None, True, [], None)

# (passage, style, [(text, authors, year, pages, narrative, codes, fix)]); fix None: no fix offered
CASES = [
    (NO_COMMA, H, [NFPC]),
    (NO_COMMA, A, [NFPC]),
    (NOT_SPELT, H, [NFPC_ALONE]),
    (NOT_SPELT, A, [NFPC_ALONE]),
    (LAST_WORD, H, [SRN]),
    (LAST_WORD, A, [SRN]),
    (LAST_WORD_OWN, H, [SRN_OWN]),
    (LAST_WORD_OWN, A, [SRN_OWN]),
    (NOT_LAST_WORD, H, [RCN_UK]),
    (NOT_LAST_WORD, A, [RCN_UK]),
    (CUT_ABBREVIATION, H, [SRN, SRN_CUT]),
    (CUT_ABBREVIATION, A, [SRN, SRN_CUT]),
    (SMALL_SPELT, H, [CAHPS]),
    (SMALL_SPELT, A, [CAHPS]),
    (SMALL_TO, H, [CAMPAIGN]),
    (SMALL_TO, A, [CAMPAIGN]),
    (SMALL_LISTED_H, H, [MHRA]),
    (SMALL_LISTED_A, A, [MHRA]),
    (SMALL_TWO, A, [NEWOD, NEWOD_CUT]),
    (COMPARED, H, [OKAFOR_2018]),
    (COMPARED, A, [OKAFOR_2018]),
    (PRAISED, H, [OKAFOR_2018]),
    (PRAISED, A, [OKAFOR_2018]),
    (HEADING, H, [RCN]),
    (HEADING, A, [RCN]),
    (WRAPPED, H, [WRAPPED_NAME]),
    (WRAPPED, A, [WRAPPED_NAME]),
    (FOR_THE, H, [OKAFOR_2019]),
    (FOR_THE, A, [OKAFOR_2019]),
    (FROM_THE, H, []),
    (FROM_THE, A, []),
    (SUBJECT, H, [OMBUDSMAN]),
    (SUBJECT, A, [OMBUDSMAN]),
    (MS_D, A, [MS_K]),
    (MS_INITIAL, A, [MS_OKAFOR]),
    (TERM, H, [OKAFOR_VAN_DIJK]),
    (TERM, A, [OKAFOR_VAN_DIJK]),
    (TERM_ET_AL, H, [LIND]),
    (TERM_ET_AL, A, [LIND]),
    (BODIES, H, [BODIES_H]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_thirtysixth_round_classes(case: tuple) -> None:
    passage, style, expected = case
    assert_form_in_style(passage, style, expected)
