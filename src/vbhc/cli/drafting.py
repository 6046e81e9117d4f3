"""Commands that write documents: templates, new, draft."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, Literal

import click

from vbhc.cli.common import DATE, command, emit, load_profile, no_overwrite, option, shown
from vbhc.cli.frame import fail, say

if TYPE_CHECKING:
    from vbhc.model import Document

Level = Literal["so", "xa"]  # --level, a click.Choice of these
OUTPUT_HELP = "tệp kết quả (.docx, .md hoặc .json)"
FORMAT_HELP = "mặc định theo phần mở rộng của tệp kết quả, nếu không thì docx"
INSTALL_LIBREOFFICE = ("không tìm thấy LibreOffice để xuất PDF. Cài bằng: sudo apt-get install "
                       "libreoffice-writer-nogui fonts-liberation2 (hoặc tải LibreOffice tại "
                       "https://www.libreoffice.org), rồi chạy lại với --pdf")


TEMPLATES_HELP = ("thư mục mẫu của cơ quan (*.yaml.j2), tìm trước các mẫu có sẵn; mẫu cùng tên thay mẫu có sẵn "
                  "(mặc định: [templates] dir trong vbhc.toml)")
CONFIG_HELP = "tệp cấu hình (mặc định: vbhc.toml hoặc [tool.vbhc] trong pyproject.toml, tìm từ thư mục này lên)"
DATA_SUFFIXES = (".yaml", ".yml")


def template_folders(folders: tuple[str, ...], config_path: str | None) -> list[str]:
    """--templates, or else the config's `[templates] dir`; each checked to be a folder."""
    from vbhc.check import load_config
    from vbhc.generate.template import template_folder

    chosen = list(folders)
    if not chosen:
        configured = load_config(config_path).templates_dir
        chosen = [configured] if configured else []
    return [str(template_folder(f)) for f in chosen]


@command("templates", short_help="Liệt kê các mẫu văn bản cho `vbhc new`.",
         examples=["vbhc templates", "vbhc templates --templates mau-cua-so/", "vbhc templates --format json"])
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
        help="text: danh sách cho người đọc; json: cho chương trình khác")
@option("--templates", "folders", multiple=True, type=click.Path(path_type=str), help=TEMPLATES_HELP)
@option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str), help=CONFIG_HELP)
def templates_cmd(fmt: str, folders: tuple[str, ...], config_path: str | None) -> None:
    """Liệt kê các mẫu văn bản cho `vbhc new`: các mẫu có sẵn theo Phụ lục III, Nghị định 30/2020 (mỗi mẫu
    kèm một tệp dữ liệu ví dụ), và các mẫu của cơ quan trong thư mục --templates."""
    import json

    from vbhc.generate.template import list_templates

    found = list_templates(template_folders(folders, config_path))
    if fmt == "json":
        emit(json.dumps({"templates": [
            {"name": t.name, "description": t.description, "doc_type": t.doc_type, "required": t.required,
             "fields": t.fields, "example": str(t.example) if t.example else None, "agency": t.agency,
             "overrides": t.overrides, "path": str(t.path)} for t in found]},
            ensure_ascii=False, indent=2))
        return
    width = max(len(t.name) for t in found) + 2
    emit("".join(f"{t.name:<{width}}{t.description}{_origin(t)}\n" for t in found))


def _origin(info: Any) -> str:
    if not info.agency:
        return ""
    return f"  [mẫu của cơ quan{', thay mẫu có sẵn' if info.overrides else ''}: {shown(info.path)}]"


def stdin_is_tty() -> bool:
    """--interactive needs a person at a terminal (tests replace this)."""
    return sys.stdin.isatty()


@command("new", short_help="Soạn văn bản đúng thể thức từ một mẫu và tệp dữ liệu.", examples=[
    "vbhc new quyet-dinh --data templates/quyet-dinh.example.yaml -o qd.docx",
    "vbhc new ke-hoach --data kh.yaml -o kh.docx --pdf      # thêm kh.pdf (cần LibreOffice)",
    "vbhc new cong-van --interactive -o cv.docx             # hỏi từng trường còn thiếu",
    "vbhc new cong-van --templates mau-cua-so/ --data cv.yaml -o cv.docx",
    "vbhc new --from ke-hoach-2025.docx -o kh-2026.yaml     # dữ liệu của văn bản năm trước",
    "vbhc new --data kh-2026.yaml -o kh-2026.docx           # mẫu ghi trong tệp dữ liệu (template:)",
])
@click.argument("template", metavar="[MẪU]", required=False)
@option("--data", "data_path", type=click.Path(dir_okay=False, path_type=str),
        help="tệp dữ liệu YAML (hoặc JSON) của văn bản; ngày viết 25/07/2025 hoặc 2025-07-25")
@option("--from", "source", type=click.Path(dir_okay=False, path_type=str),
        help="văn bản cũ (.docx, .pdf, .txt): ghi ra -o tệp dữ liệu YAML của nó, đã xóa số và ngày, đánh dấu "
             "[XEM LẠI] các ngày, năm của năm cũ")
@option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=str),
        help=OUTPUT_HELP + "; với --from: tệp dữ liệu .yaml")
@option("--format", "fmt", type=click.Choice(["docx", "md", "json"]), default=None, help=FORMAT_HELP)
@option("--pdf", is_flag=True, help="xuất thêm tệp PDF qua LibreOffice (cần cài LibreOffice)")
@option("--interactive", "-i", is_flag=True, help="hỏi lần lượt các trường còn thiếu trên màn hình")
@option("--templates", "folders", multiple=True, type=click.Path(path_type=str), help=TEMPLATES_HELP)
@option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str), help=CONFIG_HELP)
def new(template: str | None, data_path: str | None, source: str | None, output: str, fmt: str | None, pdf: bool,
        interactive: bool, folders: tuple[str, ...], config_path: str | None) -> None:
    """Soạn văn bản đúng thể thức từ một mẫu (xem `vbhc templates`) và một tệp dữ liệu, hoặc nhập từng
    trường với --interactive. Với --from, ghi tệp dữ liệu của một văn bản cũ để soạn văn bản mới từ đó."""
    from vbhc.generate.template import find_template, load_data, render
    from vbhc.writers.docx import to_bytes

    dirs = template_folders(folders, config_path)
    if source:
        _from_document(source, template, output, dirs, data_path or (fmt or pdf or interactive))
        return
    if not data_path and not interactive:
        fail("cần tệp dữ liệu --data DATA.yaml, hoặc --interactive để nhập từng trường")
    if interactive and not stdin_is_tty():
        fail("--interactive cần nhập từ bàn phím (một terminal), nhưng đầu vào đang bị chuyển hướng; "
             "hãy dùng --data DATA.yaml")
    no_overwrite({"-o": output, "--pdf": _pdf_target(output) if pdf else None},
                 [data_path, template if template and os.path.isfile(template) else None])
    data = load_data(data_path) if data_path else {}
    template = template or _template_of(data, data_path)
    if interactive:
        from vbhc.generate.interactive import ask_missing

        data = ask_missing(find_template(template, dirs), data)
    docs = render(template, data, dirs)
    docx = write_output(output, docs, fmt)
    click.echo(f"Đã soạn {shown(output)}", err=True)
    if pdf:
        _to_pdf(docx or to_bytes(docs), output)


def _template_of(data: dict[str, Any], data_path: str | None) -> str:
    """The template a data file names (`template: ke-hoach`, as `vbhc new --from` writes it)."""
    name = data.get("template")
    if isinstance(name, str) and name.strip():
        return name.strip()
    fail(f"cần tên mẫu: vbhc new MẪU --data {data_path or 'DATA.yaml'} (xem `vbhc templates`), hoặc ghi "
         "`template: <tên mẫu>` trong tệp dữ liệu")


def _from_document(source: str, template: str | None, output: str, dirs: list[str], other: Any) -> None:
    """`vbhc new --from OLD -o DATA.yaml`: the data file of an existing document, for next year's."""
    from vbhc.cli.common import load
    from vbhc.fileio import write_atomic
    from vbhc.generate.from_document import data_file

    if other:
        fail("--from chỉ ghi tệp dữ liệu: không dùng cùng --data, --format, --pdf hoặc --interactive")
    if os.path.splitext(output)[1].lower() not in DATA_SUFFIXES:
        fail(f"với --from, -o là tệp dữ liệu YAML (.yaml hoặc .yml), không phải {shown(output)}")
    no_overwrite({"-o": output}, [source])
    parsed = load(source)
    result = data_file(parsed, template, dirs)
    write_atomic(output, result.text)
    for note in result.notes:
        say(f"lưu ý: {note}.")
    review = f"; {result.review} chỗ cần xem lại, tìm “[XEM LẠI]”" if result.review else ""
    click.echo(f"Đã ghi dữ liệu {shown(output)} (mẫu {result.template}{review}). Soạn văn bản mới: "
               f"vbhc new --data {shown(output)} -o VAN-BAN.docx", err=True)


def write_output(output: str, documents: list[Document], fmt: str | None) -> bytes | None:
    """Write generated documents as .docx (returned, for --pdf), as Markdown of the lines the .docx
    shows (made from the Documents, no .docx written), or as the JSON of that .docx parsed back; the
    format follows the extension unless --format says."""
    import json

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
    elif docx_bytes is not None and fmt != "docx":
        from vbhc.parse import parse_bytes
        from vbhc.writers.json import document_dict

        parsed = parse_bytes(docx_bytes)

        data = json.dumps({"documents": [document_dict(d) for d in parsed.documents]}, ensure_ascii=False,
                          indent=2) + "\n"
    write_atomic(output, data)
    return docx_bytes if fmt == "docx" else None


def _pdf_target(output: str) -> str:
    return os.path.splitext(output)[0] + ".pdf"


def _to_pdf(docx_bytes: bytes, output: str) -> None:
    """A PDF beside the output, through LibreOffice; a plain message when it is not installed."""
    import subprocess
    import tempfile

    from vbhc.fileio import write_atomic
    from vbhc.readers.doc import soffice

    exe = soffice()
    if exe is None:
        fail(INSTALL_LIBREOFFICE)
    target = _pdf_target(output)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "vanban.docx")
        with open(src, "wb") as fh:
            fh.write(docx_bytes)
        profile = "file://" + os.path.join(tmp, "profile")
        try:
            subprocess.run([exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", tmp, src], check=True, capture_output=True, timeout=180)
            with open(os.path.join(tmp, "vanban.pdf"), "rb") as fh:
                pdf = fh.read()
        except (subprocess.SubprocessError, OSError) as exc:
            fail(f"LibreOffice không xuất được PDF ({type(exc).__name__})")
    write_atomic(target, pdf)
    click.echo(f"Đã xuất {shown(target)}", err=True)


@command("draft", short_help="Soạn khung kế hoạch cấp dưới từ kế hoạch cấp trên.", examples=[
    'vbhc draft --against ke-hoach-tinh.docx --agency "Sở Tư pháp" -o ke-hoach-stp.docx',
    'vbhc draft --profile ho-so.yaml --agency "xã Nghi Lộc" --date 25/07/2025 -o kh.docx --with-decision',
])
@option("--against", type=click.Path(dir_okay=False, path_type=str), help="kế hoạch cấp trên")
@option("--profile", "profile_path", type=click.Path(dir_okay=False, path_type=str),
        help="hồ sơ YAML của kế hoạch cấp trên (vbhc profile)")
@option("--agency", required=True, help="cơ quan ban hành kế hoạch, ví dụ \"Sở Tư pháp\", \"xã Nghi Lộc\"")
@option("--abbr", help="chữ viết tắt tên cơ quan trong ký hiệu (mặc định: suy ra, ví dụ STP, UBND)")
@option("--level", type=click.Choice(["so", "xa"]), default=None,
        help="cấp của cơ quan: so (sở, ngành cấp tỉnh) hoặc xa (xã, phường); mặc định: suy ra từ tên")
@option("--date", "issued", type=DATE, help="ngày ban hành, 25/07/2025 hoặc 2025-07-25 (mặc định: hôm nay; "
        "đã quá hạn của kế hoạch cấp trên thì ngày hạn đó)")
@option("--place", help="địa danh (mặc định: tỉnh của kế hoạch cấp trên, hoặc tên xã)")
@option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=str), help=OUTPUT_HELP)
@option("--with-decision", is_flag=True, help="soạn cả quyết định ban hành kế hoạch (kế hoạch kèm theo)")
@option("--format", "fmt", type=click.Choice(["docx", "md", "json"]), default=None, help=FORMAT_HELP)
def draft_cmd(against: str | None, profile_path: str | None, agency: str, abbr: str | None, level: Level | None,
              issued: str | None, place: str | None, output: str, with_decision: bool, fmt: str | None) -> None:
    """Soạn khung kế hoạch cấp dưới từ kế hoạch cấp trên: trích dẫn kế hoạch cấp trên, lĩnh vực, chỉ tiêu,
    nhiệm vụ, giải pháp, tổ chức thực hiện và bảng phân công; chỗ cần điền được đánh dấu [ĐIỀN: …]."""
    from vbhc.generate.subplan import draft, parent_plan

    if not against and not profile_path:
        fail("cần kế hoạch cấp trên: --against KẾ_HOẠCH hoặc --profile HỒ_SƠ.yaml")
    no_overwrite({"-o": output}, [against, profile_path])
    profile = load_profile(against, profile_path)
    result = draft(profile, agency, parent=parent_plan(profile, against, profile_path),
                   level=level, abbr=abbr,
                   date=issued, place=place, with_decision=with_decision)
    for warning in result.warnings:
        say(f"cảnh báo: {warning}.")
    write_output(output, result.documents, fmt)
    click.echo(f"Đã soạn {shown(output)}: {len(profile.areas)} lĩnh vực, {len(profile.targets)} chỉ tiêu, "
               f"{result.placeholders} chỗ cần điền (tìm “[ĐIỀN:”).", err=True)
