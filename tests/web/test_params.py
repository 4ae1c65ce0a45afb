from urllib.parse import parse_qs, urlsplit

import pytest

from policyminer.web.params import SearchParams, WebError


def test_defaults():
    params = SearchParams.parse({})
    assert params == SearchParams(q="", filters={}, sort="relevance", page=1, per_page=20, interval="month")
    assert params.offset == 0
    assert params.url() == "/search"


def test_parse_keeps_filters_and_drops_empty_ones():
    params = SearchParams.parse({"q": " 签约 ", "source": "cqbb-news", "region": "", "org": "西南大学",
                                 "since": "2025-04-01", "type": "policy", "page": "3", "per_page": "10"})
    assert params.q == "签约"
    assert params.filters == {"source": "cqbb-news", "org": "西南大学", "since": "2025-04-01", "type": "policy"}
    assert params.offset == 20


@pytest.mark.parametrize("args, named", [
    pytest.param({"sort": "random"}, "sort", id="unknown-sort"),
    pytest.param({"page": "x"}, "page", id="page-not-a-number"),
    pytest.param({"page": "0"}, "page", id="page-zero"),
    pytest.param({"page": "100000"}, "page", id="page-past-offset-cap"),
    pytest.param({"per_page": "1000"}, "per_page", id="per-page-too-big"),
    pytest.param({"interval": "decade"}, "interval", id="unknown-interval"),
    pytest.param({"type": "blog"}, "type", id="unknown-type"),
    pytest.param({"q": "签" * 3000}, "q", id="query-too-long"),
])
def test_bad_parameters_are_400_naming_the_parameter(args, named):
    with pytest.raises(WebError) as caught:
        SearchParams.parse(args)
    assert caught.value.status == 400
    assert repr(named) in caught.value.message


def test_url_changes_and_removes_parameters():
    params = SearchParams.parse({"q": "签约 org:西南大学", "source": "cqbb-news", "page": "2", "sort": "date"})
    url = params.url(page=3, source=None)
    assert urlsplit(url).path == "/search"
    assert parse_qs(urlsplit(url).query) == {"q": ["签约 org:西南大学"], "sort": ["date"], "page": ["3"]}


def test_with_filter_goes_back_to_page_one():
    params = SearchParams.parse({"q": "签约", "page": "4"}).with_filter("region", "重庆市北碚区")
    assert params.page == 1 and params.filters == {"region": "重庆市北碚区"}
    assert params.with_filter("region", None).filters == {}


def test_url_escapes_markup_in_values():
    url = SearchParams(q='<script>"&').url()
    assert "<" not in url and '"' not in url and url.endswith("q=%3Cscript%3E%22%26")
