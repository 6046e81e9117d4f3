"""The part a copy adds under the original ("SAO Y", the copier, "Số: …/SY", place and date, signature, Nơi
nhận): judged by none of the original's layout rules, which would find it without a Quốc hiệu, a type name
or a trích yếu it never has."""

from __future__ import annotations

from collections.abc import Iterator

from vbhc.nd30 import source
from vbhc.rules import Context, Finding, rule

RULE_ID = "ND30.BanSao.PhanSao"


@rule(RULE_ID, severity="info", source=source("Phụ lục I, Phần II, mục II"),
      summary="Phần sao văn bản (SAO Y, SAO LỤC, TRÍCH SAO) dưới văn bản gốc")
def phan_sao(ctx: Context) -> Iterator[Finding]:
    """Bản sao sang định dạng giấy gồm văn bản gốc và phần sao trình bày ngay sau nó, dưới một đường kẻ nét
    liền: hình thức sao (“SAO Y”, “SAO LỤC”, “TRÍCH SAO”), tên cơ quan sao, số và ký hiệu bản sao (“Số:
    12/SY-UBND”), địa danh và thời gian sao, chức vụ, họ tên, chữ ký người sao, dấu và nơi nhận (Phụ lục
    I, Phần II, mục II; Mẫu 3.1). Phần sao không có Quốc hiệu, tên loại hay trích yếu của riêng nó: vbhc
    đọc và ghi lại phần sao, không chấm thể thức của nó theo các quy tắc của văn bản gốc, và báo một
    thông tin."""
    doc = ctx.doc
    if doc.copy_form:
        who = f" của {doc.issuer}" if doc.issuer else ""
        number = f", số {doc.number}/{doc.symbol}" if doc.number and doc.symbol else ""
        yield ctx.finding(f"Phần sao văn bản “{doc.copy_form}”{who}{number}: đã đọc, không kiểm tra thể thức phần "
                          "sao theo các quy tắc của văn bản gốc.", data={"form": doc.copy_form})
