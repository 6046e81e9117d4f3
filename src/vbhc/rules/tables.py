"""Table rules: the header and the signature block laid out in a Word table whose borders print.

Real .docx files lay out the header (agency | Quốc hiệu, số | địa danh, ngày) and the signature
block (Nơi nhận | chức vụ, chữ ký) as two-column tables with no visible borders: the decree's
diagram and samples show no lines around them. A table whose grid prints puts boxes around the
Quốc hiệu and the signature, and the văn thư has the document retyped. The decree names no
tables, so this is a warning. Only a .docx says whether a table's borders print (the reader's
`TablePos.borderless`); unknown is not a finding, and a PDF or a text file says nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from vbhc import fixes
from vbhc.model import Role
from vbhc.nd30 import source
from vbhc.rules import Context, Finding, rule

HEADER = "phần đầu văn bản"
SIGNATURE = "phần ký"
# The roles whose table is the header's or the signature's, and how an officer names that part.
PART_OF_ROLE: dict[Role | None, str] = {
    Role.PARENT_AGENCY: HEADER, Role.AGENCY: HEADER, Role.QUOC_HIEU: HEADER, Role.TIEU_NGU: HEADER,
    Role.SO_KY_HIEU: HEADER, Role.PLACE_DATE: HEADER, Role.VV: HEADER, Role.VV_MORE: HEADER,
    Role.NOI_NHAN: SIGNATURE, Role.RECIPIENT: SIGNATURE, Role.LUU: SIGNATURE, Role.AUTHORITY: SIGNATURE,
    Role.POSITION: SIGNATURE, Role.SIGNER: SIGNATURE,
}
WHAT = {HEADER: "tên cơ quan, Quốc hiệu, số và ngày tháng", SIGNATURE: "Nơi nhận và chữ ký"}


def _table_blocks(ctx: Context) -> dict[int, list[int]]:
    """The file's blocks of each table (table number → block indexes), computed once per document."""
    if "table_blocks" not in ctx.memo:
        out: dict[int, list[int]] = {}
        for i, b in enumerate(ctx.parsed.source.blocks):
            if b.table is not None and b.part == "body":
                out.setdefault(b.table.table, []).append(i)
        ctx.memo["table_blocks"] = out
    return ctx.memo["table_blocks"]  # type: ignore[no-any-return]


@rule("ND30.Bang.VienBang", severity="warning", needs=["paragraph_format"],
      source=source("Phụ lục I, Phần I, mục IV (sơ đồ bố trí các thành phần thể thức); "
                    "Phụ lục III (mẫu trình bày văn bản)"),
      summary="Bảng trình bày phần đầu văn bản và phần ký không kẻ viền")
def vien_bang(ctx: Context) -> Iterator[Finding]:
    """Phần đầu văn bản (tên cơ quan, Quốc hiệu và Tiêu ngữ, số và ký hiệu, địa danh và thời gian) và
    phần ký (Nơi nhận, chức vụ, họ tên người ký) được trình bày theo sơ đồ bố trí các thành phần thể
    thức (Phụ lục I, Phần I, mục IV) và các mẫu của Phụ lục III: không có đường kẻ khung. Khi soạn
    bằng bảng trong Word, bảng đó nên bỏ viền (Borders › No Border); nếu không, khi in các thành
    phần này nằm trong ô kẻ. Nghị định không nói đến bảng, nên đây là cảnh báo. Chỉ xét với .docx:
    PDF và văn bản thuần không cho biết viền bảng."""
    if ctx.parsed.source.format != "docx":
        return
    blocks, seen = ctx.parsed.source.blocks, set()
    for ln in ctx.doc.lines:
        part = PART_OF_ROLE.get(ln.role)
        pos = blocks[ln.index].table
        if part is None or pos is None or pos.borderless is not False or pos.table in seen:
            continue
        seen.add(pos.table)
        yield ctx.finding(f"{part.capitalize()} ({WHAT[part]}) được trình bày trong bảng có đường viền: khi in, "
                          "các thành phần này nằm trong ô kẻ; nên bỏ viền của bảng (Borders › No Border).",
                          at=ln, part=part, data={"table": pos.table, "component": part},
                          fix=fixes.table_borders(_table_blocks(ctx).get(pos.table, [ln.index])))
