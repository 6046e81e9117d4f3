"""Plan rules KH001–KH008: a sub-plan against the profile of its parent plan.

They run only when a profile is given (`--against PARENT` or `--profile P.yaml`), and only on
the file's sub-plan: its first document that is a plan (Kế hoạch), else its first document.
Each finding's source cites the parent ("KH 2228/QĐ-UBND, mục II") from the profile.
"""

from __future__ import annotations

from collections.abc import Iterable

from vbhc.model import Role
from vbhc.rules import Context, Finding, rule

SOURCE = "Kế hoạch cấp trên (hồ sơ kế hoạch)"


def _sub_plan(ctx: Context):
    """(profile, plan summary) when this document is the file's sub-plan, else None."""
    if ctx.profile is None or ctx.plan is None or ctx.index != ctx.plan.document:
        return None
    return ctx.profile, ctx.plan


def _setup(ctx: Context):
    """(profile, plan summary) when this document is the file's sub-plan and the profile can be its parent's
    (another province's plan is not checked against it: KH008 says so), else None."""
    setup = _sub_plan(ctx)
    return None if setup is None or setup[1].foreign else setup


def _src(profile, node: str | None = None) -> str:
    from vbhc.profile.model import section_label

    label = section_label(node)
    return f"{profile.parent.short()}, mục {label}" if label else profile.parent.short()


def _cited(profile, node: str | None = None) -> str:
    """The parent's part as a message names it: "KH 2228/QĐ-UBND, mục II.5"; "mục I.1" for an
    unnumbered parent (a draft), whose messages already say "kế hoạch cấp trên"."""
    from vbhc.profile.model import section_label

    if profile.parent.number:
        return _src(profile, node)
    label = section_label(node)
    return f"mục {label}" if label else "không rõ mục"


def _with_source(f: Finding, source: str) -> Finding:
    f.source = source
    return f


@rule("KH001", severity="error", source=SOURCE, needs=["profile"], scope="plan", applies_to_appendix=False,
      summary="Kế hoạch thiếu một lĩnh vực cải cách hành chính mà kế hoạch cấp trên yêu cầu")
def missing_area(ctx: Context) -> Iterable[Finding]:
    """Mỗi lĩnh vực cải cách của kế hoạch cấp trên (mục nhiệm vụ) phải có trong kế hoạch cấp dưới.

    Một lĩnh vực được coi là có khi một đề mục (mục, tiểu mục, dòng nhóm của bảng nhiệm vụ) nêu tên
    nó; kế hoạch không chia đề mục theo lĩnh vực thì xét nội dung các nhiệm vụ.
    data: {"area": "tai_chinh_cong"}
    """
    setup = _setup(ctx)
    if not setup:
        return
    profile, plan = setup
    for area in plan.areas:
        if area.covered or not area.required:
            continue
        yield _with_source(ctx.finding(
            f"Thiếu lĩnh vực “{area.title}”: kế hoạch cấp trên ({_cited(profile, area.parent_node)}) yêu cầu, "
            f"nhưng kế hoạch này không có mục hay nhiệm vụ nào về lĩnh vực đó.",
            data={"area": area.id}), _src(profile, area.parent_node or profile.task_section))


@rule("KH002", severity="error", source=SOURCE, needs=["profile"], scope="plan", applies_to_appendix=False,
      summary="Chỉ tiêu của kế hoạch thấp hơn chỉ tiêu của kế hoạch cấp trên")
def weaker_target(ctx: Context) -> Iterable[Finding]:
    """Một chỉ tiêu của kế hoạch cấp dưới có thể cao hơn, không được thấp hơn của cấp trên.

    ≥ 97% đáp ứng ≥ 95%; “trên 86%” không đáp ứng “trên 87%”; “đạt 100%” đáp ứng “từ 95% trở
    lên”; “giảm 12%” đáp ứng “giảm 10%”; chỉ ghi “tăng”, không có số, không đáp ứng một chỉ tiêu có số.
    data: {"indicator", "parent": {"op","value","unit"}, "found": {"op","value","unit"}}
    """
    from vbhc.profile.model import section_label

    setup = _setup(ctx)
    if not setup:
        return
    profile, plan = setup
    for check in plan.with_status("weaker"):
        parent, found = check.parent, check.found
        where = section_label(found.node)
        yield _with_source(ctx.finding(
            f"Chỉ tiêu “{parent.indicator}”: kế hoạch cấp trên {parent.show()} "
            f"({_cited(profile, parent.node)}), kế hoạch này ghi {found.show()}"
            f"{f' (mục {where})' if where else ''}: thấp hơn yêu cầu.",
            node=found.node, line=found.line,
            data={"indicator": parent.indicator, "parent": parent.spec(), "found": found.spec()}),
            _src(profile, parent.node))


_MAYBE = {"sector": " Chỉ tiêu thuộc ngành mà kế hoạch này không đề cập: có thể không áp dụng cho cơ quan.",
          "province": " Chỉ tiêu chung của tỉnh: có thể không áp dụng cho cơ quan."}


def _maybe(plan, check) -> str | None:
    """Why an unaddressed target is only "info": a sector the plan never names, or the province's own target
    in a department's plan (a commune's plan is not asked it at all)."""
    if check.status != "not_applicable":
        return None
    if check.reason == "sector" or (check.reason == "province" and plan.level == "so"):
        return check.reason
    return None


def _target_groups(plan) -> list[tuple[str | None, str | None, list]]:
    """Unaddressed parent targets, one group per (why only info, area or top section), in the parent's order."""
    groups: dict[tuple[str | None, str | None], list] = {}
    for check in plan.targets:
        maybe = _maybe(plan, check)
        if check.status == "not_addressed" or maybe:
            groups.setdefault((maybe, check.group), []).append(check)
    return [(maybe, group, checks) for (maybe, group), checks in groups.items()]


def _group_name(profile, plan, group: str | None, checks: list) -> str:
    area = next((a for a in plan.areas if a.id == checks[0].area), None)
    if area is not None:
        return f"lĩnh vực “{area.title}” ({_cited(profile, area.parent_node)})"
    return _cited(profile, group)


@rule("KH003", severity="warning", source=SOURCE, needs=["profile"], scope="plan", applies_to_appendix=False,
      summary="Kế hoạch không nêu một chỉ tiêu của kế hoạch cấp trên")
def missing_target(ctx: Context) -> Iterable[Finding]:
    """Mỗi chỉ tiêu định lượng của kế hoạch cấp trên phải được cụ thể hóa trong kế hoạch cấp dưới.

    Một phát hiện cho mỗi lĩnh vực (hoặc mục) của kế hoạch cấp trên, liệt kê các chỉ tiêu còn thiếu.
    Chỉ tiêu gắn với một ngành mà kế hoạch không hề nhắc tới (hài lòng về đất đai, y tế, giáo
    dục trong kế hoạch của Sở Tư pháp) có thể không áp dụng: chỉ báo ở mức info. Không hỏi kế hoạch
    của xã chỉ tiêu riêng của tỉnh (“văn bản QPPL của tỉnh”), không hỏi kế hoạch chuyên đề (kiểm tra,
    thi đua, tuyên truyền …) các chỉ tiêu nó không nêu.
    data: {"indicator", "parent": {"op","value","unit"}} của chỉ tiêu đầu tiên, "area" (mã lĩnh vực hoặc
    null) và "targets": [{"indicator", "parent"}] cả nhóm
    """
    setup = _setup(ctx)
    if not setup:
        return
    profile, plan = setup
    for maybe, group, checks in _target_groups(plan):
        items = [f"“{c.parent.indicator}” ({c.parent.show()})" for c in checks]
        if len(checks) == 1:
            message = (f"Chưa có chỉ tiêu {items[0]} của kế hoạch cấp trên "
                       f"({_group_name(profile, plan, group, checks)}).")
        else:
            message = (f"Chưa có {len(checks)} chỉ tiêu của kế hoạch cấp trên thuộc "
                       f"{_group_name(profile, plan, group, checks)}: {'; '.join(items)}.")
        if maybe:
            message += _MAYBE[maybe]
        first = checks[0].parent
        data = {"indicator": first.indicator, "parent": first.spec(), "area": checks[0].area,
                "targets": [{"indicator": c.parent.indicator, "parent": c.parent.spec()} for c in checks]}
        yield _with_source(ctx.finding(message, data=data, severity="info" if maybe else None),
                           _src(profile, group or first.node))


@rule("KH007", severity="info", source=SOURCE, needs=["profile"], scope="plan", applies_to_appendix=False,
      summary="Kế hoạch chuyên đề: không đối chiếu đủ lĩnh vực, chỉ tiêu và thời hạn của kế hoạch cấp trên")
def thematic_plan(ctx: Context) -> Iterable[Finding]:
    """Kế hoạch chuyên đề (kiểm tra, thi đua, tuyên truyền, chuyển đổi số, TTHC …) thực hiện một phần của
    kế hoạch cấp trên: vbhc không đòi nó có đủ các lĩnh vực (KH001), nêu lại mọi chỉ tiêu (KH003) hay
    ban hành trong thời hạn dành cho kế hoạch CCHC của cơ quan (KH005); vẫn xét chỉ tiêu nó nêu (KH002),
    nội dung bắt buộc (KH004) và trích dẫn (KH006). Nói vbhc đã nhận định thế nào và vì sao; người kiểm
    tra chỉ định khác bằng --kind full.
    data: {"kind": "thematic", "theme": "kiem_tra" | …, "told": false}
    """
    setup = _setup(ctx)
    if not setup:
        return
    _profile, plan = setup
    if plan.kind != "thematic":
        return
    why = "theo chỉ định" if plan.kind_told else f"vbhc nhận định: {plan.kind_reason}"
    hint = "" if plan.kind_told else " Nếu đây là kế hoạch CCHC của cơ quan, kiểm tra lại với --kind full."
    yield ctx.finding(
        f"Kế hoạch chuyên đề ({why}): không đối chiếu đủ các lĩnh vực, chỉ tiêu và thời hạn ban hành kế "
        f"hoạch CCHC của cơ quan.{hint}", data={"kind": plan.kind, "theme": plan.theme, "told": plan.kind_told})


@rule("KH004", severity="error", source=SOURCE, needs=["profile"], scope="plan", applies_to_appendix=False,
      summary="Kế hoạch thiếu một nội dung bắt buộc (phân công, thời gian, sản phẩm, nguồn lực, báo cáo)")
def missing_element(ctx: Context) -> Iterable[Finding]:
    """Kế hoạch cấp dưới phải có những nội dung kế hoạch cấp trên đòi hỏi (Nghệ An: mục IV.1.b, c):
    phân công trách nhiệm (chủ trì, phối hợp), thời gian hoàn thành (ngày, quý, tháng, thường xuyên),
    sản phẩm đầu ra, bố trí nguồn lực (kinh phí, nguồn lực), báo cáo định kỳ (về Sở Nội vụ) —
    trong lời văn hoặc trong bảng nhiệm vụ.
    data: {"element": "responsibility" | "timeline" | "outputs" | "resources" | "reporting"}
    """
    from vbhc.profile.lexicon import ELEMENT_NAMES

    setup = _setup(ctx)
    if not setup:
        return
    profile, plan = setup
    missing = set(plan.elements_missing)
    for element in profile.required_elements:
        if element.id not in missing:
            continue
        said = f": “{element.text}”" if element.text else ""
        yield _with_source(ctx.finding(
            f"Thiếu nội dung bắt buộc: {ELEMENT_NAMES[element.id]} (kế hoạch cấp trên, "
            f"{_cited(profile, element.node)}{said}).", data={"element": element.id}),
            _src(profile, element.node))


@rule("KH005", severity="error", source=SOURCE, needs=["profile"], scope="plan", applies_to_appendix=False,
      summary="Kế hoạch ban hành sau thời hạn kế hoạch cấp trên đặt ra")
def issued_late(ctx: Context) -> Iterable[Finding]:
    """Kế hoạch cấp dưới phải ban hành trong thời hạn của kế hoạch cấp trên. “Trước ngày 31/7/2025”
    được hiểu là chậm nhất ngày 31/7/2025: ban hành đúng ngày đó vẫn đúng hạn.
    data: {"deadline": "2025-07-31", "issued": "2025-08-05"}
    """
    setup = _setup(ctx)
    if not setup:
        return
    from vbhc.dates import cited

    profile, plan = setup
    issued, deadline = plan.dates.issued, plan.dates.deadline
    if plan.dates.on_time is not False:
        return
    line = None
    place_date = ctx.doc.line_of(Role.PLACE_DATE)
    if place_date is not None:
        line = ctx.line_of_block(place_date.index)
    yield _with_source(ctx.finding(
        f"Ban hành ngày {cited(issued)}, sau thời hạn {cited(deadline)} "
        f"({_cited(profile, profile.deadline_node)}).", line=line,
        data={"deadline": deadline, "issued": issued}), _src(profile, profile.deadline_node))


@rule("KH006", severity="error", source=SOURCE, needs=["profile"], scope="plan", applies_to_appendix=False,
      summary="Kế hoạch không trích dẫn, hoặc trích dẫn sai số, ngày của văn bản cấp trên")
def parent_not_cited(ctx: Context) -> Iterable[Finding]:
    """Kế hoạch cấp dưới phải căn cứ văn bản cấp trên với đúng số, ký hiệu và ngày ban hành
    (“Quyết định số 2228/QĐ-UBND ngày 15/7/2025”).
    data: {"expected": "2228/QĐ-UBND ngày 15/7/2025", "found": "…" | null}
    """
    setup = _setup(ctx)
    if not setup:
        return
    profile, plan = setup
    citation = plan.citation
    expected = citation.expected
    if not expected or citation.ok is not False:
        return
    kind = profile.parent.doc_type or "văn bản"
    if citation.found is None:
        yield _with_source(ctx.finding(
            f"Không trích dẫn văn bản cấp trên: {kind} số {expected}.",
            data={"expected": expected, "found": None}), profile.parent.short())
    else:
        yield _with_source(ctx.finding(
            f"Trích dẫn văn bản cấp trên sai: ghi “{citation.found}”, đúng là “{expected}” ({kind}).",
            node=citation.node, line=citation.line, data={"expected": expected, "found": citation.found}),
            profile.parent.short())


@rule("KH008", severity="warning", source=SOURCE, needs=["profile"], scope="plan", applies_to_appendix=False,
      summary="Kế hoạch của tỉnh khác: kế hoạch cấp trên được chọn không phải kế hoạch cấp trên của nó")
def other_province(ctx: Context) -> Iterable[Finding]:
    """Kế hoạch của một tỉnh (đầu văn bản ghi “UBND TỈNH LÂM ĐỒNG”) không thực hiện kế hoạch của tỉnh khác
    (“UBND TỈNH NGHỆ AN”): vbhc không đối chiếu hai kế hoạch (KH001–KH007 không áp dụng), vì mọi kết luận về
    lĩnh vực, chỉ tiêu, thời hạn hay trích dẫn đều sai khi kế hoạch cấp trên đã chọn nhầm. Chỉ xét khi cả hai
    đầu văn bản ghi tên tỉnh (hoặc thành phố trực thuộc trung ương); kế hoạch của sở, xã chỉ ghi tên mình
    thì không xét.
    data: {"province": "tỉnh Lâm Đồng", "parent_province": "tỉnh Nghệ An"}
    """
    setup = _sub_plan(ctx)
    if not setup or not setup[1].foreign:
        return
    profile, plan = setup
    yield _with_source(ctx.finding(
        f"Kế hoạch của {plan.province}, còn kế hoạch cấp trên đã chọn ({profile.parent.short()}) của "
        f"{plan.parent_province}: không đối chiếu kế hoạch với kế hoạch cấp trên này. Hãy chọn đúng kế hoạch cấp "
        f"trên của {plan.province}.",
        data={"province": plan.province, "parent_province": plan.parent_province}), profile.parent.short())
