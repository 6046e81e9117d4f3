"""Make a folder of sub-plans for benchmarking `vbhc audit` (skeleton; run by hand, not a test).

    .venv/bin/python bench/make_audit_set.py OUT_DIR [--count 200] [--seed 1]

Each plan gets an agency from a list (departments and communes) and, by a seeded draw, zero or
more defects whose expected rule is written to OUT_DIR/manifest.json, so a benchmark can also
check that the audit found them:

  late         issued after the parent's deadline          KH005
  no_area      one reform area dropped                     KH001
  weaker       a target below the parent's                 KH002
  spaced_no    "45 /KH-UBND" instead of "45/KH-UBND"       ND30.SoKyHieu.KhoangTrang

TODO (once `vbhc draft` lands): produce each plan with
`vbhc draft --against PARENT --agency NAME -o OUT.docx`, then seed the defects into the .docx;
until then plans are written as .txt from tests/fixtures/audit/so-tu-phap.txt.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "tests" / "fixtures" / "audit" / "so-tu-phap.txt"
PARENT = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
DEPARTMENTS = ["SỞ TƯ PHÁP", "SỞ Y TẾ", "SỞ TÀI CHÍNH", "SỞ NỘI VỤ", "SỞ XÂY DỰNG", "SỞ CÔNG THƯƠNG",
               "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]
COMMUNES = ["HƯNG NGUYÊN", "NAM ĐÀN", "ĐÔ LƯƠNG", "YÊN THÀNH", "DIỄN CHÂU", "QUỲNH LƯU", "THANH CHƯƠNG",
            "NGHI LỘC", "ANH SƠN", "CON CUÔNG", "TÂN KỲ", "QUỲ HỢP"]
DEFECTS = {"late": "KH005", "no_area": "KH001", "weaker": "KH002", "spaced_no": "ND30.SoKyHieu.KhoangTrang"}


def plan_text(template: str, agency: str, number: int, defects: list[str], rng: random.Random) -> str:
    text = template.replace("SỞ TƯ PHÁP", agency).replace("Sở Tư pháp", agency.title())
    text = text.replace("125/KH-STP", f"{number}/KH-{'UBND' if agency.startswith('ỦY') else 'SNN'}")
    if "spaced_no" in defects:
        text = re.sub(r"Số: (\d+)/", r"Số: \1 /", text)
    if "late" in defects:
        text = text.replace("ngày 25 tháng 7", f"ngày {rng.randint(1, 28)} tháng 8")
    if "weaker" in defects:
        text = text.replace("đạt từ 98% trở lên", "đạt từ 90% trở lên")
    if "no_area" in defects:
        text = re.sub(r"5\. Cải cách tài chính công\n.*?\n\n", "", text, flags=re.S)
        text = text.replace("6. Xây dựng và phát triển", "5. Xây dựng và phát triển")
    return text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    template = TEMPLATE.read_text(encoding="utf-8")
    args.out.mkdir(parents=True, exist_ok=True)
    manifest = {"parent": str(PARENT), "files": {}}
    agencies = DEPARTMENTS + [f"ỦY BAN NHÂN DÂN XÃ {c}" for c in COMMUNES]
    for i in range(args.count):
        agency = agencies[i % len(agencies)]
        defects = [d for d in DEFECTS if rng.random() < 0.2]
        name = f"{i + 1:03d}-{'xa' if agency.startswith('ỦY') else 'so'}.txt"
        (args.out / name).write_text(plan_text(template, agency, 100 + i, defects, rng), encoding="utf-8")
        manifest["files"][name] = {"agency": agency, "defects": defects, "rules": [DEFECTS[d] for d in defects]}
    (args.out.parent / f"{args.out.name}-manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"{args.count} kế hoạch trong {args.out}; danh sách lỗi cài sẵn: {args.out.name}-manifest.json")


if __name__ == "__main__":
    main()
