"""Templates: every example renders, parses back to its data field by field, and is checked clean."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from vbhc.generate.template import TEMPLATE_DIR, DataError, find_template, list_templates, load_data, render
from vbhc.parse import parse_file
from vbhc.writers.docx import write_docx
from vbhc.writers.form import storage_line, symbol_for

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["quyet-dinh", "ke-hoach", "cong-van", "bao-cao", "thong-bao"]
# Every form of Phụ lục III, Nghị định 30/2020: Mẫu 1.1–1.10 (1.4 in each of its names) and the Phụ lục (2.1).
FORMS = {
    "nghi-quyet": ("Mẫu 1.1", "Nghị quyết"), "quyet-dinh-truc-tiep": ("Mẫu 1.2", "Quyết định"),
    "quyet-dinh": ("Mẫu 1.3", "Quyết định"), "ke-hoach": ("Mẫu 1.4", "Kế hoạch"), "bao-cao": ("Mẫu 1.4", "Báo cáo"),
    "thong-bao": ("Mẫu 1.4", "Thông báo"), "to-trinh": ("Mẫu 1.4", "Tờ trình"),
    "chuong-trinh": ("Mẫu 1.4", "Chương trình"), "de-an": ("Mẫu 1.4", "Đề án"), "phuong-an": ("Mẫu 1.4", "Phương án"),
    "huong-dan": ("Mẫu 1.4", "Hướng dẫn"), "quy-che": ("Mẫu 1.4", "Quy chế"), "cong-van": ("Mẫu 1.5", "Công văn"),
    "cong-dien": ("Mẫu 1.6", "Công điện"), "giay-moi": ("Mẫu 1.7", "Giấy mời"),
    "giay-gioi-thieu": ("Mẫu 1.8", "Giấy giới thiệu"), "bien-ban": ("Mẫu 1.9", "Biên bản"),
    "giay-nghi-phep": ("Mẫu 1.10", "Giấy nghỉ phép"), "phu-luc": ("Mẫu 2.1", "Phụ lục"),
    "van-ban": ("Mẫu 1.4", None),  # any other type of Mẫu 1.4, named by the data (the example: a Chỉ thị)
}
ALL = sorted(FORMS)


def test_every_form_of_phu_luc_iii_ships_with_an_example():
    found = {t.name: t for t in list_templates()}
    assert set(ALL) <= set(found)
    for name, (form, doc_type) in FORMS.items():
        info = found[name]
        assert form in info.description, (name, info.description)
        assert info.doc_type == doc_type
        assert info.example is not None and not info.agency
        assert (ROOT / "templates" / f"{name}.example.yaml").exists()  # the repository's templates/ too


def test_templates_are_package_data():
    assert TEMPLATE_DIR.parent.name == "vbhc"
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "templates/*.j2" in text and "templates/*.yaml" in text


@pytest.fixture(scope="module", params=NAMES)
def drafted(request, tmp_path_factory):
    name = request.param
    data = load_data(TEMPLATE_DIR / f"{name}.example.yaml")
    docs = render(name, data)
    path = tmp_path_factory.mktemp(name) / f"{name}.docx"
    write_docx(docs, path)
    return name, data, docs, path


def _iso(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _texts(node_list):
    return [(n.kind, n.label, n.number, n.heading, n.text) for top in node_list for n in top.walk()
            if n.kind != "table"]


def test_example_parses_back_to_its_data(drafted):
    name, data, docs, path = drafted
    parsed = parse_file(path).documents
    assert len(parsed) == len(docs) == (2 if name == "quyet-dinh" else 1)
    main = parsed[0]
    info = find_template(name)
    assert main.doc_type == info.doc_type
    assert main.number == str(data["number"]).zfill(2)
    assert main.symbol == symbol_for(info.doc_type, data["abbr"], data.get("unit"))
    assert main.date == _iso(data["date"])
    assert main.place == data["place"]
    assert main.issuer == data["issuer"]
    assert main.parent_issuer == data.get("parent_issuer")
    if name == "quyet-dinh":
        assert main.title.startswith("Ban hành Kế hoạch")
        assert [n.label for n in main.body] == ["Điều 1.", "Điều 2.", "Điều 3."]
        assert main.recipients[0] == "Như Điều 3;"
        assert main.enacting == "QUYẾT ĐỊNH:"
        assert main.can_cu[-1].startswith("Theo đề nghị") and main.can_cu[-1].endswith(".")
        assert all(c.endswith(";") for c in main.can_cu[:-1])
        plan = parsed[1]
        assert plan.title == data["attached"]["title"]
        assert plan.attached_to.startswith("(Kèm theo Quyết định số 05/QĐ-UBND ngày 05/02/2026 của Ủy ban nhân dân xã")
        headings = [n.heading for n in plan.body if n.kind == "section"]
        assert headings == [s["heading"].upper() for s in data["attached"]["sections"]]
        assert [n.label for n in plan.body if n.kind == "section"] == ["I.", "II.", "III."]
        assert any(n.kind == "table" for n in plan.nodes())
    elif name == "cong-van":
        assert main.title == data["title"]
        assert main.recipients[0] == "Như trên;"
        assert [k.rstrip(";.") for k in main.kinh_gui] == data["kinh_gui"]
    else:
        assert main.title == data["title"]
    if "sections" in data and data["sections"]:
        assert [n.heading for n in main.body if n.kind == "section"] == [s["heading"].upper()
                                                                        for s in data["sections"]]
    sig = main.signature
    assert sig.signer == data["signer"]["name"]
    assert sig.positions == data["signer"]["positions"] or (
        sig.on_behalf_of == data["signer"]["on_behalf_of"])
    assert sig.authority == data["signer"].get("authority")
    assert sig.on_behalf_of == data["signer"].get("on_behalf_of")
    extra = {"quyet-dinh": 1, "cong-van": 1}.get(name, 0)
    assert [r.rstrip(";") for r in main.recipients[extra:]] == data["recipients"]
    assert main.storage == storage_line(data["luu"])
    for got, want in zip(parsed, docs, strict=True):
        assert _texts(got.body) == _texts(want.body)
        assert not got.problems


def test_last_content_ends_with_the_closing_mark(drafted):
    _, _, docs, _ = drafted
    for doc in docs:
        last = [n for top in doc.body for n in top.walk() if n.text or n.heading][-1]
        assert (last.text or last.heading).endswith("./.")


def test_example_passes_vbhc_check(drafted):
    from vbhc.check import check_file, load_config

    result = check_file(str(drafted[3]), load_config(None), None).as_dict()
    findings = [f for f in result["findings"] if f["severity"] in ("error", "warning")]
    assert result["status"] != "error" and findings == []


# --- data errors ---------------------------------------------------------------------------------

def test_missing_fields_are_all_named_in_one_error():
    with pytest.raises(DataError) as err:
        render("quyet-dinh", {"issuer": "ỦY BAN NHÂN DÂN XÃ A", "date": "2026-13-01", "signer": {"name": ""}})
    message = err.value.message
    for field in ("abbr", "place", "enacting_authority", "can_cu", "attached", "luu",
                  "signer.name", "signer.positions", "date"):
        assert f"`{field}`" in message, field
    assert "thiếu" in message and "\n" not in message


def test_ill_typed_fields_are_named():
    data = load_data(TEMPLATE_DIR / "ke-hoach.example.yaml")
    data["recipients"] = "Sở Nội vụ"
    data["number"] = "mười hai"
    data["signer"] = {"name": "A", "positions": ["GIÁM ĐỐC"], "authority": "XYZ"}
    with pytest.raises(DataError) as err:
        render("ke-hoach", data)
    for needle in ("`recipients`", "`number`", "`signer.authority`"):
        assert needle in err.value.message


def test_values_cannot_break_the_yaml_they_are_written_into():
    data = load_data(TEMPLATE_DIR / "thong-bao.example.yaml")
    tricky = 'Lịch "tiếp": công dân\n  injected: true & <b>đậm</b> &amp; {{ 7*7 }}'
    data["title"] = tricky
    docs = render("thong-bao", data)
    assert docs[0].title == tricky
    assert len(docs) == 1


def test_unknown_template():
    from vbhc.generate.template import TemplateNotFound

    with pytest.raises(TemplateNotFound):
        find_template("khong-co")


# --- user templates, in the sandbox ----------------------------------------------------------------

USER = """{#-
description: Mẫu của người dùng
doc_type: Thông báo
fields:
  issuer: text
-#}
documents:
  - doc_type: "Thông báo"
    issuer: {{ issuer | q }}
    title: PAYLOAD
    body: []
"""


LEAKS = re.compile(r"<class|<built-in|object at 0x|__globals__|uid=\d|subclasses", re.I)


@pytest.mark.parametrize("payload", [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ (issuer | attr('__class__')).__mro__ }}",
])
def test_sandbox_blocks_python_internals(tmp_path, payload):
    path = tmp_path / "mine.yaml.j2"
    path.write_text(USER.replace("PAYLOAD", payload), encoding="utf-8")
    try:
        docs = render(str(path), {"issuer": "SỞ A"})
    except DataError as exc:
        # refused by the sandbox, or the unsafe attribute read as undefined: never Python's internals
        assert "không được phép" in exc.message or "chưa có trong dữ liệu" in exc.message, exc.message
        assert not LEAKS.search(exc.message), exc.message
        return
    assert not LEAKS.search(docs[0].title or ""), docs[0].title


def test_user_template_renders(tmp_path):
    path = tmp_path / "mine.yaml.j2"
    path.write_text(USER.replace("PAYLOAD", "{{ ('Về ' ~ issuer) | q }}"), encoding="utf-8")
    docs = render(str(path), {"issuer": "SỞ A & B"})
    assert docs[0].title == "Về SỞ A & B" and docs[0].issuer == "SỞ A & B"
    with pytest.raises(DataError) as err:
        render(str(path), {})
    assert "`issuer`" in err.value.message


def test_user_template_output_is_autoescaped(tmp_path):
    path = tmp_path / "raw.yaml.j2"
    path.write_text(USER.replace("PAYLOAD", '"{{ issuer }}"'), encoding="utf-8")
    docs = render(str(path), {"issuer": 'A" & <B>'})
    assert docs[0].title == 'A" & <B>'  # escaped while rendering, so the quote did not end the string


def test_examples_are_plain_yaml():
    for name in ALL:
        assert isinstance(yaml.safe_load((TEMPLATE_DIR / f"{name}.example.yaml").read_text(encoding="utf-8")), dict)
