"""Personal names in running text, found without a trained model, for
`--pseudonymise` (analyser/pseudonyms.py).

    find_names("We met Priya on Tuesday; Will Davies said no.")
    # [NameSpan(7, 12, 'Priya', 'name'), NameSpan(25, 36, 'Will Davies', 'surname')]

Why this way: spaCy's trained recognisers are not on PyPI and nothing may be
downloaded at run time, so a name is a given name from a list
(`data/given_names.txt`: the 10,000 names given most often in the US since
1940, from the Social Security Administration's public-domain data; see
scripts/make_given_names.py) written with a capital, read in its context
(the words in `data/names.toml`):

- after a title ("Dr Raman", "Sgt Ward") one or two capitalised words are a
  name, whatever they are;
- a given name that is only a name ("Priya", "Gwendolyn", "Chloé") is a
  person wherever it stands, first word of a sentence or not;
- a given name that is also an everyday word ("Will", "Hope", "Grace",
  "Mark": marked in the list) or more often a place, a day or a month
  ("Florence", "May") is a person only with evidence: a capitalised surname
  after it ("Will Davies"), a word before it that says a person is meant
  ("met", "told", "asked", "spoke with", "my colleague"), a verb of saying or
  thinking after it ("Grace said"), a possessive ("Will's idea"; not for
  places and months: "May's meeting"), or "and" joining it to a person
  ("Priya and Grace"). A capital at the start of a sentence is no evidence
  ("Will we agree?", "Hope you are well"), and neither is bare "with"
  ("worked with Hope" is as often the charity);
- never a person: a given name in a run of capitals that ends in a place or
  an organisation ("Hope Street", "Grace Hospital"), after "the" or "St"
  ("the Hope project", "St Mary's"), after a capitalised word that is no
  name ("Mill Lane"), or in a citation ("Lewis (2019)", "(Lewis,
  2019)", "Lewis, J."): cited authors are not research participants, and the
  citation check needs their names. The pseudonymiser does not search the
  reference list (citations.find_references finds it).

A surname is a capitalised word after the given name that the same text
never writes in lower case ("Grace Period" in a text that speaks of "the
grace period" is not a person); after a name that is also a word it must
not be an everyday word either (`data/everyday_words.txt`: "Early Help" is
a service, "Hope Springs" no one; "Grace Hall" is missed). A name found takes its surname with it
("Priya Shah"). `words_only` tells the pseudonymiser where a known person's
name that is also a word means the word ("Will we ...?", "in May").
Everything is compared in lower case without accents. Names are looked for
in title case only: "PRIYA" in a shouted line is missed unless the person is
already known.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Literal

from analyser.datafile import TomlFile
from analyser.errors import DataFileError
from analyser.resources import data_path, read_word_list

NameKind = Literal["name", "word", "place"]  # only a name; also an everyday word; more often a place, day or month
Evidence = Literal["title", "name", "surname", "before", "after", "possessive", "coordinated"]
RULE_KEYS = ("titles", "before", "after", "organisations", "not_surnames", "places",
             "place_words", "subjects")
PARTICLES = frozenset({"van", "von", "de", "da", "di", "du", "del", "der", "den", "la", "le", "bin", "ibn", "al",
                        "el"})
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CAPITALISED = re.compile(  # a word of _WORD that starts with a capital, or a letter without case: found in C
    r"(?<![^\W\d_])(?<![^\W\d_]['’-])[^\W\d_a-z][^\W\d_]*(?:['’-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
_SPACES = re.compile(r"[ \t]+")
_NUMBER_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?[ \t]+$")  # "7 June", "3rd May"
_NUMBER_AFTER = re.compile(r",?[ \t]+\d")  # "June 2024", "Ward 22"
_BOUNDARIES = ".!?…;:\n"
_CITED = re.compile(  # after a name: "(2019)", ", 2019", "et al.", "and Scott (2019)", ", p. 7", ", J."
    r"[ \t]+et[ \t]+al\b|(?:['’]s)?(?:[ \t]+(?:and|&)[ \t]+[^\W\d_][\w'’-]*)?"
    r"(?:(?:[ \t]*\(|,)?[ \t]*(?:(?:19|20)\d\d\b|n\.[ \t]?d\.|pp?\.[ \t]?\d)|,[ \t]*[A-Z]\.)")
_NOT_A_PERSON_BEFORE = frozenset({"the", "st", "saint"})


@dataclass(frozen=True)
class NameSpan:
    """A person's name in the text: `text[start:end]`, and what showed it is one."""

    start: int
    end: int
    text: str
    evidence: Evidence


@dataclass(frozen=True)
class NameRules:
    """The given-name list and the words of data/names.toml."""

    given: dict[str, NameKind]  # folded name -> kind
    titles: re.Pattern[str]  # a title and the one or two capitalised words after it (group "name")
    title_words: frozenset[str]  # folded, for "Dr." not ending a sentence
    before: tuple[tuple[str, ...], ...]  # cue phrases, as word tuples
    cue_words: frozenset[str]  # the last words of those ("Dear Hope": "Dear" is no part of a place)
    after: frozenset[str]
    organisations: frozenset[str]
    not_surnames: frozenset[str]
    place_words: frozenset[str]
    subjects: frozenset[str]
    function_words: frozenset[str]
    everyday: frozenset[str]  # everyday words (data/everyday_words.txt): no surname after a name that is a word

    def kind(self, word: str) -> NameKind | None:
        """How a capitalised word reads as a given name; None when it is none."""
        folded = fold(word)
        found = self.given.get(folded)
        if found is None and "-" in folded:  # "Mary-Jane"
            found = self.given.get(folded.split("-")[0])
        return found


def fold(word: str) -> str:
    """Lower case without accents ("Chloé" -> "chloe"): how names are compared."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def name_rules() -> NameRules:
    """The packaged rules, read once per process; bad data is reported with file and line."""
    lists = TomlFile(data_path("names.toml")).read_word_lists(RULE_KEYS)
    words = {key: [fold(v).strip() for v in values] for key, values in lists.items()}
    given = _read_given_names()
    for place in words["places"]:
        if place in given:
            given[place] = "place"
    titles = "|".join(re.escape(t.strip()) for t in sorted(lists["titles"], key=len, reverse=True))
    capitalised = r"[^\W\d_a-z][\w'’-]+"
    initials = r"(?:[^\W\d_a-z]\.[ \t]*)*"  # "Dr R. Okafor": the initials are left as they are
    return NameRules(
        given=given,
        titles=re.compile(rf"(?<![\w'’-])(?:{titles})\.?[ \t]+{initials}"
                          rf"(?P<name>{capitalised}(?:[ \t]+{capitalised})?)"),
        title_words=frozenset(words["titles"]) | {"st", "mt"},
        before=tuple(tuple(phrase.split()) for phrase in words["before"]),
        cue_words=frozenset(phrase.split()[-1] for phrase in words["before"]),
        after=frozenset(words["after"]),
        organisations=frozenset(words["organisations"]),
        not_surnames=frozenset(words["not_surnames"]),
        place_words=frozenset(words["place_words"]),
        subjects=frozenset(words["subjects"]),
        function_words=read_word_list("english_function_words.txt"),
        everyday=read_word_list("everyday_words.txt"),
    )


def _read_given_names() -> dict[str, NameKind]:
    path = data_path("given_names.txt")
    given: dict[str, NameKind] = {}
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) > 2 or (len(parts) == 2 and parts[1] != "word") or parts[0] != fold(parts[0]):
            problems.append(f"{path}:{number}: expected a name in lower case without accents, then 'word' or nothing")
            continue
        given[parts[0]] = "word" if len(parts) == 2 else "name"
    if problems:
        raise DataFileError(str(path), problems)
    return given


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and any(c.islower() for c in token)


@dataclass(frozen=True)
class _Before:
    """The words before a position, in its sentence (nearest last)."""

    words: tuple[str, ...]  # the last three, folded
    tokens: tuple[str, ...]  # the same, as written
    initial: bool  # the position starts its sentence
    joined: str  # the word just before, when only spaces come between ("Mill" in "Mill Lane")
    joined_initial: bool  # that word starts its sentence
    gap: str  # what stands between the word just before and the position
    number: bool  # a number stands just before ("7 June")


@dataclass(frozen=True)
class _After:
    next_word: str  # the word just after, folded ("" when punctuation comes first)
    joined_token: str  # the word after "and", when "and" comes next ("Grace and Priya")
    surname_end: int | None  # where the surname after the name ends, if there is one
    surname_word: str  # its first word, folded
    organisation: bool  # the run of capitals after the name ends in a place or an organisation
    cited: bool
    comma: bool  # a comma follows ("the nurse, Dev, led")
    number: bool  # a number follows ("June 2024", "Ward 22")


class NameReader:
    """One text read for names: `find` the names in it, and ask `words_only`
    of a known name's place in it. Holds the words the text writes in lower
    case (built once, when first needed)."""

    def __init__(self, text: str, known: Collection[str] = ()) -> None:
        self.text = text
        self.known = {fold(name) for name in known}
        self.rules = name_rules()

    @cached_property
    def lower_case(self) -> frozenset[str]:
        return frozenset(w for w in _WORD.findall(self.text) if w.islower())

    def before(self, start: int) -> _Before:
        window_start = max(0, start - 100)
        window = self.text[window_start:start]
        tokens = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(window)]
        cut = len(window)
        while True:
            cut = max(window.rfind(c, 0, cut) for c in _BOUNDARIES)
            if cut < 0 or window[cut] != ".":
                break
            previous = [t for t, _, end in tokens if end == cut]
            if not previous or fold(previous[0]) not in self.rules.title_words:
                break  # a full stop ends a sentence unless it ends "St." or "Dr."
        kept = [(t, s, e) for t, s, e in tokens if s > cut]
        initial = not kept and (cut >= 0 or window_start == 0)
        gap = window[kept[-1][2]:] if kept else window[cut + 1:]
        joined = kept[-1][0] if kept and not gap.strip(" \t") else ""
        number = bool(_NUMBER_BEFORE.search(window))
        return _Before(tuple(fold(t) for t, _, _ in kept[-3:]), tuple(t for t, _, _ in kept[-3:]), initial, joined,
                       len(kept) == 1, gap, number)

    def after(self, end: int) -> _After:
        text, rules = self.text, self.rules
        following = []  # (token, end) of the words separated from the name by spaces only
        position = end
        for _ in range(4):
            space = _SPACES.match(text, position)
            word = _WORD.match(text, space.end()) if space else None
            if word is None:
                break
            following.append((word.group(), word.end()))
            position = word.end()
        next_token = following[0][0] if following else ""
        joined = following[1][0] if fold(next_token) == "and" and len(following) > 1 else ""
        run = []
        for token, _ in following:
            if not (_capitalised(token) or fold(token) in PARTICLES):
                break
            run.append(token)
        organisation = any(fold(token) in rules.organisations for token in run if _capitalised(token))
        surname_end, surname_word = None, ""
        for token, token_end in following[:3]:
            folded = fold(token)
            if folded in PARTICLES and not _capitalised(token):
                continue
            if not self.is_surname(token):
                break
            surname_end, surname_word = token_end, surname_word or fold(_POSSESSIVE.sub("", token))
            if rules.kind(token) is None or _POSSESSIVE.search(token):
                break  # a surname; a second given name ("Mary Ann Shah") may be followed by one
        cited = bool(_CITED.match(text, end) or (surname_end and _CITED.match(text, surname_end)))
        return _After(fold(next_token), joined, surname_end, surname_word, organisation, cited,
                      text.startswith(",", end), bool(_NUMBER_AFTER.match(text, end)))

    def is_surname(self, token: str) -> bool:
        folded = fold(_POSSESSIVE.sub("", token))
        rules = self.rules
        return (_capitalised(token) and folded not in rules.not_surnames and folded not in rules.function_words
                and folded not in rules.organisations and _POSSESSIVE.sub("", token).lower() not in self.lower_case)

    def is_person(self, token: str) -> bool:
        return _capitalised(token) and (fold(token) in self.known or self.rules.kind(token) == "name")

    def not_a_person(self, kind: NameKind, before: _Before, after: _After) -> bool:
        """Where a given name is part of a place, an organisation or a citation.
        After a capitalised word that is no name it is the second word of
        something else ("Mill Lane"); at the start of a sentence that word's
        capital says nothing, so only a name that needs evidence is dropped
        ("Yesterday Priya said" keeps Priya)."""
        if (before.words and before.words[-1] in _NOT_A_PERSON_BEFORE) or after.organisation or after.cited:
            return True
        if kind != "name" and (after.number or (kind == "place" and before.number)):
            return True  # a date or a numbered thing: "7 June", "June 2024", "Ward 22"
        joined, rules = before.joined, self.rules
        if not joined or not _capitalised(joined) or (kind == "name" and before.joined_initial):
            return False
        folded = fold(joined)
        return not (folded in rules.title_words or folded in rules.function_words or folded in rules.cue_words
                    or self.is_person(joined))

    def evidence(self, kind: NameKind, possessive: bool, before: _Before, after: _After,
                 in_heading: bool) -> Evidence | None:
        if kind == "name":
            return "name"
        rules = self.rules
        if after.surname_end and not possessive and not in_heading and after.surname_word not in rules.everyday:
            return "surname"  # "Will Davies"; "Early Help" is a service
        if _ends_with(before.words, rules.before) and (not before.gap.strip() or (before.gap.strip() == ","
                                                                               and after.comma)):
            return "before"  # right after the cue, or set off by commas ("the nurse, Dev, led")
        if not possessive and after.next_word in rules.after:
            return "after"
        if possessive and kind == "word":
            return "possessive"
        if before.words[-1:] == ("and",) and len(before.tokens) >= 2 and self.is_person(before.tokens[-2]):
            return "coordinated"
        if after.next_word == "and" and self.is_person(after.joined_token):
            return "coordinated"
        return None

    def find(self, *, headings: Sequence[tuple[int, int]] = (), skip: Sequence[tuple[int, int]] = ()
             ) -> list[NameSpan]:
        """The personal names in the text, in order: every titled name, and the
        given names (with their surnames) not already known (names or parts of
        names, any case). `headings` are the (start, end) spans of headings,
        where capitals are no evidence of a surname ("Grace Period Policy");
        `skip` are spans not searched (reference lists)."""
        text, rules = self.text, self.rules
        found = []
        for match in rules.titles.finditer(text):
            name = _POSSESSIVE.sub("", match.group("name"))  # "Dr Reid's comments"
            if len(name) > 1:  # "Mrs D's": one letter names nobody the text can be searched for
                found.append(NameSpan(match.start("name"), match.start("name") + len(name), name, "title"))
        taken = [(span.start, span.end) for span in found]
        heading_starts = [start for start, _ in headings]
        last_end = 0
        for match in _CAPITALISED.finditer(text):
            if match.start() < last_end or _inside(match.start(), skip) or _inside(match.start(), taken):
                continue
            token = match.group()
            possessive = bool(_POSSESSIVE.search(token))
            word = token[:-2] if possessive else token
            if not word[:1].isupper() or not word.istitle() or fold(word) in self.known:
                continue
            kind = rules.kind(word)
            if kind is None:
                continue
            start, end = match.start(), match.start() + len(word)
            before, after = self.before(start), self.after(match.end())
            if self.not_a_person(kind, before, after):
                continue
            index = bisect.bisect_right(heading_starts, start) - 1
            in_heading = index >= 0 and start < headings[index][1]
            evidence = self.evidence(kind, possessive, before, after, in_heading)
            if evidence is None:
                continue
            name_end = after.surname_end if after.surname_end and not possessive else end
            name = _POSSESSIVE.sub("", text[start:name_end])
            found.append(NameSpan(start, start + len(name), name, evidence))
            last_end = name_end
        return sorted(found, key=lambda span: span.start)

    def words_only(self, start: int, end: int) -> bool:
        """Whether a known person's name at text[start:end], a single name that
        is also an everyday word or a place, means the word here: "Will we
        ...?", "Hope you are well", "in May", "the Hope project", "Hope
        Street", "Lewis (2019)". Names that are only names are always the person."""
        kind = self.rules.kind(self.text[start:end])
        if kind not in ("word", "place"):
            return False
        before, after = self.before(start), self.after(end)
        if (before.words and before.words[-1] in _NOT_A_PERSON_BEFORE) or after.organisation or after.cited:
            return True
        if kind == "place" and before.words and before.words[-1] in self.rules.place_words:
            return True
        return before.initial and after.next_word in self.rules.subjects


def _ends_with(words: tuple[str, ...], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(len(p) <= len(words) and words[len(words) - len(p):] == p for p in phrases)


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether `position` falls in one of `spans` (sorted, not overlapping)."""
    index = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def find_names(text: str, known: Collection[str] = (), *, headings: Sequence[tuple[int, int]] = (),
               skip: Sequence[tuple[int, int]] = ()) -> list[NameSpan]:
    """`NameReader(text, known).find(...)`, for a text read once."""
    return NameReader(text, known).find(headings=headings, skip=skip)
