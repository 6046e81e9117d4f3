"""Commands that read and check: parse, check, rules, profile. Heavy imports happen inside them."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from vbhc.cli.common import CONFIG_HELP, command, emit, load, load_profile, no_overwrite, option, shown
from vbhc.cli.frame import fail
from vbhc.errors import InputError

if TYPE_CHECKING:
    from vbhc.rules import Rule



@command("parse", short_help="Đọc cấu trúc văn bản: tiêu đề, điều, mục, khoản, điểm, chữ ký, nơi nhận.", examples=[
    "vbhc parse quyet-dinh.docx                     # dàn ý dễ đọc",
    "vbhc parse ke-hoach.pdf --format json          # theo hợp đồng JSON (contract/parse.schema.json)",
    "vbhc parse ke-hoach.docx --format md > kh.md   # Markdown",
])
@click.argument("file", metavar="TỆP", type=click.Path(path_type=str))
@option("--format", "fmt", type=click.Choice(["json", "md", "tree"]), default="tree", show_default=True,
        help="tree: dàn ý dễ đọc; json: theo hợp đồng JSON; md: Markdown")
def parse(file: str, fmt: str) -> None:
    """Đọc cấu trúc văn bản (.docx, .doc, .odt, .rtf, .pdf, .txt, .md): tiêu đề, số và ký hiệu, ngày, trích yếu,
    các điều, mục, khoản, điểm, phần ký, nơi nhận, kế hoạch kèm theo và phụ lục."""
    parsed = load(file)
    from vbhc.rules.content import has_text

    if parsed.source.scanned and not parsed.source.blocks:  # say it is a scan (check reports it)
        from vbhc.readers.pdf import MSG_SCAN

        raise InputError(file, MSG_SCAN)
    if not has_text(parsed):
        raise InputError(file, "tệp không có chữ nào (mọi đoạn văn và ô bảng đều trống, hoặc chỉ có hình ảnh)")
    if fmt == "json":
        import json

        from vbhc.writers.json import parsed_dict

        emit(json.dumps(parsed_dict(parsed), ensure_ascii=False, indent=2))
    elif fmt == "md":
        from vbhc.writers.md import parsed_md

        emit(parsed_md(parsed), raw_input_text=True)
    else:
        from vbhc.writers.tree import parsed_tree

        emit(parsed_tree(parsed))


@command("check", short_help="Kiểm tra thể thức theo Nghị định 30/2020 và đối chiếu kế hoạch cấp trên.", examples=[
    "vbhc check du-thao.docx                          # đường dẫn:dòng: mức độ mã-quy-tắc lời nhắn",
    "vbhc check a.docx b.pdf --format json            # theo hợp đồng JSON (contract/check.schema.json)",
    "vbhc check ke-hoach-so.docx --against ke-hoach-tinh.docx",
    "vbhc check ke-hoach-so.docx --profile ho-so.yaml",
    "vbhc check du-thao.docx --annotate du-thao.nhan-xet.docx   # chú thích Word ở mỗi phát hiện",
])
@click.argument("files", metavar="TỆP...", nargs=-1, required=True, type=click.Path(path_type=str))
@option("--against", type=click.Path(path_type=str), help="kế hoạch cấp trên để đối chiếu")
@option("--profile", "profile_path", type=click.Path(path_type=str),
        help="hồ sơ YAML của kế hoạch cấp trên (tạo bằng `vbhc profile`)")
@option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text", show_default=True,
        help="text: từng dòng cho người đọc; json: theo hợp đồng JSON; sarif: cho công cụ rà soát")
@option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str), help=CONFIG_HELP)
@option("--kind", type=click.Choice(["full", "thematic"]), default=None,
        help="loại kế hoạch cấp dưới: full (kế hoạch CCHC của cơ quan), thematic (chuyên đề); "
             "mặc định vbhc tự nhận định")
@option("--annotate", "annotate_out", type=click.Path(dir_okay=False, path_type=str),
        help="ghi bản sao .docx có chú thích (comment) Word của vbhc ở mỗi phát hiện (một tệp .docx)")
def check(files: tuple[str, ...], against: str | None, profile_path: str | None, fmt: str,
          config_path: str | None, kind: str | None, annotate_out: str | None) -> None:
    """Kiểm tra thể thức và kỹ thuật trình bày theo Nghị định 30/2020, và đối chiếu kế hoạch với kế hoạch
    cấp trên (đủ lĩnh vực, chỉ tiêu không thấp hơn, thời hạn). Mã thoát: 0 không có lỗi, 1 có lỗi,
    2 có tệp không đọc được."""
    import json

    from vbhc.check import check_file, load_config
    from vbhc.report.results import exit_code, summary

    if annotate_out:
        from vbhc.cli.fixing import check_annotate_usage

        check_annotate_usage(files, annotate_out, [against, profile_path, config_path])
    config = load_config(config_path)
    profile = load_profile(against, profile_path)
    results = [check_file(f, config, profile, kind) for f in files]
    if fmt == "json":
        emit(json.dumps({"files": [r.as_dict() for r in results], "summary": summary(results)},
                        ensure_ascii=False, indent=2))
    elif fmt == "sarif":
        from vbhc.report.sarif import render_sarif

        emit(json.dumps(render_sarif(results), ensure_ascii=False, indent=2))
    else:
        from vbhc.report.text import render_text

        emit(render_text(results, colour=sys.stdout.isatty()))
    if annotate_out:
        from vbhc.cli.fixing import write_annotated

        write_annotated(results[0], annotate_out)
    sys.exit(exit_code(results))


@command("profile", short_help="Trích hồ sơ kế hoạch cấp trên: lĩnh vực, chỉ tiêu, thời hạn.", examples=[
    "vbhc profile ke-hoach-tinh.docx -o ho-so.yaml    # rồi sửa ho-so.yaml nếu cần",
    "vbhc profile ke-hoach-tinh.docx --format json",
])
@click.argument("parent", metavar="KẾ_HOẠCH_CẤP_TRÊN", type=click.Path(dir_okay=False, path_type=str))
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=str),
        help="ghi hồ sơ ra tệp (mặc định: in ra màn hình)")
@option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True,
        help="yaml: để cán bộ đọc và sửa; json: theo hợp đồng JSON")
def profile_cmd(parent: str, output: str | None, fmt: str) -> None:
    """Trích hồ sơ kế hoạch cấp trên: lĩnh vực, chỉ tiêu, thời hạn, nội dung bắt buộc và số, ngày của
    kế hoạch, để `vbhc check --profile` và `vbhc draft --profile` dùng lại."""
    import json

    from vbhc.fileio import write_atomic
    from vbhc.profile import profile_dict, to_yaml

    no_overwrite({"-o": output}, [parent])
    prof = load_profile(parent, None)
    text = to_yaml(prof) if fmt == "yaml" else json.dumps(profile_dict(prof), ensure_ascii=False, indent=2) + "\n"
    if not output:
        emit(text)
        return
    write_atomic(output, text)
    from vbhc.dates import display

    click.echo(f"Đã ghi hồ sơ: {shown(output)} ({len(prof.areas)} lĩnh vực, {len(prof.targets)} chỉ tiêu, "
               f"hạn {display(prof.deadline) if prof.deadline else 'không rõ'})", err=True)


@command("rules", short_help="Liệt kê các quy tắc kiểm tra, hoặc tài liệu của một quy tắc.", examples=[
    "vbhc rules                            # mọi quy tắc: mã, mức độ, nguồn, nội dung",
    "vbhc rules ND30.CanCu.DauCau          # tài liệu của một quy tắc",
    "vbhc rules --format json",
])
@click.argument("rule_id", metavar="[MÃ_QUY_TẮC]", required=False)
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
        help="text: bảng cho người đọc; json: cho chương trình khác")
def rules(rule_id: str | None, fmt: str) -> None:
    """Liệt kê các quy tắc kiểm tra (mã, mức độ, điều khoản nguồn), hoặc in tài liệu của một quy tắc."""
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


def _rule_dict(r: Rule) -> dict[str, Any]:
    return {"id": r.id, "severity": r.severity, "source": r.source, "summary": r.summary, "doc": r.doc,
            "needs": sorted(r.needs), "scope": r.scope}
