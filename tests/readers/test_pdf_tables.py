"""PDF reader: cells of ruled tables become blocks with Block.table (table, row, col), as the .docx
reader gives them; borderless header columns stay columns. Hand-made tables drawn with stroked
lines or thin filled rectangles (as Word exports cell borders), and the real appendix of bc01."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbhc.model import Block, Source
from vbhc.parse import parse_file
from vbhc.readers.pdf import read_pdf

try:
    from .pdf_builder import A4, Text, build_pdf
except ImportError:  # tests/readers is not a package: pytest put this folder on sys.path
    from pdf_builder import A4, Text, build_pdf  # type: ignore[no-redef]

REAL = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "real"
NO_REAL = f"the real documents are not here ({REAL}): a clone without the shared folder"
HEIGHT = A4[1]
COLS = [85.0, 125.0, 400.0, 510.0]


def stroked(xs: list[float], ys: list[float], skip: set[tuple[int, int]] = frozenset()) -> str:  # type: ignore[assignment]
    """Grid lines as stroked paths; `skip` leaves out the vertical line `col` in row `row`."""
    ops = ["0.5 w"]
    for y in ys:
        ops.append(f"{xs[0]} {HEIGHT - y} m {xs[-1]} {HEIGHT - y} l S")
    for c, x in enumerate(xs):
        for r in range(len(ys) - 1):
            if (r, c) not in skip:
                ops.append(f"{x} {HEIGHT - ys[r]} m {x} {HEIGHT - ys[r + 1]} l S")
    return "\n".join(ops)


def filled(xs: list[float], ys: list[float]) -> str:
    """Grid lines as thin filled rectangles, one per cell side."""
    ops = []
    for y in ys:
        for x0, x1 in zip(xs, xs[1:], strict=False):
            ops.append(f"{x0} {HEIGHT - y - 0.25} {x1 - x0} 0.5 re f")
    for x in xs:
        for y0, y1 in zip(ys, ys[1:], strict=False):
            ops.append(f"{x - 0.25} {HEIGHT - y1} 0.5 {y1 - y0} re f")
    return "\n".join(ops)


ROWS = [200.0, 222.0, 262.0, 284.0]
CELLS = [
    Text(95, 215, "STT", 12, "F2"), Text(200, 215, "Noi dung", 12, "F2"), Text(420, 215, "Ket qua", 12, "F2"),
    Text(98, 237, "1.", 12), Text(130, 237, "Ra soat van ban quy pham phap luat cua tinh", 12),
    Text(130, 253, "trong nam 2025", 12), Text(440, 237, "100%", 12),
    Text(98, 277, "2.", 12), Text(130, 277, "Kiem tra cong tac", 12), Text(440, 277, "12", 12),
]
AROUND = [Text(85, 150, "Doan van truoc bang.", 12), Text(85, 330, "Doan van sau bang.", 12)]


def read(tmp_path: Path, pages: list[list[Text]], drawings: list[str]) -> Source:
    path = tmp_path / "t.pdf"
    path.write_bytes(build_pdf(pages, drawings=drawings))
    return read_pdf(path)


def cell(source: Source, text: str) -> Block:
    found = [b for b in source.blocks if b.text == text]
    assert len(found) == 1, (text, [b.text for b in source.blocks])
    return found[0]


def pos(block: Block) -> tuple[int, int, int] | None:
    return (block.table.table, block.table.row, block.table.col) if block.table else None


@pytest.mark.parametrize("draw", [stroked, filled])
def test_ruled_table_cells_are_table_blocks(tmp_path: Path, draw) -> None:
    source = read(tmp_path, [CELLS + AROUND], [draw(COLS, ROWS)])
    assert pos(cell(source, "STT")) == (0, 0, 0)
    assert pos(cell(source, "Ket qua")) == (0, 0, 2)
    wrapped = cell(source, "Ra soat van ban quy pham phap luat cua tinh trong nam 2025")  # one cell paragraph
    assert pos(wrapped) == (0, 1, 1)
    assert pos(cell(source, "12")) == (0, 2, 2)
    assert cell(source, "Doan van truoc bang.").table is None and cell(source, "Doan van sau bang.").table is None
    texts = [b.text for b in source.blocks]
    assert texts.index("Doan van truoc bang.") < texts.index("STT") < texts.index("Noi dung") < texts.index("1.")
    assert texts.index("12") < texts.index("Doan van sau bang.")
    assert all(b.column is None for b in source.blocks if b.table)
    assert all(b.table.borderless is False for b in source.blocks if b.table)


def test_a_cell_merged_across_columns_is_one_cell(tmp_path: Path) -> None:
    """The header row has no line between columns 1 and 2: "Chi tieu thong ke" spans them."""
    cells = [Text(95, 215, "STT", 12, "F2"), Text(330, 215, "Chi tieu thong ke", 12, "F2"),
             Text(98, 237, "1.", 12), Text(130, 237, "Van ban", 12), Text(440, 237, "82", 12)]
    source = read(tmp_path, [cells], [stroked(COLS, ROWS[:3], skip={(0, 2)})])
    assert pos(cell(source, "Chi tieu thong ke")) == (0, 0, 1)
    assert pos(cell(source, "82")) == (0, 1, 2)


def test_a_table_goes_on_on_the_next_page(tmp_path: Path) -> None:
    page_two = [Text(98, 95, "3.", 12), Text(130, 95, "Tiep tuc", 12), Text(440, 95, "7", 12)]
    source = read(tmp_path, [CELLS, page_two], [stroked(COLS, ROWS), stroked(COLS, [80.0, 102.0])])
    assert pos(cell(source, "Tiep tuc")) == (0, 3, 1)


def test_two_tables_are_numbered_apart(tmp_path: Path) -> None:
    second = [Text(98, 437, "A", 12), Text(130, 437, "Bang hai", 12), Text(440, 437, "B", 12)]
    source = read(tmp_path, [CELLS + second], [stroked(COLS, ROWS) + "\n" + stroked(COLS, [420.0, 444.0])])
    assert pos(cell(source, "Bang hai")) == (1, 0, 1)


def test_borderless_columns_are_not_a_table(tmp_path: Path) -> None:
    header = [Text(80, 60, "UY BAN NHAN DAN", 13), Text(300, 60, "CONG HOA XA HOI", 12, "F2"),
              Text(80, 80, "So: 12/QD-UBND", 13), Text(300, 80, "Nghe An, ngay 5", 13)]
    source = read(tmp_path, [header], [""])
    assert all(b.table is None for b in source.blocks)
    assert cell(source, "CONG HOA XA HOI").column == 1


def test_a_lone_box_is_not_a_table(tmp_path: Path) -> None:
    """A framed paragraph (one column) stays body text."""
    text = [Text(95, 215, "Ghi chu trong khung.", 12)]
    source = read(tmp_path, [text], [stroked([85.0, 510.0], [200.0, 222.0])])
    assert cell(source, "Ghi chu trong khung.").table is None


# --- the real appendix --------------------------------------------------------------------------

def test_real_statistics_table() -> None:
    path = REAL / "bc01-lamdong-bc-329-2025-cchc.pdf"
    if not path.is_file():
        pytest.skip(NO_REAL)
    source = read_pdf(path)
    page = [b for b in source.blocks if b.location.page == 25]
    by_text = {b.text: b for b in page}
    stt, head = by_text["STT"], by_text["Kết quả thống kê"]  # merged across rows / across columns
    assert stt.table and head.table and stt.table.table == head.table.table
    assert (stt.table.row, stt.table.col) == (0, 0) and (head.table.row, head.table.col) == (0, 2)
    item = by_text["Số văn bản chỉ đạo CCHC đã ban hành (Kết luận, chỉ thị, công văn chỉ đạo, quán triệt)"]
    value = by_text["82"]
    assert item.table and value.table and item.table.row == value.table.row and value.table.col == 3
    parsed = parse_file(path)
    appendix = parsed.documents[-1]
    tables = [n for n in appendix.nodes() if n.kind == "table"]
    assert tables and ["1.", item.text, "Văn bản", "82"] in [row[:4] for row in tables[0].rows or []]
