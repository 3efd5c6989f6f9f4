"""corpus/real_meetings: real committee talk from QMSum, held as turn ranges
and codes only. `scripts/qmsum_texts.py` rebuilds each text from a copy of
QMSum, and `scripts/real_concepts.py --folder corpus/real_meetings` scores it."""

from __future__ import annotations

import hashlib
import json

import pytest
from script_loader import load_script

MEETING = {
    "topic_list": [],
    "meeting_transcripts": [
        {"speaker": "Chair", "content": "Welcome, everyone."},
        {"speaker": "Kirsty Williams AM ", "content": "That is\u00a0not for us  to dictate.\n"},
        {"speaker": "Chair", "content": "Thank you."},
    ],
}


def _qmsum(tmp_path, first=1, last=2):
    folder = tmp_path / "QMSum" / "data" / "Committee" / "all"
    folder.mkdir(parents=True)
    (folder / "education_99.json").write_text(json.dumps(MEETING), encoding="utf-8")
    sources = tmp_path / "sources.jsonl"
    sources.write_text(json.dumps({"doc": "q01", "meeting": "education_99", "turns": [first, last]}) + "\n",
                       encoding="utf-8")
    return tmp_path / "QMSum", sources


def test_a_text_is_its_turns_one_per_line(tmp_path):
    qmsum, sources = _qmsum(tmp_path)
    out = tmp_path / "texts"
    assert load_script("qmsum_texts").main(["--qmsum", str(qmsum), "--out", str(out), "--sources", str(sources)]) == 0
    assert (out / "q01.txt").read_text(encoding="utf-8") == (
        "Kirsty Williams AM: That is not for us to dictate.\nChair: Thank you.\n")


def test_turns_past_the_meeting_s_end_are_refused(tmp_path):
    qmsum, sources = _qmsum(tmp_path, 1, 5)
    with pytest.raises(SystemExit, match="the meeting has 3 turns, not 6"):
        load_script("qmsum_texts").main(["--qmsum", str(qmsum), "--out", str(tmp_path / "t"),
                                         "--sources", str(sources)])


def test_a_missing_meeting_is_named(tmp_path):
    _, sources = _qmsum(tmp_path)
    with pytest.raises(SystemExit, match=r"education_99\.json: missing \(meeting education_99\)"):
        load_script("qmsum_texts").main(["--qmsum", str(tmp_path / "elsewhere"), "--out", str(tmp_path / "t"),
                                         "--sources", str(sources)])


def test_the_shipped_set_is_coded_and_adjudicated():
    """Every source is a transcript with a turn range and a SHA-256; its units
    are coded; a unit's code is the two readers' where they agree and the
    adjudicator's where they differ; the parts are those the README gives."""
    real = load_script("real_concepts")
    folder = real.REPO / "corpus" / "real_meetings"
    sources = [json.loads(line) for line in (folder / "sources.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {s["kind"] for s in sources} == {"transcript"}
    assert [sum(s["part"] == p for s in sources) for p in real.PARTS] == [3, 18]
    codes = {(r["doc"], r["unit"]): r["codes"] for r in real.read_jsonl(folder / "codes.jsonl")}
    assert {d for d, _ in codes} == {s["doc"] for s in sources}
    first, second = ({(r["doc"], r["unit"]): r["codes"] for r in real.read_jsonl(folder / "coding" / name)}
                     for name in ("first.jsonl", "second.jsonl"))
    decided = {(r["doc"], r["unit"]): r["codes"] for r in real.read_jsonl(folder / "coding" / "adjudication.jsonl")}
    assert set(first) == set(second) == set(codes)
    assert set(decided) == {key for key in codes if first[key] != second[key]}
    assert all(codes[key] == decided.get(key, first[key]) for key in codes)
    assert all(len(s["sha256"]) == 64 and int(s["sha256"], 16) >= 0 for s in sources)
    assert hashlib.sha256(b"").hexdigest() not in {s["sha256"] for s in sources}


def test_a_meeting_only_in_train_is_found(tmp_path):
    qmsum, sources = _qmsum(tmp_path)
    (qmsum / "data" / "Committee" / "all").rename(qmsum / "data" / "Committee" / "train")
    out = tmp_path / "texts"
    assert load_script("qmsum_texts").main(["--qmsum", str(qmsum), "--out", str(out), "--sources", str(sources)]) == 0
    assert (out / "q01.txt").read_text(encoding="utf-8").startswith("Kirsty Williams AM: That is not for us")


def test_a_meeting_of_another_domain_is_found_there(tmp_path):
    qmsum, sources = _qmsum(tmp_path)
    (qmsum / "data" / "Product").mkdir()
    (qmsum / "data" / "Committee" / "all").rename(qmsum / "data" / "Product" / "all")
    source = {"doc": "q01", "meeting": "education_99", "domain": "Product", "turns": [2, 2]}
    sources.write_text(json.dumps(source) + "\n", encoding="utf-8")
    out = tmp_path / "texts"
    assert load_script("qmsum_texts").main(["--qmsum", str(qmsum), "--out", str(out), "--sources", str(sources)]) == 0
    assert (out / "q01.txt").read_text(encoding="utf-8") == "Chair: Thank you.\n"


def test_a_meeting_kept_only_in_a_jsonl_split_is_read_from_its_line(tmp_path):
    qmsum, sources = _qmsum(tmp_path)
    folder = qmsum / "data" / "Committee" / "jsonl"
    folder.mkdir()
    other = {"topic_list": [], "meeting_transcripts": [{"speaker": "Clerk", "content": "Not this one."}] * 3}
    (folder / "val.jsonl").write_text(json.dumps(other) + "\n" + json.dumps(MEETING) + "\n", encoding="utf-8")
    source = {"doc": "q01", "meeting": "committee_val_1", "split": "val", "line": 1, "turns": [0, 0]}
    sources.write_text(json.dumps(source) + "\n", encoding="utf-8")
    out = tmp_path / "texts"
    assert load_script("qmsum_texts").main(["--qmsum", str(qmsum), "--out", str(out), "--sources", str(sources)]) == 0
    assert (out / "q01.txt").read_text(encoding="utf-8") == "Chair: Welcome, everyone.\n"
    source["line"] = 2
    sources.write_text(json.dumps(source) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="has 2 lines, not 3"):
        load_script("qmsum_texts").main(["--qmsum", str(qmsum), "--out", str(out), "--sources", str(sources)])


def test_a_meeting_kept_only_where_its_address_says_is_read_there(tmp_path):
    qmsum, sources = _qmsum(tmp_path)
    (qmsum / "data" / "ALL").mkdir()
    (qmsum / "data" / "Committee" / "all").rename(qmsum / "data" / "ALL" / "train")
    url = "https://github.com/Yale-LILY/QMSum/blob/80a490fd504bce28f7e446fae5cef38f8807c290/data/ALL/train/education_99.json"
    sources.write_text(json.dumps({"doc": "q01", "meeting": "education_99", "url": url, "turns": [0, 0]}) + "\n",
                       encoding="utf-8")
    out = tmp_path / "texts"
    assert load_script("qmsum_texts").main(["--qmsum", str(qmsum), "--out", str(out), "--sources", str(sources)]) == 0
    assert (out / "q01.txt").read_text(encoding="utf-8") == "Chair: Welcome, everyone.\n"


def test_only_the_batches_asked_for_are_rebuilt(tmp_path):
    qmsum, sources = _qmsum(tmp_path)
    rows = [{"doc": "q01", "meeting": "education_99", "batch": 3, "turns": [0, 0]},
            {"doc": "q02", "meeting": "not_in_the_copy", "batch": 4, "turns": [0, 0]}]
    sources.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    out = tmp_path / "texts"
    script = load_script("qmsum_texts")
    assert script.main(["--qmsum", str(qmsum), "--out", str(out), "--sources", str(sources), "--batch", "3"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["q01.txt"]
    with pytest.raises(SystemExit, match=r"not_in_the_copy\.json: missing"):
        script.main(["--qmsum", str(qmsum), "--out", str(out), "--sources", str(sources)])
