"""Writing results: safe output names and atomic writes (a temporary file in
the same folder, then a rename), so a report is complete or absent, never
half-written, and an input is never overwritten."""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

_UNSAFE = "\x00"  # stands for a character that may not appear in a name, until runs of them become one "_"
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
MAX_STEM_BYTES = 120  # UTF-8 bytes; file systems allow 255 per name, and a suffix and temp prefix come on top


def safe_stem(source: str) -> str:
    """A file-name stem from a source path that cannot escape the output folder.

    Letters of any script are kept, so "Ésai.docx" and "Ессе.docx" give
    different, readable names. The name is NFKC-normalised first: one name is
    always written one way, and look-alikes such as a full-width "／" or
    "ＣＯＮ", or "COM¹", become "/", "CON" and "COM1" before the checks below
    see them. Separators, controls, bidi and other format characters,
    punctuation and symbols become "_"; dots at either end are removed, and
    dashes at the start become "_"; at most 120 bytes of UTF-8 are kept."""
    stem = Path(source.replace("\\", "/")).stem if source not in ("-", "") else "stdin"
    chars: list[str] = []
    for char in unicodedata.normalize("NFKC", stem):
        # a combining mark is kept after a letter (a Devanagari vowel sign, say), never on its own
        mark = unicodedata.category(char) in ("Mn", "Mc") and chars and chars[-1] not in (_UNSAFE, "_", ".", "-")
        chars.append(char if char.isalnum() or char in "_.-" or mark else _UNSAFE)
    stem = re.sub(f"{_UNSAFE}+", "_", "".join(chars)).strip("._") or "document"
    stem = re.sub("^-+", "_", stem)  # "-x.html" would read as an option to the tools a tutor uses on it
    if stem.split(".")[0].lower() in _RESERVED:  # Windows reserves "con" and "con.anything"
        stem = f"_{stem}"
    return stem.encode("utf-8")[:MAX_STEM_BYTES].decode("utf-8", "ignore")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


NEW_FILE_MODE = 0o666 & ~_umask()  # what open() would give a new file (read once: os.umask is process-wide)


def temp_owners(file_name: str) -> set[str]:
    """The output names whose `write_atomic` temporary file (one a killed
    process could leave behind: `.NAME.xxxx.tmp`) `file_name` could be;
    empty for any other file. Read from the name alone, so a folder is
    listed once however many outputs it holds."""
    if not (file_name.startswith(".") and file_name.endswith(".tmp")):
        return set()
    middle = file_name[1:-len(".tmp")]
    return {middle[:dot] for dot in range(len(middle)) if middle[dot] == "."}


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write to a temporary file in the same folder, then rename it over
    `path`: a reader sees the old file or the new one, never part of one.
    The file gets the permissions open() would give it (mkstemp's are 0600),
    or keeps those of the file it replaces."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = NEW_FILE_MODE
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def to_json(data: dict[str, Any]) -> str:
    """Deterministic JSON: same analysis, same bytes."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
