"""Adversarial inputs for the citation stage: time must grow linearly with
the input (no catastrophic backtracking anywhere in find → resolve → check).

    /work/venv/bin/python bench/bench_citations.py [--scale 1.0]
    /work/venv/bin/python bench/bench_citations.py --share [--cold]   # needs bench/corpus (make_corpus.py)

For each input kind it times the whole citation stage (reference list, in-text
citations, cross-check and problems) at four sizes, each twice the last, and
prints seconds and microseconds per 1,000 characters: for linear growth the
last column stays roughly flat while the size doubles.

--share measures what the citation stage costs the whole analysis: it runs
`analyse_document` over the benchmark corpus and times the stage's four
calls inside the same runs (CPU time), so load on the machine affects both
figures alike. Readings of a citation are memoised per distinct text, as in
normal use; --cold clears that memo before every document (the cost when no
citation repeats).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from analyser.citations import check_citations, find_citations, find_references
from analyser.citations.bracket import bracket_shape, read_bracket
from analyser.citations.consistency import _written_form
from analyser.citations.form import read_text
from analyser.citations.references import _read_head_memo
from analyser.model import Block, Document, Metadata


def one_block(text: str) -> Document:
    """A document of one paragraph (ingest is not what is measured)."""
    return Document(text, [Block("paragraph", 0, len(text))], Metadata("<bench>", "txt"))


def many_blocks(text: str) -> Document:
    blocks, pos = [], 0
    for part in text.split("\n\n"):
        blocks.append(Block("paragraph", pos, pos + len(part)))
        pos += len(part) + 2
    return Document(text, blocks, Metadata("<bench>", "txt"))


ESSAY = (
    "Trust grows slowly (Okafor, 2018, p. 45; Lind and Berg, 2011). Okafor et al (2016) disagree, and "
    "the idea is older (Tuckman 1965 cited in Lind 2013 p.12). The Act of 2012 and 20,000 officers (see "
    "Figure 2) are not citations, but Huxham & Vangen (2005, pp. 45- 47) is one. \"A quoted phrase of "
    "several words\" (Mercer, 2018).\n\n"
)

def _name(i: int) -> str:
    letters = ""
    while True:
        letters += "abcdefghijklmnopqrstuvwxyz"[i % 26]
        i //= 26
        if not i:
            return "K" + letters


def distinct(n: int) -> str:
    """Citations that are all different, so no cache helps."""
    out, size, i = [], 0, 0
    while size < n:
        piece = f"{_name(i)} and {_name(i + 1)} ({1950 + i % 70}, p. {i % 300}) saw it (Z{_name(i)}, {2000 + i % 20}). "
        out.append(piece)
        size += len(piece)
        i += 1
    return "".join(out)


# name -> (builder of an input of about n characters, base size)
INPUTS: dict[str, tuple[Callable[[int], str], int]] = {
    "open brackets '((((...'": (lambda n: "(" * n, 100_000),
    "nested brackets '(((Smith, 2020)))'": (lambda n: "(" * n + "Smith, 2020" + ")" * n, 10_000),
    "one line of 'Smith, 20'": (lambda n: "Smith, 20" * (n // 9), 1_000_000),
    "unclosed '(Smith, 2020' repeated": (lambda n: "(Smith, 2020 " * (n // 13), 500_000),
    "long names '(Smith Smith ... 2020)'": (lambda n: ("(" + "Smith " * 45 + "2020) ") * (n // 277), 500_000),
    "author lists '(A, B, C and D, 2020)'": (lambda n: "(Ab, Cd, Ef, Gh and Ij, 2020) " * (n // 30), 500_000),
    "opening quotes '“““...' with a citation": (lambda n: "“" * n + " (Smith, 2020)", 1_000_000),
    "single quotes and apostrophes with citations": (
        lambda n: "(Smith, 2020) says 'a b c' and it's Jones' view " * (n // 47), 500_000),
    "single opening quotes ' 'ab 'ab' between citations": (
        lambda n: ("(Smith, 2020)" + " 'ab" * 30) * (n // 133), 500_000),
    "reference list of 'Smith, A. ' runs": (lambda n: "References\n\n" + "Smith, A. " * (n // 10), 1_000_000),
    "essay-like paragraphs": (lambda n: ESSAY * (n // len(ESSAY)), 500_000),
    "bare years 'Smith 2020 argues' (Smith cited)": (lambda n: "(Smith, 2019). " + "Smith 2020 argues " * (n // 18),
                                                     500_000),
    "years after long name runs 'A B C ... 2020 says'": (lambda n: ("Ab " * 60 + "2020 says ") * (n // 190), 500_000),
    "no-year brackets '(Smith, p. 4)'": (lambda n: "(Smith, p. 4) " * (n // 14), 500_000),
    "personal communications": (lambda n: "(J. Patel, personal communication, March 3, 2020) " * (n // 51), 500_000),
    "all-different citations": (distinct, 500_000),
    "different names before 'argues that', no year": (
        lambda n: "".join(f"{_name(i)} argues that it works. " for i in range(n // 28)), 500_000),
}


def clear_memos() -> None:
    """Forget every reading remembered per distinct string (citations,
    bracket contents, reference entries)."""
    for memo in (read_bracket, read_text, bracket_shape, _read_head_memo, _written_form):
        memo.cache_clear()


def run(text: str, documents: Callable[[str], Document]) -> float:
    document = documents(text)
    clear_memos()  # time the reading itself, not the memo of repeated citations
    start = time.perf_counter()
    section, references = find_references(document)
    citations = find_citations(document, "harvard", exclude=[section])
    check_citations(document, citations, references or None, "harvard")
    return time.perf_counter() - start


def share(cold: bool, docs: int, repeat: int) -> None:
    import glob

    import analyser.pipeline as pipeline
    from analyser.ingest import ingest

    files = sorted(glob.glob(str(Path(__file__).parent / "corpus" / "*.txt")))[:docs]
    if not files:
        raise SystemExit("no corpus: run python bench/make_corpus.py first")
    documents = [ingest(f) for f in files]
    words = sum(d.metadata.word_count for d in documents)
    analyser = pipeline.Analyser().load()
    spent = [0.0]
    names = ("find_references", "find_citations", "check_citations", "citation_findings")
    real = {name: getattr(pipeline, name) for name in names}

    def timed(function):
        def run_timed(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[0] += time.process_time() - start
        return run_timed

    for name in names:  # the stage's own CPU time, measured inside the same runs as the total
        setattr(pipeline, name, timed(real[name]))
    shares, rates = [], []
    try:
        for _ in range(repeat):
            spent[0] = 0.0
            start = time.process_time()
            for document in documents:
                if cold:
                    clear_memos()
                analyser.analyse_document(document)
            total = time.process_time() - start
            shares.append(spent[0] / total)
            rates.append(words / total)
    finally:
        for name in names:
            setattr(pipeline, name, real[name])
    stage = statistics.median(shares)
    print(f"{len(documents)} documents, {words:,} words{' (memo cleared per document)' if cold else ''}")
    print(f"  analyse_document: {statistics.median(rates):,.0f} words/s (CPU); the citation stage takes "
          f"{100 * stage:.1f}% of that time, so without it the rate would be {100 / (1 - stage):.0f}% of this")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size (e.g. 0.25 for a quick run)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--share", action="store_true", help="cost of the stage in the whole analysis")
    parser.add_argument("--cold", action="store_true", help="with --share: clear the memo before every document")
    parser.add_argument("--docs", type=int, default=300, help="with --share: documents of bench/corpus to use")
    args = parser.parse_args()
    if args.share:
        share(args.cold, args.docs, args.repeat)
        return
    run("(Okafor, 2018)", one_block)  # load data files and compile patterns once
    for name, (build, base) in INPUTS.items():
        documents = many_blocks if name.startswith(("essay", "reference")) else one_block
        print(name)
        for factor in (0.125, 0.25, 0.5, 1.0):
            text = build(max(1, int(base * factor * args.scale)))
            seconds = statistics.median(run(text, documents) for _ in range(args.repeat))
            print(f"  {len(text):>10,} chars  {seconds:8.3f} s  {seconds / len(text) * 1e9:8.1f} µs per 1,000 chars")


if __name__ == "__main__":
    main()
