"""Signings read end to end from news-like text: nlp/signings.py with the
organisations the pipeline finds itself (not built by hand), so that the
parties are those a reader of the JSON gets.

One table per phenomenon of how Chinese local news reports a signing:
who the sides are, how 双方/三方 and detail sentences refer back, what the
amount and count are, and when it happened.
"""
from __future__ import annotations

import pytest

from signing_sentences import read_signings, read_one

PUBLISHED = "2025-04-25"          # a Friday


def signings(text: str, published: str | None = PUBLISHED):
    return read_signings(text, published)


def only(text: str, published: str | None = PUBLISHED):
    return read_one(text, published)


# ---------------------------------------------------------------- parties

@pytest.mark.parametrize("text, parties", [
    pytest.param("4月23日，北碚区政府与重庆建工集团签订战略合作协议。",
                 {"北碚区政府", "重庆建工集团"}, id="district-government-and-group"),
    pytest.param("昨日，北碚区与重庆交通大学签订校地合作协议，双方将在人才培养等方面深化合作。",
                 {"重庆交通大学"}, id="bare-place-is-not-a-side"),
    pytest.param("4月20日，重庆工商大学与北碚区签署校地合作框架协议，双方将共建产教融合基地。",
                 {"重庆工商大学"}, id="bare-place-second"),
    pytest.param("4月22日，重庆市北碚区与四川省广安市签署川渝合作框架协议，两地将深化合作。",
                 set(), id="two-places-no-sides"),
    pytest.param("4月18日，北碚区与中国科学院重庆绿色智能技术研究院签约，共建北碚创新研究中心。",
                 {"中国科学院重庆绿色智能技术研究院"}, id="object-of-agreement-is-not-a-side"),
    pytest.param("4月22日，在区委书记张三的见证下，北碚区与中国电信股份有限公司重庆分公司签署合作协议。",
                 {"中国电信股份有限公司重庆分公司"}, id="witness-is-not-a-side"),
    pytest.param("4月18日，市委常委、区委书记张三，区委副书记、区长李四见证北碚区投资促进中心与重庆华远科技有限公司签约。",
                 {"北碚区投资促进中心", "重庆华远科技有限公司"}, id="witnesses-with-titles"),
    pytest.param("4月18日，区委书记张三与重庆华远科技有限公司董事长王五共同签署战略合作协议。",
                 {"重庆华远科技有限公司"}, id="committee-only-in-a-signers-title"),
    pytest.param("4月18日，重庆大学校长王五与北碚区区长李四签署校地合作协议。",
                 {"重庆大学"}, id="university-in-a-signers-title"),
    pytest.param("4月3日，沙坪坝区政府、重庆大学与长安汽车签署三方合作协议。",
                 {"沙坪坝区政府", "重庆大学", "长安汽车"}, id="three-named-sides"),
    pytest.param("3月28日，北碚区人民医院与重庆医科大学附属第一医院签订医联体合作协议。",
                 {"北碚区人民医院", "重庆医科大学附属第一医院"}, id="hospitals"),
])
def test_parties_are_the_named_bodies_of_each_side(text, parties):
    assert set(only(text).parties) == parties


@pytest.mark.parametrize("text, parties", [
    pytest.param("4月22日，北碚区商务委与重庆瑞丰新材料有限公司签订合作协议。",
                 {"北碚区商务委", "重庆瑞丰新材料有限公司"}, id="commission-then-yu"),
    pytest.param("4月22日，北碚区经济信息委与重庆瑞丰新材料有限公司签订技术改造合作协议。",
                 {"北碚区经济信息委", "重庆瑞丰新材料有限公司"}, id="long-commission-then-yu"),
    pytest.param("4月22日，北碚区农业农村委和重庆瑞丰新材料有限公司签订合作协议。",
                 {"北碚区农业农村委", "重庆瑞丰新材料有限公司"}, id="commission-then-he"),
    pytest.param("上周五，永川高新区管委会分别与重庆长城精工汽车零部件有限公司、重庆数智云链科技有限公司签订协议。",
                 {"永川高新区管委会", "重庆长城精工汽车零部件有限公司", "重庆数智云链科技有限公司"},
                 id="parts-maker-in-company-name"),
    pytest.param("上周五，区投促中心与重庆天驰电子有限公司签订投资协议。",
                 {"区投促中心", "重庆天驰电子有限公司"}, id="investment-promotion-short-form"),
    pytest.param("4月1日，重庆两江新区管委会与重庆高新区管委会签订了合作协议。",
                 {"重庆两江新区管委会", "重庆高新区管委会"}, id="new-area-with-city-prefix"),
])
def test_government_departments_keep_their_full_written_name(text, parties):
    assert set(only(text).parties) == parties


@pytest.mark.parametrize("text, parties", [
    pytest.param("近日，奉节县脐橙产业发展中心与盒马鲜生、百果园等6家采购商签订销售合同，合同金额约2.9亿元。",
                 ["奉节县脐橙产业发展中心", "盒马鲜生", "百果园"], id="brand-beside-a-known-one"),
    pytest.param("4月22日，北碚区政府与华为技术有限公司、隆基绿能、宁德时代等企业签署合作协议。",
                 ["北碚区政府", "华为技术有限公司", "隆基绿能", "宁德时代"], id="brands-after-a-company"),
    pytest.param("4月22日，北碚区投资促进中心与重庆天驰电子有限公司、北京、上海等地客商签约。",
                 ["北碚区投资促进中心", "重庆天驰电子有限公司"], id="places-in-the-list"),
    pytest.param("4月22日，北碚区与智能制造、生物医药、新材料等领域的12家企业签约。", [], id="industries-in-the-list"),
])
def test_names_listed_beside_an_organisation_are_sides(text, parties):
    assert only(text).parties == parties


@pytest.mark.parametrize("text, parties", [
    pytest.param("3月5日上午，北碚区人民政府与重庆大学举行战略合作签约仪式。区委书记张三、重庆大学校长王五出席。"
                 "双方签署了战略合作协议。", {"北碚区人民政府", "重庆大学"}, id="sides-sign-after-ceremony"),
    pytest.param("4月22日，区政府与西南大学举行校地合作签约仪式。双方签署了全面战略合作协议。",
                 {"区政府", "西南大学"}, id="sides-sign-right-after"),
    pytest.param("4月15日，区招商投资促进中心与重庆渝富控股集团有限公司、重庆华远科技有限公司签署三方合作协议。"
                 "三方将合作打造科创产业园。",
                 {"区招商投资促进中心", "重庆渝富控股集团有限公司", "重庆华远科技有限公司"}, id="three-sides-plan-after"),
    pytest.param("4月18日，北碚区与重庆大学校地合作签约仪式举行。北碚区人民政府与重庆大学签署全面战略合作协议。",
                 {"北碚区人民政府", "重庆大学"}, id="ceremony-then-its-signing"),
    pytest.param("4月18日，北碚区举行重大项目集中签约仪式。重庆天驰电子有限公司、重庆博雅生物科技有限公司等12家企业"
                 "与北碚区投资促进中心签订投资协议，总投资58亿元。",
                 {"北碚区投资促进中心", "重庆天驰电子有限公司", "重庆博雅生物科技有限公司"}, id="ceremony-then-batch"),
])
def test_both_sides_sentences_belong_to_the_signing_before(text, parties):
    found = only(text)
    assert set(found.parties) == parties


@pytest.mark.parametrize("text, parties", [
    pytest.param("重庆华远科技有限公司是一家专注于智能传感器研发的高新技术企业。昨日，该公司与北碚区投资促进中心签订投资协议。",
                 ["重庆华远科技有限公司", "北碚区投资促进中心"], id="this-company"),
    pytest.param("西南大学是教育部直属重点大学。4月22日，该校与北碚区人民政府签署新一轮校地合作协议。",
                 ["西南大学", "北碚区人民政府"], id="this-university"),
    pytest.param("中国科学院重庆绿色智能技术研究院近年来发展迅速。4月22日，北碚区人民政府与该院签署合作协议。",
                 ["北碚区人民政府", "中国科学院重庆绿色智能技术研究院"], id="this-institute"),
])
def test_this_company_refers_to_the_body_named_before(text, parties):
    assert only(text).parties == parties


@pytest.mark.parametrize("text, parties", [
    pytest.param("上周五，区投促中心与12家企业集中签约，签约金额达35亿元。",
                 {"区投促中心"}, id="unnamed-companies-are-not-sides"),
    pytest.param("上周五，北碚国家大学科技园与12家科技型企业签订入驻协议。",
                 {"北碚国家大学科技园"}, id="park-with-unnamed-companies"),
    pytest.param("4月12日，北碚区与3家银行签署战略合作协议，3家银行将提供意向授信300亿元。",
                 set(), id="place-and-unnamed-banks"),
])
def test_counted_unnamed_bodies_are_not_parties(text, parties):
    assert set(only(text).parties) == parties


@pytest.mark.parametrize("text, parties", [
    pytest.param("4月11日，北碚区投资促进中心与4家企业集中签约，签约项目总投资15亿元。"
                 "签约企业包括重庆天驰电子有限公司、重庆博雅生物科技有限公司等。",
                 {"北碚区投资促进中心", "重庆天驰电子有限公司", "重庆博雅生物科技有限公司"}, id="signed-companies-include"),
    pytest.param("4月11日，北碚区与4家企业集中签约，总投资15亿元。分别是重庆天驰电子有限公司投资6亿元的电子元器件项目、"
                 "重庆博雅生物科技有限公司投资4亿元的生物试剂项目等。",
                 {"重庆天驰电子有限公司", "重庆博雅生物科技有限公司"}, id="namely-list"),
    pytest.param("3月26日，北碚区一季度重点项目集中签约活动举行，15个项目集中签约，总投资92.3亿元。"
                 "其中，重庆天驰电子有限公司投资12亿元建设高端电子元器件生产基地。",
                 {"重庆天驰电子有限公司"}, id="investor-in-detail"),
    pytest.param("4月18日，8家企业与北碚区投资促进中心集中签约，包括重庆天驰电子有限公司、重庆博雅生物科技有限公司等。",
                 {"北碚区投资促进中心", "重庆天驰电子有限公司", "重庆博雅生物科技有限公司"}, id="list-clause-after"),
    pytest.param("4月18日，北碚区集中签约项目8个，签约企业分别是重庆天驰电子有限公司、重庆博雅生物科技有限公司等。",
                 {"重庆天驰电子有限公司", "重庆博雅生物科技有限公司"}, id="signed-companies-are"),
    pytest.param("截至目前，重庆高新区管委会已累计与32所高校院所签署合作协议，引进研发机构46家，其中包括金凤实验室等平台。",
                 {"重庆高新区管委会"}, id="list-of-something-else"),
])
def test_detail_sentences_name_the_sides_of_a_batch(text, parties):
    found = only(text)
    assert set(found.parties) == parties


@pytest.mark.parametrize("text, parties", [
    pytest.param("北碚国家大学科技园位于蔡家岗街道，由北碚区政府与西南大学共建。目前，已签约入驻企业120家。",
                 ["北碚国家大学科技园"], id="park-of-the-paragraph"),
    pytest.param("天生创新创业街全长1.2公里，集聚了众创空间、孵化器等平台。目前，签约入驻的创业团队已有86个。",
                 ["天生创新创业街"], id="street-platform"),
    pytest.param("北碚区委、区政府高度重视孵化器建设，北碚区科技局加大支持力度。目前，已签约入驻企业120家。",
                 [], id="no-park-in-the-paragraph"),
])
def test_settling_in_names_the_park_the_paragraph_is_about(text, parties):
    assert only(text).parties == parties


# ---------------------------------------------------------------- one event

@pytest.mark.parametrize("text, count", [
    pytest.param("4月24日，北碚区人民政府与重庆国际投资咨询集团有限公司签署战略合作协议。区委书记出席签约仪式。"
                 "根据协议，双方将在规划咨询等领域开展合作。", 1, id="ceremony-attended-and-terms"),
    pytest.param("4月8日，北碚区与重庆大学签订合作协议。签约仪式后，重庆大学北碚研究院同时揭牌。", 1,
                 id="after-the-ceremony-a-plaque"),
    pytest.param("4月8日，北碚区与重庆大学签订合作协议。签约仪式前，双方进行了座谈。", 1, id="before-the-ceremony"),
])
def test_mentions_of_the_ceremony_are_not_new_signings(text, count):
    assert len(signings(text)) == count


@pytest.mark.parametrize("text", [
    pytest.param("“从首次接洽到正式签约只用了不到两个月。”重庆数智云链科技有限公司负责人说。", id="from-contact-to-signing"),
    pytest.param("2024年，力争全区社会消费品零售总额增长7%左右，新签约商贸服务业项目不少于60个。", id="target-scope"),
    pytest.param("今年，全区目标是新签约项目100个以上。", id="target-is"),
    pytest.param("目前，还有6个项目正在洽谈，其中2个项目有望在7月签约。", id="expected-signing"),
    pytest.param("北碚区第三届创业大赛总决赛现场 摄/张三", id="caption"),
    pytest.param("“签约只是第一步，关键在于落地。”区投资促进中心负责人表示。", id="signing-is-only-a-step"),
    pytest.param("本次大会设置开幕式、主旨演讲、项目签约等环节。", id="agenda-item"),
    pytest.param("活动还设置了项目签约、成果发布、专家对话等环节。", id="agenda-item-first"),
])
def test_not_signings(text):
    assert signings(text) == []


# ---------------------------------------------------------------- amount

@pytest.mark.parametrize("text, amount", [
    pytest.param("4月12日，北碚区举行项目集中签约仪式，其中亿元以上项目6个，共签约项目15个，总投资52亿元。",
                 5_200_000_000, id="total-after-threshold"),
    pytest.param("4月12日，北碚区举行项目集中签约仪式，共签约项目10个，投资额均在5亿元以上，总投资75亿元。",
                 7_500_000_000, id="total-after-each-above"),
    pytest.param("4月12日，北碚区举行招商引资项目签约会，共签约项目12个，签约总金额达86.2亿元，预计达产后年产值超过150亿元。",
                 8_620_000_000, id="signed-value-not-output"),
    pytest.param("4月12日，北碚区举行项目集中签约仪式，签约的8个项目预计年产值50亿元，实现税收3亿元。",
                 None, id="output-only"),
    pytest.param("4月12日，北碚区与重庆华远科技有限公司签订投资协议，项目分两期建设，一期投资1亿元，二期投资2亿元。",
                 None, id="phases-only"),
    pytest.param("4月12日，北碚区与重庆银行签署战略合作协议，重庆银行将在未来5年为北碚区提供500亿元融资支持。",
                 None, id="one-sides-commitment"),
    pytest.param("4月12日，北碚区与重庆华远科技有限公司签订投资协议。该项目总投资3亿元，主要建设智能传感器生产线。",
                 300_000_000, id="project-total-next-sentence"),
    pytest.param("4月12日，北碚区举行项目集中签约仪式，8个项目集中签约。此次签约项目总投资35亿元，涵盖智能制造等领域。",
                 3_500_000_000, id="batch-total-next-sentence"),
    pytest.param("4月12日，北碚区举行项目集中签约仪式，8个项目集中签约。其中，智能传感器项目投资3亿元，新能源电池项目投资5亿元。",
                 None, id="per-project-amounts-are-not-the-total"),
    pytest.param("4月18日，北碚区举行项目集中签约仪式，12个项目签约，其中最大项目投资20亿元。", None, id="largest-project"),
    pytest.param("4月18日，北碚区举行项目集中签约仪式，12个项目签约，其中工业项目8个、投资45亿元。", None, id="a-part-of-the-batch"),
    pytest.param("4月18日，北碚区举行项目集中签约仪式，12个项目签约，总投资56亿元，其中工业项目投资45亿元。",
                 5_600_000_000, id="total-then-part"),
])
def test_amount_is_the_total_of_the_event(text, amount):
    found = only(text)
    assert (found.amount or {}).get("value") == amount


# ---------------------------------------------------------------- count

@pytest.mark.parametrize("text, count", [
    pytest.param("4月12日，北碚区举行项目集中签约仪式，15个项目总投资52亿元，其中单个项目最高投资10亿元。", 15,
                 id="count-in-later-clause"),
    pytest.param("4月12日，北碚区举行项目集中签约仪式，签约项目投资额从5000万元到10亿元不等，共计15个项目，总投资52亿元。", 15,
                 id="in-all-n-projects"),
    pytest.param("4月12日，北碚区举行项目集中签约仪式，8个项目集中签约，涉及智能制造、生物医药等3个领域。", 8,
                 id="fields-are-not-counted"),
    pytest.param("4月12日，北碚区举行项目集中签约仪式，现场签约项目8个，预计可新增就业岗位1200个。", 8,
                 id="jobs-are-not-counted"),
    pytest.param("3月28日，重庆科技学院与中国石油西南油气田分公司签署3份产学研合作协议。", 3, id="agreements"),
    pytest.param("近年来，北碚区已与西南大学、重庆师范大学等8所高校签订合作协议。", 8, id="universities"),
    pytest.param("4月22日，北碚区与重庆建工集团签订战略合作协议，将联合培养技术人才不少于30名。", None,
                 id="no-count"),
])
def test_count_is_what_was_signed(text, count):
    assert only(text).count == count


# ---------------------------------------------------------------- date

@pytest.mark.parametrize("opening, date", [
    pytest.param("昨日", "2025-04-24", id="yesterday"),
    pytest.param("上周五", "2025-04-18", id="last-friday"),
    pytest.param("22日", "2025-04-22", id="bare-day"),
    pytest.param("上月28日", "2025-03-28", id="last-month"),
    pytest.param("去年12月", "2024-12", id="last-year-month"),
    pytest.param("今（22）日", "2025-04-22", id="today-with-day-in-brackets"),
    pytest.param("近日", None, id="recently"),
    pytest.param("日前", None, id="the-other-day"),
])
def test_date_resolves_against_published(opening, date):
    text = f"{opening}，北碚区人民政府与重庆大学签署战略合作协议。"
    assert only(text).date == date


@pytest.mark.parametrize("text, date", [
    pytest.param("4月18日，北碚区召开招商大会。区委书记张三出席并讲话。大会集中签约项目12个，总投资56亿元。",
                 "2025-04-18", id="meeting-two-sentences-before"),
    pytest.param("4月18日，北碚区召开招商大会。据悉，大会期间共签约项目12个。", "2025-04-18", id="during-the-meeting"),
    pytest.param("4月18日上午，北碚区召开招商大会。当天下午，北碚区人民政府与重庆大学签署合作协议。",
                 "2025-04-18", id="that-afternoon"),
    pytest.param("华龙网4月18日讯 4月17日，北碚区召开招商大会，集中签约项目12个。", "2025-04-17", id="not-the-dateline"),
    pytest.param("4月18日，北碚区召开招商大会。区内已累计签约入驻企业130家。", None, id="running-total"),
    pytest.param("今年3月以来，北碚区已签约项目28个，协议投资额96亿元。", "2025", id="since-a-month-is-its-year"),
    pytest.param("一季度，全区新签约项目32个，协议投资额186.5亿元。", "2025", id="this-years-quarter"),
    pytest.param("上半年，北碚区共签约项目56个，总投资310亿元。", "2025", id="this-years-half"),
    pytest.param("去年一季度，全区新签约项目28个。", "2024", id="last-years-quarter"),
])
def test_an_undated_signing_takes_the_date_of_its_paragraph(text, date):
    assert only(text).date == date
