"""`vbhc audit --report-docx`: the Báo cáo the Sở Nội vụ sends up on the agencies' plans, made from
the audit's result through the built-in bao-cao template (PL III, Mẫu 1.4), so it has the layout
of Nghị định 30/2020 and passes `vbhc check` with no error.

What it says, in the order a Báo cáo on a round of plans says it: how many agencies had to issue a
plan, how many sent one, on time, complete; who has not; what the plans lack against the parent
(areas, targets, dates); the defects most plans share; what the agencies must do. A Phụ lục holds
the table of every agency. What only the issuing office knows (the signer, other recipients, the
drafting unit) is left as “[ĐIỀN: …]”, as `vbhc draft` leaves it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vbhc.fileio import write_atomic
from vbhc.generate.placeholder import PLACEHOLDER_OPEN
from vbhc.report.rows import AgencyRow, AuditRow, agency_rows, report_rows, show_target

Json = dict[str, Any]
TABLE_HEADER = ["STT", "Cơ quan, đơn vị", "Kế hoạch (số, ngày ban hành)", "Tình trạng", "Lĩnh vực còn thiếu",
                "Chỉ tiêu thấp hơn cấp trên", "Lỗi thể thức, nội dung"]
COMMON = 5  # the defects listed: the rules found in most plans
DEFAULT_AGENCY = "Sở Nội vụ"


def blank(what: str) -> str:
    return f"{PLACEHOLDER_OPEN} {what}]"


def _dmy(iso: str | None) -> str:
    """"15/7/2025", as a sentence writes a date."""
    if not iso:
        return "—"
    d = dt.date.fromisoformat(iso)
    return f"{d.day}/{d.month}/{d.year}"


@dataclass
class Audit:
    """The result read once for the Báo cáo."""

    result: Json
    rows: list[AuditRow]
    agencies: list[AgencyRow]
    view: Json

    @property
    def summary(self) -> Json:
        return self.result.get("summary") or {}

    @property
    def counts(self) -> Json:
        return self.summary.get("agency_counts") or {}

    @property
    def counted(self) -> list[AuditRow]:
        return [r for r in self.rows if r.counted]

    @property
    def complete(self) -> list[AuditRow]:
        return [r for r in self.rows if r.plan_status == "ok"]

    def area_title(self, area_id: str) -> str:
        return next((a.get("title") or area_id for a in self.view.get("areas", []) if a["id"] == area_id), area_id)


def parent_citation(view: Json) -> str | None:
    """"Kế hoạch số 2228/QĐ-UBND ngày 15/7/2025 của Ủy ban nhân dân tỉnh Nghệ An"."""
    from vbhc.writers.layout import agency_in_text

    parent = view.get("parent") or {}
    number = "/".join(x for x in (parent.get("number"), parent.get("symbol")) if x)
    if not number:
        return None
    text = f"{parent.get('doc_type') or 'Kế hoạch'} số {number}"
    if parent.get("date"):
        text += f" ngày {_dmy(parent['date'])}"
    if parent.get("issuer"):
        text += f" của {agency_in_text(str(parent['issuer']))}"
    return text


def _name(r: AuditRow) -> str:
    from vbhc.writers.layout import agency_in_text

    return r.listed_name or (agency_in_text(r.agency) if r.agency else r.shown_path)


def _names(rows: Sequence[AuditRow]) -> str:
    return "; ".join(_name(r) for r in rows)


# --- I. submissions --------------------------------------------------------------------------

def _received(a: Audit) -> list[str]:
    c, deadline = a.counts, a.view.get("deadline")
    due = c.get("expected")
    plans = len(a.counted)
    lines = []
    if due is not None:
        lines.append(f"Số cơ quan, đơn vị phải ban hành kế hoạch: {due}; đã gửi kế hoạch: {c.get('received', 0)}; "
                     f"chưa gửi: {c.get('missing', 0)}.")
    else:
        lines.append(f"Số cơ quan, đơn vị đã gửi kế hoạch: {plans} (không có danh sách cơ quan phải ban hành để "
                     "đối chiếu).")
    timely = f"đúng thời hạn ({_dmy(deadline)})" if deadline else "đúng thời hạn"
    lines.append(f"Số kế hoạch được kiểm tra: {plans}; ban hành {timely}: {c.get('on_time', 0)}; trễ hạn: "
                 f"{c.get('late', 0)}; hoàn chỉnh: {c.get('complete', 0)}; chưa hoàn thiện (còn chỗ cần điền hoặc "
                 f"đề mục chưa có nội dung): {c.get('incomplete', 0)}.")
    return lines


def _missing(a: Audit) -> list[str]:
    missing = a.summary.get("missing_agencies") or []
    if a.counts.get("expected") is None:
        return []
    if not missing:
        return ["Tất cả cơ quan, đơn vị trong danh sách đã gửi kế hoạch."]
    return [f"Cơ quan, đơn vị chưa gửi kế hoạch ({len(missing)}): {'; '.join(missing)}."]


def _irregular(a: Audit) -> list[str]:
    """Drafts, unreadable files, copies sent twice, files that are not plans."""
    lines = []
    drafts = [r for r in a.rows if r.plan_status == "incomplete"]
    if drafts:
        lines.append(f"Kế hoạch chưa hoàn thiện, còn là bản nháp ({len(drafts)}): {_names(drafts)}.")
    unreadable = [r for r in a.rows if r.plan_status == "unreadable"]
    if unreadable:
        lines.append(f"Tệp không đọc được, cần gửi lại ({len(unreadable)}): {_names(unreadable)}.")
    twice = [ag for ag in a.agencies if ag.file and len(ag.files) > 1]
    if twice:
        lines.append("Cơ quan gửi nhiều bản (tính bản ban hành sau cùng): "
                     + "; ".join(f"{ag.name} ({len(ag.files)} bản)" for ag in twice) + ".")
    others = [r for r in a.rows if r.plan_status == "not_a_plan"]
    if others:
        lines.append(f"Văn bản gửi kèm không phải kế hoạch, không tính: {len(others)} tệp.")
    unlisted = a.summary.get("not_on_list") or []
    if unlisted:
        lines.append(f"Kế hoạch của cơ quan không có trong danh sách: {len(unlisted)} tệp.")
    return lines


# --- II. what the plans lack -------------------------------------------------------------------

def _areas(a: Audit) -> str:
    lacking = [r for r in a.complete if r.plan.areas_missing]
    if not lacking:
        return "Về các lĩnh vực cải cách hành chính: các kế hoạch đều có đủ các lĩnh vực theo kế hoạch cấp trên."
    each = "; ".join(f"{_name(r)} thiếu {', '.join(a.area_title(x).lower() for x in r.plan.areas_missing or [])}"
                     for r in lacking)
    return f"Về các lĩnh vực cải cách hành chính: {len(lacking)} kế hoạch chưa có đủ lĩnh vực ({each})."


def _targets(a: Audit) -> str:
    weaker = [r for r in a.complete if r.plan.weaker]
    if not weaker:
        return "Về chỉ tiêu: không kế hoạch nào đặt chỉ tiêu thấp hơn kế hoạch cấp trên."
    parts = []
    for r in weaker:
        each = ", ".join(f"{t.parent.indicator[:80]}: {t.found.show() if t.found else '—'} (cấp trên "
                         f"{show_target(t.parent.spec())})" for t in r.plan.weaker)
        parts.append(f"{_name(r)}: {each}")
    return f"Về chỉ tiêu: {len(weaker)} kế hoạch đặt chỉ tiêu thấp hơn kế hoạch cấp trên ({'; '.join(parts)})."


def _dates(a: Audit) -> str:
    late = [r for r in a.counted if r.plan.on_time is False]
    if not late:
        return "Về thời hạn ban hành: các kế hoạch đều ban hành đúng thời hạn."
    each = "; ".join(f"{_name(r)} ban hành ngày {_dmy(r.date)}" + (f", trễ {r.plan.days_late} ngày"
                                                                  if r.plan.days_late else "") for r in late)
    return f"Về thời hạn ban hành: {len(late)} kế hoạch ban hành sau thời hạn ({each})."


def common_defects(result: Json, limit: int = COMMON) -> list[tuple[str, str, int]]:
    """(rule, what it says, how many plans) for the error rules found in the most plans that count."""
    from vbhc.rules import all_rules

    registry = all_rules()
    plans: Counter[str] = Counter()
    for row in result["files"]:
        if row.get("plan_status") in ("ok", "incomplete"):
            plans.update({f["rule"] for f in row.get("findings", []) if f.get("severity") == "error"})
    return [(rule, registry[rule].summary if rule in registry else rule, n)
            for rule, n in plans.most_common(limit)]


def _defects(a: Audit) -> str:
    found = common_defects(a.result)
    if not found:
        return "Về thể thức và nội dung: không phát hiện lỗi ở các kế hoạch."
    each = "; ".join(f"{summary.rstrip('.')} ({n} kế hoạch)" for _rule, summary, n in found)
    return f"Những lỗi thường gặp: {each}."


# --- the Phụ lục and the document --------------------------------------------------------------

def _row_of(a: Audit, agency: AgencyRow) -> AuditRow | None:
    return next((r for r in a.rows if r.shown_path == agency.file), None)


def _timely(r: AuditRow) -> str:
    if r.plan.on_time is None:
        return ""
    if r.plan.on_time:
        return " (đúng hạn)"
    return f" (trễ {r.plan.days_late} ngày)" if r.plan.days_late else " (trễ hạn)"


def _agency_line(a: Audit, n: int, agency: AgencyRow) -> list[str]:
    r = _row_of(a, agency)
    if r is None:
        return [str(n), agency.name, "—", agency.words, "—", "—", "—"]
    plan = ", ".join(x for x in (r.number, _dmy(r.date) if r.date else None) if x) or "—"
    plan += _timely(r)
    if r.draft:
        return [str(n), agency.name, plan, agency.words, "—", "—", str(r.errors)]
    areas = ", ".join(a.area_title(x) for x in r.plan.areas_missing or []) or "Không"
    return [str(n), agency.name, plan, agency.words, areas, str(r.plan.weaker_count or 0), str(r.errors)]


def agency_table(a: Audit) -> list[list[str]]:
    lines = [TABLE_HEADER]
    lines += [_agency_line(a, n, agency) for n, agency in enumerate(a.agencies, start=1)]
    return lines


def issuing(view: Json | None, agency: str = DEFAULT_AGENCY) -> Any:
    """The office that issues the Báo cáo (vbhc.generate.subplan.Agency), under the parent's issuer."""
    from vbhc.generate.subplan import agency_of

    return agency_of(agency, ((view or {}).get("parent") or {}).get("issuer"))


def report_place(view: Json | None, agency: str = DEFAULT_AGENCY) -> str | None:
    """The place the Báo cáo is dated at: the parent's province; None when there is no parent to say."""
    return issuing(view, agency).place or None


def report_data(result: Json, agency: str = DEFAULT_AGENCY, today: str | None = None,
                place: str | None = None, rows: list[AuditRow] | None = None) -> Json:
    """The data of the bao-cao template for the audit's result; `rows`: its rows as `audit_result`
    made them, where the caller has them."""
    from vbhc.writers.layout import agency_in_text

    rows, _ = report_rows(result, rows)
    a = Audit(result, rows, agency_rows(result), result.get("profile") or {})
    parent = a.view.get("parent") or {}
    who = issuing(a.view, agency)
    cited = parent_citation(a.view)
    subject = f"thực hiện {cited}" if cited else "của các cơ quan, đơn vị"
    intro = (f"Thực hiện {cited}, " if cited else "") + (f"{who.name} đã kiểm tra kế hoạch của các cơ quan, đơn vị "
                                                         "gửi về và báo cáo kết quả như sau:")
    sections = [
        {"heading": "Tình hình ban hành kế hoạch", "items": [*_received(a), *_missing(a), *_irregular(a)]},
        {"heading": "Kết quả kiểm tra nội dung và thể thức", "items": [_areas(a), _targets(a), _dates(a), _defects(a)]},
        {"heading": "Kiến nghị", "items": _proposals(a)},
    ]
    return {
        "parent_issuer": who.parent_issuer, "issuer": who.issuer, "abbr": who.abbr,
        "place": place or who.place or blank("địa danh"),
        "date": today or dt.date.today().isoformat(),
        "title": f"Kết quả kiểm tra việc ban hành kế hoạch {subject}"[:250],
        "kinh_gui": [agency_in_text(str(parent["issuer"]))] if parent.get("issuer") else None,
        "intro": [intro], "sections": sections,
        "signer": {"positions": [who.head or blank("CHỨC VỤ NGƯỜI KÝ")], "name": blank("họ và tên người ký")},
        "recipients": [f"Lãnh đạo {who.short}", "Các cơ quan, đơn vị (để thực hiện)", blank("nơi nhận khác")],
        "luu": f"VT, {blank('đơn vị soạn thảo')}",
        "phu_luc": [{"title": "Tổng hợp kết quả kiểm tra kế hoạch của từng cơ quan, đơn vị",
                     "items": [{"table": agency_table(a)}]}],
    }


def _proposals(a: Audit) -> list[str]:
    out = []
    if a.summary.get("missing_agencies"):
        out.append("Đề nghị các cơ quan, đơn vị chưa gửi kế hoạch khẩn trương ban hành và gửi kế hoạch.")
    if any(r.draft or r.plan_status == "unreadable" for r in a.rows):
        out.append("Đề nghị các cơ quan, đơn vị có kế hoạch chưa hoàn thiện hoặc tệp không đọc được hoàn thiện và "
                   "gửi lại kế hoạch.")
    if any(r.plan.areas_missing or r.plan.weaker for r in a.complete):
        out.append("Đề nghị các cơ quan, đơn vị có kế hoạch thiếu lĩnh vực hoặc đặt chỉ tiêu thấp hơn kế hoạch cấp "
                   "trên rà soát, điều chỉnh kế hoạch.")
    out.append("Đề nghị các cơ quan, đơn vị khắc phục các lỗi về thể thức, kỹ thuật trình bày văn bản theo Nghị định "
               "số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ.")
    return out


def build_report(result: Json, agency: str = DEFAULT_AGENCY, today: str | None = None,
                 place: str | None = None, rows: list[AuditRow] | None = None) -> list[Any]:
    """The Báo cáo as Documents (the bao-cao template)."""
    from vbhc.generate.template import render

    return render("bao-cao", report_data(result, agency, today, place, rows))


def write_report(result: Json, path: str | os.PathLike[str], agency: str = DEFAULT_AGENCY,
                 today: str | None = None, place: str | None = None, rows: list[AuditRow] | None = None) -> None:
    from vbhc.writers.docx import to_bytes

    write_atomic(path, to_bytes(build_report(result, agency, today, place, rows)))

