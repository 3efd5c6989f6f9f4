"""Concept tagging on small texts with exact spans (table-driven)."""

from __future__ import annotations

import pytest

# (text, expected mentions as (concept, matched text, polarity)) in text order
CASES = [
    # lemma-aware and case-insensitive
    ("Staff trusted the lead.", [("trust", "trusted", "present")]),
    ("Trusting relationships matter.", [("trust", "Trusting", "present"), ("trust", "relationships", "present")]),
    ("She trusts them.", [("trust", "trusts", "present")]),
    ("TRUST matters.", [("trust", "TRUST", "present")]),
    # multiword phrases with inflection, longest match wins
    ("They had shared visions.", [("vision", "shared visions", "present")]),
    ("Power imbalances persisted.", [("power", "Power imbalances", "present")]),
    ("POWER IMBALANCES persisted.", [("power", "POWER IMBALANCES", "present")]),
    # hyphen and spacing variants
    ("Her self-esteem fell.", [("identity_threat", "self-esteem", "present")]),
    ("Her self esteem fell.", [("identity_threat", "self esteem", "present")]),
    ("Jasmine felt de-skilled.", [("identity_threat", "de-skilled", "present")]),
    # a multiword term broken by a line break, a double space, a non-breaking space
    ("The shared\nvision held.", [("vision", "shared\nvision", "present")]),
    ("The shared  vision held.", [("vision", "shared  vision", "present")]),
    ("The shared\u00a0vision held.", [("vision", "shared\u00a0vision", "present")]),
    # other senses are not tagged
    ("The grant came from a trust fund.", []),
    ("She gave a PowerPoint presentation.", []),
    ("He failed his vision test.", []),
    ("The local authority paid.", []),
    # polarity: absence and negation
    ("Trust was absent from the partnership.", [("trust", "Trust", "absent")]),
    ("There was little trust.", [("trust", "trust", "absent")]),
    ("They did not trust each other.", [("trust", "trust", "absent")]),
    ("They didn't trust each other.", [("trust", "trust", "absent")]),
    ("There was no shared vision.", [("vision", "shared vision", "absent")]),
    ("A lack of trust slowed work.", [("trust", "trust", "absent")]),
    ("They worked without any clear aims.", [("vision", "aims", "absent")]),
    ("Mistrust grew.", [("trust", "Mistrust", "absent")]),
    ("There was no mistrust.", [("trust", "mistrust", "present")]),
    (
        "Without shared visions, trust declined.",
        [("vision", "shared visions", "absent"), ("trust", "trust", "absent")],
    ),
    # a clause break stops a negation from spreading
    ("Nobody was paid, but trust grew.", [("trust", "trust", "present")]),
    # so does a dash between clauses, spaced hyphen or en dash, as notes write it
    ("TB not convinced - the partners trusted the council.", [("trust", "trusted", "present")]),
    ("TB not convinced – the partners trusted the council.", [("trust", "trusted", "present")]),
    # but a hyphen inside a word does not
    ("It was a no-trust relationship.", [("trust", "trust", "absent"), ("trust", "relationship", "absent")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_mentions(analyse, text, expected):
    analysis = analyse(text)
    found = [(m.concept, m.text, m.polarity) for m in analysis.mentions]
    assert found == expected
    for mention in analysis.mentions:
        assert analysis.document.text[mention.start : mention.end] == mention.text
        assert mention.origin == "lexicon"


def test_exact_offsets_and_indices(analyse):
    text = "Intro line here.\n\nFirst sentence. Partners lacked trust."
    analysis = analyse(text)
    [mention] = analysis.mentions
    assert (mention.start, mention.end) == (text.index("trust"), text.index("trust") + 5)
    assert mention.sentence == 2
    assert mention.paragraph == 1
    assert mention.polarity == "absent"
    assert mention.polarity_cue == "lacked"
    assert mention.entry == "trust/trust"
    assert mention.source.startswith("001_124e7fb9401b36d4.txt#L")


def test_not_tagged_inside_citation_reference_list_or_heading(analyse):
    text = (
        "# Trust and power\n\n"
        "Power matters (Trust and Power, 2019). Huxham (2005) wrote on trust.\n\n"
        "# References\n\n"
        "Trust, A. (2019) Power in partnerships. London: Vision Press.\n"
    )
    analysis = analyse(text, "md")
    found = [(m.concept, m.text, m.start) for m in analysis.mentions]
    assert found == [("power", "Power", text.index("Power matters")), ("trust", "trust", text.index("on trust") + 3)]


def test_case_studies_found_with_sentences(analyse):
    text = "Jasmine felt isolated. Later, Sheraz's team trusted him."
    analysis = analyse(text)
    assert [(c.case, c.text, c.sentence) for c in analysis.cases] == [
        ("jasmine", "Jasmine", 0),
        ("sheraz", "Sheraz's", 1),
    ]
