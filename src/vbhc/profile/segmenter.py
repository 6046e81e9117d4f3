"""underthesea's word segmentation of a text, and its answers kept between runs (`vbhc.cache`).

A parent plan's indicator keys are cut into words by underthesea's CRF model (`vbhc.profile.keys`).
Loading the model takes ≈ 170 ms, more than half of `vbhc check sub.docx --against PARENT` on a small
plan, and every check, audit and draft against the same parent needs the same few dozen texts cut again.
So the words of each text this process cut are kept at exit, and a later run on the machine that meets the
same text takes them without loading the model. The entry's stamp is the model's files (name, size, time)
and the tokenizer's pattern: another model, or another tokenization, is another entry. A text's words
depend on nothing else, so a kept answer is the answer the model would give.
"""

from __future__ import annotations

import atexit
import importlib.util
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from vbhc import cache, rx
from vbhc.limits import MAX_CACHED_SEGMENTS

MODEL = "ws_crf_vlsp2013_20230727"
MODEL_FILES = ("features.bin", "dictionary.bin", "models.bin")
NAME = "segments"
TOKEN = rx.compile(r"[\p{L}\p{M}\d]+(?:[-'][\p{L}\p{M}\d]+)*|[^\s\p{L}\p{M}\d]")

Segments = dict[str, list[str]]
_lock = threading.Lock()
_kept: Segments | None = None
_new: Segments = {}


def _model_dir() -> Path | None:
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "pipeline" / "word_tokenize" / "models" / MODEL


@lru_cache(maxsize=1)
def _stamp() -> str | None:
    """The model's files as they are on disk; None when they are not there (nothing is kept then)."""
    where = _model_dir()
    if where is None:
        return None
    try:
        stats = [(where / name).stat() for name in MODEL_FILES]
    except OSError:
        return None
    return " ".join([MODEL, TOKEN.pattern, *(f"{s.st_size}:{s.st_mtime_ns}" for s in stats)])


@lru_cache(maxsize=1)
def model() -> tuple[Any, Any]:
    """The model, loaded straight from its files: importing the `underthesea` package costs 0.4 s and
    its own loader reads the pickles in pure Python (≈ 1 s)."""
    import pickle

    from underthesea_core import CRFFeaturizer, CRFTagger

    base = _model_dir()
    if base is None:
        raise ImportError("underthesea is not installed")
    with open(base / "features.bin", "rb") as f:
        features = pickle.load(f)  # noqa: S301 - the installed package's own model files
    with open(base / "dictionary.bin", "rb") as f:
        dictionary = pickle.load(f)  # noqa: S301
    tagger = CRFTagger()
    tagger.load(str(base / "models.bin"))
    return CRFFeaturizer(features, dictionary), tagger


def _by_model(tokens: list[str]) -> list[str]:
    featurizer, tagger = model()
    tags = tagger.tag(featurizer.process([[[t] for t in tokens]])[0])
    out: list[str] = []
    for tag, token in zip(tags, tokens, strict=False):
        if tag == "I-W" and out:
            out[-1] = f"{out[-1]} {token}"
        else:
            out.append(token)
    return out


def segment(text: str) -> list[str]:
    """Words (syllables of one word joined by a space) and punctuation marks, as the model cuts them."""
    tokens = TOKEN.findall(text)
    if not tokens:
        return []
    kept = _kept if _kept is not None else _load()
    got = kept.get(text)
    if got is not None:
        return list(got)
    words = _by_model(tokens)
    with _lock:
        if len(kept) < MAX_CACHED_SEGMENTS and _stamp() is not None:
            if not _new:
                atexit.register(_save)
            kept[text] = _new[text] = words
    return list(words)


def _valid(value: object) -> Segments:
    """The entries of a cache file that are what this module writes (a text and its list of words)."""
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items()
            if isinstance(k, str) and isinstance(v, list) and all(isinstance(w, str) for w in v)}


def _load() -> Segments:
    global _kept
    with _lock:
        if _kept is None:
            stamp = _stamp()
            _kept = _valid(cache.load(NAME, stamp)) if stamp is not None else {}
        return _kept


def _save() -> None:
    """At exit: this run's new texts join those of the file as it is now (another process may have
    written it since this one read it)."""
    stamp = _stamp()
    if not _new or stamp is None or not cache.writable():
        return
    merged = _valid(cache.load(NAME, stamp))
    for text, words in _new.items():
        if len(merged) >= MAX_CACHED_SEGMENTS:
            break
        merged.setdefault(text, words)
    cache.store(NAME, stamp, merged)
    _new.clear()
