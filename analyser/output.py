"""Writing results: safe output names and atomic writes (a temporary file in
the same folder, then a rename), so a report is complete or absent, never
half-written, and an input is never overwritten."""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def safe_stem(source: str) -> str:
    """A file-name stem from a source path that cannot escape the output folder."""
    stem = Path(source.replace("\\", "/")).stem if source not in ("-", "") else "stdin"
    stem = _UNSAFE.sub("_", stem).strip("._") or "document"
    if stem.split(".")[0].lower() in _RESERVED:  # Windows reserves "con" and "con.anything"
        stem = f"_{stem}"
    return stem[:120]


def write_atomic(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def to_json(data: dict[str, Any]) -> str:
    """Deterministic JSON: same analysis, same bytes."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
