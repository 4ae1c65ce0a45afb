"""Source configuration: loading, placeholders, scope, and errors that name file, key and value."""
from __future__ import annotations

from pathlib import Path

import pytest

from crawler.sources import JsonList, Source, load_sources
from policyminer.demo import SOURCES_FILE
from policyminer.errors import ConfigError

REPO = Path(__file__).resolve().parents[2]
BASE = "http://127.0.0.1:8123"

VALID = """\
sources:
  - id: cqbb-news
    name: 北碚区人民政府·北碚要闻
    kind: portal
    doc_type: news
    region: 重庆市北碚区
    allowed_domains: ["www.cqbb.gov.cn"]
    start_urls: ["https://www.cqbb.gov.cn/zwxx_237/bbyw/index.html"]
    list:
      links: "ul.list li a::attr(href)"
      next_page: "div.page a.next::attr(href)"
      link_pattern: "/t\\\\d{8}_\\\\d+\\\\.html$"
    detail: {title: "h1::text", body: "div.TRS_Editor"}
    encoding: gbk
    limits: {max_pages: 50, max_depth: 3}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_entry_loads_into_a_source(tmp_path):
    [source] = load_sources(write(tmp_path, VALID))
    assert source.id == "cqbb-news" and source.kind == "portal" and source.region == "重庆市北碚区"
    assert source.listing.links == "ul.list li a::attr(href)"
    assert source.listing.link_pattern == r"/t\d{8}_\d+\.html$"
    assert source.detail == {"title": "h1::text", "body": "div.TRS_Editor"}
    assert (source.encoding, source.limits.max_pages, source.limits.max_depth) == ("gbk", 50, 3)
    assert source.scope == [] and not source.wants_attachments


def test_minimal_entry_gets_defaults(tmp_path):
    text = "sources:\n  - id: x\n    kind: news\n    start_urls: [https://news.example.cn/list/]\n"
    [source] = load_sources(write(tmp_path, text))
    assert source.name == "x" and source.doc_type == "news"
    assert source.allowed_domains == ["news.example.cn"]      # from the start URLs
    assert source.listing.links is None                      # automatic link detection


def test_policy_sources_download_attachments_unless_told_not_to(tmp_path):
    text = ("sources:\n  - {id: a, kind: policy_library, doc_type: policy, start_urls: [https://a.cn/]}\n"
            "  - {id: b, kind: policy_library, doc_type: policy, attachments: false, "
            "start_urls: [https://b.cn/]}\n")
    a, b = load_sources(write(tmp_path, text))
    assert a.wants_attachments and not b.wants_attachments


def test_json_list_api(tmp_path):
    text = ("sources:\n  - id: spb\n    kind: portal\n    list:\n      json:\n"
            "        url_template: https://www.cqspb.gov.cn/api/list?page={page}\n"
            "        items: data.list\n        published: pubDate\n        total_pages: data.totalPage\n")
    [source] = load_sources(write(tmp_path, text))
    assert source.listing.json == JsonList(url_template="https://www.cqspb.gov.cn/api/list?page={page}",
                                           items="data.list", published="pubDate",
                                           total_pages="data.totalPage")
    assert source.allowed_domains == ["www.cqspb.gov.cn"] and source.start_urls == []


def test_placeholders_take_the_base_url_and_scope_follows_the_site_prefix():
    sources = load_sources(SOURCES_FILE, base=BASE)
    news = next(s for s in sources if s.id == "cqbb-news")
    assert news.start_urls == [f"{BASE}/www.cqbb.gov.cn/zwxx_237/bbyw/index.html"]
    assert news.allowed_domains == ["127.0.0.1"]              # {host} = host:port, port dropped
    assert news.scope == [f"{BASE}/www.cqbb.gov.cn/"]


@pytest.mark.parametrize("url, inside", [
    (f"{BASE}/www.cqbb.gov.cn/zwxx_237/bbyw/202504/t20250425_14534123.html", True),
    (f"{BASE}/www.cqspb.gov.cn/xwzx/qxdt/index.html", False),     # another site on the same server
    ("http://www.cqbb.gov.cn/bsfw/", False),                      # the real site: not in the demo
    ("javascript:void(0)", False),
], ids=["same-site", "other-site-same-host", "other-host", "javascript"])
def test_scope_keeps_a_demo_source_on_its_own_site(url, inside):
    news = next(s for s in load_sources(SOURCES_FILE, base=BASE) if s.id == "cqbb-news")
    assert news.in_scope(url) is inside


@pytest.mark.parametrize("url, inside", [
    ("https://www.163.com/dy/article/JU8P2M4K0514R9P4.html", True),
    ("https://cq.news.163.com/", True),
    ("https://www.163.com.evil.cn/", False),
    ("https://www.qq.com/", False),
], ids=["www", "subdomain", "lookalike", "elsewhere"])
def test_allowed_domains_include_subdomains(url, inside):
    netease = next(s for s in load_sources(REPO / "config" / "sources.yaml") if s.id == "netease-cq")
    assert netease.in_scope(url) is inside


def test_placeholder_without_base_is_an_error():
    with pytest.raises(ConfigError, match=r"sources\[0\]\.allowed_domains\[0\].*'\{host\}'.*pass a base"):
        load_sources(SOURCES_FILE)


def test_shipped_configuration_is_valid():
    sources = load_sources(REPO / "config" / "sources.yaml")
    ids = {s.id for s in sources}
    assert {"cqbb-news", "cqbb-policy", "cqspb-news", "cqspb-policy", "cq-policy-library",
            "cqrb-epaper", "cqcb-county", "cqnews", "netease-cq"} <= ids
    assert all(s.start_urls and s.allowed_domains for s in sources)


def test_round_trip_through_a_dict():
    for source in load_sources(SOURCES_FILE, base=BASE):
        assert Source.from_dict(source.to_dict()) == source


ENTRY = "    kind: portal\n    start_urls: [https://www.cqbb.gov.cn/]\n"


@pytest.mark.parametrize("entry, key, value", [
    ("  - id: Bad_ID\n" + ENTRY, "sources[0].id", "Bad_ID"),
    ("  - name: 无编号\n" + ENTRY, "sources[0].id", "None"),
    ("  - id: a\n" + ENTRY + "  - id: a\n" + ENTRY, "sources[1].id", "'a'"),
    ("  - id: a\n    kind: blog\n    start_urls: [https://a.cn/]\n", "sources[0].kind", "'blog'"),
    ("  - id: a\n    doc_type: notice\n" + ENTRY, "sources[0].doc_type", "'notice'"),
    ("  - id: a\n" + ENTRY + "    list: {links: 'ul.list li a::attr(href'}\n", "sources[0].list.links",
     "'ul.list li a::attr(href'"),
    ("  - id: a\n" + ENTRY + "    list: {next_page: 'xpath://a[@class='}\n", "sources[0].list.next_page",
     "'xpath://a[@class='"),
    ("  - id: a\n" + ENTRY + "    list: {link_pattern: '/t(\\\\d+.html'}\n", "sources[0].list.link_pattern",
     "'/t("),
    ("  - id: a\n" + ENTRY + "    list: {linkz: 'a'}\n", "sources[0].list.linkz", "'a'"),
    ("  - id: a\n" + ENTRY + "    limits: {max_pages: 0}\n", "sources[0].limits.max_pages", "0"),
    ("  - id: a\n" + ENTRY + "    limits: {max_pages: many}\n", "sources[0].limits.max_pages", "'many'"),
    ("  - id: a\n" + ENTRY + "    encoding: big6\n", "sources[0].encoding", "'big6'"),
    ("  - id: a\n    kind: portal\n    start_urls: [/zwxx_237/bbyw/]\n", "sources[0].start_urls[0]",
     "'/zwxx_237/bbyw/'"),
    ("  - id: a\n    kind: portal\n", "sources[0].start_urls", "None"),
    ("  - id: a\n" + ENTRY + "    allowed_domains: [https://www.cqbb.gov.cn/]\n",
     "sources[0].allowed_domains[0]", "'https://www.cqbb.gov.cn/'"),
    ("  - id: a\n    kind: portal\n    list:\n      json: {url_template: 'https://a.cn/api/list', items: data}\n",
     "sources[0].list.json.url_template", "'https://a.cn/api/list'"),
    ("  - id: a\n" + ENTRY + "    detail: {title: 'h1:::text'}\n", "sources[0].detail.title", "'h1:::text'"),
    ("  - id: a\n" + ENTRY + "    attachments: sometimes\n", "sources[0].attachments", "'sometimes'"),
], ids=["bad-id", "missing-id", "duplicate-id", "unknown-kind", "unknown-doc-type", "broken-css",
        "broken-xpath", "broken-regex", "unknown-key", "zero-limit", "non-number-limit",
        "unknown-encoding", "relative-start-url", "no-start-url", "domain-with-scheme",
        "json-without-page", "broken-detail-selector", "non-boolean"])
def test_errors_name_file_key_and_value(tmp_path, entry, key, value):
    path = write(tmp_path, "sources:\n" + entry)
    with pytest.raises(ConfigError) as error:
        load_sources(path)
    message = str(error.value)
    assert str(path) in message and f"key {key} " in message and value in message


@pytest.mark.parametrize("text, problem", [
    ("sources: {id: a}\n", "a 'sources' list"),
    ("- id: a\n", "a 'sources' list"),
    ("sources: [\n", "not valid YAML"),
], ids=["mapping-not-list", "no-top-key", "broken-yaml"])
def test_file_level_errors(tmp_path, text, problem):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError, match=problem) as error:
        load_sources(path)
    assert str(path) in str(error.value)


def test_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_sources(tmp_path / "absent.yaml")
