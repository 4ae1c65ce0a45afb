"""The place lexicon reads jionlp's shipped data, also on a fresh install."""
import shutil

from nlp import lexicon


def test_places_load_from_the_zip_a_fresh_jionlp_install_ships(tmp_path, monkeypatch):
    """jionlp unpacks china_location.txt only on its own first use; a fresh install has the zip alone."""
    shipped = lexicon._jionlp_dir()
    shutil.copy(shipped / "china_location.zip", tmp_path / "china_location.zip")
    lexicon._jionlp_places.cache_clear()
    monkeypatch.setattr(lexicon, "_jionlp_dir", lambda: tmp_path)
    try:
        from_zip = lexicon._jionlp_places()
    finally:
        lexicon._jionlp_places.cache_clear()
    names = {name for name, *_ in from_zip}
    assert len(from_zip) > 3000
    assert {"重庆市", "北碚区", "沙坪坝区", "上海市", "成都市"} <= names
    assert from_zip == lexicon._jionlp_places()
