"""Hostile REFI-QDA projects given to `analyser import-codings` (and so to
`analyser agree`): each refused with one line naming the file, exit status 1,
no traceback, nothing read from outside the project. The rows of
docs/bad-inputs.md's ".qdpx projects" table."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from .fixtures import billion_laughs_doctype
from .test_bad_inputs import DOCS

NS = "urn:QDA-XML:project:1.0"
G = "00000000-0000-0000-0000-0000000000{:02d}"


def project(source_attrs: str = 'plainTextPath="internal://a.txt"', doctype: str = "", body: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?>{doctype}<Project xmlns="{NS}" name="p">'
            f'<CodeBook><Codes><Code guid="{G.format(1)}" name="Trust" isCodable="true"/></Codes></CodeBook>'
            f'<Sources><TextSource guid="{G.format(2)}" name="a.txt" {source_attrs}>'
            f'<PlainTextSelection guid="{G.format(3)}" startPosition="0" endPosition="5">{body}'
            f'<Coding guid="{G.format(4)}"><CodeRef targetGUID="{G.format(1)}"/></Coding>'
            f'</PlainTextSelection></TextSource></Sources></Project>').encode()


def qdpx(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def bomb() -> bytes:
    """project.qde expanding 64 MiB of spaces, about 1000:1, written in chunks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("project.qde", "w", force_zip64=True) as part:
            part.write(f'<Project xmlns="{NS}" name="p">'.encode())
            for _ in range(64):
                part.write(b" " * (1 << 20))
            part.write(b"</Project>")
    return buffer.getvalue()


def secret_entity(secret: Path) -> bytes:
    doctype = f'<!DOCTYPE Project [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    return qdpx({"project.qde": project(doctype=doctype, body="<Description>&xxe;</Description>"),
                 "sources/a.txt": b"Trust matters."})


ROWS = [
    (".qdpx with entity declarations (billion laughs)", "laughs.qdpx",
     lambda tmp: qdpx({"project.qde": project(doctype=billion_laughs_doctype("Project"),
                                              body="<Description>&lol9;</Description>"),
                       "sources/a.txt": b"Trust matters."}),
     "project.qde declares XML entities; refused (entity expansion can exhaust memory)"),
    (".qdpx with an external entity (XXE)", "xxe.qdpx", lambda tmp: secret_entity(tmp / "secret.txt"),
     "project.qde declares an external XML entity; refused (it could read local files or reach the network)"),
    (".qdpx source path climbing out of the project", "climb.qdpx",
     lambda tmp: qdpx({"project.qde": project('plainTextPath="internal://../../secret.txt"'),
                       "sources/a.txt": b"Trust matters."}),
     "source 'a.txt' has an unsafe path 'internal://../../secret.txt' (it would point outside the project); refused"),
    (".qdpx source outside the project (absolute path)", "absolute.qdpx",
     lambda tmp: qdpx({"project.qde": project(f'plainTextPath="absolute://{tmp / "secret.txt"}"')}),
     "source 'a.txt' refers to a file outside the project (absolute://"),
    (".qdpx with a zip member named ../", "slip.qdpx",
     lambda tmp: qdpx({"project.qde": project(), "sources/a.txt": b"Trust matters.", "../../evil.txt": b"x"}),
     "has a part with an unsafe name '../../evil.txt' in its zip archive (it would point outside the project); "
     "refused"),
    (".qdpx zip bomb", "bomb.qdpx", lambda tmp: bomb(),
     "looks like a zip bomb: part 'project.qde' would expand"),
    (".qdpx that is not a zip", "plain.qdpx", lambda tmp: b"<Project/>",
     "is not a REFI-QDA project (a .qdpx file is a zip archive; this file is not one)"),
    (".qdpx without project.qde", "empty.qdpx", lambda tmp: qdpx({"sources/a.txt": b"x"}),
     "has no project.qde: it is not a REFI-QDA project"),
    (".qdpx with malformed XML", "malformed.qdpx", lambda tmp: qdpx({"project.qde": b"<Project><Sources>"}),
     "has malformed XML in project.qde (line 1)"),
    (".qdpx selection outside its text", "outside.qdpx",
     lambda tmp: qdpx({"project.qde": project(), "sources/a.txt": b"Tru"}),
     "a selection in 'a.txt' (0-5) is outside its text (3 characters)"),
]


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_hostile_project_is_refused_in_one_line(row, tmp_path, run_cli):
    _, name, content, problem = row
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    path = tmp_path / name
    path.write_bytes(content(tmp_path))
    started = time.monotonic()
    result = run_cli("import-codings", path, "--out", tmp_path / "out.csv")
    assert time.monotonic() - started < 10  # refused, not expanded
    assert result.exception is None, repr(result.exception)
    assert result.exit_code == 1
    assert result.error_lines == [line for line in result.error_lines if line.startswith(f"error: {path}: ")]
    assert len(result.error_lines) == 1, result.stderr
    assert problem in result.error_lines[0]
    assert "TOP-SECRET-VALUE" not in result.stdout + result.stderr
    assert not (tmp_path / "out.csv").exists()
    assert not (tmp_path.parent / "evil.txt").exists()


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_documented(row):
    docs = DOCS.read_text(encoding="utf-8")
    assert row[0] in docs and row[3] in docs
