"""Indicator keys: the normalised form two phrasings of one indicator share.

"Tỷ lệ hồ sơ TTHC ở các cấp được giải quyết đúng hạn" and "tỷ lệ hồ sơ thủ tục hành chính
thuộc thẩm quyền của Sở được giải quyết đúng hạn" must meet. The key expands abbreviations,
puts tone marks in the modern place, segments words, drops words that do not identify an indicator,
and folds. It is for matching only.

A parent's keys are cut into words by underthesea's segmentation model (`vbhc.profile.segmenter`:
loaded only when a parent plan is read and its texts were not cut before; a saved profile keeps its keys);
a sub-plan's indicators are cut into the words of its parent's keys (`vocabulary_of`), longest first, so
that checking a sub-plan against a saved profile loads no model at all.
"""

from __future__ import annotations

from functools import lru_cache

import regex as re

from vbhc import rx
from vbhc.profile.lexicon import ABBREVIATIONS, COMMON_SYLLABLES, MANNER_WORDS, PURPOSE_WORDS, STOPWORDS, SYNONYMS
from vbhc.profile.segmenter import TOKEN, segment
from vbhc.profile.wordlist import WordList, general_words
from vbhc.textnorm import OLD_TONES, fold, modern_tones

_ABBR_RE = rx.compile(r"(?<![\p{L}\d])(" + "|".join(re.escape(k) for k in sorted(ABBREVIATIONS, key=len,
                                                                                   reverse=True)) + r")(?![\p{L}\d])")
_STOP = {modern_tones(w).lower() for w in STOPWORDS}
_PUNCT = rx.compile(r"^[\p{P}\p{S}]+$")
_BRACKETS = rx.compile(r"[()\[\]“”\"']")
_SYNONYMS = rx.compile(r"(?<![\p{L}])(" + "|".join(re.escape(k) for k in sorted(SYNONYMS, key=len, reverse=True))
                       + r")(?![\p{L}])", re.I)
_PURPOSE = rx.compile(r"\s+(?:" + "|".join(PURPOSE_WORDS) + r")\s+", re.I)
_MANNER = rx.compile(r",?\s+(?:" + "|".join(MANNER_WORDS) + r")\s+", re.I)


# Changed whenever the key of an indicator would come out differently (the words dropped, the segmenter's
# use): keys stored in saved profiles under another version are computed again (yamlio.key_hash).
KEY_VERSION = 2  # 2: the model read straight from its files, vbhc's own tokens


def expand_abbreviations(text: str) -> str:
    return _ABBR_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], text)


MAX_WORD_SYLLABLES = 4


_NEW_TO_OLD = {new: old for old, new in OLD_TONES.items()}
_NEW_TONE_RE = rx.compile("|".join(_NEW_TO_OLD))


def _in_general(candidate: str, words: WordList) -> bool:
    return candidate in words or _NEW_TONE_RE.sub(lambda m: _NEW_TO_OLD[m.group()], candidate) in words


def _longest(syllables: list[str], i: int, words: frozenset[str] | WordList) -> int:
    for n in range(min(MAX_WORD_SYLLABLES, len(syllables) - i), 1, -1):
        candidate = " ".join(syllables[i:i + n])
        if _in_general(candidate, words) if isinstance(words, WordList) else candidate in words:
            return n
    return 0


_STOP_SYLLABLES = frozenset(w for w in _STOP if " " not in w)


def _segment_with(text: str, vocabulary: frozenset[str]) -> list[str]:
    """Words by the longest match (up to four syllables): first in a vocabulary of folded words ("thu
    tuc", the parent's), then in the general word list (not from a stop word: "các bộ phận" is "các" +
    "bộ phận"). A sub-plan's indicator is cut into the words of its parent's keys this way, without the
    model."""
    tokens = TOKEN.findall(text)
    folded = [fold(t) for t in tokens]
    lower = [modern_tones(t).lower() for t in tokens]
    general = general_words()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        n = _longest(folded, i, vocabulary)
        if not n and lower[i] not in _STOP_SYLLABLES:
            n = _longest(lower, i, general)
        n = n or 1
        out.append(" ".join(tokens[i:i + n]))
        i += n
    return out


_STOP_WORDS = frozenset(fold(w) for w in STOPWORDS if " " in w)


def vocabulary_of(keys: list[str]) -> frozenset[str]:
    """The words of more than one syllable in some keys, folded with spaces, and the stop words."""
    return frozenset({w.replace("_", " ") for key in keys for w in key.split() if "_" in w} | _STOP_WORDS)


@lru_cache(maxsize=8192)
def has_manner_clause(indicator: str) -> bool:
    return bool(_MANNER.search(modern_tones(indicator)))


@lru_cache(maxsize=8192)
def indicator_key(indicator: str, without_manner: bool = False, vocabulary: frozenset[str] | None = None) -> str:
    """Space-separated folded words (syllables of one word joined by "_"), in order, no repeats.

    `without_manner` also drops a manner clause ("… được ban hành, … đảm bảo chất lượng"). With a
    `vocabulary` (vocabulary_of the parent's keys) the words are cut by it instead of by the model."""
    text = modern_tones(expand_abbreviations(indicator))
    for cut in (_PURPOSE, _MANNER) if without_manner else (_PURPOSE,):
        head = cut.split(text, maxsplit=1)[0]
        if len(head.split()) >= 3:  # "… tổ kiểm tra nội bộ để kiểm tra kết quả …": not the indicator proper
            text = head
    text = _SYNONYMS.sub(lambda m: SYNONYMS[m.group(1).lower()], text)
    text = _BRACKETS.sub(" ", text)
    words: list[str] = []
    for token in (segment(text) if vocabulary is None else _segment_with(text, vocabulary)):
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
