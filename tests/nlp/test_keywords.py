"""Keyword terms, TF-IDF keywords and cosine neighbours (nlp/keywords.py)."""
from pathlib import Path

import pytest

from nlp.keywords import KeywordModel, background_keywords, is_term, stopwords, terms

# --- a small corpus written for these tests --------------------------------

SIGNING_DAILY = (
    "5月8日，璧山区人民政府与重庆交通大学签署战略合作协议，双方将共建智能网联汽车测试基地。"
    "根据协议，重庆交通大学将在璧山区设立汽车工程研究院，围绕智能网联汽车、新能源汽车开展联合攻关，"
    "璧山区将提供研发场地和人才公寓。区长在签约仪式上说，这是璧山区与高校合作的重要一步。"
    "重庆交通大学校长介绍，测试基地建成后可服务上下游汽车零部件企业200余家。")
SIGNING_PORTAL = (
    "璧山区与重庆交通大学携手共建智能网联汽车测试基地。8日上午，双方在璧山区行政中心签约，"
    "重庆交通大学汽车工程研究院将落户璧山区，聚焦智能网联汽车和新能源汽车关键技术。"
    "测试基地计划明年投入使用，预计带动汽车零部件企业集聚。")
UNRELATED = [
    "涪陵区今年榨菜种植面积达到72万亩，青菜头收购价格保持稳定，菜农人均增收3000元。"
    "区农业农村委组织技术人员下乡指导青菜头病虫害防治，榨菜加工企业订单饱满。",
    "永川区启动春季招聘月活动，职业院校毕业生与120家用工企业面对面交流，现场提供岗位4500个。"
    "人力社保局开设直播带岗专场，帮助求职者了解薪资待遇和技能培训政策。",
    "大足区文化和旅游委员会发布石刻文创产品征集公告，鼓励设计团队围绕大足石刻开发文创产品，"
    "优秀作品将在游客中心展销。今年以来景区接待游客同比增长。",
    "九龙坡区召开安全生产工作会议，部署汛期地质灾害隐患排查，要求各街道镇落实值班值守制度，"
    "对老旧小区电线私拉乱接开展专项整治。",
]
CORPUS = [SIGNING_DAILY, SIGNING_PORTAL, *UNRELATED]


@pytest.fixture(scope="module")
def model() -> KeywordModel:
    """A model fitted over the six articles above (two report one signing)."""
    return KeywordModel().fit(CORPUS)


# --- which words count as terms ----------------------------------------------

KEPT_WHOLE = [   # dictionary names, aliases and domain terms stay one term
    pytest.param("西南大学科技园正式开园", "西南大学", id="university-before-suffix"),
    pytest.param("西南大学科技园正式开园", "科技园", id="platform-suffix"),
    pytest.param("重庆邮电大学与北碚区签约", "重庆邮电大学", id="full-name"),
    pytest.param("全力发展数字经济", "数字经济", id="domain-term"),
    pytest.param("推动科技成果转化落地", "科技成果转化", id="domain-term-long"),
    pytest.param("打造智能网联汽车产业集群", "智能网联汽车", id="domain-term-auto"),
]


@pytest.mark.parametrize("text,term", KEPT_WHOLE)
def test_term_kept_whole(text, term):
    assert term in terms(text)


DROPPED = [      # numbers, single characters, punctuation, stopwords
    pytest.param("2025年签约项目", "2025年", id="year"),
    pytest.param("总投资3.5亿元的项目", "3.5", id="decimal"),
    pytest.param("项目总投资达到3.5亿元", "亿元", id="unit"),
    pytest.param("一是加强组织领导", "一是", id="chinese-ordinal"),
    pytest.param("第三批项目集中开工", "第三", id="ordinal-di"),
    pytest.param("30余项高校成果落地", "余项", id="approximate-count"),
    pytest.param("我们将进一步加强合作", "我们", id="pronoun"),
    pytest.param("我们将进一步加强合作", "进一步", id="official-adverb"),
    pytest.param("记者从区经信委获悉", "记者", id="reporting"),
    pytest.param("项目的签约仪式", "的", id="single-character"),
    pytest.param("签约，开工。", "，", id="punctuation"),
]


@pytest.mark.parametrize("text,word", DROPPED)
def test_word_dropped(text, word):
    assert word not in terms(text)


@pytest.mark.parametrize("word,expected", [
    pytest.param("5g", True, id="letters-with-digit"),
    pytest.param("ai", True, id="ascii-letters"),
    pytest.param("120", False, id="digits"),
    pytest.param("三十", False, id="chinese-numeral"),
    pytest.param("两个", False, id="numeral-with-measure"),
    pytest.param("多家", False, id="approximate-with-measure"),
    pytest.param("多方", True, id="duo-word"),
    pytest.param("两江新区", True, id="place-starting-with-numeral"),
    pytest.param("签约", True, id="plain-word"),
])
def test_is_term(word, expected):
    assert is_term(word, stopwords()) is expected


def test_short_alias_inside_another_name_is_not_taken():
    assert "西南大学" not in terms("山西大学代表团来访")


def test_caller_spans_become_canonical_names():
    text = "区府与交大签约。"
    assert terms(text, [(0, 2, "璧山区人民政府"), (3, 5, "重庆交通大学")])[:2] == ["璧山区人民政府", "重庆交通大学"]


def test_overlapping_caller_spans_keep_the_first():
    text = "璧山区人民政府签约"
    assert terms(text, [(0, 7, "璧山区人民政府"), (3, 7, "人民政府")]) == ["璧山区人民政府", "签约"]


# --- keywords --------------------------------------------------------------

def test_fitted_keywords_name_the_topic(model):
    words = [term for term, _ in model.keywords_of(0, 10)]
    assert {"智能网联汽车", "重庆交通大学", "璧山区"} <= set(words)


def test_keywords_have_no_stopwords_or_numbers(model):
    stop = stopwords()
    for row in range(len(model)):
        for term, weight in model.keywords_of(row, 15):
            assert term not in stop and not any(ch.isdigit() for ch in term), term
            assert 0 < weight <= 1


def test_keywords_heaviest_first(model):
    weights = [w for _, w in model.keywords_of(2, 10)]
    assert weights == sorted(weights, reverse=True)


def test_keywords_of_new_text_use_corpus_idf(model):
    text = "涪陵区榨菜加工企业扩大青菜头收购，榨菜出口订单增加。"
    words = [term for term, _ in model.keywords(text, 20)]
    assert words[0] == "榨菜"                                  # twice, and rare in the corpus
    assert words.index("青菜头") < words.index("企业")        # in one document vs in four


def test_background_keywords_without_corpus():
    words = [term for term, _ in background_keywords(SIGNING_DAILY, 8)]
    assert {"重庆交通大学", "璧山区", "智能网联汽车"} <= set(words)
    assert not set(words) & stopwords()


def test_background_keywords_prefer_rare_words_to_common_ones():
    words = [term for term, _ in background_keywords("榨菜企业扩大收购，榨菜企业增加订单。", 10)]
    assert words.index("榨菜") < words.index("企业")


def test_background_keywords_of_empty_text():
    assert background_keywords("", 5) == []


# --- similar documents ------------------------------------------------------

def test_two_reports_of_one_signing_are_each_others_nearest(model):
    assert model.similar(0, 1)[0][0] == 1
    assert model.similar(1, 1)[0][0] == 0


def test_similar_excludes_itself_and_is_ordered(model):
    found = model.similar(0, 10)
    assert 0 not in [row for row, _ in found]
    scores = [score for _, score in found]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)


def test_shared_terms_of_the_two_reports(model):
    shared = model.shared_terms(0, 1, 5)
    assert "智能网联汽车" in shared and "重庆交通大学" in shared


def test_rows_keep_at_most_max_terms():
    small = KeywordModel(max_terms=5).fit(CORPUS)
    assert small.matrix.getnnz(axis=1).max() == 5
    assert small.similar(0, 1)[0][0] == 1


# --- errors and persistence ---------------------------------------------------

def test_unfitted_model_raises():
    with pytest.raises(ValueError, match="not fitted"):
        KeywordModel().keywords("签约", 3)


def test_row_out_of_range(model):
    with pytest.raises(IndexError, match="row 99"):
        model.similar(99)


def test_corpus_without_terms_raises():
    with pytest.raises(ValueError, match="no keyword terms"):
        KeywordModel().fit(["2025年。", "，，"])


def test_save_and_load(model, tmp_path: Path):
    model.meta["ids"] = [f"doc{i}" for i in range(len(model))]
    path = model.save(tmp_path / "store" / "keywords.joblib")
    loaded = KeywordModel.load(path)
    assert loaded.keywords_of(0, 5) == model.keywords_of(0, 5)
    assert loaded.similar(1, 2) == model.similar(1, 2)
    assert loaded.meta["ids"][0] == "doc0"
    assert [p.name for p in path.parent.iterdir()] == ["keywords.joblib"]   # no temporary left


def test_similar_to_a_new_text(model):
    text = "重庆交通大学智能网联汽车测试基地在璧山区开工。"
    assert model.similar_to(model.vector(model.terms(text)), 2)[0][0] in (0, 1)
