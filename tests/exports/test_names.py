"""Personal names found in running text without a trained model
(analyser/names.py): given names read in context, with exact spans. Each
case marks the expected names in [brackets]; the brackets are removed before
the text is read, so the spans are where the brackets were."""

from __future__ import annotations

import re

import pytest

from analyser.errors import DataFileError
from analyser.names import NameReader, find_names, fold, name_rules


def marked(case: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The text without brackets, and the (start, end, text) of each bracketed name."""
    text, spans, shift = "", [], 0
    for match in re.finditer(r"\[([^\]]+)\]", case):
        text += case[shift:match.start()]
        spans.append((len(text), len(text) + len(match.group(1)), match.group(1)))
        text += match.group(1)
        shift = match.end()
    return text + case[shift:], spans


FOUND = [
    # a name that is only a name: wherever it stands
    ("We met [Priya] on Tuesday.", ["name"]),
    ("[Priya] said it first.", ["name"]),
    ("[Chloé Dupont] and [Mary-Jane O'Brien] agreed.", ["name", "name"]),
    ("Ask [Siobhan Kelly-Hughes] about the rota.", ["name"]),
    ("One of the advisers, [Aisha], came.", ["name"]),
    # after a title, whatever the words are
    ("Dr [Priya Raman] and Sgt [Ward] came.", ["title", "title"]),
    ("St. Mary's sent Mrs [O'Brien].", ["title"]),
    ("Dr R. [Okafor] and Dr [Reid]'s comments.", ["title", "title"]),
    # a name that is also a word, with evidence
    ("I told [Will] about it.", ["before"]),
    ("[Will Davies] chaired the board.", ["surname"]),
    ("[Grace] said no.", ["after"]),
    ("[Will]'s idea was better.", ["possessive"]),
    ("It was [Mark]'s call.", ["possessive"]),
    ("[Priya] and [Grace] came late.", ["name", "coordinated"]),
    ("[Grace] and [Priya] came late.", ["coordinated", "name"]),
    ("The nurse, [Dev], led the assessment.", ["before"]),
    ("Dear [Hope], thanks for the notes.", ["before"]),
    ("We spoke with [Mark] after the meeting.", ["before"]),
    ("We had a meeting with [Faith] and the team.", ["before"]),
    ("Then [Florence] said we should wait.", ["after"]),
    ("We met [Jordan Lee] in the foyer.", ["name"]),
    ("Yesterday [Priya] said no.", ["name"]),
]

NOT_NAMES = [
    "Will we ever agree on a shared vision?",
    "Hope you are well.",
    "The grace period ends on Friday.",
    "Grace period ends Friday, and the grace period is short.",
    "We referred her to Hope, the local charity.",
    "We worked with Hope on the pathway.",
    "Families came from Hope Street.",
    "She runs the Hope project.",
    "St. Mary's Hospital and St Luke's were full.",
    "Mill Lane asked us to wait.",
    "On that, Mill Lane asked us to wait.",
    "Lewis (2019) argues that trust matters (Grace and Lewis, 2019).",
    "Lewis, J. (2018) Partnership working.",
    "As Morgan et al. show, and Carter (n.d.) and (Lewis, p. 7).",
    "In May the board met; by June it had.",
    "May I ask a question?",
    "Mark the date.",
    "Early Help is the council's early help offer.",
    "The Florence Nightingale Foundation funded it.",
    "The King's Fund report.",
    "They moved to Kent in August.",
    "Minutes of 7 June agreed; the June 2024 minutes too.",
    "I was ward manager (Ward 22) and Team Manager, Early Help.",
    "Mrs D's eating, and Mr K.",
    "WE MET PRIYA IN CAPITALS.",
    "priya in lower case.",
]


@pytest.mark.parametrize(("case", "evidence"), FOUND)
def test_names_found_with_exact_spans_and_evidence(case, evidence):
    text, expected = marked(case)
    found = find_names(text)
    assert [(s.start, s.end, s.text) for s in found] == expected
    assert [s.evidence for s in found] == evidence


@pytest.mark.parametrize("text", NOT_NAMES)
def test_words_places_organisations_and_citations_are_not_names(text):
    assert find_names(text) == []


def test_capitals_in_a_heading_are_no_surname():
    text = "Hope Springs Eternal\n\nThe policy changed."
    assert [s.text for s in find_names(text)] == ["Hope Springs"]  # read as prose, a name and a surname
    assert find_names(text, headings=[(0, 20)]) == []


def test_known_names_are_not_found_again_but_count_as_people():
    text, expected = marked("Ann said so; then Ann and [Grace] left.")
    found = find_names(text, known=["Ann Smith", "Ann", "Smith"])
    assert [(s.start, s.end, s.text) for s in found] == expected
    assert found[0].evidence == "coordinated"  # "and" joins Grace to a known person


def test_skipped_spans_are_not_searched():
    text = "We met Priya.\n\nLewis, J. (2019) Working together. Bristol: Policy Press.\n"
    assert [s.text for s in find_names(text)] == ["Priya", "Bristol"]
    assert [s.text for s in find_names(text, skip=[(15, len(text))])] == ["Priya"]


WORDS_ONLY = [  # a known person's name that is also a word: [word] means the word here, <name> the person
    "[Will] we meet again? I think <Will> is right.",
    "[Hope] you are well; <Hope> said so.",
    "[In May] the board met <May>.",
    "Families came from [Hope] Street.",
    "She runs the [Hope] project.",
    "Quite so, <Priya>. <Priya> we trust.",  # a name that is only a name is always the person
]


@pytest.mark.parametrize("case", WORDS_ONLY)
def test_words_only_tells_the_word_from_the_known_person(case):
    text = case.replace("[In May]", "In [May]")
    words = [(m.start(), m.group(1)) for m in re.finditer(r"\[(\w+)\]|<(\w+)>", text)]
    plain = re.sub(r"[\[\]<>]", "", text)
    reader = NameReader(plain)
    shift = 0
    for (position, _), match in zip(words, re.finditer(r"\[(\w+)\]|<(\w+)>", text)):
        del position
        name = match.group(1) or match.group(2)
        start = match.start() - shift
        shift += 2
        assert plain[start:start + len(name)] == name
        assert reader.words_only(start, start + len(name)) is bool(match.group(1)), (case, name)


def test_the_name_list_is_small_and_marks_everyday_words():
    rules = name_rules()
    assert 9_000 < len(rules.given) <= 10_000
    assert [rules.kind(w) for w in ("Priya", "Chloé", "Will", "Hope", "Grace", "Florence", "May", "Trust")] == [
        "name", "name", "word", "word", "word", "place", "place", None]
    assert fold("Chloé") == "chloe" and fold("O’Brien") == "o'brien"


def test_a_bad_line_in_the_name_list_is_reported_with_file_and_line(tmp_path, monkeypatch):
    from analyser import names

    (tmp_path / "given_names.txt").write_text("# names\npriya\nGrace\nwill word\nhope verb\n", encoding="utf-8")
    monkeypatch.setattr(names, "data_path", lambda name: tmp_path / name)
    with pytest.raises(DataFileError) as error:
        names._read_given_names()
    assert [p.split(": ")[0].rsplit(":", 1)[1] for p in error.value.problems] == ["3", "5"]
