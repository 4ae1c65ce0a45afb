"""Attachment text: PDF, DOCX, XLSX, XLS-by-magic, and clear records for what cannot be read."""
from __future__ import annotations

import io

import pytest

from crawler.attachments import attachment_format, extract_text, read_attachment, sniff
from policyminer.demo import SITES_DIR

POLICY = SITES_DIR / "www.cqbb.gov.cn" / "zwgk_239" / "zcwj"
PDF = POLICY / "202504" / "P020250424385712904563.pdf"
XLSX = POLICY / "202503" / "P020250318601234567890.xlsx"
DOCX = POLICY / "202502" / "P020250227512398764321.docx"
WPS = POLICY / "202502" / "P020250227512398764322.wps"


@pytest.mark.parametrize("url, content_type, fmt", [
    ("https://www.cqbb.gov.cn/zwgk_239/zcwj/202504/P020250424385712904563.pdf", None, "pdf"),
    ("https://a.cn/files/%E9%99%84%E4%BB%B6.DOCX", None, "docx"),
    ("https://a.cn/P0.xls", None, "xls"),
    ("https://a.cn/P0.wps", None, "wps"),
    ("https://a.cn/download?id=9", "application/pdf", "pdf"),
    ("https://a.cn/download?id=9", "application/vnd.ms-excel; charset=binary", "xls"),
    ("https://a.cn/t20250424_1.html", "text/html", None),
], ids=["pdf", "upper-case-quoted", "xls", "wps", "pdf-by-type", "xls-by-type", "html-page"])
def test_attachment_format(url, content_type, fmt):
    assert attachment_format(url, content_type) == fmt


def test_pdf_text():
    text = extract_text(PDF.read_bytes(), "pdf")
    assert "北碚区支持科技创新若干政策措施" in text and "一次性奖励20万元" in text
    assert "2027年12月31日" in text


def test_xlsx_rows_become_tab_separated_lines():
    text = extract_text(XLSX.read_bytes(), "xlsx")
    assert "北碚国家大学科技园二期" in text
    assert any(line.startswith("1\t北碚国家大学科技园二期") and "12.6" in line for line in text.splitlines())


def test_docx_paragraphs_and_tables():
    text = extract_text(DOCX.read_bytes(), "docx")
    assert "北碚区2025年春季招商引资项目申报表" in text


def test_docx_made_here_keeps_table_cells_once():
    import docx

    document = docx.Document()
    document.add_paragraph("关于印发北碚区重点项目清单的通知")
    table = document.add_table(rows=1, cols=3)
    row = table.rows[0].cells
    row[0].text, row[1].text = "项目名称", "总投资"
    row[1].merge(row[2])
    buffer = io.BytesIO()
    document.save(buffer)
    text = extract_text(buffer.getvalue(), "docx")
    assert "关于印发北碚区重点项目清单的通知" in text and "项目名称\t总投资" in text


def test_a_wps_file_is_recorded_as_unreadable():
    record = read_attachment("https://a.cn/P0.wps", "2.任务分解表.wps", WPS.read_bytes())
    assert record["format"] == "wps" and "text" not in record
    assert "cannot be read" in record["error"]


@pytest.mark.parametrize("data, fmt, problem", [
    (b"<!DOCTYPE html><html><body>404</body></html>", "pdf", "HTML page"),
    (b"", "docx", "empty file"),
    (b"%PDF-1.4 garbage", "pdf", ""),
    (b"PK\x03\x04 not really a zip", "docx", "docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "doc", "cannot be read"),
], ids=["html-instead-of-pdf", "empty", "broken-pdf", "broken-zip", "old-word"])
def test_unreadable_files_become_error_records(data, fmt, problem):
    record = read_attachment(f"https://a.cn/f.{fmt}", "附件", data)
    assert "text" not in record and problem in record["error"]


def test_a_download_error_is_kept_as_the_reason():
    record = read_attachment("https://a.cn/f.pdf", "附件", None, error="download failed: timeout")
    assert record == {"url": "https://a.cn/f.pdf", "name": "附件", "format": "pdf",
                      "error": "download failed: timeout"}


@pytest.mark.parametrize("data, kind", [
    (b"%PDF-1.7\n", "pdf"), (b"PK\x03\x04", "zip"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"  <html><body>", "html"), (b"plain", "docx"),
], ids=["pdf", "zip", "ole", "html", "unknown"])
def test_sniff(data, kind):
    assert sniff(data, "docx") == kind
