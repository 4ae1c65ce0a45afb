"""Highlighted snippets: a window around the first match, escaped, matches marked."""
from __future__ import annotations

import pytest

from index.snippet import WIDTH, snippet

LONG = ("北碚区召开全区招商引资工作会议，总结去年工作，部署今年任务。" * 3
        + "会上，5个重点项目集中签约，总投资12亿元。" + "会议要求各部门强化服务保障。" * 10)


def plain(marked: str) -> str:
    return marked.replace("<mark>", "").replace("</mark>", "")


def test_window_around_first_match():
    out = snippet(LONG, ["签约"])
    assert "<mark>签约</mark>" in out
    assert out.startswith("…会上，5个重点项目")
    assert out.endswith("…")
    assert len(plain(out)) <= WIDTH + 2


def test_every_match_in_the_window_is_marked():
    out = snippet("重庆大学与重庆大学城管委会签约。", ["重庆大学", "签约"])
    assert out == "<mark>重庆大学</mark>与<mark>重庆大学</mark>城管委会<mark>签约</mark>。"


def test_longest_term_wins_where_terms_overlap():
    out = snippet("西南大学科技园揭牌。", ["西南大学", "西南大学科技园"])
    assert out == "<mark>西南大学科技园</mark>揭牌。"


@pytest.mark.parametrize("text, terms, expected", [
    pytest.param("<b>签约</b> & more", ["签约"], "&lt;b&gt;<mark>签约</mark>&lt;/b&gt; &amp; more",
                 id="tags-and-ampersand"),
    pytest.param("他说\"签约\"了", ["签约"], "他说&quot;<mark>签约</mark>&quot;了", id="quotes"),
    pytest.param("<script>签约</script>", ["<script>"], "<mark>&lt;script&gt;</mark>签约&lt;/script&gt;",
                 id="marked-text-escaped-too"),
])
def test_escaping(text, terms, expected):
    assert snippet(text, terms) == expected


@pytest.mark.parametrize("text, terms, expected", [
    pytest.param("建设５Ｇ基站", ["5g基站"], "建设<mark>５Ｇ基站</mark>", id="folded-match-original-shown"),
    pytest.param("西南大学\n  科技园", ["西南大学 科技园"], "<mark>西南大学 科技园</mark>",
                 id="space-matches-whitespace-run"),
])
def test_matching_folds_like_the_index(text, terms, expected):
    assert snippet(text, terms) == expected


def test_no_match_gives_the_opening():
    out = snippet(LONG, ["不存在"])
    assert out == LONG[:WIDTH] + "…"
    assert snippet("短文本<", []) == "短文本&lt;"


def test_window_near_the_end_keeps_full_width():
    text = "前言部分。" * 40 + "最后签约。"
    out = snippet(text, ["签约"])
    assert out.startswith("…") and out.endswith("<mark>签约</mark>。")
    assert len(plain(out)) == WIDTH + 1
