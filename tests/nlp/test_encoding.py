"""nlp.encoding.decode: byte-order marks, declared charsets, detection, bad input."""
from __future__ import annotations

import codecs

import pytest

from nlp.encoding import canonical_encoding, decode, scrub
from policyminer.errors import InputError

ARTICLE = "沙坪坝区共有16所驻区高校，累计入驻项目团队、企业2500余个。"
PAGE = f"<html><head>{{meta}}<title>沙坪坝区科技创新</title></head><body><p>{ARTICLE}</p></body></html>"
# 喆 and 堃 are in GBK but not in GB2312; 𠀾 needs a four-byte GB18030 sequence.
RARE = "北碚区科技局王喆、李堃介绍，𠀾字也能读出。"


def page(meta: str = "") -> str:
    return PAGE.format(meta=meta)


@pytest.mark.parametrize(
    "data, hint, text, encoding",
    [
        pytest.param(page().encode("utf-8"), None, page(), "utf-8", id="utf8-undeclared"),
        pytest.param(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), None, ARTICLE, "utf-8", id="utf8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), None, ARTICLE, "utf-16-le",
                     id="utf16-bom"),
        pytest.param(page('<meta charset="gbk">').encode("gbk"), None, page('<meta charset="gbk">'),
                     "gb18030", id="gbk-meta-charset"),
        pytest.param(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode("gbk"),
                     None, page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'),
                     "gb18030", id="gb2312-http-equiv"),
        pytest.param(page().encode("gbk"), None, page(), "gb18030", id="gbk-no-charset"),
        pytest.param(page('<meta charset="utf-8">').encode("gbk"), None, page('<meta charset="utf-8">'),
                     "gb18030", id="gbk-declared-utf8"),
        pytest.param(page('<meta charset="iso-8859-1">').encode("gbk"), None,
                     page('<meta charset="iso-8859-1">'), "gb18030", id="gbk-declared-latin1"),
        pytest.param(page('<meta charset="gbk">').encode("utf-8"), None, page('<meta charset="gbk">'),
                     "utf-8", id="utf8-declared-gbk"),
        pytest.param(ARTICLE.encode("gbk"), "gbk", ARTICLE, "gb18030", id="gbk-http-hint"),
        pytest.param(ARTICLE.encode("gbk"), "GB2312", ARTICLE, "gb18030", id="gb2312-hint-means-gb18030"),
        pytest.param(RARE.encode("gb18030"), "gb2312", RARE, "gb18030", id="gb18030-chars-declared-gb2312"),
        pytest.param(RARE.encode("gb18030"), None, RARE, "gb18030", id="gb18030-undeclared"),
        pytest.param(b"plain ascii text", None, "plain ascii text", "ascii", id="ascii"),
        pytest.param((ARTICLE * 3).encode("utf-8") + "重".encode("utf-8")[:2], "utf-8", ARTICLE * 3 + "\ufffd",
                     "utf-8", id="utf8-truncated-last-character"),
    ],
)
def test_decode(data, hint, text, encoding):
    assert decode(data, hint=hint) == (text, encoding)


def test_decode_gbk_declared_page_with_many_paragraphs():
    body = "".join(f"<p>{ARTICLE}第{i}段。</p>" for i in range(50))
    html = f'<meta charset="gb2312">{body}'
    assert decode(html.encode("gb18030"))[0] == html


@pytest.mark.parametrize(
    "data, message",
    [
        pytest.param(b"", "empty input", id="empty"),
        pytest.param(b"  \r\n\t ", "empty input", id="whitespace-only"),
        pytest.param(b"\x00\x01\x02binary\x00\x00", "binary data", id="nul-bytes"),
        pytest.param(bytes(range(256)) * 4, "binary data", id="all-bytes"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF file", id="pdf"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive", id="docx"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image", id="png"),
        pytest.param(b"abc \x80\xff\x80\xff\x80\xff\x80\xff" * 20, "cannot decode", id="undecodable"),
        pytest.param(codecs.BOM_UTF8 + b"\xff\xfe\xfa broken", "byte-order mark", id="bad-after-bom"),
        pytest.param(b"\x1b\x1b\x1b \x1b", "only control characters", id="controls-only"),
    ],
)
def test_decode_rejects_unreadable_input_naming_it(data, message):
    with pytest.raises(InputError) as error:
        decode(data, name="pages/broken.html")
    assert str(error.value).startswith("pages/broken.html: ")
    assert message in str(error.value)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    "label, codec",
    [
        pytest.param("GBK", "gb18030", id="gbk"),
        pytest.param("gb2312", "gb18030", id="gb2312"),
        pytest.param("x-gbk", "gb18030", id="x-gbk"),
        pytest.param("cp936", "gb18030", id="cp936"),
        pytest.param("UTF-8", "utf-8", id="utf8"),
        pytest.param("utf8", "utf-8", id="utf8-no-dash"),
        pytest.param("big5", "big5", id="big5"),
        pytest.param("'gb2312'", "gb18030", id="quoted"),
        pytest.param("no-such-charset", None, id="unknown"),
        pytest.param(None, None, id="none"),
    ],
)
def test_canonical_encoding(label, codec):
    assert canonical_encoding(label) == codec


# ---------------------------------------------------------------- scrub: what lxml and spaCy refuse


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("北碚区人民政府", "北碚区人民政府", id="clean-text-unchanged"),
        pytest.param("签约\t仪式\r\n举行", "签约\t仪式\r\n举行", id="tab-and-newlines-kept"),
        pytest.param("北碚\x00区", "北碚区", id="nul-dropped"),
        pytest.param("<!-- 注释 -->\x1b签约", "<!-- 注释 -->签约", id="escape-dropped"),
        pytest.param("第一页\x0c第二页", "第一页\n第二页", id="form-feed-is-a-line-break"),
        pytest.param("项目\x0b总投资", "项目\n总投资", id="vertical-tab-is-a-line-break"),
        pytest.param("签\ud800约", "签\ufffd约", id="lone-high-surrogate"),
        pytest.param("签约\udfff", "签约\ufffd", id="lone-low-surrogate"),
        pytest.param("\ud840\udc3e字", "\U0002003e字", id="pair-as-two-code-points-joined"),
        pytest.param("北碚\ufffe区\uffff", "北碚区", id="non-characters-dropped"),
        pytest.param("\x7f\x85\u200b", "\x7f\x85\u200b", id="del-c1-zero-width-kept"),
    ],
)
def test_scrub(text, expected):
    assert scrub(text) == expected


@pytest.mark.parametrize(
    "data, text",
    [
        pytest.param("北碚区\x1b签约仪式".encode("utf-8"), "北碚区签约仪式", id="utf8-escape"),
        pytest.param(f"<p>项目\x08签约</p><p>{ARTICLE}</p>".encode("gbk"), f"<p>项目签约</p><p>{ARTICLE}</p>",
                     id="gbk-backspace"),
        pytest.param("第一页\x0c第二页".encode("utf-8"), "第一页\n第二页", id="form-feed"),
    ],
)
def test_decode_scrubs_control_characters(data, text):
    assert decode(data, name="page.html")[0] == text
