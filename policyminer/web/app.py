"""The web application: routes, templates and the server.

    app = create_app(Workspace.open("~/research"))    # for tests and ASGI servers
    serve(ws, host="127.0.0.1", port=8000)            # `policyminer serve`

Pages (each with a ``.json`` twin): ``/search``, ``/documents/{id}``, ``/orgs``, ``/orgs/{key}``,
``/signings``; downloads: ``/export/{kind}.{csv|xlsx|jsonl}``,
``/signings.{csv|xlsx}``, ``/documents/{id}/raw`` (text/plain). Read-only:
every route is GET, the engine is opened once and only queried.
"""
from __future__ import annotations

import copy
import logging
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from policyminer.errors import PolicyminerError, QueryError
from policyminer.web import guard
from policyminer.web.documents import document_page, keyword_links, raw_copy, related
from policyminer.web.downloads import export_download, parse_export_name, rows_download
from policyminer.web.markup import snippet_html
from policyminer.web.orgs import (OrgsParams, RegistryCache, body_json, body_page, orgs_json, orgs_page,
                                  place_search, region_place)
from policyminer.web.params import SearchParams, WebError
from policyminer.web.search import search_json, search_page
from policyminer.web.signings import (EXPORT_COLUMNS, export_row, signing_filters, signings_json,
                                      signings_page, signings_url, week_of)
from policyminer.workspace import Workspace

HERE = Path(__file__).resolve().parent
STATIC = {"style.css": ("text/css; charset=utf-8", HERE / "static" / "style.css")}
log = logging.getLogger(__name__)


class Engine:
    """The workspace's index, opened on first use and shared (engines lock their connection)."""

    def __init__(self, ws: Workspace):
        self.ws, self._index, self._lock = ws, None, threading.Lock()

    def get(self):
        with self._lock:
            if self._index is None:
                from policyminer.run import open_workspace_index
                self._index = open_workspace_index(self.ws)
            return self._index

    def close(self) -> None:
        with self._lock:
            if self._index is not None:
                self._index.close()
                self._index = None


def get(app: FastAPI, path: str):
    """A route for GET (and HEAD, which answers the same headers without the body)."""
    return app.api_route(path, methods=list(guard.SAFE_METHODS))


def templates():
    """The Jinja environment: autoescaping on, undefined names an error."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["snippet"] = snippet_html
    env.filters["place"] = region_place
    env.filters["place_search"] = place_search
    return env


def create_app(ws: Workspace, *, allowed_hosts: tuple[str, ...] | None = guard.LOOPBACK_HOSTS) -> FastAPI:
    """The app over ``ws``'s engine; ``allowed_hosts`` None accepts any Host header."""
    engine, env = Engine(ws), templates()

    @asynccontextmanager
    async def lifespan(_app):
        yield
        engine.close()

    app = FastAPI(title="policyminer", docs_url=None, redoc_url=None, openapi_url=None,
                  lifespan=lifespan)
    app.state.engine, app.state.workspace = engine, ws

    def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
        page = env.get_template(name).render(request_path=request.url.path, **context)
        return HTMLResponse(page, status_code=status)

    _install_guards(app, render, allowed_hosts)
    _search_routes(app, engine, render)
    _document_routes(app, engine, render, ws)
    _signings_routes(app, engine, render)
    _orgs_routes(app, engine, render, RegistryCache(ws))
    return app


def _install_guards(app: FastAPI, render, allowed_hosts) -> None:
    @app.middleware("http")
    async def guard_requests(request: Request, call_next) -> Response:
        if request.method not in guard.SAFE_METHODS:
            response = guard.error_response(request, WebError(405, "this app is read-only: GET only"))
            response.headers["Allow"] = "GET, HEAD"
        elif not guard.host_allowed(request.headers.get("host"), allowed_hosts):
            response = guard.error_response(request, WebError(
                400, "unexpected Host header; open the app as http://127.0.0.1:PORT/"))
        else:
            response = await call_next(request)
        guard.add_security_headers(response)
        return response

    @app.exception_handler(WebError)
    @app.exception_handler(PolicyminerError)
    async def library_error(request: Request, exc: Exception) -> Response:
        return guard.error_response(request, guard.as_web_error(exc), render)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = "no such page" if exc.status_code == 404 else str(exc.detail)
        return guard.error_response(request, WebError(exc.status_code, message), render)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        return guard.error_response(request, WebError(400, "invalid request parameters"), render)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path)
        return guard.error_response(request, guard.as_web_error(exc), render)

    @get(app, "/static/{name}")
    def static(name: str) -> Response:
        if name not in STATIC:
            raise WebError(404, "no such file")
        media_type, path = STATIC[name]
        return Response(path.read_bytes(), media_type=media_type,
                        headers={"Cache-Control": "public, max-age=3600"})

    @get(app, "/")
    def home() -> Response:
        return RedirectResponse("/search", status_code=302)


def _search_routes(app: FastAPI, engine: Engine, render) -> None:
    @get(app, "/search.json")
    def search_as_json(request: Request) -> Response:
        params = SearchParams.parse(request.query_params)
        return JSONResponse(search_json(search_page(engine.get(), params)))

    @get(app, "/search")
    def search(request: Request) -> Response:
        params = SearchParams.parse(request.query_params)
        try:
            page = search_page(engine.get(), params)
        except QueryError as exc:
            error = guard.as_web_error(exc)
            return render(request, "search.html", {"params": params, "error": error_marker(error, params.q),
                                                   "json_url": params.url("/search.json")}, status=400)
        return render(request, "search.html", {**page, "error": None,
                                               "json_url": params.url("/search.json")})

    @get(app, "/export/{name}")
    def export(request: Request, name: str) -> Response:
        kind, fmt = parse_export_name(name)
        params = SearchParams.parse(request.query_params)
        return export_download(engine.get(), kind, fmt, params)


def error_marker(error: WebError, query: str) -> dict[str, Any]:
    """A query error for the page: the message and the query cut around the position."""
    position = error.extra.get("position")
    info: dict[str, Any] = {"message": error.message, "position": position, "parts": None}
    if isinstance(position, int) and error.extra.get("query") == query and 0 <= position <= len(query):
        info["parts"] = (query[:position], query[position:position + 1] or " ", query[position + 1:])
    return info


def _document_routes(app: FastAPI, engine: Engine, render, ws: Workspace) -> None:
    def stored(doc_id: str) -> dict[str, Any]:
        doc = engine.get().document(doc_id) if len(doc_id) <= 64 else None
        if doc is None:
            raise WebError(404, f"no document with id {doc_id[:64]!r} in the index")
        return doc

    @get(app, "/documents/{doc_id}.json")
    def document_as_json(doc_id: str) -> Response:
        doc = stored(doc_id)
        extra = related(ws, doc)     # "similar" once the workspace has a keyword model
        return JSONResponse({**doc, **{k: v for k, v in extra.items() if v is not None}})

    @get(app, "/documents/{doc_id}/raw")
    def document_raw(doc_id: str) -> Response:
        doc = stored(doc_id)
        raw = raw_copy(ws, doc.get("url"))
        if raw is None:
            raise WebError(404, f"the crawler stored no raw copy of document {doc_id}")
        return PlainTextResponse(raw, headers={"Content-Security-Policy": guard.RAW_CSP,
                                               "Content-Disposition": "inline"})

    @get(app, "/documents/{doc_id}")
    def document(request: Request, doc_id: str) -> Response:
        doc = stored(doc_id)
        extra = related(ws, doc)
        return render(request, "document.html", {**document_page(doc), "similar": extra["similar"] or [],
                                                 "keywords": keyword_links(extra["keywords"]),
                                                 "json_url": f"/documents/{doc_id}.json"})


def _signings_routes(app: FastAPI, engine: Engine, render) -> None:
    def page(request: Request) -> dict[str, Any]:
        week, since, until = week_of(request.query_params)
        return signings_page(engine.get(), week, since, until, signing_filters(request.query_params))

    @get(app, "/signings.{fmt}")
    def signings_file(request: Request, fmt: str) -> Response:
        if fmt == "json":
            return JSONResponse(signings_json(page(request)))
        if fmt not in ("csv", "xlsx"):
            raise WebError(404, f"no such format: {fmt[:20]!r} (json, csv or xlsx)")
        data = page(request)
        return rows_download([export_row(r) for r in data["rows"]], EXPORT_COLUMNS, fmt,
                             f"policyminer-signings-{data['week']}.{fmt}")

    @get(app, "/signings")
    def signings(request: Request) -> Response:
        data = page(request)
        json_url = signings_url(data["week"], data["filters"], "/signings.json")
        return render(request, "signings.html", {**data, "json_url": json_url})


def _orgs_routes(app: FastAPI, engine: Engine, render, registry: RegistryCache) -> None:
    @get(app, "/orgs.json")
    def orgs_as_json(request: Request) -> Response:
        return JSONResponse(orgs_json(orgs_page(registry.get(), OrgsParams.parse(request.query_params))))

    @get(app, "/orgs")
    def orgs(request: Request) -> Response:
        return render(request, "orgs.html", orgs_page(registry.get(), OrgsParams.parse(request.query_params)))

    @get(app, "/orgs/{key:path}")
    def org_body(request: Request, key: str) -> Response:
        if key.endswith(".json"):
            return JSONResponse(body_json(body_page(engine.get(), registry.get(), key[:-len(".json")])))
        return render(request, "orgs_body.html", body_page(engine.get(), registry.get(), key))


def log_config() -> dict[str, Any]:
    """uvicorn's logging with the access log on stderr too (stdout is for data)."""
    from uvicorn.config import LOGGING_CONFIG
    config = copy.deepcopy(LOGGING_CONFIG)
    config["handlers"]["access"]["stream"] = "ext://sys.stderr"
    return config


def serve(ws: Workspace, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn until interrupted (Host checked when bound to loopback)."""
    import uvicorn
    app = create_app(ws, allowed_hosts=guard.LOOPBACK_HOSTS if guard.is_loopback(host) else None)
    uvicorn.run(app, host=host, port=port, log_config=log_config(), server_header=False,
                proxy_headers=False)
