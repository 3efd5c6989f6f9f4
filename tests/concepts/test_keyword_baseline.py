"""The five-minute keyword list that the concept codes are set against
(scripts/keyword_baseline.py, corpus/baselines/keywords.toml): how it
codes a unit and how it scores, on texts written here."""

from __future__ import annotations

import pytest
from script_loader import load_script

baseline = load_script("keyword_baseline")
KEYWORDS = baseline.load_keywords()


@pytest.mark.parametrize("text, concepts", [
    ("Trust grew between the partners.", {"trust"}),
    ("The council held the budget and set the goals.", {"power", "vision"}),
    ("Her professional identity felt threatened.", {"identity_threat"}),
    ("Entrusted with the keys, she left.", set()),          # whole words only: "entrusted" is not "trust..."
    ("We met on Tuesday in the library.", set()),
])
def test_a_unit_is_coded_when_a_keyword_occurs_as_a_word(text, concepts):
    assert baseline.code(text, KEYWORDS) == concepts


def test_units_are_scored_by_presence_over_all_concepts():
    rows = [
        ("Trust grew.", frozenset({"trust"}), "essay"),                 # right
        ("The budget was set.", frozenset(), "essay"),                  # a false power
        ("She wondered where she fitted in.", frozenset({"identity_threat"}), "essay"),  # missed
        ("Power and goals.", frozenset({"power"}), "essay"),            # power right, a false vision
    ]
    result = baseline.score(rows, KEYWORDS)
    assert (result.precision, result.recall, round(result.f1, 4), result.units) == (0.5, 2 / 3, 0.5714, 4)


def test_a_bad_pattern_is_reported_with_the_file_and_the_concept(tmp_path):
    path = tmp_path / "keywords.toml"
    path.write_text("[keywords]\ntrust = ['trust(']\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"keywords\.toml: keywords\.trust: "):
        baseline.load_keywords(path)
