"""Typography rules: font, and the size, bold, italic and capitals of each component; paragraph
layout of the body (alignment, first-line indent, spacing).

Font rules need the style a .docx or a PDF carries; paragraph rules need paragraph formatting,
which only a .docx carries. On plain text they are not applicable. The decree's values are in
`vbhc.nd30.COMPONENT_SPECS`, each with its clause. One finding per component and fault, located
at its first line, with every line it concerns in `data.lines`: a 12 pt body gives one finding,
not two hundred.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any, TypeVar

from vbhc import fixes, nd30, rx
from vbhc.model import Block, Line, Node, Role, Style
from vbhc.nd30 import Spec, source
from vbhc.readers import legacy
from vbhc.rules import Context, Finding, Severity, rule
from vbhc.rules._location import line_part, quote
from vbhc.rules._util import line_no, lines, text
from vbhc.textnorm import is_upper

PL1 = "Phụ lục I"
MAX_LINES = 50  # lines listed in data.lines


_NODE_ROLES = {Role.ARTICLE, Role.ROMAN, Role.DECIMAL, Role.POINT, Role.BULLET, Role.PART, Role.CHAPTER, Role.MUC,
               Role.HEADING, Role.PARAGRAPH}
_HEADING_ROLES = frozenset({Role.PART, Role.CHAPTER, Role.MUC, Role.HEADING})
_LABEL_BOLD_ROLES = frozenset({Role.ARTICLE, Role.ROMAN, Role.DECIMAL})  # "Điều 1." bold, its text not
_APPENDIX_ROLES = {Role.PHU_LUC: "phu_luc", Role.TITLE: "phu_luc_title", Role.KEM_THEO: "kem_theo"}


def _judged(ctx: Context) -> list[tuple[Line, Block, Spec, Node | None]]:
    """Every classified line that has a spec, with its block and, for body lines, its node.

    A line inside the body tree is judged as body text whatever it looks like ("Nơi nhận văn bản
    gồm …" in a paragraph is not the recipients' label). In an appendix only its heading lines are
    judged: its body holds forms, samples and tables laid out by their own needs. Computed once per
    document for the size, bold, italic and capitals rules."""
    if "judged" not in ctx.memo:
        ctx.memo["judged"] = _judge(ctx)
    return ctx.memo["judged"]  # type: ignore[no-any-return]


def _judge(ctx: Context) -> list[tuple[Line, Block, Spec, Node | None]]:
    out = []
    owners = ctx.node_of_block()
    appendix, blocks, specs = ctx.doc.is_appendix, ctx.doc.blocks, nd30.COMPONENT_SPECS
    cell, paragraph = Role.TABLE_CELL, Role.PARAGRAPH  # an enum member looked up once, not per line
    for ln in ctx.doc.lines:
        component: str | None = ln.role
        if appendix:
            component = _APPENDIX_ROLES.get(ln.role) if ln.role else None
            if ln.index in owners:
                continue
        elif ln.role == cell:
            continue  # a table's text has a size rule of its own (ND30.KieuChu.CoChuBang)
        elif ln.index in owners and ln.role not in _NODE_ROLES:
            component = paragraph
        spec = specs.get(component or "")
        if spec is None:
            continue
        blk = blocks[ln.index]
        if not blk.text or blk.text.isspace():  # `not text.strip()`, without copying the text
            continue
        out.append((ln, blk, spec, owners.get(ln.index)))
    return out


def _is_heading_line(ln: Line, node: Node | None) -> bool:
    """A line that is a title (an article's, a khoản's, a section's), not running text."""
    if ln.role in _HEADING_ROLES:
        return True
    return node is not None and node.heading is not None and node.text is None


T = TypeVar("T")


def once_per_style(judge: Callable[[Style], T]) -> Callable[[Style], T]:
    """`judge`, computed once per Style object: readers share one Style among the paragraphs formatted
    alike (a 50-page plan has a handful). Made for one rule run, while the styles are alive."""
    seen: dict[int, T] = {}

    def verdict(style: Style) -> T:
        key = id(style)
        if key not in seen:
            seen[key] = judge(style)
        return seen[key]

    return verdict


def listed_lines(ctx: Context, lns: list[Line]) -> list[int]:
    """The line numbers of `data.lines`: the first MAX_LINES lines' (a grouped finding may have hundreds)."""
    return [n for n in (line_no(ctx, ln) for ln in lns[:MAX_LINES]) if n is not None]


Fixer = Callable[[Spec, Any, list[Line]], "fixes.Fix | None"]
SHOWN_PARTS = 3  # parts named in a message about many lines


def where_lines(ctx: Context, lns: list[Line]) -> str:
    """Where the lines of a grouped finding are, as an officer finds them: how many lines and, for
    more than one, the parts of the first few ("3 dòng: Điều 1; Điều 2, khoản 1; …")."""
    if len(lns) == 1:
        return "1 dòng"  # the finding's own location quotes it
    nodes = ctx.node_of_block()
    parts: dict[str, None] = {}  # the first few distinct parts, in order; the rest is "…"
    for ln in lns:
        parts.setdefault(line_part(ctx.doc, ln, nodes) or f"“{quote(ln.text)}”")
        if len(parts) > SHOWN_PARTS:
            break
    shown = list(parts)
    return f"{len(lns)} dòng: " + "; ".join(shown[:SHOWN_PARTS]) + ("; …" if len(shown) > SHOWN_PARTS else "")


def _grouped(ctx: Context, faults: Iterator[tuple[str, Any, Line, Spec]],
             message: Callable[[Spec, Any, int, str], str], expected: Callable[[Spec], Any],
             fix: Fixer | None = None) -> Iterator[Finding]:
    """One finding per (component, found value), at its first line, listing every line."""
    groups: dict[tuple[str, Any], list[tuple[Line, Spec]]] = {}
    for kind_name, found, ln, spec in faults:
        groups.setdefault((kind_name, found), []).append((ln, spec))
    for (_kind, found), items in groups.items():
        spec = items[0][1]
        lns = [ln for ln, _ in items]
        yield ctx.finding(message(spec, found, len(items), where_lines(ctx, lns)), at=lns[0],
                          data={"component": spec.name, "found": found, "expected": expected(spec),
                                "clause": spec.clause, "count": len(items), "lines": listed_lines(ctx, lns)},
                          fix=fix(spec, found, lns) if fix else None)


# --- Font -------------------------------------------------------------------------------------

_SUBSET_PREFIX = rx.compile(r"^[A-Z]{6}\+")  # "ABCDEF+TimesNewRomanPSMT" in a PDF
_NOT_LETTER = rx.compile(r"[^a-z]")
_TIMES_PS = rx.compile(r"times(roman|bold|italic|bolditalic)?")


def _font_key(font: str) -> str:
    """A font's name as letters only, lower case, without a PDF subset's prefix ("LiberationSerif-Bold" →
    "liberationserifbold")."""
    return _NOT_LETTER.sub("", _SUBSET_PREFIX.sub("", font).lower())


@lru_cache(maxsize=256)
def _is_times(font: str) -> bool:
    """Times New Roman as Word, PDF subsets and PostScript name it (a document uses a few fonts)."""
    key = _font_key(font)
    return key.startswith("timesnewroman") or _TIMES_PS.fullmatch(key) is not None


# Fonts drawn to Times New Roman's widths, which a machine without it prints in (LibreOffice's Liberation
# Serif, ChromeOS's Tinos, URW's Nimbus Roman, TeX Gyre Termes, StarOffice's Thorndale): the lines and
# pages fall as in Times New Roman and the letters look alike, so no văn thư returns a document for it.
# Their names as `_font_key` gives them, as a prefix ("LiberationSerif-Bold", "NimbusRomNo9L-Regu").
_TIMES_CLONES = ("liberationserif", "tinos", "nimbusrom", "texgyretermes", "thorndale")


# Fonts of symbols, not of text: a bullet, a check box or an arrow Word draws from Symbol or Wingdings, or a
# PDF from the fallback that has the glyph. Their names as above.
_SYMBOL_FONTS = ("symbol", "wingdings", "webdings", "zapfdingbats", "dingbats", "opensymbol", "mtextra",
                 "marlett", "segoeuisymbol", "segoeuiemoji", "segoemdl", "notoemoji", "notocoloremoji",
                 "notosanssymbols", "notosansmath", "dejavumath", "cambriamath", "stixtwomath")


@lru_cache(maxsize=256)
def _is_times_clone(font: str) -> bool:
    return _font_key(font).startswith(_TIMES_CLONES)


@lru_cache(maxsize=256)
def _is_other_text_font(font: str) -> bool:
    return not _is_times(font) and not _font_key(font).startswith(_SYMBOL_FONTS)


def _other_fonts(style: Style) -> list[str]:
    return [f for f in style.fonts or ([style.font] if style.font else []) if _is_other_text_font(f)]


@rule("ND30.Font.TimesNewRoman", severity="error", source=source(f"{PL1}, Phần I, mục I.4"), needs=["style"],
      summary="Phông chữ Times New Roman cho toàn văn bản")
def font_times(ctx: Context) -> Iterator[Finding]:
    """Toàn văn bản dùng phông Times New Roman, bộ mã Unicode (TCVN 6909:2001), màu đen (Phụ lục I, Phần I,
    mục I.4). Mọi phông của mọi dòng đều được xét; mỗi phông khác cho một phát hiện. Một phông thay thế
    cùng khổ chữ với Times New Roman (Liberation Serif của LibreOffice, Tinos, Nimbus Roman: máy soạn
    không có Times New Roman) chỉ là cảnh báo: dòng và trang vẫn như in bằng Times New Roman. Phông ký hiệu
    (Symbol, Wingdings của dấu đầu dòng, ô đánh dấu, mũi tên) không phải phông của chữ, không bị xét."""
    by_font: dict[str, list[Line]] = {}
    blocks = ctx.doc.blocks
    other_fonts = once_per_style(_other_fonts)
    for ln in ctx.doc.lines:
        for font in other_fonts(blocks[ln.index].style):
            by_font.setdefault(font, []).append(ln)
    for font, lns in by_font.items():
        # text typed in a legacy font is in that font's encoding: another font would change its letters
        fix = None if legacy.font_encoding(font) else fixes.run_format(lns, "font", nd30.FONT, font)
        clone = _is_times_clone(font)
        why = (" (phông thay thế cùng khổ chữ với Times New Roman, do máy soạn không có phông này)" if clone
               else "")
        yield ctx.finding(f"Phông chữ “{font}”{why} ở {where_lines(ctx, lns)}; "
                          f"{'nên' if clone else 'cần'} dùng phông Times New Roman.",
                          at=lns[0], data={"found": font, "expected": nd30.FONT, "count": len(lns),
                                           "lines": listed_lines(ctx, lns), "substitute": clone}, fix=fix,
                          severity="warning" if clone else None)


# --- Size, bold, italic, capitals ------------------------------------------------------------

def _fmt(r: nd30.Range) -> str:
    return f"{r.low:g}" if r.low == r.high else f"{r.low:g}–{r.high:g}"


@rule("ND30.KieuChu.CoChu", severity="error", source=source(f"{PL1}, mục II và bảng mục V"), needs=["style"],
      summary="Cỡ chữ của từng thành phần thể thức theo Nghị định")
def co_chu(ctx: Context) -> Iterator[Finding]:
    """Mỗi thành phần có cỡ chữ riêng: Quốc hiệu 12–13, Tiêu ngữ 13–14, tên cơ quan 12–13, “Số:” 13, địa
    danh và thời gian 13–14, tên loại và trích yếu 13–14, “V/v” 12–13, căn cứ và nội dung 13–14, phần ký
    13–14, “Nơi nhận:” 12, tên nơi nhận 11 (Phụ lục I, mục II và bảng mục V; các giá trị ở
    vbhc.nd30.COMPONENT_SPECS). Phần thân của phụ lục (biểu mẫu, bảng) không bị xét."""
    off_size: dict[Severity, list[tuple[str, Any, Line, Spec]]] = {"error": [], "warning": []}
    for ln, blk, spec, _node in _judged(ctx):
        off = _size_off(blk.style.size_pt, spec.size)
        if off > nd30.SIZE_TOLERANCE_PT:
            off_size["error" if off > nd30.SIZE_WARNING_PT else "warning"].append(
                (spec.name, blk.style.size_pt, ln, spec))
    for severity, faults in off_size.items():
        for f in _grouped(ctx, iter(faults), _size_message, lambda spec: [spec.size.low, spec.size.high],
                          _size_fix):
            f.severity = severity
            yield f


def _clamp(value: float, want: nd30.Range) -> float:
    return min(max(value, want.low), want.high)


def _size_fix(spec: Spec, found: Any, lns: list[Line]) -> fixes.Fix:
    """The nearest size the decree allows (14 pt for 12–13 becomes 13)."""
    return fixes.run_format(lns, "size_pt", _clamp(found, spec.size), found)


def _size_off(size: float | None, want: nd30.Range) -> float:
    """How many points a size lies outside a range (0 inside it, or when the size is unknown)."""
    if size is None:
        return 0.0
    return max(want.low - size, size - want.high, 0.0)


def _size_message(spec: Spec, found: Any, n: int, where: str) -> str:
    name = f"{spec.name[:1].upper()}{spec.name[1:]}"
    return f"{name} cỡ chữ {found:g} ({where}); cần cỡ {_fmt(spec.size)} ({spec.clause})."


@rule("ND30.KieuChu.CoChuBang", severity="warning", source=source(f"{PL1}, mục II.6.e"), needs=["style"],
      summary="Cỡ chữ trong bảng của nội dung quá nhỏ hoặc quá lớn")
def co_chu_bang(ctx: Context) -> Iterator[Finding]:
    """Chữ trong bảng (bảng phân công nhiệm vụ, bảng số liệu) thường nhỏ hơn nội dung; Nghị định không quy
    định cỡ chữ trong bảng, nên chỉ cảnh báo khi nhỏ hơn 11 (cỡ nhỏ nhất Nghị định dùng, cho nơi nhận) hoặc
    lớn hơn 14 (Phụ lục I, mục II.6.e). Phần thân của phụ lục không bị xét."""
    if ctx.doc.is_appendix:
        return
    want = nd30.TABLE_TEXT_SIZE
    by_size: dict[float, list[Line]] = {}
    for ln in lines(ctx, Role.TABLE_CELL):
        size = ctx.doc.blocks[ln.index].style.size_pt
        if _size_off(size, want) > nd30.SIZE_TOLERANCE_PT and size is not None:
            by_size.setdefault(size, []).append(ln)
    for size, lns in sorted(by_size.items()):
        yield ctx.finding(f"Chữ trong bảng cỡ {size:g} ở {where_lines(ctx, lns)}; nên từ {_fmt(want)}.", at=lns[0],
                          data={"found": size, "expected": [want.low, want.high], "count": len(lns),
                                "lines": listed_lines(ctx, lns)},
                          fix=fixes.run_format(lns, "size_pt", _clamp(size, want), size))


def _style_rule(attr: str, word_yes: str, word_no: str):
    def faults(ctx: Context):
        for ln, blk, spec, node in _judged(ctx):
            want = getattr(spec, attr)
            have = getattr(blk.style, attr)
            if want is None or have is None:
                continue
            titled = _is_heading_line(ln, node)
            if attr == "bold" and want and ln.role in _LABEL_BOLD_ROLES and not titled:
                continue  # "Điều 1. Ban hành …": only the label is bold when the article has no title
            if bool(have) != want:
                yield spec.name, bool(have), ln, spec

    def message(spec: Spec, found: bool, n: int, where: str) -> str:
        want = getattr(spec, attr)
        return (f"{spec.name[:1].upper()}{spec.name[1:]} {'không ' if want else ''}{word_yes} ({where}); cần "
                f"{word_yes if want else word_no} ({spec.clause}).")

    return faults, message


_bold_faults, _bold_message = _style_rule("bold", "in đậm", "không in đậm")
_italic_faults, _italic_message = _style_rule("italic", "in nghiêng", "chữ đứng, không nghiêng")


@rule("ND30.KieuChu.Dam", severity="warning", source=source(f"{PL1}, mục II và bảng mục V"), needs=["style"],
      summary="Kiểu chữ đậm/không đậm của từng thành phần theo Nghị định")
def kieu_chu_dam(ctx: Context) -> Iterator[Finding]:
    """In đậm: Quốc hiệu, Tiêu ngữ, tên cơ quan ban hành, tên loại, trích yếu, tiêu đề phần, chương, mục,
    điều, quyền hạn, chức vụ và họ tên người ký, “Nơi nhận:”; không in đậm: “Số:”, “V/v”, tên nơi nhận
    (Phụ lục I, mục II và bảng mục V). Điều không có tiêu đề (“Điều 1. Ban hành …”) chỉ in đậm phần
    “Điều 1.”, nên không bị xét."""
    yield from _grouped(ctx, _bold_faults(ctx), _bold_message, lambda spec: spec.bold,
                        lambda spec, found, lns: fixes.run_format(lns, "bold", spec.bold, found))


@rule("ND30.KieuChu.Nghieng", severity="warning", source=source(f"{PL1}, mục II và bảng mục V"), needs=["style"],
      summary="Kiểu chữ nghiêng/đứng của từng thành phần theo Nghị định")
def kieu_chu_nghieng(ctx: Context) -> Iterator[Finding]:
    """In nghiêng: địa danh và thời gian, căn cứ, “Nơi nhận:”, “(Kèm theo …)”; chữ đứng: Quốc hiệu, Tiêu
    ngữ, tên cơ quan, “Số:”, tên loại, trích yếu, họ tên người ký, tên nơi nhận (Phụ lục I, mục II và
    bảng mục V)."""
    yield from _grouped(ctx, _italic_faults(ctx), _italic_message, lambda spec: spec.italic,
                        lambda spec, found, lns: fixes.run_format(lns, "italic", spec.italic, found))


@rule("ND30.KieuChu.InHoa", severity="warning", source=source(f"{PL1}, mục II và bảng mục V"), needs=["style"],
      summary="Thành phần phải in hoa (Quốc hiệu, cơ quan, tên loại, tiêu đề mục, chức vụ)")
def kieu_chu_in_hoa(ctx: Context) -> Iterator[Finding]:
    """In hoa: Quốc hiệu, tên cơ quan, tên loại, tiêu đề phần, chương, mục (“I. MỤC TIÊU”), quyền hạn và
    chức vụ người ký (Phụ lục I, mục II và bảng mục V). Định dạng “All caps” của Word được tính là chữ
    in hoa."""
    def faults():
        for ln, blk, spec, node in _judged(ctx):
            if not spec.caps:
                continue
            if ln.role == Role.ROMAN and not _is_heading_line(ln, node):
                continue
            t = text(ctx, ln)
            if not (is_upper(t) or blk.style.all_caps):
                yield spec.name, t[:60], ln, spec
    yield from _grouped(
        ctx, faults(),
        lambda spec, found, n, where: f"{spec.name[:1].upper()}{spec.name[1:]} “{found}” chưa in hoa"
                                      f"{f' ({where})' if n > 1 else ''}; cần chữ in hoa ({spec.clause}).",
        lambda spec: "in hoa",
        lambda spec, found, lns: fixes.run_format(lns, "all_caps", True, False))


# --- Paragraph layout of the body (needs paragraph formatting: .docx) -------------------------

def _body_lines(ctx: Context, *, with_articles: bool = False) -> list[tuple[Line, Block, Node | None]]:
    """Body paragraphs of a document; an appendix's body (forms, samples, tables) is not judged.
    Computed once per document for the four paragraph rules."""
    if "body_lines" not in ctx.memo:
        every = [] if ctx.doc.is_appendix else _find_body_lines(ctx)
        ctx.memo["body_lines"] = {True: every, False: [x for x in every if x[0].role in _BODY_KINDS]}
    return ctx.memo["body_lines"][with_articles]  # type: ignore[no-any-return]


_BODY_KINDS = frozenset(nd30.BODY_KINDS)
_BODY_KINDS_AND_ARTICLES = frozenset((*nd30.BODY_KINDS, "article"))


def _find_body_lines(ctx: Context) -> list[tuple[Line, Block, Node | None]]:
    nodes = ctx.node_of_block()
    blocks = ctx.doc.blocks
    out = []
    for ln in ctx.doc.lines:
        if ln.role not in _BODY_KINDS_AND_ARTICLES:
            continue
        blk = blocks[ln.index]
        if blk.table is not None or not blk.text or blk.text.isspace():
            continue
        out.append((ln, blk, nodes.get(ln.index)))
    return out


def _paragraph_finding(ctx: Context, bad: list[tuple[Line, Any]], what: str, expected: Any,
                       fix: fixes.Fix | None = None) -> Iterator[Finding]:
    if not bad:
        return
    lns = [ln for ln, _ in bad]
    found = sorted({v for _, v in bad}, key=str)
    yield ctx.finding(f"{len(bad)} đoạn nội dung {what} ({where_lines(ctx, lns)}).", at=lns[0],
                      data={"found": found, "expected": expected, "count": len(bad),
                            "lines": listed_lines(ctx, lns)}, fix=fix)


@rule("ND30.Doan.CanDeu", severity="warning", source=source(f"{PL1}, mục II.6.e"),
      needs=["style", "paragraph_format"], summary="Nội dung văn bản canh đều hai lề")
def doan_can_deu(ctx: Context) -> Iterator[Finding]:
    """Nội dung văn bản được canh đều cả hai lề (Phụ lục I, mục II.6.e). Dòng canh giữa trong nội dung được
    coi là chủ ý nên không bị xét; dòng tiêu đề không bị xét."""
    bad = [(ln, blk.style.align) for ln, blk, node in _body_lines(ctx)
           if blk.style.align in ("left", "right") and not _is_heading_line(ln, node)]
    yield from _paragraph_finding(ctx, bad, "không canh đều hai lề; cần canh đều (Justify)", "justify",
                                  fixes.paragraph_format([ln for ln, _ in bad], "align", "justify"))


@rule("ND30.Doan.LuiDauDong", severity="warning", source=source(f"{PL1}, mục II.6.e"),
      needs=["style", "paragraph_format"], summary="Chữ đầu dòng của đoạn lùi vào 1 cm hoặc 1,27 cm")
def doan_lui_dau_dong(ctx: Context) -> Iterator[Finding]:
    """Dòng đầu mỗi đoạn (kể cả điều, mục II.6.đ) lùi vào 1 cm hoặc 1,27 cm so với lề trái (Phụ lục I, mục
    II.6.e); đo bằng thụt lề trái cộng thụt dòng đầu, như Word in ra."""
    bad = []
    wanted = []
    indent_fault = once_per_style(_indent_fault)
    for ln, blk, _node in _body_lines(ctx, with_articles=True):
        fault = indent_fault(blk.style)
        if fault is not None:
            bad.append((ln, fault[0]))
            wanted.append((ln, fault[1]))
    yield from _paragraph_finding(ctx, bad, "lùi đầu dòng sai (mm); cần lùi 10 mm hoặc 12,7 mm", [10.0, 12.7],
                                  fixes.paragraph_values(wanted, "first_line_indent_mm",
                                                         "Đặt lùi đầu dòng 10 mm hoặc 12,7 mm (gần nhất)"))


def _indent_fault(st: Style) -> tuple[float, float] | None:
    """Where a paragraph's first line starts (mm) when the decree does not allow it, and the first-line
    indent that puts it at the nearest allowed one."""
    if st.first_line_indent_mm is None or st.align == "center":
        return None
    left = st.left_indent_mm or 0
    pos = round(left + st.first_line_indent_mm, 1)
    if pos in nd30.FIRST_LINE_INDENT_MM:
        return None
    return pos, round(min(nd30.FIRST_LINE_INDENTS_MM, key=lambda mm: abs(mm - pos)) - left, 2)


@rule("ND30.Doan.KhoangCach", severity="warning", source=source(f"{PL1}, mục II.6.e"),
      needs=["style", "paragraph_format"], summary="Khoảng cách giữa các đoạn văn tối thiểu 6pt")
def doan_khoang_cach(ctx: Context) -> Iterator[Finding]:
    """Khoảng cách giữa các đoạn văn tối thiểu 6pt (Phụ lục I, mục II.6.e): tổng khoảng cách trước và sau
    của mỗi đoạn nội dung."""
    bad = []
    for ln, blk, _node in _body_lines(ctx, with_articles=True):
        st = blk.style
        if st.space_before_pt is None and st.space_after_pt is None:
            continue
        total = (st.space_before_pt or 0) + (st.space_after_pt or 0)
        if total < nd30.PARAGRAPH_SPACING_MIN_PT - 0.05:
            bad.append((ln, total))
    after = [(ln, nd30.PARAGRAPH_SPACING_MIN_PT - (ctx.doc.blocks[ln.index].style.space_before_pt or 0))
             for ln, _ in bad]
    yield from _paragraph_finding(ctx, bad, "cách đoạn dưới 6pt; cần tối thiểu 6pt", nd30.PARAGRAPH_SPACING_MIN_PT,
                                  fixes.paragraph_values(after, "space_after_pt", "Đặt cách đoạn tổng cộng 6 pt"))


@rule("ND30.Doan.GianDong", severity="warning", source=source(f"{PL1}, mục II.6.e"),
      needs=["style", "paragraph_format"], summary="Khoảng cách dòng từ dòng đơn đến 1,5 lines")
def doan_gian_dong(ctx: Context) -> Iterator[Finding]:
    """Khoảng cách giữa các dòng tối thiểu là dòng đơn, tối đa 1,5 lines (Phụ lục I, mục II.6.e). Khoảng
    cách dòng đặt bằng điểm (Exactly) không bị xét vì phụ thuộc chiều cao dòng của phông."""
    low, high = nd30.LINE_SPACING.low - 0.01, nd30.LINE_SPACING.high + 0.01
    bad = [(ln, ls) for ln, blk, _node in _body_lines(ctx, with_articles=True)
           if (ls := blk.style.line_spacing) is not None and not low <= ls <= high]
    yield from _paragraph_finding(ctx, bad, "có khoảng cách dòng ngoài khoảng dòng đơn đến 1,5 lines",
                                  [nd30.LINE_SPACING.low, nd30.LINE_SPACING.high],
                                  fixes.paragraph_values([(ln, _clamp(ls, nd30.LINE_SPACING)) for ln, ls in bad],
                                                         "line_spacing", "Đặt giãn dòng từ 1 đến 1,5 dòng"))
