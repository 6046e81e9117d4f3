"""The general Vietnamese word list (underthesea's Viet74K), in which a sub-plan's indicators are cut
into words where its parent's keys have none (`keys._segment_with`).

Read as a data file, neither underthesea imported nor its model loaded. Only words of two syllables or
more are kept (a cut never looks up one syllable), grouped by their first syllable: a lookup searches
the few words that begin like the candidate. The groups are kept in `vbhc.cache`, because making a set
of the 64,000 words took 18–20 ms of every check; the cached groups load in ≈2 ms. Making the groups
costs ≈25 ms more, once; where the cache is off or cannot be written, the set is used as before.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from vbhc import cache

NAME = "viet74k"
FORMAT = 1


class WordList:
    """Words of two syllables or more, lower case, tone marks as the list writes them ("thủ tục",
    "hành chính hoá"; not folded: "phương thức" is not "phường thực"). Held as groups by first syllable
    (what the cache keeps), or, when there is no cache to keep them in, as the set of the file's lines
    (quicker to make once)."""

    __slots__ = ("_groups", "_lines")

    def __init__(self, groups: dict[str, bytes], lines: frozenset[str] | None = None) -> None:
        self._groups = groups
        self._lines = lines

    @classmethod
    def of(cls, lines: frozenset[str]) -> WordList:
        grouped: dict[str, list[str]] = {}
        for word in lines:
            first, space, _ = word.partition(" ")
            if space:
                grouped.setdefault(first, []).append(word)
        return cls({first: ("\n" + "\n".join(sorted(words)) + "\n").encode() for first, words in grouped.items()})

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if self._lines is not None:
            return " " in word and word in self._lines
        group = self._groups.get(word.partition(" ")[0])
        return group is not None and ("\n" + word + "\n").encode() in group

    def __len__(self) -> int:
        if self._lines is not None:
            return sum(1 for w in self._lines if " " in w)
        return sum(group.count(b"\n") - 1 for group in self._groups.values())

    @property
    def groups(self) -> dict[str, bytes]:
        return self._groups if self._lines is None else WordList.of(self._lines).groups


def source() -> Path | None:
    """Viet74K.txt in the installed underthesea package, or None."""
    import importlib.util

    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "corpus" / "data" / "Viet74K.txt"


def read(path: Path) -> frozenset[str]:
    """The file's lines (NFC, lower case, each stripped)."""
    import unicodedata

    text = path.read_text(encoding="utf-8")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return frozenset(map(str.strip, text.lower().split("\n")))


@lru_cache(maxsize=1)
def general_words() -> WordList:
    """The word list, from the cache when this file was grouped before; empty without underthesea."""
    path = source()
    try:
        st = path.stat() if path is not None else None
    except OSError:
        st = None
    if path is None or st is None:
        return WordList({})
    stamp = f"{FORMAT} {path} {st.st_size} {st.st_mtime_ns}"
    kept = cache.load(NAME, stamp)
    if isinstance(kept, dict) and all(isinstance(k, str) and isinstance(v, bytes) for k, v in kept.items()):
        return WordList(kept)
    try:
        lines = read(path)
    except (OSError, UnicodeDecodeError):
        return WordList({})
    if not cache.writable():
        return WordList({}, lines)
    words = WordList.of(lines)
    cache.store(NAME, stamp, words.groups)
    return words
