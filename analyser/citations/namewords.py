"""What the words of a name are: an organisation's, a surname, or a word of
the sentence before the name (part of the *find* stage; parse.py reads
names with these). Each answer comes from the words themselves and the word
lists of analyser/data/citations.toml, so that a rule and its look-alikes
("Page's (2018)" and "page 45", "Health and Care Professions Council" and
"Law and Jones", "I CAN" and "See NICE") are decided in one place.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analyser.citations.patterns import is_abbreviation, load_data
from analyser.names import name_rules

if TYPE_CHECKING:
    from analyser.citations.parse import Token

_POSSESSIVE = re.compile(r"['’]s$")


_NUMBER_AFTER = re.compile(r"[ \t]{0,2}\d")


def surname_word(text: str, word: str, piece: list[Token], count: int) -> bool:
    """Whether a word that labels a part or a date ("Page", "May") is a
    surname here: the whole of its name, with no number after it ("page 45"
    is a label), and for a month beside another author's name ("(Alcock and
    May, 2014)"; "May (2019)" alone stays a date). `[names].surname_labels`,
    `surname_months`."""
    data = load_data()
    if len(piece) != 1 or _NUMBER_AFTER.match(text, piece[0].end):
        return False
    return word in data.surname_labels or (word in data.surname_months and count > 1)


def organisations(pieces: list[list[Token]]) -> bool:
    """Whether names joined by "and", "&" or commas are organisations side by
    side, the first and the last each with a joining word of its own ("of",
    "for"): "Department for Education & Department of Health", "Department
    for Education, Home Office and Ministry of Justice"; or two, the first
    with a joining word and the second a body's whole name (`_whole_body`:
    "Ministry of Justice & Youth Justice Board", "Department of Health &
    Home Office"). One name when the last is neither: "Department of Health and
    Social Care", "Department for Digital, Culture, Media and Sport",
    "Department for Communities and Local Government", "Department of
    Health and Social Services" (two words)."""
    if not _with_joining_word(pieces[0]):
        return False
    return _with_joining_word(pieces[-1]) or (len(pieces) == 2 and _whole_body(pieces[1]))


_AND_BETWEEN = re.compile(r"\s{1,3}(?:and|&)\s{1,3}")


def two_bodies(text: str, pieces: list[list[Token]]) -> bool:
    """Whether names joined by "and" are two bodies, each a whole name: the
    first with a joining word ("Department of Health") or of two words or
    more ending in an organisation word ("Home Office"), and the rest, the
    second, opening with a name that has a joining word ("Department for
    Children, Schools and Families") or being a body's whole name
    (`_whole_body`: "Health Protection Agency", "Home Office"). "Department
    of Health and Social Care", "Royal College of Speech and Language
    Therapists" and "... Constabulary and Fire and Rescue Services" stay one
    name: what follows their "and" is no body's whole name."""
    if len(pieces) < 2 or not _AND_BETWEEN.fullmatch(text, pieces[0][-1].end, pieces[1][0].start):
        return False
    first, second = pieces[0], pieces[1]
    named = first[1:] if first[0].text == "The" else first  # ("The Society and College of Radiographers": one)
    if not (_with_joining_word(first) or len(named) >= 2 and all(t.kind == "name" for t in named)
            and ends_organisation(named)):
        return False
    if len(pieces) > 2:
        return _with_joining_word(second)
    return _with_joining_word(second) or _whole_body(second)


def _whole_body(piece: list[Token]) -> bool:
    """Whether a name after "and" is a body's whole name, not the rest of the
    name before it: three words or more ending in an organisation word
    ("Health Protection Agency"), or two ending in one that names a body
    rather than a remit ("Home Office", "Highways Agency"; not "Social
    Services", which a department's name may end in: "Department of Health
    and Social Services"; `[names].remit_endings`), or an abbreviation of
    three letters or more standing for a body ("... Nursing & RCPCH")."""
    if len(piece) == 1 and piece[0].kind == "name" and is_abbreviation(piece[0].text) and len(piece[0].text) >= 3:
        return True  # "Royal College of Nursing & RCPCH": a body by its abbreviation
    if not (len(piece) >= 2 and all(t.kind == "name" for t in piece) and ends_organisation(piece)):
        return False
    return len(piece) >= 3 or piece[-1].text.lower() not in load_data().remit_endings


_SERIAL_LAST = re.compile(r",\s{1,2}(?:&|and)\s{1,3}")


def serial_bodies(text: str, pieces: list[list[Token]]) -> list[str] | None:
    """Bodies listed as people are, commas between them and ", &" (or ",
    and") before the last: "Department of Health and Social Care, NHS
    England, & Home Office", each a whole name of two words or more (an
    "and" with no comma before it stays inside its body's name). None when
    the names are not so listed, or when one between commas is a single word:
    "Department for Digital, Culture, Media, & Sport" is one body's name."""
    if len(pieces) < 2 or not _SERIAL_LAST.fullmatch(text, pieces[-2][-1].end, pieces[-1][0].start):
        return None
    bodies: list[list[Token]] = [list(pieces[0])]
    for before, piece in zip(pieces, pieces[1:]):
        if "," in text[before[-1].end : piece[0].start]:
            bodies.append(list(piece))
        else:
            bodies[-1] += piece
    if len(bodies) < 2 or any(len(body) < 2 or body[0].kind != "name" for body in bodies):
        return None
    return [" ".join(text[body[0].start : body[-1].end].split()) for body in bodies]


def _with_joining_word(piece: list[Token]) -> bool:
    """A name of three words or more with a joining word inside ("Ministry of Justice")."""
    return len(piece) >= 3 and piece[0].kind == "name" and any(t.kind == "word" for t in piece[1:-1])


def ends_organisation(piece: list[Token]) -> bool:
    """Whether a name's last word ends an organisation's name ("Trust",
    "Commissioner": `[names].organisation_words`)."""
    return piece[-1].text.lower() in load_data().organisation_words


def opens_organisation(opener: Token, name: list[Token]) -> bool:
    """Whether an opener in a bracket is the first word of an organisation's
    name ("(Later Life Alliance, n.d.)"): the name ends in an organisation
    word and the opener is not one that introduces citations ("(See Carers
    Trust, 2019)", `[names].bracket_openers`)."""
    return ends_organisation(name) and opener.text.lower() not in load_data().bracket_openers


def one_organisation_in_bracket(pieces: list[list[Token]]) -> bool:
    """Whether two names joined by "and" or "&" in a bracket are one
    organisation: the first of two words or more and not an organisation's
    name by itself, or one word naming a field (`subject_word`: "Health"),
    or a nation's or a field's adjective ("British", "Maritime":
    `[names].nation_words`, `field_words`), the second
    of two words or more ending in an organisation word
    ("(British & Irish Orthoptic Society, 2020)", "(Northshire Police and
    Crime Commissioner, 2023)", "(Health and Care Professions Council,
    2023)"), or any one word when that name ends in a place ("(Bladder & Bowel
    UK, n.d.)": no person's name ends so); "(Welsh and Jones, 2019)", "(Huxham and Vangen, 2005)", "(Okafor
    and Carers Trust, 2020)" and "(Ministry of Justice & Youth Justice
    Board, 2023)", two organisations (`organisations`), stay two); or a
    name ending in two places (`_places_pair`)."""
    data = load_data()
    if _places_pair(pieces):
        return True
    return (len(pieces) == 2 and (len(pieces[0]) >= 2 and not ends_organisation(pieces[0])
                                  or len(pieces[0]) == 1 and (subject_word(pieces[0][0].text)
                                                              or pieces[0][0].text.lower() in data.nation_words
                                                              or pieces[0][0].text.lower() in data.field_words
                                                              or pieces[1][-1].text.lower() in data.local_places))
            and len(pieces[1]) >= 2 and ends_organisation(pieces[1]) and not organisations(pieces))


def _places_pair(pieces: list[list[Token]]) -> bool:
    """A body's name ending in two places joined by "and", the second all
    places ("Mountain Rescue England and Wales", "... Scotland and Northern
    Ireland"; `[names].local_places`, `nation_words`): one name, whose "and"
    joins the places it covers, not two bodies."""
    if len(pieces) != 2 or len(pieces[0]) < 2:
        return False
    data = load_data()
    places = data.local_places
    return (all(t.kind == "name" for t in pieces[0]) and pieces[0][-1].text.lower() in places
            and pieces[1][-1].text.lower() in places
            and all(t.text.lower() in places or t.text.lower() in data.nation_words for t in pieces[1]))


def subject_word(word: str) -> bool:
    """Whether a capitalised word alone before "and" is a field's name, the
    first word of an organisation named for two ("Health and Care
    Professions Council", "Nursing and Midwifery Council", "Speech and
    Language UK"): an everyday word (data/everyday_words.txt), or one with
    "-ing" added ("Nursing", "Housing"). A surname that is an everyday word
    ("Law and Jones") stays a surname unless an organisation's name of two
    words or more follows (`one_organisation_in_bracket`)."""
    everyday = name_rules().everyday
    lowered = word.lower()
    if lowered in everyday:
        return True
    stem = lowered[:-3] if lowered.endswith("ing") and len(lowered) > 6 else ""
    return bool(stem) and (stem in everyday or f"{stem}e" in everyday)


def is_opener(words: list[Token], i: int) -> bool:
    """Whether words[i] is a capitalised word of the sentence rather than of
    the name after it ("See Okafor", "Both Skills for Justice"). "His" and
    "Her" before a possessive and another name word open a name: "His
    Majesty's Inspectorate of Constabulary" (`[names].name_openers`). A
    verb that opens a sentence before a joining word ("Drawing on", "Based
    on": `[names].joining_openers`) is one only there: before another name
    word it may be the name's ("Building Research Establishment")."""
    data = load_data()
    word = words[i].text.lower()
    if _in_capitals(words, i):
        return False  # "I CAN": an organisation's name written in capitals, not the pronoun
    if word in data.joining_openers:  # "Drawing on Donnelly's (2010)"; not "Building Research Establishment"
        return i + 1 < len(words) and words[i + 1].kind == "word" and words[i + 1].text.islower()
    if word not in data.openers:
        return False
    return not (word in data.name_openers and i + 2 < len(words) and words[i + 1].kind == "name"
                and _POSSESSIVE.search(words[i + 1].text) is not None and words[i + 2].kind == "name")


def listed_before_et_al(before: list[Token], i: int) -> bool:
    """Whether single surnames set off by commas, two commas at least, stand
    before the name at before[i] that "et al." follows ("Okafor, Lind, Moss
    et al. (2015)"): names written out before "et al.", all the work's
    first authors; "In Leeds, Moss et al." (one comma, a word of the
    sentence) is not."""
    names = 0
    while i >= 2 and before[i - 1].kind == "comma" and before[i - 2].kind == "name" and not is_opener(before, i - 2) \
            and not (i >= 3 and before[i - 3].kind == "name"):
        names, i = names + 1, i - 2
    return names >= 2


def verb_inside(piece: list[Token]) -> int:
    """Where a verb that opens a sentence before the work it uses ("Using",
    "Applying": openers ending "-ing") stands inside a run of capitalised
    words, as in a heading written in title case ("Reflective Account Using
    Rolfe et al.'s (2001) Framework"): the words up to it are the heading's,
    not the name's. 0 when none does."""
    return max((at for at in range(1, len(piece) - 1)
                if piece[at].kind == "name" and piece[at].text.lower().endswith("ing") and is_opener(piece, at)),
               default=0)


def titled_year(text: str, before: list[Token], i: int) -> int:
    """1 when before[i] is a year belonging to the name before it, a law's
    or a bill's ("House of Lords Select Committee on the Mental Capacity Act
    2005 (2014)": `[names].titled_years`), as the last word of a body's name
    before the year's bracket; else 0."""
    return int(i >= 2 and before[i].kind == "year" and before[i - 1].kind == "name"
               and before[i - 1].text.lower() in load_data().titled_years
               and adjacent_words(before[i - 1], before[i]) and before[i - 2].kind in ("name", "word"))


def law_in_name(piece: list[Token], at: int) -> bool:
    """Whether piece[at], a law's word ("Act"), and the year after it end a
    body's name that holds the law after a joining word ("House of Lords
    Select Committee on the Mental Capacity Act 2005"), rather than being a
    law's own name ("the Mental Capacity Act 2005 (2014)": no author)."""
    return at == len(piece) - 2 and piece[-1].kind == "year" and any(t.kind == "word" for t in piece[1:at])


def law_year(before: str) -> bool:
    """Whether `before` ends in a law's year after its word ("... Capacity
    Act 2005"; `[names].titled_years`): the run of a body's name words goes on."""
    words = before.rsplit(None, 2)[-2:]
    return (len(words) == 2 and len(words[1]) == 4 and words[1].isdigit()
            and words[0].lower() in load_data().titled_years)


def _in_capitals(words: list[Token], i: int) -> bool:
    """Whether words[i], written in capitals, opens a name written in
    capitals: "(I CAN, 2018)", the children's communication charity. A
    sentence's word before a name has lower-case letters ("See NICE") or is
    followed by one that has ("I Smith"). Only for a word of one or two
    letters, the openers that are whole in capitals as written ("I")."""
    word = words[i].text
    if len(word) > 2 or not word.isupper() or i + 1 >= len(words):
        return False
    after = words[i + 1]
    return after.kind == "name" and len(after.text) >= 2 and after.text.isupper()


# Initials right after a bracket's ";" and before a work's surname: "(Clegg et al., 2013; D. Oliver, 2016)".
_INITIALS_AFTER_SEMICOLON = re.compile(r";\s{1,2}((?:[A-Z]\.\s?){1,3})$")


def initials_before(text: str, start: int) -> int:
    """Where a work among several in a bracket starts, with the initials
    written before its first author ("...; D. Oliver, 2016"): they are part
    of its text, so the checker reports them (`initials_in_citation`) as
    it does for "(D. Oliver, 2016)"; elsewhere `start` itself."""
    found = _INITIALS_AFTER_SEMICOLON.search(text, max(0, start - 12), start)
    return found.start(1) if found else start


def adjacent_words(left: Token, right: Token) -> bool:
    """Two tokens of one name, when the text between them is not to hand: a space or two apart."""
    return 1 <= right.start - left.end <= 2


def adjacent(text: str, left: Token, right: Token) -> bool:
    """Two name words of one name: only spaces between them (no line break
    that ends a heading, no punctuation). A single line break is a wrapped
    line's, unless the line before it is a heading: a capitalised "The"
    after it opens the line's sentence ("Discussion\nThe Parliamentary and
    Health Service Ombudsman (2017)"), and a line of a few words on its
    own after a blank line or the text's start ends there ("Discussion\n
    Okafor (2019)")."""
    gap = text[left.end : right.start]
    if len(gap) > 3 or gap.strip() != "" or gap.count("\n") > 1:
        return False
    if "\n" not in gap:
        return True
    if right.text == "The":
        return False
    line = text.rfind("\n", 0, left.end) + 1
    own_line = line >= 2 and text[line - 2 : line] == "\n\n"  # (the text read may start anywhere in a line)
    return not (own_line and len(text[line : left.end].split()) <= _HEADING_WORDS)


_HEADING_WORDS = 4  # words at most of a heading on its own line before a citation's name


def after_opener(text: str, at: int) -> bool:
    """Whether words that make a name and a year without brackets a citation
    (`[names].before_bare_year`: "According to Carers UK 2023, many ...")
    stand right before `at`, where the name starts."""
    lead = " " + text[max(0, at - 30) : at].lower().rstrip()
    return any(lead.endswith(" " + words) for words in load_data().before_bare_year)


def term_abbreviation(before: list[Token], at: int, pieces: list[list[Token]]) -> bool:
    """Whether the word before ", and" and the names read is an abbreviation
    standing alone ("with SCI, and Post & van Leeuwen (2012)", "long COVID,
    and Davis et al. (2021)"): a term's, ending the clause before, when no
    name read is an abbreviation ("NICE, SIGN, and RCGP (2020)" stay one list)."""
    return (is_abbreviation(before[at].text) and before[at].text.isupper()
            and (at == 0 or before[at - 1].kind != "name")
            and not any(is_abbreviation(token.text) for piece in pieces for token in piece))


def abbreviation_bracket(before: list[Token], i: int) -> int:
    """How many tokens an abbreviation's own bracket takes, ending at
    `before[i]`, after a name and before a narrative citation's year: three
    for "(NICE)", "(CoP)" or "[iHV]", four for one ending with the name's
    own last word, "... Nurses UK (ASCN UK) (2016)"; else none."""
    if (i >= 2 and before[i].text in (")", "]") and before[i - 1].kind == "name"
            and before[i - 2].text == "(["[before[i].text == "]"]):
        return 3 if is_abbreviation(before[i - 1].text) else 0
    if (i >= 4 and before[i].text == ")" and before[i - 3].text == "(" and before[i - 1].kind == "name"
            and before[i - 1].text == before[i - 4].text and is_abbreviation(before[i - 2].text)
            and is_abbreviation(before[i - 1].text)):
        return 4
    return 0


# a possessive's mark ending a name, "Maslow's", "Jones'"
_OWNER_MARK = re.compile(r"(?:['’]s|(?<=s)['’])$")
_MODEL_PHRASE = 5  # words at most between a possessive name and a narrative citation's year


def model_owner(before: list[Token]) -> int | None:
    """Where a model's name ends its owner's possessive name, among the
    tokens before a bracket opening with the year: "Melzack and Wall's gate
    control theory (1965, cited in ...)", "Bronfenbrenner's ecological model
    (1979, as cited in ...)", "Maslow's hierarchy of needs (1943)". The
    words after the possessive, five at most and all in lower case, must
    hold a model's word (`[quotations].model_words`): the bracket dates the
    owner's work, the model's name standing between. Returns the number of
    tokens up to the possessive (the narrative citation's names), or None."""
    words = 0
    for i in range(len(before) - 1, -1, -1):
        token = before[i]
        if token.kind == "name" and (_OWNER_MARK.search(token.text)):
            owned = before[i + 1 :]
            model = load_data().model_words
            return i + 1 if owned and any(t.text.lower() in model for t in owned) else None
        if token.kind != "word" or not token.text.islower() or words == _MODEL_PHRASE:
            return None
        words += 1
    return None
