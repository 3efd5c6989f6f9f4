"""Two lexicon entries on the same words: the one listed first in the file
gives the mention, whatever else the file holds. (The matchers return ties
in the order of their hashed keys, so adding one term used to relabel
mentions of unrelated ones.)"""

from __future__ import annotations

from analyser.ingest import ingest_text
from analyser.pipeline import Analyser, Settings


def lexicon_with_duplicates(names: list[str]) -> str:
    lines = ['[lexicon]', 'name = "order test"', '',
             '[[concepts]]', 'id = "vision"', 'label = "Vision"', 'colour = "#0072B2"',
             'description = "Shared aims."',
             'terms = [{ term = "shared plan", source = "test" }]', '']
    for name in names:
        lines += ['[[concepts.patterns]]', f'term = "{name}"', 'source = "test"',
                  'pattern = [{ LOWER = "joint" }, { LEMMA = "aim" }]', '']
    return "\n".join(lines)


def first_term(tmp_path, names: list[str]) -> str:
    path = tmp_path / f"lexicon-{names[0]}.toml"
    path.write_text(lexicon_with_duplicates(names), encoding="utf-8")
    analyser = Analyser(Settings(use_model=False, lexicon_path=str(path))).load()
    analysis = analyser.analyse_document(ingest_text("The partners set joint aims.", "<test>", "txt"))
    assert [(m.concept, m.text) for m in analysis.mentions] == [("vision", "joint aims")]
    return analysis.mentions[0].term


def test_the_first_listed_entry_names_the_mention(tmp_path):
    names = [f"joint aims {n}" for n in range(12)]
    assert first_term(tmp_path, names) == "joint aims 0"
    assert first_term(tmp_path, names[::-1]) == "joint aims 11"
