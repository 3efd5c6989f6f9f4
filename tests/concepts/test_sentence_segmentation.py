"""Sentence boundaries that survive academic abbreviations (table-driven)."""

from __future__ import annotations

import pytest
import spacy

CASES = [
    ("Okafor et al., (2018) argue this. It holds.", ["Okafor et al., (2018) argue this.", "It holds."]),
    ("As Lind et al. (2013) note, teams form. Then they storm.",
     ["As Lind et al. (2013) note, teams form.", "Then they storm."]),
    ("Trust matters (Huxham et al. 2005, p. 4). Vision too.",
     ["Trust matters (Huxham et al. 2005, p. 4).", "Vision too."]),
    ("See pp. 45-47 for detail. Next point.", ["See pp. 45-47 for detail.", "Next point."]),
    ("Several agencies, e.g. The Police, joined. Others did not.",
     ["Several agencies, e.g. The Police, joined.", "Others did not."]),
    ("Some partners, i.e. The Council, led. Others followed.",
     ["Some partners, i.e. The Council, led.", "Others followed."]),
    ("Compare this, cf. Smith (2010). Fine.", ["Compare this, cf. Smith (2010).", "Fine."]),
    ("The same point is made (ibid. p. 9). Fine.", ["The same point is made (ibid. p. 9).", "Fine."]),
    ("An undated page (Mind Tools, n.d.) helps. Next.", ["An undated page (Mind Tools, n.d.) helps.", "Next."]),
    ("As J. Smith argued, trust grows. It can.", ["As J. Smith argued, trust grows.", "It can."]),
    ("Is it? Yes! \"Quoted.\" Then.", ["Is it?", "Yes!", "\"Quoted.\"", "Then."]),
    ("A sentence (with a note. Inside brackets) ends here. Next.",
     ["A sentence (with a note. Inside brackets) ends here.", "Next."]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:30] for c in CASES])
def test_sentences(analyse, text, expected):
    analysis = analyse(text)
    assert [text[s.start : s.end] for s in analysis.sentences] == expected


def test_stock_sentencizer_breaks_after_et_al_comma_but_ours_does_not(analyse):
    text = "Trust grows slowly (Vangen et al., 2003). Then it holds."
    stock = spacy.blank("en")
    stock.add_pipe("sentencizer")
    assert [s.text for s in stock(text).sents][0] == "Trust grows slowly (Vangen et al.,"
    analysis = analyse(text)
    assert [text[s.start : s.end] for s in analysis.sentences] == [
        "Trust grows slowly (Vangen et al., 2003).",
        "Then it holds.",
    ]


def test_sentences_never_cross_paragraphs(analyse):
    text = "A heading without a stop\n\nBody text here. More body"
    analysis = analyse(text)
    assert [(text[s.start : s.end], s.paragraph) for s in analysis.sentences] == [
        ("A heading without a stop", 0),
        ("Body text here.", 1),
        ("More body", 1),
    ]
