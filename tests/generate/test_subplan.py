"""vbhc.generate.subplan: the sub-plan skeleton as Documents, checked against the parent's profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbhc.generate.subplan import (
    PLACEHOLDER_RE,
    TASK_HEADERS,
    agency_of,
    agency_targets,
    concerns,
    count_placeholders,
    draft,
    parent_citation,
    parent_plan,
    phrase_target,
    target_sentences,
)
from vbhc.model import Document
from vbhc.profile import from_parent
from vbhc.profile.model import Target
from vbhc.profile.subplan import analyse, find_parent_citation
from vbhc.profile.targets import extract_targets, match_targets, satisfies, targets_in_sentence

NGHE_AN = Path(__file__).resolve().parents[2] / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"


@pytest.fixture(scope="module")
def profile():
    return from_parent(NGHE_AN)


@pytest.fixture(scope="module")
def parent(profile):
    return parent_plan(profile, str(NGHE_AN))


@pytest.fixture(scope="module")
def so(profile, parent):
    return draft(profile, "Sở Tư pháp", parent=parent, date="2025-07-25")


@pytest.fixture(scope="module")
def xa(profile, parent):
    return draft(profile, "xã Nghi Lộc", parent=parent, date="2025-07-25")


def _plan(documents: list[Document]) -> Document:
    return next(d for d in documents if d.doc_type == "Kế hoạch")


def _section(doc: Document, heading: str):
    return next(n for n in doc.body if n.kind == "section" and n.heading == heading)


# --- agency ----------------------------------------------------------------------------------

def test_department_header_and_symbol(profile):
    a = agency_of("Sở Tư pháp", profile.parent.issuer)
    assert (a.level, a.parent_issuer, a.issuer, a.abbr, a.place) == (
        "so", "UBND TỈNH NGHỆ AN", "SỞ TƯ PHÁP", "STP", "Nghệ An")
    assert agency_of("Sở Nội vụ", profile.parent.issuer).abbr == "SNV"
    assert agency_of("Sở Tư pháp", profile.parent.issuer, abbr="TP", place="Vinh").abbr == "TP"


@pytest.mark.parametrize("typed", ["xã Nghi Lộc", "UBND xã Nghi Lộc", "Ủy ban nhân dân xã Nghi Lộc"])
def test_commune_header(profile, typed):
    a = agency_of(typed, profile.parent.issuer)
    assert a.level == "xa"
    assert a.name == "Ủy ban nhân dân xã Nghi Lộc"
    assert a.issuer == "ỦY BAN NHÂN DÂN\nXÃ NGHI LỘC" and a.parent_issuer is None
    assert (a.abbr, a.place) == ("UBND", "Nghi Lộc")


def test_nothing_of_nghe_an_in_the_code():
    """Data-driven: no string in the code (comments and docstrings aside) names one province's plan."""
    import ast
    from pathlib import Path

    import vbhc.generate.subplan

    tree = ast.parse(Path(vbhc.generate.subplan.__file__).read_text(encoding="utf-8"))
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    strings = [n.value for n in ast.walk(tree)
               if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]
    for word in ("Nghệ An", "NGHỆ AN", "2228", "Tư pháp", "Nghi Lộc", "2025"):
        assert not [s for s in strings if word in s and "ví dụ" not in s], word  # examples in messages


# --- the plan --------------------------------------------------------------------------------

def test_header_fields(so):
    plan = so.documents[0]
    assert len(so.documents) == 1
    assert (plan.doc_type, plan.number, plan.symbol, plan.date, plan.place) == (
        "Kế hoạch", None, "KH-STP", "2025-07-25", "Nghệ An")
    assert plan.title == "Cải cách hành chính năm 2025 của Sở Tư pháp"


def test_cites_the_parent_as_kh006_expects(profile, so):
    expected = "Quyết định số 2228/QĐ-UBND ngày 15/7/2025 của Ủy ban nhân dân tỉnh Nghệ An"
    assert parent_citation(profile).startswith(expected)
    assert so.documents[0].body[0].text.startswith("Thực hiện " + expected)
    ok, wrong = find_parent_citation(profile.parent, analyse(so.documents[0]).citations)
    assert ok and wrong is None


def test_sections_and_every_area(profile, so):
    plan = so.documents[0]
    assert [n.heading for n in plan.body if n.kind == "section"] == [
        "MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ", "GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN"]
    tasks = _section(plan, "NHIỆM VỤ")
    assert [c.heading for c in tasks.children] == [a.title for a in profile.areas]
    assert [c.label for c in tasks.children] == [f"{i}." for i in range(1, len(profile.areas) + 1)]
    for clause in tasks.children:
        assert clause.children and PLACEHOLDER_RE.search(clause.children[-1].text)
    assert set(analyse(plan).areas) >= {a.id for a in profile.areas}


def test_every_parent_target_reads_back_the_same(profile, so):
    plan = so.documents[0]
    goals = next(c for c in _section(plan, "MỤC ĐÍCH, YÊU CẦU").children if c.heading == "Mục tiêu, chỉ tiêu")
    found = [t for node in goals.children for t in extract_targets(Document(body=[node]))]
    kept, left = agency_targets(profile.targets, so.agency)
    assert [t.indicator for t in left] == [  # the province's own, and two sectors a justice department lacks
        "văn bản QPPL của tỉnh được ban hành, sửa đổi, bổ sung hoặc thay thế, bãi bỏ đảm bảo chất lượng, khả thi "
        "và đúng tiến độ",
        "mức độ hài lòng về giải quyết các thủ tục hành chính lĩnh vực đất đai, xây dựng, đầu tư",
        "Mức độ hài lòng của người dân về cung cấp dịch vụ y tế, giáo dục công lập"]
    for parent_t, mine, _score in match_targets(kept, found):
        assert mine is not None, parent_t.indicator
        assert (mine.op, mine.value, mine.unit) == (parent_t.op, parent_t.value, parent_t.unit), parent_t.indicator
        assert satisfies(parent_t.op, parent_t.value, mine.op, mine.value)


@pytest.mark.parametrize("target", [
    Target("Tỷ lệ hồ sơ giải quyết đúng hạn", ">=", 95, "%", ""),
    Target("Mức độ hài lòng của người dân", ">", 87, "%", ""),
    Target("văn bản đi được ký số", "=", 100, "%", ""),
    Target("Tỷ lệ hồ sơ trễ hạn", "<=", 2, "%", ""),
    Target("đơn vị sự nghiệp công lập", "reduce_by", 10, "%", "", baseline="năm 2021"),
    Target("tỷ lệ thanh toán trực tuyến", "increase", None, None, ""),
    Target("Chỉ số cải cách hành chính", "improve", None, None, ""),
])
def test_composed_target_phrases_read_back(target):
    """When the parent's own sentence does not read back, vbhc writes one that does."""
    found = targets_in_sentence(phrase_target(target))
    assert [(t.op, t.value, t.unit) for t in found] == [(target.op, target.value, target.unit)]


def test_a_sentence_that_does_not_read_back_is_rephrased():
    odd = Target("Tỷ lệ hồ sơ giải quyết đúng hạn", ">=", 95, "%", "Tỷ lệ hồ sơ giải quyết đúng hạn là 95 phần trăm")
    sentences, failed = target_sentences([odd])
    assert failed == []
    assert [(t.op, t.value) for s in sentences for t in targets_in_sentence(s)] == [(">=", 95)]


def test_task_table_and_elements(so, profile):
    plan = so.documents[0]
    table = next(n for n in plan.nodes() if n.kind == "table")
    assert table.rows[0] == TASK_HEADERS
    group_rows = [r for r in table.rows[1:] if not r[0].isdigit()]
    assert [r[1] for r in group_rows] == [a.title for a in profile.areas]
    assert all(PLACEHOLDER_RE.fullmatch(r[2]) and "chủ trì" in r[2] for r in group_rows)  # once per area
    task_rows = [r for r in table.rows[1:] if r[0].isdigit()]
    assert task_rows and not any(PLACEHOLDER_RE.search(c) for r in task_rows for c in r)
    assert {r[4] for r in task_rows} == {"Trong năm 2025"} and {r[3] for r in task_rows} == {so.agency.units}
    assert set(analyse(plan).elements) == {"responsibility", "timeline", "outputs", "resources", "reporting"}
    text = " ".join(n.text or "" for n in plan.nodes())
    assert "kinh phí" in text.lower() and "(qua Sở Nội vụ)" in text


def test_placeholders_everywhere_the_agency_decides(so):
    plan = so.documents[0]
    assert PLACEHOLDER_RE.fullmatch(plan.signature.signer)
    assert any(PLACEHOLDER_RE.search(r) for r in plan.recipients)
    assert PLACEHOLDER_RE.search(plan.storage)
    assert count_placeholders(so.documents) == so.placeholders
    assert 0 < so.placeholders <= 40


def test_levels_differ(so, xa):
    def tasks(d):
        return {c.text for c in _section(d.documents[0], "NHIỆM VỤ").walk() if c.kind == "point"}

    only_so, only_xa = tasks(so) - tasks(xa), tasks(xa) - tasks(so)
    # the province's own legal system, in the department's own scope
    assert any("văn bản QPPL thuộc phạm vi quản lý của Sở" in t for t in only_so)
    assert not any("địa bàn tỉnh" in t for t in tasks(so) | tasks(xa))
    assert any("cấp xã" in t for t in only_xa)  # commune officials' training
    assert not any("cấp xã" in t and "cấp tỉnh" not in t and "tỉnh;" not in t for t in tasks(so))
    both = tasks(so) & tasks(xa)
    assert any("từ cấp tỉnh tới cấp xã" in t for t in both)
    plan_xa = xa.documents[0]
    assert plan_xa.signature.on_behalf_of == "ỦY BAN NHÂN DÂN" and plan_xa.signature.positions == ["CHỦ TỊCH"]
    assert plan_xa.symbol == "KH-UBND"


@pytest.mark.parametrize("text, so_, xa_", [
    ("Kiểm tra văn bản QPPL của các cấp", True, True),
    ("Bồi dưỡng chức danh công chức cấp xã", False, True),
    ("Hoàn thiện hệ thống văn bản QPPL trên địa bàn tỉnh", True, False),
    ("Nâng cao chất lượng Trung tâm Phục vụ hành chính công tỉnh; Trung tâm cấp xã", True, True),
    ("Công khai minh bạch từ cấp tỉnh tới cấp xã", True, True),
])
def test_concerns(text, so_, xa_):
    assert (concerns(text, "so"), concerns(text, "xa")) == (so_, xa_)


def test_with_decision(profile, parent):
    d = draft(profile, "Sở Tư pháp", parent=parent, date="2025-07-25", with_decision=True)
    decision, plan = d.documents
    assert decision.doc_type == "Quyết định" and decision.symbol == "QĐ-STP"
    assert decision.title == "Ban hành Kế hoạch cải cách hành chính năm 2025 của Sở Tư pháp"
    assert [n.label for n in decision.body] == ["Điều 1.", "Điều 2.", "Điều 3."]
    assert decision.enacting_authority == "GIÁM ĐỐC SỞ TƯ PHÁP"
    assert any("2228/QĐ-UBND ngày 15/7/2025" in c for c in decision.can_cu)
    assert decision.recipients[0] == "Như Điều 3;"
    assert plan.attached_to.startswith("(Kèm theo Quyết định số") and "QĐ-STP" in plan.attached_to
    assert plan.signature is None


def test_deadline_warning(profile, parent):
    late = draft(profile, "Sở Tư pháp", parent=parent, date="2025-08-05")
    assert any("31/7/2025" in w and "KH005" in w for w in late.warnings)
    on_time = draft(profile, "Sở Tư pháp", parent=parent, date="2025-07-31")
    assert not any("KH005" in w for w in on_time.warnings)


def test_without_the_parent_file_every_area_is_still_there(profile):
    d = draft(profile, "Sở Tư pháp", parent=None, date="2025-07-25")
    tasks = _section(d.documents[0], "NHIỆM VỤ")
    assert [c.heading for c in tasks.children] == [a.title for a in profile.areas]
    assert all(len(c.children) == 1 for c in tasks.children)  # the placeholder only
    assert any("không đọc được chính kế hoạch cấp trên" in w for w in d.warnings)


def test_bad_date(profile):
    from vbhc.generate.subplan import DraftError

    with pytest.raises(DraftError):
        draft(profile, "Sở Tư pháp", date="25/07/2025")


def test_more_targets_than_point_letters(tmp_path, profile, parent):
    """A parent with more targets than a … y: the list is written with dashes, and still checks clean."""
    import copy

    from vbhc.check import check_file, load_config
    from vbhc.writers.docx import write_docx

    many = copy.deepcopy(profile)
    extra = [Target(f"Tỷ lệ nhiệm vụ nhóm {i} hoàn thành đúng hạn", ">=", 90, "%",
                    f"Tỷ lệ nhiệm vụ nhóm {i} hoàn thành đúng hạn đạt từ 90% trở lên") for i in range(1, 8)]
    many.targets = many.targets + extra
    d = draft(many, "Sở Tư pháp", parent=parent, date="2025-07-25")
    goals = next(c for c in _section(d.documents[0], "MỤC ĐÍCH, YÊU CẦU").children if c.heading == "Mục tiêu, chỉ tiêu")
    assert {c.kind for c in goals.children} == {"bullet"}
    out = tmp_path / "many.docx"
    write_docx(d.documents, out)
    result = check_file(str(out), load_config(None), many)
    assert not [f for f in result.findings if f.severity == "error"]


def test_issue_date_meets_the_deadline(profile):
    from vbhc.generate.subplan import issue_date

    assert issue_date(profile, None, today="2025-07-20") == ("2025-07-20", [])
    late, warnings = issue_date(profile, None, today="2025-09-01")
    assert late == "2025-07-31" and "1/9/2025" in warnings[0] and "KH005" in warnings[0]
    assert issue_date(profile, "2025-08-05")[0] == "2025-08-05"


def test_the_attached_plan_names_who_signs(profile, parent):
    d = draft(profile, "Sở Tư pháp", parent=parent, date="2025-07-25", with_decision=True)
    assert d.documents[1].attached_to == "(Kèm theo Quyết định số       /QĐ-STP ngày 25/7/2025 của Giám đốc Sở Tư pháp)"
    x = draft(profile, "xã Nghi Lộc", parent=parent, date="2025-07-25", with_decision=True)
    assert x.documents[1].attached_to.endswith("của Ủy ban nhân dân xã Nghi Lộc)")


def test_scope_rewritten_as_the_agency_own(so, xa):
    from vbhc.generate.subplan import own_scope

    assert own_scope("Rà soát văn bản trên địa bàn tỉnh", so.agency) == \
        "Rà soát văn bản thuộc phạm vi quản lý của Sở"
    assert own_scope("Rà soát văn bản trên địa bàn tỉnh", xa.agency) == "Rà soát văn bản trên địa bàn xã"
    assert own_scope("Kế hoạch tự kiểm tra năm 2026 của cơ quan, đơn vị, địa phương", so.agency) == \
        "Kế hoạch tự kiểm tra năm 2026 của Sở"
    assert own_scope("Các cơ quan, đơn vị, địa phương định kỳ rà soát", so.agency) == \
        "Các phòng, đơn vị thuộc Sở định kỳ rà soát"
    assert own_scope("Kế hoạch đào tạo năm 2026 của tỉnh", xa.agency) == \
        "Kế hoạch đào tạo năm 2026 của Ủy ban nhân dân xã"


# --- tailored drafts from each parent: a department's and a commune's -------------------------

REAL = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "real"
KH02 = REAL / "kh02-lamdong-kh-cchc-2026.docx"
PARENTS = [pytest.param(NGHE_AN, id="nghe-an"),
           pytest.param(KH02, id="lam-dong", marks=pytest.mark.skipif(not KH02.exists(),
                                                                        reason="../shared/corpus/real is absent"))]
AGENCIES = ["Sở Tư pháp", "xã Đắk Song"]


@pytest.fixture(scope="module")
def tailored(tmp_path_factory):
    """(parent path, agency) → (profile, draft, check result of the written .docx against the parent)."""
    from vbhc.check import check_file, load_config
    from vbhc.writers.docx import write_docx

    cache: dict = {}

    def make(path: Path, agency: str):
        if (path, agency) not in cache:
            prof = from_parent(path)
            d = draft(prof, agency, parent=parent_plan(prof, str(path)))
            out = tmp_path_factory.mktemp("tailored") / "draft.docx"
            write_docx(d.documents, out)
            cache[(path, agency)] = (prof, d, check_file(str(out), load_config(None), prof))
        return cache[(path, agency)]

    return make


@pytest.mark.parametrize("agency", AGENCIES)
@pytest.mark.parametrize("path", PARENTS)
def test_a_tailored_draft_checks_clean_against_its_parent(tailored, path, agency):
    prof, d, result = tailored(path, agency)
    assert result.error is None
    assert [f.rule for f in result.findings if f.severity == "error"] == []
    # a draft has blanks to fill (one warning for them); no plan rule warns
    assert [f.rule for f in result.findings if f.severity == "warning"] == ["VBHC.ChoCanDien"]
    assert result.plan.dates.on_time is True and result.plan.areas_missing == []
    assert 0 < d.placeholders <= 40


@pytest.mark.parametrize("agency", AGENCIES)
@pytest.mark.parametrize("path", PARENTS)
def test_a_tailored_draft_carries_no_province_only_target(tailored, path, agency):
    from vbhc.profile.subplan import province_only

    prof, d, result = tailored(path, agency)
    plan = _plan(d.documents)
    goals = next(c for c in _section(plan, "MỤC ĐÍCH, YÊU CẦU").children if c.heading == "Mục tiêu, chỉ tiêu")
    carried = [t for node in goals.children for t in extract_targets(Document(body=[node]))]
    assert carried and not [t.indicator for t in carried if province_only(t.indicator)]
    dropped = [t for t in prof.targets if province_only(t.indicator)]
    for t in dropped:
        assert not any(t.indicator in c.text for c in carried)
    # what it left out is asked of a commune not at all, of a department only as "info"
    for check in result.plan.targets:
        if check.reason == "province":
            assert check.status == "not_applicable"


def test_lam_dong_tasks_follow_the_assignment_table(tailored):
    if not KH02.exists():
        pytest.skip("../shared/corpus/real is absent")

    def tasks(agency):
        _prof, d, _result = tailored(KH02, agency)
        return [c.text for c in _section(_plan(d.documents), "NHIỆM VỤ").walk() if c.kind == "point"]

    stp, xa = tasks("Sở Tư pháp"), tasks("xã Đắk Song")
    # led by the Sở Tư pháp alone: in its plan, not the commune's
    assert any(t.startswith("Thực hiện việc đăng tải, cập nhật văn bản quy phạm pháp luật") for t in stp)
    assert not any(t.startswith("Thực hiện việc đăng tải, cập nhật văn bản quy phạm pháp luật") for t in xa)
    # led by another agency, the justice department not among its partners: in neither
    assert not any("an ninh mạng" in t for t in stp + xa)
    # the commune's share of a row the province gives to "Sở Tài chính; UBND các xã, phường, đặc khu"
    assert any("Bố trí kinh phí chi thường xuyên" in t for t in xa) and not any("Bố trí kinh phí chi thường" in t
                                                                                 for t in stp)
    # a row that advises the province becomes the unit's own output
    assert any(t.startswith("Xây dựng và tổ chức thực hiện kế hoạch tự kiểm tra cải cách hành chính năm 2026 của Sở")
               for t in stp)
    table = next(n for n in _plan(tailored(KH02, "Sở Tư pháp")[1].documents).nodes() if n.kind == "table")
    row = next(r for r in table.rows if r[1].startswith("Định kỳ thực hiện việc công bố danh mục"))
    assert row[4] == "Trước ngày 31/01 năm liền kề"  # the parent's own deadline for the task
