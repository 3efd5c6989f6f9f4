"""`analyser serve`: a page on this computer where a student drops an essay
and gets the report, or a tutor drops a VLE's submissions zip, or a folder,
and gets the class overview.

    app = build_app(ServeSettings(settings=Settings()))
    uvicorn.run(app, host="127.0.0.1", port=8765)

Why Starlette (with uvicorn): a small, well-kept ASGI toolkit that gives
routing, requests and responses and nothing the tool does not need (no
ORM, no templating of its own: pages come from the report's jinja2
environment, so they are escaped and carry the report's strict CSP, with
`form-action 'self'` on the upload page only); uvicorn is its usual server.

What it guarantees:

- it listens on 127.0.0.1 unless `--host` says otherwise, and then every
  request must carry the token it prints (`?token=`), compared in constant
  time; on the loopback address the Host header must name it too (a web
  page cannot reach the server through a rebound domain name);
- an upload is read up to `--max-bytes` (and a little for the form around
  it); a larger body is refused from its Content-Length, or as soon as it
  passes the limit, with a page saying so (413), never a traceback; a
  folder's files (POST /folder) are bounded in all by `--max-total-bytes`
  and in number by `--max-files` the same way, and each by `--max-bytes`
  (a file over it is listed in the overview, the rest still analysed);
- the file goes through the same ingest checks as the command line (and a
  zip through analyser/vle.py), under the same time and memory budget;
- nothing is stored: the upload is analysed in memory (a zip's documents in
  a temporary folder removed before the response is sent) and forgotten;
  a folder's files are read in memory, skipped as a batch skips them
  (hidden, lock and unsupported files), and analysed one by one;
  responses say `Cache-Control: no-store`.
"""

from __future__ import annotations

import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from analyser import __version__
from analyser.budget import Budget, OverBudget, within_budget
from analyser.errors import AnalyserError, InputError, text_name
from analyser.ingest import SUPPORTED_SUFFIXES, format_for_suffix, ingest_bytes
from analyser.inputs import BatchInput, is_skipped, output_stems
from analyser.pipeline import Analyser, Settings
from analyser.report.environment import render_page
from analyser.vle import attach_submissions

LOOPBACK = ("127.0.0.1", "localhost", "::1")
FORM_OVERHEAD = 64 * 1024  # the multipart form around the file
PART_OVERHEAD = 1024  # the headers of each file's part (a folder's path as its name)
DEFAULT_MAX_FILES = 300  # a large class, with a file or two each
DEFAULT_MAX_TOTAL_BYTES = 100 * 1024 * 1024  # the body is held in memory while it is parsed
HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


@dataclass
class ServeSettings:
    settings: Settings
    host: str = "127.0.0.1"
    port: int = 8765
    token: str | None = None  # required when the host is not the loopback address
    budget: Budget | None = None
    max_files: int = DEFAULT_MAX_FILES  # a folder's files in one upload
    max_total_bytes: int = DEFAULT_MAX_TOTAL_BYTES  # a folder's files in all


def needs_token(host: str) -> bool:
    return host not in LOOPBACK


def new_token() -> str:
    return secrets.token_urlsafe(18)


class _TooLarge(Exception):
    pass


class _TooMany(Exception):
    pass


TOKEN_NEEDED = ("this page", "needs the token analyser serve printed (add ?token=... to the address)")


def build_app(serve: ServeSettings) -> Starlette:
    """The application: GET / is the upload page, POST /report analyses a
    file (or a zip), POST /folder the files of a folder."""
    analyser = Analyser(serve.settings)
    limit = serve.settings.max_bytes

    def page(status: int, error: tuple[str, str] | None = None) -> HTMLResponse:
        html = render_page("serve.html.j2", {
            "error": {"name": error[0], "problem": error[1]} if error else None,
            "token": serve.token, "max_bytes": limit, "suffixes": ", ".join(SUPPORTED_SUFFIXES),
            "max_files": serve.max_files, "max_total_bytes": serve.max_total_bytes,
            "tool_version": __version__, "where": f"{serve.host}:{serve.port}",
        }, css=["base.css"], js=["serve.js"], form_action="'self'")
        return HTMLResponse(html, status_code=status, headers=HEADERS)

    def allowed(request: Request) -> bool:
        if serve.token is None:
            return True
        return secrets.compare_digest(request.query_params.get("token", ""), serve.token)

    async def home(request: Request) -> Response:
        if not allowed(request):
            return page(403, TOKEN_NEEDED)
        return page(200)

    async def report(request: Request) -> Response:
        if not allowed(request):
            return page(403, TOKEN_NEEDED)
        try:
            form = await _read_form(request, limit + FORM_OVERHEAD, max_files=1)
        except (_TooLarge, _TooMany):
            return page(413, ("the upload", f"is over the limit of {limit:,} bytes (--max-bytes); nothing was read"))
        upload = _one_file(form)
        if upload is None:
            return page(400, ("the upload", "holds no file; choose one and press Analyse"))
        name, data = upload
        try:
            with within_budget(serve.budget or Budget()):
                html = _analyse(analyser, name, data)
        except InputError as error:
            return page(400, (name, error.problem))
        except AnalyserError as error:
            return page(400, (name, str(error)))
        except OverBudget as over:
            return page(400, (name, over.problem))
        return HTMLResponse(html, headers=HEADERS)

    async def folder(request: Request) -> Response:
        if not allowed(request):
            return page(403, TOKEN_NEEDED)
        over_total = ("the folder", f"is over the limit of {serve.max_total_bytes:,} bytes in all "
                                    "(--max-total-bytes); nothing was read")
        body_limit = serve.max_total_bytes + FORM_OVERHEAD + PART_OVERHEAD * serve.max_files
        try:
            form = await _read_form(request, body_limit, max_files=serve.max_files)
        except _TooLarge:
            return page(413, over_total)
        except _TooMany:
            return page(413, ("the folder", f"holds more than {serve.max_files:,} files (--max-files); "
                                            "nothing was read"))
        try:
            files = await _folder_files(form, serve.max_total_bytes)
        except _TooLarge:
            return page(413, over_total)
        if not files:
            return page(400, ("the folder", f"holds no documents to analyse ({', '.join(SUPPORTED_SUFFIXES)})"))
        from analyser.report import failed_row, render_index

        rows = []
        for item, data in files:
            try:
                with within_budget(serve.budget or Budget()):
                    rows.append(_row(analyser, item, data))
            except OverBudget as over:
                rows.append(_with_submission(failed_row(item.name, over.problem), item))

        return HTMLResponse(render_index(rows, title="Class overview: a folder"), headers=HEADERS)

    middleware = []
    if not needs_token(serve.host):
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(LOOPBACK)))
    routes = [Route("/", home), Route("/report", report, methods=["POST"]),
              Route("/folder", folder, methods=["POST"])]
    return Starlette(routes=routes, middleware=middleware)


async def _read_form(request: Request, limit: int, max_files: int) -> FormData | None:
    """The posted form, reading at most `limit` bytes of body (the parser
    Starlette uses bounds fields, not files); None when it is malformed.
    Raises _TooLarge past `limit`, _TooMany past `max_files` files."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _TooLarge()
    chunks, total = [], 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise _TooLarge()
        chunks.append(chunk)
    body = b"".join(chunks)
    sent = False

    async def replay() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    try:
        return await Request(request.scope, receive=replay).form(max_files=max_files, max_fields=4)
    except HTTPException as error:  # Starlette's parser says how a form is bad only in words
        if error.detail.startswith("Too many files"):
            raise _TooMany() from error
        return None
    except Exception:  # noqa: BLE001 - a malformed form is a bad upload, whatever the parser says
        return None


def _upload_name(upload: UploadFile) -> str:
    """The sent name, as plain text with "/" separators and no leading "/"."""
    return text_name(upload.filename or "upload").replace("\\", "/").lstrip("/")


def _one_file(form: FormData | None) -> tuple[str, bytes] | None:
    """The name and bytes of the form's `file`, or None when there is none."""
    upload = form.get("file") if form is not None else None
    if upload is None or isinstance(upload, str):
        return None
    data = upload.file.read()
    upload.file.close()
    name = PurePosixPath(_upload_name(upload)).name or "upload"
    return name, data


async def _folder_files(form: FormData | None, max_total: int) -> list[tuple[BatchInput, bytes]]:
    """A folder's documents, named by their path inside the folder (the
    browser sends the picked folder's own name first: left off), skipping
    what a batch skips; each with its student when the names follow a VLE's.
    Raises _TooLarge when the files hold more than `max_total` bytes in all
    (the body's limit leaves room for the form around them)."""
    uploads = [u for u in (form.getlist("files") if form is not None else []) if not isinstance(u, str)]
    if sum(u.size or 0 for u in uploads) > max_total:
        for upload in uploads:
            await upload.close()
        raise _TooLarge()
    paths = [PurePosixPath(_upload_name(u)) for u in uploads]
    tops = {p.parts[0] for p in paths if len(p.parts) > 1}
    if len(tops) == 1 and all(len(p.parts) > 1 for p in paths):
        paths = [PurePosixPath(*p.parts[1:]) for p in paths]
    kept: dict[str, bytes] = {}
    for upload, path in zip(uploads, paths, strict=True):
        if not is_skipped(path) and str(path) not in kept:
            kept[str(path)] = await upload.read()
        await upload.close()
    stems = output_stems(list(kept))
    inputs = attach_submissions([BatchInput(Path(name), name, stems[name]) for name in sorted(kept)])
    return [(item, kept[item.name]) for item in inputs]


def _analyse(analyser: Analyser, name: str, data: bytes) -> str:
    """The report page for one document, or the overview of a submissions zip."""
    from analyser.report import render_index, render_report

    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".zip":
        return render_index(_zip_rows(analyser, name, data), title=f"Class overview: {name}")
    settings = analyser.settings
    document = ingest_bytes(data, name, format_for_suffix(suffix), settings.max_bytes, settings.max_pages,
                            suffix=suffix)
    return render_report(analyser.analyse_document(document))


def _zip_rows(analyser: Analyser, name: str, data: bytes) -> list[dict[str, Any]]:
    """Summary rows for each document of a submissions zip, read in a
    temporary folder that is gone before the page is sent (no report links:
    nothing is kept to link to)."""
    from analyser.vle import open_submissions_zip

    with tempfile.TemporaryDirectory(prefix="analyser-serve-") as folder:
        upload = Path(folder) / "upload.zip"
        upload.write_bytes(data)
        inputs = attach_submissions(open_submissions_zip(upload, Path(folder) / "documents",
                                                         analyser.settings.max_bytes))
        if not inputs:
            raise InputError(name, "holds no documents to analyse")
        return [_row(analyser, item, None if item.problem else item.path.read_bytes()) for item in inputs]


def _row(analyser: Analyser, item: BatchInput, data: bytes | None) -> dict[str, Any]:
    """The overview's row for one document of a class (its one-line problem
    when it cannot be read or analysed), with its student when known."""
    from analyser.report import failed_row, summary_row

    settings = analyser.settings
    if item.problem or data is None:
        return _with_submission(failed_row(item.name, item.problem or "could not be read"), item)
    suffix = PurePosixPath(item.name).suffix.lower()
    try:
        analysis = analyser.analyse_document(ingest_bytes(
            data, item.name, format_for_suffix(suffix), settings.max_bytes, settings.max_pages, suffix=suffix))
    except InputError as error:
        return _with_submission(failed_row(item.name, error.problem), item)
    return _with_submission(summary_row(analysis, document=item.name), item)


def _with_submission(row: dict[str, Any], item: BatchInput) -> dict[str, Any]:
    if item.submission:
        row.update(student=item.submission.student, identifier=item.submission.identifier,
                   flag=item.submission.flag)
    return row
