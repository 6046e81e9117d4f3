"""Character encoding rules: legacy (TCVN3/ABC, VNI) text that the reader converted to Unicode.

Both rules are about the file, not one of its documents: they report once, on the first
document, located at the first block set in a legacy font.
"""

from __future__ import annotations

from collections.abc import Iterator

from vbhc.nd30 import source
from vbhc.readers import legacy
from vbhc.rules import Context, Finding, rule

CLAUSE = "Phụ lục I, mục I.4"


def _first_line(ctx: Context, fonts: dict[str, int]) -> int | None:
    for block in ctx.parsed.source.blocks:
        if any(f in fonts for f in (block.style.fonts or [block.style.font or ""])):
            return block.location.line
    return None


@rule("ND30.MaKyTu.ChuyenMa", severity="info", source=source(CLAUSE),
      summary="Văn bản gõ bằng bảng mã cũ (TCVN3/ABC, VNI) đã được chuyển mã sang Unicode để kiểm tra")
def chuyen_ma(ctx: Context) -> Iterator[Finding]:
    """The reader found text in a legacy Vietnamese encoding (TCVN3/ABC fonts .VnTime, .VnTimeH …,
    or VNI fonts VNI-Times …; in a text file, recognised from its characters) and converted it to
    Unicode before parsing, so the other rules read the words the author saw on screen."""
    if ctx.index != 0:
        return
    src = ctx.parsed.source
    for enc, count in src.legacy_encodings.items():
        label = legacy.LABELS.get(enc, enc)
        fonts = {f: n for f, n in src.legacy_fonts.items() if legacy.font_encoding(f) == enc}
        yield ctx.finding(f"đã chuyển mã {label} → Unicode ({count} ký tự)",
                          line=_first_line(ctx, fonts) if fonts else None,
                          data={"encoding": enc, "characters": count, "fonts": fonts})


@rule("ND30.MaKyTu.Unicode", severity="error", source=source(CLAUSE),
      summary="Phông chữ phải là phông Unicode (TCVN 6909:2001), không dùng phông TCVN3/ABC hay VNI")
def phong_unicode(ctx: Context) -> Iterator[Finding]:
    """The decree requires a Unicode font following TCVN 6909:2001 (Phụ lục I, mục I.4). Text set in
    .VnTime, .VnTimeH (TCVN3/ABC) or VNI-Times (VNI) shows as Vietnamese only on a machine that
    has those fonts, and is unreadable to search, copy and e-office systems."""
    if ctx.index != 0:
        return
    fonts = ctx.parsed.source.legacy_fonts
    if not fonts:
        return
    names = ", ".join(fonts)
    yield ctx.finding(
        f"phông chữ không phải Unicode ({names}) — Nghị định 30/2020 yêu cầu phông Unicode theo TCVN 6909:2001",
        line=_first_line(ctx, fonts),
        data={"fonts": dict(fonts), "encodings": sorted({legacy.font_encoding(f) or "" for f in fonts})})
