"""Agreement of the tool with human coding.

Concept evaluation reads a JSON Lines file of coded sentences (see
corpus/annotated/README.md): one object per line with `text` and `codes`
({concept: "present" | "absent"}). Each sentence is analysed on its own; a
concept is predicted when any mention of it is found. Per concept we report
precision, recall, F1 and Cohen's kappa (scikit-learn), and how often the
predicted polarity matches where both agree the concept is there.

Citation evaluation reads annotated passages (corpus/annotated/citations.jsonl:
`text`, `style` and `citations` with exact spans and fields), runs the
citation stage on each and reports precision and recall: a citation is
correct when first author, year, suffix, pages and `via` all match. The
command line tells the two kinds of file apart by their records
(`is_citation_file`).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from analyser.errors import DataFileError
from analyser.ingest import ingest_text
from analyser.pipeline import Analyser


@dataclass
class ConceptScores:
    concept: str
    support: int  # sentences a human coded with the concept
    predicted: int
    precision: float
    recall: float
    f1: float
    kappa: float
    polarity_agreement: float | None  # share of true positives with the same polarity


@dataclass
class ConceptEvaluation:
    path: str
    sentences: int
    scores: list[ConceptScores] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)  # disagreements, for inspection


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    records = []
    problems = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{number}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            problems.append(f"{path}:{number}: each line must be a JSON object")
            continue
        record["_line"] = number
        records.append(record)
    if problems:
        raise DataFileError(str(path), problems)
    return records


def evaluate_concepts(path: str | Path, analyser: Analyser) -> ConceptEvaluation:
    from sklearn.metrics import cohen_kappa_score, precision_recall_fscore_support

    records = read_jsonl(path)
    analyser.load()
    concepts = analyser.lexicon_.concept_ids
    problems = [
        f"{path}:{r['_line']}: needs 'text' (string) and 'codes' (object)"
        for r in records
        if not isinstance(r.get("text"), str) or not isinstance(r.get("codes"), dict)
    ]
    problems += [
        f"{path}:{r['_line']}: unknown concept '{c}'"
        for r in records
        if isinstance(r.get("codes"), dict)
        for c in r["codes"]
        if c not in concepts
    ]
    if problems:
        raise DataFileError(str(path), problems)
    predictions = [_predict(analyser, r["text"]) for r in records]
    result = ConceptEvaluation(str(path), len(records))
    for concept in concepts:
        gold = [concept in r["codes"] for r in records]
        pred = [concept in p for p in predictions]
        precision, recall, f1, _ = precision_recall_fscore_support(
            gold, pred, average="binary", zero_division=0
        )
        both = [
            (r["codes"][concept], p[concept])
            for r, p in zip(records, predictions)
            if concept in r["codes"] and concept in p
        ]
        result.scores.append(
            ConceptScores(
                concept=concept,
                support=sum(gold),
                predicted=sum(pred),
                precision=float(precision),
                recall=float(recall),
                f1=float(f1),
                kappa=float(cohen_kappa_score(gold, pred)) if len(set(gold + pred)) > 1 else 1.0,
                polarity_agreement=(sum(g == p for g, p in both) / len(both)) if both else None,
            )
        )
        for r, g, p in zip(records, gold, pred):
            if g != p:
                kind = "missed" if g else "extra"
                result.errors.append({"line": r["_line"], "concept": concept, "error": kind, "text": r["text"]})
    return result


def _predict(analyser: Analyser, text: str) -> dict[str, str]:
    """Concepts found in one sentence, each with its majority polarity (ties: absent)."""
    analysis = analyser.analyse_document(ingest_text(text, "<sentence>"))
    votes: dict[str, list[str]] = {}
    for mention in analysis.mentions:
        votes.setdefault(mention.concept, []).append(mention.polarity)
    return {
        concept: "present" if pols.count("present") > pols.count("absent") else "absent"
        for concept, pols in votes.items()
    }


def format_concept_evaluation(evaluation: ConceptEvaluation) -> str:
    lines = [
        f"Concept tagging against human coding: {evaluation.path} ({evaluation.sentences} sentences)",
        f"{'concept':<17}{'support':>8}{'found':>7}{'precision':>11}{'recall':>8}{'F1':>7}{'kappa':>7}{'polarity':>10}",
    ]
    for s in evaluation.scores:
        polarity = f"{s.polarity_agreement:.2f}" if s.polarity_agreement is not None else "-"
        lines.append(
            f"{s.concept:<17}{s.support:>8}{s.predicted:>7}{s.precision:>11.2f}{s.recall:>8.2f}{s.f1:>7.2f}{s.kappa:>7.2f}{polarity:>10}"
        )
    macro = sum(s.f1 for s in evaluation.scores) / max(1, len(evaluation.scores))
    lines.append(f"macro F1 {macro:.2f}; polarity = share of agreed mentions with the same polarity")
    return "\n".join(lines)


# --- citations -------------------------------------------------------------------

CITATION_FIELDS = ("start", "end", "text", "authors", "year", "suffix", "pages", "narrative", "via", "problems")


@dataclass
class CitationEvaluation:
    """Citation finding against hand annotation (corpus/annotated/citations.jsonl).

    A found citation is correct when it overlaps an annotated one and agrees
    on the first author's surname, year, suffix, pages and `via` (the same
    fields for the source read); names compare without case, accents or a
    leading "The"."""

    path: str
    passages: int
    annotated: int
    found: int
    correct: int
    exact_spans: int  # correct citations whose span is exactly the annotated one
    narrative_agree: int  # correct citations with the same narrative flag
    problems_annotated: int
    problems_found: int  # problem codes on correct citations
    problems_correct: int
    errors: list[dict[str, Any]] = field(default_factory=list)
    suggestions: int = 0  # distinct fixes offered on correct citations
    suggestions_wrong: int = 0  # ... that are themselves wrong by the style guide (see `_wrong_fix`)
    by_style: dict[str, CitationEvaluation] = field(default_factory=dict)  # the same counts per style

    @property
    def precision(self) -> float:
        return _share(self.correct, self.found)

    @property
    def recall(self) -> float:
        return _share(self.correct, self.annotated)

    @property
    def problem_precision(self) -> float:
        return _share(self.problems_correct, self.problems_found)

    @property
    def problem_recall(self) -> float:
        return _share(self.problems_correct, self.problems_annotated)


def _share(part: int, whole: int) -> float:
    """part / whole, and 1.0 when there is nothing to get right (no false claims, nothing missed)."""
    return part / whole if whole else 1.0


def is_citation_file(records: list[dict[str, Any]]) -> bool:
    """Citation sets have `citations` on every record; concept sets have `codes`."""
    return bool(records) and all(isinstance(r.get("citations"), list) for r in records)


def _year_value(year: str) -> str:
    """The conventions' year field for a work without a date is "n.d."
    however the passage writes it; a coder who wrote the passage's "no
    date" (or "n.d" without its stop) gave the same value, not another year.
    Likewise a work accepted but not yet published is "in press" (APA 7's
    word) however written: Cite Them Right writes "forthcoming"."""
    value = year.strip().rstrip(".").lower()
    return "n.d." if value in ("no date", "n.d") else "in press" if value == "forthcoming" else year


def _citation_key(c: dict[str, Any]) -> tuple:
    from analyser.citations.resolve import normal_name

    via = c.get("via")
    via_key = None
    if via:
        via_key = (normal_name(via["authors"][0]) if via["authors"] else "", _year_value(via["year"]),
                   via.get("suffix", ""), via.get("pages"))
    first = normal_name(c["authors"][0]) if c["authors"] else ""
    return first, _year_value(c["year"]), c.get("suffix", ""), c.get("pages"), via_key


def evaluate_citations(path: str | Path, default_style: str = "harvard") -> CitationEvaluation:
    """Run the citation stage on each annotated passage (in its own style)
    and compare with the annotation."""
    records = read_jsonl(path)
    problems = []
    for r in records:
        if not isinstance(r.get("text"), str) or not isinstance(r.get("citations"), list):
            problems.append(f"{path}:{r['_line']}: needs 'text' (string) and 'citations' (list)")
            continue
        for c in r["citations"]:
            missing = [f for f in CITATION_FIELDS if f not in c]
            if missing:
                problems.append(f"{path}:{r['_line']}: a citation lacks {', '.join(missing)}")
            elif r["text"][c["start"] : c["end"]] != c["text"]:
                problems.append(f"{path}:{r['_line']}: citation {c['text']!r} does not match text[start:end]")
    if problems:
        raise DataFileError(str(path), problems)
    result = CitationEvaluation(str(path), len(records), 0, 0, 0, 0, 0, 0, 0, 0)
    for r in records:
        style = r.get("style") or default_style
        part = result.by_style.setdefault(style, CitationEvaluation(f"{path} [{style}]", 0, 0, 0, 0, 0, 0, 0, 0, 0))
        before = _counts(result)
        _evaluate_passage(result, r, style)
        part.passages += 1
        for name, value in _counts(result).items():
            setattr(part, name, getattr(part, name) + value - before[name])
    return result


def _counts(e: CitationEvaluation) -> dict[str, int]:
    return {f: getattr(e, f) for f in ("annotated", "found", "correct", "exact_spans", "narrative_agree",
                                        "problems_annotated", "problems_found", "problems_correct", "suggestions",
                                        "suggestions_wrong")}


def _evaluate_passage(result: CitationEvaluation, r: dict[str, Any], style: str) -> None:
    from analyser.citations import check_citations, find_citations, find_references

    document = ingest_text(r["text"], f"<{r.get('id', r['_line'])}>")
    section, references = find_references(document)
    found = find_citations(document, style, exclude=[section])
    check_citations(document, found, references or None, style)
    predicted = [
        {**asdict(c), "problems": [p.code for p in c.problems]} for c in found
    ]
    gold = r["citations"]
    result.annotated += len(gold)
    result.found += len(predicted)
    used: set[int] = set()
    for g in gold:
        result.problems_annotated += len(g["problems"])
        match = next(
            (i for i, p in enumerate(predicted)
             if i not in used and p["start"] < g["end"] and g["start"] < p["end"]
             and _citation_key(p) == _citation_key(g)),
            None,
        )
        if match is None:
            result.errors.append({"line": r["_line"], "error": "missed", "text": g["text"]})
            continue
        used.add(match)
        p = predicted[match]
        result.correct += 1
        result.exact_spans += (p["start"], p["end"]) == (g["start"], g["end"])
        result.narrative_agree += p["narrative"] == g["narrative"]
        result.problems_found += len(p["problems"])
        result.problems_correct += len(set(p["problems"]) & set(g["problems"]))
        if set(p["problems"]) != set(g["problems"]):
            result.errors.append({"line": r["_line"], "error": "problems", "text": g["text"],
                                  "expected": sorted(g["problems"]), "found": sorted(p["problems"])})
        for fix in sorted({q.suggestion for q in found[match].problems if q.suggestion}):
            result.suggestions += 1
            if _wrong_fix(fix, g, r["text"], style):
                result.suggestions_wrong += 1
                result.errors.append({"line": r["_line"], "error": "wrong fix", "text": g["text"],
                                      "expected": g.get("fix", "a correct citation"), "found": fix})
    for i, p in enumerate(predicted):
        if i not in used:
            result.errors.append({"line": r["_line"], "error": "extra", "text": p["text"]})


# Problems a citation may still have when written correctly in isolation:
# they depend on the reference list, the sentence or the other citations.
_CONTEXT_CODES = {"no_reference", "year_mismatch", "suffix_mismatch", "author_spelling", "secondary_lists_original",
                  "no_page_for_quote", "inconsistent_form", "et_al_too_few", "missing_year"}


_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-"})


def _same_fix(fix: str, expected: str) -> bool:
    """Whether two forms of a citation agree, hyphens and en or em dashes
    taken as the same: "pp. 23–25" is what Cite Them Right and APA 7 print,
    "pp. 23-25" what an annotator types, and neither is wrong by the guide."""
    return fix.translate(_DASHES) == expected.translate(_DASHES)


def _wrong_fix(fix: str, gold: dict[str, Any], text: str, style: str) -> bool:
    """Whether a suggested fix is wrong by the style guide: it differs from
    the fix the annotator wrote (`fix`, when given); it rewrites a citation
    the annotator found correct; or, put in place of the citation, it is
    itself flagged for its form or not read as the works it writes (one, or
    two that a run-together citation's fix separates with a semicolon); a
    fault told from text beside it (`Problem.apart`: a page in its own
    bracket after the quotation, "Sandhu (2021) argues that '...' (pg.
    88)") stays when the fix is in place and is no fault of the fix, which
    can only rewrite the citation's own words. Placeholders
    ("[page]") are not checked in place. Dashes compare as one character
    (`_same_fix`): both guides print a page range with an en dash, which an
    annotator may type as a hyphen."""
    if gold.get("fix"):
        return not _same_fix(fix, gold["fix"])
    if not gold["problems"]:
        return not _same_fix(fix, gold["text"])
    if any(p in fix for p in ("[page]", "[year]", "[number]")):
        return False
    from analyser.citations import check_citations, find_citations

    rewritten = text[: gold["start"]] + fix + text[gold["end"] :]
    document = ingest_text(rewritten, "<fix>")
    found = find_citations(document, style)
    check_citations(document, found, None, style)
    again = [c for c in found if c.start < gold["start"] + len(fix) and gold["start"] < c.end]
    works = fix.count(";") + 1  # ("(Quayle, 2015; Szabo, 2017)": two works run together, now separated)
    if len(again) != works:  # (a fix may change the year or a name to the reference list's: not compared)
        return True
    # (a fault read from text beside the fix, "(pg. 88)" after its quotation, is not the fix's: the
    # conventions code it on the citation with no fix, the bracket not being the citation's text)
    return any(p.code not in _CONTEXT_CODES and not p.apart for c in again for p in c.problems)


def format_citation_evaluation(evaluation: CitationEvaluation) -> str:
    e = evaluation
    correct = max(1, e.correct)
    return "\n".join([
        f"Citation finding against hand annotation: {e.path} ({e.passages} passages, {e.annotated} citations)",
        f"  citations  found {e.found}, correct {e.correct}: precision {e.precision:.3f}, recall {e.recall:.3f}"
        f" (correct = first author, year, suffix, pages and via all match)",
        f"  of the correct ones: exact span {e.exact_spans / correct:.3f}, "
        f"narrative flag {e.narrative_agree / correct:.3f}",
        f"  problem codes on correct citations: precision {e.problem_precision:.3f}, recall {e.problem_recall:.3f}"
        f" ({e.problems_correct} of {e.problems_annotated} annotated, {e.problems_found} found)",
        f"  suggested fixes: {e.suggestions} offered, {e.suggestions_wrong} wrong by the style guide",
        *(
            f"  {name}: {part.passages} passages, citations P {part.precision:.3f} R {part.recall:.3f}; "
            f"problem flags P {part.problem_precision:.3f} R {part.problem_recall:.3f}; "
            f"fixes {part.suggestions}, wrong {part.suggestions_wrong}"
            for name, part in sorted(e.by_style.items()) if len(e.by_style) > 1
        ),
    ])
