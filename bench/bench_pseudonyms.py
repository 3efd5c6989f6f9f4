"""What --pseudonymise costs, as a share of the whole analysis, and whether
it stays linear on hostile shapes.

    python bench/bench_pseudonyms.py [--repeat 5] [--quick]

CPU time, medians of `--repeat` runs:

- on every sample and annotated document of `corpus/` (essays, notes,
  transcripts: what a researcher's batch holds), `Pseudonymiser.apply`
  (finding the names, analyser/names.py, then replacing them) as a share
  of the full analysis of the same documents;
- three hostile shapes at four sizes, each twice the last: distinct titled
  names ("Dr Qaaaa."), distinct names with surnames ("We met Priya
  Qaaaa."), and names that are also words in every sentence ("Priya Grace
  Will"). The ratio per doubling is about 2 when linear, 4 when quadratic.

The machine is shared and noisy: compare ratios and shares between runs.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import string
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyser.errors import InputError  # noqa: E402
from analyser.ingest import ingest, ingest_text  # noqa: E402
from analyser.pipeline import Analyser  # noqa: E402
from analyser.pseudonyms import Pseudonymiser, case_names  # noqa: E402

SUFFIXES = {".txt", ".md", ".docx", ".odt", ".pdf", ".vtt", ".srt"}


def cpu(work) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def unique_names(count: int) -> list[str]:
    return ["Q" + "".join(letters) for letters in itertools.islice(itertools.product(string.ascii_lowercase,
                                                                                      repeat=4), count)]


SHAPES = {
    "titled names": lambda n: " ".join(f"Dr {name}." for name in unique_names(n)),
    "names with surnames": lambda n: " ".join(f"We met Priya {name}." for name in unique_names(n)),
    "names that are words": lambda n: " ".join(["Priya Grace Will said no."] * n),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="smaller hostile shapes")
    args = parser.parse_args()
    analyser = Analyser().load()
    spare = case_names(analyser.profile_)
    documents = []
    for path in sorted((ROOT / "corpus").rglob("*")):
        if path.suffix.lower() in SUFFIXES and path.is_file():
            try:
                documents.append(ingest(path))
            except InputError:
                continue
    words = sum(d.metadata.word_count for d in documents)
    pseudonymise = [cpu(lambda: [Pseudonymiser(spare=spare).apply(d) for d in documents])
                    for _ in range(args.repeat)]
    analyse = [cpu(lambda: [analyser.analyse_document(d) for d in documents]) for _ in range(args.repeat)]
    share = statistics.median(pseudonymise) / (statistics.median(pseudonymise) + statistics.median(analyse))
    print(f"{len(documents)} corpus documents, {words:,} words")
    print(f"  pseudonymise {statistics.median(pseudonymise):.3f} s, analyse {statistics.median(analyse):.3f} s: "
          f"pseudonymising is {share:.1%} of analysing with --pseudonymise")
    base = 1000 if args.quick else 2000
    for shape, make in SHAPES.items():
        times = []
        for size in (base, 2 * base, 4 * base, 8 * base):
            document = ingest_text(make(size), "hostile.txt")
            times.append(statistics.median(cpu(lambda d=document: Pseudonymiser().apply(d))
                                           for _ in range(max(1, args.repeat // 2))))
        ratios = ", ".join(f"{b / a:.1f}" for a, b in zip(times, times[1:]) if a > 0)
        print(f"  {shape}: " + ", ".join(f"{t:.2f} s" for t in times) + f" at {base:,}..{8 * base:,}; "
              f"ratio per doubling {ratios}")


if __name__ == "__main__":
    main()
