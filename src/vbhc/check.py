"""Run the rules over a parsed file: config applied, crashes contained, findings sorted."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vbhc.errors import VbhcError, debugging
from vbhc.model import Document, ParsedFile
from vbhc.report.results import FileResult
from vbhc.rules import SEVERITIES, Context, Finding, Rule, all_rules, content, copy, other_papers, party

INTERNAL_ERROR = "VBHC.LoiNoiBo"


@dataclass
class Config:
    """From `vbhc.toml` or `[tool.vbhc]` in pyproject.toml: rules switched off, severities changed."""

    disabled: set[str] = field(default_factory=set)
    severity: dict[str, str] = field(default_factory=dict)
    path: str | None = None
    templates_dir: str | None = None  # `[templates] dir`: the agency's own templates for `vbhc new`

    def enabled(self, rule_id: str) -> bool:
        return not any(rule_id == d or rule_id.startswith(d.rstrip("*").rstrip(".") + ".") for d in self.disabled)


class ConfigError(VbhcError):
    """A config file that cannot be read or names rules that do not exist."""


def load_config(path: str | os.PathLike[str] | None = None, start: Path | None = None) -> Config:
    """Read the given config, or find vbhc.toml / pyproject.toml from `start` upward."""
    if path is None:
        found = _find_config((start or Path.cwd()).resolve())
        if found is None:
            return Config()
        p, data = found
    else:
        p = Path(path)
        data = _read_toml(p)
    if p.name == "pyproject.toml":
        data = data.get("tool", {}).get("vbhc", {})
    rules = data.get("rules", data)
    disabled = set(rules.get("disable", []))
    severity = dict(rules.get("severity", {}))
    known = all_rules()
    for rid, sev in severity.items():
        if sev not in (*SEVERITIES, "off"):
            raise ConfigError(f"{p}: mức độ '{sev}' của quy tắc {rid} không hợp lệ (error, warning, info, off)")
        if sev == "off":
            disabled.add(rid)
    for rid in [*disabled, *severity]:
        prefix = rid.rstrip("*").rstrip(".")
        if not any(k == prefix or k.startswith(prefix + ".") for k in known):
            raise ConfigError(f"{p}: không có quy tắc nào mang mã '{rid}' (xem `vbhc rules`)")
    return Config(disabled=disabled, severity={k: v for k, v in severity.items() if v != "off"}, path=str(p),
                  templates_dir=_templates_dir(p, data))


def _templates_dir(config: Path, data: dict[str, Any]) -> str | None:
    """`[templates] dir = "mau"`, relative to the config file's folder."""
    folder = data.get("templates", {}).get("dir") if isinstance(data.get("templates"), dict) else None
    if folder is None:
        return None
    if not isinstance(folder, str) or not folder.strip():
        raise ConfigError(f"{config}: [templates] dir phải là đường dẫn tới thư mục mẫu (một chuỗi)")
    return str(config.parent / folder)


def _find_config(folder: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest vbhc.toml, or pyproject.toml with a [tool.vbhc] table, from `folder` upward, read once."""
    for candidate_dir in [folder, *folder.parents]:
        if (candidate_dir / "vbhc.toml").is_file():
            return candidate_dir / "vbhc.toml", _read_toml(candidate_dir / "vbhc.toml")
        pyproject = candidate_dir / "pyproject.toml"
        if pyproject.is_file():
            data = _read_toml(pyproject)
            if isinstance(data.get("tool"), dict) and "vbhc" in data["tool"]:
                return pyproject, data
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when there is a configuration file to read

    from vbhc import limits
    from vbhc.errors import InputError
    from vbhc.fileio import read_bounded

    try:
        return tomllib.loads(read_bounded(path, limits.MAX_CONFIG_BYTES, "tệp cấu hình").decode("utf-8"))
    except InputError as exc:
        raise ConfigError(exc.message) from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: tệp cấu hình không phải văn bản UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        where = "".join(f" ở {m}" for m in re.findall(r"line \d+, column \d+", str(exc))[:1])
        where = where.replace("line", "dòng").replace("column", "cột")
        raise ConfigError(f"{path}: tệp cấu hình không đúng cú pháp TOML{where}") from None


def applicable(rule: Rule, parsed: ParsedFile, profile: Any, have: frozenset[str] | None = None) -> bool:
    """Does the input carry what the rule needs (fonts for font rules, a profile for plan rules)?
    On a scan only the rules that need "scanned" run, and plan rules when it has OCR text
    (see vbhc.rules.scan). `have`: the input's `carried` needs, when the caller has them."""
    src = parsed.source
    if src.scanned and "scanned" not in rule.needs and (rule.scope == "format" or not src.blocks):
        return False
    return rule.needs <= (carried(parsed, profile) if have is None else have)


def carried(parsed: ParsedFile, profile: Any) -> frozenset[str]:
    """The needs (vbhc.rules.Need) this input and profile meet: the same for every rule of a check."""
    src = parsed.source
    have = {
        "style": src.carries_style,
        "paragraph_format": src.carries_paragraph_format,
        "page_setup": src.page_setup is not None,
        "profile": profile is not None,
        "scanned": src.scanned,
    }
    return frozenset(need for need, ok in have.items() if ok)


def _internal_error(rule_id: str, exc: Exception, document: int = 0) -> Finding:
    import traceback  # a vbhc bug's path only

    tb = traceback.extract_tb(exc.__traceback__)[-1]
    return Finding(rule=INTERNAL_ERROR, severity="error",
                   message=f"Lỗi nội bộ khi chạy quy tắc {rule_id}: {type(exc).__name__}: {exc}",
                   source="vbhc", document=document,
                   data={"rule": rule_id, "where": f"{Path(tb.filename).name}:{tb.lineno}"})


def _summarise(parsed: ParsedFile, profile: Any, kind: str | None) -> tuple[Any, list[Finding]]:
    """The plan summary, or None and an internal-error finding: the format rules still run."""
    from vbhc.profile.subplan import summarise

    try:
        return summarise(parsed, profile, kind), []
    except Exception as exc:
        return None, [_internal_error("KH", exc)]


def contexts(parsed: ParsedFile, profile: Any = None, plan: Any = None) -> list[Context]:
    """One context per document of the file, shared by every rule of a check (each rule sets
    `current`): what one rule computes on it (the memo) the next one reads."""
    return [Context(parsed=parsed, doc=doc, index=index, profile=profile, plan=plan)
            for index, doc in enumerate(parsed.documents)]


# Documents no layout rule judges but the one that says why: the Party's own (outside the decree), the part a
# copy adds under the original (it has no header of its own to judge), a paper that is no văn bản hành chính.
_OUTSIDE_LAYOUT = ((lambda doc: doc.party, party.RULE_ID), (lambda doc: doc.copy_form is not None, copy.RULE_ID),
                   (lambda doc: other_papers.what_paper(doc) is not None, other_papers.RULE_ID))


def _not_judged(doc: Document, rule_id: str) -> bool:
    return any(applies(doc) and rule_id != notice for applies, notice in _OUTSIDE_LAYOUT)


def _run_rule(rule: Rule, ctxs: list[Context], config: Config) -> list[Finding]:
    """One rule over every document of the file; a rule that fails is one internal-error finding."""
    findings: list[Finding] = []
    for index, ctx in enumerate(ctxs):
        if ctx.doc.is_appendix and not rule.applies_to_appendix:
            continue
        if rule.scope == "format" and _not_judged(ctx.doc, rule.id):
            continue
        ctx.current = rule
        try:
            produced = list(rule.func(ctx))
        except Exception as exc:  # a broken rule must not stop the run
            findings.append(_internal_error(rule.id, exc, index))
            continue
        for f in produced:
            if f.rule in config.severity:
                f.severity = config.severity[f.rule]  # type: ignore[assignment]
        findings.extend(produced)
    return findings


@dataclass
class Evaluation:
    findings: list[Finding]
    not_applicable: list[str]
    plan: Any = None  # vbhc.profile.summary.PlanSummary when checked against a profile


def _rules_for(parsed: ParsedFile, config: Config, scopes: tuple[str, ...]) -> list[Rule]:
    """The enabled rules of the scopes asked for; a file with no text gets the one rule that says so
    (a scan has its own: vbhc.rules.scan)."""
    rules = [r for r in all_rules().values() if r.scope in scopes and config.enabled(r.id)]
    if not content.has_text(parsed) and not parsed.source.scanned:
        rules = [r for r in rules if r.id == content.RULE_ID]
    return rules


def evaluate(parsed: ParsedFile, config: Config | None = None, profile: Any = None,
             scopes: tuple[str, ...] = ("format", "plan"), kind: str | None = None) -> Evaluation:
    """All findings for one file, the ids of rules that did not apply, and the plan summary
    (computed once here, read by every plan rule). `kind`: "full" or "thematic" when the officer
    says which kind of sub-plan it is (`--kind`); else vbhc reads it from the plan."""
    config = config or Config()
    rules = _rules_for(parsed, config, scopes)
    findings: list[Finding] = []
    not_applicable: list[str] = []
    plan = None
    textless_scan = parsed.source.scanned and not parsed.source.blocks  # nothing to summarise
    if profile is not None and "plan" in scopes and parsed.documents and not textless_scan:
        plan, failure = _summarise(parsed, profile, kind)
        findings += failure
        if plan is None:
            not_applicable += [r.id for r in rules if r.scope == "plan"]
            rules = [r for r in rules if r.scope != "plan"]
    ctxs = contexts(parsed, profile, plan)
    have = carried(parsed, profile)
    for rule in rules:
        if not applicable(rule, parsed, profile, have):
            if not ("scanned" in rule.needs and not parsed.source.scanned):  # a scan's rule: nothing to say
                not_applicable.append(rule.id)
            continue
        findings += _run_rule(rule, ctxs, config)
    findings.sort(key=_order)
    return Evaluation(findings, sorted(set(not_applicable)), plan)


def _order(f: Finding) -> tuple[int, int, str]:
    """Findings in the order of the text: by document, then line; a line of the page header (it has blocks, no
    line of the body) comes first, a finding of the whole page or file (neither) last."""
    line = f.line if f.line is not None else 0 if f.blocks else 10**9
    return f.document, line, f.rule


def run_rules(parsed: ParsedFile, config: Config | None = None, profile: Any = None,
              scopes: tuple[str, ...] = ("format", "plan")) -> tuple[list[Finding], list[str]]:
    """All findings for one file, and the ids of rules that did not apply to this input."""
    result = evaluate(parsed, config, profile, scopes)
    return result.findings, result.not_applicable


def meta_of(parsed: ParsedFile) -> dict[str, Any]:
    """Header fields of the file's first document, for report tables (an appendix's own number, "Phụ lục I", is
    no document number: a report's "Số" column leaves it out)."""
    doc = parsed.documents[0]
    return {"doc_type": doc.doc_type, "issuer": doc.issuer, "parent_issuer": doc.parent_issuer,
            "number": None if doc.is_appendix else doc.number, "symbol": doc.symbol, "date": doc.date,
            "title": doc.title}


def check_file(path: str, config: Config | None = None, profile: Any = None, kind: str | None = None) -> FileResult:
    """Parse and check one file; an unreadable file becomes an error result, never an exception."""
    from vbhc.errors import InputError
    from vbhc.parse import parse_file

    try:
        parsed = parse_file(path)
    except InputError as exc:
        return FileResult(path=path, error=exc.reason)
    except Exception as exc:  # a reader bug on one file must not stop a batch
        if debugging():
            raise
        return FileResult(path=path, error=f"không đọc được tệp (lỗi nội bộ: {type(exc).__name__}: {exc})")
    return file_result(path, parsed, evaluate(parsed, config, profile, kind=kind))


def file_result(path: str, parsed: ParsedFile, result: Evaluation) -> FileResult:
    """What `check`, `audit` and `serve` report of a file read and checked: findings, header fields, plan, and
    what its reader noted (a .doc read as the web page it is, a legacy encoding converted)."""
    return FileResult(path=path, findings=result.findings, not_applicable=result.not_applicable,
                      meta=meta_of(parsed), plan=result.plan, notes=list(parsed.source.notes))
