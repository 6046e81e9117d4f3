"""vbhc.rx: patterns compiled by one run are unpickled by the next, match exactly as freshly compiled
ones do, and are the same whatever the hash seed; a damaged or hostile cache file is only a slower run."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from vbhc import cache, rx

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
NGHE_AN = CORPUS / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
SUB_PLAN = CORPUS / "eval" / "so-y-te-phan-i.txt"

# One check of a sub-plan against its parent in a fresh interpreter; prints what this run compiled
# that the cache did not hold, and how many patterns the cache held when the run began.
RUN = """
import sys
from vbhc import rx
from vbhc.check import check_file
from vbhc.profile import from_parent
check_file(sys.argv[2], profile=from_parent(sys.argv[1]))
print(len(rx._new), len(rx._kept or {}) - len(rx._new))
"""


def run(folder: Path, seed: str) -> tuple[int, int]:
    env = {**os.environ, cache.ENV: str(folder), "PYTHONHASHSEED": seed}
    out = subprocess.run([sys.executable, "-c", RUN, str(NGHE_AN), str(SUB_PLAN)], env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    return int(out[0]), int(out[1])


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[int, int], tuple[int, int]]:
    """A cache folder after two runs under two hash seeds, with what each run compiled and found."""
    folder = tmp_path_factory.mktemp("rx-cache")
    return folder, run(folder, "1"), run(folder, "2")


def kept_in(folder: Path) -> dict[tuple[str | bytes, int], regex.Pattern[str]]:
    with pytest.MonkeyPatch.context() as m:
        m.setenv(cache.ENV, str(folder))
        return rx._unpickle(cache.load(rx.NAME, rx.STAMP))


def test_the_second_run_compiles_nothing(warm: tuple[Path, tuple[int, int], tuple[int, int]]) -> None:
    folder, first, second = warm
    assert first[0] > 100 and first[1] == 0  # ≈140 patterns, none there before
    assert second == (0, first[0])  # another hash seed: the same patterns, every one from the cache
    assert len(kept_in(folder)) == first[0]


def test_unpickled_patterns_match_as_fresh_ones(warm: tuple[Path, tuple[int, int], tuple[int, int]]) -> None:
    folder = warm[0]
    lines = [line for path in sorted(CORPUS.rglob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 500
    kept = kept_in(folder)
    for (pattern, flags), compiled in kept.items():
        fresh = regex.compile(pattern, flags, cache_pattern=False)
        assert (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex) == \
            (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)
        if isinstance(pattern, bytes):
            continue
        for line in lines:
            a, b = compiled.search(line), fresh.search(line)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (pattern, line)


def test_compile_keeps_a_new_pattern_for_the_next_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, str(tmp_path))
    monkeypatch.setattr(rx, "_kept", None)
    monkeypatch.setattr(rx, "_new", {})
    p = rx.compile(r"(?P<so>\d+)/QĐ-UBND", regex.I)
    assert p.match("2228/qđ-ubnd").group("so") == "2228"
    assert rx.compile(r"(?P<so>\d+)/QĐ-UBND", regex.I) is p
    rx._save()
    kept = kept_in(tmp_path)
    assert list(kept) == [(r"(?P<so>\d+)/QĐ-UBND", int(regex.I))]
    assert kept[(r"(?P<so>\d+)/QĐ-UBND", int(regex.I))].match("2228/QĐ-UBND")


def test_the_cache_holds_at_most_its_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, str(tmp_path))
    monkeypatch.setattr(rx, "_kept", None)
    monkeypatch.setattr(rx, "_new", {})
    monkeypatch.setattr(rx, "MAX_CACHED_PATTERNS", 3)
    patterns = [rx.compile(rf"Điều {i}\b") for i in range(6)]
    assert all(p.search(f"Điều {i}.") for i, p in enumerate(patterns))
    rx._save()
    assert len(kept_in(tmp_path)) == 3


def test_a_hostile_pickle_calls_nothing(tmp_path: Path) -> None:
    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (Path.touch, (str(tmp_path / "called"),))

    assert rx._unpickle(pickle.dumps({("x", 0): Payload()})) == {}
    assert not (tmp_path / "called").exists()
    assert rx._unpickle(b"not a pickle") == {}
    assert rx._unpickle("chuỗi") == {}
    assert rx._unpickle(pickle.dumps([regex.compile("a")])) == {}
    assert rx._unpickle(pickle.dumps({("b", 0): regex.compile("a")})) == {}  # a key that is not its pattern


def test_a_damaged_cache_only_costs_a_compile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, str(tmp_path))
    cache.store(rx.NAME, rx.STAMP, b"\x80\x05 damaged")
    monkeypatch.setattr(rx, "_kept", None)
    monkeypatch.setattr(rx, "_new", {})
    assert rx.compile(r"^Căn\s+cứ").match("Căn cứ Luật")
    rx._save()
    assert list(kept_in(tmp_path)) == [(r"^Căn\s+cứ", 0)]
