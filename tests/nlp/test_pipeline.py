"""The pipeline's tokenizer and Doc readers give what spaCy's own would, only faster."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.lang.zh import Chinese
from spacy.util import get_words_and_spaces

from nlp.pipeline import chunk_size, extract_article, map_documents, shared_nlp
from nlp.tokenizer import JiebaTokenizer, doc_text, doc_tokens, words_and_spaces
from policyminer.records import Article

TEXTS = {
    "plain": "北碚区人民政府与西南大学签署战略合作协议。",
    "spaces-between-words": "重庆市 北碚区  科技局 发布通知",
    "leading-and-trailing-space": "  2024年签约项目18个，总投资86.5亿元。 ",
    "line-breaks": "第一段\n\n第二段：\r\n招商引资\t成效明显",
    "ideographic-space": "区委书记\u3000张某某出席活动",
    "latin-and-digits": "ABC公司 v2.0 版本 于 2025-03-01 上线",
    "only-spaces": "   ",
    "empty": "",
}


@pytest.fixture(scope="module")
def spacy_zh():
    return Chinese.from_config({"nlp": {"tokenizer": {"segmenter": "jieba"}}})


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_tokenizer_gives_spacys_doc(text, spacy_zh):
    ours, theirs = JiebaTokenizer(spacy_zh.vocab)(text), spacy_zh.tokenizer(text)
    assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in theirs]
    assert ours.text == text


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_doc_readers_match_token_objects(text, spacy_zh):
    for doc in (JiebaTokenizer(spacy_zh.vocab)(text), spacy_zh.tokenizer(text)):
        assert doc_text(doc) == doc.text
        assert doc_tokens(doc) == [(t.text, t.idx, t.idx + len(t.text)) for t in doc]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["北碚", "区", " ", "  ", "\n", "签约", "A", "2024", "\u3000", "。"]),
                max_size=20))
def test_words_and_spaces_is_spacys(words):
    text = "".join(words)
    assert words_and_spaces(words, text) == get_words_and_spaces(words, text)


def test_words_and_spaces_rejects_words_not_in_the_text():
    with pytest.raises(ValueError):
        words_and_spaces(["北碚", "江北"], "北碚区")


def test_long_document_is_tokenized_in_one_piece():
    text = "北碚区与西南大学签署合作协议。\n" * 3000
    doc = shared_nlp().make_doc(text)
    assert doc_text(doc) == text and len(doc_tokens(doc)) == len(doc)


def test_components_work_on_docs_from_any_tokenizer(spacy_zh):
    text = "北碚区人民政府与西南大学签署战略合作协议，总投资12亿元。"
    nlp = shared_nlp()
    doc = spacy_zh.tokenizer(text)          # no text kept on the Doc: doc_text falls back
    for _, component in nlp.pipeline:
        doc = component(doc)
    expected = extract_article(Article(url="test:pipeline", title="", text=text), nlp=nlp)
    assert [o.name for o in doc._.organizations] == [o.name for o in expected.organizations]
    assert [f.value for f in doc._.figures] == [f.value for f in expected.figures] == [1200000000]


def _figure_values(item, nlp):
    n, text = item
    return n, [f.value for f in extract_article(Article(url=f"test:{n}", title="", text=text),
                                                nlp=nlp).figures]


def test_map_documents_on_two_processes_keeps_order_and_results():
    texts = ["今年签约项目18个，总投资86.5亿元。", "新增科技型企业300余家。", "没有数字的句子。",
             "引进研发机构34个、服务机构26个。", "实现产值约12亿元，同比增长4.3%。", "共有高校16所。"]
    items = list(enumerate(texts))
    one = list(map_documents(_figure_values, items, workers=1))
    two = list(map_documents(_figure_values, items, workers=2))
    assert two == one
    assert [n for n, _ in two] == list(range(len(texts)))
    assert one[0][1] == [18, 8650000000] and one[2][1] == []


@pytest.mark.parametrize("count, workers, expected", [
    (6, 2, 1),          # a handful of items: one per job, every worker busy
    (100, 2, 2),
    (740, 2, 15),       # the benchmark corpus: some two dozen jobs per worker
    (100_000, 8, 16),   # a large batch: jobs stay small enough to balance its end
], ids=["few-items", "a-hundred-items", "benchmark-corpus", "large-batch"])
def test_chunk_size_gives_each_worker_about_two_dozen_jobs_of_at_most_16_items(count, workers, expected):
    assert chunk_size(count, workers) == expected


def test_map_documents_on_two_processes_with_several_items_per_job_keeps_order():
    texts = [f"今年签约项目{n}个，总投资{n}.5亿元。" for n in range(1, 101)]
    items = list(enumerate(texts))
    assert chunk_size(len(items), 2) > 1
    two = list(map_documents(_figure_values, items, workers=2))
    assert [n for n, _ in two] == list(range(100))
    assert [values for _, values in two] == [[n, n * 100_000_000 + 50_000_000] for n in range(1, 101)]


POLICY_NOTICE = ("北碚府办发〔2024〕15号\n\n各街道办事处、镇人民政府，区政府各部门：\n"
                 "现将措施印发给你们，请认真贯彻执行。去年全区技术合同成交额达到12.5亿元。\n\n"
                 "重庆市北碚区人民政府办公室\n2024年3月12日\n")


@pytest.mark.parametrize("published, expected_year", [(None, 2023), ("2025-06-01", 2024)],
                         ids=["written-date-is-the-reference", "given-date-wins"])
def test_policy_written_date_resolves_relative_years_when_no_date_is_given(published, expected_year):
    record = extract_article(Article(url="test:policy", title="", text=POLICY_NOTICE, published=published))
    assert record.metadata["written"] == "2024-03-12"
    assert [(f.value, f.year) for f in record.figures] == [(1250000000, expected_year)]
