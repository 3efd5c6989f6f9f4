"""Hostile shapes, doubled: is every stage linear in its input?

    python bench/bench_scaling.py [--shape commas] [--quick]

Each shape of issue 9 (a few kilobytes that used to hold a worker for
minutes or take gigabytes) is built at four sizes, each twice the last, and
run through the whole tool — ingest, analysis and the HTML report, as
`analyser analyse` does — in a fresh process, so peak memory (max RSS, the
loaded pipeline included) is that document's own. Printed per shape: the
time at each size, the time ratio per doubling (about 2 is linear, 4
quadratic; below 2 where a fixed cost still dominates), the peak memory
(VmHWM), and the outcome at the largest size (a report,
or the one-line refusal). The shapes the tool now refuses before expanding
anything (an .odt's `text:c`, a .docx's XML over the limit, 2,000 PDF pages
sharing one big stream) end with the issue's own size, not a doubling: that
last line shows the cost of the refusal itself, and no ratio is given for it.

The machine is shared and noisy: the time is CPU time of the child process,
and the ratios are what to compare between runs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "robustness"))

import fixtures  # noqa: E402 - the hostile-file builders of the test suite

CHILD = r"""
import json, sys, time
from analyser.budget import Budget, OverBudget, within_budget
from analyser.errors import AnalyserError
from analyser.pipeline import Analyser
from analyser.report import render_report
tool = Analyser().load()
start = time.process_time()
try:
    with within_budget(Budget(seconds=600, memory_mb=4096)):
        analysis = tool.analyse_file(sys.argv[1])
        page = render_report(analysis)
    outcome = f"report, {len(analysis.document.text):,} chars, {len(analysis.document.blocks):,} blocks"
except (AnalyserError, OverBudget) as error:
    outcome = "refused: " + str(error).split(": ", 1)[-1]
seconds = time.process_time() - start
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent through exec
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({"seconds": seconds, "peak_mb": peak / 1024, "outcome": outcome}))
"""


def _lines(count: int) -> list[str]:
    return [f"Line {i}: the partners met and trust grew." for i in range(count)]


def _docx_xml(mebibytes: int) -> bytes:
    """A .docx whose document part is `mebibytes` MiB of short paragraphs,
    numbered so that the zip compresses them about 16:1, under the ratio
    limit (256 MiB of XML in 16 MB, like the issue's 250 MB in 14 MB)."""
    paragraph = "<w:p><w:r><w:t>T{}.</w:t></w:r></w:p>"
    count = mebibytes * 1024 * 1024 // len(paragraph.format(123456))
    return fixtures.docx_bytes("".join(paragraph.format((i * 7919) % 1000) for i in range(count)))


RUNS = [125_000, 250_000, 500_000, 1_000_000]  # characters; the 32,000 took minutes

# name: (file suffix, builder from a size, the sizes, what the size counts)
SHAPES = {
    "commas": (".txt", lambda n: b"," * n, RUNS, "commas, no spaces"),
    "brackets": (".txt", lambda n: b"(" * n, RUNS, "'(' , no spaces"),
    "emoji": (".txt", lambda n: ("\U0001F600" * n).encode(), RUNS, "emoji, no spaces"),
    "apostrophe-s": (".txt", lambda n: ("a" + "'s" * n).encode(), RUNS, "'s repeated"),
    "lines-txt": (".txt", lambda n: "\n\n".join(_lines(n)).encode(), [5_000, 10_000, 20_000, 40_000],
                  "one-line paragraphs"),
    "lines-docx": (".docx", lambda n: fixtures.docx_paragraphs(_lines(n)), [5_000, 10_000, 20_000, 40_000],
                   "one-line paragraphs"),
    "said-log": (".txt", lambda n: "".join(f"{i % 24:02d}:{i % 60:02d} MH said trust power vision\n"
                                            for i in range(n)).encode(), [2_000, 4_000, 8_000, 16_000],
                 "timed lines, initials before 'said'"),
    "odt-text-c": (".odt", lambda n: fixtures.odt_bytes(
        "<text:p>Trust grew.</text:p>" + f'<text:p>x<text:s text:c="{n}"/>y</text:p>' * 3),
        [2_000_000, 4_000_000, 8_000_000, 400_000_000], "spaces per text:s (x3)"),
    "docx-xml": (".docx", _docx_xml, [2, 4, 8, 256], "MiB of XML"),
    "pdf-shared-stream": (".pdf", lambda n: fixtures.pdf_shared_content(n, 40), [250, 500, 1_000, 2_000],
                          "pages sharing one stream"),
    "pdf-shared-big-stream": (".pdf", lambda n: fixtures.pdf_shared_content(n, 4_000), [50, 100, 200, 2_000],
                              "pages sharing a 4,000-line stream"),
}


def measure(suffix: str, data: bytes, folder: Path) -> dict:
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, timeout=1800)
    if out.returncode:
        return {"seconds": float("nan"), "peak_mb": float("nan"), "outcome": "crashed: " + out.stderr[-200:]}
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", choices=sorted(SHAPES), action="append", help="only these shapes")
    parser.add_argument("--quick", action="store_true", help="three sizes instead of four")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        for name in args.shape or SHAPES:
            suffix, build, sizes, unit = SHAPES[name]
            sizes = sizes[:3] if args.quick else sizes
            results = []
            for size in sizes:
                data = build(size)
                result = measure(suffix, data, Path(scratch))
                results.append(result)
                print(f"  {name:22} {size:>12,} {unit:28} {len(data):>11,} B  {result['seconds']:7.2f} s  "
                      f"{result['peak_mb']:6.0f} MB  {result['outcome'][:70]}", flush=True)
            ratios = [b["seconds"] / a["seconds"] if a["seconds"] > 0.005 else float("nan")
                      for (x, a), (y, b) in zip(zip(sizes, results), zip(sizes[1:], results[1:])) if y == 2 * x]
            shown = ", ".join(f"{r:.2f}" for r in ratios)
            print(f"{name}: time ratio per doubling {shown}; peak {max(r['peak_mb'] for r in results):.0f} MB; "
                  f"largest size {results[-1]['seconds']:.2f} s\n", flush=True)


if __name__ == "__main__":
    main()
