"""The command line: a stable contract (see README). Heavy imports happen inside commands."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from vbhc import __version__

if TYPE_CHECKING:
    from vbhc.model import Document


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vbhc")
def cli() -> None:
    """vbhc: đọc, kiểm tra và soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP."""


def fail(message: str) -> None:
    """Bad usage or unreadable input: one Vietnamese line on stderr, exit code 2."""
    click.echo(f"vbhc: {message}", err=True)
    sys.exit(2)


def guarded(path: str, doing: str, call, *args):
    """Run a step that reads input: an unreadable file or a vbhc bug becomes one Vietnamese line, exit 2."""
    import os

    from vbhc.errors import InputError

    try:
        return call(*args)
    except InputError as exc:
        fail(f"{exc.path}: {exc.reason}")
    except Exception as exc:  # a bug must not show a traceback to an officer
        if os.environ.get("VBHC_DEBUG"):
            raise
        fail(f"{path}: {doing} (lỗi nội bộ: {type(exc).__name__}: {exc})")


def load(path: str):
    """Parse a file for a command."""
    from vbhc.parse import parse_file

    return guarded(path, "không đọc được tệp", parse_file, path)


def emit(text: str) -> None:
    click.echo(text, nl=not text.endswith("\n"))


@cli.command()
@click.argument("file", type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["json", "md", "tree"]), default="tree", show_default=True,
              help="json: theo hợp đồng JSON; md: Markdown; tree: dàn ý dễ đọc")
def parse(file: str, fmt: str) -> None:
    """Đọc cấu trúc văn bản: tiêu đề, thân văn bản, chữ ký, nơi nhận."""
    parsed = load(file)
    if fmt == "json":
        import json

        from vbhc.writers.json import parsed_dict

        emit(json.dumps(parsed_dict(parsed), ensure_ascii=False, indent=2))
    elif fmt == "md":
        from vbhc.writers.md import parsed_md

        emit(parsed_md(parsed))
    else:
        from vbhc.writers.tree import parsed_tree

        emit(parsed_tree(parsed))


def load_profile(against: str | None, profile: str | None):
    """The parent plan's profile, from the plan itself or from a saved YAML profile."""
    if against and profile:
        fail("chỉ dùng một trong hai: --against (kế hoạch cấp trên) hoặc --profile (tệp hồ sơ YAML)")
    if not against and not profile:
        return None
    from vbhc.profile import from_parent, read_profile

    if against:
        return guarded(against, "không trích được hồ sơ kế hoạch cấp trên", from_parent, against)
    return guarded(profile, "không đọc được hồ sơ", read_profile, profile)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--against", type=click.Path(path_type=str), help="kế hoạch cấp trên để đối chiếu")
@click.option("--profile", "profile_path", type=click.Path(path_type=str), help="hồ sơ YAML của kế hoạch cấp trên")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str),
              help="tệp cấu hình (mặc định: vbhc.toml hoặc [tool.vbhc] trong pyproject.toml)")
def check(files: tuple[str, ...], against: str | None, profile_path: str | None, fmt: str,
          config_path: str | None) -> None:
    """Kiểm tra thể thức theo Nghị định 30/2020 (và đối chiếu kế hoạch cấp trên)."""
    import json

    from vbhc.check import ConfigError, check_file, load_config
    from vbhc.report.results import exit_code, summary

    try:
        config = load_config(config_path)
    except ConfigError as exc:
        fail(str(exc))
    profile = load_profile(against, profile_path)
    results = [check_file(f, config, profile) for f in files]
    if fmt == "json":
        emit(json.dumps({"files": [r.as_dict() for r in results], "summary": summary(results)},
                        ensure_ascii=False, indent=2))
    elif fmt == "sarif":
        from vbhc.report.sarif import render_sarif

        emit(json.dumps(render_sarif(results), ensure_ascii=False, indent=2))
    else:
        from vbhc.report.text import render_text

        emit(render_text(results, colour=sys.stdout.isatty()))
    sys.exit(exit_code(results))


@cli.command()
@click.argument("directory", type=click.Path(path_type=str))
@click.option("--against", type=click.Path(path_type=str), help="kế hoạch cấp trên để đối chiếu")
@click.option("--profile", "profile_path", type=click.Path(path_type=str), help="hồ sơ YAML của kế hoạch cấp trên")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=str), help="ghi kết quả JSON")
@click.option("--html", "html_out", type=click.Path(dir_okay=False, path_type=str), help="ghi báo cáo HTML")
@click.option("--xlsx", "xlsx_out", type=click.Path(dir_okay=False, path_type=str), help="ghi bảng tính Excel")
@click.option("--jobs", type=click.IntRange(min=1), help="số tiến trình kiểm tra (mặc định: số lõi CPU)")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
              help="thời gian tối đa cho một tệp (giây)")
@click.option("--resume", is_flag=True, help="tiếp tục đợt kiểm tra bị dừng (bỏ qua tệp đã có trong nhật ký)")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str),
              help="tệp cấu hình (mặc định: vbhc.toml hoặc [tool.vbhc] trong pyproject.toml)")
def audit(directory: str, against: str | None, profile_path: str | None, json_out: str | None,
          html_out: str | None, xlsx_out: str | None, jobs: int | None, timeout: float, resume: bool,
          config_path: str | None) -> None:
    """Kiểm tra hàng loạt kế hoạch trong một thư mục và lập báo cáo tổng hợp."""
    import os
    from pathlib import Path

    from vbhc.audit import AuditError, exit_code, journal_path, rich_progress, run_audit, write_json
    from vbhc.check import ConfigError, load_config

    if not os.path.exists(directory):
        fail(f"{directory}: không tìm thấy thư mục")
    if not os.path.isdir(directory):
        fail(f"{directory}: không phải thư mục")
    outputs = [p for p in (json_out, html_out, xlsx_out) if p]
    for out in outputs:
        folder = Path(out).parent
        if not folder.is_dir():
            fail(f"{out}: không có thư mục {folder} để ghi báo cáo")
    if len({os.path.realpath(p) for p in outputs}) < len(outputs):
        fail("các tệp báo cáo --json, --html, --xlsx phải khác nhau")
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        fail(str(exc))
    from vbhc.audit import prestart

    prestart()  # the workers' fork server loads while the parent plan's profile is built
    profile = load_profile(against, profile_path)
    if profile is None:
        click.echo("vbhc: không có --against/--profile: chỉ kiểm tra thể thức, không đối chiếu kế hoạch cấp trên.",
                   err=True)
    journal = journal_path(json_out, html_out, xlsx_out)
    try:
        with rich_progress() as progress:
            outcome = run_audit(directory, profile=profile, config=config, jobs=jobs, timeout=timeout,
                                journal=journal, resume=resume, exclude=outputs,
                                reference=[p for p in (against, profile_path) if p], progress=progress)
    except AuditError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        click.echo(f"vbhc: đã dừng; kết quả đã kiểm tra nằm trong {journal}, chạy lại với --resume để làm tiếp.",
                   err=True)
        sys.exit(130)
    for note in outcome.notes:
        click.echo(f"vbhc: {note}", err=True)
    result = outcome.result
    try:
        if json_out:
            write_json(result, json_out)
        if html_out:
            from vbhc.report.html import write_html

            write_html(result, html_out)
        if xlsx_out:
            from vbhc.report.xlsx import write_xlsx

            write_xlsx(result, xlsx_out)
    except OSError as exc:
        fail(f"không ghi được báo cáo ({exc.strerror or exc}: {exc.filename})")
    from vbhc.report.table import render_table

    render_table(result, sys.stdout, colour=sys.stdout.isatty())
    sys.exit(exit_code(result))


@cli.command("profile")
@click.argument("parent", type=click.Path(dir_okay=False, path_type=str))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=str),
              help="ghi hồ sơ ra tệp (mặc định: in ra màn hình)")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True)
def profile_cmd(parent: str, output: str | None, fmt: str) -> None:
    """Trích hồ sơ kế hoạch cấp trên: lĩnh vực, chỉ tiêu, thời hạn, nội dung bắt buộc."""
    import json

    from vbhc.fileio import write_atomic
    from vbhc.profile import profile_dict, to_yaml

    prof = load_profile(parent, None)
    text = to_yaml(prof) if fmt == "yaml" else json.dumps(profile_dict(prof), ensure_ascii=False, indent=2) + "\n"
    if output:
        try:
            write_atomic(output, text)
        except OSError as exc:
            fail(f"{output}: không ghi được tệp ({exc.strerror or exc})")
        click.echo(f"Đã ghi hồ sơ: {output} ({len(prof.areas)} lĩnh vực, {len(prof.targets)} chỉ tiêu, "
                   f"hạn {prof.deadline or 'không rõ'})", err=True)
    else:
        emit(text)


@cli.command()
@click.argument("rule_id", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(rule_id: str | None, fmt: str) -> None:
    """Liệt kê các quy tắc kiểm tra, hoặc in tài liệu của một quy tắc."""
    import json

    from vbhc.rules import all_rules

    registry = all_rules()
    if rule_id:
        r = registry.get(rule_id)
        if r is None:
            fail(f"không có quy tắc '{rule_id}' (xem `vbhc rules`)")
        if fmt == "json":
            emit(json.dumps(_rule_dict(r), ensure_ascii=False, indent=2))
        else:
            emit(f"{r.id} [{r.severity}] — {r.summary}\nNguồn: {r.source}\n\n{r.doc}\n")
        return
    ordered = sorted(registry.values(), key=lambda r: r.id)
    if fmt == "json":
        emit(json.dumps({"rules": [_rule_dict(r) for r in ordered]}, ensure_ascii=False, indent=2))
    else:
        id_w, src_w = max(len(r.id) for r in ordered), max(len(r.source) for r in ordered)
        emit("".join(f"{r.id:<{id_w}}  {r.severity:<8} {r.source:<{src_w}}  {r.summary}\n" for r in ordered))


def _rule_dict(r) -> dict:
    return {"id": r.id, "severity": r.severity, "source": r.source, "summary": r.summary, "doc": r.doc,
            "needs": sorted(r.needs), "scope": r.scope}


# --- drafting: templates and `new` -------------------------------------------------------------

@cli.command("templates")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def templates_cmd(fmt: str) -> None:
    """Liệt kê các mẫu văn bản có sẵn cho `vbhc new`."""
    import json

    from vbhc.generate.template import list_templates

    found = list_templates()
    if fmt == "json":
        emit(json.dumps({"templates": [
            {"name": t.name, "description": t.description, "doc_type": t.doc_type, "required": t.required,
             "fields": t.fields, "example": str(t.example) if t.example else None} for t in found]},
            ensure_ascii=False, indent=2))
        return
    emit("".join(f"{t.name:<12} {t.description}\n" for t in found))


@cli.command()
@click.argument("template")
@click.option("--data", "data_path", type=click.Path(dir_okay=False, path_type=str),
              help="tệp dữ liệu YAML (hoặc JSON) của văn bản")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=str),
              help="tệp kết quả (.docx, .md hoặc .json)")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "json"]), default=None,
              help="mặc định theo phần mở rộng của tệp kết quả, nếu không thì docx")
@click.option("--pdf", is_flag=True, help="xuất thêm tệp PDF qua LibreOffice (cần cài LibreOffice)")
@click.option("--interactive", "-i", is_flag=True, help="hỏi lần lượt các trường còn thiếu trên màn hình")
def new(template: str, data_path: str | None, output: str, fmt: str | None, pdf: bool, interactive: bool) -> None:
    """Soạn văn bản từ một mẫu (xem `vbhc templates`) và một tệp dữ liệu (hoặc --interactive)."""
    import os

    from vbhc.generate.template import DataError, TemplateNotFound, find_template, load_data, render
    from vbhc.writers.docx import to_bytes

    if not data_path and not interactive:
        fail("cần tệp dữ liệu --data DATA.yaml, hoặc --interactive để nhập từng trường")
    if interactive and not stdin_is_tty():
        fail("--interactive cần nhập từ bàn phím (một terminal), nhưng đầu vào đang bị chuyển hướng; "
             "hãy dùng --data DATA.yaml")
    try:
        data = load_data(data_path) if data_path else {}
        if interactive:
            from vbhc.generate.interactive import ask_missing

            data = ask_missing(find_template(template), data)
        docs = render(template, data)
    except TemplateNotFound as exc:
        fail(str(exc))
    except DataError as exc:
        fail(exc.message if exc.source or not data_path else f"{data_path}: {exc.message}")
    except click.Abort:
        fail("đã dừng nhập dữ liệu; chưa ghi tệp nào")
    if os.path.abspath(output) in (os.path.abspath(data_path or template), os.path.abspath(template)):
        fail("tệp kết quả trùng với tệp đầu vào; vbhc không ghi đè lên dữ liệu của bạn")
    data = write_output(output, docs, fmt)
    click.echo(f"Đã soạn {output}", err=True)
    if pdf:
        _to_pdf(data or to_bytes(docs), output)


def stdin_is_tty() -> bool:
    """--interactive needs a person at a terminal (tests replace this)."""
    return sys.stdin.isatty()


def write_output(output: str, documents: list[Document], fmt: str | None) -> bytes | None:
    """Write generated documents as .docx (returned), as Markdown of the lines the .docx shows, or
    as the JSON of that .docx parsed back; the format follows the extension unless --format says."""
    import json
    import os
    import tempfile

    from vbhc.fileio import write_atomic
    from vbhc.writers.docx import to_bytes

    if fmt is None:
        ext = os.path.splitext(output)[1].lower().lstrip(".")
        fmt = ext if ext in ("docx", "md", "json") else "docx"
    docx_bytes = None if fmt == "md" else to_bytes(documents)
    data: bytes | str = docx_bytes or b""
    if fmt == "md":
        from vbhc.writers.md import documents_md

        data = documents_md(documents)
    elif fmt != "docx":
        from vbhc.parse import parse_file

        fd, tmp = tempfile.mkstemp(suffix=".docx")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(docx_bytes)
            parsed = parse_file(tmp)
        finally:
            os.unlink(tmp)
        from vbhc.writers.json import document_dict

        data = json.dumps({"documents": [document_dict(d) for d in parsed.documents]}, ensure_ascii=False,
                          indent=2) + "\n"
    try:
        write_atomic(output, data)
    except OSError as exc:
        fail(f"{output}: không ghi được tệp ({exc.strerror or exc})")
    return docx_bytes if fmt == "docx" else None


def _to_pdf(docx_bytes: bytes, output: str) -> None:
    """A PDF beside the output, through LibreOffice; a plain message when it is not installed."""
    import os
    import shutil
    import subprocess
    import tempfile

    from vbhc.fileio import write_atomic

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        fail("không tìm thấy LibreOffice để xuất PDF. Cài bằng: "
             "sudo apt-get install libreoffice-writer-nogui fonts-liberation2 "
             "(hoặc tải LibreOffice tại https://www.libreoffice.org), rồi chạy lại với --pdf")
    target = os.path.splitext(output)[0] + ".pdf"
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "vanban.docx")
        with open(src, "wb") as fh:
            fh.write(docx_bytes)
        profile = "file://" + os.path.join(tmp, "profile")
        try:
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", tmp, src], check=True, capture_output=True, timeout=180)
            with open(os.path.join(tmp, "vanban.pdf"), "rb") as fh:
                write_atomic(target, fh.read())
        except (subprocess.SubprocessError, OSError) as exc:
            fail(f"LibreOffice không xuất được PDF ({type(exc).__name__})")
    click.echo(f"Đã xuất {target}", err=True)


# --- drafting: `draft` (a sub-plan from its parent plan) ----------------------------------------

@cli.command("draft")
@click.option("--against", type=click.Path(dir_okay=False, path_type=str), help="kế hoạch cấp trên")
@click.option("--profile", "profile_path", type=click.Path(dir_okay=False, path_type=str),
              help="hồ sơ YAML của kế hoạch cấp trên (vbhc profile)")
@click.option("--agency", required=True, help="cơ quan ban hành kế hoạch, ví dụ \"Sở Tư pháp\", \"xã Nghi Lộc\"")
@click.option("--abbr", help="chữ viết tắt tên cơ quan trong ký hiệu (mặc định: suy ra, ví dụ STP, UBND)")
@click.option("--level", type=click.Choice(["so", "xa"]), default=None,
              help="cấp của cơ quan: so (sở, ngành cấp tỉnh) hoặc xa (xã, phường); mặc định: suy ra từ tên")
@click.option("--date", "issued", help="ngày ban hành YYYY-MM-DD (mặc định: hôm nay)")
@click.option("--place", help="địa danh (mặc định: tỉnh của kế hoạch cấp trên, hoặc tên xã)")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=str),
              help="tệp kết quả (.docx, .md hoặc .json)")
@click.option("--with-decision", is_flag=True, help="soạn cả quyết định ban hành kế hoạch (kế hoạch kèm theo)")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "json"]), default=None,
              help="mặc định theo phần mở rộng của tệp kết quả, nếu không thì docx")
def draft_cmd(against: str | None, profile_path: str | None, agency: str, abbr: str | None, level: str | None,
              issued: str | None, place: str | None, output: str, with_decision: bool, fmt: str | None) -> None:
    """Soạn khung kế hoạch cấp dưới từ kế hoạch cấp trên (lĩnh vực, chỉ tiêu, nhiệm vụ, bảng phân công)."""
    import os

    from vbhc.generate.subplan import DraftError, draft, parent_plan

    if not against and not profile_path:
        fail("cần kế hoạch cấp trên: --against KẾ_HOẠCH hoặc --profile HỒ_SƠ.yaml")
    profile = load_profile(against, profile_path)
    inputs = {os.path.abspath(p) for p in (against, profile_path) if p}
    if os.path.abspath(output) in inputs:
        fail("tệp kết quả trùng với tệp đầu vào; vbhc không ghi đè lên kế hoạch cấp trên")
    try:
        result = draft(profile, agency, parent=parent_plan(profile, against, profile_path), level=level, abbr=abbr,
                       date=issued, place=place, with_decision=with_decision)
    except DraftError as exc:
        fail(str(exc))
    for warning in result.warnings:
        click.echo(f"vbhc: cảnh báo: {warning}.", err=True)
    write_output(output, result.documents, fmt)
    click.echo(f"Đã soạn {output}: {len(profile.areas)} lĩnh vực, {len(profile.targets)} chỉ tiêu, "
               f"{result.placeholders} chỗ cần điền (tìm “[ĐIỀN:”).", err=True)


def main() -> None:
    try:
        cli.main(prog_name="vbhc", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("Đã dừng theo yêu cầu.", err=True)
        sys.exit(130)
