"""profile.wordlist: the general word list answers as the set of the file's lines did for every word a
cut can look up, is read from the cache in later runs, and follows the file when it changes."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from vbhc import cache
from vbhc.profile import wordlist
from vbhc.profile.wordlist import WordList, general_words


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache, and general_words computed again."""
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    general_words.cache_clear()
    yield tmp_path
    general_words.cache_clear()


def the_file() -> Path:
    path = wordlist.source()
    assert path is not None and path.is_file(), "underthesea (a base dependency) ships Viet74K.txt"
    return path


def test_every_word_of_two_syllables_or_more_and_nothing_else() -> None:
    text = unicodedata.normalize("NFC", the_file().read_text(encoding="utf-8"))
    lines = frozenset(map(str.strip, text.lower().split("\n")))
    assert wordlist.read(the_file()) == lines
    several = [w for w in lines if " " in w]
    random.seed(30)
    pool = sorted(lines)
    made_up = [f"{random.choice(pool)} {random.choice(pool)}" for _ in range(20_000)]
    for words in (WordList.of(lines), WordList({}, lines)):  # grouped (the cache's), and the set itself
        assert len(several) > 60_000 and len(words) == len(several)
        assert all(w in words for w in several)
        assert "thủ tục" in words and "hành chính" in words and "thủ" not in words and "a" not in words
        assert "phường thực" not in words and 3 not in words
        assert [w in words for w in made_up] == [w in lines for w in made_up]
    assert WordList({}, lines).groups == WordList.of(lines).groups


def test_without_a_cache_the_set_is_used(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, "")
    assert not cache.writable()
    words = general_words()
    assert "thủ tục" in words and words.groups
    assert not list(fresh.iterdir())


def test_a_later_run_reads_the_cache_not_the_file(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = general_words()
    assert "hành chính" in first and "thủ tục" in first
    general_words.cache_clear()

    def unread(path: Path) -> WordList:
        raise AssertionError("the file was read again")

    monkeypatch.setattr(wordlist, "read", unread)
    again = general_words()
    assert again.groups == first.groups


def test_a_changed_file_is_read_again(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = fresh / "Viet74K.txt"
    copy.write_text("thủ tục\nhành chính\n", encoding="utf-8")
    monkeypatch.setattr(wordlist, "source", lambda: copy)
    assert "thủ tục" in general_words() and "một cửa" not in general_words()
    copy.write_text("thủ tục\nmột cửa liên thông\n", encoding="utf-8")  # another size: another stamp
    general_words.cache_clear()
    assert "một cửa liên thông" in general_words() and "hành chính" not in general_words()


def test_a_damaged_cache_is_rebuilt(fresh: Path) -> None:
    first = general_words()
    (entry,) = (fresh / "cache").iterdir()
    entry.write_bytes(entry.read_bytes()[:1000])
    general_words.cache_clear()
    assert general_words().groups == first.groups


def test_without_the_file_the_list_is_empty(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wordlist, "source", lambda: fresh / "missing.txt")
    assert len(general_words()) == 0 and "thủ tục" not in general_words()
    general_words.cache_clear()
    monkeypatch.setattr(wordlist, "source", lambda: None)
    assert len(general_words()) == 0
