"""A token pattern is found through its rarest word (its anchor). A word
whose lemma has a lemma of its own ("shots" -> "shot" -> "shoot", "grounds"
-> "ground" -> "grind") used to be lemmatised twice for the anchor, so the
pattern never matched anywhere: "call the shots" was dead in the shipped
lexicon. Lexicons written for these tests, and the shipped one."""

from __future__ import annotations

import pytest
from mention_helpers import assert_mentions

from analyser.ingest import ingest_text
from analyser.pipeline import Analyser, Settings


def _lexicon(tmp_path, pattern: str) -> Analyser:
    path = tmp_path / "lexicon.toml"
    path.write_text("\n".join([
        '[lexicon]', 'name = "anchor test"', '',
        '[[concepts]]', 'id = "power"', 'label = "Power"', 'colour = "#D55E00"', 'description = "Control."',
        'terms = [{ term = "hierarchy", source = "test" }]', '',
        '[[concepts.patterns]]', 'term = "anchored"', 'source = "test"', f'pattern = {pattern}', '',
    ]), encoding="utf-8")
    return Analyser(Settings(use_model=False, lexicon_path=str(path))).load()


@pytest.mark.parametrize("pattern, text, found", [
    # the anchor is the rarest word, here a plural whose singular is also a verb's past form
    ('[{ LEMMA = "call" }, { LOWER = "the" }, { LOWER = "shots" }]', "Health called the shots.", "called the shots"),
    ('[{ LOWER = "the" }, { LOWER = "grounds" }, { LOWER = "staff" }]', "They met the grounds staff.",
     "the grounds staff"),
    # and a word that is its own lemma, as before
    ('[{ LEMMA = "hold" }, { LOWER = "the" }, { LOWER = "budget" }]', "The council held the budget.",
     "held the budget"),
])
def test_a_pattern_is_found_through_any_anchor_word(tmp_path, pattern, text, found):
    analysis = _lexicon(tmp_path, pattern).analyse_document(ingest_text(text, "<test>", "txt"))
    assert [m.text for m in analysis.mentions] == [found]


@pytest.mark.parametrize("text, expected", [
    ("The GP practice called the shots in the locality meetings.", [("power", "called the shots", "present")]),
    ("There were grounds to suspect abuse.", []),  # the Care Act's test, not mistrust
])
def test_the_shipped_lexicon(analyse, text, expected):
    assert_mentions(analyse(text), expected)
