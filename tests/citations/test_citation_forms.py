"""Small focused cases: one form each, exact span and fields."""

from __future__ import annotations

import pytest
from citation_helpers import codes, fields, run

# (passage, [(text, authors, year, suffix, pages, narrative, via)])
FORMS = [
    ("It matters (Okafor, 2018).", [("(Okafor, 2018)", ["Okafor"], "2018", "", None, False, None)]),
    ("It matters (Okafor 2018: 45).", [("(Okafor 2018: 45)", ["Okafor"], "2018", "", "45", False, None)]),
    ("Okafor (2018, p.45) argues this.", [("Okafor (2018, p.45)", ["Okafor"], "2018", "", "45", True, None)]),
    ("According to Okafor (2018), it is so.", [("Okafor (2018)", ["Okafor"], "2018", "", None, True, None)]),
    ("It is so (Okafor, 2018, pp. 45–47).",
     [("(Okafor, 2018, pp. 45–47)", ["Okafor"], "2018", "", "45-47", False, None)]),
    ("It is so (Lind & Berg, 2011).", [("(Lind & Berg, 2011)", ["Lind", "Berg"], "2011", "", None, False, None)]),
    ("Okafor, et al. (2016) found it.", [("Okafor, et al. (2016)", ["Okafor"], "2016", "", None, True, None)]),
    ("It is so (The Open University, 2017b).",
     [("(The Open University, 2017b)", ["The Open University"], "2017", "b", None, False, None)]),
    ("It is so (Gov.UK, n.d.).", [("(Gov.UK, n.d.)", ["Gov.UK"], "n.d.", "", None, False, None)]),
    ("It is so (NICE, 2019).", [("(NICE, 2019)", ["NICE"], "2019", "", None, False, None)]),
    ("It is so (King's Fund, 2020).", [("(King's Fund, 2020)", ["King's Fund"], "2020", "", None, False, None)]),
    ("It is so (Okafor, in press).", [("(Okafor, in press)", ["Okafor"], "in press", "", None, False, None)]),
    ("Van Dijk (2019) and O'Neill (2011) agree.",
     [("Van Dijk (2019)", ["Van Dijk"], "2019", "", None, True, None),
      ("O'Neill (2011)", ["O'Neill"], "2011", "", None, True, None)]),
    ("It is so (Okafor, 2018; Lind and Berg, 2011).",
     [("Okafor, 2018", ["Okafor"], "2018", "", None, False, None),
      ("Lind and Berg, 2011", ["Lind", "Berg"], "2011", "", None, False, None)]),
    ("Stages matter (Tuckman, 1965, cited in Lind, 2013, p. 12).",
     [("(Tuckman, 1965, cited in Lind, 2013, p. 12)", ["Tuckman"], "1965", "", None, False,
       (["Lind"], "2013", "", "12"))]),
    ("Tuckman (1965 cited in Lind, 2013, p.12) saw stages.",
     [("Tuckman (1965 cited in Lind, 2013, p.12)", ["Tuckman"], "1965", "", None, True,
       (["Lind"], "2013", "", "12"))]),
    ("Stages matter (Tuckman 1965 Lind 2013).",
     [("(Tuckman 1965 Lind 2013)", ["Tuckman"], "1965", "", None, False, (["Lind"], "2013", "", None))]),
    ("The web page says so (Mind Tools, 2017, para. 3).",
     [("(Mind Tools, 2017, para. 3)", ["Mind Tools"], "2017", "", "para. 3", False, None)]),
    ("Skills for Justice (2019) say so.",
     [("Skills for Justice (2019)", ["Skills for Justice"], "2019", "", None, True, None)]),
    ("It is so (World Health Organization [WHO], 2020).",
     [("(World Health Organization [WHO], 2020)", ["World Health Organization"], "2020", "", None, False, None)]),
    ("Line breaks inside (Okafor,\n2018, p. 4) are fine.",
     [("(Okafor,\n2018, p. 4)", ["Okafor"], "2018", "", "4", False, None)]),
]


@pytest.mark.parametrize(("passage", "expected"), FORMS, ids=[f[0][:40] for f in FORMS])
def test_form(passage, expected):
    document, citations, _ = run(passage)
    assert [fields(c) for c in citations] == [tuple(e) for e in expected]
    for citation in citations:
        assert document.text[citation.start : citation.end] == citation.text


NOT_CITATIONS = [
    "The Health and Social Care Act of 2012 changed commissioning.",
    "In 2019 the plan changed and 20,000 officers were recruited.",
    "Emotional intelligence (EI) matters (see Figure 2).",
    "The priorities (trust, vision and power) were ranked.",
    "The hub (opened in 2018) has twelve staff (between 2015 and 2018).",
    "The Care Act (2014) applies. The survey closed in March (2019).",
    "Numbers rose in the 1990s (COVID-19, 2020-21) and fell (n = 212).",
    "(Okafor's 2018 study) is a phrase, not a citation.",
]


@pytest.mark.parametrize("passage", NOT_CITATIONS)
def test_prose_numbers_are_not_citations(passage):
    assert run(passage)[1] == []


# (passage, style, [codes for each citation])
PROBLEMS = [
    ("It is so (Okafor 2018).", "harvard", [["missing_comma"]]),
    ("It is so (Okafor, 2018, pp. 12).", "harvard", [["pp_single_page"]]),
    ("It is so (Okafor, 2018, p. 12-14).", "harvard", [["p_page_range"]]),
    ("Okafor (2018, pp. 45- 47) says so.", "harvard", [["page_range_space"]]),
    ("O'Neill et al (2016) found it.", "harvard", [["et_al_no_stop"]]),
    ("It is so (Okafor, et al., 2016).", "harvard", [["comma_before_et_al"]]),
    ("It is so (Tuckman, 1965, cited by Lind, 2013).", "harvard", [["secondary_wording"]]),
    ("It is so (Tuckman, 1965, cited in Lind, 2013).", "apa", [["secondary_wording"]]),
    ("It is so (Tuckman, 1965, as cited in Lind, 2013).", "apa", [[]]),
    ("It is so (Tuckman 1965 Lind 2013).", "harvard", [["run_together"]]),
    ("It is so (Okafor, 2018, Page 3 of 8 p. 4).", "harvard", [["debris"]]),
    ("Huxham & Vangen (2005) say so.", "harvard", [["and_ampersand"]]),
    ("It is so (Huxham and Vangen, 2005).", "apa", [["and_ampersand"]]),
    ("It is so (Huxham & Vangen, 2005).", "apa", [[]]),
    ("She said \"it is the first casualty of a merger\" (Okafor, 2018).", "harvard", [["no_page_for_quote"]]),
    ("She said \"it is the first casualty\" (Okafor, 2018, p. 3).", "harvard", [[]]),
    ("She said 'ok' (Okafor, 2018).", "harvard", [[]]),
]


@pytest.mark.parametrize(("passage", "style", "expected"), PROBLEMS, ids=[p[0][:40] for p in PROBLEMS])
def test_style_problem(passage, style, expected):
    assert [codes(c) for c in run(passage, style)[1]] == expected


SUGGESTIONS = [
    ("It is so (Okafor 2018: 45).", "harvard", "(Okafor, 2018, p. 45)"),
    ("Okafor (2018, pp. 45- 47) says so.", "harvard", "Okafor (2018, pp. 45–47)"),
    ("It is so (Okafor, et al, 2016).", "harvard", "(Okafor et al., 2016)"),
    ("It is so (Tuckman 1965 cited by Lind 2013 p.12).", "harvard", "(Tuckman, 1965, cited in Lind, 2013, p. 12)"),
    ("It is so (Tuckman, 1965, cited by Lind, 2013).", "apa", "(Tuckman, 1965, as cited in Lind, 2013)"),
    ("Huxham & Vangen (2005) say so.", "harvard", "Huxham and Vangen (2005)"),
    ("Huxham & Vangen (2005) say so.", "apa", "Huxham and Vangen (2005)"),
    ("It is so (Huxham and Vangen, 2005).", "apa", "(Huxham & Vangen, 2005)"),
    ("It is so (see Okafor 2018).", "harvard", "(see Okafor, 2018)"),
    ("It is so (Lind, 2013; Okafor 2018).", "harvard", "Okafor, 2018"),
    ("\"It is the first casualty of a merger\" (Okafor, 2018).", "harvard", "(Okafor, 2018, p. [page])"),
]


@pytest.mark.parametrize(("passage", "style", "suggestion"), SUGGESTIONS, ids=[s[0][:40] + s[1] for s in SUGGESTIONS])
def test_suggestion_is_the_citation_written_correctly(passage, style, suggestion):
    problems = [p for c in run(passage, style)[1] for p in c.problems]
    assert problems and {p.suggestion for p in problems} == {suggestion}
    assert all(p.message for p in problems)


def test_the_shortcut_for_well_formed_citations_agrees_with_the_full_reading():
    """form.py skips scanning citations already in a correct common shape;
    on every citation of the annotated set and the samples, in every style,
    that shortcut must give what the full reading gives."""
    import json
    from pathlib import Path

    from analyser.citations import citation_style, style_names
    from analyser.citations.form import CLEAN, Shape, read_text, read_text_fully
    from analyser.ingest import ingest

    root = Path(__file__).resolve().parents[2]
    texts = [json.loads(line)["text"] for line in (root / "corpus/annotated/citations.jsonl").open(encoding="utf-8")]
    citations = [c for text in texts for c in run(text)[1]]
    for name in ("essay_jasmine_integration.docx", "essay_sheraz_safeguarding.pdf", "draft_with_problems.md"):
        document = ingest(root / "corpus/samples" / name)
        citations += run(document.text)[1]
    cases = [(c.text, Shape(c.narrative, c.via is not None, bool(c.pages), len(c.authors))) for c in citations]
    for text in ["(Okafor & Lind, 2018)", "Okafor & Lind (2018)", "(Okafor and Lind, 2018, pp. 4–5)"]:
        cases.append((text, Shape(not text.startswith("("), False, "pp." in text, 2)))
    cases.append(("(John Smith, 2019)", Shape(False, False, False, 1)))
    shortcut = 0
    for text, shape in cases:
        for name in style_names():
            style = citation_style(name)
            assert read_text(text, shape, style) == read_text_fully(text, shape, style), (text, name)
        shortcut += CLEAN.fullmatch(text) is not None
    assert shortcut > 80
