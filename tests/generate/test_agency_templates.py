"""An agency's own templates: a folder searched before the built-in ones, whose templates are listed
beside them, override them by name, may extend one with fixed values (its Nơi nhận, its signer), and
get the same validation and messages."""

from __future__ import annotations

import textwrap

import pytest

from vbhc.check import ConfigError, load_config
from vbhc.errors import InputError
from vbhc.generate.template import (
    BadTemplate,
    DataError,
    TemplateNotFound,
    find_template,
    list_templates,
    render,
)

# The worked example of the README: Sở Nội vụ always signs and sends its letters the same way.
SO_NOI_VU = textwrap.dedent("""\
    {#-
    description: Công văn của Sở Nội vụ tỉnh Nghệ An (người ký và nơi nhận cố định)
    extends: cong-van
    defaults:
      parent_issuer: ỦY BAN NHÂN DÂN TỈNH NGHỆ AN
      issuer: SỞ NỘI VỤ
      abbr: SNV
      place: Nghệ An
      signer:
        authority: KT.
        positions: [GIÁM ĐỐC, PHÓ GIÁM ĐỐC]
        name: Trần Thị Bình
      recipients:
        - Giám đốc Sở (để b/c)
        - Các phòng, đơn vị thuộc Sở
      luu: VT, VP
    -#}
    """)
LETTER = {"unit": "CCHC", "number": 215, "date": "2026-03-16", "title": "đôn đốc báo cáo cải cách hành chính quý I",
          "kinh_gui": ["Các sở, ban, ngành cấp tỉnh", "Ủy ban nhân dân các xã, phường"],
          "paragraphs": ["Đề nghị các cơ quan, đơn vị gửi báo cáo quý I trước ngày 20/3/2026."]}


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "mau-snv"
    path.mkdir()
    (path / "cong-van.yaml.j2").write_text(SO_NOI_VU, encoding="utf-8")
    return path


def test_the_agency_template_overrides_the_built_in_one(folder):
    info = find_template("cong-van", [folder])
    assert info.agency and info.overrides and info.path.parent == folder
    assert info.parent is not None and info.parent.name == "cong-van"
    assert not find_template("cong-van").agency  # without the folder, the built-in one
    docs = render("cong-van", LETTER, [folder])
    doc = docs[0]
    assert (doc.issuer, doc.parent_issuer, doc.symbol, doc.place) == (
        "SỞ NỘI VỤ", "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "SNV-CCHC", "Nghệ An")
    assert doc.signature.signer == "Trần Thị Bình" and doc.signature.authority == "KT."
    assert doc.recipients == ["Như trên;", "Giám đốc Sở (để b/c);", "Các phòng, đơn vị thuộc Sở;"]
    assert doc.storage == "Lưu: VT, VP."


def test_the_data_still_changes_what_it_gives(folder):
    docs = render("cong-van", {**LETTER, "signer": {"name": "Nguyễn Viết Hưng", "authority": None,
                                                    "positions": ["GIÁM ĐỐC"]}}, [folder])
    sig = docs[0].signature
    assert (sig.signer, sig.positions) == ("Nguyễn Viết Hưng", ["GIÁM ĐỐC"])


def test_listed_beside_the_built_in_ones(folder):
    (folder / "giay-di-duong.yaml.j2").write_text(textwrap.dedent("""\
        {#-
        description: Giấy đi đường của Sở (mẫu riêng của cơ quan)
        doc_type: Giấy giới thiệu
        extends: giay-gioi-thieu
        -#}
        """), encoding="utf-8")
    found = {t.name: t for t in list_templates([folder])}
    assert found["cong-van"].agency and found["cong-van"].overrides
    assert found["giay-di-duong"].agency and not found["giay-di-duong"].overrides
    assert not found["ke-hoach"].agency and "quyet-dinh-truc-tiep" in found
    assert list(found) == sorted(found)


def test_same_validation_and_messages(folder):
    with pytest.raises(DataError) as err:
        render("cong-van", {"date": "30/02/2026"}, [folder])
    message = err.value.message
    for field in ("unit", "title", "kinh_gui", "paragraphs", "date"):
        assert f"`{field}`" in message, field
    for given in ("issuer", "abbr", "signer", "luu", "place"):  # the template's defaults give them
        assert f"`{given}`" not in message, given
    assert find_template("cong-van", [folder]).required == ["unit", "date", "title", "kinh_gui", "paragraphs"]


def test_a_template_that_extends_in_jinja(tmp_path):
    (tmp_path / "thong-bao.yaml.j2").write_text(textwrap.dedent("""\
        {#-
        description: Thông báo của phường (mẫu riêng)
        defaults:
          issuer: ỦY BAN NHÂN DÂN PHƯỜNG TRƯỜNG VINH
        -#}
        {% extends "vbhc/thong-bao.yaml.j2" %}
        """), encoding="utf-8")
    info = find_template("thong-bao", [tmp_path])
    assert info.overrides and info.doc_type == "Thông báo" and "issuer" not in info.required
    from vbhc.generate.template import TEMPLATE_DIR, load_data

    data = load_data(TEMPLATE_DIR / "thong-bao.example.yaml")
    del data["issuer"]
    assert render("thong-bao", data, [tmp_path])[0].issuer == "ỦY BAN NHÂN DÂN PHƯỜNG TRƯỜNG VINH"


@pytest.mark.parametrize(("text", "words"), [
    ("{#-\ndescription: [không đóng\n-#}\n", "không đúng cú pháp YAML"),
    ("{#-\nextends: khong-co\n-#}\n", "không có mẫu có sẵn nào tên đó"),
    ("{#-\n- một\n- danh sách\n-#}\n", "phải là các trường"),
])
def test_a_broken_agency_template_is_named(tmp_path, text, words):
    (tmp_path / "hong.yaml.j2").write_text(text, encoding="utf-8")
    with pytest.raises(BadTemplate) as err:
        find_template("hong", [tmp_path])
    assert words in err.value.message and "hong.yaml.j2" in err.value.message


def test_unknown_names_list_the_agency_templates_too(folder):
    with pytest.raises(TemplateNotFound) as err:
        find_template("khong-co", [folder])
    assert "cong-van" in err.value.message and "giay-moi" in err.value.message


def test_a_folder_that_is_not_there(tmp_path):
    with pytest.raises(InputError, match="không có thư mục mẫu"):
        list_templates([tmp_path / "khong-co"])


def test_the_config_names_the_folder(tmp_path, folder):
    config = tmp_path / "vbhc.toml"
    config.write_text('[templates]\ndir = "mau-snv"\n', encoding="utf-8")
    assert load_config(config).templates_dir == str(folder)
    config.write_text('[templates]\ndir = 3\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[templates\] dir"):
        load_config(config)
    config.write_text('[rules]\ndisable = ["ND30.Trang.SoTrangDau"]\n', encoding="utf-8")
    assert load_config(config).templates_dir is None
