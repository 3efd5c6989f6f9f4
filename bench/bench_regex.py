"""Regex timing: is every pattern in the package linear on adversarial input?

    python bench/bench_regex.py [--sizes 8000 16000 32000] [--screen 1000]

Why: a pattern that backtracks can turn one hostile line (ten thousand dots,
a long hyphenated run of capitals) into minutes of CPU, and a batch stalls on
it. Python's `re` has no time limit, so the only defence is patterns that
cannot backtrack badly; this benchmark finds the ones that can.

How: import every module of the `analyser` package and collect its
module-level compiled patterns (patterns built at run time, such as the
case-study alternation, are listed as not covered). For each pattern, build
adversarial inputs from the characters its source mentions — runs of one
character, alternations of two, a run after a single starter — screen them
at a small size, keep the slowest, and time that one at three sizes, each
double the last. Each pattern is timed the way the code uses it, read from
the source: `finditer`, `search`, `sub`, `findall` and `split` scan from
every position (timed with `finditer` over the whole input); `match` and
`fullmatch` are anchored at the start. Linear code takes about 2x per
doubling; quadratic code 4x. Times are the best of several runs.

Some patterns are applied only to short strings (a 12-character window, one
citation): they are marked "bounded" with where they are used, and their
growth on long input does not matter in use.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import pkgutil
import re
import string
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import analyser  # noqa: E402

LINEAR_GROWTH = 2.6  # per doubling, over both doublings: linear is 2, quadratic 4
SLOW = 2.0  # seconds: a measurement this slow stops the sizes above it
MAX_SIZE = 5_000_000  # characters: sizes grow (x4) until a call takes a millisecond, up to this

# Where a pattern is used on input of bounded length (so superlinear growth on
# long input cannot happen in use). Keep in step with the code.
BOUNDED = {
    "analyser.citations.find._LAST_WORD": "search in the 20 characters before one candidate name",
    "analyser.datafile._TOML_POSITION": "run on one TOML error message",
    "analyser.lexicon._COLOUR": "fullmatch on one colour value",
    "analyser.lexicon._CONCEPT_ID": "fullmatch on one concept id",
    "analyser.report.concepts._HEX_COLOUR": "fullmatch on one colour value",
}


@dataclass
class Result:
    name: str
    sample: str
    times: list[tuple[int, float]]
    mode: str

    @property
    def ratios(self) -> list[float]:
        return [b / a if a > 0 else 0.0 for (_, a), (_, b) in zip(self.times, self.times[1:])]

    @property
    def growth(self) -> float:
        """Growth per doubling over the whole range (the geometric mean of the
        two ratios), steadier than either ratio on a busy machine."""
        (_, first), (_, last) = self.times[0], self.times[-1]
        doublings = len(self.times) - 1
        return (last / first) ** (1 / doublings) if doublings and first > 0 else float("inf")

    @property
    def linear(self) -> bool:
        return len(self.times) == 3 and self.growth <= LINEAR_GROWTH


def collect_patterns() -> dict[str, re.Pattern[str]]:
    """Module-level re.Pattern objects of every analyser module, by dotted name."""
    found: dict[str, re.Pattern[str]] = {}
    for module_info in pkgutil.walk_packages(analyser.__path__, "analyser."):
        if module_info.name.endswith("__main__"):
            continue  # importing it runs the command line
        try:
            module = importlib.import_module(module_info.name)
        except Exception as exc:  # noqa: BLE001 - a module that cannot import is reported, not fatal
            print(f"  (could not import {module_info.name}: {type(exc).__name__})", file=sys.stderr)
            continue
        for attribute, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                if all(value is not seen for seen in found.values()):  # imported names count once
                    found[f"{module_info.name}.{attribute}"] = value
    return dict(sorted(found.items()))


def alphabet(pattern: re.Pattern[str]) -> list[str]:
    """Characters worth repeating: the non-alphanumeric characters the source
    mentions, plus a capital, a small letter, a digit and whitespace."""
    source = pattern.pattern.replace("\\s", " ").replace("\\d", "1").replace("\\t", "\t").replace("\\n", "\n")
    chars = {c for c in source if c not in string.ascii_letters + string.digits and c.isprintable()}
    chars |= {"A", "a", "1", " ", "\n", "\t", "x"}
    return sorted(chars)


def candidates(pattern: re.Pattern[str], size: int) -> list[str]:
    chars = alphabet(pattern)
    bases = ["A", "a", "1", " ", "."]
    inputs = [c * size for c in chars]
    for base in bases:
        for c in chars:
            if c != base:
                inputs.append((base + c) * (size // 2))
                inputs.append(base + c * (size - 1))
                inputs.append(c * (size - 1) + base)
    return inputs


SCANNING = {"finditer", "findall", "search", "sub", "subn", "split"}
ANCHORED = {"match", "fullmatch"}
_SOURCES = {path: path.read_text(encoding="utf-8") for path in Path(analyser.__file__).parent.rglob("*.py")}


def usage(name: str) -> set[str]:
    """How the code calls the pattern (`NAME.method(`), looked up in its own
    module if the name is private (another module's `_CITED` is another
    pattern), else in every module of the package; all methods if no call is
    found."""
    module, attribute = name.rsplit(".", 1)
    call = re.compile(rf"\b{re.escape(attribute)}\.(\w+)\(")
    sources = ([Path(str(importlib.import_module(module).__file__)).read_text(encoding="utf-8")]
               if attribute.startswith("_") else _SOURCES.values())
    methods = {m.group(1) for source in sources for m in call.finditer(source)}
    return (methods & (SCANNING | ANCHORED)) or SCANNING | ANCHORED


def run(pattern: re.Pattern[str], text: str, methods: set[str]) -> None:
    if methods & SCANNING:
        for _ in pattern.finditer(text):
            pass
    if methods & ANCHORED:
        pattern.match(text)
        pattern.fullmatch(text)


def timed(pattern: re.Pattern[str], text: str, methods: set[str], minimum: float = 0.01, best_of: int = 5) -> float:
    """Seconds per call: the best of `best_of` rounds, each repeating the call
    until `minimum` seconds have passed, so that the clock can see fast calls
    and a garbage collection or a busy core cannot fake growth."""
    gc.disable()
    try:
        return _best(pattern, text, methods, minimum, best_of)
    finally:
        gc.enable()


def _best(pattern: re.Pattern[str], text: str, methods: set[str], minimum: float, best_of: int) -> float:
    best = float("inf")
    for _ in range(best_of):
        repeats, total = 0, 0.0
        while repeats == 0 or total < minimum:
            started = time.perf_counter()
            run(pattern, text, methods)
            total += time.perf_counter() - started
            repeats += 1
        best = min(best, total / repeats)
        if total > SLOW:
            break
    return best


def scale(sample: str, size: int) -> str:
    """The same shape at another size: the repeating part grows."""
    if len(set(sample)) == 1:
        return sample[0] * size
    if sample[1:-1] and len(set(sample[1:-1])) == 1:  # starter + run, or run + closer
        head, body, tail = sample[0], sample[1], sample[-1]
        return (head + body * (size - 1)) if sample[-1] == body else (body * (size - 1) + tail)
    return (sample[:2] * (size // 2 + 1))[:size]


def bench(name: str, pattern: re.Pattern[str], sizes: list[int], screen: int) -> Result:
    methods = usage(name)
    worst = max(candidates(pattern, screen), key=lambda text: timed(pattern, text, methods, 0.0, 1))
    # Calls under a millisecond are mostly noise on a shared machine: grow the
    # sizes until the smallest is timed in milliseconds.
    while sizes[0] < MAX_SIZE and timed(pattern, scale(worst, sizes[0]), methods, 0.005, 2) < 0.001:
        sizes = [size * 4 for size in sizes]
    times = []
    for size in sizes:
        seconds = timed(pattern, scale(worst, size), methods)
        times.append((size, seconds))
        if seconds > SLOW:
            break
    return Result(name, worst[:6], times, "scan" if methods & SCANNING else "anchored")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs=3, default=[20000, 40000, 80000],
                        help="three sizes, each double the last (fast patterns are timed larger)")
    parser.add_argument("--screen", type=int, default=1000, help="input length used to find each worst case")
    args = parser.parse_args()
    patterns = collect_patterns()
    print(f"{len(patterns)} module-level patterns; n from {args.sizes[0]:,} characters (more for fast patterns)\n")
    columns = "".join(f"{x:>11}" for x in ("t(n)", "t(2n)", "t(4n)"))
    header = f"{'pattern':<44} {'use':<9}{'worst input':<12}{'n':>10}{columns}"
    print(header + "   ratios   growth  verdict")
    superlinear = []
    for name, pattern in patterns.items():
        result = bench(name, pattern, args.sizes, args.screen)
        cells = "".join(f"{t * 1000:>9.2f}ms" for _, t in result.times)
        cells += " " * 11 * (3 - len(result.times))
        ratios = " ".join(f"{r:4.1f}" for r in result.ratios) or "-"
        if result.linear:
            verdict = "linear"
        elif name in BOUNDED:
            verdict = f"bounded: {BOUNDED[name]}"
        else:
            verdict = "SUPERLINEAR"
            superlinear.append(name)
        growth = f"{result.growth:.1f}x" if len(result.times) == 3 else "-"
        n = f"{result.times[0][0]:,}"
        print(f"{name:<44} {result.mode:<9}{result.sample!r:<12}{n:>10}{cells}   {ratios:<9} {growth:>5}  {verdict}")
    print("\nNot covered: patterns compiled at run time (analyser.cases: an alternation of escaped "
          "case-study names, which cannot backtrack).")
    if superlinear:
        print(f"\n{len(superlinear)} superlinear on unbounded input: {', '.join(superlinear)}")
        return 1
    print("\nEvery pattern applied to unbounded input is linear.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
