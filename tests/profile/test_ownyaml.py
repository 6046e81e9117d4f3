"""The saved profile's own reader (`vbhc.profile.ownyaml`) against PyYAML through yamlsafe: the same value
for every profile vbhc writes, and, for any other text, either the same value or no value (yamlsafe reads it)."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from vbhc import yamlsafe
from vbhc.errors import InputError
from vbhc.profile import from_parent, ownyaml, read_profile, to_yaml

ROOT = Path(__file__).resolve().parents[2]
NGHE_AN = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
EVAL = ROOT / "corpus" / "eval"
REAL = ROOT.parent / "shared" / "corpus" / "real"
REAL_PLANS = ("kh01-lamdong-kh-cchc-2026-2030.docx", "kh02-lamdong-kh-cchc-2026.docx",
              "kh05-lamdong-kh-thidua-cchc-2026.docx", "md01-bacninh-kh-141-2025.md",
              "md12-sonla-qd-2954-kem-kehoach.md")


def same(a: Any, b: Any) -> bool:
    """Equal and of the same types all the way down (True == 1 and 1 == 1.0 in Python)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def pyyaml(text: str) -> Any:
    return yamlsafe.loads(text, "p.yaml", "tệp hồ sơ")


@pytest.fixture(scope="module")
def nghe_an_yaml() -> str:
    return to_yaml(from_parent(NGHE_AN))


def test_the_nghe_an_profile_is_read_as_pyyaml_reads_it(nghe_an_yaml):
    ours = ownyaml.loads(nghe_an_yaml)
    assert ours is not None and len(ours["targets"]) == 23
    assert same(ours, pyyaml(nghe_an_yaml))


@pytest.mark.parametrize("name", sorted(p.name for p in EVAL.iterdir() if p.suffix in (".txt", ".docx", ".pdf")))
def test_every_evaluation_plan_profile(name):
    text = to_yaml(from_parent(EVAL / name))
    ours = ownyaml.loads(text)
    assert ours is not None and same(ours, pyyaml(text))


@pytest.mark.parametrize("name", REAL_PLANS)
def test_real_plans_profiles(name):
    if not REAL.is_dir():
        pytest.skip(f"the real documents are not here ({REAL})")
    text = to_yaml(from_parent(REAL / name))
    ours = ownyaml.loads(text)
    assert ours is not None and same(ours, pyyaml(text))


# Texts PyYAML reads differently from JSON, or that need its messages: none of them is ours.
NOT_OURS = [
    ("", "nothing"),
    ("# only a comment\n", "no key"),
    ("version: 1\nflag: yes\n", "a YAML 1.1 boolean"),
    ("version: 1\nflag: on\n", "a YAML 1.1 boolean"),
    ("version: 1\nvalue: 95%\n", "a hand-typed value"),
    ("version: 1\nvalue: 1e5\n", "a number YAML 1.1 reads as text"),
    ("version: 1\nvalue: 010\n", "an octal number"),
    ("version: 1\ndate: 2025-07-31\n", "a date"),
    ('version: 1\ntitle: "a\u2028b"\n', "a line separator, folded by YAML"),
    ('version: 1\ntitle: "a\x85b"\n', "a next-line character"),
    ("version: 1\ntitle:\t\"x\"\n", "a tab"),
    ('version: 1\r\ntitle: "x"\r\n', "carriage returns"),
    ('\ufeffversion: 1\n', "a byte-order mark"),
    ('version: 1\ntitle: "\\u0041"\n', "an escape JSON and YAML may read apart"),
    ('version: 1\ntitle: "a\\x41"\n', "a YAML-only escape"),
    ("version: 1\nparent:\n  - a\n  b: 1\n", "a list and a mapping in one block"),
    ("version: 1\n  title: x\n", "an entry outside a block"),
    ("version: 1\nareas:\n    - id: x\n", "an indentation to_yaml does not write"),
    ("version: 1\nareas:\n  - id: x\n      title: y\n", "a continuation at the wrong column"),
    ('version: 1\ntitle: "x"  \n', "trailing spaces"),
    ('version: 1\ntitle: "x"# not a comment\n', "a hash without a space"),
    ("version: 1\nnull: 1\n", "a key YAML reads as null"),
    ("version: 1\n---\nversion: 2\n", "two documents"),
    ("version: 1\nsource: &a \"x\"\ncopy: *a\n", "an alias"),
]


@pytest.mark.parametrize(("text", "why"), NOT_OURS, ids=[why for _, why in NOT_OURS])
def test_what_is_not_ours_is_left_to_yamlsafe(text, why):
    assert ownyaml.loads(text) is None


def test_small_shapes_match_pyyaml():
    text = ('version: 1\nsource: null\nreporting:\nareas: []\nelement_sources: {}\n'
            'deadline_source: {node: "a", line: 3, text: "x: y, }"}\n'
            'targets:\n  - indicator: "tỷ lệ \\"đúng hạn\\" \\\\ 100\\/100"  # dòng 4\n    value: 97.5\n'
            '    line: -0\n  - plain_name\n  - 12\nparent:\n  number: "2228"\n  flag: true\n  none: false\n')
    ours = ownyaml.loads(text)
    assert ours is not None and same(ours, pyyaml(text))
    assert ours["reporting"] is None and ours["targets"][0]["value"] == 97.5


MUTANTS = ['"', "\\", "#", ": ", " ", "-", "\n", "  ", "{", "}", "[", "]", ",", "&a ", "*a", "!", "|", ">", "'",
           "%", "@", "`", "\t", "\u2028", "\x85", "ư", "0", "yes", "~", "Null", "1e5", "0x1F", ".5", "1_000", "?"]


def _mutate(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    how = rng.randrange(5)
    if how == 0:
        at = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:at] + rng.choice(MUTANTS) + lines[i][at:]
    elif how == 1 and lines[i]:
        at = rng.randrange(len(lines[i]))
        lines[i] = lines[i][:at] + lines[i][at + 1:]
    elif how == 2:
        lines.insert(i, lines[rng.randrange(len(lines))])
    elif how == 3:
        del lines[i]
    else:
        lines[i] = lines[i][2:] if lines[i].startswith("  ") else "  " + lines[i]
    return "\n".join(lines)


def test_mutated_profiles_are_read_as_pyyaml_reads_them_or_not_at_all(nghe_an_yaml):
    """A mutated profile is either not ours, or read to exactly PyYAML's value; never a value where
    yamlsafe refuses the text."""
    rng = random.Random(2026)
    # a short profile, so that a mutation is a large part of it
    base = "\n".join(line for line in nghe_an_yaml.split("\n")
                     if not line.startswith("    text:") and not line.startswith("#"))
    ours_count = 0
    for _ in range(700):
        text = _mutate(_mutate(base, rng), rng) if rng.random() < 0.3 else _mutate(base, rng)
        ours = ownyaml.loads(text)
        if ours is None:
            continue
        ours_count += 1
        try:
            theirs = pyyaml(text)
        except InputError as exc:
            pytest.fail(f"ours read a text yamlsafe refuses ({exc.reason}):\n{text}")
        assert same(ours, theirs), text
    assert ours_count > 200  # the comparison covered many texts that are ours


def test_a_saved_profile_is_read_without_importing_pyyaml(tmp_path, nghe_an_yaml):
    saved = tmp_path / "p.yaml"
    saved.write_text(nghe_an_yaml, encoding="utf-8")
    code = ("import sys; from vbhc.profile import read_profile; p = read_profile(sys.argv[1]); "
            "print(len(p.targets), 'yaml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(saved)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["23", "False"]


def test_an_edited_profile_is_still_read_by_yamlsafe(tmp_path, nghe_an_yaml):
    saved = tmp_path / "p.yaml"
    saved.write_text(nghe_an_yaml.replace("    value: 100\n", "    value: 100%\n", 1), encoding="utf-8")
    assert ownyaml.loads(saved.read_text(encoding="utf-8")) is None
    profile = read_profile(saved)
    assert len(profile.targets) == 23 and 100.0 in [t.value for t in profile.targets]


def test_a_long_string_is_read_in_little_memory():
    """A 1 MB profile may be one string: the string's pattern keeps no state per character
    (an alternation inside `*` took 62 MB for half a million characters)."""
    import tracemalloc

    text = 'version: 1\ntitle: "' + "ư" * 400_000 + '"\n'
    tracemalloc.start()
    try:
        value = ownyaml.loads(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert value is not None and len(value["title"]) == 400_000
    assert peak < 8 * len(text.encode())
