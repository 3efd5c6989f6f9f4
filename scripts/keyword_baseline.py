"""A five-minute keyword list as the floor for the concept codes.

    python scripts/keyword_baseline.py                                # the five synthetic held-out sets
    python scripts/keyword_baseline.py --cered ../shared/external/cered   # and CEReD's two held-out parts
    python scripts/keyword_baseline.py --meetings DIR --batch 3 --batch 5  # and real committee talk

Issue 8 measured real timestamped notes against "a five-minute keyword list"
(0.42, above the tool's 0.40 then). `corpus/baselines/keywords.toml` is such
a list, written before any figure was looked at and never tuned. A unit is
coded with a concept when one of its keywords occurs in it as a word, and
units are scored by presence, as `analyser evaluate` scores the tool, so the
two figures can be set side by side (the project README does).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from analyser.evaluate import read_jsonl  # noqa: E402

KEYWORDS = REPO / "corpus" / "baselines" / "keywords.toml"
HELDOUT = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5")

Row = tuple[str, frozenset[str], str]  # a unit's text, its coded concepts, its kind of text


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    units: int


def load_keywords(path: Path = KEYWORDS) -> dict[str, re.Pattern[str]]:
    """One pattern per concept from the list; a bad entry is reported with
    the file and the concept."""
    with path.open("rb") as handle:
        table = tomllib.load(handle).get("keywords", {})
    patterns = {}
    for concept, words in table.items():
        try:
            patterns[concept] = re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE)
        except (re.error, TypeError) as error:
            raise SystemExit(f"{path}: keywords.{concept}: {error}") from None
    return patterns


def code(text: str, keywords: dict[str, re.Pattern[str]]) -> frozenset[str]:
    """The concepts whose keywords occur in `text`."""
    return frozenset(concept for concept, pattern in keywords.items() if pattern.search(text))


def score(rows: Iterable[Row], keywords: dict[str, re.Pattern[str]]) -> Score:
    """Micro precision, recall and F1 over units and concepts."""
    hits = false = missed = units = 0
    for text, gold, _ in rows:
        found = code(text, keywords)
        hits += len(found & gold)
        false += len(found - gold)
        missed += len(gold - found)
        units += 1
    precision = hits / (hits + false) if hits + false else 0.0
    recall = hits / (hits + missed) if hits + missed else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, units)


def coded_rows(path: Path) -> list[Row]:
    """The units of a coded set in the project's JSON Lines format."""
    return [(r["text"], frozenset(r.get("codes", {})), r.get("genre", "")) for r in read_jsonl(path)]


def cered_rows(data: Path, parts: Sequence[str]) -> list[Row]:
    """CEReD's coded sentences of the given parts, read from its own files."""
    import cered_concepts

    coded = [c for c in cered_concepts.read_codes(cered_concepts.DEFAULT_CODES) if c.part in parts]
    cered_concepts.join_text(coded, data)
    return [(c.sentence, frozenset(c.codes), "diary") for c in coded]


def meeting_rows(texts: Path, batches: Sequence[int]) -> list[Row]:
    """The coded units of the real meetings of the given batches (texts
    checked against their fingerprints, as scripts/real_concepts.py does)."""
    import real_concepts

    folder = REPO / "corpus" / "real_meetings"
    sources = real_concepts.read_sources(folder / "sources.jsonl")
    chosen = [s for _, group in real_concepts.select(sources, real_concepts.PARTS, batches) for s in group]
    with tempfile.TemporaryDirectory() as out:
        return coded_rows(real_concepts.coded_units(chosen, folder / "codes.jsonl", texts, Path(out)))


def line(name: str, result: Score) -> str:
    return f"{name:<32} {result.precision:6.3f} {result.recall:6.3f} {result.f1:6.3f} {result.units:7,}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keywords", type=Path, default=KEYWORDS, help="the keyword list (TOML)")
    parser.add_argument("--cered", type=Path, metavar="DIR", help="also CEReD's held-out parts, from its files in DIR")
    parser.add_argument("--meetings", type=Path, metavar="DIR", help="also the real meetings, their texts in DIR")
    parser.add_argument("--batch", type=int, action="append", default=[], help="only these batches of meetings")
    args = parser.parse_args(argv)
    keywords = load_keywords(args.keywords)
    print(f"{'set (keyword list)':<32} {'P':>6} {'R':>6} {'F1':>6} {'units':>7}")
    for name in HELDOUT:
        rows = coded_rows(REPO / "corpus" / name / "docs.jsonl")
        print(line(name, score(rows, keywords)))
        for kind in sorted({r[2] for r in rows}):
            print(line(f"  {kind}", score([r for r in rows if r[2] == kind], keywords)))
    if args.cered:
        for part in ("heldout", "heldout2"):
            print(line(f"CEReD {part}", score(cered_rows(args.cered, [part]), keywords)))
    if args.meetings:
        label = "real meetings" + (f", batches {', '.join(map(str, args.batch))}" if args.batch else "")
        print(line(label, score(meeting_rows(args.meetings, args.batch), keywords)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
