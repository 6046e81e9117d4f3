"""The numbers and words of Nghị định 30/2020/NĐ-CP, each with the clause it comes from.

This is the one place where the decree's values live; parse, rules, writers and templates
read them from here. "PL I" is Phụ lục I (thể thức và kỹ thuật trình bày), "PL III" the
abbreviation table and the templates.
"""

from __future__ import annotations

from dataclasses import dataclass

DECREE = "NĐ 30/2020"


def source(clause: str) -> str:
    """How a finding cites the decree: "NĐ 30/2020, Phụ lục I, mục II.3"."""
    return f"{DECREE}, {clause}"


# --- Words -------------------------------------------------------------------------------

# PL I, mục II.1.a and II.1.b
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

# Điều 2: the decree governs state bodies and enterprises; political organisations apply it "as fits".
# The Party's documents follow its own guide, headed by this line where the Quốc hiệu would stand.
PARTY_HEADING = "ĐẢNG CỘNG SẢN VIỆT NAM"
PARTY_GUIDE = "Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng"

# Điều 8.3 and PL I, mục II.10–11: marks a document may carry beside its components, in capitals: the
# degree of secrecy and of urgency (ô số 10a, 10b, under the number and symbol) and how far it may go
# (ô số 11). Not the decree's: "DỰ THẢO", which a draft carries until it is signed (a draft sent out for
# comment, a sub-plan submitted before it is issued).
URGENCY_MARKS = ("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC", "HỎA TỐC HẸN GIỜ")
SECRECY_MARKS = ("MẬT", "TỐI MẬT", "TUYỆT MẬT")
CIRCULATION_MARKS = ("XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ", "TRẢ LẠI SAU KHI HỘI HỌP (HỘI NGHỊ)")
DRAFT_MARK = "DỰ THẢO"

# Điều 7 and PL III, mục I: type name → abbreviation used in the symbol.
DOC_TYPES: dict[str, str | None] = {
    "Nghị quyết": "NQ",
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Quy chế": "QC",
    "Quy định": "QyĐ",
    "Thông cáo": "TC",
    "Thông báo": "TB",
    "Hướng dẫn": "HD",
    "Chương trình": "CTr",
    "Kế hoạch": "KH",
    "Phương án": "PA",
    "Đề án": "ĐA",
    "Dự án": "DA",
    "Báo cáo": "BC",
    "Biên bản": "BB",
    "Tờ trình": "TTr",
    "Hợp đồng": "HĐ",
    "Công điện": "CĐ",
    "Bản ghi nhớ": "BGN",
    "Bản thỏa thuận": "BTT",
    "Giấy ủy quyền": "GUQ",
    "Giấy mời": "GM",
    "Giấy giới thiệu": "GGT",
    "Giấy nghỉ phép": "GNP",
    "Phiếu gửi": "PG",
    "Phiếu chuyển": "PC",
    "Phiếu báo": "PB",
    "Công văn": None,  # a công văn's symbol is agency-unit (PL I, mục II.3.b)
    "Thư công": None,
}
COPY_TYPES = {"Bản sao y": "SY", "Bản trích sao": "TrS", "Bản sao lục": "SL"}  # PL III, mục I
# PL I, Phần II, mục II.1.a: the copy's form heads the part a copy adds under the original ("SAO Y BẢN CHÍNH":
# the form before 2020); the part has the copier's name, "Số: …/SY", place and date, signature and Nơi nhận.
COPY_FORMS = {"SAO Y": "Bản sao y", "SAO Y BẢN CHÍNH": "Bản sao y", "SAO LỤC": "Bản sao lục",
              "TRÍCH SAO": "Bản trích sao"}

# Legal (quy phạm) documents also appear in căn cứ and in the corpus: their symbols carry the year.
LEGAL_TYPES: dict[str, str] = {
    "Luật": "QH",
    "Nghị định": "NĐ-CP",
    "Thông tư": "TT",
    "Pháp lệnh": "UBTVQH",
}

# Documents issued only "kèm theo" another that Điều 7 does not list by name (PL III, Mẫu 1.3: "văn bản
# ban hành kèm theo quyết định"): a decision's charter, the list of members or of tasks a decision or a letter
# sends, the outline of the report a letter asks for. They carry the number of the document they go with.
ISSUED_TYPES: tuple[str, ...] = ("Điều lệ", "Danh sách", "Đề cương")

# Papers an office writes that Điều 7 does not list among the văn bản hành chính, by their heading, with what they
# are: the văn thư neither numbers nor issues them, so the decree's layout is not asked of them. A phiếu trình
# carries a matter from a unit to its leader with each level's opinion, as the agency's own working rules (its quy
# chế làm việc) set it; a tham luận or a speech is what a speaker reads at a conference; a bản thuyết minh explains
# a draft, a study or a project in its dossier, a bản giải trình answers the comments on a draft, a bảng tổng hợp
# gathers them (or figures); a tài liệu is handed out at a conference or a course. The heading may run on with
# words of its own ("PHIẾU TRÌNH KÝ VĂN BẢN", "BÀI PHÁT BIỂU KHAI MẠC").
_PHIEU_TRINH = "giấy tờ nội bộ trình lãnh đạo theo quy chế làm việc của cơ quan"
_THAM_LUAN = "bài trình bày tại hội nghị, hội thảo"
_PHAT_BIEU = "bài phát biểu tại hội nghị, sự kiện"
_THUYET_MINH = "bản thuyết minh trong hồ sơ của một dự thảo, đề tài hay dự án"
_GIAI_TRINH = "bản tổng hợp, tiếp thu, giải trình ý kiến góp ý trong hồ sơ của một dự thảo"
_TONG_HOP = "bảng tổng hợp ý kiến hay số liệu trong hồ sơ của một văn bản"
_TAI_LIEU = "tài liệu phát tại hội nghị, lớp bồi dưỡng hay để tuyên truyền"
OTHER_PAPERS: dict[str, str] = {
    "Phiếu trình": _PHIEU_TRINH,
    "Phiếu trình giải quyết công việc": _PHIEU_TRINH,
    "Tham luận": _THAM_LUAN,
    "Bài tham luận": _THAM_LUAN,
    "Bài phát biểu": _PHAT_BIEU,
    "Phát biểu": _PHAT_BIEU,
    "Diễn văn": _PHAT_BIEU,
    "Thuyết minh": _THUYET_MINH,
    "Bản thuyết minh": _THUYET_MINH,
    "Giải trình": _GIAI_TRINH,
    "Bản giải trình": _GIAI_TRINH,
    "Bảng tổng hợp": _TONG_HOP,
    "Tài liệu": _TAI_LIEU,
}
# A "Chương trình" whose trích yếu names an event ("Hội nghị đánh giá …") is that event's agenda, handed out at
# it, not the programme of work that Điều 7 names.
AGENDA = "chương trình (lịch làm việc) của một hội nghị, sự kiện"
AGENDA_EVENTS: tuple[str, ...] = ("Hội nghị", "Hội thảo", "Tọa đàm", "Lễ", "Buổi làm việc", "Đại hội", "Kỳ họp",
                                  "Diễn đàn")
# A "Báo cáo tóm tắt" with no number of its own is a report's summary read out at a conference (handed out with its
# agenda and speeches), not the report the văn thư numbers and issues.
SUMMARY = ("Báo cáo tóm tắt", "bản tóm tắt của một báo cáo, trình bày tại hội nghị")

# Types that issue other documents "kèm theo" (PL III, Mẫu 1.3).
ISSUING_TYPES: frozenset[str] = frozenset({"Quyết định", "Nghị quyết"})

# Types whose preamble lists căn cứ before the enacting line (PL III, Mẫu 1.1–1.3; the legal types'
# own forms): in any other document a paragraph beginning "Căn cứ …" is content, not a preamble.
PREAMBLE_TYPES: frozenset[str] = frozenset({"Quyết định", "Nghị quyết", "Chỉ thị", *LEGAL_TYPES})

# PL III, Mẫu 1.9: a Biên bản has no place and date under the Tiêu ngữ (its content opens with the
# time and place of the meeting).
UNDATED_TYPES: frozenset[str] = frozenset({"Biên bản"})

# PL III, Mẫu 1.8 and 1.10: a Giấy giới thiệu and a Giấy nghỉ phép have no trích yếu under the type name.
UNTITLED_TYPES: frozenset[str] = frozenset({"Giấy giới thiệu", "Giấy nghỉ phép"})

# PL I, mục II.5.b: points are lettered in the Vietnamese alphabet, followed by ")".
POINT_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()

# Nghị định, Điều 13 and PL I, mục II.7.a: signing authority prefixes.
AUTHORITIES = ("TM.", "KT.", "TL.", "TUQ.", "Q.")

# PL I, mục II.8: the recipients block.
NOI_NHAN = "Nơi nhận:"
LUU = "Lưu:"


# --- Numbers -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Range:
    low: float
    high: float

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int | float) and self.low <= value <= self.high


# PL I, Phần I, mục I.1–I.3
PAPER_A4_MM = (210.0, 297.0)
MARGINS_MM = {
    "top": Range(20, 25),
    "bottom": Range(20, 25),
    "left": Range(30, 35),
    "right": Range(15, 20),
}
FONT = "Times New Roman"  # PL I, mục I.4
PAGE_NUMBER_SIZE = Range(13, 14)  # PL I, mục I.7


# --- Layout chosen by vbhc's writer, inside the decree's ranges ------------------------------
# Every value below is one the decree allows; the comment names the clause (PL I = Phụ lục I,
# Phần I; l. = line of ../shared/corpus/nd30-2020/nd30-2020-phuluc1.txt).

# PL I, mục I.3 (l. 14): top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
WRITER_MARGINS_MM = {"top": 20.0, "bottom": 20.0, "left": 30.0, "right": 15.0}
WRITER_HEADER_MM = 10.0  # distance of the page number from the top edge: inside the top margin (mục I.7)


@dataclass(frozen=True)
class Look:
    """How one component is printed: size in points, bold, italic, capitals."""

    size: float
    bold: bool = False
    italic: bool = False
    caps: bool = False
    clause: str = ""


# Sizes per component: PL I, mục II and the table of mục V (l. 152–212).
WRITER_LOOK: dict[str, Look] = {
    "quoc_hieu": Look(12, bold=True, caps=True, clause="PL I, mục II.1.a: in hoa, 12–13, đứng, đậm"),
    "tieu_ngu": Look(13, bold=True, clause="PL I, mục II.1.b: in thường, 13–14, đứng, đậm"),
    "parent_agency": Look(13, caps=True, clause="PL I, mục II.2.b: in hoa, 12–13, đứng"),
    "agency": Look(13, bold=True, caps=True, clause="PL I, mục II.2.b: in hoa, 12–13, đứng, đậm"),
    "so_ky_hieu": Look(13, clause="PL I, mục II.3.c: cỡ chữ 13, đứng"),
    "vv": Look(13, clause="PL I, mục II.5.b: V/v in thường, 12–13, đứng"),
    "place_date": Look(14, italic=True, clause="PL I, mục II.4.c: in thường, 13–14, nghiêng"),
    "type_name": Look(14, bold=True, caps=True, clause="PL I, mục II.5.b: in hoa, 13–14, đứng, đậm"),
    "title": Look(14, bold=True, clause="PL I, mục II.5.b: trích yếu in thường, 13–14, đứng, đậm"),
    "kem_theo": Look(14, italic=True, clause="PL I, mục III.1.c: in thường, 13–14, nghiêng"),
    "issuer_line": Look(14, bold=True, caps=True, clause="PL III, Mẫu 1.3: thẩm quyền ban hành, in hoa, đậm"),
    "can_cu": Look(14, italic=True, clause="PL I, mục II.6.a: in thường, nghiêng, 13–14"),
    "enacting": Look(14, bold=True, caps=True, clause="PL III, Mẫu 1.3: QUYẾT ĐỊNH:"),
    "kinh_gui": Look(14, clause="PL I, mục II.9.d (ô 9a): in thường, 13–14, đứng"),
    "body": Look(14, clause="PL I, mục II.6.e: in thường, 13–14, đứng"),
    "part": Look(14, bold=True, clause="PL I, mục II.6.đ: Phần/Chương, 13–14, đứng, đậm; tiêu đề in hoa"),
    "section": Look(14, bold=True, clause="PL I, mục V.6.b: số thứ tự và tiêu đề của mục, in hoa, đậm"),
    "article": Look(14, bold=True, clause="PL I, mục II.6.đ: Điều, cỡ chữ lời văn, đứng, đậm"),
    "clause_heading": Look(14, bold=True, clause="PL I, mục II.6.đ: khoản có tiêu đề, đậm"),
    "table": Look(13, clause="PL I, mục II.6.e: 13–14"),
    "authority": Look(14, bold=True, caps=True, clause="PL I, mục II.7.đ: in hoa, 13–14, đứng, đậm"),
    "signer": Look(14, bold=True, clause="PL I, mục II.7.đ: in thường, 13–14, đứng, đậm"),
    "noi_nhan": Look(12, bold=True, italic=True, clause="PL I, mục II.9.d (ô 9b): cỡ 12, nghiêng, đậm"),
    "recipient": Look(11, clause="PL I, mục II.9.d (ô 9b): cỡ 11, đứng"),
    "page_number": Look(14, clause="PL I, mục I.7: cỡ chữ 13–14, đứng"),
}

# PL I, mục II.6.e (l. 66): first-line indent 1 cm or 1.27 cm; ≥ 6 pt between paragraphs;
# line spacing from single to 1.5 lines. Articles are indented the same (mục II.6.đ).
WRITER_FIRST_LINE_INDENT_MM = 10.0
WRITER_SPACE_AFTER_PT = 6.0
WRITER_LINE_SPACING = 1.15
FIRST_LINE_INDENTS_MM = (10.0, 12.7)
PARAGRAPH_SPACING_MIN_PT = 6.0
LINE_SPACING = Range(1.0, 1.5)

# Rules under components (PL I, mục II.1.b, II.2.b, II.5.b): Tiêu ngữ's rule as long as the line,
# the agency's and the trích yếu's 1/3–1/2 of the line, centred.
RULE_FRACTION = Range(1 / 3, 1 / 2)
WRITER_RULE_FRACTION = 0.4

# Header and signature tables: column widths in mm, summing to the text width (210 − 30 − 15).
WRITER_TEXT_WIDTH_MM = PAPER_A4_MM[0] - WRITER_MARGINS_MM["left"] - WRITER_MARGINS_MM["right"]
WRITER_HEADER_COLUMNS_MM = (65.0, WRITER_TEXT_WIDTH_MM - 65.0)
WRITER_SIGNATURE_COLUMNS_MM = (82.5, WRITER_TEXT_WIDTH_MM - 82.5)

# PL I, mục II.3.c and II.4.b: numbers below 10 take a leading 0; dates: day < 10 and months 1, 2.
LEADING_ZERO_MONTHS = (1, 2)
STORAGE_OFFICE = "VT"  # PL I, mục II.9.d: "Lưu: VT, <đơn vị soạn thảo>."


# --- What the checker requires of each component (PL I, mục II and the table of mục V) --------
# Sizes are ranges as the decree gives them; `bold`/`italic`/`caps` None means "not judged" (the
# decree allows either, or real files vary too much to judge without a false error).

@dataclass(frozen=True)
class Spec:
    """How the decree says one component is printed, with the clause it comes from."""

    name: str  # Vietnamese name of the component, for messages
    size: Range
    clause: str
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None


SIZE_12_13 = Range(12, 13)
SIZE_13_14 = Range(13, 14)

# Keys are the kinds of classified lines (Document.lines[].kind).
COMPONENT_SPECS: dict[str, Spec] = {
    "quoc_hieu": Spec("Quốc hiệu", SIZE_12_13, "Phụ lục I, mục II.1.a", bold=True, italic=False, caps=True),
    "tieu_ngu": Spec("Tiêu ngữ", SIZE_13_14, "Phụ lục I, mục II.1.b", bold=True, italic=False),
    "parent_agency": Spec("tên cơ quan chủ quản", SIZE_12_13, "Phụ lục I, mục II.2.b", italic=False, caps=True),
    "agency": Spec("tên cơ quan ban hành", SIZE_12_13, "Phụ lục I, mục II.2.b", bold=True, italic=False,
                   caps=True),
    "so_ky_hieu": Spec("số, ký hiệu", Range(13, 13), "Phụ lục I, mục II.3.c", bold=False, italic=False),
    "place_date": Spec("địa danh và thời gian", SIZE_13_14, "Phụ lục I, mục II.4.c", italic=True),
    "type_name": Spec("tên loại văn bản", SIZE_13_14, "Phụ lục I, mục II.5.b", bold=True, italic=False, caps=True),
    "title": Spec("trích yếu", SIZE_13_14, "Phụ lục I, mục II.5.b", bold=True, italic=False),
    "vv": Spec("trích yếu công văn (V/v)", SIZE_12_13, "Phụ lục I, mục II.5.b", bold=False, italic=False),
    "can_cu": Spec("căn cứ ban hành", SIZE_13_14, "Phụ lục I, mục II.6.a", italic=True),
    "paragraph": Spec("nội dung", SIZE_13_14, "Phụ lục I, mục II.6.e"),
    "decimal": Spec("khoản", SIZE_13_14, "Phụ lục I, mục II.6.đ"),
    "point": Spec("điểm", SIZE_13_14, "Phụ lục I, mục II.6.đ"),
    "bullet": Spec("nội dung", SIZE_13_14, "Phụ lục I, mục II.6.e"),
    "article": Spec("điều", SIZE_13_14, "Phụ lục I, mục II.6.đ", bold=True),
    "part": Spec("phần", SIZE_13_14, "Phụ lục I, mục II.6.đ", bold=True),
    "chapter": Spec("chương", SIZE_13_14, "Phụ lục I, mục II.6.đ", bold=True),
    "muc": Spec("mục", SIZE_13_14, "Phụ lục I, mục II.6.đ", bold=True),
    "heading": Spec("tiêu đề của phần, chương, mục", SIZE_13_14, "Phụ lục I, mục II.6.đ", bold=True, caps=True),
    "roman": Spec("số thứ tự và tiêu đề của mục", SIZE_13_14, "Phụ lục I, mục V, STT 6.b", bold=True, caps=True),
    "authority": Spec("quyền hạn của người ký", SIZE_13_14, "Phụ lục I, mục II.7.đ", bold=True, caps=True),
    "position": Spec("chức vụ của người ký", SIZE_13_14, "Phụ lục I, mục II.7.đ", bold=True, caps=True),
    "signer": Spec("họ tên người ký", SIZE_13_14, "Phụ lục I, mục II.7.đ", bold=True, italic=False),
    "noi_nhan": Spec("từ “Nơi nhận”", Range(12, 12), "Phụ lục I, mục II.9.d", bold=True, italic=True),
    "recipient": Spec("tên nơi nhận", Range(11, 11), "Phụ lục I, mục II.9.d", bold=False, italic=False),
    "luu": Spec("dòng “Lưu”", Range(11, 11), "Phụ lục I, mục II.9.d", bold=False, italic=False),
    "kinh_gui": Spec("“Kính gửi”", SIZE_13_14, "Phụ lục I, mục II.9.d", italic=False),
    "phu_luc": Spec("từ “Phụ lục” và số thứ tự", Range(14, 14), "Phụ lục I, mục III.1.b", bold=True, italic=False),
    "phu_luc_title": Spec("tên phụ lục", SIZE_13_14, "Phụ lục I, mục III.1.b", bold=True, italic=False, caps=True),
    "kem_theo": Spec("chỉ dẫn kèm theo", SIZE_13_14, "Phụ lục I, mục III.1.c", italic=True),
}
BODY_KINDS = ("paragraph", "decimal", "point", "bullet")

# Sizes a reader gives are rounded (PDFs scale glyphs: 13.96, 14.04): within this many points of a
# range a size is right; up to SIZE_WARNING off it is a warning (half a point nobody returns a
# document for); further off it is an error.
SIZE_TOLERANCE_PT = 0.25
SIZE_WARNING_PT = 0.5

# Text inside a table of the body (a task table, a table of figures): PL I gives no size for it and
# offices commonly set it smaller than the body (12 pt); below the smallest size the decree uses
# (11 pt, for Nơi nhận: mục II.9.d) or above the body's 14 pt it is worth a warning.
TABLE_TEXT_SIZE = Range(11, 14)  # lines of the body text proper (mục II.6.e)

# PL I, mục II.6.e: first-line indent 1 cm or 1.27 cm; tolerance for Word's twip rounding.
FIRST_LINE_INDENT_MM = Range(10.0 - 0.3, 12.7 + 0.3)

# PL I, mục II.1.b: the Tiêu ngữ's phrases are joined by a hyphen with a space either side.
TIEU_NGU_PHRASES = ("Độc lập", "Tự do", "Hạnh phúc")

# PL I, mục II.7.b: KT. is followed by the deputy's position (PHÓ …; THỨ TRƯỞNG in a ministry).
DEPUTY_WORDS = ("PHÓ", "THỨ TRƯỞNG")

# PL I, mục II.9.d: separators accepted at the start of a recipient line (the hyphen; an en dash
# prints the same at 11 pt).
RECIPIENT_DASHES = ("-", "–")

# Words of an administrative place name that are written in lower case ("Thành phố Hồ Chí Minh").
PLACE_LOWER_WORDS = ("phố", "xã", "trấn", "khu")
