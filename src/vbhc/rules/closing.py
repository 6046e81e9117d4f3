"""Closing rules: the signing authority and position, the signer's name, "Nơi nhận" and "Lưu".

None runs on an appendix. A plan attached to a decision is signed through the decision: the
rules that would call its signature or recipients missing skip it.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from vbhc import fixes, nd30, rx
from vbhc.model import Line, Role
from vbhc.nd30 import source
from vbhc.parse.patterns import POSITIONS
from vbhc.rules import Context, Finding, Severity, rule
from vbhc.rules._util import first, has_header, is_attached, is_draft, lines, text
from vbhc.textnorm import squash

PL1 = "Phụ lục I"

# An authority prefix written in a way the decree does not use: "KT CHỦ TỊCH", "K.T.", "T/M", "TM:".
_BAD_PREFIX = rx.compile(r"^(?P<found>T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|T\.\s*M\.?|K\.\s*T\.?|T\.\s*L\.?|"
                         r"(?:TM|KT|TL|TUQ|Q)(?:\s*[:,;]|\s+(?=\p{Lu}{2})))\s*(?P<rest>\p{Lu}.*)$")
# "- Lưu: VT, NC.Châu": the drafter's name run on after the final dot (printed in subscript in Word).
_NOT_CAPITAL = rx.compile(r"[^A-Z]")
_DRAFTER_MARK = rx.compile(r"\.\s*\(?(?P<name>\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?)\)?\s*$")
_CANON = {"TM": "TM.", "KT": "KT.", "TL": "TL.", "TUQ": "TUQ.", "Q": "Q."}


def _signature_lines(ctx: Context):
    """Classified lines of the signing block, in order (authority, position, signer …)."""
    sig = ctx.doc.signature
    if sig is None:
        return []
    wanted = set(sig.blocks)
    return [ln for ln in ctx.doc.lines if ln.index in wanted]


def _skip(ctx: Context) -> bool:
    return is_attached(ctx.doc) or not has_header(ctx.doc)


@rule("ND30.ChuKy.ThamQuyen", severity="error", source=source(f"Điều 13; {PL1}, mục II.7.b"),
      summary="Quyền hạn của người ký viết là TM., KT., TL., TUQ. hoặc Q.", applies_to_appendix=False)
def chu_ky_tham_quyen(ctx: Context) -> Iterator[Finding]:
    """Quyền hạn của người ký viết bằng một trong các chữ viết tắt của Nghị định, in hoa, có dấu chấm:
    “TM.”, “KT.”, “TL.”, “TUQ.”, “Q.” (Nghị định 30/2020, Điều 13; Phụ lục I, mục II.7.b), không viết
    “KT CHỦ TỊCH”, “K.T.”, “T/M”."""
    sig = ctx.doc.signature
    if sig is None:
        return
    for ln in _signature_lines(ctx):
        t = squash(text(ctx, ln))
        m = _BAD_PREFIX.match(t)
        if m and ln.role != Role.AUTHORITY:
            raw = _NOT_CAPITAL.sub("", m["found"])
            expected = f"{_CANON.get(raw, raw + '.')} {m['rest']}"
            yield ctx.finding(f"Quyền hạn ký viết là “{t}”; cần viết “{expected}” (TM., KT., TL., TUQ. hoặc Q.).",
                              at=ln, data={"found": t, "expected": expected},
                              fix=fixes.retext(ctx.doc.blocks, ln, expected, "Viết đúng quyền hạn ký"))


def _is_deputy(position: str) -> bool:
    p = squash(position).upper()
    return any(p.startswith(w) or f" {w} " in f" {p} " for w in nd30.DEPUTY_WORDS)


@rule("ND30.ChuKy.KyThay", severity="error", source=source(f"{PL1}, mục II.7.b"),
      summary="“KT.” phải có chức vụ cấp phó của người ký ở dòng dưới", applies_to_appendix=False)
def chu_ky_ky_thay(ctx: Context) -> Iterator[Finding]:
    """“KT.” (ký thay) đứng trước chức vụ của người đứng đầu, và cấp phó ký ghi chức vụ của mình ở dòng
    dưới: “KT. CHỦ TỊCH” trên “PHÓ CHỦ TỊCH”, “KT. BỘ TRƯỞNG” trên “THỨ TRƯỞNG” (Phụ lục I, mục II.7.b).
    Thiếu chức vụ của người ký thay là lỗi; chức vụ không phải cấp phó chỉ là cảnh báo, vì tên chức vụ
    rất đa dạng."""
    sig = ctx.doc.signature
    if sig is None or sig.authority != "KT.":
        return
    sl = _signature_lines(ctx)
    kt = next((i for i, ln in enumerate(sl) if ln.role == Role.AUTHORITY and text(ctx, ln).startswith("KT")), None)
    if kt is None:
        return
    after = [ln for ln in sl[kt + 1:] if ln.role in (Role.POSITION, Role.AUTHORITY)]
    if not after:
        yield ctx.finding(f"Sau “{text(ctx, sl[kt])}” thiếu chức vụ của người ký thay (cấp phó, ví dụ “PHÓ CHỦ TỊCH”).",
                          at=sl[kt], data={"found": None, "expected": "PHÓ …"})
    elif not _is_deputy(text(ctx, after[0])):
        found = text(ctx, after[0])
        yield ctx.finding(f"Sau “{text(ctx, sl[kt])}” chức vụ người ký là “{found}”; ký thay (KT.) là cấp phó ký, "
                          "chức vụ cần là “PHÓ …” (hoặc “THỨ TRƯỞNG”).", at=after[0],
                          severity="warning", data={"found": found, "expected": "PHÓ …"})


@rule("ND30.ChuKy.ThayMat", severity="warning", source=source(f"{PL1}, mục II.7.b"),
      summary="“TM.” đứng trước tên tập thể, dưới đó là chức vụ người ký", applies_to_appendix=False)
def chu_ky_thay_mat(ctx: Context) -> Iterator[Finding]:
    """“TM.” (thay mặt) đứng trước tên tập thể lãnh đạo hoặc tên cơ quan (“TM. ỦY BAN NHÂN DÂN”), dòng dưới
    là chức vụ người ký (“CHỦ TỊCH”, hoặc “KT. CHỦ TỊCH” trên “PHÓ CHỦ TỊCH”) (Phụ lục I, mục II.7.b)."""
    sig = ctx.doc.signature
    if sig is None:
        return
    sl = _signature_lines(ctx)
    for i, ln in enumerate(sl):
        t = text(ctx, ln)
        if ln.role != Role.AUTHORITY or not t.startswith("TM"):
            continue
        rest = squash(t[3:])
        if POSITIONS.match(rest):
            yield ctx.finding(f"“TM.” đứng trước tên tập thể hoặc cơ quan, không đứng trước chức vụ “{rest}”; "
                              "dùng “KT.” hoặc bỏ quyền hạn nếu người đứng đầu ký.", at=ln,
                              data={"found": t, "expected": "TM. <TÊN TẬP THỂ>"})
        elif not any(x.role in (Role.POSITION, Role.AUTHORITY) for x in sl[i + 1:]):
            yield ctx.finding(f"Sau “{t}” thiếu chức vụ của người ký (ví dụ “CHỦ TỊCH”).", at=ln,
                              data={"found": None, "expected": "<CHỨC VỤ>"})


@rule("ND30.ChuKy.ThieuTen", severity="error", source=source(f"Điều 8.2.e; {PL1}, mục II.7.c"),
      summary="Thiếu chức vụ hoặc họ tên người ký", applies_to_appendix=False)
def chu_ky_thieu_ten(ctx: Context) -> Iterator[Finding]:
    """Văn bản kết thúc bằng chức vụ và họ tên đầy đủ của người ký (Điều 8.2.e; Phụ lục I, mục II.7.c). Kế
    hoạch kèm theo được ký qua quyết định ban hành nó, nên không bị xét. Bản “DỰ THẢO” chưa ký: thiếu họ
    tên người ký chỉ là cảnh báo, phải ghi đủ trước khi trình ký."""
    doc = ctx.doc
    if _skip(ctx):
        return
    sig = doc.signature
    draft = is_draft(doc)
    severity: Severity | None = "warning" if draft else None
    before_signing = " (bản dự thảo: cần ghi đủ trước khi trình ký)" if draft else ""
    if sig is None:
        last = doc.lines[-1] if doc.lines else None
        yield ctx.finding(f"Thiếu phần chữ ký: chức vụ và họ tên người ký{before_signing}.", at=last,
                          part="phần ký", severity=severity)
    elif not sig.signer:
        last = next((ln for ln in reversed(_signature_lines(ctx))), None)
        yield ctx.finding(f"Thiếu họ tên người ký dưới chức vụ{before_signing}.", at=last, part="phần ký",
                          severity=severity)


@rule("ND30.NoiNhan.Thieu", severity="error", source=source(f"Điều 8.2.h; {PL1}, mục II.9"),
      summary="Thiếu phần “Nơi nhận:”", applies_to_appendix=False)
def noi_nhan_thieu(ctx: Context) -> Iterator[Finding]:
    """Văn bản liệt kê nơi nhận dưới chữ “Nơi nhận:”, ngang hàng với quyền hạn, chức vụ người ký, sát lề
    trái (Điều 8.2.h; Phụ lục I, mục II.9). Kế hoạch kèm theo không bị xét."""
    doc = ctx.doc
    if _skip(ctx) or doc.recipients_label is not None:
        return
    anchor = first(ctx, Role.AUTHORITY, Role.POSITION, Role.SIGNER)
    yield ctx.finding("Thiếu phần “Nơi nhận:” (ngang hàng với quyền hạn, chức vụ người ký, sát lề trái).",
                      at=anchor, part="phần ký")


@rule("ND30.NoiNhan.DauHaiCham", severity="error", source=source(f"{PL1}, mục II.9.d"),
      summary="Sau từ “Nơi nhận” phải có dấu hai chấm", applies_to_appendix=False)
def noi_nhan_dau_hai_cham(ctx: Context) -> Iterator[Finding]:
    """Sau chữ “Nơi nhận” có dấu hai chấm: “Nơi nhận:” (Phụ lục I, mục II.9.d)."""
    ln = first(ctx, Role.NOI_NHAN)
    if ln is None:
        return
    t = text(ctx, ln)
    if not _WRITTEN_RIGHT.match(t):
        fixed = _LABEL.sub(nd30.NOI_NHAN, t, count=1)
        yield ctx.finding(f"Viết “Nơi nhận:” (chữ N hoa, có dấu hai chấm) thay cho “{t[:20]}”.",
                          at=ln, data={"found": t[:20], "expected": nd30.NOI_NHAN},
                          fix=fixes.retext(ctx.doc.blocks, ln, fixed, f"Viết “{nd30.NOI_NHAN}”"))


def _recipient_items(ctx: Context) -> list[tuple[Line, str, Line]]:
    """(first line, text, last line) of each recipient item; a line that continues the previous item
    (no dash, the previous item not yet closed by ";") is joined to it."""
    items: list[tuple[Line, str, Line]] = []
    for ln in lines(ctx, Role.RECIPIENT):
        t = text(ctx, ln)
        starts = t[:1] in nd30.RECIPIENT_DASHES
        if items and not starts and not items[-1][1].rstrip().endswith((";", ".")):
            items[-1] = (items[-1][0], f"{items[-1][1]} {t}", ln)
        else:
            items.append((ln, t, ln))
    return items


_LABEL = rx.compile(r"^nơi\s+nhận\s*[:;.,]?", re.I)
_WRITTEN_RIGHT = rx.compile(r"^Nơi\s+nhận\s*:")
_END_MARKS = ",.:;"


def _ending(line: Line, mark: str) -> str:
    """The line with `mark` as its last character: a wrong mark replaced, a missing one added."""
    t = line.text.rstrip()
    return (t[:-1] if t[-1:] in _END_MARKS else t) + mark


@rule("ND30.NoiNhan.GachDauDong", severity="error", source=source(f"{PL1}, mục II.9.d"),
      summary="Mỗi nơi nhận bắt đầu bằng gạch đầu dòng (-)", applies_to_appendix=False)
def noi_nhan_gach(ctx: Context) -> Iterator[Finding]:
    """Mỗi nơi nhận trình bày trên một dòng riêng, đầu dòng có gạch đầu dòng (-) sát lề trái (Phụ lục I,
    mục II.9.d). Dòng nối tiếp của một nơi nhận dài được ghép vào nơi nhận đó."""
    for ln, t, _last in _recipient_items(ctx):
        if t[:1] not in nd30.RECIPIENT_DASHES:
            fix = fixes.retext(ctx.doc.blocks, ln, "- " + ln.text.lstrip("+•*·▪● "), "Thêm gạch đầu dòng (-)")
            yield ctx.finding(f"Nơi nhận “{t[:50]}” phải bắt đầu bằng gạch đầu dòng: “- {t.lstrip('+•* ')[:50]}”.",
                              at=ln, data={"found": t[:60], "expected": "- …"}, fix=fix)


@rule("ND30.NoiNhan.ChamPhay", severity="error", source=source(f"{PL1}, mục II.9.d"),
      summary="Mỗi nơi nhận kết thúc bằng dấu chấm phẩy (;)", applies_to_appendix=False)
def noi_nhan_cham_phay(ctx: Context) -> Iterator[Finding]:
    """Mỗi dòng nơi nhận kết thúc bằng dấu chấm phẩy (;); chỉ dòng cuối “Lưu: …” kết thúc bằng dấu chấm
    (Phụ lục I, mục II.9.d)."""
    for ln, t, last in _recipient_items(ctx):
        end = t.rstrip()[-1:]
        if end != ";":
            fix = fixes.retext(ctx.doc.blocks, last, _ending(last, ";"), "Kết thúc nơi nhận bằng dấu chấm phẩy (;)")
            yield ctx.finding(f"Nơi nhận “{t[:50]}” phải kết thúc bằng dấu chấm phẩy (;), không phải “{end}”.",
                              at=ln, data={"found": end, "expected": ";"}, fix=fix)


@rule("ND30.NoiNhan.Luu", severity="error", source=source(f"{PL1}, mục II.9.d"),
      summary="Dòng cuối của nơi nhận là “- Lưu: VT, …” kết thúc bằng dấu chấm", applies_to_appendix=False)
def noi_nhan_luu(ctx: Context) -> Iterator[Finding]:
    """Dòng cuối cùng của phần nơi nhận là “- Lưu: VT, <đơn vị soạn thảo> (<số bản>).”, kết thúc bằng dấu
    chấm (Phụ lục I, mục II.9.d).

    Ký hiệu người soạn thảo viết liền sau dấu chấm (“- Lưu: VT, NC.Châu”, thường in chỉ số dưới) là thói
    quen của nhiều văn phòng và văn thư vẫn cho phát hành: chỉ là cảnh báo (Phụ lục I, mục III.3 đặt
    ký hiệu này ở ô số 12)."""
    doc = ctx.doc
    if doc.recipients_label is None:
        return
    luu = first(ctx, Role.LUU)
    if luu is None:
        anchor = list(lines(ctx, Role.RECIPIENT, Role.NOI_NHAN))[-1]
        yield ctx.finding("Thiếu dòng cuối “- Lưu: VT, <đơn vị soạn thảo>.” trong phần nơi nhận.",
                          at=anchor, part="Nơi nhận", data={"expected": "- Lưu: VT, …."})
        return
    t = text(ctx, luu)
    mark = _DRAFTER_MARK.search(t)
    if mark:
        yield ctx.finding(f"Ký hiệu người soạn thảo “{mark['name']}” viết liền sau dấu chấm cuối dòng “Lưu”; nên "
                          "đặt ở vị trí riêng (ô số 12 của mẫu trình bày).", at=luu,
                          severity="warning", data={"found": t, "mark": mark["name"]})
    elif not t.rstrip().endswith("."):
        expected = t.rstrip(" ;,") + "."
        yield ctx.finding(f"Dòng “{t}” phải kết thúc bằng dấu chấm (.).", at=luu,
                          data={"found": t, "expected": expected},
                          fix=fixes.retext(ctx.doc.blocks, luu, expected, "Kết thúc dòng “Lưu” bằng dấu chấm (.)"))
    later = [ln for ln in lines(ctx, Role.RECIPIENT) if ln.index > luu.index]
    if later:
        yield ctx.finding("Dòng “Lưu: …” phải là dòng cuối cùng của phần nơi nhận.", at=luu,
                          data={"found": text(ctx, later[-1])})
