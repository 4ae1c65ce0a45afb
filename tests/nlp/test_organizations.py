"""nlp.organizations: names, types, aliases and mentions of organisations."""
from __future__ import annotations

import shutil

import pytest

from nlp.lexicon import DEFAULT_DIR, load_lexicon
from nlp.organizations import canonical_name, find_organizations
from nlp.orgaliases import abbreviations
from policyminer.errors import ConfigError


def by_name(text: str, **kwargs) -> dict:
    """The organisations of ``text`` keyed by name."""
    return {org.name: org for org in find_organizations(text, **kwargs)}


def all_forms(text: str, **kwargs) -> set[str]:
    """Every name and alias found in ``text``."""
    return {form for org in find_organizations(text, **kwargs) for form in [org.name, *org.aliases]}


# ---------------------------------------------------------------- suffix chains

@pytest.mark.parametrize(
    "text, name, kind",
    [
        pytest.param("北碚区与中国农业科学院柑桔研究所合作建设柑桔主题公园。",
                     "中国农业科学院柑桔研究所", "institute", id="academy-then-institute"),
        pytest.param("重庆市江北区人民政府与京东方科技集团股份有限公司签署协议。",
                     "京东方科技集团股份有限公司", "company", id="group-company"),
        pytest.param("重庆市江北区人民政府与京东方科技集团股份有限公司签署协议。",
                     "重庆市江北区人民政府", "government", id="city-district-government"),
        pytest.param("活动由北碚区委宣传部承办。", "北碚区委宣传部", "party", id="party-department"),
        pytest.param("渝北区仙桃街道党工委组织辖区企业开展安全培训。",
                     "渝北区仙桃街道党工委", "party", id="street-party-committee"),
        pytest.param("重庆医科大学附属第一医院专家赴巫山县人民医院开展义诊。",
                     "巫山县人民医院", "hospital", id="county-hospital"),
        pytest.param("重庆医科大学附属第一医院专家赴巫山县人民医院开展义诊。",
                     "重庆医科大学附属第一医院", "hospital", id="ordinal-in-name"),
        pytest.param("重庆西永微电子产业园区开发有限公司负责园区运营。",
                     "重庆西永微电子产业园区开发有限公司", "company", id="park-company"),
        pytest.param("渝中区解放碑街道办事处联合重庆市第一中学校开展活动。",
                     "重庆市第一中学校", "school", id="numbered-school"),
        pytest.param("三方联合成立中国（卢作孚）民营经济学院。",
                     "中国（卢作孚）民营经济学院", "school", id="bracket-inside-name"),
        pytest.param("园区建成了龙湾·智能装备创新中心。", "龙湾·智能装备创新中心", "platform",
                     id="middle-dot"),
        pytest.param("大足区文化和旅游发展委员会与景区管理方签约。",
                     "大足区文化和旅游发展委员会", "government", id="he-inside-department"),
        pytest.param("南岸区融媒体中心记者了解到，活动将持续一周。",
                     "南岸区融媒体中心", "media", id="media-centre-before-reporter"),
        pytest.param("据悉，中建三局、中铁十一局等单位参与了工程建设。", "中铁十一局", "company",
                     id="numbered-builder"),
        pytest.param("支持成都高新技术产业开发区建设试验区。", "成都高新技术产业开发区", "platform",
                     id="development-zone"),
    ],
)
def test_suffix_chains(text, name, kind):
    found = by_name(text)
    assert name in found
    assert found[name].type == kind


# ---------------------------------------------------------------- where a name starts

@pytest.mark.parametrize(
    "text, name",
    [
        pytest.param("今年，该区建成先进材料工程研究中心。", "先进材料工程研究中心", id="after-jiancheng"),
        pytest.param("双方将共建智能网联汽车协同创新中心。", "智能网联汽车协同创新中心", id="after-gongjian"),
        pytest.param("该区着力打造中国西部智能制造研究院。", "中国西部智能制造研究院", id="after-dazao"),
        pytest.param("区里设立跨境电商公共服务中心。", "跨境电商公共服务中心", id="after-sheli"),
        pytest.param("已建成并运营天台青年创业园。", "天台青年创业园", id="verb-after-bing"),
        pytest.param("会议提出，建设江南大学重庆研究院。", "江南大学重庆研究院", id="verb-before-dictionary-name"),
        pytest.param("南岸区迎龙湖众创空间由重庆迎龙科创服务有限公司运营。", "重庆迎龙科创服务有限公司",
                     id="name-cut-into-single-characters"),
        pytest.param("“渝创未来”众创空间揭牌运营。", "渝创未来众创空间", id="quoted-proper-name"),
    ],
)
def test_name_starts_after_the_verb(text, name):
    assert name in by_name(text)


@pytest.mark.parametrize(
    "text, wrong",
    [
        pytest.param("今年，该区建成先进材料工程研究中心。", "建成先进材料工程研究中心", id="no-jiancheng"),
        pytest.param("已建成并运营天台青年创业园。", "运营天台青年创业园", id="no-yunying"),
        pytest.param("形成环重庆大学、重庆师范大学的合作格局。", "环重庆大学", id="no-huan-before-university"),
        pytest.param("记者从重庆高新区管委会获悉。", "从重庆高新区管委会", id="no-preposition"),
    ],
)
def test_name_does_not_swallow_preceding_words(text, wrong):
    assert wrong not in all_forms(text)


# ---------------------------------------------------------------- enumerations

@pytest.mark.parametrize(
    "text, names",
    [
        pytest.param("推动赛力斯、西南药业等企业与高校开展合作。", {"赛力斯", "西南药业"}, id="dictionary-and-new"),
        pytest.param("园区已吸引博奥生物、康德智联等企业28家入驻。", {"博奥生物", "康德智联"}, id="count-after-trigger"),
        pytest.param("区里引进华信咨询等21家专业服务机构。", {"华信咨询"}, id="single-item-agencies"),
        pytest.param("华为、腾讯、阿里巴巴等企业负责人参加了论坛。", {"华为", "腾讯", "阿里巴巴"},
                     id="three-known-companies"),
        pytest.param("永川区依托重庆文理学院、重庆科技职业学院等5所高校打造职教基地。",
                     {"重庆文理学院", "重庆科技职业学院"}, id="universities-listed"),
    ],
)
def test_enumerations(text, names):
    assert names <= set(by_name(text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("聚焦医疗器械、生物制品等企业的需求。", id="industries-not-companies"),
        pytest.param("新能源、新一代信息技术等产业加快发展。", id="industries-before-chanye"),
        pytest.param("上海、浙江、四川等校友分会积极参与。", id="places-listed"),
    ],
)
def test_enumerations_of_non_names(text):
    assert find_organizations(text) == []


# ---------------------------------------------------------------- aliases and short forms

@pytest.mark.parametrize(
    "text, name, alias",
    [
        pytest.param("北碚区人民政府与西南大学签署协议。区政府提供土地，西大负责人才培养。",
                     "西南大学", "西大", id="initials-xida"),
        pytest.param("北碚区人民政府与西南大学签署协议。区政府提供土地，西大负责人才培养。",
                     "北碚区人民政府", "区政府", id="elliptical-joins-full-name"),
        pytest.param("北碚区与中国农业科学院柑桔研究所合作。通过促进柑研所技术成果转化，选育新品种。",
                     "中国农业科学院柑桔研究所", "柑研所", id="initials-ganyansuo"),
        pytest.param("重庆交通大学（以下简称“重交”）与长安汽车签约。重交将派出团队。",
                     "重庆交通大学", "重交", id="yixia-jiancheng"),
        pytest.param("重庆长安汽车股份有限公司（以下简称长安汽车）发布公告。",
                     "重庆长安汽车股份有限公司", "长安汽车", id="jiancheng-company"),
        pytest.param("中国汽车工程研究院股份有限公司(中国汽研)发布测评规程。",
                     "中国汽车工程研究院股份有限公司", "中国汽研", id="bracketed-short-form"),
        pytest.param("由渝北区市场监督管理局(知识产权局)牵头组织。", "渝北区市场监督管理局",
                     "渝北区市场监督管理局(知识产权局)", id="second-plaque"),
        pytest.param("南湖国家大学科技园已入驻企业80家。大学科技园还设立了种子基金。",
                     "南湖国家大学科技园", "大学科技园", id="short-form-ends-name"),
        pytest.param("今天，环重庆师范大学创新生态圈揭牌。环大学创新生态圈将集聚更多项目。",
                     "环重庆师范大学创新生态圈", "环大学创新生态圈", id="university-replaced-by-type"),
        pytest.param("建立起江津区“互联网+”创业示范区暨金科江津园区。",
                     "江津区互联网+创业示范区", "金科江津园区", id="ji-joins-two-names"),
        pytest.param("重庆市第九人民医院挂牌西南大学非直管附属医院。", "重庆市第九人民医院",
                     "西南大学非直管附属医院", id="guapai-second-name"),
        pytest.param("重庆银行股份有限公司与区政府签约，重庆银行将提供授信。", "重庆银行股份有限公司",
                     "重庆银行", id="company-without-legal-form"),
        pytest.param("重庆大学与北碚区签约，重大、西大师生将共同参与。", "重庆大学", "重大",
                     id="ambiguous-abbreviation-standing-alone"),
    ],
)
def test_aliases(text, name, alias):
    found = by_name(text)
    assert name in found
    assert alias in found[name].aliases


def test_ambiguous_abbreviation_is_not_a_word_inside_a_phrase():
    found = by_name("重庆大学参与了多个重大项目。")
    assert found["重庆大学"].aliases == []


# ---------------------------------------------------------------- elliptical names

@pytest.mark.parametrize(
    "text, region, name, alias",
    [
        pytest.param("区委、区政府高度重视。", "重庆市渝北区", "渝北区政府", "区政府", id="district-government"),
        pytest.param("区委、区政府高度重视。", "重庆市渝北区", "渝北区委", "区委", id="district-committee"),
        pytest.param("紧扣市委提出的要求，加快建设。", "重庆市沙坪坝区", "重庆市委", "市委", id="city-committee"),
        pytest.param("县委书记到县人民医院调研。", "重庆市巫山县", "巫山县委", "县委", id="title-gives-committee"),
        pytest.param("县委书记到县人民医院调研。", "重庆市巫山县", "巫山县人民医院", "县人民医院",
                     id="county-hospital"),
        pytest.param("沙坪坝区加快科技创新。区科技局印发了培育办法。", None, "沙坪坝区科技局", "区科技局",
                     id="region-from-text"),
        pytest.param("区发展改革委、区经济信息委要会同有关部门推进。", "重庆市大渡口区", "大渡口区经济信息委",
                     "区经济信息委", id="word-jieba-glued"),
    ],
)
def test_elliptical_names_expand_with_region(text, region, name, alias):
    found = by_name(text, region=region)
    assert name in found
    assert alias in found[name].aliases


@pytest.mark.parametrize(
    "text, name",
    [
        pytest.param("德阳市委书记率队考察宁德时代。", "德阳市委", id="committee-inside-title"),
        pytest.param("还与市工商联、西南大学合作举办培训班。", "市工商联", id="association-kept-as-written"),
        pytest.param("校地双方通过学校党委、行政领导等参与的机制合作。", "学校党委", id="school-party-committee"),
    ],
)
def test_elliptical_names_kept(text, name):
    assert name in by_name(text)


# ---------------------------------------------------------------- nested names

def test_nested_name_alone_is_not_an_organisation():
    found = by_name("由重庆大学知识产权运营有限公司负责运营。")
    assert set(found) == {"重庆大学知识产权运营有限公司"}


def test_nested_name_also_mentioned_alone_counts():
    found = by_name("重庆大学知识产权运营有限公司负责运营，重庆大学提供专利。")
    assert {"重庆大学知识产权运营有限公司", "重庆大学"} <= set(found)
    assert len(found["重庆大学"].mentions) == 1


def test_university_and_its_hospital_are_different_bodies():
    found = by_name("陆军军医大学与陆军军医大学西南医院联合攻关。")
    assert "陆军军医大学" in found
    hospital = [org for org in found.values() if org.type == "hospital"]
    assert len(hospital) == 1 and "陆军军医大学" not in hospital[0].aliases


def test_name_inside_a_project_name_is_not_an_organisation():
    assert "数智重电大学" not in all_forms("完成数智重电大学科技园项目主体建设。")


# ---------------------------------------------------------------- not organisations

@pytest.mark.parametrize(
    "text",
    [
        pytest.param("北碚区位于重庆主城西北部，嘉陵江穿城而过。", id="places"),
        pytest.param("学校和地方建立了合作机制，驻区高校、区内单位积极参与。", id="generic-references"),
        pytest.param("在市级部门和相关部门的支持下，企业加快发展。", id="generic-departments"),
        pytest.param("第五届“智博杯”工业设计大赛在会展中心举行。", id="contest"),
        pytest.param("成立区推进校地合作工作领导小组和工作专班。", id="working-groups"),
        pytest.param("活动在区会议中心召开。", id="building"),
        pytest.param("2024年，全区新培育国家级专精特新企业5家。", id="class-of-companies"),
        pytest.param("创成市级科技企业孵化器、市级众创空间。", id="class-of-platforms"),
        pytest.param("成立数字科技、医疗器械等4个概念应用中心。", id="counted-centres"),
        pytest.param("编制了《北碚区花木产业发展规划》等文件。", id="document-title"),
        pytest.param("区里提出“校门对厂门”的合作模式。", id="slogan"),
        pytest.param("“2+2+X”生态圈建设格局形成。", id="quoted-figures"),
        pytest.param("大学生志愿者队伍参与服务。", id="students-not-university"),
        pytest.param("渝科局发〔2024〕12号", id="document-number"),
        pytest.param("对原工商局前的节点进行了绿化。", id="address"),
    ],
)
def test_not_organisations(text):
    assert find_organizations(text) == []


def test_name_only_inside_a_document_title_does_not_count():
    assert find_organizations("印发《重庆大学城市科技学院建设方案》。") == []


# ---------------------------------------------------------------- mentions and records

def test_mentions_are_offsets_of_name_or_alias():
    text = "北碚区人民政府与西南大学签约。区政府将支持西南大学，西大将派出专家。"
    for org in find_organizations(text):
        assert org.mentions
        for start, end in org.mentions:
            assert text[start:end] in [org.name, *org.aliases]


def test_mentions_do_not_overlap():
    text = "环西南大学创新生态圈揭牌，西南大学师生参与创新生态圈建设。"
    spans = sorted(tuple(m) for org in find_organizations(text) for m in org.mentions)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_tokens_from_the_caller_are_used():
    import jieba
    text = "推动赛力斯、西南药业等企业发展。"
    tokens = list(jieba.tokenize(text))
    assert by_name(text, tokens=tokens).keys() == by_name(text).keys()


def test_traditional_text_gives_simplified_names_with_written_aliases():
    found = by_name("重慶市人民政府與香港特區政府簽署合作協議。")
    assert "重庆市人民政府" in found
    assert "重慶市人民政府" in found["重庆市人民政府"].aliases


def test_empty_text():
    assert find_organizations("   ") == []


# ---------------------------------------------------------------- canonical names

@pytest.mark.parametrize(
    "a, b",
    [
        pytest.param("北碚区政府", "北碚区人民政府", id="people-government"),
        pytest.param("北碚区政府", "重庆市北碚区人民政府", id="outer-place"),
        pytest.param("北碚区委", "中共重庆市北碚区委员会", id="party-committee"),
        pytest.param("重庆市经济和信息化委员会", "重庆市经信委", id="department-short-form"),
        pytest.param("“天生有为”众创空间", "天生有为众创空间", id="quotes"),
        pytest.param("华宇城·生命科技园", "华宇城生命科技园", id="middle-dot"),
    ],
)
def test_canonical_name_joins_variants(a, b):
    assert canonical_name(a) == canonical_name(b)


@pytest.mark.parametrize(
    "a, b",
    [
        pytest.param("北碚区政府", "沙坪坝区政府", id="different-districts"),
        pytest.param("陆军军医大学", "陆军军医大学西南医院", id="university-and-hospital"),
        pytest.param("重庆市委", "重庆市政府", id="committee-and-government"),
    ],
)
def test_canonical_name_keeps_bodies_apart(a, b):
    assert canonical_name(a) != canonical_name(b)


@pytest.mark.parametrize(
    "name, short",
    [
        pytest.param("西南大学", "西大", id="university"),
        pytest.param("柑桔研究所", "柑研所", id="institute"),
        pytest.param("西南大学重庆产业技术研究院", "产研院", id="research-academy"),
    ],
)
def test_abbreviations(name, short):
    assert short in abbreviations(name)


def test_common_word_is_never_a_generated_abbreviation():
    assert "重大" not in abbreviations("重庆大学")


# ---------------------------------------------------------------- dictionaries

def test_user_dictionary_file_adds_names(tmp_path):
    directory = tmp_path / "dictionaries"
    shutil.copytree(DEFAULT_DIR, directory)
    (directory / "my_companies.txt").write_text(
        "# type: company\n蓝鲸智算\t-\t蓝鲸\n", encoding="utf-8")
    found = by_name("区里与蓝鲸智算签约。", dictionary_dir=directory)
    assert found["蓝鲸智算"].type == "company"


def test_dictionary_with_unknown_type_is_a_config_error(tmp_path):
    (tmp_path / "bad.txt").write_text("某某机构\tministry\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="ministry"):
        load_lexicon(tmp_path)


def test_missing_dictionary_directory_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_lexicon(tmp_path / "absent")


def test_shipped_dictionaries_cover_chongqing():
    lexicon = load_lexicon()
    assert lexicon.entries["西南大学"].type == "university"
    assert lexicon.surface["川大"] == "四川大学"
    assert lexicon.places["北碚"] == "北碚区"
    assert lexicon.suffixes["众创空间"].type == "platform"


# ---------------------------------------------------------------- seeds

@pytest.mark.seeds
def test_portal_seed(seed_text):
    found = by_name(seed_text("portal"))
    for name in ("重庆大学", "沙坪坝区市场监督管理局", "重庆大学知识产权运营有限公司", "陆军军医大学", "赛力斯"):
        assert name in found, name
    assert any("知识产权局" in alias for alias in found["沙坪坝区市场监督管理局"].aliases)
    assert found["赛力斯"].type == "company"


@pytest.mark.seeds
def test_epaper_seed(seed_text):
    from nlp.text import join_wrapped_lines
    found = by_name(join_wrapped_lines(seed_text("epaper")))
    assert "西大" in found["西南大学"].aliases
    assert "柑研所" in found["中国农业科学院柑桔研究所"].aliases
    assert found["中国农业科学院柑桔研究所"].type == "institute"


# ------------------------------------------------------- names across 与 and verbs

@pytest.mark.parametrize(
    "text, name",
    [
        pytest.param("四川大学电子信息与通信工程学院的团队参加了对接会。", "四川大学电子信息与通信工程学院",
                     id="faculty-with-yu"),
        pytest.param("西南交通大学土木与建筑工程学院教授作报告。", "西南交通大学土木与建筑工程学院",
                     id="faculty-with-yu-and-role"),
        pytest.param("浙江大学宁波智能感知研究院正式运行。", "浙江大学宁波智能感知研究院", id="verb-inside-institute"),
        pytest.param("上海张江细胞与基因治疗中试平台投入使用。", "上海张江细胞与基因治疗中试平台",
                     id="pilot-platform-with-yu"),
        pytest.param("成都蓉安生物制药有限公司完成新一轮融资。", "成都蓉安生物制药有限公司",
                     id="single-characters-of-a-company"),
        pytest.param("阿里巴巴云计算（上海）有限公司在当地设立总部。", "阿里巴巴云计算（上海）有限公司",
                     id="bracketed-place-in-company"),
    ],
)
def test_names_crossing_inner_words(text, name):
    assert name in by_name(text)


@pytest.mark.parametrize(
    "text, wrong",
    [
        pytest.param("西南大学与长安汽车研究院签署协议。", "西南大学与长安汽车研究院", id="yu-between-two-bodies"),
        pytest.param("北碚区与西南大学共建研究院。", "北碚区与西南大学共建研究院", id="yu-before-verb"),
        pytest.param("万州区建设研究院的工作已启动。", "万州区建设研究院", id="verb-right-after-place"),
        pytest.param("区经济信息委支持研究院发展。", "区经济信息委支持研究院", id="verb-after-a-body"),
    ],
)
def test_bridges_do_not_join_separate_words(text, wrong):
    assert wrong not in all_forms(text)


# ------------------------------------------------------- where a name starts

@pytest.mark.parametrize(
    "text, name, wrong",
    [
        pytest.param("当地链主企业万州长江机械制造有限公司扩产。", "万州长江机械制造有限公司",
                     "链主企业万州长江机械制造有限公司", id="apposition-enterprise"),
        pytest.param("孵化器运营方南岸科创发展有限公司提供辅导。", "南岸科创发展有限公司",
                     "孵化器运营方南岸科创发展有限公司", id="apposition-operator"),
    ],
)
def test_name_starts_after_apposition_noun(text, name, wrong):
    forms = all_forms(text)
    assert name in forms and wrong not in forms


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("引导银行加大对小微企业的信贷投放。", id="verb-and-bank"),
        pytest.param("园区将在三年内为研究院免费提供场地。", id="duration-and-preposition"),
    ],
)
def test_no_name_from_verbs_or_time_words(text):
    assert find_organizations(text) == []


# ------------------------------------------------------- planned and counted facilities

@pytest.mark.parametrize(
    "text",
    [
        pytest.param("双方将共建数字经济现代产业学院和新能源中试基地。", id="will-build"),
        pytest.param("该县计划与多所高校合作，共建柑橘产业研究院。", id="plan-in-sentence"),
        pytest.param("下一步拟组建人工智能研究院。", id="to-be-formed"),
        pytest.param("全区建成社区食堂30家、便民服务站90余个。", id="counted-after"),
    ],
)
def test_planned_or_counted_facilities_are_not_organisations(text):
    assert find_organizations(text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        pytest.param("去年双方共建乡村振兴协同创新中心，并联合申报课题。", "乡村振兴协同创新中心",
                     id="built-in-the-past"),
        pytest.param("双方将共建清华大学重庆智慧交通研究院。", "清华大学重庆智慧交通研究院",
                     id="planned-but-named"),
    ],
)
def test_existing_or_named_facilities_count(text, name):
    assert name in by_name(text)


# ------------------------------------------------------- parks only as places

@pytest.mark.parametrize(
    "text",
    [
        pytest.param("招商推介会在荣昌高新区板桥产业园举行。", id="zai-park"),
        pytest.param("该项目位于两江数字经济产业园。", id="weiyu-park"),
    ],
)
def test_parks_only_locating_are_not_organisations(text):
    assert not any(org.type == "platform" for org in find_organizations(text))


def test_park_that_acts_is_a_platform():
    found = by_name("荣昌高新区板桥产业园一季度实现产值40亿元。")
    assert found["荣昌高新区板桥产业园"].type == "platform"


# ------------------------------------------------------- company short forms

@pytest.mark.parametrize(
    "text, name, alias",
    [
        pytest.param("重庆市万州三峡纸业集团股份有限公司扩产，万州三峡纸业集团表示将加大投入。",
                     "重庆市万州三峡纸业集团股份有限公司", "万州三峡纸业集团", id="place-and-legal-form-dropped"),
        pytest.param("江津增压器有限公司扩产。江增公司负责人介绍了情况。", "江津增压器有限公司", "江增公司",
                     id="initials-company"),
    ],
)
def test_company_short_forms_are_aliases(text, name, alias):
    found = by_name(text)
    assert alias in found[name].aliases and alias not in found


# ------------------------------------------------------- types of parts and branches

@pytest.mark.parametrize(
    "text, name, kind",
    [
        pytest.param("中共荣昌区委办公室印发通知。", "中共荣昌区委办公室", "party", id="party-office"),
        pytest.param("荣昌区人民政府办公室印发通知。", "荣昌区人民政府办公室", "government", id="government-office"),
        pytest.param("中国科学院成都山地灾害与环境研究所重庆分院揭牌。", "中国科学院成都山地灾害与环境研究所重庆分院",
                     "institute", id="institute-branch"),
        pytest.param("重医附二院巴南分院开诊。", "重医附二院巴南分院", "hospital", id="hospital-branch"),
        pytest.param("同济大学重庆创新中心正式运营。", "同济大学重庆创新中心", "institute",
                     id="university-outpost-centre"),
    ],
)
def test_types_of_offices_and_branches(text, name, kind):
    assert by_name(text)[name].type == kind
