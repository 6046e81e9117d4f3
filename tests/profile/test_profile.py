"""The profile of the Nghệ An plan: identity, areas, every target, deadline, required elements."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from vbhc.errors import InputError
from vbhc.profile import from_parent, profile_dict, read_profile, to_yaml, write_profile
from vbhc.profile.targets import satisfies, targets_in_sentence

ROOT = Path(__file__).resolve().parents[2]
NGHE_AN = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
SCHEMA = json.loads((ROOT / "contract" / "profile.schema.json").read_text(encoding="utf-8"))
VBHC = [sys.executable, "-m", "vbhc"]

# Every quantified target of sections I and II, labelled by hand in the evaluation set's seed label file:
# (start of the indicator, op, value, node).
SEED_LABELS = ROOT / "corpus" / "eval" / "seed-nghe-an.labels.yaml"
NGHE_AN_TARGETS = [(t["indicator"], t["op"], t["value"], t["node"])
                   for t in yaml.safe_load(SEED_LABELS.read_text(encoding="utf-8"))["targets"]]


@pytest.fixture(scope="module")
def profile():
    return from_parent(NGHE_AN)


def test_parent_identity_is_the_decision(profile):
    p = profile.parent
    assert (p.number, p.symbol, p.date, p.doc_type) == ("2228", "QĐ-UBND", "2025-07-15", "Quyết định")
    assert p.issuer == "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    assert p.cite() == "2228/QĐ-UBND ngày 15/7/2025"


def test_six_areas_from_the_task_headings(profile):
    assert [a.id for a in profile.areas] == ["the_che", "tthc", "bo_may", "cong_vu", "tai_chinh_cong",
                                             "chinh_quyen_so"]
    assert [a.node for a in profile.areas] == [f"sec_II__cl_{i}" for i in range(1, 7)]
    assert profile.areas[0].title == "Cải cách thể chế" and profile.areas[0].line == 96


def test_deadline_and_required_elements(profile):
    assert profile.deadline == "2025-07-31"
    assert profile.deadline_node == "sec_IV__cl_1__pt_a"
    assert "31/7/2025" in profile.deadline_text
    assert profile.element_ids == ["responsibility", "timeline", "outputs", "resources", "reporting"]
    by_id = {e.id: e for e in profile.required_elements}
    assert by_id["responsibility"].node == "sec_IV__cl_1__pt_b"
    assert by_id["timeline"].node == "sec_IV__cl_1__pt_b"
    assert by_id["reporting"].node == "sec_IV__cl_1__pt_c"
    assert profile.reporting is not None and "Sở Nội vụ" in profile.reporting.text


def test_every_labelled_target_and_nothing_else(profile):
    got = [(t.indicator, t.op, t.value, t.node) for t in profile.targets]
    assert len(got) == len(NGHE_AN_TARGETS), got
    for (indicator, op, value, node), (start, want_op, want_value, want_node) in zip(got, NGHE_AN_TARGETS,
                                                                                     strict=True):
        assert indicator.startswith(start), (indicator, start)
        assert (op, value, node) == (want_op, want_value, want_node), indicator
    for t in profile.targets:
        assert t.key and t.text and t.line
        assert t.unit == ("%" if t.value is not None else None)
    cut = [t for t in profile.targets if t.op == "reduce_by"]
    assert all(t.baseline == "năm 2021" for t in cut)


def test_keys_expand_abbreviations_and_tone_marks(profile):
    by_start = {t.indicator[:20]: t.key for t in profile.targets}
    assert "thu_tuc" in by_start["Tỷ lệ hồ sơ TTHC ở c"] and "hanh_chinh" in by_start["Tỷ lệ hồ sơ TTHC ở c"]
    assert "quy_pham_phap_luat" in by_start["văn bản QPPL của tỉn"]
    assert "ty_le so hoa" in by_start["tỷ lệ số hoá đầy đủ "]  # hoá → hóa, folded


@pytest.mark.parametrize("sentence, expected", [
    ("Tỷ lệ hồ sơ đúng hạn đạt từ 95% trở lên.", [(">=", 95)]),
    ("Tỷ lệ hồ sơ đúng hạn không thấp hơn 96%.", [(">=", 96)]),
    ("Mức độ hài lòng tối thiểu 88%.", [(">=", 88)]),
    ("Mức độ hài lòng ít nhất 90%.", [(">=", 90)]),
    ("Mức độ hài lòng không dưới 80%.", [(">=", 80)]),
    ("Mức độ hài lòng đạt trên 87%.", [(">", 87)]),
    ("Tỷ lệ hồ sơ trễ hạn không quá 2%.", [("<=", 2)]),
    ("Tỷ lệ hồ sơ trễ hạn dưới 1,5%.", [("<", 1.5)]),
    ("Tỷ lệ văn bản đi được ký số đạt 100%.", [("=", 100)]),
    ("Tỷ lệ hồ sơ được số hóa đạt 96%.", [(">=", 96)]),
    ("100% hồ sơ chậm được xin lỗi người dân.", [("=", 100)]),
    ("Giảm 10% đơn vị sự nghiệp công lập và 10% biên chế so với năm 2021.", [("reduce_by", 10),
                                                                           ("reduce_by", 10)]),
    ("Tăng tỷ lệ thanh toán trực tuyến lên 30%.", [(">=", 30)]),
    ("Tăng tỷ lệ thanh toán trực tuyến trong giải quyết TTHC.", [("increase", None)]),
    ("Cải thiện Chỉ số PAR INDEX, Chỉ số SIPAS của tỉnh.", [("improve", None), ("improve", None)]),
    ("Kế hoạch thực hiện trong 6 tháng cuối năm 2025.", []),
    ("Thực hiện Nghị định 30/2020/NĐ-CP ngày 05/3/2020.", []),
])
def test_target_phrasings(sentence, expected):
    assert [(t.op, t.value) for t in targets_in_sentence(sentence)] == expected


def test_two_targets_in_one_sentence_get_their_own_indicators():
    a, b = targets_in_sentence("100% cơ quan sử dụng phần mềm quản lý văn bản và 100% văn bản đi được ký số.")
    assert a.indicator == "cơ quan sử dụng phần mềm quản lý văn bản"
    assert b.indicator == "văn bản đi được ký số"
    first, sub = targets_in_sentence("Mức độ hài lòng về giải quyết TTHC đạt trên 87%, trong đó lĩnh vực đất đai "
                                     "đạt trên 85%")
    assert first.indicator == "Mức độ hài lòng về giải quyết TTHC" and (first.op, first.value) == (">", 87)
    assert sub.indicator == "lĩnh vực đất đai" and (sub.op, sub.value) == (">", 85)


@pytest.mark.parametrize("parent, found, ok", [
    ((">=", 95), (">=", 97), True),
    ((">=", 95), (">=", 95), True),
    ((">=", 95), (">=", 90), False),
    ((">=", 95), ("=", 100), True),
    ((">=", 95), (">", 94), False),
    ((">=", 95), (">", 95), True),
    ((">", 87), (">", 86), False),
    ((">", 87), (">", 87), True),
    ((">", 87), (">=", 87), False),
    ((">", 87), (">=", 88), True),
    ((">", 87), ("=", 100), True),
    (("=", 100), ("=", 100), True),
    (("=", 100), (">=", 95), False),
    (("<=", 2), ("<", 2), True),
    (("<=", 2), ("<=", 3), False),
    (("<", 2), ("<=", 2), False),
    (("<", 2), (">=", 1), False),
    (("reduce_by", 10), ("reduce_by", 12), True),
    (("reduce_by", 10), ("reduce_by", 8), False),
    (("reduce_by", 10), (">=", 10), False),
    (("increase", None), ("increase", None), True),
    (("increase", None), (">=", 30), True),
    (("improve", None), ("improve", None), True),
    ((">=", 60), ("increase", None), False),
])
def test_comparator(parent, found, ok):
    assert satisfies(parent[0], parent[1], found[0], found[1]) is ok


def test_yaml_is_commented_stable_and_round_trips(profile, tmp_path):
    text = to_yaml(profile)
    assert text == to_yaml(from_parent(NGHE_AN))
    assert "# mục I.3, node sec_I__cl_3, dòng 83: ≥ 95%" in text
    assert "- id: the_che  # mục II.1" in text
    path = tmp_path / "nghe-an.yaml"
    write_profile(profile, path)
    back = read_profile(path)
    assert profile_dict(back) == profile_dict(profile)


def test_an_officers_edit_is_read_back(profile, tmp_path):
    path = tmp_path / "p.yaml"
    write_profile(profile, path)
    text = path.read_text(encoding="utf-8")
    i = text.index('- indicator: "Tỷ lệ hồ sơ TTHC ở các cấp')
    j = text.index("value: 95", i)
    text = text[:j] + "value: 97   # nâng theo chỉ đạo" + text[j + len("value: 95"):]
    text = text.replace('deadline: "2025-07-31"', "deadline: 2025-08-15")
    path.write_text(text, encoding="utf-8")
    back = read_profile(path)
    target = next(t for t in back.targets if t.indicator.startswith("Tỷ lệ hồ sơ TTHC ở các cấp"))
    assert target.value == 97 and target.op == ">="
    assert back.deadline == "2025-08-15"


@pytest.mark.parametrize("edit, field", [
    (lambda t: t.replace('op: ">="', 'op: "gte"', 1), "targets[1].op"),
    (lambda t: t.replace("value: 98", 'value: "chín mươi"', 1), "targets[1].value"),
    (lambda t: t.replace("- id: bo_may", "- id: bo_may_nha_nuoc", 1), "areas[2].id"),
    (lambda t: t.replace("  - outputs", "  - san_pham", 1), "required_elements[2]"),
    (lambda t: t.replace('deadline: "2025-07-31"', 'deadline: "31/13/2025"', 1), "deadline"),
    (lambda t: t.replace('  number: "2228"\n', "  number: [2228]\n", 1), "parent.number"),
    (lambda t: t.replace('  symbol: "QĐ-UBND"\n', "", 1), "parent.symbol"),
    (lambda t: t.replace('    op: "increase"\n    value: null', '    op: "increase"\n    value: 5', 1),
     "targets[16].value"),
])
def test_invalid_edits_name_the_field(profile, tmp_path, edit, field):
    path = tmp_path / "bad.yaml"
    path.write_text(edit(to_yaml(profile)), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_profile(path)
    assert field in exc.value.reason and "hồ sơ không hợp lệ" in exc.value.reason


def test_unreadable_profiles(tmp_path):
    with pytest.raises(InputError, match="không tìm thấy"):
        read_profile(tmp_path / "none.yaml")
    bad = tmp_path / "syntax.yaml"
    bad.write_text("parent: [1, 2\nareas: x\n", encoding="utf-8")
    with pytest.raises(InputError, match="cú pháp YAML ở dòng"):
        read_profile(bad)
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="tệp hồ sơ"):
        read_profile(empty)


def test_cli_profile_json_matches_the_contract():
    out = subprocess.run([*VBHC, "profile", str(NGHE_AN), "--format", "json"], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    data = json.loads(out.stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["deadline"] == "2025-07-31" and len(data["areas"]) == 6 and len(data["targets"]) == 23


def test_cli_profile_writes_yaml_atomically(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("cũ", encoding="utf-8")
    out = subprocess.run([*VBHC, "profile", str(NGHE_AN), "-o", str(path)], capture_output=True, text=True,
                         cwd=ROOT)
    assert out.returncode == 0 and out.stdout == ""
    assert "6 lĩnh vực, 23 chỉ tiêu" in out.stderr
    assert read_profile(path).deadline == "2025-07-31"
    assert [p.name for p in tmp_path.iterdir()] == ["p.yaml"]


def test_cli_profile_bad_input_exits_2(tmp_path):
    out = subprocess.run([*VBHC, "profile", str(tmp_path / "none.txt")], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 2 and out.stderr.startswith("vbhc: ") and "Traceback" not in out.stderr
    notes = tmp_path / "notes.txt"
    notes.write_text("Ghi chú họp giao ban tuần.\n", encoding="utf-8")
    out = subprocess.run([*VBHC, "profile", str(notes)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 2 and "không tìm thấy lĩnh vực" in out.stderr


def _saved_nghe_an(tmp_path):
    prof = from_parent(Path(__file__).resolve().parents[2] / "corpus" / "nghe-an-2025"
                       / "qd-2228-ubnd-2025-ke-hoach-cchc.txt")
    saved = tmp_path / "p.yaml"
    write_profile(prof, saved)
    return prof, saved


def _keys_trusted_until_edited(prof, saved):
    """In a fresh interpreter the saved profile is read without the segmenter, to the same keys; an edited
    indicator gets its key computed again."""
    from vbhc.profile.keys import indicator_key

    code = ("import sys; from vbhc.profile import read_profile, segmenter; p = read_profile(sys.argv[1]); "
            "print(len(p.targets), segmenter.model.cache_info().currsize, 'underthesea_core' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(saved)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(len(prof.targets)), "0", "False"]  # the model neither loaded nor imported
    assert [t.key for t in read_profile(saved).targets] == [t.key for t in prof.targets]
    first = prof.targets[0]
    text = saved.read_text(encoding="utf-8").replace(f'indicator: "{first.indicator}"',
                                                     'indicator: "tỷ lệ văn bản đi được ký số"', 1)
    saved.write_text(text, encoding="utf-8")
    edited = read_profile(saved).targets[0]
    assert edited.indicator == "tỷ lệ văn bản đi được ký số" and edited.key == indicator_key(edited.indicator)
    assert edited.key != first.key


def test_a_saved_profile_trusts_its_keys_without_the_segmenter(tmp_path):
    """Reading a saved profile loads no word segmenter: the stored keys are trusted while key_hash says the
    indicator was not edited; an edited indicator gets its key computed again."""
    prof, saved = _saved_nghe_an(tmp_path)
    written = re.findall(r'key_hash: "([^"]*)"', saved.read_text(encoding="utf-8"))
    assert len(written) == len(prof.targets) and all(re.fullmatch(r"[0-9a-f]{16}", h) for h in written)
    _keys_trusted_until_edited(prof, saved)


def test_a_profile_saved_with_the_earlier_key_hash_is_still_trusted(tmp_path):
    """Profiles saved before December 2026 hold 12 hex digits of SHA-1 as key_hash; their keys are still
    trusted (no segmenter), and an edited indicator still gets its key computed again."""
    import hashlib

    from vbhc.profile.keys import KEY_VERSION
    from vbhc.profile.yamlio import key_hash

    prof, saved = _saved_nghe_an(tmp_path)
    text = saved.read_text(encoding="utf-8")
    for t in prof.targets:
        old = hashlib.sha1(f"{KEY_VERSION}\0{t.indicator}".encode()).hexdigest()[:12]
        text = text.replace(f'key_hash: "{key_hash(t.indicator)}"', f'key_hash: "{old}"', 1)
    assert len(re.findall(r'key_hash: "[0-9a-f]{12}"', text)) == len(prof.targets)
    saved.write_text(text, encoding="utf-8")
    _keys_trusted_until_edited(prof, saved)


def test_checking_against_a_saved_profile_loads_no_segmentation_model(tmp_path):
    """The parent's keys come from the profile; the sub-plan's indicators are cut into the parent's words."""
    from vbhc.profile import from_parent, write_profile

    root = Path(__file__).resolve().parents[2]
    saved = tmp_path / "p.yaml"
    write_profile(from_parent(root / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"), saved)
    code = ("import sys; from vbhc.check import check_file; from vbhc.profile import read_profile; "
            "from vbhc.profile import segmenter; r = check_file(sys.argv[2], profile=read_profile(sys.argv[1])); "
            "print(len(r.plan.with_status('met')), segmenter.model.cache_info().currsize, "
            "'underthesea_core' in sys.modules)")
    plan = root / "tests" / "fixtures" / "plans" / "stp-tot.txt"
    out = subprocess.run([sys.executable, "-c", code, str(saved), str(plan)], capture_output=True, text=True,
                         check=True)
    met, loaded, imported = out.stdout.split()
    assert int(met) > 10 and (loaded, imported) == ("0", "False")
