"""SimHash near-duplicates over character shingles."""
from __future__ import annotations

import pytest

from crawler.neardup import (BANDS, CANDIDATE_DISTANCE, MIN_CONTAINMENT, SURE_DISTANCE, band_keys, containment, distance, from_signed,
                             normalise, shingles, simhash, to_signed)

STORY = ("高校的实验室成果如何走出校门、变成产品？4月25日，记者从沙坪坝区科技局了解到，"
         "沙坪坝区依托驻区高校建设环大学创新创业生态圈，目前已累计入驻项目团队和企业超过2500个，"
         "30余项高校科技成果在区内实现转化落地。该区还将新建一批概念验证中心和中试基地，"
         "为科研团队提供从样品到产品的全链条服务。")
OTHER_STORY = ("5月15日，嘉陵江北碚段滨江步道二期工程正式开工建设。项目全长约6公里，"
               "建成后将串联沿江6个公园，新增休闲空间和观景平台，方便市民亲水游憩。"
               "施工单位表示，工程计划于明年汛期前完成主体建设，施工期间将做好围挡和交通疏导。")


@pytest.mark.parametrize("variant", [
    STORY.replace("，", ",").replace("？", "?"),                       # half-width punctuation
    STORY + "（记者 张敏 责任编辑：刘洋）",                                # a byline added
    "原标题：高校成果加速落地\n" + STORY,                                  # a headline line added
    STORY.replace("4月25日", "4月26日"),                                   # one figure changed
], ids=["half-width-punctuation", "byline", "headline-line", "date-edit"])
def test_light_edits_stay_close(variant):
    a, b = simhash(STORY), simhash(variant)
    assert distance(a, b) <= CANDIDATE_DISTANCE and set(band_keys(a)) & set(band_keys(b))
    assert containment(STORY, variant) >= MIN_CONTAINMENT


def test_identical_text_after_normalisation_is_distance_zero():
    assert distance(simhash(STORY), simhash(STORY.replace("，", ", "))) <= SURE_DISTANCE


def test_different_stories_are_far_apart():
    assert distance(simhash(STORY), simhash(OTHER_STORY)) > CANDIDATE_DISTANCE
    assert containment(STORY, OTHER_STORY) < 0.2


def test_a_short_copy_is_contained_in_the_long_one():
    assert containment(STORY[:80], STORY) == 1.0


def test_texts_too_short_have_no_fingerprint():
    assert simhash("北碚区召开会议。") is None
    assert simhash("") is None


def test_normalise_drops_spacing_and_punctuation():
    assert normalise("沙坪坝区，  ２５００个！") == "沙坪坝区2500个"
    assert shingles("北碚区") == {"北碚区"}
    assert shingles("北碚区人") == {"北碚区", "碚区人"}


def test_band_keys_agree_on_a_band_when_close():
    a = simhash(STORY)
    b = a ^ 0b1011 << 20      # three bits flipped
    assert len(band_keys(a)) == BANDS
    assert set(band_keys(a)) & set(band_keys(b))


@pytest.mark.parametrize("value", [0, 1, 2**63 - 1, 2**63, 2**64 - 1], ids=str)
def test_signed_round_trip(value):
    assert from_signed(to_signed(value)) == value
    assert -(2**63) <= to_signed(value) < 2**63
