"""What the tutor's and student's outputs cost, as a share of the analysis.

    python bench/bench_tutor.py [--copies 1] [--repeat 3]

CPU time, medians of `--repeat` runs, on the bundled sample essay
(corpus/samples/essay_jasmine_integration.docx) repeated `--copies` times
in one .docx (about 3,300 words a copy):

- annotate: the Word comments (`annotate_docx`), with --show problems (the
  default: problems and findings) and --show all (every concept mention
  too), as a share of analysing the same document (ingest included); most
  of it is python-docx adding each comment (it looks for the next free id
  each time, so the cost grows with the square of the comments);
- compare: two drafts (the document, and the same with every fifth
  paragraph dropped), the comparison and its page, as a share of analysing
  both drafts.
"""

from __future__ import annotations

import argparse
import copy
import io
import statistics
import sys
import time
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyser.annotate import annotate_docx, feedback_notes  # noqa: E402
from analyser.compare import compare  # noqa: E402
from analyser.ingest import ingest_bytes  # noqa: E402
from analyser.pipeline import Analyser  # noqa: E402
from analyser.report.compare_page import render_comparison  # noqa: E402

SAMPLE = ROOT / "corpus" / "samples" / "essay_jasmine_integration.docx"


def _repeated(copies: int, drop_every: int = 0) -> bytes:
    document = docx.Document(str(SAMPLE))
    body = document.element.body
    paragraphs = [p for p in body.iterchildren() if p.tag.endswith("}p")]
    anchor = body[-1]  # sectPr stays last
    for _ in range(copies - 1):
        for p in paragraphs:
            anchor.addprevious(copy.deepcopy(p))
    if drop_every:
        for index, p in enumerate([p for p in body.iterchildren() if p.tag.endswith("}p")]):
            if index % drop_every == drop_every - 1:
                body.remove(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _cpu(function) -> tuple[float, object]:
    started = time.process_time()
    result = function()
    return time.process_time() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tool = Analyser().load()
    first, second = _repeated(args.copies), _repeated(args.copies, drop_every=5)

    def analyse(data: bytes):
        return tool.analyse_document(ingest_bytes(data, "e.docx", "docx", suffix=".docx"))

    analysis_times, annotate_times, problem_times, compare_times, pair_times = [], [], [], [], []
    for _ in range(args.repeat):
        seconds, analysis = _cpu(lambda: analyse(first))
        analysis_times.append(seconds)
        for show, times in (("all", annotate_times), ("problems", problem_times)):
            notes = feedback_notes(analysis, show)  # type: ignore[arg-type]
            times.append(_cpu(lambda a=analysis, n=notes: annotate_docx(first, a.document.text, n))[0])
        seconds_second, later = _cpu(lambda: analyse(second))
        pair_times.append(seconds + seconds_second)
        compare_times.append(_cpu(lambda a=analysis, b=later: render_comparison(compare(a, b)))[0])
    words = analysis.document.metadata.word_count
    notes, problems = len(feedback_notes(analysis, "all")), len(feedback_notes(analysis, "problems"))
    analysed, annotated = statistics.median(analysis_times), statistics.median(annotate_times)
    only_problems = statistics.median(problem_times)
    pair, compared = statistics.median(pair_times), statistics.median(compare_times)
    print(f"document: {words:,} words; {problems:,} comments with --show problems, {notes:,} with --show all")
    print(f"analysis:  {analysed:.3f} s CPU")
    print(f"annotate --show problems: {only_problems:.3f} s CPU = {only_problems / analysed:.1%} of the analysis")
    print(f"annotate --show all:      {annotated:.3f} s CPU = {annotated / analysed:.1%} of the analysis")
    print(f"compare:   {compared:.3f} s CPU = {compared / pair:.1%} of analysing both drafts")


if __name__ == "__main__":
    main()
