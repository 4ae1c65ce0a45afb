"""Every page and its JSON twin through the real app (TestClient over a real SQLite workspace)."""
from datetime import date
from urllib.parse import quote

import pytest

from policyminer.run import open_workspace_index
from policyminer.weeks import iso_week

XSS = "<script>alert(1)</script>"


def html_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def json_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"] == "application/json"
    return response.json()


# -- search -------------------------------------------------------------------

def test_search_page_lists_hits_with_marked_snippets(client, records):
    page = html_of(client, "/search?q=签约")
    assert "北碚区与西南大学签约共建成果转化平台" in page
    assert f'href="/documents/{records["beibei"].id}"' in page
    assert "<mark>签约</mark>" in page
    assert "<strong>5</strong> documents match" in page


def test_search_json_is_the_cli_object_plus_the_request(client, tiny_ws):
    data = json_of(client, "/search.json?q=签约&sort=date")
    with open_workspace_index(tiny_ws) as index:
        expected = index.search("签约", limit=20, sort="date").to_dict()
    assert {k: data[k] for k in ("total", "hits", "facets")} == {k: expected[k] for k in ("total", "hits", "facets")}
    assert (data["query"], data["sort"], data["page"], data["filters"]) == ("签约", "date", 1, {})
    assert data["trend"] == {"interval": "month", "buckets": [{"bucket": "2025-02", "count": 1},
                                                                {"bucket": "2025-04", "count": 3}]}


def test_sort_by_date_puts_newest_first(client):
    hits = json_of(client, "/search.json?q=签约&sort=date")["hits"]
    dated = [h["published"] for h in hits if h["published"]]
    assert dated == sorted(dated, reverse=True)


def test_empty_query_lists_every_document(client):
    assert json_of(client, "/search.json")["total"] == 5
    assert "<strong>5</strong> documents match" in html_of(client, "/search")


def test_facet_links_filter_and_unfilter(client):
    page = html_of(client, "/search?q=签约")
    link = "/search?q=%E7%AD%BE%E7%BA%A6&amp;source=cqbb-policy"
    assert f'href="{link}"' in page
    filtered = html_of(client, link.replace("&amp;", "&"))
    assert "<strong>1</strong> document matches" in filtered
    assert 'class="active"><a href="/search?q=%E7%AD%BE%E7%BA%A6">cqbb-policy</a>' in filtered
    assert 'aria-label="Remove filter source"' in filtered


@pytest.mark.parametrize("args, total", [
    pytest.param("source=cqbb-news", 1, id="source"),
    pytest.param("region=重庆市北碚区", 2, id="region"),
    pytest.param("type=policy", 1, id="type"),
    pytest.param("org=西南大学", 1, id="org"),
    pytest.param("since=2025-04-01&until=2025-04-22", 1, id="date-range"),
    pytest.param("since=2025-04-01", 3, id="since-only"),
])
def test_filters(client, args, total):
    assert json_of(client, f"/search.json?q=签约&{args}")["total"] == total


def test_year_facet_sets_a_date_range(client):
    page = html_of(client, "/search?q=签约")
    assert 'href="/search?q=%E7%AD%BE%E7%BA%A6&amp;since=2025-01-01&amp;until=2025-12-31">2025</a>' in page


def test_pagination(client):
    first = json_of(client, "/search.json?q=签约&per_page=2")
    second = json_of(client, "/search.json?q=签约&per_page=2&page=2")
    assert len(first["hits"]) == len(second["hits"]) == 2
    assert not {h["id"] for h in first["hits"]} & {h["id"] for h in second["hits"]}
    page = html_of(client, "/search?q=签约&per_page=2&page=2")
    assert 'rel="prev"' in page and 'rel="next"' in page
    assert '<strong aria-current="page">2</strong>' in page
    assert "showing 3–4" in page


def test_trend_chart_links_each_bar_to_its_period(client):
    page = html_of(client, "/search?q=签约")
    assert '<svg class="chart"' in page
    assert "<title>2025-03: 0</title>" in page          # the gap month is drawn, empty
    assert 'href="/search?q=%E7%AD%BE%E7%BA%A6&amp;since=2025-04-01&amp;until=2025-04-30"' in page
    weekly = html_of(client, "/search?q=签约&interval=week")
    assert "<title>2025-W17: 3</title>" in weekly


def test_trend_follows_the_filters(client):
    data = json_of(client, "/search.json?q=签约&source=cqspb-news&interval=week")
    assert data["trend"]["buckets"] == [{"bucket": "2025-W17", "count": 1}]


def test_no_hits_is_not_an_error(client):
    assert json_of(client, "/search.json?q=不存在的词")["total"] == 0
    assert "Nothing matches" in html_of(client, "/search?q=不存在的词")


# -- query errors -----------------------------------------------------------------

@pytest.mark.parametrize("query, position", [
    pytest.param("签约 (西南大学", 3, id="unclosed-parenthesis"),
    pytest.param('签约 "西南大学', 3, id="unbalanced-quote"),
    pytest.param("签约 OR", 3, id="dangling-or"),
    pytest.param("colour:红", 0, id="unknown-field"),
])
def test_bad_query_is_400_with_position_in_json(client, query, position):
    body = json_of(client, f"/search.json?q={quote(query)}", status=400)
    error = body["error"]
    assert (error["status"], error["kind"], error["position"], error["query"]) == (400, "query", position, query)
    assert f"at position {position}" in error["message"]


def test_bad_query_is_400_with_position_marked_in_html(client):
    page = html_of(client, "/search?q=" + quote("签约 (西南大学"), status=400)
    assert 'role="alert"' in page
    assert "is never closed at position 3" in page
    assert '<pre class="query-at">签约 <mark class="at">(</mark>西南大学</pre>' in page
    assert 'value="签约 (西南大学"' in page        # the box keeps the query to fix


def test_bad_query_error_escapes_the_query(client):
    page = html_of(client, "/search?q=" + quote(XSS + " ("), status=400)
    assert XSS not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_bad_date_filter_is_400(client):
    error = json_of(client, "/search.json?since=2025-13-01", status=400)["error"]
    assert "invalid date" in error["message"] and error["status"] == 400


# -- escaping -------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    pytest.param("/search?q=" + quote(XSS), id="query"),
    pytest.param("/search?q=签约&org=" + quote(XSS), id="filter"),
    pytest.param("/search?q=签约", id="stored-title"),
    pytest.param("/documents/scriptdoc0000000000a", id="stored-document"),
    pytest.param("/signings?week=2025-W17&region=" + quote(XSS), id="signings-filter"),
    pytest.param("/documents/" + quote(XSS), id="unknown-id"),
])
def test_no_user_or_stored_string_reaches_the_page_unescaped(client, url):
    page = client.get(url).text
    assert "<script" not in page
    assert "alert(" not in page or "&lt;script&gt;alert(" in page


def test_query_with_script_is_shown_escaped(client):
    page = html_of(client, "/search?q=" + quote(XSS))
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in page
    assert "<q>&lt;script&gt;alert(1)&lt;/script&gt;</q>" in page


def test_stored_markup_is_escaped_in_hits(client):
    page = html_of(client, "/search?q=通报")
    assert ">&lt;script&gt;alert(1)&lt;/script&gt;签约通报</a></h3>" in page
    assert ('<p class="snippet">会议<mark>通报</mark>&lt;script&gt;alert(2)&lt;/script&gt;有关情况，'
            "&lt;b&gt;签约&lt;/b&gt;项目 &amp; 其他事项。</p>") in page


# -- documents ----------------------------------------------------------------------------

def test_document_page_highlights_and_lists_items(client, records):
    page = html_of(client, f"/documents/{records['beibei'].id}")
    assert '<h1>北碚区与西南大学签约共建成果转化平台</h1>' in page
    signing = "signing: 2025-04-23 北碚区人民政府、西南大学"
    assert ('<a class="anchor" id="org-0"></a><span class="hl org sig" '
            f'title="organisation: 北碚区人民政府 (government) · {signing}">北碚区人民政府</span>') in page
    assert ('<a class="anchor" id="fig-0"></a><span class="hl fig sig" '
            f'title="figure: 项目总投资 280000000 元 · {signing}">项目总投资2.8亿元</span>') in page
    assert '<span class="hl org" title="organisation: 西南大学 (university)">西南大学</span>' in page
    assert '<a href="#fig-0">项目总投资2.8亿元</a>' in page
    assert "2.8亿元" in page and "区行政中心" in page
    assert f'href="{records["beibei"].url}" rel="noopener noreferrer nofollow"' in page
    assert f'href="/documents/{records["beibei"].id}/raw"' in page
    assert "<dt>Author</dt><dd>张三</dd>" in page


def test_document_json_is_the_stored_record(client, records, tiny_ws):
    data = json_of(client, f"/documents/{records['beibei'].id}.json")
    with open_workspace_index(tiny_ws) as index:
        assert data == index.document(records["beibei"].id)
    assert data["organizations"][1]["mentions"] == [[14, 18], [50, 54]]


def test_policy_metadata_is_shown(client, records):
    assert "<dt>Document number</dt><dd>北碚招商发〔2025〕3号</dd>" in html_of(client, f"/documents/{records['policy'].id}")


def test_document_with_markup_is_escaped_and_its_bad_url_not_linked(client, records):
    page = html_of(client, "/documents/scriptdoc0000000000a")
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;签约通报</h1>" in page
    assert "&lt;b&gt;签约&lt;/b&gt;" in page and "&amp; 其他事项" in page
    assert 'href="javascript:' not in page and f'<span class="muted">{records["script"].url}</span>' in page
    assert "&lt;i&gt;假机构&lt;/i&gt;" in page


@pytest.mark.parametrize("url", ["/documents/0000000000000000dead", "/documents/0000000000000000dead/raw"])
def test_unknown_document_is_404(client, url):
    assert "404" in html_of(client, url, status=404)
    assert client.get(url, headers={"accept": "application/json"}).json()["error"]["status"] == 404


def test_unknown_document_json_is_404(client):
    assert json_of(client, "/documents/0000000000000000dead.json", status=404)["error"]["status"] == 404


def test_raw_copy_is_plain_text_in_a_sandbox(client, records, raw_beibei):
    response = client.get(f"/documents/{records['beibei'].id}/raw")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"] == "default-src 'none'; sandbox"
    assert response.content == raw_beibei


def test_raw_copy_of_a_page_never_stored_is_404(client, records):
    error = client.get(f"/documents/{records['policy'].id}/raw", headers={"accept": "application/json"}).json()
    assert error["error"]["status"] == 404 and "no raw copy" in error["error"]["message"]


# -- signings ----------------------------------------------------------------------------

def test_signings_page_shows_the_week(client, records):
    page = html_of(client, "/signings?week=2025-W17")
    assert "Signings in 2025-W17" in page and "2025-04-21 – 2025-04-27" in page
    assert "北碚区人民政府、西南大学" in page and "132亿元" in page and "2.8亿元" in page
    assert f'href="/documents/{records["shapingba"].id}"' in page
    assert 'href="/signings?week=2025-W16" rel="prev"' in page and 'href="/signings?week=2025-W18" rel="next"' in page
    assert 'href="/signings.csv?week=2025-W17"' in page and 'href="/signings.xlsx?week=2025-W17"' in page
    assert "<title>2025-W17: 2</title>" in page and 'class="bar current"' in page


def test_signings_json(client):
    data = json_of(client, "/signings.json?week=2025W17")
    assert (data["week"], data["since"], data["until"]) == ("2025-W17", "2025-04-21", "2025-04-27")
    assert [row["day"] for row in data["signings"]] == ["2025-04-21", "2025-04-23"]
    assert len(data["weekly"]) == 26 and data["weekly"][-1] == {"week": "2025-W17", "count": 2}
    assert data["weekly"][0]["week"] == "2024-W44"
    assert (data["prev"], data["next"]) == ("2025-W16", "2025-W18")


def test_signings_filters(client):
    data = json_of(client, "/signings.json?week=2025-W17&region=重庆市沙坪坝区")
    assert [row["day"] for row in data["signings"]] == ["2025-04-21"]
    assert data["filters"] == {"region": "重庆市沙坪坝区"}
    assert [row["day"] for row in json_of(client, "/signings.json?week=2025-W17&org=西南大学")["signings"]] == ["2025-04-23"]


def test_signings_default_to_the_current_week(client):
    data = json_of(client, "/signings.json")
    assert data["week"] == iso_week(date.today().isoformat())
    assert "Signings in " + data["week"] in html_of(client, "/signings")


def test_bad_week_is_400(client):
    assert "YYYY-Www" in json_of(client, "/signings.json?week=next", status=400)["error"]["message"]
    assert "week &#39;2025-W60&#39;: Invalid week" in html_of(client, "/signings?week=2025-W60", status=400)


def test_empty_week_says_so(client):
    assert "No signings were reported in 2025-W30" in html_of(client, "/signings?week=2025-W30")
