"""Header rules: Quốc hiệu, Tiêu ngữ, agency, number and symbol, place and date, type and trích yếu.

None of them runs on an appendix (a Phụ lục has no header of its own by design). A plan attached
to a decision ("(Kèm theo Quyết định số …)") has no number, date or signature of its own: the
rules that would call those missing skip it.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from vbhc import dates, fixes, nd30, rx
from vbhc.model import Line, Role
from vbhc.nd30 import source
from vbhc.rules import Context, Finding, rule
from vbhc.rules._util import first, has_header, header_lines, is_attached, number_line, place_date_line, text
from vbhc.textnorm import LOOKALIKE_D, lookalikes, modern_tones, squash, with_real_d

PL1 = "Phụ lục I"
HEADER = "phần đầu văn bản"  # where a missing header component belongs


# --- Quốc hiệu and Tiêu ngữ -----------------------------------------------------------------

@rule("ND30.QuocHieu.Thieu", severity="error", source=source(f"Điều 8.2.a; {PL1}, mục II.1.a"),
      summary="Thiếu Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”", applies_to_appendix=False)
def quoc_hieu_thieu(ctx: Context) -> Iterator[Finding]:
    """Văn bản nào cũng mở đầu bằng Quốc hiệu, ở phía trên cùng, bên phải trang đầu (Nghị định 30/2020,
    Điều 8.2.a; Phụ lục I, mục II.1.a). Kế hoạch kèm theo quyết định có thể không có; phụ lục không bị
    kiểm tra."""
    doc = ctx.doc
    if doc.national_title is None and not is_attached(doc) and has_header(doc):
        yield ctx.finding(f"Thiếu Quốc hiệu; cần có dòng “{nd30.QUOC_HIEU}” ở đầu văn bản, bên phải.",
                          at=doc.lines[0] if doc.lines else None, part=HEADER,
                          data={"expected": nd30.QUOC_HIEU})


@rule("ND30.QuocHieu.ChinhTa", severity="error", source=source(f"{PL1}, mục II.1.a"),
      summary="Quốc hiệu viết sai chữ, dấu hoặc không in hoa", applies_to_appendix=False)
def quoc_hieu_chinh_ta(ctx: Context) -> Iterator[Finding]:
    """Quốc hiệu viết đúng “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”, chữ in hoa, đủ dấu thanh (Phụ lục I, mục
    II.1.a). Cách bỏ dấu cũ “HOÀ” được chấp nhận (bảng mẫu của Nghị định cũng in như vậy); định dạng
    “All caps” của Word được tính là chữ in hoa."""
    ln = first(ctx, Role.QUOC_HIEU)
    if ln is None:
        return
    found = text(ctx, ln)
    shown = found.upper() if ctx.doc.blocks[ln.index].style.all_caps else found  # Word's "All caps"
    if modern_tones(squash(shown)) != nd30.QUOC_HIEU:
        fix = fixes.retext(ctx.doc.blocks, ln, nd30.QUOC_HIEU, f"Viết lại Quốc hiệu “{nd30.QUOC_HIEU}”")
        yield ctx.finding(f"Quốc hiệu viết là “{found}”; cần viết đúng “{nd30.QUOC_HIEU}”.",
                          at=ln, data={"found": found, "expected": nd30.QUOC_HIEU}, fix=fix)


@rule("ND30.TieuNgu.Thieu", severity="error", source=source(f"Điều 8.2.a; {PL1}, mục II.1.b"),
      summary="Thiếu Tiêu ngữ “Độc lập - Tự do - Hạnh phúc”", applies_to_appendix=False)
def tieu_ngu_thieu(ctx: Context) -> Iterator[Finding]:
    """Dưới Quốc hiệu là Tiêu ngữ “Độc lập - Tự do - Hạnh phúc” (Điều 8.2.a; Phụ lục I, mục II.1.b)."""
    doc = ctx.doc
    if doc.motto is None and doc.national_title is not None:
        ln = first(ctx, Role.QUOC_HIEU)
        yield ctx.finding(f"Thiếu Tiêu ngữ; dưới Quốc hiệu cần có dòng “{nd30.TIEU_NGU}”.",
                          at=ln, part=HEADER, data={"expected": nd30.TIEU_NGU})


@rule("ND30.TieuNgu.DuoiQuocHieu", severity="warning", source=source(f"{PL1}, mục II.1.b"),
      summary="Tiêu ngữ nằm ở dòng riêng, dưới Quốc hiệu", applies_to_appendix=False)
def tieu_ngu_duoi_quoc_hieu(ctx: Context) -> Iterator[Finding]:
    """Tiêu ngữ được trình bày ở dòng dưới Quốc hiệu (Phụ lục I, mục II.1.b). Viết liền sau Quốc hiệu trong cùng
    một đoạn (tệp .docx chuyển từ PDF thường như vậy), Tiêu ngữ chỉ xuống dòng nhờ độ rộng của ô hay cột: là
    cảnh báo; không có cả dấu cách ở giữa (“VIỆT NAMĐộc lập”) thì Word không thể ngắt dòng đúng chỗ: là lỗi."""
    qh, tn = first(ctx, Role.QUOC_HIEU), first(ctx, Role.TIEU_NGU)
    if qh is None or tn is None or qh.index != tn.index:
        return
    glued = not ctx.doc.blocks[qh.index].text.split(qh.text, 1)[-1][:1].isspace()
    how = "viết dính liền ngay sau Quốc hiệu, không có dấu cách" if glued else "nằm chung một đoạn với Quốc hiệu"
    yield ctx.finding(f"Tiêu ngữ {how}; cần xuống dòng (Enter) để Tiêu ngữ nằm ở dòng riêng, dưới Quốc hiệu.",
                      at=tn, severity="error" if glued else None, data={"glued": glued})


_DASHES = rx.compile(r"\s*[-–—‐‑]\s*")


@rule("ND30.TieuNgu.ChinhTa", severity="error", source=source(f"{PL1}, mục II.1.b"),
      summary="Tiêu ngữ viết sai chữ, dấu, chữ hoa hoặc gạch nối", applies_to_appendix=False)
def tieu_ngu_chinh_ta(ctx: Context) -> Iterator[Finding]:
    """Tiêu ngữ viết đúng “Độc lập - Tự do - Hạnh phúc”: chữ cái đầu mỗi cụm từ viết hoa, giữa các cụm từ
    có gạch nối (-) và cách chữ hai bên (Phụ lục I, mục II.1.b). Gạch dài (–), thiếu dấu cách, sai dấu
    thanh hoặc chữ hoa đều bị báo."""
    ln = first(ctx, Role.TIEU_NGU)
    if ln is None:
        return
    found = text(ctx, ln)
    norm = modern_tones(squash(found))
    if norm == nd30.TIEU_NGU:
        return
    phrases = [p for p in _DASHES.split(norm) if p]
    if phrases == list(nd30.TIEU_NGU_PHRASES):
        what = "giữa các cụm từ phải là dấu gạch nối (-) có cách chữ hai bên"
        fixed = " - ".join(squash(p) for p in _DASHES.split(found) if p.strip())
        fix = fixes.retext(ctx.doc.blocks, ln, fixed, "Nối các cụm từ của Tiêu ngữ bằng “ - ”")
    elif modern_tones(squash(with_real_d(found))) == nd30.TIEU_NGU:
        what = "; ".join(f"chữ “{ch}” là mã U+{ord(ch):04X}, trông như “{LOOKALIKE_D[ch]}” nhưng là ký tự khác, "
                         "tìm kiếm và sắp xếp văn bản sẽ sai" for ch in lookalikes(found))
        fix = fixes.retext(ctx.doc.blocks, ln, nd30.TIEU_NGU, f"Viết lại Tiêu ngữ “{nd30.TIEU_NGU}”")
    else:
        what = "sai chữ, dấu thanh hoặc chữ hoa"
        fix = fixes.retext(ctx.doc.blocks, ln, nd30.TIEU_NGU, f"Viết lại Tiêu ngữ “{nd30.TIEU_NGU}”")
    yield ctx.finding(f"Tiêu ngữ viết là “{found}” ({what}); cần viết đúng “{nd30.TIEU_NGU}”.",
                      at=ln, data={"found": found, "expected": nd30.TIEU_NGU}, fix=fix)


# --- Issuing agency ---------------------------------------------------------------------------

@rule("ND30.CoQuan.Thieu", severity="error", source=source(f"Điều 8.2.b; {PL1}, mục II.2"),
      summary="Thiếu tên cơ quan, tổ chức ban hành văn bản", applies_to_appendix=False)
def co_quan_thieu(ctx: Context) -> Iterator[Finding]:
    """Tên cơ quan, tổ chức ban hành văn bản đặt ở phía trên bên trái, chữ in hoa (Điều 8.2.b; Phụ lục I,
    mục II.2)."""
    doc = ctx.doc
    if doc.issuer is None and not is_attached(doc) and has_header(doc):
        yield ctx.finding("Thiếu tên cơ quan, tổ chức ban hành văn bản (in hoa, phía trên bên trái).",
                          at=doc.lines[0] if doc.lines else None, part=HEADER)


# --- Number and symbol ----------------------------------------------------------------------

# Characters of one group of a symbol: letters (QyĐ, CTr, TTr keep their lower case), digits, "&".
_GROUP_SEPARATORS = rx.compile(r"[^\p{L}\p{N}&\s/-]")
# What a fix rewrites: the "Số:" before the number, spaces around "/" and "-", a separator between groups.
_NUMBER_HEAD = rx.compile(r"^(?P<word>Số)\s*[:;.]?\s*", re.I)
_SPACED = rx.compile(r"\s*([/\-–])\s*")
_BLANK = rx.compile(r"[.…]{2}")  # a blank form: "Số: …/…"
_GROUP_END = rx.compile(r"[-–.\s_/]")  # what ends the first group of a symbol
_BETWEEN_GROUPS = rx.compile(r"(?<=[\p{L}\p{N}])[^\p{L}\p{N}&\s/-](?=[\p{L}\p{N}])")


def _symbol_fix(ctx: Context, ln: Line) -> fixes.Fix | None:
    """"QĐ.UBND" → "QĐ-UBND": each separator between two groups after the "/" becomes "-"; no fix when
    what is left is not a separator between groups (a stray mark at the end)."""
    slash = ln.text.find("/")
    if slash < 0:
        return None
    symbol = _BETWEEN_GROUPS.sub("-", ln.text[slash + 1:])
    if _GROUP_SEPARATORS.search(squash(symbol)):
        return None
    return fixes.retext(ctx.doc.blocks, ln, ln.text[:slash + 1] + symbol, "Nối các nhóm chữ của ký hiệu bằng “-”")


@rule("ND30.SoKyHieu.Thieu", severity="error", source=source(f"Điều 8.2.c; {PL1}, mục II.3"),
      summary="Thiếu số, ký hiệu của văn bản", applies_to_appendix=False)
def so_ky_hieu_thieu(ctx: Context) -> Iterator[Finding]:
    """Văn bản có dòng “Số: <số>/<ký hiệu>” dưới tên cơ quan ban hành (Điều 8.2.c; Phụ lục I, mục II.3). Kế
    hoạch kèm theo quyết định mang số của quyết định trong dòng “(Kèm theo …)”, nên không bị báo."""
    doc = ctx.doc
    if doc.number_raw is None and not is_attached(doc) and has_header(doc):
        yield ctx.finding("Thiếu số, ký hiệu của văn bản; cần dòng “Số: …/…” dưới tên cơ quan ban hành.",
                          at=doc.lines[0] if doc.lines else None, part=HEADER)


@rule("ND30.SoKyHieu.DauHaiCham", severity="error", source=source(f"{PL1}, mục II.3.c"),
      summary="Sau từ “Số” phải có dấu hai chấm", applies_to_appendix=False)
def so_dau_hai_cham(ctx: Context) -> Iterator[Finding]:
    """Sau từ “Số” có dấu hai chấm, viết liền: “Số: 15/QĐ-BNV”, không viết “Số 15/…” hay “Số : 15/…” (Phụ
    lục I, mục II.3.c)."""
    got = number_line(ctx)
    if got is None:
        return
    ln, f = got
    found = text(ctx, ln)
    if f.mark != ":" or f.gap:
        expected = f"Số: {f.number}{f.rest}".strip()
        head = _NUMBER_HEAD.match(found)
        fix = fixes.retext(ctx.doc.blocks, ln, f"{head['word']}: {found[head.end():]}", "Thêm dấu hai chấm sau “Số”") \
            if head else None
        yield ctx.finding(f"Sau từ “Số” phải có dấu hai chấm (:): viết “{expected}” thay cho “{found}”.",
                          at=ln, data={"found": found, "expected": expected}, fix=fix)


@rule("ND30.SoKyHieu.ChuSo", severity="warning", source=source(f"{PL1}, mục II.3.a"),
      summary="Chữ “Số” phải viết thường, số văn bản bằng chữ số Ả Rập", applies_to_appendix=False)
def so_chu_thuong(ctx: Context) -> Iterator[Finding]:
    """Từ “Số” viết chữ in thường (S hoa đầu dòng): “Số:”, không viết “SỐ:”; số văn bản ghi bằng chữ số Ả
    Rập (Phụ lục I, mục II.3.a và c)."""
    got = number_line(ctx)
    if got is not None and got[1].word != "Số":
        ln, f = got
        fix = fixes.retext(ctx.doc.blocks, ln, "Số" + ln.text[len(f.word):], "Viết “Số” chữ in thường") \
            if ln.text.startswith(f.word) else None
        yield ctx.finding(f"Từ “{f.word}” phải viết là “Số” (chữ in thường).", at=ln,
                          data={"found": f.word, "expected": "Số"}, fix=fix)


@rule("ND30.SoKyHieu.SoDuoi10", severity="error", source=source(f"{PL1}, mục II.3.c"),
      summary="Số văn bản nhỏ hơn 10 phải ghi thêm số 0 phía trước", applies_to_appendix=False)
def so_duoi_10(ctx: Context) -> Iterator[Finding]:
    """Số văn bản nhỏ hơn 10 phải ghi thêm số 0 phía trước: “Số: 05/BNV-VP” (Phụ lục I, mục II.3.c)."""
    doc = ctx.doc
    got = number_line(ctx)
    if got is None or doc.number is None or not doc.number.isdigit():
        return
    ln = got[0]
    if len(doc.number) == 1 and int(doc.number) >= 1:
        expected = f"0{doc.number}"
        head = _NUMBER_HEAD.match(ln.text)
        fix = None
        if head and ln.text[head.end():].startswith(doc.number):
            fix = fixes.retext(ctx.doc.blocks, ln, f"{ln.text[:head.end()]}0{ln.text[head.end():]}",
                               "Thêm số 0 trước số văn bản")
        yield ctx.finding(f"Số văn bản nhỏ hơn 10 phải ghi thêm số 0 phía trước: viết “{expected}” thay cho "
                          f"“{doc.number}”.", at=ln, data={"found": doc.number, "expected": expected}, fix=fix)


@rule("ND30.SoKyHieu.KhoangTrang", severity="error", source=source(f"{PL1}, mục II.3.c"),
      summary="Số và ký hiệu văn bản không được có dấu cách quanh “/” và “-”", applies_to_appendix=False)
def so_khoang_trang(ctx: Context) -> Iterator[Finding]:
    """Giữa số và ký hiệu có dấu gạch chéo (/), giữa các nhóm chữ viết tắt của ký hiệu có dấu gạch nối (-),
    không cách chữ: “2228/QĐ-UBND”, không phải “2228 /QĐ-UBND” (Phụ lục I, mục II.3.c). Dòng mẫu để
    trống (“Số: …/…”) không bị xét. Trong tệp văn bản (.txt, .md: chữ đã trích từ PDF hay Word), dấu cách
    có thể do công cụ trích chữ thêm vào (số do hệ thống điền sau, cỡ chữ khác): là cảnh báo."""
    got = number_line(ctx)
    if got is None:
        return
    ln, f = got
    found = squash(f"{f.number}{f.rest}")
    if _SPACED.search(found) is None:
        return
    expected = _SPACED.sub(r"\1", found)
    if expected != found and not _BLANK.search(found):  # a blank form "Số: …/…" is not judged
        head = _NUMBER_HEAD.match(ln.text)
        fix = fixes.retext(ctx.doc.blocks, ln, ln.text[:head.end()] + _SPACED.sub(r"\1", ln.text[head.end():]),
                           "Bỏ dấu cách quanh “/” và “-” trong số, ký hiệu") if head else None
        extracted = ctx.parsed.source.format == "text"
        yield ctx.finding(f"Số, ký hiệu văn bản có dấu cách thừa: “{found}”; cần viết liền “{expected}”"
                          + (" (tệp văn bản: dấu cách có thể do công cụ trích chữ thêm, hãy xem bản gốc)." if extracted
                             else "."),
                          at=ln, data={"found": found, "expected": expected}, fix=fix,
                          severity="warning" if extracted else None)


@rule("ND30.SoKyHieu.GachCheo", severity="error", source=source(f"{PL1}, mục II.3.c"),
      summary="Giữa số và ký hiệu văn bản phải là dấu gạch chéo (/)", applies_to_appendix=False)
def so_gach_cheo(ctx: Context) -> Iterator[Finding]:
    """Giữa số và ký hiệu văn bản có dấu gạch chéo (/): “Số: 12/KH-UBND”, không viết theo cách của văn bản
    Đảng “Số 12-KH/UBND” (Phụ lục I, mục II.3.c; văn bản của Đảng theo Hướng dẫn 36-HD/VPTW không bị xét)."""
    got = number_line(ctx)
    if got is None or got[1].joint == "/":
        return
    ln, f = got
    found = squash(f"{f.number}{f.rest}")
    symbol = _SPACED.sub(r"\1", f.symbol).replace("/", "-")
    expected = f"{f.number}/{symbol}"
    head = _NUMBER_HEAD.match(ln.text)
    fix = fixes.retext(ctx.doc.blocks, ln, ln.text[:head.end()] + expected, "Đặt dấu “/” giữa số và ký hiệu") \
        if head else None
    yield ctx.finding(f"Giữa số và ký hiệu văn bản phải là dấu gạch chéo (/): viết “{expected}” thay cho “{found}”.",
                      at=ln, data={"found": found, "expected": expected}, fix=fix)


@rule("ND30.SoKyHieu.GachNoi", severity="error", source=source(f"{PL1}, mục II.3.c"),
      summary="Các nhóm chữ viết tắt trong ký hiệu phải nối bằng dấu gạch nối (-)", applies_to_appendix=False)
def so_gach_noi(ctx: Context) -> Iterator[Finding]:
    """Các nhóm chữ viết tắt trong ký hiệu nối bằng dấu gạch nối (-): “QĐ-UBND”, không dùng “QĐ.UBND”,
    “QĐ_UBND” hay gạch dài “QĐ–UBND” (Phụ lục I, mục II.3.c). Dấu “&” trong một nhóm (“CCHC&VTLT”) được
    giữ."""
    doc = ctx.doc
    got = number_line(ctx)
    if got is None or not doc.symbol or _BLANK.search(doc.symbol):
        return
    ln = got[0]
    bad = sorted(set(_GROUP_SEPARATORS.findall(doc.symbol)))
    if bad:
        expected = _GROUP_SEPARATORS.sub("-", doc.symbol)
        yield ctx.finding(f"Ký hiệu “{doc.symbol}” dùng “{''.join(bad)}” giữa các nhóm chữ viết tắt; cần dùng "
                          f"dấu gạch nối: “{expected}”.", at=ln,
                          data={"found": doc.symbol, "expected": expected}, fix=_symbol_fix(ctx, ln))


_ABBREVIATIONS = {a for a in nd30.DOC_TYPES.values() if a}


def _initials(name: str | None) -> str:
    """An agency's abbreviation made of its words' first letters: “CỤC THUẾ” → “CT”, which a công văn's
    symbol may begin with (“5348/CT-CS”) although “CT” is also the abbreviation of Chỉ thị."""
    return "".join(word[0] for word in (name or "").upper().split() if word[:1].isalpha())


@rule("ND30.SoKyHieu.TenLoai", severity="error", source=source("Phụ lục III, mục I; Phụ lục I, mục II.3.b"),
      summary="Chữ viết tắt tên loại trong ký hiệu không khớp với tên loại văn bản", applies_to_appendix=False)
def so_ten_loai(ctx: Context) -> Iterator[Finding]:
    """Ký hiệu của văn bản có tên loại bắt đầu bằng chữ viết tắt tên loại theo Phụ lục III (“QĐ” cho Quyết
    định, “KH” cho Kế hoạch); ký hiệu công văn không có chữ viết tắt tên loại, chỉ gồm chữ viết tắt tên
    cơ quan và đơn vị soạn thảo (“12/UBND-VX”) (Phụ lục I, mục II.3.b). Chữ viết tắt tên cơ quan trùng với
    chữ viết tắt một tên loại (“CT” của Cục Thuế và của Chỉ thị) không bị báo."""
    doc = ctx.doc
    got = number_line(ctx)
    if got is None or not doc.symbol or doc.doc_type not in nd30.DOC_TYPES:
        return
    ln = got[0]
    group = _GROUP_END.split(doc.symbol.strip())[0]
    expected = nd30.DOC_TYPES[doc.doc_type]
    if expected is None:
        if group in _ABBREVIATIONS and group != _initials(doc.issuer):
            yield ctx.finding(f"{doc.doc_type} không có chữ viết tắt tên loại trong ký hiệu, nhưng ký hiệu "
                              f"“{doc.symbol}” bắt đầu bằng “{group}”; ký hiệu công văn gồm chữ viết tắt tên cơ "
                              "quan và đơn vị soạn thảo (ví dụ “12/UBND-VX”).", at=ln,
                              data={"doc_type": doc.doc_type, "found": group, "expected": None})
    elif group != expected:
        yield ctx.finding(f"Ký hiệu “{doc.symbol}” của {doc.doc_type.lower()} phải bắt đầu bằng chữ viết tắt "
                          f"tên loại “{expected}” (ví dụ “{expected}-…”), không phải “{group}”.",
                          at=ln, data={"doc_type": doc.doc_type, "found": group, "expected": expected})


# --- Place and date ---------------------------------------------------------------------------

_DAY = rx.compile(r"(ngày\s*)(\d{1,2})\b", re.I)
_MONTH = rx.compile(r"(tháng\s*)(\d{1,2})\b", re.I)


def _pad_day(m: re.Match[str]) -> str:
    return m[1] + (f"0{m[2]}" if len(m[2]) == 1 and m[2] != "0" else m[2])


def _pad_month(m: re.Match[str]) -> str:
    return m[1] + (f"0{m[2]}" if len(m[2]) == 1 and int(m[2]) in nd30.LEADING_ZERO_MONTHS else m[2])


def _unpad_month(m: re.Match[str]) -> str:
    month = int(m[2])
    return m[1] + (str(month) if m[2].startswith("0") and month >= 1 and month not in nd30.LEADING_ZERO_MONTHS
                   else m[2])


_IN_WORDS = rx.compile(r"ngày.*tháng.*năm", re.I)
_SHORT_DATE = rx.compile(r"(?:^|,|\s)(?:ngày\s*)?\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}\s*\.?$", re.I)


def _short_date_line(ctx: Context):
    for ln in header_lines(ctx):
        if ln.role in (Role.TEXT, Role.CAPS, Role.AGENCY, Role.PREFACE, Role.TITLE) \
                and _SHORT_DATE.search(text(ctx, ln)) \
                and len(text(ctx, ln)) <= 60:
            return ln
    return None


@rule("ND30.NgayThang.Thieu", severity="error", source=source(f"Điều 8.2.d; {PL1}, mục II.4"),
      summary="Thiếu địa danh và thời gian ban hành văn bản", applies_to_appendix=False)
def ngay_thang_thieu(ctx: Context) -> Iterator[Finding]:
    """Văn bản ghi địa danh và thời gian ban hành “Hà Nội, ngày 05 tháng 01 năm 2020” dưới Tiêu ngữ (Điều
    8.2.d; Phụ lục I, mục II.4). Kế hoạch kèm theo quyết định không có ngày riêng, nên không bị báo; biên
    bản ghi thời gian, địa điểm ở đầu nội dung (Phụ lục III, Mẫu 1.9), nên cũng không bị báo."""
    doc = ctx.doc
    if doc.date_raw is None and not is_attached(doc) and has_header(doc) and _short_date_line(ctx) is None \
            and doc.doc_type not in nd30.UNDATED_TYPES:
        yield ctx.finding("Thiếu địa danh và thời gian ban hành; cần dòng “<Địa danh>, ngày … tháng … năm …” "
                          "dưới Tiêu ngữ.", at=first(ctx, Role.TIEU_NGU, Role.QUOC_HIEU), part=HEADER)


@rule("ND30.NgayThang.VietTat", severity="error", source=source(f"{PL1}, mục II.4.b"),
      summary="Thời gian ban hành phải viết đầy đủ “ngày … tháng … năm …”", applies_to_appendix=False)
def ngay_thang_viet_tat(ctx: Context) -> Iterator[Finding]:
    """Thời gian ban hành phải viết đầy đủ “ngày 05 tháng 02 năm 2026”, không viết tắt “05/02/2026” (Phụ
    lục I, mục II.4.b)."""
    doc = ctx.doc
    if doc.date_raw is not None:
        ln = first(ctx, Role.PLACE_DATE)
        if _IN_WORDS.search(doc.date_raw) or ln is None:
            return
    else:
        ln = _short_date_line(ctx)
    if ln is not None:
        found = text(ctx, ln)
        yield ctx.finding(f"Thời gian ban hành viết tắt “{found}”; cần viết đầy đủ “<Địa danh>, ngày … tháng … "
                          "năm …”.", at=ln, data={"found": found})


@rule("ND30.NgayThang.SoKhong", severity="error", source=source(f"{PL1}, mục II.4.b"),
      summary="Ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước", applies_to_appendix=False)
def ngay_thang_so_khong(ctx: Context) -> Iterator[Finding]:
    """Ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước: “ngày 05 tháng 01 năm 2020”, “ngày 29
    tháng 6 năm 2019” (Phụ lục I, mục II.4.b)."""
    got = place_date_line(ctx)
    if got is None or not (got[1].day or "").isdigit() or not (got[1].month or "").isdigit():
        return
    ln, f = got
    day, month = f.day or "", f.month or ""
    want_day = f"{int(day):02d}" if int(day) < 10 else str(int(day))
    want_month = f"{int(month):02d}" if int(month) in nd30.LEADING_ZERO_MONTHS else month
    problems = []
    if len(day) == 1 and int(day) < 10:
        problems.append(f"ngày “{day}” phải viết “{want_day}”")
    if len(month) == 1 and int(month) in nd30.LEADING_ZERO_MONTHS:
        problems.append(f"tháng “{month}” phải viết “{want_month}”")
    if problems:
        found = f"ngày {day} tháng {month}"
        expected = f"ngày {want_day} tháng {want_month}"
        fix = fixes.retext(ctx.doc.blocks, ln, _DAY.sub(_pad_day, _MONTH.sub(_pad_month, ln.text), count=1),
                           "Thêm số 0 trước ngày, tháng")
        yield ctx.finding("Thời gian ban hành thiếu số 0: " + "; ".join(problems) + ".", at=ln,
                          data={"found": found, "expected": expected}, fix=fix)


@rule("ND30.NgayThang.SoKhongThua", severity="warning", source=source(f"{PL1}, mục II.4.b"),
      summary="Tháng từ 3 đến 12 không ghi số 0 phía trước", applies_to_appendix=False)
def ngay_thang_so_khong_thua(ctx: Context) -> Iterator[Finding]:
    """Chỉ ngày nhỏ hơn 10 và tháng 1, 2 mới ghi thêm số 0; Nghị định viết “tháng 6”, không viết “tháng 06”
    (Phụ lục I, mục II.4.b và ví dụ ở mục V). Là cảnh báo, vì không trái một câu chữ cấm."""
    got = place_date_line(ctx)
    if got is None or not (got[1].month or "").isdigit():
        return
    ln, month = got[0], got[1].month or ""
    if month.startswith("0") and int(month) not in nd30.LEADING_ZERO_MONTHS and int(month) >= 1:
        fix = fixes.retext(ctx.doc.blocks, ln, _MONTH.sub(_unpad_month, ln.text, count=1),
                           "Bỏ số 0 trước tháng")
        yield ctx.finding(f"Tháng “{month}” không cần số 0 phía trước; viết “tháng {int(month)}”.",
                          at=ln, data={"found": month, "expected": str(int(month))}, fix=fix)


@rule("ND30.NgayThang.KhongCoThat", severity="error", source=source(f"{PL1}, mục II.4.b"),
      summary="Ngày ban hành không có thật trên lịch", applies_to_appendix=False)
def ngay_thang_khong_co_that(ctx: Context) -> Iterator[Finding]:
    """Thời gian ban hành phải là một ngày có thật trên lịch (“ngày 30 tháng 02” thì không có)."""
    got = place_date_line(ctx)
    if got is None or not got[1].numeric:
        return
    ln, f = got
    if dates.iso(f.day or "", f.month or "", f.year or "") is None:
        found = f"ngày {f.day} tháng {f.month} năm {f.year}"
        yield ctx.finding(f"Thời gian ban hành “{found}” không phải là một ngày có thật.",
                          at=ln, data={"found": found})


_PLACE_WORDS = rx.compile(r"[\s\-–]+")


@rule("ND30.DiaDanh.VietHoa", severity="error", source=source(f"{PL1}, mục II.4.c"),
      summary="Các chữ cái đầu của địa danh phải viết hoa", applies_to_appendix=False)
def dia_danh_viet_hoa(ctx: Context) -> Iterator[Finding]:
    """Các chữ cái đầu của địa danh phải viết hoa: “Nghệ An”, “Thành phố Hồ Chí Minh” (Phụ lục I, mục
    II.4.c); các chữ chỉ loại đơn vị hành chính viết thường như “phố”, “xã”, “trấn” được chấp nhận."""
    got = place_date_line(ctx)
    if got is None:
        return
    ln, place = got[0], got[1].place
    words = [w for w in _PLACE_WORDS.split(place) if w and w[0].isalpha()]
    bad = [w for i, w in enumerate(words) if w[0].islower() and (i == 0 or w not in nd30.PLACE_LOWER_WORDS)]
    if bad:
        expected = " ".join(w[0].upper() + w[1:] if w in bad else w for w in place.split())
        fix = fixes.retext(ctx.doc.blocks, ln, expected + ln.text[len(place):], "Viết hoa chữ cái đầu của địa danh") \
            if ln.text.startswith(place) else None
        yield ctx.finding(f"Địa danh “{place}” phải viết hoa chữ cái đầu: “{expected}”.", at=ln,
                          data={"found": place, "expected": expected}, fix=fix)


@rule("ND30.DiaDanh.DauPhay", severity="error", source=source(f"{PL1}, mục II.4.c"),
      summary="Sau địa danh phải có dấu phẩy", applies_to_appendix=False)
def dia_danh_dau_phay(ctx: Context) -> Iterator[Finding]:
    """Sau địa danh có dấu phẩy: “Nghệ An, ngày 15 tháng 7 năm 2025” (Phụ lục I, mục II.4.c)."""
    got = place_date_line(ctx)
    if got is None or not got[1].place:
        return
    ln, f = got
    if not f.comma:
        found = squash(text(ctx, ln))
        expected = f"{f.place}, {f.date_text}"
        rest = ln.text[len(f.place):]
        fix = fixes.retext(ctx.doc.blocks, ln, f"{f.place},{rest if rest[:1].isspace() else ' ' + rest}",
                           "Thêm dấu phẩy sau địa danh") if ln.text.startswith(f.place) else None
        yield ctx.finding(f"Thiếu dấu phẩy sau địa danh: viết “{expected}”.", at=ln,
                          data={"found": found, "expected": expected}, fix=fix)


# --- Type name and trích yếu ------------------------------------------------------------------

def _looks_like_cong_van(ctx: Context) -> bool:
    doc = ctx.doc
    if doc.doc_type == "Công văn":
        return True
    if doc.type_line is not None or not doc.symbol:
        return False
    return _GROUP_END.split(doc.symbol.strip())[0] not in _ABBREVIATIONS


@rule("ND30.TenLoai.Thieu", severity="error", source=source(f"Điều 8.2.đ; {PL1}, mục II.5"),
      summary="Thiếu tên loại văn bản (QUYẾT ĐỊNH, KẾ HOẠCH, …)", applies_to_appendix=False)
def ten_loai_thieu(ctx: Context) -> Iterator[Finding]:
    """Văn bản có tên loại ghi tên loại bằng chữ in hoa, canh giữa dưới phần đầu (“QUYẾT ĐỊNH”, “KẾ HOẠCH”)
    (Điều 8.2.đ; Phụ lục I, mục II.5.b). Công văn không có tên loại: trích yếu viết sau “V/v” (xem
    ND30.CongVan.VV)."""
    doc = ctx.doc
    if doc.type_line is None and has_header(doc) and not _looks_like_cong_van(ctx):
        yield ctx.finding("Thiếu tên loại văn bản (in hoa, canh giữa, ví dụ “QUYẾT ĐỊNH”, “KẾ HOẠCH”).",
                          at=first(ctx, Role.PLACE_DATE, Role.TIEU_NGU, Role.QUOC_HIEU), part=HEADER)


@rule("ND30.TrichYeu.Thieu", severity="error", source=source(f"Điều 8.2.đ; {PL1}, mục II.5"),
      summary="Thiếu trích yếu nội dung văn bản", applies_to_appendix=False)
def trich_yeu_thieu(ctx: Context) -> Iterator[Finding]:
    """Ngay dưới tên loại là trích yếu nội dung, một câu hoặc cụm từ ngắn nêu nội dung chính của văn bản
    (Phụ lục I, mục II.5). Với công văn, trích yếu viết sau “V/v” (xem ND30.CongVan.VV). Giấy giới thiệu và
    giấy nghỉ phép không có trích yếu (Phụ lục III, Mẫu 1.8 và 1.10)."""
    doc = ctx.doc
    if doc.type_line is not None and not doc.title and doc.doc_type not in nd30.UNTITLED_TYPES:
        yield ctx.finding(f"Thiếu trích yếu nội dung dưới tên loại “{doc.type_line}”.",
                          at=first(ctx, Role.TYPE_NAME))


_PAIRS = (("“", "”"), ("(", ")"))  # opening and closing marks; a straight '"' pairs with itself


@rule("ND30.TrichYeu.NgoacKep", severity="error", source=source(f"{PL1}, mục II.5"),
      summary="Trích yếu mở ngoặc kép hoặc ngoặc đơn mà không đóng", applies_to_appendix=False)
def trich_yeu_ngoac(ctx: Context) -> Iterator[Finding]:
    """Trích yếu là một câu hoặc cụm từ trọn vẹn (Phụ lục I, mục II.5): dấu ngoặc kép “…” hay ngoặc đơn (…)
    đã mở trong trích yếu phải được đóng trong trích yếu (tên một đề án, một kế hoạch được trích
    dẫn trọn)."""
    title = ctx.doc.title
    if not title:
        return
    ln = first(ctx, Role.TITLE, Role.VV)
    unclosed = [(o, c) for o, c in _PAIRS if title.count(o) > title.count(c)]
    if title.count('"') % 2:
        unclosed.append(('"', '"'))
    for opening, closing in unclosed:
        yield ctx.finding(f"Trích yếu mở “{opening}” mà không đóng “{closing}”: “{title[:80]}”.", at=ln,
                          data={"found": title, "open": opening, "close": closing})


@rule("ND30.CongVan.VV", severity="error", source=source(f"{PL1}, mục II.5.b"),
      summary="Trích yếu công văn phải viết sau chữ “V/v”", applies_to_appendix=False)
def cong_van_vv(ctx: Context) -> Iterator[Finding]:
    """Công văn không có tên loại; trích yếu viết sau chữ “V/v” (V hoa, v thường), đặt dưới số và ký hiệu
    (Phụ lục I, mục II.5.b)."""
    doc = ctx.doc
    if not _looks_like_cong_van(ctx) or not has_header(doc):
        return
    ln = first(ctx, Role.VV)
    if ln is None:
        yield ctx.finding("Công văn thiếu trích yếu “V/v …” dưới số, ký hiệu.",
                          at=first(ctx, Role.SO_KY_HIEU), part=HEADER)
        return
    found = text(ctx, ln)
    if not found.startswith("V/v"):
        fix = fixes.retext(ctx.doc.blocks, ln, "V/v" + found[3:], "Viết “V/v” (V hoa, v thường)") \
            if found[:3].lower() == "v/v" else None
        yield ctx.finding(f"Viết “V/v” (V hoa, v thường) thay cho “{found[:3]}”.", at=ln,
                          data={"found": found[:3], "expected": "V/v"}, fix=fix)
