"""The words the profile and the plan rules look for, kept in one place as data.

Everything here is matched on normalised copies of the text (modern tone marks, NFC, and for
most tables `fold`: lower case without diacritics); the text that is kept or shown is never
rewritten. Patterns are written with diacritics for readability and folded when compiled.
"""

from __future__ import annotations

# The reform areas' names are data of their own: vbhc.profile.areas.

# Abbreviations in plans, expanded before matching (Phụ lục / common usage in CCHC plans).
# Longer keys first so that CBCCVC is not read as CB + CCVC.
ABBREVIATIONS: dict[str, str] = {
    "VBQPPL": "văn bản quy phạm pháp luật",
    "CBCCVC": "cán bộ, công chức, viên chức",
    "CBCC": "cán bộ, công chức",
    "CCVC": "công chức, viên chức",
    "TTHC": "thủ tục hành chính",
    "CCHC": "cải cách hành chính",
    "QPPL": "quy phạm pháp luật",
    "DVCTT": "dịch vụ công trực tuyến",
    "DVC": "dịch vụ công",
    "ĐVSNCL": "đơn vị sự nghiệp công lập",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "CĐS": "chuyển đổi số",
    "CQĐT": "chính quyền điện tử",
    "CNTT": "công nghệ thông tin",
    "NSNN": "ngân sách nhà nước",
    "PAR INDEX": "chỉ số cải cách hành chính",
    "PAR Index": "chỉ số cải cách hành chính",
    "SIPAS": "chỉ số hài lòng về sự phục vụ hành chính",
}

# Words that name the same thing in an indicator ("hồ sơ quá hạn", "hồ sơ trễ hạn", "hồ sơ chậm"):
# replaced by the first form when a key is built, for matching only.
SYNONYMS: dict[str, str] = {"quá hạn": "chậm", "trễ hạn": "chậm", "chậm muộn": "chậm"}
# Words that open a purpose or second clause after the indicator proper ("… thành lập tổ kiểm tra nội
# bộ để kiểm tra kết quả …", "… và có biện pháp xử lý …"): the key stops there (when at least three
# words remain).
PURPOSE_WORDS: list[str] = ["để", "nhằm", "và có"]
# Words that open a manner clause ("được ban hành … đảm bảo chất lượng, đúng tiến độ"): sub-plans often
# copy it, so two indicators are compared both with and without it.
MANNER_WORDS: list[str] = ["đảm bảo", "bảo đảm"]

# Words that say nothing about which indicator is meant (or only whose it is: tỉnh, Sở, xã).
STOPWORDS: set[str] = {
    "của", "các", "những", "được", "về", "và", "ở", "tại", "đối với", "trong", "trên", "cho", "với",
    "theo", "có", "là", "đạt", "hoặc", "phải", "đã", "sẽ", "này", "đó", "khi", "từ", "đến", "trở lên", "hơn",
    "tổng số", "toàn bộ", "tất cả", "mỗi", "từng", "thuộc", "do", "bởi", "để", "mà", "thì",
    "tỉnh", "sở", "ngành", "địa phương", "cấp", "các cấp", "xã", "phường", "huyện", "đơn vị", "cơ quan",
    "thẩm quyền", "giải quyết của", "năm", "kịp thời", "bảo đảm", "đảm bảo", "phấn đấu", "trong đó",
    "sự", "việc", "công tác", "hiệu quả", "tốt", "lĩnh vực",
}
# Syllables that are too common to identify an indicator on their own (used for syllable overlap).
COMMON_SYLLABLES: set[str] = {"cac", "cua", "duoc", "va", "ve", "o", "tai", "trong", "tren", "cho", "voi", "theo",
                              "co", "la", "dat", "tinh", "nganh", "cap", "xa", "don", "vi", "quan",
                              "nam", "su", "viec", "tac", "doi", "tu", "den"}

# Sector words: a target naming one of them may not concern an agency whose plan never mentions it
# (land-use satisfaction for a justice department). Such a target unaddressed is only "info".
SECTOR_WORDS: list[str] = ["đất đai", "y tế", "giáo dục", "tài nguyên", "môi trường", "nông nghiệp",
                           "lao động", "thương binh", "giao thông", "du lịch", "thuế", "hải quan"]
# Words after a sector word that make it something else: "môi trường điện tử", "môi trường đầu tư".
NOT_SECTOR_AFTER: list[str] = ["điện tử", "số", "mạng", "đầu tư", "kinh doanh", "làm việc", "công vụ"]

# A parent target that concerns only the province ("98% văn bản QPPL của tỉnh được ban hành"): the province
# qualifies the thing counted, within the first PROVINCE_HEAD_WORDS words of the indicator ("… hồ sơ giải
# quyết TTHC của tỉnh" far down counts every unit's dossiers); not asked of a commune, only "info" for a
# department; unless it also names the commune level or every level, or only says where it applies
# ("trong phạm vi cấp tỉnh", "trên địa bàn tỉnh"). Regular expressions on the folded indicator.
PROVINCE_HEAD_WORDS = 8
PROVINCE_ONLY: list[str] = [r"\bcua tinh\b", r"\bcap tinh\b",
                            r"\b(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan) tinh\b"]
EVERY_LEVEL: list[str] = [r"\bcap xa\b", r"\bcac cap\b", r"\bxa, phuong\b", r"\bphuong, xa\b", r"\bcac xa\b",
                          r"\bdia phuong\b", r"\bpham vi (?:cap|toan) tinh\b", r"\bdia ban tinh\b"]

# Comparator words before a number ("đạt từ 95% trở lên", "trên 87%"), longest first.
# (phrase, op); "=" means "reaches this value": a floor for indicators where more is better.
OP_BEFORE: list[tuple[str, str]] = [
    ("từ trên", ">"), ("không thấp hơn", ">="), ("không ít hơn", ">="), ("không dưới", ">="), ("tối thiểu là", ">="),
    ("tối thiểu", ">="), ("ít nhất là", ">="), ("ít nhất", ">="), ("từ", ">="), ("lên", ">="),
    ("cao hơn", ">"), ("vượt", ">"), ("trên", ">"), ("hơn", ">"),
    ("không vượt quá", "<="), ("không quá", "<="), ("không cao hơn", "<="), ("tối đa là", "<="),
    ("tối đa", "<="), ("thấp hơn", "<"), ("dưới", "<"),
    ("giảm tối thiểu", "reduce_by"), ("giảm ít nhất", "reduce_by"), ("giảm từ", "reduce_by"),
    ("giảm được", "reduce_by"), ("giảm", "reduce_by"), ("cắt giảm", "reduce_by"), ("tinh giản", "reduce_by"),
    ("đạt tỷ lệ", "="), ("đạt mức", "="), ("đạt", "="), ("bằng", "="), ("là", "="),
]
OP_AFTER: list[tuple[str, str]] = [("trở lên", ">="), ("trở xuống", "<=")]

# Units a target may carry. Plain numbers with other units (dates, months, years) are not targets.
UNITS: dict[str, str] = {"%": "%", "phần trăm": "%"}
# Counted things a target may promise, with a comparator before the number ("ít nhất 01 sáng kiến",
# "không quá 05 ngày làm việc", "giảm 02 đầu mối", "trên 33 triệu USD"); the noun is the target's unit.
COUNT_UNITS: list[str] = [
    "sáng kiến", "mô hình", "giải pháp", "văn bản", "thủ tục", "hồ sơ", "dịch vụ", "cuộc", "lớp", "đợt", "lượt",
    "buổi", "tin", "bài", "chuyên mục", "phóng sự", "đầu mối", "phòng", "đơn vị", "cơ quan", "người", "biên chế",
    "cán bộ", "công chức", "viên chức", "doanh nghiệp", "ngày làm việc", "ngày", "giờ", "tỷ đồng", "triệu đồng",
    "nghìn đồng", "đồng", "triệu USD", "USD",
]

# Sections whose numbers are conditions, not the plan's targets (an emulation plan's award criteria).
NOT_TARGET_SECTIONS: list[str] = ["tiêu chuẩn", "thủ tục, hồ sơ", "hồ sơ đề nghị", "hồ sơ khen thưởng"]

# Directional targets without a number.
INCREASE_VERBS = ["tăng", "nâng cao", "nâng", "đẩy mạnh"]
INCREASE_OBJECTS = ["tỷ lệ", "tỉ lệ"]
IMPROVE_VERBS = ["cải thiện", "nâng cao", "nâng hạng"]
IMPROVE_OBJECTS = ["chỉ số", "thứ hạng", "xếp hạng", "kết quả xếp hạng"]

# Required elements of a sub-plan (design ids) ← the parent's own words for them (IV.1.b/c).
ELEMENT_PHRASES: dict[str, list[str]] = {
    "responsibility": ["phân công rõ trách nhiệm", "phân công trách nhiệm", "phân công cụ thể", "giao nhiệm vụ",
                       "trách nhiệm cho từng"],
    "timeline": ["thời gian hoàn thành", "thời hạn hoàn thành", "tiến độ thực hiện", "lộ trình"],
    "outputs": ["sản phẩm đầu ra", "sản phẩm", "kết quả đầu ra"],
    "resources": ["bố trí nguồn lực", "nguồn lực", "kinh phí", "bố trí kinh phí"],
    "reporting": ["định kỳ báo cáo", "báo cáo định kỳ", "chế độ báo cáo", "báo cáo kết quả thực hiện định kỳ"],
}
ELEMENT_IDS = ["responsibility", "timeline", "outputs", "resources", "reporting"]
ELEMENT_NAMES = {
    "responsibility": "phân công trách nhiệm (cơ quan, bộ phận chủ trì, phối hợp)",
    "timeline": "thời gian hoàn thành",
    "outputs": "sản phẩm đầu ra",
    "resources": "bố trí nguồn lực, kinh phí",
    "reporting": "chế độ báo cáo định kỳ",
}

# What shows an element is present in a sub-plan (regular expressions on folded text). "Công khai dự
# toán ngân sách" is a finance task, not the plan's resources: a budget counts when the plan draws on it
# ("bố trí trong dự toán", "từ dự toán").
ELEMENT_EVIDENCE: dict[str, list[str]] = {
    "responsibility": [r"\bchu tri\b", r"\bphoi hop\b", r"\bgiao (cho )?(phong|van phong|thanh tra|trung tam|cac)",
                       r"\bphan cong\b", r"\bchiu trach nhiem\b", r"\bdon vi thuc hien\b",
                       r"\bco quan thuc hien\b", r"\bbo phan thuc hien\b"],
    "timeline": [r"\b\d{1,2}/\d{1,2}/\d{4}\b", r"\bquy (i|ii|iii|iv|1|2|3|4)\b", r"\bthang \d{1,2}\b",
                 r"\bthuong xuyen\b", r"\b(hang|hang) (nam|quy|thang)\b", r"\btruoc ngay\b",
                 r"\bthoi gian (hoan thanh|thuc hien)\b", r"\bca nam\b", r"\b6 thang cuoi nam\b"],
    "outputs": [r"\bsan pham\b", r"\bket qua dau ra\b", r"\bdau ra\b"],
    "resources": [r"\bkinh phi\b", r"\bnguon luc\b", r"\bnguon von\b", r"\b(tu|trong) (nguon )?du toan\b",
                  r"\bbo tri (ngan sach|kinh phi|nguon)", r"\bngan sach (duoc giao|cap cho)"],
    "reporting": [r"\bbao cao\b.{0,80}\b(dinh ky|hang quy|hang quy|6 thang|hang nam|hang thang|so noi vu)\b",
                  r"\b(dinh ky|hang quy|6 thang|hang nam|hang thang)\b.{0,60}\bbao cao\b",
                  r"\bche do bao cao\b"],
}

# Sections that hold the tasks (II. NHIỆM VỤ) and the instructions to subordinates (IV.).
TASK_SECTION_HEADINGS = ["nhiệm vụ", "nội dung", "nhiệm vụ và giải pháp", "nhiệm vụ trọng tâm", "nhiệm vụ cụ thể"]
IMPLEMENTATION_HEADINGS = ["tổ chức thực hiện"]
