"""Feedback that teaches, and the rubric's evidence, from a `Reflection`.

Each feedback rule is one function in `RULES`, keyed by the name the profile
uses for its message, severity and priority ([reflection.feedback.NAME]); a
rule the profile does not list is off. Each rubric evidence id is one
function in `EVIDENCE`, giving what was found and what is missing — the
report shows both per criterion and never turns them into a mark.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from analyser.model import Analysis, EvidenceItem, Finding, Reflection, RubricCriterion
from analyser.reflection.depth import first_person
from analyser.reflection.settings import ReflectionSettings, fill


@dataclass
class Hit:
    """One occasion for a rule's message: its placeholder values and where it points."""

    values: dict[str, Any] = field(default_factory=dict)
    paragraph: int | None = None
    sentence: int | None = None
    concept: str | None = None


@dataclass
class Context:
    analysis: Analysis
    reflection: Reflection
    settings: ReflectionSettings

    @cached_property
    def own_voice(self) -> set[int]:
        """The sentences with a concept mention that are in the writer's own
        voice, found once per document."""
        text, sentences = self.analysis.document.text, self.analysis.sentences
        return {i for i in {m.sentence for m in self.analysis.mentions}
                if first_person(text[sentences[i].start : sentences[i].end])}

    def number(self, block: int) -> int:
        """Paragraphs are numbered for readers as the report numbers them: block index + 1."""
        return block + 1


def numbers(values: Sequence[int]) -> str:
    """[3] -> "paragraph 3"; [3, 5, 7] -> "paragraphs 3, 5 and 7"."""
    shown = [str(v) for v in values]
    if len(shown) == 1:
        return f"paragraph {shown[0]}"
    return f"paragraphs {', '.join(shown[:-1])} and {shown[-1]}"


def share(value: float) -> str:
    return f"{round(value * 100)}%"


def descriptive_run(c: Context) -> list[Hit]:
    t = c.settings.thresholds
    hits: list[Hit] = []
    run: list[int] = []
    for paragraph in [*c.reflection.paragraphs, None]:
        if paragraph is not None and paragraph.description_share >= t.description_share:
            run.append(paragraph.paragraph)
            continue
        if len(run) >= max(t.descriptive_run, 1):
            hits.append(Hit({"first": c.number(run[0]), "last": c.number(run[-1]), "count": len(run)}, run[0]))
        run = []
    return hits


def mostly_description(c: Context) -> list[Hit]:
    total = sum(c.reflection.balance.values())
    first = c.reflection.stages[0] if c.reflection.stages else None
    described = c.reflection.stages[0].sentences if first else 0
    if total and described / total > c.settings.thresholds.essay_description_share:
        return [Hit({"share": share(described / total)})]
    return []


def stage_missing(c: Context) -> list[Hit]:
    return [Hit({"stage": s.name, "question": s.question}) for s in c.reflection.stages if not s.covered]


def concept_not_applied(c: Context) -> list[Hit]:
    """A concept counts as applied in a paragraph that tells an experience or a
    case, or in a sentence in the writer's own voice ("I think trust ...")."""
    with_experience = {p.paragraph for p in c.reflection.paragraphs if p.experience}
    hits = []
    for concept in c.analysis.concepts:
        where = [m for m in c.analysis.mentions if m.concept == concept.id and m.polarity == "present"]
        if where and not any(m.paragraph in with_experience or m.sentence in c.own_voice for m in where):
            hits.append(Hit({"concept": concept.label}, where[0].paragraph, where[0].sentence, concept.id))
    return hits


def _paragraphs_with(link: str) -> Callable[[Context], list[Hit]]:
    def rule(c: Context) -> list[Hit]:
        found = [p.paragraph for p in c.reflection.paragraphs if p.link == link]
        return [Hit({"paragraphs": numbers([c.number(p) for p in found])}, found[0])] if found else []
    return rule


def vague_action_plan(c: Context) -> list[Hit]:
    plans = c.reflection.action_plans
    if not plans or any(p.specific for p in plans):
        return []
    best = max(plans, key=lambda p: (p.who + p.what + p.when, -p.sentence))
    missing = [name for name, said in (("what you will do", best.what), ("with whom", best.who),
                                       ("when", best.when)) if not said]
    text = " or ".join(missing) if len(missing) < 3 else "what you will do, with whom or when"
    return [Hit({"missing": text}, c.analysis.sentences[best.sentence].paragraph, best.sentence)]


def no_progression(c: Context) -> list[Hit]:
    covered = sum(1 for s in c.reflection.stages if s.covered)
    if c.reflection.progression and not c.reflection.progresses and covered >= 2:
        return [Hit({"order": " → ".join(c.reflection.progression)})]
    return []


def little_own_voice(c: Context) -> list[Hit]:
    r = c.reflection
    if r.balance and r.first_person_share < c.settings.thresholds.own_voice_share:
        return [Hit({"share": share(r.first_person_share)})]
    return []


RULES: dict[str, Callable[[Context], list[Hit]]] = {
    "descriptive_run": descriptive_run,
    "mostly_description": mostly_description,
    "stage_missing": stage_missing,
    "concept_not_applied": concept_not_applied,
    "experience_without_theory": _paragraphs_with("experience_only"),
    "theory_without_experience": _paragraphs_with("theory_only"),
    "vague_action_plan": vague_action_plan,
    "no_progression": no_progression,
    "little_own_voice": little_own_voice,
}


def reflection_findings(analysis: Analysis, reflection: Reflection, settings: ReflectionSettings) -> list[Finding]:
    """The profile's feedback rules over one reflection, as findings to rank
    with the concept and referencing ones."""
    context = Context(analysis, reflection, settings)
    findings = []
    for name, rule in settings.feedback.items():
        for hit in RULES[name](context):
            start = end = None
            if hit.sentence is not None:
                sentence = analysis.sentences[hit.sentence]
                start, end = sentence.start, sentence.end
            elif hit.paragraph is not None:
                block = analysis.document.blocks[hit.paragraph]
                start, end = block.start, block.end
            findings.append(Finding(f"reflection.{name}", fill(rule.message, hit.values), rule.severity,
                                    rule.priority, hit.concept, hit.paragraph, start, end))
    return findings


# --- rubric evidence -------------------------------------------------------

Evidence = tuple[list[EvidenceItem], list[EvidenceItem]]


def _stages(c: Context) -> Evidence:
    found = [EvidenceItem("stages", f"{s.name}: {s.sentences} sentence{'s' if s.sentences != 1 else ''}",
                          sentence=s.first_sentence) for s in c.reflection.stages if s.covered]
    missing = [EvidenceItem("stages", f"{s.name}: “{s.question}” is not answered")
               for s in c.reflection.stages if not s.covered]
    return found, missing


def _progression(c: Context) -> Evidence:
    item = EvidenceItem("progression", c.reflection.progression_text)
    return ([item], []) if c.reflection.progresses else ([], [item])


def _description_balance(c: Context) -> Evidence:
    total = sum(c.reflection.balance.values())
    described = c.reflection.stages[0].sentences if c.reflection.stages else 0
    if not total:
        return [], [EvidenceItem("description_balance", "No sentences to weigh")]
    item = EvidenceItem("description_balance", f"Description is {share(described / total)} of the sentences")
    return ([item], []) if described / total <= c.settings.thresholds.essay_description_share else ([], [item])


def _theory_practice(c: Context) -> Evidence:
    linked = [p for p in c.reflection.paragraphs if p.link == "linked"]
    found = [EvidenceItem("theory_practice", f"Paragraph {c.number(p.paragraph)} links an experience with "
                          f"{', '.join(_labels(c, p.concepts))} and a cited source", paragraph=p.paragraph)
             for p in linked]
    missing = [] if linked else [EvidenceItem(
        "theory_practice", "No paragraph puts an experience or case together with a course concept and a cited source")]
    return found, missing


def _labels(c: Context, ids: Sequence[str]) -> list[str]:
    labels = {k.id: k.label for k in c.analysis.concepts}
    return [labels.get(i, i) for i in ids]


def _concepts(c: Context) -> Evidence:
    found, missing = [], []
    for concept in c.analysis.concepts:
        where = [m for m in c.analysis.mentions if m.concept == concept.id and m.polarity == "present"]
        if where:
            mentions = f"{len(where)} mention{'s' if len(where) != 1 else ''}"
            found.append(EvidenceItem("concepts", f"{concept.label}: {mentions}", paragraph=where[0].paragraph))
        else:
            missing.append(EvidenceItem("concepts", f"{concept.label} is not discussed"))
    return found, missing


def _cases(c: Context) -> Evidence:
    names = {str(k.get("id")): str(k.get("name")) for k in c.analysis.profile.get("case_studies", []) or []}
    seen: dict[str, int] = {}
    for mention in c.analysis.cases:
        seen.setdefault(mention.case, mention.paragraph)
    found = [EvidenceItem("cases", f"Case study {names.get(k, k)}", paragraph=p) for k, p in seen.items()]
    told = any(p.experience for p in c.reflection.paragraphs)
    missing = [] if found or told else [EvidenceItem("cases", "No experience or case study is told")]
    return found, missing


def _citations(c: Context) -> Evidence:
    citations = c.analysis.citations
    problems = sum(len(x.problems) for x in citations) + sum(len(r.problems) for r in c.analysis.references)
    found = [EvidenceItem("citations", f"{len(citations)} citation{'s' if len(citations) != 1 else ''}",
                          paragraph=citations[0].paragraph)] if citations else []
    missing = []
    if not citations:
        missing.append(EvidenceItem("citations", "No citations"))
    if problems:
        missing.append(EvidenceItem("citations", f"{problems} referencing problem{'s' if problems != 1 else ''} "
                                    "(see Citations)"))
    if c.analysis.reference_section is None:
        missing.append(EvidenceItem("citations", "No reference list"))
    return found, missing


def _key_readings(c: Context) -> Evidence:
    found, missing = [], []
    for reading in c.analysis.profile.get("key_readings", []) or []:
        first = str((reading.get("authors") or [""])[0]).lower()
        year = str(reading.get("year", ""))
        label = f"{(reading.get('authors') or ['?'])[0]} ({year})"
        cited = next((x for x in c.analysis.citations
                      if x.year == year and x.authors and x.authors[0].lower() == first), None)
        if cited:
            found.append(EvidenceItem("key_readings", f"Cites {label}", paragraph=cited.paragraph))
        else:
            missing.append(EvidenceItem("key_readings", f"Does not cite {label}"))
    return found, missing


def _own_voice(c: Context) -> Evidence:
    item = EvidenceItem("own_voice", f"{share(c.reflection.first_person_share)} of sentences in the first person")
    ok = c.reflection.first_person_share >= c.settings.thresholds.own_voice_share
    return ([item], []) if ok else ([], [item])


def _action_plan(c: Context) -> Evidence:
    plans = c.reflection.action_plans
    found = [EvidenceItem("action_plan", "A specific plan (" + ", ".join(
        n for n, said in (("who", p.who), ("what", p.what), ("when", p.when)) if said) + ")", sentence=p.sentence)
        for p in plans if p.specific]
    if found:
        return found, []
    if plans:
        return [], [EvidenceItem("action_plan", "Plans and lessons are vague: none says two of who, what and when",
                                 sentence=plans[0].sentence)]
    return [], [EvidenceItem("action_plan", "No lesson learned or plan for the future")]


def _move_evidence(key: str, move: str, found_text: str, missing_text: str) -> Callable[[Context], Evidence]:
    def evidence(c: Context) -> Evidence:
        sentences = [m.sentence for m in c.reflection.moves if m.move == move]
        if sentences:
            return [EvidenceItem(key, found_text.format(n=len(sentences)), sentence=sentences[0])], []
        return [], [EvidenceItem(key, missing_text)]
    return evidence


EVIDENCE: dict[str, Callable[[Context], Evidence]] = {
    "stages": _stages,
    "progression": _progression,
    "description_balance": _description_balance,
    "theory_practice": _theory_practice,
    "concepts": _concepts,
    "cases": _cases,
    "citations": _citations,
    "key_readings": _key_readings,
    "own_voice": _own_voice,
    "action_plan": _action_plan,
    "feelings": _move_evidence("feelings", "Feeling", "{n} sentences on your feelings", "Says nothing of how you felt"),
    "perspectives": _move_evidence("perspectives", "Perspective", "{n} sentences give another person's view",
                                   "No other person's view or feedback"),
}


def rubric_evidence(analysis: Analysis, reflection: Reflection, settings: ReflectionSettings) -> list[RubricCriterion]:
    context = Context(analysis, reflection, settings)
    criteria = []
    for criterion in settings.rubric:
        row = RubricCriterion(criterion.name, criterion.descriptor)
        for key in criterion.evidence:
            found, missing = EVIDENCE[key](context)
            row.found += found
            row.missing += missing
        criteria.append(row)
    return criteria
