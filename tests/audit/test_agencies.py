"""The list of agencies that must submit (`--expected`): reading it, and matching a file to an agency."""

from __future__ import annotations

import pytest
from audit_helpers import PARENT, vbhc

from vbhc.audit.agencies import Agencies, Agency, AuditError, initials, key, read_agencies, symbol_unit

SAME = [
    ("UBND xã Hưng Nguyên", "ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN"),
    ("Ủy ban nhân dân xã Hưng Nguyên", "Uỷ ban nhân dân xã Hưng Nguyên"),  # old tone placement
    ("xã Hưng Nguyên", "UBND XÃ HƯNG NGUYÊN"),
    ("Sở GD&ĐT", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
    ("Sở GD & ĐT", "Sở Giáo dục và Đào tạo"),
    ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
    ("Sở Văn hóa, Thể thao và Du lịch", "SỞ VĂN HOÁ, THỂ THAO VÀ DU LỊCH"),
    ("HĐND tỉnh Nghệ An", "Hội đồng nhân dân tỉnh Nghệ An"),
    ("UBND TP. Vinh", "Ủy ban nhân dân thành phố Vinh"),
]
DIFFERENT = [("xã Hưng Nguyên", "xã Hưng Nguyên Nam"), ("Sở Tư pháp", "Sở Tài chính"), ("xã Nam Đàn", "phường Nam Đàn")]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_one_agency_however_written(a, b):
    assert key(a) == key(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_agencies_stay_apart(a, b):
    assert key(a) != key(b)


def test_short_names():
    assert initials("Sở Giáo dục và Đào tạo") == "sgddt" == symbol_unit("KH-SGDĐT")
    assert initials("Sở Tư pháp") == "stp" == symbol_unit("45/KH-STP")
    assert symbol_unit("KH-UBND") == "ubnd" and symbol_unit(None) == "" and symbol_unit("KH") == ""
    assert symbol_unit("KH-SNV-CCHC") == "snv" and symbol_unit("KH-SNN&MT") == "snnmt"


LIST = Agencies([Agency("Sở Tư pháp"), Agency("Sở Xây dựng"), Agency("Văn phòng UBND tỉnh", short="VPUB"),
                 Agency("xã Hưng Nguyên"), Agency("phường Hưng Nguyên Nam")])


def test_matched_by_issuer_then_symbol_then_file_name():
    found = LIST.match("ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN", "KH-UBND", "a.pdf")
    assert found is not None and (found.agency.name, found.by) == ("xã Hưng Nguyên", "issuer")
    found = LIST.match("VĂN PHÒNG", "KH-VPUB", "b.docx")  # an issuer cut short; the symbol says who
    assert found is not None and (found.agency.name, found.by) == ("Văn phòng UBND tỉnh", "symbol")
    found = LIST.match(None, None, "nop/so-xay-dung.docx")  # unreadable: no issuer, the file's name
    assert found is not None and (found.agency.name, found.by) == ("Sở Xây dựng", "file_name")


def test_no_match_rather_than_a_guess():
    assert LIST.match("SỞ Y TẾ", "KH-SYT", "so-y-te.docx") is None  # not on the list
    assert LIST.match("ỦY BAN NHÂN DÂN", "KH-UBND", "x.txt") is None  # the collective alone names no one
    assert LIST.match("SỞ Y TẾ", None, "so-xay-dung.docx") is None  # a file name is only for files without issuer
    twins = Agencies([Agency("Sở Tài chính"), Agency("Sở Tư pháp", short="STC")])
    assert twins.match(None, "KH-STC", "x.txt") is None  # two agencies answer to STC: no match


def test_commune_named_without_its_kind():
    found = Agencies([Agency("Hưng Nguyên")]).match("ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN", None, "x")
    assert found is not None and found.agency.name == "Hưng Nguyên"


def test_read_txt(tmp_path):
    path = tmp_path / "co-quan.txt"
    path.write_text("\ufeff# phải nộp\nSở Tư pháp\n\n  UBND xã Nam Đàn  \n", encoding="utf-8")
    agencies = read_agencies(path)
    assert [(a.name, a.level, a.line) for a in agencies] == [("Sở Tư pháp", "so", 2), ("UBND xã Nam Đàn", "xa", 4)]


def test_read_yaml(tmp_path):
    path = tmp_path / "co-quan.yaml"
    path.write_text("co quan:\n  - Sở Tư pháp\n  - name: Văn phòng UBND tỉnh\n    short: VPUB\n    level: sở\n"
                    "  - {tên: Xã Nam Đàn, cấp: xã}\n", encoding="utf-8")
    agencies = list(read_agencies(path))
    assert [(a.name, a.short, a.level) for a in agencies] == [
        ("Sở Tư pháp", None, "so"), ("Văn phòng UBND tỉnh", "VPUB", "so"), ("Xã Nam Đàn", None, "xa")]
    assert [a.line for a in agencies] == [2, 3, 6]


def test_read_csv_with_header_and_semicolons(tmp_path):
    path = tmp_path / "co-quan.csv"
    path.write_text("Tên cơ quan;Viết tắt;Cấp\nSở Tư pháp;STP;sở\nPhường Vinh Phú;;phường\n", encoding="utf-8")
    agencies = list(read_agencies(path))
    assert [(a.name, a.short, a.level, a.line) for a in agencies] == [
        ("Sở Tư pháp", "STP", "so", 2), ("Phường Vinh Phú", None, "xa", 3)]


def test_read_csv_without_header(tmp_path):
    path = tmp_path / "co-quan.csv"
    path.write_text("Sở Tư pháp,STP\nSở Y tế,SYT\n", encoding="utf-8")
    assert [(a.name, a.short) for a in read_agencies(path)] == [("Sở Tư pháp", "STP"), ("Sở Y tế", "SYT")]


@pytest.mark.parametrize(("name", "content", "words"), [
    ("a.txt", "Sở Tư pháp\nSỞ TƯ PHÁP\n", "a.txt, dòng 2: \"SỞ TƯ PHÁP\" trùng với \"Sở Tư pháp\" ở dòng 1"),
    ("a.txt", "# chỉ có ghi chú\n", "không có cơ quan nào"),
    ("a.csv", "Tên,Cấp\nSở Tư pháp,huyện\n", "a.csv, dòng 2: cấp \"huyện\" không rõ"),
    ("a.yaml", "- name: Sở Tư pháp\n  - x\n", "không đúng cú pháp YAML"),
    ("a.yaml", "ten: Sở Tư pháp\n", "phải là một danh sách"),
    ("a.docx", "x", "phải là tệp .txt"),
])
def test_lists_that_cannot_be_used(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AuditError) as err:
        read_agencies(path)
    assert words in str(err.value)


def test_not_utf8(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"S\xf4 T\xfa ph\xe1p\n")  # a Windows code page, not UTF-8
    with pytest.raises(AuditError, match="không phải văn bản UTF-8"):
        read_agencies(path)


def test_command_line_refuses_a_bad_list_before_checking(tmp_path):
    folder = tmp_path / "nop"
    folder.mkdir()
    (folder / "a.txt").write_text("x\n", encoding="utf-8")
    listed = tmp_path / "co-quan.csv"
    listed.write_text("Tên,Cấp\nSở Tư pháp,huyện\n", encoding="utf-8")
    proc = vbhc("audit", str(folder), "--against", str(PARENT), "--expected", str(listed),
                "--json", str(tmp_path / "r.json"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().endswith("dòng 2: cấp \"huyện\" không rõ (viết: sở, xã, phường hoặc tỉnh)")
    assert not (tmp_path / "r.json").exists()
    missing = vbhc("audit", str(folder), "--expected", str(tmp_path / "khong-co.txt"))
    assert missing.returncode == 2 and "khong-co.txt" in missing.stderr and "Traceback" not in missing.stderr


def test_a_list_inside_the_folder_is_not_a_submission(tmp_path):
    from vbhc.audit import run_audit

    folder = tmp_path / "nop"
    folder.mkdir()
    (folder / "ghi-chu.txt").write_text("Ghi chú\n", encoding="utf-8")
    listed = folder / "co-quan.txt"
    listed.write_text("Sở Tư pháp\n", encoding="utf-8")
    result = run_audit(folder, jobs=1, journal=tmp_path / "r.jsonl", expected=read_agencies(listed)).result
    assert [r["path"] for r in result["files"]] == ["ghi-chu.txt"]
    assert result["skipped"] == [{"path": "co-quan.txt", "reason": "danh sách cơ quan phải nộp kế hoạch (--expected)"}]
    assert result["summary"]["missing_agencies"] == ["Sở Tư pháp"]
