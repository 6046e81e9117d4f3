"""A plan attached to its decision is issued on the decision's date: KH005 judges that date."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from vbhc.cli import cli

PARENT = Path(__file__).parents[2] / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"


def _kh005(tmp_path: Path, date: str) -> list[dict]:
    out = tmp_path / f"ke-hoach-{date}.docx"
    runner = CliRunner()
    made = runner.invoke(cli, ["draft", "--against", str(PARENT), "--agency", "Sở Tư pháp", "--date", date,
                               "--with-decision", "-o", str(out)])
    assert made.exit_code == 0, made.output
    checked = runner.invoke(cli, ["check", str(out), "--against", str(PARENT), "--format", "json"])
    findings = json.loads(checked.stdout)["files"][0]["findings"]
    return [f for f in findings if f["rule"] == "KH005"]


def test_decision_issued_late_makes_its_attached_plan_late(tmp_path: Path) -> None:
    (finding,) = _kh005(tmp_path, "2025-08-05")
    assert finding["data"] == {"deadline": "2025-07-31", "issued": "2025-08-05"}


def test_decision_issued_in_time(tmp_path: Path) -> None:
    assert _kh005(tmp_path, "2025-07-25") == []
