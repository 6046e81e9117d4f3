"""Page rules: paper, orientation, margins and page numbers (Phụ lục I, Phần I, mục I).

They need the page setup, which a .docx carries fully and a PDF in part (paper size, the page
numbers it prints; its margins are only where the ink is, so they are not judged). A text file
carries none: these rules are then not applicable. The first section is judged on the first
document; a .docx's later sections (a Phụ lục on pages of its own) on the document that begins in
them: their margins when portrait (a landscape page of tables is laid out by its own needs), their
paper as a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from vbhc import fixes, nd30
from vbhc.model import PageSetup
from vbhc.nd30 import source
from vbhc.rules import Context, Finding, rule
from vbhc.rules._location import ROLE_PART

PL1 = "Phụ lục I, Phần I"
PAGE = "định dạng trang (Layout › Page Setup)"
PAGE_NUMBER = "số trang (đầu trang)"


def _setup(ctx: Context) -> PageSetup | None:
    if ctx.index != 0:
        return None
    return ctx.parsed.source.page_setup


def _later_sections(ctx: Context) -> list[tuple[int, PageSetup]]:
    """The file's sections after the first that begin in this document, with their numbers (1-based).
    Computed once per document for the paper and orientation rules."""
    if "later_sections" not in ctx.memo:
        ctx.memo["later_sections"] = _find_later_sections(ctx)
    return ctx.memo["later_sections"]  # type: ignore[no-any-return]


def _find_later_sections(ctx: Context) -> list[tuple[int, PageSetup]]:
    src = ctx.parsed.source
    starts: dict[int, int] = {}  # section → the document its first block is in
    for d, doc in enumerate(ctx.parsed.documents):
        for ln in doc.lines:
            starts.setdefault(src.blocks[ln.index].section, d)
    return [(s + 1, src.sections[s]) for s, d in sorted(starts.items())
            if d == ctx.index and 0 < s < len(src.sections)]


@rule("ND30.Trang.KhoGiay", severity="error", source=source(f"{PL1}, mục I.1"), needs=["page_setup"],
      summary="Khổ giấy phải là A4 (210 × 297 mm)")
def kho_giay(ctx: Context) -> Iterator[Finding]:
    """Văn bản hành chính trình bày trên khổ giấy A4, 210 × 297 mm (Phụ lục I, Phần I, mục I.1)."""
    setup = _setup(ctx)
    if setup is not None and setup.paper != "A4":
        found = _paper_words(setup)
        yield ctx.finding(f"Khổ giấy là {found}; cần khổ A4 (210 × 297 mm).", part=PAGE,
                          data={"found": {"width_mm": setup.width_mm, "height_mm": setup.height_mm,
                                          "paper": setup.paper}, "expected": "A4"},
                          fix=fixes.page("paper", "A4", setup.paper or found))
    by_paper: dict[str, list[int]] = {}
    for number, later in _later_sections(ctx):
        if later.paper != "A4":
            by_paper.setdefault(_paper_words(later), []).append(number)
    for found, numbers in by_paper.items():
        which = f"phần thứ {numbers[0]}" if len(numbers) == 1 else f"các phần {', '.join(map(str, numbers))}"
        yield ctx.finding(f"Trang của {which} của tệp (phụ lục, biểu mẫu) dùng khổ giấy {found}; văn bản và phụ "
                          "lục dùng khổ A4.", part=f"{PAGE}, {which}", severity="warning",
                          data={"sections": numbers, "found": found, "expected": "A4"})


def _paper_words(setup: PageSetup) -> str:
    return f"{setup.width_mm:.0f} × {setup.height_mm:.0f} mm" + (f" ({setup.paper})" if setup.paper else "")


@rule("ND30.Trang.ChieuGiay", severity="warning", source=source(f"{PL1}, mục I.2"), needs=["page_setup"],
      summary="Văn bản trình bày theo chiều dài khổ A4 (giấy đứng)")
def chieu_giay(ctx: Context) -> Iterator[Finding]:
    """Văn bản trình bày theo chiều dài khổ A4 (giấy đứng); chỉ trang có bảng biểu không làm thành phụ lục
    riêng mới được trình bày theo chiều rộng (Phụ lục I, Phần I, mục I.2), nên đây là cảnh báo, và không báo
    khi văn bản có bảng."""
    setup = _setup(ctx)
    if setup is not None and setup.orientation == "landscape" and not any(
            node.kind == "table" for node in ctx.doc.nodes()):
        yield ctx.finding("Trang đầu trình bày theo chiều rộng (giấy ngang); văn bản cần trình bày theo chiều dài "
                          "khổ A4, trừ trang có bảng biểu.", part=PAGE,
                          data={"found": "landscape", "expected": "portrait"},
                          fix=fixes.page("orientation", "portrait", "landscape"))


_SIDES = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


@rule("ND30.Trang.LeTrang", severity="error", source=source(f"{PL1}, mục I.3"), needs=["page_setup"],
      summary="Lề trên, dưới 20–25 mm; lề trái 30–35 mm; lề phải 15–20 mm")
def le_trang(ctx: Context) -> Iterator[Finding]:
    """Lề trang: trên và dưới 20–25 mm, trái 30–35 mm, phải 15–20 mm (Phụ lục I, Phần I, mục I.3). Chỉ xét
    với .docx: PDF chỉ cho biết chỗ có chữ, không cho biết lề tác giả đã đặt; trang giấy ngang (bảng biểu)
    nghị định không quy định lề nên không xét."""
    if ctx.parsed.source.format != "docx":
        return
    setup = _setup(ctx)
    # the decree sets margins for the portrait page only: a landscape page of tables (a Phụ lục in a file of its
    # own, or one after the text) is laid out by its own needs, which ChieuGiay warns of
    if setup is not None and setup.orientation == "portrait":
        for side, value, allowed in _bad_margins(setup):
            wanted = min(max(value, allowed.low), allowed.high)
            yield ctx.finding(f"Lề {_SIDES[side]} là {value:.1f} mm; cần từ {allowed.low:g} đến {allowed.high:g} mm.",
                              part=PAGE, data={"side": side, "found": round(value, 1),
                                               "expected": [allowed.low, allowed.high]},
                              fix=fixes.page(f"margin.{side}", wanted, round(value, 1)))
    # the later sections, one finding per side: a file made from a PDF has a section per page or per column
    later: dict[str, dict[int, float]] = {}
    for number, section in _later_sections(ctx):
        if section.orientation == "portrait":
            for side, value, _allowed in _bad_margins(section):
                later.setdefault(side, {})[number] = round(value, 1)
    for side, values in later.items():
        allowed, numbers, found = nd30.MARGINS_MM[side], list(values), sorted(set(values.values()))
        which = f"phần thứ {numbers[0]}" if len(numbers) == 1 else f"các phần {_spans(numbers)}"
        shown = f"{found[0]:.1f} mm" if len(found) == 1 else f"từ {found[0]:.1f} đến {found[-1]:.1f} mm"
        yield ctx.finding(f"Lề {_SIDES[side]} của {which} của tệp là {shown}; cần từ {allowed.low:g} đến "
                          f"{allowed.high:g} mm.", part=f"{PAGE}, {which}",
                          data={"side": side, "found": found[0] if len(found) == 1 else found,
                                "expected": [allowed.low, allowed.high], "sections": numbers,
                                **({"section": numbers[0]} if len(numbers) == 1 else {})})


def _spans(numbers: list[int]) -> str:
    """Section or page numbers as officers write them: "2, 3, 5–19"."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}, {r[1]}" if len(r) == 2 else f"{r[0]}–{r[-1]}"
                     for r in runs)


def _bad_margins(setup: PageSetup) -> Iterator[tuple[str, float, nd30.Range]]:
    for side, allowed in nd30.MARGINS_MM.items():
        value = setup.margins_mm.get(side)
        if value is not None and not (allowed.low - 0.3 <= value <= allowed.high + 0.3):
            yield side, value, allowed


def _shows_on_first_page(setup: PageSetup, fmt: str) -> list[dict]:
    if fmt == "pdf":
        return [p for p in setup.page_numbers if p.get("page") == 1]
    if setup.different_first_page:
        return [p for p in setup.page_numbers if p.get("first_page")]
    return [p for p in setup.page_numbers if p.get("type", "default") == "default"]


@rule("ND30.Trang.SoTrangDau", severity="error", source=source(f"{PL1}, mục I.7"), needs=["page_setup"],
      summary="Không hiển thị số trang ở trang thứ nhất")
def so_trang_dau(ctx: Context) -> Iterator[Finding]:
    """Không hiển thị số trang ở trang thứ nhất (Phụ lục I, Phần I, mục I.7): trong Word chọn “Different
    First Page” và để trống đầu trang của trang 1."""
    setup = _setup(ctx)
    if setup is None:
        return
    shown = _shows_on_first_page(setup, ctx.parsed.source.format)
    if shown:
        # "Different First Page" hides the page number on page 1 when page 1 has no header of its own
        fix = fixes.page("different_first_page", True, False) \
            if not setup.different_first_page else None
        yield ctx.finding("Số trang hiển thị ở trang thứ nhất; không đánh số trang đầu (trong Word: chọn “Different "
                          "First Page” và để trống đầu trang của trang 1).", part=PAGE_NUMBER,
                          data={"found": shown[0]}, fix=fix)


@rule("ND30.Trang.ViTriSoTrang", severity="warning", source=source(f"{PL1}, mục I.7"), needs=["page_setup"],
      summary="Số trang đặt canh giữa trong lề trên")
def vi_tri_so_trang(ctx: Context) -> Iterator[Finding]:
    """Số trang đặt canh giữa theo chiều ngang, trong phần lề trên (Phụ lục I, Phần I, mục I.7)."""
    setup = _setup(ctx)
    if setup is None:
        return
    fmt = ctx.parsed.source.format
    for p in setup.page_numbers:
        where, align = p.get("where"), p.get("align")
        wrong = []
        if where == "footer":
            wrong.append("ở lề dưới (cần ở lề trên)")
        if fmt == "docx" and align not in (None, "center"):
            wrong.append(f"canh “{align}” (cần canh giữa)")
        if wrong:
            # only the alignment is a fix: moving the number from the footer into the header is not
            fix = fixes.page_number("align", "center", align) \
                if fmt == "docx" and where != "footer" and align not in (None, "center") else None
            yield ctx.finding("Số trang " + ", ".join(wrong) + ".", part=PAGE_NUMBER,
                              data={"found": {"where": where, "align": align}, "expected": {"where": "header",
                                                                                           "align": "center"}},
                              fix=fix)
            return


@rule("ND30.Trang.CoChuSoTrang", severity="warning", source=source(f"{PL1}, mục I.7"), needs=["page_setup"],
      summary="Số trang cỡ chữ 13–14")
def co_chu_so_trang(ctx: Context) -> Iterator[Finding]:
    """Số trang bằng chữ số Ả Rập, cỡ chữ 13 đến 14, kiểu chữ đứng (Phụ lục I, Phần I, mục I.7)."""
    setup = _setup(ctx)
    if setup is None:
        return
    for p in setup.page_numbers:
        size = p.get("size_pt")
        if size is not None and size not in nd30.PAGE_NUMBER_SIZE:
            wanted = min(max(size, nd30.PAGE_NUMBER_SIZE.low), nd30.PAGE_NUMBER_SIZE.high)
            yield ctx.finding(f"Số trang cỡ chữ {size:g}; cần cỡ {nd30.PAGE_NUMBER_SIZE.low:g}–"
                              f"{nd30.PAGE_NUMBER_SIZE.high:g}.", part=PAGE_NUMBER,
                              data={"found": size, "expected": [13, 14]},
                              fix=fixes.page_number("size_pt", wanted, size))
            return


@rule("ND30.Trang.DanhSoTrang", severity="warning", source=source(f"{PL1}, mục I.7"), needs=["page_setup"],
      summary="Văn bản nhiều trang phải đánh số trang")
def danh_so_trang(ctx: Context) -> Iterator[Finding]:
    """Trang được đánh số từ 1 bằng chữ số Ả Rập (không hiển thị số trang đầu) (Phụ lục I, Phần I, mục
    I.7). Chỉ xét khi tệp cho biết số trang."""
    setup = _setup(ctx)
    pages = ctx.parsed.source.pages
    if setup is None or not pages or pages < 2 or setup.page_numbers:
        return
    yield ctx.finding(f"Văn bản có {pages} trang nhưng không đánh số trang; cần số trang canh giữa ở lề trên, "
                      "từ trang thứ hai.", part=PAGE_NUMBER, data={"pages": pages},
                      fix=fixes.page("page_number", True, False))


@rule("ND30.Trang.DauTrang", severity="warning", source=source(f"{PL1}, mục I.6 và mục IV"), needs=["page_setup"],
      summary="Phần đầu văn bản đặt trong đầu trang (Header) của Word")
def dau_trang(ctx: Context) -> Iterator[Finding]:
    """Các thành phần thể thức của phần đầu văn bản (Quốc hiệu và Tiêu ngữ, tên cơ quan, số và ký hiệu, địa
    danh và thời gian) được trình bày trong vùng văn bản của trang đầu, theo sơ đồ bố trí (Phụ lục I, Phần I,
    mục I.6 và mục IV). Đặt trong đầu trang (Header) của Word, chúng nằm ở lề trên, in lại ở mọi trang nếu
    trang đầu không có đầu trang riêng, và dễ mất khi văn bản được chuyển định dạng hay đưa vào hệ thống quản
    lý văn bản. Với PDF: phần đầu văn bản được in lại ở đầu mọi trang sau. In ra vẫn đọc được nên đây là cảnh
    báo."""
    setup = _setup(ctx)
    if setup is not None and ctx.doc.header_again:  # a PDF: the page header printed, on every page
        again = ctx.doc.header_again
        first = next((ln for ln in ctx.doc.lines if ln.role in ROLE_PART), None)
        yield ctx.finding(f"Phần đầu văn bản được in lại ở đầu {'trang' if len(again) == 1 else 'các trang'} "
                          f"{_spans(again)}; chỉ trang đầu có phần đầu văn bản (thường do khi soạn, phần này được đặt "
                          "trong đầu trang (Header) của Word).", at=first, data={"pages": again, "every_page": True})
        return
    blocks = ctx.parsed.source.blocks
    lines = [ln for ln in ctx.doc.lines if blocks[ln.index].part == "header"]
    if setup is None or not lines:
        return
    names = list(dict.fromkeys(ROLE_PART[ln.role] for ln in lines if ln.role in ROLE_PART))
    where = ("đầu trang riêng của trang đầu" if setup.different_first_page
             else "đầu trang chung, nên được in lại ở đầu mọi trang")
    yield ctx.finding(f"Phần đầu văn bản ({'; '.join(names) or 'các dòng đầu'}) nằm trong đầu trang (Header) của Word "
                      f"({where}), không nằm trong thân văn bản; nên chuyển các dòng này vào đầu thân văn bản.",
                      at=lines[0], data={"lines": len(lines), "every_page": not setup.different_first_page})
