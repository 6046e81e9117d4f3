"""Indicator keys: the normalised form two phrasings of one indicator share.

"Tỷ lệ hồ sơ TTHC ở các cấp được giải quyết đúng hạn" and "tỷ lệ hồ sơ thủ tục hành chính
thuộc thẩm quyền của Sở được giải quyết đúng hạn" must meet. The key expands abbreviations,
puts tone marks in the modern place, segments words with underthesea (imported lazily), drops
words that do not identify an indicator, and folds. It is for matching only.
"""

from __future__ import annotations

from functools import lru_cache

import regex as re

from vbhc.profile.lexicon import ABBREVIATIONS, COMMON_SYLLABLES, MANNER_WORDS, PURPOSE_WORDS, STOPWORDS, SYNONYMS
from vbhc.textnorm import fold, modern_tones

_ABBR_RE = re.compile(r"(?<![\p{L}\d])(" + "|".join(re.escape(k) for k in sorted(ABBREVIATIONS, key=len,
                                                                                   reverse=True)) + r")(?![\p{L}\d])")
_STOP = {modern_tones(w).lower() for w in STOPWORDS}
_PUNCT = re.compile(r"^[\p{P}\p{S}]+$")
_SYNONYMS = re.compile(r"(?<![\p{L}])(" + "|".join(re.escape(k) for k in sorted(SYNONYMS, key=len, reverse=True))
                       + r")(?![\p{L}])", re.I)
_PURPOSE = re.compile(r"\s+(?:" + "|".join(PURPOSE_WORDS) + r")\s+", re.I)
_MANNER = re.compile(r",?\s+(?:" + "|".join(MANNER_WORDS) + r")\s+", re.I)


# Changed whenever the key of an indicator would come out differently (the words dropped, the segmenter's
# use): keys stored in saved profiles under another version are computed again (yamlio.key_hash).
KEY_VERSION = 1


def expand_abbreviations(text: str) -> str:
    return _ABBR_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], text)


def _segment(text: str) -> list[str]:
    from underthesea import word_tokenize  # 0.3 s to import: only on this path

    return word_tokenize(text)


@lru_cache(maxsize=8192)
def has_manner_clause(indicator: str) -> bool:
    return bool(_MANNER.search(modern_tones(indicator)))


@lru_cache(maxsize=8192)
def indicator_key(indicator: str, without_manner: bool = False) -> str:
    """Space-separated folded words (syllables of one word joined by "_"), in order, no repeats.

    `without_manner` also drops a manner clause ("… được ban hành, … đảm bảo chất lượng")."""
    text = modern_tones(expand_abbreviations(indicator))
    for cut in (_PURPOSE, _MANNER) if without_manner else (_PURPOSE,):
        head = cut.split(text, maxsplit=1)[0]
        if len(head.split()) >= 3:  # "… tổ kiểm tra nội bộ để kiểm tra kết quả …": not the indicator proper
            text = head
    text = _SYNONYMS.sub(lambda m: SYNONYMS[m.group(1).lower()], text)
    text = re.sub(r"[()\[\]“”\"']", " ", text)
    words: list[str] = []
    for token in _segment(text):
        if _PUNCT.match(token):
            continue
        if modern_tones(token).lower() in _STOP:
            continue
        word = fold(token).replace(" ", "_")
        if not word or word.isdigit():
            continue
        if word not in words:
            words.append(word)
    return " ".join(words)


@lru_cache(maxsize=8192)
def _syllables(key: str) -> frozenset[str]:
    return frozenset(s for w in key.split() for s in w.split("_") if s not in COMMON_SYLLABLES)


def _dice(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


@lru_cache(maxsize=65536)
def similarity(key_a: str, key_b: str) -> float:
    """0..1: the mean of word overlap and syllable overlap (segmentation differs between phrasings).

    Cached (pure, on strings): an audit compares the same parent keys with every sub-plan's keys,
    twice per file (KH002 and KH003)."""
    words_a, words_b = set(key_a.split()), set(key_b.split())
    return (_dice(words_a, words_b) + _dice(_syllables(key_a), _syllables(key_b))) / 2
