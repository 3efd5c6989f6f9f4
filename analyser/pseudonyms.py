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
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from typing import Literal

from analyser.model import Document, Dropped
from analyser.names import PARTICLES, NameReader, fold, name_rules
from analyser.profile import Profile

_ROLE = re.compile(r"(?i)(?:participant|interviewer|interviewee|facilitator|moderator|speaker|chair|respondent|"
                   r"unknown|p)(?:[ \t]*\d+)?")
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
    names = []
    for case in profile.case_studies:
        for phrase in [case.name, *case.aliases]:
            names += [w for w in re.findall(r"[^\W\d_]+", phrase) if w[:1].isupper()]
    return names


class Pseudonymiser:
    """Holds the pseudonyms of one run; `apply` each document through it."""

    def __init__(self, spare: Collection[str] = ()) -> None:
        self._spare = frozenset(fold(name) for name in spare)
        self._names: dict[str, str] = {}  # a name, or a part of one, as written -> pseudonym
        self._key: dict[str, str] = {}  # full original name -> pseudonym
        self._counts = {"Participant": 0, "Person": 0}
        self._pattern: re.Pattern[str] | None = None

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
        self._pattern = None
        return pseudonym

    def _regex(self) -> re.Pattern[str] | None:
        if self._pattern is None and self._names:
            names = sorted(self._names, key=len, reverse=True)
            self._pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
        return self._pattern

    def replace_names(self, text: str, *, any_case: bool = False) -> str:
        """`text` with every known name replaced (file names: `any_case`)."""
        pattern = self._regex()
        if pattern is None or not text:
            return text
        if any_case:
            folded = {k.casefold(): v for k, v in self._names.items()}
            loose = re.compile(pattern.pattern.replace("(?<!\\w)", "(?<![^\\W_])").replace("(?!\\w)", "(?![^\\W_])"),
                               re.IGNORECASE)
            return loose.sub(lambda m: folded.get(m.group().casefold(), m.group()).replace(" ", "_"), text)
        return pattern.sub(lambda m: self._names[m.group()], text)

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
        pattern = self._regex()
        if pattern is None:
            return document
        reader = NameReader(text)
        pieces, old_ends, shifts = [], [], []
        last = shift = 0
        for match in pattern.finditer(text):
            if " " not in match.group() and reader.words_only(match.start(), match.end()):
                continue  # a name that is also a word, meaning the word here ("Will we ...?")
            new = self._names[match.group()]
            pieces += [text[last : match.start()], new]
            shift += len(new) - (match.end() - match.start())
            old_ends.append(match.end())
            shifts.append(shift)
            last = match.end()
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

