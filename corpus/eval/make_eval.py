"""Build the evaluation set's Word and PDF sub-plans (the .txt ones are written by hand).

    .venv/bin/python corpus/eval/make_eval.py            # writes the .docx files and, with LibreOffice, the .pdf

- so-xay-dung-tu-dong-danh-so.docx: Sở Xây dựng; "1." and "a)" are Word automatic numbering
  (numbering.xml, one w:num per section so "1." restarts after each "I."), the rest literal text.
- so-tai-chinh-bang-nhiem-vu.docx: Sở Tài chính; the tasks are a bordered Word table with a group
  row per area (and a seventh group "Công tác chỉ đạo, điều hành").
- xa-hung-nguyen-ban-hanh-muon.pdf: UBND xã Hưng Nguyên; built as .docx in a temporary folder and
  converted by `soffice --headless --convert-to pdf`; the PDF's dates and ids are then set to fixed
  values (same length, so the cross-reference offsets stay right) so that a re-run gives the same bytes
  for the same LibreOffice.

Every file is written with fixed timestamps (zip entries, core properties) so a re-run changes nothing.
The documents' contents and their labels (<name>.labels.yaml) were written before vbhc was run on them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

HERE = Path(__file__).resolve().parent
FONT = "Times New Roman"
FIXED = dt.datetime(2025, 8, 1, 8, 0, 0)

# --- building blocks ---------------------------------------------------------------------------


def new_doc() -> docx.document.Document:
    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    cp = d.core_properties
    cp.created = cp.modified = FIXED
    cp.author = cp.last_modified_by = "vbhc corpus/eval"
    cp.revision = 1
    return d


def para(container, text: str, *, size: float = 14, bold: bool = False, italic: bool = False,
         align: str = "justify", indent: bool = False):
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                     "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    fmt.space_after = Pt(6)
    if indent:
        fmt.first_line_indent = Mm(12.7)
    if text:
        run = p.add_run(text)
        run.font.size, run.font.bold, run.font.italic = Pt(size), bold, italic
    return p


def borderless(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def header(d, left: list[str], number: str, place_date: str) -> None:
    """The two borderless header columns: agency and số | Quốc hiệu, tiêu ngữ and place-date."""
    t = d.add_table(rows=2, cols=2)
    borderless(t)
    c = t.cell(0, 0)
    c.paragraphs[0].text = ""
    for i, line in enumerate(left):
        p = c.paragraphs[0] if i == 0 else c.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(line)
        r.font.size, r.font.bold = Pt(13), i == len(left) - 1
    c = t.cell(0, 1)
    for i, (line, size) in enumerate((("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12), ("Độc lập - Tự do - Hạnh phúc", 13))):
        p = c.paragraphs[0] if i == 0 else c.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(line)
        r.font.size, r.font.bold = Pt(size), True
    p = t.cell(1, 0).paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(number).font.size = Pt(13)
    p = t.cell(1, 1).paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(place_date)
    r.font.size, r.font.italic = Pt(14), True


def title(d, name: str, summary: str) -> None:
    para(d, name, bold=True, align="center")
    para(d, summary, bold=True, align="center")


def signature(d, recipients: list[str], positions: list[str], signer: str) -> None:
    t = d.add_table(rows=1, cols=2)
    borderless(t)
    c = t.cell(0, 0)
    r = c.paragraphs[0].add_run("Nơi nhận:")
    r.font.size, r.font.bold, r.font.italic = Pt(12), True, True
    for line in recipients:
        c.add_paragraph().add_run(line).font.size = Pt(11)
    c = t.cell(0, 1)
    for i, line in enumerate([*positions, "", "(Đã ký)", "", signer]):
        p = c.paragraphs[0] if i == 0 else c.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(line)
        r.font.size, r.font.bold = Pt(14), line not in ("", "(Đã ký)")


# --- Word automatic numbering ("1." and "a)"), as tests/readers/docx_fixtures.py builds it ------------


def _level(ilvl: int, fmt: str, text: str) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLine="{720 if ilvl == 0 else 720}"/></w:pPr></w:lvl>')


def add_numbering(d, sections: int) -> list[int]:
    """One abstract list (decimal "%1." / lowerLetter "%2)"), one w:num per section; their ids."""
    numbering = d.part.numbering_part.element
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="40">'
                         '<w:multiLevelType w:val="hybridMultilevel"/>'
                         + _level(0, "decimal", "%1.") + _level(1, "lowerLetter", "%2)") + "</w:abstractNum>")
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    ids = []
    for i in range(sections):
        num_id = 41 + i
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="40"/>'
                                   "</w:num>"))
        ids.append(num_id)
    return ids


def numbered(d, text: str, num_id: int, ilvl: int, bold: bool = False):
    p = para(d, text, bold=bold)
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


# --- saving reproducibly -----------------------------------------------------------------------


def save_fixed(d, path: Path) -> None:
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 8, 1, 8, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    path.write_bytes(out.getvalue())


# --- 1. Sở Xây dựng: automatic numbering -------------------------------------------------------

XAY_DUNG_SECTIONS = [
    ("I. MỤC ĐÍCH, YÊU CẦU", [
        ("Triển khai đầy đủ, kịp thời các nhiệm vụ cải cách hành chính của tỉnh năm 2025 tại Sở Xây dựng sau "
         "khi hợp nhất với Sở Giao thông vận tải.", []),
        ("Phân công cụ thể cho từng phòng, đơn vị; xác định rõ thời gian hoàn thành, sản phẩm đầu ra.", []),
    ]),
    ("II. MỤC TIÊU", [
        ("Về thể chế: 100% văn bản QPPL lĩnh vực xây dựng, giao thông được triển khai kịp thời, đúng quy định; "
         "100% văn bản QPPL do Sở chủ trì soạn thảo được ban hành đúng tiến độ, bảo đảm chất lượng.", []),
        ("Về thủ tục hành chính:", [
            "Tỷ lệ hồ sơ TTHC thuộc thẩm quyền của Sở được giải quyết đúng hạn đạt từ 97% trở lên;",
            "100% hồ sơ quá hạn được xin lỗi tổ chức, cá nhân bằng văn bản; công khai 100% kết quả xử lý "
            "công việc của công chức, viên chức;",
            "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC của Sở phấn đấu đạt trên 88%, "
            "trong đó mức độ hài lòng về giải quyết TTHC lĩnh vực xây dựng đạt trên 86%;",
            "Mức độ hài lòng của cá nhân, tổ chức đối với sự phục vụ của Sở đạt trên 90%.",
        ]),
        ("Về công vụ và bộ máy: 100% công chức, viên chức thực hiện tốt Chỉ thị của các cấp về kỷ luật, kỷ "
         "cương hành chính; 100% phòng, đơn vị thành lập tổ kiểm tra nội bộ; hằng tháng 100% công việc cá nhân "
         "được rà soát, công bố trước cuộc họp cơ quan; 100% phòng, đơn vị thực hiện đúng quy định về tổ chức "
         "bộ máy.", []),
        ("Về chính quyền số: 100% phòng, đơn vị sử dụng hiệu quả phần mềm quản lý văn bản và điều hành VNPT "
         "Ioffice và 100% văn bản đi được ký số. Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải "
         "quyết TTHC của Sở đạt từ 70% trở lên. Tăng tỷ lệ số hóa thành phần hồ sơ khi tiếp nhận TTHC và tỷ "
         "lệ số hóa kết quả giải quyết TTHC; tăng tỷ lệ thanh toán trực tuyến trong giải quyết TTHC.", []),
        ("Giảm 12% đơn vị sự nghiệp công lập và 10% biên chế sự nghiệp hưởng lương từ ngân sách nhà nước so "
         "với năm 2021. Góp phần cải thiện Chỉ số cải cách hành chính (PAR INDEX), Chỉ số SIPAS của tỉnh.", []),
    ]),
    ("III. NHIỆM VỤ", [
        ("Cải cách thể chế", [
            "Rà soát văn bản QPPL lĩnh vực xây dựng, giao thông; tham mưu bãi bỏ văn bản không còn phù hợp. "
            "Phòng Pháp chế chủ trì; hoàn thành trong Quý IV/2025; sản phẩm: báo cáo rà soát.",
        ]),
        ("Cải cách thủ tục hành chính", [
            "Rà soát, đơn giản hóa TTHC lĩnh vực cấp phép xây dựng, đăng kiểm phương tiện. Văn phòng Sở chủ "
            "trì, các phòng phối hợp; hoàn thành trước ngày 30/9/2025; sản phẩm: phương án đơn giản hóa.",
            "Công khai đầy đủ TTHC trên Cổng Dịch vụ công Quốc gia. Văn phòng Sở chủ trì; thường xuyên.",
        ]),
        ("Cải cách tổ chức bộ máy hành chính nhà nước", [
            "Kiện toàn các phòng, đơn vị sau hợp nhất; ban hành quy chế làm việc. Văn phòng Sở chủ trì; "
            "tháng 8/2025; sản phẩm: quy chế làm việc.",
        ]),
        ("Cải cách chế độ công vụ", [
            "Hoàn thiện vị trí việc làm, cơ cấu ngạch công chức. Văn phòng Sở chủ trì; tháng 10/2025; sản "
            "phẩm: đề án vị trí việc làm.",
        ]),
        ("Cải cách tài chính công", [
            "Giao tự chủ tài chính cho Trung tâm Đăng kiểm xe cơ giới; công khai dự toán, quyết toán ngân sách. "
            "Phòng Kế hoạch - Tài chính chủ trì; Quý III/2025; sản phẩm: quyết định giao tự chủ.",
        ]),
        ("Xây dựng và phát triển chính quyền điện tử, chính quyền số", [
            "Xây dựng cơ sở dữ liệu công trình xây dựng, kết cấu hạ tầng giao thông. Văn phòng Sở chủ trì; "
            "Quý IV/2025; sản phẩm: cơ sở dữ liệu được vận hành.",
        ]),
    ]),
    ("IV. KINH PHÍ THỰC HIỆN", [
        ("Kinh phí thực hiện được bố trí từ dự toán ngân sách được giao năm 2025 của Sở.", []),
    ]),
    ("V. TỔ CHỨC THỰC HIỆN", [
        ("Các phòng, đơn vị thuộc Sở tổ chức thực hiện Kế hoạch này.", []),
        ("Văn phòng Sở tổng hợp, báo cáo định kỳ hằng quý, 6 tháng, năm gửi UBND tỉnh (qua Sở Nội vụ)./.", []),
    ]),
]


def make_xay_dung(path: Path) -> None:
    d = new_doc()
    header(d, ["UBND TỈNH NGHỆ AN", "SỞ XÂY DỰNG"], "Số: 1402/KH-SXD", "Nghệ An, ngày 24 tháng 7 năm 2025")
    title(d, "KẾ HOẠCH", "Cải cách hành chính năm 2025 của Sở Xây dựng")
    para(d, "Căn cứ Quyết định số 2228/QĐ-UBND ngày 15/7/2025 của UBND tỉnh Nghệ An ban hành Kế hoạch cải cách "
            "hành chính Nhà nước tỉnh Nghệ An năm 2025;", italic=True, indent=True)
    para(d, "Sở Xây dựng ban hành Kế hoạch cải cách hành chính năm 2025 như sau:", indent=True)
    ids = add_numbering(d, len(XAY_DUNG_SECTIONS))
    for (heading, clauses), num_id in zip(XAY_DUNG_SECTIONS, ids, strict=True):
        para(d, heading, bold=True)
        for text, points in clauses:
            numbered(d, text, num_id, 0, bold=not points and heading.startswith("III"))
            for point in points:
                numbered(d, point, num_id, 1)
    signature(d, ["- UBND tỉnh;", "- Sở Nội vụ;", "- Lưu: VT, VP."], ["GIÁM ĐỐC"], "Lê Văn Lực")
    save_fixed(d, path)


# --- 2. Sở Tài chính: the task table -----------------------------------------------------------

TAI_CHINH_TARGETS = [
    "1. 100% văn bản QPPL lĩnh vực tài chính được triển khai kịp thời, đúng quy định; 100% văn bản QPPL do Sở "
    "tham mưu được ban hành đúng tiến độ, bảo đảm chất lượng.",
    "2. Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn đạt 100%; 100% hồ sơ chậm được xin lỗi tổ chức, cá nhân; "
    "công khai 100% kết quả xử lý công việc của công chức.",
    "3. Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC không thấp hơn 88%; mức độ hài lòng của "
    "cá nhân, tổ chức đối với sự phục vụ của Sở trên 90%.",
    "4. 100% công chức, viên chức thực hiện tốt Chỉ thị của các cấp về kỷ luật, kỷ cương hành chính; 100% phòng "
    "thành lập tổ kiểm tra nội bộ; hằng tháng 100% công việc cá nhân được rà soát, công bố trước cuộc họp cơ "
    "quan; 100% phòng, đơn vị thực hiện đúng quy định về tổ chức bộ máy.",
    "5. 100% phòng, đơn vị sử dụng hiệu quả phần mềm quản lý văn bản và điều hành VNPT Ioffice, 100% văn bản đi "
    "được ký số. Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải quyết TTHC của Sở đạt tối thiểu 50%. "
    "Tăng tỷ lệ số hóa thành phần hồ sơ khi tiếp nhận TTHC và tỷ lệ số hóa kết quả giải quyết TTHC; tăng tỷ lệ "
    "thanh toán trực tuyến trong giải quyết TTHC.",
    "6. Giảm 10% đơn vị sự nghiệp công lập và 10% biên chế sự nghiệp hưởng lương từ ngân sách nhà nước so với "
    "năm 2021; góp phần cải thiện Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số SIPAS của tỉnh.",
]

TAI_CHINH_TABLE = [
    ("TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Sản phẩm"),
    ("I", "Cải cách thể chế", "", "", "", ""),
    ("1", "Rà soát văn bản QPPL về quản lý giá, tài sản công", "Phòng Pháp chế", "Các phòng chuyên môn",
     "Quý IV/2025", "Báo cáo rà soát"),
    ("II", "Cải cách thủ tục hành chính", "", "", "", ""),
    ("2", "Rà soát, đơn giản hóa TTHC lĩnh vực tài chính doanh nghiệp, đăng ký đầu tư", "Văn phòng Sở",
     "Phòng Đăng ký kinh doanh", "30/9/2025", "Phương án đơn giản hóa"),
    ("III", "Cải cách tổ chức bộ máy hành chính nhà nước", "", "", "", ""),
    ("3", "Kiện toàn các phòng chuyên môn sau hợp nhất với Sở Kế hoạch và Đầu tư", "Văn phòng Sở", "Các phòng",
     "Tháng 8/2025", "Quyết định quy định chức năng, nhiệm vụ"),
    ("IV", "Cải cách chế độ công vụ", "", "", "", ""),
    ("4", "Rà soát vị trí việc làm, đánh giá công chức hằng tháng", "Văn phòng Sở", "Các phòng", "Hằng tháng",
     "Kết quả đánh giá"),
    ("V", "Cải cách tài chính công", "", "", "", ""),
    ("5", "Hướng dẫn giao quyền tự chủ tài chính cho các đơn vị sự nghiệp công lập của tỉnh",
     "Phòng Quản lý ngân sách", "Các sở, ngành", "Quý IV/2025", "Văn bản hướng dẫn"),
    ("6", "Công khai dự toán, quyết toán ngân sách địa phương", "Phòng Quản lý ngân sách", "Văn phòng Sở",
     "Theo quy định", "Báo cáo công khai"),
    ("VI", "Xây dựng và phát triển chính quyền điện tử, chính quyền số", "", "", "", ""),
    ("7", "Vận hành phần mềm quản lý ngân sách, tài sản công; số hóa hồ sơ TTHC", "Văn phòng Sở",
     "Trung tâm Tin học", "Thường xuyên", "Dữ liệu số hóa"),
    ("VII", "Công tác chỉ đạo, điều hành, tuyên truyền cải cách hành chính", "", "", "", ""),
    ("8", "Kiểm tra, tuyên truyền cải cách hành chính trong cơ quan", "Văn phòng Sở", "Các phòng", "Quý III/2025",
     "Báo cáo kết quả kiểm tra"),
]


def make_tai_chinh(path: Path) -> None:
    d = new_doc()
    header(d, ["UBND TỈNH NGHỆ AN", "SỞ TÀI CHÍNH"], "Số: 3310/KH-STC", "Nghệ An, ngày 29 tháng 7 năm 2025")
    title(d, "KẾ HOẠCH", "Cải cách hành chính năm 2025 của Sở Tài chính")
    para(d, "Căn cứ Quyết định số 2228/QĐ-UBND ngày 15/7/2025 của Ủy ban nhân dân tỉnh Nghệ An về việc ban hành "
            "Kế hoạch cải cách hành chính Nhà nước tỉnh Nghệ An năm 2025;", italic=True, indent=True)
    para(d, "Sở Tài chính ban hành Kế hoạch cải cách hành chính năm 2025 như sau:", indent=True)
    para(d, "I. MỤC TIÊU", bold=True)
    for text in TAI_CHINH_TARGETS:
        para(d, text, indent=True)
    para(d, "II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN", bold=True)
    t = d.add_table(rows=len(TAI_CHINH_TABLE), cols=6)
    t.style = "Table Grid"
    for i, row in enumerate(TAI_CHINH_TABLE):
        for j, cell in enumerate(row):
            p = t.cell(i, j).paragraphs[0]
            r = p.add_run(cell)
            r.font.size = Pt(12)
            r.font.bold = i == 0 or (row[2] == "" and cell != "")
    para(d, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(d, "1. Kinh phí thực hiện Kế hoạch được bố trí trong dự toán chi thường xuyên năm 2025 của Sở.", indent=True)
    para(d, "2. Văn phòng Sở theo dõi, đôn đốc; tổng hợp báo cáo định kỳ 6 tháng, năm về UBND tỉnh (qua Sở Nội "
            "vụ)./.", indent=True)
    signature(d, ["- UBND tỉnh;", "- Sở Nội vụ;", "- Lưu: VT, VP."], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
              "Trịnh Thanh Hải")
    save_fixed(d, path)


# --- 3. UBND xã Hưng Nguyên: a PDF, issued late, seven groups ------------------------------------

HUNG_NGUYEN_BODY = [
    ("I. MỤC TIÊU", True),
    ("1. 100% văn bản QPPL của cấp trên được triển khai kịp thời trên địa bàn xã.", False),
    ("2. Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn đạt 100%; 100% hồ sơ chậm được xin lỗi người dân; 100% kết "
     "quả xử lý công việc của cán bộ, công chức được công khai.", False),
    ("3. Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC trên 90%. Mức độ hài lòng về giải quyết "
     "TTHC lĩnh vực đất đai, xây dựng đạt trên 86%. Mức độ hài lòng của người dân đối với sự phục vụ của UBND xã "
     "đạt trên 91%.", False),
    ("4. 100% cán bộ, công chức thực hiện tốt Chỉ thị về kỷ luật, kỷ cương hành chính; 100% bộ phận thành lập tổ "
     "kiểm tra nội bộ; 100% công việc cá nhân được rà soát, công bố hằng tháng; 100% bộ phận thực hiện đúng "
     "quy định về tổ chức bộ máy.", False),
    ("5. 100% cán bộ, công chức sử dụng phần mềm quản lý văn bản và điều hành VNPT Ioffice; 100% văn bản đi được "
     "ký số. Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải quyết TTHC của xã đạt trên 60%. Tăng tỷ "
     "lệ số hóa thành phần hồ sơ khi tiếp nhận TTHC và tỷ lệ số hóa kết quả giải quyết TTHC; tăng tỷ lệ thanh "
     "toán trực tuyến.", False),
    ("6. Góp phần cải thiện Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số SIPAS của tỉnh.", False),
    ("II. NHIỆM VỤ", True),
    ("1. Cải cách thể chế", True),
    ("Rà soát văn bản QPPL của HĐND, UBND xã. Công chức Tư pháp - Hộ tịch chủ trì; Quý IV/2025; sản phẩm: báo "
     "cáo rà soát.", False),
    ("2. Cải cách thủ tục hành chính", True),
    ("Niêm yết, công khai TTHC; tiếp nhận, giải quyết hồ sơ tại Trung tâm Phục vụ hành chính công xã. Trung tâm "
     "Phục vụ hành chính công xã chủ trì; thường xuyên.", False),
    ("3. Cải cách tổ chức bộ máy hành chính nhà nước", True),
    ("Ban hành quy chế làm việc của UBND xã nhiệm kỳ 2021-2026 sau sắp xếp. Văn phòng HĐND và UBND xã chủ trì; "
     "tháng 9/2025; sản phẩm: quy chế làm việc.", False),
    ("4. Cải cách chế độ công vụ", True),
    ("Đánh giá, xếp loại cán bộ, công chức hằng tháng. Văn phòng HĐND và UBND xã chủ trì; hằng tháng.", False),
    ("5. Cải cách tài chính công", True),
    ("Công khai ngân sách xã; quản lý tài sản công đúng quy định. Phòng Kinh tế chủ trì; Quý III/2025; sản phẩm: "
     "báo cáo công khai ngân sách.", False),
    ("6. Xây dựng và phát triển chính quyền điện tử, chính quyền số", True),
    ("Hướng dẫn người dân nộp hồ sơ trực tuyến; số hóa hồ sơ hộ tịch. Trung tâm Phục vụ hành chính công xã chủ "
     "trì, Công an xã phối hợp; thường xuyên; sản phẩm: dữ liệu số hóa.", False),
    ("7. Công tác chỉ đạo, điều hành", True),
    ("Tuyên truyền cải cách hành chính trên hệ thống truyền thanh xã; kiểm tra cải cách hành chính tại các bộ "
     "phận. Văn phòng HĐND và UBND xã chủ trì; Quý IV/2025.", False),
    ("III. TỔ CHỨC THỰC HIỆN", True),
    ("1. Kinh phí thực hiện từ ngân sách xã được giao năm 2025 và các nguồn hợp pháp khác.", False),
    ("2. Văn phòng HĐND và UBND xã tổng hợp, báo cáo định kỳ 6 tháng, năm về UBND tỉnh (qua Sở Nội vụ)./.", False),
]


def make_hung_nguyen_docx(path: Path) -> None:
    d = new_doc()
    header(d, ["ỦY BAN NHÂN DÂN", "XÃ HƯNG NGUYÊN"], "Số: 87/KH-UBND", "Hưng Nguyên, ngày 05 tháng 8 năm 2025")
    title(d, "KẾ HOẠCH", "Cải cách hành chính năm 2025 của UBND xã Hưng Nguyên")
    para(d, "Căn cứ Quyết định số 2228/QĐ-UBND ngày 15/7/2025 của UBND tỉnh ban hành Kế hoạch cải cách hành "
            "chính Nhà nước tỉnh Nghệ An năm 2025;", italic=True, indent=True)
    para(d, "Ủy ban nhân dân xã Hưng Nguyên ban hành Kế hoạch cải cách hành chính năm 2025 như sau:", indent=True)
    for text, bold in HUNG_NGUYEN_BODY:
        para(d, text, bold=bold, indent=not bold)
    signature(d, ["- Sở Nội vụ;", "- TT Đảng ủy, TT HĐND xã;", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
              "Phan Văn Đức")
    save_fixed(d, path)


_PDF_DATE = re.compile(rb"D:\d{14}(?:[+\-Z][\d']*)?")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")


def fix_pdf(data: bytes) -> bytes:
    """Same-length replacement of the creation dates, file id and checksum (offsets stay valid)."""
    data = _PDF_DATE.sub(lambda m: b"D:20250805080000" + m.group(0)[16:], data)
    data = re.sub(rb"/DocChecksum /[0-9A-Fa-f]+", lambda m: b"/DocChecksum /" + b"0" * (len(m.group(0)) - 14), data)
    return _PDF_ID.sub(lambda m: re.sub(rb"<[0-9A-Fa-f]+>", lambda h: b"<" + b"0" * (len(h.group(0)) - 2) + b">",
                                        m.group(0)), data)


def make_hung_nguyen_pdf(path: Path) -> bool:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice không có: giữ nguyên", path.name, file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (path.stem + ".docx")
        make_hung_nguyen_docx(src)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/lo", "--convert-to", "pdf",
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=180)
        path.write_bytes(fix_pdf((Path(tmp) / (path.stem + ".pdf")).read_bytes()))
    return True


def main() -> None:
    make_xay_dung(HERE / "so-xay-dung-tu-dong-danh-so.docx")
    make_tai_chinh(HERE / "so-tai-chinh-bang-nhiem-vu.docx")
    make_hung_nguyen_pdf(HERE / "xa-hung-nguyen-ban-hanh-muon.pdf")
    for name in ("so-xay-dung-tu-dong-danh-so.docx", "so-tai-chinh-bang-nhiem-vu.docx",
                 "xa-hung-nguyen-ban-hanh-muon.pdf"):
        if (HERE / name).exists():
            print(name, (HERE / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
