"""PDF reader: a Nơi nhận item its column was too narrow for is one Block, as from the .docx.

Word wraps a long item at the column's edge and goes on at the item's left edge, without a dash
("- Các sở, ngành: TC; XD; NN&MT; CT; YT;" / "KHCN, TP, Thanh tra tỉnh;"); read line by line, the
second line looked like an item without its dash (a false NoiNhan.GachDauDong). Hand-made pages: the
Nơi nhận in the left column from 60 pt, the signature centred in the right one.
"""

from __future__ import annotations

try:
    from .pdf_builder import Text, build_pdf, text_width
except ImportError:  # tests/readers is not a package: pytest put this folder on sys.path
    from pdf_builder import Text, build_pdf, text_width  # type: ignore[no-redef]

from vbhc.readers.pdf import read_pdf

HEADER = [Text(70, 60, "UBND TINH LAM DONG", 13), Text(330, 60, "CONG HOA XA HOI CHU NGHIA VIET NAM", 12),
          Text(90, 76, "VAN PHONG", 13), Text(350, 76, "Doc lap - Tu do - Hanh phuc", 13),
          Text(70, 100, "So: 12/TB-VP", 13), Text(330, 100, "Lam Dong, ngay 05 thang 02 nam 2026", 13),
          Text(250, 140, "THONG BAO", 14, "F2"), Text(150, 158, "Ket luan cua Chu tich UBND tinh", 13, "F2"),
          Text(85, 190, "Van phong thong bao ket luan nhu sau./.", 13)]
LONG = "- Cac so, nganh: TC; XD; NN&MT; CT; VH,TT&DL; YT;"


def page(items: list[str], size: float = 11.0) -> bytes:
    lines = [Text(60, 240, "Noi nhan:", 12, "F2"), Text(380, 240, "TL. CHU TICH", 13, "F2")]
    lines += [Text(60, 254 + 13 * i, item, size) for i, item in enumerate(items)]
    lines += [Text(370, 256, "KT. CHANH VAN PHONG", 13, "F2"), Text(368, 272, "PHO CHANH VAN PHONG", 13, "F2"),
              Text(385, 330, "Nguyen Van A", 13, "F2")]
    return build_pdf([HEADER + lines])


def recipients(tmp_path, items: list[str]) -> list[str]:
    path = tmp_path / "tb.pdf"
    path.write_bytes(page(items))
    blocks = read_pdf(str(path)).blocks
    start = next(i for i, b in enumerate(blocks) if b.text.startswith("Noi nhan"))
    return [b.text for b in blocks[start + 1:] if b.column == 0]


def test_an_item_wrapped_at_the_column_edge_is_one_block(tmp_path):
    assert text_width(LONG, 11.0) > text_width("- Chu tich, cac PCT UBND tinh;", 11.0)
    got = recipients(tmp_path, ["- Chu tich, cac PCT UBND tinh;", LONG, "KHCN, TP, Thanh tra tinh;", "- Luu: VT."])
    assert got == ["- Chu tich, cac PCT UBND tinh;", f"{LONG} KHCN, TP, Thanh tra tinh;", "- Luu: VT."]


def test_a_short_line_ends_its_item(tmp_path):
    # the line before did not reach the column's edge: what follows is an item of its own (its dash missing)
    got = recipients(tmp_path, [LONG, "- Chu tich;", "Thanh tra tinh;", "- Luu: VT."])
    assert got == [LONG, "- Chu tich;", "Thanh tra tinh;", "- Luu: VT."]

