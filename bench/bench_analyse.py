"""Throughput of the analysis, single process, over the synthetic corpus.

    python bench/make_corpus.py && python bench/bench_analyse.py [--docs N] [--repeat 3]

Three figures, measured in the same run:

- the *spine*: ingest from text, sentences, lemmas, concept tagging, cases and
  concept findings, by calling the stage functions directly (no citation
  stage, so no excluded spans; no HTML) — issue 2's target is 500,000 words/s;
- the *full* analysis, `Analyser.analyse_document` (with the citation stage);
  issue 3 wants it within 20% of the spine, i.e. full/spine >= 0.8;
- the full analysis *with the concept model's suggestions* (the default
  profile's model); issue 8 wants it at least 70% of the lexicon-only full
  analysis, i.e. model/full >= 0.7;
- the reflection stage: the full analysis with and without the move model
  (full/no-moves; issue 10 wants it above 0.70), and the stage's own CPU
  time as a share of the full analysis, timed inside one pass (steadier).

Both start from the file's text already in memory (`ingest_text`), so disk
reads and decoding are not timed. Also printed: pipeline load time (median of
fresh processes), peak memory, and a yardstick — spaCy's blank tokenizer over
the same texts. The machine is shared and its speed drifts: every repeat times
the yardstick, the spine and the full analysis back to back, on CPU time (this
process only, the figure other processes disturb least), and the summary
gives medians and ratios to the yardstick. Compare runs by those ratios.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

LOAD = (
    "import time; t = time.perf_counter(); from analyser.pipeline import Analyser; "
    "Analyser().load(); print(time.perf_counter() - t)"
)

Texts = list[tuple[str, str]]  # (source name, text)


def load_time(runs: int) -> float:
    times = [float(subprocess.check_output([sys.executable, "-c", LOAD], text=True)) for _ in range(runs)]
    return statistics.median(times)


def tokenizer_words(texts: Texts) -> int:
    """The same texts through spacy.blank("en") one paragraph at a time: a
    yardstick for this machine's speed at the moment of the run. Returns the
    number of words, for the caller to time."""
    import spacy

    nlp = tokenizer_words.__dict__.setdefault("nlp", spacy.blank("en"))
    words = 0
    for _, text in texts:
        words += len(text.split())
        for paragraph in text.split("\n\n"):
            nlp.make_doc(paragraph)
    return words


def spine_function(analyser) -> Callable[[Texts], int]:
    """The spine, stage by stage, as `Analyser.analyse_document` calls it but
    without the citation stage (so nothing is excluded from concept tagging)."""
    from analyser.cases import find_cases
    from analyser.concepts import tag_concepts
    from analyser.findings import concept_findings
    from analyser.ingest import ingest_text
    from analyser.model import ConceptInfo
    from analyser.parse import parse

    nlp, cues, profile = analyser.nlp_, analyser.cues_, analyser.profile_
    concepts = [ConceptInfo(c.id, c.label, c.colour, c.description) for c in analyser.lexicon_.concepts]

    def spine(texts: Texts) -> int:
        words = 0
        for source, text in texts:
            document = ingest_text(text, source)
            parsed = parse(document, nlp)
            mentions = tag_concepts(parsed, nlp, cues)
            find_cases(parsed, profile.case_studies)
            concept_findings(mentions, concepts, profile.thresholds)
            words += document.metadata.word_count
        return words

    return spine


def full_function(analyser) -> Callable[[Texts], int]:
    """`Analyser.analyse_document`, citations included."""
    from analyser.ingest import ingest_text

    def full(texts: Texts) -> int:
        words = 0
        for source, text in texts:
            analysis = analyser.analyse_document(ingest_text(text, source))
            words += analysis.document.metadata.word_count
        return words

    return full


def without_reflection(analyser) -> Callable[[Texts], int]:
    """The full analysis as it was before the reflection stage (issue 10):
    the same analyser with the move model set aside."""
    full = full_function(analyser)

    def run(texts: Texts) -> int:
        model, analyser.move_model_ = analyser.move_model_, None
        try:
            return full(texts)
        finally:
            analyser.move_model_ = model

    return run


def reflection_share(analyser, texts: Texts) -> tuple[float, float]:
    """The reflection stage's own CPU time over one pass of the full
    analysis: (share of the whole, ms per document). Measured inside one
    run, so the machine's drift between runs does not enter it."""
    import analyser.pipeline as pipeline

    full = full_function(analyser)
    inner, spent = pipeline.reflect, [0.0]

    def reflect(*args, **kwargs):
        started = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[0] += time.process_time() - started

    pipeline.reflect = reflect
    try:
        _, cpu, _ = timed(full, texts)
    finally:
        pipeline.reflect = inner
    return spent[0] / cpu, 1000 * spent[0] / len(texts)


def timed(run: Callable[[Texts], int], texts: Texts) -> tuple[int, float, float]:
    """(words, CPU seconds, wall seconds) of one pass over the texts."""
    wall, cpu = time.perf_counter(), time.process_time()
    words = run(texts)
    return words, time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).parent / "corpus")
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-load", action="store_true", help="skip the load-time measurement")
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.txt"))[: args.docs]
    if not files:
        sys.exit(f"no corpus in {args.corpus}: run python bench/make_corpus.py first")
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in files]

    from analyser.pipeline import Analyser, Settings

    if not args.no_load:
        print(f"pipeline load (median of 3 fresh processes): {load_time(3):.2f} s")
    analyser = Analyser(Settings(use_model=False)).load()
    stages = {
        "yardstick": tokenizer_words,
        "spine": spine_function(analyser),
        "full": full_function(analyser),
        "no-moves": without_reflection(analyser),
        "model": full_function(Analyser().load()),
    }
    for run in stages.values():
        run(texts[:20])  # warm caches: vocabulary, lemma norms, regexes
    cpu_rates: dict[str, list[float]] = {name: [] for name in stages}
    wall_rates: dict[str, list[float]] = {name: [] for name in stages}
    for repeat in range(args.repeat):
        print(f"run {repeat + 1}: {len(texts)} docs")
        for name, run in stages.items():
            words, cpu, wall = timed(run, texts)
            cpu_rates[name].append(words / cpu)
            wall_rates[name].append(words / wall)
            print(f"  {name:9} {words:,} words: {cpu:6.2f} s CPU ({words / cpu:>10,.0f} words/s), "
                  f"{wall:6.2f} s wall ({words / wall:>10,.0f} words/s)")
    median = {name: statistics.median(rates) for name, rates in cpu_rates.items()}
    print(f"medians over {args.repeat} runs, CPU time (wall time):")
    for name in stages:
        print(f"  {name:9} {median[name]:>10,.0f} words/s ({statistics.median(wall_rates[name]):,.0f})")
    ratios = [f / s for f, s in zip(cpu_rates["full"], cpu_rates["spine"])]
    print(f"full/spine: {statistics.median(ratios):.2f} (median of per-run ratios; issue 3 wants >= 0.80)")
    ratios = [m / f for m, f in zip(cpu_rates["model"], cpu_rates["full"])]
    print(f"model/full: {statistics.median(ratios):.2f} (median of per-run ratios; issue 8 wants >= 0.70)")
    for name in ("spine", "full", "model"):
        per_run = [r / y for r, y in zip(cpu_rates[name], cpu_rates["yardstick"])]
        print(f"{name}/yardstick: {statistics.median(per_run):.3f} (median of per-run ratios)")
    kept = [f / n for f, n in zip(cpu_rates["full"], cpu_rates["no-moves"])]
    print(f"full/no-moves: {statistics.median(kept):.2f} (throughput kept with the reflection stage; issue 10 wants "
          f"> 0.70); the reflection stage is {1 - statistics.median(kept):.0%} of the full analysis's time")
    shares = [reflection_share(analyser, texts) for _ in range(args.repeat)]
    print(f"reflection stage's own CPU time: {statistics.median(s for s, _ in shares):.1%} of the full analysis, "
          f"{statistics.median(ms for _, ms in shares):.2f} ms per document (medians of {args.repeat} passes, "
          "timed inside the run)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
