"""Choose the cascade's settings on the corpus dev split, then check them (never choose) elsewhere.

    python benchmarks/bench_cascade.py --json benchmarks/results-cascade.json

For each lite-section threshold it analyses the dev reports with the cascade and with BERT alone in the
same process and reports the section agreement with BERT alone (after document decoding) and the time ratio.
The chosen setting is the lowest threshold whose agreement on dev is at least ``--agreement``. (A theme
cascade, measured the same way, reached 1.18x at 0.936 agreement and was dropped.)
The chosen setting is then checked on the real samples (accuracy, every annotated theme found; also in
traditional characters, with half-width punctuation and with the line breaks lost) and on the test split.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

THRESHOLDS = (0.8, 0.85, 0.9, 0.95, 0.98)


def labels(reports):
    return [(p.section, tuple(p.themes)) for r in reports for p in r.paragraphs]


def run(analyzer, texts):
    start = time.perf_counter()
    out = list(analyzer.analyze_batch(texts, brief=False))
    return out, time.perf_counter() - start


def agreement(a, b) -> float:
    """The share of paragraphs whose section (and themes) are the same in ``a`` and ``b``."""
    la, lb = labels(a), labels(b)
    return round(sum(x == y for x, y in zip(la, lb)) / max(len(la), 1), 4)


def main(argv: list[str] | None = None) -> int:
    import lawnlp
    from lawnlp.annotations import load_corpus, split_reports
    from lawnlp.config import CASCADE
    from lawnlp.training import evaluate_end_to_end, sample_items

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--agreement", type=float, default=0.995, help="least label agreement with BERT alone on dev")
    ap.add_argument("--samples", default=str(REPO.parent / "shared" / "samples"), help="real sample reports")
    ap.add_argument("--json", type=Path, help="write the results here")
    args = ap.parse_args(argv)

    splits = split_reports(load_corpus(REPO / "training" / "data" / "paragraphs.jsonl"))
    dev = [r.text for r in splits["dev"]]
    bert = lawnlp.Analyzer(cascade=False, measures=False)
    bert.prepare()
    base, t_base = run(bert, dev)
    result: dict = {"dev_reports": len(dev), "bert_seconds": round(t_base, 2), "sections": []}
    for t in THRESHOLDS:
        a = lawnlp.Analyzer(cascade=replace(CASCADE, section_threshold=t), measures=False)
        out, secs = run(a, dev)
        ag = agreement(out, base)
        result["sections"].append({"threshold": t, "agreement": ag, "time_ratio": round(t_base / secs, 2)})
        print(f"sections threshold {t}: agreement {ag}, {t_base / secs:.2f}x BERT alone", flush=True)
    ok_t = [r["threshold"] for r in result["sections"] if r["agreement"] >= args.agreement]
    chosen = replace(CASCADE, section_threshold=min(ok_t) if ok_t else 1.01)
    result["chosen"] = {"section_threshold": chosen.section_threshold}
    print("chosen on dev:", result["chosen"], flush=True)

    cascade = lawnlp.Analyzer(cascade=chosen, measures=False)
    test = [r.text for r in splits["test"]]
    out, secs = run(cascade, test)
    ref, t_ref = run(bert, test)
    result["test"] = {"agreement": agreement(out, ref), "time_ratio": round(t_ref / secs, 2)}
    if Path(args.samples).is_dir():
        import opencc

        items = sample_items(args.samples, REPO / "training" / "data" / "samples_labels.jsonl")
        half = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "。": "."})
        variants = {
            "as written": items,
            "traditional": [(n, opencc.OpenCC("s2t").convert(t), g, th) for n, t, g, th in items],
            "half-width": [(n, t.translate(half), g, th) for n, t, g, th in items],
        }
        result["samples"] = {}
        for name, its in variants.items():
            for label, analyzer in (("cascade", cascade), ("bert", bert)):
                e = evaluate_end_to_end(analyzer, its)
                result["samples"][f"{name}/{label}"] = {
                    "accuracy": e["accuracy"],
                    "all_themes_found": e["all_themes_found"],
                }
        print("samples:", json.dumps(result["samples"], ensure_ascii=False), flush=True)
    print("test:", result["test"])
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
