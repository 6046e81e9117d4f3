"""What the README shows a user works: its config example loads, and every rule id it names exists."""

from __future__ import annotations

import re
from pathlib import Path

from vbhc.check import load_config
from vbhc.rules import all_rules

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_config_examples_load(tmp_path):
    blocks = re.findall(r"```toml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert blocks
    for i, block in enumerate(blocks):
        path = tmp_path / f"vbhc{i}.toml"
        path.write_text(block, encoding="utf-8")
        load_config(path)  # raises ConfigError on an unknown rule or severity


def test_every_rule_id_named_exists():
    named = set(re.findall(r"\b(?:ND30|VBHC)\.[A-Za-z]+(?:\.[A-Za-z]+)?\b|\bKH0\d\d\b", README.read_text("utf-8")))
    assert named and not named - set(all_rules())
