"""Pseudonyms for research data: speakers' names and the personal names found
in the text become "Participant 1", "Person 2", ..., the same pseudonym for
the same person in every document, report and export of one run.

    pseudonymiser = Pseudonymiser(spare=case_names(profile))
    document = pseudonymiser.apply(ingest("interview.vtt"))   # before analysis
    key = pseudonymiser.key_csv()                             # written only when asked

Why before analysis: every offset in the result then points into the
pseudonymised text, so reports, JSON and QDA exports agree with each other
and none of them holds the original text. What counts as a name, with no
trained model to find them: every speaker (and each part of a speaker's
name, so "Ann" in the text is Ann Smith), the document's author, and the
names `analyser/names.py` finds in the text (after a title, "Dr Raman";
given names read in context, "we met Priya", "Will Davies said"). The
course's own fictional people (the profile's case studies: "the case of
Jasmine") are spared. Once known, a name is replaced wherever it is written
as a whole word, as written, in capitals or in title case, except where a
name that is also a word means the word ("Will we ...?", "in May", "Hope
Street"). Role labels that are not names ("Interviewer", "Participant 3",
"Chair") are kept.

A batch pseudonymises in two passes so that every worker process gives the
same person the same pseudonym: `names_in` each document (in the workers),
`learn` them all in the parent in the documents' order, then `replace` in
each document with the names of the whole run, learning nothing more.
"""

from __future__ import annotations

import bisect
import csv
import io
import itertools
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from typing import Literal

from analyser.model import Document, Dropped
from analyser.names import PARTICLES, NameReader, fold, name_rules
from analyser.profile import Profile

_ROLE = re.compile(r"(?i)(?:participant|interviewer|interviewee|facilitator|moderator|speaker|chair|respondent|"
                   r"unknown|p)(?:[ \t]*\d+)?")
_WORD_RUN = re.compile(r"\w+")  # a name matches whole words: never "Ann" in "Anna" or "Ann2"
_FILE_RUN = re.compile(r"[^\W_]+")  # in a file name "_" separates words too
_MOST_WORDS = 12  # words of a name matched whole; a longer speaker label is still matched by its parts
PseudonymKind = Literal["Participant", "Person"]  # a speaker; anyone else named


@dataclass(frozen=True)
class FoundName:
    """A name a document holds, and whether its owner speaks in it."""

    name: str
    kind: PseudonymKind


def case_names(profile: Profile) -> list[str]:
    """The profile's case studies' names and the capitalised words of their
    aliases ("Jasmine", "Sheraz"): the course's fictional people, whom the
    cases stage looks for, not participants."""
    names: list[str] = []
    for case in profile.case_studies:
        for phrase in [case.name, *case.aliases]:
            names += [w for w in re.findall(r"[^\W\d_]+", phrase) if w[:1].isupper() and w not in names]
    return names


class Pseudonymiser:
    """Holds the pseudonyms of one run; `apply` each document through it."""

    def __init__(self, spare: Collection[str] = ()) -> None:
        self._spare = frozenset(fold(name) for name in spare)
        self._names: dict[str, str] = {}  # a name, or a part of one, as written -> pseudonym
        self._key: dict[str, str] = {}  # full original name -> pseudonym
        self._counts = {"Participant": 0, "Person": 0}
        self._firsts: dict[str, int] = {}  # the first word of a name as written -> most words of a name after it
        self._folded: dict[str, str] | None = None  # for file names: casefolded -> pseudonym
        self._opener: re.Pattern[str] | None = None  # a word that starts with the first letter of a known name

    def _learn(self, full: str, kind: str) -> str:
        full = " ".join(full.split())
        if full in self._names:
            return self._names[full]
        titles = name_rules().title_words
        parts = [p for p in full.split()
                 if len(p) > 1 and fold(p) not in PARTICLES and fold(p.rstrip(".")) not in titles]
        pseudonym = next((self._names[p] for p in parts if p in self._names), None)
        if pseudonym is None:
            self._counts[kind] += 1
            pseudonym = f"{kind} {self._counts[kind]}"
        self._key.setdefault(full, pseudonym)
        for name in [full, *parts]:
            for variant in (name, name.upper(), name.title()):
                self._names.setdefault(variant, pseudonym)
                words = _WORD_RUN.findall(variant)
                if words:
                    first = words[0]
                    self._firsts[first] = min(_MOST_WORDS, max(self._firsts.get(first, 1), len(words)))
        self._folded = self._opener = None
        return pseudonym

    def _matches(self, text: str, *, any_case: bool = False) -> list[tuple[int, int, str]]:
        """(start, end, pseudonym) of every known name in `text`, as whole
        words (file names, `any_case`: in any case, "_" between words), the
        longest first. Only words that open a known name are looked at, found
        in C by their first letter; then a few look-ups each: linear in the
        text, however many names the run knows (an alternation of every name,
        as this was, grew with both)."""
        if not self._names or not text:
            return []
        if any_case:
            if self._folded is None:
                self._folded = {name.casefold(): pseudonym for name, pseudonym in self._names.items()}
            names, opener, longest = self._folded, _FILE_RUN, lambda word: _MOST_WORDS
        else:
            if self._opener is None:
                initials = re.escape("".join(sorted({word[0] for word in self._firsts})))
                self._opener = re.compile(rf"(?<!\w)[{initials}]\w*")
            names, opener, longest = self._names, self._opener, lambda word: self._firsts.get(word, 0)
        runs = _FILE_RUN if any_case else _WORD_RUN
        found: list[tuple[int, int, str]] = []
        for match in opener.finditer(text):
            most = longest(match.group())
            if most == 0 or (found and match.start() < found[-1][1]):
                continue
            ends = [match.end(), *(run.end() for run in itertools.islice(runs.finditer(text, match.end()), most - 1))]
            for end in reversed(ends):
                pseudonym = names.get(text[match.start():end].casefold() if any_case else text[match.start():end])
                if pseudonym is not None:
                    found.append((match.start(), end, pseudonym))
                    break
        return found

    def replace_names(self, text: str, *, any_case: bool = False) -> str:
        """`text` with every known name replaced (file names: `any_case`, and
        "_" for the space in a pseudonym)."""
        pieces, last = [], 0
        for start, end, pseudonym in self._matches(text, any_case=any_case):
            pieces += [text[last:start], pseudonym.replace(" ", "_") if any_case else pseudonym]
            last = end
        return "".join(pieces) + text[last:]

    def names_in(self, document: Document) -> list[FoundName]:
        """The names `document` holds, in order: its speakers, the names found
        in its text (beside the names this run already knows), its author."""
        found = [FoundName(" ".join(b.speaker.split()), "Participant") for b in document.blocks
                 if b.speaker and not _ROLE.fullmatch(b.speaker)]
        known = [*self._names, *(part for f in found for part in f.name.split())]
        from analyser.citations import find_references

        headings = [(b.start, b.end) for b in document.blocks if b.kind == "heading"]
        references, _ = find_references(document)  # cited authors, not participants
        reader = NameReader(document.text, known)
        found += [FoundName(span.text, "Person")
                  for span in reader.find(headings=headings, skip=[references] if references else [])
                  if fold(span.text) not in self._spare]
        if document.metadata.author:
            found.append(FoundName(document.metadata.author, "Person"))
        return found

    def learn(self, names: Iterable[FoundName]) -> None:
        """Give each name not yet known the next pseudonym of its kind."""
        for found in names:
            self._learn(found.name, found.kind)

    def apply(self, document: Document) -> Document:
        """A copy of `document` with its names replaced and its blocks moved
        to match; the original is left as it was."""
        self.learn(self.names_in(document))
        return self.replace(document)

    def replace(self, document: Document) -> Document:
        """A copy of `document` with the names this run knows replaced,
        learning none from it."""
        text = document.text
        if not self._names:
            return document
        reader = NameReader(text)
        pieces, old_ends, shifts = [], [], []
        last = shift = 0
        for start, end, new in self._matches(text):
            if " " not in text[start:end] and reader.words_only(start, end):
                continue  # a name that is also a word, meaning the word here ("Will we ...?")
            pieces += [text[last:start], new]
            shift += len(new) - (end - start)
            old_ends.append(end)
            shifts.append(shift)
            last = end
        pieces.append(text[last:])

        def moved(offset: int) -> int:
            i = bisect.bisect_right(old_ends, offset) - 1
            return offset + (shifts[i] if i >= 0 else 0)

        blocks = [replace(b, start=moved(b.start), end=moved(b.end),
                          speaker=self._names.get(b.speaker, b.speaker) if b.speaker else None)
                  for b in document.blocks]
        metadata = replace(document.metadata, source=self.replace_names(document.metadata.source, any_case=True),
                           title=self.replace_names(document.metadata.title or "") or None,
                           author=self._names.get(document.metadata.author or "", None))
        dropped = [Dropped(self.replace_names(d.text), d.reason, d.page) for d in document.dropped]
        return Document("".join(pieces), blocks, metadata, dropped, list(document.warnings))

    def key_csv(self) -> str:
        """The key, pseudonym and original name per row: to be kept apart from the outputs."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(["pseudonym", "original"])
        rows = sorted((p.split()[0], int(p.split()[1]), n) for n, p in self._key.items())
        writer.writerows([f"{kind} {number}", name] for kind, number, name in rows)
        return buffer.getvalue()

