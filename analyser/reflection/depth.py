"""Depth and structure of a reflective account, per paragraph and for the
whole document, from the sentence moves and the layers that already exist
(concept mentions, case studies, citations).

- balance: how many sentences make each move; how much is description;
- stages: which stages of the profile's model of reflection (Gibbs by
  default) the account covers, and whether it progresses through them in
  order (description → analysis → learning → action);
- theory linked to practice: paragraphs where an experience or a case sits
  with a course concept and a cited source;
- voice: first-person reflection against third-person summary;
- action plans: whether Learning and Intention sentences say who, what, when.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.strings import hash_string  # type: ignore[attr-defined]

from analyser.datafile import TomlFile
from analyser.model import ActionPlan, Analysis, ParagraphReflection, Reflection, SentenceMove, StageCoverage
from analyser.reflection.settings import ReflectionSettings
from analyser.resources import data_path

CUE_KEYS = ("first_person", "who", "vague_actions", "commitments", "when")
ORDER_TOLERANCE = 0.05  # stages whose centres are this close count as in order
DATES = r"|\b(?:19|20)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+"  # "in 2025", "on 3rd May"
_WORD = re.compile(r"\w+(?:['’]\w+)?")  # "i'm" stays one word, as the first-person list has it


@dataclass(frozen=True)
class Cues:
    """The word lists of analyser/data/reflection.toml as patterns."""

    first_person: frozenset[str]
    who: re.Pattern[str]
    vague_action: re.Pattern[str]  # a commitment followed by a vague verb ("I will try to")
    commitment: re.Pattern[str]
    when: re.Pattern[str]


def _words(phrases: Sequence[str]) -> str:
    escaped = sorted((re.escape(p) for p in phrases), key=len, reverse=True)
    return r"(?<![\w’'])(?:" + "|".join(escaped) + r")(?![\w’'])"


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    lists = TomlFile(data_path("reflection.toml")).read_word_lists(CUE_KEYS)
    data = {k: [v.lower() for v in values] for k, values in lists.items()}
    flags = re.IGNORECASE
    return Cues(
        first_person=frozenset(data["first_person"]),
        who=re.compile(_words(data["who"]), flags),
        vague_action=re.compile(
            _words(data["commitments"]) + r"\s+(?:\w+\s+)?(?:to\s+)?" + _words(data["vague_actions"]), flags),
        commitment=re.compile(_words(data["commitments"]), flags),
        when=re.compile(_words(data["when"]) + DATES, flags),
    )


@lru_cache(maxsize=1)
def first_person_hashes() -> np.ndarray:
    """LOWER hashes of the first-person words (a phrase such as "i'm" is
    found by its first token, "i"), sorted, for finding them among tokens."""
    words = {w.replace("’", "'").split("'")[0] for w in load_cues().first_person}
    return np.array(sorted(hash_string(w) for w in words if w), dtype=np.uint64)


def body_blocks(analysis: Analysis) -> list[int]:
    """Paragraph-like blocks outside the reference list: what a reader reads as
    the account. Headings and table cells are left out: a table's cells
    ("Concept", "Mercer (2018)") are labels, not sentences of reflection."""
    section = analysis.reference_section
    return [
        i for i, b in enumerate(analysis.document.blocks)
        if b.kind not in ("heading", "table_cell") and not (section and section[0] <= b.start < section[1])
    ]


def first_person(sentence: str, cues: Cues | None = None) -> bool:
    """The sentence is in the writer's own voice (I, my, we ...)."""
    return not (cues or load_cues()).first_person.isdisjoint(_WORD.findall(sentence.lower()))


def check_action_plan(text: str, cues: Cues) -> tuple[bool, bool, bool]:
    """(who, what, when) for one Learning or Intention sentence."""
    committed = bool(cues.commitment.search(text)) and not cues.vague_action.search(text)
    return bool(cues.who.search(text)), committed, bool(cues.when.search(text))


def describe_reflection(analysis: Analysis, moves: Sequence[SentenceMove], settings: ReflectionSettings,
                        own_voice: set[int] | None = None) -> Reflection:
    """Everything the Reflection section and its feedback read, from one
    analysis. `own_voice`: the sentences in the first person, when the caller
    has found them from the tokens (`move_features.rows_with`); otherwise
    they are found here from the text."""
    cues = load_cues()
    text = analysis.document.text
    body = body_blocks(analysis)
    body_set = set(body)
    move_of = {m.sentence: m.move for m in moves}
    body_sentences = [i for i, s in enumerate(analysis.sentences) if s.paragraph in body_set and i in move_of]
    if own_voice is None:
        own_voice = {i for i in body_sentences
                     if first_person(text[analysis.sentences[i].start : analysis.sentences[i].end], cues)}
    else:
        own_voice = own_voice & set(body_sentences)
    stage_by_name = {s.name: s for s in settings.stages}
    description_moves = set(stage_by_name[settings.progression[0]].moves) if settings.progression else {"Experience"}

    # stages and where they sit in the account
    rank = {sentence: r for r, sentence in enumerate(body_sentences)}
    span = max(len(body_sentences) - 1, 1)
    stages = []
    positions: dict[str, float] = {}
    for stage in settings.stages:
        found = [i for i in body_sentences if move_of[i] in stage.moves]
        stages.append(StageCoverage(stage.name, stage.question, list(stage.moves), len(found),
                                    len(found) >= max(settings.thresholds.min_stage_sentences, 1),
                                    found[0] if found else None))
        if found:
            positions[stage.name] = round(sum(rank[i] for i in found) / len(found) / span, 3)
    covered = {s.name for s in stages if s.covered}
    ordered = [positions[name] for name in settings.progression if name in covered]
    progresses = (
        bool(settings.progression) and all(name in covered for name in settings.progression)
        and all(b >= a - ORDER_TOLERANCE for a, b in zip(ordered, ordered[1:]))
    )

    # per paragraph
    concepts_in: dict[int, set[str]] = {}
    for mention in analysis.mentions:
        if mention.polarity == "present":
            concepts_in.setdefault(mention.paragraph, set()).add(mention.concept)
    citations_in = Counter(c.paragraph for c in analysis.citations if c.paragraph is not None)
    cases_in = {c.paragraph for c in analysis.cases}
    rank_of = {c.id: n for n, c in enumerate(analysis.concepts)}
    in_block: dict[int, list[int]] = {}
    for i in body_sentences:
        in_block.setdefault(analysis.sentences[i].paragraph, []).append(i)
    paragraphs = []
    for block in body:
        sentences = in_block.get(block, [])
        if not sentences:
            continue
        counts = Counter(move_of[i] for i in sentences)
        experience = block in cases_in or any(move_of[i] in description_moves for i in sentences)
        concepts = sorted(concepts_in.get(block, set()), key=lambda c: rank_of.get(c, len(rank_of)))
        theory = bool(concepts) or citations_in[block] > 0
        if experience and concepts and citations_in[block]:
            link = "linked"
        elif experience and theory:
            link = "partial"
        elif experience:
            link = "experience_only"
        elif theory:
            link = "theory_only"
        else:
            link = "neither"
        paragraphs.append(ParagraphReflection(
            paragraph=block,
            moves=dict(sorted(counts.items())),
            dominant=max(sorted(counts), key=lambda m: counts[m]) if counts else None,
            description_share=round(sum(counts[m] for m in description_moves) / len(sentences), 3),
            first_person_share=round(sum(1 for i in sentences if i in own_voice) / len(sentences), 3),
            experience=experience,
            concepts=concepts,
            citations=citations_in[block],
            link=link,  # type: ignore[arg-type]
        ))

    # action plans: the moves of the last two progression stages (learning, action)
    plan_moves = {m for name in settings.progression[-2:] for m in stage_by_name[name].moves}
    plans = []
    for i in body_sentences:
        if move_of[i] in plan_moves:
            sentence = analysis.sentences[i]
            who, what, when = check_action_plan(text[sentence.start : sentence.end], cues)
            plans.append(ActionPlan(i, move_of[i], who, what, when,
                                    who + what + when >= settings.thresholds.action_specifics))
    balance = Counter(move_of[i] for i in body_sentences)
    first_person_share = round(len(own_voice) / len(body_sentences), 3) if body_sentences else 0.0
    moves_share = round(sum(balance[m] for m in settings.account_moves) / len(body_sentences), 3) if body_sentences \
        else 0.0
    account, note = reads_as_account(first_person_share, moves_share, settings)
    return Reflection(
        framework=settings.framework,
        moves=list(moves),
        balance={m: balance[m] for m in sorted(balance)},
        stages=stages,
        paragraphs=paragraphs,
        progression=list(settings.progression),
        stage_positions=positions,
        progresses=progresses,
        progression_text=progression_text(settings.progression, positions, covered),
        first_person_share=first_person_share,
        action_plans=plans,
        account=account,
        account_moves_share=moves_share,
        account_note=note,
    )


def reads_as_account(first_person_share: float, moves_share: float, settings: ReflectionSettings) -> tuple[bool, str]:
    """Whether a document reads as a reflective account, and why, in a
    reader's words. A course's profile may say its essays are reflective while
    a student hands in a third-person academic essay: telling that essay to
    say how it felt would be wrong, so feedback waits for evidence that the
    writer is telling their own experience (the profile's thresholds)."""
    t = settings.thresholds
    moves = " or ".join(m.lower() for m in settings.account_moves)
    said = (f"{round(first_person_share * 100)}% of its sentences are in the first person and "
            f"{round(moves_share * 100)}% tell {_article(moves)}")
    if first_person_share >= t.account_first_person_share and moves_share >= t.account_moves_share:
        return True, f"Reads as a reflective account: {said}."
    return False, (f"Reads as an academic essay rather than a reflective account: {said} (a reflective account has "
                   f"at least {round(t.account_first_person_share * 100)}% and "
                   f"{round(t.account_moves_share * 100)}%), so no reflection feedback is given.")


def _article(words: str) -> str:
    return ("an " if words[:1] in "aeiou" else "a ") + words


def progression_text(order: Sequence[str], positions: dict[str, float], covered: set[str]) -> str:
    """E.g. "Description (20%) → Analysis (55%) → Conclusion (85%) → Action plan (missing)":
    where, on average, each stage sits in the account."""
    parts = [f"{name} ({round(positions[name] * 100)}%)" if name in covered else f"{name} (missing)"
             for name in order]
    return " → ".join(parts)
