"""Records for the engine behaviour tests, written for them (no seed wording).

What each contains is deliberate: 重庆大学 occurs only inside a company
name, ５Ｇ is written full-width once, one signing event is reported by two
papers, one 西南大学 signing is from 2023, one record has no date, one
carries HTML that a snippet must escape.
"""
from __future__ import annotations

from policyminer.records import Extracted, Figure, Organization, Signing

PLATFORM = ("4月23日，北碚区人民政府与重庆大学知识产权运营有限公司在区行政中心签约，双方将围绕"
            "科技成果转化、专利运营开展合作。根据协议，项目总投资2.8亿元，计划建设中试基地和"
            "孵化空间。区领导表示，将为入驻团队提供场地和资金支持。")
XINAN = ("4月22日，西南大学与北碚区签署战略合作协议，共同建设北碚国家大学科技园。园区已累计入驻"
         "企业156家，去年实现营收3.5亿元。西大相关负责人表示，学校将推动更多科研成果就地转化。")
REPRINT = "22日，西南大学与北碚区签署战略合作协议，双方将共同推进大学科技园建设，首期投入资金2亿元。"
BISHAN = ("11月8日，璧山区与西南大学签约共建新能源汽车研究院，研究院将聚焦电池材料和智能驾驶，"
          "首批引进科研团队12个。")


def _record(key: str, title: str, text: str, published: str | None, source: str,
            region: str | None, doc_type: str = "news", orgs=(), signings=(),
            figures=()) -> Extracted:
    return Extracted(id=key, url=f"https://news.example.cn/{key}.html", title=title,
                     published=published, text=text, source=source, region=region,
                     doc_type=doc_type, organizations=list(orgs), signings=list(signings),
                     figures=list(figures), metadata={"author": "本报记者"} if key == "xinan" else {})


def _span(text: str, part: str) -> list[int]:
    start = text.index(part)
    return [start, start + len(part)]


def behaviour_corpus() -> list[Extracted]:
    """Ten records; ids are the short names the tests assert on."""
    first_sentence = PLATFORM[:PLATFORM.index("。") + 1]
    return [
        _record("platform", "北碚区与重庆大学知识产权运营有限公司签约共建成果转化平台", PLATFORM,
                "2024-04-25", "cqbb-news", "北碚区",
                orgs=[Organization("北碚区人民政府", "government", ["区政府"],
                                   [_span(PLATFORM, "北碚区人民政府")]),
                      Organization("重庆大学知识产权运营有限公司", "company", [],
                                   [_span(PLATFORM, "重庆大学知识产权运营有限公司")])],
                signings=[Signing(first_sentence, "2024-04-23",
                                  ["北碚区人民政府", "重庆大学知识产权运营有限公司"], ["成果转化平台"],
                                  None, {"value": 280000000.0, "unit": "元"}, "北碚区",
                                  0, len(first_sentence))],
                figures=[Figure("2.8亿元", 280000000.0, "元", None, "总投资", None,
                                *_span(PLATFORM, "2.8亿元"))]),
        _record("base5g", "沙坪坝区新建5G基站120个",
                "今年以来，沙坪坝区加快新型基础设施建设，累计新建5G基站120个，实现重点园区和高校"
                "校园全覆盖。下一步将推动5G应用在智能制造、智慧医疗等领域落地。",
                "2024-05-06", "cqspb-news", "沙坪坝区",
                orgs=[Organization("沙坪坝区经济信息委", "government")]),
        _record("wide", "璧山区５Ｇ基站建设提速",
                "璧山区今年计划新建５Ｇ基站300个，重点覆盖工业园区，AI质检等应用同步推进。",
                "2024-06-10", "cqbs-news", "璧山区"),
        _record("policy", "北碚区鼓励科技创新若干政策",
                "第一条　为加快建设环西南大学创新生态圈，支持高校科技成果在本区转化，制定本政策。\n"
                "第二条　对新认定的高新技术企业给予一次性奖励20万元。\n"
                "第三条　对在区内签约落户的重大项目，按实际到位资金给予补助。",
                "2024-02-18", "cqbb-gov", "北碚区", doc_type="policy",
                orgs=[Organization("环西南大学创新生态圈", "platform")]),
        _record("xinan", "西南大学与北碚区共建国家大学科技园", XINAN, "2024-04-22", "cqbb-news", "北碚区",
                orgs=[Organization("西南大学", "university", ["西大"], [_span(XINAN, "西南大学")]),
                      Organization("北碚国家大学科技园", "platform")],
                signings=[Signing(XINAN[:XINAN.index("。") + 1], "2024-04-22", ["西南大学", "北碚区"],
                                  ["北碚国家大学科技园"], None, None, None, 0, XINAN.index("。") + 1)]),
        _record("reprint", "西南大学携手北碚区建设大学科技园", REPRINT, "2024-04-23", "cq-daily", "北碚区",
                orgs=[Organization("西南大学", "university")],
                signings=[Signing(REPRINT[:REPRINT.index("，双方")], "2024-04-22", ["西南大学", "北碚区"],
                                  ["北碚国家大学科技园"], None, None, None, 0, 20)]),
        _record("bishan", "璧山区与西南大学签约共建新能源汽车研究院", BISHAN, "2023-11-09",
                "cqbs-news", "璧山区",
                orgs=[Organization("西南大学", "university", ["西大"])],
                signings=[Signing(BISHAN[:BISHAN.index("，研究院")], "2023-11-08", ["璧山区", "西南大学"],
                                  ["新能源汽车研究院"], None, None, "璧山区", 0, 30)]),
        _record("warning", "网站安全提示",
                "近期有不法分子仿冒政务网站，在页面中插入<script>alert('x')</script>等代码。"
                "请市民认准官方网站，谨慎签约任何线上协议。",
                "2024-03-05", "cqspb-news", "沙坪坝区"),
        _record("undated", "关于征集2025年度民生实事项目的公告",
                "现面向社会公开征集2025年度民生实事项目建议，征集时间为30天。欢迎市民通过信箱、电话等"
                "方式参与。", None, "cq-notice", None),
        _record("aipark", "人工智能产业园开园",
                "沙坪坝区人工智能产业园正式开园，首批入驻AI企业35家，涵盖计算机视觉、语音识别等方向。"
                "园区还与3所高校签订人才培养协议。",
                "2024-05-20", "cqspb-news", "沙坪坝区",
                orgs=[Organization("沙坪坝区人工智能产业园", "platform")],
                signings=[Signing("园区还与3所高校签订人才培养协议。", "2024-05-20",
                                  ["沙坪坝区人工智能产业园"], [], 3, None, None, 0, 17)]),
    ]
