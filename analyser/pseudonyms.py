"""Pseudonyms for research data: speakers' names and the personal names found
in the text become "Participant 1", "Person 2", ..., the same pseudonym for
the same person in every document, report and export of one run.

    pseudonymiser = Pseudonymiser()
    document = pseudonymiser.apply(ingest("interview.vtt"))   # before analysis
    key = pseudonymiser.key_csv()                             # written only when asked

Why before analysis: every offset in the result then points into the
pseudonymised text, so reports, JSON and QDA exports agree with each other
and none of them holds the original text. What counts as a name, with no
trained model to find them: every speaker (and each part of a speaker's
name, so "Ann" in the text is Ann Smith), names after a title ("Dr Raman",
"Mrs O'Brien"), and the document's author. Names are matched as whole
words, as written, in capitals or in title case; a speaker called "Will"
also pseudonymises "Will" at the start of a sentence — the tool errs on the
side of removing too much. Role labels that are not names ("Interviewer",
"Participant 3", "Chair") are kept.
"""

from __future__ import annotations

import bisect
import csv
import io
import re
from dataclasses import replace

from analyser.model import Document, Dropped

_TITLES = ("Dr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Prof", "Professor", "Sir", "Dame", "Cllr", "Councillor")
_TITLED = re.compile(rf"\b(?:{'|'.join(_TITLES)})\.?[ \t]+([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)")
_ROLE = re.compile(r"(?i)(?:participant|interviewer|interviewee|facilitator|moderator|speaker|chair|respondent|"
                   r"unknown|p)(?:[ \t]*\d+)?")
_PARTICLES = {"de", "da", "di", "du", "del", "der", "den", "van", "von", "la", "le", "bin", "al", "el"}


class Pseudonymiser:
    """Holds the pseudonyms of one run; `apply` each document through it."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}  # a name, or a part of one, as written -> pseudonym
        self._key: dict[str, str] = {}  # full original name -> pseudonym
        self._counts = {"Participant": 0, "Person": 0}
        self._pattern: re.Pattern[str] | None = None

    def _learn(self, full: str, kind: str) -> str:
        full = " ".join(full.split())
        if full in self._names:
            return self._names[full]
        parts = [p for p in full.split() if len(p) > 1 and p.lower() not in _PARTICLES
                 and p.rstrip(".") not in _TITLES]
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

    def apply(self, document: Document) -> Document:
        """A copy of `document` with its names replaced and its blocks moved
        to match; the original is left as it was."""
        text = document.text
        for block in document.blocks:
            if block.speaker and not _ROLE.fullmatch(block.speaker):
                self._learn(block.speaker, "Participant")
        for match in _TITLED.finditer(text):
            self._learn(match.group(1), "Person")
        if document.metadata.author:
            self._learn(document.metadata.author, "Person")
        pattern = self._regex()
        if pattern is None:
            return document
        pieces, old_ends, shifts = [], [], []
        last = shift = 0
        for match in pattern.finditer(text):
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

