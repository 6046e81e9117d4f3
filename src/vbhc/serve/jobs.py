"""What runs in the child processes (`vbhc.serve.runner`): everything that reads an uploaded file.

Each job takes paths the server made (stored names, never an officer's file name) and returns
plain JSON-able data, or {"error": "…"} with the Vietnamese reason when the input cannot be used.
The readers' own limits (`vbhc.limits`) apply here exactly as in the CLI; the runner adds the
clock and the memory ceiling around the whole job.
"""

from __future__ import annotations

import os
import re
from typing import Any

from vbhc.errors import VbhcError

_cache: dict[str, Any] = {}
REVIEW_SUFFIX = ".docx"  # what vbhc.review edits in place


def configure(config_path: str | None) -> None:
    """Set the rules' configuration (a vbhc.toml, `vbhc serve --config`) once in the child."""
    _cache["config_path"] = config_path


def _config() -> Any:
    from vbhc.check import Config, load_config

    if "config" not in _cache:
        path = _cache.get("config_path")
        _cache["config"] = load_config(path) if path else Config()
    return _cache["config"]


def _profile(profile_file: str | None) -> Any:
    """A saved profile, read once per child (keyed by path and modification time)."""
    if not profile_file:
        return None
    from vbhc.profile import read_profile

    key = f"profile:{profile_file}:{os.stat(profile_file).st_mtime_ns}"
    if key not in _cache:
        _cache[key] = read_profile(profile_file)
    return _cache[key]


def guarded(job: Any) -> Any:
    """A job whose VbhcError (and any other failure) comes back as {"error": reason}."""
    def run(*args: Any) -> dict[str, Any]:
        try:
            result: dict[str, Any] = job(*args)
            return result
        except VbhcError as exc:
            return {"error": exc.message}
        except MemoryError:
            return {"error": "tệp cần quá nhiều bộ nhớ để xử lý (nghi tệp độc hại, bị từ chối)"}
        except Exception as exc:  # noqa: BLE001 - one bad file must never stop the child
            return {"error": f"lỗi nội bộ của vbhc ({type(exc).__name__}: {exc})"}
    run.__name__ = job.__name__
    run.__qualname__ = job.__qualname__
    return run


# --- the document as the page draws it ----------------------------------------------------------

ALIGN = {"center": "c", "right": "r", "justify": "j"}


def _block_view(block: Any, kind: str | None) -> dict[str, Any]:
    style = block.style
    item: dict[str, Any] = {"line": block.location.line, "text": block.text}
    if block.location.page is not None:
        item["page"] = block.location.page
    if style.bold:
        item["b"] = 1
    if style.italic:
        item["i"] = 1
    align = ALIGN.get(style.align or "")
    if align:
        item["a"] = align
    if block.table is not None:
        item["t"] = [block.table.table, block.table.row, block.table.col]
        if block.table.borderless:
            item["bl"] = 1
    if block.part != "body":
        item["part"] = block.part
    if kind:
        item["k"] = kind
    return item


def document_view(parsed: Any) -> dict[str, Any]:
    """The parsed file's blocks in order, with what the page needs to draw them (text, bold,
    italic, alignment, table cell, the kind of line) and where each document starts."""
    kinds: dict[int, str] = {}
    starts: dict[int, dict[str, Any]] = {}
    for number, doc in enumerate(parsed.documents):
        for line in doc.lines:
            for index in (line.index, *line.more):
                kinds.setdefault(index, str(line.kind))
        if doc.lines:
            starts.setdefault(doc.lines[0].index, {"number": number, "doc_type": doc.doc_type})
    blocks = []
    for index, block in enumerate(parsed.source.blocks):
        item = _block_view(block, kinds.get(index))
        if index in starts:
            item["doc"] = starts[index]
        blocks.append(item)
    return {"format": parsed.source.format, "pages": parsed.source.pages, "scanned": parsed.source.scanned,
            "blocks": blocks}


# --- checking -------------------------------------------------------------------------------------

def _checked(path: str, profile: Any, kind: str | None) -> tuple[Any, Any]:
    """The file's check result (as `vbhc check` gives it) and the parsed file (None if unreadable)."""
    from vbhc.check import evaluate, file_result
    from vbhc.errors import InputError
    from vbhc.parse import parse_file
    from vbhc.report.results import FileResult

    try:
        parsed = parse_file(path)
    except InputError as exc:
        return FileResult(path=path, error=exc.reason), None
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - a reader bug on one file is that file's error (as check_file)
        return FileResult(path=path, error=f"không đọc được tệp (lỗi nội bộ: {type(exc).__name__}: {exc})"), None
    return file_result(path, parsed, evaluate(parsed, _config(), profile, kind=kind)), parsed


@guarded
def check_job(path: str, name: str, profile_file: str | None, parent_path: str | None,
              kind: str | None, facts: bool = False) -> dict[str, Any]:
    """The file's row of the check JSON (its path the officer's file name) and its view. With
    `parent_path` the parent plan is read first (as `--against`), else the saved profile; with
    `facts` (a collection's submission) the row carries what the audit's row does besides
    ("submission": is it a plan, is it filled in)."""
    profile = _profile(profile_file)
    if parent_path:
        from vbhc.errors import InputError
        from vbhc.profile import from_parent

        try:
            profile = from_parent(parent_path)
        except InputError as exc:
            return {"error": f"kế hoạch cấp trên: {exc.reason}"}
    result, parsed = _checked(path, profile, kind)
    row = result.as_dict()
    row["path"] = name
    if facts and parsed is not None:
        from vbhc.audit.submission import facts as submission_facts

        row["submission"] = submission_facts(parsed) if parsed.documents else None
    return {"row": row, "view": document_view(parsed) if parsed is not None else {"blocks": []}}


# --- parent plans ---------------------------------------------------------------------------------

def slug(text: str) -> str:
    from vbhc.textnorm import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60] or "ke-hoach"


@guarded
def profile_job(path: str, yaml_out: str, suffix: str) -> dict[str, Any]:
    """The parent plan's profile (or a saved YAML profile, read as `--profile` reads it), written
    as YAML to `yaml_out`, and what the server keeps of it."""
    from vbhc.audit.run import profile_json
    from vbhc.fileio import write_atomic
    from vbhc.profile import from_parent, read_profile, to_yaml
    from vbhc.report.rows import parent_label

    profile = read_profile(path) if suffix in (".yaml", ".yml") else from_parent(path)
    write_atomic(yaml_out, to_yaml(profile))
    view = profile_json(profile)
    parent = profile.parent
    name = slug("-".join(str(x) for x in (parent.number, parent.symbol, (parent.date or "")[:4]) if x))
    return {"view": view, "label": parent_label(view) or "Kế hoạch cấp trên", "name": name,
            "areas": len(profile.areas), "targets": len(profile.targets), "deadline": profile.deadline}


# --- drafting -------------------------------------------------------------------------------------

@guarded
def draft_job(profile_file: str, source_file: str | None, fields: dict[str, Any], out: str) -> dict[str, Any]:
    """The sub-plan skeleton of `vbhc draft`, written as .docx to `out`."""
    from vbhc.fileio import write_atomic
    from vbhc.generate.subplan import draft, parent_plan
    from vbhc.writers.docx import to_bytes

    profile = _profile(profile_file)
    parent = parent_plan(profile, source_file) if source_file else None
    result = draft(profile, fields["agency"], parent=parent, level=fields.get("level"), abbr=fields.get("abbr"),
                   date=fields.get("date"), place=fields.get("place"), with_decision=bool(fields.get("with_decision")))
    write_atomic(out, to_bytes(result.documents))
    return {"warnings": list(result.warnings), "placeholders": result.placeholders}


# --- Word review copies (vbhc.review: the officer's .docx edited in place) ------------------------

@guarded
def annotate_job(path: str, profile_file: str | None, kind: str | None, out: str) -> dict[str, Any]:
    """A copy of the .docx with a Word comment at each finding (`vbhc check --annotate`)."""
    from vbhc.review.annotate import annotate_file

    result, parsed = _checked(path, _profile(profile_file), kind)
    if parsed is None:
        return {"error": result.error}
    placed = annotate_file(path, result.findings, out)
    return {"placed": placed, "findings": len(result.findings)}


@guarded
def fix_job(path: str, out: str) -> dict[str, Any]:
    """A copy of the .docx with the safe layout fixes applied (`vbhc fix`)."""
    from vbhc.fileio import write_atomic
    from vbhc.review.fix import fix_file

    result = fix_file(path, config=_config())
    write_atomic(out, result.output)
    return {"applied": result.count("applied"), "changed": result.changed, "remaining": len(result.remaining)}
