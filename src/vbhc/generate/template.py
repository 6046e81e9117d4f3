"""Templates: data a clerk knows (YAML) → Jinja2 → a document spec (YAML) → Documents.

A template (`<name>.yaml.j2`, in `vbhc/templates/`, in an agency's own template folder, or any path
a user brings) renders YAML that describes one or more documents: header fields, the body as nodes
(kinds, headings, texts), the signature and recipients. vbhc then derives what the decree fixes: labels and numbers
("Điều 1.", "I.", "1.", "a)") written as literal text, the symbol from the type and the agency's
abbreviation, the "(Kèm theo …)" line, recipients' punctuation, the "Lưu:" line, "./." at the end.

An agency's folder (`--templates DIR`, or `[templates] dir` in vbhc.toml) is searched before the
built-in templates: a template of the same name overrides the built-in one. Its header may say
`extends: cong-van` and give `defaults:` (the agency's fixed Nơi nhận, signer, name): it then takes
the built-in template's fields and text, and the data fills in only what changes.

Every template is rendered in Jinja2's sandbox with autoescaping on: a value can never reach
Python internals nor break out of the YAML it is written into (values are written with the
`q` filter as quoted scalars; what autoescaping leaves is undone after YAML is read).
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex as re
import yaml
from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    Undefined,
    UndefinedError,
)
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup, escape

from vbhc import dates, ids, limits, nd30, rx
from vbhc.errors import InputError, VbhcError, debugging
from vbhc.model import Document, Node, Signature
from vbhc.numbering import point_letter, roman
from vbhc.writers.form import recipient_items, storage_line, symbol_for

TEMPLATE_DIR = Path(__file__).parent.parent / "templates"
SUFFIX = ".yaml.j2"
BUILTIN_PREFIX = "vbhc/"  # `{% extends "vbhc/cong-van.yaml.j2" %}` names the built-in template
_META = rx.compile(r"^\s*\{#-?\s*\n?(?P<meta>.*?)-?#\}", re.S)
_EXTENDS = rx.compile(r"\{%-?\s*extends\s+[\"']" + BUILTIN_PREFIX + r"(?P<name>[\w.-]+?)" + re.escape(SUFFIX)
                      + r"[\"']")

# What each data field is, in the clerk's words: used in every message about missing data.
FIELD_LABELS = {
    "issuer": "tên cơ quan ban hành",
    "parent_issuer": "tên cơ quan chủ quản",
    "abbr": "chữ viết tắt tên cơ quan (ví dụ UBND, SNV)",
    "unit": "chữ viết tắt đơn vị soạn thảo hoặc lĩnh vực (ký hiệu công văn)",
    "number": "số văn bản",
    "date": "ngày ban hành",
    "place": "địa danh",
    "title": "trích yếu nội dung",
    "enacting_authority": "thẩm quyền ban hành (ví dụ ỦY BAN NHÂN DÂN XÃ …)",
    "can_cu": "các căn cứ ban hành",
    "proposal": "dòng \"Theo đề nghị của …\"",
    "articles": "các điều",
    "executors": "những người, đơn vị chịu trách nhiệm thi hành",
    "attached": "văn bản ban hành kèm theo",
    "attached.doc_type": "tên loại văn bản kèm theo (ví dụ Kế hoạch)",
    "attached.title": "trích yếu văn bản kèm theo",
    "attached.sections": "các mục của văn bản kèm theo",
    "sections": "các mục (I., II., …)",
    "paragraphs": "nội dung",
    "kinh_gui": "nơi nhận \"Kính gửi\"",
    "signer": "người ký",
    "signer.name": "họ tên người ký",
    "signer.positions": "chức vụ người ký",
    "recipients": "nơi nhận",
    "luu": "đơn vị soạn thảo lưu văn bản (dòng \"Lưu: VT, …\")",
    "copies": "số bản lưu",
    "intro": "đoạn mở đầu",
    "outro": "đoạn kết",
    "phu_luc": "các phụ lục kèm theo (mỗi phụ lục: title, items)",
    "kem_theo": "văn bản có phụ lục này (doc_type, number, symbol, date, issuer)",
    "items": "nội dung",
    "article_1": "nội dung Điều 1 (nếu khác câu “Ban hành kèm theo Quyết định này …”)",
}
TYPE_WORDS = {
    "text": "một dòng chữ", "list": "một danh sách", "date": "một ngày có thật (25/07/2025 hoặc 2025-07-25)",
    "number": "một số", "mapping": "một nhóm trường", "signer": "một nhóm trường (name, position)",
    "attached": "một nhóm trường (doc_type, title, sections)", "items": "một danh sách",
    "appendices": "một danh sách phụ lục, mỗi phụ lục một nhóm trường (title, items)",
    "document": "một nhóm trường (doc_type, number, symbol, date, issuer)",
    "doc_type": "tên một loại văn bản hành chính của Nghị định 30/2020 (Điều 7), ví dụ Chỉ thị, Quy định",
    "item": "một dòng chữ, hoặc một nhóm trường (text, items)",
}
DATE_WORDS = ("một ngày có thật (25/07/2025 hoặc 2025-07-25), hoặc tháng và năm (tháng 7 năm 2025), năm (năm "
              "2025) khi để văn thư điền ngày")
TYPE_WORDS["date"] = DATE_WORDS


class DataError(VbhcError):
    """Data that cannot make a document: every problem, for one message."""

    def __init__(self, problems: list[str], source: str = ""):
        self.problems = problems
        self.source = source
        where = f"{source}: " if source else ""
        super().__init__(where + "dữ liệu chưa đủ để soạn văn bản: " + "; ".join(problems) + ".")


class TemplateNotFound(VbhcError):
    """A template name that is neither built in nor in the agency's template folder."""


class BadTemplate(VbhcError):
    """A template file whose header vbhc cannot read (the `{# … #}` block is not YAML, an unknown parent)."""


@dataclass
class TemplateInfo:
    name: str
    path: Path
    description: str
    doc_type: str | None
    fields: dict[str, str]
    example: Path | None
    labels: dict[str, str] = field(default_factory=dict)  # the template's own words for its fields
    defaults: dict[str, Any] = field(default_factory=dict)  # values used where the data leaves a field out
    agency: bool = False  # from an agency's template folder (or a path), not built in
    overrides: bool = False  # an agency's template that takes the place of the built-in one of its name
    parent: TemplateInfo | None = None  # the built-in template it extends

    @property
    def required(self) -> list[str]:
        return [k for k, v in self.fields.items() if not v.endswith("?") and _blank(self.defaults.get(k))]

    def text(self) -> str:
        """The Jinja2 text to render: its own, or its parent's when it only sets a header."""
        own = self.path.read_text(encoding="utf-8")
        if self.parent is not None and not _META.sub("", own, count=1).strip():
            return self.parent.text()
        return own

    def with_defaults(self, data: dict[str, Any]) -> dict[str, Any]:
        """The data over the template's defaults; a group of fields (signer) is merged key by key."""
        out = dict(self.defaults)
        for key, value in data.items():
            if _blank(value) and key in out:
                continue
            if isinstance(value, dict) and isinstance(out.get(key), dict):
                value = {**out[key], **{k: v for k, v in value.items() if not _blank(v)}}
            out[key] = value
        return out


# --- finding templates ---------------------------------------------------------------------

def _meta(text: str, name: str = "") -> dict[str, Any]:
    """The YAML header of a template (`{#- description: … fields: … -#}`); {} when it has none."""
    from vbhc import yamlsafe

    m = _META.match(text)
    if not m:
        return {}
    try:
        meta = yamlsafe.loads(m.group("meta"), name or "mẫu", "phần đầu {# … #} của mẫu")
    except InputError as exc:
        raise BadTemplate(exc.message) from None
    if meta is not None and not isinstance(meta, dict):
        raise BadTemplate(f"{name or 'mẫu'}: phần đầu {{# … #}} của mẫu phải là các trường (khóa: giá trị)")
    return meta or {}


def _strings(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def template_info(path: Path, agency: bool = False) -> TemplateInfo:
    from vbhc.fileio import read_bounded

    text = read_bounded(path, limits.MAX_YAML_BYTES, "tệp mẫu").decode("utf-8", errors="replace")
    meta = _meta(text, str(path))
    name = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.stem
    example = path.with_name(f"{name}.example.yaml")
    parent_name = meta.get("extends") or (m["name"] if (m := _EXTENDS.search(text)) else None)
    parent = None
    if parent_name:
        builtin = TEMPLATE_DIR / f"{parent_name}{SUFFIX}"
        if not builtin.is_file() or builtin.resolve() == path.resolve():
            raise BadTemplate(f"{path}: mẫu mở rộng \"{parent_name}\", nhưng không có mẫu có sẵn nào tên đó "
                              f"(các mẫu có sẵn: {', '.join(t.name for t in _builtins())})")
        parent = template_info(builtin)
    fields = {**(parent.fields if parent else {}), **_strings(meta.get("fields"))}
    defaults: dict[str, Any] = meta["defaults"] if isinstance(meta.get("defaults"), dict) else {}
    return TemplateInfo(
        name=name, path=path, description=str(meta.get("description") or (parent.description if parent else "")),
        doc_type=meta.get("doc_type") or (parent.doc_type if parent else None), fields=fields,
        example=example if example.exists() else None,
        labels={**(parent.labels if parent else {}), **_strings(meta.get("labels"))},
        defaults=dict(defaults), agency=agency, parent=parent,
    )


def _builtins() -> list[TemplateInfo]:
    return [template_info(p) for p in sorted(TEMPLATE_DIR.glob(f"*{SUFFIX}")) if not p.name.startswith("_")]


def template_folder(folder: str | Path) -> Path:
    """An agency's template folder, checked: InputError when it is not a folder one can read."""
    path = Path(folder)
    if not path.is_dir():
        raise InputError(str(folder), "không có thư mục mẫu này (--templates hoặc [templates] dir trong vbhc.toml)")
    return path


def _agency(folders: Sequence[str | Path]) -> dict[str, TemplateInfo]:
    """The agency's templates by name; the first folder that has a name wins."""
    found: dict[str, TemplateInfo] = {}
    for folder in folders:
        for p in sorted(template_folder(folder).glob(f"*{SUFFIX}")):
            if not p.name.startswith("_") and p.is_file():
                found.setdefault(p.name[: -len(SUFFIX)], template_info(p, agency=True))
    return found


def list_templates(folders: Sequence[str | Path] = ()) -> list[TemplateInfo]:
    """The built-in templates and an agency's own, by name; an agency's takes the place of a built-in one."""
    out = {t.name: t for t in _builtins()}
    for name, info in _agency(folders).items():
        info.overrides = name in out
        out[name] = info
    return [out[k] for k in sorted(out)]


def find_template(name_or_path: str, folders: Sequence[str | Path] = ()) -> TemplateInfo:
    """A template by name (the agency's folders first, then the built-in ones), or by path."""
    if "/" not in name_or_path and "\\" not in name_or_path:
        agency = _agency(folders)
        if name_or_path in agency:
            info = agency[name_or_path]
            info.overrides = (TEMPLATE_DIR / f"{name_or_path}{SUFFIX}").is_file()
            return info
        builtin = TEMPLATE_DIR / f"{name_or_path}{SUFFIX}"
        if builtin.is_file():
            return template_info(builtin)
    path = Path(name_or_path)
    if path.is_file():
        return template_info(path, agency=True)
    names = ", ".join(t.name for t in list_templates(folders))
    raise TemplateNotFound(f"không có mẫu \"{name_or_path}\" (các mẫu có: {names}; "
                           f"hoặc đưa đường dẫn tới một tệp mẫu .yaml.j2)")


# --- data ------------------------------------------------------------------------------------

def load_data(path: str | Path) -> dict[str, Any]:
    """The clerk's data file (YAML or JSON); never modified."""
    from vbhc import yamlsafe

    p = Path(path)
    data = yamlsafe.load(p, "tệp dữ liệu")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DataError(["tệp dữ liệu phải là một nhóm trường (khóa: giá trị)"], str(p))
    return data


def _label(key: str, labels: dict[str, str] | None = None) -> str:
    words = (labels or {}).get(key) or FIELD_LABELS.get(key)
    return f"`{key}` ({words})" if words else f"`{key}`"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, list | dict) and not value)


def _is_text(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


# Whether a value has the type a template field asks for.
TYPE_CHECKS: dict[str, Callable[[Any], bool]] = {
    "text": _is_text,
    "number": lambda v: (isinstance(v, int) and not isinstance(v, bool))
    or (isinstance(v, str) and v.strip().isdigit()),
    "date": lambda v: (dates.parse(v) or dates.parse_partial(v)) is not None if isinstance(v, str | dt.date) else False,
    "list": lambda v: isinstance(v, list),
    "items": lambda v: isinstance(v, list),
    "mapping": lambda v: isinstance(v, dict),
    "signer": lambda v: isinstance(v, dict),
    "attached": lambda v: isinstance(v, dict),
    "appendices": lambda v: isinstance(v, list) and all(isinstance(x, dict) for x in v),
    "doc_type": lambda v: isinstance(v, str) and v.strip() in nd30.DOC_TYPES,
    "item": lambda v: _is_text(v) or isinstance(v, dict),
    "document": lambda v: isinstance(v, dict),
}


def _signer_problems(value: dict[str, Any]) -> Iterator[str]:
    if _blank(value.get("name")):
        yield f"thiếu {_label('signer.name')}"
    if _blank(value.get("positions")) and _blank(value.get("position")):
        yield f"thiếu {_label('signer.positions')}"
    auth = value.get("authority")
    if auth and str(auth).strip() not in nd30.AUTHORITIES:
        yield f"`signer.authority` phải là một trong {', '.join(nd30.AUTHORITIES)}"


def _attached_problems(value: dict[str, Any]) -> Iterator[str]:
    for sub in ("doc_type", "title"):
        if _blank(value.get(sub)):
            yield f"thiếu {_label('attached.' + sub)}"
    if _blank(value.get("sections")) and _blank(value.get("chapters")):
        yield f"thiếu {_label('attached.sections')} (hoặc `attached.chapters`: các chương, điều)"
    if value.get("doc_type") and value["doc_type"] not in (*nd30.DOC_TYPES, *nd30.ISSUED_TYPES):
        yield f"`attached.doc_type` \"{value['doc_type']}\" không phải tên loại văn bản theo Nghị định 30/2020"


def _appendix_problems(value: list[dict[str, Any]]) -> Iterator[str]:
    for i, appendix in enumerate(value):
        for sub in ("title", "items"):
            if _blank(appendix.get(sub)):
                yield f"phụ lục thứ {i + 1} của `phu_luc` thiếu `{sub}` ({APPENDIX_WORDS[sub]})"


def _document_problems(key: str, value: dict[str, Any]) -> Iterator[str]:
    for sub in ("doc_type", "issuer"):
        if _blank(value.get(sub)):
            yield f"thiếu `{key}.{sub}` ({FIELD_LABELS['attached.doc_type' if sub == 'doc_type' else 'issuer']})"
    if _blank(value.get("symbol")) and _blank(value.get("abbr")):
        yield f"thiếu `{key}.symbol` (ký hiệu văn bản, ví dụ KH-SNV) hoặc `{key}.abbr`"
    when = value.get("date")
    if not _blank(when) and not TYPE_CHECKS["date"](when):
        yield f"`{key}.date` phải là {DATE_WORDS}"


APPENDIX_WORDS = {"title": "tên phụ lục", "items": "nội dung phụ lục"}

# What is checked inside a value of each kind, once its type is right.
INNER_CHECKS: dict[str, Callable[[str, Any], Iterator[str]]] = {
    "signer": lambda key, v: _signer_problems(v),
    "attached": lambda key, v: _attached_problems(v),
    "appendices": lambda key, v: _appendix_problems(v),
    "document": _document_problems,
    "list": lambda key, v: (f"mục {i + 1} của {_label(key)} phải là một dòng chữ"
                            for i, item in enumerate(v) if not _is_text(item)),
}


def _check_type(key: str, value: Any, kind: str, problems: list[str], labels: dict[str, str] | None = None) -> None:
    if not TYPE_CHECKS.get(kind, lambda v: True)(value):
        words = TYPE_WORDS.get(kind, kind)
        if kind == "date" and isinstance(value, str):
            words += f" (“{value}” không phải một ngày có thật)"
        problems.append(f"{_label(key, labels)} phải là {words}")
    elif kind in INNER_CHECKS:
        problems.extend(INNER_CHECKS[kind](key, value))


def validate(info: TemplateInfo, data: dict[str, Any]) -> None:
    """Every missing or ill-typed field, in one DataError (the data already over the defaults)."""
    problems: list[str] = []
    for key, spec in info.fields.items():
        optional = spec.endswith("?")
        kind = spec.rstrip("?")
        value = data.get(key)
        if _blank(value):
            if not optional:
                problems.append(f"thiếu {_label(key, info.labels)}")
            continue
        _check_type(key, value, kind, problems, info.labels)
    if problems:
        raise DataError(problems)


# --- rendering -------------------------------------------------------------------------------

def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return str(escape(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _escaped(v) for k, v in value.items()}
    return value


def _q(value: Any) -> Markup:
    """A value as a YAML scalar (JSON is YAML): quotes, colons and newlines cannot break out."""
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    if value is None:
        return Markup("null")
    if hasattr(value, "__html__") and not isinstance(value, str):
        value = str(value)
    return Markup(json.dumps(_escaped(value), ensure_ascii=False))


HEADED_KINDS = ("part", "chapter", "section")


def _sub_items(item: dict[str, Any], key: str) -> list[Any]:
    """An item's `items` (or a table's rows): a list, or nothing; anything else is the clerk's slip,
    said in the clerk's words ("items: yes" under a heading)."""
    value = item.get(key)
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return value
    head = str(item.get("heading") or item.get("text") or "")[:60]
    where = f"mục “{head}”" if head else "một mục"
    what = "bảng (mỗi hàng một danh sách ô)" if key == "table" else "danh sách các dòng bên dưới"
    shown = {True: "yes", False: "no"}.get(value, str(value)[:40]) if isinstance(value, bool) else str(value)[:40]
    raise DataError([f"{where}: “{key}” phải là {what}, không phải “{shown}”"])


def _convert(item: Any, depth: int, kinds: tuple[str, ...]) -> dict[str, Any]:
    """One clerk item (a string, or {heading, text, items, table, paragraph}) as a body node."""
    kind = kinds[min(depth, len(kinds) - 1)] if kinds else "paragraph"
    if isinstance(item, str) and kind in HEADED_KINDS:
        kind = "paragraph"  # a Phần, Chương or Mục is its heading; a line of text at that level is a paragraph
    if isinstance(item, dict) and len(item) == 1 and next(iter(item.values())) is None:
        # YAML reads an unquoted line ending in ":" ("… như sau:") as a key: it is a line of text
        item = f"{next(iter(item))}:"
    if isinstance(item, dict):
        if "paragraph" in item:
            return {"kind": "paragraph", "text": str(item["paragraph"]), **({"align": item["align"]}
                                                                             if item.get("align") else {})}
        if "table" in item:
            rows = _sub_items(item, "table")
            return {"kind": "table", "rows": [[str(c) for c in (row if isinstance(row, list) else [row])]
                                              for row in rows]}
        node: dict[str, Any] = {"kind": item.get("kind", kind)}
        for key in ("heading", "text", "label", "align"):
            if item.get(key) not in (None, ""):
                node[key] = str(item[key])
        node["children"] = [_convert(c, depth + 1, kinds) for c in _sub_items(item, "items")]
        return node
    return {"kind": kind, "text": str(item)}


def _node(item: Any, *kinds: str) -> Markup:
    """One clerk item as a body node (a JSON mapping, which YAML reads)."""
    return Markup(json.dumps(_escaped(_convert(item, 0, kinds)), ensure_ascii=False))


def _lcfirst(text: Any) -> str:
    text = str(text)
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _nodes(items: Any, *kinds: str) -> Markup:
    """Clerk items as body nodes, kind by depth: ("section", "clause", "point", "bullet")."""
    if items is None:
        items = []
    if not isinstance(items, list):
        items = [items]
    return Markup(json.dumps(_escaped([_convert(i, 0, kinds) for i in items]), ensure_ascii=False))


def _with_first(recipients: Any, first: Any) -> list[Any]:
    """The recipients a template puts first ("Như trên", "Như Điều 3"), unless the clerk's list already
    has them (a document read back with `--from` keeps its own order)."""
    recipients = list(recipients or [])
    have = [_recipient_key(r) for r in recipients]
    lead = [f for f in first or [] if not any(h == _recipient_key(f) or (h.startswith("như điều")
                                                                          and _recipient_key(f).startswith("như điều"))
                                              for h in have)]
    return lead + recipients


def _recipient_key(item: Any) -> str:
    return " ".join(str(item).strip().lstrip("-–+• ").rstrip(" ;.,").split()).casefold()


def _listed(items: Any) -> list[str]:
    """A list as the decree punctuates one (Kính gửi, the receivers of a Công điện): each item ends ";", the
    last "." (PL I, mục II.9.d)."""
    texts = [str(i).strip().lstrip("-–+• ").rstrip(" ;.,") for i in items or [] if str(i).strip()]
    return [t + ("." if i == len(texts) - 1 else ";") for i, t in enumerate(texts)]


def _cited(value: Any) -> str:
    """A date inside a sentence: "30/4/2026" (the leading zeros of PL I, mục II.4.b)."""
    iso = dates.parse(str(value)) or dates.parse_partial(str(value)) if value else None
    return dates.cited(iso) if iso else str(value or dates.BLANK)


def _words(value: Any) -> str:
    """A date in words: "ngày 12 tháng 3 năm 2026"."""
    iso = dates.parse(str(value)) or dates.parse_partial(str(value)) if value else None
    return dates.words(iso)


def _in_text(name: Any) -> str:
    from vbhc.writers.docx import agency_in_text

    return agency_in_text(str(name or ""))


def environment(folder: Path) -> SandboxedEnvironment:
    builtin = FileSystemLoader(str(TEMPLATE_DIR))
    env = SandboxedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(str(folder)), PrefixLoader({BUILTIN_PREFIX.rstrip("/"): builtin}),
                             builtin]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["q"] = _q
    env.filters["nodes"] = _nodes
    env.filters["node"] = _node
    env.filters["lcfirst"] = _lcfirst
    env.filters["with_first"] = _with_first
    env.filters["roman"] = roman
    env.filters["listed"] = _listed
    env.filters["cited"] = _cited
    env.filters["words"] = _words
    env.filters["in_text"] = _in_text
    return env


def _unescape(value: Any) -> Any:
    if isinstance(value, str):
        return html.unescape(value)
    if isinstance(value, list):
        return [_unescape(v) for v in value]
    if isinstance(value, dict):
        return {k: _unescape(v) for k, v in value.items()}
    return value


def context(info: TemplateInfo, data: dict[str, Any]) -> dict[str, Any]:
    """The data plus what vbhc derives: the symbol, ISO dates, the signer, the storage line."""
    ctx = dict(data)
    for key, spec in info.fields.items():  # optional fields the data leaves out are empty, not undefined
        if _blank(ctx.get(key)):
            ctx[key] = [] if spec.rstrip("?") in ("list", "items", "appendices") else None
    for key, value in list(ctx.items()):
        if isinstance(value, dt.date):
            ctx[key] = value.isoformat()
        elif info.fields.get(key, "").rstrip("?") == "date" and isinstance(value, str):
            # "25/07/2025" as officers write it → ISO; "tháng 7 năm 2025" (the day left blank) → "2025-07"
            ctx[key] = dates.parse(value) or dates.parse_partial(value) or value
    doc_type = info.doc_type or data.get("doc_type") or ""
    if not ctx.get("symbol") and data.get("abbr"):
        ctx["symbol"] = symbol_for(doc_type, str(data["abbr"]).strip(), data.get("unit"))
    ctx.setdefault("symbol", None)
    ctx["number"] = str(data["number"]).strip() if data.get("number") not in (None, "") else None
    ctx["storage"] = storage_line(data.get("luu"), data.get("copies")) if data.get("luu") else None
    ctx.setdefault("parent_issuer", None)
    ctx["doc_type"] = doc_type
    for key in ("can_cu", "recipients", "kinh_gui", "sections", "articles", "paragraphs", "phu_luc", "intro",
                "outro"):
        ctx.setdefault(key, [])
    return ctx


def _detail(exc: Exception) -> str:
    """What Python said, for whoever wrote the template (VBHC_DEBUG=1); officers get the sentence."""
    return f" [{type(exc).__name__}: {exc}]" if debugging() else ""


def render_spec(info: TemplateInfo, data: dict[str, Any]) -> dict[str, Any]:
    """Validate the data (over the template's defaults), render the template, read the YAML it renders."""
    data = info.with_defaults(data)
    validate(info, data)
    env = environment(info.path.parent)
    try:
        template = env.from_string(info.text())
        text = template.render(**context(info, data))
    except UndefinedError as exc:
        raise DataError([f"mẫu cần một trường chưa có trong dữ liệu ({exc.message})"]) from None
    except SecurityError:
        raise DataError([f"mẫu {info.path.name} làm một việc không được phép trong hộp cát (đọc hoặc gọi phần "
                         "bên trong của Python); mẫu chỉ được dùng dữ liệu và các bộ lọc của vbhc"]) from None
    except (TemplateError, TypeError, ValueError, AttributeError) as exc:
        raise DataError([f"mẫu {info.path.name} không dùng được dữ liệu này (có trường không đúng kiểu mẫu cần: "
                         f"một danh sách, một nhóm trường hay một dòng chữ){_detail(exc)}"]) from None
    try:
        spec = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" ở dòng {mark.line + 1}" if mark is not None else ""
        raise DataError([f"mẫu {info.path.name} không cho ra YAML hợp lệ{where}"]) from None
    spec = _unescape(spec)
    if not isinstance(spec, dict) or not isinstance(spec.get("documents"), list) or not spec["documents"]:
        raise DataError([f"mẫu {info.path.name} phải cho ra \"documents:\" với ít nhất một văn bản"])
    return spec


# --- spec → Documents ------------------------------------------------------------------------

KINDS = set(ids.PREFIX)


class _Numberer:
    """Labels and numbers as literal text; article numbers run through the whole document."""

    def __init__(self) -> None:
        self.article = 0

    def nodes(self, specs: list[Any], parent: Node | None, problems: list[str]) -> list[Node]:
        out: list[Node] = []
        counts: dict[str, int] = {}
        taken = ids.Siblings()
        for spec in specs:
            spec = {"kind": "paragraph", "text": spec} if isinstance(spec, str) else spec
            kind = spec.get("kind", "paragraph") if isinstance(spec, dict) else None
            if kind not in KINDS:
                problems.append(f"loại nút \"{kind}\" không có (chỉ có: {', '.join(sorted(KINDS))})" if kind
                                else f"nút thân văn bản không hợp lệ: {spec!r}"[:120])
                continue
            counts[kind] = counts.get(kind, 0) + 1
            node = Node(kind=kind, heading=_s(spec.get("heading")), text=_s(spec.get("text")),
                        align=spec.get("align") if spec.get("align") in ALIGNS else None)
            if node.heading and kind in ("part", "chapter", "section"):
                node.heading = node.heading.upper()  # PL I, mục II.6.đ and V.6.b: titles in capitals
            if kind == "table":
                node.rows = [[str(c) for c in row] for row in spec.get("rows") or []]
            else:
                self.number(node, counts[kind], parent, _s(spec.get("label")))
            ids.assign(node, parent, taken)
            out.append(node)
            node.children = self.nodes(spec.get("children") or [], node, problems)
        return out

    def number(self, node: Node, n: int, parent: Node | None, label: str | None) -> None:
        """The n-th node of its kind among its siblings gets its number and printed label."""
        if node.kind == "article":
            self.article += 1
            node.number, node.label = str(self.article), label or f"Điều {self.article}."
            return
        if node.kind in ("part", "chapter", "section"):
            node.number = roman(n)
        elif node.kind == "clause":
            node.number = f"{parent.number}.{n}" if parent is not None and parent.kind == "clause" else str(n)
        elif node.kind == "point":
            node.number = point_letter(n)
        nested = parent is not None and parent.kind == "bullet"
        node.label = label or LABELS.get(node.kind, "").format(n=node.number, mark="+" if nested else "-") or None


ALIGNS = ("center", "right", "left")  # a paragraph the form centres ("… điện:", "… trân trọng giới thiệu:")

# How each kind prints its label by default (PL I, mục II.6.đ; bullets "-" then "+").
LABELS = {"part": "Phần {n}", "chapter": "Chương {n}", "section": "{n}.", "clause": "{n}.", "point": "{n})",
          "bullet": "{mark}"}


def _s(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _signature(spec: Any) -> Signature | None:
    if not isinstance(spec, dict):
        return None
    positions = spec.get("positions") or spec.get("position") or []
    if not isinstance(positions, list):  # one position, as text or a number a data file gave
        positions = [positions]
    auth = _s(spec.get("authority"))
    on_behalf = _s(spec.get("on_behalf_of"))
    if auth == "TM." and not on_behalf and positions:
        on_behalf, positions = str(positions[0]), list(positions[1:])
    return Signature(
        authority=auth,
        positions=[str(p).strip().upper() for p in positions],
        signer=_s(spec.get("name") or spec.get("signer")),
        on_behalf_of=on_behalf.upper() if on_behalf else None,
    )


def _close(nodes: list[Node]) -> None:
    """The last sentence of the content ends "./." (PL III, the templates' "./.")."""
    last = None
    for node in nodes:
        for n in node.walk():
            if n.kind != "table" and (n.text or n.heading):
                last = n
    if last is None:
        return
    attr = "text" if last.text else "heading"
    text = getattr(last, attr).rstrip()
    if text.endswith("./."):
        return
    text = text.rstrip(".;,: ") + "./."
    setattr(last, attr, text)


def _document(d: dict[str, Any], problems: list[str]) -> Document:
    """One document of a rendered spec, its header fields as the decree writes them."""
    doc = Document(
        doc_type=_s(d.get("doc_type")), number=_s(d.get("number")), symbol=_s(d.get("symbol")),
        issuer=_s(d.get("issuer")), parent_issuer=_s(d.get("parent_issuer")), place=_s(d.get("place")),
        date=_s(d.get("date")), title=_s(d.get("title")), enacting_authority=_s(d.get("enacting_authority")),
        enacting=_s(d.get("enacting")),
        can_cu=[str(x).strip() for x in d.get("can_cu") or [] if str(x).strip()],
        kinh_gui=_listed(d.get("kinh_gui")),
        recipients=recipient_items([str(x) for x in d.get("recipients") or []]),
        storage=_s(d.get("storage")),
        signature=_signature(d.get("signature")),
        co_signatures=[sig for x in d.get("co_signatures") or [] if (sig := _signature(x)) is not None],
    )
    # len first: int() of 5,000 digits raises (Python's limit); zfill(2) changes only one digit anyway
    if doc.number and len(doc.number) < 3 and doc.number.isdigit() and int(doc.number) < 10 and not d.get("appendix"):
        doc.number = doc.number.zfill(2)
    doc.date = _iso_date(doc.date, problems)
    if d.get("appendix"):
        _appendix(doc)
    elif doc.doc_type:
        doc.type_line = doc.doc_type.upper() if doc.doc_type != "Công văn" else None
    if doc.can_cu:
        doc.can_cu = _can_cu_punctuation(doc.can_cu)
    doc.body = _Numberer().nodes(_flatten(d.get("body") or []), None, problems)
    _close(doc.body)
    return doc


def _iso_date(value: str | None, problems: list[str]) -> str | None:
    """A date as the model keeps it: ISO, or "2026-03" / "2026" when the văn thư fills in the day."""
    if not value:
        return None
    iso = dates.parse(value) or dates.parse_partial(value)
    if iso is None:
        problems.append(f"ngày \"{value}\" không phải một ngày có thật (viết 05/02/2026 hoặc 2026-02-05)")
    return iso


def _appendix(doc: Document) -> None:
    """A Phụ lục: "Phụ lục II" in lower case, its name in capitals (PL I, mục III.1.b; PL III, Mẫu 2.1)."""
    doc.doc_type = "Phụ lục"
    doc.is_appendix = True
    doc.symbol = None
    doc.type_line = f"Phụ lục {doc.number}" if doc.number else "Phụ lục"
    if doc.title:
        doc.title = doc.title.upper()


def _of(d: dict[str, Any]) -> Document | None:
    """The document a stand-alone Phụ lục goes with, from the spec's `of:` group."""
    of = d.get("of")
    if not isinstance(of, dict):
        return None
    doc_type, when = _s(of.get("doc_type")) or "", str(of.get("date") or "")
    symbol = _s(of.get("symbol")) or (symbol_for(doc_type, str(of["abbr"]), _s(of.get("unit"))) if of.get("abbr")
                                      else None)
    return Document(doc_type=doc_type or None, number=_s(of.get("number")), symbol=symbol,
                    date=dates.parse(when) or dates.parse_partial(when), issuer=_s(of.get("issuer")))


def spec_documents(spec: dict[str, Any]) -> list[Document]:
    from vbhc.writers.docx import kem_theo_line

    docs: list[Document] = []
    problems: list[str] = []
    for i, d in enumerate(spec["documents"]):
        if not isinstance(d, dict):
            problems.append(f"văn bản thứ {i + 1} của mẫu không phải một nhóm trường")
            continue
        doc = _document(d, problems)
        main = _of(d) or (docs[0] if docs else None)
        if (d.get("attached") or d.get("appendix")) and main is not None:
            doc.attached_to = _s(d.get("attached_to")) or kem_theo_line(main)
        if (d.get("attached") or d.get("appendix")) and docs:
            doc.attached = True
            doc.issuer = doc.issuer or docs[0].issuer
            if not doc.is_appendix:  # a Phụ lục prints no header (PL III, Mẫu 2.1)
                doc.parent_issuer = doc.parent_issuer or docs[0].parent_issuer
        docs.append(doc)
    if problems:
        raise DataError(problems)
    return docs


def _flatten(items: Any) -> list[Any]:
    """A body may be written as several lists (fixed nodes, then the clerk's): one list."""
    if not isinstance(items, list):
        return [items]
    out: list[Any] = []
    for item in items:
        out.extend(_flatten(item) if isinstance(item, list) else [item])
    return out


def _can_cu_punctuation(lines: list[str]) -> list[str]:
    """Each căn cứ ends ";", the last "." (PL I, mục II.6.a)."""
    out = []
    for i, line in enumerate(lines):
        body = line.rstrip(" ;.,")
        out.append(body + ("." if i == len(lines) - 1 else ";"))
    return out


def render(template: str, data: dict[str, Any], folders: Sequence[str | Path] = ()) -> list[Document]:
    """The Documents a template makes from data; DataError lists every problem."""
    info = find_template(template, folders)
    return spec_documents(render_spec(info, data))
