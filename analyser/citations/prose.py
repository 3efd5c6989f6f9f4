"""Citations read from the running text around a bracket rather than from
the bracket alone (part of the *find* stage; find.py asks for them after
its own pass): an organisation's name holding "in the", whose first words
the bracket reader cannot see, and a bracket holding only an organisation's
abbreviation, which has no year for the bracket reader to start from.

Each is read from the document text and the citations found so far, as the
rest of the stage is, and each takes only the wordings its docstring names:
a capitalised word is a name only where the sentence does not open with it,
and an abbreviation in brackets is a definition wherever it stands beside
the words it abbreviates.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from analyser.citations.namewords import subject_word
from analyser.citations.patterns import ABBREVIATION_TEXT, SENTENCE_END, is_abbreviation, load_data
from analyser.citations.resolve import acronym_fits, normal_name
from analyser.model import Citation, Document
from analyser.names import name_rules

# A capitalised everyday word and "in the" just before a narrative citation's name: "Recovery in the Bin (2016)".
_ARTICLE_NAME = re.compile(r"(?<![\w'’-])(?P<word>[A-Z][a-z]{2,20})[ ]in[ ]the[ ]$")
_LOOK_BACK = 30  # characters before a narrative citation searched for those words


def article_names(text: str, found: list[Citation]) -> None:
    """"According to Recovery in the Bin (2016)": an organisation's name of
    capitalised everyday words joined by "in the" ("Women in the Workplace",
    "Nurses in the Lead"), which the bracket reader ends at the article (the
    lone "in" reads as a secondary phrase, "Tuckman in Lind"). The word
    before "in" joins the name when it is an everyday word
    (data/everyday_words.txt), which a surname seldom is, and does not open
    its sentence, so that its capital is a name's: "Nurses in the Okafor
    (2019) study reported ..." still cites Okafor. Changes the citations'
    spans and first authors in place."""
    data = load_data()
    everyday = name_rules().everyday
    for citation in found:
        if not citation.narrative or len(citation.authors) != 1 or not citation.text.startswith(citation.authors[0]):
            continue
        match = _ARTICLE_NAME.search(text, max(0, citation.start - _LOOK_BACK), citation.start)
        if match is None:
            continue
        word = match.group("word")
        if word.lower() not in everyday or word.lower() in data.openers or _opens_sentence(text, match.start()):
            continue
        citation.authors[0] = f"{word} in the {citation.authors[0]}"
        citation.start, citation.text = match.start(), text[match.start() : citation.end]


# Capitalised words (with "and", "of", "for" between) and one word in small letters right before a narrative
# citation's name: "The Medicines and Healthcare products " before "Regulatory Agency (MHRA) (2017)".
_SMALL_WORD_NAME = re.compile(
    r"(?<![\w'’-])(?P<article>[Tt]he[ \t]{1,2})?(?P<name>[A-Z][\w'’-]*(?:[ \t]{1,2}(?:(?:and|of|for|&)[ \t]{1,2})?"
    r"[A-Z][\w'’-]*){0,5})[ \t]{1,2}(?P<small>[a-z]{2,12})[ \t]{1,2}$")
_SMALL_LOOK_BACK = 120  # characters before a narrative citation searched for those words
_OWN_ABBREVIATION = re.compile(rf"[ \t]{{1,2}}\((?P<acronym>{ABBREVIATION_TEXT})[),]")


def small_word_names(text: str, found: list[Citation], listed: frozenset[str]) -> None:
    """"The Medicines and Healthcare products Regulatory Agency (MHRA)
    (2017)", "The Campaign to End Loneliness (no date)": a body's name holding
    one word in small letters, which the bracket reader ends after that word.
    The words before it join the name when its abbreviation, in the
    citation, spells the whole and not the part read; when the reference
    list files the whole as one body (`listed`, normal names); or when the
    word joins a name's words only inside a bracket elsewhere
    (`[names].connectors_in_brackets`, "to") and "The" opens the name, as
    no clause does ("Compared to Okafor (2018)" keeps Okafor). The names
    read after the word may be several ("... Enquiry into Patient Outcome
    and Death (2015)" read as two): the whole is one body's. Changes the
    citations' spans and authors in place."""
    joining = load_data().connectors_in_brackets
    for citation in found:
        if not citation.narrative or not citation.authors or not citation.year or citation.via is not None \
                or not citation.text.startswith(citation.authors[0]):
            continue
        match = _SMALL_WORD_NAME.search(text, max(0, citation.start - _SMALL_LOOK_BACK), citation.start)
        if match is None:
            continue
        part = citation.text.split("(")[0].rstrip()  # ("Patient Outcome and Death (2015)": read as two names)
        whole = f"{match.group('name')} {match.group('small')} {part}"
        own = _OWN_ABBREVIATION.match(text, citation.start + len(part))
        spelt = own is not None and acronym_fits(own.group("acronym"), whole) \
            and not acronym_fits(own.group("acronym"), part)
        opened = match.group("article") is not None and match.group("article")[0] == "T"
        joined = opened and match.group("small") in joining and len(citation.authors) == 1
        if not (spelt or normal_name(whole) in listed or joined):
            continue
        start = match.start("article") if opened else match.start("name")
        citation.authors = [text[start : citation.start] + part if opened else whole]
        citation.start, citation.text = start, text[start : citation.end]


# "the report " right before a narrative citation: the words after it are the report's title.
# (The title's first words may be left out of the citation: "Nobody Was Watching (2021)" read from "Watching".)
_REPORT_BEFORE = re.compile(r"\b[Tt]he[ \t]{1,2}(?P<word>[a-z]+)[ \t]{1,2}(?:[A-Z][\w'’-]*,?[ \t]{1,2}){0,6}$")
_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)")


def report_titles(text: str, found: list[Citation]) -> list[Citation]:
    """The citations without the titles a report's word introduces: "The
    report No One's Listening (2021) found that ... (All-Party Parliamentary
    Group on Sickle Cell and Thalassaemia, 2021)." names a report by its
    title, which the bracket later in its sentence, of the same year, cites
    by its author (`[names].report_words`, in lower case after "the"), as a
    name with an article before a reporting verb is no citation there.
    Without such a bracket the title stays a citation, as any name does."""
    words = load_data().report_words
    dropped: set[int] = set()
    for at, citation in enumerate(found):
        if not citation.narrative or citation.via is not None:
            continue
        before = _REPORT_BEFORE.search(text, max(0, citation.start - 90), citation.start)
        if before is None or before.group("word") not in words:
            continue
        for later in found[at + 1 : at + 6]:
            if _SENTENCE_BREAK.search(text, citation.end, later.start):
                break
            if not later.narrative and later.year == citation.year and later.authors:
                dropped.add(at)
                break
    return [c for at, c in enumerate(found) if at not in dropped] if dropped else found


# A name (capitalised words, "of", "for", "on", "and" joining them) and a report's word after it, before a
# reporting verb (an adverb may stand between) and "that": "the Boorman review found that", "The State of
# Hunger report found that", "the Bradley Report argued that". The article before it is kept apart.
_REPORT_NAMED = re.compile(
    r"(?<![\w'’-])(?:(?P<article>[Tt]he|[Aa]n?)[ \t]{1,2})?"
    r"(?P<name>[A-Z][\w'’-]{0,30}(?:[ \t]{1,2}(?:(?:of|for|on|and)[ \t]{1,2})?[A-Z][\w'’-]{0,30}){0,4})"
    r"[ \t]{1,2}(?P<word>[A-Za-z]+)[ \t]{1,2}(?:(?P<adverb>[a-z]+)[ \t]{1,2})?(?P<verb>[a-z]+)[ \t]{1,2}that\b")


def report_names(
    document: Document, no_year: list[Citation], found: list[Citation], skip: list[tuple[int, int]]
) -> list[Citation]:
    """The citations without a year read before a reporting verb, with the
    reports named by a name and a report's word (`[names].report_words`)
    among them: "In the NHS, the Boorman review found that ...", "The
    State of Hunger report found that ...", "the Bradley Report argued
    that ...". The report is the work its name cites, as "the Reed Report
    (1992)" cites Reed (the conventions): a narrative citation of the name,
    the report's word kept in the span, without its year (`missing_year`).
    One read before as the whole name ("Bradley Report") is replaced. Not
    after "a" or "an" ("A Cochrane review found that": a kind of review,
    no report's name), nor for a single everyday word, an opener or a
    first name ("The Government review", "Our review"), a possessive
    ("Munro's review argued that": whose review, not its name), or a title
    right after a citation ("The CQC (2019) Quiet Wards report found
    that": that work's) or one its paragraph gave before with its
    citation ("reports such as Quiet Wards (Okafor, 2019). The Quiet Wards
    report found that": that work again, `_titled_before`); and not when a citation with its year, or a
    bracket of the same name, stands later in its sentence ("the Boorman
    review found that ... (Boorman, 2009).", "(Acheson)."): that bracket
    cites the report, as for a name with an article (`cited_things`).
    Outside the `skip` spans (the reference list)."""
    text = document.text
    if not any(word in text for word in ("eport", "eview", "nquiry")):
        return no_year
    data = load_data()
    block_starts = [b.start for b in document.blocks]
    rules = name_rules()
    verbs = data.reporting_verbs | data.subject_verbs
    taken = _Taken.of(found, skip)
    dated = sorted(c.start for c in found if c.year)
    out = list(no_year)
    for match in _REPORT_NAMED.finditer(text):
        name, at = match.group("name"), match.start("name")
        if match.group("word").lower() not in data.report_words or match.group("verb") not in verbs:
            continue
        if match.group("adverb") and match.group("adverb") not in data.reporting_adverbs:
            continue
        if (match.group("article") or "").lower() in ("a", "an") or taken.covers(at):
            continue  # ("A Cochrane review found that": a kind of review, not one named)
        first = name.split()[0]
        if first.lower() in data.openers or first.lower() in ("a", "an", "the") or first in data.given_names or (
                " " not in name and (name.lower() in rules.everyday or name.lower() in data.people_words)):
            continue  # ("The Government review found that", "Our review found that")
        if name[-2:] in ("'s", "’s") or any(at - 3 <= c.end <= at and not text[c.end : at].strip() for c in found):
            continue  # ("Munro's review": whose, no name; "Okafor (2019) Quiet Wards report": that work's title)
        end = match.end("word")
        sentence_end = SENTENCE_END.search(text, end)
        stop = sentence_end.start() if sentence_end else len(text)
        if any(c.year and end <= c.start < stop for c in found) or f"({name}" in text[end:stop]:
            continue  # ("... review found that ... (Boorman, 2009).", "... (Boorman).": the bracket cites it)
        block = bisect.bisect_right(block_starts, at) - 1
        if _titled_before(text, name, block_starts[block] if block >= 0 else 0, at, dated):
            continue  # ("... Quiet Wards (Okafor, 2019) ... The Quiet Wards report found that": cited already)
        out = [c for c in out if not (c.start < end and at < c.end)]  # ("Bradley Report" read whole)
        out.append(Citation(start=at, end=end, text=text[at:end], authors=[name], year="", narrative=True,
                            paragraph=block if block >= 0 else None))
    return sorted(out, key=lambda c: c.start)


def _titled_before(text: str, name: str, start: int, end: int, dated: list[int]) -> bool:
    """Whether `name` stands earlier in its paragraph (from `start` to
    `end`) right before a citation with its year, as a title the citation
    cites ("reports such as Quiet Wards (Okafor, 2019)"): the report's name
    later mentions that cited work again."""
    for earlier in re.finditer(rf"(?<![\w'’-]){re.escape(name)}[ \t]{{0,2}}\(?", text[start:end]):
        at = start + earlier.end()
        i = bisect.bisect_left(dated, at - 1)
        if i < len(dated) and dated[i] <= at:
            return True
    return False


# A name and a report's word in lower case before a bracket of the year alone: "the Boorman review (2009)".
_REPORT_DATED = re.compile(
    r"(?<![\w'’-])(?!(?:The|An?)[ ])"
    r"(?P<name>[A-Z][\w-]{0,30}(?:[ ]{1,2}(?:(?:of|for|on|and)[ ]{1,2})?[A-Z][\w-]{0,30}){0,4})"
    r"[ ]{1,2}(?P<word>[a-z]+)[ ]{1,2}\((?P<year>(?:1[5-9]|20)\d\d)(?P<suffix>[a-z]?)\)")


def dated_reports(document: Document, found: list[Citation], skip: list[tuple[int, int]]) -> list[Citation]:
    """"In the NHS, the Boorman review (2009) found that ...": a name and a
    report's word in lower case (`[names].report_words`) before a bracket
    of the year alone is a narrative citation of the name, the word kept in
    the span, as "the Reed Report (1992)" cites Reed (the conventions; the
    bracket reader stops at the word in lower case). Not for an opener, an
    article or a single everyday word before it ("the Government review
    (2019)": no one's name), nor inside a citation found already or the
    `skip` spans (the reference list)."""
    text = document.text
    if "review (" not in text and "report (" not in text and "nquiry (" not in text:
        return []
    data = load_data()
    rules = name_rules()
    taken = _Taken.of(found, skip)
    block_starts = [b.start for b in document.blocks]
    out: list[Citation] = []
    for match in _REPORT_DATED.finditer(text):
        name, at = match.group("name"), match.start()
        if match.group("word") not in data.report_words or taken.covers(at) or taken.covers(match.end() - 1):
            continue
        first = name.split()[0]
        if first.lower() in data.openers or first.lower() in ("a", "an", "the") or first in data.given_names or (
                " " not in name and name.lower() in rules.everyday):
            continue
        block = bisect.bisect_right(block_starts, at) - 1
        out.append(Citation(start=at, end=match.end(), text=match.group(), authors=[name],
                            year=match.group("year"), suffix=match.group("suffix"), narrative=True,
                            paragraph=block if block >= 0 else None))
    return out


# A bracket holding only an abbreviation and closing its sentence or clause: "... their own health (HCPC)."
_ABBREVIATION_ALONE = re.compile(rf"\((?P<acronym>{ABBREVIATION_TEXT})\)(?=[ \t]{{0,2}}(?:[.;!?]|\n|$))")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_SENTENCE_WINDOW = 400  # characters before the bracket searched for the start of its sentence


def abbreviation_citations(
    document: Document, found: list[Citation], skip: list[tuple[int, int]]
) -> list[Citation]:
    """"The Health and Care Professions Council says registrants must look
    after their own health (HCPC).": a bracket holding only an
    organisation's abbreviation, closing a sentence in which that
    organisation, named in full, says, requires or recommends something
    (`[names].reporting_verbs`, `subject_verbs`, `rule_verbs`), cites it as
    the sentence's source, with no year (`missing_year`; both guides want
    author and year). It is no citation when it stands right after a
    capitalised word (a definition, "the Nursing and Midwifery Council
    (NMC)") or a noun it names ("complaints go to the regulator (NMC).",
    `[names].apposition_nouns`), when the sentence's name does not spell it,
    or when a citation stands earlier in the sentence (the name before
    "recommends that" is read as one already, `find._no_year_citations`,
    and the bracket repeats it); and a bracket of a full name ("(Nursing
    and Midwifery Council)") is left alone, since "the regulator (Nursing
    and Midwifery Council)" is one too. Outside the `skip` spans (the
    reference list)."""
    text = document.text
    if "(" not in text:
        return []
    data = load_data()
    taken = _Taken.of(found, skip)
    block_starts = [b.start for b in document.blocks]
    out: list[Citation] = []
    for match in _ABBREVIATION_ALONE.finditer(text):
        at = match.start()
        if taken.covers(at):
            continue
        block = bisect.bisect_right(block_starts, at) - 1
        lo = max(document.blocks[block].start if block >= 0 else 0, at - _SENTENCE_WINDOW)
        words = _WORD.findall(text, lo, at)
        if not words or not words[-1][0].islower() or words[-1].lower() in data.apposition_nouns:
            continue  # ("Council (NMC)": a definition; "the regulator (NMC)": the noun it names)
        sentence_start = lo
        for end in SENTENCE_END.finditer(text, lo, at):
            sentence_start = end.end()
        if bisect.bisect_left(taken.starts, sentence_start) < bisect.bisect_left(taken.starts, at):
            continue  # the sentence cites already ("The RCN also recommends that ..." is a citation without a year)
        if not _said_by(text[sentence_start:at], match.group("acronym")):
            continue
        out.append(Citation(start=at, end=match.end(), text=match.group(), authors=[match.group("acronym")],
                            year="", narrative=False, paragraph=block if block >= 0 else None))
    return out


# An article, and at most two words in lower case after it, just before a name: "the LEGO Foundation",
# "The third National Survey of Sexual Attitudes", "a recent Lammy Review"
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(?:[Tt]he|[Aa]n?)(?:[ \t]{1,2}[a-z0-9][\w-]{0,20}){0,2}[ \t]{1,2}$")
_SENTENCE_WINDOW_AFTER = 400  # characters after a name searched for a citation later in its sentence


def cited_things(text: str, no_year: list[Citation], found: list[Citation]) -> list[Citation]:
    """The citations without a year read from a name before a reporting verb
    ("Ingram also argues that"), less those whose name follows an article
    ("The Edinburgh Study showed that ...", "The Lammy Review found that
    ...", "A review for the LEGO Foundation concluded that ...", also with
    a word or two in lower case between, "The third National Survey of
    ... suggested that") or is a
    title of everyday words ("Fair Society, Healthy Lives argued that ...",
    `_a_title`) when a citation with its year stands later in the sentence:
    such a name is a study's, a report's or a body's, not a person's, and the bracket
    the sentence closes with ("(McAra and McVie, 2010)", "(Lammy, 2017)")
    cites it, so nothing is missing. Without such a bracket the name is
    still a citation without its year ("The Royal College of Nursing argues
    that ..."); a person's name has no article, and keeps its
    `missing_year` whatever the sentence cites later (another work)."""
    if not no_year:
        return no_year
    dated = sorted(c.start for c in found if c.year)
    out: list[Citation] = []
    for citation in no_year:
        article_at = _ARTICLE_BEFORE.search(text, max(0, citation.start - 60), citation.start)
        article = citation.text.startswith("The ") or article_at is not None and (
            len(article_at.group().split()) == 1 or len(citation.text.split()) >= 2)
        # (words between the article and a one-word name leave it a person's: "After the war Okafor argued")
        later = dated[bisect.bisect_left(dated, citation.end):][:1]
        if (article or _a_title(citation)) and later and later[0] - citation.end <= _SENTENCE_WINDOW_AFTER \
                and SENTENCE_END.search(text, citation.end, later[0] + 1) is None:
            continue  # (the bracket later in the sentence cites the study, report, body or title the name is)
        out.append(citation)
    return out


def _a_title(citation: Citation) -> bool:
    """Whether a name read before a reporting verb is a title of everyday
    words, as a report's is ("Fair Society, Healthy Lives argued that",
    "Better Births recommended that"): two words or more, each an everyday
    word (data/everyday_words.txt, or its plural) and none a first name, the last no
    organisation's word ("Carers Trust argues that" names a body)."""
    words = citation.authors[0].split() if len(citation.authors) == 1 else []
    rules = name_rules()
    everyday = [w.lower() in rules.everyday or w.lower()[-1:] == "s" and w.lower()[:-1] in rules.everyday
                for w in words]  # (the list holds few plurals: "Births")
    return (len(words) >= 2 and all(everyday) and all(rules.kind(w) is None for w in words)
            and words[-1].lower() not in load_data().organisation_words)


# A bracket holding only a name, no year, closing its sentence or clause: "... not just health (Acheson)."
# (`closing` is empty when it does, None when words follow: "Stark's work on control (Stark) also helped")
_NAME_ALONE = re.compile(r"\((?P<name>[A-Z][\w'’\-]{1,30}(?:[ ](?:[A-Z][\w'’\-]{1,30}|and|&|of|for|the)){0,6})\)"
                         r"(?:(?P<closing>)(?=[ \t]{0,2}(?:[.;!?]|\n|$)))?")
# The name's possessive and at most five lower-case words, just before such a bracket: "Stark's work on control"
_OWNER_BEFORE = r"(?<![\w'’-]){name}['’]s(?:[ ]+[a-z][\w'’-]*){{1,5}}[ ]*$"


def name_alone_citations(
    document: Document, found: list[Citation], skip: list[tuple[int, int]], listed: list[str]
) -> list[Citation]:
    """"The Acheson report also said that inequalities need tackling across
    government (Acheson).": a bracket holding only a name the passage cites
    as an author, one heading an entry of its reference list (`listed`) or
    cited elsewhere with its year, closing its sentence, is a citation
    without its year (`missing_year`; the checker's fix takes the year the
    list or the other citations give, "(Acheson, 1998)"). So is one its
    sentence credits with what it says (`_credited`: "Kielhofner says that
    ... (Kielhofner).", with the name before the verb a citation without
    its year too; "using Driscoll's model ... (Driscoll)."). Inside its
    sentence, the bracket is one only right after the name's own work
    ("Stark's work on coercive control (Stark) also helped me"). A name the passage
    cites nowhere else is left alone ("she moved to a hostel (Shelter)." may
    name the place, "(Jasmine)." a pseudonym), as is one right after a
    capitalised word or a noun it names ("the charity (Shelter)."), and an
    abbreviation (`abbreviation_citations`' class). Outside the `skip` spans
    (the reference list)."""
    text = document.text
    if "(" not in text:
        return []
    data = load_data()
    known = {normal_name(c.authors[0]) for c in found if c.authors and c.year} | {normal_name(n) for n in listed}
    taken = _Taken.of(found, skip)
    block_starts = [b.start for b in document.blocks]
    out: list[Citation] = []
    for match in _NAME_ALONE.finditer(text):
        at, name = match.start(), match.group("name")
        if taken.covers(at):
            continue
        if match.group("closing") is None and not re.search(
                _OWNER_BEFORE.format(name=re.escape(name)), text[max(0, at - 80) : at]):
            continue  # (words follow: only "Stark's work on coercive control (Stark) also ..." credits the name)
        before = _WORD.findall(text, max(0, at - 40), at)
        if not before or not before[-1][0].islower() or before[-1].lower() in data.apposition_nouns:
            continue  # ("Donald Acheson (Acheson)": a name; "the charity (Shelter)": the noun it names)
        block = bisect.bisect_right(block_starts, at) - 1
        paragraph = block if block >= 0 else None
        said = None
        if normal_name(name) not in known:
            lo = max(document.blocks[block].start if block >= 0 else 0, at - _SENTENCE_WINDOW)
            for end in SENTENCE_END.finditer(text, lo, at):
                lo = end.end()
            said = _credited(text, name, lo, at) if name_rules().kind(name) != "name" else None
            if said is None:
                continue  # (nor a first name: "Tom said that he would go home (Tom).")
        authors = _people_joined(name)
        out.append(Citation(start=at, end=match.end(), text=match.group(), authors=authors, year="",
                            narrative=False, paragraph=paragraph))
        if said is not None and said[1] and not taken.covers(said[0]):  # "Kielhofner says that ...": it too
            out.append(Citation(start=said[0], end=said[0] + len(name), text=name, authors=list(authors), year="",
                                narrative=True, paragraph=paragraph))
    return out


_TWO_PEOPLE = re.compile(r"(?P<first>[A-Z][\w'’\-]+) (?:and|&) (?P<second>[A-Z][\w'’\-]+)")


def _people_joined(name: str) -> list[str]:
    """The authors of a name alone: two surnames joined by "and" or "&" are
    two ("Getliffe and Dolman"); a field's name before it keeps one body
    ("Health and Safety": `subject_word`), as does any longer name."""
    two = _TWO_PEOPLE.fullmatch(name)
    if two is None or any(subject_word(two.group(k)) for k in ("first", "second")):
        return [name]
    return [two.group("first"), two.group("second")]


def _credited(text: str, name: str, start: int, end: int) -> tuple[int, bool] | None:
    """Where the sentence from `start` to a bracket at `end` holding only
    `name` credits that name with what it says, and whether as a narrative
    citation: before a reporting or subject verb ("Kielhofner says that
    ... (Kielhofner).": a citation without its year, as the bracket is), or
    as the possessive owner of a model ("using Driscoll's model because it
    is simple (Driscoll).", written "Driscolls" too: the bracket cites the
    model's author, the model's name is no citation). None when it does not
    ("I went to Okafor's clinic (Okafor)." names no source's words)."""
    data = load_data()
    verbs = data.reporting_verbs | data.subject_verbs
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(name)}(?P<owner>['’]s|s['’]?|['’])?(?![\w'’-])")
    for found in pattern.finditer(text, start, end):
        after = _WORD.findall(text, found.end(), min(end, found.end() + 60))[:3]
        if found.group("owner"):
            if any(word.lower() in data.model_words for word in after[:2]):
                return found.start(), False
            continue
        if after and after[0].lower() in data.reporting_adverbs:
            after = after[1:]
        if after and after[0].lower() in verbs:
            return found.start(), True
    return None


def abbreviation_alone(citation: Citation) -> bool:
    """A citation that is a bracket holding only an abbreviation ("(HCPC)",
    found by `abbreviation_citations`). The checker offers no fix for it:
    both guides introduce a group author's abbreviation with its name at
    first use (APA 7 "The Health and Care Professions Council (HCPC, 2016)
    says"; Cite Them Right "Health and Care Professions Council (HCPC)
    (2016)"), and the name stands outside the bracket, in the sentence."""
    return (not citation.year and len(citation.authors) == 1 and citation.text == f"({citation.authors[0]})"
            and is_abbreviation(citation.authors[0]))


def _said_by(sentence: str, acronym: str) -> bool:
    """Whether the sentence names the organisation `acronym` abbreviates
    (`resolve.acronym_fits`: "The Nursing and Midwifery Council" for "NMC")
    as the subject of a verb saying what it says or requires ("says",
    "recommends", "expects"; "also" may stand between)."""
    data = load_data()
    verbs = data.reporting_verbs | data.subject_verbs | data.rule_verbs
    joining = data.connectors | {"and", "&"}
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(sentence)]
    for i, (word, _, _) in enumerate(words):
        if not word.islower() or word not in verbs:
            continue
        j = i - 1
        if j >= 0 and words[j][0].lower() in data.reporting_adverbs:
            j -= 1
        run: list[str] = []
        while j >= 0 and (words[j][0][0].isupper() or words[j][0] in joining) and not sentence[
                words[j][2] : words[j + 1][1]].strip(" \t"):  # (only spaces between: "Council (2019) says" no)
            run.insert(0, words[j][0])
            j -= 1
        if any(run[k][0].isupper() and acronym_fits(acronym, " ".join(run[k:])) for k in range(len(run))):
            return True
    return False


@dataclass(frozen=True)
class _Taken:
    """Where a bracket read here cannot start a citation: inside one found
    already, or inside a span the stage skips (the reference list)."""

    spans: list[tuple[int, int]]
    starts: list[int]
    skip: list[tuple[int, int]]
    skip_starts: list[int]

    @classmethod
    def of(cls, found: list[Citation], skip: list[tuple[int, int]]) -> _Taken:
        spans = sorted((c.start, c.end) for c in found)
        return cls(spans, [start for start, _ in spans], skip, [start for start, _ in skip])

    def covers(self, offset: int) -> bool:
        return _within(self.skip, self.skip_starts, offset) or _within(self.spans, self.starts, offset)


def _within(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether `offset` is in the last of the sorted `spans` starting at or before it."""
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and offset < spans[i][1]


def _opens_sentence(text: str, at: int) -> bool:
    """Whether `at` is the first word of a sentence, a line or the text."""
    before = text[max(0, at - 80) : at].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"“'‘"
