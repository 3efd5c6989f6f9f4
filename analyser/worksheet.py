"""A Moodle offline grading worksheet with the "Feedback comments" filled in.

    sheet = read_worksheet(Path("Grades-Essay 1.csv"))
    filled = fill_worksheet(sheet, student_feedback(batch_rows))
    write_atomic(out / sheet.name, worksheet_bytes(filled.sheet))

The columns are Moodle's (mod/assign, assignfeedback_offline): the importer
finds its columns by their headings, `Identifier` (`recordid`), `Grade`,
`Last modified (grade)` (`lastmodifiedgrade`), and one per feedback plugin
named by the plugin, `Feedback comments`; the identifier is "Participant "
followed by the participant number, the number a "download all submissions"
zip puts in each entry's name (analyser/vle.py), which is how rows are
matched. Headings are those of an English Moodle; a worksheet exported in
another language is refused with a line naming the column it lacks.

Only the feedback cells that are empty are filled: a tutor's own comment is
kept, the grade column is never touched, and every other cell, the column
order, the delimiter, the line endings and the encoding (UTF-8 with or
without a byte-order mark, or Windows-1252 as Excel saves it) are written
back as they were read.
"""

from __future__ import annotations

import csv
import io
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyser.errors import InputError, text_name
from analyser.model import Analysis

IDENTIFIER = "Identifier"
GRADE = "Grade"
FEEDBACK = "Feedback comments"
# The columns of the worksheet Moodle exports, in its order: the sheet
# written when the tutor gives none.
COLUMNS = (IDENTIFIER, "Full name", "Email address", "Status", GRADE, "Maximum grade", "Grade can be changed",
           "Last modified (submission)", "Last modified (grade)", FEEDBACK)
PARTICIPANT = "Participant "  # Moodle's get_string('hiddenuser', 'assign'), before the number
MAX_WORKSHEET_BYTES = 20 * 1024 * 1024
MAX_FINDINGS = 3  # findings quoted in a student's summary


@dataclass
class Worksheet:
    name: str  # the file's name, used for the filled copy
    header: list[str]
    rows: list[list[str]]
    encoding: str = "utf-8"
    newline: str = "\n"
    delimiter: str = ","


@dataclass
class Filled:
    sheet: Worksheet
    filled: int  # feedback cells written
    kept: int  # feedback cells the tutor had already written, left alone
    unmatched: list[str] = field(default_factory=list)  # identifiers with feedback but no row


def read_worksheet(path: Path) -> Worksheet:
    """Read a grading worksheet; InputError (one line) when it is not one."""
    source = text_name(str(path))
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_WORKSHEET_BYTES + 1)
    except OSError as error:
        raise InputError(source, f"cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_WORKSHEET_BYTES:
        raise InputError(source, f"is over {MAX_WORKSHEET_BYTES:,} bytes; not a grading worksheet")
    encoding, text = _decode(data)
    newline = "\r\n" if "\r\n" in text else "\n"
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    table = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not table:
        raise InputError(source, "is empty; export the grading worksheet from the assignment in Moodle")
    header = table[0]
    for column in (IDENTIFIER, FEEDBACK):
        if column not in header:
            raise InputError(source, f"has no '{column}' column; export it with 'Download grading worksheet' "
                                     "(with the Feedback comments plugin and offline grading on)")
    return Worksheet(path.name, header, table[1:], encoding, newline, delimiter)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", data.decode("utf-8-sig", errors="replace")
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252", data.decode("cp1252", errors="replace")


def fill_worksheet(sheet: Worksheet, feedback: Mapping[str, str]) -> Filled:
    """A copy of `sheet` with `feedback` (identifier -> text) in the empty
    feedback cells of the rows whose identifier matches."""
    id_at, feedback_at = sheet.header.index(IDENTIFIER), sheet.header.index(FEEDBACK)
    rows = [list(row) for row in sheet.rows]
    filled = kept = 0
    used: set[str] = set()
    for row in rows:
        if len(row) <= max(id_at, feedback_at):
            continue
        key = identifier_key(row[id_at])
        if key not in feedback:
            continue
        used.add(key)
        if row[feedback_at].strip():
            kept += 1
            continue
        row[feedback_at] = feedback[key]
        filled += 1
    result = Worksheet(sheet.name, list(sheet.header), rows, sheet.encoding, sheet.newline, sheet.delimiter)
    return Filled(result, filled, kept, sorted(set(feedback) - used))


def identifier_key(value: str) -> str:
    """"Participant 1001" and "1001" both match the zip's 1001; other
    identifiers (a Blackboard username) match as they are, without case."""
    stripped = value.strip()
    digits = stripped[len(stripped.rstrip(string.digits)):]  # the trailing number, without a backtracking search
    return digits if stripped.startswith(PARTICIPANT.strip()) and digits else stripped.casefold()


def new_worksheet(rows: Sequence[Mapping[str, Any]]) -> Worksheet:
    """A worksheet with Moodle's columns, one row per student of a batch (rows without a student are left out)."""
    students: dict[str, str] = {}
    for row in rows:
        if row.get("identifier"):
            students.setdefault(str(row["identifier"]), str(row.get("student") or ""))
    body = []
    for identifier, name in sorted(students.items()):
        line = dict.fromkeys(COLUMNS, "")
        line.update({IDENTIFIER: PARTICIPANT + identifier if identifier.isdigit() else identifier, "Full name": name})
        body.append([line[c] for c in COLUMNS])
    return Worksheet("worksheet.csv", list(COLUMNS), body)


def worksheet_bytes(sheet: Worksheet) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sheet.delimiter, lineterminator=sheet.newline)
    writer.writerow(sheet.header)
    writer.writerows(sheet.rows)  # our text starts "Concepts discussed": never a formula
    return buffer.getvalue().encode(sheet.encoding, errors="replace")


def plain_feedback(analysis: Analysis) -> str:
    """A short plain-text summary a tutor can edit: the concepts discussed
    and not, the referencing problems, and the first few findings."""
    labels = {c.id: c.label for c in analysis.concepts}
    counts = {c.id: 0 for c in analysis.concepts}
    for mention in analysis.mentions:
        if mention.polarity == "present":
            counts[mention.concept] = counts.get(mention.concept, 0) + 1
    discussed = [f"{labels.get(c, c)} ({n})" for c, n in counts.items() if n]
    missing = [labels.get(c, c) for c, n in counts.items() if not n]
    lines = [f"Concepts discussed: {', '.join(discussed) or 'none'}."]
    if missing:
        lines.append(f"Not discussed: {', '.join(missing)}.")
    problems = sum(len(c.problems) for c in analysis.citations) + sum(len(r.problems) for r in analysis.references)
    if problems:
        lines.append(f"Referencing: {problems} problem{'s' if problems != 1 else ''} to fix "
                     "(see the comments or the report).")
    lines += [f"- {finding.message}" for finding in analysis.findings[:MAX_FINDINGS]]
    return "\n".join(lines)


def student_feedback(rows: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Identifier -> the feedback of that student's documents (each headed by
    its file name when there are several)."""
    per_student: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        if row.get("identifier") and row.get("feedback"):
            per_student.setdefault(identifier_key(str(row["identifier"])), []).append(row)
    result = {}
    for key, documents in per_student.items():
        if len(documents) == 1:
            result[key] = str(documents[0]["feedback"])
        else:
            result[key] = "\n\n".join(f"{Path(str(d['document'])).name}:\n{d['feedback']}" for d in documents)
    return result
