"""`vbhc new --from OLD -o DATA.yaml`: an existing document as the data file of a template.

An officer rarely starts from an empty form: she opens last year's file and changes it. Here the old
document (any format vbhc reads) is parsed, and its header, căn cứ, content, signature, Nơi nhận and
attached documents (a plan issued with a decision, its Phụ lục) are written as the data of the
template its type calls for, so that `vbhc new --data DATA.yaml` gives the same document laid out
as the decree asks. The number and the day are cleared for the văn thư; every value that carries a
year around the old document's own is marked with a YAML comment "[XEM LẠI]" for her to review.

The template is written into the file (`template:`), and the content keeps the old document's own
labels where vbhc would number differently, so nothing of its text is lost or renumbered silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex as re

from vbhc import dates, nd30, rx
from vbhc.errors import VbhcError
from vbhc.generate.yamlwrite import Noted, count_notes, lines
from vbhc.model import Document, Node, ParsedFile, Signature
from vbhc.numbering import point_letter, roman
from vbhc.writers.form import signature_lines

REVIEW = "[XEM LẠI]"
FILL = "[ĐIỀN]"

# The template each type of document is written back into (PL III: Mẫu 1.1–1.10, 2.1); a type with
# no form of its own takes the general Mẫu 1.4 (`van-ban`).
TEMPLATE_OF_TYPE: dict[str, str] = {
    "Nghị quyết": "nghi-quyet", "Quyết định": "quyet-dinh-truc-tiep", "Kế hoạch": "ke-hoach",
    "Báo cáo": "bao-cao", "Thông báo": "thong-bao", "Tờ trình": "to-trinh", "Chương trình": "chuong-trinh",
    "Đề án": "de-an", "Phương án": "phuong-an", "Hướng dẫn": "huong-dan", "Quy chế": "quy-che",
    "Công văn": "cong-van", "Công điện": "cong-dien", "Giấy mời": "giay-moi", "Phụ lục": "phu-luc",
    "Giấy giới thiệu": "giay-gioi-thieu", "Giấy nghỉ phép": "giay-nghi-phep", "Biên bản": "bien-ban",
}
GENERAL = "van-ban"
ISSUING = "quyet-dinh"  # a decision that issues the document after it (Mẫu 1.3)

# What each template's body is made of: the field, and the kinds of its items by depth (as the
# template's `nodes(...)` filter reads them).
SECTIONS = ("section", "clause", "point", "bullet")
ARTICLES = ("article", "clause", "point", "bullet")
CHAPTERS = ("chapter", "article", "clause", "point")
HEADED = ("part", "chapter", "section")
_EXECUTORS = rx.compile(r"^(?P<who>.+?)\s+chịu trách nhiệm thi hành (?:Quyết định|Nghị quyết) này\s*\.?(?:/\.)?$", re.S)
_EFFECTIVE = rx.compile(r"^(?:Quyết định|Nghị quyết) này có hiệu lực")
_COPIES = rx.compile(r"\s*\((?P<copies>\d+)\)\s*$")
_END_MARK = rx.compile(r"\s*\./\.\s*$")
_YEAR = rx.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


class FromError(VbhcError):
    """A file vbhc cannot turn into a template's data (nothing in it looks like a document)."""


class _Unfit(Exception):
    """The content is not laid out as the form's template writes it: the general template takes it."""


@dataclass
class DataFile:
    template: str
    data: dict[str, Any]
    text: str = ""
    review: int = 0  # values marked "[XEM LẠI]"
    notes: list[str] = field(default_factory=list)


# --- the pieces every template shares ----------------------------------------------------------

def _date(doc: Document) -> str | None:
    """The month and year of issue (the day is the văn thư's), as the data file writes them."""
    iso = doc.date or dates.parse_partial(_date_part(doc.date_raw or ""))
    if iso is None:
        return None
    parts = iso.split("-")
    if len(parts) == 1:
        return f"năm {parts[0]}"
    return f"tháng {int(parts[1]):02d} năm {parts[0]}" if int(parts[1]) in nd30.LEADING_ZERO_MONTHS else \
        f"tháng {int(parts[1])} năm {parts[0]}"


_FROM_NGAY = rx.compile(r"ngày.*$", re.I)
_LUU_LABEL = rx.compile(r"^Lưu\s*:\s*")
_PROPOSAL = rx.compile(r"^(?:Theo|Xét)\s+đề\s+nghị")
_SENDER = rx.compile(r"^(?P<who>.+?)\s+điện\s*:$")  # Công điện: "<người đứng đầu> điện:"
_INVITE = rx.compile(r"^.+?\s+trân trọng kính mời\s*:\s*(?P<who>.*)$")


def _date_part(raw: str) -> str:
    m = _FROM_NGAY.search(raw)
    return m.group(0) if m else raw


def _abbr(doc: Document) -> dict[str, Any]:
    """`abbr` (and a công văn's `unit`) from the symbol, so that vbhc writes the same symbol back."""
    symbol = (doc.symbol or "").strip()
    if not symbol:
        return {"abbr": Noted("", f"{FILL} chữ viết tắt tên cơ quan (văn bản cũ không có ký hiệu)")}
    expected = nd30.DOC_TYPES.get(doc.doc_type or "")
    head, _, rest = symbol.partition("-")
    if doc.doc_type in nd30.DOC_TYPES and expected is None:
        return {"abbr": head, **({"unit": rest} if rest else {})}
    if expected and head == expected and rest:
        return {"abbr": rest}
    return {"abbr": Noted(rest or symbol, f"{REVIEW} ký hiệu cũ là “{symbol}”; vbhc ghi "
                                          f"“{expected or '…'}-…” theo Phụ lục III")}


def _header(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if doc.parent_issuer:
        out["parent_issuer"] = doc.parent_issuer
    out["issuer"] = doc.issuer or Noted("", f"{FILL} tên cơ quan ban hành")
    out.update(_abbr(doc))
    if doc.year:
        out["symbol"] = f"{doc.year}/{doc.symbol}"
    when = _date(doc)
    out["date"] = Noted(when or "", f"{REVIEW} số và ngày đã xóa để văn thư điền; tháng, năm của văn bản cũ"
                        if when else f"{FILL} ngày ban hành")
    out["place"] = doc.place or Noted("", f"{FILL} địa danh")
    return out


def _signer(sig: Signature | None) -> dict[str, Any] | None:
    """The signer as the templates take it; the lines as printed when they hold more than one prefix
    ("TL. CHỦ TỊCH" over "KT. CHÁNH VĂN PHÒNG")."""
    if sig is None:
        return None
    out: dict[str, Any] = {}
    printed = [ln for ln in sig.lines if ln != sig.signer]
    if [ln.upper() for ln in printed] == [ln.upper() for ln in signature_lines(sig)] or not printed:
        if sig.authority:
            out["authority"] = sig.authority
        if sig.on_behalf_of:
            out["on_behalf_of"] = sig.on_behalf_of
        out["positions"] = list(sig.positions)
    else:
        out["positions"] = [" ".join(ln.split()) for ln in printed]
    out["name"] = sig.signer or Noted("", f"{FILL} họ tên người ký")
    return out


def _closing(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {}
    signer = _signer(doc.signature)
    if signer is not None:
        out["signer"] = signer
    recipients = [r.strip().rstrip(" ;.,") for r in doc.recipients if r.strip().rstrip(" ;.,")]
    if recipients:
        out["recipients"] = recipients
    storage = (doc.storage or "").strip()
    units = _LUU_LABEL.sub("", storage).strip().rstrip(".").strip()
    copies = _COPIES.search(units)
    if copies:
        units = units[: copies.start()]
    units = ", ".join(u.strip() for u in units.split(",") if u.strip() and u.strip() != nd30.STORAGE_OFFICE)
    if units or storage:
        out["luu"] = units or nd30.STORAGE_OFFICE
    if copies:
        out["copies"] = copies["copies"]
    return out


# --- the body, as the items of a template --------------------------------------------------------

class _Labels:
    """The labels vbhc would print, sibling by sibling, as `template._Numberer` numbers them."""

    def __init__(self) -> None:
        self.article = 0

    def expected(self, node: Node, n: int, parent: Node | None) -> str | None:
        if node.kind == "article":
            self.article += 1
            return f"Điều {self.article}."
        if node.kind in ("part", "chapter"):
            return f"{'Phần' if node.kind == 'part' else 'Chương'} {roman(n)}"
        if node.kind == "section":
            return f"{roman(n)}."
        if node.kind == "clause":
            return f"{parent.number}.{n}." if parent is not None and parent.kind == "clause" else f"{n}."
        if node.kind == "point":
            return f"{point_letter(n)})"
        if node.kind == "bullet":
            return "+" if parent is not None and parent.kind == "bullet" else "-"
        return None


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    text = _END_MARK.sub("", value)
    return text if text.strip() else None


def items(nodes: Sequence[Node], kinds: tuple[str, ...], labels: _Labels, depth: int = 0,
          parent: Node | None = None) -> list[Any]:
    """Nodes as a template's items: plain text where the kind is the one the depth gives, a group of
    fields (kind, heading, text, label, items) where it is not."""
    out: list[Any] = []
    counts: dict[str, int] = {}
    for node in nodes:
        counts[node.kind] = counts.get(node.kind, 0) + 1
        out.append(_item(node, kinds, labels, depth, parent, counts[node.kind]))
    return out


def _item(node: Node, kinds: tuple[str, ...], labels: _Labels, depth: int, parent: Node | None, n: int) -> Any:
    default = kinds[min(depth, len(kinds) - 1)] if kinds else "paragraph"
    if node.kind == "table":
        return {"table": [list(row) for row in node.rows or []]}
    text = _text(node.text)
    if node.kind == "paragraph":
        return text or "" if default in ("paragraph", *HEADED) else {"paragraph": text or ""}
    out: dict[str, Any] = {}
    if node.kind != default:
        out["kind"] = node.kind
    expected = labels.expected(node, n, parent)
    label = (node.label or "").strip()
    if label and label != expected:
        out["label"] = label
    heading = _text(node.heading)
    if heading:
        out["heading"] = heading
    if text:
        out["text"] = text
    if node.children:
        out["items"] = items(node.children, kinds, labels, depth + 1, node)
    if list(out) == ["text"] and default not in HEADED:
        return out["text"]
    return out


def _split(body: list[Node]) -> tuple[list[Node], list[Node], list[Node]]:
    """(leading paragraphs, the rest, trailing paragraphs)."""
    start = next((i for i, n in enumerate(body) if n.kind != "paragraph"), len(body))
    end = len(body)
    while end > start and body[end - 1].kind == "paragraph":
        end -= 1
    return body[:start], body[start:end], body[end:]


def _named_body(doc: Document, kinds: tuple[str, ...] = SECTIONS, key: str = "sections") -> dict[str, Any]:
    labels = _Labels()
    intro, rest, outro = _split(doc.body)
    if not rest:  # all paragraphs: they are the content
        intro, rest, outro = [], doc.body, []
    out: dict[str, Any] = {}
    if intro:
        out["intro"] = items(intro, ("paragraph",), labels)
    out[key] = items(rest, kinds, labels)
    if outro:
        out["outro"] = items(outro, ("paragraph",), labels)
    return out


def _appendices(docs: Sequence[Document]) -> list[dict[str, Any]]:
    out = []
    for doc in docs:
        appendix: dict[str, Any] = {}
        if doc.number:
            appendix["number"] = doc.number
        appendix["title"] = doc.title or Noted("", f"{FILL} tên phụ lục")
        appendix["items"] = items(doc.body, SECTIONS, _Labels())
        out.append(appendix)
    return out


# --- one function per kind of template -------------------------------------------------------------

def _closing_articles(articles: list[Node]) -> tuple[list[Node], dict[str, Any]]:
    """The decision's last articles as the template adds them (hiệu lực, trách nhiệm thi hành), when
    they are written as it writes them."""
    extra: dict[str, Any] = {}
    if not articles:
        return articles, extra
    last = articles[-1]
    m = _EXECUTORS.match(" ".join((last.text or "").split())) if not last.children and not last.heading else None
    if not m or len(articles) < 2:
        return articles, extra
    effective = articles[-2]
    if effective.children or effective.heading or not _EFFECTIVE.match(effective.text or ""):
        return articles, extra
    extra["effective"] = _text(effective.text)
    extra["executors"] = m["who"]
    return articles[:-2], extra


def _preamble(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if doc.enacting_authority:
        out["enacting_authority"] = doc.enacting_authority
    can_cu = [c.rstrip(" ;.,") for c in doc.can_cu]
    proposal = [c for c in can_cu if _PROPOSAL.match(c)]
    if proposal and can_cu and can_cu[-1] == proposal[-1]:
        out["can_cu"] = can_cu[:-1]
        out["proposal"] = can_cu[-1]
    else:
        out["can_cu"] = can_cu
    return out


def _decision(doc: Document, attached: Document | None) -> dict[str, Any]:
    out: dict[str, Any] = {"title": doc.title or Noted("", f"{FILL} trích yếu")}
    out.update(_preamble(doc))
    articles = [n for n in doc.body if n.kind == "article"]
    if len(articles) != len(doc.body):  # text outside the articles: the articles template cannot hold it
        articles = list(doc.body)
    rest, extra = _closing_articles(articles)
    if attached is not None:
        first = rest[0] if rest else None
        if first is not None and first.kind == "article":
            out["article_1"] = _item(first, ARTICLES, _Labels(), 0, None, 1)
            rest = rest[1:]
        out["attached"] = {"doc_type": attached.doc_type, "title": attached.title or "",
                           **_named_body(attached, CHAPTERS if _chapters(attached) else SECTIONS,
                                         "chapters" if _chapters(attached) else "sections")}
        labels = _Labels()
        labels.article = 1
        out["articles"] = items(rest, ARTICLES, labels)
    else:
        out["articles"] = items(rest, ARTICLES, _Labels())
    out.update(extra)
    return out


def _chapters(doc: Document) -> bool:
    return any(n.kind in ("chapter", "part") for n in doc.body)


def _resolution(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {"title": doc.title or Noted("", f"{FILL} trích yếu")}
    out.update(_preamble(doc))
    out["can_cu"] = [c.rstrip(" ;.,") for c in doc.can_cu]
    out.pop("proposal", None)
    out["articles"] = items(doc.body, ARTICLES, _Labels())
    return out


def _letter(doc: Document) -> dict[str, Any]:
    return {"title": doc.title or Noted("", f"{FILL} trích yếu (V/v)"),
            "kinh_gui": [k.rstrip(" ;.,") for k in doc.kinh_gui] or [Noted("", f"{FILL} nơi nhận “Kính gửi”")],
            "paragraphs": items(doc.body, ("paragraph", "bullet"), _Labels())}


def _named(doc: Document, attached: Document | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"title": doc.title or Noted("", f"{FILL} trích yếu")}
    if doc.kinh_gui:
        out["kinh_gui"] = [k.rstrip(" ;.,") for k in doc.kinh_gui]
    out.update(_named_body(doc))
    return out


def _regulation(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {"title": doc.title or Noted("", f"{FILL} trích yếu")}
    out.update(_named_body(doc, CHAPTERS, "chapters"))
    return out


def _general(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {"doc_type": doc.doc_type or Noted("", f"{FILL} tên loại văn bản")}
    if doc.title:
        out["title"] = doc.title
    if doc.kinh_gui:
        out["kinh_gui"] = [k.rstrip(" ;.,") for k in doc.kinh_gui]
    out.update(_named_body(doc))
    return out


def _appendix_alone(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if doc.number:
        out["number"] = doc.number
    out["title"] = doc.title or Noted("", f"{FILL} tên phụ lục")
    out["kem_theo"] = _cited_document(doc.attached_to or "")
    out["items"] = items(doc.body, SECTIONS, _Labels())
    return out


def _flat(nodes: Sequence[Node]) -> list[Node]:
    """The nodes in reading order, children after their parent (paragraphs under a bullet come out)."""
    return [n for top in nodes for n in top.walk()]


def _telegram(doc: Document) -> dict[str, Any]:
    """A Công điện as Mẫu 1.6 writes it: "<người đứng đầu> điện:", the receivers, the content."""
    flat = _flat(doc.body)
    sender = _SENDER.match((flat[0].text or "") if flat else "")
    receivers: list[Node] = []
    for node in flat[1:]:
        if node.kind != "bullet" or (receivers and receivers[-1].children and node not in receivers[-1].children):
            break
        receivers.append(node)
    if not sender or not receivers or flat[0].kind != "paragraph":
        raise _Unfit
    rest = [n for n in _content_after(doc.body, receivers[-1])]
    return {"title": doc.title or Noted("", f"{FILL} trích yếu"), "dien_from": sender["who"],
            "dien_to": [(_text(r.text) or "").rstrip(" ;.,") for r in receivers],
            "paragraphs": items(rest, ("paragraph", "bullet"), _Labels())}


def _content_after(body: Sequence[Node], last: Node) -> list[Node]:
    """What follows `last` (a receiver of a Công điện or an invitation): its children, then the
    top-level nodes after the one that holds it."""
    top = next(i for i, n in enumerate(body) if any(x is last for x in n.walk()))
    return [*last.children, *body[top + 1:]]


# The lines of a Giấy mời (Mẫu 1.7) after the invitation, each a field of the template.
INVITATION_LINES = (("noi_dung", "Tới dự "), ("chu_tri", "Chủ trì: "), ("thoi_gian", "Thời gian: "),
                    ("dia_diem", "Địa điểm: "))


def _guests(flat: list[Node]) -> tuple[list[str], int]:
    """Who a Giấy mời invites ("… trân trọng kính mời: …", or the dashes under it), and where its
    next line is."""
    first = flat[0] if flat else None
    invite = _INVITE.match(first.text or "") if first else None
    if first is None or first.kind != "paragraph" or invite is None:
        raise _Unfit
    if invite["who"]:
        return [invite["who"]], 1
    pos = 1
    while pos < len(flat) and flat[pos].kind == "bullet":
        pos += 1
    guests = [(_text(n.text) or "").rstrip(" ;.,") for n in flat[1:pos]]
    if not guests:
        raise _Unfit
    return guests, pos


def _invitation(doc: Document) -> dict[str, Any]:
    """A Giấy mời as Mẫu 1.7 writes it: "<cơ quan> trân trọng kính mời: …", "Tới dự …", chủ trì, thời
    gian, địa điểm, then what to note."""
    flat = _flat(doc.body)
    guests, pos = _guests(flat)
    out: dict[str, Any] = {"title": doc.title or Noted("", f"{FILL} trích yếu"), "kinh_moi": guests}
    for key, start in INVITATION_LINES:
        node = flat[pos] if pos < len(flat) else None
        if node is not None and node.kind == "paragraph" and (node.text or "").startswith(start):
            out[key] = (node.text or "")[len(start):]
            pos += 1
        elif key != "chu_tri":
            raise _Unfit
    if any(n.children for n in flat[pos:]):
        raise _Unfit
    if flat[pos:]:
        out["luu_y"] = items(flat[pos:], ("paragraph", "bullet"), _Labels())
    return out


# The lines of a Giấy giới thiệu (Mẫu 1.8) and a Giấy nghỉ phép (Mẫu 1.10), each a field of its template
# (None: a fixed line the template writes itself).
LINE_FORMS: dict[str, tuple[tuple[str | None, str], ...]] = {
    "giay-gioi-thieu": ((None, r".+ trân trọng giới thiệu:"), ("nguoi", r"Ông \(bà\):? (?P<v>.+)"),
                        ("chuc_vu", r"Chức vụ: (?P<v>.+)"), ("den", r"Được cử đến: (?P<v>.+)"),
                        ("ve_viec", r"Về việc: (?P<v>.+)"), (None, r"Đề nghị Quý cơ quan .+"),
                        ("den_ngay", r"Giấy này có giá trị đến hết ngày (?P<v>[\d/]+)\.?")),
    "giay-nghi-phep": (("don_ngay", r"Xét Đơn đề nghị nghỉ phép ngày (?P<v>[\d/]+) của ông \(bà\) .+,"),
                       ("cap", r"(?P<v>.+) cấp cho:"), ("nguoi", r"Ông \(bà\): (?P<v>.+)"),
                       ("chuc_vu", r"Chức vụ: (?P<v>.+)"),
                       ("so_ngay tu_ngay den_ngay noi_nghi", r"Được nghỉ phép trong thời gian (?P<so_ngay>.+?), kể từ "
                        r"ngày (?P<tu_ngay>[\d/]+) đến hết ngày (?P<den_ngay>[\d/]+) tại (?P<noi_nghi>.+?)\."),
                       ("tinh_vao", r"Số ngày nghỉ phép nêu trên được tính vào (?P<v>.+?)\.?")),
}


def _line_form(doc: Document, template: str) -> dict[str, Any]:
    """A form whose content is a fixed sequence of lines: each line's values, or _Unfit."""
    lines = [_text(n.text) or "" for n in _flat(doc.body)]
    patterns = LINE_FORMS[template]
    if len(lines) != len(patterns) or any(n.kind != "paragraph" for n in _flat(doc.body)):
        raise _Unfit
    out: dict[str, Any] = {}
    for line, (key, pattern) in zip(lines, patterns, strict=True):
        m = re.fullmatch(pattern, line)
        if m is None:
            raise _Unfit
        values = m.groupdict()
        if key and "v" in values:
            out[key] = values["v"]
        elif key:
            out.update(values)
    return out


_MEETING = {"bat_dau": rx.compile(r"Thời gian bắt đầu: (?P<v>.+?), (?P<date>ngày .+?)\.?"),
            "dia_diem": rx.compile(r"Địa điểm: (?P<v>.+)"),
            "thanh_phan": rx.compile(r"Thành phần tham dự:\s*(?P<v>.*)"),
            "chu_toa": rx.compile(r"Chủ trì \(chủ tọa\): (?P<v>.+?)\.?"),
            "thu_ky": rx.compile(r"Thư ký \(người ghi biên bản\): (?P<v>.+?)\.?"),
            "noi_dung": rx.compile(r"Nội dung \(theo diễn biến cuộc họp\):")}
_MEETING_END = rx.compile(r"(?P<what>.+?) kết thúc vào (?P<v>.+?), ngày .+")


def _person(text: str) -> dict[str, Any]:
    name, _, position = text.partition(", ")
    return {"name": name, **({"position": position} if position else {})}


def _minutes(doc: Document) -> dict[str, Any]:
    """A Biên bản as Mẫu 1.9 writes it: time, place, who attends, chair, secretary, content, end."""
    flat = _flat(doc.body)
    out: dict[str, Any] = {"title": doc.title or Noted("", f"{FILL} tên cuộc họp")}
    pos = _meeting_lines(flat, out)
    end = flat[-1]
    ending = _MEETING_END.fullmatch(_text(end.text) or "") if end.kind == "paragraph" else None
    if ending is None or not out["date"] or doc.signature is None or len(doc.co_signatures) != 1:
        raise _Unfit
    out["ket_thuc"] = ending["v"]
    if ending["what"] != "Cuộc họp":
        out["cuoc_hop"] = ending["what"]
    content = _without(_content_after(doc.body, flat[pos - 1]), end)
    out["noi_dung"] = items(content, ("clause", "point", "bullet"), _Labels())
    return out


def _meeting_lines(flat: list[Node], out: dict[str, Any]) -> int:
    """The lines before a Biên bản's content, into `out`; where the content begins."""
    pos = 0
    for key, pattern in _MEETING.items():
        m = pattern.fullmatch(_text(flat[pos].text) or "") if pos < len(flat) else None
        if m is None or flat[pos].kind != "paragraph":
            raise _Unfit
        pos += 1
        if key == "bat_dau":
            day = dates.parse(m["date"])
            out["bat_dau"] = m["v"]
            out["date"] = Noted(day, f"{REVIEW} ngày họp của văn bản cũ") if day else ""
        elif key == "thanh_phan":
            out["thanh_phan"] = [m["v"]] if m["v"] else []
            while not m["v"] and pos < len(flat) and flat[pos].kind == "bullet":
                out["thanh_phan"].append((_text(flat[pos].text) or "").rstrip(" ;.,"))
                pos += 1
        elif key in ("chu_toa", "thu_ky"):
            out[key] = _person(m["v"])
        elif key != "noi_dung":
            out[key] = m["v"]
    if pos >= len(flat):
        raise _Unfit
    return pos


def _without(nodes: list[Node], drop: Node) -> list[Node]:
    """The nodes with `drop` taken out wherever it sits (copies: the parsed tree is left as it was)."""
    from dataclasses import replace

    return [replace(n, children=_without(n.children, drop)) for n in nodes if n is not drop]


def _cited_document(line: str) -> dict[str, Any]:
    """The document a Phụ lục goes with, from its "(Kèm theo Kế hoạch số 12/KH-SNV ngày … của …)" line;
    its number and day cleared as the document's own are."""
    from vbhc import citation

    found = next(iter(citation.find_all(line)), None)
    if found is None or not found.doc_type:
        return {"doc_type": Noted("", f"{FILL} văn bản có phụ lục này ({line or '…'}): tên loại, ký hiệu, ngày, "
                                      "cơ quan ban hành"), "symbol": None, "date": None, "issuer": None}
    when = found.date[:7] if found.date else None
    return {"doc_type": found.doc_type[:1].upper() + found.doc_type[1:], "symbol": found.symbol,
            "date": Noted(f"tháng {int(when[5:])} năm {when[:4]}" if when else "",
                          f"{REVIEW} số và ngày của văn bản đã xóa"),
            "issuer": found.issuer or Noted("", f"{FILL} cơ quan ban hành")}


def choose_template(parsed: ParsedFile) -> str:
    """The template for a parsed file, from the type of its first document."""
    doc = parsed.documents[0]
    if doc.doc_type == "Quyết định" and _attached_plan(parsed) is not None:
        return ISSUING
    return TEMPLATE_OF_TYPE.get(doc.doc_type or "", GENERAL)


def _attached_plan(parsed: ParsedFile) -> Document | None:
    docs = parsed.documents
    return docs[1] if len(docs) > 1 and docs[1].attached and not docs[1].is_appendix else None


def document_data(parsed: ParsedFile, template: str) -> dict[str, Any]:
    """The data of the parsed file's first document (and what it attaches) for `template`."""
    doc = parsed.documents[0]
    attached = _attached_plan(parsed)
    if template == "phu-luc":
        return _appendix_alone(doc)
    body = SHAPES.get(template, _named)(doc, attached)
    data: dict[str, Any] = {**_header(doc), **body, **_closing(doc)}
    if template == "bien-ban":
        for key in ("place", "signer"):
            data.pop(key, None)
    if template == GENERAL and doc.doc_type not in nd30.DOC_TYPES:
        data["doc_type"] = Noted(doc.doc_type or "", f"{FILL} tên loại văn bản theo Nghị định 30/2020 (Điều 7)")
    appendices = [d for d in parsed.documents[1:] if d.is_appendix]
    if appendices:
        data["phu_luc"] = _appendices(appendices)
    return data


# How each template's data is read from a document (and the document it attaches); any other
# template is a văn bản có tên loại (`_named`).
SHAPES: dict[str, Any] = {
    ISSUING: _decision, "quyet-dinh-truc-tiep": lambda d, a: _decision(d, None),
    "nghi-quyet": lambda d, a: _resolution(d), "cong-van": lambda d, a: _letter(d),
    "quy-che": lambda d, a: _regulation(d), "cong-dien": lambda d, a: _telegram(d),
    "giay-moi": lambda d, a: _invitation(d), GENERAL: lambda d, a: _general(d),
    "giay-gioi-thieu": lambda d, a: _line_form(d, "giay-gioi-thieu"),
    "giay-nghi-phep": lambda d, a: _line_form(d, "giay-nghi-phep"), "bien-ban": lambda d, a: _minutes(d),
}
NAMED = ("ke-hoach", "bao-cao", "thong-bao", "to-trinh", "chuong-trinh", "de-an", "phuong-an", "huong-dan")


# --- the year to review ----------------------------------------------------------------------------

def _years(doc: Document) -> set[str]:
    """The years an old document's dates move with: its own, the one before and the one after
    ("so với năm 2025", "phương hướng năm 2027" in a report of 2026)."""
    found = _YEAR.findall(" ".join(x for x in (doc.date or "", doc.date_raw or "") if x))
    if not found and doc.title:
        found = _YEAR.findall(doc.title)
    if not found:
        return set()
    year = int(found[-1])
    return {str(year - 1), str(year), str(year + 1)}


def _mark(value: Any, years: set[str]) -> Any:
    """Every text that names one of `years`, with the review comment beside it."""
    if isinstance(value, dict):
        return {k: (v if k in ("date",) else _mark(v, years)) for k, v in value.items()}
    if isinstance(value, list):
        return [_mark(v, years) for v in value]
    if isinstance(value, str) and not isinstance(value, Noted):
        named = sorted({y for y in _YEAR.findall(value) if y in years})
        if named:
            return Noted(value, f"{REVIEW} năm {', '.join(named)}: ngày, năm của văn bản cũ")
    return value


def yaml_text(template: str, data: dict[str, Any], source: str, what: str) -> str:
    head = [
        f"# Dữ liệu của văn bản cũ {source} ({what}), đọc bằng `vbhc new --from`.",
        f"# Số và ngày ban hành đã xóa để văn thư điền; các dòng có “{REVIEW}” mang ngày, năm của văn bản cũ,",
        f"# các dòng có “{FILL}” cần điền. Soạn văn bản mới: vbhc new --data <tệp này> -o VAN-BAN.docx",
    ]
    return "\n".join([*head, *lines({"template": template, **data})]) + "\n"


def _what(doc: Document) -> str:
    number = f" số {doc.number or '…'}/{doc.symbol}" if doc.symbol else ""
    return f"{doc.doc_type or 'văn bản'}{number}"


def data_file(parsed: ParsedFile, template: str | None = None, folders: Sequence[str | Path] = ()) -> DataFile:
    """The data file of a parsed document for `template` (chosen from its type when None)."""
    from vbhc.generate.template import find_template

    if not parsed.documents or not (parsed.documents[0].doc_type or parsed.documents[0].body):
        raise FromError(f"{parsed.source.path}: không nhận ra văn bản nào trong tệp (không có tên loại, nội dung)")
    name = template or choose_template(parsed)
    info = find_template(name, folders)
    base = info.parent.name if info.parent is not None else info.name
    shape = base if base in SHAPES or base in NAMED or base == "phu-luc" else _shape(info)
    try:
        data = document_data(parsed, shape)
    except _Unfit:
        if template:
            raise FromError(f"{parsed.source.path}: nội dung không trình bày theo mẫu {name} (các dòng của "
                            f"mẫu không có trong văn bản); bỏ tên mẫu để vbhc dùng mẫu {GENERAL}") from None
        info, data = find_template(GENERAL, folders), document_data(parsed, GENERAL)
    if info.agency:
        data = {k: v for k, v in data.items() if k not in info.defaults or k in ("date",)}
    data = _mark(data, _years(parsed.documents[0]))
    doc = parsed.documents[0]
    text = yaml_text(info.name, data, Path(parsed.source.path).name, _what(doc))
    others = [d for d in parsed.documents[1:] if not d.attached and not d.is_appendix]
    notes = [f"tệp có {len(others) + 1} văn bản; chỉ lấy văn bản đầu tiên ({_what(doc)})"] if others else []
    return DataFile(template=info.name, data=data, text=text, review=count_notes(data, REVIEW), notes=notes)


def _shape(info: Any) -> str:
    """An agency's own template (not extending a built-in one) takes the data of the template of its type."""
    return TEMPLATE_OF_TYPE.get(info.doc_type or "", GENERAL)
