"""`analyser serve`: a page on this computer where a student drops an essay
and gets the report, or a tutor drops a VLE's submissions zip and gets the
class overview.

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
  passes the limit, with a page saying so (413), never a traceback;
- the file goes through the same ingest checks as the command line (and a
  zip through analyser/vle.py), under the same time and memory budget;
- nothing is stored: the upload is analysed in memory (a zip's documents in
  a temporary folder removed before the response is sent) and forgotten;
  responses say `Cache-Control: no-store`.
"""

from __future__ import annotations

import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from analyser import __version__
from analyser.budget import Budget, OverBudget, within_budget
from analyser.errors import AnalyserError, InputError, text_name
from analyser.ingest import SUPPORTED_SUFFIXES, format_for_suffix, ingest_bytes
from analyser.pipeline import Analyser, Settings
from analyser.report.environment import render_page

LOOPBACK = ("127.0.0.1", "localhost", "::1")
FORM_OVERHEAD = 64 * 1024  # the multipart form around the file
HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


@dataclass
class ServeSettings:
    settings: Settings
    host: str = "127.0.0.1"
    port: int = 8765
    token: str | None = None  # required when the host is not the loopback address
    budget: Budget | None = None


def needs_token(host: str) -> bool:
    return host not in LOOPBACK


def new_token() -> str:
    return secrets.token_urlsafe(18)


class _TooLarge(Exception):
    pass


def build_app(serve: ServeSettings) -> Starlette:
    """The application: GET / is the upload page, POST /report analyses the file."""
    analyser = Analyser(serve.settings)
    limit = serve.settings.max_bytes

    def page(status: int, error: tuple[str, str] | None = None) -> HTMLResponse:
        html = render_page("serve.html.j2", {
            "error": {"name": error[0], "problem": error[1]} if error else None,
            "token": serve.token, "max_bytes": limit, "suffixes": ", ".join(SUPPORTED_SUFFIXES),
            "tool_version": __version__, "where": f"{serve.host}:{serve.port}",
        }, css=["base.css"], js=[], form_action="'self'")
        return HTMLResponse(html, status_code=status, headers=HEADERS)

    def allowed(request: Request) -> bool:
        if serve.token is None:
            return True
        return secrets.compare_digest(request.query_params.get("token", ""), serve.token)

    async def home(request: Request) -> Response:
        if not allowed(request):
            return page(403, ("this page", "needs the token analyser serve printed (add ?token=... to the address)"))
        return page(200)

    async def report(request: Request) -> Response:
        if not allowed(request):
            return page(403, ("this page", "needs the token analyser serve printed (add ?token=... to the address)"))
        try:
            upload = await _read_upload(request, limit + FORM_OVERHEAD)
        except _TooLarge:
            return page(413, ("the upload", f"is over the limit of {limit:,} bytes (--max-bytes); nothing was read"))
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

    middleware = []
    if not needs_token(serve.host):
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(LOOPBACK)))
    return Starlette(routes=[Route("/", home), Route("/report", report, methods=["POST"])], middleware=middleware)


async def _read_upload(request: Request, limit: int) -> tuple[str, bytes] | None:
    """The uploaded file's name and bytes, reading at most `limit` bytes of
    body (the parser Starlette uses bounds fields, not files)."""
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
        form = await Request(request.scope, receive=replay).form(max_files=1, max_fields=4)
    except Exception:  # noqa: BLE001 - a malformed form is a bad upload, whatever the parser says
        return None
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        return None
    data = await upload.read()
    await upload.close()
    name = PurePosixPath(text_name(upload.filename or "upload").replace("\\", "/")).name or "upload"
    return name, data


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
    from analyser.report import failed_row, summary_row
    from analyser.vle import attach_submissions, open_submissions_zip

    rows = []
    with tempfile.TemporaryDirectory(prefix="analyser-serve-") as folder:
        upload = Path(folder) / "upload.zip"
        upload.write_bytes(data)
        inputs = attach_submissions(open_submissions_zip(upload, Path(folder) / "documents",
                                                         analyser.settings.max_bytes))
        if not inputs:
            raise InputError(name, "holds no documents to analyse")
        for item in inputs:
            if item.problem:
                row = failed_row(item.name, item.problem)
            else:
                try:
                    analysis = analyser.analyse_document(ingest_bytes(
                        item.path.read_bytes(), item.name, format_for_suffix(item.path.suffix),
                        analyser.settings.max_bytes, analyser.settings.max_pages, suffix=item.path.suffix))
                    row = summary_row(analysis, document=item.name)
                except InputError as error:
                    row = failed_row(item.name, error.problem)
            if item.submission:
                row.update(student=item.submission.student, identifier=item.submission.identifier,
                           flag=item.submission.flag)
            rows.append(row)
    return rows

