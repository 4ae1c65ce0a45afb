"""A small corpus of district news and policy records, and a SQLite index holding it.

The texts are written for these tests (no seed wording). Which document
contains what is deliberate: 重庆大学 occurs only inside a company name,
签约 in three documents, 西南大学 inside 环西南大学创新生态圈, one document
carries a <script> tag, one has no date, and one signing is reported twice.
"""
from __future__ import annotations

import pytest

from index.sqlite import SQLiteIndex
from policyminer.records import Extracted, Organization, Signing


def _record(key: str, title: str, text: str, published: str | None, source: str,
            region: str | None, doc_type: str = "news", orgs=(), signings=()) -> Extracted:
    return Extracted(id=key, url=f"https://example.gov.cn/{key}.html", title=title,
                     published=published, text=text, source=source, region=region,
                     doc_type=doc_type, organizations=list(orgs), signings=list(signings))


def _signing(text: str, date: str | None, parties: list[str], **extra) -> Signing:
    return Signing(text=text, date=date, parties=parties, **extra)


def build_corpus() -> list[Extracted]:
    """Eight records; ids are short names used in the assertions."""
    platform_text = ("4月23日，北碚区人民政府与重庆大学知识产权运营有限公司在区行政中心签约，"
                     "双方将围绕科技成果转化、专利运营开展合作。根据协议，项目总投资2.8亿元，"
                     "计划建设中试基地和孵化空间。区领导表示，将为入驻团队提供场地和资金支持。")
    xinan_text = ("4月22日，西南大学与北碚区签署战略合作协议，共同建设北碚国家大学科技园。"
                  "园区已累计入驻企业156家，2023年实现营收3.5亿元。西大相关负责人表示，"
                  "学校将推动更多科研成果就地转化。")
    ai_text = ("沙坪坝区人工智能产业园正式开园，首批入驻AI企业35家，涵盖计算机视觉、语音识别等方向。"
               "园区还与3所高校签订人才培养协议。")
    return [
        _record("platform", "北碚区与重庆大学知识产权运营有限公司签约共建成果转化平台", platform_text,
                "2024-04-25", "cqbb-news", "北碚区",
                orgs=[Organization("北碚区人民政府", "government", ["区政府"], [[4, 11]]),
                      Organization("重庆大学知识产权运营有限公司", "company", [], [[12, 26]])],
                signings=[_signing(platform_text[:41], "2024-04-23",
                                   ["北碚区人民政府", "重庆大学知识产权运营有限公司"],
                                   amount={"value": 280000000.0, "unit": "元"}, location="北碚区",
                                   start=0, end=41)]),
        _record("base5g", "沙坪坝区新建5G基站120个",
                "今年以来，沙坪坝区加快新型基础设施建设，累计新建5G基站120个，实现重点园区和高校校园"
                "全覆盖。区经济信息委负责人介绍，下一步将推动5G应用在智能制造、智慧医疗等领域落地。",
                "2024-05-06", "cqspb-news", "沙坪坝区",
                orgs=[Organization("沙坪坝区经济信息委", "government")]),
        _record("policy", "北碚区鼓励科技创新若干政策",
                "第一条　为加快建设环西南大学创新生态圈，支持高校科技成果在本区转化，制定本政策。\n"
                "第二条　对新认定的高新技术企业给予一次性奖励20万元。\n"
                "第三条　对在区内签约落户的重大项目，按实际到位资金给予补助。",
                "2024-02-18", "cqbb-gov", "北碚区", doc_type="policy",
                orgs=[Organization("环西南大学创新生态圈", "platform")]),
        _record("xinan", "西南大学与北碚区共建国家大学科技园", xinan_text, "2024-04-22",
                "cqbb-news", "北碚区",
                orgs=[Organization("西南大学", "university", ["西大"], [[5, 9]]),
                      Organization("北碚国家大学科技园", "platform")],
                signings=[_signing(xinan_text[:37], "2024-04-22", ["西南大学"], start=0, end=37)]),
        _record("warning", "网站安全提示",
                "近期有不法分子仿冒政务网站，在页面中插入<script>alert('x')</script>等代码。"
                "请市民认准官方网站，谨慎签约任何线上协议。",
                "2024-03-05", "cqspb-news", "沙坪坝区"),
        _record("undated", "关于征集2025年度民生实事项目的公告",
                "现面向社会公开征集2025年度民生实事项目建议，征集时间为30天。欢迎市民通过信箱、电话等方式参与。",
                None, "cq-notice", None),
        _record("aipark", "人工智能产业园开园", ai_text, "2024-05-20", "cqspb-news", "沙坪坝区",
                orgs=[Organization("沙坪坝区人工智能产业园", "platform")],
                signings=[_signing(ai_text[-17:], "2024-05-20", ["沙坪坝区人工智能产业园"], count=3,
                                   start=len(ai_text) - 17, end=len(ai_text))]),
        _record("daily", "西南大学携手北碚区建设大学科技园",
                "22日，西南大学与北碚区签署战略合作协议。根据协议，双方将共同推进北碚国家大学科技园建设。",
                "2024-04-23", "cq-daily", "北碚区",
                orgs=[Organization("西南大学", "university")],
                signings=[_signing("22日，西南大学与北碚区签署战略合作协议。", "2024-04-22", ["西南大学"],
                                   start=0, end=20)]),
    ]


@pytest.fixture
def corpus() -> list[Extracted]:
    """Fresh records for each test (tests may change them)."""
    return build_corpus()


@pytest.fixture
def index(tmp_path, corpus):
    """A SQLite index file in tmp_path holding the corpus."""
    with SQLiteIndex(tmp_path / "index.db") as idx:
        idx.load(corpus)
        yield idx



@pytest.fixture(scope="module")
def shared_index(tmp_path_factory):
    """(index, records) shared by a module's read-only tests."""
    records = build_corpus()
    with SQLiteIndex(tmp_path_factory.mktemp("shared") / "index.db") as idx:
        idx.load(records)
        yield idx, records
