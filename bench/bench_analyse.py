"""Throughput of the analysis (ingest from text + sentences + lemmas + concept
tagging + citations; no HTML), single process, over the synthetic corpus.

    python bench/make_corpus.py && python bench/bench_analyse.py [--docs N] [--repeat 3]

Prints pipeline load time (median of fresh processes), words per second
(median of repeats) and peak memory. Throughput is given on CPU time (this
process only) and on wall time: the machine is shared, and CPU time is the
figure other processes disturb least.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

LOAD = (
    "import time; t = time.perf_counter(); from analyser.pipeline import Analyser; "
    "Analyser().load(); print(time.perf_counter() - t)"
)


def load_time(runs: int) -> float:
    times = [float(subprocess.check_output([sys.executable, "-c", LOAD], text=True)) for _ in range(runs)]
    return statistics.median(times)


def tokenizer_rate(files: list[Path]) -> float:
    """The same texts through spacy.blank("en") one paragraph at a time: a
    yardstick for this machine's speed at the moment of the run."""
    import spacy

    nlp = spacy.blank("en")
    texts = [p.read_text(encoding="utf-8") for p in files]
    words = sum(len(t.split()) for t in texts)
    start = time.process_time()
    for text in texts:
        for paragraph in text.split("\n\n"):
            nlp.make_doc(paragraph)
    return words / (time.process_time() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).parent / "corpus")
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.txt"))[: args.docs]
    if not files:
        sys.exit(f"no corpus in {args.corpus}: run python bench/make_corpus.py first")

    from analyser.ingest import ingest
    from analyser.pipeline import Analyser

    print(f"pipeline load (median of 3 fresh processes): {load_time(3):.2f} s")
    print(f"yardstick, spaCy's blank English tokenizer alone: {tokenizer_rate(files):,.0f} words/s (CPU time)")
    analyser = Analyser().load()
    analyser.analyse_file(files[0])  # warm caches
    cpu_rates, wall_rates = [], []
    for _ in range(args.repeat):
        words = 0
        wall, cpu = time.perf_counter(), time.process_time()
        for path in files:
            analysis = analyser.analyse_document(ingest(path))
            words += analysis.document.metadata.word_count
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        cpu_rates.append(words / cpu)
        wall_rates.append(words / wall)
        print(f"  run: {len(files)} docs, {words:,} words: {cpu:.2f} s CPU ({words / cpu:,.0f} words/s), "
              f"{wall:.2f} s wall ({words / wall:,.0f} words/s)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"median throughput over {args.repeat} runs: {statistics.median(cpu_rates):,.0f} words/s (CPU time), "
          f"{statistics.median(wall_rates):,.0f} words/s (wall time)")
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
