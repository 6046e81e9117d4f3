"""Reading saved profiles, this tree against another (run by hand, not by pytest):

    git archive REV src | tar -x -C /tmp/old
    .venv/bin/python bench/profile_read_diff.py --before /tmp/old/src [--count 3000] [--seed 7]

Writes the Nghệ An plan's saved profile mutated `--count` times (tests/profile/test_ownyaml.py's
mutations, one to three each), plus three hostile ones (20,000 list items, a 30,000-pair flow mapping,
a 900 KB string), then reads every file with `read_profile` in both trees, in two processes, and
compares what each gives: the profile (`profile_dict`) or the officer's error message. Prints the
number of files, how many were read and refused, and every difference.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READ_ALL = """
import json, os, sys
import vbhc
from vbhc.errors import InputError
from vbhc.profile import profile_dict, read_profile
out = {}
for name in sorted(os.listdir(sys.argv[1])):
    try:
        out[name] = ["read", profile_dict(read_profile(os.path.join(sys.argv[1], name)))]
    except InputError as exc:
        out[name] = ["refused", exc.reason]
print(vbhc.__file__)
print(json.dumps(out, ensure_ascii=False))
"""


def write_cases(folder: Path, count: int, seed: int) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "profile"))
    import test_ownyaml as t

    from vbhc.profile import from_parent, to_yaml

    base = to_yaml(from_parent(t.NGHE_AN))
    rng = random.Random(seed)
    for i in range(count):
        text = base
        for _ in range(rng.choice([1, 1, 2, 3])):
            text = t._mutate(text, rng)
        (folder / f"{i:05d}.yaml").write_text(text, encoding="utf-8")
    item = '  - indicator: "x"\n    op: ">="\n    value: 1\n'
    (folder / "hostile-items.yaml").write_text(base.replace("targets:\n", "targets:\n" + item * 20_000, 1),
                                               encoding="utf-8")
    flow = ", ".join(f"k{i}: 1" for i in range(30_000))
    (folder / "hostile-flow.yaml").write_text(base + f"extra: {{{flow}}}\n", encoding="utf-8")
    (folder / "hostile-string.yaml").write_text(base + 'extra: "' + "a" * 900_000 + '"\n', encoding="utf-8")


def read_all(src: Path, folder: Path) -> dict[str, list[object]]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run([sys.executable, "-c", READ_ALL, str(folder)], env=env, capture_output=True,
                         text=True, check=True)
    where, results = out.stdout.split("\n", 1)
    if not Path(where).resolve().is_relative_to(src.resolve()):
        sys.exit(f"vbhc was imported from {where}, not from {src}")
    return json.loads(results)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", type=Path, required=True, help="another tree's src/ folder")
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="vbhc-profile-diff-") as tmp:
        folder = Path(tmp)
        write_cases(folder, args.count, args.seed)
        now, before = read_all(ROOT / "src", folder), read_all(args.before, folder)
    differences = [name for name in now if now[name] != before.get(name)]
    print(f"{len(now)} files; {dict(Counter(v[0] for v in now.values()))}; differences: {len(differences)}")
    for name in differences:
        print(f"  {name}: now {str(now[name])[:200]}\n  {' ' * len(name)}  before {str(before[name])[:200]}")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
