"""Polarity of a concept mention: `absent` when the clause around it negates
the concept or says it is missing ("no shared vision", "lack of trust",
"trust was absent", "they did not trust each other"), else `present`.

Cues live in analyser/data/polarity.toml and are compared by lemma (NORM), in a
small window of words before and after the mention that stops at clause
breaks, so "Without shared visions, trust declined" makes both mentions
absent for their own reasons.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from analyser.resources import data_path

Cue = tuple[str, ...]


@dataclass(frozen=True)
class PolarityCues:
    before: tuple[Cue, ...]
    before_window: int
    after: tuple[Cue, ...]
    after_window: int
    breaks: frozenset[str]


def load_cues(nlp: Language) -> PolarityCues:
    """Read the cue file and lemmatise each cue with the pipeline's own norms."""
    with data_path("polarity.toml").open("rb") as handle:
        data = tomllib.load(handle)
    norms = nlp.get_pipe("lemma_norms")

    def lemmas(phrase: str) -> Cue:
        return tuple(t.norm_ for t in norms(nlp.make_doc(phrase)))

    return PolarityCues(
        before=tuple(lemmas(c) for c in data["before"]["cues"]),
        before_window=int(data["before"]["window"]),
        after=tuple(lemmas(c) for c in data["after"]["cues"]),
        after_window=int(data["after"]["window"]),
        breaks=frozenset(data["clause"]["breaks"]),
    )


def find_absence_cue(doc: Doc, start: int, end: int, cues: PolarityCues) -> str | None:
    """The text of a negation/absence cue in the clause around tokens
    [start, end), or None."""
    sentence = doc[start].sent
    before = _clause_window(doc, range(start - 1, max(sentence.start, start - cues.before_window) - 1, -1), cues)
    before.reverse()
    cue = _find(doc, before, cues.before)
    if cue:
        return cue
    after = _clause_window(doc, range(end, min(sentence.end, end + cues.after_window)), cues)
    return _find(doc, after, cues.after)


def _clause_window(doc: Doc, indices: range, cues: PolarityCues) -> list[int]:
    window = []
    for i in indices:
        token = doc[i]
        if token.lower_ in cues.breaks:
            break
        window.append(i)
    return window


def _find(doc: Doc, window: list[int], candidates: tuple[Cue, ...]) -> str | None:
    norms = [doc[i].norm_ for i in window]
    for cue in candidates:
        n = len(cue)
        for i in range(len(norms) - n + 1):
            if tuple(norms[i : i + n]) == cue:
                return doc[window[i] : window[i + n - 1] + 1].text
    return None
