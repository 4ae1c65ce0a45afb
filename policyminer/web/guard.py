"""What keeps the app safe by default: GET only, known Host names, security headers,
and every error in one shape ({"error": {...}} as JSON, or an error page)."""
from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from policyminer.errors import EngineError, PolicyminerError, QueryError
from policyminer.web.params import WebError

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
SAFE_METHODS = ("GET", "HEAD")
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
RAW_CSP = "default-src 'none'; sandbox"
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
TITLES = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 500: "Server error",
          503: "Engine unavailable"}


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` keeps the app on this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(header: str | None) -> str:
    """The host of a Host header, without port or IPv6 brackets, lower case."""
    header = (header or "").strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def host_allowed(header: str | None, allowed: Iterable[str] | None) -> bool:
    """Allowed when ``allowed`` is None (any host) or names the request's host.

    Checking the Host header keeps a web page elsewhere from reading the app
    through a DNS name rebound to 127.0.0.1.
    """
    return allowed is None or host_name(header) in set(allowed)


def add_security_headers(response: Response) -> None:
    """The security headers, unless the route already set its own (the raw copy's CSP)."""
    for key, value in HEADERS.items():
        response.headers.setdefault(key, value)


def wants_json(request: Request) -> bool:
    """JSON for the .json twins and for clients that ask for JSON, not HTML."""
    accept = request.headers.get("accept", "")
    return request.url.path.endswith(".json") or ("application/json" in accept
                                                  and "text/html" not in accept)


def as_web_error(exc: Exception) -> WebError:
    """The WebError of a library exception: a bad query is a 400, an engine down a 503."""
    if isinstance(exc, WebError):
        return exc
    if isinstance(exc, QueryError):
        return WebError(400, str(exc), kind="query", position=getattr(exc, "position", None),
                        query=getattr(exc, "query", None))
    if isinstance(exc, EngineError):
        return WebError(503, str(exc), kind="engine")
    if isinstance(exc, PolicyminerError):
        return WebError(500, str(exc))
    return WebError(500, "internal error; see the server log")


def error_body(error: WebError) -> dict[str, Any]:
    """The one JSON shape of every error."""
    return {"error": {"status": error.status, "title": TITLES.get(error.status, "Error"),
                      "message": error.message, **error.extra}}


def error_response(request: Request, error: WebError,
                   render: Callable[..., HTMLResponse] | None = None) -> Response:
    """The error as JSON or, for a browser, as an error page rendered by ``render``."""
    if wants_json(request) or render is None:
        return JSONResponse(error_body(error), status_code=error.status)
    return render(request, "error.html", {"error": error_body(error)["error"]}, status=error.status)
