"""Body rules: căn cứ punctuation, numbering of articles, clauses and points, citations with "số"."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex as re

from vbhc import citation, fixes, ids, nd30, rx
from vbhc.model import LabelField, Line, Node, Role
from vbhc.nd30 import source
from vbhc.numbering import point_index, point_letter, roman, roman_value
from vbhc.rules import Context, Finding, Severity, rule
from vbhc.rules._util import lines, text
from vbhc.textnorm import letters_of

PL1 = "Phụ lục I"

# --- Căn cứ ---------------------------------------------------------------------------------

_QUOC_HOI = letters_of("Quốc hội")  # the issuer of a Nghị quyết of the Quốc hội or its Standing Committee
_PROPOSAL = rx.compile(r"^(?:Theo|Xét)\s+(?:đề\s+nghị|đơn|tờ\s+trình|báo\s+cáo)", re.I)


@rule("ND30.CanCu.DauCau", severity="error", source=source(f"{PL1}, mục II.6.a; Phụ lục III, Mẫu 1.3"),
      summary="Mỗi căn cứ kết thúc bằng dấu chấm phẩy (;), dòng cuối cùng bằng dấu chấm (.)")
def can_cu_dau_cau(ctx: Context) -> Iterator[Finding]:
    """Mỗi căn cứ xuống dòng, cuối dòng có dấu chấm phẩy (;); dòng cuối cùng của phần căn cứ kết thúc bằng
    dấu chấm (.) (Phụ lục I, mục II.6.a). Khi “Theo đề nghị …” hoặc “Xét …” khép phần căn cứ (Phụ lục
    III, Mẫu 1.3), đó là dòng cuối, mang dấu chấm; căn cứ đứng trước nó kết thúc bằng “;” (dấu “,” cũng
    được chấp nhận vì nhiều quyết định viết như vậy).

    Chỉ xét văn bản có dòng ban hành (“QUYẾT ĐỊNH:”), nơi phần căn cứ chắc chắn; câu mở đầu của kế hoạch
    “Căn cứ …, UBND xã ban hành Kế hoạch …:” là câu của nội dung. Quốc hội và Ủy ban Thường vụ Quốc hội
    theo lệ riêng kết thúc dòng “Xét …” bằng dấu phẩy trước “QUYẾT NGHỊ:”: ở văn bản của họ, đó là cảnh báo."""
    doc = ctx.doc
    if doc.enacting is None:
        return
    preamble = []
    for ln in doc.lines:
        if ln.role == Role.ENACTING:
            break
        if ln.role == Role.CAN_CU:
            preamble.append(ln)
    for i, ln in enumerate(preamble):
        t = text(ctx, ln)
        end = t.rstrip()[-1:] if t.rstrip() else ""
        last = i == len(preamble) - 1
        if last:
            if end != ".":
                own = end == "," and _QUOC_HOI in letters_of(f"{doc.issuer or ''} {doc.enacting_authority or ''}")
                yield ctx.finding(f"Dòng cuối cùng của phần căn cứ phải kết thúc bằng dấu chấm (.), không phải "
                                  f"“{end}”" + (" (văn bản của Quốc hội, Ủy ban Thường vụ Quốc hội thường viết “,” "
                                                "trước “QUYẾT NGHỊ:”)." if own else "."),
                                  at=ln, data={"found": end, "expected": ".", "text": t[-80:]},
                                  fix=_end_fix(ctx, ln, "."), severity="warning" if own else None)
            continue
        nxt = text(ctx, preamble[i + 1])
        allowed = (";", ",") if _PROPOSAL.match(nxt) else (";",)
        if end not in allowed:
            yield ctx.finding(f"Căn cứ phải kết thúc bằng dấu chấm phẩy (;), không phải “{end}”.",
                              at=ln, data={"found": end, "expected": ";", "text": t[-80:]}, fix=_end_fix(ctx, ln, ";"))


def _end_fix(ctx: Context, ln: Line, mark: str) -> fixes.Fix | None:
    """The căn cứ ending with `mark`: a wrong last mark (",", ";", ":", ".") replaced, a missing one added."""
    t = ln.text.rstrip()
    fixed = (t[:-1] if t[-1:] in ",;:." else t) + mark
    word = "dấu chấm (.)" if mark == "." else "dấu chấm phẩy (;)"
    return fixes.retext(ctx.doc.blocks, ln, fixed, f"Kết thúc căn cứ bằng {word}")


# --- Numbering --------------------------------------------------------------------------------

_DOTTED = rx.compile(r"\d+(?:\.\d+)+")


def _ordinal(node: Node) -> int | None:
    """The position a label stands for: 1 for "1.", "I." and "a)"; None if it is not a plain one."""
    return _ordinal_of(node.kind, node.number or "")


@lru_cache(maxsize=4096)  # labels repeat: "1", "a", "II" in every section
def _ordinal_of(kind: str, n: str) -> int | None:
    if kind == "point":
        return point_index(n)
    if n.isdigit():
        return int(n)
    if _DOTTED.fullmatch(n):
        return int(n.rsplit(".", 1)[1])
    return roman_value(n)


def _family(node: Node) -> tuple[str, str]:
    """Siblings numbered in one sequence: same kind and same kind of label ("I." vs "Mục 1")."""
    return node.kind, _label_style(node.number or "")


@lru_cache(maxsize=4096)
def _label_style(n: str) -> str:
    return "roman" if roman_value(n) else "dotted" if "." in n else "digit" if n.isdigit() else "letter"


_ACROSS_KINDS = ("article", "part", "chapter")  # numbered across the whole document
_NOT_AMONG_SIBLINGS = frozenset({*_ACROSS_KINDS, "bullet", "paragraph"})


def _sequences(ctx: Context) -> Iterator[list[Node]]:
    """Lists of nodes that must be numbered 1, 2, 3 …: articles, parts and chapters across the
    whole document (Điều numbers run on through chapters), everything else among its siblings."""
    across: dict[str, list[Node]] = {kind: [] for kind in _ACROSS_KINDS}
    for n in ctx.nodes():
        if n.kind in across and n.number:
            across[n.kind].append(n)
    yield from (seq for seq in across.values() if seq)
    for children in ctx.sibling_lists():
        if len(children) < 2:
            continue  # one label alone is neither a repeat nor a gap
        groups: dict[tuple[str, str], list[Node]] = {}
        for child in children:
            if child.number and child.kind not in _NOT_AMONG_SIBLINGS:
                groups.setdefault(_family(child), []).append(child)
        if groups:
            yield from groups.values()


def _label_for(node: Node, ordinal: int) -> str:
    if node.kind == "point":
        return f"{point_letter(ordinal)})" if 0 < ordinal <= len(nd30.POINT_LETTERS) else "?"
    if node.kind == "article":
        return f"Điều {ordinal}."
    n = node.number or ""
    if "." in n:
        return f"{n.rsplit('.', 1)[0]}.{ordinal}."
    if roman_value(n):
        return f"{roman(ordinal)}."
    return f"{ordinal}."


_NUMBERED_UNITS = ("article", "clause", "point")  # Điều, khoản, điểm: a gap in them is an error
_KIND_WORD = {"article": "Điều", "clause": "Khoản", "point": "Điểm", "section": "Mục", "part": "Phần",
              "chapter": "Chương"}


def _label(node: Node) -> str:
    return (node.label or node.number or "").lstrip("-–+• ").strip()


def _numbering(ctx: Context) -> list[tuple[str, Node, dict]]:
    """("dup" | "gap", node, data) for every numbering fault, in document order per sequence.
    Computed once per document for the two numbering rules."""
    if "numbering" not in ctx.memo:
        ctx.memo["numbering"] = list(_numbering_faults(ctx))
    return ctx.memo["numbering"]  # type: ignore[no-any-return]


def _numbering_faults(ctx: Context) -> Iterator[tuple[str, Node, dict]]:
    for seq in _sequences(ctx):
        seen: dict[int, Node] = {}
        prev: int | None = None
        start: int | None = None
        for pos, node in enumerate(seq):
            k = _ordinal(node)
            if k is None:
                continue
            if k == 1 and ctx.doc.is_appendix and seen:
                # an appendix of sample forms ("Mẫu 1.2", "Mẫu 1.3") starts each sample at "Điều 1."
                seen, prev, start = {}, None, None
            if start is None:
                start = k - pos
            if k in seen:
                expected = _label_for(node, prev + 1) if prev is not None else None
                yield "dup", node, {"label": _label(node), "number": node.number, "expected": expected,
                                    "first": {"node": seen[k].id, "line": seen[k].line}}
            elif prev is not None and k != prev + 1 and k != start + pos and not _run_in(seq[pos - 1], node, prev, k):
                yield "gap", node, {"label": _label(node), "number": node.number,
                                    "expected": _label_for(node, prev + 1), "previous": _label(seq[pos - 1])}
            seen.setdefault(k, node)
            prev = k


def _run_in(before: Node, node: Node, prev: int, k: int) -> bool:
    """Are the labels the gap skips printed inside the unit before it, after a sentence ("… người qua đời.
    b) Uỷ ban nhân dân cấp xã …")? Then the units are there, run into one paragraph (a page that lost its
    line breaks), and the numbering skips nothing."""
    if not prev < k - 1 <= prev + 3:
        return False
    said = _said(before.walk())
    return all(_after_a_sentence(said, _label_for(node, i)) for i in range(prev + 1, k))


def _said(nodes: Iterator[Node]) -> str:
    return " ".join(t for n in nodes for t in (n.heading, n.text) if t)


def _after_a_sentence(said: str, label: str) -> bool:
    """Is `label` printed after a sentence and before a capital, as a unit run into the one before?"""
    return re.search(r"(?:^|[.;:!?]\s)\s*" + re.escape(label) + r"\s+\p{Lu}", said) is not None


_LOST_TABLE = (" (tệp văn bản: số này đứng một mình trên dòng, có thể là ô “STT” của một bảng mà công cụ trích "
               "chữ đã bỏ khung; hãy xem bản gốc)")


def _label_alone(ctx: Context, node: Node) -> bool:
    """A label with nothing after it on its line, in text extracted from a PDF or Word ("3.1." then the
    cell beside it on the next lines): a table's STT column that lost its frame, which the tool cannot
    tell from a numbered item, so its numbering is a warning there."""
    return ctx.parsed.source.format == "text" and not node.heading and not node.text


@rule("ND30.DanhSo.TrungLap", severity="error", source=source(f"{PL1}, mục II.6.đ"),
      summary="Số thứ tự của phần, mục, điều, khoản, điểm bị trùng")
def danh_so_trung_lap(ctx: Context) -> Iterator[Finding]:
    """Phần, chương, mục, điều, khoản, điểm được đánh số theo thứ tự: một số thứ tự dùng hai lần giữa các
    mục cùng cấp (“d)” rồi lại “d)”) là lỗi đánh số; mục thứ hai thường phải là số kế tiếp (“đ)”) (Phụ
    lục I, mục II.6.đ).

    Số điều chạy liên tục qua các chương, mục. Trong phụ lục, một dãy bắt đầu lại từ 1 là một mẫu mới
    (“Mẫu 1.2”, “Mẫu 1.3” của Phụ lục III), không phải trùng số."""
    for fault, node, data in _numbering(ctx):
        if fault == "dup":
            what = _KIND_WORD.get(node.kind, "Mục")
            hint = f"; có lẽ cần là “{data['expected']}”" if data.get("expected") else ""
            first = ids.describe(data["first"]["node"]) or f"{what.lower()} ở dòng {data['first']['line']}"
            alone = _label_alone(ctx, node)
            yield ctx.finding(f"{what} “{data['label']}” trùng số thứ tự với {first} ở trên{hint}"
                              + (_LOST_TABLE if alone else "") + ".", at=node, data=data,
                              severity="warning" if alone else None)


@rule("ND30.DanhSo.NhayCoc", severity="error", source=source(f"{PL1}, mục II.6.đ"),
      summary="Số thứ tự của điều, khoản, điểm (và phần, mục) bị nhảy cóc hoặc sai thứ tự")
def danh_so_nhay_coc(ctx: Context) -> Iterator[Finding]:
    """Số thứ tự nối tiếp nhau không bỏ sót: 1, 2, 3; I, II, III; điểm theo bảng chữ cái tiếng Việt a, b,
    c, d, đ, e, g, h, i, k … (“e)” ngay sau “d)” là bỏ sót “đ)”) (Phụ lục I, mục II.6.đ). Điều, khoản,
    điểm bị nhảy số là lỗi (văn thư trả lại văn bản); phần, chương, mục bị nhảy số là cảnh báo."""
    for fault, node, data in _numbering(ctx):
        if fault == "gap":
            what = _KIND_WORD.get(node.kind, "Mục")
            alone = _label_alone(ctx, node)
            severity: Severity = "error" if node.kind in _NUMBERED_UNITS and not alone else "warning"
            yield ctx.finding(f"{what} “{data['label']}” đứng sau “{data['previous']}”: số thứ tự bị nhảy hoặc sai "
                              f"thứ tự; cần là “{data['expected']}”" + (_LOST_TABLE if alone else "") + ".", at=node,
                              data=data, severity=severity)


_NOT_VIETNAMESE = set("abcdefghijklmnopqrstuvwxyz") - set(nd30.POINT_LETTERS)
# The Latin letter a writer reaches for after a point's own ("e)" then "f)"), where the Vietnamese alphabet skips it.
_SKIPPED_AFTER = {c: chr(ord(c) + 1) for c in nd30.POINT_LETTERS if c.isascii() and chr(ord(c) + 1) in _NOT_VIETNAMESE}


@rule("ND30.Diem.DauNgoac", severity="error", source=source(f"{PL1}, mục II.6.đ"),
      summary="Sau chữ cái của điểm là dấu đóng ngoặc đơn: “a)”, không phải “a.”")
def diem_dau_ngoac(ctx: Context) -> Iterator[Finding]:
    """Điểm đánh bằng chữ cái tiếng Việt, sau có dấu đóng ngoặc đơn: “a)”, “b)” (Phụ lục I, mục II.6.đ);
    “a.” là cách đánh số của mục khác. Nhãn do Word tự đánh số chỉ sửa được trong định dạng đánh số, nên
    không kèm cách sửa chữ."""
    for ln in lines(ctx, Role.POINT):
        f = ln.fields
        if not isinstance(f, LabelField) or f.end != ".":
            continue
        label = ln.text[: len(ln.text) - len(f.rest)].rstrip()
        expected = label[:-1] + ")"
        fix = None if ctx.doc.blocks[ln.index].auto_number else fixes.retext(
            ctx.doc.blocks, ln, expected + ln.text[len(label):], f"Viết “{expected}” thay cho “{label}”")
        yield ctx.finding(f"Điểm “{label}” phải viết “{expected}” (chữ cái và dấu đóng ngoặc đơn).", at=ln,
                          data={"found": label, "expected": expected}, fix=fix)


@rule("ND30.Diem.ChuCai", severity="error", source=source(f"{PL1}, mục II.6.đ"),
      summary="Điểm phải đánh bằng chữ cái tiếng Việt (không có f, j, w, z)")
def diem_chu_cai(ctx: Context) -> Iterator[Finding]:
    """Điểm đánh bằng chữ cái theo thứ tự bảng chữ cái tiếng Việt, sau có dấu đóng ngoặc đơn: a b c d đ e g
    h i k l m n o p q r s t u v x y — không có f, j, w, z (Phụ lục I, mục II.6.đ).

    Điểm viết liền sau câu của điểm đứng trước (“… trên đường đưa tang. f) Người qua đời …”, trang mất dấu
    xuống dòng) cũng được xét; “theo điểm f) khoản 2” giữa câu là viện dẫn, không phải điểm."""
    for parent_children in _point_lists(ctx):
        prev: str | None = None
        for node in parent_children:
            if node.number in _NOT_VIETNAMESE:
                at = point_index(prev) if prev else None
                expected = f"{point_letter(at + 1)})" if at and at < len(nd30.POINT_LETTERS) else None
                hint = f"; cần là “{expected}”" if expected else ""
                yield ctx.finding(f"Điểm “{_label(node)}” dùng chữ “{node.number}” không có trong bảng chữ cái tiếng "
                                  f"Việt{hint}.", at=node,
                                  data={"found": _label(node), "expected": expected})
            elif (skipped := _SKIPPED_AFTER.get(node.number or "")) and _after_a_sentence(
                    _said(iter([node])), f"{skipped})"):
                at = point_index(node.number or "")
                expected = f"{point_letter(at + 1)})" if at and at < len(nd30.POINT_LETTERS) else None
                hint = f"; cần là “{expected}”" if expected else ""
                yield ctx.finding(f"Điểm “{skipped})” viết liền trong điểm “{_label(node)}” dùng chữ “{skipped}” không "
                                  f"có trong bảng chữ cái tiếng Việt{hint}.", at=node,
                                  data={"found": f"{skipped})", "expected": expected, "run_in": True})
            prev = node.number


def _point_lists(ctx: Context) -> Iterator[list[Node]]:
    for children in ctx.sibling_lists():
        points = [c for c in children if c.kind == "point"]
        if points:
            yield points


# --- Citations -----------------------------------------------------------------------------

# "Luật Tổ chức chính quyền địa phương" is cited by name; a law's number is optional.
_CITED_BY_NAME = {"Luật"}
_NOT_CITING = frozenset({Role.SO_KY_HIEU, Role.QUOC_HIEU, Role.TIEU_NGU, Role.PLACE_DATE})  # their "/" cites nothing
_BEFORE_NUMBER = rx.compile(r"\s+(?=\d)")
# What a citation with a type name and without "số" must hold (vbhc.citation's grammar): the type's
# last letter, spaces, then "number/symbol". Most lines do not, and the citation grammar is costly.
# (Written from the digits, the letter behind them: 8 times faster than from the letter.)
_WITHOUT_SO = rx.compile(r"(?<=\p{L}(?<!(?i:số|so))\s+)\d{1,6}\s*/\s*(?:(?:19|20)\d{2}\s*/\s*)?[\p{Lu}Đ]")


@rule("ND30.TrichDan.ThieuSo", severity="warning", source=source(f"{PL1}, mục II.6.a–b"),
      summary="Văn bản được viện dẫn phải ghi “số” trước số, ký hiệu")
def trich_dan_thieu_so(ctx: Context) -> Iterator[Finding]:
    """Văn bản được viện dẫn ghi tên loại, chữ “số”, rồi số và ký hiệu: “Quyết định số 2228/QĐ-UBND”, không
    viết “Quyết định 2228/QĐ-UBND” (Phụ lục I, mục II.6.a–b và cách viện dẫn của chính Nghị định). Là
    cảnh báo."""
    node_of = ctx.node_of_block()
    for ln in ctx.doc.lines:
        if ln.role in _NOT_CITING:
            continue
        if "/" not in ln.text or not _WITHOUT_SO.search(ln.text):
            continue
        for c in citation.find_all(text(ctx, ln)):
            if c.doc_type is None or c.has_so or c.doc_type in _CITED_BY_NAME:
                continue
            found = c.head
            expected = _BEFORE_NUMBER.sub(" số ", found, count=1)
            node = node_of.get(ln.index)
            yield ctx.finding(f"Viện dẫn “{found}” thiếu chữ “số”; viết “{expected}”.",
                              at=ln, node=node.id if node else None,
                              data={"found": found, "expected": expected})
