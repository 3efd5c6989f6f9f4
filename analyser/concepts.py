"""Stage 4, concept tagging: lexicon matches (found by the pipeline's
``concept_matcher``) become `Mention`s with document offsets, sentence and
paragraph indices and polarity. Matches inside excluded spans (citations, the
reference list, headings — the codebook does not code them) are dropped."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.language import Language

from analyser.lexicon import Concept, Term
from analyser.model import Mention
from analyser.parse import ParsedDocument
from analyser.polarity import FoundCue, PolarityCues, find_polarity_cues, read_polarity


class SpanSet:
    """Sorted, merged character spans with a fast overlap test."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and self.ends[i] > start:
            return True
        return i + 1 < len(self.starts) and self.starts[i + 1] < end


def tag_concepts(
    parsed: ParsedDocument,
    nlp: Language,
    cues: PolarityCues,
    excluded: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    matcher = nlp.get_pipe("concept_matcher")
    terms: list[Term] = matcher.terms  # type: ignore[attr-defined]
    concepts: dict[str, Concept] = matcher.concepts  # type: ignore[attr-defined]
    skip = SpanSet(excluded)
    text = parsed.document.text
    mentions = []
    found: list[tuple[tuple[Term, int, int, int, int, int], tuple[FoundCue, ...]]] = []
    for index, doc in enumerate(parsed.docs):
        concept_matches = doc._.concept_matches  # read once: each `doc._` access builds an object
        if not concept_matches:
            continue
        matches = []
        for term_index, first, last in concept_matches:
            # two tokens per match: cheaper than an array of every token's offsets
            tail = doc[last - 1]
            view_start, view_end = doc[first].idx, tail.idx + len(tail)
            start, end = parsed.to_document(index, view_start, view_end)
            if not (skip.starts and skip.overlaps(start, end)):  # nothing excluded: no test
                matches.append((terms[term_index], first, last, start, end, index))
        found_cues = find_polarity_cues(doc, [(m[1], m[2]) for m in matches], cues)
        found.extend(zip(matches, found_cues))
    for (term, _, _, start, end, paragraph), term_cues in found:
        polarity, cue = read_polarity(term, concepts[term.concept], term_cues)
        mentions.append(
            Mention(
                concept=term.concept,
                term=term.text,
                start=start,
                end=end,
                text=text[start:end],
                sentence=parsed.sentence_at(start),
                paragraph=paragraph,
                polarity=polarity,
                polarity_cue=cue,
                entry=term.entry_id,
                source=term.source,
            )
        )
    return mentions
