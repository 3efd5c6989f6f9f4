#!/usr/bin/env python3
"""Build corpus/annotated/citations.jsonl, the hand-annotated citation set.

Every passage and every expected field below was written by hand, the way a
careful marker reads the passage (see corpus/annotated/README.md for the
conventions). The only thing computed is each citation's character offsets:
``text.find`` from just after the previous citation, so spans are never typed
by hand. ``same=True`` gives a citation the previous citation's span (one
narrative bracket with two years is two citations over one span).

    /work/venv/bin/python scripts/build_citation_set.py
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "corpus" / "annotated" / "citations.jsonl"


def V(authors, year, suffix="", pages=None):
    return {"authors": list(authors), "year": year, "suffix": suffix, "pages": pages}


def C(text, authors, year, suffix="", pages=None, narrative=False, via=None, problems=(), same=False, fix=None,
      note=None):
    """`fix`: the citation as the style guide writes it, when the annotator
    wrote it out (evaluate counts a suggestion that differs as wrong); `note`:
    why an annotation was corrected."""
    out = dict(text=text, authors=list(authors), year=year, suffix=suffix, pages=pages,
               narrative=narrative, via=via, problems=list(problems), same=same)
    if fix is not None:
        out["fix"] = fix
    if note is not None:
        out["note"] = note
    return out


def N(text, authors, year, suffix="", pages=None, via=None, problems=(), same=False, fix=None, note=None):
    """A narrative citation."""
    return C(text, authors, year, suffix, pages, True, via, problems, same, fix, note)


APA_ORDER = ("Corrected (issue 12, blind set): APA 7 lists the works in one bracket in alphabetical order of first "
             "author (8.12), so the work out of place is bracket_order.")
CTR_NO_DATE = "Corrected (issue 12, blind set): Cite Them Right writes an undated work as 'no date', not 'n.d.'."


H, A = "harvard", "apa"

PASSAGES = [
    ("c01", H,
     "Partnership boards often begin with enthusiasm (Okafor, 2018). Okafor (2018, p. 45) notes that this early "
     "energy fades once budgets are discussed, and later work agrees (Okafor, 2018, pp. 45-47). According to "
     "Adeyemi (2015), the first year sets the tone, a point repeated in a practitioner guide (Adeyemi 2015: 12).",
     [C("(Okafor, 2018)", ["Okafor"], "2018"),
      N("Okafor (2018, p. 45)", ["Okafor"], "2018", pages="45"),
      C("(Okafor, 2018, pp. 45-47)", ["Okafor"], "2018", pages="45-47"),
      N("Adeyemi (2015)", ["Adeyemi"], "2015"),
      C("(Adeyemi 2015: 12)", ["Adeyemi"], "2015", pages="12", problems=["missing_comma", "page_label"])]),
    ("c02", H,
     "Huxtable and Moreau (2014) describe the shared office as a necessary but not sufficient condition. The "
     "same point is made about hospital discharge teams (Huxtable and Moreau, 2014, p. 9). Castellano et al. "
     "(2017) surveyed 40 hubs, and a follow-up reached similar conclusions (Castellano et al., 2019). "
     "Gallagher et al (2020) disagree, arguing that proximity alone changes habits (Gallagher, et al., 2020, p. 3).",
     [N("Huxtable and Moreau (2014)", ["Huxtable", "Moreau"], "2014"),
      C("(Huxtable and Moreau, 2014, p. 9)", ["Huxtable", "Moreau"], "2014", pages="9"),
      N("Castellano et al. (2017)", ["Castellano"], "2017"),
      C("(Castellano et al., 2019)", ["Castellano"], "2019"),
      N("Gallagher et al (2020)", ["Gallagher"], "2020", problems=["et_al_no_stop"]),
      C("(Gallagher, et al., 2020, p. 3)", ["Gallagher"], "2020", pages="3", problems=["comma_before_et_al"])]),
    ("c03", H,
     "Fairbairn & Quayle (2012) coined the phrase 'borrowed authority' for seconded staff. Their argument has "
     "been tested in youth justice (Fairbairn & Quayle, 2012; Iqbal, Szabo and Thorne, 2016). Iqbal, Szabo and "
     "Thorne (2016) found that secondees adopted the norms of whichever office they sat in.",
     [N("Fairbairn & Quayle (2012)", ["Fairbairn", "Quayle"], "2012", problems=["and_ampersand"]),
      C("Fairbairn & Quayle, 2012", ["Fairbairn", "Quayle"], "2012", problems=["and_ampersand"]),
      C("Iqbal, Szabo and Thorne, 2016", ["Iqbal", "Szabo", "Thorne"], "2016"),
      N("Iqbal, Szabo and Thorne (2016)", ["Iqbal", "Szabo", "Thorne"], "2016")]),
    ("c04", H,
     "National guidance frames integration as a duty rather than an option (HM Government, 2018). The Open "
     "University (2017a) describes partnership as a spectrum, and its later unit adds a checklist for new boards "
     "(The Open University, 2017b). Practical tools are widely shared online (Mind Tools, 2017; Gov.UK, n.d.), "
     "while the King's Fund has tracked local systems for a decade (King's Fund, 2020).",
     [C("(HM Government, 2018)", ["HM Government"], "2018"),
      N("The Open University (2017a)", ["The Open University"], "2017", "a"),
      C("(The Open University, 2017b)", ["The Open University"], "2017", "b"),
      C("Mind Tools, 2017", ["Mind Tools"], "2017"),
      C("Gov.UK, n.d.", ["Gov.UK"], "n.d.", problems=["no_date_form"], fix="Gov.UK, no date", note=CTR_NO_DATE),
      C("(King's Fund, 2020)", ["King's Fund"], "2020")]),
    ("c05", H,
     "Van Dijk (2019) argues that boundary spanners need permission to fail. This echoes earlier findings "
     "(van Dijk, 2015; de Souza, 2020). De Souza (2020) adds that quieter partners rarely challenge the chair, "
     "a pattern also noted by O'Neill (2011) and by McAllister and Alban-Metcalfe (2013, p. 88).",
     [N("Van Dijk (2019)", ["Van Dijk"], "2019"),
      C("van Dijk, 2015", ["van Dijk"], "2015"),
      C("de Souza, 2020", ["de Souza"], "2020"),
      N("De Souza (2020)", ["De Souza"], "2020"),
      N("O'Neill (2011)", ["O'Neill"], "2011"),
      N("McAllister and Alban-Metcalfe (2013, p. 88)", ["McAllister", "Alban-Metcalfe"], "2013", pages="88")]),
    ("c06", H,
     "Team development is often described in stages (Whitcombe, 1971, cited in Ferreira, 2016, p. 12). "
     "Whitcombe (1971, cited in Ferreira, 2016) saw conflict as a necessary stage. Some students write the same "
     "source differently (Whitcombe 1971 cited in Ferreira 2016 p.12), or as Whitcombe (1971 cited in Ferreira, "
     "2016, p.12) without the comma.",
     [C("(Whitcombe, 1971, cited in Ferreira, 2016, p. 12)", ["Whitcombe"], "1971",
        via=V(["Ferreira"], "2016", pages="12")),
      N("Whitcombe (1971, cited in Ferreira, 2016)", ["Whitcombe"], "1971", via=V(["Ferreira"], "2016")),
      C("(Whitcombe 1971 cited in Ferreira 2016 p.12)", ["Whitcombe"], "1971",
        via=V(["Ferreira"], "2016", pages="12"), problems=["missing_comma"]),
      N("Whitcombe (1971 cited in Ferreira, 2016, p.12)", ["Whitcombe"], "1971",
        via=V(["Ferreira"], "2016", pages="12"), problems=["missing_comma"])]),
    ("c07", H,
     "The idea of a 'negotiated order' is older than it seems (Pemberton, 1984, cited by Rahman, 2010). It was "
     "popularised in nursing (Pemberton, 1984, quoted in Rahman, 2010, p. 77) and reached social work later "
     "(Pemberton, 1984, cited Rahman, 2010). One student simply ran the names together (Pemberton 1984 Rahman 2010).",
     [C("(Pemberton, 1984, cited by Rahman, 2010)", ["Pemberton"], "1984", via=V(["Rahman"], "2010"),
        problems=["secondary_wording"]),
      C("(Pemberton, 1984, quoted in Rahman, 2010, p. 77)", ["Pemberton"], "1984",
        via=V(["Rahman"], "2010", pages="77"), problems=["secondary_wording"]),
      C("(Pemberton, 1984, cited Rahman, 2010)", ["Pemberton"], "1984", via=V(["Rahman"], "2010"),
        problems=["secondary_wording"]),
      C("(Pemberton 1984 Rahman 2010)", ["Pemberton"], "1984", via=V(["Rahman"], "2010"),
        problems=["run_together"])]),
    ("c08", A,
     "Co-production requires that service users shape the agenda (Nakamura & Petrakis, 2021). Nakamura and "
     "Petrakis (2021) found that only a third of boards did so. Earlier work reached the same view (Esposito et "
     "al., 2018, p. 14), and Esposito et al. (2018) recommend paid roles for carers. The model is older than many "
     "assume (Whitcombe, 1971, as cited in Nakamura & Petrakis, 2021).",
     [C("(Nakamura & Petrakis, 2021)", ["Nakamura", "Petrakis"], "2021"),
      N("Nakamura and Petrakis (2021)", ["Nakamura", "Petrakis"], "2021"),
      C("(Esposito et al., 2018, p. 14)", ["Esposito"], "2018", pages="14"),
      N("Esposito et al. (2018)", ["Esposito"], "2018"),
      C("(Whitcombe, 1971, as cited in Nakamura & Petrakis, 2021)", ["Whitcombe"], "1971",
        via=V(["Nakamura", "Petrakis"], "2021"))]),
    ("c09", A,
     "Boards that rotate the chair report higher attendance (Greaves and Holloway, 2019). Greaves & Holloway "
     "(2019) attribute this to shared ownership. The link to trust is less clear (Ingram, 2017, cited in "
     "Greaves & Holloway, 2019), and Ingram (2017, p.5) herself called it tentative (Ingram 2017).",
     [C("(Greaves and Holloway, 2019)", ["Greaves", "Holloway"], "2019", problems=["and_ampersand"]),
      N("Greaves & Holloway (2019)", ["Greaves", "Holloway"], "2019", problems=["and_ampersand"]),
      C("(Ingram, 2017, cited in Greaves & Holloway, 2019)", ["Ingram"], "2017",
        via=V(["Greaves", "Holloway"], "2019"), problems=["secondary_wording"]),
      N("Ingram (2017, p.5)", ["Ingram"], "2017", pages="5"),
      C("(Ingram 2017)", ["Ingram"], "2017", problems=["missing_comma"])]),
    ("c10", H,
     "Managers underestimate the time needed for a merged team to settle (Jarvis, 2014, p.45). The effect lasts "
     "longer in rural areas (Jarvis, 2014, pp.45-47) and longest where staff are seconded (Jarvis, 2014, "
     "pp. 45–47). Jarvis (2014, pp.45- 47) also reports a dip in sickness absence, though a single table carries "
     "this claim (Jarvis, 2014, pp. 52). A further note appears in the online appendix (Jarvis, 2014, para. 3).",
     [C("(Jarvis, 2014, p.45)", ["Jarvis"], "2014", pages="45"),
      C("(Jarvis, 2014, pp.45-47)", ["Jarvis"], "2014", pages="45-47"),
      C("(Jarvis, 2014, pp. 45–47)", ["Jarvis"], "2014", pages="45-47"),
      N("Jarvis (2014, pp.45- 47)", ["Jarvis"], "2014", pages="45-47", problems=["page_range_space"]),
      C("(Jarvis, 2014, pp. 52)", ["Jarvis"], "2014", pages="52", problems=["pp_single_page"]),
      C("(Jarvis, 2014, para. 3)", ["Jarvis"], "2014", pages="para. 3")]),
    ("c11", H,
     "One manager called the hub “a room full of different rulebooks” (Underhill, 2016). Underhill (2016) also "
     "quotes a nurse who said the team was \"held together by goodwill and overtime\", a phrase worth "
     "unpacking. Later Underhill writes that trust \"grows in the gaps between meetings\" (Underhill, 2016, p. 30-31).",
     [C("(Underhill, 2016)", ["Underhill"], "2016", problems=["no_page_for_quote"]),
      N("Underhill (2016)", ["Underhill"], "2016", problems=["no_page_for_quote"]),
      C("(Underhill, 2016, p. 30-31)", ["Underhill"], "2016", pages="30-31", problems=["p_page_range"])]),
    ("c12", H,
     "Information governance was the main barrier in the first year (Kowalczyk, 2018, Page 3 of 8 p. 19). Staff "
     "read the protocol in different ways (Kowalczyk, 2018, p. 21 Page 4 of 8), which Kowalczyk (2018) links to "
     "training gaps.",
     [C("(Kowalczyk, 2018, Page 3 of 8 p. 19)", ["Kowalczyk"], "2018", pages="19", problems=["debris"]),
      C("(Kowalczyk, 2018, p. 21 Page 4 of 8)", ["Kowalczyk"], "2018", pages="21", problems=["debris"]),
      N("Kowalczyk (2018)", ["Kowalczyk"], "2018")]),
    ("c13", H,
     "Several studies link co-location to faster referrals (see Ashworth, 2012; Carver and Delacroix, 2015; "
     "Fenwick et al., 2019). Others find no effect at all (e.g. Esposito, 2013; Yilmaz, 2020, p. 7). The debate "
     "continues (Zeller, 2021a, 2021b).",
     [C("Ashworth, 2012", ["Ashworth"], "2012"),
      C("Carver and Delacroix, 2015", ["Carver", "Delacroix"], "2015"),
      C("Fenwick et al., 2019", ["Fenwick"], "2019"),
      C("Esposito, 2013", ["Esposito"], "2013"),
      C("Yilmaz, 2020, p. 7", ["Yilmaz"], "2020", pages="7"),
      C("Zeller, 2021a", ["Zeller"], "2021", "a"),
      C("2021b", ["Zeller"], "2021", "b")]),
    ("c14", H,
     "The Health and Social Care Act of 2012 changed commissioning, and in 2019 the local plan was rewritten. The "
     "force employs 20,000 officers across the region (see Figure 2). Emotional intelligence (EI) matters too. "
     "Priorities (trust, vision and power) were ranked by each partner. Spending rose between 2015 and 2018 "
     "(£2.4 million in 2018) before falling.",
     []),
    ("c15", H,
     "The Care Act (2014) places a duty on councils to promote integration. In the financial year (2020-21) the "
     "hub handled 4,000 referrals (Table 3). Staff aged 50 and over (n = 212) were least likely to move. "
     "Brannigan (2009) had predicted this. The survey closed in March (2019) with a 40% response.",
     [N("Brannigan (2009)", ["Brannigan"], "2009")]),
    ("c16", A,
     "Dunmore's (2016) account of hospital discharge is widely taught. Holloway et al (2022) extend it to "
     "community care, though Dunmore and Rahman's (2019) survey suggests that the gains are uneven (Dunmore & "
     "Rahman, 2019: 40).",
     [N("Dunmore's (2016)", ["Dunmore"], "2016"),
      N("Holloway et al (2022)", ["Holloway"], "2022", problems=["et_al_no_stop"]),
      N("Dunmore and Rahman's (2019)", ["Dunmore", "Rahman"], "2019"),
      C("(Dunmore & Rahman, 2019: 40)", ["Dunmore", "Rahman"], "2019", pages="40",
        problems=["page_label"])]),
    ("c17", H,
     "Newer evidence is still appearing (Petrakis, in press). A charity's guide is undated (Carers Connect, n.d.) "
     "but widely used, and Carers Connect (n.d.) is cited in several council strategies.",
     [C("(Petrakis, in press)", ["Petrakis"], "in press"),
      C("(Carers Connect, n.d.)", ["Carers Connect"], "n.d.", problems=["no_date_form"],
        fix="(Carers Connect, no date)", note=CTR_NO_DATE),
      N("Carers Connect (n.d.)", ["Carers Connect"], "n.d.", problems=["no_date_form"],
        fix="Carers Connect (no date)", note=CTR_NO_DATE)]),
    ("c18", H,
     "Voluntary sector partners often feel like junior members (Ashworth, 2012). Ashworth (2013) later softened "
     "this view. Boards that publish minutes are trusted more (Bellamy, 2017), although Hartigan and Osei (2019) "
     "found the effect small. Hartigan and Osei (2019, p. 4) still recommend it.\n\nReferences\n\n"
     "Ashworth, P. (2012) Junior partners: charities in local commissioning. Leeds: Kestrel Press.\n"
     "Hartigan, D. and Osei, K. (2019) 'Open minutes and public trust', Local Governance Review, 11(2), pp. 1-17.\n"
     "Morrow, T. (2016) Partnership boards explained. London: Fenwick Books.",
     [C("(Ashworth, 2012)", ["Ashworth"], "2012"),
      N("Ashworth (2013)", ["Ashworth"], "2013", problems=["year_mismatch"]),
      C("(Bellamy, 2017)", ["Bellamy"], "2017", problems=["no_reference"]),
      N("Hartigan and Osei (2019)", ["Hartigan", "Osei"], "2019"),
      N("Hartigan and Osei (2019, p. 4)", ["Hartigan", "Osei"], "2019", pages="4")]),
    ("c19", H,
     "Kowalski (2015) describes three models of hub governance. The second model is the most common (Kowalsky, "
     "2015, p. 22). Ferreira (2016) is often paired with later work on supervision (Ferreira, 2016a).\n\n"
     "References\n\n"
     "Ferreira, A. (2016) Supervision across boundaries. Bristol: Harbourside Press.\n"
     "Kowalski, J. (2015) Governing the hub: models of multi-agency safeguarding. Cardiff: Taff Academic.",
     [N("Kowalski (2015)", ["Kowalski"], "2015"),
      C("(Kowalsky, 2015, p. 22)", ["Kowalsky"], "2015", pages="22",
        problems=["author_spelling"]),
      N("Ferreira (2016)", ["Ferreira"], "2016"),
      C("(Ferreira, 2016a)", ["Ferreira"], "2016", "a", problems=["suffix_mismatch"])]),
    ("c20", H,
     "Group stages are a staple of team training (Whitcombe, 1971, cited in Ferreira, 2016). National Institute "
     "for Health and Care Excellence (NICE) (2019) guidance sets out joint outcomes, and later advice repeats them "
     "(NICE, 2019, p. 8). De Souza (2020) notes who speaks first; quieter voices are rarely heard (de Souza, "
     "2020). Integrated care is still patchy (King's Fund, 2020).\n\nReferences\n\n"
     "de Souza, M. (2020) 'Who chairs the table?', Public Services Review, 8(1), pp. 33-51.\n"
     "Ferreira, A. (2016) Supervision across boundaries. Bristol: Harbourside Press.\n"
     "National Institute for Health and Care Excellence (2019) Joint outcomes in integrated teams. "
     "Manchester: NICE.\n"
     "The King's Fund (2020) Local systems after integration. London: The King's Fund.",
     [C("(Whitcombe, 1971, cited in Ferreira, 2016)", ["Whitcombe"], "1971", via=V(["Ferreira"], "2016")),
      N("National Institute for Health and Care Excellence (NICE) (2019)",
        ["National Institute for Health and Care Excellence"], "2019"),
      C("(NICE, 2019, p. 8)", ["NICE"], "2019", pages="8"),
      N("De Souza (2020)", ["De Souza"], "2020"),
      C("(de Souza, 2020)", ["de Souza"], "2020"),
      C("(King's Fund, 2020)", ["King's Fund"], "2020")]),
    ("c21", H,
     "Storming is the stage most teams skip (Whitcombe, 1971, cited in Nakamura, 2018). Whitcombe (1971) is "
     "rarely read in the original.\n\nReferences\n\n"
     "Whitcombe, B. (1971) Small groups at work. New York: Halden.",
     [C("(Whitcombe, 1971, cited in Nakamura, 2018)", ["Whitcombe"], "1971", via=V(["Nakamura"], "2018"),
        problems=["secondary_lists_original"]),
      N("Whitcombe (1971)", ["Whitcombe"], "1971")]),
    ("c22", H,
     "Rahman et al. (2016) studied four co-located teams. The same teams were revisited two years later "
     "(Rahman, Quayle, Szabo and Thorne, 2016, p. 90). The module makes a similar point (The Open University, "
     "2017), and Open University (2017) material returns to it in a later unit (The Open University, 2017, p. 3).",
     [N("Rahman et al. (2016)", ["Rahman"], "2016"),
      C("(Rahman, Quayle, Szabo and Thorne, 2016, p. 90)", ["Rahman", "Quayle", "Szabo", "Thorne"], "2016",
        pages="90", problems=["et_al_needed"]),
      C("(The Open University, 2017)", ["The Open University"], "2017"),
      N("Open University (2017)", ["Open University"], "2017", problems=["inconsistent_form"]),
      C("(The Open University, 2017, p. 3)", ["The Open University"], "2017", pages="3")]),
    ("c23", H,
     "According to the Social Care Institute for Excellence (SCIE) (2018), induction should cover values as well "
     "as systems. SCIE (2018) also recommends shadowing. According to Greaves (2020, p. 61), most inductions last "
     "a single day.",
     [N("Social Care Institute for Excellence (SCIE) (2018)", ["Social Care Institute for Excellence"], "2018"),
      N("SCIE (2018)", ["SCIE"], "2018"),
      N("Greaves (2020, p. 61)", ["Greaves"], "2020", pages="61")]),
    ("c24", A,
     "Shared budgets do not guarantee shared decisions (Okonjo, 2015, p. 101; Delacroix, 2018). As Delacroix "
     "(2018, p. 12) puts it, money \"follows whoever writes the minutes\". Zeller and Iqbal (2020) disagree.",
     [C("Okonjo, 2015, p. 101", ["Okonjo"], "2015", pages="101"),
      C("Delacroix, 2018", ["Delacroix"], "2018", problems=["bracket_order"], note=APA_ORDER),
      N("Delacroix (2018, p. 12)", ["Delacroix"], "2018", pages="12"),
      N("Zeller and Iqbal (2020)", ["Zeller", "Iqbal"], "2020")]),
    ("c25", H,
     "Hubs differ widely in size (Thorne, Underhill and Yilmaz, 2019). Larger hubs share more (Thorne et al, "
     "2019, p. 6), but smaller ones decide faster (Thorne et al., 2019, p. 8).",
     # (Cite Them Right names three authors in full: the "et al." forms are the wrong ones)
     [C("(Thorne, Underhill and Yilmaz, 2019)", ["Thorne", "Underhill", "Yilmaz"], "2019"),
      C("(Thorne et al, 2019, p. 6)", ["Thorne"], "2019", pages="6",
        problems=["et_al_no_stop", "et_al_too_few"]),
      C("(Thorne et al., 2019, p. 8)", ["Thorne"], "2019", pages="8", problems=["et_al_too_few"])]),
    ("c26", A,
     "Okonjo and Berglund (2015) interviewed commissioners. Their sample was small (Okonjo & Berglund, 2015, "
     "p. 7). A later replication is under review (Berglund, in press), and Okonjo (2016) summarises both.\n\n"
     "References\n\n"
     "Berglund, S. (in press). Replicating commissioner interviews. Journal of Local Partnerships.\n"
     "Okonjo, F., & Berglund, S. (2015). Commissioners talking. Policy Press North.",
     [N("Okonjo and Berglund (2015)", ["Okonjo", "Berglund"], "2015"),
      C("(Okonjo & Berglund, 2015, p. 7)", ["Okonjo", "Berglund"], "2015", pages="7"),
      C("(Berglund, in press)", ["Berglund"], "in press"),
      N("Okonjo (2016)", ["Okonjo"], "2016", problems=["no_reference"])]),
    ("c27", H,
     "Whitcombe's stages (Whitcombe, 1971, p. 384, cited in Ferreira, 2016) are often misquoted. The model "
     "reached policy through training manuals (Whitcombe, 1971, cited in Ferreira, 2016; Larsen, 2008).",
     [C("(Whitcombe, 1971, p. 384, cited in Ferreira, 2016)", ["Whitcombe"], "1971", pages="384",
        via=V(["Ferreira"], "2016")),
      C("Whitcombe, 1971, cited in Ferreira, 2016", ["Whitcombe"], "1971", via=V(["Ferreira"], "2016")),
      C("Larsen, 2008", ["Larsen"], "2008")]),
    ("c28", H,
     "O’Connell (2014) was the first to describe ‘boundary fatigue’. MacLeod-Hughes (2017, p. 15) and D'Arcy "
     "(2019) extend the idea to voluntary groups (MacLeod-Hughes, 2017; D'Arcy, 2019; O’Connell, 2014).",
     [N("O’Connell (2014)", ["O’Connell"], "2014"),
      N("MacLeod-Hughes (2017, p. 15)", ["MacLeod-Hughes"], "2017", pages="15"),
      N("D'Arcy (2019)", ["D'Arcy"], "2019"),
      C("MacLeod-Hughes, 2017", ["MacLeod-Hughes"], "2017"),
      C("D'Arcy, 2019", ["D'Arcy"], "2019"),
      C("O’Connell, 2014", ["O’Connell"], "2014")]),
    ("c29", H,
     "Lindqvist (2010, 2012) tracked one partnership over a decade. Her later papers (Lindqvist, 2015a; 2015b) "
     "focus on how partners leave.",
     [N("Lindqvist (2010, 2012)", ["Lindqvist"], "2010"),
      N("Lindqvist (2010, 2012)", ["Lindqvist"], "2012", same=True),
      C("Lindqvist, 2015a", ["Lindqvist"], "2015", "a"),
      C("2015b", ["Lindqvist"], "2015", "b")]),
    ("c30", H,
     "Jasmine moved teams in 2021 (after the merger of 2019). Sheraz (a sergeant since 2015) joined the hub. The "
     "hub (opened in 2018) now has twelve staff. Results for 2016 (see Appendix B) were mixed, and the 2017 "
     "figures (pp. 4-5 of the annual report) were never published.",
     []),
    ("c31", A,
     "Guidance on information sharing is scattered (Gov.UK, n.d.; NHS England, 2019; Local Government "
     "Association, 2020). NHS England (2019) gives the clearest summary, but the Local Government Association "
     "(2020) adds council examples.",
     [C("Gov.UK, n.d.", ["Gov.UK"], "n.d."),
      C("NHS England, 2019", ["NHS England"], "2019"),
      C("Local Government Association, 2020", ["Local Government Association"], "2020", problems=["bracket_order"],
        note=APA_ORDER),
      N("NHS England (2019)", ["NHS England"], "2019"),
      N("Local Government Association (2020)", ["Local Government Association"], "2020")]),
    ("c32", H,
     "Leaders who admit mistakes build trust faster (Alban-Metcalfe et al., 2013). Carers' groups have said the "
     "same for years (Carers' Alliance, 2016, p. 2), and Alban-Metcalfe et al. (2013, pp. 20-21) give examples.",
     [C("(Alban-Metcalfe et al., 2013)", ["Alban-Metcalfe"], "2013"),
      C("(Carers' Alliance, 2016, p. 2)", ["Carers' Alliance"], "2016", pages="2"),
      N("Alban-Metcalfe et al. (2013, pp. 20-21)", ["Alban-Metcalfe"], "2013", pages="20-21")]),
    ("c33", H,
     "See Petrakis (2014) for a fuller account. Compare Holloway (2011, p. 5) with Jarvis (2014), who reaches "
     "the opposite conclusion.",
     [N("Petrakis (2014)", ["Petrakis"], "2014"),
      N("Holloway (2011, p. 5)", ["Holloway"], "2011", pages="5"),
      N("Jarvis (2014)", ["Jarvis"], "2014")]),
    ("c34", A,
     "Fenwick and Osei's (2020) framework has four steps. The second step borrows from older work (Larsen, "
     "2008, as cited in Fenwick & Osei, 2020, p. 44). In APA the original is not listed (Fenwick & Osei, 2020).",
     [N("Fenwick and Osei's (2020)", ["Fenwick", "Osei"], "2020"),
      C("(Larsen, 2008, as cited in Fenwick & Osei, 2020, p. 44)", ["Larsen"], "2008",
        via=V(["Fenwick", "Osei"], "2020", pages="44")),
      C("(Fenwick & Osei, 2020)", ["Fenwick", "Osei"], "2020")]),
    ("c35", H,
     "Shared records reduce duplicate visits (Quayle, 2015, Szabo, 2017). Others warn of data overload "
     "(Iqbal 2018 Thorne 2019).",
     [C("(Quayle, 2015, Szabo, 2017)", ["Quayle"], "2015", via=V(["Szabo"], "2017"), problems=["run_together"]),
      C("(Iqbal 2018 Thorne 2019)", ["Iqbal"], "2018", via=V(["Thorne"], "2019"), problems=["run_together"])]),
    ("c36", H,
     "A seconded officer described the hub as “a place where nobody owns the decision” (Yilmaz, 2020, p. 14). "
     "Another said it felt \"like working for two bosses at once\" (Yilmaz, 2020, cited in Adeyemi, 2022, p. 3). "
     "A third called it \"a waste of a good sergeant\" (Adeyemi, 2022).",
     [C("(Yilmaz, 2020, p. 14)", ["Yilmaz"], "2020", pages="14"),
      C("(Yilmaz, 2020, cited in Adeyemi, 2022, p. 3)", ["Yilmaz"], "2020", via=V(["Adeyemi"], "2022", pages="3")),
      C("(Adeyemi, 2022)", ["Adeyemi"], "2022", problems=["no_page_for_quote"])]),
    ("c37", H,
     "Trust between agencies is usually described as fragile (Brannigan, 2009; Castellano et al., 2017). "
     "Brannigan (2009, p. 71) calls it “a currency that is spent faster than it is earned”. Castellano et al. "
     "(2017) measured it with a short survey, and Gallagher (2018: 9) adapted that survey for police staff. The "
     "King's Fund (2020) and the Open University (2017) both use versions of it.",
     [C("Brannigan, 2009", ["Brannigan"], "2009"),
      C("Castellano et al., 2017", ["Castellano"], "2017"),
      N("Brannigan (2009, p. 71)", ["Brannigan"], "2009", pages="71"),
      N("Castellano et al. (2017)", ["Castellano"], "2017"),
      N("Gallagher (2018: 9)", ["Gallagher"], "2018", pages="9", problems=["page_label"]),
      N("The King's Fund (2020)", ["The King's Fund"], "2020"),
      N("Open University (2017)", ["Open University"], "2017")]),
    ("c38", A,
     "Trust grows with repeated contact (Marsh & Olatunji, 2011). Marsh and Olatunji (2012) call this the slow "
     "route.\n\nReferences\n\n"
     "Marsh, E., & Olatunji, T. (2011). The slow route to trust. Journal of Interagency Studies, 4(3), 101–119.",
     [C("(Marsh & Olatunji, 2011)", ["Marsh", "Olatunji"], "2011"),
      N("Marsh and Olatunji (2012)", ["Marsh", "Olatunji"], "2012", problems=["year_mismatch"])]),
    ("c39", H,
     "Boundary objects help teams coordinate (Ellery et al., 1989, cited in Rahman and Quayle, 2015). Rahman and "
     "Quayle (2015, p. 60) apply the idea to care plans.",
     [C("(Ellery et al., 1989, cited in Rahman and Quayle, 2015)", ["Ellery"], "1989",
        via=V(["Rahman", "Quayle"], "2015")),
      N("Rahman and Quayle (2015, p. 60)", ["Rahman", "Quayle"], "2015", pages="60")]),
    ("c40", H,
     "The three stages were: (a) forming a board (Holloway, 2011); (b) agreeing aims (Holloway, 2011, p. 9); "
     "and (c) reviewing them (Jarvis, 2014, p. 30).",
     [C("(Holloway, 2011)", ["Holloway"], "2011"),
      C("(Holloway, 2011, p. 9)", ["Holloway"], "2011", pages="9"),
      C("(Jarvis, 2014, p. 30)", ["Jarvis"], "2014", pages="30")]),
    ("c41", H,
     "Both Skills for Justice (2019) and the Department of Health and Social Care (2021) stress workforce "
     "stability. The Department of Health and Social Care (2021, p. 12) sets a target of two-year secondments.",
     [N("Skills for Justice (2019)", ["Skills for Justice"], "2019"),
      N("Department of Health and Social Care (2021)", ["Department of Health and Social Care"], "2021"),
      N("The Department of Health and Social Care (2021, p. 12)", ["The Department of Health and Social Care"],
        "2021", pages="12")]),
    ("c42", A,
     "Ingram's early papers (Ingram, 2017, 2019) are short. Both are summarised in a later review (Ingram & "
     "Marsh, 2021, pp. 2–3).",
     [C("Ingram, 2017", ["Ingram"], "2017"),
      C("2019", ["Ingram"], "2019"),
      C("(Ingram & Marsh, 2021, pp. 2–3)", ["Ingram", "Marsh"], "2021", pages="2-3")]),
    ("c43", H,
     "Action: JB to circulate the 2024 budget (draft v2) by 12 May. Attendees (6) agreed item 3, and the "
     "chair (KO) will report back in June 2024 (subject to the council vote of 2023).",
     []),
    ("c44", H,
     "The literature on co-location is large (Adeyemi, 2015; Ashworth, 2012; Brannigan, 2009; Carver and "
     "Delacroix, 2015; Dunmore, 2016; Esposito et al., 2018; Ferreira, 2016).",
     [C("Adeyemi, 2015", ["Adeyemi"], "2015"),
      C("Ashworth, 2012", ["Ashworth"], "2012"),
      C("Brannigan, 2009", ["Brannigan"], "2009"),
      C("Carver and Delacroix, 2015", ["Carver", "Delacroix"], "2015"),
      C("Dunmore, 2016", ["Dunmore"], "2016"),
      C("Esposito et al., 2018", ["Esposito"], "2018"),
      C("Ferreira, 2016", ["Ferreira"], "2016")]),
    ("c45", A,
     "Petrakis (2014) and Holloway (2011) both describe the first meeting as decisive. Yilmaz and Zeller (2021) "
     "add that the venue matters, while Okonjo et al. (2019, p. 33) stress the agenda. Iqbal (2018, para. 4) "
     "notes that online meetings change the dynamic.",
     [N("Petrakis (2014)", ["Petrakis"], "2014"),
      N("Holloway (2011)", ["Holloway"], "2011"),
      N("Yilmaz and Zeller (2021)", ["Yilmaz", "Zeller"], "2021"),
      N("Okonjo et al. (2019, p. 33)", ["Okonjo"], "2019", pages="33"),
      N("Iqbal (2018, para. 4)", ["Iqbal"], "2018", pages="para. 4")]),
    ("c46", H,
     "Thorne (2019, Page 2 of 9 p. 4) reports that most hubs keep paper records. Digital systems came later "
     "(Thorne, 2019), and Greaves (2020) found that staff still print case notes (Greaves, 2020, p. 17).",
     [N("Thorne (2019, Page 2 of 9 p. 4)", ["Thorne"], "2019", pages="4", problems=["debris"]),
      C("(Thorne, 2019)", ["Thorne"], "2019"),
      N("Greaves (2020)", ["Greaves"], "2020"),
      C("(Greaves, 2020, p. 17)", ["Greaves"], "2020", pages="17")]),
    ("c47", H,
     "Lind-Hartley (2013a) describes the pilot and Lind-Hartley (2013b) the roll-out; both are summarised "
     "elsewhere (Lind-Hartley, 2013a; 2013b, p. 4; Osei, 2014).",
     [N("Lind-Hartley (2013a)", ["Lind-Hartley"], "2013", "a"),
      N("Lind-Hartley (2013b)", ["Lind-Hartley"], "2013", "b"),
      C("Lind-Hartley, 2013a", ["Lind-Hartley"], "2013", "a"),
      C("2013b, p. 4", ["Lind-Hartley"], "2013", "b", pages="4"),
      C("Osei, 2014", ["Osei"], "2014")]),
    ("c48", H,
     "Conflict is said to peak in the second month (Whitcombe, 1971 cited in Ferreira & Jarvis, 2016 p.8). "
     "Ferreira and Jarvis (2016) disagree with the timing (Ferreira and Jarvis, 2016, pp. 9-10).",
     [C("(Whitcombe, 1971 cited in Ferreira & Jarvis, 2016 p.8)", ["Whitcombe"], "1971",
        via=V(["Ferreira", "Jarvis"], "2016", pages="8"), problems=["missing_comma", "and_ampersand"]),
      N("Ferreira and Jarvis (2016)", ["Ferreira", "Jarvis"], "2016"),
      C("(Ferreira and Jarvis, 2016, pp. 9-10)", ["Ferreira", "Jarvis"], "2016", pages="9-10")]),
    ("c49", A,
     "Hub performance is reported in many ways (Castellano et al., 2017; Gallagher & Iqbal, 2020; NHS England, "
     "2019). Castellano et al. (2017, p. 2) prefer outcome measures, while others count referrals (Gallagher and "
     "Iqbal, 2020, p. 5).",
     [C("Castellano et al., 2017", ["Castellano"], "2017"),
      C("Gallagher & Iqbal, 2020", ["Gallagher", "Iqbal"], "2020"),
      C("NHS England, 2019", ["NHS England"], "2019"),
      N("Castellano et al. (2017, p. 2)", ["Castellano"], "2017", pages="2"),
      C("(Gallagher and Iqbal, 2020, p. 5)", ["Gallagher", "Iqbal"], "2020", pages="5",
        problems=["and_ampersand"])]),
    ("c50", H,
     "Nakamura et al.'s (2021) review covered thirty studies. Okonjo, Berglund and Marsh (2017) disagree with "
     "its scope (Okonjo, Berglund and Marsh, 2017, p. 2), and Hartigan (2019: 14-15) questions its search terms.",
     [N("Nakamura et al.'s (2021)", ["Nakamura"], "2021"),
      N("Okonjo, Berglund and Marsh (2017)", ["Okonjo", "Berglund", "Marsh"], "2017"),
      C("(Okonjo, Berglund and Marsh, 2017, p. 2)", ["Okonjo", "Berglund", "Marsh"], "2017", pages="2"),
      N("Hartigan (2019: 14-15)", ["Hartigan"], "2019", pages="14-15", problems=["page_label"])]),
    ("c51", H,
     "Supervision is the first thing lost in a merger (Holloway, 2011). Holloway (2011, p. 12) gives three "
     "reasons, and later studies confirm two of them (Jarvis, 2014; Holloway, 2011, p. 14). Holloway's (2011) "
     "remedy is a named supervisor from the home profession.",
     [C("(Holloway, 2011)", ["Holloway"], "2011"),
      N("Holloway (2011, p. 12)", ["Holloway"], "2011", pages="12"),
      C("Jarvis, 2014", ["Jarvis"], "2014"),
      C("Holloway, 2011, p. 14", ["Holloway"], "2011", pages="14"),
      N("Holloway's (2011)", ["Holloway"], "2011")]),
    ("c52", H,
     "Hubs that share a duty desk respond faster (Thorne, 2019). The effect of group stages is disputed "
     "(Whitcombe, 1971, cited in Ferreira, 2016), and one review separates its two strands (Ashworth, 2012; "
     "Ashworth, 2012b).\n\nReferences\n\n"
     "Ashworth, P. (2012a) Junior partners: charities in local commissioning. Leeds: Kestrel Press.\n"
     "Ashworth, P. (2012b) 'Small charities at the table', Voluntary Sector Quarterly Review, 3(1), pp. 5-19.\n"
     "Thorne, R. (2019) Duty desks and response times. Exeter: Riverside Academic.",
     [C("(Thorne, 2019)", ["Thorne"], "2019"),
      C("(Whitcombe, 1971, cited in Ferreira, 2016)", ["Whitcombe"], "1971", via=V(["Ferreira"], "2016"),
        problems=["no_reference"]),
      C("Ashworth, 2012", ["Ashworth"], "2012", problems=["suffix_mismatch"]),
      C("Ashworth, 2012b", ["Ashworth"], "2012", "b")]),
    ("c53", A,
     "Page ranges are written with a dash (Marsh, 2019, pp. 45–47), paragraphs of web pages with a number "
     "(Carers Connect, 2021, para. 2), and single pages with one letter (Marsh, 2019, p. 5).",
     [C("(Marsh, 2019, pp. 45–47)", ["Marsh"], "2019", pages="45-47"),
      C("(Carers Connect, 2021, para. 2)", ["Carers Connect"], "2021", pages="para. 2"),
      C("(Marsh, 2019, p. 5)", ["Marsh"], "2019", pages="5")]),
    ("c54", H,
     "Volunteers are rarely asked what they think (Yilmaz and Osei, 2018; Zeller, 2016). Yilmaz and Osei "
     "(2018) interviewed forty volunteers, and Zeller (2016, p. 8) ran focus groups; Zeller (2016, p. 9) also "
     "describes the recruitment problems.",
     [C("Yilmaz and Osei, 2018", ["Yilmaz", "Osei"], "2018"),
      C("Zeller, 2016", ["Zeller"], "2016"),
      N("Yilmaz and Osei (2018)", ["Yilmaz", "Osei"], "2018"),
      N("Zeller (2016, p. 8)", ["Zeller"], "2016", pages="8"),
      N("Zeller (2016, p. 9)", ["Zeller"], "2016", pages="9")]),
    ("c55", A,
     "Local leaders set the tone (McAllister, 2020). McAllister (2020, p. 3) interviewed twelve chief "
     "executives; O'Neill and Van Dijk (2018) interviewed their deputies (O'Neill & Van Dijk, 2018, p. 21).",
     [C("(McAllister, 2020)", ["McAllister"], "2020"),
      N("McAllister (2020, p. 3)", ["McAllister"], "2020", pages="3"),
      N("O'Neill and Van Dijk (2018)", ["O'Neill", "Van Dijk"], "2018"),
      C("(O'Neill & Van Dijk, 2018, p. 21)", ["O'Neill", "Van Dijk"], "2018", pages="21")]),
    ("c56", H,
     "Pooled budgets were first tried in the 1990s (Esposito, 2013). A review of 120 schemes (Brannigan, 2009, "
     "pp. 14-16) found savings in only a third, and Esposito (2013, p. 40) reached a similar figure in 2012.",
     [C("(Esposito, 2013)", ["Esposito"], "2013"),
      C("(Brannigan, 2009, pp. 14-16)", ["Brannigan"], "2009", pages="14-16"),
      N("Esposito (2013, p. 40)", ["Esposito"], "2013", pages="40")]),
]

L = "harvard-local"

# Issue 12: the forms students write and the advice each style gives, coded
# by the style guides (Cite Them Right; APA 7; the local Harvard variant of
# analyser/data/citation_styles.toml) before the checker was run on them.
PASSAGES += [
    ("c57", H,
     "Three-author works are named in full in Cite Them Right (Ndlovu, Carter and Ruiz, 2020), and Ndlovu, "
     "Carter and Ruiz (2020, p. 14) describe the handover. A four-author study is cited with et al. (Barker et "
     "al., 2018), though one student wrote all four out (Barker, Singh, Doyle and Lam, 2018, p. 3).",
     [C("(Ndlovu, Carter and Ruiz, 2020)", ["Ndlovu", "Carter", "Ruiz"], "2020"),
      N("Ndlovu, Carter and Ruiz (2020, p. 14)", ["Ndlovu", "Carter", "Ruiz"], "2020", pages="14"),
      C("(Barker et al., 2018)", ["Barker"], "2018"),
      C("(Barker, Singh, Doyle and Lam, 2018, p. 3)", ["Barker", "Singh", "Doyle", "Lam"], "2018", pages="3",
        problems=["et_al_needed"], fix="(Barker et al., 2018, p. 3)")]),
    ("c58", A,
     "Handover failures cluster at night (Ndlovu, Carter, & Ruiz, 2020). Ndlovu et al. (2020) found the same "
     "in two trusts, and Barker and Singh (2018) reached it earlier (Barker & Singh, 2018, p. 9). A fuller list "
     "appears in one student draft as Ndlovu, Carter and Ruiz (2020).",
     [C("(Ndlovu, Carter, & Ruiz, 2020)", ["Ndlovu", "Carter", "Ruiz"], "2020", problems=["et_al_needed"],
        fix="(Ndlovu et al., 2020)"),
      N("Ndlovu et al. (2020)", ["Ndlovu"], "2020"),
      N("Barker and Singh (2018)", ["Barker", "Singh"], "2018"),
      C("(Barker & Singh, 2018, p. 9)", ["Barker", "Singh"], "2018", pages="9"),
      N("Ndlovu, Carter and Ruiz (2020)", ["Ndlovu", "Carter", "Ruiz"], "2020", problems=["et_al_needed"],
        fix="Ndlovu et al. (2020)")]),
    ("c59", A,
     "The Department of Health and Social Care [DHSC] sets the framework (Department of Health and Social Care "
     "[DHSC], 2021), and later guidance repeats it (DHSC, 2022). The National Institute for Health and Care "
     "Excellence (NICE, 2019) is cited with its acronym. A draft of this essay had (Department of Health and "
     "Social Care [DHSC] 2023).",
     [C("(Department of Health and Social Care [DHSC], 2021)", ["Department of Health and Social Care"], "2021"),
      C("(DHSC, 2022)", ["DHSC"], "2022"),
      N("The National Institute for Health and Care Excellence (NICE, 2019)",
        ["The National Institute for Health and Care Excellence"], "2019",
        note="Corrected (issue 12, blind set): a group author named in the text with its abbreviation and year "
             "in one bracket is APA's narrative first citation, \"National Institute of Mental Health (NIMH, "
             "2020)\", so the span runs from the name, as the blind annotator read it."),
      C("(Department of Health and Social Care [DHSC] 2023)", ["Department of Health and Social Care"], "2023",
        problems=["missing_comma"], fix="(Department of Health and Social Care [DHSC], 2023)")]),
    ("c60", H,
     "Hartley (2017) argues that \"integration is a habit before it is a structure\" (p. 22). The charity's "
     "site puts it more bluntly: \"nobody owns the discharge\" (Carers First, 2022).\n\nReferences\n\n"
     "Carers First (2022) Discharge from hospital. Available at: https://www.example.org/discharge "
     "(Accessed: 3 March 2023).\n"
     "Hartley, S. (2017) Integrated care in practice. Bristol: Policy Press.",
     [N("Hartley (2017)", ["Hartley"], "2017"),
      C("(Carers First, 2022)", ["Carers First"], "2022")]),
    ("c61", A,
     "Hartley (2017) argues that \"integration is a habit before it is a structure\" (p. 22). The charity's "
     "page puts it more bluntly: \"nobody owns the discharge\" (Carers First, 2022).\n\nReferences\n\n"
     "Carers First. (2022). Discharge from hospital. https://www.example.org/discharge\n"
     "Hartley, S. (2017). Integrated care in practice. Policy Press.",
     [N("Hartley (2017)", ["Hartley"], "2017"),
      C("(Carers First, 2022)", ["Carers First"], "2022", problems=["no_page_for_quote"],
        fix="(Carers First, 2022, para. [number])")]),
    ("c62", H,
     "Patel 2019 argues that night shifts erode team trust, and a later survey agreed (Patel, 2019, p. 4). "
     "Some students add initials (Okoro, A., 2021) or a first name (Sarah Whitfield, 2016). Whitfield, S. "
     "(2016) is also cited in the running text. By 2019 most trusts had a policy.\n\nReferences\n\n"
     "Okoro, A. (2021) Night shifts. Leeds: Northgate Press.\n"
     "Patel, R. (2019) Trust on the ward. London: Sage.\n"
     "Whitfield, S. (2016) Rotas and morale. Bristol: Policy Press.",
     [N("Patel 2019", ["Patel"], "2019", problems=["year_brackets"], fix="Patel (2019)"),
      C("(Patel, 2019, p. 4)", ["Patel"], "2019", pages="4"),
      C("(Okoro, A., 2021)", ["Okoro"], "2021", problems=["initials_in_citation"], fix="(Okoro, 2021)"),
      C("(Sarah Whitfield, 2016)", ["Whitfield"], "2016", problems=["initials_in_citation"],
        fix="(Whitfield, 2016)"),
      N("Whitfield, S. (2016)", ["Whitfield"], "2016", problems=["initials_in_citation"], fix="Whitfield (2016)")]),
    ("c63", A,
     "Morgan et al., (2020) found that link workers were rarely invited to ward rounds. Fraser and colleagues "
     "(2018) reported the same, and Fraser and co-workers (2018, p. 12) add that managers noticed it first. One "
     "draft left out the year (Morgan, p. 7).",
     [N("Morgan et al., (2020)", ["Morgan"], "2020", problems=["stray_comma"], fix="Morgan et al. (2020)"),
      N("Fraser and colleagues (2018)", ["Fraser"], "2018"),
      N("Fraser and co-workers (2018, p. 12)", ["Fraser"], "2018", pages="12"),
      C("(Morgan, p. 7)", ["Morgan"], "", pages="7", problems=["missing_year"])]),
    ("c64", A,
     "The ward manager confirmed the rota change (K. Osei, personal communication, May 4, 2023). A student "
     "nurse described it differently (Lambert, personal communication, 2023).\n\nReferences\n\n"
     "Hartley, S. (2017). Integrated care in practice. Policy Press.",
     [C("(K. Osei, personal communication, May 4, 2023)", ["Osei"], "2023"),
      C("(Lambert, personal communication, 2023)", ["Lambert"], "2023", problems=["personal_communication"])]),
    ("c65", H,
     "Rotas were drawn up weekly (Quinn, 2015, pg. 31), reviewed monthly (Quinn, 2015, page 40) and audited "
     "yearly (Quinn, 2015, p 52). The audit covered two sites (Quinn, 2015, pp 60-61).",
     [C("(Quinn, 2015, pg. 31)", ["Quinn"], "2015", pages="31", problems=["page_label"],
        fix="(Quinn, 2015, p. 31)"),
      C("(Quinn, 2015, page 40)", ["Quinn"], "2015", pages="40", problems=["page_label"],
        fix="(Quinn, 2015, p. 40)"),
      C("(Quinn, 2015, p 52)", ["Quinn"], "2015", pages="52", problems=["page_label"], fix="(Quinn, 2015, p. 52)"),
      C("(Quinn, 2015, pp 60-61)", ["Quinn"], "2015", pages="60-61", problems=["page_label"],
        fix="(Quinn, 2015, pp. 60–61)")]),
    ("c66", L,
     "Group work has stages (Tuckman, 1965 cited in Lind, 2013), though one draft wrote (Tuckman, 1965, cited "
     "in Lind, 2013, p. 4). Three-author work takes et al. here (Ndlovu et al., 2020), not the full list "
     "(Ndlovu, Carter and Ruiz, 2020). Page labels follow the guide (Quinn, 2015, pg. 31).",
     [C("(Tuckman, 1965 cited in Lind, 2013)", ["Tuckman"], "1965", via=V(["Lind"], "2013")),
      C("(Tuckman, 1965, cited in Lind, 2013, p. 4)", ["Tuckman"], "1965", via=V(["Lind"], "2013", pages="4"),
        problems=["stray_comma"], fix="(Tuckman, 1965 cited in Lind, 2013, p. 4)"),
      C("(Ndlovu et al., 2020)", ["Ndlovu"], "2020"),
      C("(Ndlovu, Carter and Ruiz, 2020)", ["Ndlovu", "Carter", "Ruiz"], "2020", problems=["et_al_needed"],
        fix="(Ndlovu et al., 2020)"),
      C("(Quinn, 2015, pg. 31)", ["Quinn"], "2015", pages="31", problems=["page_label"],
        fix="(Quinn, 2015, p. 31)")]),
    ("c67", H,
     "The NHS Long Term Plan 2019 set targets. Vision 2030 is the council's plan, and in March 2020 services "
     "closed. Page 12 of the handbook (see Appendix 2, 2019 data) lists the teams. Agenda for Change 2018 pay "
     "rates applied.",
     []),
    ("c68", A,
     "Okafor, Mensah, Reid, and Hale (2016) followed 30 teams; the same cohort was revisited (Okafor et al., "
     "2019). Lind & Berg (2011) had argued the opposite (Lind & Berg, 2011, p. 5).",
     [N("Okafor, Mensah, Reid, and Hale (2016)", ["Okafor", "Mensah", "Reid", "Hale"], "2016",
        problems=["et_al_needed"], fix="Okafor et al. (2016)"),
      C("(Okafor et al., 2019)", ["Okafor"], "2019"),
      N("Lind & Berg (2011)", ["Lind", "Berg"], "2011", problems=["and_ampersand"], fix="Lind and Berg (2011)"),
      C("(Lind & Berg, 2011, p. 5)", ["Lind", "Berg"], "2011", pages="5")]),
    ("c69", H,
     "Mentoring helps newly qualified staff (Ashby, Kerr and Doyle, 2014). Ashby et al. (2014) add that it "
     "reduces sickness absence.\n\nReferences\n\n"
     "Ashby, T., Kerr, M. and Doyle, P. (2014) Mentoring in community nursing. London: Sage.",
     [C("(Ashby, Kerr and Doyle, 2014)", ["Ashby", "Kerr", "Doyle"], "2014"),
      N("Ashby et al. (2014)", ["Ashby"], "2014", problems=["et_al_too_few"], fix="Ashby, Kerr and Doyle (2014)")]),
]


def build() -> list[dict]:
    records = []
    for pid, style, text, citations in PASSAGES:
        cursor = 0
        out = []
        previous = None
        for spec in citations:
            spec = dict(spec)
            if spec.pop("same"):
                start, end = previous
            else:
                start = text.find(spec["text"], cursor)
                if start < 0:
                    raise SystemExit(f"{pid}: {spec['text']!r} not found after offset {cursor}")
                end = start + len(spec["text"])
                cursor = end
            previous = (start, end)
            out.append({"start": start, "end": end, **spec})
        records.append({"id": pid, "style": style, "text": text, "citations": out})
    return records


def main() -> None:
    records = build()
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    total = sum(len(r["citations"]) for r in records)
    print(f"wrote {OUT}: {len(records)} passages, {total} citations")


if __name__ == "__main__":
    main()
