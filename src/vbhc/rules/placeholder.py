"""A draft made by `vbhc draft` marks what the agency must still decide; none may go out unfilled."""

from __future__ import annotations

from collections.abc import Iterator

from vbhc.generate.placeholder import PLACEHOLDER_RE
from vbhc.rules import Context, Finding, rule


@rule("VBHC.ChoCanDien", severity="warning", source="vbhc draft",
      summary="Văn bản còn chỗ cần điền “[ĐIỀN: …]” do vbhc draft đánh dấu")
def cho_can_dien(ctx: Context) -> Iterator[Finding]:
    """`vbhc draft` soạn khung kế hoạch và đánh dấu “[ĐIỀN: …]” ở những chỗ cơ quan phải tự quyết định:
    người ký, đơn vị chủ trì, thời hạn, sản phẩm, số văn bản… Văn bản còn dấu này là bản nháp chưa
    hoàn thiện, chưa thể ban hành.
    data: {"count": số chỗ cần điền, "lines": [các dòng có chỗ cần điền]}"""
    hits = [(ln, len(PLACEHOLDER_RE.findall(ln.text))) for ln in ctx.doc.lines if "[" in ln.text]
    hits = [(ln, n) for ln, n in hits if n]
    if not hits:
        return
    lines = [ctx.line_of_block(ln.index) for ln, _ in hits]
    count = sum(n for _, n in hits)
    yield ctx.finding(f"Còn {count} chỗ cần điền “[ĐIỀN: …]” (tìm “[ĐIỀN:” trong văn bản); hãy điền đủ trước "
                      f"khi trình ký.", at=hits[0][0], data={"count": count, "lines": lines})
