"""Shortcuts of the alias rules give what the full rules give."""
from nlp.lexicon import load_lexicon
from nlp.orgaliases import _ATTACHED, attached_short_forms
from nlp.orgcompanies import company_short

PAIRS = [
    ("区融资担保公司", "重庆市潼南区融资担保有限公司"),
    ("区城投集团", "重庆市黔江区城市建设投资（集团）有限公司"),
    ("中行重庆市分行", "中国银行重庆市分行"),
    ("农商行潼南支行", "重庆农村商业银行潼南支行"),
    ("重庆银行合川支行", "重庆农村商业银行合川支行"),
    ("区交投集团", "重庆市万州区城市建设投资有限公司"),
    ("长安汽车", "重庆长安汽车股份有限公司"),
]


def test_attached_forms_all_contain_the_mark_checked_first():
    assert all("附属" in long for long, _ in _ATTACHED)
    assert attached_short_forms("西南大学附属中学", load_lexicon())
    assert attached_short_forms("西南大学实验中学", load_lexicon()) == []


def test_company_short_with_kept_cores_same_as_without():
    lexicon, cores = load_lexicon(), {}
    for short, full in PAIRS + [(b, a) for a, b in PAIRS]:
        assert company_short(short, full, lexicon, cores) is company_short(short, full, lexicon)
    assert cores
