"""Find every in-text citation (the *find* stage).

Every citation form students use hangs on a bracket: "(Okafor, 2018)",
"Okafor (2018, p. 45)", "(Tuckman 1965 cited in Lind 2013 p.12)". So the
finder walks the brackets of the document (`patterns.BRACKET`: no bracket
inside, at most 300 characters), skips those without anything that can be a
year, and has the rest read token by token (`bracket.read_bracket`):

- a bracket that starts with a year is a narrative citation when names stand
  just before it ("Huxham and Vangen (2005)", "O'Neill et al. (2016)");
- any other bracket holds one or more works split by ";".

Spans (character offsets into the document text, ``text[start:end] ==
citation.text``): a bracket holding one work is the whole bracket; in a
bracket holding several, each work is its own part without the separators;
a narrative citation runs from the first author to the closing bracket.

Prose numbers never get this far: "the Act of 2012", "in 2019" and "20,000
officers" are not in brackets; "(see Figure 2)" and "(EI)" have no year;
"(in 2019)" and "(opened in 2018)" have a year but no author before it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from analyser.citations.bracket import bracket_piece, bracket_shape, name_after_abbreviation, read_bracket
from analyser.citations.namewords import after_opener, law_year
from analyser.citations.parse import author_names, narrative_authors, tokens
from analyser.citations.patterns import (
    ABBREVIATION_FIRST,
    BARE_YEAR,
    BRACKET,
    SENTENCE_END,
    SMALL_WORD_BEFORE,
    CitationData,
    is_abbreviation,
    load_data,
    model_after,
    reporting_verbs,
    rule_verb_after,
    secondary_between,
)
from analyser.citations.people import (
    bodies_named_as_lists,
    case_person,
    drop_given_names,
    drop_titles,
    names_before_et_al,
    names_called,
)
from analyser.citations.prose import (
    abbreviation_citations,
    article_names,
    cited_things,
    dated_reports,
    name_alone_citations,
    report_names,
    report_titles,
    small_word_names,
)
from analyser.citations.references import listed_bodies, listed_later_initials, listed_surnames, parse_entries
from analyser.citations.reporting import (
    reporting_candidates,
    same_sentence,
    verb_candidates,
    year_earlier_in_sentence,
)
from analyser.citations.resolve import defined_acronyms, normal_name
from analyser.model import Citation, CitedWork, Document
from analyser.names import name_rules

LOOKBACK = 300  # characters before a bracket searched for a narrative citation's authors
# A possessive name and the words of a model's name before a narrative citation's bracket (`namewords.model_owner`).
_MODEL_OWNER = re.compile(r"(?<![\w'’-])(?P<owner>[A-Z][\w'’-]{0,40}(?<=['’]s|s['’]))"
                          r"(?:[ \t]{1,2}[a-z][\w-]{0,30}){1,5}[ \t]{0,2}$")
LOOKBACK_WORDS = 24  # (three bodies in full: "The European Pressure Ulcer Advisory Panel, ..., 17 words)
# An abbreviation in its own bracket inside a citation's bracket, and what may
# follow it there: "(National Institute for Health and Care Excellence (NICE), 2018)".
ABBREVIATION = re.compile(r"(?:[a-z](?=[A-Z]))?[A-Z][A-Za-z.&]{0,10}[A-Z][A-Za-z.]{0,10}")  # (also "iHV")
AFTER_ABBREVIATION = re.compile(r"\s{0,2},?\s{0,2}(?=1[5-9]\d\d|20\d\d|n\.\s?d\b|nd\b|no\sdate|in\spress|forthcoming)"
                                r"[^()\n]{1,100}\)")


def find_citations(
    document: Document, style: str = "harvard", exclude: Sequence[tuple[int, int] | None] = ()
) -> list[Citation]:
    """All in-text citations in reading order, outside the `exclude` spans
    (the reference list). `style` does not change what is found, only how it
    is judged later; it is accepted here so every stage has the same shape."""
    text = document.text
    skip = sorted(s for s in exclude if s)
    skip_starts = [start for start, _ in skip]
    block_starts = [b.start for b in document.blocks]
    found: list[Citation] = []
    for match in BRACKET.finditer(text):
        open_at, close_at = match.span()
        shape = bracket_shape(match.group("content"))
        nested = False
        if shape is None:
            outer = _around_abbreviation(document, block_starts, match)
            if outer is None:
                continue
            (open_at, close_at), shape, nested = outer, False, True
        if skip and _inside(skip, skip_starts, open_at):
            continue
        names_at = open_at
        if shape and (not match.group("content").lstrip()[:1].isupper() or _capitalised_before(text, open_at)):
            # a narrative citation: read the names before the bracket too (for
            # "(DHSC, 2022)" only when a capitalised word ends just before it)
            limit = max(_block_start(document, block_starts, open_at), open_at - LOOKBACK)
            names_at = _name_run_start(text, open_at, limit)
            if (small := SMALL_WORD_BEFORE.search(text, limit, names_at)) and ABBREVIATION_FIRST.match(text, open_at):
                names_at = _name_run_start(text, small.start(), limit)  # ("... products Agency (MHRA, 2020)")
            owner = _MODEL_OWNER.search(text, limit, open_at) if names_at == open_at and shape else None
            if owner is not None:  # "Maslow's hierarchy of needs (1943)": the names end before the model's name
                names_at = _name_run_start(text, owner.end("owner"), limit)
        for start, end, authors, year, suffix, pages, narrative, via in read_bracket(
                bracket_piece(text, names_at, open_at, close_at), nested):
            found.append(Citation(
                start=names_at + start,
                end=names_at + end,
                text=text[names_at + start : names_at + end],
                authors=list(authors),
                year=year,
                suffix=suffix,
                pages=pages,
                narrative=narrative,
                via=CitedWork(list(via[0]), *via[1:]) if via else None,
                paragraph=_paragraph(block_starts, names_at + start),
            ))
    found = _detached_sources(text, _narrative_secondaries(text, found))
    _wrapped_narratives(text, found)
    drop_titles(text, found)
    if any(c.authors and " " in c.authors[0] for c in found):
        drop_given_names(found, _known_names(text, found, skip), listed_later_initials(text, skip),
                         frozenset(names_called(text)))
    article_names(text, found)  # "Recovery in the Bin (2016)"
    found = report_titles(text, found)  # "The report No One's Listening (2021) found ... (APPG, 2021)."
    bodies = listed_bodies(text, skip)
    if any(len(c.authors) >= 2 for c in found):  # "Friends, Families and Travellers (FFT) (2022)"
        bodies_named_as_lists(text, found, bodies)
    small_word_names(text, found, bodies)  # "The Campaign to End Loneliness (no date)"
    if skip and any(" et al" in c.text for c in found):  # "Fear, Jones, Murphy et al. (2010)", the list beginning so
        names_before_et_al(text, found, [[normal_name(a) for a in r.authors] for r in parse_entries(text, skip)])
    bare = _bare_year_citations(document, found, skip, block_starts)
    bare += dated_reports(document, found + bare, skip)  # "the Boorman review (2009)"
    no_year = report_names(document, _no_year_citations(document, found + bare, skip, block_starts), found + bare, skip)
    bare += cited_things(text, no_year, found)  # ("the Boorman review found that")
    bare += abbreviation_citations(document, found + bare, skip)  # "... says ... (HCPC)."
    bare += name_alone_citations(document, found + bare, skip, listed_surnames(text, skip))  # "... (Acheson)."
    drop_titles(text, bare)  # ("Sir Michael Marmot argues that")
    return sorted(found + bare, key=lambda c: c.start) if bare else found


def _narrative_secondaries(text: str, found: list[Citation]) -> list[Citation]:
    """"Kowalczyk (2010) cited in Drummond (2020)": two narrative citations
    joined by a secondary phrase (or a bare "in", `_in_source`) are one
    secondary citation, the second the
    source read (the checker gives the style's form, with the source read
    inside the bracket: "Kowalczyk (2010, cited in Drummond, 2020)")."""
    out: list[Citation] = []
    for citation in found:
        previous = out[-1] if out else None
        if (previous is not None and previous.narrative and citation.narrative and previous.via is None
                and citation.via is None and previous.year and citation.year
                and (secondary_between().fullmatch(text, previous.end, citation.start)
                     or _in_source(text, previous, citation))):
            previous.via = CitedWork(list(citation.authors), citation.year, citation.suffix, citation.pages)
            previous.end, previous.text = citation.end, text[previous.start : citation.end]
            continue
        out.append(citation)
    return out


_BARE_IN = re.compile(r"[ \t]{1,3}in[ \t]{1,3}")


def _in_source(text: str, previous: Citation, citation: Citation) -> bool:
    """"Heller and Bergman (1953) in Baguley and Hall (2013)": a bare "in"
    between a narrative citation's year bracket and another narrative
    citation, not a possessive ("Okafor (2018) in Lind's (2013) review"
    names the review), is the source read, in a wording neither guide
    gives (the checker tells it, `secondary_wording`)."""
    return (previous.text.endswith(")") and _BARE_IN.fullmatch(text, previous.end, citation.start) is not None
            and not _POSSESSIVE_NAME.search(citation.text))


_POSSESSIVE_NAME = re.compile(r"['’]s?\s*\(")


# A bracket that opens with a secondary phrase and names only the source read: "(cited in McGorry et al., 2008)".
SOURCE_ALONE = re.compile(r"\((?P<phrase>(?:as\s)?(?:cited|quoted)\s(?:in|by))\s", re.I)
# Between a narrative citation and such a bracket, what names another work or starts another clause: a
# possessive name ("while Maslow's hierarchy is used"), a semicolon, or a comma before a conjunction.
_ANOTHER_WORK = re.compile(r"[A-Z][\w-]{0,40}['’]s?(?![\w'’])|;|,\s{1,2}(?:while|whereas|although|though|but|and)\b")


def _detached_sources(text: str, found: list[Citation]) -> list[Citation]:
    """'Birchwood (1998) described it as a "critical period" (cited in
    McGorry et al., 2008).': a bracket naming only the source read, later
    in the sentence of one narrative citation (and no other citation
    between), gives that citation its source read: one secondary citation,
    spanning the narrative one (the checker judges the phrase, and its fix
    puts the source inside the bracket). With no narrative citation before
    it in the sentence, or two, or words between that name another work
    ("Kouzes and Posner (2017) identify ..., while Maslow's hierarchy is
    still used ... (cited in Mullins, 2016)": `_ANOTHER_WORK`), which work
    was read there is the writer's to say: the bracket stays as it is."""
    out: list[Citation] = []
    for citation in found:
        previous = out[-1] if out else None
        if (previous is not None and citation.via is None and citation.authors and not citation.narrative
                and SOURCE_ALONE.match(citation.text) and previous.narrative and previous.via is None
                and previous.year and SENTENCE_END.search(text, previous.end, citation.start) is None
                and _ANOTHER_WORK.search(text, previous.end, citation.start) is None
                and not (len(out) > 1 and SENTENCE_END.search(text, out[-2].end, previous.start + 1) is None)):
            previous.via = CitedWork(list(citation.authors), citation.year, citation.suffix, citation.pages)
            continue
        out.append(citation)
    return out


def _wrapped_narratives(text: str, found: list[Citation]) -> None:
    """"(World Health Organization (2009))": a narrative citation that is the
    whole of an outer bracket is a bracket citation with its year in
    brackets of its own (`year_brackets`, fixed "(World Health
    Organization, 2009)"); it spans the outer bracket. So is one after a
    bracket never closed, with a comma before its year's bracket: "(Madrid
    et al., (2016)." is a bracket citation with a stray bracket (`debris`,
    fixed "(Madrid et al., 2016)"), spanning both."""
    for citation in found:
        if not (citation.narrative and citation.via is None and citation.start > 0
                and text[citation.start - 1] == "("):
            continue
        closed = text[citation.end : citation.end + 1] == ")"
        if closed or _STRAY_BRACKET.search(citation.text):
            citation.start, citation.end = citation.start - 1, citation.end + closed
            citation.text, citation.narrative = text[citation.start : citation.end], False


# The comma and the year's own bracket of "(Madrid et al., (2016)".
_STRAY_BRACKET = re.compile(r",\s{0,2}\((?=[^()]*\)$)")


def _bare_year_citations(
    document: Document, found: list[Citation], skip: list[tuple[int, int]], block_starts: list[int]
) -> list[Citation]:
    """Narrative citations written without brackets: "Patel 2019 argues",
    "Yardley, 2016, argued". A name before a year is often not an author
    ("By 2019 most", "Vision 2020 aims"), so one counts only when its author
    is cited elsewhere in the document, heads an entry of the reference list,
    or a reporting verb or "who" follows the year ("argues", `reporting_verbs`
    in citations.toml); with a comma between name and year ("in Leeds, 2016,
    and"), only when a reporting verb follows, or when the names follow "by"
    and the year ends the sentence ("described by Okoro and Finch, 2021.")."""
    text = document.text
    listed = listed_surnames(text, skip)
    known = {normal_name(c.authors[0]) for c in found if c.authors} | {normal_name(n) for n in listed}
    defined = defined_acronyms(text)
    out: list[Citation] = []
    for match in BARE_YEAR.finditer(text):
        space = match.start()
        before = text[max(0, space - 2) : space]
        comma = before[-1:] == ","
        verb = reporting_verbs().match(text, match.end())
        rule = verb is None and rule_verb_after().match(text, match.end()) is not None
        model = not comma and not verb and model_after().match(text, match.end()) is not None
        final = text[match.end() : match.end() + 1] in (".", ";")  # "described by Okoro and Finch, 2021."
        if comma and not verb and not final:
            continue  # "in Leeds, 2016, and"
        if comma:  # "Yardley, 2016, argued": the name ends before the comma
            space -= 1
            before = text[max(0, space - 2) : space]
        if not (before[-1:].isalpha() or (before[-1:] == "." and before[:1].isalpha())):
            continue  # a year after a word ("Patel 2019", "al. 2019"), not after a number or a bracket
        year_at = match.start("year")
        limit = max(_block_start(document, block_starts, year_at), year_at - LOOKBACK)
        if text.rfind("(", limit, year_at) > text.rfind(")", limit, year_at) or (
            skip and _inside(skip, [a for a, _ in skip], year_at)
        ):
            continue  # inside a bracket (read already), or in the reference list
        names_at = _name_run_start(text, space, limit)
        piece = text[names_at:space]
        lead = narrative_authors(piece, tokens(piece)) if piece else None
        if lead is None:
            continue
        work, start = lead
        authors = author_names(piece, work.pieces)
        says = verb is not None or bool(  # "Using Gibbs 1988 reflective cycle": a model's name, as a verb
            model and authors and not any(w.lower() in name_rules().everyday for a in authors for w in a.split())
            and _word_before(text, names_at + start) not in load_data().model_determiners)  # (not "the Vision
        # 2020 framework", "the NHS 2019 model")
        if rule and authors and (normal_name(authors[0]) in known or authors[0].casefold() in defined):
            says = True  # "as NICE 2012 advises", NICE cited or defined elsewhere
        if authors and text[match.end() : match.end() + 1] in ",.;" and after_opener(text, names_at + start):
            says = True  # "According to Carers UK 2023, many carers": the sentence names its source
        if not authors or not says and normal_name(authors[0]) not in known:
            continue
        before_name = _LAST_ANY_WORD.search(text, max(0, names_at + start - 20), names_at + start)
        if normal_name(authors[0]) not in known and before_name and before_name.group(1).lower() in (
                load_data().place_prepositions):
            continue  # "In Leeds, 2016 showed that": a place and its year, not an author cited nowhere else
        if comma and not says and text[max(0, names_at + start - 3) : names_at + start] != "by ":
            continue  # with a comma and no verb, only after "by" ("developed by Okoro, 2021."; "in Leeds, 2016.")
        out.append(Citation(
            start=names_at + start, end=match.end(), text=text[names_at + start : match.end()],
            authors=authors, year=match.group("year"), narrative=True,
            paragraph=_paragraph(block_starts, names_at + start),
        ))
    return out


def _known_names(text: str, found: list[Citation], skip: list[tuple[int, int]]) -> set[str]:
    """The surnames the text cites alone: one-word first authors of the
    citations found, the list's first surnames, and one-word names before a
    reporting verb ("Whitcombe suggests"; "Carers Wales" is two)."""
    data = load_data()
    known = {normal_name(c.authors[0]) for c in found if c.authors and " " not in c.authors[0]}
    known |= {normal_name(n) for n in listed_surnames(text, skip)}
    for space, _ in reporting_candidates(text, data):
        at = text.rfind(" ", max(0, space - 40), space)
        before = text[text.rfind(" ", max(0, at - 40), at) + 1 : at] if at > 0 else ""
        if not before[:1].isupper() or before[-1] in ".,;:!?)" or before.lower() in data.openers:
            known.add(normal_name(text[at + 1 : space]))
    return known


def _words_after_a_space(text: str) -> set[str]:
    """Every w (without a space) for which " w " or " w." occurs in `text`:
    each run of non-spaces after a space that a space follows, and each part
    of such a run up to one of its full stops. One pass over the text, so a
    document with thousands of candidate names is not searched once per name."""
    runs = text.split(" ")[1:]  # each run after a space; all but the last have a space after them
    words = set(runs[:-1])
    for run in runs:
        dot = run.find(".")
        while dot >= 0:
            words.add(run[:dot])
            dot = run.find(".", dot + 1)
    words.discard("")  # two spaces in a row
    return words


_AFTER_LOWER_CASE = re.compile(r"\b[a-z]{3,}\s{1,2}\((?P<inside>[^()]*)\)")


def _lower_case_abbreviations(text: str) -> set[str]:
    """The abbreviations the text defines for words in lower case, a role or
    a thing rather than a body ("diabetes specialist nurses (DSNs)",
    "approved mental health professional (AMHP)"): one of those is no author.
    Each bracket after a lower-case word gives its words, and without a
    plural "s" ("DSNs": DSN too). One pass over the text, so a meeting log
    naming "MH" on each of 10,000 lines is not searched once per line."""
    found: set[str] = set()
    for match in _AFTER_LOWER_CASE.finditer(text):
        inside = match.group("inside")
        found.add(inside)
        if inside.endswith("s"):
            found.add(inside[:-1])
    return found


def _no_year_citations(
    document: Document, found: list[Citation], skip: list[tuple[int, int]], block_starts: list[int]
) -> list[Citation]:
    """Narrative citations with no year at all: "Ingram also argues that",
    "As Whitlock argues, ...". Only a name before a reporting verb and "that",
    or between "As" and a reporting verb and a comma, counts; and only when
    the author has no citation with a year later in the same sentence
    ('Farrow notes that "..." (Farrow, 2019)': the year is there, and the
    name is no citation of its own; so when the bracket names it the source
    read with its year, "Smidt argues that ... (Vygotsky, 1978, cited in
    Smidt, 2009)"; 'Farrow notes that "..." (Farrow, p. 4)' is two
    citations without it). One the paragraph cited
    earlier with a year ("Vygotsky's (1978) idea ... Vygotsky argued that")
    is a repeated narrative citation, which APA 7 lets drop its year (8.16):
    read without one, and the checker asks for none (`check._repeats_dated`);
    after only a mention without a year, it is not read again."""
    text = document.text
    data = load_data()
    out: list[Citation] = []
    cited: dict[tuple[int | None, str], list[int]] | None = None  # (paragraph, author) -> citations' starts
    dated: set[tuple[int | None, str]] = set()  # ... of those with a year
    dated_at: dict[tuple[int | None, str], list[int]] = {}  # (paragraph, author) -> starts of those with a year
    words: set[str] | None = None  # built once, when first needed
    defined: set[str] | None = None  # the same: abbreviations of lower-case words
    that = reporting_candidates(text, data)
    taken = {space for space, _ in that}  # (the verb's other scan, for repeats: "Okafor and Lind describe ...")
    repeats = [(space, -1) for space in verb_candidates(text, data) if space not in taken]
    if repeats:  # (not a noun inside a citation: "the Okafor report (2022)")
        spans = sorted((c.start, c.end) for c in found)
        starts_of = [a for a, _ in spans]
        repeats = [r for r in repeats if not _inside(spans, starts_of, r[0])]
    for space, names_from in sorted(that + repeats) if repeats else that:
        repeat_only = names_from < 0
        names_from = max(names_from, 0)
        if skip and _inside(skip, [a for a, _ in skip], space):
            continue
        limit = max(_block_start(document, block_starts, space), space - LOOKBACK, names_from)
        names_at = _name_run_start(text, space, limit)
        piece = text[names_at:space]
        lead = narrative_authors(piece, tokens(piece)) if piece else None
        if lead is None:
            continue
        work, start = lead
        if names_from and names_at + start != names_from:
            continue  # "As the ward manager Okafor argues,": only a name right after "As"
        authors = author_names(piece, work.pieces)
        if not authors or work.et_al and len(authors) > 1 or authors[0] in data.given_names or case_person(
                text[names_at + start : names_at + work.pieces[-1][-1].end]):
            continue  # ("Jasmine argues that", "Mrs D explained that": a person in the case, not an author)
        lower = authors[0].lower()
        if " " in lower:
            written = f" {lower} " in text or f" {lower}." in text
        else:
            if words is None:
                words = _words_after_a_space(text)
            written = lower in words
        if written:
            continue  # "Staff found that": a word the text also writes in lower case is not a name
        if " " not in lower and (lower in name_rules().everyday or lower in data.written_speakers) \
                and _opens_sentence(text, names_at + start):  # ("Guidance recommends that": a document's word)
            continue  # "Research shows that": an everyday word opening a sentence, not a name
        if lower in data.people_words:
            continue  # "Proponents argue that": people in general, not an author
        if " " in lower and lower.rsplit(None, 1)[-1] in data.model_words:
            continue  # "Ward's Good Lives Model argues that": a model's name, which writes nothing
        if is_abbreviation(authors[0]):
            if defined is None:
                defined = _lower_case_abbreviations(text)
            if authors[0] in defined:
                continue  # "nurses (DSNs) ... One DSN explained that": one of the people the text names so
        if not names_from and _object_of_preposition(text, names_at + start, data):
            continue  # "evidence from Scotland suggests that": a place, not the verb's subject
        paragraph = _paragraph(block_starts, names_at + start)
        if cited is None:
            cited = {}
            for c in sorted(found, key=lambda c: c.start):
                if c.authors:
                    cited.setdefault((c.paragraph, normal_name(c.authors[0])), []).append(c.start)
            dated = {(c.paragraph, normal_name(c.authors[0])) for c in found if c.authors and c.year}
            # (a secondary one is dated by its source read too: "(Vygotsky, as cited in Smidt, 2009)"; and it
            # credits that source with its year: "Smidt argues that ... (Vygotsky, 1978, cited in Smidt, 2009)")
            for c in sorted(found, key=lambda c: c.start):
                if c.authors and (c.year or c.via is not None and c.via.year):
                    dated_at.setdefault((c.paragraph, normal_name(c.authors[0])), []).append(c.start)
                if c.via is not None and c.via.year and c.via.authors:
                    dated_at.setdefault((c.paragraph, normal_name(c.via.authors[0])), []).append(c.start)
        titled = authors[0].split(" ")  # ("Dame Sally Coates argued that ... (Coates, 2016)": her surname's)
        key = (paragraph, normal_name(titled[-1] if titled[0].rstrip(".") in data.titles else authors[0]))
        starts = cited.get(key, [])
        with_year = dated_at.get(key, [])
        if same_sentence(text, space, with_year[bisect.bisect_left(with_year, space) :]):
            continue  # 'Farrow notes that "..." (Farrow, 2019)': the year is there (not in "(Farrow, p. 4)")
        repeated = bool(starts) and starts[0] < space
        if repeat_only and not (key in dated and with_year and with_year[0] < space):
            continue  # "Okafor describes the ward" with no dated "Okafor" before it: perhaps anyone
        if repeated and key not in dated:
            continue  # ("Okafor argues that ... Okafor also notes that": one citation without its year)
        # "In 2019, Okafor argued that": APA 7's year in the running text, the citation's year; none for a
        # repeated one, "Vygotsky argued that" after "Vygotsky's (1978)" (the checker asks for no year: APA 7)
        year = "" if repeated else year_earlier_in_sentence(text, names_at + start, limit)
        if year:
            dated.add(key)
        end = names_at + work.pieces[-1][-1].end
        if work.et_al:  # "Okafor et al. also argue that": the span keeps "et al."
            end = names_at + len(piece.rstrip())
        out.append(Citation(
            start=names_at + start, end=end, text=text[names_at + start : end],
            authors=authors, year=year, narrative=True, paragraph=paragraph,
        ))
        cited[key] = sorted([*starts, names_at + start])  # ("..., and Okafor also")
    return out


_LAST_WORD = re.compile(r"([a-z]+)\s{1,3}$")
_LAST_ANY_WORD = re.compile(r"(?<![\w'’-])([A-Za-z]+)\s{1,3}$")  # ("In Leeds, 2016": a sentence's first word too)


def _word_before(text: str, at: int) -> str:
    """The lower-case word just before `at` ("" if none)."""
    match = _LAST_WORD.search(text, max(0, at - 20), at)
    return match.group(1) if match else ""


_THE_BEFORE = re.compile(r"(?<![\w'’-])the\s{1,3}$")


def _object_of_preposition(text: str, at: int, data: CitationData) -> bool:
    """Whether the name at `at` is a preposition's object, not a verb's
    subject: right after a place preposition ("evidence from Scotland
    suggests that"), or after one and "the" ("The evidence from the
    Ombudsman suggests that", "whose review for the Department for Work and
    Pensions found that": `[names].object_prepositions` too)."""
    if _word_before(text, at) in data.place_prepositions:
        return True
    the = _THE_BEFORE.search(text, max(0, at - 8), at)
    return the is not None and _word_before(text, the.start()) in data.place_prepositions | data.object_prepositions


def _opens_sentence(text: str, at: int) -> bool:
    """Whether `at` is the first word of a sentence (or of the text)."""
    window = text[max(0, at - 80) : at]  # (a bounded look back: one call per candidate name)
    before = window.rstrip()
    return (not before and at <= 80) or before[-1:] in (".", "!", "?") or "\n" in window[len(before) :]


def _around_abbreviation(
    document: Document, block_starts: list[int], match: re.Match[str]
) -> tuple[int, int] | None:
    """The bracket around an abbreviation's own bracket, when that is a
    citation: "(National Institute for Health and Care Excellence (NICE),
    2018)", Cite Them Right's way of giving a group author's abbreviation at
    first use. The outer bracket is found from the inner one (the finder's
    brackets hold no bracket), looking back no further than its block, past
    the abbreviations of names before it ("(Local Government Association
    (LGA) and Association of Directors of Adult Social Services (ADASS),
    2019)": two organisations, each with its own); and around a name in
    full after the abbreviation it spells, the guides' order reversed
    (`bracket.name_after_abbreviation`)."""
    text = document.text
    if not ABBREVIATION.fullmatch(match.group("content")):
        # "(OHID (Office for Health Improvement and Disparities), 2023)": the name in full after its abbreviation
        reversed_at = name_after_abbreviation(text, match.start())
        after = AFTER_ABBREVIATION.match(text, match.end()) if reversed_at is not None else None
        return (reversed_at, after.end()) if after is not None and reversed_at is not None else None
    after = AFTER_ABBREVIATION.match(text, match.end())
    if after is None:
        return None
    limit = max(_block_start(document, block_starts, match.start()), match.start() - LOOKBACK)
    at = match.start()
    for _ in range(4):  # ("(Local Government Association (LGA) and Association of ... (ADASS), 2019)")
        open_at = text.rfind("(", limit, at)
        close_at = text.rfind(")", limit, at)
        if open_at < 0 or close_at < open_at:
            return (open_at, after.end()) if open_at >= 0 else None
        if not ABBREVIATION.fullmatch(text, open_at + 1, close_at) or text.rfind("(", open_at + 1, close_at) >= 0:
            return None  # (a bracket of its own before it, closed: not the outer bracket's abbreviation)
        at = open_at
    return None


def _capitalised_before(text: str, open_at: int) -> bool:
    """Whether the word just before a bracket starts with a capital."""
    before = text[max(0, open_at - 40) : open_at].rstrip().rsplit(None, 1)
    return bool(before) and before[-1][:1].isupper()


def _name_run_start(text: str, end: int, limit: int) -> int:
    """Where the run of words that could belong to a list of names ends,
    going back from `end`: only that run is scanned into tokens, not the
    prose before it (the scanner is the finder's main cost). Words are cut
    with `rstrip` and `rsplit` (which split where `isspace` does) on the
    window before `end` rather than stepped through character by character:
    this runs before every "(year)" bracket."""
    lowercase_ok = _lowercase_name_words()
    window = text[limit:end]
    pos = len(window)
    for _ in range(LOOKBACK_WORDS):
        before = window[:pos].rstrip(" \t\n\xa0")
        if not before or before[-1].isspace():  # (other white space ends the run, as a word break)
            break
        word = before.rsplit(None, 1)[-1]
        if not (word[0].isupper() or word[0] in "(&[" or word.strip(",.;:'’").lower() in lowercase_ok
                or is_abbreviation(word.rstrip(",.;:")) or law_year(before)):  # ("the iHV (2023)", "Act 2005 (2014)")
            break
        pos = len(before) - len(word)
    return limit + pos


@lru_cache(maxsize=1)
def _lowercase_name_words() -> frozenset[str]:
    """Words without a capital that may still stand in a list of names."""
    data = load_data()
    return (data.connectors | data.particles | data.surname_joiners | data.colleagues
            | {"and", "et", "al", "al.'s", "al's"})


def _inside(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether `offset` is in the last of the sorted `spans` starting at or
    before it (`starts` are their starts: a search on plain ints)."""
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and offset < spans[i][1]


def _block_start(document: Document, starts: list[int], offset: int) -> int:
    i = bisect.bisect_right(starts, offset) - 1
    return document.blocks[i].start if i >= 0 else 0


def _paragraph(starts: list[int], offset: int) -> int | None:
    i = bisect.bisect_right(starts, offset) - 1
    return i if i >= 0 else None
