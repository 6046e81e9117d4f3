"""A profile as YAML for people (commented, stable order) and as JSON; read back with checks.

The YAML is written by hand (not yaml.dump) so that every item carries a comment saying where
in the parent plan it came from, and the order is the plan's order. Strings are written as
JSON strings, which YAML reads as double-quoted scalars. Reading is strict about structure and
lenient about how an officer types a value ("95%", "≥"), and every error names the field.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import zlib
from typing import Any

from vbhc import dates, limits
from vbhc.errors import InputError
from vbhc.fileio import read_utf8, write_atomic
from vbhc.profile import ownyaml
from vbhc.profile.areas import AREA_IDS, AREA_TITLES
from vbhc.profile.keys import KEY_VERSION, indicator_key
from vbhc.profile.lexicon import ELEMENT_IDS, ELEMENT_NAMES
from vbhc.profile.model import OPS, Area, Element, Parent, Profile, Reporting, Target, section_label
from vbhc.quantities import plain

FORMAT_VERSION = 1


def profile_dict(profile: Profile) -> dict[str, Any]:
    """The JSON form (contract/profile.schema.json), with a few extra keys."""
    p = profile.parent
    return {
        "version": FORMAT_VERSION,
        "source": profile.source,
        "parent": {"number": p.number, "symbol": p.symbol, "date": p.date, "issuer": p.issuer,
                   "doc_type": p.doc_type, "title": p.title, "cite": p.cite()},
        "areas": [{"id": a.id, "title": a.title, "node": a.node, "line": a.line, "name": a.name,
                   "name_source": a.name_source} for a in profile.areas],
        "targets": [{"indicator": t.indicator, "key": t.key, "key_hash": key_hash(t.indicator), "op": t.op,
                     "value": plain(t.value), "unit": t.unit, "baseline": t.baseline, "text": t.text,
                     "node": t.node, "line": t.line}
                    for t in profile.targets],
        "deadline": profile.deadline,
        "deadline_source": {"text": profile.deadline_text, "node": profile.deadline_node,
                            "line": profile.deadline_line},
        "required_elements": profile.element_ids,
        "element_sources": {e.id: {"text": e.text, "node": e.node, "line": e.line} for e in profile.required_elements},
        "reporting": ({"text": profile.reporting.text, "node": profile.reporting.node,
                       "line": profile.reporting.line} if profile.reporting else None),
        "task_section": profile.task_section,
    }


def _q(value: Any) -> str:
    """A YAML scalar: JSON strings/numbers/null are valid YAML."""
    return json.dumps(plain(value) if isinstance(value, float) else value, ensure_ascii=False)


def _where(node: str | None, line: int | None) -> str:
    label = section_label(node)
    bits = [f"mục {label}" if label else None, f"node {node}" if node else None,
            f"dòng {line}" if line else None]
    return ", ".join(b for b in bits if b) or "không rõ vị trí"


def to_yaml(profile: Profile) -> str:
    p = profile.parent
    out = [
        "# Hồ sơ kế hoạch cấp trên (vbhc profile): những gì mọi kế hoạch cấp dưới phải đáp ứng.",
        f"# Trích từ: {profile.source or '(không rõ)'}",
        "# Có thể sửa tay (nâng chỉ tiêu, bỏ lĩnh vực, sửa hạn) rồi dùng: vbhc check … --profile tệp.yaml",
        "# op: >= (từ … trở lên), > (trên), = (đạt), <= (không quá), < (dưới), reduce_by (giảm …%),",
        "#     increase (tăng, không có số), improve (cải thiện, không có số).",
        "# key (để so khớp chỉ tiêu) được giữ khi indicator chưa bị sửa (key_hash); sửa indicator thì key",
        "# được tính lại khi đọc: sửa indicator là đủ, không cần sửa key.",
        f"version: {FORMAT_VERSION}",
        f"source: {_q(profile.source)}",
        "",
        "# Văn bản mà kế hoạch cấp dưới phải trích dẫn",
        "parent:",
        f"  doc_type: {_q(p.doc_type)}",
        f"  number: {_q(p.number)}",
        f"  symbol: {_q(p.symbol)}",
        f"  date: {_q(p.date)}",
        f"  issuer: {_q(p.issuer)}",
        f"  title: {_q(p.title)}",
        "",
    ]
    if profile.deadline_text:
        out.append(f"# Hạn ban hành kế hoạch cấp dưới ({_where(profile.deadline_node, profile.deadline_line)}):")
        out.append(f"#   {profile.deadline_text}")
    out.append("# Ban hành trong hoặc trước ngày này là đúng hạn; sau ngày này là chậm (KH005).")
    out.append(f"deadline: {_q(profile.deadline)}")
    out.append(f"deadline_source: {{node: {_q(profile.deadline_node)}, line: {_q(profile.deadline_line)}, "
               f"text: {_q(profile.deadline_text)}}}")
    out.append("")
    out.append(f"# Các lĩnh vực cải cách phải có (KH001); mã: {', '.join(AREA_IDS)}")
    out.append(f"task_section: {_q(profile.task_section)}")
    out.append("areas:" if profile.areas else "areas: []")
    for a in profile.areas:
        out.append(f"  - id: {a.id}  # {_where(a.node, a.line)}")
        out.append(f"    title: {_q(a.title)}")
        if a.name:
            out.append(f"    name: {_q(a.name)}  # tên đã nhận ra, theo {a.name_source}")
        out.append(f"    node: {_q(a.node)}")
        out.append(f"    line: {_q(a.line)}")
    out.append("")
    out.append("# Các chỉ tiêu định lượng (KH002: không được thấp hơn; KH003: phải có)")
    out.append("targets:" if profile.targets else "targets: []")
    for t in profile.targets:
        out.append(f"  - indicator: {_q(t.indicator)}  # {_where(t.node, t.line)}: {t.show()}")
        out.append(f"    op: {_q(t.op)}")
        out.append(f"    value: {_q(t.value)}")
        out.append(f"    unit: {_q(t.unit)}")
        if t.baseline:
            out.append(f"    baseline: {_q(t.baseline)}")
        out.append(f"    key: {_q(t.key)}")
        out.append(f"    key_hash: {_q(key_hash(t.indicator))}")
        out.append(f"    node: {_q(t.node)}")
        out.append(f"    line: {_q(t.line)}")
        out.append(f"    text: {_q(t.text)}")
    out.append("")
    out.append(f"# Các nội dung bắt buộc của kế hoạch cấp dưới (KH004); mã: {', '.join(ELEMENT_IDS)}")
    out.append("required_elements:" if profile.required_elements else "required_elements: []")
    for e in profile.required_elements:
        where = f"{_where(e.node, e.line)}" if e.node else "mặc định (kế hoạch cấp trên không nêu)"
        out.append(f"  - {e.id}  # {ELEMENT_NAMES[e.id]}; {where}")
    out.append("element_sources:" if profile.required_elements else "element_sources: {}")
    for e in profile.required_elements:
        out.append(f"  {e.id}: {{node: {_q(e.node)}, line: {_q(e.line)}, text: {_q(e.text)}}}")
    out.append("")
    out.append("# Chế độ báo cáo")
    if profile.reporting:
        r = profile.reporting
        out.append(f"reporting: {{node: {_q(r.node)}, line: {_q(r.line)}, text: {_q(r.text)}}}")
    else:
        out.append("reporting: null")
    return "\n".join(out) + "\n"


def write_profile(profile: Profile, path: str | os.PathLike[str], fmt: str = "yaml") -> None:
    text = to_yaml(profile) if fmt == "yaml" else json.dumps(profile_dict(profile), ensure_ascii=False,
                                                              indent=2) + "\n"
    write_atomic(path, text)


# --- reading -----------------------------------------------------------------------------------

_OP_ALIASES = {"≥": ">=", "=>": ">=", "≤": "<=", "=<": "<=", "==": "=", "giảm": "reduce_by", "reduce": "reduce_by",
               "tăng": "increase", "cải thiện": "improve"}


class _Bad(Exception):
    pass


def _str(data: Any, field: str, *, required: bool = False) -> str | None:
    if data is None:
        if required:
            raise _Bad(f"{field}: thiếu giá trị")
        return None
    if isinstance(data, bool) or isinstance(data, (dict, list)):
        raise _Bad(f"{field}: phải là một chuỗi chữ, không phải {type(data).__name__}")
    text = str(data).strip()
    if required and not text:
        raise _Bad(f"{field}: không được để trống")
    return text or None


def _date(data: Any, field: str) -> str | None:
    if data is None or data == "":
        return None
    text = data if isinstance(data, dt.date) else str(data).strip()
    found = dates.parse(text) or (dates.find(text) if isinstance(text, str) else None)
    if found:
        return found
    raise _Bad(f"{field}: '{text}' không phải ngày hợp lệ (viết dạng 2025-07-31 hoặc 31/7/2025)")


def _int(data: Any, field: str) -> int | None:
    if data is None:
        return None
    if isinstance(data, bool) or not isinstance(data, int):
        raise _Bad(f"{field}: phải là số nguyên")
    return data


def _value(data: Any, field: str) -> float | None:
    if data is None or data == "":
        return None
    if isinstance(data, bool):
        raise _Bad(f"{field}: phải là một số")
    if isinstance(data, (int, float)):
        return float(data)
    text = str(data).strip().rstrip("%").strip().replace(",", ".")
    try:
        return float(text)
    except ValueError:
        raise _Bad(f"{field}: '{data}' không phải là số (ví dụ: 95)") from None


def _mapping(data: Any, field: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _Bad(f"{field}: phải là một nhóm khóa: giá trị")
    return data


def _list(data: Any, field: str) -> list[Any]:
    if data is None:
        return []
    if not isinstance(data, list):
        raise _Bad(f"{field}: phải là một danh sách (mỗi mục bắt đầu bằng '- ')")
    return data


def _where_map(data: Any, field: str) -> tuple[str | None, int | None, str | None]:
    if data is None:
        return None, None, None
    m = _mapping(data, field)
    return _str(m.get("node"), f"{field}.node"), _int(m.get("line"), f"{field}.line"), _str(m.get("text"),
                                                                                                f"{field}.text")


def _known_source(name: Any) -> str | None:
    """Where a known area name comes from (the YAML keeps the name; its source is vbhc's own data)."""
    from vbhc.profile.areas import AREA_NAMES

    return next((n.source for n in AREA_NAMES if n.name == name), None)


def _parent(data: Any) -> Parent:
    pd = _mapping(data, "parent")
    # no number: a draft parent, not issued yet (sub-plans cannot be asked to cite it: no KH006)
    return Parent(number=_str(pd.get("number"), "parent.number"),
                  symbol=_str(pd.get("symbol"), "parent.symbol", required=True),
                  date=_date(pd.get("date"), "parent.date"), issuer=_str(pd.get("issuer"), "parent.issuer"),
                  doc_type=_str(pd.get("doc_type"), "parent.doc_type"), title=_str(pd.get("title"), "parent.title"))


def _area(a: Any, field: str) -> Area:
    a = _mapping({"id": a} if isinstance(a, str) else a, field)
    area_id = _str(a.get("id"), f"{field}.id", required=True)
    if area_id not in AREA_IDS:
        raise _Bad(f"{field}.id: '{area_id}' không phải mã lĩnh vực hợp lệ ({', '.join(AREA_IDS)})")
    return Area(id=area_id, title=_str(a.get("title"), f"{field}.title") or AREA_TITLES[area_id],
                node=_str(a.get("node"), f"{field}.node"), line=_int(a.get("line"), f"{field}.line"),
                name=_str(a.get("name"), f"{field}.name"), name_source=_known_source(a.get("name")))


def _op_value_unit(t: dict[str, Any], field: str) -> tuple[str, float | None, str | None]:
    op_raw = _str(t.get("op"), f"{field}.op", required=True) or ""
    op = _OP_ALIASES.get(op_raw, op_raw)
    if op not in OPS:
        raise _Bad(f"{field}.op: '{op_raw}' không hợp lệ; dùng một trong: {', '.join(OPS)}")
    value = _value(t.get("value"), f"{field}.value")
    if op in ("increase", "improve"):
        if value is not None:
            raise _Bad(f"{field}.value: chỉ tiêu '{op}' không có số; để trống (null) hoặc đổi op")
    elif value is None:
        raise _Bad(f"{field}.value: chỉ tiêu '{op}' cần một con số")
    unit = _str(t.get("unit"), f"{field}.unit")
    if unit is None and value is not None and isinstance(t.get("value"), str) and "%" in t["value"]:
        unit = "%"
    return op, value, unit


def key_hash(indicator: str) -> str:
    """What a stored key was computed from (the indicator, and the key's own version): a hand edit of the
    indicator makes the key be computed again; an untouched one is trusted (no word segmenter to load).
    Two zlib checksums, 16 hex digits: what they guard against is an edit, not an adversary, and
    `hashlib` would load OpenSSL (2.5 ms of every check against a saved profile)."""
    data = f"{KEY_VERSION}\0{indicator}".encode()
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _sha1_key_hash(indicator: str) -> str:
    """key_hash as profiles saved before December 2026 wrote it (12 hex digits of SHA-1)."""
    import hashlib

    return hashlib.sha1(f"{KEY_VERSION}\0{indicator}".encode()).hexdigest()[:12]


def _key(t: dict[str, Any], indicator: str, field: str) -> str:
    stored = _str(t.get("key"), f"{field}.key")
    written = t.get("key_hash")
    if stored and isinstance(written, str) and written in (
            key_hash(indicator), _sha1_key_hash(indicator) if len(written) == 12 else None):
        return stored
    return indicator_key(indicator)


def _target(t: Any, field: str) -> Target:
    t = _mapping(t, field)
    indicator = _str(t.get("indicator"), f"{field}.indicator", required=True) or ""
    op, value, unit = _op_value_unit(t, field)
    return Target(indicator=indicator, op=op, value=value, unit=unit,
                  text=_str(t.get("text"), f"{field}.text") or indicator,
                  key=_key(t, indicator, field), node=_str(t.get("node"), f"{field}.node"),
                  line=_int(t.get("line"), f"{field}.line"), baseline=_str(t.get("baseline"), f"{field}.baseline"))


def _elements(root: dict[str, Any]) -> list[Element]:
    sources = _mapping(root.get("element_sources") or {}, "element_sources")
    elements = []
    for i, e in enumerate(_list(root["required_elements"], "required_elements")):
        field = f"required_elements[{i}]"
        element_id = _str(e, field, required=True)
        if element_id not in ELEMENT_IDS:
            raise _Bad(f"{field}: '{element_id}' không phải mã nội dung hợp lệ ({', '.join(ELEMENT_IDS)})")
        node, line, text = _where_map(sources.get(element_id), f"element_sources.{element_id}")
        elements.append(Element(id=element_id, text=text, node=node, line=line))
    return elements


def profile_from_data(data: Any) -> Profile:
    """Build and validate a Profile from parsed YAML/JSON; raises _Bad naming the field."""
    root = _mapping(data, "tệp hồ sơ")
    for required in ("parent", "areas", "targets", "required_elements"):
        if required not in root:
            raise _Bad(f"{required}: thiếu mục bắt buộc")
    areas = [_area(a, f"areas[{i}]") for i, a in enumerate(_list(root["areas"], "areas"))]
    targets = [_target(t, f"targets[{i}]") for i, t in enumerate(_list(root["targets"], "targets"))]
    d_node, d_line, d_text = _where_map(root.get("deadline_source"), "deadline_source")
    r_node, r_line, r_text = _where_map(root.get("reporting"), "reporting")
    return Profile(parent=_parent(root["parent"]), areas=areas, targets=targets,
                   deadline=_date(root.get("deadline"), "deadline"), deadline_text=d_text, deadline_node=d_node,
                   deadline_line=d_line, required_elements=_elements(root),
                   reporting=Reporting(text=r_text, node=r_node, line=r_line) if r_text else None,
                   task_section=_str(root.get("task_section"), "task_section"),
                   source=_str(root.get("source"), "source"))


def read_profile(path: str | os.PathLike[str]) -> Profile:
    """A saved profile (YAML or JSON), validated; InputError with a Vietnamese reason otherwise."""
    name = str(path)
    text = read_utf8(path, limits.MAX_YAML_BYTES, "tệp hồ sơ")
    data = ownyaml.loads(text)  # the YAML vbhc wrote, read without PyYAML
    if data is None:
        from vbhc import yamlsafe

        data = yamlsafe.loads(text, name, "tệp hồ sơ")
    try:
        return profile_from_data(data)
    except _Bad as exc:
        raise InputError(name, f"hồ sơ không hợp lệ: {exc}") from None
