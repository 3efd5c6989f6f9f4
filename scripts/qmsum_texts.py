"""Rebuild the texts of `corpus/real_meetings/` from a copy of QMSum.

    git clone https://github.com/Yale-LILY/QMSum
    python scripts/qmsum_texts.py --qmsum QMSum --out /tmp/meetings [--batch 3 --batch 5]
    python scripts/real_concepts.py --folder corpus/real_meetings --texts /tmp/meetings

The coded meetings are stretches of real meeting talk from QMSum (Zhong et
al., NAACL 2021: parliamentary committees, AMI's design teams, ICSI's
research group), which asks that its data be used for research and cited;
the project holds only which turns were coded and their codes.
Each text is the turns `turns[0]..turns[1]` (numbered from 0) of one
meeting's `meeting_transcripts`, one turn per line as `Speaker: words`. A
meeting is read from its own JSON file, or, for the meetings QMSum keeps only
in its JSON Lines files, from line `line` (numbered from 0) of
`data/<domain>/jsonl/<split>.jsonl` when the source names a `split`.
`real_concepts.py` checks every text against the SHA-256 it was coded on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "corpus" / "real_meetings" / "sources.jsonl"
FOLDERS = ("all", "train", "val", "test")


def turn_lines(meeting: dict, first: int, last: int) -> str:
    """The text of turns first..last, one `Speaker: words` line per turn."""
    turns = meeting["meeting_transcripts"][first:last + 1]
    if len(turns) != last - first + 1:
        raise SystemExit(f"the meeting has {len(meeting['meeting_transcripts'])} turns, not {last + 1}")
    return "".join(f"{turn['speaker'].strip()}: {' '.join(turn['content'].split())}\n" for turn in turns)


def meeting_file(qmsum: Path, meeting: str, domain: str = "Committee") -> Path:
    """The meeting's JSON in one of QMSum's domains (Committee, Product or
    Academic): `all/` holds every meeting; `train/`, `val/` and `test/` each
    hold a share of them."""
    folders = [qmsum / "data" / domain / name for name in FOLDERS]
    for folder in folders:
        if (folder / f"{meeting}.json").is_file():
            return folder / f"{meeting}.json"
    raise SystemExit(f"{folders[0] / meeting}.json: missing (meeting {meeting})")


def addressed_file(qmsum: Path, source: dict) -> Path | None:
    """The file at the path the source's address names in the repository
    ("https://github.com/Yale-LILY/QMSum/blob/<commit>/data/ALL/train/covid_7.json"
    names data/ALL/train/covid_7.json), if the copy has it: QMSum keeps some
    meetings only there."""
    _, found, rest = source.get("url", "").partition("/blob/")
    path = rest.partition("/")[2] if found else ""
    if not path.endswith(".json") or ".." in path.split("/"):
        return None
    candidate = qmsum / path
    return candidate if candidate.is_file() else None


def read_meeting(qmsum: Path, source: dict) -> dict:
    """The meeting a source names: a JSON file by its name (in its domain's
    folders, or where its address says), or one line of a split's JSON Lines
    file."""
    domain = source.get("domain", "Committee")
    if "split" not in source:
        path = addressed_file(qmsum, source) or meeting_file(qmsum, source["meeting"], domain)
        return json.loads(path.read_text(encoding="utf-8"))
    path = qmsum / "data" / domain / "jsonl" / f"{source['split']}.jsonl"
    if not path.is_file():
        raise SystemExit(f"{path}: missing (meeting {source['meeting']})")
    lines = path.read_text(encoding="utf-8").splitlines()
    if not 0 <= source["line"] < len(lines):
        raise SystemExit(f"{path}: has {len(lines)} lines, not {source['line'] + 1} (meeting {source['meeting']})")
    meeting: dict = json.loads(lines[source["line"]])
    return meeting


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--qmsum", type=Path, required=True, help="a copy of the QMSum repository")
    parser.add_argument("--out", type=Path, required=True, help="folder to write <doc>.txt into")
    parser.add_argument("--sources", type=Path, default=SOURCES)
    parser.add_argument("--batch", type=int, action="append",
                        help="rebuild only the meetings of this batch (repeatable; default: all)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for line in args.sources.read_text(encoding="utf-8").splitlines():
        source = json.loads(line)
        if args.batch and source.get("batch") not in args.batch:
            continue
        meeting = read_meeting(args.qmsum, source)
        first, last = source["turns"]
        (args.out / f"{source['doc']}.txt").write_text(turn_lines(meeting, first, last), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
