"""Two drafts compared: what a redraft changed, from the two analyses.

    comparison = compare(first_analysis, second_analysis)
    html = render_comparison(comparison)

Why it is built this way: each side is an ordinary `Analysis`, so nothing is
re-run; what is compared are keys that survive rewording — a concept's
mention count, a citation problem's code with the citation's authors and
year, a reference's first author and year, a finding's code and concept — so
a fixed problem counts as fixed even when the sentence around it moved. The
text is compared word by word (difflib, the standard library's matcher) and
the second draft is shown with what was added and removed marked.
"""

from __future__ import annotations

import csv
import difflib
import os
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from analyser.model import Analysis, Citation, Reference

SegmentKind = Literal["same", "added", "removed"]
_TOKENS = re.compile(r"\S+\s*|\s+")  # a word with the spaces after it
# Beyond this many words either side, changes are found paragraph by paragraph
# (difflib's matcher is quadratic on very long, very different texts).
MAX_WORD_DIFF = 40_000


@dataclass
class Segment:
    """A piece of the second draft's text (or of the first's, when removed)."""

    kind: SegmentKind
    text: str


@dataclass
class ConceptChange:
    concept: str
    label: str
    before: int  # mentions where the concept is present, first draft
    after: int

    @property
    def status(self) -> Literal["gained", "lost", "more", "fewer", "same"]:
        if not self.before and self.after:
            return "gained"
        if self.before and not self.after:
            return "lost"
        if self.after > self.before:
            return "more"
        return "fewer" if self.after < self.before else "same"


@dataclass
class Point:
    """A problem or finding, as shown: what it says and where (the citation or reference text)."""

    message: str
    where: str = ""


@dataclass
class Comparison:
    first: str  # the drafts' names
    second: str
    concepts: list[ConceptChange]
    problems_fixed: list[Point] = field(default_factory=list)
    problems_new: list[Point] = field(default_factory=list)
    problems_open: list[Point] = field(default_factory=list)
    references_added: list[str] = field(default_factory=list)
    references_removed: list[str] = field(default_factory=list)
    findings_resolved: list[Point] = field(default_factory=list)
    findings_open: list[Point] = field(default_factory=list)
    findings_new: list[Point] = field(default_factory=list)
    words_before: int = 0
    words_after: int = 0
    segments: list[Segment] = field(default_factory=list)


def compare(first: Analysis, second: Analysis) -> Comparison:
    """What changed from `first` to `second`."""
    result = Comparison(first.document.metadata.source, second.document.metadata.source,
                        _concepts(first, second),
                        words_before=first.document.metadata.word_count,
                        words_after=second.document.metadata.word_count)
    before, after = _problems(first), _problems(second)
    result.problems_fixed = [before[k] for k in before if k not in after]
    result.problems_new = [after[k] for k in after if k not in before]
    result.problems_open = [after[k] for k in after if k in before]
    refs_before = {_reference_key(r): r.text for r in first.references}
    refs_after = {_reference_key(r): r.text for r in second.references}
    result.references_added = [text for k, text in refs_after.items() if k not in refs_before]
    result.references_removed = [text for k, text in refs_before.items() if k not in refs_after]
    found_before = {(f.code, f.concept): Point(f.message) for f in first.findings}
    found_after = {(f.code, f.concept): Point(f.message) for f in second.findings}
    result.findings_resolved = [p for k, p in found_before.items() if k not in found_after]
    result.findings_open = [p for k, p in found_after.items() if k in found_before]
    result.findings_new = [p for k, p in found_after.items() if k not in found_before]
    result.segments = text_changes(first.document.text, second.document.text)
    return result


def _concepts(first: Analysis, second: Analysis) -> list[ConceptChange]:
    def present(analysis: Analysis) -> Counter[str]:
        return Counter(m.concept for m in analysis.mentions if m.polarity == "present")

    before, after = present(first), present(second)
    concepts = {c.id: c.label for c in [*first.concepts, *second.concepts]}
    return [ConceptChange(cid, label, before[cid], after[cid]) for cid, label in concepts.items()]


def _problems(analysis: Analysis) -> dict[tuple[str, ...], Point]:
    """Each citation or reference problem, keyed so that it is the same
    problem in both drafts: its code and the work (authors, year) it is about;
    a second citation with the same problem gets its own key."""
    problems: dict[tuple[str, ...], Point] = {}
    items: list[Citation | Reference] = [*analysis.citations, *analysis.references]
    for item in items:
        work = (" ".join(a.casefold() for a in item.authors), str(item.year or ""))
        for problem in item.problems:
            key = (problem.code, *work, type(item).__name__)
            number = 1
            while (*key, str(number)) in problems:
                number += 1
            fix = f" Suggested: {problem.suggestion}" if problem.suggestion else ""
            problems[(*key, str(number))] = Point(problem.message + fix, item.text)
    return problems


def _reference_key(reference: Reference) -> tuple[str, str]:
    first_author = reference.authors[0].casefold() if reference.authors else reference.text[:30].casefold()
    return first_author, str(reference.year or "")


def text_changes(before: str, after: str) -> list[Segment]:
    """The second text as segments, with the first text's removed words
    placed where they were and added words marked; whitespace is kept, so
    joining the segments that are not "removed" gives `after` exactly."""
    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    if max(len(old), len(new)) > MAX_WORD_DIFF:
        old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    segments: list[Segment] = []
    # words are compared without the spaces after them: a change of spacing alone is no change
    matcher = difflib.SequenceMatcher(None, [t.strip() or t for t in old], [t.strip() or t for t in new])
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _add(segments, "same", "".join(new[j1:j2]))
            continue
        if tag in ("replace", "delete"):
            _add(segments, "removed", "".join(old[i1:i2]))
        if tag in ("replace", "insert"):
            _add(segments, "added", "".join(new[j1:j2]))
    return segments


def _add(segments: list[Segment], kind: SegmentKind, text: str) -> None:
    """Append, merging with the segment before when of the same kind; a
    change of spacing alone is not marked (added spaces are kept as text,
    removed ones dropped)."""
    if kind != "same" and not text.strip():
        if kind == "removed":
            return
        kind = "same"
    if not text:
        return
    if segments and segments[-1].kind == kind:
        segments[-1].text += text
    else:
        segments.append(Segment(kind, text))


def previous_reports(folder: Path, out: Path) -> dict[str, str]:
    """Where a previous batch run (its output folder) put each student's
    report, as links from `out`: keyed by the student's identifier when the
    run was a VLE download, else by the document's name. A folder without a
    summary.csv gives nothing."""
    from analyser.worksheet import identifier_key

    summary = folder / "summary.csv"
    try:
        text = summary.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    links: dict[str, str] = {}
    for row in csv.DictReader(text.splitlines()):
        report = (row.get("report") or "").strip()
        if not report or "/" in report or "\\" in report or not (folder / report).is_file():
            continue  # only a report the previous run wrote beside its summary
        key = identifier_key(row["identifier"]) if row.get("identifier") else row.get("document", "")
        links.setdefault(key, Path(os.path.relpath(folder / report, out)).as_posix())
    return links


def previous_key(row: Mapping[str, Any]) -> str:
    """The key `previous_reports` gives a batch row."""
    from analyser.worksheet import identifier_key

    return identifier_key(str(row["identifier"])) if row.get("identifier") else str(row["document"])
