"""Which files a batch reads, and the output names it gives them.

    inputs = find_inputs(["essays/", "late/*.docx"], exclude=Path("reports"))

Why it is built this way:

- names are paths relative to the inputs' common folder, so two
  `essay.docx` in different folders never collide, and reports record that
  relative name rather than where the folder happens to live;
- the folder is walked without following links to folders (a link loop
  cannot make the walk endless); a link to a file is read only when it
  leads to a file inside the folder it was found in — one that loops, leads
  nowhere or leads out is listed with its reason instead, so a link planted
  among submissions cannot show a tutor's other files in a report;
- output stems are unique without regard to case, checked against every
  stem already taken (generated ones included), and depend only on the set
  of names.
"""

from __future__ import annotations

import glob
import hashlib
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from analyser.errors import AnalyserError, InputError, text_name
from analyser.ingest import SUPPORTED_SUFFIXES
from analyser.model import Submission
from analyser.output import safe_stem

RESERVED_STEMS = {"index", "summary"}  # would collide with the batch overview's own files
_GLOB_CHARS = set("*?[")


class BatchUsageError(AnalyserError):
    """The batch cannot start as asked (e.g. the output folder is inside the input)."""


@dataclass(frozen=True)
class BatchInput:
    path: Path  # where to read it (as the user named the folder, joined with the relative name)
    name: str  # path relative to the input root, with "/" separators: shown in reports and the index
    stem: str  # unique, safe output file stem
    problem: str | None = None  # why it is not read at all (a link that loops, or leads out of the folder)
    submission: Submission | None = None  # who handed it in, when the batch is a VLE download (analyser/vle.py)


def is_skipped(relative: PurePosixPath) -> bool:
    """Hidden files and folders, office lock and temporary files, editor backups."""
    name = relative.name
    return (
        any(part.startswith(".") for part in relative.parts)
        or name.startswith("~$")
        or name.endswith("~")
        or (name.startswith("#") and name.endswith("#"))
        or relative.suffix.lower() not in SUPPORTED_SUFFIXES
    )


def input_root(spec: str) -> Path:
    """The folder a batch reads from: the folder itself, a file's folder, or
    the fixed part of a glob pattern (everything before the first wildcard)."""
    if _is_glob(spec):
        fixed = []
        for part in Path(spec).parts:
            if _GLOB_CHARS & set(part):
                break
            fixed.append(part)
        return Path(*fixed) if fixed else Path(".")
    path = Path(spec)
    return path if path.is_dir() else path.parent


def _is_glob(spec: str) -> bool:
    return bool(_GLOB_CHARS & set(spec)) and not Path(spec).exists()


def find_inputs(specs: str | Sequence[str], *, exclude: Path | None = None) -> list[BatchInput]:
    """Every supported document named by `specs` — folders (searched
    recursively), glob patterns (`**` allowed) or files; several may be given,
    as a shell expands `essays/*.docx` — sorted by name relative to the
    inputs' common folder, with unique output stems. `exclude` is a folder to
    leave out (the output folder, when it lies inside the input)."""
    spec_list = [specs] if isinstance(specs, str) else list(specs)
    roots = [os.path.abspath(input_root(spec)) for spec in spec_list]
    root = os.path.commonpath(roots) if roots else os.path.abspath(".")
    excluded = exclude.resolve() if exclude else None
    if excluded and any(excluded == r or excluded in r.parents for r in (Path(x).resolve() for x in roots)):
        excluded = None  # the output folder holds the inputs (--force, or --out above them): leave out none
    candidates: list[tuple[Path, Path | None]] = []  # (file, the folder it was found in, if any)
    for spec in spec_list:
        candidates += _candidates(spec, excluded)
    found: dict[str, Path] = {}
    problems: dict[str, str] = {}
    for path, folder in candidates:
        relative = PurePosixPath(text_name(os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")))
        if is_skipped(relative):
            continue
        target = _resolved(path)
        if excluded and target and (target == excluded or excluded in target.parents):
            continue
        if str(relative) not in found and folder is not None and path.is_symlink():
            problem = _link_problem(target, folder)
            if problem:
                problems[str(relative)] = problem
        found.setdefault(str(relative), path)
    names = sorted(found)
    stems = output_stems(names)
    return [BatchInput(found[name], name, stems[name], problems.get(name)) for name in names]


def _resolved(path: Path) -> Path | None:
    """Where `path` leads, or None for a link that loops or cannot be followed."""
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python 3.11)
        return None


def _link_problem(target: Path | None, folder: Path) -> str | None:
    """Why a symbolic link found in an input folder is not read: one that
    loops or leads nowhere, or one that leads out of the folder (a link
    planted among submissions must not make the tool show a tutor's other
    files in a report)."""
    if target is None:
        return "is a symbolic link that loops or leads nowhere; not read"
    home = _resolved(folder)
    if home is None or (home != target and home not in target.parents):
        return "is a symbolic link to a file outside the input folder; not read"
    return None


def _candidates(spec: str, excluded: Path | None) -> list[tuple[Path, Path | None]]:
    """(file, the folder searched that holds it) for each file `spec` names;
    None for a file named directly."""
    if _is_glob(spec):
        paths: list[tuple[Path, Path | None]] = []
        for match in sorted(glob.glob(spec, recursive=True)):
            path = Path(match)
            if path.is_dir():
                paths += _walk(path, excluded)
            elif path.is_file() or path.is_symlink():
                paths.append((path, input_root(spec)))
        return paths
    path = Path(spec)
    if path.is_dir():
        return _walk(path, excluded)
    if path.is_file():
        return [(path, None)]
    raise InputError(spec, "no such file or folder")


def _walk(folder: Path, excluded: Path | None) -> list[tuple[Path, Path | None]]:
    """Every file under `folder`. Links to folders are not followed (os.walk's
    default), so a link loop cannot make the walk endless."""
    files: list[tuple[Path, Path | None]] = []
    for directory, subfolders, names in os.walk(folder):
        here = Path(directory)
        subfolders[:] = sorted(
            d for d in subfolders if not d.startswith(".") and _resolved(here / d) != excluded
        )
        files += [(here / name, folder) for name in sorted(names)]
    return files


def _path_stem(name: str) -> str:
    """`sub/essay.docx` → `sub__essay`: the relative path, made safe."""
    relative = PurePosixPath(name)
    joined = "__".join([*relative.parent.parts, relative.stem]) if relative.parent.parts else relative.stem
    return safe_stem(joined + ".x")


def output_stems(names: Sequence[str]) -> dict[str, str]:
    """A unique, safe output stem per relative name, compared without case
    (so outputs survive case-insensitive file systems). A clash adds the
    file's type (`essay_docx`), and a clash after that a short hash of the
    name (then a number), so the choice depends only on the set of names.
    Every stem is checked against every stem already taken, generated ones
    included: a file named after another's hashed stem (`e_1a2b3c4d.md`)
    once gave two documents one report."""
    base = {name: _path_stem(name) for name in names}
    clashes = Counter(stem.casefold() for stem in base.values())
    taken: set[str] = set(RESERVED_STEMS)
    stems = {}
    for name in sorted(names):
        stem = base[name]
        if clashes[stem.casefold()] > 1 or stem.casefold() in taken:
            kind = PurePosixPath(name).suffix.lstrip(".").lower()
            stem = f"{stem}_{safe_stem(kind + '.x') if kind else 'file'}"
        if stem.casefold() in taken:
            hashed = f"{base[name]}_{hashlib.sha1(name.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
            stem, number = hashed, 1
            while stem.casefold() in taken:
                number += 1
                stem = f"{hashed}_{number}"
        taken.add(stem.casefold())
        stems[name] = stem
    return stems


def check_output_folder(specs: str | Sequence[str], out: Path, *, force: bool = False) -> None:
    """Refuse to write into an input folder (or below it) unless forced: a
    rerun would otherwise find its own outputs, and a tutor's folder of
    submissions should not fill up with reports by accident."""
    if force:
        return
    target = out.resolve()
    for spec in [specs] if isinstance(specs, str) else specs:
        if not (_is_glob(spec) or Path(spec).is_dir()):
            continue  # a single file: nothing below it to read back
        root = input_root(spec).resolve()
        if target == root or root in target.parents:
            raise BatchUsageError(
                f"the output folder {out} is inside the input folder {input_root(spec)}; "
                "choose another --out, or add --force"
            )
