"""The reference list: finding it, splitting entries, parsing them, and the
cross-check with the in-text citations."""

from __future__ import annotations

from citation_helpers import codes, run

from analyser.citations import find_references
from analyser.ingest import ingest_text
from analyser.model import Block, Document, Metadata

ENTRIES = (
    "References\n\n"
    "Alban-Metcalfe, J. and Alimo-Metcalfe, B. (2013a) Role overlap in teams. Leeds: Northgate Press.\n"
    "de Souza, M. (2020) 'Who chairs the table?', Public Services Review, 8(1), pp. 33-51.\n"
    "National Institute for Health and Care Excellence (2019) Joint outcomes. Manchester: NICE.\n"
    "Okafor, N., Reid, J., Hale, T. and Mensah, A. (2016) 'Shared caseloads', Community Research, 3(4).\n"
    "The King's Fund (2020) Local systems. London: The King's Fund.\n"
)


def test_entries_are_parsed_into_authors_year_suffix_and_rest():
    document = ingest_text("Body text (Okafor, 2018).\n\n" + ENTRIES)
    section, references = find_references(document)
    assert section is not None and document.text[section[0] : section[1]].startswith("References")
    assert [(r.authors, r.year, r.suffix) for r in references] == [
        (["Alban-Metcalfe", "Alimo-Metcalfe"], "2013", "a"),
        (["de Souza"], "2020", ""),
        (["National Institute for Health and Care Excellence"], "2019", ""),
        (["Okafor", "Reid", "Hale", "Mensah"], "2016", ""),
        (["The King's Fund"], "2020", ""),
    ]
    assert references[1].rest.startswith("'Who chairs the table?'")
    for reference in references:
        assert document.text[reference.start : reference.end] == reference.text


def test_entries_run_together_in_one_pdf_block_are_split():
    text = (
        "HM Government (2018) Working together. London: Department for Education. Huxham, C. and Vangen, S. "
        "(2005) Managing to collaborate. Abingdon: Routledge. Mercer, K. (2018) Creating partnerships. "
        "Available at: https://example.org (Accessed: 2 April 2024). Okafor, N. (2018) 'Identity', Journal, 12(3)."
    )
    heading = "References"
    full = heading + "\n\n" + text
    document = Document(full, [Block("heading", 0, len(heading), 2), Block("paragraph", len(heading) + 2, len(full))],
                        Metadata("<pdf>", "pdf"))
    _, references = find_references(document)
    assert [(r.authors, r.year) for r in references] == [
        (["HM Government"], "2018"), (["Huxham", "Vangen"], "2005"), (["Mercer"], "2018"), (["Okafor"], "2018"),
    ]
    assert references[1].text.startswith("Huxham, C. and Vangen") and references[1].text.endswith("Routledge.")


def test_a_trailing_run_of_entries_without_a_heading_is_the_list():
    document = ingest_text(
        "Trust matters (Okafor, 2018).\n\n"
        "Okafor, N. (2018) Identity. Leeds: Press.\nLind, K. (2013) Teams. Bristol: Press."
    )
    section, references = find_references(document)
    assert section is not None
    assert [r.authors for r in references] == [["Okafor"], ["Lind"]]


def test_hard_wrapped_entries_continue_on_the_next_line():
    document = ingest_text("Body (Okafor, 2018).\n\nReferences\n\nOkafor, N. (2018) 'A long title',\n"
                           "Journal of Things, 4(2), pp. 1-9.\nLind, K. (2013) Teams. Bristol: Press.")
    _, references = find_references(document)
    assert len(references) == 2 and references[0].text.endswith("pp. 1-9.")


def test_matching_ignores_case_particles_and_the_and_resolves_acronyms():
    text = (
        "De Souza (2020) and others agree (de Souza, 2020; King's Fund, 2020). The National Institute for Health "
        "and Care Excellence (NICE) (2019) sets outcomes, repeated later (NICE, 2019). Okafor et al. (2016) agree "
        "(Alban-Metcalfe and Alimo-Metcalfe, 2013a).\n\n" + ENTRIES
    )
    _, citations, references = run(text)
    assert [codes(c) for c in citations] == [[]] * 7
    assert [c.reference for c in citations] == [1, 1, 4, 2, 2, 3, 0]
    assert all(not r.problems for r in references)


def test_cross_check_problems():
    text = (
        "Trust grows (Lind and Berg, 2012). Huxam and Vangen (2005) disagree. Nobody listed Dawson (Dawson, 2017). "
        "Lind (2013) describes stages, as do others (Lind, 2013b).\n\nReferences\n\n"
        "Huxham, C. and Vangen, S. (2005) Managing to collaborate. Abingdon: Routledge.\n"
        "Lind, K. (2013a) Teams. Bristol: Press.\n"
        "Lind, K. (2013b) Continuity. Bristol: Press.\n"
        "Lind, K. and Berg, S. (2011) 'Building trust', Journal, 4(3).\n"
        "Baxter, R. (2015) Collaboration. London: Civic Press.\n"
    )
    _, citations, references = run(text)
    assert [codes(c) for c in citations] == [
        ["year_mismatch"], ["author_spelling"], ["no_reference"], ["suffix_mismatch"], [],
    ]
    assert citations[0].problems[0].suggestion == "(Lind and Berg, 2011)"
    assert citations[1].problems[0].suggestion == "Huxham and Vangen (2005)"
    assert [codes_ for codes_ in ([p.code for p in r.problems] for r in references)] == [
        [], [], [], [], ["never_cited"],
    ]


def test_secondary_citations_need_the_source_read_listed():
    listed_original = "Stages (Tuckman, 1965, cited in Lind, 2013).\n\nReferences\n\nTuckman, B. (1965) Stages. Press."
    listed_read = "Stages (Tuckman, 1965, cited in Lind, 2013).\n\nReferences\n\nLind, K. (2013) Teams. Press."
    neither = "Stages (Tuckman, 1965, cited in Lind, 2013).\n\nReferences\n\nOkafor, N. (2018) Identity. Press."
    assert codes(run(listed_original)[1][0]) == ["secondary_lists_original"]
    assert codes(run(listed_read)[1][0]) == []
    assert not run(listed_read)[2][0].problems  # Lind is cited, as the source read
    assert codes(run(neither)[1][0]) == ["no_reference"]


def test_ampersand_in_the_reference_list_depends_on_the_style():
    text = "It is so (Marsh and Olatunji, 2011).\n\nReferences\n\nMarsh, E. & Olatunji, T. (2011) Trust. Press."
    _, _, references = run(text, "harvard")
    assert [p.code for p in references[0].problems] == ["reference_and_ampersand"]
    apa = "It is so (Marsh & Olatunji, 2011).\n\nReferences\n\nMarsh, E. and Olatunji, T. (2011). Trust. Press."
    assert [p.code for p in run(apa, "apa")[2][0].problems] == ["reference_and_ampersand"]


def test_without_a_reference_list_citations_are_not_each_flagged():
    _, citations, references = run("It is so (Okafor, 2018). Lind (2013) agrees.")
    assert references == [] and all(not c.problems for c in citations)


def test_numbered_and_inline_headings_open_the_list():
    for text in ("Body (Okafor, 2018).\n\n7. References:\n\nOkafor, N. (2018) Identity. Press.",
                 "Body (Okafor, 2018).\n\nBibliography\nOkafor, N. (2018) Identity. Press."):
        section, references = find_references(ingest_text(text))
        assert section is not None and [r.authors for r in references] == [["Okafor"]]
