"""Benchmark of the research measures (lawnlp.measures).

    .venv/bin/python benchmarks/bench_compare.py                    # compare() at 250/500/1000 reports
    .venv/bin/python benchmarks/bench_compare.py --sizes 100,200 --analyze lite --json out.json

Reports are synthesised from the annotated corpus (training/data/paragraphs.jsonl with its gold
sections and themes): report k is corpus report k mod N with its body renamed (a made-up name of the
same level) and its years shifted by k div N, so the batch holds no two copies of one text in the
same year and every body is distinct. Each report is structured by ``Analyzer.parse`` (no models) and
then given its gold labels, as an analysed report would carry them.

Printed, all in this one process on this machine:
- ``compare()`` seconds at each size and the growth ratio t(N) / t(smallest) against N / smallest
  (1.0 = linear);
- per report: ``audit_report`` + ``extract_indicators`` against ``Analyzer.parse`` of the same texts
  (the ratio is the figure to read; absolute times depend on the machine and its load), and with
  ``--analyze BACKEND`` ``Analyzer(backend=BACKEND).analyze_batch`` (sections, themes, no brief) timed
  without and with the measures (``measures=False`` / ``True``, alternated, best of ``--repeat``): the
  share the measures add to it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lawnlp import Analyzer  # noqa: E402
from lawnlp.measures import BoilerplateReference, audit_report, compare, extract_indicators  # noqa: E402

DATA = ROOT / "training" / "data"
FIRST = "青白松柳石云枫杏南龙竹桃金梅溪北高沙鹤长"
SECOND = "岭川坪湾山桥口关塘溪源田林岗滩冲坝寨河湖"
SUFFIXES = ("街道", "自治州", "自治县", "镇", "乡", "县", "区", "市", "州", "省")


def corpus() -> list[dict]:
    metas = {
        m["report_id"]: m for m in map(json.loads, (DATA / "reports.jsonl").read_text(encoding="utf-8").splitlines())
    }
    rows: dict[str, list[dict]] = {}
    for line in (DATA / "paragraphs.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        rows.setdefault(r["report_id"], []).append(r)
    out = []
    for rid, recs in rows.items():
        recs.sort(key=lambda r: r["index"])
        out.append({"meta": metas[rid], "lines": recs})
    return out


def _rename(name: str | None, k: int) -> tuple[str | None, str | None]:
    if not name:
        return None, None
    suffix = next((s for s in SUFFIXES if name.endswith(s)), "")
    core = name[: len(name) - len(suffix)] if suffix else name
    new = FIRST[k % len(FIRST)] + SECOND[(k // len(FIRST)) % len(SECOND)] + (f"{k // 400}" if k >= 400 else "")
    return core, new


def synthesise(n: int, base: list[dict]) -> list[tuple[str, dict, list[dict]]]:
    """(text, meta, line records) of ``n`` synthetic reports."""
    out = []
    for k in range(n):
        src = base[k % len(base)]
        shift = k // len(base)
        meta = dict(src["meta"])
        old, new = _rename(meta["entity"], k)
        lines = []
        for r in src["lines"]:
            text = r["text"]
            if old and len(old) >= 2:
                text = text.replace(old, new)
            if meta["year"]:
                for y in (meta["year"] + 1, meta["year"]):
                    text = text.replace(f"{y}年", f"{y + shift}年")
            lines.append({"text": text, "section": r["section"], "themes": r["themes"]})
        if old and meta["entity"]:
            meta["entity"] = meta["entity"].replace(old, new)
        if meta["year"]:
            meta["year"] += shift
        out.append(("\n".join(r["text"] for r in lines), meta, lines))
    return out


def labelled(analyzer: Analyzer, text: str, meta: dict, lines: list[dict], name: str):
    report = analyzer.parse(text, name=name)
    for p in report.paragraphs:
        p.section, p.themes = lines[p.line]["section"], list(lines[p.line]["themes"])
    report.meta.entity, report.meta.county, report.meta.year = meta["entity"], meta["county"], meta["year"]
    report.meta.level = meta["level"]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="250,500,1000", help="batch sizes for compare()")
    parser.add_argument("--per-report", type=int, default=250, help="reports timed for audit+indicators vs parse")
    parser.add_argument("--analyze", metavar="BACKEND", help="also time analyze_batch with this backend (lite, bert)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of analyze_batch each way (the best counts)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    analyzer = Analyzer(backend="rules")
    synth = synthesise(max(sizes + [args.per_report]), corpus())
    reports = [labelled(analyzer, t, m, lines, f"synth-{k}.txt") for k, (t, m, lines) in enumerate(synth)]
    result: dict = {"machine": {"cpus": os.cpu_count(), "loadavg_1min": os.getloadavg()[0]}, "compare_s": {}}

    compare(reports[:50])  # warm-up: imports, regex caches
    for n in sizes:
        t0 = time.perf_counter()
        c = compare(reports[:n])
        result["compare_s"][n] = dt = time.perf_counter() - t0
        print(
            f"compare({n:5d} reports): {dt:6.2f} s   year-over-year rows {len(c.year_over_year):4d}, "
            f"copying rows {len(c.copying):4d}"
        )
    lo = min(sizes)
    for n in sizes:
        growth = result["compare_s"][n] / result["compare_s"][lo]
        print(
            f"  growth t({n})/t({lo}) = {growth:.2f} for {n / lo:.1f}x the reports ({growth / (n / lo):.2f} of linear)"
        )
    result["growth_vs_linear"] = {n: result["compare_s"][n] / result["compare_s"][lo] / (n / lo) for n in sizes}

    k = args.per_report
    texts = [(t, f"synth-{i}.txt") for i, (t, _, _) in enumerate(synth[:k])]
    t0 = time.perf_counter()
    for t, name in texts:
        analyzer.parse(t, name=name)
    parse_s = time.perf_counter() - t0
    ref = BoilerplateReference.default()
    t0 = time.perf_counter()
    for r in reports[:k]:
        audit_report(r, ref)
        extract_indicators(r)
    measures_s = time.perf_counter() - t0
    result |= {
        "per_report_ms": {"parse": 1000 * parse_s / k, "audit_indicators": 1000 * measures_s / k},
        "measures_over_parse": measures_s / parse_s,
    }
    print(
        f"per report ({k} reports): parse {1000 * parse_s / k:.2f} ms, audit+indicators "
        f"{1000 * measures_s / k:.2f} ms = {measures_s / parse_s:.2f}x parse"
    )
    if args.analyze:
        pairs = [(name, t) for t, name in texts]
        runs: dict[bool, list[float]] = {False: [], True: []}
        with_measures = Analyzer(backend=args.analyze)
        without = Analyzer(backend=args.analyze, measures=False)
        for a in (without, with_measures):
            list(a.analyze_batch(pairs[:10], brief=False))  # load the models
        for _ in range(args.repeat):
            for flag, a in ((False, without), (True, with_measures)):
                t0 = time.perf_counter()
                done = list(a.analyze_batch(pairs, brief=False))
                runs[flag].append(time.perf_counter() - t0)
                if any(r.error for r in done):
                    raise SystemExit(f"analyze_batch failed: {next(r.error for r in done if r.error)}")
        plain_s, full_s = min(runs[False]), min(runs[True])
        result |= {
            "analyze_backend": args.analyze,
            "per_report_ms_analyze": 1000 * plain_s / k,
            "per_report_ms_analyze_with_measures": 1000 * full_s / k,
            "measures_add_to_analyze": full_s / plain_s - 1,
            "measures_over_analyze": measures_s / plain_s,
        }
        print(
            f"analyze_batch ({args.analyze}, best of {args.repeat}): {1000 * plain_s / k:.2f} ms per report "
            f"without measures, {1000 * full_s / k:.2f} ms with: the measures add {100 * (full_s / plain_s - 1):.1f}% "
            f"(audit+indicators alone: {100 * measures_s / plain_s:.1f}% of it)"
        )
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
