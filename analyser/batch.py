"""Batch runs: analyse every supported document under a folder (or matching a
glob) in parallel, write one report per document, then the class overview
(`index.html`) and `summary.csv`.

    inputs = find_inputs("essays/")
    result = run_batch(inputs, Path("reports"), Settings(), jobs=2)

Why it is built this way:

- Worker processes each load the `Analyser` once (the pool's initializer) and
  do everything for a document themselves (analyse, render, write), sending
  back only a small plain-dict summary row: the parent never holds analyses.
- One bad file never stops the run: its row carries its one-line error, the
  others complete, and the caller decides the exit status.
- Outputs are deterministic: names come from each file's path relative to the
  input folder (so two `essay.docx` in different folders never collide),
  reports record that relative path rather than where the folder happens to
  live, and rows are sorted by it. The same inputs give the same bytes, and a
  rerun replaces every file atomically.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import io
import os
import shutil
import signal
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any

from analyser.errors import AnalyserError, InputError, printable, text_name
from analyser.ingest import SUPPORTED_SUFFIXES
from analyser.model import Analysis
from analyser.output import safe_stem, temp_pattern, to_json, write_atomic
from analyser.pipeline import Analyser, Settings

FORMATS = ("html", "json", "all")
INDEX_NAME = "index.html"
CSV_NAME = "summary.csv"
RESERVED_STEMS = {"index", "summary"}  # would collide with the overview's own files
_GLOB_CHARS = set("*?[")

ProgressCallback = Callable[[int, int, dict[str, Any]], None]


class BatchUsageError(AnalyserError):
    """The batch cannot start as asked (e.g. the output folder is inside the input)."""


@dataclass(frozen=True)
class BatchInput:
    path: Path  # where to read it (as the user named the folder, joined with the relative name)
    name: str  # path relative to the input root, with "/" separators: shown in reports and the index
    stem: str  # unique, safe output file stem


@dataclass
class BatchResult:
    rows: list[dict[str, Any]]
    index_path: Path
    csv_path: Path
    seconds: float
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def succeeded(self) -> int:
        return len(self.rows) - len(self.failures)


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
    candidates: list[Path] = []
    for spec in spec_list:
        candidates += _candidates(spec, excluded)
    found: dict[str, Path] = {}
    for path in candidates:
        if excluded and (path.resolve() == excluded or excluded in path.resolve().parents):
            continue
        relative = PurePosixPath(text_name(os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")))
        if not is_skipped(relative):
            found.setdefault(str(relative), path)
    names = sorted(found)
    stems = output_stems(names)
    return [BatchInput(found[name], name, stems[name]) for name in names]


def _candidates(spec: str, excluded: Path | None) -> list[Path]:
    if _is_glob(spec):
        paths = []
        for match in sorted(glob.glob(spec, recursive=True)):
            path = Path(match)
            if path.is_dir():
                paths += _walk(path, excluded)
            elif path.is_file():
                paths.append(path)
        return paths
    path = Path(spec)
    if path.is_dir():
        return _walk(path, excluded)
    if path.is_file():
        return [path]
    raise InputError(spec, "no such file or folder")


def _walk(folder: Path, excluded: Path | None) -> list[Path]:
    files = []
    for directory, subfolders, names in os.walk(folder):
        here = Path(directory)
        subfolders[:] = sorted(
            d for d in subfolders if not d.startswith(".") and (here / d).resolve() != excluded
        )
        files += [here / name for name in sorted(names)]
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
    name, so the choice depends only on the set of names."""
    base = {name: _path_stem(name) for name in names}
    clashes = Counter(stem.casefold() for stem in base.values())
    taken: set[str] = set()
    stems = {}
    for name in sorted(names):
        stem = base[name]
        if clashes[stem.casefold()] > 1 or stem.casefold() in RESERVED_STEMS:
            kind = PurePosixPath(name).suffix.lstrip(".").lower()
            stem = f"{stem}_{safe_stem(kind + '.x') if kind else 'file'}"
        if stem.casefold() in taken or stem.casefold() in RESERVED_STEMS:
            stem = f"{base[name]}_{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"
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


def write_document_outputs(
    analysis: Analysis, out_dir: Path, stem: str, fmt: str, *, index_href: str | None = None
) -> dict[str, Path]:
    """Write the report and/or the JSON for one analysis, atomically.
    Returns {"html": path, "json": path} for what was written."""
    from analyser.report import render_report

    written = {}
    if fmt in ("html", "all"):
        written["html"] = out_dir / f"{stem}.html"
        write_atomic(written["html"], render_report(analysis, index_href=index_href))
    if fmt in ("json", "all"):
        written["json"] = out_dir / f"{stem}.json"
        write_atomic(written["json"], to_json(analysis.to_dict()))
    return written


# --- worker side -----------------------------------------------------------

_worker_analyser: Analyser | None = None


def _start_worker(settings: Settings, *, in_pool: bool = False) -> None:
    """Pool initializer: load the pipeline once per worker process. Workers
    ignore Ctrl-C: the parent handles it, cancels what has not started and
    lets each worker finish its current document."""
    global _worker_analyser
    if in_pool:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_analyser = Analyser(settings).load()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def analyse_one(path: str, name: str, stem: str, out_dir: str, fmt: str) -> dict[str, Any]:
    """Analyse one document and write its outputs; always returns a summary
    row (a failed row carries the one-line error instead of counts)."""
    from analyser.report import failed_row, summary_row

    assert _worker_analyser is not None, "the worker was not initialised"
    try:
        analysis = _worker_analyser.analyse_file(path)
    except InputError as error:
        return failed_row(name, _one_line(error.problem))
    except AnalyserError as error:
        return failed_row(name, _one_line(str(error)))
    except Exception as error:  # a bug must not stop the other documents
        return failed_row(name, _one_line(f"internal error ({type(error).__name__}: {error})"))
    analysis.document.metadata.source = name
    try:
        written = write_document_outputs(analysis, Path(out_dir), stem, fmt, index_href=INDEX_NAME)
    except OSError as error:
        return failed_row(name, _one_line(f"cannot write its report ({error.strerror or error})"))
    report = written.get("html")
    data = written.get("json")
    return summary_row(
        analysis, document=name, report=report.name if report else None, json=data.name if data else None
    )


# --- parent side -----------------------------------------------------------


def validate_settings(settings: Settings) -> None:
    """Load the profile and lexicon once in the parent, so a bad data file is
    reported once (every problem, file:line) instead of breaking each worker."""
    from analyser.lexicon import load_lexicon
    from analyser.profile import load_profile

    profile = load_profile(settings.profile_path)
    load_lexicon(Path(settings.lexicon_path) if settings.lexicon_path else profile.lexicon_path)
    model_path = settings.model_path or profile.model_path
    if settings.use_model and model_path:
        from analyser.textmodel import load_model

        load_model(model_path)  # a bad model file: one line here, not one per worker


def run_batch(
    inputs: Sequence[BatchInput],
    out_dir: Path,
    settings: Settings | None = None,
    *,
    jobs: int = 1,
    fmt: str = "all",
    title: str = "Class overview",
    on_result: ProgressCallback | None = None,
) -> BatchResult:
    """Analyse `inputs` with `jobs` worker processes (one job: in this
    process, no pool), then write the index and the CSV."""
    if fmt not in FORMATS:
        raise BatchUsageError(f"unknown format '{fmt}' (use one of: {', '.join(FORMATS)})")
    settings = settings or Settings()
    validate_settings(settings)
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    rows: dict[str, dict[str, Any]] = {}
    tasks = [(str(item.path), item.name, item.stem, str(out_dir), fmt) for item in inputs]

    def collect(row: dict[str, Any]) -> None:
        rows[row["document"]] = row
        if on_result:
            on_result(len(rows), len(tasks), row)

    outputs = [f"{item.stem}.{suffix}" for item in inputs for suffix in ("html", "json")] + [INDEX_NAME, CSV_NAME]
    remove_stale_temporaries(out_dir, outputs)  # left by a run whose process was killed
    try:
        if jobs <= 1 or len(tasks) <= 1:
            _start_worker(settings)
            for task in tasks:
                collect(analyse_one(*task))
        else:
            _run_in_pools(tasks, settings, jobs, collect)
        ordered = [rows[item.name] for item in inputs]
        return _finish(ordered, out_dir, title, time.perf_counter() - started)
    finally:
        remove_stale_temporaries(out_dir, outputs)  # left by a worker killed in this run


def remove_stale_temporaries(out_dir: Path, names: Sequence[str]) -> None:
    """Delete the temporary files `write_atomic` leaves when its process is
    killed between creating one and renaming it into place, for our own
    output names only (nothing else in the folder is touched)."""
    for name in names:
        for path in out_dir.glob(temp_pattern(name)):
            path.unlink(missing_ok=True)


Task = tuple[str, str, str, str, str]  # analyse_one's arguments
WORKER_DIED = "its worker process died while analysing it (killed, out of memory, or a crash in a file parser)"


def _run_in_pools(tasks: Sequence[Task], settings: Settings, jobs: int,
                  collect: Callable[[dict[str, Any]], None]) -> None:
    """Analyse `tasks` in a pool of `jobs` worker processes.

    A worker that dies (killed, out of memory, a crash inside a parser)
    breaks its whole pool, and every document the pool still held fails
    with it. So a pool holds at most 2 x jobs documents at a time; when it
    breaks, each document it held is retried alone in a fresh worker (only
    one that kills that worker too is recorded as failed), and the rest of
    the batch goes on in a new pool."""
    from analyser.report import failed_row

    queue = list(tasks)
    while queue:
        waiting = len(queue)
        suspects = _pool_round(queue, settings, min(jobs, len(queue)), collect)
        for task in suspects:
            if _pool_round([task], settings, 1, collect):
                collect(failed_row(task[1], WORKER_DIED))
        if not suspects and len(queue) == waiting:  # the pool broke before taking anything
            for task in queue:
                collect(failed_row(task[1], WORKER_DIED))
            return


def _pool_round(queue: list[Task], settings: Settings, workers: int,
                collect: Callable[[dict[str, Any]], None]) -> list[Task]:
    """Run tasks taken from the front of `queue` until it is empty or a worker
    dies; return the tasks the pool held when it broke (none if it did not)."""
    from analyser.report import failed_row

    pool = ProcessPoolExecutor(max_workers=workers, initializer=partial(_start_worker, in_pool=True),
                               initargs=(settings,))
    held: dict[Future[dict[str, Any]], Task] = {}
    broken: list[Task] = []
    try:
        while held or (queue and not broken):
            while queue and not broken and len(held) < 2 * workers:
                try:
                    held[pool.submit(analyse_one, *queue[0])] = queue[0]
                except BrokenProcessPool:
                    break  # seen through the futures it already holds
                queue.pop(0)
            if not held:
                break
            done, _ = wait(held, return_when=FIRST_COMPLETED)
            for future in done:
                task = held.pop(future)
                try:
                    collect(future.result())
                except BrokenProcessPool:
                    broken.append(task)
                except Exception as error:  # e.g. a row that could not be sent back
                    collect(failed_row(task[1], _one_line(f"worker failed ({type(error).__name__})")))
    except BaseException:  # Ctrl-C: do not start the documents still queued
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return broken


def _finish(rows: list[dict[str, Any]], out_dir: Path, title: str, seconds: float) -> BatchResult:
    from analyser.report import render_index

    index_path = out_dir / INDEX_NAME
    csv_path = out_dir / CSV_NAME
    write_atomic(index_path, render_index(rows, title=title))
    write_atomic(csv_path, summary_csv(rows))
    return BatchResult(rows, index_path, csv_path, seconds, [r for r in rows if r.get("error")])


def _spreadsheet_safe(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def summary_csv(rows: Sequence[dict[str, Any]]) -> str:
    """The index's columns for a spreadsheet: one row per document."""
    concept_ids: list[str] = []
    for row in rows:
        concept_ids += [c["id"] for c in row.get("concepts") or [] if c["id"] not in concept_ids]
    header = ["document", "title", "words", *concept_ids, *(f"{c}_absent" for c in concept_ids),
              "citations", "secondary", "secondary_share", "problems", "report", "json", "error"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in sorted(rows, key=lambda r: (r["document"].lower(), r["document"])):
        counts = {c["id"]: c for c in row.get("concepts") or []}
        share = row.get("secondary_share")

        def count(concept_id: str, key: str, counts=counts, row=row) -> Any:
            return "" if row.get("error") else counts.get(concept_id, {}).get(key, 0)

        values = [
            row["document"], row.get("title") or "", _blank(row.get("words")),
            *(count(c, "present") for c in concept_ids), *(count(c, "absent") for c in concept_ids),
            _blank(row.get("citations")), _blank(row.get("secondary")),
            "" if share is None else f"{share:.3f}", _blank(row.get("problems")),
            row.get("report") or "", row.get("json") or "", row.get("error") or "",
        ]
        writer.writerow([_spreadsheet_safe(v) for v in values])
    return buffer.getvalue()


def _blank(value: Any) -> Any:
    return "" if value is None else value


class ProgressPrinter:
    """Progress of a batch run. On a terminal: one line redrawn in place with
    a bar, the count, the percentage and the time left. Anywhere else (a log,
    a pipe, CI): one plain line per finished document."""

    BAR = 24

    def __init__(self, total: int, stream: Any, *, terminal: bool | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.stream = stream
        self.terminal = stream.isatty() if terminal is None else terminal
        self.clock = clock
        self.started = clock()
        self.drawn = False

    def __call__(self, done: int, total: int, row: dict[str, Any]) -> None:
        name = printable(str(row["document"]))  # a file name must not rewrite the terminal
        status = "failed" if row.get("error") else "ok"
        if not self.terminal:
            self.stream.write(f"[{done}/{total}] {status} {name}\n")
            self.stream.flush()
            return
        elapsed = self.clock() - self.started
        left = elapsed / done * (total - done) if done else 0.0
        filled = round(self.BAR * done / total) if total else self.BAR
        line = (f"{'#' * filled}{'.' * (self.BAR - filled)} {done}/{total} "
                f"{round(100 * done / total) if total else 100:3d}%  ETA {_clock_time(left)}  {name}")
        width = max(20, _terminal_width() - 1)
        self.stream.write("\r" + line[:width].ljust(width))
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.terminal and self.drawn:
            self.stream.write("\n")
            self.stream.flush()


def _clock_time(seconds: float) -> str:
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes // 60}:{minutes % 60:02d}:{secs:02d}" if minutes >= 60 else f"{minutes}:{secs:02d}"


def _terminal_width() -> int:
    return shutil.get_terminal_size((80, 24)).columns
