"""Polarity of a concept mention: `absent` when the clause around it negates
the concept or says it is missing ("no shared vision", "lack of trust",
"trust was absent", "they did not trust each other"), else `present`.

Cues live in analyser/data/polarity.toml, in classes (negation, lack,
damage), and are compared by lemma (NORM), in a small window of words before
and after the mention that stops at clause breaks and sentence ends, so
"Without shared visions, trust declined" makes both mentions absent for their
own reasons. This module finds the cues; how a class reads for a concept
(damage words assert an identity threat but negate trust) is the lexicon's
`Concept.reading`, applied by `read_polarity`. Token attributes are read once
per Doc as integer arrays: this runs for every mention, so it must be cheap.
"""

from __future__ import annotations

import bisect
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import LOWER, NORM, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from analyser.lexicon import Concept, Term
from analyser.model import Polarity
from analyser.nlp import sentence_token_starts
from analyser.resources import data_path

Cue = tuple[int, ...]  # NORM hashes of the cue's words
NEGATION = "negation"  # the class that reads `absent` for every concept
_NOT_CLASSES = {"window", "clause"}  # sections of polarity.toml that are not cue classes


@dataclass(frozen=True)
class CueSet:
    cues: dict[Cue, str]  # cue -> its class
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
    hyphen: int  # LOWER hash of "-": with a space before it, a dash between clauses
    dash: int  # LOWER hash of "–", a clause break


@dataclass(frozen=True)
class FoundCue:
    """A polarity cue found near a mention: its words as written and its class."""

    text: str
    cue_class: str


@lru_cache(maxsize=1)
def _cue_file() -> dict:
    with data_path("polarity.toml").open("rb") as handle:
        return tomllib.load(handle)


def cue_classes() -> frozenset[str]:
    """The classes of polarity cue ("negation", "lack", "damage"), for the
    lexicon's per-concept readings."""
    return frozenset(k for k in _cue_file() if k not in _NOT_CLASSES)


def load_cues(nlp: Language) -> PolarityCues:
    """Read the cue file and lemmatise each cue with the pipeline's own norms."""
    data = _cue_file()
    norms = nlp.get_pipe("lemma_norms")
    strings = nlp.vocab.strings

    def cue_set(side: str) -> CueSet:
        cues: dict[Cue, str] = {}
        for cue_class in sorted(cue_classes()):
            for phrase in data[cue_class].get(side, []):
                cue = tuple(strings.add(t.norm_) for t in norms(nlp.make_doc(phrase)))
                cues.setdefault(cue, cue_class)
        return CueSet(cues, tuple(sorted({len(c) for c in cues})), int(data["window"][side]))

    return PolarityCues(
        before=cue_set("before"),
        after=cue_set("after"),
        breaks=frozenset(strings.add(word) for word in data["clause"]["breaks"]),
        hyphen=strings.add("-"),
        dash=strings.add("–"),
    )


def find_polarity_cues(
    doc: Doc, spans: list[tuple[int, int]], cues: PolarityCues
) -> list[tuple[FoundCue, ...]]:
    """For each token span [start, end) of `doc`, the polarity cues in its
    clause: none; or the first cue found (before the span, then after it);
    and, when that one is not a negation, a negation as well if the clause has
    one, so that "did not erode her identity" can be read as a negation."""
    if not spans:
        return []
    table = doc.to_array([NORM, LOWER, SPACY])  # one array per Doc; only the windows become lists
    # "not convinced - ASC hold the money": a hyphen with a space before it is
    # a dash between clauses; one inside a word ("no-blame") is not
    spaced = (table[1:, 1] == cues.hyphen) & (table[:-1, 2] == 1)
    table[1:, 1][spaced] = cues.dash
    starts = sentence_token_starts(doc)
    results: list[tuple[FoundCue, ...]] = []
    for start, end in spans:
        i = bisect.bisect_right(starts, start) - 1
        sentence_start = starts[i]
        sentence_end = starts[i + 1] if i + 1 < len(starts) else len(doc)
        low = max(sentence_start, start - cues.before.window)
        before = _clause(table[low:start].tolist()[::-1], cues)[::-1]
        first = start - len(before)
        found = _find(before, cues.before)
        after: list[int] | None = None
        if found is None:
            after = _clause(table[end : min(sentence_end, end + cues.after.window)].tolist(), cues)
            found = _find(after, cues.after)
            if found is None:
                results.append(())
                continue
            cue_start, cue_end, cue_class = end + found[0], end + found[1], found[2]
        else:
            cue_start, cue_end, cue_class = first + found[0], first + found[1], found[2]
        cue = FoundCue(doc[cue_start:cue_end].text, cue_class)
        if cue_class == NEGATION:
            results.append((cue,))
            continue
        negation = _find(before, cues.before, NEGATION)
        at = first
        if negation is None:
            if after is None:
                after = _clause(table[end : min(sentence_end, end + cues.after.window)].tolist(), cues)
            negation, at = _find(after, cues.after, NEGATION), end
        if negation is None:
            results.append((cue,))
        else:
            results.append((cue, FoundCue(doc[at + negation[0] : at + negation[1]].text, NEGATION)))
    return results


def _clause(rows: list[list[int]], cues: PolarityCues) -> list[int]:
    """NORMs of the rows (NORM, LOWER, ...) up to the first clause break."""
    window = []
    for row in rows:
        if row[1] in cues.breaks:
            break
        window.append(row[0])
    return window


def _find(norms: list[int], cue_set: CueSet, only: str | None = None) -> tuple[int, int, str] | None:
    """Position [start, end) in `norms` and class of the first cue found (of
    class `only`, if given), or None."""
    for offset in range(len(norms)):
        if norms[offset] not in cue_set.firsts:
            continue  # no cue starts with this word
        for n in cue_set.lengths:
            if offset + n <= len(norms):
                cue_class = cue_set.cues.get(tuple(norms[offset : offset + n]))
                if cue_class is not None and only in (None, cue_class):
                    return offset, offset + n, cue_class
    return None


def read_cues(concept: Concept, found: tuple[FoundCue, ...]) -> tuple[Polarity, FoundCue | None]:
    """How the cues found near a mention of `concept` read: a negation always
    as absent, another cue as the concept says (damage words assert a threat
    but negate trust); no cue, present. Also the cue that decided."""
    if not found:
        return "present", None
    cue = found[-1] if found[-1].cue_class == NEGATION else found[0]
    reading = "absent" if cue.cue_class == NEGATION else concept.reading(cue.cue_class)
    return ("absent" if reading == "absent" else "present"), cue


def read_polarity(term: Term, concept: Concept, found: tuple[FoundCue, ...]) -> tuple[Polarity, str | None]:
    """The mention's polarity and the words that made it absent (None when
    present). A cue reads as its concept says (`Concept.reading`: damage
    words assert a threat but negate trust), a negation always as absent,
    and a term that itself names the absence ("mistrust") turns the reading
    round ("no mistrust" is trust present)."""
    reading, cue = read_cues(concept, found)
    absent = (reading == "absent") != (term.polarity == "absent")
    if not absent:
        return "present", None
    return "absent", cue.text if reading == "absent" and cue else term.text
