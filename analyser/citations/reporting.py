"""Where a reporting verb stands after a name in the running text, and the
year its sentence gives it (part of the *find* stage): the scans behind the
citations without a bracket, "Ingram also argues that", "As Whitlock argues,
...", "In 2019, Okafor argued that" (`find._no_year_citations`, and the
surnames find.py knows from them). Each scan looks for a literal ("that", a
comma after "As") and checks a few words around it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analyser.citations.patterns import AS_NAME, SENTENCE_END, THAT, CitationData, load_data

_PROSE_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")


def year_earlier_in_sentence(text: str, name_at: int, limit: int) -> str:
    """The last year outside brackets earlier in the sentence than the name,
    or "": "In 2019, Okafor argued that", "In a 2019 report, Okafor notes
    that" (APA 7 lets the year stand in the running text): a citation with
    that year, not one without. A year after "Act" and the like names a law
    ("the Care Act 2014, and Okafor argues that": `[names].titled_years`)
    and does not count, nor does a year in a bracket, another work's
    ("Following the review (Francis, 2013), Okafor argues that")."""
    start = limit
    for end in SENTENCE_END.finditer(text, limit, name_at + 1):
        start = end.end()
    titled = load_data().titled_years
    years = [year.group() for year in _PROSE_YEAR.finditer(text, start, name_at)
             if text[max(0, year.start() - 40) : year.start()].rstrip().rsplit(" ", 1)[-1].lower() not in titled
             and text.rfind("(", start, year.start()) <= text.rfind(")", start, year.start())]  # (another's bracket)
    return years[-1] if years else ""


def reporting_candidates(text: str, data: CitationData) -> list[tuple[int, int]]:
    """Where reporting words start after a name, as (space before them, where
    the name must start or 0): before "that" ("Ingram also argues that") and,
    after "As", before a comma ("As Whitlock argues, ..."); and after
    "agree with", before "that" ("I agree with Okafor that ...": the writer
    takes the name's view, as from a source). The scans look for a literal
    and check a few words around it."""
    out = [(space, 0) for m in THAT.finditer(text) if (space := reporting_start(text, m.start(), data)) >= 0]
    for m in AS_NAME.finditer(text):
        if text[m.start() - 1 : m.start()] not in ("A", "a") or text[m.start() - 2 : m.start() - 1].isalnum():
            continue  # not the word "As"
        comma = text.find(",", m.end(), m.end() + 80)
        if comma > 0 and (space := reporting_start(text, comma, data)) > m.end():
            out.append((space, m.end()))
    for m in _AGREE_WITH.finditer(text):  # "I agree with Lambie Mumford that ...": the name agreed with
        that = _NAME_THEN_THAT.match(text, m.end())
        if that is not None:
            out.append((that.end("name"), m.end()))
    return sorted(out) if len(out) > 1 else out


@lru_cache(maxsize=1)
def _verb_after_name() -> re.Pattern[str]:
    """A reporting or subject verb (`[names].reporting_verbs`,
    `subject_verbs`), perhaps after an adverb, right after a space."""
    data = load_data()
    verbs = "|".join(re.escape(v) for v in sorted(data.reporting_verbs | data.subject_verbs, key=len, reverse=True))
    adverbs = "|".join(re.escape(a) for a in sorted(data.reporting_adverbs, key=len, reverse=True))
    return re.compile(rf" (?:(?:{adverbs}) )?(?:{verbs})(?![\w'’-])")


def verb_candidates(text: str, data: CitationData) -> list[int]:
    """Where a reporting or subject verb stands right after a capitalised
    name or "et al." with no "that" after it ("Dunmore and Akhtar describe
    this as '...'", "Okafor notes the cost"): the space before the verb. A
    name there is a citation only as a repeat of one its paragraph cited
    earlier with a year, which APA 7 lets drop the year (8.16); without that
    the name may be anyone's ("Jasmine describes her week"), so
    `find._no_year_citations` reads these for repeats alone."""
    out = []
    for m in _verb_after_name().finditer(text):
        before = text[max(0, m.start() - 40) : m.start()].rsplit(" ", 1)[-1]
        if before[:1].isupper() and before[-1:].isalpha() or before.endswith("al."):
            if before not in data.given_names and before.lower() not in data.openers:
                out.append(m.start())
    return out


# "agree with" before a capitalised word: a name whose view the writer shares, before "that".
_AGREE_WITH = re.compile(r"\b[Aa]gree(?:s|d|ing)?[ ]{1,2}with[ ]{1,2}(?=[A-Z])")
_NAME_THEN_THAT = re.compile(r"(?P<name>[A-Z][\w'’-]{0,30}(?:[ ]{1,2}(?:and[ ]{1,2})?[A-Z][\w'’-]{0,30}){0,3})"
                             r"[ ]{1,2}that\b")


def same_sentence(text: str, offset: int, later: list[int]) -> bool:
    """Whether the first of `later` (offsets after `offset`) is in the sentence holding `offset`."""
    if not later:
        return False
    end = SENTENCE_END.search(text, offset, later[0] + 1)  # (+ 1: the capital after the stop)
    return end is None


def reporting_start(text: str, that: int, data: CitationData) -> int:
    """Where the space before the reporting words ending at `that` is ("
    also argues"), or -1 when the words before "that" are not a reporting verb."""
    last = text[text.rfind(" ", max(0, that - 16), that) + 1 : that].lower()
    if last not in data.reporting_verbs and last != "out":
        return -1  # the usual case, decided without splitting the words
    words = text[max(0, that - 40) : that].rsplit(" ", 3)
    if len(words) < 2:  # (the name may open the text: "Mensah notes that")
        return -1
    verb = 2 if " ".join(words[-2:]).lower() in data.reporting_verbs else 1
    if verb == 1 and words[-1].lower() not in data.reporting_verbs:
        return -1
    used = verb + (words[-verb - 1].lower() in data.reporting_adverbs)
    if len(words) <= used:
        return -1
    space = that - sum(len(w) + 1 for w in words[-used:])
    before = words[-used - 1]
    if not (before[:1].isupper() or before.endswith("al.") or before.lower() in data.colleagues):
        return -1  # "The steering group found that": no name before the verb
    if before in data.given_names or before.lower() in data.openers:
        return -1  # "Jasmine found that", "They found that": a person, not an author
    return space if text[space - 1 : space].isalpha() else -1
