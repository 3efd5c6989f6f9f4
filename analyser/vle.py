"""Submissions as a VLE gives them: the "download all submissions" zip of
Moodle, Blackboard or Canvas, or the folder it unpacks to.

    inputs = open_submissions_zip(Path("cohort.zip"), Path("marked/.submissions"), max_bytes)
    inputs = attach_submissions(inputs)   # student and identifier, from each name

How each VLE names an entry (looked up, not guessed):

- Moodle (mod/assign, `download_submissions` in locallib.php, moodle/moodle):
  the prefix is the student's full name with `_` made a space, then `_`, the
  participant identifier (`get_uniqueid_for_user`), then `_`, the plugin's
  subtype and type: `Ann Example_1001_assignsubmission_file_essay.docx`, or,
  when the tutor downloads "in folders" (the default since Moodle 3.1), a
  folder `Ann Example_1001_assignsubmission_file_/essay.docx`. Under blind
  marking the name is the word "Participant": `Participant_1001_...`.
- Blackboard Learn (Grade Centre, "Assignment File Download"): entries are
  `ASSIGNMENT_USERNAME_attempt_YYYY-MM-DD-HH-MM-SS_FILENAME` beside a `.txt`
  of the attempt (the example in nbgrader's FileNameCollectorPlugin docs,
  `ps1_bitdiddle_attempt_2016-01-30-15-00-00_problem1.ipynb`; CodeGra.de
  PR #280 reads the same names). The student's full name is only in the
  `.txt` ("Name: Ann Example (aexample)"), which is not read: the username is
  the identifier.
- Canvas ("Download Submissions"): `lastfirst_USERID_SUBMISSIONID_FILENAME`,
  with `LATE` (or `late`) after the name for a late one
  (`smithbob_340934_208490284_BobsWork.zip` in mikewesthad/canvas-unzipper;
  `studenttest_3143_207797_zipsubmission.zip` in instructure/canvas-lms#2406).
  The name is Canvas's lower-case "lastfirst" with no spaces.

A batch decides once which VLE named its files (the one whose pattern most
names fit, and only when at least half fit), so an ordinary folder whose
names happen to look like Canvas's is not read as a download.

The zip is read like every archive the analyser opens (ingest/archive.py):
sizes from its central directory before anything is expanded, encrypted
entries refused; entries are written under generated names (`00001.docx`)
inside the output folder, so an entry's own name (`../../x.docx`, `C:\\x`)
is never a path; links, entries that climb out and entries over --max-bytes
are listed with their reason instead of read.
"""

from __future__ import annotations

import re
import stat
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Literal

from analyser.errors import InputError, text_name
from analyser.ingest.archive import check_sizes
from analyser.inputs import BatchInput, is_skipped, output_stems
from analyser.model import Submission

Vle = Literal["moodle", "blackboard", "canvas"]
# A cohort's download is bigger than one document's parts: 1 GiB expanded in all.
MAX_SUBMISSIONS_BYTES = 1024 * 1024 * 1024
_CHUNK = 1 << 20
TWICE = "appears twice in the zip, with no way to tell which is the submission; neither is read"


@dataclass(frozen=True)
class EntryName:
    """What a VLE's name for one file says about who handed it in."""

    vle: Vle
    identifier: str
    student: str | None


_MOODLE = re.compile(r"^(?P<student>[^/]*?)_(?P<identifier>\d+)_assign(?:submission|feedback)_[a-z0-9]+_")
_BLACKBOARD = re.compile(
    r"^(?P<assignment>[^/]*)_(?P<identifier>[^_/]+)_attempt_(?P<time>\d{4}(?:-\d{2}){5})(?:_|\.txt$)"
)
_CANVAS = re.compile(r"^(?P<student>[a-z][a-z0-9-]*)_(?:late_)?(?P<identifier>\d+)_(?P<submission>\d+)_",
                     re.IGNORECASE)
_BLACKBOARD_RECEIPT = re.compile(r"^[^/]*_attempt_\d{4}(?:-\d{2}){5}\.txt$")
PATTERNS: dict[Vle, re.Pattern[str]] = {"moodle": _MOODLE, "blackboard": _BLACKBOARD, "canvas": _CANVAS}
_BLIND = "participant"  # Moodle's get_string('participant', 'assign') under blind marking


def parse_entry(name: str, vle: Vle) -> EntryName | None:
    """Who handed in the file called `name` (a path inside the download), by
    `vle`'s naming; None when the name does not follow it."""
    match = PATTERNS[vle].match(name)
    if not match:
        return None
    groups = match.groupdict()
    student = (groups.get("student") or "").strip() or None
    if vle == "moodle" and student and student.casefold() == _BLIND:
        student = None
    return EntryName(vle, groups["identifier"], student)


def detect_vle(names: Sequence[str]) -> Vle | None:
    """The VLE whose naming most of `names` follow (at least half), or None."""
    if not names:
        return None
    counts = {vle: sum(1 for n in names if pattern.match(n)) for vle, pattern in PATTERNS.items()}
    best = max(counts, key=lambda vle: counts[vle])
    return best if counts[best] * 2 >= len(names) and counts[best] else None


def attach_submissions(inputs: Sequence[BatchInput]) -> list[BatchInput]:
    """`inputs` with the student and identifier their names give, when the
    batch is a VLE download; a student with more than one file has each
    flagged, so a tutor sees that two reports belong to one person."""
    vle = detect_vle([item.name for item in inputs])
    if vle is None:
        return list(inputs)
    if vle == "blackboard":  # the attempt's receipt, beside the files: not an essay
        inputs = [item for item in inputs if not _BLACKBOARD_RECEIPT.match(item.name)]
    parsed = {item.name: parse_entry(item.name, vle) for item in inputs}
    per_student = Counter(p.identifier for p in parsed.values() if p)
    result = []
    for item in inputs:
        entry = parsed[item.name]
        if entry is None:
            result.append(item)
            continue
        files = per_student[entry.identifier]
        flag = f"one of {files} files handed in by this student" if files > 1 else None
        result.append(replace(item, submission=Submission(vle, entry.identifier, entry.student, files, flag)))
    return result


def is_submissions_zip(spec: str) -> bool:
    """Is this batch input a zip file (a VLE download) rather than a folder or glob?"""
    path = Path(spec)
    return path.suffix.lower() == ".zip" and path.is_file()


def open_submissions_zip(zip_path: Path, work_dir: Path, max_bytes: int) -> list[BatchInput]:
    """Expand the supported documents of a submissions zip into `work_dir`
    (inside the output folder) under generated names, and return them as
    batch inputs named by their entries. Raises InputError for a zip that
    cannot be read or is over the limits; an entry that cannot be used is
    returned with its problem, like a link in a folder."""
    source = text_name(str(zip_path))
    try:
        archive = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise InputError(source, "is not a readable zip file: the archive is damaged or truncated") from None
    with archive:
        check_sizes(archive, source, max_total=MAX_SUBMISSIONS_BYTES)
        work_dir.mkdir(parents=True, exist_ok=True)
        found: dict[str, Path] = {}
        problems: dict[str, str] = {}
        for number, info in enumerate(archive.infolist(), start=1):
            if info.is_dir():
                continue
            name = text_name(info.filename)
            relative = PurePosixPath(name.replace("\\", "/"))
            escapes = _escapes(relative)
            if name in found or (not escapes and (is_skipped(relative) or "__MACOSX" in relative.parts)):
                if name in found:
                    problems.setdefault(name, TWICE)
                continue
            target = work_dir / f"{number:05d}{relative.suffix.lower()}"
            problem = _entry_problem(info, relative, max_bytes)
            if problem is None:
                problem = _expand(archive, info, target)
            if problem:
                problems[name] = problem
            found[name] = target
    names = sorted(found)
    stems = output_stems(names)
    return [BatchInput(found[n], n, stems[n], problems.get(n)) for n in names]


def _entry_problem(info: zipfile.ZipInfo, relative: PurePosixPath, max_bytes: int) -> str | None:
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "is a symbolic link inside the zip; not read"
    if _escapes(relative):
        return "has a path that leads out of the zip; not read"
    if info.file_size > max_bytes:
        return f"is over the limit of {max_bytes:,} bytes (--max-bytes); not expanded"
    return None


def _escapes(relative: PurePosixPath) -> bool:
    """An entry name that would climb out of a folder it was expanded into
    (`../x`, `/x`, `C:\\x`): never used as a path here, but refused all the same."""
    return relative.is_absolute() or ".." in relative.parts or bool(re.match(r"^[A-Za-z]:", relative.parts[0]))


def _expand(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path) -> str | None:
    """Copy one entry to `target` (a new file), at most its declared size."""
    try:
        with archive.open(info) as stream, open(target, "xb") as out:
            left = info.file_size
            while left > 0 and (chunk := stream.read(min(_CHUNK, left))):
                out.write(chunk)
                left -= len(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as error:
        target.unlink(missing_ok=True)
        return f"is damaged inside the zip ({type(error).__name__})"
    return None
