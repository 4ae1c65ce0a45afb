"""Administrative places for signings: nlp/signing_places.py."""
from __future__ import annotations

import pytest

from nlp import signing_places as places


@pytest.mark.parametrize("text, expected", [
    pytest.param("北碚区与重庆大学签约。", [(0, 3, "北碚区")], id="county-full-name"),
    pytest.param("朝阳文创大道项目签约。", [], id="alias-without-full-name-is-not-a-place"),
])
def test_find_places(text, expected):
    assert places.find_places(text) == expected


def test_region_is_the_most_mentioned_county():
    found = [(0, 3, "北碚区"), (10, 13, "渝北区"), (20, 23, "北碚区"), (30, 33, "重庆市")]
    assert places.region(found) == "北碚区"


def test_without_places_keeps_the_rest():
    assert places.without_places("北碚区智能制造") == "智能制造"
