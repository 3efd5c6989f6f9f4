"""Zip limits of analyser/ingest/archive.py: refused from the declared sizes
before anything is expanded, and declared sizes cannot be lied past."""

from __future__ import annotations

import io
import struct
import time
import zipfile
from pathlib import Path

import pytest

from analyser.errors import InputError
from analyser.ingest import archive, ingest, ingest_bytes

from . import fixtures


def _problem(data: bytes, fmt: str = "docx") -> str:
    with pytest.raises(InputError) as caught:
        ingest_bytes(data, f"file.{fmt}", fmt)
    return caught.value.problem


def test_bomb_refused_before_expanding() -> None:
    """64 MiB of spaces in a 64 KB file: refused in well under the time it
    takes to inflate it."""
    data = fixtures.zip_bomb_ratio()
    assert len(data) < 100_000
    started = time.perf_counter()
    problem = _problem(data)
    assert time.perf_counter() - started < 0.5
    assert problem.startswith("looks like a zip bomb: part 'word/document.xml' would expand ")
    assert problem.endswith("times (to 67,109,010 bytes); the limit is 200 times")


def test_a_small_part_may_compress_well() -> None:
    """Parts up to RATIO_FLOOR are not judged by ratio: a 1 MiB part of zeros is fine."""
    data = fixtures.replace_members(fixtures.docx_essay(), {"word/media/blank.bin": bytes(archive.RATIO_FLOOR)})
    assert "Partnership working depends on trust" in ingest_bytes(data, "file.docx", "docx").text


def test_total_expanded_size_limit() -> None:
    data = fixtures.zip_bomb_total(members=300)
    assert _problem(data) == (
        "looks like a zip bomb: it would expand to over 268,435,456 bytes (the limit); refused before expanding"
    )


def test_lying_size_cannot_expand_past_the_declaration() -> None:
    """A part that declares 1,000 bytes but inflates to 8 MiB: zipfile stops at
    the declared size and the CRC check fails."""
    assert _problem(fixtures.zip_lying_size()) == "has a damaged part word/document.xml in its zip archive (BadZipFile)"


def test_too_many_parts() -> None:
    members = {f"word/media/{i}.bin": b"" for i in range(archive.MAX_MEMBERS)}
    data = fixtures.replace_members(fixtures.docx_essay(), members)
    assert _problem(data) == "has 10,003 parts in its zip archive, more than the limit of 10,000"


def _set_encrypted_flag(data: bytes) -> bytes:
    """Mark every member encrypted (flag bit 0), as a zip password does."""
    patched = bytearray(data)
    position = patched.find(b"PK\x01\x02")
    while position != -1:
        flags = struct.unpack_from("<H", patched, position + 8)[0]
        struct.pack_into("<H", patched, position + 8, flags | 1)
        position = patched.find(b"PK\x01\x02", position + 4)
    return bytes(patched)


@pytest.mark.parametrize("fmt,build", [("docx", fixtures.docx_essay), ("odt", fixtures.odt_essay)])
def test_encrypted_members(fmt: str, build) -> None:
    assert _problem(_set_encrypted_flag(build()), fmt) == (
        "is password-protected (its contents are encrypted); save an unprotected copy"
    )


def test_damaged_member_data() -> None:
    """A bit flipped inside the compressed document part."""
    data = bytearray(fixtures.docx_essay())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zipped:
        info = zipped.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + 10
    data[start] ^= 0xFF
    assert _problem(bytes(data)) == "has a damaged part word/document.xml in its zip archive (corrupt compressed data)"


def test_sniffing_reads_no_large_member(tmp_path: Path) -> None:
    """Deciding what a mis-named bomb is must not inflate it either."""
    path = tmp_path / "bomb.bin"
    path.write_bytes(fixtures.zip_bomb_ratio())
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        ingest(path)
    assert time.perf_counter() - started < 0.5
    assert caught.value.problem.startswith("looks like a zip bomb")


def test_good_documents_pass(tmp_path: Path) -> None:
    for name, data in [("a.docx", fixtures.docx_essay()), ("b.odt", fixtures.odt_essay())]:
        path = tmp_path / name
        path.write_bytes(data)
        document = ingest(path)
        assert document.warnings == []
        assert "shared vision helps" in document.text
