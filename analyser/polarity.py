"""Polarity of a concept mention: `absent` when the clause around it negates
the concept or says it is missing ("no shared vision", "lack of trust",
"trust was absent", "they did not trust each other"), else `present`.

Cues live in analyser/data/polarity.toml and are compared by lemma (NORM), in a
small window of words before and after the mention that stops at clause
breaks and sentence ends, so "Without shared visions, trust declined" makes
both mentions absent for their own reasons. Token attributes are read once
per Doc as integer arrays: this runs for every mention, so it must be cheap.
"""

from __future__ import annotations

import bisect
import tomllib
from dataclasses import dataclass, field

from spacy.attrs import LOWER, NORM
from spacy.language import Language
from spacy.tokens import Doc

from analyser.nlp import sentence_token_starts
from analyser.resources import data_path

Cue = tuple[int, ...]  # NORM hashes of the cue's words


@dataclass(frozen=True)
class CueSet:
    cues: frozenset[Cue]
    lengths: tuple[int, ...]
    window: int
    # the first NORM of each cue, derived: most words start no cue
    firsts: frozenset[int] = field(init=False, repr=False, compare=False, default=frozenset())

    def __post_init__(self) -> None:
        object.__setattr__(self, "firsts", frozenset(cue[0] for cue in self.cues if cue))


@dataclass(frozen=True)
class PolarityCues:
    before: CueSet
    after: CueSet
    breaks: frozenset[int]  # LOWER hashes of clause-break tokens


def load_cues(nlp: Language) -> PolarityCues:
    """Read the cue file and lemmatise each cue with the pipeline's own norms."""
    with data_path("polarity.toml").open("rb") as handle:
        data = tomllib.load(handle)
    norms = nlp.get_pipe("lemma_norms")
    strings = nlp.vocab.strings

    def cue_set(section: dict) -> CueSet:
        cues = frozenset(
            tuple(strings.add(t.norm_) for t in norms(nlp.make_doc(phrase))) for phrase in section["cues"]
        )
        return CueSet(cues, tuple(sorted({len(c) for c in cues})), int(section["window"]))

    return PolarityCues(
        before=cue_set(data["before"]),
        after=cue_set(data["after"]),
        breaks=frozenset(strings.add(word) for word in data["clause"]["breaks"]),
    )


def find_absence_cues(doc: Doc, spans: list[tuple[int, int]], cues: PolarityCues) -> list[str | None]:
    """For each token span [start, end) of `doc`, the text of a negation or
    absence cue in its clause, or None."""
    if not spans:
        return []
    table = doc.to_array([NORM, LOWER])  # one array per Doc; only the windows become lists
    starts = sentence_token_starts(doc)
    results: list[str | None] = []
    for start, end in spans:
        i = bisect.bisect_right(starts, start) - 1
        sentence_start = starts[i]
        sentence_end = starts[i + 1] if i + 1 < len(starts) else len(doc)
        low = max(sentence_start, start - cues.before.window)
        before = _clause(table[low:start].tolist()[::-1], cues)[::-1]
        found = _find(before, cues.before)
        cue = (start - len(before) + found[0], start - len(before) + found[1]) if found else None
        if cue is None:
            after = _clause(table[end : min(sentence_end, end + cues.after.window)].tolist(), cues)
            found = _find(after, cues.after)
            cue = (end + found[0], end + found[1]) if found else None
        results.append(doc[cue[0] : cue[1]].text if cue else None)
    return results


def _clause(rows: list[list[int]], cues: PolarityCues) -> list[int]:
    """NORMs of the rows (NORM, LOWER, ...) up to the first clause break."""
    window = []
    for row in rows:
        if row[1] in cues.breaks:
            break
        window.append(row[0])
    return window


def _find(norms: list[int], cue_set: CueSet) -> tuple[int, int] | None:
    """Position [start, end) in `norms` of the first cue found, or None."""
    for offset in range(len(norms)):
        if norms[offset] not in cue_set.firsts:
            continue  # no cue starts with this word
        for n in cue_set.lengths:
            if offset + n <= len(norms) and tuple(norms[offset : offset + n]) in cue_set.cues:
                return offset, offset + n
    return None
