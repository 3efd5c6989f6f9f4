"""Codings read back in: a REFI-QDA project (.qdpx) coded in another program,
or a table (CSV, JSON Lines) with one row per coded segment — as
`analyser export` writes them, or as a researcher keeps them.

A .qdpx comes from someone else, so it is untrusted input and meets the
checks every zip document meets (`ingest/archive.py`: size and expansion
limits, defusedxml with entities and external references refused), and
more: a member name or a source path that could point outside the project
(`../`, an absolute path, `absolute://`, `relative://`) is refused, and
nothing is ever extracted to disk.

Offsets come back as offsets into the source text with line endings made
"\\n" (as the analyser reads every text), whatever line endings the other
program stored; a code is matched to a concept by its name (the concept's
id or label, or "<label>: present|absent").
"""

from __future__ import annotations

import bisect
import csv
import io
import json
import posixpath
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import fromstring as safe_fromstring

from analyser.errors import InputError, text_name
from analyser.exports.qdpx import POLARITIES, PROJECT_NS
from analyser.ingest import DEFAULT_MAX_BYTES, read_file
from analyser.ingest.archive import check_sizes, check_xml
from analyser.model import ConceptInfo

_P = f"{{{PROJECT_NS}}}"
TABLE_COLUMNS = ("document", "start", "end", "concept")
_FORMULA_QUOTED = ("'=", "'+", "'-", "'@", "'\t", "'\r")


@dataclass(frozen=True)
class Coding:
    """One coded span: `start`/`end` are offsets into the document's text."""

    document: str
    start: int
    end: int
    concept: str
    polarity: str = "present"
    coder: str = ""
    text: str = ""


@dataclass
class CodingSet:
    """What a file holds: codings, and the documents' texts when it carries them (a .qdpx does)."""

    source: str
    codings: list[Coding]
    documents: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def coders(self) -> list[str]:
        return sorted({c.coder for c in self.codings})

    def by_coder(self, coder: str) -> CodingSet:
        return CodingSet(self.source, [c for c in self.codings if c.coder == coder], self.documents, self.warnings)


def read_codings(path: str | Path, concepts: Sequence[ConceptInfo] = (),
                 max_bytes: int = DEFAULT_MAX_BYTES) -> CodingSet:
    """Codings from a .qdpx project, a .csv or a .jsonl table."""
    name = text_name(str(path))
    data = read_file(Path(path), name, max_bytes)
    suffix = Path(path).suffix.lower()
    if suffix == ".qdpx" or data.startswith(b"PK"):
        return read_qdpx(data, name, concepts)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(name, f"is not UTF-8 text (byte {exc.start:,}); save the table as UTF-8") from None
    if suffix == ".jsonl" or text.lstrip().startswith("{"):
        return _from_records(_jsonl_records(text, name), name)
    return _from_records(_csv_records(text, name), name)


# --- tables -----------------------------------------------------------------

def _csv_records(text: str, name: str) -> list[tuple[int, dict]]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in TABLE_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        needed = ", ".join(TABLE_COLUMNS)
        raise InputError(name, f"has no column {', '.join(missing)} (a codings table needs: {needed})")
    return [(reader.line_num, row) for row in reader]


def _jsonl_records(text: str, name: str) -> list[tuple[int, dict]]:
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(name, f"line {number} is not JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise InputError(name, f"line {number} is not a JSON object")
        records.append((number, record))
    return records


def _unquote(value: object) -> str:
    """A cell as written, without the quote a spreadsheet-safe export put before "=", "+", "-" or "@"."""
    text = "" if value is None else str(value)
    return text[1:] if text.startswith(_FORMULA_QUOTED) else text


def _from_records(records: list[tuple[int, dict]], name: str) -> CodingSet:
    coder = Path(name).stem
    codings = []
    for line, record in records:
        try:
            start, end = int(record["start"]), int(record["end"])
        except (KeyError, TypeError, ValueError):
            raise InputError(name, f"line {line}: start and end must be whole numbers") from None
        if not 0 <= start <= end:
            raise InputError(name, f"line {line}: the span {start}-{end} is not a span")
        concept = _unquote(record.get("concept"))
        if not concept or not record.get("document"):
            raise InputError(name, f"line {line}: document and concept must not be empty")
        polarity = _unquote(record.get("polarity")) or "present"
        codings.append(Coding(_unquote(record["document"]), start, end, concept,
                              polarity if polarity in POLARITIES else "present",
                              _unquote(record.get("coder")) or coder, _unquote(record.get("segment"))))
    return CodingSet(name, codings)


# --- REFI-QDA projects ----------------------------------------------------------

def _safe_member(member: str) -> bool:
    normal = posixpath.normpath(member.replace("\\", "/"))
    return not (normal.startswith(("/", "../")) or normal == ".." or ":" in normal.split("/")[0])


def read_qdpx(data: bytes, name: str, concepts: Sequence[ConceptInfo] = ()) -> CodingSet:
    """The TextSources and their codings of a REFI-QDA project."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise InputError(name, "is not a REFI-QDA project (a .qdpx file is a zip archive; this file is not one)"
                         ) from None
    with archive:
        check_sizes(archive, name)
        members = {info.filename for info in archive.infolist()}
        unsafe = sorted(m for m in members if not _safe_member(m))
        if unsafe:
            raise InputError(name, f"has a part with an unsafe name '{unsafe[0]}' in its zip archive "
                                   "(it would point outside the project); refused")
        if "project.qde" not in members:
            raise InputError(name, "has no project.qde: it is not a REFI-QDA project")
        check_xml(archive, "project.qde", name)
        try:
            root = safe_fromstring(archive.read("project.qde"), forbid_dtd=False)
        except (ParseError, DefusedXmlException, ValueError) as exc:
            raise InputError(name, f"has malformed XML in project.qde ({type(exc).__name__})") from None
        if root.tag != f"{_P}Project":
            raise InputError(name, "project.qde is not a QDA-XML 1.0 project (no Project element)")
        users = {u.get("guid", ""): u.get("name") or u.get("id") or u.get("guid", "") for u in root.iter(f"{_P}User")}
        codes: dict[str, tuple[str, str]] = {}
        for code in root.findall(f"{_P}CodeBook/{_P}Codes/{_P}Code"):
            _read_code(code, None, concepts, codes)
        result = CodingSet(name, [])
        for source in root.iter(f"{_P}TextSource"):
            _read_source(source, archive, members, name, users, codes, result)
    return result


def _concept_of(code_name: str, parent: tuple[str, str] | None,
                concepts: Sequence[ConceptInfo]) -> tuple[str, str]:
    """(concept id, polarity) for a code, by its name and its parent's."""
    folded = code_name.strip().casefold()
    for concept in concepts:
        for key in {concept.id.casefold(), concept.label.casefold()}:
            if folded == key:
                return concept.id, "present"
            for polarity in POLARITIES:
                if folded in (f"{key}: {polarity}", f"{key} ({polarity})", f"{key} - {polarity}"):
                    return concept.id, polarity
    if parent is not None and folded in POLARITIES:
        return parent[0], folded
    return code_name.strip(), "present"


def _read_code(code, parent: tuple[str, str] | None, concepts: Sequence[ConceptInfo],
               codes: dict[str, tuple[str, str]]) -> None:
    meaning = _concept_of(code.get("name", ""), parent, concepts)
    codes[code.get("guid", "")] = meaning
    for child in code.findall(f"{_P}Code"):
        _read_code(child, meaning, concepts, codes)


def _source_text(source, archive: zipfile.ZipFile, members: set[str], name: str) -> str:
    content = source.find(f"{_P}PlainTextContent")
    if content is not None:
        return content.text or ""
    path = source.get("plainTextPath", "")
    shown = source.get("name") or source.get("guid", "")
    if not path.startswith("internal://"):
        raise InputError(name, f"source '{shown}' refers to a file outside the project ({path or 'no path'}); "
                               "only sources inside the .qdpx (internal://) are read")
    member = "sources/" + path[len("internal://") :]
    if not _safe_member(member) or posixpath.normpath(member) != member:
        raise InputError(name, f"source '{shown}' has an unsafe path '{path}' (it would point outside the project); "
                               "refused")
    if member not in members:
        raise InputError(name, f"source '{shown}' names {member}, which is not in the project")
    try:
        return archive.read(member).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(name, f"{member} is not UTF-8 text") from None


def newline_map(raw: str) -> tuple[str, Callable[[int], int]]:
    """`raw` with "\\r\\n" and "\\r" made "\\n", and a function from offsets in
    `raw` to offsets in the result (each "\\r\\n" counts one character)."""
    pairs = [i for i in range(len(raw) - 1) if raw[i] == "\r" and raw[i + 1] == "\n"] if "\r\n" in raw else []
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    return text, (lambda offset: offset - bisect.bisect_left(pairs, offset)) if pairs else (lambda offset: offset)


def _read_source(source, archive: zipfile.ZipFile, members: set[str], name: str, users: dict[str, str],
                 codes: dict[str, tuple[str, str]], result: CodingSet) -> None:
    document = source.get("name") or source.get("guid", "")
    raw = _source_text(source, archive, members, name)
    text, to_text = newline_map(raw)
    result.documents[document] = text
    for selection in source.findall(f"{_P}PlainTextSelection"):
        try:
            raw_start, raw_end = int(selection.get("startPosition", "")), int(selection.get("endPosition", ""))
        except ValueError:
            raise InputError(name, f"a selection in '{document}' has positions that are not numbers") from None
        if not 0 <= raw_start <= raw_end <= len(raw):
            raise InputError(name, f"a selection in '{document}' ({raw_start}-{raw_end}) is outside its text "
                                   f"({len(raw):,} characters)")
        start, end = to_text(raw_start), to_text(raw_end)
        for coding in selection.findall(f"{_P}Coding"):
            ref = coding.find(f"{_P}CodeRef")
            target = ref.get("targetGUID", "") if ref is not None else ""
            if target not in codes:
                result.warnings.append(f"a coding in '{document}' refers to an unknown code {target}; left out")
                continue
            concept, polarity = codes[target]
            user = coding.get("creatingUser") or selection.get("creatingUser") or ""
            result.codings.append(Coding(document, start, end, concept, polarity, users.get(user, user or "unknown"),
                                         text[start:end]))
