"""`vbhc audit`: a folder of submitted plans checked in worker processes, then the reports."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from vbhc.cli.common import CONFIG_HELP, command, emit, load_profile, no_overwrite, option
from vbhc.cli.frame import fail, say
from vbhc.errors import Interrupted

if TYPE_CHECKING:
    from vbhc.audit.agencies import Agencies


@command("audit", short_help="Kiểm tra cả thư mục kế hoạch và lập báo cáo tổng hợp (HTML, Excel, JSON).", examples=[
    "vbhc audit ke-hoach-nop/ --against ke-hoach-tinh.docx --html bao-cao.html --xlsx tong-hop.xlsx",
    "vbhc audit ke-hoach-nop/ --profile ho-so.yaml --json ket-qua.json --jobs 2",
    "vbhc audit ke-hoach-nop/ --against ke-hoach-tinh.docx --html bao-cao.html --resume   # làm tiếp",
    "vbhc audit ke-hoach-nop/ --against ke-hoach-tinh.docx --expected co-quan.txt --report-docx bao-cao.docx",
])
@click.argument("directory", metavar="THƯ_MỤC", type=click.Path(path_type=str))
@option("--against", type=click.Path(path_type=str), help="kế hoạch cấp trên để đối chiếu")
@option("--profile", "profile_path", type=click.Path(path_type=str), help="hồ sơ YAML của kế hoạch cấp trên")
@option("--json", "json_out", type=click.Path(dir_okay=False, path_type=str), help="ghi kết quả JSON")
@option("--html", "html_out", type=click.Path(dir_okay=False, path_type=str),
        help="ghi báo cáo HTML (một trang, mở không cần mạng)")
@option("--xlsx", "xlsx_out", type=click.Path(dir_okay=False, path_type=str), help="ghi bảng tính Excel")
@option("--expected", "expected_path", type=click.Path(dir_okay=False, path_type=str),
        help="danh sách cơ quan phải nộp kế hoạch (.txt mỗi dòng một cơ quan, hoặc .yaml, .csv: tên, tên viết "
             "tắt, cấp)")
@option("--report-docx", "docx_out", type=click.Path(dir_okay=False, path_type=str),
        help="ghi Báo cáo kết quả kiểm tra (.docx, đúng thể thức Nghị định 30/2020)")
@option("--report-agency", default="Sở Nội vụ", show_default=True,
        help="cơ quan ban hành Báo cáo (--report-docx)")
@option("--report-place", help="địa danh ghi trên Báo cáo (mặc định: tỉnh của kế hoạch cấp trên)")
@option("--jobs", type=click.IntRange(min=1), help="số tiến trình kiểm tra (mặc định: số lõi CPU)")
@option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
        help="thời gian tối đa cho một tệp (giây)")
@option("--resume", is_flag=True, help="tiếp tục đợt kiểm tra bị dừng (bỏ qua tệp đã có trong nhật ký)")
@option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str), help=CONFIG_HELP)
def audit(directory: str, against: str | None, profile_path: str | None, json_out: str | None,
          html_out: str | None, xlsx_out: str | None, expected_path: str | None, docx_out: str | None,
          report_agency: str, report_place: str | None, jobs: int | None, timeout: float, resume: bool,
          config_path: str | None) -> None:
    """Kiểm tra hàng loạt mọi tệp .docx, .doc, .odt, .rtf, .pdf, .txt trong một thư mục (thể thức và đối chiếu
    kế hoạch cấp trên) và lập báo cáo tổng hợp. Mã thoát: 0 không có lỗi, 1 có lỗi, 2 có tệp không đọc được."""
    if not os.path.exists(directory):
        fail(f"{directory}: không tìm thấy thư mục")
    if not os.path.isdir(directory):
        fail(f"{directory}: không phải thư mục")
    outputs = [p for p in (json_out, html_out, xlsx_out, docx_out) if p]
    for out in outputs:
        folder = Path(out).parent
        if not folder.is_dir():
            fail(f"{out}: không có thư mục {folder} để ghi báo cáo")
    from vbhc.audit.forkserver import prestart

    prestart()  # first: the workers' fork server loads while the rest is imported and the parent plan profiled
    from vbhc.audit import journal_path, rich_progress, run_audit, write_json
    from vbhc.check import load_config

    journal = journal_path(json_out, html_out, xlsx_out, docx_out)
    no_overwrite({"--json": json_out, "--html": html_out, "--xlsx": xlsx_out, "--report-docx": docx_out,
                  "nhật ký": str(journal)}, [against, profile_path, config_path, expected_path], folders=[directory])
    config = load_config(config_path)
    expected = _expected(expected_path)
    profile = load_profile(against, profile_path)
    if profile is None:
        say("không có --against/--profile: chỉ kiểm tra thể thức, không đối chiếu kế hoạch cấp trên.")
    place = _report_place(docx_out, profile, report_agency, report_place)
    try:
        with rich_progress() as progress:
            outcome = run_audit(directory, profile=profile, config=config, jobs=jobs, timeout=timeout,
                                journal=journal, resume=resume, exclude=outputs,
                                reference=[p for p in (against, profile_path) if p],
                                progress=progress, expected=expected, wait=False)
    except KeyboardInterrupt:
        raise Interrupted(f"đã dừng; kết quả đã kiểm tra nằm trong {journal}, chạy lại với --resume để làm "
                          "tiếp.") from None
    for note in outcome.notes:
        say(note)
    result = outcome.result
    if json_out:
        write_json(result, json_out)
    if html_out:
        from vbhc.report.html import write_html

        write_html(result, html_out, rows=outcome.rows)
    if xlsx_out:
        from vbhc.report.xlsx import write_xlsx

        write_xlsx(result, xlsx_out, rows=outcome.rows)
    if docx_out:
        from vbhc.report.baocao import write_report

        write_report(result, docx_out, agency=report_agency, place=place, rows=outcome.rows)
    from vbhc.audit import exit_code
    from vbhc.report.table import table_text

    emit(table_text(result, colour=sys.stdout.isatty(), rows=outcome.rows))  # (click's stdout: any terminal encoding)
    outcome.wait()
    sys.exit(exit_code(result))


def _expected(path: str | None) -> Agencies | None:
    """The --expected list, read before any file is checked (a list that cannot be used stops here)."""
    if path is None:
        return None
    from vbhc.audit.agencies import read_agencies

    return read_agencies(path)


def _report_place(docx_out: str | None, profile: object, agency: str, place: str | None) -> str | None:
    """Where the Báo cáo is dated: known before any file is checked, or the audit stops here."""
    if docx_out is None or place:
        return place
    from vbhc.audit.run import profile_json
    from vbhc.report.baocao import report_place

    found = report_place(profile_json(profile), agency)
    if found is None:
        fail(f"{docx_out}: không biết địa danh ghi trên Báo cáo: dùng --against hoặc --profile (địa danh của tỉnh "
             "ban hành kế hoạch cấp trên), hoặc --report-place")
    return found
