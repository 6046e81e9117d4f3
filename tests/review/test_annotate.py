"""`vbhc check FILE.docx --annotate OUT.docx`: one Word comment per finding, anchored to the runs
of the text it is about, signed "vbhc", saying the message and the clause; the document's own
comments kept; nothing else changed."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import docx
import pytest
from docx_builder import build, conformant_decision
from docx_fixtures import add_text_box
from lxml import etree
from review_helpers import W, digest, members, order_faults, part, run, texts

import shared_corpus
from vbhc.check import evaluate
from vbhc.parse import parse_file

DOC = "word/document.xml"
REAL_DOCX = sorted(shared_corpus.REAL.glob("*.docx")) if shared_corpus.REAL.exists() else []


def anchored(path: Path) -> dict[str, str]:
    """Comment id → the text between its commentRangeStart and commentRangeEnd."""
    root = part(path, DOC)
    open_ids: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for el in root.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}t"):
        if el.tag == f"{W}commentRangeStart":
            open_ids[el.get(f"{W}id") or ""] = []
        elif el.tag == f"{W}commentRangeEnd":
            cid = el.get(f"{W}id") or ""
            out[cid] = "".join(open_ids.pop(cid, []))
        else:
            for chunks in open_ids.values():
                chunks.append(el.text or "")
    return out


def comments(path: Path) -> dict[str, tuple[str, str]]:
    """Comment id → (author, text) in the comments part."""
    root = part(path, "word/comments.xml")
    return {c.get(f"{W}id") or "": (c.get(f"{W}author") or "", "\n".join(
        "".join(t.text or "" for t in p.iter(f"{W}t")) for p in c.iter(f"{W}p")))
        for c in root.iter(f"{W}comment")}


def _broken(tmp_path: Path) -> Path:
    layout = conformant_decision()
    layout.para("Số:").text = "Số: 05 /QĐ-UBND"
    layout.para("Độc lập").text = "Độc lập – Tự do – Hạnh phúc"
    layout.para("Căn cứ Luật").italic = False
    layout.para("- Bộ Nội vụ;").text = "- Bộ Nội vụ,"
    layout.page.margins_mm["left"] = 25
    return build(layout, tmp_path / "qd.docx")


def _check_anchors(src: Path, out: Path) -> None:
    """Each finding has one comment, at the text of its first block (or the first text for a
    finding about the page), saying the message and the clause."""
    parsed = parse_file(src)
    findings = evaluate(parsed).findings
    said = comments(out)
    at = anchored(out)
    assert len(said) == len(findings) == len(at)
    first_text = next(b.text for b in parsed.source.blocks if b.text.strip())
    for f, (cid, (author, text)) in zip(findings, sorted(said.items(), key=lambda kv: int(kv[0])), strict=True):
        assert author == "vbhc" and f.message in text and f.rule in text and f.source in text
        block = parsed.source.blocks[f.blocks[0]].text if f.blocks else first_text
        shown = unicodedata.normalize("NFC", at[cid])
        assert shown.strip() and (shown in block or block.strip() in shown), (f.rule, shown, block)


def test_one_comment_per_finding_at_its_text(tmp_path: Path) -> None:
    src = _broken(tmp_path)
    before = digest(src)
    out = tmp_path / "qd.nhan-xet.docx"
    res = run("check", str(src), "--annotate", str(out))
    assert res.exit_code == 1 and digest(src) == before
    assert "5 chú thích" in res.stderr
    _check_anchors(src, out)
    assert texts(out) == texts(src)
    assert order_faults(part(out, DOC)) == []
    d = docx.Document(str(out))
    assert {c.author for c in d.comments} == {"vbhc"} and len(list(d.comments)) == 5
    changed = [n for n, data in members(out).items() if members(src).get(n) != data]
    assert sorted(changed) == sorted(["[Content_Types].xml", DOC, "word/_rels/document.xml.rels", "word/comments.xml"])


def test_comments_land_on_their_text_past_a_text_box(tmp_path: Path) -> None:
    """The paragraphs of a text box are counted where the reader counts them: a comment on a line after
    the box still anchors to that line."""
    src = _broken(tmp_path)
    d = docx.Document(str(src))
    add_text_box(d.paragraphs[0], ["Hộp chữ một", "Hộp chữ hai"])
    d.save(str(src))
    out = tmp_path / "qd.nhan-xet.docx"
    assert run("check", str(src), "--annotate", str(out)).exit_code == 1
    _check_anchors(src, out)
    assert "Hộp chữ hai" in [b.text for b in parse_file(src).source.blocks]


def test_the_documents_own_comments_are_kept(tmp_path: Path) -> None:
    src = _broken(tmp_path)
    d = docx.Document(str(src))
    target = next(p for p in d.paragraphs if p.text.startswith("Điều 3."))
    d.add_comment(target.runs, text="Xem lại hiệu lực", author="Trưởng phòng", initials="TP")
    d.save(str(src))
    out = tmp_path / "out.docx"
    run("check", str(src), "--annotate", str(out))
    said = comments(out)
    assert [t for a, t in said.values() if a == "Trưởng phòng"] == ["Xem lại hiệu lực"]
    assert sum(1 for a, _ in said.values() if a == "vbhc") == 5
    assert len(said) == len(set(said)) == 6
    assert anchored(out)[next(k for k, (a, _) in said.items() if a == "Trưởng phòng")].startswith("Điều 3.")


def test_a_clean_file_comes_out_as_it_went_in(tmp_path: Path) -> None:
    src = build(conformant_decision(), tmp_path / "qd.docx")
    out = tmp_path / "out.docx"
    assert run("check", str(src), "--annotate", str(out)).exit_code == 0
    assert out.read_bytes() == src.read_bytes()


@pytest.mark.parametrize("args, words", [
    (["a.docx", "b.docx"], "chỉ dùng với một tệp .docx"),
    (["a.pdf"], "chỉ ghi được chú thích vào tệp Word .docx"),
])
def test_annotate_usage(tmp_path: Path, args: list[str], words: str) -> None:
    res = run("check", *[str(tmp_path / a) for a in args], "--annotate", str(tmp_path / "out.docx"))
    assert res.exit_code == 2 and words in res.stderr and not (tmp_path / "out.docx").exists()


def test_annotate_never_writes_over_its_input(tmp_path: Path) -> None:
    src = _broken(tmp_path)
    before = digest(src)
    res = run("check", str(src), "--annotate", str(src))
    assert res.exit_code == 2 and "không bao giờ ghi đè" in res.stderr and digest(src) == before


@pytest.mark.parametrize("path", shared_corpus.params(REAL_DOCX))
def test_real_documents_one_comment_per_finding(tmp_path: Path, path: Path) -> None:
    out = tmp_path / "annotated.docx"
    res = run("check", str(path), "--annotate", str(out))
    assert res.exit_code in (0, 1), res.output
    if not evaluate(parse_file(path)).findings:
        assert out.read_bytes() == path.read_bytes()
        return
    _check_anchors(path, out)
    assert texts(out) == texts(path)
    root = part(out, DOC)
    assert order_faults(root) == []
    ids = [el.get(f"{W}id") for el in root.iter(f"{W}commentReference")]
    assert len(ids) == len(set(ids)) == len(comments(out))
    assert etree.QName(root).localname == "document"


def test_a_page_saved_as_docx_is_checked_but_not_annotated(tmp_path: Path) -> None:
    # `check` reads a web page saved as ".docx" by its content; only a real .docx can carry Word's comments
    page = tmp_path / "trang.docx"
    page.write_bytes(b"<html><body><p>KE HOACH</p></body></html>")
    res = run("check", str(page), "--annotate", str(tmp_path / "out.docx"))
    assert res.exit_code == 2 and "(tệp này là trang web (HTML))" in res.stderr
    assert not (tmp_path / "out.docx").exists()
