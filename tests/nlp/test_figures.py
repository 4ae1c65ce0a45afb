"""Figures: value, unit, qualifier, metric, year and span, by phenomenon."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.figures import find_figures


def only(text: str, **kwargs):
    """The single figure of ``text``."""
    figures = find_figures(text, **kwargs)
    assert len(figures) == 1, [(f.text, f.value, f.unit) for f in figures]
    return figures[0]


def cases(table):
    return [pytest.param(*row[1:], id=row[0]) for row in table]


# --- 万/亿 multipliers, decimals, separators, full-width digits ----------------

MULTIPLIERS = [
    ("wan-area", "整合闲置厂房约2.5万平方米", 25000, "平方米"),
    ("wan-yuan", "设立风险补偿资金2000万元", 20000000, "元"),
    ("yi-yuan", "完成固定资产投资8.09亿元", 809000000, "元"),
    ("wanyi-yuan", "外贸进出口总额达1.4万亿元", 1400000000000, "元"),
    ("wan-renci", "全年接待游客2850.6万人次", 28506000, "人次"),
    ("wan-kwh", "全年用电量12.5万千瓦时", 125000, "千瓦时"),
    ("yi-usd", "实际利用外资3.5亿美元", 350000000, "美元"),
    ("qian-wan", "安排专项资金3千万元", 30000000, "元"),
    ("thousands-comma", "规上工业企业达到1,235家", 1235, "家"),
    ("fullwidth", "集聚各类人才１２万名", 120000, "名"),
    ("fullwidth-decimal", "完成营业收入３．５亿元", 350000000, "元"),
    ("plain-int", "新建乡村公路150公里", 150, "公里"),
    ("decimal-float", "整治河道0.8公里", 0.8, "公里"),
    ("money-without-yuan", "项目总投资50亿，分两期建设", 5000000000, "元"),
    ("per-unit", "商品房均价1.2万元/平方米", 12000, "元/平方米"),
]


@pytest.mark.parametrize("text,value,unit", cases(MULTIPLIERS))
def test_multipliers(text, value, unit):
    figure = only(text)
    assert (figure.value, figure.unit) == (value, unit)
    assert type(figure.value) is type(value)


# --- units and measure words ----------------------------------------------------

UNITS = [
    ("suo", "辖区内有12所中小学", 12, "所"),
    ("jia", "新认定专精特新企业45家", 45, "家"),
    ("wei", "邀请9位院士出席", 9, "位"),
    ("changci", "举办招聘会45场次", 45, "场次"),
    ("chang", "开展宣讲活动30场", 30, "场"),
    ("zhu", "种植银杏树2000株", 2000, "株"),
    ("mu", "流转土地1200亩", 1200, "亩"),
    ("pingfanggongli", "规划面积20平方公里", 20, "平方公里"),
    ("dun", "粮食总产量25.6万吨", 256000, "吨"),
    ("hu", "惠及困难家庭860户", 860, "户"),
    ("tai", "更新公交车辆120台", 120, "台"),
    ("zuo", "建成换电站120座", 120, "座"),
    ("tian", "空气质量优良天数328天", 328, "天"),
    ("bei", "科技型企业数量增长1.5倍", 1.5, "倍"),
    ("traditional-ge", "新建充電樁4500個", 4500, "个"),
]

# Counters made of two words are one unit (人时 is not 人 + a metric 时).
COMPOUND_UNITS = [
    ("renshi", "实训基地每年承担实训教学1.8万人时。", 18000, "人时"),
    ("renci", "全年开展职业技能培训3.2万人次", 32000, "人次"),
    ("jiaci", "机场保障航班起降4.6万架次", 46000, "架次"),
    ("muci", "完成无人机植保作业12万亩次", 120000, "亩次"),
    ("biaozhunxiang", "集装箱吞吐量达到36.5万标准箱", 365000, "标准箱"),
    ("checi", "开行中欧班列420车次", 420, "车次"),
    ("wan-qianwashi", "光伏电站年发电1200万千瓦时", 12000000, "千瓦时"),
    ("taitao", "推广智能农机装备860台套", 860, "台套"),
    ("when-is-not-renshi", "当客流量超过5000人时，景区启动限流", 5000, "人"),
]


@pytest.mark.parametrize("text,value,unit", cases(COMPOUND_UNITS))
def test_compound_units(text, value, unit):
    figure = only(text)
    assert (figure.value, figure.unit) == (value, unit)
    assert figure.metric is None or not figure.metric.startswith(("时", "次"))


@pytest.mark.parametrize("text,value,unit", cases(UNITS))
def test_units(text, value, unit):
    figure = only(text)
    assert (figure.value, figure.unit) == (value, unit)


# --- 约/余/近 and other qualifiers ------------------------------------------------

QUALIFIERS = [
    ("yue", "盘活闲置楼宇约3万平方米", "approx"),
    ("zuoyou", "城镇新增就业3万人左右", "approx"),
    ("shangxia", "每亩增收1500元上下", "approx"),
    ("yuehe", "折合约合30万亩", "approx"),
    ("yu-before-unit", "入驻企业300余家", "over"),
    ("yu-before-wan", "补植苗木30余万株", "over"),
    ("duo", "带动10多个村集体增收", "over"),
    ("chao", "旅游收入超200亿元", "over"),
    ("chaoguo", "单体投资额均超过5000万元", "over"),
    ("tupo", "市场主体总数突破10万户", "over"),
    ("yu", "累计服务群众逾5万人次", "over"),
    ("yishang", "城镇新增就业3万人以上", "over"),
    ("guo", "其中过1亿元的项目有6个", "over"),
    ("jin", "在孵团队近200个", "under"),
    ("jiejin", "绿化覆盖率接近45%", "under"),
    ("budao", "审批用时不到3天", "under"),
    ("zuigao", "单个项目补助最高500万元", "under"),
    ("buchaoguo", "每年安排资金不超过2000万元", "under"),
    ("yinei", "失业率控制在5.5%以内", "under"),
    ("da-is-none", "技术交易额达3.6亿元", None),
    ("qianyue-is-not-yue", "现场签约5个项目", None),
    ("zuijin-is-not-jin", "最近3个月新增用户800户", None),
    ("double-prefix", "单个企业最高不超过500万元", "under"),
    ("ceiling-of-a-share", "按不超过实际投资额的30%给予补助", "under"),
    ("approx-share", "出口额约占全省的15%", "approx"),
    ("approx-share-no-de", "外资企业大约占全区企业总数8%", "approx"),
]


@pytest.mark.parametrize("text,qualifier", cases(QUALIFIERS))
def test_qualifiers(text, qualifier):
    assert find_figures(text)[0].qualifier == qualifier


LISTED_THRESHOLDS = [
    ("two", "年营业收入首次突破10亿元、50亿元的企业", ["over", "over"]),
    ("three", "年纳税额首次超过1000万元、3000万元、5000万元的企业", ["over", "over", "over"]),
    ("with-he", "产值超过1亿元、5亿元和10亿元的项目", ["over", "over", "over"]),
    ("own-qualifier-ends-chain", "新增企业超过10家、20家以上、30家", ["over", "over", None]),
    ("not-listed", "营收突破5亿元，利润3000万元", ["over", None]),
]


@pytest.mark.parametrize("text,qualifiers", cases(LISTED_THRESHOLDS))
def test_listed_thresholds_share_their_qualifier(text, qualifiers):
    assert [f.qualifier for f in find_figures(text)] == qualifiers


# --- 累计 ---------------------------------------------------------------------------

CUMULATIVE = [
    ("plain", "累计培训农民工3000人次", "cumulative"),
    ("far-in-clause", "累计为辖区小微企业发放贷款3.6亿元", "cumulative"),
    ("bounded-wins", "累计引进高层次人才500余名", "over"),
    ("approx-wins", "累计改造老旧小区约40万平方米", "approx"),
    ("not-across-comma", "累计建成充电桩800个，换电站20座", None),
]


@pytest.mark.parametrize("text,qualifier", cases(CUMULATIVE))
def test_cumulative(text, qualifier):
    assert find_figures(text)[-1].qualifier == qualifier


# --- percentages, 个百分点, ranges -----------------------------------------------

SHARES = [
    ("percent", "地区生产总值同比增长6.1%", 6.1, "%", None),
    ("percent-int", "行政村通硬化路比例达100%", 100, "%", None),
    ("fullwidth-percent", "污水集中处理率达到９８．５％", 98.5, "%", None),
    ("points", "增速比上年提高0.3个百分点", 0.3, "个百分点", None),
    ("range-percent", "年均增长8%～10%", 10, "%", "under"),
    ("range-yuan", "帮助企业融资3-5亿元", 500000000, "元", "under"),
    ("range-zhi", "每户补贴2000至3000元", 3000, "元", "under"),
]


@pytest.mark.parametrize("text,value,unit,qualifier", cases(SHARES))
def test_shares_and_ranges(text, value, unit, qualifier):
    figure = only(text)
    assert (figure.value, figure.unit, figure.qualifier) == (value, unit, qualifier)


# --- year ---------------------------------------------------------------------------

YEARS = [
    ("explicit", "2023年，该县粮食总产量达到25.6万吨。", "2025-04-25", [2023]),
    ("carries-in-sentence", "2023年全区新增企业1200家，同比增长8%；新增个体户3000户。",
     "2025-04-25", [2023, 2023, 2023]),
    ("not-next-sentence", "2023年全区新增企业1200家。新增个体户3000户。", "2025-04-25", [2023, None]),
    ("jinnian", "今年一季度完成投资8.5亿元", "2025-04-25", [2025]),
    ("qunian", "去年全市新增城镇就业5.2万人", "2025-04-25", [2024]),
    ("qunian-no-date", "去年全市新增城镇就业5.2万人", None, [None]),
    ("shangnian", "上年全县新增市场主体6800户", "2025-04-25", [2024]),
    ("shangniandu-is-a-condition", "申报企业上年度研发投入不低于100万元", "2025-04-25", [None]),
    ("bi-shangnian-is-a-base", "比上年增加1200家", "2025-04-25", [None]),
    ("no-year", "全区新增城镇就业5.2万人", "2025-04-25", [None]),
    ("comparison-base", "比2019年增加1200家", "2025-04-25", [None]),
    ("title-year", "《2024年工作要点》明确新建公园12个", "2025-04-25", [None]),
    ("date-counts", "2019年5月6日，现场签约项目58个", None, [2019]),
    ("target-year", "到2027年，全市孵化器达到350家以上。", None, [2027]),
    ("year-range", "2023—2025年累计投入资金12亿元", None, [None]),
    # a year inside the name of an event or a document dates the event, not the figures
    ("event-name", "4月2日，巫山县2025年第二批重大项目集中签约活动在县城举行，签约项目18个。",
     "2025-04-03", [None]),
    ("expo-name", "在2024年中国国际智能产业博览会上，江北区签约项目12个。", "2025-04-03", [None]),
    ("plan-name", "2025年乡村振兴工作要点明确，新建高标准农田3万亩。", "2025-04-03", [None]),
    ("report-is-not-a-name", "2024年全区经济运行报告显示，地区生产总值增长6%。", "2025-04-03", [2024]),
    ("holiday-is-time", "2024年春节期间，全区接待游客300万人次。", "2025-04-03", [2024]),
    ("event-word-as-object", "2024年全区举办招商活动120场。", "2025-04-03", [2024]),
    ("own-year-after-event", "在2025年招商推介会上获悉，2024年全区引进项目85个。", "2025-04-03", [2024]),
]


@pytest.mark.parametrize("text,published,years", cases(YEARS))
def test_years(text, published, years):
    assert [f.year for f in find_figures(text, published=published)] == years


# --- metric ---------------------------------------------------------------------------

METRICS = [
    ("noun-before", "孵化科技型企业300余家", "孵化科技型企业"),
    ("noun-after", "辖区共有12所职业院校", "职业院校"),
    ("verb-and-noun-after", "已引进46个研发机构", "引进研发机构"),
    ("da-strips-subject", "2024年北碚全区技术合同成交额达12.5亿元", "技术合同成交额"),
    ("yiyou-split", "这一园区内已有入驻企业158家", "入驻企业"),
    ("leijì-stripped", "累计入驻创业团队、企业900余个", "入驻创业团队、企业"),
    ("zai-zhong-stripped", "在城市更新中改造老旧小区12个", "改造老旧小区"),
    ("deng-keeps-verb", "引进华为、腾讯等12家头部企业", "引进头部企业"),
    ("deng-noun-before", "已入驻长安、赛力斯等企业36家", "入驻企业"),
    ("relative-clause", "目前有约30家明确投资意向的企业", "明确投资意向的企业"),
    ("de-after-unit", "腾退了约1.5万平方米的闲置厂房", "腾退闲置厂房"),
    ("list-borrows-verb", "新建5G基站800个、充电桩300个", None),
    ("predicate", "6所高校签署战略合作协议", "签署战略合作协议的高校"),
    ("growth-borrows", "实现地区生产总值1200亿元，同比增长6.1%", None),
    ("ratio", "数字经济增加值占地区生产总值比重达到35%", "数字经济增加值占地区生产总值比重"),
    ("strips-zai-level", "城镇调查失业率控制在5.5%以内", "城镇调查失业率"),
    ("threshold-before-de", "对年营业收入首次超过5亿元的科技服务企业", "科技服务企业年营业收入"),
    ("grant-verb", "对认定企业给予不低于10万元的一次性奖励", "认定企业一次性奖励"),
    ("traditional", "香港企業共簽約項目27個", "签约项目"),
    ("previous-clause-subject", "研发投入强度连续三年提升，2023年达2.41%", "研发投入强度"),
    ("noun-ends-before-verb", "组建由不少于10名专家组成的管理团队", "专家"),
]


@pytest.mark.parametrize("text,metric", cases(METRICS))
def test_metric_of_last_figure(text, metric):
    figures = find_figures(text)
    if metric is not None:
        assert figures[-1].metric == metric


def test_list_member_borrows_verb():
    first, second = find_figures("新建5G基站800个、充电桩300个")
    assert (first.metric, second.metric) == ("新建5G基站", "新建充电桩")


def test_list_shares_the_noun_after_it():
    figures = find_figures("分别给予100万元、300万元奖励")
    assert [f.metric for f in figures] == ["奖励", "奖励"]


def test_growth_rate_borrows_previous_metric():
    _, growth = find_figures("全区实现地区生产总值1200亿元，同比增长6.1%")
    assert growth.metric == "地区生产总值同比增长"


def test_threshold_and_count_are_two_figures():
    threshold, count = find_figures("签约项目中过1亿元项目19个")
    assert (threshold.value, threshold.unit, threshold.qualifier) == (100000000, "元", "over")
    assert (count.value, count.unit) == (19, "个")


def test_every_mention_is_a_figure():
    figures = find_figures("围绕8所高校开展服务，已与8所高校签约。")
    assert [(f.value, f.unit) for f in figures] == [(8, "所"), (8, "所")]


# --- not figures ------------------------------------------------------------------------

NOT_FIGURES = [
    ("date", "2025年4月23日上午举行"),
    ("month-day-time", "4月23日10:20正式开幕"),
    ("bare-year", "2019年，双方签订协议"),
    ("ordinal", "第三届大会暨第3次会议"),
    ("ordinal-digit-unit", "连续第5个年度获评"),
    ("code-5g", "加快5G网络建设"),
    ("code-formula", "构建“2+2+X”发展格局"),
    ("doc-number", "印发渝府发〔2024〕12号文件"),
    ("title", "出台《2025年招商引资十条措施》"),
    ("phone", "咨询电话023-68251234"),
    ("no-unit", "有30万在校师生"),
    ("chrome-counter", "245200文章数 584523关注度"),
    ("grade", "创建国家5A级旅游景区"),
    ("address", "地址：渝北区金开大道88号"),
    ("project-name", "年产3500吨高端铝材项目正式开工"),
    ("sports-score", "主队0-4不敌客队"),
    ("model-name", "发布U23青训计划"),
    ("chinese-numerals", "培育本土技术经理人超百名"),
]


@pytest.mark.parametrize("text", cases(NOT_FIGURES))
def test_not_figures(text):
    assert find_figures(text) == []


# --- spans -------------------------------------------------------------------------------

SPANS = [
    ("noun-before", "全区孵化科技型企业300余家，", "孵化科技型企业300余家"),
    ("noun-after", "辖区现有12所职业院校。", "现有12所职业院校"),
    ("yiyou", "园区内已有入驻企业158家。", "已有入驻企业158家"),
    ("growth", "营收8亿元，同比增长4.3%。", "同比增长4.3%"),
]


@pytest.mark.parametrize("text,span", cases(SPANS))
def test_span_text(text, span):
    figure = find_figures(text)[-1]
    assert figure.text == span
    assert text[figure.start:figure.end] == figure.text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="0123456789.万亿余约近超个家元%，。、年月累计企业达项目同比增长", max_size=40))
def test_offsets_always_index_the_text(text):
    for figure in find_figures(text, published="2025-04-25"):
        assert text[figure.start:figure.end] == figure.text
        assert figure.start < figure.end


def test_figures_come_in_text_order():
    figures = find_figures("新建公园12个，改造绿地3万平方米，新增停车位800个。")
    assert [f.start for f in figures] == sorted(f.start for f in figures)
    assert [f.value for f in figures] == [12, 30000, 800]


# --- seeds ---------------------------------------------------------------------------------

@pytest.mark.seeds
def test_portal_seed(seed_text):
    figures = find_figures(seed_text("portal"), published="2025-04-25")
    by_text = {f.text: f for f in figures}
    settled = next(f for f in figures if f.value == 2500 and f.metric == "入驻项目团队、企业")
    assert (settled.unit, settled.qualifier) == ("个", "over")
    revenue = next(f for f in figures if f.value == 809000000)
    assert (revenue.unit, revenue.year, revenue.metric) == ("元", 2024, "科技服务营收")
    growth = next(f for f in figures if f.unit == "%" and f.value == 4.3)
    assert growth.year == 2024
    assert not any("在校师生" in text for text in by_text)
    assert not any(f.value in (245200, 584523, 300000) and f.unit == "个" for f in figures)
    assert not any(f.value == 2 and f.unit is None for f in figures)


@pytest.mark.seeds
def test_epaper_seed_once_lines_are_joined(seed_text):
    text = seed_text("epaper").replace("\n", "")
    figures = find_figures(text)
    park = next(f for f in figures if f.value == 296)
    assert (park.unit, park.metric) == ("家", "入园企业")
    site = next(f for f in figures if f.value == 25000)
    assert (site.unit, site.qualifier) == ("平方米", "approx")
    assert all(f.year is None for f in figures if f.value in (296, 25000))
