"""`vbhc new TEMPLATE --interactive`: ask on the terminal for every field the data lacks.

Each question names the field in the clerk's words (`template.FIELD_LABELS`, or a template's own
`labels:` in its header) and says what kind of answer is wanted. Lists are typed one item a line,
an empty line ends them. Only required fields are asked for; optional ones stay as the data has
them. What is typed goes through the same validation as a data file.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from vbhc import dates
from vbhc.generate.template import FIELD_LABELS, TemplateInfo, _blank
from vbhc.nd30 import AUTHORITIES

LIST_HINT = "mỗi dòng một mục, để trống rồi Enter để kết thúc"


def _label(info: TemplateInfo, key: str, labels: dict[str, str]) -> str:
    words = labels.get(key) or FIELD_LABELS.get(key) or key
    return f"{words[:1].upper()}{words[1:]} ({key})"


def _date(value: str) -> str:
    found = dates.parse(value)
    if found is None:
        raise click.BadParameter("cần một ngày có thật, dạng 05/02/2026 hoặc 2026-02-05") from None
    return found


def _number(value: str) -> str:
    text = str(value).strip()
    if not text.isdigit():
        raise click.BadParameter("cần một số, ví dụ 12")
    return text


def _text(value: str) -> str:
    if not str(value).strip():
        raise click.BadParameter("không được để trống")
    return str(value).strip()


def ask_text(label: str, kind: str = "text") -> str:
    if kind == "date":
        return click.prompt(f"{label} (ngày/tháng/năm)", default=dates.display(dt.date.today().isoformat()),
                            value_proc=_date)
    if kind == "number":
        return click.prompt(f"{label} [số]", value_proc=_number)
    return click.prompt(label, value_proc=_text)


def ask_list(label: str) -> list[str]:
    click.echo(f"{label}: {LIST_HINT}.", err=True)
    items: list[str] = []
    while True:
        line = click.prompt("  -", default="", show_default=False, prompt_suffix=" ").strip()
        if line:
            items.append(line)
        elif items:
            return items
        else:
            click.echo("  Cần ít nhất một mục.", err=True)


def _ask_signer(value: Any, info: TemplateInfo, labels: dict[str, str]) -> dict[str, Any]:
    """The signer's name and positions; "KT. CHỦ TỊCH" typed as the first position gives the authority."""
    signer = dict(value) if isinstance(value, dict) else {}
    if _blank(signer.get("name")):
        signer["name"] = ask_text(_label(info, "signer.name", labels))
    if not (_blank(signer.get("positions")) and _blank(signer.get("position"))):
        return signer
    signer["positions"] = ask_list(_label(info, "signer.positions", labels) +
                                   ", ví dụ KT. CHỦ TỊCH rồi PHÓ CHỦ TỊCH: dòng đầu là thẩm quyền")
    first = signer["positions"][0].split(" ", 1)
    if len(first) == 2 and first[0].upper() in AUTHORITIES:
        signer["authority"] = first[0].upper()
        if first[0].upper() == "TM.":
            signer["on_behalf_of"] = first[1]
            signer["positions"] = signer["positions"][1:] or [first[1]]
        else:
            signer["positions"][0] = first[1]
    return signer


def _ask_attached(value: Any, key: str, info: TemplateInfo, labels: dict[str, str]) -> dict[str, Any]:
    attached = dict(value) if isinstance(value, dict) else {}
    for sub, sub_kind in (("doc_type", "text"), ("title", "text"), ("sections", "list")):
        if _blank(attached.get(sub)):
            sub_label = _label(info, f"{key}.{sub}", labels)
            attached[sub] = (ask_list(sub_label) if sub_kind == "list" else ask_text(sub_label))
    if attached.get("sections") and all(isinstance(s, str) for s in attached["sections"]):
        attached["sections"] = [{"heading": s} if len(s.split()) <= 12 else s for s in attached["sections"]]
    return attached


# The parts of a "document" field (the document a Phụ lục goes with), in the clerk's words.
DOCUMENT_PARTS = (("doc_type", "tên loại văn bản (ví dụ Kế hoạch)", "text"),
                  ("symbol", "ký hiệu văn bản (ví dụ KH-SNV)", "text"),
                  ("date", "ngày ban hành", "date"), ("issuer", "tên cơ quan ban hành", "text"))


def _ask_document(value: Any, key: str) -> dict[str, Any]:
    document = dict(value) if isinstance(value, dict) else {}
    for sub, words, kind in DOCUMENT_PARTS:
        if _blank(document.get(sub)) and not (sub == "symbol" and not _blank(document.get("abbr"))):
            document[sub] = ask_text(f"{words[:1].upper()}{words[1:]} ({key}.{sub})", kind)
    return document


def ask_missing(info: TemplateInfo, data: dict[str, Any]) -> dict[str, Any]:
    """The data with every missing required field asked for (a new dict; `data` is untouched); what the
    template's defaults give (an agency's fixed signer, Nơi nhận) is not asked."""
    labels = info.labels
    out = info.with_defaults(data)
    if any(_blank(out.get(k)) for k in info.required):
        click.echo(f"Mẫu {info.name}: {info.description}. Nhập các trường còn thiếu.", err=True)
    for key, spec in info.fields.items():
        if spec.endswith("?"):
            continue
        kind = spec.rstrip("?")
        label = _label(info, key, labels)
        value = out.get(key)
        if kind == "signer":
            out[key] = _ask_signer(value, info, labels)
        elif kind == "attached":
            out[key] = _ask_attached(value, key, info, labels)
        elif kind == "document":
            out[key] = _ask_document(value, key)
        elif _blank(value):
            out[key] = ask_list(label) if kind in ("list", "items") else ask_text(label, kind)
    return out
