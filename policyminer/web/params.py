"""Request parameters of the search and export pages, validated, and the URLs built from them.

A page's state lives in its query string only (q, filters, sort, page…), so
every page can be bookmarked, and every link (a facet, a page, an export) is
the current state with one or two parameters changed.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

FILTER_KEYS = ("source", "region", "type", "org", "since", "until")
SORTS = ("relevance", "date")
INTERVALS = ("week", "month")
TYPES = ("news", "policy")
PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_OFFSET = 10_000
MAX_LENGTH = 2_000            # characters of any one parameter


class WebError(Exception):
    """An error the app answers with ``status`` and the JSON shape {"error": {...}}."""

    def __init__(self, status: int, message: str, **extra):
        super().__init__(message)
        self.status, self.message, self.extra = status, message, extra


def text_param(params: Mapping[str, str], name: str) -> str:
    """A stripped string parameter ('' when absent); too long is a 400."""
    value = (params.get(name) or "").strip()
    if len(value) > MAX_LENGTH:
        raise WebError(400, f"parameter {name!r} is longer than {MAX_LENGTH} characters")
    return value


def int_param(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    """An integer parameter in [low, high]; anything else is a 400 naming it."""
    raw = (params.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise WebError(400, f"parameter {name!r} must be a whole number (got {raw[:40]!r})") from None
    if not low <= value <= high:
        raise WebError(400, f"parameter {name!r} must be between {low} and {high} (got {value})")
    return value


def choice_param(params: Mapping[str, str], name: str, choices: tuple[str, ...], default: str) -> str:
    """One of ``choices`` ('' or absent: the default)."""
    value = text_param(params, name) or default
    if value not in choices:
        raise WebError(400, f"parameter {name!r} must be one of {', '.join(choices)} (got {value[:40]!r})")
    return value


@dataclass(frozen=True)
class SearchParams:
    """The state of a search page."""

    q: str = ""
    filters: dict[str, str] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE
    interval: str = "month"

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> "SearchParams":
        """Validate a query string; raises WebError(400) naming the bad parameter."""
        filters = {key: text_param(params, key) for key in FILTER_KEYS}
        filters = {key: value for key, value in filters.items() if value}
        if filters.get("type") and filters["type"] not in TYPES:
            raise WebError(400, f"parameter 'type' must be one of {', '.join(TYPES)}")
        per_page = int_param(params, "per_page", PER_PAGE, 1, MAX_PER_PAGE)
        page = int_param(params, "page", 1, 1, MAX_OFFSET // per_page + 1)
        return cls(q=text_param(params, "q"), filters=filters,
                   sort=choice_param(params, "sort", SORTS, "relevance"), page=page,
                   per_page=per_page, interval=choice_param(params, "interval", INTERVALS, "month"))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def args(self, **changes: str | int | None) -> dict[str, str]:
        """The query-string arguments of this state with ``changes`` (None removes one)."""
        current: dict[str, str | int] = {"q": self.q, **self.filters, "sort": self.sort,
                                         "page": self.page, "per_page": self.per_page,
                                         "interval": self.interval}
        current.update(changes)
        defaults = {"sort": "relevance", "page": 1, "per_page": PER_PAGE, "interval": "month"}
        return {key: str(value) for key, value in current.items()
                if value not in (None, "") and defaults.get(key) != value}

    def url(self, path: str = "/search", **changes: str | int | None) -> str:
        """``path`` with this state's query string, ``changes`` applied."""
        args = self.args(**changes)
        return path + ("?" + urlencode(args) if args else "")

    def with_filter(self, key: str, value: str | None) -> "SearchParams":
        """This state with one filter set (or removed), back on page 1."""
        filters = {k: v for k, v in self.filters.items() if k != key}
        if value:
            filters[key] = value
        return replace(self, filters=filters, page=1)
