# ruff: noqa: E501  (the page template below keeps HTML lines whole)
"""The HTML report of `vbhc audit`: one self-contained page (inline CSS and JS, no network).

Summary; the agencies that must submit and what came from each (#co-quan, with --expected); files
with what each is (plan_status); a matrix of agencies × reform areas (#ma-tran) and targets by
agency with what each plan committed (#chi-tieu), for the plans that count (a draft marked as one);
issue dates against the deadline (#thoi-han); every finding of the plans with its location
(#phat-hien); the files that are not plans, apart (#khong-phai-ke-hoach); skipped files. Tables
sort on a click on their header and filter as you type, in plain JS. Printed, the page is A4
landscape with each table's header repeated on every page.
"""

from __future__ import annotations

import os
from typing import Any

from vbhc.dates import display
from vbhc.fileio import write_atomic
from vbhc.report.rows import (
    PLAN_STATUS_WORDS,
    SEVERITY_WORDS,
    STATUS_WORDS,
    UNKNOWN_AREA,
    AuditRow,
    TargetCell,
    agency_rows,
    finding_rows,
    parent_label,
    report_rows,
    show_target,
    shown,
)
from vbhc.report.table import on_time_words

CSS = """
:root { --bad: #b3261e; --bad-bg: #fdecea; --good: #1e6b34; --good-bg: #e8f5ec; --warn: #8a5a00;
        --warn-bg: #fff4dc; --muted: #666; --line: #d6d6d6; --head: #f1f3f5; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; margin: 0;
       padding: 1.2rem 1.6rem 3rem; color: #1b1b1b; line-height: 1.4; font-size: 15px; }
h1 { font-size: 1.5rem; margin: 0 0 .3rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
p.meta { color: var(--muted); margin: .2rem 0; }
nav a { margin-right: 1rem; }
.cards { display: flex; flex-wrap: wrap; gap: .6rem; margin: 1rem 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem; min-width: 9rem; background: #fff; }
.card b { display: block; font-size: 1.5rem; }
.card.bad b { color: var(--bad); }
.tools { margin: .4rem 0; display: flex; gap: .6rem; flex-wrap: wrap; align-items: center; }
.tools input, .tools select { font: inherit; padding: .25rem .4rem; border: 1px solid #aaa; border-radius: 4px; }
.scroll { overflow: auto; max-height: 80vh; border: 1px solid var(--line); }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; vertical-align: top; text-align: left; }
thead th { background: var(--head); position: sticky; top: 0; z-index: 1; cursor: pointer; user-select: none; }
thead th[aria-sort="ascending"]::after { content: " ▲"; }
thead th[aria-sort="descending"]::after { content: " ▼"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.yes { background: var(--good-bg); color: var(--good); text-align: center; }
td.no { background: var(--bad-bg); color: var(--bad); text-align: center; font-weight: 600; }
td.unknown { color: var(--muted); text-align: center; }
td.weaker { background: var(--bad-bg); color: var(--bad); font-weight: 600; }
td.absent { background: var(--warn-bg); color: var(--warn); }
tr.status-error td { background: var(--bad-bg); }
.sev-error { color: var(--bad); font-weight: 600; }
.sev-warning { color: var(--warn); font-weight: 600; }
.sev-info { color: var(--muted); }
.late { color: var(--bad); font-weight: 600; }
.ontime { color: var(--good); }
small, .muted { color: var(--muted); }
th.target { min-width: 11rem; max-width: 16rem; font-weight: 600; }
th.target small { display: block; font-weight: normal; }
code { font-size: .85em; }
table.grid td:first-child, table.grid th:first-child { position: sticky; left: 0; background: #fff; min-width: 12rem; z-index: 2; }
table.grid thead th:first-child { background: var(--head); z-index: 3; }
.hidden { display: none; }
td.draft { background: #f1eefb; color: #4b3d8f; text-align: center; font-style: italic; }
.st-incomplete { color: var(--warn); font-weight: 600; }
.st-not_a_plan, .st-duplicate { color: var(--muted); }
.st-unreadable { color: var(--bad); font-weight: 600; }
tr.agency-missing td, tr.agency-not_a_plan td { background: var(--bad-bg); }
tr.agency-incomplete td, tr.agency-unreadable td { background: var(--warn-bg); }
ul.missing { margin: .3rem 0 .8rem; }
.print-only { display: none; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { padding: 0; font-size: 9.5pt; }
  nav, .tools, .count { display: none; }
  .scroll { overflow: visible; max-height: none; border: none; }
  thead { display: table-header-group; }
  thead th, table.grid td:first-child, table.grid th:first-child { position: static; }
  thead th[aria-sort]::after { content: ""; }
  tr, .card { break-inside: avoid; }
  h2 { break-after: avoid; margin-top: 1rem; }
  td.yes, td.no, td.weaker, td.absent, td.draft, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .print-only { display: revert; }
  .screen-only, table.grid .file { display: none; }
  table.grid { table-layout: fixed; width: 100%; font-size: 7pt; }
  table.grid td, table.grid th { padding: 1px 2px; overflow-wrap: anywhere; min-width: 0; max-width: none; }
  table.grid td:first-child, table.grid th:first-child { min-width: 0; width: 30mm; }
  ol.legend { font-size: 8pt; columns: 2; margin: .3rem 0; list-style: none; padding-left: 0; }
}
"""

JS = r"""
(function () {
  "use strict";
  function fold(s) {
    return (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
      .toLowerCase();
  }
  function key(cell) {
    if (!cell) { return ""; }
    var v = cell.getAttribute("data-sort");
    return v === null ? cell.textContent.trim() : v;
  }
  function compare(a, b) {
    var na = parseFloat(a), nb = parseFloat(b);
    var numeric = a !== "" && b !== "" && !isNaN(na) && !isNaN(nb) && isFinite(a) && isFinite(b);
    if (numeric) { return na - nb; }
    return a.localeCompare(b, "vi", {numeric: true, sensitivity: "base"});
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead.rows[table.tHead.rows.length - 1].cells;
    Array.prototype.forEach.call(heads, function (th, index) {
      th.setAttribute("title", (th.getAttribute("title") || th.textContent.trim()) + " — bấm để sắp xếp");
      th.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var c = compare(key(r1.cells[index]), key(r2.cells[index]));
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  function applyFilters(table) {
    var text = document.querySelector('input.filter[data-table="' + table.id + '"]');
    var select = document.querySelector('select.filter[data-table="' + table.id + '"]');
    var q = text ? fold(text.value.trim()) : "";
    var wanted = select ? select.value : "";
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var ok = (!q || fold(row.textContent).indexOf(q) !== -1) &&
               (!wanted || (" " + (row.getAttribute("data-tags") || "") + " ").indexOf(" " + wanted + " ") !== -1);
      row.classList.toggle("hidden", !ok);
      if (ok) { shown += 1; }
    });
    var count = document.querySelector('.count[data-table="' + table.id + '"]');
    if (count) { count.textContent = shown + " / " + table.tBodies[0].rows.length + " dòng"; }
  }
  document.querySelectorAll(".filter").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-table"));
    if (!table) { return; }
    input.addEventListener("input", function () { applyFilters(table); });
    input.addEventListener("change", function () { applyFilters(table); });
    applyFilters(table);
  });
})();
"""

TEMPLATE = r"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Báo cáo kiểm tra kế hoạch{% if parent_label %} — đối chiếu {{ parent_label }}{% endif %}</title>
<style>{{ css | safe }}</style>
</head>
<body>
<header>
<h1>Báo cáo kiểm tra kế hoạch của các cơ quan, đơn vị</h1>
{% if parent_label %}<p class="meta">Đối chiếu với: {{ parent_label }}{% if deadline %}; thời hạn ban hành kế hoạch: <b>{{ deadline | vn_date }}</b>{% endif %}.</p>
{% else %}<p class="meta">Không có kế hoạch cấp trên để đối chiếu: chỉ kiểm tra thể thức theo Nghị định 30/2020/NĐ-CP.</p>{% endif %}
<p class="meta">Thư mục: <code>{{ root }}</code></p>
<nav>{% if agencies %}<a href="#h-co-quan">Cơ quan</a>{% endif %}<a href="#h-tong-hop">Tổng hợp</a><a href="#ma-tran">Lĩnh vực</a><a href="#chi-tieu">Chỉ tiêu</a><a href="#thoi-han">Thời hạn</a><a href="#phat-hien">Chi tiết</a>{% if others %}<a href="#h-khong-phai-ke-hoach">Không phải kế hoạch</a>{% endif %}{% if skipped %}<a href="#bo-qua">Tệp bị bỏ qua</a>{% endif %}</nav>
</header>

<section id="tom-tat" class="cards" aria-label="Tóm tắt">
{% if counts.expected is not none %}<div class="card"><b>{{ counts.expected }}</b>cơ quan phải nộp</div>
<div class="card{% if missing %} bad{% endif %}" id="so-chua-nop"><b>{{ missing | length }}</b>cơ quan chưa nộp kế hoạch</div>{% endif %}
<div class="card"><b>{{ s.files }}</b>tệp đã kiểm tra</div>
{% for st, words in plan_status_words.items() if st != "unreadable" and (st == "ok" or statuses.get(st)) %}<div class="card{% if st == 'incomplete' %} bad{% endif %}" data-status="{{ st }}"><b>{{ statuses.get(st, 0) }}</b>{{ words }}</div>
{% endfor %}
<div class="card{% if s.unreadable %} bad{% endif %}"><b>{{ s.unreadable }}</b>tệp không đọc được</div>
<div class="card{% if s.files_with_errors %} bad{% endif %}"><b>{{ s.files_with_errors }}</b>tệp có lỗi</div>
<div class="card"><b>{{ s.errors }}</b>lỗi · <b style="display:inline;font-size:1em">{{ s.warnings }}</b> cảnh báo</div>
{% if s.plan_checked %}
<div class="card{% if s.late %} bad{% endif %}"><b>{{ s.late }}</b>tệp ban hành trễ hạn</div>
<div class="card{% if s.missing_areas %} bad{% endif %}"><b>{{ s.missing_areas }}</b>tệp thiếu lĩnh vực</div>
<div class="card{% if s.weaker_targets %} bad{% endif %}"><b>{{ s.weaker_targets }}</b>tệp có chỉ tiêu thấp hơn</div>
{% endif %}
<div class="card"><b>{{ s.skipped }}</b>tệp bị bỏ qua</div>
</section>

{% if agencies %}
<h2 id="h-co-quan">{% if counts.expected is not none %}Cơ quan phải nộp kế hoạch{% else %}Cơ quan đã nộp kế hoạch{% endif %}</h2>
{% if counts.expected is not none %}{% if missing %}<p><b>Chưa nộp kế hoạch ({{ missing | length }}):</b></p><ul class="missing" id="chua-nop">{% for name in missing %}<li>{{ name }}</li>{% endfor %}</ul>{% else %}<p id="chua-nop">Mọi cơ quan trong danh sách đã nộp kế hoạch.</p>{% endif %}{% endif %}
<div class="scroll"><table id="co-quan" class="sortable">
<thead><tr><th>STT</th><th>Cơ quan</th><th>Tình trạng</th><th>Tệp được tính</th><th>Ngày ban hành</th><th>Đúng hạn</th><th>Các tệp khác</th></tr></thead>
<tbody>
{% for a in agencies %}<tr class="agency-{{ a.status }}" data-status="{{ a.status }}">
<td class="num">{{ loop.index }}</td><td>{{ a.name }}</td><td>{{ a.words }}</td><td>{% if a.file %}<code>{{ a.file }}</code>{% else %}—{% endif %}</td>
<td data-sort="{{ a.date or '' }}">{{ a.date | vn_date }}</td>
<td class="{{ 'late' if a.on_time is sameas false else ('ontime' if a.on_time else '') }}">{{ "—" if a.on_time is none else ("đúng hạn" if a.on_time else "trễ hạn") }}</td>
<td>{% for f in a.files if f != a.file %}<code>{{ f }}</code>{% if not loop.last %}, {% endif %}{% else %}—{% endfor %}</td>
</tr>
{% endfor %}</tbody></table></div>
{% if unlisted %}<h3 id="ngoai-danh-sach">Tệp của cơ quan không có trong danh sách ({{ unlisted | length }})</h3>
<ul>{% for x in unlisted %}<li><code>{{ x.path }}</code>: {{ x.issuer or "—" }}</li>{% endfor %}</ul>{% endif %}
{% endif %}

<h2 id="h-tong-hop">Tổng hợp theo tệp</h2>
<div class="tools"><input class="filter" data-table="tong-hop" type="search" placeholder="Lọc: tên cơ quan, số, tệp…" aria-label="Lọc bảng tổng hợp">
<select class="filter" data-table="tong-hop" aria-label="Lọc theo tình trạng"><option value="">Tất cả</option><option value="loi">Có lỗi hoặc không đọc được</option><option value="khong-doc-duoc">Không đọc được</option><option value="tre-han">Trễ hạn</option><option value="thieu-linh-vuc">Thiếu lĩnh vực</option><option value="chi-tieu-thap">Chỉ tiêu thấp hơn</option><option value="dat">Đạt</option><option value="chua-hoan-thien">Chưa hoàn thiện</option><option value="khong-phai-ke-hoach">Không phải kế hoạch</option><option value="ban-trung">Bản trùng (không tính)</option></select>
<span class="count muted" data-table="tong-hop"></span></div>
<div class="scroll"><table id="tong-hop" class="sortable">
<thead><tr><th>Tệp</th><th>Cơ quan</th><th>Tình trạng</th><th>Số, ký hiệu</th><th>Ngày ban hành</th><th>Đúng hạn</th><th>Lĩnh vực</th><th>Chỉ tiêu thấp hơn</th><th>Lỗi</th><th>Cảnh báo</th><th>Kết quả kiểm tra</th></tr></thead>
<tbody>
{% for r in rows %}<tr class="status-{{ r.status }} plan-{{ r.plan_status }}" data-tags="{{ tags[r.path].tags }}" data-status="{{ r.plan_status }}">
<td><code>{{ r.shown_path }}</code></td>
{% if r.status == "error" %}<td class="sev-error">Không đọc được: {{ r.error }}</td><td class="st-unreadable" data-sort="{{ status_rank[r.plan_status] }}">{{ r.status_words }}</td><td>—</td><td data-sort="">—</td><td data-sort="">—</td><td class="num" data-sort="">—</td><td class="num" data-sort="">—</td><td class="num" data-sort="">—</td><td class="num" data-sort="">—</td><td data-sort="0">{{ status_words[r.status] }}</td>
{% else %}<td>{{ r.agency or "—" }}{% if r.doc_type %}<br><small>{{ r.doc_type }}</small>{% endif %}</td>
<td class="st-{{ r.plan_status }}" data-sort="{{ status_rank[r.plan_status] }}">{{ r.status_words }}{% if r.status_reason and r.plan_status != "ok" %}<br><small>{{ r.status_reason }}</small>{% endif %}</td>
<td>{{ r.number or "—" }}</td>
<td data-sort="{{ r.date or '' }}">{{ r.date | vn_date }}</td>
<td data-sort="{{ r.plan.days_late if r.plan.days_late is not none else '' }}" class="{{ 'late' if r.plan.on_time is sameas false else ('ontime' if r.plan.on_time else '') }}">{{ on_time_words(r) }}</td>
<td class="num" data-sort="{{ r.plan.areas_covered if r.plan.areas_covered is not none else '' }}">{% if r.plan.areas_covered is none %}—{% else %}{{ r.plan.areas_covered }}/{{ r.plan.areas_total }}{% endif %}</td>
<td class="num">{{ "—" if r.plan.weaker_count is none else r.plan.weaker_count }}</td>
<td class="num{% if r.errors %} sev-error{% endif %}">{{ r.errors }}</td>
<td class="num{% if r.warnings %} sev-warning{% endif %}">{{ r.warnings }}</td>
<td data-sort="{{ 0 if r.errors else (1 if r.status == 'findings' else 2) }}">{{ status_words[r.status] }}</td>{% endif %}
</tr>
{% endfor %}</tbody></table></div>

<h2 id="h-ma-tran">Lĩnh vực cải cách hành chính theo đơn vị</h2>
{% if not areas %}<p class="muted">{% if s.plan_checked %}Hồ sơ kế hoạch cấp trên không nêu lĩnh vực nào.{% else %}Không có kế hoạch cấp trên để đối chiếu lĩnh vực.{% endif %}</p>{% endif %}
{% if s.plan_checked and not plan_rules %}<p class="muted">Các quy tắc đối chiếu kế hoạch (KH001–KH006) chưa có hoặc đã tắt: không xác định được.</p>{% endif %}
<div class="tools"><input class="filter" data-table="ma-tran" type="search" placeholder="Lọc theo cơ quan…" aria-label="Lọc bảng lĩnh vực">
<select class="filter" data-table="ma-tran" aria-label="Lọc theo lĩnh vực thiếu"><option value="">Tất cả</option><option value="thieu-linh-vuc">Thiếu ít nhất một lĩnh vực</option>{% for a in areas %}<option value="thieu-{{ a.id }}">Thiếu: {{ a.title }}</option>{% endfor %}</select>
<span class="count muted" data-table="ma-tran"></span></div>
<div class="scroll"><table id="ma-tran" class="sortable grid">
<caption class="muted" style="caption-side:bottom;text-align:left">✓ có nội dung (mục của kế hoạch đơn vị); ✗ thiếu (quy tắc KH001); — không bắt buộc; ? chưa xác định.{% if not_counted %} {{ not_counted }} tệp không đọc được, không phải kế hoạch hoặc là bản trùng không có trong bảng.{% endif %}</caption>
<thead><tr><th>Cơ quan</th><th class="file">Tệp</th>{% for a in areas %}<th title="{{ a.title }}" data-area="{{ a.id }}">{{ a.title }}</th>{% endfor %}<th>Số lĩnh vực</th></tr></thead>
<tbody>
{% for r in rows if r.counted %}<tr data-tags="{{ tags[r.path].area_tags }}" data-status="{{ r.plan_status }}">
<td>{{ r.name }}{% if r.draft %}<small class="print-only"> (nháp)</small>{% endif %}</td><td class="file"><code>{{ r.shown_path }}</code>{% if r.draft %}<br><small class="st-incomplete">bản nháp chưa hoàn thiện</small>{% endif %}</td>
{% for a in areas %}{% set v = r.plan.areas.get(a.id) or unknown_area %}{% if r.draft %}<td class="draft" data-sort="" title="{{ r.name }}: bản nháp chưa hoàn thiện">nháp</td>{% elif v.state == "yes" %}<td class="yes" data-sort="1" title="{{ r.name }}: có {{ a.title }}{% if v.section %} ({{ v.section }}){% endif %}">✓{% if v.section %} <small>{{ v.section }}</small>{% endif %}</td>{% elif v.state == "no" %}<td class="no" data-sort="0" title="{{ r.name }}: thiếu {{ a.title }}">✗ thiếu</td>{% elif v.state == "optional" %}<td class="unknown" data-sort="" title="không bắt buộc với kế hoạch chuyên đề">—</td>{% else %}<td class="unknown" data-sort="">?</td>{% endif %}{% endfor %}
<td class="num" data-sort="{{ r.plan.areas_covered if r.plan.areas_covered is not none else '' }}">{% if r.plan.areas_covered is none %}—{% else %}{{ r.plan.areas_covered }}/{{ r.plan.areas_total }}{% endif %}</td>
</tr>
{% endfor %}</tbody></table></div>

<h2 id="h-chi-tieu">Chỉ tiêu so với kế hoạch cấp trên</h2>
{% if not targets %}<p class="muted">{% if s.plan_checked %}Hồ sơ kế hoạch cấp trên không nêu chỉ tiêu định lượng nào.{% else %}Không có kế hoạch cấp trên để đối chiếu chỉ tiêu.{% endif %}</p>{% endif %}
<div class="tools"><input class="filter" data-table="chi-tieu" type="search" placeholder="Lọc theo cơ quan…" aria-label="Lọc bảng chỉ tiêu">
<select class="filter" data-table="chi-tieu" aria-label="Lọc chỉ tiêu"><option value="">Tất cả</option><option value="chi-tieu-thap">Có chỉ tiêu thấp hơn</option><option value="khong-de-cap">Có chỉ tiêu không đề cập</option></select>
<span class="count muted" data-table="chi-tieu"></span></div>
<div class="scroll"><table id="chi-tieu" class="sortable grid">
<caption class="muted" style="caption-side:bottom;text-align:left">✓ không thấp hơn cấp trên (kèm mức đơn vị đặt ra); ô đỏ: chỉ tiêu của đơn vị thấp hơn (KH002); ô vàng: không đề cập (KH003); — không áp dụng; ? chưa xác định.{% if not_counted %} {{ not_counted }} tệp không đọc được, không phải kế hoạch hoặc là bản trùng không có trong bảng.{% endif %}</caption>
<thead><tr><th>Cơ quan</th><th class="file">Tệp</th>{% for t in targets %}<th class="target" title="{{ t.text or t.indicator }}"><span class="screen-only">{{ t.indicator | truncate(90) }}</span><span class="print-only">CT{{ loop.index }}</span><small>Cấp trên: {{ show_target(t.parent) or "—" }}</small></th>{% endfor %}<th>Số chỉ tiêu thấp hơn</th></tr></thead>
<tbody>
{% for r in rows if r.counted %}<tr data-tags="{{ tags[r.path].target_tags }}" data-status="{{ r.plan_status }}">
<td>{{ r.name }}{% if r.draft %}<small class="print-only"> (nháp)</small>{% endif %}</td><td class="file"><code>{{ r.shown_path }}</code>{% if r.draft %}<br><small class="st-incomplete">bản nháp chưa hoàn thiện</small>{% endif %}</td>
{% for t in targets %}{% set c = r.plan.targets.get(t.id) or unknown %}{% if r.draft %}<td class="draft" data-sort="" title="bản nháp chưa hoàn thiện: mức chép từ kế hoạch cấp trên">nháp{% if c.shown %} {{ c.shown }}{% endif %}</td>{% elif c.state == "weaker" %}<td class="weaker" data-sort="0">{{ c.shown or "thấp hơn" }} <small>(thấp hơn)</small></td>{% elif c.state == "absent" %}<td class="absent" data-sort="1">không đề cập</td>{% elif c.state == "ok" %}<td class="yes" data-sort="2">✓{% if c.shown %} {{ c.shown }}{% endif %}</td>{% elif c.state == "not_applicable" %}<td class="unknown" data-sort="" title="không áp dụng với đơn vị này">—</td>{% else %}<td class="unknown" data-sort="">?</td>{% endif %}{% endfor %}
<td class="num">{{ "—" if r.plan.weaker_count is none else r.plan.weaker_count }}</td>
</tr>
{% endfor %}</tbody></table></div>
{% if targets %}<ol class="legend print-only" aria-hidden="true">{% for t in targets %}<li>CT{{ loop.index }}: {{ t.indicator }} (cấp trên: {{ show_target(t.parent) or "—" }})</li>{% endfor %}</ol>{% endif %}

<h2 id="h-thoi-han">Ngày ban hành so với thời hạn</h2>
{% if not deadline %}<p class="muted">Kế hoạch cấp trên không nêu thời hạn ban hành kế hoạch của cấp dưới (hoặc không có kế hoạch cấp trên).</p>{% endif %}
<div class="scroll"><table id="thoi-han" class="sortable">
<thead><tr><th>Cơ quan</th><th>Tệp</th><th>Ngày ban hành</th><th>Thời hạn</th><th>Chênh lệch (ngày)</th><th>Đánh giá</th></tr></thead>
<tbody>
{% for r in rows if r.counted %}<tr data-status="{{ r.plan_status }}">
<td>{{ r.name }}</td><td><code>{{ r.shown_path }}</code></td>
<td data-sort="{{ r.date or '' }}">{{ r.date | vn_date }}</td>
<td data-sort="{{ r.plan.deadline or '' }}">{{ r.plan.deadline | vn_date }}</td>
<td class="num">{{ "—" if r.plan.days_late is none else r.plan.days_late }}</td>
<td class="{{ 'late' if r.plan.on_time is sameas false else ('ontime' if r.plan.on_time else '') }}">{{ on_time_words(r) }}</td>
</tr>
{% endfor %}</tbody></table></div>

<h2 id="h-phat-hien">Chi tiết phát hiện theo tệp</h2>
<div class="tools"><input class="filter" data-table="phat-hien" type="search" placeholder="Lọc: tệp, quy tắc, nội dung…" aria-label="Lọc chi tiết">
<select class="filter" data-table="phat-hien" aria-label="Lọc theo mức độ"><option value="">Mọi mức độ</option><option value="error">Lỗi</option><option value="warning">Cảnh báo</option><option value="info">Thông tin</option></select>
<span class="count muted" data-table="phat-hien"></span></div>
<div class="scroll"><table id="phat-hien" class="sortable">
<thead><tr><th>Tệp</th><th>Cơ quan</th><th>Mức độ</th><th>Quy tắc</th><th>Nội dung</th><th>Căn cứ</th><th>Vị trí</th></tr></thead>
<tbody>
{% for f in findings %}<tr data-tags="{{ f.severity }}">
<td><code>{{ f.path }}</code></td><td>{{ f.name }}</td>
<td class="sev-{{ f.severity }}" data-sort="{{ f.rank }}">{{ severity_words[f.severity] }}</td>
<td><code>{{ f.rule }}</code></td><td>{{ f.message }}</td><td>{{ f.source or "" }}</td>
<td data-sort="{{ f.line if f.line is not none else '' }}">{{ f.where }}</td>
</tr>
{% endfor %}</tbody></table></div>
{% if not findings %}<p class="muted">Không có phát hiện nào.</p>{% endif %}

{% if others %}
<h2 id="h-khong-phai-ke-hoach">Tệp không phải kế hoạch</h2>
<p class="muted">Các tệp này không được tính là kế hoạch; phát hiện về thể thức của chúng không cộng vào số lỗi của các kế hoạch.</p>
<div class="scroll"><table id="khong-phai-ke-hoach" class="sortable">
<thead><tr><th>Tệp</th><th>Cơ quan</th><th>Văn bản</th><th>Phát hiện về thể thức (không tính)</th></tr></thead>
<tbody>{% for r in others %}<tr><td><code>{{ r.shown_path }}</code></td><td>{{ r.agency or "—" }}</td><td>{{ r.status_reason or r.status_words }}</td><td class="num">{{ r.errors + r.warnings + r.infos }}</td></tr>
{% endfor %}</tbody></table></div>
{% endif %}

{% if skipped %}
<h2 id="bo-qua">Tệp bị bỏ qua</h2>
<div class="scroll"><table id="bo-qua-bang" class="sortable">
<thead><tr><th>Tệp</th><th>Lý do</th></tr></thead>
<tbody>{% for x in skipped %}<tr><td><code>{{ x.path }}</code></td><td>{{ x.reason }}</td></tr>
{% endfor %}</tbody></table></div>
{% endif %}
<p class="muted" style="margin-top:2rem">Lập bởi vbhc audit. Mỗi phát hiện ghi mã quy tắc và căn cứ (Nghị định 30/2020/NĐ-CP hoặc mục của kế hoạch cấp trên).</p>
<script>{{ js | safe }}</script>
</body>
</html>
"""


def _tags(r: AuditRow) -> dict[str, str]:
    """The filter tags of a row's lines in the three tables (see the <select> filters)."""
    plan = r.plan
    tags = [STATUS_TAGS[r.plan_status]] if r.plan_status in STATUS_TAGS else []
    if r.status == "error":
        tags += ["loi", "khong-doc-duoc"]
    elif r.plan_status == "unreadable":  # read, but nothing in it to judge (a scan without text)
        tags.append("khong-doc-duoc")
    elif r.errors:
        tags.append("loi")
    if plan.on_time is False:
        tags.append("tre-han")
    if plan.areas_missing:
        tags.append("thieu-linh-vuc")
    if plan.weaker:
        tags.append("chi-tieu-thap")
    if r.status == "ok":
        tags.append("dat")
    missing = plan.areas_missing or []
    area_tags = (["thieu-linh-vuc"] if missing else []) + [f"thieu-{a}" for a in missing]
    target_tags = (["chi-tieu-thap"] if plan.weaker else []) + (["khong-de-cap"] if plan.not_addressed else [])
    return {"tags": " ".join(tags), "area_tags": " ".join(area_tags), "target_tags": " ".join(target_tags)}


# The <select> filter's value for each plan_status (the unreadable ones are "khong-doc-duoc" already).
STATUS_TAGS = {"incomplete": "chua-hoan-thien", "not_a_plan": "khong-phai-ke-hoach", "duplicate": "ban-trung"}
# How the "Tình trạng" column sorts: what needs the officer's attention first.
STATUS_RANK = {"unreadable": 0, "incomplete": 1, "duplicate": 2, "not_a_plan": 3, "ok": 4}


def render_html(result: dict[str, Any], rows: list[AuditRow] | None = None) -> str:
    """The page; `rows`: the result's rows as `audit_result` made them, where the caller has them."""
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=False)
    env.filters["vn_date"] = display
    rows, targets = report_rows(result, rows)
    view = result.get("profile") or {}
    summary = result["summary"]
    return env.from_string(TEMPLATE).render(
        result=result, root=shown(result.get("root", "")), s=summary, rows=rows,
        tags={r.path: _tags(r) for r in rows}, targets=targets, findings=finding_rows(result, rows),
        others=[r for r in rows if r.plan_status == "not_a_plan"], not_counted=sum(1 for r in rows if not r.counted),
        agencies=agency_rows(result), missing=[shown(m) for m in summary.get("missing_agencies") or []],
        unlisted=[{"path": shown(x["path"]), "issuer": shown(x["issuer"]) if x.get("issuer") else None}
                  for x in summary.get("not_on_list") or []],
        counts=summary.get("agency_counts") or {"expected": None}, statuses=summary.get("plan_status") or {},
        plan_status_words=PLAN_STATUS_WORDS, status_rank=STATUS_RANK,
        areas=[{"id": shown(a["id"]), "title": shown(a.get("title") or a["id"])} for a in view.get("areas", [])],
        deadline=view.get("deadline"), plan_rules=result.get("plan_rules", []),
        parent_label=parent_label(result.get("profile")),
        skipped=[{"path": shown(x["path"]), "reason": shown(x["reason"])} for x in result.get("skipped", [])],
        css=CSS, js=JS, status_words=STATUS_WORDS, severity_words=SEVERITY_WORDS, on_time_words=on_time_words,
        show_target=show_target, unknown=TargetCell("unknown"), unknown_area=UNKNOWN_AREA)


def write_html(result: dict[str, Any], path: str | os.PathLike[str], rows: list[AuditRow] | None = None) -> None:
    write_atomic(path, render_html(result, rows))
