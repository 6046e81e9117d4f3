"""The attacks of issue 12 on everything around the readers, each reproduced: exit 2 with one
Vietnamese line (or handled), within 10 s and 500 MB, no input modified, no traceback.

Each command runs in a child process (hostile_build.run_cli) whose time and peak memory are
measured; a child that hangs is killed and fails its test.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_build import MEMORY_BOUND_MB, TIME_BOUND_S, Run, run_cli, small_docx

ROOT = Path(__file__).resolve().parents[2]
PARENT = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
TEMPLATES = ROOT / "src" / "vbhc" / "templates"
POSIX = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and sockets need a POSIX system")


def one_line(run: Run, *fragments: str, code: int = 2) -> str:
    """Exit `code`, exactly one line on stderr holding every fragment, no traceback, in bounds."""
    assert run.code == code, (run.code, run.stderr[-2000:])
    lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    assert lines[0].startswith("vbhc: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    assert run.seconds < TIME_BOUND_S and run.max_rss_mb < MEMORY_BOUND_MB, (run.seconds, run.max_rss_mb)
    return lines[0]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder` with its bytes and mtime: to prove nothing was modified or added."""
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture
def parent(tmp_path: Path) -> Path:
    path = tmp_path / "ke-hoach-tinh.txt"
    shutil.copy(PARENT, path)
    return path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "du-lieu.yaml"
    shutil.copy(TEMPLATES / "thong-bao.example.yaml", path)
    return path


# --- 1. outputs that are inputs --------------------------------------------------------------------

def _links(tmp_path: Path, target: Path) -> list[Path]:
    soft = tmp_path / f"lien-ket-{target.name}"
    soft.symlink_to(target)
    hard = tmp_path / f"cung-inode-{target.name}"
    os.link(target, hard)
    return [target, soft, hard]


def test_profile_output_is_its_input(tmp_path: Path, parent: Path) -> None:
    for out in _links(tmp_path, parent):
        before = snapshot(tmp_path)
        one_line(run_cli("profile", str(parent), "-o", str(out)), "-o", "tệp đầu vào", "không bao giờ ghi đè")
        assert snapshot(tmp_path) == before, out


def test_new_output_is_its_data(tmp_path: Path, data: Path) -> None:
    for out in _links(tmp_path, data):
        before = snapshot(tmp_path)
        one_line(run_cli("new", "thong-bao", "--data", str(data), "-o", str(out)), "tệp đầu vào")
        assert snapshot(tmp_path) == before


def test_new_pdf_beside_the_output_is_its_data(tmp_path: Path) -> None:
    data = tmp_path / "tb.pdf"  # a YAML data file named .pdf: `-o tb.docx --pdf` would write tb.pdf
    shutil.copy(TEMPLATES / "thong-bao.example.yaml", data)
    before = snapshot(tmp_path)
    one_line(run_cli("new", "thong-bao", "--data", str(data), "-o", str(tmp_path / "tb.docx"), "--pdf"),
             "--pdf", "tệp đầu vào")
    assert snapshot(tmp_path) == before


def test_draft_output_is_the_parent_plan(tmp_path: Path, parent: Path) -> None:
    for out in _links(tmp_path, parent):
        before = snapshot(tmp_path)
        one_line(run_cli("draft", "--against", str(parent), "--agency", "Sở Tư pháp", "-o", str(out)), "tệp đầu vào")
        assert snapshot(tmp_path) == before


def _audit_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "nop"
    folder.mkdir()
    (folder / "a.docx").write_bytes(small_docx("Điều 1. Nội dung."))
    (folder / "b.txt").write_text("Kế hoạch của sở.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("option", ["--xlsx", "--html", "--json"])
def test_audit_report_over_a_plan_in_the_folder(tmp_path: Path, parent: Path, option: str) -> None:
    folder = _audit_folder(tmp_path)
    before = snapshot(tmp_path)
    for target in (folder / "a.docx", folder / "b.txt"):
        one_line(run_cli("audit", str(folder), "--against", str(parent), option, str(target), cwd=tmp_path),
                 option, "thư mục đang kiểm tra")
    assert snapshot(tmp_path) == before  # no report, no journal, nothing replaced


def test_audit_report_over_the_parent_plan(tmp_path: Path, parent: Path) -> None:
    folder = _audit_folder(tmp_path)
    link = tmp_path / "bao-cao.html"
    link.symlink_to(parent)
    before = snapshot(tmp_path)
    for target in (parent, link):
        one_line(run_cli("audit", str(folder), "--against", str(parent), "--html", str(target), cwd=tmp_path),
                 "--html", "tệp đầu vào")
    assert snapshot(tmp_path) == before


def test_audit_report_that_is_its_own_journal(tmp_path: Path, parent: Path) -> None:
    folder = _audit_folder(tmp_path)
    before = snapshot(tmp_path)
    one_line(run_cli("audit", str(folder), "--against", str(parent), "--json", str(tmp_path / "r.jsonl"),
                     cwd=tmp_path), "nhật ký", "phải khác nhau")
    assert snapshot(tmp_path) == before


def test_a_new_report_inside_the_folder_is_allowed(tmp_path: Path, parent: Path) -> None:
    folder = _audit_folder(tmp_path)
    run = run_cli("audit", str(folder), "--against", str(parent), "--json", str(folder / "ket-qua.json"),
                  cwd=tmp_path)
    assert run.code in (0, 1, 2) and "Traceback" not in run.stderr
    assert (folder / "ket-qua.json").exists() and (folder / "a.docx").read_bytes().startswith(b"PK")


# --- 3. devices, FIFOs, sockets --------------------------------------------------------------------

@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("FIFOs need a POSIX system")
    path = tmp_path / "ong.txt"
    os.mkfifo(path)
    return path


@pytest.fixture
def zero(tmp_path: Path) -> Path:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    path = tmp_path / "khong.txt"
    path.symlink_to("/dev/zero")
    return path


@pytest.mark.parametrize("make", ["fifo", "zero"])
def test_parse_refuses_by_kind(request: pytest.FixtureRequest, make: str) -> None:
    path = request.getfixturevalue(make)
    one_line(run_cli("parse", str(path)), str(path), "không phải tệp", "thông thường")


@pytest.mark.parametrize("make", ["fifo", "zero"])
def test_check_reports_the_kind_as_an_unreadable_file(request: pytest.FixtureRequest, make: str) -> None:
    path = request.getfixturevalue(make)
    run = run_cli("check", str(path))
    assert run.code == 2 and "Traceback" not in run.stderr
    assert f"{path}: không đọc được: đây là" in run.stdout
    assert run.seconds < TIME_BOUND_S and run.max_rss_mb < MEMORY_BOUND_MB


@pytest.mark.parametrize("make", ["fifo", "zero"])
@pytest.mark.parametrize("args", [
    ["new", "thong-bao", "-o", "{out}", "--data", "{bad}"],
    ["check", "{plan}", "--profile", "{bad}"],
    ["check", "{plan}", "--config", "{bad}"],
    ["check", "{plan}", "--against", "{bad}"],
    ["draft", "--profile", "{bad}", "--agency", "Sở Tư pháp", "-o", "{out}"],
], ids=["new--data", "check--profile", "check--config", "check--against", "draft--profile"])
def test_every_option_that_reads_refuses_by_kind(request: pytest.FixtureRequest, tmp_path: Path, make: str,
                                                  args: list[str]) -> None:
    bad = request.getfixturevalue(make)
    plan = tmp_path / "kh.txt"
    plan.write_text("Kế hoạch.\n", encoding="utf-8")
    argv = [a.format(bad=bad, plan=plan, out=tmp_path / "ra.docx") for a in args]
    one_line(run_cli(*argv), str(bad), "không phải")
    assert not (tmp_path / "ra.docx").exists()


@POSIX
def test_a_socket_is_refused_by_its_kind(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(str(path))
        one_line(run_cli("parse", str(path)), "socket")
    finally:
        sock.close()


def test_fileio_checks_the_kind_again_once_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file swapped for a FIFO between the check and `open` is refused, never blocks: the open
    is non-blocking and fstat decides."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("FIFOs need a POSIX system")
    from vbhc import fileio
    from vbhc.errors import InputError

    path = tmp_path / "doi.txt"
    os.mkfifo(path)
    monkeypatch.setattr(fileio, "regular_file", lambda p, what="tệp": os.stat(p))
    start = time.monotonic()
    with pytest.raises(InputError, match="FIFO"):
        fileio.read_bounded(path, 1024)
    assert time.monotonic() - start < 2


# --- 7. YAML ---------------------------------------------------------------------------------------

ALIAS_BOMB = "\n".join(
    ["issuer: ỦY BAN NHÂN DÂN XÃ A", "a: &a [\"Căn cứ Luật\", \"Căn cứ Luật\", \"Căn cứ Luật\", \"Căn cứ Luật\"]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    + ["can_cu: *i", ""])


def _bomb_profile() -> str:
    return "\n".join(
        ["parent: {number: '1', symbol: KH-UBND, date: 2025-07-15}",
         "t0: &t0 {indicator: tỷ lệ hồ sơ, text: đạt 95%, op: '>=', value: 95, unit: '%'}"]
        + [f"t{i + 1}: &t{i + 1} [" + ", ".join([f"*t{i}"] * 9) + "]" for i in range(8)]
        + ["areas: []", "targets: *t8", ""])


def _deep(depth: int) -> str:
    return "issuer: x\ncan_cu: " + "[" * depth + "]" * depth + "\n"


@pytest.mark.parametrize("name, text, words", [
    ("bom.yaml", ALIAS_BOMB, "quá nhiều mục"),
    ("sau.yaml", _deep(100_000), "lồng nhau quá sâu"),
    ("vong.yaml", "issuer: &a [x, *a]\n", "tham chiếu vòng"),
    ("nhi-phan.yaml", "issuer: !!binary AAAA\n", "kiểu giá trị binary"),  # found by the fuzzer
    ("tap-hop.yaml", "issuer: !!set {a, b}\n", "kiểu giá trị set"),
    ("dieu-khien.yaml", 'issuer: "UBND\\x1b[2J"\n', "ký tự điều khiển \\x1b ở dòng 1"),  # found by the fuzzer
    ("lon.yaml", "can_cu:\n" + "  - Căn cứ Luật Tổ chức chính quyền địa phương;\n" * 30_000, "quá lớn"),
])
def test_yaml_limits_for_data(tmp_path: Path, name: str, text: str, words: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    one_line(run_cli("new", "thong-bao", "--data", str(path), "-o", str(tmp_path / "ra.docx")), str(path), words)
    assert not (tmp_path / "ra.docx").exists()


@pytest.mark.parametrize("name, text, words", [
    ("bom.yaml", _bomb_profile(), "quá nhiều mục"),
    ("sau.yaml", "areas: " + "[" * 100_000 + "]" * 100_000 + "\n", "lồng nhau quá sâu"),
    ("lon.yaml", "areas: []\n# " + "x" * (20 * 1024 * 1024) + "\n", "quá lớn"),
])
def test_yaml_limits_for_profiles(tmp_path: Path, name: str, text: str, words: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    plan = tmp_path / "kh.txt"
    plan.write_text("Kế hoạch.\n", encoding="utf-8")
    one_line(run_cli("check", str(plan), "--profile", str(path)), str(path), words)


def test_a_draft_from_a_parent_plan_with_control_characters(tmp_path: Path) -> None:
    """Found by the fuzzer: ESC in a parent plan's target reached the .docx writer (XML cannot hold it)."""
    parent = tmp_path / "kh.txt"
    parent.write_text(PARENT.read_text(encoding="utf-8").replace("95%", "95%\x1b[2J\x07", 3), encoding="utf-8")
    out = tmp_path / "kh-stp.docx"
    run = run_cli("draft", "--against", str(parent), "--agency", "Sở Tư pháp", "--date", "25/07/2025", "-o", str(out))
    assert run.code == 0 and "Traceback" not in run.stderr, run.stderr
    from vbhc.parse import parse_file

    assert "95%" in "".join(b.text for b in parse_file(out).source.blocks)


# --- 8. tracebacks -------------------------------------------------------------------------------

def test_impossible_unquoted_date_in_template_data(tmp_path: Path) -> None:
    text = (TEMPLATES / "thong-bao.example.yaml").read_text(encoding="utf-8")
    path = tmp_path / "ngay.yaml"
    path.write_text("\n".join("date: 2026-02-30" if ln.startswith("date:") else ln for ln in text.splitlines()),
                    encoding="utf-8")
    one_line(run_cli("new", "thong-bao", "--data", str(path), "-o", str(tmp_path / "ra.docx")), "`date`",
             "ngày có thật")


@pytest.mark.parametrize("template, key, value", [
    ("giay-moi", "luu", "-1"),  # found by the fuzzer: storage_line iterated over an int
    ("quyet-dinh", "signer", "{name: Nguyễn Văn A, positions: 5}"),  # found by the fuzzer
    ("quyet-dinh", "number", "1" * 5000),  # found by the fuzzer: int() of 5,000 digits raises
])
def test_odd_types_in_template_data(tmp_path: Path, template: str, key: str, value: str) -> None:
    text = (TEMPLATES / f"{template}.example.yaml").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines()]
    start = next(i for i, ln in enumerate(lines) if ln.startswith(f"{key}:"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "-", "")), len(lines))
    path = tmp_path / "d.yaml"
    path.write_text("\n".join([*lines[:start], f"{key}: {value}", *lines[end:]]) + "\n", encoding="utf-8")
    run = run_cli("new", template, "--data", str(path), "-o", str(tmp_path / "ra.docx"))
    assert run.code in (0, 2) and "lỗi nội bộ" not in run.stderr and "Error" not in run.stderr, run.stderr


@pytest.mark.parametrize("items, said", [
    ("yes", "“items” phải là danh sách các dòng bên dưới, không phải “yes”"),  # found by the CLI fuzzer
    ("12", "không phải “12”"),
])
def test_a_heading_whose_items_are_not_a_list(tmp_path: Path, items: str, said: str) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("issuer: ỦY BAN NHÂN DÂN PHƯỜNG TRƯỜNG VINH\nabbr: UBND\nnumber: 6\ndate: 2026-04-20\n"
                    "place: Trường Vinh\ntitle: Ứng phó với thiên tai\nsections:\n  - heading: Tình huống\n"
                    "    items:\n      - heading: Khi xảy ra ngập lụt\n"
                    f"        items: {items}\nsigner:\n  positions: [CHỦ TỊCH]\n  name: Hoàng Thị Em\n"
                    "recipients: [Các tổ dân phố]\nluu: VP\n", encoding="utf-8")
    run = run_cli("new", "phuong-an", "--data", str(path), "-o", str(tmp_path / "ra.docx"))
    assert run.code == 2 and "Error" not in run.stderr, run.stderr
    assert "mục “Khi xảy ra ngập lụt”" in run.stderr and said in run.stderr, run.stderr
    assert not (tmp_path / "ra.docx").exists()


def test_dates_as_officers_write_them_in_template_data(tmp_path: Path) -> None:
    text = (TEMPLATES / "thong-bao.example.yaml").read_text(encoding="utf-8")
    for i, written in enumerate(["25/07/2025", "2025-07-25", '"ngày 25 tháng 7 năm 2025"']):
        path = tmp_path / f"ngay{i}.yaml"
        path.write_text("\n".join(f"date: {written}" if ln.startswith("date:") else ln for ln in text.splitlines()),
                        encoding="utf-8")
        out = tmp_path / f"tb{i}.json"
        run = run_cli("new", "thong-bao", "--data", str(path), "-o", str(out))
        assert run.code == 0, run.stderr
        assert '"date": "2025-07-25"' in out.read_text(encoding="utf-8")


DISK_FULL = """
import errno, os
def _full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
os.replace = _full
"""


@pytest.mark.parametrize("args", [
    ["new", "thong-bao", "--data", "{data}", "-o", "{out}/tb.docx"],
    ["profile", "{parent}", "-o", "{out}/p.yaml"],
    ["audit", "{folder}", "--json", "{out}/kq.json"],
], ids=["new", "profile", "audit"])
def test_disk_full_names_the_file(tmp_path: Path, data: Path, parent: Path, args: list[str]) -> None:
    out = tmp_path / "ra"
    out.mkdir()
    folder = _audit_folder(tmp_path)
    argv = [a.format(data=data, parent=parent, out=out, folder=folder) for a in args]
    run = run_cli(*argv, preamble=DISK_FULL, cwd=tmp_path)
    line = [ln for ln in run.stderr.splitlines() if "ổ đĩa" in ln]
    assert run.code == 2 and line, run.stderr
    assert "ổ đĩa đã đầy" in line[0] and str(out) in line[0] and "None" not in run.stderr
    assert "Traceback" not in run.stderr and "No space" not in run.stderr
    assert [p.name for p in out.iterdir() if not p.name.endswith(".jsonl")] == []  # nor any temporary


def test_ctrl_c_at_the_start_of_an_audit(tmp_path: Path) -> None:
    """SIGINT to vbhc while the audit starts: Vietnamese, exit 130, never click's "Aborted!"."""
    folder = tmp_path / "nop"
    folder.mkdir()
    for i in range(40):
        shutil.copy(PARENT, folder / f"kh-{i:02d}.txt")
    env = {k: v for k, v in os.environ.items() if not k.startswith("VBHC_")}
    # SIGINT back to its default in the child: a suite run in the background (`cmd &`) ignores it,
    # and Python then never raises KeyboardInterrupt
    proc = subprocess.Popen([sys.executable, "-m", "vbhc", "audit", str(folder), "--jobs", "1"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline()  # "vbhc: không có --against/--profile: …": the audit has started
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    err = first + err
    # 130, or killed by the SIGINT itself once the message is out: a shell sees $? = 130 either way
    assert proc.returncode in (130, -signal.SIGINT), err
    assert "Aborted!" not in err and "đã dừng" in err
    assert "Traceback" not in err.split("đã dừng")[0]  # the audit's own lines (its workers: issue 12 #8)


def test_ctrl_c_anywhere_else() -> None:
    from click.testing import CliRunner

    from vbhc.cli import cli

    def interrupted(path: str) -> None:
        raise KeyboardInterrupt

    import vbhc.parse

    original = vbhc.parse.parse_file
    vbhc.parse.parse_file = interrupted  # type: ignore[assignment]
    try:
        result = CliRunner().invoke(cli, ["parse", str(PARENT)])
    finally:
        vbhc.parse.parse_file = original
    assert result.exit_code == 130
    assert "đã dừng theo yêu cầu" in result.stderr and "Aborted" not in result.output


# --- 9. slow text ----------------------------------------------------------------------------------

@pytest.mark.parametrize("head, line, count", [
    ("KẾ HOẠCH", "về việc cải cách hành chính", 5_000),  # short lines: the reader does not join them
    ("", "(Kèm theo Quyết định số 2228/QĐ-UBND ngày 15/7/2025", 5_000),
])
def test_long_header_runs_parse_in_time(tmp_path: Path, head: str, line: str, count: int) -> None:
    path = tmp_path / "dai.txt"
    path.write_text(head + "\n" + (line + "\n") * count, encoding="utf-8")
    assert path.stat().st_size < 2 * 1024 * 1024
    run = run_cli("parse", "--format", "json", str(path), kill_after=2 * TIME_BOUND_S)
    assert run.code == 0 and run.seconds < TIME_BOUND_S, (run.code, run.seconds)


def test_text_reader_is_linear_on_25000_short_lines(tmp_path: Path) -> None:
    """The reader's share of a 1 MB, 25,000-line text (the parse owner has the rest)."""
    from vbhc.readers.text import lines_to_blocks

    lines = PARENT.read_text(encoding="utf-8").splitlines()
    text = "\n".join(lines[i % len(lines)][:38] for i in range(25_000))
    start = time.monotonic()
    blocks = lines_to_blocks(text)
    assert time.monotonic() - start < 5 and len(blocks) > 10_000


# --- 11. a valid .docx with no text -----------------------------------------------------------------

@pytest.fixture
def empty_docx(tmp_path: Path) -> Path:
    from docx import Document

    doc = Document()
    doc.add_paragraph("   ")
    doc.add_table(rows=2, cols=2)
    path = tmp_path / "trong.docx"
    doc.save(str(path))
    return path


def test_parse_says_the_file_holds_no_text(empty_docx: Path) -> None:
    one_line(run_cli("parse", str(empty_docx)), str(empty_docx), "không có chữ nào")


def test_check_gives_one_finding_for_a_file_with_no_text(empty_docx: Path) -> None:
    import json

    run = run_cli("check", "--format", "json", str(empty_docx))
    assert run.code == 1, run.stderr
    (result,) = json.loads(run.stdout)["files"]
    assert [f["rule"] for f in result["findings"]] == ["VBHC.KhongCoNoiDung"]


# --- 5. terminal escapes ---------------------------------------------------------------------------

ESCAPES = "\x1b]0;bị chiếm\x07\x1b[2J"


def test_escapes_in_text_and_names_never_reach_the_terminal(tmp_path: Path) -> None:
    folder = tmp_path / f"thư mục{ESCAPES}"
    folder.mkdir()
    path = folder / f"kh{ESCAPES}.txt"  # XML cannot hold ESC: a .docx never carries one, a .txt can
    path.write_text(f"ỦY BAN NHÂN DÂN {ESCAPES}TỈNH A\nSố: 12 /KH-UBND{ESCAPES}\nKẾ HOẠCH\nVề việc {ESCAPES}\n",
                    encoding="utf-8")
    for args in (["parse", str(path)], ["check", str(path)], ["parse", str(folder / "khong-co.txt")]):
        run = run_cli(*args)
        assert "Traceback" not in run.stderr, run.stderr
        for stream in (run.stdout, run.stderr):
            assert "\x1b" not in stream and "\x07" not in stream, (args, stream[:300])
        assert "\\x1b" in run.stdout + run.stderr


@pytest.mark.parametrize("command", ["parse", "check"])
def test_a_name_that_is_not_utf8_in_json(tmp_path: Path, command: str) -> None:
    """b"bad\\xff\\xfe.txt" arrives as lone surrogates, which no UTF-8 stream writes: escaped."""
    import json

    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/bad\xff\xfe.txt"))
    path.write_text("Kế hoạch số 1.\n", encoding="utf-8")
    run = run_cli(command, "--format", "json", str(path), env={"PYTHONIOENCODING": "utf-8"})
    assert run.code in (0, 1) and "Traceback" not in run.stderr, run.stderr
    data = json.loads(run.stdout)
    written = data["path"] if command == "parse" else data["files"][0]["path"]
    assert os.fsencode(written) == os.fsencode(path)


def test_an_output_that_is_a_device_is_refused(tmp_path: Path, parent: Path) -> None:
    one_line(run_cli("profile", str(parent), "-o", "/dev/full"), "/dev/full", "không phải tệp để ghi")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_permissions_are_not_loosened(tmp_path: Path, parent: Path) -> None:
    out = tmp_path / "p.yaml"
    out.write_text("cũ", encoding="utf-8")
    out.chmod(0o600)
    assert run_cli("profile", str(parent), "-o", str(out)).code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
