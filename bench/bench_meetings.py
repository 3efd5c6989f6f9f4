"""What turns and speakers cost, as a share of the whole analysis.

    python bench/bench_meetings.py [--turns 2000] [--essays 50] [--repeat 3]

Three figures, CPU time, medians of `--repeat` runs:

- turn detection (`ingest.transcript.find_turns`) on essays, where it finds
  no turns but still looks: its share of the full analysis of the same
  essays (every document pays it);
- on a meeting of `--turns` timestamped turns written here: turn splitting,
  and the meetings stage (kind, speakers, speaker on each mention, meeting
  feedback), each as a share of the full analysis;
- a WebVTT file of the same meeting, two cues a turn: reading it (webvtt-py
  and joining cues) as a share of its full analysis.

The essays come from the synthetic corpus if `bench/make_corpus.py` has
made it, else from a paragraph repeated to about 3,000 words.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyser.ingest import ingest_bytes, ingest_text  # noqa: E402
from analyser.ingest.plaintext import read_plain_text  # noqa: E402
from analyser.ingest.transcript import find_turns  # noqa: E402
from analyser.meetings import attach_speakers, detect_kind, meeting_findings, speaker_stats  # noqa: E402
from analyser.pipeline import Analyser  # noqa: E402

PEOPLE = ["Ann Smith", "Bob Jones", "Chloé Dupont", "Dev Patel", "Eve Okafor"]
LINES = [
    "I don't think we trust the health board yet, and the data sharing is slow.",
    "We still have no shared vision for the service; each team has its own goals.",
    "The funders hold the budget, so the power sits with them whatever we agree.",
    "My professional identity feels under threat since the merger of the two teams.",
    "Let us agree the actions for next week and move on to the next item.",
]


def meeting_text(turns: int) -> str:
    rng = random.Random(7)
    out = ["Partnership board, 3 May"]
    for i in range(turns):
        out.append(f"[{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}] {rng.choice(PEOPLE)}: {rng.choice(LINES)}")
    return "\n".join(out) + "\n"


def vtt_text(turns: int) -> str:
    rng = random.Random(7)
    cues = ["WEBVTT", ""]
    for i in range(turns):
        who, line = rng.choice(PEOPLE), rng.choice(LINES)
        half = len(line) // 2
        for j, part in enumerate((line[:half], line[half:])):
            t = 2 * i + j
            cues += [f"00:{t // 60 % 60:02d}:{t % 60:02d}.000 --> 00:{(t + 1) // 60 % 60:02d}:{(t + 1) % 60:02d}.000",
                     f"<v {who}>{part}", ""]
    return "\n".join(cues)


def essays(count: int) -> list[str]:
    corpus = sorted((ROOT / "bench" / "corpus").glob("*.txt"))[:count]
    if corpus:
        return [p.read_text(encoding="utf-8") for p in corpus]
    paragraph = " ".join(LINES) + " " + " ".join(LINES[::-1])
    return ["Trust and power\n\n" + "\n\n".join([paragraph] * 20)] * count


def cpu(work) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=2000)
    parser.add_argument("--essays", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    analyser = Analyser().load()
    texts = essays(args.essays)
    meeting, vtt = meeting_text(args.turns), vtt_text(args.turns).encode("utf-8")
    documents = [ingest_text(t, f"e{i}.txt") for i, t in enumerate(texts)]
    rows: dict[str, list[float]] = {k: [] for k in (
        "essays: turn detection", "essays: full analysis", "meeting: turn splitting", "meeting: meetings stage",
        "meeting: full analysis", "vtt: reading", "vtt: full analysis")}
    for _ in range(args.repeat):
        rows["essays: turn detection"].append(cpu(lambda: [find_turns(d, guessed_headings=True) for d in documents]))
        rows["essays: full analysis"].append(cpu(lambda: [analyser.analyse_document(ingest_text(t, "e.txt"))
                                                          for t in texts]))
        unsplit = read_plain_text(meeting, "m.txt", "txt")  # blocks as read, before turns are found
        rows["meeting: turn splitting"].append(cpu(lambda doc=unsplit: find_turns(doc, guessed_headings=True)))
        plain = ingest_text(meeting, "m.txt")
        analysis = analyser.analyse_document(plain)

        def stage(analysis=analysis, document=plain):
            detect_kind(document)
            speakers = speaker_stats(document)
            attach_speakers(analysis.mentions, document)
            meeting_findings(document, analysis.mentions, analysis.concepts, speakers)

        rows["meeting: meetings stage"].append(cpu(stage))
        rows["meeting: full analysis"].append(cpu(lambda: analyser.analyse_document(ingest_text(meeting, "m.txt"))))
        rows["vtt: reading"].append(cpu(lambda: ingest_bytes(vtt, "m.vtt", "vtt")))
        rows["vtt: full analysis"].append(cpu(lambda: analyser.analyse_document(ingest_bytes(vtt, "m.vtt", "vtt"))))
    median = {k: statistics.median(v) for k, v in rows.items()}
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} essays, {words:,} words; a meeting of {args.turns:,} turns "
          f"({len(meeting.split()):,} words); medians of {args.repeat} runs, CPU seconds")
    for key, value in median.items():
        print(f"  {key:<28}{value:8.3f} s")
    print(f"turn detection on essays: {median['essays: turn detection'] / median['essays: full analysis']:.1%} "
          "of their full analysis")
    print(f"turn splitting: {median['meeting: turn splitting'] / median['meeting: full analysis']:.1%} "
          "of the meeting's full analysis")
    print(f"meetings stage: {median['meeting: meetings stage'] / median['meeting: full analysis']:.1%} "
          "of the meeting's full analysis")
    print(f"reading the .vtt: {median['vtt: reading'] / median['vtt: full analysis']:.1%} of its full analysis")


if __name__ == "__main__":
    main()
