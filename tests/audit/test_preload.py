"""The audit's fork server preloads what a worker uses, and not the segmentation model, which a
worker never needs: it checks against the parent's profile, whose keys are already made."""

from __future__ import annotations

import subprocess
import sys

from audit_helpers import ROOT

PROBE = """
import sys
import vbhc.audit_preload
from vbhc.profile.segmenter import model
from vbhc.profile.wordlist import general_words
from vbhc.rules import all_rules
print(model.cache_info().currsize, general_words.cache_info().currsize, len(all_rules()) > 50,
      "pebble.pool.process" in sys.modules, "vbhc.profile.subplan" in sys.modules, "vbhc.report.rows" in sys.modules)
"""


def test_the_fork_server_loads_the_word_list_and_pebbles_worker_loop_not_the_model():
    """pebble's worker loop and the sub-plan analysis too: a forked worker would otherwise import
    them after its fork (≈ 35 and 10 ms each)."""
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["0", "1", "True", "True", "True", "True"], out.stdout


def test_checking_against_a_profile_never_loads_the_model():
    """What a worker does with each file: the eval sub-plans against the Nghệ An profile."""
    probe = """
import sys
from pathlib import Path
from vbhc.check import check_file
from vbhc.profile import from_parent
from vbhc.profile.segmenter import model
profile = from_parent(sys.argv[1])
model.cache_clear()
files = [f for f in sorted(Path(sys.argv[2]).glob("*")) if f.suffix in (".txt", ".docx", ".pdf")]
rows = [check_file(str(f), profile=profile) for f in files]
print(len(files), sum(1 for r in rows if r.plan is not None), model.cache_info().currsize)
"""
    parent = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
    out = subprocess.run([sys.executable, "-c", probe, str(parent), str(ROOT / "corpus" / "eval")],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    files, summarised, model = map(int, out.stdout.split())
    assert files >= 9 and summarised == files, out.stdout
    assert model == 0, "a sub-plan's check loaded the segmentation model"
