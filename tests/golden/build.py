"""Write tests/golden/golden.json: what analyze() returns, and the exact strings each model reads, for the
example reports and 21 corpus reports, with the BERT (fp32), lite and rules backends.

    python tests/golden/build.py          # after a deliberate change of behaviour; review the diff

tests/test_golden.py recomputes everything and compares. Texts are stored as hashes (the corpus and the
examples are in the repo already); labels, metadata, contexts and briefs in full.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = Path(__file__).with_name("golden.json")
REPORT_IDS = (
    "b1-chongqing-bashanzhen-2020",
    "b1-guangxi-tanxuzhen-2021",
    "b1-sichuan-simazhen-2025",
    "b2-gansu-malianhexian-2022",
    "b2-jilin-liyuanxian-2019",
    "b2-ningxia-xiangshanxian-2023",
    "b3-anhui-fengze-slj-2020",
    "b3-guangdong-nanxi-ybj-2023",
    "b3-jiangxi-zhangjiang-scjgj-2019",
    "b4-beijing-beiyuanqu-20xx",
    "b4-hunan-lizhoushi-2024",
    "b4-shandong-longquanzhen-20xx",
    "b5-guangdong-jinxijiedao-2023",
    "b5-hunan-huangqiaozhen-2022",
    "b5-sichuan-dazhoushi-2023",
    "b6-anhui-liyuanjiedao-2019",
    "b6-hunan-baimaxiang-2022",
    "b6-shanxi-liugouxiang-2024",
    "b7-guangxi-pingling-yingjiju-2023",
    "b7-neimenggu-baoligensumu-2023",
    "example-xiaohezhen-2022",
)
BACKENDS = ("bert", "lite", "rules")


def sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def golden_texts() -> dict[str, str]:
    """name -> report text: the examples, then the chosen corpus reports (lines joined)."""
    texts = {f"examples/{p.name}": p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))}
    lines: dict[str, list[tuple[int, str]]] = {}
    for raw in (REPO / "training" / "data" / "paragraphs.jsonl").read_text(encoding="utf-8").splitlines():
        obj = json.loads(raw)
        if obj["report_id"] in REPORT_IDS:
            lines.setdefault(obj["report_id"], []).append((obj["index"], obj["text"]))
    for rid in REPORT_IDS:
        texts[rid] = "\n".join(t for _, t in sorted(lines[rid])) + "\n"
    return texts


def result_record(report) -> dict:
    """The analyze() output as compared: every field, texts as hashes."""
    d = report.to_dict()
    return {
        "meta": {k: d["meta"].get(k) for k in ("entity", "county", "year", "level", "published")},
        "paragraphs": [
            [
                p["line"],
                sha(p["text"]),
                sha(p["norm"]),
                p["heading_level"],
                p["numbering"],
                p["headings"],
                p["debris"],
                p["section"],
                p["themes"],
            ]
            for p in d["paragraphs"]
        ],
        "brief": d["brief"],
    }


def main() -> int:
    sys.path.insert(0, str(REPO))
    import lawnlp
    from tests.golden.inputs import model_inputs  # the per-backend model input strings, for this code version

    texts = golden_texts()
    out: dict = {"reports": {}}
    analyzers = {b: lawnlp.Analyzer(backend=b, accel="none") for b in BACKENDS}
    for name, text in texts.items():
        rec = {"inputs": model_inputs(analyzers["bert"].parse(text, name=name))}
        for b, analyzer in analyzers.items():
            rec[b] = result_record(analyzer.analyze(text, name=name))
        out["reports"][name] = rec
        print(name, file=sys.stderr)
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(texts)} reports)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
