"""Broken caption files (.vtt, .srt): the rows of docs/bad-inputs.md's
"Captions" table, through the real command, checked as every other bad input
is (`test_bad_inputs.py`): a refusal is one line and exit status 1, a file
read with a repair says so in `document.warnings`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_bad_inputs import DOCS, Read, Refused, Row
from .test_bad_inputs import test_bad_input as check_row

CUE = "00:00:02.000 --> 00:00:03.000\n<v Ann>We trust them.\n"

ROWS = [
    Row("WebVTT without the WEBVTT line", "noheader.vtt", lambda _: CUE.encode(),
        Refused("is not a WebVTT file: it must begin with the line WEBVTT")),
    Row("WebVTT with no cues", "nocues.vtt", lambda _: b"WEBVTT\n\nNOTE nothing here\n",
        Refused("has no captions with text to analyse")),
    Row("WebVTT with only empty cues", "emptycues.vtt",
        lambda _: b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\n\n00:00:03.000 --> 00:00:04.000\n \n",
        Refused("has no captions with text to analyse")),
    Row("WebVTT cue with a broken timing line", "badtiming.vtt",
        lambda _: f"WEBVTT\n\n00:00:01.000 --> xx\nHello\n\n{CUE}".encode(),
        Read("1 cue(s) with an unreadable timing line were left out")),
    Row("WebVTT cue that ends before it starts", "backwards.vtt",
        lambda _: b"WEBVTT\n\n00:00:05.000 --> 00:00:01.000\n<v Ann>We trust them.\n",
        Read("1 cue(s) end before they start; their times are kept as written")),
    Row("WebVTT voice tag left open", "opentag.vtt",
        lambda _: b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann We trust them\n", Read()),
    Row("SubRip that is not SubRip", "garbage.srt", lambda _: b"garbage\nmore garbage\n",
        Refused("is not a valid SubRip (.srt) file (nothing readable from line 1)")),
    Row("SubRip with a damaged cue", "damaged.srt",
        lambda _: b"1\n00:00:01,000 --> 00:00:02,000\nANN: Trust.\n\n2\n00:00:0x --> y\nBad\n\n"
                  b"3\n00:00:03,000 --> 00:00:04,000\nBOB: Power.\n",
        Read("unreadable text from line 5 on was left out, up to the next readable cue")),
    Row("SubRip with only empty cues", "emptycues.srt", lambda _: b"1\n00:00:01,000 --> 00:00:02,000\n\n",
        Refused("has no captions with text to analyse")),
]


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_bad_caption_file(row: Row, tmp_path: Path, run_cli) -> None:
    check_row(row, tmp_path, run_cli)


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_documented(row: Row) -> None:
    docs = DOCS.read_text(encoding="utf-8")
    assert row.id in docs
    said = row.outcome.problem if isinstance(row.outcome, Refused) else row.outcome.warning
    assert said is None or said in docs


def test_an_open_voice_tag_is_kept_as_text(tmp_path: Path, run_cli) -> None:
    """Nothing is lost: the text of a cue with a broken tag is kept as written."""
    path = tmp_path / "opentag.vtt"
    path.write_bytes(b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann We trust them\n")
    result = run_cli("analyse", path, "--format", "json", "--out", "-")
    assert json.loads(result.stdout)["document"]["text"] == "[00:00:01] <v Ann We trust them"
