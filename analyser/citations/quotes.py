"""Which citation each direct quotation is cited by, and whether its page
is given (part of the *annotate* stage; check.py asks once per document).

A quotation of three words or more, in double, curly or single marks
(`patterns.quotations`), is cited by one citation of its sentence: the one
right after it, else the narrative citation that introduces it, else the
next one, else a bracket before it whose source the words between say
spoke or wrote it. Its page may stand in its own bracket after it, or later
in the sentence; a short quoted phrase naming a model, and words spoken to
the writer, ask no page.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from analyser.citations.around import PAGE_ONLY
from analyser.citations.consistency import same_work
from analyser.citations.patterns import SENTENCE_END, load_data, quotations
from analyser.citations.people import case_person
from analyser.citations.resolve import acronym_fits
from analyser.model import Citation, Document

_ABBREVIATIONS = {"al", "e.g", "i.e", "cf", "p", "pp", "pg", "vs", "etc", "n.d", "para", "ch", "no", "vol", "ed", "eds"}
QUOTE_WINDOW = 400
# What may stand between a quotation and the bracket of its citation: '"...", (Okafor, 2018)',
# '"..." (Lind, 2013; ...' (a work in a bracket of several starts after the bracket).
_RIGHT_AFTER = re.compile(r"\s{0,2}[,.]?\s{0,2}\(?")
# A page in its own bracket just after a quotation: '"..." (p. 45)', "(p. S10)", "(p. e13)".
_PAGE_BRACKET = re.compile(r"[\s,]{0,3}\((?:pp?|pgs?|paras?|page|paragraph)\.?\s{0,2}(?:[A-Za-z]?\d|[ivxlc])")


def cited_quotations(
    document: Document, citations: list[Citation], starts: list[int]
) -> tuple[dict[int, tuple[int, int]], dict[int, tuple[int, int]]]:
    """The citations that direct quotations of three words or more are cited
    by (`_cited_by`), by number: those whose quotation has no page, each with
    the quotation's sentence (which never leaves its block); and those whose
    quotation has its page in its own bracket after it, each with that
    bracket ('Okafor (2018) ... "..." (pg. 45)': its label is checked). `starts`
    are where the citations start, in order."""
    text = document.text
    if '"' not in text and "'" not in text and "“" not in text and "‘" not in text:
        return {}, {}
    block_starts = [b.start for b in document.blocks]
    first, last = (bisect.bisect_right(block_starts, starts[i]) - 1 for i in (0, -1))
    lo = document.blocks[first].start if first >= 0 else 0
    hi = document.blocks[last].end if last >= 0 else len(text)
    owners: dict[int, tuple[int, int]] = {}
    page_brackets: dict[int, tuple[int, int]] = {}
    for quote in quotations(text, lo, hi):  # (from the first citation's block to the last's)
        if len(quote.group().split()) < 3:
            continue
        page = _PAGE_BRACKET.match(text, quote.end())  # 'Okafor (2018) ... "quotation" (p. 45)'
        inside = bisect.bisect_right(starts, quote.start()) - 1
        if inside >= 0 and citations[inside].end > quote.start():
            continue  # a quotation inside a citation's own text
        if _an_example(text, quote):
            continue  # 'questions began broadly (e.g., "Tell me about your week")': the writer's example wording
        if _names_a_model(text, quote, citations[inside] if inside >= 0 else None,
                          citations[inside + 1] if inside + 1 < len(citations) else None) or _a_name(text, quote):
            continue
        start, end = _sentence(document, block_starts, quote.start(), quote.end())
        if heard(text[start : quote.start()]):
            continue  # "An AMHP told me that '...' (Mahmood, 2023)": spoken to the writer, with no page
        owner = _cited_by(text, quote, citations, starts, bisect.bisect_left(starts, start),
                          bisect.bisect_left(starts, end), _spoken(text[start : quote.start()]))
        if owner is None:
            continue
        if page is None:
            page = _page_later(text, quote.end(), end, owner, starts)
        if page is None and _locator_later(text, quote.end(), end):
            continue  # '... require staff to "..." (standard 2.1)': the quotation's own locator
        if page is None:
            owners.setdefault(owner, (start, end))
        elif (close := text.find(")", page.end(), page.end() + 40)) > 0:
            page_brackets.setdefault(owner, (text.index("(", page.start()), close + 1))
    return owners, page_brackets


def _page_later(text: str, start: int, end: int, owner: int, starts: list[int]) -> re.Match[str] | None:
    """A bracket holding only a page later in the quotation's sentence (from
    `start` to `end`) with no other citation between: the quotation's page,
    given after the words that follow it ('Hogg (2013) describes the "..."
    that stops staff from asking (pp. 12-13).'), after the bracket citing it
    ('"..." (Stark, 2007)(p. 13)') or after a stray year ("... '...' (2014)
    (p. S20)"). A citation between cites something else, and the page may be
    its own."""
    bracket = PAGE_ONLY.search(text, start, end)  # (holding only the page: '"..." that stops them (pp. 12-13).')
    if bracket is None:
        return None
    between = starts[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, bracket.start())]
    if any(at != starts[owner] for at in between):
        return None
    return _PAGE_BRACKET.match(text, bracket.start())


# The opening of a bracket right before a quotation: "(e.g., ", "(for example ".
_BRACKET_OPENING = re.compile(r"\((?P<words>[A-Za-z. ]{1,14}?),?\s{1,2}$")


def _an_example(text: str, quote: re.Match[str]) -> bool:
    """Whether a quotation is the whole rest of a bracket that an example's
    words open ('began broadly (e.g., "Tell me about your week")', "(for
    example, '...')": `[quotations].example_words`): a wording the writer
    gives as an example, no source's words, so no page is asked. A
    quotation with more in its bracket, or outside one, keeps its page."""
    opening = _BRACKET_OPENING.search(text, max(0, quote.start() - 16), quote.start())
    if opening is None or opening.group("words").strip().lower() not in load_data().example_words:
        return False
    return text[quote.end() : quote.end() + 3].lstrip().startswith(")")


_LOCATOR_ONLY = re.compile(r"\((?P<word>[A-Za-z]+)\.?\s{1,2}\d{1,3}(?:\.\d{1,3}){0,3}\)")


def _locator_later(text: str, start: int, end: int) -> bool:
    """A bracket holding only a numbered part of the source later in the
    quotation's sentence ('the HCPC (2023) standards require "..." (standard
    2.1)', "(section 4.2)"; `[quotations].locator_words`): the quotation's
    locator, given as the source numbers it, so no page is asked."""
    return any(match.group("word").lower() in load_data().locator_words
               for match in _LOCATOR_ONLY.finditer(text, start, end))


_WORD_AFTER = re.compile(r"\s{1,3}([A-Za-z]+)")
_ONE_WORD = re.compile(r"\s{1,3}([A-Za-z]+)\s{1,3}")
# From a model's word to the citation naming its author: 'model of Adeyemi-Cole (2015)', 'model (Rolfe et al., 2001)'.
_MODEL_TO_CITATION = re.compile(r"\s{0,3}(?:(?:of|by|from)\s{1,3})?")
# A model's word and "of", "by" or "from" right before a narrative citation: "the framework of Rolfe et al. (2001)".
_MODEL_OF = re.compile(r"\b([A-Za-z]+)\s{1,3}(?:of|by|from)\s{1,3}$")
# A capitalised name's possessive right before a quoted phrase: "Driscoll's '...' model".
_OWNER = re.compile(r"\b[A-Z][A-Za-z-]{1,30}(?:'s|’s|s'|s’)\s{1,2}$")
# A comma setting a phrase off after a citation, as an apposition: "Rolfe et al. (2001), 'What? ...'".
_APPOSITION = re.compile(r",\s{1,2}")


def _names_a_model(text: str, quote: re.Match[str], before: Citation | None, after: Citation | None) -> bool:
    """A short quoted phrase (five words at most) right before a word naming
    a model is the model's name, not a quotation with a page to give, when
    a narrative citation (possessive or not) or a possessive name stands
    right before it ("Hendry's (2015) 'notice, question, act' framework",
    "using Hendry (2015) '...' framework", "Hendry's '...' framework
    (Hendry, 2015)") or a citation right after the model's word
    names its author ('the "What? So what? Now what?" model of Adeyemi-Cole
    (2015)', "the 'what, so what' model (Rolfe et al., 2001)";
    `[quotations].model_words`), or a determiner and at most two words stand
    before it, making the phrase and the model's word one noun phrase ("Rolfe,
    Freshwater and Jasper (2001) propose a simpler 'What? So what? Now
    what?' model"; `[quotations].model_determiners`), or it is set off by a
    comma right after a narrative citation that a model's word and "of"
    introduce ("the framework of Rolfe et al. (2001), 'What? So what? Now
    what?', guided"), unless a word calling
    it so stands there too ("Hendry (2015) calls it a '...' framework": his
    words, quoted; `calling_words`). Elsewhere a short quotation keeps its
    page. A phrase in capitals (a name, numbers allowed: 'the "My 5 Moments
    for Hand Hygiene" approach') may be longer, up to `_NAME_WORDS`' eight
    capitalised words."""
    if len(quote.group().split()) > 5 and not _NAME_WORDS.fullmatch(quote.group()[1:-1].strip()):
        return False
    between = _ONE_WORD.fullmatch(text, before.end, quote.start()) if before is not None else None
    if before is not None and before.narrative and between and between.group(1).lower() in load_data().model_words:
        return True  # "The Mencap (2018) campaign 'Treat me well'"
    if before is not None and before.narrative and _APPOSITION.fullmatch(text, before.end, quote.start()):
        named = _MODEL_OF.search(text, max(0, before.start - 40), before.start)
        if named is not None and named.group(1).lower() in load_data().model_words:
            return True  # "the cycle of Okafor (2015), 'Plan, Do, Review', guided": the model's name, set off
    word = _WORD_AFTER.match(text, quote.end())
    if word is None or word.group(1).lower() not in load_data().model_words:
        return False
    lead = _WORDS.findall(text[max(0, quote.start() - 40) : quote.start()].lower())[-3:]
    if load_data().model_determiners.intersection(lead) and not load_data().calling_words.intersection(lead):
        return True  # "propose a simpler 'What? So what? Now what?' model": the model's name, in a noun phrase
    if before is not None and before.narrative and not text[before.end : quote.start()].strip():
        return True  # "Rolfe et al.'s (2001) '...' model", "used Borton (1970) '...' model": the model's name
    if _OWNER.search(text, max(0, quote.start() - 40), quote.start()):
        return True  # "Driscoll's 'What? So what? Now what?' model (Driscoll, 2007)": its owner's, no citation yet
    link = _MODEL_TO_CITATION.match(text, word.end())
    if after is None or link is None:
        return False
    at = link.end() + (text[link.end() : link.end() + 1] == "(")  # (a bracket citation starts inside its bracket)
    return after.start in (link.end(), at)


# A quoted name: capitalised words (and the small words joining them), the first and last capitalised.
# A number counts as a capitalised word inside it ("My 5 Moments for Hand Hygiene").
_NAME_WORDS = re.compile(r"[A-Z][\w'’-]{0,30}(?:\s{1,2}(?:(?:of|for|and|the|in|on|to|at|&)\s{1,2}){0,2}"
                         r"(?:[A-Z][\w'’-]{0,30}|\d{1,4})){1,7}")
# Its abbreviation in a bracket right after it: "'Malnutrition Universal Screening Tool' (MUST)".
_ABBREVIATION_AFTER = re.compile(r"\s{0,2}[(\[](?P<abbreviation>[A-Za-z&.-]{2,12})[)\]]")


def _a_name(text: str, quote: re.Match[str]) -> bool:
    """A quoted name in capitals, not a quotation with a page to give: a
    tool's, model's or scheme's name, the last word naming what it is
    ("the 'Malnutrition Universal Screening Tool'", "'Signs of Safety
    Framework'": `[quotations].model_words`), or with its abbreviation in a
    bracket right after it ("'Making Every Contact Count' (MECC)"). The
    guides ask a page for words taken from a source; a name is no one's
    words. A quotation in capitals naming nothing ("'Safe Staffing Saves
    Lives'") keeps its page."""
    inside = _NAME_WORDS.fullmatch(quote.group()[1:-1].strip())
    if inside is None:
        return False
    if inside.group().rsplit(None, 1)[-1].lower() in load_data().model_words:
        return True
    after = _ABBREVIATION_AFTER.match(text, quote.end())
    return after is not None and acronym_fits(after.group("abbreviation"), inside.group())


def _sentence(document: Document, block_starts: list[int], start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end] (a quotation, which may hold sentence ends of its own), looked for
    no further than `QUOTE_WINDOW` characters either side and never outside its block."""
    text = document.text
    i = bisect.bisect_right(block_starts, start) - 1
    lo = max(document.blocks[i].start if i >= 0 else 0, start - QUOTE_WINDOW)
    hi = min(document.blocks[i].end if i >= 0 else len(text), end + QUOTE_WINDOW)
    first = lo
    for match in SENTENCE_END.finditer(text, lo, start + 1):
        if not abbreviation_stop(text, match.start()):
            first = match.end()
    for match in SENTENCE_END.finditer(text, max(start, end - 2), hi):
        if not abbreviation_stop(text, match.start()):  # (from the quotation's last: '... destination." Staff')
            return first, match.start() + len(match.group().rstrip())
    return first, hi


def _cited_by(
    text: str, quote: re.Match[str], citations: list[Citation], starts: list[int], first: int, last: int,
    spoken: bool = False,
) -> int | None:
    """Which citation of its sentence (numbers `first` to `last - 1`) a
    quotation is cited by: the one right after it ('"..." (Okafor, 2018)'),
    unless a full stop stands between and a narrative citation introduced it
    ('Okafor (2018) p.4 says "...". (Lind 2010)': the stranded bracket cites
    something else);
    else the last narrative citation before it, which introduces it ('Okafor
    (2018) calls it "..."'), unless a bracket after the quotation in the
    sentence cites the same work again (that one then gives the page), or,
    with no citation after it, a bracket of another work stands between
    ("Okafor (2018) and the model (Lind, 2019) suggest ..., so it is '...'":
    whose words they are is a guess, and none is asked a page); else
    the first after it, unless the words between name the writer
    (`_writer_between`); else the last before it, when the words between say
    its source said it (`_says_it`). The other citations of the sentence cite something else ('"..."
    (Okafor, 2018, p. 4), which Lind (2019) also finds'), and are not asked
    for its page. A quotation someone in the sentence is said to have spoken
    (`spoken`: "Aisha's mother said that she seemed '...', which reflects
    Sheen (2015)") is cited by no later citation but the one right after it."""
    after = bisect.bisect_left(starts, quote.end(), first, last)
    before = [n for n in range(min(after, last) - 1, first - 1, -1) if citations[n].end <= quote.start()]
    narrative = next((n for n in before if citations[n].narrative), None)
    if after < last and not citations[after].narrative and _RIGHT_AFTER.fullmatch(
            text, quote.end(), citations[after].start) and not (
            narrative is not None and "." in text[quote.end() : citations[after].start]):
        return after  # (not a bracket stranded after the full stop when the sentence named its author)
    if narrative is not None:
        if after < last and not citations[after].narrative and _again(citations[narrative], citations[after]):
            return after  # "Okafor (2018) argues ... the 'do not disturb' tabards (Okafor, 2018)": the later one
        if after >= last and before[0] != narrative and not _again(citations[narrative], citations[before[0]]):
            return None  # "Melzack and Wall (1965) and the model (Engel, 1977) suggest ..., saying it is '...'":
            # a bracket of another work between, none after: whose words they are is a guess
        return narrative
    if after < last:
        return None if spoken or _writer_between(text, quote.end(), citations[after].start) else after
    return before[0] if before and _says_it(text, citations[before[0]], quote) else None


def _again(narrative: Citation, later: Citation) -> bool:
    """Whether a bracket later in the sentence cites the narrative
    citation's work again: the same work (`same_work`), or the same year
    under the abbreviation of the body named in full ("The Royal Society
    of Chemists (RSC, 2019) found ... '...' (RSC, 2019, p. 8)")."""
    if same_work(narrative, later):
        return True
    if not (narrative.authors and later.authors) or (narrative.year, narrative.suffix) != (later.year, later.suffix):
        return False
    return any(acronym_fits(short, full) for short, full in ((later.authors[0], narrative.authors[0]),
                                                            (narrative.authors[0], later.authors[0])))


def _writer_between(text: str, start: int, end: int) -> bool:
    """Whether the words between a quotation and the first citation after
    it (not right after it) name the writer ("a 'resident of the day' in
    our home, I found that ... Tuckman's (1965) stages":
    `[quotations].writer_words`): the writer's own term, which that
    citation does not cite."""
    writer = load_data().writer_words
    return any(word in writer for word in _WORDS.findall(text[start:end].lower()))


def _says_it(text: str, citation: Citation, quote: re.Match[str]) -> bool:
    """Whether the words between a bracket citation and a quotation later
    in its sentence, with no citation after it, say the source cited there
    said or wrote it: a reporting or speech verb ('A later evaluation
    (Price et al., 2022) reported ... but warned that "..."'), or such a
    verb in "as ... by" right before it ('As set out by the Trust (Hale
    Trust, 2019), "..."'). Otherwise
    the bracket cites something else of the sentence ("Using the model
    (Langley et al., 2009), the first cycle will test a 'grab bag'": the
    writer's own term, or another's words it does not cite)."""
    data = load_data()
    verbs = data.reporting_verbs | data.subject_verbs | data.speech_words
    if any(word in verbs for word in _WORDS.findall(text[citation.end : quote.start()].lower())):
        return True
    said_by = _AS_SAID_BY.search(text, max(0, citation.start - 60), citation.start)
    return said_by is not None and said_by.group("verb").lower() in verbs  # "As written by the MS Trust (...), '...'"


# "As <verb> by" and the source's name right before a bracket citation: "As written by the MS Trust (".
_AS_SAID_BY = re.compile(r"\b[Aa]s\s{1,2}(?P<verb>[a-z]+)\s{1,2}by\s{1,2}[^.;:()]{0,50}$")


_WORDS = re.compile(r"[a-z]+")


def _spoken(opening: str) -> bool:
    """Whether the words of a sentence before its quotation say someone spoke
    it ("... mother said that ...", `[quotations].speech_words`); not when
    the word before it names a document ("the guidance says",
    `[quotations].written_speakers`): its words are the source's."""
    data = load_data()
    words = _WORDS.findall(opening.lower())
    return any(word in data.speech_words and not (i and words[i - 1] in data.written_speakers)
               for i, word in enumerate(words))


def heard(opening: str) -> bool:
    """Whether the words of a sentence before its quotation say it was
    spoken to the writer ("told me that", "said to us":
    `[quotations].speech_words` then `listener_words`; or said by someone
    the writer calls theirs, "My mentor, Sam, said that"; or by a person of
    the case, a courtesy title or a single capital naming them, "Mrs Hughes
    said the nurse was", "Patient A explained", `people.case_person`; or
    given as such a person's or the writer's own people's words, "in Mrs W's
    words", "in the words of Patient B", "in my mentor's words"), a
    personal communication or the writer's own observation, which has no page."""
    data = load_data()
    if _my_speaker().search(opening):
        return True  # "My supervisor, Jo, said that '...'": someone the writer works with, heard
    if any(case_person(m.group("name")) for m in _NAMED_SPEAKER.finditer(opening)
           if m.group("verb").lower() in data.speech_words):
        return True  # "Mrs Hughes said the nurse was '...'": a person of the case, no source's words
    if any(m.group("mine") or case_person(m.group("name") or m.group("of")) for m in _IN_THEIR_WORDS.finditer(opening)):
        return True  # "such as, in Mrs W's words, '...'", "in the words of Patient B": a person of the case's
    words = _WORDS.findall(opening.lower())
    return any(word in data.speech_words and any(w in data.listener_words for w in words[i + 1 : i + 3])
               for i, word in enumerate(words))


# "In <someone>'s words" or "in the words of <someone>" (up to three capitalised words), or "in my mentor's
# words": whose words the quotation after is ("in Mrs W's words, '...'"; `heard` asks who they are).
_IN_THEIR_WORDS = re.compile(
    r"\b[Ii]n\s{1,2}(?:(?P<mine>(?:[Mm]y|[Oo]ur)\s{1,2}(?:[a-z]+\s{1,2})?[a-z]+['’]s)"
    r"|(?P<name>[A-Z][\w.-]{0,30}(?:\s{1,2}[A-Z][\w.-]{0,30}){1,2})['’]s)\s{1,2}(?:own\s{1,2})?words\b"
    r"|\b[Ii]n\s{1,2}the\s{1,2}(?:own\s{1,2})?words\s{1,2}of\s{1,2}(?P<of>[A-Z][\w.-]{0,30}(?:\s{1,2}[A-Z][\w.-]{0,30}){1,2})")
# Up to three capitalised words right before a word that may be a speech word ("Mrs Hughes said").
_NAMED_SPEAKER = re.compile(r"(?<![\w'’-])(?P<name>[A-Z][\w'’.-]{0,30}(?:\s{1,2}[A-Z][\w'’.-]{0,30}){1,2})"
                            r"\s{1,2}(?:[a-z]+ly\s{1,2})?(?P<verb>[a-z]+)\b")


@lru_cache(maxsize=1)
def _my_speaker() -> re.Pattern[str]:
    """A speaker the writer calls theirs or their team's, perhaps named, then
    a speech word (`[quotations].speech_words`) or "put it": "my mentor
    said", "My practice assessor told", "My supervisor, Jo, explained", "as
    one of our team doctors put it"."""
    verbs = "|".join(sorted(load_data().speech_words, key=len, reverse=True))
    return re.compile(rf"\b(?:[Mm]y|[Oo]ur)\s{{1,2}}(?:[a-z]+\s{{1,2}}){{0,2}}?[a-z]+(?:,\s{{1,2}}[A-Z][a-z]{{1,14}},)?"
                      rf"\s{{1,2}}(?:[a-z]+ly\s{{1,2}})?(?:{verbs}|put\s{{1,2}}it)\b")


def abbreviation_stop(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation, or an initial
    ("A. Kaur (2018) describes it as '...'"), not a sentence."""
    word = re.search(r"([\w.]{1,5})$", text[max(0, dot - 6) : dot])
    if word is not None and len(word.group(1)) == 1 and word.group(1).isupper() \
            and not text[dot - 2 : dot - 1].isalnum():
        return True
    return word is not None and word.group(1).lower().lstrip(".") in _ABBREVIATIONS
