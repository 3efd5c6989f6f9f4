"""Bytes to text (analyser/ingest/decoding.py) and the English check
(analyser/ingest/language.py), unit by unit."""

from __future__ import annotations

import codecs
from collections import Counter

import pytest

from analyser.errors import InputError
from analyser.ingest import ingest_text
from analyser.ingest.decoding import decode_text, scrub, scrub_warnings, utf16_without_bom
from analyser.ingest.language import WARNING, looks_english

from . import fixtures

TEXT = "Trust between partners, “quoted” and naïve.\nSecond line."


@pytest.mark.parametrize("data,encoding", [
    (codecs.BOM_UTF8 + TEXT.encode(), "UTF-8"),
    (TEXT.encode("utf-16"), "UTF-16"),
    (TEXT.encode("utf-32"), "UTF-32"),
    (TEXT.encode(), "UTF-8"),
])
def test_marked_encodings(data: bytes, encoding: str) -> None:
    decoded = decode_text(data, "f.txt")
    assert (decoded.text, decoded.encoding, decoded.warnings) == (TEXT, encoding, [])


@pytest.mark.parametrize("codec,name", [("utf-16-le", "UTF-16-LE"), ("utf-16-be", "UTF-16-BE")])
def test_utf16_without_bom(codec: str, name: str) -> None:
    decoded = decode_text(TEXT.encode(codec), "f.txt")
    assert decoded.text == TEXT
    assert decoded.warnings == [f"the file has no byte-order mark; it was read as {name}"]


def test_utf16_detection_needs_nuls_on_one_side_only() -> None:
    assert utf16_without_bom(b"\x00a\x00b\x00c\x00d") == "utf-16-be"
    assert utf16_without_bom(b"a\x00b\x00c\x00d\x00") == "utf-16-le"
    assert utf16_without_bom(b"\x00\x00\x00\x00ab") is None  # NULs on both sides: binary
    assert utf16_without_bom(b"plain text") is None


def test_cp1252_fallback() -> None:
    decoded = decode_text("naïve “quotes” — carers’".encode("cp1252"), "f.txt")
    assert decoded.text == "naïve “quotes” — carers’"
    assert decoded.warnings == ["the file is not UTF-8; it was read as Windows-1252"]


def test_mostly_utf8_keeps_its_good_characters() -> None:
    data = "“one” ‘two’ naïve".encode() + b"\xff" + b" end"
    decoded = decode_text(data, "f.txt")
    assert decoded.text == "“one” ‘two’ naïve\ufffd end"
    assert decoded.warnings == ["1 invalid UTF-8 byte sequence(s) were replaced with U+FFFD (\ufffd)"]


def test_line_endings_normalised() -> None:
    assert decode_text(b"a\r\nb\rc\nd\r\n\r\ne", "f.txt").text == "a\nb\nc\nd\n\ne"


def test_a_few_nuls_are_removed_many_are_binary() -> None:
    text = fixtures.ESSAY.encode()
    decoded = decode_text(text[:100] + b"\x00\x00" + text[100:], "f.txt")
    assert decoded.text == fixtures.ESSAY
    assert decoded.warnings == ["removed 2 NUL byte(s) from the text"]
    with pytest.raises(InputError) as caught:
        decode_text(text[:100] + b"\x00" * 50 + text[100:], "f.txt")
    assert caught.value.problem == "looks like a binary file (50 NUL bytes), not text"


def test_scrub_nul_and_surrogates() -> None:
    counts: Counter[str] = Counter()
    assert scrub("a\x00b\ud800c\udfff", counts) == "ab\ufffdc\ufffd"
    assert scrub_warnings(counts) == [
        "removed 1 NUL character(s) from the text", "replaced 2 unpaired surrogate(s) with U+FFFD (\ufffd)",
    ]


def test_ingest_text_output_is_always_encodable() -> None:
    document = ingest_text("Trust \ud83d grew.\x00 Partners met.")
    document.text.encode("utf-8")
    assert document.text == "Trust \ufffd grew. Partners met."
    assert document.warnings == [
        "removed 1 NUL character(s) from the text", "replaced 1 unpaired surrogate(s) with U+FFFD (\ufffd)",
    ]


def test_decoding_is_linear() -> None:
    """Decoding 5 MB of adversarial bytes (valid UTF-8 multibyte runs broken
    every few characters) takes well under a second."""
    import time

    data = ("“x" * 5 + "\n").encode() * 150_000
    data = data.replace(b"\n", b"\xff\n")
    started = time.perf_counter()
    decoded = decode_text(data, "f.txt")
    assert time.perf_counter() - started < 3
    assert decoded.warnings == ["150,000 invalid UTF-8 byte sequence(s) were replaced with U+FFFD (\ufffd)"]


ENGLISH_NOTES = (
    "Attendees: Sam Patel (chair), Jo Brown, Ali Khan. Apologies: Pat Green. Actions: JB to circulate "
    "budget figures by Friday. AK to contact housing team about referrals and to check the waiting list. "
    "Next meeting 12 March, room 4. Budget: carers fund underspent; partners to propose uses for it. Risks: "
    "data sharing agreement unsigned; safeguarding leads unclear; the council to confirm who is the lead."
)
OTHER_LANGUAGES = {
    "French": "Le partenariat entre les organisations repose sur la confiance et une vision partagée. "
              "Les professionnels doivent apprendre à travailler ensemble, malgré les différences de culture "
              "et de pouvoir. Dans le cas de Jasmine, la travailleuse sociale a ressenti une menace.",
    "German": "Die Partnerschaft zwischen den Organisationen beruht auf Vertrauen und einer gemeinsamen "
              "Vision. Die Fachkräfte müssen lernen, trotz kultureller Unterschiede und Machtgefälle "
              "zusammenzuarbeiten. Im Fall von Jasmine empfand die Sozialarbeiterin eine Bedrohung ihrer "
              "beruflichen Identität, als ihr Team in den Gesundheitsdienst integriert wurde. Es ist daher "
              "wichtig, dass sich die Führungskräfte Zeit nehmen, um mit allen Beteiligten zu sprechen.",
    "Spanish": "La colaboración entre las organizaciones se basa en la confianza y en una visión compartida. "
               "Los profesionales deben aprender a trabajar juntos, a pesar de las diferencias de cultura "
               "y de poder. En el caso de Jasmine, la trabajadora social sintió una amenaza.",
    "Russian": "Партнерство между организациями основано на доверии и общем видении. Специалисты должны "
               "научиться работать вместе, несмотря на различия в культуре и власти.",
    "Chinese": "组织之间的伙伴关系建立在信任和共同愿景的基础上。专业人员必须学会在文化和权力差异的情况下一起工作。" * 2,
}


def test_english_texts_pass() -> None:
    assert looks_english(fixtures.ESSAY)
    assert looks_english(ENGLISH_NOTES)
    assert looks_english("Trust")  # too short to judge


@pytest.mark.parametrize("language", sorted(OTHER_LANGUAGES))
def test_other_languages_warned(language: str) -> None:
    text = OTHER_LANGUAGES[language]
    assert not looks_english(text)
    assert ingest_text(text).warnings == [WARNING]
