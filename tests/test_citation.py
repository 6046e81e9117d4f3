"""One grammar for a cited document (vbhc.citation): good and bad cases."""

from __future__ import annotations

import pytest

from vbhc.citation import find_all, first

GOOD = [
    ("Căn cứ Quyết định số 2228/QĐ-UBND ngày 15/7/2025 của UBND tỉnh Nghệ An về việc ban hành Kế hoạch",
     ("Quyết định", "2228", None, "QĐ-UBND", "2025-07-15", "UBND tỉnh Nghệ An", True)),
    ("Thực hiện Kế hoạch số 9669/KH-UBND ngày 24/12/2025 của Ủy ban nhân dân tỉnh Lâm Đồng về cải cách hành chính;",
     ("Kế hoạch", "9669", None, "KH-UBND", "2025-12-24", "Ủy ban nhân dân tỉnh Lâm Đồng", True)),
    ("theo Công văn số 3798/SNV-CCHC&VTLT của Sở Nội vụ.",
     ("Công văn", "3798", None, "SNV-CCHC&VTLT", None, "Sở Nội vụ", True)),
    ("Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư",
     ("Nghị định", "30", "2020", "NĐ-CP", "2020-03-05", "Chính phủ", True)),
    ("Quyết định 1187/QĐ-BNV", ("Quyết định", "1187", None, "QĐ-BNV", None, None, False)),
    ("(Kèm theo 2228/QĐ-UBND ngày 15 tháng 7 năm 2025)", (None, "2228", None, "QĐ-UBND", "2025-07-15", None, False)),
    ("quyết định số 12/QĐ-UBND, ngày 3/1/2026", ("Quyết định", "12", None, "QĐ-UBND", "2026-01-03", None, True)),
    ("Kế hoạch số 15/KH-UBND ngày 9.2.2026 của các sở", ("Kế hoạch", "15", None, "KH-UBND", "2026-02-09", None, True)),
]


@pytest.mark.parametrize("text,expected", GOOD)
def test_reads_each_part(text, expected):
    c = first(text)
    assert c is not None
    assert (c.doc_type, c.number, c.year, c.symbol, c.date, c.issuer, c.has_so) == expected
    assert text[c.start:c.end] == c.text and c.text.lower().startswith((c.doc_type or c.number).lower())


def test_ref_and_cite():
    (c,) = find_all("Nghị định số 30/2020/NĐ-CP ngày 05/3/2020")
    assert c.ref == "30/2020/NĐ-CP" and c.cite() == "30/2020/NĐ-CP ngày 5/3/2020"
    (d,) = find_all("Công văn số 3798/SNV-CCHC&VTLT")
    assert d.cite() == "3798/SNV-CCHC&VTLT"


def test_two_in_one_sentence():
    found = find_all("Căn cứ Quyết định số 1/QĐ-UBND ngày 2/1/2026 và Kế hoạch số 9669/KH-UBND ngày 24/12/2025;")
    assert [c.ref for c in found] == ["1/QĐ-UBND", "9669/KH-UBND"]
    assert [c.date for c in found] == ["2026-01-02", "2025-12-24"]


@pytest.mark.parametrize("text", ["đạt 95/100 điểm", "tỷ lệ 3/4 xã", "ngày 15/7/2025", "giảm 10% so với 2021",
                                  "Số: 12/kh-ubnd viết thường", "điểm 8/10"])
def test_not_a_citation(text):
    assert find_all(text) == []
