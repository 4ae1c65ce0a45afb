import pytest

from policyminer.web.markup import Span, amount_text, document_spans, highlight, safe_href, snippet_html


@pytest.mark.parametrize("snippet, expected", [
    # what the index gives: escaped text, matches in <mark>
    pytest.param("北碚区<mark>签约</mark>项目", "北碚区<mark>签约</mark>项目", id="marks-kept"),
    pytest.param("&lt;script&gt;alert(1)&lt;/script&gt;<mark>签约</mark>",
                 "&lt;script&gt;alert(1)&lt;/script&gt;<mark>签约</mark>", id="escaped-stays-escaped"),
    pytest.param("A &amp; B", "A &amp; B", id="ampersand-not-double-escaped"),
    # what a careless engine might give: raw markup is escaped, never passed through
    pytest.param("<script>alert(1)</script>签约", "&lt;script&gt;alert(1)&lt;/script&gt;签约", id="raw-script"),
    pytest.param('<img src=x onerror="alert(1)">', "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;", id="raw-img"),
    pytest.param("<mark onclick=x>签约</mark>", "&lt;mark onclick=x&gt;签约", id="mark-with-attribute"),
    pytest.param("<mark>签约", "<mark>签约</mark>", id="unclosed-mark-closed"),
    pytest.param("签约</mark>项目", "签约项目", id="stray-close-dropped"),
    pytest.param(None, "", id="none"),
])
def test_snippet_html_keeps_only_mark(snippet, expected):
    assert str(snippet_html(snippet)) == expected


@pytest.mark.parametrize("url, expected", [
    pytest.param("https://www.cqbb.gov.cn/a.html", "https://www.cqbb.gov.cn/a.html", id="https"),
    pytest.param("http://epaper.cqrb.cn/html/2025-04/18/content_1.htm",
                 "http://epaper.cqrb.cn/html/2025-04/18/content_1.htm", id="http"),
    pytest.param("javascript:alert(1)", None, id="javascript"),
    pytest.param(" JavaScript:alert(1)", None, id="javascript-spaced"),
    pytest.param("data:text/html,<script>alert(1)</script>", None, id="data"),
    pytest.param("file:///etc/passwd", None, id="file"),
    pytest.param("", None, id="empty"),
])
def test_safe_href(url, expected):
    assert safe_href(url) == expected


@pytest.mark.parametrize("amount, expected", [
    pytest.param({"value": 18650000000, "unit": "元"}, "186.5亿元", id="yi"),
    pytest.param({"value": 4500000, "unit": "元"}, "450万元", id="wan"),
    pytest.param({"value": 800, "unit": "美元"}, "800美元", id="small"),
    pytest.param(None, "", id="none"),
    pytest.param({"value": None, "unit": "元"}, "", id="no-value"),
])
def test_amount_text(amount, expected):
    assert amount_text(amount) == expected


def test_highlight_escapes_text_and_marks_spans():
    html = str(highlight("<b>西南大学</b>签约", [Span(3, 7, "org", "org-0", "西南大学 (university)")]))
    assert html == ('&lt;b&gt;<a class="anchor" id="org-0"></a>'
                    '<span class="hl org" title="organisation: 西南大学 (university)">西南大学</span>'
                    "&lt;/b&gt;签约")


def test_highlight_cuts_overlapping_spans():
    text = "签约项目总投资2.8亿元。"
    spans = [Span(0, 13, "sig", "sig-0", "signing"), Span(4, 12, "fig", "fig-0", "总投资")]
    html = str(highlight(text, spans))
    assert '<span class="hl sig" title="signing: signing">签约项目</span>' in html
    assert '<span class="hl fig sig" title="signing: signing · figure: 总投资">总投资2.8亿元</span>' in html
    assert html.endswith('<span class="hl sig" title="signing: signing">。</span>')


@pytest.mark.parametrize("spans, expected", [
    pytest.param([Span(-5, 2, "org", None, "x")], '<span class="hl org" title="organisation: x">北碚</span>区',
                 id="negative-start-clamped"),
    pytest.param([Span(1, 99, "fig", None, "x")], '北<span class="hl fig" title="figure: x">碚区</span>',
                 id="end-past-text-clamped"),
    pytest.param([Span(2, 2, "sig", "sig-0", "x"), Span(2, 1, "sig", "sig-1", "x")], "北碚区",
                 id="empty-and-reversed-dropped"),
])
def test_highlight_bad_offsets(spans, expected):
    assert str(highlight("北碚区", spans)) == expected


def test_title_attribute_is_escaped():
    html = str(highlight("某机构", [Span(0, 3, "org", None, '"><script>alert(1)</script>')]))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_document_spans_anchor_first_mention_only(records):
    spans = document_spans(records["beibei"].to_dict())
    orgs = [s for s in spans if s.kind == "org"]
    assert [(s.start, s.end, s.anchor) for s in orgs] == [(6, 13, "org-0"), (14, 18, "org-1"), (50, 54, None)]
    assert [(s.kind, s.anchor) for s in spans if s.kind != "org"] == [("fig", "fig-0"), ("sig", "sig-0")]
