"""Generate the policy attachments of the demo site www.cqbb.gov.cn.

The outputs are committed; rerun after editing the texts below::

    python -m policyminer.demo.make_attachments

- a PDF (hand-written PDF 1.4 using the non-embedded Adobe CJK font
  STSong-Light with the predefined UniGB-UCS2-H CMap, which pdfminer and
  pypdf both map back to Unicode; viewers substitute a Song font),
- a DOCX (python-docx), an XLSX (openpyxl),
- a .wps file that no reader can open (a damaged OLE header), on purpose.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from policyminer.demo import SITES_DIR

POLICY_DIR = SITES_DIR / "www.cqbb.gov.cn" / "zwgk_239" / "zcwj"
PDF_PATH = POLICY_DIR / "202504" / "P020250424385712904563.pdf"
XLSX_PATH = POLICY_DIR / "202503" / "P020250318601234567890.xlsx"
DOCX_PATH = POLICY_DIR / "202502" / "P020250227512398764321.docx"
WPS_PATH = POLICY_DIR / "202502" / "P020250227512398764322.wps"
FIXED_TIME = dt.datetime(2025, 4, 24, 9, 30, 0)

PDF_PAGES = [
    ["北碚区支持科技创新若干政策措施",
     "",
     "第一条 为加快建设环西南大学创新生态圈，推动科技成果在本区转化，",
     "结合北碚实际，制定本措施。",
     "第二条 对新认定的国家高新技术企业，给予一次性奖励20万元；",
     "对首次入库的科技型企业，给予一次性奖励2万元。",
     "第三条 支持北碚国家大学科技园、众创空间等孵化载体建设，",
     "按年度绩效评价结果给予最高100万元运营补助。",
     "第四条 高校、科研院所在本区转化科技成果的，按技术合同成交额的",
     "5%给予补助，单个项目最高不超过50万元。"],
    ["第五条 对入驻环西南大学创新生态圈的创业团队，",
     "前三年按实际租用面积给予房租全额补贴，面积不超过200平方米。",
     "第六条 本措施所需资金由区财政在科技创新专项资金中统筹安排。",
     "第七条 本措施自2025年5月1日起施行，有效期至2027年12月31日。",
     "由区科技局负责解释。",
     "",
     "重庆市北碚区人民政府",
     "2025年4月22日"],
]

XLSX_ROWS = [
    ("序号", "项目名称", "建设内容", "总投资（亿元）", "建设年限", "责任单位"),
    (1, "北碚国家大学科技园二期", "建设孵化用房及配套设施约8万平方米", 12.6, "2025—2027", "区科技局"),
    (2, "缙云山生态修复提升工程", "实施林相改造、步道及生态监测设施建设", 4.3, "2025—2026", "区林业局"),
    (3, "蔡家智慧新城道路管网工程", "新建城市道路5.2公里及配套管网", 9.8, "2024—2026", "区住房城乡建委"),
    (4, "北碚区新能源汽车零部件产业园", "建设标准厂房22万平方米", 18.5, "2025—2028", "区经济信息委"),
    (5, "嘉陵江北碚段滨江步道", "建设滨江步道11公里及休闲节点", 3.2, "2025—2026", "区城市管理局"),
]

DOCX_TITLE = "北碚区2025年春季招商引资项目申报表"
DOCX_PARAGRAPHS = [
    "填报单位（盖章）：                    填报日期：    年  月  日",
    "请各镇街、各园区按照“一项目一表”填写，于2025年3月15日前报送区招商投资促进中心。",
    "项目总投资在1亿元以上的，须附项目可行性研究报告或投资意向书。",
]
DOCX_TABLE = [
    ("项目名称", ""), ("投资主体", ""), ("计划总投资（万元）", ""),
    ("拟落户园区", "□北碚国家大学科技园  □蔡家组团  □水土组团"),
    ("项目进展", "□已洽谈  □拟签约  □已签约"), ("联系人及电话", ""),
]


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A minimal valid PDF whose text is Chinese (STSong-Light, UniGB-UCS2-H)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        None,  # page tree, filled in below
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H"
        b" /DescendantFonts [4 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo"
        b" << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]"
        b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
    ]
    kids = []
    for lines in pages:
        objects.append(_stream(_page_content(lines)))
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {len(objects)} 0 R"
                       f" /Resources << /Font << /F1 3 0 R >> >> >>".encode("ascii"))
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode("ascii")
    return _assemble(objects)


def _page_content(lines: list[str]) -> bytes:
    ops = [b"BT", b"/F1 14 Tf", b"18 TL", b"72 770 Td"]
    for line in lines:
        ops.append(b"<" + line.encode("utf-16-be").hex().upper().encode("ascii") + b"> Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _assemble(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Info << /Producer (policyminer demo) >> >>\n"
            b"startxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return bytes(out)


def write_docx(path: Path) -> None:
    """The application form attached to the spring investment notice."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "SimSun"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    document.add_heading(DOCX_TITLE, level=1)
    for text in DOCX_PARAGRAPHS:
        document.add_paragraph(text)
    table = document.add_table(rows=0, cols=2)
    for label, value in DOCX_TABLE:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.core_properties.title = DOCX_TITLE
    document.core_properties.author = "北碚区招商投资促进中心"
    document.core_properties.created = document.core_properties.modified = FIXED_TIME
    document.save(path)


def write_xlsx(path: Path) -> None:
    """The project list attached to the 2025 key-projects notice."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "2025年重点项目"
    sheet.append(["北碚区2025年重点建设项目计划表"])
    for row in XLSX_ROWS:
        sheet.append(list(row))
    workbook.properties.creator = "北碚区发展改革委"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    workbook.save(path)


def wps_bytes() -> bytes:
    """An unreadable .wps: OLE magic, then a header that points nowhere."""
    header = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff"
    return header + b"\xff" * 32 + "（文件已损坏）北碚区招商引资工作任务分解表".encode("gbk") + b"\x00" * 64


def main() -> int:
    """Write all four attachments under the demo site; print nothing."""
    for path in (PDF_PATH, XLSX_PATH, DOCX_PATH, WPS_PATH):
        path.parent.mkdir(parents=True, exist_ok=True)
    PDF_PATH.write_bytes(pdf_bytes(PDF_PAGES))
    write_xlsx(XLSX_PATH)
    write_docx(DOCX_PATH)
    WPS_PATH.write_bytes(wps_bytes())
    return 0


if __name__ == "__main__":
    sys.exit(main())
