"""`vbhc fix`: the findings of a .docx fixed in a copy, with the conventions of linters (ruff):
safe fixes by default, text fixes with --unsafe-fixes, --diff to see them without writing."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from vbhc.cli.common import CONFIG_HELP, command, emit, no_overwrite, option, shown
from vbhc.cli.frame import about, fail, say

if TYPE_CHECKING:
    from vbhc.review.fix import FixResult, Outcome

NOT_DOCX = ("vbhc fix chỉ sửa được tệp Word .docx (tệp này là {ext}); hãy mở tệp trong Word, lưu thành .docx "
            "rồi chạy lại, hoặc dùng `vbhc check` để xem các lỗi")
STATUS_WORDS = {"refused": "không sửa được", "conflict": "để lần sau", "undone": "đã hoàn tác",
                "unchanged": "không cần thay đổi"}


def default_output(file: str) -> str:
    """kh.docx → kh.vbhc.docx, beside the input."""
    p = Path(file)
    return str(p.with_name(p.stem + ".vbhc" + p.suffix))


@command("fix", short_help="Sửa lỗi thể thức của tệp .docx vào một bản sao (không sửa tệp gốc).", examples=[
    "vbhc fix du-thao.docx                        # ghi du-thao.vbhc.docx, sửa định dạng (an toàn)",
    "vbhc fix du-thao.docx --diff                 # chỉ xem sẽ sửa gì, không ghi tệp",
    "vbhc fix du-thao.docx --unsafe-fixes -o da-sua.docx   # sửa cả dấu câu, dấu cách, số 0",
    "vbhc fix du-thao.docx --track-changes        # mỗi sửa là một Track Change để chấp nhận trong Word",
])
@click.argument("file", metavar="TỆP.docx", type=click.Path(path_type=str))
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=str),
        help="tệp kết quả (mặc định: TỆP.vbhc.docx cạnh tệp gốc)")
@option("--unsafe-fixes", "unsafe", is_flag=True,
        help="sửa cả lỗi phải thay đổi chữ: dấu cách trong số, ký hiệu, dấu hai chấm, số 0, gạch nối Tiêu ngữ, "
             "chính tả Quốc hiệu, dấu “;” và “.” cuối căn cứ, nơi nhận")
@option("--diff", is_flag=True, help="không ghi tệp nào, chỉ in từng thay đổi sẽ làm")
@option("--track-changes", "track", is_flag=True,
        help="ghi mỗi thay đổi thành Track Changes của Word (tác giả “vbhc”) để chấp nhận hoặc từ chối")
@option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str), help=CONFIG_HELP)
def fix(file: str, output: str | None, unsafe: bool, diff: bool, track: bool, config_path: str | None) -> None:
    """Sửa vào một bản sao những lỗi thể thức sửa được một cách máy móc: khổ giấy, lề, phông, cỡ chữ,
    đậm/nghiêng/in hoa từng thành phần, canh lề, lùi đầu dòng, khoảng cách, số trang (an toàn, mặc
    định); với --unsafe-fixes cả những lỗi phải thay đổi chữ. Không bao giờ tự thêm phần còn thiếu,
    đánh số lại hay sửa câu chữ. Sau khi sửa, vbhc kiểm tra lại bản sao và hoàn tác sửa nào làm phát
    sinh lỗi mới. Mã thoát: 0 bản sao không còn lỗi, 1 còn lỗi, 2 không đọc được tệp."""
    from vbhc.check import load_config
    from vbhc.fileio import write_atomic
    from vbhc.readers import not_a_docx
    from vbhc.review.fix import fix_file

    what = not_a_docx(file)
    if what is not None:
        fail(f"{file}: " + NOT_DOCX.format(ext=what))
    target = output or default_output(file)
    if not diff:
        no_overwrite({"-o": target}, [file, config_path])
    config = load_config(config_path)
    with about(file):
        result = fix_file(file, unsafe=unsafe, track=track, config=config)
    emit(render(result, diff=diff))
    if not diff:
        write_atomic(target, result.output)
    say(summary(result, None if diff else target, unsafe=unsafe))
    sys.exit(1 if result.errors else 0)


def _where(o: Outcome) -> str:
    f = o.finding
    place = ", ".join(x for x in (f.part, f"trang {f.page}" if f.page else None) if x)
    return place or "văn bản"


def render(result: FixResult, *, diff: bool) -> str:
    """Each fix applied (with --diff: each line before and after), then the ones not applied."""
    from vbhc.fixes import describe_change
    from vbhc.terminal import printable

    path = shown(result.path)
    out: list[str] = []
    for o in result.outcomes:
        if o.status != "applied":
            continue
        out.append(f"{path}: {printable(_where(o))}: {o.finding.rule} {printable(o.fix.description)}")
        if diff:
            for before, after in zip(o.before, o.after, strict=True):
                out.append(f"  - {printable(before)}")
                out.append(f"  + {printable(after)}")
            out.extend(f"  {printable(describe_change(c))}" for c in o.fix.changes if c.target != "text")
    for o in result.outcomes:
        if o.status in STATUS_WORDS and o.status != "unchanged":
            reason = f": {o.reason}" if o.reason else ""
            out.append(f"{path}: {printable(_where(o))}: {o.finding.rule} {STATUS_WORDS[o.status]}{printable(reason)}")
    return "\n".join(out) + ("\n" if out else "")


def summary(result: FixResult, target: str | None, *, unsafe: bool) -> str:
    """One line: how many fixes, where the copy is, what waits behind --unsafe-fixes, what is left."""
    applied = [o for o in result.outcomes if o.status == "applied"]
    text = sum(1 for o in applied if not o.fix.safe)
    waiting = result.count("unsafe")
    verb = "Đã sửa" if target else "Sẽ sửa"
    line = f"{verb} {len(applied)} phát hiện" + (f" ({len(applied) - text} định dạng, {text} thay đổi chữ)"
                                                   if text else "")
    line += f", ghi vào {shown(target)}" if target else " (--diff: không ghi tệp nào)"
    if not result.changed and target:
        line += " (không có gì để sửa: bản sao giống hệt tệp gốc)"
    if waiting and not unsafe:
        line += f"; {waiting} sửa thay đổi chữ đang chờ, chạy lại với --unsafe-fixes"
    errors = result.errors
    left = len(result.remaining)
    line += f"; còn {left} phát hiện ({errors} lỗi)" if left else "; không còn phát hiện nào"
    return line + "."


# --- vbhc check --annotate -----------------------------------------------------------------------

def check_annotate_usage(files: tuple[str, ...], output: str, other_inputs: list[str | None]) -> None:
    """--annotate takes one .docx and never writes over an input (checked before anything runs)."""
    if len(files) != 1:
        fail(f"--annotate chỉ dùng với một tệp .docx (đang có {len(files)} tệp)")
    from vbhc.readers import not_a_docx

    what = not_a_docx(files[0])
    if what is not None:
        fail(f"{files[0]}: --annotate chỉ ghi được chú thích vào tệp Word .docx (tệp này là {what})")
    no_overwrite({"--annotate": output}, [*files, *other_inputs])


def write_annotated(result: object, output: str) -> None:
    """The annotated copy of the checked file (nothing is written for a file that could not be read)."""
    from vbhc.report.results import FileResult
    from vbhc.review.annotate import annotate_file

    assert isinstance(result, FileResult)
    if result.error is not None:
        say(f"{result.path}: không đọc được nên không ghi --annotate {output}")
        return
    with about(result.path):
        placed = annotate_file(result.path, result.findings, output)
    say(f"Đã ghi {shown(output)}: {placed} chú thích của vbhc (mở bằng Word, tab Review để xem).")
