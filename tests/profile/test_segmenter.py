"""vbhc.profile.segmenter: the model's words for a text are kept between runs, so that the next check
against the same parent plan loads no model, and gives the same keys; a damaged or foreign entry, or
the cache turned off, only means the model is loaded again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NGHE_AN = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
TEXT = "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn, trước hạn đạt từ 98% trở lên"

# In a fresh interpreter: the words of TEXT, the Nghệ An plan's target keys, and whether the model was loaded.
PROBE = """
import json, sys
from vbhc.profile import from_parent, segmenter
words = segmenter.segment(sys.argv[1])
keys = [t.key for t in from_parent(sys.argv[2]).targets]
print(json.dumps({"words": words, "keys": keys, "loaded": segmenter.model.cache_info().currsize}))
"""


def probe(cache_dir: str) -> dict[str, object]:
    env = {**os.environ, "VBHC_CACHE_DIR": cache_dir}
    out = subprocess.run([sys.executable, "-c", PROBE, TEXT, str(NGHE_AN)], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    result: dict[str, object] = json.loads(out.stdout)
    return result


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("segments-*.marshal"))


def test_the_second_run_takes_the_words_kept_and_loads_no_model(tmp_path):
    first = probe(str(tmp_path))
    assert first["loaded"] == 1 and len(entries(tmp_path)) == 1
    second = probe(str(tmp_path))
    assert second["loaded"] == 0
    assert second["words"] == first["words"] and second["keys"] == first["keys"]
    assert "thủ tục" in first["words"] and "hành chính" in first["words"]  # the model's words, not syllables


def test_without_the_cache_the_model_gives_the_same_words(tmp_path):
    warm = probe(str(tmp_path))
    off = probe("")
    assert off["loaded"] == 1 and (off["words"], off["keys"]) == (warm["words"], warm["keys"])


@pytest.mark.parametrize("damage", ["junk", "foreign"])
def test_a_damaged_or_foreign_entry_is_cut_again(tmp_path, monkeypatch, damage):
    from vbhc import cache
    from vbhc.profile import segmenter

    first = probe(str(tmp_path))
    (path,) = entries(tmp_path)
    if damage == "junk":
        path.write_bytes(b"\0" * 40)
    else:  # a whole entry of the right stamp, holding what this module never writes
        monkeypatch.setenv(cache.ENV, str(tmp_path))
        stamp = segmenter._stamp()
        assert stamp is not None
        cache.store(segmenter.NAME, stamp, {TEXT: "not a list", "x": [1, 2]})
        assert entries(tmp_path) == [path]
    again = probe(str(tmp_path))
    assert again["loaded"] == 1 and (again["words"], again["keys"]) == (first["words"], first["keys"])


def test_an_entry_is_kept_under_the_models_own_files():
    """Another model, or the same model reinstalled, is another entry: its files are in the stamp."""
    from vbhc.profile import segmenter

    stamp, where = segmenter._stamp(), segmenter._model_dir()
    assert stamp is not None and where is not None and stamp.startswith(segmenter.MODEL + " ")
    for name in segmenter.MODEL_FILES:
        st = (where / name).stat()
        assert f" {st.st_size}:{st.st_mtime_ns}" in stamp


def test_texts_without_words_need_no_model():
    from vbhc.profile import segmenter

    assert segmenter.segment("") == [] and segmenter.segment("   \n") == []
