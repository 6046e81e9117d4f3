"""A scan (an image of the pages, with or without an OCR text layer): one finding, no layout rules.

Which rules run on a scan is decided in `vbhc.check.applicable`: every format rule (layout,
header, body structure, typography: Nghị định 30's rules) is not applicable, because fonts,
sizes and positions are the OCR's guesses, not the document's; plan rules still run when the OCR
text reads as Vietnamese (the reader then keeps it as blocks), and not when the scan has no text.
"""

from __future__ import annotations

from collections.abc import Iterator

from vbhc.rules import Context, Finding, rule


@rule("VBHC.BanQuet", severity="warning", source="vbhc", needs=["scanned"], applies_to_appendix=False,
      summary="Tệp là bản quét ảnh: không kiểm tra được thể thức văn bản")
def ban_quet(ctx: Context) -> Iterator[Finding]:
    """Tệp PDF là ảnh chụp các trang (bản quét), có hoặc không có lớp chữ nhận dạng (OCR): phông chữ,
    cỡ chữ, lề và vị trí các thành phần là của ảnh, nên không quy tắc thể thức nào được chạy trên nó;
    chỉ còn cảnh báo này. Khi lớp chữ OCR đọc được là tiếng Việt, nội dung vẫn được dùng cho các quy
    tắc đối chiếu với kế hoạch cấp trên. Cần gửi tệp gốc (.docx) hoặc bản PDF xuất trực tiếp từ tệp
    gốc để kiểm tra thể thức."""
    source = ctx.parsed.source
    if ctx.index != 0 or not source.scanned:
        return
    if source.blocks:
        text = ("lớp chữ nhận dạng (OCR) đọc được, nên nội dung vẫn được dùng để đối chiếu với kế hoạch "
                "cấp trên")
    else:
        text = "tệp không có lớp chữ đọc được, nên nội dung cũng không được kiểm tra"
    yield ctx.finding("Tệp là bản quét (ảnh chụp các trang): không kiểm tra được thể thức văn bản theo "
                      f"Nghị định 30/2020/NĐ-CP (phông chữ, cỡ chữ, lề, vị trí các thành phần); {text}. "
                      "Hãy gửi tệp gốc (.docx) hoặc bản PDF xuất trực tiếp từ tệp gốc.",
                      data={"pages": source.pages, "ocr_text": bool(source.blocks)})
