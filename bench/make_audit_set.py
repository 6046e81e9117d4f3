"""Make a folder of sub-plans for benchmarking `vbhc audit` (run by hand, not a test).

    .venv/bin/python bench/make_audit_set.py OUT_DIR [--count 200] [--seed 1] [--txt-every 20]

Every plan is a `vbhc draft` of the Nghệ An 2025 plan: the function the CLI calls
(`vbhc.generate.subplan.draft`, with the parent's profile and the parent plan read once, in this process),
for an agency drawn from a list of departments (`--level so`) and communes and wards
(`--level xa`), dated on a seeded day between the parent's date and its deadline, with a number
and a signer filled in as a submitted plan would have them. Then, by a seeded draw, zero or more
defects are seeded; the rule each must trip is written to OUT_DIR/manifest.json (the audit lists
that file as skipped), so the benchmark can check that the audit found them:

  late         issued after the parent's deadline (1/8–30/9/2025)          KH005
  no_area      one reform area dropped (its clause in II and its rows in
               the task table; the following clauses renumbered)           KH001
  weaker       one target of I.3 lowered by 3–15 points ("từ 95%" → 88%)  KH002
  citation     the parent's number cited wrongly ("2228/QĐ-UBND" → 2282)   KH006
  spaced_no    "Số: 45 /KH-STP" instead of "Số: 45/KH-STP"                 ND30.SoKyHieu.KhoangTrang
  dup_label    a point label used twice in one list ("b)" then "b)")     ND30.DanhSo.TrungLap

How defects are applied: all but `late` and `spaced_no` are edits of the drafted `Document`'s
nodes (labels are literal text in the model, so the .docx writer prints what the node says);
`late` is the draft's own `date`; `spaced_no` cannot be said in the model (the writer joins
number and symbol with "/"), so the .docx is edited after writing, with python-docx (the run
holding "/" in the "Số:" paragraph of the header table), and the .txt is written with the space.

Most plans are .docx (`vbhc.writers.docx.to_bytes`, as `vbhc draft -o X.docx` writes them);
every `--txt-every`-th plan is written as plain text (a hard-wrapped-free rendering of the same
Document: header lines, labelled body, closing; the task table is left out of the text files).

The same seed gives the same set, byte for byte for the .txt files and the manifest (a .docx
zip holds timestamps, so its bytes may differ, not its text).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARENT = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"

DEPARTMENTS = ["Sở Tư pháp", "Sở Y tế", "Sở Tài chính", "Sở Nội vụ", "Sở Xây dựng", "Sở Công Thương",
               "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ",
               "Sở Văn hóa, Thể thao và Du lịch", "Sở Dân tộc và Tôn giáo", "Sở Ngoại vụ"]
COMMUNES = ["xã Hưng Nguyên", "xã Nam Đàn", "xã Đô Lương", "xã Yên Thành", "xã Diễn Châu", "xã Quỳnh Lưu",
            "xã Thanh Chương", "xã Nghi Lộc", "xã Anh Sơn", "xã Con Cuông", "xã Tân Kỳ", "xã Quỳ Hợp",
            "xã Nghĩa Đàn", "xã Quế Phong", "phường Vinh Phú", "phường Trường Vinh", "phường Thành Vinh",
            "phường Cửa Lò", "phường Hoàng Mai", "phường Thái Hòa"]
SIGNERS = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Đức",
           "Võ Thị Hà", "Đặng Văn Hùng", "Bùi Thị Lan", "Hồ Văn Minh", "Ngô Thị Nga"]
DEFECTS = {"late": "KH005", "no_area": "KH001", "weaker": "KH002", "citation": "KH006",
           "spaced_no": "ND30.SoKyHieu.KhoangTrang", "dup_label": "ND30.DanhSo.TrungLap"}
RATE = 0.12  # chance of each defect, drawn independently per plan

ON_TIME = (dt.date(2025, 7, 16), dt.date(2025, 7, 31))  # after the parent (15/7), by its deadline
LATE = (dt.date(2025, 8, 1), dt.date(2025, 9, 30))
_TARGET = re.compile(r"(đạt (?:tỷ lệ )?(?:từ|trên) )(\d+)(%)")


def _day(rng: random.Random, span: tuple[dt.date, dt.date]) -> str:
    return (span[0] + dt.timedelta(days=rng.randint(0, (span[1] - span[0]).days))).isoformat()


def _section(doc, number: str):
    return next(n for n in doc.body if n.kind == "section" and n.number == number)


# --- defects on the Document -----------------------------------------------------------------

def drop_area(doc, rng: random.Random) -> str:
    """Remove one reform area (clause of II) and its rows of the task table; renumber after it."""
    from vbhc.generate.template import roman

    tasks = _section(doc, "II")
    k = rng.randrange(len(tasks.children))
    title = tasks.children.pop(k).heading
    for i, clause in enumerate(tasks.children, 1):
        clause.number, clause.label = str(i), f"{i}."
    table = next(n for n in doc.nodes() if n.kind == "table")
    rows, out, skip, group = table.rows, [], False, 0
    for row in rows:
        if row[0] and re.fullmatch(r"[IVXLC]+", row[0]):
            skip = row[1] == title
            if not skip:
                group += 1
                row = [roman(group), *row[1:]]
        if not skip:
            out.append(row)
    table.rows = out
    return title


def weaken_target(doc, rng: random.Random) -> str:
    """Lower one numeric target of I.3 ("Mục tiêu, chỉ tiêu") by 3–15 points."""
    goals = _section(doc, "I").children[2]
    candidates = [p for p in goals.children if p.text and _TARGET.search(p.text)]
    point = rng.choice(candidates)
    m = _TARGET.search(point.text)
    lower = int(m.group(2)) - rng.randint(3, 15)
    point.text = point.text[:m.start()] + f"{m.group(1)}{lower}{m.group(3)}" + point.text[m.end():]
    return f"{m.group(2)}% → {lower}%"


def wrong_citation(doc, rng: random.Random, parent_number: str) -> str:
    """Cite the parent with another number ("2228/QĐ-UBND" → "2282/QĐ-UBND")."""
    intro = doc.body[0]
    digits = list(parent_number)
    while "".join(digits) == parent_number:
        rng.shuffle(digits)
        if len(set(digits)) == 1:
            digits = list(str(int(parent_number) + 1))
    wrong = "".join(digits)
    intro.text = intro.text.replace(f"số {parent_number}/", f"số {wrong}/", 1)
    return wrong


def duplicate_label(doc, rng: random.Random) -> str:
    """Give a point the label of the point before it, in one list of II."""
    lists = [c for c in _section(doc, "II").children if sum(p.kind == "point" for p in c.children) >= 2]
    clause = rng.choice(lists)
    points = [p for p in clause.children if p.kind == "point"]
    j = rng.randrange(1, len(points))
    points[j].label, points[j].number = points[j - 1].label, points[j - 1].number
    return f"{clause.label} {points[j].label}"


# --- writing ---------------------------------------------------------------------------------

def docx_bytes(doc, spaced: bool) -> bytes:
    from vbhc.writers.docx import to_bytes

    data = to_bytes([doc])
    if not spaced:
        return data
    import docx

    d = docx.Document(io.BytesIO(data))
    for table in d.tables[:1]:
        for cell in (c for row in table.rows for c in row.cells):
            for p in cell.paragraphs:
                if p.text.startswith("Số:"):
                    run = next(r for r in p.runs if "/" in r.text)
                    run.text = run.text.replace("/", " /", 1)
                    out = io.BytesIO()
                    d.save(out)
                    return out.getvalue()
    raise RuntimeError("no 'Số:' line in the header table")


def plain_text(doc, spaced: bool) -> str:
    """The Document as a plain-text plan (what a .txt submission looks like)."""
    from vbhc.writers.form import date_line, number_line, recipient_items, signature_lines

    lines = [*([doc.parent_issuer] if doc.parent_issuer else []), *doc.issuer.split("\n"), ""]
    number = number_line(doc.number, doc.symbol, doc.year)
    lines += [number.replace("/", " /", 1) if spaced else number, "",
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
              date_line(doc.place, doc.date), "", (doc.doc_type or "Kế hoạch").upper(), doc.title or "", ""]

    def node(n) -> None:
        if n.kind == "table":
            return
        if n.kind == "section":
            lines.extend(["", f"{n.label} {(n.heading or '').upper()}"])
        elif n.heading:
            lines.append(f"{n.label} {n.heading}")
            if n.text:
                lines.append(n.text)
        elif n.label:
            lines.append(f"{n.label} {n.text or ''}".rstrip())
        elif n.text:
            lines.append(n.text)
        for child in n.children:
            node(child)

    for n in doc.body:
        node(n)
    lines += ["", "Nơi nhận:", *(f"- {r}" for r in recipient_items(doc.recipients))]
    if doc.storage:
        lines.append(f"- {doc.storage}")
    if doc.signature:
        lines += ["", *signature_lines(doc.signature), "", doc.signature.signer or ""]
    return "\n".join(lines) + "\n"


def make_set(out: Path, count: int = 200, seed: int = 1, txt_every: int = 20,
             parent: Path = PARENT) -> dict:
    """Write `count` plans and OUT/manifest.json; returns the manifest."""
    from vbhc.generate.subplan import draft, parent_plan
    from vbhc.profile import from_parent

    profile = from_parent(str(parent))
    parent_doc = parent_plan(profile, str(parent))
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    agencies = [(a, "so") for a in DEPARTMENTS] + [(a, "xa") for a in COMMUNES]
    manifest: dict = {"parent": str(parent.relative_to(ROOT)) if parent.is_relative_to(ROOT) else str(parent),
                      "seed": seed, "count": count, "defects": DEFECTS, "files": {}}
    for i in range(count):
        agency, level = rng.choice(agencies)
        defects = [d for d in DEFECTS if rng.random() < RATE]
        late = "late" in defects
        issued = _day(rng, LATE if late else ON_TIME)
        result = draft(profile, agency, parent=parent_doc, level=level, date=issued)
        doc = result.documents[0]
        doc.number = str(rng.randint(10, 399))
        if doc.signature:
            doc.signature.signer = rng.choice(SIGNERS)
        notes = {}
        if late:
            notes["late"] = issued
        if "no_area" in defects:
            notes["no_area"] = drop_area(doc, rng)
        if "weaker" in defects:
            notes["weaker"] = weaken_target(doc, rng)
        if "citation" in defects:
            notes["citation"] = wrong_citation(doc, rng, profile.parent.number)
        if "dup_label" in defects:
            notes["dup_label"] = duplicate_label(doc, rng)
        spaced = "spaced_no" in defects
        ext = ".txt" if txt_every and (i + 1) % txt_every == 0 else ".docx"
        name = f"{i + 1:03d}-{level}{ext}"
        if ext == ".txt":
            (out / name).write_text(plain_text(doc, spaced), encoding="utf-8")
        else:
            (out / name).write_bytes(docx_bytes(doc, spaced))
        manifest["files"][name] = {"agency": result.agency.name, "level": level, "date": issued,
                                   "number": f"{doc.number}/{doc.symbol}", "defects": defects,
                                   "rules": sorted({DEFECTS[d] for d in defects}), "details": notes}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                       encoding="utf-8")
    return manifest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--txt-every", type=int, default=20, help="every N-th plan as .txt (0: none)")
    args = ap.parse_args()
    manifest = make_set(args.out, args.count, args.seed, args.txt_every)
    files = manifest["files"].values()
    seeded = sum(len(f["defects"]) for f in files)
    print(f"{len(files)} kế hoạch trong {args.out} ({sum(1 for n in manifest['files'] if n.endswith('.txt'))} .txt), "
          f"{seeded} lỗi cài sẵn, {sum(1 for f in files if not f['defects'])} tệp không lỗi; "
          f"danh sách: {args.out / 'manifest.json'}", file=sys.stderr)


if __name__ == "__main__":
    main()
