"""The result of checking one file, shared by `check`, `audit` and every output format."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vbhc.profile.summary import PlanSummary
from vbhc.rules import Finding


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # the file could not be read: a Vietnamese reason
    not_applicable: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # header fields for reports (agency, number, date)
    plan: PlanSummary | None = None  # the sub-plan against its parent's profile (checked with a profile)
    notes: list[str] = field(default_factory=list)  # what the reader noted ("… đã đọc theo nội dung")

    @property
    def status(self) -> str:
        if self.error is not None:
            return "error"
        return "findings" if self.findings else "ok"

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "status": self.status, "error": self.error,
            "findings": [f.as_dict() for f in self.findings],
            "not_applicable": self.not_applicable, **({"meta": self.meta} if self.meta else {}),
            **({"plan": self.plan.as_dict()} if self.plan is not None else {}),
            **({"notes": self.notes} if self.notes else {}),
        }


def summary(results: list[FileResult]) -> dict[str, int]:
    return {
        "files": len(results),
        "errors": sum(r.count("error") for r in results),
        "warnings": sum(r.count("warning") for r in results),
        "infos": sum(r.count("info") for r in results),
        "unreadable": sum(1 for r in results if r.error is not None),
    }


def exit_status(*, errors: int, unreadable: int) -> int:
    """The one exit-code policy of every command that checks files (check, audit), as linters do:
    2 when an input could not be read (the batch still went on past it and reported the rest),
    else 1 when there is at least one error finding, else 0. Bad usage is 2 as well (the CLI's
    error handler)."""
    if unreadable:
        return 2
    return 1 if errors else 0


def exit_code(results: list[FileResult]) -> int:
    """`exit_status` of checked files."""
    return exit_status(errors=sum(r.count("error") for r in results),
                       unreadable=sum(1 for r in results if r.error is not None))
